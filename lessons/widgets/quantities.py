"""The quantity explorer: the text with its quantities highlighted by kind, and a table sorted by value.

Lesson 3 (``03_numbers.ipynb``, "Quantity explorer") uses it. Kinds, their colours and
plain words come from :mod:`lessons.kinds`.

>>> explorer = QuantityExplorer("They repelled 69 attacks and got $350m.")
>>> explorer.kind_boxes["MONEY"].value = False
>>> "1 of 2 quantities" in explorer.output.value
True
"""

from __future__ import annotations

from collections.abc import Sequence

import ipywidgets as widgets

from lessons.highlight import Span, Table, caption, highlight, kind_legend, note, plural, sentence_number, within
from lessons.kinds import QUANTITY_KINDS
from lessons.quantities import TABLE_HEADER, Quantity, extract_quantities, sort_key, table_rows
from lessons.tokens import require_text, sentences
from lessons.widgets.common import (ALL_SENTENCES, mark_as_explorer, output_area, reader_text_box, seed_text,
                                    sentence_options, sentence_picker)

# Amounts only: dates, times and durations have their own section and time line (lessons.dates).
KINDS = QUANTITY_KINDS


def _tooltip(quantity: Quantity) -> str:
    counted = f" of {quantity.counted}" if quantity.counted else ""
    return (f"{quantity.kind}: {quantity.amount}{counted} (characters {quantity.start}–{quantity.end}, "
            f"sentence {sentence_number(quantity.sentence)})")


def render(text: str, kinds: Sequence[str], source: str, sentence: int = ALL_SENTENCES) -> str:
    """The explorer's output: a caption, a legend, the highlighted text (or one sentence), and a table sorted by value.

    >>> html = render("Up 3.9 percent in 2022.", ["PERCENT"], "Your text")
    >>> "Your text · kinds shown: PERCENT · 1 of 2 quantities" in html
    True
    """
    found = extract_quantities(text)
    shown = [q for q in found if q.kind in kinds]
    spans = [Span(q.start, q.end, q.kind, _tooltip(q)) for q in shown]
    where = ""
    if sentence != ALL_SENTENCES:
        chosen = sentences(text)[sentence]
        where = f" · sentence {sentence_number(sentence)} of {len(sentences(text))}"
        shown = [q for q in shown if q.sentence == sentence]
        text, spans = chosen.text, within(spans, chosen.start, chosen.end)
    kinds_shown = ", ".join(kind for kind in KINDS if kind in kinds) or "none"
    summary = (f"{source}{where} · kinds shown: {kinds_shown} · {len(shown)} of "
               f"{plural(len(found), 'quantity', 'quantities')}")
    colours = {kind: found_kind.colour for kind, found_kind in KINDS.items() if kind in kinds}
    table = (Table(TABLE_HEADER, table_rows(sorted(shown, key=sort_key))).html() if shown
             else note("No quantities of the chosen kinds here."))
    return (
        caption(summary)
        + kind_legend(colours)
        + highlight(text, spans, colours)
        + '<p style="margin:8px 0 2px 0"><b>Sorted by value</b> (ranges by their low end):</p>'
        + f'<div style="overflow-x:auto">{table}</div>'
    )


class QuantityExplorer(widgets.VBox):
    """Tick the kinds of quantity to show, pick a sentence, or type your own; see the amounts and what they count.

    ``QuantityExplorer()`` explores the seed article; ``QuantityExplorer(text)`` any text.
    ``one_sentence=True`` starts with the first sentence rather than the whole text (the dashboard does, to stay small).
    """

    def __init__(self, text: str | None = None, one_sentence: bool = False):
        self.one_sentence = one_sentence
        self.kind_boxes = {
            name: widgets.Checkbox(value=True, description=name, tooltip=f"Show {found.description} ({name})",
                                   indent=False, layout=widgets.Layout(width="auto", margin="0 12px 0 0"))
            for name, found in KINDS.items()
        }
        self.sentence_picker = sentence_picker("Show the quantities of one sentence, or of all of them")
        self.text_box = reader_text_box(
            "Type or paste your own sentence with numbers here, then click outside the box (or press Tab).",
            "Type a sentence with numbers, then click outside the box",
        )
        self.output = output_area()
        kind_row = widgets.HBox(list(self.kind_boxes.values()),
                                layout=widgets.Layout(flex_flow="row wrap", width="auto", max_width="980px"))
        super().__init__([kind_row, self.sentence_picker, self.text_box, self.output])
        mark_as_explorer(self)
        self.load(seed_text() if text is None else text)
        for box in self.kind_boxes.values():
            box.observe(self._update, names="value")
        self.sentence_picker.observe(self._update, names="value")
        self.text_box.observe(self._update, names="value")

    def load(self, text: str) -> None:
        """Explore a whole new text, with every kind ticked and the text box cleared."""
        self.text = require_text(text, "QuantityExplorer.load")
        self._loading = True
        for box in self.kind_boxes.values():
            box.value = True
        found = sentences(self.text)
        self.sentence_picker.options = sentence_options(found)
        self.sentence_picker.value = found[0].index if self.one_sentence and found else ALL_SENTENCES
        self.text_box.value = ""
        self._loading = False
        self._update()

    @property
    def kinds(self) -> list[str]:
        """The kinds whose boxes are ticked."""
        return [kind for kind, box in self.kind_boxes.items() if box.value]

    def _update(self, change=None) -> None:
        if not getattr(self, "_loading", False):
            self.output.value = self.rendered()

    def rendered(self) -> str:
        """The output for the current state (a pure function of the text and the widgets' values)."""
        own = self.text_box.value
        if own.strip():
            return render(own, self.kinds, "Your text")
        return render(self.text, self.kinds, f"The loaded text ({len(self.text):,} characters)",
                      self.sentence_picker.value)
