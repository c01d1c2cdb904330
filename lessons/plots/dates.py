"""Lesson 3's time line: the story's dates on the calendar, with the day it was written.

Lesson 3 (``03_numbers.ipynb``, "When? Dates and times") draws it. Each resolved
DATE or TIME is a row: a marker on its first day and a bar to its last ("last
summer" covers June to August 2022). A dashed line marks the reference date, the
day the story was written. Durations ("four months") and what could not be
resolved have no place on the calendar; :func:`time_table` lists everything,
with the days each expression covers, as the chart's text alternative.
Colours and markers come from ``lessons.kinds.TIME_KINDS``.

>>> import datetime
>>> from lessons.dates import extract_times
>>> found = extract_times("On Monday, four months after last summer.", datetime.date(2023, 3, 20))
>>> ax = time_line(found, datetime.date(2023, 3, 20))
>>> [label.get_text() for label in ax.get_yticklabels()]   # from the bottom up
['[last] summer → 2022-SU', 'Monday → 2023-03-20']
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence

from lessons.dates import TimeExpression, calendar_span, reference_date
from lessons.highlight import Table
from lessons.kinds import TIME_KINDS


def _checked(expressions: Sequence[TimeExpression]) -> list[TimeExpression]:
    if isinstance(expressions, str) or not all(isinstance(each, TimeExpression) for each in expressions):
        raise TypeError("Pass the list that lessons.dates.extract_times() returns.")
    return list(expressions)


def on_the_calendar(expressions: Sequence[TimeExpression]) -> list[tuple[TimeExpression, datetime.date, datetime.date]]:
    """The expressions that cover days of the calendar, with their first and last day, latest first."""
    placed = [(each, *span) for each in _checked(expressions) if each.kind != "DURATION" and each.resolved
              and (span := calendar_span(each.value))]
    return sorted(placed, key=lambda row: (row[1], row[2], row[0].start), reverse=True)


def label(expression: TimeExpression) -> str:
    """A row label: the words (with any modifier, in brackets) and the value."""
    modifiers = "".join(f"[{modifier.text}] " for modifier in expression.modifiers
                        if modifier.start < expression.start)
    after = "".join(f" [{modifier.text}]" for modifier in expression.modifiers if modifier.start >= expression.end)
    return f"{modifiers}{expression.text}{after} → {expression.value}"


def _one_row_a_value(placed: list[tuple[TimeExpression, datetime.date, datetime.date]]) -> list[tuple]:
    """Rows of :func:`on_the_calendar` with one row per value; a label says how often it came ("3×")."""
    rows: dict[str, list] = {}
    for each, first, last in placed:
        rows.setdefault(each.value, [each, first, last, 0])[3] += 1
    return [(each, first, last, label(each) + (f" ({count}×)" if count > 1 else ""))
            for each, first, last, count in rows.values()]


def time_line(expressions: Sequence[TimeExpression], reference: object = None, ax=None):
    """Each resolved date as a marker on its first day and a bar to its last, latest at the top.

    A value the text gives more than once is one row ("Monday → 2023-03-20 (3×)").
    ``reference`` (the story's date) is drawn as a dashed line. Returns the ``Axes``.
    """
    import matplotlib.pyplot as plt

    placed = list(reversed(_one_row_a_value(on_the_calendar(expressions))))
    if ax is None:
        _, ax = plt.subplots(figsize=(7.5, 0.35 * len(placed) + 1.6), layout="constrained")
    for row, (each, first, last, _) in enumerate(placed):
        kind = TIME_KINDS[each.kind]
        ax.plot([first, last + datetime.timedelta(days=1)], [row, row], color=kind.colour, linewidth=4,
                solid_capstyle="butt", alpha=0.6)
        ax.plot(first, row, linestyle="none", marker=kind.marker, markersize=8, color=kind.colour,
                markeredgecolor="black", markeredgewidth=0.5, label=kind.label)
    day = reference_date(reference)
    if day is not None:
        ax.axvline(day, color="black", linestyle="--", linewidth=1, label="the story's date")
    ax.set_yticks(range(len(placed)), [text for *_, text in placed])
    handles = {text: handle for handle, text in zip(*ax.get_legend_handles_labels())}
    if handles:
        ax.legend(handles.values(), handles.keys(), loc="lower right", fontsize="small", frameon=False)
    ax.set_title("When? The story's dates on the calendar" if placed else "No dates to place on the calendar")
    ax.grid(axis="x", alpha=0.3)
    ax.spines[["top", "right"]].set_visible(False)
    ax.figure.autofmt_xdate()
    return ax


def time_table(expressions: Sequence[TimeExpression]) -> Table:
    """Every expression in text order: kind, value, the days it covers (if any), the rule, and why not resolved.

    >>> from lessons.dates import extract_times
    >>> time_table(extract_times("for four months since last summer", "2023-03-20")).rows[1][:4]
    ('[last] summer → 2022-SU', 'DATE', '2022-06-01', '2022-08-31')
    """
    rows = []
    for each in _checked(expressions):
        span = calendar_span(each.value) if each.resolved and each.kind != "DURATION" else None
        first, last = (day.isoformat() for day in span) if span else ("", "")
        rows.append((label(each), each.kind, first, last, each.rule, each.reason))
    return Table(("words → value", "kind", "first day", "last day", "rule", "why no value"), tuple(rows))
