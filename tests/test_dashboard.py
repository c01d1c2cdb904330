"""Lesson 5's dashboard: paste, upload or a path loads one article into the summary and the explorers, one at a time.

It needs the explorers of lessons 1–4, so it skips until they are in the checkout.
"""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

for module in ("lessons.widgets.tokens", "lessons.widgets.tagging", "lessons.widgets.quantities",
               "lessons.widgets.actors"):
    pytest.importorskip(module)

from lessons.article import ArticleError  # noqa: E402
from lessons.checks import check  # noqa: E402
from lessons.exercises.your_article import article_text, follow  # noqa: E402
from lessons.widgets.dashboard import EXPLORERS, SEED, ArticleDashboard  # noqa: E402

OWN = ("Ada Lovelace buys a <coffee> machine\n"
       "Ada Lovelace paid $12 for 3 cups in Paris on Monday. Charles Babbage said it was too much.\n")


@pytest.fixture(scope="module")
def dashboard():
    return ArticleDashboard()


def _explorer_outputs(dashboard):
    outputs = []
    for name in EXPLORERS:
        dashboard.chooser.value = name
        outputs.append(dashboard.part.children[0].output.value)
    return outputs


def test_starts_with_the_seed_and_follows_the_explorer_contract(dashboard, article):
    assert dashboard.text == article.text and dashboard.source == SEED
    assert "from the seed article" in dashboard.output.value
    assert "lessons-explorer-output" in dashboard.output._dom_classes
    # The article picker (text box and summary) and the explorer on show are separate explorers,
    # so none holds another's controls; the upload and the path field sit outside all of them.
    assert [child for child in dashboard.children if "lessons-explorer" in child._dom_classes][0].children == (
        dashboard.text_box, dashboard.output)
    assert len(dashboard.part.children) == 1 and "lessons-explorer" in dashboard.part.children[0]._dom_classes


def test_it_fits_a_screen_one_explorer_at_a_time_each_starting_with_one_sentence(dashboard, article):
    from lessons.tokens import sentences

    first = sentences(article.text)[0].text
    for name in EXPLORERS:
        dashboard.chooser.value = name
        (shown,) = dashboard.part.children
        assert shown is dashboard.explorers[name]
        output = shown.output.value
        assert "sentence 1 of 50" in output.casefold(), name
        # The second sentence is not shown: the part starts small.
        assert sentences(article.text)[1].text.split(",")[0] not in output.split("<h4>")[0], name
        assert first.split()[0] in output, name
    assert "max-height" in dashboard.output.value  # the highlighted article scrolls in its own box


def test_the_caption_is_the_headline_and_a_cut_never_splits_a_word():
    from lessons.widgets.dashboard import render

    assert render("Sales rose to a record as revenue passed $1.2bn in the third quarter of the year "
                  "and more.", "a test").split("·")[0].endswith("$1.2bn in the… ")
    assert ">Big news · " in render("Big news\nIt was big. More came.\n\nAnd more.", "a test")


def test_an_unclear_layout_gets_advice_that_works():
    from lessons.widgets.dashboard import render

    wrapped = "Big news from the city council\nAs the mayor said, the plan\nwill cost $5 million.\n\nMore\nfollowed."
    assert "Headline not recognised" in render(wrapped, "a test")
    marked = "Big news from the city council\n\nAs the mayor said, the plan\nwill cost $5 million.\n\nMore\nfollowed."
    assert "Headline not recognised" not in render(marked, "a test")
    assert ">Big news from the city council · " in render(marked, "a test")


def test_pasting_loads_the_article_everywhere_and_emptying_goes_back_to_the_seed(dashboard, article):
    dashboard.text_box.value = OWN
    assert dashboard.text == OWN and dashboard.source == "the text you pasted"
    assert "&lt;coffee&gt;" in dashboard.output.value and "<coffee>" not in dashboard.output.value
    assert ">Ada Lovelace buys a &lt;coffee&gt; machine · " in dashboard.output.value
    assert all("Lovelace" in output for output in _explorer_outputs(dashboard))
    dashboard.text_box.value = ""
    assert dashboard.text == article.text and "from the seed article" in dashboard.output.value
    assert not any("Lovelace" in output for output in _explorer_outputs(dashboard))


def _upload(name, content):
    return ({"name": name, "type": "text/plain", "size": len(content), "last_modified": datetime.now(timezone.utc),
             "content": memoryview(content)},)


def test_upload_loads_a_text_file_and_explains_a_bad_one(dashboard):
    dashboard.upload.value = _upload("ada.txt", OWN.encode("utf-8"))
    assert dashboard.source == "the file ada.txt" and "Lovelace" in dashboard.output.value
    dashboard.upload.value = _upload("old.txt", "Café\n".encode("latin-1"))
    assert "old.txt is not UTF-8" in dashboard.output.value
    assert dashboard.source == "the file ada.txt", "a bad upload keeps the article shown"


def test_a_path_loads_the_file_and_a_wrong_one_is_explained(dashboard, tmp_path):
    (tmp_path / "ada.txt").write_text(OWN, encoding="utf-8")
    dashboard.path_box.value = str(tmp_path / "ada.txt")
    assert dashboard.text == OWN
    dashboard.path_box.value = str(tmp_path / "nothing.txt")
    assert "does not exist" in dashboard.output.value and dashboard.text == OWN


def test_the_checks_follow_the_dashboards_article(dashboard):
    from lessons.tokens import sentences

    follow(dashboard)
    dashboard.load(OWN, "a test")
    assert article_text() == OWN
    assert check("5.1", len(sentences(OWN))).passed
    assert check("5.4", "Ada Lovelace").passed


