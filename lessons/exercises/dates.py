"""Lesson 3's exercise on dates (``03_numbers.ipynb``, "When? Dates and times").

The right answers are computed with :mod:`lessons.dates`, never typed in.

>>> import datetime
>>> from lessons.checks import check
>>> check("3.7", ["2023-02", "2022-12", "2024-11"]).passed
True
>>> check("3.7", ["2023-02", "2023-00", "2024-11"]).hint
'What comes before January? When the month number reaches 0, go back to December of the year before.'
"""

from __future__ import annotations

import datetime

from lessons.checks import Exercise, Mistake, register
from lessons.dates import extract_times

# Exercise 3.7's story dates: one in the middle of a year, one in January, one in December.
STORY_DAYS = (datetime.date(2023, 3, 20), datetime.date(2023, 1, 15), datetime.date(2024, 12, 1))


def _last_months() -> list[str]:
    return [extract_times("last month", day)[0].value for day in STORY_DAYS]


def _no_year_wrap(answer: object, expected: list[str]) -> bool:
    return isinstance(answer, (list, tuple)) and any(str(value).endswith("-00") for value in answer)


def _not_padded(answer: object, expected: list[str]) -> bool:
    return isinstance(answer, (list, tuple)) and [str(value) for value in answer] == [
        value[:5] + value[5:].lstrip("0") for value in expected]


register(Exercise(
    "3.7",
    "Write last_month(day) that gives the month before datetime.date day as 'YYYY-MM' (TimeML's value of "
    "'last month' in a story written that day); answer with [last_month(day) for day in STORY_DAYS].",
    expected=_last_months,
    hints=(
        "'Last month' is the month before the story's month: what must happen when the story is from January?",
        "Take one from day.month; if that gives 0, it is December (12) of day.year - 1. "
        "Then write it with f'{year:04d}-{month:02d}'.",
    ),
    mistakes=[
        Mistake(_no_year_wrap,
                "What comes before January? When the month number reaches 0, go back to December of the year before."),
        Mistake(_not_padded, "ISO 8601 writes months with two digits: '2023-02', not '2023-2'. Try f'{month:02d}'."),
        Mistake(lambda answer, expected: isinstance(answer, (list, tuple)) and any(
            isinstance(value, datetime.date) for value in answer),
                "Is your answer a list of strings like '2023-02'? A date names a day; the value names a month."),
    ],
    next_step="Compare with lessons.extract_times('last month', day): the rule 'relative unit' does the same sum.",
))
