"""The words lesson 3 reads amounts with, built from the word lists in ``lessons/wordlists/``.

Every list is a data file (``number_words``, ``scales``, ``currencies``, ``units``,
``qualifiers``...), so a student can extend one from a notebook and see the
effect at once: :func:`lexicon` is rebuilt whenever :func:`lessons.wordlists.generation`
changes, and the quantities' cache is keyed on it too.

>>> from lessons import wordlists
>>> "lakh" in lexicon().scales
False
>>> wordlists.extend("scales", {"lakh": "100000"})
>>> lexicon().scales["lakh"]
Fraction(100000, 1)
>>> wordlists.reset("scales")
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from fractions import Fraction
from functools import lru_cache

from lessons import wordlists

VULGAR = "".join(chr(code) for code in range(0x2150, 0x2160)) + "¼½¾"
DIGITS = r"\d+(?:[.,]\d+)*"


@dataclass(frozen=True)
class Lexicon:
    """Every word list lesson 3 needs, read once per generation of the lists."""

    numbers: dict[str, int]          # one..ninety
    small: dict[str, int]            # zero..nineteen
    tens: dict[str, int]             # twenty..ninety
    multipliers: dict[str, Fraction]  # hundred, dozen: multiply and go on counting
    scales: dict[str, Fraction]      # thousand and up: close a group
    suffixes: dict[str, Fraction]    # 350m, 1.2bn, 40k
    ordinals: dict[str, int]         # first, fourth, twentieth
    fractions: dict[str, Fraction]   # half, quarter, third(s)
    vague: dict[str, int]            # tens, hundreds
    few: dict[str, tuple[int, int]]  # few, several
    currencies: dict[str, str]       # $ -> "$" (the text's dollar), € -> EUR, dlrs -> "$"
    minor: dict[str, str]            # cents -> "$", pence -> GBP
    prefixes: dict[str, str]         # US (before "$") -> USD
    dollar_hints: dict[str, str]     # Toronto Stock Exchange -> CAD
    percent: frozenset[str]
    qualifiers: dict[tuple[str, ...], str]   # ("more", "than") -> "bound", longest first
    qualifier_starts: frozenset[str]
    units: dict[str, str]            # miles -> distance
    time_units: frozenset[str]       # years, months: lessons.dates' list, for ages ("69 years old")
    glued_units: tuple[str, ...]
    rates: dict[str, str]            # day -> time, share -> other
    number_token: re.Pattern[str]
    candidate: re.Pattern[str]

    @property
    def all_number_words(self) -> dict[str, Fraction]:
        return {**{w: Fraction(v) for w, v in self.numbers.items()}, **self.multipliers, **self.scales}


def _fraction(value: str) -> Fraction:
    return Fraction(value.strip())


def _alternatives(words, flags: str = "") -> str:
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True)) or "(?!)"


def _ordinals(numbers: dict[str, int], irregular: dict[str, int]) -> dict[str, int]:
    ordinals = dict(irregular)
    for word, value in numbers.items():
        if value in ordinals.values() or value == 0:
            continue
        ordinals[word[:-1] + "ieth" if word.endswith("y") else word + "th"] = value
    return ordinals


def _fractions(listed: dict[str, Fraction], ordinals: dict[str, int]) -> dict[str, Fraction]:
    fractions = dict(listed)
    fractions.update({word: Fraction(1, value) for word, value in ordinals.items() if 3 <= value <= 100})
    fractions.update({word + "s": value for word, value in list(fractions.items()) if not word.endswith("s")})
    return fractions


def _number_token(currencies: dict[str, str], suffixes, scales, glued_units) -> re.Pattern[str]:
    # Symbols and codes may be glued to the digits ("€3bn", "RM1", "HK$5"); words may not ("dlrs5").
    glued = [entry for entry in currencies if not entry.islower()]
    return re.compile(
        rf"(?P<sign>[-−])?(?P<currency>{_alternatives(glued)})?(?P<sign2>[-−])?"
        rf"(?:(?P<digits>{DIGITS})(?:(?P<fraction>[{VULGAR}])|/(?P<denominator>\d+))?|(?P<vulgar>[{VULGAR}]))"
        rf"(?:-?(?P<scale>{_alternatives(suffixes)}|{_alternatives(scales)})\b)?"
        rf"(?P<decade>s)?(?P<unit>{_alternatives(glued_units)})?",
        re.IGNORECASE,
    )


@lru_cache(maxsize=4)
def _lexicon(generation: int) -> Lexicon:
    numbers = {word: int(value) for word, value in wordlists.mapping("number_words").items()}
    scale_values = {word: _fraction(value) for word, value in wordlists.mapping("scales").items()}
    suffixes = {word: _fraction(value) for word, value in wordlists.mapping("scale_suffixes").items()}
    ordinals = _ordinals(numbers, {w: int(v) for w, v in wordlists.mapping("ordinal_words").items()})
    fractions = _fractions({w: _fraction(v) for w, v in wordlists.mapping("fraction_words").items()}, ordinals)
    vague, few = {}, {}
    for word, value in wordlists.mapping("vague_words").items():
        if ".." in value:
            low, high = value.split("..")
            few[word] = (int(low), int(high))
        else:
            vague[word] = int(value)
    currencies = wordlists.mapping("currencies")
    glued_units = tuple(wordlists.words("glued_units"))
    scales = {word: value for word, value in scale_values.items() if value >= 1000}
    every_word = set(numbers) | set(scale_values) | set(ordinals) | set(fractions) | set(vague) | set(few)
    qualifiers = {tuple(phrase.lower().split()): sense for phrase, sense in sorted(
        wordlists.mapping("qualifiers").items(), key=lambda item: -len(item[0].split()))}
    return Lexicon(
        numbers=numbers,
        small={word: value for word, value in numbers.items() if value < 20},
        tens={word: value for word, value in numbers.items() if value >= 20},
        multipliers={word: value for word, value in scale_values.items() if value < 1000},
        scales=scales,
        suffixes=suffixes,
        ordinals=ordinals,
        fractions=fractions,
        vague=vague,
        few=few,
        currencies=currencies,
        minor=wordlists.mapping("minor_currencies"),
        prefixes=wordlists.mapping("currency_prefixes"),
        dollar_hints=wordlists.mapping("dollar_hints"),
        percent=frozenset(word.lower() for word in wordlists.words("percent_words")),
        qualifiers=qualifiers,
        qualifier_starts=frozenset(phrase[0] for phrase in qualifiers),
        units={word.lower(): dimension for word, dimension in wordlists.mapping("units").items()},
        glued_units=glued_units,
        time_units=frozenset(map(str.lower, wordlists.mapping("time_units"))),
        rates=wordlists.mapping("rate_words"),
        number_token=_number_token(currencies, suffixes, scales, glued_units),
        candidate=re.compile(rf"[\d{VULGAR}]|\b(?:{_alternatives(every_word)})\b", re.IGNORECASE),
    )


def lexicon() -> Lexicon:
    """The word lists as they are now (including what a notebook added with ``wordlists.extend``)."""
    return _lexicon(wordlists.generation())
