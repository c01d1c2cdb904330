"""When? Dates, times and durations in a text, each with an ISO 8601 value.

Lesson 3 (``03_numbers.ipynb``, "When? Dates and times") uses this module. It
finds three kinds of time expression (``lessons.kinds.TIME_KINDS``):

- **DATE**: a day, month, season, year or other stretch of the calendar
  ("Monday", "March 20", "last month", "the second half of 2022");
- **TIME**: a time of day ("3 p.m.", "noon", "sundown");
- **DURATION**: a length of time ("four months", "20 years", "4:07.13").

Each is a :class:`TimeExpression` with exact offsets and a **value** in the
style of TimeML's TIMEX3: ``2023-03-20`` (a day), ``2023-02`` (a month),
``2023-W12`` (an ISO week), ``2022-SU`` (summer 2022), ``2022-H2`` (a half
year), ``P4M`` (four months), ``T15:00`` (3 p.m.). Words such as "Monday" or
"last month" only get a value from a **reference date**, the day the story was
written: pass ``reference=`` (a ``datetime.date``); without it, a dateline at
the top of the text ("March 20, 2023") is used; without that, such expressions
stay unresolved and say why; so does a date in digits whose day and month
could go either way round ("3/4/2023": 3 April or March 4?).

Four digits are a year only with some evidence: "2000 troops" and "the 2000
people" are counts (a plural noun follows), "in 2000", "the 2022 elections"
and "2022's" are years (rules "year after a cue" and "year").

Spans follow IEER's convention (the gold standard of the lessons): the span is
the time itself; a word that only shifts or narrows it ("last", "late",
"night") is a :class:`Modifier` beside it, with its own offsets: in "late
Thursday night" the span is "Thursday". Words that only point from the day of
writing ("last month", "today", "this week") are ``relative``: IEER's
annotators did not mark them, so :func:`ieer_spans` leaves them out.

The rules are an ordered table (:data:`RULES`), like the rules of NLTK's
``RegexpChunkParser``: each has a name, an example and a description
(``descr()``); earlier rules win, and every expression names the rule that
found it. Word lists (months, days, seasons, units...) are data files
``lessons/wordlists/time_*.txt``: extend one with ``lessons.wordlists.extend``
and the next call uses it.

>>> import datetime
>>> found = extract_times("Xi met Putin on Monday, four months after last summer.",
...                       reference=datetime.date(2023, 3, 20))
>>> [(each.text, each.kind, each.value, each.rule) for each in found]
[('Monday', 'DATE', '2023-03-20', 'day name'), ('four months', 'DURATION', 'P4M', 'duration'), ('summer', 'DATE', '2022-SU', 'season')]
>>> found[2].modifiers
(Modifier(text='last', start=42, end=46),)
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from functools import lru_cache

from lessons import wordlists
from lessons.caching import register, require_text, text_cache
from lessons.highlight import Table

KINDS = ("DATE", "TIME", "DURATION")
NEAREST_DAY = 3  # a bare day name is the one at most 3 days from the story's date
NEAREST_MONTH = 6  # a bare month is the one at most half a year away (ties go to the past)


@dataclass(frozen=True)
class Modifier:
    """A word beside a time that shifts or narrows it ("last", "late", "night"), with its offsets."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class TimeExpression:
    """A date, time or duration: ``text == source[start:end]``, its kind, its ISO value and how it was found.

    ``resolved`` is False when the value is not a full date or length; ``reason`` then
    says why in plain words, and ``value`` keeps what is known (``XXXX-03-20``).
    """

    text: str
    start: int
    end: int
    kind: str
    value: str
    rule: str
    resolved: bool = True
    reason: str = ""
    modifiers: tuple[Modifier, ...] = ()
    relative: bool = False  # only words that point from the day of writing ("last month")


@dataclass(frozen=True)
class TimeRule:
    """One named rule: a regular expression over the text, the kind it finds, and an example.

    ``pattern`` may name word lists in braces (``{MONTH}``); group ``span`` (or the whole
    match) is the expression, groups ``pre`` and ``post`` are modifiers beside it.
    """

    name: str
    kind: str
    pattern: str
    example: str
    description: str
    value: Callable[[re.Match, datetime.date | None], tuple[str, str]]
    relative: bool = False
    ieer: str | None = None  # the kind IEER's annotators give it when not the rule's own; "-": not marked

    @property
    def ieer_kind(self) -> str | None:
        """The kind IEER marks this rule's spans with; None for what IEER leaves out (relative words)."""
        if self.ieer == "-" or (self.relative and self.ieer is None):
            return None
        return self.ieer or self.kind

    def descr(self) -> str:
        """The rule in plain words, like NLTK's ``RegexpChunkRule.descr()``."""
        return self.description

    def __repr__(self) -> str:
        return f"<TimeRule {self.name}: {self.description} (e.g. {self.example!r})>"


# ---------------------------------------------------------------------------
# Word lists, as regular expressions

def _alternatives(entries: Iterable[str], capitals: bool = False) -> str:
    """A regex alternation of ``entries``, longest first; ``capitals`` adds each in CAPITALS."""
    variants = set(entries) | ({entry.upper() for entry in entries} if capitals else set())
    alternation = "|".join(re.escape(entry) for entry in sorted(variants, key=lambda entry: (-len(entry), entry)))
    if not variants or not all(variants):
        return alternation
    # The look-ahead at the first letters changes no match; it spares ``re`` trying each entry
    # at every word of the text (it cannot skip entries when they ignore case).
    return f"(?=[{''.join(sorted({re.escape(entry[0]) for entry in variants}))}])(?:{alternation})"


def _lookup(name: str, word: str) -> str:
    """The value of ``word`` in mapping list ``name``, whatever its case ("MARCH", "Last")."""
    table = _folded(name, wordlists.generation())
    return table.get(word.casefold().replace("\n", " "), "")


@register
@lru_cache(maxsize=32)
def _folded(name: str, generation: int) -> dict[str, str]:
    return {re.sub(r"\s+", " ", entry.casefold()): value for entry, value in wordlists.mapping(name).items()}


def _counted() -> str:
    """A plural noun, maybe after "more", "new" or a name, or a unit: what an amount counts ("US troops", "km").

    Words ending in -s from ``time_year_nouns`` ("elections", "was") are left out: they follow years.
    The -s must follow a letter other than s, u or i, so "less", "thus" and "crisis" are no plurals.
    """
    year_words = _alternatives(wordlists.words("time_year_nouns"))
    plurals = _alternatives(wordlists.words("time_plurals") | wordlists.mapping("units").keys())
    return (rf"(?:(?:more|new|other|extra|additional|further|fewer|[A-Z][A-Za-z.]*)\s+)?(?!(?i:{year_words})(?![\w'’-]))"
            rf"(?:{plurals}|[a-z][a-z-]*[^\W\dsui]s)(?![\w'’-])")


def _pieces() -> dict[str, str]:
    """The named pieces rule patterns use: ``{MONTH}``, ``{DAY}``, ``{UNIT}``..."""
    of_day = wordlists.mapping("time_of_day")
    units = wordlists.mapping("time_units")
    seasons = wordlists.words("time_seasons")
    numbers = _alternatives(wordlists.words("time_numbers"), capitals=True)
    number_word = rf"(?i:(?:{numbers})(?:-(?:{numbers}))?)"
    return {
        "MONTH": _alternatives(wordlists.words("time_months"), capitals=True),
        "DAY": _alternatives(wordlists.words("time_days"), capitals=True),
        # "Winter Olympics", "Spring Street": a capitalised season before a capitalised word is a name
        "SEASON": rf"(?:{_alternatives(seasons)}|(?:{_alternatives(map(str.title, seasons))})(?!\s+[A-Z][a-z]))",
        "SHIFT": rf"(?i:{_alternatives(wordlists.words('time_shifts'))})",
        "POSITION": rf"(?i:{_alternatives(wordlists.words('time_positions'))})",
        "PART": _alternatives(word for word, value in of_day.items() if not value.startswith("T")),
        "CLOCKWORD": rf"(?i:{_alternatives(word for word, value in of_day.items() if value.startswith('T'))})",
        "UNIT": rf"(?i:{_alternatives(units)})",
        "UNIT1": rf"(?i:{_alternatives(word for word in units if not word.endswith(('s', 'ies')))})",
        "NUMBER": rf"(?:\d+(?:[.,]\d+)*(?:[½¼¾]|\s[13]/[24])?|[½¼¾]|{number_word}(?:[\s-]+and[\s-]+a[\s-]+half)?)",
        "HOLIDAY": _alternatives(wordlists.words("time_holidays")),
        "ZONE": _alternatives(wordlists.words("time_zones")),
        "RELATIVE": rf"(?i:{_alternatives(wordlists.words('time_relative'))})",
        "YEAR": r"(?:1[6-9]|20)\d\d",
        "YEARCUE": rf"(?i:{_alternatives(wordlists.words('time_year_cues'))})",
        "COUNTED": _counted(),
        # a lookbehind each, as they must be of fixed width: "Flight 1800" is no year
        "NOTNUMBERED": "".join(f"(?<!{re.escape(word)} )" for word in sorted(wordlists.words("time_numbered"))),
        "NTH": r"(?:st|nd|rd|th)",
    }


# ---------------------------------------------------------------------------
# Arithmetic on dates: the rules' values

def _month(year: int, month: int, shift: int = 0) -> tuple[int, int]:
    """(year, month) ``shift`` months from ``month`` of ``year``, across year ends."""
    index = year * 12 + month - 1 + shift
    return index // 12, index % 12 + 1


def _nearest_month(reference: datetime.date, month: int, shift: int | None) -> tuple[int, int]:
    """The year of ``month``: the nearest one (``shift`` None), the one before (-1), after (+1), or this year's (0)."""
    if shift == 0:
        return reference.year, month
    distance = (month - reference.month) % 12  # months forward to the next such month (0: this one)
    if shift is None:
        distance = distance if distance < NEAREST_MONTH else distance - 12
    elif shift < 0:
        distance = distance - 12 if distance >= 0 else distance
    elif distance == 0:
        distance = 12
    return _month(reference.year, reference.month, distance)


def _nearest_day(reference: datetime.date, weekday: int, shift: int | None) -> datetime.date:
    """The date of ``weekday`` (1 = Monday): nearest (None), last (-1), next (+1) or in this ISO week (0)."""
    forward = (weekday - reference.isoweekday()) % 7
    if shift is None:
        days = forward if forward <= NEAREST_DAY else forward - 7
    elif shift < 0:
        days = forward - 7 if forward else -7
    elif shift > 0:
        days = forward or 7
    else:
        days = weekday - reference.isoweekday()
    return reference + datetime.timedelta(days=days)


_SEASONS = ("SP", "SU", "FA", "WI")  # in calendar order; a season starts in March, June, September, December


def _season_of(day: datetime.date) -> int:
    """A running number of the season ``day`` falls in (year * 4 + index)."""
    year, month = _month(day.year, day.month, -2)  # seasons start in March: shift so spring is index 0
    return year * 4 + (month - 1) // 3


def _nearest_season(reference: datetime.date, season: str, shift: int | None) -> str:
    now = _season_of(reference)
    index = _SEASONS.index(season)
    candidates = [year * 4 + index for year in range(reference.year - 2, reference.year + 3)]
    if shift is None:
        chosen = min(candidates, key=lambda each: (abs(each - now), each > now))
    elif shift < 0:
        chosen = max(each for each in candidates if each < now)
    elif shift > 0:
        chosen = min(each for each in candidates if each > now)
    else:
        chosen = reference.year * 4 + index
    return f"{chosen // 4}-{season}"


def _shift_of(match: re.Match) -> int | None:
    """The number of steps the ``shift`` group ("last", "next", "this") moves a time; None without one."""
    word = match.groupdict().get("shift")
    return int(_lookup("time_shifts", word)) if word else None


NO_REFERENCE = ("'{text}' depends on the day the story was written, and no date was given: "
                "pass reference=datetime.date(...) or put a dateline at the top of the text.")


def _need(reference: datetime.date | None, match: re.Match, partial: str) -> tuple[str, str] | None:
    """``(partial, reason)`` when there is no reference date to resolve ``match`` with, else None."""
    if reference is None:
        span = match["span"] if "span" in match.re.groupindex else None  # a holiday's rule has no group "span"
        return partial, NO_REFERENCE.format(text=span or match[0])
    return None


def _year(text: str) -> int:
    return int(re.sub(r"\D", "", text))


def _calendar_date(year: int, month: int, day: int) -> tuple[str, str]:
    try:
        return datetime.date(year, month, day).isoformat(), ""
    except ValueError:
        return f"{year:04d}-{month:02d}-{day:02d}", f"there is no day {day} in that month of {year}."


def _full_date(match: re.Match, reference: datetime.date | None) -> tuple[str, str]:
    return _calendar_date(_year(match["year"]), int(_lookup("time_months", match["month"])), int(match["day"]))


def _numeric_date(match: re.Match, reference: datetime.date | None) -> tuple[str, str]:
    # The US writes the month first (3/20/2023), most other places the day (20/03/2023): only a
    # number above 12 says which is the day.
    first, second, year = int(match["first"]), int(match["second"]), _year(match["year"])
    if first > 12 and second > 12:
        return f"{year:04d}-XX-XX", f"neither {first} nor {second} is a month (1 to 12)."
    if first != second and first <= 12 and second <= 12:
        return f"{year:04d}-XX-XX", (f"'{match[0]}' is day {second} of month {first} if the month comes first "
                                     f"(as in the US), or day {first} of month {second} if the day comes first "
                                     "(as in Britain); the text does not say which.")
    month, day = (first, second) if first <= 12 else (second, first)
    return _calendar_date(year, month, day)


def _iso_date(match: re.Match, reference: datetime.date | None) -> tuple[str, str]:
    return _calendar_date(*map(int, match[0].split("-")))


def _month_year(match: re.Match, reference: datetime.date | None) -> tuple[str, str]:
    return f"{_year(match['year']):04d}-{int(_lookup('time_months', match['month'])):02d}", ""


def _month_day(match: re.Match, reference: datetime.date | None) -> tuple[str, str]:
    month, day = int(_lookup("time_months", match["month"])), int(match["day"])
    missing = _need(reference, match, f"XXXX-{month:02d}-{day:02d}")
    if missing:
        return missing
    year, _ = _nearest_month(reference, month, None)
    return f"{year:04d}-{month:02d}-{day:02d}", "" if day <= 31 else f"there is no day {day} in a month."


def _range_end(match: re.Match, reference: datetime.date | None) -> tuple[str, str]:
    # "May 1-31": the second number is a day of the same month
    return _month_day(match, reference)


def _year_range_end(match: re.Match, reference: datetime.date | None) -> tuple[str, str]:
    # "1997-98": the century of the first year
    return f"{match['first'][:2]}{match['span']}", ""


_PARTS_OF_YEAR = {"half": ("H", 2), "quarter": ("Q", 4)}
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4}


def _part_of_year(match: re.Match, reference: datetime.date | None) -> tuple[str, str]:
    letter, count = _PARTS_OF_YEAR[match["part"].casefold()]
    which = match["which"].casefold()
    number = count if which in ("last", "final") else _ORDINALS[which]
    if number > count:
        return f"{_year(match['year'])}-{letter}X", f"a year has only {count} {match['part']}s."
    return f"{_year(match['year'])}-{letter}{number}", ""


def _quarter(match: re.Match, reference: datetime.date | None) -> tuple[str, str]:
    number = _ORDINALS[match["which"].casefold()]
    missing = _need(reference, match, f"XXXX-Q{number}")
    return missing or (f"{reference.year:04d}-Q{number}", "")


def _century(match: re.Match, reference: datetime.date | None) -> tuple[str, str]:
    # TimeML names a century by its first two digits: the 19th century is "18"
    return f"{int(match['number']) - 1:02d}", ""


def _decade(match: re.Match, reference: datetime.date | None) -> tuple[str, str]:
    digits = match.groupdict().get("digits") or match["short"]
    first = match.groupdict().get("first") or "'"
    if len(digits) == 2:  # "'60s": the lessons take the 1900s, as news of the 1990s–2020s means
        return f"{'19' if first.startswith(chr(39)) else first[:2]}{digits[0]}", ""
    return digits[:3], ""


def _holiday(match: re.Match, reference: datetime.date | None) -> tuple[str, str]:
    day = _lookup("time_holidays", match[0])
    if day == "?":
        return "XXXX-XX-XX", (f"'{match[0]}' falls on a different day each year (or each week); "
                              "the lessons keep no calendar of such days.")
    missing = _need(reference, match, f"XXXX{day[1:]}")
    if missing:
        return missing
    year, _ = _nearest_month(reference, int(day[2:4]), None)  # Christmas in January: the one just past
    return f"{year:04d}{day[1:]}", ""


def _clock(match: re.Match, reference: datetime.date | None) -> tuple[str, str]:
    hour, minute = int(match["hour"]), int(match["minute"] or 0)
    if hour > 12 or minute > 59:
        return f"T{hour:02d}:{minute:02d}", "a clock time with a.m. or p.m. has hours 1 to 12 and minutes 0 to 59."
    pm = match["ampm"].casefold().startswith("p")
    hour = hour % 12 + (12 if pm else 0)
    return f"T{hour:02d}:{minute:02d}", ""


def _clock24(match: re.Match, reference: datetime.date | None) -> tuple[str, str]:
    return f"T{int(match['hour']):02d}:{match['minute']}", ""


def _clock_word(match: re.Match, reference: datetime.date | None) -> tuple[str, str]:
    return _lookup("time_of_day", match[0]), ""


_FRACTIONS = {"½": 0.5, "¼": 0.25, "¾": 0.75, " 1/2": 0.5, " 1/4": 0.25, " 3/4": 0.75}  # "4½", "2 1/2"


def _number(word: str) -> float | None:
    """The number a duration counts: digits, ½, number words, "two and a half"; None for "several"."""
    word = word.casefold().replace("\n", " ")
    half = 0.5 if re.search(r"and[\s-]+a[\s-]+half$", word) else 0.0
    word = re.sub(r"[\s-]+and[\s-]+a[\s-]+half$", "", word)
    fraction = next((part for ending, part in _FRACTIONS.items() if word.endswith(ending)), 0.0)
    word = re.sub(r"(?:[½¼¾]|\s[13]/[24])$", "", word)
    if not word:
        return fraction
    if word[0].isdigit():
        return float(word.replace(",", "")) + fraction
    values = [_lookup("time_numbers", part) for part in word.split("-")]
    if "X" in values or "" in values:
        return None
    return sum(float(value) for value in values) + half


def _length(count: float | None, unit: str) -> str:
    """ISO 8601 for ``count`` units: ``P4M``, ``PT3H``, ``P20Y``; ``PXY`` when the count is unknown."""
    letters = _lookup("time_units", unit)
    clock = letters.startswith("T")
    multiple = re.match(r"T?(\d*)", letters)[1]
    letter = letters[-1]
    if count is None:
        amount = "X"
    else:
        number = count * int(multiple or 1)
        amount = f"{number:g}" if number != int(number) else str(int(number))
    return f"P{'T' if clock else ''}{amount}{letter}"


def _duration(match: re.Match, reference: datetime.date | None) -> tuple[str, str]:
    number = match.groupdict().get("number")
    count = _number(number) if number else 1.0
    # "several years" is PXY: TimeML's full value for a length the text leaves vague, nothing to resolve
    return _length(count, match["unit"]), ""


def _vague_length(match: re.Match, reference: datetime.date | None) -> tuple[str, str]:
    return _length(None, match["unit"]), ""


def _compound(match: re.Match, reference: datetime.date | None) -> tuple[str, str]:
    pieces = re.findall(r"(\d+(?:\.\d+)?)\s+([A-Za-z]+)", match[0])
    lengths = [_length(float(number), unit) for number, unit in pieces]
    clock = "".join(length.removeprefix("PT") for length in lengths if length.startswith("PT"))
    calendar = "".join(length.removeprefix("P") for length in lengths if not length.startswith("PT"))
    return f"P{calendar}{'T' + clock if clock else ''}", ""


def _race_time(match: re.Match, reference: datetime.date | None) -> tuple[str, str]:
    # minutes:seconds.hundredths, or hours:minutes:seconds: a time a race took
    parts = re.split(r"[:.]", match[0].split()[0])
    if len(parts) == 3:
        return f"PT{int(parts[0])}M{int(parts[1])}.{parts[2]}S", ""
    return f"PT{int(parts[0])}H{int(parts[1])}M{int(parts[2])}.{parts[3]}S", ""


def _all_day(match: re.Match, reference: datetime.date | None) -> tuple[str, str]:
    return _length(1.0, match["unit"]), ""


def _ago(match: re.Match, reference: datetime.date | None) -> tuple[str, str]:
    number = match.groupdict().get("number")
    count = _number(number) if number else 1.0
    letters = _lookup("time_units", match["unit"])
    if count is None:
        return "PAST_REF", f"'{match['number']}' gives no number, so the date cannot be worked out (TimeML: PAST_REF)."
    missing = _need(reference, match, "PAST_REF")
    if missing:
        return missing
    return _back(reference, count, letters)


def _back(reference: datetime.date, count: float, letters: str) -> tuple[str, str]:
    """The date ``count`` units of ``letters`` (``Y``, ``10Y``, ``M``, ``W``, ``D``) before ``reference``."""
    multiple = int(re.match(r"T?(\d*)", letters)[1] or 1)
    steps, letter = int(count * multiple), letters[-1]
    if letters.startswith("T") or count != int(count):
        return reference.isoformat(), ""
    if letter == "Y":
        return f"{reference.year - steps:04d}", ""
    if letter == "M":
        return "%04d-%02d" % _month(reference.year, reference.month, -steps), ""
    days = steps * (7 if letter == "W" else 1)
    return (reference - datetime.timedelta(days=days)).isoformat(), ""


def _day_the_nth(match: re.Match, reference: datetime.date | None) -> tuple[str, str]:
    missing = _need(reference, match, f"XXXX-XX-{int(match['nth']):02d}")
    if missing:
        return missing
    weekday, day = int(_lookup("time_days", match["day"])), int(match["nth"])
    for shift in (0, -1, 1, -2, 2, -3, 3):
        year, month = _month(reference.year, reference.month, shift)
        try:
            date = datetime.date(year, month, day)
        except ValueError:
            continue
        if date.isoweekday() == weekday:
            return date.isoformat(), ""
    return f"XXXX-XX-{day:02d}", f"no {match['day']} the {day}th lies within three months of the story's date."


def _part_of_day(match: re.Match) -> str:
    part = match.groupdict().get("post")
    code = _lookup("time_of_day", part) if part else ""
    return f"T{code}" if code else ""


def _day_name(match: re.Match, reference: datetime.date | None) -> tuple[str, str]:
    weekday = int(_lookup("time_days", match["day"]))
    missing = _need(reference, match, f"XXXX-WXX-{weekday}")
    if missing:
        return missing
    return _nearest_day(reference, weekday, _shift_of(match)).isoformat() + _part_of_day(match), ""


def _month_name(match: re.Match, reference: datetime.date | None) -> tuple[str, str]:
    month = int(_lookup("time_months", match["month"]))
    missing = _need(reference, match, f"XXXX-{month:02d}")
    if missing:
        return missing
    return "%04d-%02d" % _nearest_month(reference, month, _shift_of(match)), ""


def _season(match: re.Match, reference: datetime.date | None) -> tuple[str, str]:
    season = _lookup("time_seasons", match["season"])
    if match["year"]:
        return f"{_year(match['year'])}-{season}", ""
    missing = _need(reference, match, f"XXXX-{season}")
    return missing or (_nearest_season(reference, season, _shift_of(match)), "")


def _year_value(match: re.Match, reference: datetime.date | None) -> tuple[str, str]:
    year = _year(match["digits"])
    return (f"BC{year:04d}" if match["era"] and "B" in match["era"].upper() else f"{year:04d}"), ""


def _relative_unit(match: re.Match, reference: datetime.date | None) -> tuple[str, str]:
    unit, shift = match["unit"].casefold(), _shift_of(match) or 0
    missing = _need(reference, match, "PRESENT_REF" if shift == 0 else ("PAST_REF" if shift < 0 else "FUTURE_REF"))
    if missing:
        return missing
    if unit == "year":
        return f"{reference.year + shift:04d}", ""
    if unit == "month":
        return "%04d-%02d" % _month(reference.year, reference.month, shift), ""
    if unit == "quarter":
        index = reference.year * 4 + (reference.month - 1) // 3 + shift
        return f"{index // 4:04d}-Q{index % 4 + 1}", ""
    if unit in ("decade", "century"):
        size = 10 if unit == "decade" else 100
        return str(reference.year // size + shift), ""
    year, week, _ = (reference + datetime.timedelta(weeks=shift)).isocalendar()
    return f"{year:04d}-W{week:02d}{'-WE' if unit == 'weekend' else ''}", ""


def _deictic(match: re.Match, reference: datetime.date | None) -> tuple[str, str]:
    missing = _need(reference, match, "PRESENT_REF")
    if missing:
        return missing
    word = re.match(r"\w+", match["span"])[0]
    day = reference + datetime.timedelta(days=int(_lookup("time_relative", word)))
    night = "TNI" if word.casefold() == "tonight" else ""
    return day.isoformat() + (night or _part_of_day(match)), ""


def _this_part(match: re.Match, reference: datetime.date | None) -> tuple[str, str]:
    missing = _need(reference, match, "PRESENT_REF")
    return missing or (f"{reference.isoformat()}T{_lookup('time_of_day', match['part'])}", "")


def _recent(match: re.Match, reference: datetime.date | None) -> tuple[str, str]:
    return "PAST_REF", ""


def _anaphoric(match: re.Match, reference: datetime.date | None) -> tuple[str, str]:
    return "XXXX-XX-XX", (f"'{match[0]}' refers to a time the text gave earlier; "
                          "the lessons don't follow such references.")


# ---------------------------------------------------------------------------
# The rules, in the order they are tried: the first rule to claim some words keeps them.

_PRE = r"(?<![\w-])(?:(?P<position>{POSITION})[\s-]+)?(?:(?P<shift>{SHIFT})\s+)?"
_DURATION = r"(?P<number>{NUMBER})[\s-]+(?P<unit>{UNIT})"
_YEAR = (r"(?:(?<![\w-])(?P<position>{POSITION})[\s-]+)?(?<![\w$£€.,:/#°])"
         r"{NOTNUMBERED}(?P<span>(?P<digits>{YEAR})(?:\s?(?P<era>B\.C\.|BC|A\.D\.|AD)(?!\w))?)"
         r"(?![\w%°]|[.,:]\d|-[a-z]|\s?(?i:percent|per cent))")  # "a 2000-page report": a measure

RULES: tuple[TimeRule, ...] = (
    TimeRule("ISO date", "DATE", r"(?<![\w-])\d{4}-[01]\d-[0-3]\d(?![\w-])", "2023-03-20",
             "a date written year-month-day", _iso_date),
    TimeRule("numeric date", "DATE",
             r"(?<![\w/.,:-])(?P<first>\d{1,2})(?P<sep>[/.-])(?P<second>\d{1,2})(?P=sep)(?P<year>{YEAR})(?![\w/-]|[.,]\d)",
             "3/20/2023", "a date in digits, month and day in either order (3/20/2023 in the US, 20/03/2023 "
             "elsewhere): when both could be the month, the value says it is not known which", _numeric_date),
    TimeRule("month day year", "DATE",
             r"(?<!\w)(?P<span>(?P<month>{MONTH})\s+(?P<day>\d{1,2}){NTH}?,?\s+(?P<year>{YEAR}))(?!\d)",
             "March 20, 2023", "a month, a day and a year", _full_date),
    TimeRule("day month year", "DATE",
             r"(?<![\w.])(?P<span>(?P<day>\d{1,2}){NTH}?\s+(?P<month>{MONTH}),?\s+(?P<year>{YEAR}))(?!\d)",
             "20 March 2023", "a day, a month and a year, the British way", _full_date),
    TimeRule("month year", "DATE", r"(?<!\w)(?P<span>(?P<month>{MONTH}),?\s+(?P<year>{YEAR}))(?!\d)",
             "April 1994", "a month and a year", _month_year),
    TimeRule("part of year", "DATE",
             r"(?<!\w)(?P<span>(?P<which>(?i:first|second|third|fourth|last|final))\s+"
             r"(?P<part>(?i:half|quarter))\s+of\s+(?P<year>{YEAR}))(?!\d)",
             "second half of 2022", "a half or quarter of a year; IEER leaves 'the' out", _part_of_year),
    TimeRule("quarter", "DATE",
             r"(?<!\w)(?P<span>(?P<which>(?i:first|second|third|fourth))\s+(?P<part>(?i:quarter)))(?![\w-])",
             "third quarter", "a quarter with no year: of the story's year, as business news means it", _quarter),
    TimeRule("day range end", "DATE",
             r"(?<!\w)(?P<month>{MONTH})\s+\d{1,2}\s*[-–]\s*(?P<span>(?P<day>\d{1,2}))(?![\d:])",
             "May 1-31", "the second day of a range of days in one month: a date of its own", _range_end),
    TimeRule("month day", "DATE",
             _PRE + r"(?<!\w)(?P<span>(?P<month>{MONTH})\s+(?P<day>\d{1,2}){NTH}?)(?![\d:]|[.,]\d)",
             "April 3", "a month and a day: the nearest such date to the story's", _month_day),
    TimeRule("day month", "DATE", r"(?<![\w.$£€])(?P<span>(?P<day>\d{1,2}){NTH}?\s+(?P<month>{MONTH}))(?!\w)",
             "20 March", "a day and a month, the British way", _month_day),
    TimeRule("year range end", "DATE", r"(?<![\w$])(?P<first>{YEAR})[-–/](?P<span>\d\d)(?![\w%])",
             "1997-98", "the second year of a range written short: a year of its own", _year_range_end),
    TimeRule("century", "DATE", r"(?<!\w)(?P<span>(?P<number>\d{1,2}){NTH}[\s-](?i:century))(?!\w|\s+[A-Z])",
             "21st-century", "a century by its number", _century),
    TimeRule("decade", "DATE", r"(?<![\w$'])(?P<span>(?P<digits>{YEAR})s|'(?P<short>\d0)s)(?!\w)",
             "1970s", "a decade: four digits and s, or an apostrophe, two digits and s", _decade),
    TimeRule("decade after a decade", "DATE",
             r"(?<![\w$'])(?P<first>{YEAR}s|'\d0s)(?:,\s*|\s+(?:and|or|to|through|into|until)\s+)"
             r"(?:(?P<pre>{POSITION})[\s-]+)?(?P<span>(?P<short>\d0)s)(?!\w)",
             "the 1970s and early 80s", "two digits and s after a decade in the same phrase: a decade of "
             "the same century (alone, 'his early 50s' is an age)", _decade),
    TimeRule("the decade", "DATE",
             r"(?<!\w)(?<!highs in )(?<!lows in )(?<!temperatures in )(?i:the)\s+(?:(?P<pre>{POSITION})[\s-]+)?"
             r"(?P<span>(?P<short>\d0)s)(?!\w)",
             "the 80s", "'the' and two digits and s: a decade of the 1900s (not after 'highs in', "
             "'temperatures in': those are degrees)", _decade),
    TimeRule("holiday", "DATE", r"(?<!\w)(?:{HOLIDAY})(?!\w)", "St. Patrick's Day",
             "a holiday or named day from the list time_holidays", _holiday),
    TimeRule("clock time", "TIME",
             r"(?<![\w:.])(?P<span>(?P<hour>\d{1,2})(?:[:.](?P<minute>\d\d))?\s?"
             r"(?P<ampm>[ap]\.m\.|[AP]\.M\.|[ap]m\b|[AP]M\b)(?:\s+(?:{ZONE})\b)?)",
             "8 p.m. ET", "hours (and minutes) with a.m. or p.m., and a time zone if one follows", _clock),
    TimeRule("24-hour clock", "TIME",
             r"(?<!\w)(?P<cue>(?i:at|by|until|till|from|before|after|around|since))\s+"
             r"(?P<span>(?P<hour>[01]?\d|2[0-3]):(?P<minute>[0-5]\d)(?:\s+(?:{ZONE})\b)?)(?![\w:]|[.,]\d)",
             "at 21:30", "hours and minutes with no a.m. or p.m. after at, by, until...: a clock time from "
             "0:00 to 23:59 (without such a word, '2:05' may be a race time or a score)", _clock24),
    TimeRule("named time", "TIME", r"(?<!\w)(?:{CLOCKWORD})(?!\w)", "noon",
             "a time of day with a name (time_of_day entries with a clock time)", _clock_word),
    TimeRule("race time", "DURATION", r"(?<![\w:.])\d{1,2}:\d\d(?:[:.]\d\d)?\.\d+(?:\s+seconds)?(?![\w:])", "4:07.13",
             "minutes:seconds.hundredths, the time a race took", _race_time),
    TimeRule("compound duration", "DURATION",
             r"(?<![\w.])(?P<span>\d+(?:\.\d+)?\s+(?:{UNIT})(?:,?\s+(?:and\s+)?\d+(?:\.\d+)?\s+(?:{UNIT}))+)(?!\w)",
             "2 hours, 32 minutes, 25.3 seconds", "lengths in several units, one after the other", _compound),
    TimeRule("ago", "DATE",
             r"(?<![\w$£€.])(?P<span>(?:(?P<number>{NUMBER})[\s-]+|(?<=\b[aA]\s)|(?<=\b[aA]n\s))(?P<unit>{UNIT}))"
             r"\s+(?P<post>ago)(?!\w)",
             "two years ago", "a length of time and 'ago': counted back from the story's date (IEER marks the "
             "length)", _ago, relative=True, ieer="DURATION"),
    TimeRule("duration", "DURATION",
             r"(?<![\w$£€.,-])(?:(?P<pre>(?i:the\s+)?(?i:past|last|next|coming|first|final))\s+)?(?<![\w$£€.,])"
             r"(?:(?i:a)\s+)?(?P<span>" + _DURATION + r")(?!\w|-old|\s+old\b|-year-old)",
             "four months", "a number and a unit of time: a length ('the past' and 'a' stay outside)", _duration),
    TimeRule("a unit", "DURATION",
             r"(?<!\w)(?P<cue>(?i:for|in|within|after|over|about|nearly|almost|than|during|into))\s+(?i:a|an)\s+"
             r"(?P<span>(?:(?i:single)\s+)?(?!second)(?P<unit>{UNIT1}))(?![\w-])",
             "for a month", "'a' or 'an' and a unit after a word like 'for': one unit ('a' stays outside; "
             "not 'a second', which is mostly 'a second term')", _duration),
    TimeRule("vague length", "DURATION",
             r"(?<!\w)(?P<cue>(?i:for|over|in|within|during))\s+(?:(?P<pre>(?i:the\s+)?(?i:past|last|coming|next))\s+)?"
             r"(?P<span>(?P<unit>(?i:minutes|hours|days|nights|weeks|months|years|decades|centuries)))(?!\w|\s+of\b)",
             "for months", "a plural unit with no number after 'for', 'over' or 'in': a length the text does not give "
             "(IEER does not mark it)", _vague_length, ieer="-"),
    TimeRule("all day", "DURATION", r"(?<!\w)(?P<span>(?i:all)[\s-](?P<unit>day|night|week|month|year))(?!\w)",
             "all-day", "all day, all night, all year: one unit", _all_day),
    TimeRule("past unit", "DURATION",
             r"(?<!\w)(?P<pre>(?i:the\s+)?(?i:past))\s+(?P<span>(?P<unit>{UNIT1}))(?!\w)",
             "the past day", "'the past' and one unit: the length up to the story's date", _duration),
    TimeRule("day the nth", "DATE", r"(?<!\w)(?P<span>(?P<day>{DAY})\s+the\s+(?P<nth>\d{1,2}){NTH})(?!\w)",
             "Friday the 13th", "a day name and a day of the month", _day_the_nth),
    TimeRule("day name", "DATE",
             _PRE + r"(?<!\w)(?P<span>(?P<day>{DAY}))(?!\w)(?:\s+(?P<post>{PART})(?!\w))?",
             "Monday", "a day name: the nearest such day to the story's date ('last' one before, 'next' one after)",
             _day_name),
    TimeRule("month", "DATE", _PRE + r"(?<!\w)(?P<span>(?P<month>{MONTH}))(?!\w)",
             "late March", "a month's name: the nearest such month to the story's date", _month_name),
    TimeRule("season", "DATE",
             _PRE + r"(?<!\w)(?P<span>(?P<season>{SEASON})(?:,?\s+(?:of\s+)?(?P<year>{YEAR}))?)(?![\w-])",
             "last summer", "a season (and maybe its year); 'last', 'next' or 'this' picks which one", _season),
    TimeRule("year after a cue", "DATE", r"(?<![\w-])(?P<cue>{YEARCUE})\s+" + _YEAR, "since 1998",
             "four digits from 1600 to 2099 after in, since, by, until... (time_year_cues): a year even "
             "before a plural noun ('in 2000 troops were sent')", _year_value),
    TimeRule("year", "DATE", _YEAR + r"(?!\s+{COUNTED})", "mid-1998",
             "four digits from 1600 to 2099 with nothing that makes them an amount or a number "
             "('Flight 1800', time_numbered); 'mid' stays beside; "
             "not before a plural noun or a unit, which makes them an amount ('2000 troops', '2000 km', "
             "'a 2000-page report'), unless the noun "
             "belongs to a year ('the 2022 elections', time_year_nouns)", _year_value),
    TimeRule("relative unit", "DATE",
             r"(?<!\w)(?:(?P<pre>{POSITION})\s+)?(?<!\w)(?P<span>(?P<shift>{SHIFT})\s+"
             r"(?P<unit>(?i:week|weekend|month|year|quarter|decade|century)))(?![\w-])",
             "last month", "last, this or next and a unit of the calendar, from the story's date",
             _relative_unit, relative=True),
    TimeRule("this part of day", "DATE", r"(?<!\w)(?P<span>(?i:this)\s+(?P<part>{PART}))(?!\w)",
             "this morning", "this and a part of the day: the story's day", _this_part, relative=True),
    TimeRule("today", "DATE", r"(?<!\w)(?P<span>(?:{RELATIVE})(?:\s+(?P<post>{PART}))?)(?!\w)",
             "yesterday", "today, yesterday, tomorrow, tonight: counted from the story's date",
             _deictic, relative=True),
    TimeRule("recent", "DATE", r"(?<!\w)(?P<span>(?i:recent)\s+(?P<unit>days|weeks|months|years))(?!\w)",
             "recent weeks", "recent days, weeks...: some time before the story (TimeML PAST_REF)",
             _recent, relative=True),
    TimeRule("that time", "DATE",
             r"(?<!\w)(?P<span>(?:(?i:that)|(?i:the)\s+(?i:following|next|previous|same))\s+"
             r"(?P<unit>(?i:day|night|week|weekend|month|year|morning|afternoon|evening)))(?!\w)",
             "that year", "that day, the following week...: a time the text gave before", _anaphoric, relative=True),
)


@lru_cache(maxsize=4)
def _compiled(generation: int) -> tuple[tuple[TimeRule, re.Pattern], ...]:
    pieces = _pieces()
    return tuple((rule, re.compile(_fill(rule.pattern, pieces))) for rule in RULES)


def _fill(pattern: str, pieces: dict[str, str]) -> str:
    """``pattern`` with each ``{NAME}`` replaced by its piece (``{1,2}`` stays a regex repeat)."""
    return re.sub(r"\{([A-Z][A-Z0-9]*)\}", lambda name: pieces[name[1]], pattern)


register(_compiled)

# Every time expression holds a digit or a time word ("March", "Monday", "week", "noon", "today"...),
# and reaches less than NEAR characters (its lookarounds included) from one. The rules are only run
# where such a word is that near: most of a story has none, and regular expressions are slow to
# scan text that cannot match. tests/test_dates.py checks that each rule's example has one and that
# the results are those of scanning the whole text.
NEAR = 80
_WORD_END = re.compile(r"\W")
_ANCHOR_PIECES = ("MONTH", "DAY", "SEASON", "PART", "CLOCKWORD", "UNIT", "HOLIDAY", "RELATIVE")


@register
@lru_cache(maxsize=4)
def _anchor(generation: int) -> re.Pattern:
    """A digit, or a word from the time word lists (or a time word a rule spells out)."""
    pieces = _pieces()
    words = "|".join(pieces[name] for name in _ANCHOR_PIECES)
    return re.compile(rf"[\d½¼¾]|(?<!\w)(?:{words}|(?i:weekend|quarter|half))(?!\w)")


def _near_time_words(text: str) -> list[tuple[int, int]]:
    """The stretches of ``text`` within :data:`NEAR` characters of a digit or a time word, merged.

    A stretch ends at the end of a word: cut inside one, "Mark" would end as "Mar", a month.
    (Where it starts does not matter: a pattern looking back sees the text before it.)
    """
    stretches: list[list[int]] = []
    for match in _anchor(wordlists.generation()).finditer(text):
        start, end = max(0, match.start() - NEAR), match.end() + NEAR
        if stretches and not _closed_before(text, stretches[-1], start):
            stretches[-1][1] = end
        else:
            stretches.append([start, end])
    if stretches:
        word_end = _WORD_END.search(text, stretches[-1][1])
        stretches[-1][1] = word_end.start() if word_end else len(text)
    return [(start, min(end, len(text))) for start, end in stretches]


def _closed_before(text: str, stretch: list[int], next_start: int) -> bool:
    """End ``stretch`` at the first word end before ``next_start``; False if it runs on into the next.

    The search stops where the next stretch starts: a text without word ends costs one pass, not one
    pass a digit.
    """
    if next_start <= stretch[1]:
        return False
    word_end = _WORD_END.search(text, stretch[1], next_start)
    if word_end is None:
        return False
    stretch[1] = word_end.start()
    return True


# ---------------------------------------------------------------------------
# Finding

@register
@lru_cache(maxsize=8)
def _cues(generation: int, name: str) -> frozenset[str]:
    return frozenset(cue.casefold() for cue in wordlists.words(name))


def _needs_cue(match: re.Match, text: str) -> bool:
    """True when the span is a word like "May" or "fall" with no cue word before it (so not a time)."""
    word = text[match.start("span"):match.end("span")] if "span" in match.re.groupindex else match[0]
    if word.casefold() not in _cues(wordlists.generation(), "time_needs_cue") or _beside(match):
        return False
    before = re.search(r"([A-Za-z]+)\W*$", text[max(0, match.start() - 30):match.start()])
    if before is None or before[1].casefold() not in _cues(wordlists.generation(), "time_cues"):
        return True
    return bool(re.match(r"\s+of\s+(?!\d)", text[match.end():match.end() + 8]))  # "the fall of Rome"


_BESIDE = ("pre", "position", "shift", "post")  # groups that may hold a modifier beside the span


def _beside(match: re.Match) -> list[str]:
    """The modifier groups of ``match`` that matched outside its span."""
    start, end = match.span("span") if "span" in match.re.groupindex else match.span()
    return [name for name in _BESIDE if name in match.re.groupindex and match[name]
            and not start <= match.start(name) < end]


def _modifiers(match: re.Match) -> tuple[Modifier, ...]:
    return tuple(Modifier(match[name], match.start(name), match.end(name))
                 for name in sorted(_beside(match), key=match.start))


def _found(match: re.Match, rule: TimeRule, reference: datetime.date | None) -> TimeExpression:
    start, end = match.span("span") if "span" in match.re.groupindex else match.span()
    value, reason = rule.value(match, reference)
    return TimeExpression(match.string[start:end], start, end, rule.kind, value, rule.name,
                          not reason, reason, _modifiers(match), rule.relative)


def _claim(match: re.Match, claimed: bytearray) -> bool:
    """Mark the match's words as taken; False (taking nothing) when an earlier rule took any of them."""
    names = ["span"] * ("span" in match.re.groupindex) + _beside(match)
    start = min((match.start(name) for name in names), default=match.start())
    end = max((match.end(name) for name in names), default=match.end())
    if claimed.find(1, start, end) >= 0:
        return False
    claimed[start:end] = b"\x01" * (end - start)
    return True


@text_cache(copy=None)
def _extract(text: str, reference: datetime.date | None) -> tuple[TimeExpression, ...]:
    claimed = bytearray(len(text))
    found = []
    stretches = _near_time_words(text)
    for rule, pattern in _compiled(wordlists.generation()):
        for start, end in stretches:
            for match in pattern.finditer(text, start, end):
                if not _needs_cue(match, text) and _claim(match, claimed):
                    found.append(_found(match, rule, reference))
    return tuple(sorted(found, key=lambda each: (each.start, each.end)))


# ---------------------------------------------------------------------------
# The reference date

_DATELINE = r"(?<!\w)((?:{MONTH})\s+\d{1,2},?\s+{YEAR}|\d{1,2}\s+(?:{MONTH})\s+{YEAR}|\d{4}-\d\d-\d\d)(?!\d)"


@register
@lru_cache(maxsize=4)
def _dateline_pattern(generation: int) -> re.Pattern:
    return re.compile(_fill(_DATELINE, _pieces()))


def dateline(text: str) -> datetime.date | None:
    """The date written at the top of ``text`` (its first 300 characters), if there is one.

    >>> dateline("WASHINGTON, March 20, 2023 (AP) — The White House said...")
    datetime.date(2023, 3, 20)
    >>> dateline("No date here.") is None
    True
    """
    head = require_text(text, "dateline")[:300]
    for match in _dateline_pattern(wordlists.generation()).finditer(head):
        value = next(iter(extract_times(match[0], reference=datetime.date(2000, 1, 1))), None)
        if value is not None and value.resolved and re.fullmatch(r"\d{4}-\d\d-\d\d", value.value):
            return datetime.date.fromisoformat(value.value)
    return None


def reference_date(reference: object) -> datetime.date | None:
    """A reference date from a ``date``, a ``datetime``, an ISO string, or an ``Article`` (its metadata's date).

    >>> reference_date("2023-03-20")
    datetime.date(2023, 3, 20)
    """
    if reference is None or isinstance(reference, datetime.date) and not isinstance(reference, datetime.datetime):
        return reference
    if isinstance(reference, datetime.datetime):
        return reference.date()
    metadata = getattr(reference, "metadata", None)
    if isinstance(metadata, dict):
        return reference_date(metadata.get("date"))
    if isinstance(reference, str):
        try:
            return datetime.date.fromisoformat(reference.strip()[:10])
        except ValueError:
            raise ValueError(f"reference={reference!r} is not a date written YYYY-MM-DD.") from None
    raise TypeError(f"reference must be a datetime.date, an ISO date string or an Article, "
                    f"not {type(reference).__name__}.")


# ---------------------------------------------------------------------------
# From a value back to the calendar: the first and last day it covers

_SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def _last_day(year: int, month: int) -> datetime.date:
    next_year, next_month = _month(year, month, 1)
    return datetime.date(next_year, next_month, 1) - datetime.timedelta(days=1)


def _months(year: int, first: int, count: int) -> tuple[datetime.date, datetime.date]:
    last_year, last_month = _month(year, first, count - 1)
    return datetime.date(year, first, 1), _last_day(last_year, last_month)


_CALENDAR = (  # value pattern -> the days it covers
    (r"(\d{4})-(\d\d)-(\d\d)(?:T.*)?", lambda y, m, d: (datetime.date(int(y), int(m), int(d)),) * 2),
    (r"(\d{4})-(\d\d)", lambda y, m: _months(int(y), int(m), 1)),
    (r"(\d{4})", lambda y: _months(int(y), 1, 12)),
    (r"(\d{4})-W(\d\d)(-WE)?", lambda y, w, weekend: (
        datetime.date.fromisocalendar(int(y), int(w), 6 if weekend else 1), datetime.date.fromisocalendar(int(y), int(w), 7))),
    (r"(\d{4})-(SP|SU|FA|WI)", lambda y, season: _months(int(y), _SEASON_START[season], 3)),
    (r"(\d{4})-Q(\d)", lambda y, q: _months(int(y), 3 * int(q) - 2, 3)),
    (r"(\d{4})-H(\d)", lambda y, h: _months(int(y), 6 * int(h) - 5, 6)),
    (r"(\d{3})", lambda decade: _months(int(decade) * 10, 1, 120)),
    (r"(\d{2})", lambda century: _months(max(int(century) * 100, 1), 1, 1200)),
)


def calendar_span(value: str) -> tuple[datetime.date, datetime.date] | None:
    """The first and last day a DATE value covers, or None (a duration, a time alone, PAST_REF, BC...).

    >>> calendar_span("2022-SU")
    (datetime.date(2022, 6, 1), datetime.date(2022, 8, 31))
    >>> calendar_span("2023-W12")
    (datetime.date(2023, 3, 20), datetime.date(2023, 3, 26))
    >>> calendar_span("P4M") is None
    True
    """
    for pattern, days in _CALENDAR:
        match = re.fullmatch(pattern, value)
        if match:
            try:
                return days(*match.groups())
            except ValueError:  # "2023-02-30", week 54: not on the calendar
                return None
    return None


# ---------------------------------------------------------------------------
# The public functions

def extract_times(text: str, reference: object = None, kinds: Iterable[str] = KINDS,
                  relative: bool = True) -> list[TimeExpression]:
    """Every date, time and duration in ``text``, in order, each with its ISO value.

    ``reference`` is the day the story was written (a ``datetime.date``, ``"2023-03-20"``
    or the ``Article``); without it, a dateline at the top of the text is used.
    ``relative=False`` leaves out what only points from that day ("last month"), as IEER does.

    >>> [(each.text, each.value) for each in extract_times("Talks last month; more next year.", "2023-03-20")]
    [('last month', '2023-02'), ('next year', '2024')]
    >>> extract_times("")
    []
    """
    text = require_text(text, "extract_times")  # a text over caching.MAX_CHARACTERS: an error naming extract_times
    day = reference_date(reference) or dateline(text)
    kinds = set(kinds)
    return [each for each in _extract(text, day) if each.kind in kinds and (relative or not each.relative)]


def rules_table() -> Table:
    """The rules in the order they are tried: name, kind, example and description.

    >>> rules_table().rows[0][:3]
    ('ISO date', 'DATE', '2023-03-20')
    """
    return Table(("rule", "kind", "example", "what it finds"),
                 tuple((rule.name, rule.kind, rule.example, rule.descr()) for rule in RULES))


def explain_times(text: str, reference: object = None) -> Table:
    """A trace: each expression, its value, the rule that found it and why a value is missing.

    >>> explain_times("on Monday", "2023-03-20").rows
    (('Monday', 'DATE', '2023-03-20', 'day name', "a day name: the nearest such day to the story's date ('last' one before, 'next' one after)", ''),)
    """
    rules = {rule.name: rule for rule in RULES}
    return Table(("text", "kind", "value", "rule", "the rule says", "why no value"), tuple(
        (each.text + "".join(f" [{modifier.text}]" for modifier in each.modifiers), each.kind, each.value,
         each.rule, rules[each.rule].descr(), each.reason) for each in extract_times(text, reference)))


def ieer_spans(text: str, reference: object = None) -> list[TimeExpression]:
    """The expressions IEER's annotators would mark: not the ones that only point from the day of writing.

    >>> [each.text for each in ieer_spans("Last year, on Saturday, for two years.")]
    ['Saturday', 'two years']
    """
    kinds = {rule.name: rule.ieer_kind for rule in RULES}
    return [each if kinds[each.rule] == each.kind else replace(each, kind=kinds[each.rule])
            for each in extract_times(text, reference) if kinds[each.rule]]
