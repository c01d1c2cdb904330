"""``python -m lessons report``: one self-contained, escaped HTML page and CSV tables for any article.

The tests that build a report need lessons 3 and 4 (quantities, actors and their charts);
they skip until those modules are in the checkout. The error tests run everywhere.
"""

from __future__ import annotations

import csv
import io
import re

import pytest

from lessons.__main__ import main
from lessons.report import LONG_TEXT, make_report

# Laid out like the seed: headline, standfirst, then one paragraph a line.
OWN_ARTICLE = """Mayor Jane Smith opens the $12 million Harbour Bridge
The new bridge will carry 5,000 cars a day, the city says
TORONTO — Mayor Jane Smith opened the Harbour Bridge on Monday, three years after the city council approved it.
"It took longer than we hoped," Smith said. The council voted 7 to 2 for the $12 million plan in 2021.
About 200 workers from Ontario built the bridge, according to the Toronto Transit Commission.
"""
REPORT_FILES = ["actors.csv", "links.csv", "mentions.csv", "quantities.csv", "quotes.csv", "report.html"]


@pytest.fixture
def helpers():
    for module in ("lessons.quantities", "lessons.actors", "lessons.plots.quantities", "lessons.plots.actors"):
        pytest.importorskip(module)


def _rows(path):
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _files(folder):
    return sorted(str(path.relative_to(folder)) for path in folder.rglob("*"))


def _check_self_contained(page):
    assert page.startswith("<!DOCTYPE html>")
    assert "<script" not in page.lower()
    assert not re.search(r"""(src|href)=["']?(https?:|//|file:)""", page), "the page must not load anything"
    images = re.findall(r'<img src="data:image/png;base64,[A-Za-z0-9+/=]+" alt="([^"]+)"', page)
    assert len(images) == page.count("<img") == 4
    return images


def test_seed_article_report(tmp_path, helpers, article):
    import lessons

    written = make_report(None, tmp_path / "out")
    assert sorted(path.name for path in written) == REPORT_FILES == _files(tmp_path / "out")
    page = (tmp_path / "out" / "report.html").read_text(encoding="utf-8")
    alternatives = _check_self_contained(page)
    assert any("$350m" in alternative for alternative in alternatives)
    assert any("Xi Jinping" in alternative for alternative in alternatives)
    assert ">$350m<sub" in page and ">Vladimir Putin<sub" in page
    quantities = _rows(tmp_path / "out" / "quantities.csv")
    assert len(quantities) == len(lessons.extract_quantities(article.text))
    money = [row for row in quantities if row["text"] == "$350m"]
    assert money and money[0]["value"] == "350000000" and money[0]["unit"] == "USD"
    assert all(article.text[int(row["start"]):int(row["end"])] == row["text"] for row in quantities)
    actors = _rows(tmp_path / "out" / "actors.csv")
    assert [row["name"] for row in actors] == [actor.name for actor in lessons.extract_actors(article.text)]
    mentions = _rows(tmp_path / "out" / "mentions.csv")
    assert all(article.text[int(row["start"]):int(row["end"])] == row["text"] for row in mentions)
    assert len(_rows(tmp_path / "out" / "quotes.csv")) == len(lessons.quotes(article.text))


def test_report_on_an_article_of_our_own(tmp_path, helpers, capsys):
    source = tmp_path / "bridge.txt"
    source.write_text(OWN_ARTICLE, encoding="utf-8")
    assert main(["report", str(source), "--out", str(tmp_path / "out")]) == 0
    assert "report.html" in capsys.readouterr().out
    quantities = _rows(tmp_path / "out" / "quantities.csv")
    assert {"12000000"} <= {row["value"] for row in quantities if row["kind"] == "MONEY"}
    assert "Jane Smith" in [row["name"] for row in _rows(tmp_path / "out" / "actors.csv") if row["kind"] == "PERSON"]
    page = (tmp_path / "out" / "report.html").read_text(encoding="utf-8")
    _check_self_contained(page)
    assert "<title>Report: Mayor Jane Smith opens the $12 million Harbour Bridge</title>" in page
    assert _files(tmp_path) == sorted(["bridge.txt", "out"] + [f"out/{name}" for name in REPORT_FILES])


def test_html_in_the_article_is_shown_not_run(tmp_path, helpers):
    source = tmp_path / "attack.txt"
    source.write_text('<script>alert("title")</script> Mayor Jane Smith opens a bridge\n'
                      "The $12 million bridge opens\n"
                      'Jane Smith said <script>alert("body")</script> and <img src=x onerror=alert(document.cookie)> were typed.\n',
                      encoding="utf-8")
    make_report(source, tmp_path / "out")
    page = (tmp_path / "out" / "report.html").read_text(encoding="utf-8")
    _check_self_contained(page)
    assert "<img src=x" not in page
    assert "&lt;script&gt;alert(&quot;body&quot;)&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=alert(document.cookie)&gt;" in page
    assert "<title>Report: &lt;script&gt;" in page


def test_long_input_shows_progress_and_short_input_does_not(tmp_path, helpers):
    short, long = tmp_path / "short.txt", tmp_path / "long.txt"
    short.write_text(OWN_ARTICLE, encoding="utf-8")
    paragraphs = OWN_ARTICLE.split("\n", 2)[2]
    long.write_text(OWN_ARTICLE + "\n" + paragraphs * (LONG_TEXT // len(paragraphs) + 1), encoding="utf-8")
    quiet, chatty = io.StringIO(), io.StringIO()
    make_report(short, tmp_path / "short", stream=quiet)
    make_report(long, tmp_path / "long", stream=chatty)
    assert quiet.getvalue() == ""
    steps = chatty.getvalue().splitlines()
    assert [line.split(" ...")[0] for line in steps] == [
        "[1/5] Finding quantities", "[2/5] Finding actors", "[3/5] Finding quotes",
        "[4/5] Linking actors mentioned together", "[5/5] Drawing the charts"]


@pytest.mark.parametrize("name, content, message", [
    ("missing.txt", None, "does not exist"),
    ("empty.txt", b"  \n", "is empty"),
    ("picture.txt", b"\x89PNG\r\n\x1a\n\x00\x00", "binary"),
    ("latin1.txt", "Café society\n".encode("latin-1"), "not UTF-8"),
])
def test_unreadable_input_is_a_clear_error_and_writes_nothing(tmp_path, capsys, name, content, message):
    source = tmp_path / name
    if content is not None:
        source.write_bytes(content)
    assert main(["report", str(source), "--out", str(tmp_path / "out")]) == 2
    error = capsys.readouterr().err
    assert message in error and name in error
    assert not (tmp_path / "out").exists()


def test_out_must_be_a_folder(tmp_path, capsys):
    (tmp_path / "taken").write_text("a file", encoding="utf-8")
    assert main(["report", "--out", str(tmp_path / "taken")]) == 2
    assert "is a file" in capsys.readouterr().err


@pytest.mark.parametrize("source, message", [("/dev/zero", "not a regular file"), ("fifo", "not a regular file"),
                                             ("big.txt", "raise it with --max-mb")])
def test_only_regular_files_of_a_sensible_size_are_read(tmp_path, capsys, source, message):
    import os

    if source == "fifo":
        os.mkfifo(tmp_path / "fifo")  # nobody writes to it: reading would wait for ever
    if source == "big.txt":
        (tmp_path / "big.txt").write_text("Headline\n" + "word " * 300_000, encoding="utf-8")
    path = source if source.startswith("/") else str(tmp_path / source)
    assert main(["report", path, "--out", str(tmp_path / "out"), "--max-mb", "1"]) == 2
    assert message in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def test_an_output_folder_that_cannot_be_written_is_a_clear_error(tmp_path, helpers, capsys):
    assert main(["report", "--out", "/proc/lessons-report"]) == 2
    assert "Cannot write into /proc/lessons-report" in capsys.readouterr().err
    (tmp_path / "out" / "quotes.csv").mkdir(parents=True)  # a folder in the way: nothing is replaced
    (tmp_path / "out" / "report.html").write_text("before", encoding="utf-8")
    assert main(["report", "--out", str(tmp_path / "out")]) == 2
    assert "quotes.csv" in capsys.readouterr().err
    assert (tmp_path / "out" / "report.html").read_text(encoding="utf-8") == "before"
    assert _files(tmp_path / "out") == ["quotes.csv", "report.html"]


def test_the_page_reads_as_english_and_its_quantity_table_is_narrow(helpers):
    from lessons.article import parse_article
    from lessons.report import render
    from lessons.views import analyse

    wrapped = "As the council said on Monday, the\nbridge will cost $12 million and carry\n5,000 cars.\n\nMore\nfollowed."
    page = render(analyse(parse_article(wrapped)))
    assert "<title>Report: As the council said on Monday, the bridge will cost $12…</title>" in page  # cut at a word
    page = render(analyse(parse_article(OWN_ARTICLE)))
    assert not re.search(r"\(1 (sentences|mentions|quantities|actors)\)", page)
    quantities = page.split("<h2>Quantities</h2>", 1)[1].split("</table>", 1)[0]
    assert quantities.count("</th>") == 5 and "counted_head" not in quantities


def test_an_unclear_layout_is_explained_in_the_report(helpers):
    from lessons.article import parse_article
    from lessons.report import render
    from lessons.views import analyse

    one_block = " ".join(["The council met on Monday and approved the $12 million bridge in Toronto."] * 4)
    assert "Headline not recognised. The text is one block" in render(analyse(parse_article(one_block)))
    assert "Headline not recognised" not in render(analyse(parse_article(OWN_ARTICLE)))
