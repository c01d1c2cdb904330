"""The tag explorer of lesson 2 (``02_tagging.ipynb``): every token coloured by its tag.

Pick a sentence (or paste your own text), choose whether the universal or the
Penn tag is written under each token, pick a tag to list the words that carry
it, and pick a token to read what its tag means. Hovering a token shows the
same explanation. What it shows is :func:`render`, a pure function of the
controls' values.

>>> explorer = TagExplorer("Putin hosted Xi.")
>>> explorer.output.value.startswith('<div class="lessons-caption"')
True
"""

from __future__ import annotations

from contextlib import contextmanager

import ipywidgets as widgets

from lessons.highlight import Span, Table, caption, highlight, kind_legend, sentence_number
from lessons.kinds import TAG_KINDS
from lessons.tagging import PENN, UNIVERSAL, TaggedToken, explain, tag, tag_counts, words_for_tag
from lessons.tokens import require_text, sentences
from lessons.widgets.common import (ALL_SENTENCES, full_width, mark_as_explorer, output_area,
                                    reader_text_box, seed_text, sentence_options)

# Each universal tag's own colour, from lessons.kinds; every token also has its tag written under it.
UNIVERSAL_COLOURS = {name: found.colour for name, found in TAG_KINDS.items()}
NO_TOKEN = -1
NO_TAG = ""
MOST_WORDS_LISTED = 40


def _short(meaning: str) -> str:
    return meaning.split(":")[0]


def _tooltip(token: TaggedToken) -> str:
    return f"{token.tag}: {explain(token.tag, PENN).meaning} | {token.universal}: {_short(explain(token.universal, UNIVERSAL).meaning)}"


def _marked_text(text: str, shown: list[TaggedToken], offset: int, tagset: str) -> str:
    colours = {}
    spans = []
    for token in shown:
        label = token.universal if tagset == UNIVERSAL else token.tag
        colours[label] = UNIVERSAL_COLOURS[token.universal]
        spans.append(Span(token.start - offset, token.end - offset, label, _tooltip(token)))
    return highlight(text, spans, colours)


def _token_explanation(token: TaggedToken) -> str:
    rows = []
    for tagset, tag_name in ((PENN, token.tag), (UNIVERSAL, token.universal)):
        found = explain(tag_name, tagset)
        rows.append((f"“{token.text}” at characters {token.start}–{token.end}" if tagset == PENN else "",
                     "Penn Treebank" if tagset == PENN else "universal", found.tag, found.meaning,
                     " ".join(found.examples)))
    return Table(["token", "tagset", "tag", "meaning", "examples"], rows).html()


def _word_list(text: str, tag_name: str, tagset: str) -> str:
    found = words_for_tag(text, tag_name, tagset)
    rows = [(entry.word, entry.count) for entry in found[:MOST_WORDS_LISTED]]
    if len(found) > MOST_WORDS_LISTED:
        rows.append((f"… and {len(found) - MOST_WORDS_LISTED} more words", ""))
    return Table([f"words tagged {tag_name} ({explain(tag_name, tagset).meaning})", "count"], rows).html()


def render(text: str, sentence: int = ALL_SENTENCES, tagset: str = UNIVERSAL, tag_name: str = NO_TAG,
           token: int = NO_TOKEN, source: str = "the text") -> str:
    """The explorer's HTML: a caption, a legend, the tagged text, a token's tags, a tag's words.

    ``sentence`` and ``token`` are indexes (``-1`` for all sentences and for no token).
    """
    tagged = tag(text)
    found_sentences = sentences(text)
    if not tagged:
        return caption(f"There are no words to tag in {source}.") + highlight(text, [])
    if sentence == ALL_SENTENCES:
        shown, shown_text, offset = tagged, text, 0
        where = f"all of {source} ({len(found_sentences)} sentence{'s' if len(found_sentences) != 1 else ''})"
    else:
        chosen = found_sentences[sentence]
        shown = [token for token in tagged if token.sentence == sentence]
        shown_text, offset = chosen.text, chosen.start
        where = f"sentence {sentence_number(sentence)} of {len(found_sentences)} of {source}"
    written = "universal" if tagset == UNIVERSAL else "Penn Treebank"
    picked_tag = f"words tagged {tag_name}" if tag_name else "no tag picked"
    picked_token = f"explaining “{tagged[token].text}” ({tagged[token].tag})" if token != NO_TOKEN else "no token picked"
    universal_present = [universal for universal in UNIVERSAL_COLOURS if any(t.universal == universal for t in shown)]
    parts = [
        caption(f"Tags ({written}) for {where}; {picked_tag}; {picked_token}."),
        kind_legend(universal_present),
        _marked_text(shown_text, shown, offset, tagset),
    ]
    if token != NO_TOKEN:
        parts.append(_token_explanation(tagged[token]))
    if tag_name:
        parts.append(_word_list(text, tag_name, tagset))
    return "".join(parts)


MOST_TOKENS_LISTED = 200  # the "Explain" list: type in "Find token" to narrow it


def token_options(tokens: list[TaggedToken], sentence: int, search: str = "") -> list[tuple[str, int]]:
    """The "Explain" list: the tokens of ``sentence`` (or all) whose text contains ``search``, at most 200.

    >>> token_options(tag("Xi met Putin. Putin left."), ALL_SENTENCES, "put")
    [('(pick a token: 2 match “put”)', -1), ('Putin (NNP), sentence 1, at 7', 2), ('Putin (NNP), sentence 2, at 14', 4)]
    """
    found = [(index, token) for index, token in enumerate(tokens)
             if (sentence == ALL_SENTENCES or token.sentence == sentence) and search.casefold() in token.text.casefold()]
    first = f"(pick a token: {len(found)} match “{search}”" if search else f"(pick a token: {len(found)} here"
    first += f"; the first {MOST_TOKENS_LISTED} listed, type in Find token)" if len(found) > MOST_TOKENS_LISTED else ")"
    return [(first, NO_TOKEN)] + [
        (f"{token.text} ({token.tag}), sentence {sentence_number(token.sentence)}, at {token.start}", index)
        for index, token in found[:MOST_TOKENS_LISTED]]


class TagExplorer(widgets.VBox):
    """Explore the tagger's tags on the seed article (``text=None``) or any text you give or paste.

    ``one_sentence=True`` starts with the first sentence rather than the whole text (the dashboard does, to stay small).
    """

    def __init__(self, text: str | None = None, one_sentence: bool = False):
        self.one_sentence = one_sentence
        self.sentence_picker = widgets.Dropdown(description="Sentence", layout=full_width(),
                                                tooltip="Show one sentence, or all of them")
        self.tagset_picker = widgets.ToggleButtons(
            options=[("Universal tags", UNIVERSAL), ("Penn Treebank tags", PENN)], value=UNIVERSAL,
            description="Write", tooltip="Which tag to write under each token",
            tooltips=["12 broad word classes", "45 detailed Penn Treebank tags"])
        self.tag_picker = widgets.Dropdown(description="Words for", layout=full_width(),
                                           tooltip="List the words that carry a tag, with counts")
        self.token_picker = widgets.Dropdown(description="Explain", layout=full_width(),
                                             tooltip="Pick a token to see what its tags mean")
        # A long list is hard to scroll: typing part of a word narrows the "Explain" list to its matches.
        self.token_filter = widgets.Text(description="Find token", placeholder="type part of a word, e.g. Beij",
                                         tooltip="Narrow the Explain list to tokens containing these letters",
                                         continuous_update=True, layout=full_width("480px"))
        self.text_box = reader_text_box("Paste your own English text here, then click outside the box to tag it.",
                                        "Paste text to tag; empty the box to go back", rows=3)
        self.output = output_area()
        super().__init__([self.text_box, self.sentence_picker, self.tagset_picker, self.tag_picker,
                          self.token_filter, self.token_picker, self.output])
        mark_as_explorer(self)
        self._refilling = False
        self.text = ""
        self.source = "the text"
        self._loaded_text = ""
        self.sentence_picker.observe(lambda change: self._refill_and_render(self._refill_tokens), "value")
        self.tagset_picker.observe(lambda change: self._refill_and_render(self._refill_tags), "value")
        for control in (self.tag_picker, self.token_picker):
            control.observe(self._render, "value")
        self.token_filter.observe(lambda change: self._refill_and_render(self._refill_tokens), "value")
        self.text_box.observe(self._on_text_box, "value")
        self.load(seed_text() if text is None else text)

    def load(self, text: str) -> None:
        """Show a whole new text, with every choice reset; an empty text box then returns to it."""
        self._loaded_text = require_text(text, "TagExplorer.load")
        with self._quietly():
            self.tagset_picker.value = UNIVERSAL
        if self.text_box.value:
            self.text_box.value = ""  # its observer shows the loaded text
        else:
            self._show(text, "the text")

    def _on_text_box(self, change) -> None:
        pasted = change["new"]
        if pasted.strip():
            self._show(pasted, "your text")
        else:
            self._show(self._loaded_text, "the text")

    def _show(self, text: str, source: str) -> None:
        self.text, self.source = text, source
        found = sentences(text)
        with self._quietly():
            self.sentence_picker.options = sentence_options(found)
            self.sentence_picker.value = found[0].index if self.one_sentence and found else ALL_SENTENCES
            self.token_filter.value = ""
            self._refill_tags()
            self._refill_tokens()
        self._render()

    @contextmanager
    def _quietly(self):
        # While controls are refilled, their own observers must not render half-updated state.
        self._refilling = True
        try:
            yield
        finally:
            self._refilling = False

    def _refill_and_render(self, refill) -> None:
        if self._refilling:
            return
        with self._quietly():
            refill()
        self._render()

    def _refill_tags(self) -> None:
        self.tag_picker.options = [("(pick a tag)", NO_TAG)] + [
            (f"{count.tag} ({count.count}): {_short(count.meaning)}", count.tag)
            for count in tag_counts(self.text, self.tagset_picker.value)
        ]
        self.tag_picker.value = NO_TAG

    def _refill_tokens(self) -> None:
        self.token_picker.options = token_options(tag(self.text), self.sentence_picker.value,
                                                  self.token_filter.value.strip())
        self.token_picker.value = NO_TOKEN

    def _render(self, change=None) -> None:
        if self._refilling:
            return
        self.output.value = render(self.text, self.sentence_picker.value, self.tagset_picker.value,
                                   self.tag_picker.value, self.token_picker.value, self.source)
