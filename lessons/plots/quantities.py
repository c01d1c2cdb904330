"""Lesson 3's chart: the article's amounts, one panel a unit, each on a log scale and labelled by what it counts.

Lesson 3 (``03_numbers.ipynb``, "Charting the numbers") draws it. Dollars and
head-counts never share an axis: each unit (a currency, a unit of measure, counts
of things) gets its own panel. A log scale puts 69 attacks and a million shells on
one axis: each step is ten times the last. A vague amount ("tens of thousands") is
drawn as a line from its low to its high end; :func:`facts_table` gives the same
figures as a table. Colours and markers come from :mod:`lessons.kinds`.

>>> from lessons.quantities import extract_quantities
>>> chart = quantity_chart(extract_quantities("They repelled 69 attacks and got $350m."))
>>> [ax.get_xlabel().split(",")[0] for ax in chart.axes]
['money in USD', 'how many of each thing']
>>> [label.get_text() for ax in chart.axes for label in ax.get_yticklabels()]
['$350m', '69 attacks']
"""

from __future__ import annotations

from collections.abc import Sequence

from lessons.highlight import Table
from lessons.kinds import kind
from lessons.quantities import Quantity, sort_key

CHARTED_KINDS = ("MONEY", "COUNT")
# Number words that are nouns themselves: "millions of people", not "millions people".
NOUN_NUMBERS = ("dozens", "scores", "tens", "hundreds", "thousands", "millions", "billions", "trillions")
COUNTS = "how many of each thing"


def charted(quantities: Sequence[Quantity], kinds: Sequence[str] = CHARTED_KINDS) -> list[Quantity]:
    """The quantities of ``kinds`` that have a positive number to draw, smallest first."""
    if isinstance(quantities, str) or not all(isinstance(q, Quantity) for q in quantities):
        raise TypeError("Pass the list that extract_quantities() returns.")
    drawable = [q for q in quantities if q.kind in kinds and ((q.value or 0) > 0 or (q.low or 0) > 0)]
    return sorted(drawable, key=sort_key)


def label(quantity: Quantity) -> str:
    """A chart label in English: the words of the text and what they count.

    >>> from lessons.quantities import extract_quantities
    >>> [label(q) for q in extract_quantities("Millions of people fled, and 69 attacks failed.")]
    ['Millions of people', '69 attacks']
    """
    head = quantity.counted_head
    if not head or head in quantity.text:
        return quantity.text
    joiner = " of " if quantity.text.casefold().endswith(NOUN_NUMBERS) else " "
    return f"{quantity.text}{joiner}{head}"


def unit_of(quantity: Quantity) -> str:
    """What a quantity's panel measures: its axis label ("money in USD", "hours", "percent", ...)."""
    if quantity.kind == "MONEY":
        return f"money in {quantity.unit}" if quantity.unit else "money (currency not named)"
    if quantity.kind == "COUNT":
        return COUNTS
    if quantity.kind == "PERCENT":
        return "percent"
    return quantity.unit or kind(quantity.kind).label


def panels(quantities: Sequence[Quantity], kinds: Sequence[str] = CHARTED_KINDS) -> dict[str, list[Quantity]]:
    """The charted quantities grouped by unit, one group a panel, smallest first inside each.

    >>> from lessons.quantities import extract_quantities
    >>> list(panels(extract_quantities("It cost $5m and €2m for 3 bridges.")))
    ['money in EUR', 'money in USD', 'how many of each thing']
    """
    grouped: dict[str, list[Quantity]] = {}
    for quantity in sorted(charted(quantities, kinds), key=lambda q: (q.kind != "MONEY", q.kind)):
        grouped.setdefault(unit_of(quantity), []).append(quantity)
    return {unit: sorted(found, key=sort_key) for unit, found in grouped.items()}


def _draw_panel(ax, shown: list[Quantity], unit: str) -> None:
    for row, quantity in enumerate(shown):
        found = kind(quantity.kind)
        if quantity.value is None:
            ax.plot([quantity.low, quantity.high], [row, row], color=found.colour, linewidth=3, solid_capstyle="butt")
            ax.plot([quantity.low, quantity.high], [row, row], linestyle="none", marker="|", markersize=12,
                    color=found.colour)
        else:
            ax.plot(quantity.value, row, linestyle="none", marker=found.marker, markersize=8, color=found.colour,
                    markeredgecolor="black")
    ax.set_yticks(range(len(shown)), [label(q) for q in shown])
    ax.set_ylim(-0.6, len(shown) - 0.4)
    ax.set_xscale("log")
    ax.set_title(unit, loc="left", fontsize=10, fontweight="bold")
    ax.set_xlabel(f"{unit}, log scale")
    ax.grid(axis="x", which="major", alpha=0.3)
    ax.spines[["top", "right"]].set_visible(False)


def quantity_chart(quantities: Sequence[Quantity], kinds: Sequence[str] = CHARTED_KINDS, figure=None):
    """One panel per unit; in each, dots (and low–high lines for vague amounts) on a log scale, largest at the top.

    Kinds differ by marker shape as well as colour. Draws on ``figure`` (a new one
    if none is given) and returns it; ``figure.axes`` holds one ``Axes`` a panel.
    """
    grouped = panels(quantities, kinds)
    heights = [len(shown) + 1.2 for shown in grouped.values()] or [1]
    if figure is None:
        import matplotlib.pyplot as plt

        figure = plt.figure(figsize=(7.5, 0.35 * sum(heights) + 0.9), layout="constrained")
    if not grouped:
        ax = figure.add_subplot()
        ax.set_title("No amounts of these kinds in the text")
        ax.axis("off")
        return figure
    for ax, (unit, shown) in zip(figure.subplots(len(grouped), 1, height_ratios=heights, squeeze=False)[:, 0],
                                 grouped.items()):
        _draw_panel(ax, shown, unit)
    figure.suptitle("Amounts in the text, one panel a unit\n(log scales: each step is 10× the last; "
                    "a line is a vague low–high range)", fontsize=10)
    if figure.get_layout_engine() is None:
        figure.tight_layout()
    return figure


def describe_quantities(quantities: Sequence[Quantity], kinds: Sequence[str] = CHARTED_KINDS) -> str:
    """The chart as a sentence (its text alternative): each panel's amounts, smallest first.

    >>> from lessons.quantities import extract_quantities
    >>> describe_quantities(extract_quantities("They repelled 69 attacks and got $350m."))
    'money in USD: $350m = 350,000,000. how many of each thing: 69 attacks = 69.'
    """
    parts = [f"{unit}: " + "; ".join(f"{label(q)} = {q.amount.removesuffix(' ' + (q.unit or ''))}" for q in shown)
             + "." for unit, shown in panels(quantities, kinds).items()]
    return " ".join(parts) or "No amounts of these kinds in the text."


def facts_table(quantities: Sequence[Quantity], kinds: Sequence[str] = CHARTED_KINDS) -> Table:
    """The figures of :func:`quantity_chart` as a table, panel by panel, largest first in each.

    >>> from lessons.quantities import extract_quantities
    >>> facts_table(extract_quantities("They repelled 69 attacks."))
    quantity    kind   unit                                counted  value  characters
    69 attacks  count  how many of each thing  attacks  69     14–16
    """
    return Table(("quantity", "kind", "unit", "counted", "value", "characters"),
                 [(label(q), kind(q.kind).label, unit, q.counted or "", q.amount, f"{q.start}–{q.end}")
                  for unit, shown in panels(quantities, kinds).items() for q in reversed(shown)])
