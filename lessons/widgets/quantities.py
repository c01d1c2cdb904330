"""The quantity explorer: the text with its quantities highlighted by kind, and a table sorted by value.

Lesson 3 (``03_numbers.ipynb``, "Quantity explorer") uses it.

>>> explorer = QuantityExplorer("They repelled 69 attacks and got $350m.")
>>> explorer.kind_boxes["MONEY"].value = False
>>> "1 of 2 quantities" in explorer.output.value
True
"""

from __future__ import annotations

from collections.abc import Sequence

import ipywidgets as widgets

from lessons.highlight import Span, caption, highlight, legend, note
from lessons.plots.quantities import KIND_COLOURS
from lessons.quantities import KIND_DESCRIPTIONS, KINDS, Quantity, extract_quantities, quantity_table, sort_key
from lessons.tokens import require_text
from lessons.widgets.common import mark_as_explorer, output_area, reader_text_box, seed_text


def _tooltip(quantity: Quantity) -> str:
    counted = f" of {quantity.counted}" if quantity.counted else ""
    return f"{quantity.kind}: {quantity.amount}{counted} (characters {quantity.start}–{quantity.end})"


def render(text: str, kinds: Sequence[str], source: str) -> str:
    """The explorer's output: a caption, a legend, the highlighted text, and the table sorted by value.

    >>> html = render("Up 3.9 percent in 2022.", ["PERCENT"], "Your text")
    >>> "Your text · kinds shown: PERCENT · 1 of 2 quantities" in html
    True
    """
    found = extract_quantities(text)
    shown = [q for q in found if q.kind in kinds]
    kinds_shown = ", ".join(kind for kind in KINDS if kind in kinds) or "none"
    summary = f"{source} · kinds shown: {kinds_shown} · {len(shown)} of {len(found)} quantities"
    spans = [Span(q.start, q.end, q.kind, _tooltip(q)) for q in shown]
    colours = {kind: KIND_COLOURS[kind] for kind in KINDS if kind in kinds}
    table = quantity_table(sorted(shown, key=sort_key)) if shown else note("No quantities of the chosen kinds.")
    return (
        caption(summary)
        + legend(colours, KIND_DESCRIPTIONS)
        + highlight(text, spans, colours)
        + '<p style="margin:8px 0 2px 0"><b>Sorted by value</b> (ranges by their low end):</p>'
        + f'<div style="overflow-x:auto">{table}</div>'
    )


class QuantityExplorer(widgets.VBox):
    """Tick the kinds of quantity to show, or type your own sentence; see the amounts and what they count.

    ``QuantityExplorer()`` explores the seed article; ``QuantityExplorer(text)`` any text.
    """

    def __init__(self, text: str | None = None):
        self.kind_boxes = {
            kind: widgets.Checkbox(value=True, description=kind, tooltip=f"Show {KIND_DESCRIPTIONS[kind]} ({kind})",
                                   indent=False, layout=widgets.Layout(width="auto", margin="0 12px 0 0"))
            for kind in KINDS
        }
        self.text_box = reader_text_box(
            "Type or paste your own sentence with numbers here, then click outside the box (or press Tab).",
            "Type a sentence with numbers, then click outside the box",
        )
        self.output = output_area()
        kind_row = widgets.HBox(list(self.kind_boxes.values()),
                                layout=widgets.Layout(flex_flow="row wrap", width="auto", max_width="980px"))
        super().__init__([kind_row, self.text_box, self.output])
        mark_as_explorer(self)
        self.load(seed_text() if text is None else text)
        for box in self.kind_boxes.values():
            box.observe(self._update, names="value")
        self.text_box.observe(self._update, names="value")

    def load(self, text: str) -> None:
        """Explore a whole new text, with every kind ticked and the text box cleared."""
        self.text = require_text(text, "QuantityExplorer.load")
        self._loading = True
        for box in self.kind_boxes.values():
            box.value = True
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
        return render(self.text, self.kinds, f"The loaded text ({len(self.text):,} characters)")
