"""lessons.article: the seed article's parts with offsets, and clear errors for bad files."""

from __future__ import annotations

import json

import pytest

from lessons.article import ArticleError, load_article, paragraph_spans, parse_article


def test_seed_article_parts(article):
    assert article.title.text == "U.S. denounces timing of Xi's visit to Kremlin after ICC arrest warrant for Putin"
    assert article.standfirst.text.startswith("White House spokesperson urges Chinese leader")
    assert article.paragraphs[0].text.startswith("Vladimir Putin hosted his")
    assert article.metadata["outlet"] == "CBC News" and article.metadata["date"] == "2023-03-20"
    kinds = [p.kind for p in article.paragraphs]
    assert kinds.count("subhead") == 4 and kinds.count("caption") == 1 and kinds[-1] == "credit"
    assert next(p for p in article.paragraphs if p.kind == "caption").text.startswith("WATCH |")


def test_every_part_keeps_its_offsets(article):
    parts = [article.title, article.standfirst, article.body, *article.paragraphs]
    assert all(article.text[p.start:p.end] == p.text for p in parts)
    assert article.body.start == article.paragraphs[0].start and article.body.end == article.paragraphs[-1].end


def test_any_utf8_file_loads_and_metadata_is_optional(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text("Short headline\r\n\r\nFirst paragraph. Second sentence.\r\n\r\nLast one.\r\n", encoding="utf-8")
    article = load_article(path)
    assert article.title.text == "Short headline" and article.metadata == {}
    assert [p.text for p in article.paragraphs] == ["First paragraph. Second sentence.", "Last one."]


def test_metadata_beside_the_file_is_read(tmp_path):
    (tmp_path / "story.txt").write_text("Headline\nBody text here.", encoding="utf-8")
    (tmp_path / "story.json").write_text(json.dumps({"outlet": "Test"}), encoding="utf-8")
    assert load_article(tmp_path / "story.txt").metadata == {"outlet": "Test"}


@pytest.mark.parametrize("content, problem", [
    (None, "does not exist"),
    (b"", "is empty"),
    (b"  \n\t\n", "is empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
    ("Caf\u00e9 au lait".encode("latin-1"), "not UTF-8"),
])
def test_bad_files_get_an_error_naming_the_file(tmp_path, content, problem):
    path = tmp_path / "story.txt"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(ArticleError, match=problem) as error:
        load_article(path)
    assert str(path) in str(error.value) and "UTF-8" in str(error.value)


def test_a_folder_is_not_an_article(tmp_path):
    with pytest.raises(ArticleError, match="is a folder"):
        load_article(tmp_path)


def test_broken_metadata_is_named(tmp_path):
    (tmp_path / "story.txt").write_text("Headline\nBody.", encoding="utf-8")
    (tmp_path / "story.json").write_text("[1, 2", encoding="utf-8")
    with pytest.raises(ArticleError, match="story.json"):
        load_article(tmp_path / "story.txt")


@pytest.mark.parametrize("bad", [42, b"seeds/x.txt"])
def test_a_path_must_be_a_path(bad):
    with pytest.raises(TypeError, match="file path"):
        load_article(bad)


def test_parse_article_needs_a_string():
    with pytest.raises(TypeError, match="as a str"):
        parse_article(None)


def test_empty_text_parses_to_no_parts():
    article = parse_article("")
    assert article.title is None and article.paragraphs == () and article.body.text == ""


def test_paragraphs_are_lines_unless_the_text_has_blank_lines():
    assert paragraph_spans("A\nB\n") == [(0, 1), (2, 3)]
    assert paragraph_spans("A\nstill A\n \nB") == [(0, 9), (12, 13)]


@pytest.mark.parametrize("content, message", [(b"", "is empty"), (b"\x00\x01", "binary"),
                                              ("é".encode("latin-1"), "not UTF-8")])
def test_one_decoder_explains_bad_uploads_and_files(content, message):
    from lessons.article import decode_text

    with pytest.raises(ArticleError, match=f"upload.txt .*{message}|upload.txt {message}"):
        decode_text(content, "upload.txt")


STORY = ("Council approves $12 million harbour bridge\n"
         "The new bridge will carry 5,000 cars a day, the city says\n"
         "\n"
         "TORONTO — The city council approved the Harbour Bridge on Monday.\n"
         "\n"
         "\"It took longer than we hoped,\" Mayor Jane Smith said.\n")


def test_a_headline_and_standfirst_over_a_blank_line_are_recognised():
    from lessons.tokens import sentences

    article = parse_article(STORY)
    assert article.title.text == "Council approves $12 million harbour bridge"
    assert article.standfirst.text.startswith("The new bridge") and article.advice == ""
    assert article.paragraphs[0].text.startswith("TORONTO")
    # Neither is glued to the first sentence of the story.
    assert [s.text for s in sentences(STORY)][:3] == [article.title.text, article.standfirst.text,
                                                      article.paragraphs[0].text]


def test_a_hard_wrapped_story_keeps_its_wrapped_paragraphs_and_gets_advice_that_works():
    wrapped = ("Council approves harbour bridge\nThe city council approved the bridge on Monday, after\n"
               "three years of debate.\n\nThe mayor said it took\nlonger than hoped.\n")
    article = parse_article(wrapped)
    assert article.title is None and "put the headline alone on the first line" in article.advice
    marked = wrapped.replace("bridge\nThe city", "bridge\n\nThe city")  # what the advice says to do
    assert parse_article(marked).title.text == "Council approves harbour bridge"
    assert parse_article(marked).advice == ""


def test_one_block_of_text_gets_advice():
    block = " ".join(["The council met on Monday and talked about the bridge for a long time."] * 5)
    assert "one block" in parse_article(block).advice
    assert parse_article("A short note. Nothing more.").advice == ""


def test_hard_wrapped_lines_without_blank_lines_get_advice_that_works():
    from lessons.tokens import sentences

    wrapped = ("Council approves harbour bridge\nThe city council approved the bridge on Monday,\n"
               "after three years of debate. The mayor said it took\nlonger than hoped.\n")
    assert "hard-wrapped" in parse_article(wrapped).advice
    marked = ("Council approves harbour bridge\n\nThe city council approved the bridge on Monday,\n"
              "after three years of debate. The mayor said it took\nlonger than hoped.\n")
    article = parse_article(marked)
    assert article.advice == "" and article.title.text == "Council approves harbour bridge"
    assert [s.text.split()[-1] for s in sentences(marked)] == ["bridge", "debate.", "hoped."]
