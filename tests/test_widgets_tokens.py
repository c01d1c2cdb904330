"""The token explorer, driven as a reader would: set values, leave the box, read the output."""

from __future__ import annotations

import ipywidgets as widgets
import pytest

from lessons.tokens import TOKENIZERS, sentences
from lessons.widgets.tokens import OWN_TEXT, TokenExplorer


@pytest.fixture(scope="module")
def explorer():
    return TokenExplorer()


def caption_of(explorer):
    return explorer.output.value.split("<b>", 1)[1].split("</b>", 1)[0]


def test_follows_the_explorer_contract(explorer):
    assert isinstance(explorer, widgets.VBox) and "lessons-explorer" in explorer._dom_classes
    assert isinstance(explorer.output, widgets.HTML) and "lessons-explorer-output" in explorer.output._dom_classes
    assert isinstance(explorer.text_box, widgets.Textarea)
    assert explorer.text_box.continuous_update is False and explorer.text_box.placeholder
    for control in (explorer.sentence_picker, explorer.tokenizer_picker, explorer.text_box):
        assert control.description and control.tooltip
    assert explorer.output.value.startswith('<p class="lessons-caption"')


def test_starts_on_the_first_sentence_of_the_article(explorer, article):
    assert len(explorer.sentence_picker.options) == len(sentences(article.text)) + 1
    assert caption_of(explorer).startswith("Sentence 1 of 50 · lessons.tokenize")


def test_every_control_changes_the_output(explorer):
    explorer.sentence_picker.value = 0
    explorer.tokenizer_picker.value = "whitespace"
    changes = [*((explorer.tokenizer_picker, name) for name in [*TOKENIZERS][1:]),
               (explorer.sentence_picker, 5), (explorer.text_box, "A sentence of my own."), (explorer.sentence_picker, 7)]
    for control, value in changes:
        before = explorer.output.value
        control.value = value
        assert explorer.output.value != before, (control.description, value)
    explorer.text_box.value = ""


def test_chips_show_offsets_into_the_article(explorer, article):
    explorer.tokenizer_picker.value = "lessons.tokenize"
    explorer.sentence_picker.value = 6  # "... for nearly 4½ hours ..."
    start = article.text.index("4½")
    assert f"4½<small" in explorer.output.value and f"{start}–{start + 2}" in explorer.output.value
    assert "in the full text" in explorer.output.value


def test_word_tokenize_says_plainly_that_its_quotes_cannot_be_found(explorer):
    explorer.sentence_picker.value = 2  # Putin hosted his "dear friend" Xi Jinping ...
    explorer.tokenizer_picker.value = "word_tokenize"
    shown = explorer.output.value
    assert "cannot be found in the text" in shown and "not in the text" in shown and "``" in shown
    explorer.tokenizer_picker.value = "lessons.tokenize"
    assert "cannot be found" not in explorer.output.value


def test_own_text_is_shown_escaped_after_leaving_the_box():
    explorer = TokenExplorer("One. Two.")
    explorer.text_box.value = 'Xi said <b>“hi”</b> 🙂'
    assert explorer.sentence_picker.value == OWN_TEXT
    assert caption_of(explorer).startswith("Your own text · lessons.tokenize")
    assert "&lt;b&gt;" in explorer.output.value and "<b>“" not in explorer.output.value
    assert "🙂" in explorer.output.value and "in this text" in explorer.output.value
    explorer.sentence_picker.value = 1
    assert caption_of(explorer).startswith("Sentence 2 of 2")
    explorer.sentence_picker.value = OWN_TEXT
    assert "&lt;b&gt;" in explorer.output.value


def test_empty_box_asks_for_text():
    explorer = TokenExplorer("One.")
    explorer.sentence_picker.value = OWN_TEXT
    assert "the box is empty" in caption_of(explorer)


def test_load_switches_to_a_new_text():
    explorer = TokenExplorer("One. Two.")
    explorer.sentence_picker.value = 1
    explorer.load("Alpha beta. Gamma. Delta.")
    assert explorer.sentence_picker.value == 0 and len(explorer.sentence_picker.options) == 4
    assert "Alpha" in explorer.output.value and "Sentence 1 of 3" in caption_of(explorer)


def test_blank_text_offers_only_the_box():
    explorer = TokenExplorer("   ")
    assert explorer.sentence_picker.value == OWN_TEXT and len(explorer.sentence_picker.options) == 1


def test_non_text_is_a_type_error():
    with pytest.raises(TypeError, match="needs text as a str"):
        TokenExplorer(42)
