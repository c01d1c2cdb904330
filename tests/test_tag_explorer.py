"""The tag explorer follows the explorer contract: every control changes what it shows."""

from __future__ import annotations

import re

import ipywidgets as widgets
import pytest

import lessons
from lessons.widgets.tagging import ALL_SENTENCES, NO_TAG, NO_TOKEN, UNIVERSAL_COLOURS, TagExplorer, render


@pytest.fixture
def explorer():
    return TagExplorer()


def _caption(explorer: TagExplorer) -> str:
    return re.search(r'<div class="lessons-caption"[^>]*><b>(.*?)</b></div>', explorer.output.value).group(1)


def test_it_is_an_explorer_by_the_contract(explorer):
    assert isinstance(explorer, widgets.VBox)
    assert "lessons-explorer" in explorer._dom_classes
    assert isinstance(explorer.output, widgets.HTML)
    assert "lessons-explorer-output" in explorer.output._dom_classes
    assert isinstance(explorer.text_box, widgets.Textarea)
    assert explorer.text_box.continuous_update is False and explorer.text_box.placeholder
    for control in (explorer.text_box, explorer.sentence_picker, explorer.tagset_picker,
                    explorer.tag_picker, explorer.token_picker):
        assert control.description and control.tooltip
    assert explorer.output.value.startswith('<div class="lessons-caption"')


def test_it_starts_on_the_whole_article(explorer, article):
    assert explorer.text == article.text
    assert "all of the text (50 sentences)" in _caption(explorer)
    assert explorer.output.value.count("<mark") == len(lessons.tag(article.text))


def test_every_control_changes_the_caption(explorer):
    seen = {_caption(explorer)}
    explorer.sentence_picker.value = 2
    seen.add(_caption(explorer))
    explorer.tagset_picker.value = "penn"
    seen.add(_caption(explorer))
    explorer.tag_picker.value = "NNP"
    seen.add(_caption(explorer))
    explorer.token_picker.value = explorer.token_picker.options[1][1]
    seen.add(_caption(explorer))
    assert len(seen) == 5


def test_a_sentence_shows_only_its_tokens_with_tags_written_and_coloured(explorer, article):
    explorer.sentence_picker.value = 2
    sentence = lessons.sentences(article.text)[2]
    shown = [t for t in lessons.tag(article.text) if t.sentence == 2]
    assert explorer.output.value.count("<mark") == len(shown)
    assert "sentence 3 of 50" in _caption(explorer)
    assert "Xi<sub" in explorer.output.value and sentence.text.split()[0] in explorer.output.value
    # colour and written tag together; the legend names each colour
    assert f"border-bottom:3px solid {UNIVERSAL_COLOURS['NOUN']}" in explorer.output.value
    assert ">NOUN</sub>" in explorer.output.value and "<b>NOUN</b> (noun): a person" in explorer.output.value
    explorer.tagset_picker.value = "penn"
    assert ">NNP</sub>" in explorer.output.value and ">NOUN</sub>" not in explorer.output.value


def test_tooltips_explain_each_tokens_tags(explorer):
    assert 'title="NNP: noun, proper, singular | NOUN: noun"' in explorer.output.value


def _unstyled(explorer) -> str:
    return re.sub(r' style="[^"]*"', "", explorer.output.value)


def test_picking_a_tag_lists_its_words_with_counts(explorer, article):
    explorer.tag_picker.value = "NUM"
    for entry in lessons.words_for_tag(article.text, "NUM"):
        assert f"<td>{entry.word}</td><td>{entry.count}</td>" in _unstyled(explorer)
    assert "words tagged NUM" in _caption(explorer)
    explorer.tagset_picker.value = "penn"
    assert explorer.tag_picker.value == NO_TAG
    assert "NNP" in [value for _, value in explorer.tag_picker.options]


def test_picking_universal_punctuation_lists_all_punctuation(explorer):
    explorer.tag_picker.value = "."
    assert "words tagged . (punctuation" in explorer.output.value
    assert "<td>,</td>" in _unstyled(explorer)


def test_picking_a_token_explains_both_of_its_tags(explorer, article):
    explorer.sentence_picker.value = 2
    index = next(value for label, value in explorer.token_picker.options if label.startswith("Xi "))
    explorer.token_picker.value = index
    token = lessons.tag(article.text)[index]
    assert "“Xi” (CC)" in _caption(explorer)
    assert f"“Xi” at characters {token.start}–{token.end}" in explorer.output.value
    assert "conjunction, coordinating" in explorer.output.value


def test_the_token_list_follows_the_sentence(explorer):
    explorer.sentence_picker.value = 7
    assert [label.split(" (")[0] for label, _ in explorer.token_picker.options[1:]] == ["Exchange", "of", "compliments"]


def test_pasted_text_is_shown_escaped_and_an_empty_box_goes_back(explorer, article):
    explorer.text_box.value = "<script>alert(1)</script> Xi met Putin."
    assert "&lt;" in explorer.output.value and "<script>" not in explorer.output.value
    assert "alert" in explorer.output.value and "Putin<sub" in explorer.output.value
    assert "your text" in _caption(explorer)
    assert explorer.sentence_picker.value == ALL_SENTENCES and explorer.token_picker.value == NO_TOKEN
    explorer.text_box.value = "   "
    assert explorer.text == article.text and "of the text" in _caption(explorer)


def test_load_switches_text_and_resets_choices(explorer, article):
    explorer.sentence_picker.value = 3
    explorer.tag_picker.value = "NOUN"
    explorer.text_box.value = "Pasted text."
    explorer.load("Kirby spoke. Blinken agreed.")
    assert explorer.text_box.value == ""
    assert explorer.text == "Kirby spoke. Blinken agreed."
    assert (explorer.sentence_picker.value, explorer.tag_picker.value) == (ALL_SENTENCES, NO_TAG)
    assert len(explorer.sentence_picker.options) == 3


@pytest.mark.parametrize("text", ["", "🙂", "½ — …", "Путин и Си."])
def test_odd_and_empty_text_render(text):
    explorer = TagExplorer(text)
    assert explorer.output.value.startswith('<div class="lessons-caption"')
    if not lessons.tag(text):
        assert "no words to tag" in explorer.output.value


def test_bad_text_is_a_type_error():
    with pytest.raises(TypeError, match="needs text as a str"):
        TagExplorer(42)
    with pytest.raises(TypeError, match="needs text as a str"):
        TagExplorer("Xi.").load(None)


def test_render_is_a_pure_function_of_the_choices(article):
    first = render(article.text, 5, "penn", "VBD", NO_TOKEN)
    assert first == render(article.text, 5, "penn", "VBD", NO_TOKEN)
    assert first != render(article.text, 5, "penn", "VBZ", NO_TOKEN)
    assert first != render(article.text, 5, "universal", NO_TAG, NO_TOKEN)


def test_find_token_narrows_the_explain_list_and_it_stays_labelled(explorer, article):
    assert explorer.token_filter.description == "Find token" and explorer.token_filter.tooltip
    everything = len(explorer.token_picker.options)
    tokens = len(lessons.tag(article.text))  # every token of the article: too many to scroll through
    assert everything == 201 and explorer.token_picker.options[0][0].startswith(f"(pick a token: {tokens} here; ")
    explorer.token_filter.value = "Beij"
    found = explorer.token_picker.options[1:]
    assert 0 < len(found) < 20 and all(label.startswith("Beijing (") for label, _ in found)
    assert explorer.token_picker.options[0][0] == f"(pick a token: {len(found)} match “Beij”)"
    explorer.token_picker.value = found[0][1]
    assert "explaining “Beijing”" in _caption(explorer)
    explorer.token_filter.value = ""
    assert len(explorer.token_picker.options) == everything


def test_one_sentence_starts_small(article):
    small = TagExplorer(article.text, one_sentence=True)
    assert "sentence 1 of 50" in _caption(small)
    assert small.output.value.count("<mark") == len([t for t in lessons.tag(article.text) if t.sentence == 0])
    assert len(small.token_picker.options) < 30
