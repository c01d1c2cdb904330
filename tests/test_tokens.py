"""lessons.tokens on the seed article's tricky cases, on bad input, and on arbitrary Unicode."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lessons.tokens import (
    TOKENIZERS, Sentence, Token, compare_tokenizers, run_tokenizer, sentences, tokenize, tokens_by_sentence,
    word_frequencies,
)


@pytest.fixture(scope="module")
def tokens(article):
    return tokenize(article.text)


def texts_around(tokens, text, phrase):
    """The token texts that cover the first occurrence of ``phrase``, with their offsets."""
    start = text.index(phrase)
    end = start + len(phrase)
    return [(t.text, t.start, t.end) for t in tokens if t.start < end and t.end > start]


@pytest.mark.parametrize("phrase, expected", [
    ("U.S. denounces", [("U.S.", 0, 4), ("denounces", 5, 14)]),
    ("U.S authorizes", [("U.S", 4779, 4782), ("authorizes", 4783, 4793)]),
    ("Xi's visit", [("Xi", 25, 27), ("'s", 27, 29), ("visit", 30, 35)]),
    ("Ukraine's sovereignty'", [("Ukraine", 163, 170), ("'s", 170, 172), ("sovereignty", 173, 184), ("'", 184, 185)]),
    ("$350m", [("$", 4802, 4803), ("350m", 4803, 4807)]),
    ("$350 million US", [("$", 4891, 4892), ("350", 4892, 4895), ("million", 4896, 4903), ("US", 4904, 4906)]),
    ("4½ hours", [("4½", 997, 999), ("hours", 1000, 1005)]),
    ("155 millimetre", [("155", 4734, 4737), ("millimetre", 4738, 4748)]),
    ("12-point", [("12-point", 2947, 2955)]),
    ("one million", [("one", 4712, 4715), ("million", 4716, 4723)]),
    ('"dear friend" Xi', [('"', 212, 213), ("dear", 213, 217), ("friend", 218, 224), ('"', 224, 225), ("Xi", 226, 228)]),
    ('as "dear friend" when', [("as", 867, 869), ('"', 870, 871), ("dear", 871, 875), ("friend", 876, 882),
                               ('"', 882, 883), ("when", 884, 888)]),
    ("Hryhorivka — all", [("Hryhorivka", 5434, 5444), ("—", 5445, 5446), ("all", 5447, 5450)]),
    ("WATCH | Xi", [("WATCH", 5238, 5243), ("|", 5244, 5245), ("Xi", 5246, 5248)]),
])
def test_tricky_cases_of_the_seed_article(article, tokens, phrase, expected):
    assert texts_around(tokens, article.text, phrase) == expected


def test_both_spellings_of_us_survive(article, tokens):
    assert [t.text for t in tokens if t.text.startswith("U.S")] == ["U.S.", "U.S.", "U.S.", "U.S.", "U.S"]


def test_every_token_span_is_exact_in_order_and_disjoint(article, tokens):
    position = 0
    for token in tokens:
        assert article.text[token.start:token.end] == token.text
        assert position <= token.start < token.end
        position = token.end
    assert "".join(article.text.split()) == "".join(t.text for t in tokens)  # nothing but spaces is lost


def test_headline_and_standfirst_are_sentences_of_their_own(article):
    found = sentences(article.text)
    assert (found[0].start, found[0].end) == (article.title.start, article.title.end)
    assert (found[1].start, found[1].end) == (article.standfirst.start, article.standfirst.end)
    assert found[2].text.startswith("Vladimir Putin hosted")
    assert [s.index for s in found] == list(range(len(found)))
    assert all(article.text[s.start:s.end] == s.text for s in found)


def test_us_does_not_end_a_sentence_inside_the_article(article):
    found = sentences(article.text)
    assert not any(s.text.endswith("U.S.") for s in found)
    assert any("the U.S. administration believes" in s.text for s in found)


def test_tokens_know_their_sentence(article, tokens):
    found = sentences(article.text)
    for token in tokens:
        sentence = found[token.sentence]
        assert sentence.start <= token.start and token.end <= sentence.end
    assert [len(group) for group in tokens_by_sentence(article.text)] == [
        sum(1 for t in tokens if t.sentence == s.index) for s in found]


@pytest.mark.parametrize("function", [sentences, tokenize, tokens_by_sentence, word_frequencies, compare_tokenizers])
@pytest.mark.parametrize("bad", [None, 42, b"bytes", ["a list"]])
def test_non_strings_get_a_helpful_type_error(function, bad):
    with pytest.raises(TypeError, match="needs text as a str"):
        function(bad)


def test_none_suggests_loading_the_article():
    with pytest.raises(TypeError, match="forget to load the article"):
        tokenize(None)


@pytest.mark.parametrize("blank", ["", " ", "\n\n", "\t \r\n"])
def test_blank_text_gives_nothing(blank):
    assert sentences(blank) == tokenize(blank) == tokens_by_sentence(blank) == word_frequencies(blank) == []
    assert all(tokens == [] for tokens in compare_tokenizers(blank).values())


@pytest.mark.parametrize("text, expected", [
    ("<p>Putin met <b>Xi</b>.</p>", ["<", "p", ">", "Putin", "met", "<", "b", ">", "Xi", "<", "/b", ">", ".", "<", "/p", ">"]),
    ("Xi 🤝 Putin 🇨🇳🇷🇺", ["Xi", "🤝", "Putin", "🇨🇳🇷🇺"]),
    ("He said “dear friend” and it’s over.", ["He", "said", "“", "dear", "friend", "”", "and", "it", "’s", "over", "."]),
    ("Путин встретил Си.", ["Путин", "встретил", "Си", "."]),
])
def test_odd_input_keeps_its_own_characters(text, expected):
    assert [t.text for t in tokenize(text)] == expected
    assert all(text[t.start:t.end] == t.text for t in tokenize(text))


def test_huge_text_is_tokenized_without_error():
    text = "The U.S. sent $350m. " * 5_000
    tokens = tokenize(text)
    assert len(tokens) == 6 * 5_000 and tokens[-1].text == "." and tokens[-1].end == len(text) - 1


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text())
def test_any_unicode_gives_exact_ordered_disjoint_spans(text):
    position = 0
    for token in tokenize(text):
        assert isinstance(token, Token) and text[token.start:token.end] == token.text
        assert position <= token.start < token.end
        position = token.end
    for sentence in sentences(text):
        assert isinstance(sentence, Sentence) and text[sentence.start:sentence.end] == sentence.text
    for name in TOKENIZERS:
        output = run_tokenizer(text, name)
        assert all(text[start:end] == token for token, (start, end) in zip(output.tokens, output.spans or ()))
    assert sum(count.count for count in word_frequencies(text)) <= len(tokenize(text))


def test_compare_tokenizers_from_crude_to_careful(article):
    compared = compare_tokenizers("Xi's $350m")
    assert list(compared) == list(TOKENIZERS)
    assert compared == {
        "whitespace": ["Xi's", "$350m"],
        r"regex \w+": ["Xi", "s", "350m"],
        "wordpunct_tokenize": ["Xi", "'", "s", "$", "350m"],
        "word_tokenize": ["Xi", "'s", "$", "350m"],
        "lessons.tokenize": ["Xi", "'s", "$", "350m"],
    }


def test_word_tokenize_loses_its_quotes_and_says_which():
    output = run_tokenizer('his "dear friend" Xi', "word_tokenize")
    assert output.tokens == ("his", "``", "dear", "friend", "''", "Xi")
    assert output.spans is None and output.lost == ("``", "''")
    found = run_tokenizer("his dear friend", "word_tokenize")
    assert found.spans == ((0, 3), (4, 8), (9, 15)) and found.searched
    assert not run_tokenizer("his dear friend", "lessons.tokenize").searched


@pytest.mark.parametrize("tokenizer", [name for name in TOKENIZERS if name != "word_tokenize"])
def test_span_tokenizers_give_exact_spans_on_the_article(article, tokenizer):
    output = run_tokenizer(article.text, tokenizer)
    assert output.lost == () and len(output.spans) == len(output.tokens) > 1000
    assert all(article.text[start:end] == token for token, (start, end) in zip(output.tokens, output.spans))


def test_unknown_tokenizer_is_named():
    with pytest.raises(ValueError, match="choose one of"):
        run_tokenizer("text", "spacy")


def test_word_frequencies_count_case_folded_words_not_punctuation(article):
    counts = word_frequencies(article.text)
    as_dict = {count.word: count.count for count in counts}
    assert as_dict["ukraine"] == len(re.findall(r"\bUkraine\b", article.text))
    assert as_dict["the"] == sum(1 for t in tokenize(article.text) if t.text.casefold() == "the")
    assert not {".", ",", '"', "$", "—", "|"} & set(as_dict)
    assert [c.count for c in counts] == sorted((c.count for c in counts), reverse=True)


def test_word_frequencies_without_stopwords(article):
    kept = [count.word for count in word_frequencies(article.text, drop_stopwords=True)]
    assert kept[:5] == ["ukraine", "xi", "putin", "said", "russia"]
    assert not {"the", "to", "of", "'s", "s"} & set(kept)
