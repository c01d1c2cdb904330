"""One definition of each kind the lessons show: its name, plain words, colour and marker.

Every chart, explorer, legend, table and report reads kinds from here, so MONEY
is the same colour in lesson 3, in the capstone and in the report. Colours come
from palettes designed for colour-blind readers (Okabe & Ito 2008; Paul Tol's
"muted" scheme). Inside each view every kind has its own colour, and actors,
quantities and times never share one, because the report shows them together.
Colour is never the only cue: each kind also has a marker shape and a label.

>>> kind("MONEY").description
'an amount of money'
>>> colours(["PERSON", "MONEY"])
{'PERSON': '#0072B2', 'MONEY': '#CC79A7'}
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Kind:
    """A kind of result: ``name`` as the code says it, ``label`` and ``description`` in plain words."""

    name: str
    label: str
    description: str
    colour: str
    marker: str
    family: str


def _family(family: str, rows: Iterable[tuple[str, str, str, str, str]]) -> dict[str, Kind]:
    return {name: Kind(name, label, description, colour, marker, family)
            for name, label, description, colour, marker in rows}


ACTOR_KINDS = _family("actor", [
    ("PERSON", "person", "a person, named or described", "#0072B2", "o"),
    ("ORGANIZATION", "organisation", "a company, government body, party, court or other group", "#E69F00", "s"),
    ("LOCATION", "place", "a country, region, city or other place", "#009E73", "^"),
    ("UNKNOWN", "unknown", "a name with no clue to its kind: the text does not say", "#777777", "D"),
])

QUANTITY_KINDS = _family("quantity", [
    ("MONEY", "money", "an amount of money", "#CC79A7", "D"),
    ("PERCENT", "percent", "a percentage", "#D55E00", "v"),
    ("COUNT", "count", "a number of things", "#56B4E9", "o"),
    ("MEASURE", "measure", "a number with a unit of measure", "#DDCC77", "s"),
    ("ORDINAL", "ordinal", "a position: first, third, fourth-quarter", "#882255", "P"),
    ("NUMBER", "number", "a bare number or a proportion", "#999933", "X"),
])

TIME_KINDS = _family("time", [
    ("DATE", "date", "a day, month, year or other point in the calendar", "#332288", "^"),
    ("TIME", "time", "a time of day", "#44AA99", "h"),
    ("DURATION", "duration", "a stretch of time: four months, 20 years", "#F0E442", "*"),
])

# NLTK's universal tagset (Petrov, Das & McDonald 2012): twelve tags, twelve colours.
TAG_KINDS = _family("tag", [
    ("NOUN", "noun", "a person, place, thing or idea: aid, Moscow", "#0072B2", "o"),
    ("VERB", "verb", "an action or state: met, is, said", "#D55E00", "s"),
    ("ADJ", "adjective", "describes a noun: Russian, new", "#009E73", "^"),
    ("ADV", "adverb", "describes a verb or adjective: also, very", "#CC79A7", "v"),
    ("PRON", "pronoun", "stands for a noun: he, they, its", "#56B4E9", "D"),
    ("DET", "determiner", "points to a noun: the, a, this", "#E69F00", "P"),
    ("ADP", "adposition", "a preposition such as in, of, to", "#F0E442", "X"),
    ("NUM", "number", "a number: 350, three", "#882255", "*"),
    ("CONJ", "conjunction", "joins words or clauses: and, but", "#44AA99", "h"),
    ("PRT", "particle", "a small function word: to (before a verb), 's, up", "#999933", "p"),
    (".", "punctuation", "punctuation: . , ? !", "#BBBBBB", "."),
    ("X", "other", "a foreign word, typo or symbol the tagset has no place for", "#332288", "x"),
])

FAMILIES = {"actor": ACTOR_KINDS, "quantity": QUANTITY_KINDS, "time": TIME_KINDS, "tag": TAG_KINDS}
# Actors, quantities and times can be shown in one view; tags are never shown with them.
_SHOWN_TOGETHER = {**ACTOR_KINDS, **QUANTITY_KINDS, **TIME_KINDS}


def kind(name: str, family: str | None = None) -> Kind:
    """The kind called ``name`` ("MONEY", "PERSON", "NOUN"), from ``family`` if given.

    >>> kind("NOUN").label
    'noun'
    """
    table = FAMILIES[family] if family else {**TAG_KINDS, **_SHOWN_TOGETHER}
    try:
        return table[name]
    except KeyError:
        raise KeyError(f"No kind called {name!r}; the kinds are: {', '.join(table)}.") from None


def colours(names: Iterable[str], family: str | None = None) -> dict[str, str]:
    """Each kind's colour, keyed by name, in the order given: what a legend or highlight needs."""
    return {name: kind(name, family).colour for name in names}
