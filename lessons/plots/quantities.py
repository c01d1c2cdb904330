"""Lesson 3's chart: the article's amounts on one log scale, each labelled by what it counts.

Lesson 3 (``03_numbers.ipynb``, "Charting the numbers") draws it. A log scale
puts 69 attacks and $350 million on one axis: each step is ten times the last.
A vague amount ("tens of thousands") is drawn as a line from its low to its
high end; :func:`facts_table` gives the same figures as a table.

>>> from lessons.quantities import extract_quantities
>>> ax = quantity_chart(extract_quantities("They repelled 69 attacks and got $350m."))
>>> [label.get_text() for label in ax.get_yticklabels()]   # from the bottom up
['69 attacks (COUNT)', '$350m (MONEY)']
"""

from __future__ import annotations

from collections.abc import Sequence

from lessons.highlight import PALETTE, table
from lessons.quantities import Quantity, sort_key

CHARTED_KINDS = ("MONEY", "COUNT")
MARKERS = {"MONEY": "s", "COUNT": "o", "MEASURE": "^", "PERCENT": "D", "NUMBER": "v", "ORDINAL": "P", "DATE": "X"}
KIND_COLOURS = dict(zip(MARKERS, (PALETTE[2], PALETTE[4], PALETTE[0], PALETTE[6], PALETTE[5], PALETTE[7], PALETTE[1])))


def charted(quantities: Sequence[Quantity], kinds: Sequence[str] = CHARTED_KINDS) -> list[Quantity]:
    """The quantities of ``kinds`` that have a positive number to draw, smallest first."""
    if isinstance(quantities, str) or not all(isinstance(q, Quantity) for q in quantities):
        raise TypeError("Pass the list that extract_quantities() returns.")
    drawable = [q for q in quantities if q.kind in kinds and ((q.value or 0) > 0 or (q.low or 0) > 0)]
    return sorted(drawable, key=sort_key)


def label(quantity: Quantity) -> str:
    """A chart label: the words of the text and what they count, then the kind in brackets."""
    head = quantity.counted_head
    words = f"{quantity.text} {head}" if head and head not in quantity.text else quantity.text
    return f"{words} ({quantity.kind})"


def quantity_chart(quantities: Sequence[Quantity], kinds: Sequence[str] = CHARTED_KINDS, ax=None):
    """Dots (and low–high lines for vague amounts) on a log scale, one row a quantity, largest at the top.

    Kinds differ by marker shape as well as colour, and every row names its kind. Returns the ``Axes``.
    """
    import matplotlib.pyplot as plt

    shown = charted(quantities, kinds)
    if ax is None:
        _, ax = plt.subplots(figsize=(7.5, 0.35 * len(shown) + 1.4), layout="constrained")
    for row, quantity in enumerate(shown):
        colour, marker = KIND_COLOURS[quantity.kind], MARKERS[quantity.kind]
        if quantity.value is None:
            ax.plot([quantity.low, quantity.high], [row, row], color=colour, linewidth=3, solid_capstyle="butt")
            ax.plot([quantity.low, quantity.high], [row, row], linestyle="none", marker="|", markersize=12, color=colour)
        else:
            ax.plot(quantity.value, row, linestyle="none", marker=marker, markersize=8, color=colour)
    ax.set_yticks(range(len(shown)), [label(q) for q in shown])
    if shown:
        ax.set_xscale("log")
    ax.set_xlabel("value, log scale: each step is 10× the last (a line is a vague low–high range)")
    ax.set_title("Amounts in the text" if shown else "No amounts of these kinds in the text")
    ax.grid(axis="x", which="major", alpha=0.3)
    ax.spines[["top", "right"]].set_visible(False)
    return ax


def facts_table(quantities: Sequence[Quantity], kinds: Sequence[str] = CHARTED_KINDS) -> str:
    """The figures of :func:`quantity_chart` as an HTML table, in the chart's order (largest first).

    >>> from lessons.quantities import extract_quantities
    >>> "69" in facts_table(extract_quantities("They repelled 69 attacks."))
    True
    """
    rows = [(q.text, q.kind, q.counted or "", q.amount, f"{q.start}–{q.end}") for q in reversed(charted(quantities, kinds))]
    return table(("surface", "kind", "counted", "value", "characters"), rows)
