"""Numbers with their meaning: "$350m" is 350,000,000 US dollars; "69 Russian attacks" counts attacks.

Lesson 3 (``03_numbers.ipynb``) builds this up in three steps:

1. **Tags of our own.** The tagger's ``CD`` tag misses number words it has not
   seen ("twenty-five" is ``JJ``, "dozen" is ``NN``) and gives ``CD`` to words
   that are not amounts ("one of the"). :func:`retag` reads each token and gives
   the ones that matter for amounts a tag that says what they are: ``CD``
   (a number), ``VAGUE`` ("tens", "hundreds"), ``ORD`` ("third"), ``$`` (a
   currency), ``%``, ``UNIT`` ("hours", "millimetre"), ``QUAL`` ("more than"),
   ``OF``, ``TO`` (inside a range), ``PER`` ("one in five") and ``MONTH``.
2. **A chunk grammar.** NLTK's :class:`~nltk.chunk.RegexpParser` groups those
   tags into ``AMOUNT`` chunks and the nouns after them into ``THING`` chunks
   (:data:`GRAMMAR`; the lesson lets you edit it and run it again).
3. **Normalising.** :func:`read_number` turns the words of an amount into a
   value: digits with separators, number words, scales ("m", "bn", "million"),
   Unicode and word fractions, and vague amounts as a low–high range.

Only sentences with a digit or a number word are tagged at all, which keeps
long texts fast. Every result keeps its exact character offsets.

>>> [(q.text, q.kind, q.value, q.unit, q.counted) for q in extract_quantities("Kyiv repelled 69 Russian attacks.")]
[('69', 'COUNT', 69, None, 'Russian attacks')]
>>> q = extract_quantities("The U.S. sent another $350m in aid.")[0]
>>> (q.text, q.kind, q.value, q.unit)
('$350m', 'MONEY', 350000000, 'USD')
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, fields
from fractions import Fraction
from functools import lru_cache

from lessons.tagging import tag, tag_sentence
from lessons.tokens import require_text, sentences, tokens_by_sentence

KINDS = ("MONEY", "PERCENT", "COUNT", "MEASURE", "ORDINAL", "DATE", "NUMBER")

KIND_DESCRIPTIONS = {
    "MONEY": "an amount of money",
    "PERCENT": "a percentage",
    "COUNT": "a number of things",
    "MEASURE": "a number with a unit of measure or time",
    "ORDINAL": "a position: first, third",
    "DATE": "a year or a date",
    "NUMBER": "a bare number or a proportion",
}

# ---------------------------------------------------------------- the words
SMALL_NUMBERS = {
    word: value
    for value, word in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen".split()
    )
}
TENS = {word: 10 * value for value, word in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split(), 2)}
MULTIPLIERS = {"hundred": 100, "dozen": 12}  # multiply what came before, then keep counting
SCALES = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12}
SCALE_SUFFIXES = {"k": 10**3, "m": 10**6, "mn": 10**6, "mln": 10**6, "b": 10**9, "bn": 10**9, "tn": 10**12, "trn": 10**12}
NUMBER_WORDS = {**SMALL_NUMBERS, **TENS, **MULTIPLIERS, **SCALES}

_IRREGULAR_ORDINALS = {"first": 1, "second": 2, "third": 3, "fifth": 5, "eighth": 8, "ninth": 9, "twelfth": 12}


def _ordinal_words() -> dict[str, int]:
    ordinals = dict(_IRREGULAR_ORDINALS)
    for word, value in NUMBER_WORDS.items():
        if value in ordinals.values() or word in ("zero", "dozen"):
            continue
        ordinals[word[:-1] + "ieth" if word.endswith("y") else word + "th"] = value
    return ordinals


ORDINAL_WORDS = _ordinal_words()  # first, second, ..., twentieth, hundredth, millionth
FRACTION_WORDS = {"half": Fraction(1, 2), "halves": Fraction(1, 2), "quarter": Fraction(1, 4), "quarters": Fraction(1, 4)}
FRACTION_WORDS.update({word: Fraction(1, value) for word, value in ORDINAL_WORDS.items() if 3 <= value <= 100})
FRACTION_WORDS.update({word + "s": value for word, value in list(FRACTION_WORDS.items()) if not word.endswith("s")})
# "Tens of thousands": each plural multiplies; the phrase means from two to ten of them.
VAGUE_WORDS = {"tens": 10, "dozens": 12, "scores": 20, "hundreds": 100, "thousands": 10**3, "millions": 10**6,
               "billions": 10**9}
FEW_WORDS = {"few": (2, 5), "several": (3, 9)}  # "a few hundred", "several thousand"
SCALE_WORDS = MULTIPLIERS.keys() | SCALES.keys()
AFTER_A = SCALE_WORDS | FRACTION_WORDS.keys() | FEW_WORDS.keys()  # "a" is a number in "a dozen", "a fifth", "a few"

CURRENCY_SYMBOLS = {"$": "USD", "US$": "USD", "C$": "CAD", "CA$": "CAD", "A$": "AUD", "€": "EUR", "£": "GBP",
                    "¥": "JPY", "₹": "INR", "₽": "RUB", "₴": "UAH"}
CURRENCY_CODES = {code: code for code in "USD EUR GBP CAD AUD JPY CNY RMB RUB UAH CHF INR".split()}
CURRENCY_WORDS = {"dollar": "USD", "dollars": "USD", "euro": "EUR", "euros": "EUR", "pound": "GBP",
                  "pounds": "GBP", "sterling": "GBP", "yen": "JPY", "yuan": "CNY", "renminbi": "CNY",
                  "rouble": "RUB", "roubles": "RUB", "ruble": "RUB", "rubles": "RUB", "hryvnia": "UAH",
                  "hryvnias": "UAH"}
CURRENCY_AFTER = {"US": "USD", "U.S.": "USD", "Cdn": "CAD", "CDN": "CAD", **CURRENCY_CODES}  # "$350 million US"
CURRENCY_BEFORE_DOLLAR = {"US": "USD", "U.S.": "USD", "C": "CAD", "CA": "CAD", "A": "AUD"}  # "US $" split in two

PERCENT_WORDS = {"%", "percent", "pct", "per cent"}
UNIT_WORDS = set(
    "second seconds minute minutes hour hours day days week weeks month months year years decade decades "
    "century centuries millimetre millimetres millimeter millimeters mm centimetre centimetres centimeter "
    "centimeters cm metre metres meter meters km kilometre kilometres kilometer kilometers mile miles foot feet "
    "inch inches kg kilogram kilograms kilo kilos gram grams tonne tonnes ton tons litre litres liter liters "
    "barrel barrels degree degrees °c °f mph km/h kph mw gw megawatt megawatts gigawatt gigawatts hectare "
    "hectares acre acres calibre caliber a.m. p.m.".split()
)
AREA_WORDS = {"square", "cubic"}  # "55 billion cubic metres": two words, one unit
CLOCK_WORDS = {"a.m.", "p.m."}  # "3 p.m." is a time of day, so a DATE
MONTHS = set("January February March April May June July August September October November December "
             "Jan. Feb. Mar. Apr. Aug. Sept. Sep. Oct. Nov. Dec.".split())

# Longest first, so "no more than" wins over "more than".
QUALIFIERS = sorted(
    (tuple(phrase.split()) for phrase in (
        "more than", "fewer than", "less than", "greater than", "no more than", "no fewer than", "up to",
        "at least", "at most", "as many as", "as much as", "as few as", "as little as", "just over",
        "just under", "well over", "well under", "close to", "upwards of", "an estimated", "some", "about",
        "around", "approximately", "roughly", "nearly", "almost", "over", "under", "only", "exactly",
        "precisely", "just", "between",
    )),
    key=len, reverse=True,
)
QUALIFIER_STARTS = {phrase[0] for phrase in QUALIFIERS}
EXACT_QUALIFIERS = {"only", "exactly", "precisely", "just"}  # they do not make an amount approximate
# "one" is not a number in "no one", "one of the", "one another", "the one who".
NOT_ONE_BEFORE = {"no", "any", "every", "each", "the", "this", "that", "which", "someone", "anyone"}
NOT_ONE_AFTER = {"of", "another", "another's", "'s", "who", "which", "that"}
NOT_A_NAME_BEFORE = {"year", "summer", "spring", "autumn", "fall", "winter", "class"}  # "the year 2027"
NOT_FRACTION_BEFORE = {"the", "this", "that", "first", "second", "third", "fourth", "last", "next"}

# Units written straight after the digits ("155mm", "40km"). Not "m" (350m is millions) and not "g" (5G).
GLUED_UNITS = ("mm", "cm", "km", "kg", "km/h", "kph", "mph", "kw", "mw", "gw")

# ---------------------------------------------------------------- reading one token
_DIGITS = r"\d+(?:[.,]\d+)*"
_VULGAR = "".join(chr(code) for code in range(0x2150, 0x2160)) + "¼½¾"
NUMBER_TOKEN = re.compile(
    rf"(?P<currency>US\$|C\$|CA\$|A\$|[$€£¥₹₽₴])?"
    rf"(?:(?P<digits>{_DIGITS})(?P<fraction>[{_VULGAR}])?|(?P<vulgar>[{_VULGAR}]))"
    rf"(?:-?(?P<scale>{'|'.join(sorted(SCALE_SUFFIXES, key=len, reverse=True))}|{'|'.join(SCALES)})\b)?"
    rf"(?P<decade>s)?(?P<unit>{'|'.join(GLUED_UNITS)})?",
    re.IGNORECASE,
)
ORDINAL_TOKEN = re.compile(r"\d+(?:st|nd|rd|th)", re.IGNORECASE)
RANGE_TOKEN = re.compile(rf"({_DIGITS})[-–]({_DIGITS})")
HYPHENATED_MODIFIER = re.compile(r"(?P<number>[^\W_]+(?:-[^\W_]+)??)-(?P<noun>[^\W\d_]+)(?P<old>-old)?", re.IGNORECASE)
_MAYBE_NUMBER = re.compile(rf"[\d{_VULGAR}-]")
# A sentence without a digit, a vulgar fraction or one of these words cannot hold a quantity.
_CANDIDATE = re.compile(
    rf"[\d{_VULGAR}]|\b(?:{'|'.join(sorted(set(NUMBER_WORDS) | set(ORDINAL_WORDS) | set(FRACTION_WORDS) | set(VAGUE_WORDS), key=len, reverse=True))})\b",
    re.IGNORECASE,
)


def _digits_value(digits: str) -> float:
    return float(digits.replace(",", ""))  # the pattern only lets commas through as thousands separators


def _tidy(value: float | Fraction) -> int | float:
    """Whole numbers as ``int`` (350000000, not 350000000.0), others as a rounded ``float``."""
    number = float(value)
    return int(round(number)) if abs(number - round(number)) < 1e-9 else round(number, 6)


def number_token_value(word: str) -> float | None:
    """The value of one token written with digits or number words, or ``None``.

    >>> [number_token_value(word) for word in ("1,000", "4½", "$350m", "1.2-billion", "twenty-five", "one-third", "Xi")]
    [1000.0, 4.5, 350000000.0, 1200000000.0, 25.0, 0.3333333333333333, None]
    """
    match = NUMBER_TOKEN.fullmatch(word)
    if match:
        if match["vulgar"]:
            return unicodedata.numeric(match["vulgar"])
        if not re.fullmatch(r"\d{1,3}(?:,\d{3})*(?:\.\d+)?|\d+(?:\.\d+)?", match["digits"]):
            return None  # "1.2.3" or "12,34": a version or a code, not an amount
        value = _digits_value(match["digits"])
        if match["fraction"]:
            value += unicodedata.numeric(match["fraction"])
        scale = (match["scale"] or "").lower()
        return value * SCALE_SUFFIXES.get(scale, SCALES.get(scale, 1))
    parts = word.lower().split("-")
    if len(parts) == 2 and parts[0] in TENS and parts[1] in SMALL_NUMBERS and 0 < SMALL_NUMBERS[parts[1]] < 10:
        return float(TENS[parts[0]] + SMALL_NUMBERS[parts[1]])  # twenty-five
    if len(parts) == 2 and parts[0] in SMALL_NUMBERS and parts[1] in FRACTION_WORDS:
        return float(SMALL_NUMBERS[parts[0]] * FRACTION_WORDS[parts[1]])  # one-third, two-thirds
    return None


def _range(word: str) -> tuple[float, float] | None:
    """``200-300`` -> (200.0, 300.0); ``50-50`` and ``2022-23`` are not ranges."""
    match = RANGE_TOKEN.fullmatch(word)
    if not match:
        return None
    low, high = (_digits_value(part) for part in match.groups())
    return (low, high) if high > low else None


def _and_a_fraction(following: list[str]) -> bool:
    """Whether the words after an "and" finish a number with a fraction: "a half", "one-half"."""
    first = following[0] if following else ""
    return (first in ("a", "an") and len(following) > 1 and following[1] in FRACTION_WORDS
            or "-" in first and number_token_value(first) is not None and number_token_value(first) < 1)


def _currency_of(word: str) -> str | None:
    match = NUMBER_TOKEN.fullmatch(word)
    if match and match["currency"]:
        return CURRENCY_SYMBOLS[match["currency"].upper()]
    return CURRENCY_SYMBOLS.get(word) or CURRENCY_CODES.get(word) or CURRENCY_WORDS.get(word.lower())


def _hyphenated(word: str) -> tuple[float, str, bool] | None:
    """``12-point`` -> (12, "point", False); ``10-year-old`` -> (10, "year", True); else ``None``."""
    match = HYPHENATED_MODIFIER.fullmatch(word)
    if not match or number_token_value(word) is not None:
        return None
    number = match["number"]
    value = number_token_value(number) if not number.isalpha() else NUMBER_WORDS.get(number.lower())
    if value is None or number.lower() in MULTIPLIERS:
        return None
    if number.isalpha() and value < 2 and match["noun"].lower() not in UNIT_WORDS:
        return None  # "one-sided", "one-off": ways of speaking, not amounts
    return value, match["noun"], bool(match["old"])


# ---------------------------------------------------------------- step 1: tags of our own
def _is_number_word(word: str) -> bool:
    if word.lower() in NUMBER_WORDS:
        return True
    # Most words have no digit, no fraction sign and no hyphen: skip the patterns for them.
    return bool(_MAYBE_NUMBER.search(word)) and number_token_value(word) is not None


def retag(tagged: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The tagger's ``(word, tag)`` pairs with amount words given tags of our own (see the module doc).

    >>> retag([("more", "JJR"), ("than", "IN"), ("four", "CD"), ("months", "NNS")])
    [('more', 'QUAL'), ('than', 'QUAL'), ('four', 'CD'), ('months', 'UNIT')]
    >>> retag([("no", "DT"), ("one", "NN"), ("of", "IN"), ("us", "PRP")])
    [('no', 'DT'), ('one', 'PRP'), ('of', 'OF'), ('us', 'PRP')]
    """
    words = [word for word, _ in tagged]
    lower = [word.lower() for word in words]
    tags = [penn for _, penn in tagged]

    def before(i: int) -> str:
        return lower[i - 1] if i > 0 else ""

    def after(i: int) -> str:
        return lower[i + 1] if i + 1 < len(words) else ""

    def is_fraction(i: int) -> bool:
        # "a fifth of", "two thirds", "half a million" -- but "a third term", "the second half".
        low = lower[i]
        if low not in FRACTION_WORDS or low in ("second", "seconds"):
            return False
        if lower[max(0, i - 2):i] == ["and", "a"]:
            return True  # three and a half
        if low.endswith("s") and i > 0 and _is_number_word(words[i - 1]):
            return True
        next_penn = tags[i + 1] if i + 1 < len(words) else ""
        if before(i) in ("a", "an", "one") and (after(i) == "of" or next_penn[:2] not in ("NN", "JJ")):
            return True  # "a fifth of", "cut by a fifth after" -- but not "a third term"
        return low in ("half", "quarter") and after(i) in ("of", "a", "an") and before(i) not in NOT_FRACTION_BEFORE

    for i, word in enumerate(words):
        low = lower[i]
        next_tag = tags[i + 1] if i + 1 < len(words) else ""
        if low == "one" and (before(i) in NOT_ONE_BEFORE or after(i) in NOT_ONE_AFTER or not after(i)):
            tags[i] = "PRP"  # a pronoun here: "no one", "one of the", "one another"
        elif is_fraction(i) or _is_number_word(word) or _MAYBE_NUMBER.search(word) and (_range(word) or _hyphenated(word)):
            tags[i] = "CD"
        elif low in VAGUE_WORDS and (after(i) == "of" or low not in ("tens", "scores")):
            tags[i] = "VAGUE"
        elif low in FEW_WORDS and after(i) in SCALE_WORDS:
            tags[i] = "VAGUE"
        elif ((low in ORDINAL_WORDS or ORDINAL_TOKEN.fullmatch(word)) and next_tag[:2] in ("NN", "JJ")
              and not (i > 0 and tags[i - 1] == "CD")):
            tags[i] = "ORD"
        elif _currency_of(word) and (word not in ("pound", "pounds") or i > 0 and tags[i - 1] == "CD"):
            tags[i] = "$"
        elif word in CURRENCY_BEFORE_DOLLAR and after(i) == "$":
            tags[i] = "$"
        elif word in CURRENCY_AFTER and i > 0 and tags[i - 1] == "CD":
            tags[i] = "$"
        elif low in PERCENT_WORDS or (low == "per" and after(i) == "cent") or (low == "cent" and before(i) == "per"):
            tags[i] = "%"
        elif low in UNIT_WORDS and i > 0 and (tags[i - 1] == "CD" or before(i) in AREA_WORDS and tags[i - 1] == "UNIT"):
            tags[i] = "UNIT"
        elif low in AREA_WORDS and i > 0 and tags[i - 1] == "CD" and after(i) in UNIT_WORDS:
            tags[i] = "UNIT"
        elif word in MONTHS and (i > 0 and tags[i - 1] == "CD" or after(i)[:1].isdigit()):
            tags[i] = "MONTH"
        elif low == "of":
            tags[i] = "OF"
        elif low == "and" and (before(i) in SCALE_WORDS and after(i) in NUMBER_WORDS
                               or i > 0 and _is_number_word(words[i - 1]) and _and_a_fraction(lower[i + 1:i + 3])):
            tags[i] = "CD"  # one hundred and twenty; three and a half, three and one-half
        elif not any(character.isalnum() for character in word) and tags[i][:2] in ("NN", "JJ"):
            tags[i] = "SYM"  # markup such as "<" or ">" is not a noun, whatever the tagger guessed
        elif tags[i] == "$":
            tags[i] = "NNP"  # the tagger's "$" on a word that is no currency ("Apollo 11")
    # Second pass: words whose role depends on the number tags found around them.
    for i, low in enumerate(lower):
        nxt = tags[i + 1] if i + 1 < len(words) else ""
        if low in ("a", "an") and nxt in ("CD", "VAGUE") and after(i) in AFTER_A:
            tags[i] = "CD"  # a dozen, a million, a fifth, a few hundred
        elif low == "in" and i > 0 and tags[i - 1] == "CD" and nxt == "CD" and _is_number_word(words[i - 1]):
            tags[i] = "PER"  # one in five
        elif low in ("to", "and", "-", "–") and i > 0 and tags[i - 1] == "CD" and nxt in ("CD", "$") and (
                low != "and" or "between" in lower[max(0, i - 4):i]):
            tags[i] = "TO"  # 10 to 20, between 10 and 20
        elif (tags[i] == "CD" and words[i].isdigit() and i > 0 and tags[i - 1] in ("NN", "NNP")
              and lower[i - 1] not in NOT_A_NAME_BEFORE and nxt not in ("CD", "VAGUE", "$", "%", "UNIT", "MONTH")):
            tags[i] = "NNP"  # part of a name or a label: "Leopard 2 tanks", "Article 5", "page 3"
    # Last pass: hedges count only right before an amount ("over 10 people", not "over the border").
    for i in range(len(words)):
        if lower[i] not in QUALIFIER_STARTS:
            continue
        for phrase in QUALIFIERS:
            end = i + len(phrase)
            if tuple(lower[i:end]) == phrase and end < len(words) and tags[end] in ("CD", "VAGUE", "$") and (
                    tags[i] not in ("CD", "$")):
                tags[i:end] = ["QUAL"] * len(phrase)
                break
    return list(zip(words, tags))


# ---------------------------------------------------------------- step 2: the chunk grammar
GRAMMAR = r"""
  DATE:     {<CD><MONTH><CD>?}                       # 20 March 2023
            {<MONTH><CD><,>?<CD>?}                   # March 20, 2023 / March 2023
  AMOUNT:   {<QUAL>*<CD><PER><CD>}                   # one in five
            {<QUAL>*<\$>*<CD|VAGUE>+(<OF><VAGUE>)*<CD>*(<TO><\$>?<CD>+)?(<OF><\$>)?<\$|%|UNIT>*}
            {<ORD>}                                  # third (term)
  THING:    {<RB>?<JJ.*|VBN|VBG>*<NN.*>+(<VBG><NN.*>+)*}
                                                     # Russian attacks / infantry fighting vehicles
  QUANTITY: {<AMOUNT>(<OF><DT|PRP\$>?)?<THING>?}      # 69 Russian attacks / a fifth of Ukraine
"""


@lru_cache(maxsize=8)
def chunker(grammar: str = GRAMMAR):
    """An NLTK ``RegexpParser`` for ``grammar`` (built once per grammar).

    >>> chunker("AMOUNT: {<CD>")
    Traceback (most recent call last):
    ...
    ValueError: The chunk grammar has a mistake: Illegal chunk pattern: {<CD>. ...
    """
    from nltk import RegexpParser

    try:
        return RegexpParser(grammar)
    except ValueError as error:
        raise ValueError(f"The chunk grammar has a mistake: {error}. Each rule looks like "
                         f"LABEL: {{<TAG><TAG>*}}; compare yours with lessons.quantities.GRAMMAR.") from None


def chunk(sentence: str, grammar: str = GRAMMAR):
    """The chunk tree of one sentence: tagged, retagged, then parsed with ``grammar``.

    >>> print(chunk("They repelled 69 Russian attacks."))
    (S They/PRP repelled/VBD (QUANTITY (AMOUNT 69/CD) (THING Russian/JJ attacks/NNS)) ./.)
    """
    tagged = [(token.text, token.tag) for token in tag(require_text(sentence, "chunk"))]
    if not tagged:
        from nltk import Tree

        return Tree("S", [])
    return chunker(grammar).parse(retag(tagged))


# ---------------------------------------------------------------- step 3: normalising
@dataclass(frozen=True)
class Reading:
    """What the number words of an amount mean: a value, or a low–high range."""

    value: int | float | None
    low: int | float | None = None
    high: int | float | None = None
    vague: bool = False


def read_number(words: list[str]) -> Reading:
    """Read the number words of one amount (no currency, unit or qualifier; ranges are split first).

    >>> read_number(["one", "million"]).value, read_number(["a", "fifth"]).value, read_number(["350m"]).value
    (1000000, 0.2, 350000000)
    >>> read_number(["tens", "of", "thousands"])
    Reading(value=None, low=20000, high=100000, vague=True)
    """
    if len(words) == 1 and _range(words[0]):
        low, high = _range(words[0])
        return Reading(None, _tidy(low), _tidy(high))
    vague_base, few = 1, None
    total, current = Fraction(0), Fraction(0)
    whole = None  # "three and a half": the fraction after "and" adds to the three instead of dividing it
    for word in words:
        low = word.lower()
        if low == "and" and current and not total and current < 100:
            whole, current = current, Fraction(0)
        elif low in VAGUE_WORDS:
            vague_base *= VAGUE_WORDS[low]
        elif low in FEW_WORDS:
            few = FEW_WORDS[low]
        elif low in ("a", "an", "and", "of"):
            continue
        elif low in FRACTION_WORDS:
            current = (current or 1) * FRACTION_WORDS[low]
        elif low in MULTIPLIERS:
            current = (current or 1) * MULTIPLIERS[low]
        elif low in SCALES:
            total += ((whole or 0) + (current or 1)) * SCALES[low]
            current, whole = Fraction(0), None
        elif low in NUMBER_WORDS:
            current += NUMBER_WORDS[low]
        else:
            value = number_token_value(word)
            if value is None:
                hyphenated = _hyphenated(word)
                value = hyphenated[0] if hyphenated else None
            if value is None:
                return Reading(None)
            current += Fraction(value).limit_denominator(10**6)
    current += whole or 0
    if few or vague_base > 1:
        scale = (total + current) or 1
        lowest, highest = few or (2, 10)
        return Reading(None, _tidy(lowest * vague_base * scale), _tidy(highest * vague_base * scale), vague=True)
    return Reading(_tidy(total + current))


# ---------------------------------------------------------------- the result
@dataclass(frozen=True)
class Quantity:
    """One quantity: its exact span, what kind it is, its value, and what it counts or measures."""

    text: str
    start: int
    end: int
    sentence: int
    kind: str
    value: int | float | None
    unit: str | None = None
    counted: str | None = None
    counted_head: str | None = None
    qualifier: str | None = None
    approximate: bool = False
    low: int | float | None = None
    high: int | float | None = None

    @property
    def amount(self) -> str:
        """The value in words a reader can check: ``350,000,000 USD``, ``20,000–100,000``, ``4.5 hours``."""
        if self.value is None and self.low is not None:
            number = f"{self.low:,}–{self.high:,}"
        elif self.value is None:
            number = "?"
        else:
            number = f"{self.value:,}"
        return " ".join(part for part in (("≈" if self.approximate else ""), number, self.unit or "") if part)

    def __repr__(self) -> str:
        shown = [f"{field.name}={getattr(self, field.name)!r}" for field in fields(self)
                 if field.name in ("text", "start", "end", "kind", "value") or getattr(self, field.name) not in (None, False)]
        return f"Quantity({', '.join(shown)})"

    def _repr_html_(self) -> str:
        return quantity_table([self])


TABLE_HEADER = ("surface", "kind", "value", "unit", "counted", "qualifier", "characters")


def table_rows(quantities: list[Quantity]) -> list[tuple[object, ...]]:
    """One row a quantity, for :func:`quantity_table` and for the lesson's charts."""
    return [(q.text, q.kind, q.amount if q.value is None else f"{q.value:,}", q.unit or "", q.counted or "",
             q.qualifier or "", f"{q.start}–{q.end}") for q in quantities]


def quantity_table(quantities: list[Quantity]) -> str:
    """The quantities as an escaped HTML table (see :func:`lessons.highlight.table`)."""
    from lessons.highlight import table

    return table(TABLE_HEADER, table_rows(quantities))


def sort_key(quantity: Quantity) -> tuple[bool, float]:
    """Sort by value, a range by its low end, and anything without a number last."""
    number = quantity.value if quantity.value is not None else quantity.low
    return (number is None, float(number or 0))


# ---------------------------------------------------------------- from tree to quantities
def extract_quantities(text: str, grammar: str = GRAMMAR) -> list[Quantity]:
    """Every quantity in ``text``, in text order, with its exact span, kind, value and meaning.

    ``grammar`` is the chunk grammar (change it to see what each rule does).

    >>> [(q.text, q.kind, q.value, q.qualifier) for q in extract_quantities("Talks lasted nearly 4½ hours.")]
    [('nearly 4½ hours', 'MEASURE', 4.5, 'nearly')]
    >>> extract_quantities("No one said one of the talks ended.")
    []
    """
    return list(_extract(require_text(text, "extract_quantities"), grammar))


@lru_cache(maxsize=32)
def _extract(text: str, grammar: str) -> tuple[Quantity, ...]:
    found: list[Quantity] = []
    # Only sentences that could hold a number are tagged, and not through tag()'s cache, so a
    # long text is fast and the whole text's cached tags (which lesson 4 reuses) stay cached.
    for sentence, sentence_tokens in zip(sentences(text), tokens_by_sentence(text)):
        if not _CANDIDATE.search(sentence.text) or not sentence_tokens:
            continue
        tokens = tag_sentence(text, sentence_tokens)
        retagged = retag([(token.text, token.tag) for token in tokens])
        tree = chunker(grammar).parse(retagged)
        items = _top_level(tree)
        for position, (label, leaves) in enumerate(items):
            spans = [(tokens[index].start, tokens[index].end) for index in leaves]
            if label == "DATE":
                found.append(_date(text, spans, [tokens[index].text for index in leaves], sentence.index))
            elif label == "QUANTITY":
                quantity = _quantity(text, tree, leaves, tokens, [new for _, new in retagged], items[position + 1:],
                                     sentence)
                if quantity:
                    found.append(quantity)
    return tuple(found)


def _top_level(tree) -> list[tuple[str | None, list[int]]]:
    """Each child of the tree as (chunk label or ``None`` for a lone word, indices of its words)."""
    items, index = [], 0
    for child in tree:
        size = len(child.leaves()) if hasattr(child, "label") else 1
        items.append((child.label() if hasattr(child, "label") else None, list(range(index, index + size))))
        index += size
    return items


def _children(tree, leaves: list[int]) -> dict[str, list[int]]:
    """The indices of the AMOUNT, THING and other parts inside the QUANTITY chunk whose words are ``leaves``."""
    position = 0
    for child in tree:
        size = len(child.leaves()) if hasattr(child, "label") else 1
        if position == leaves[0]:
            parts: dict[str, list[int]] = {}
            index = position
            for part in child:
                part_size = len(part.leaves()) if hasattr(part, "label") else 1
                name = part.label() if hasattr(part, "label") else part[1]
                parts.setdefault(name, []).extend(range(index, index + part_size))
                index += part_size
            return parts
        position += size
    return {}


def _date(text: str, spans: list[tuple[int, int]], words: list[str], sentence: int) -> Quantity:
    years = [int(word) for word in words if re.fullmatch(r"\d{4}", word)]
    start, end = spans[0][0], spans[-1][1]
    return Quantity(text[start:end], start, end, sentence, "DATE", years[0] if years else None)


def _head(tokens, thing: list[int]) -> str | None:
    # The last noun that is a word: in "billets.</p>" the tagger calls "</p" a noun too.
    nouns = [tokens[i].text for i in thing if tokens[i].tag.startswith("NN") and any(c.isalpha() for c in tokens[i].text)]
    return nouns[-1] if nouns else None


def _quantity(text, tree, leaves, tokens, retagged, following, sentence) -> Quantity | None:
    parts = _children(tree, leaves)
    amount = parts.get("AMOUNT", [])
    if not amount:
        return None
    words = {index: tokens[index].text for index in amount}
    qualifier_words = [words[i] for i in amount if retagged[i] == "QUAL"]
    number_words = [i for i in amount if retagged[i] in ("CD", "VAGUE", "OF", "TO", "PER")]
    currency = next((code for i in amount if retagged[i] in ("$", "CD") for code in [_currency_of(words[i])] if code), None)
    if any(retagged[i] == "$" and words[i] in CURRENCY_BEFORE_DOLLAR for i in amount):
        currency = next(CURRENCY_BEFORE_DOLLAR[words[i]] for i in amount if words[i] in CURRENCY_BEFORE_DOLLAR)
    units = [words[i] for i in amount if retagged[i] in ("UNIT", "%")]
    units += [match["unit"] for i in amount for match in [NUMBER_TOKEN.fullmatch(words[i])] if match and match["unit"]]
    thing = parts.get("THING", [])
    counted_start = tokens[thing[0]].start if thing else 0
    counted = text[counted_start:tokens[thing[-1]].end] if thing else None
    head = _head(tokens, thing)
    # "rounds of 155 millimetre artillery shells": the counted phrase goes on through "of".
    if thing and len(following) >= 2 and following[0][0] is None and retagged[following[0][1][0]] == "OF" and (
            following[1][0] == "THING" or following[1][0] == "QUANTITY" and "THING" in _children(tree, following[1][1])):
        counted = text[counted_start:tokens[following[1][1][-1]].end]

    start, end = tokens[amount[0]].start, tokens[amount[-1]].end
    qualifier = " ".join(qualifier_words) or None
    approximate = bool(qualifier and qualifier.lower() not in EXACT_QUALIFIERS | {"between"})
    common = dict(text=text[start:end], start=start, end=end, sentence=sentence.index, qualifier=qualifier)

    ordinals = [words[i] for i in amount if retagged[i] == "ORD"]
    if ordinals:
        word = ordinals[0].lower()
        value = ORDINAL_WORDS.get(word) or int(re.match(r"\d+", word)[0])
        return Quantity(kind="ORDINAL", value=value, counted=counted, counted_head=head, **common)

    ranged = [i for i in number_words if retagged[i] in ("TO", "PER")]
    number_texts = [words[i] for i in number_words if retagged[i] not in ("TO", "PER")]
    if ranged and retagged[ranged[0]] == "PER":
        cut = number_words.index(ranged[0])
        part, whole = read_number(number_texts[:cut]).value, read_number(number_texts[cut:]).value
        if not part or not whole:
            return None
        return Quantity(kind="NUMBER", value=_tidy(part / whole), counted=counted, counted_head=head,
                        approximate=approximate, **common)
    if ranged:
        cut = number_words.index(ranged[0])
        first = read_number([words[i] for i in number_words[:cut]])
        second = read_number([words[i] for i in number_words[cut + 1:]])
        if first.value is None or second.value is None:
            return None
        low = first.value
        shared_scales = [SCALES[w.lower()] for w in number_texts[cut:] if w.lower() in SCALES]
        if shared_scales and not any(w.lower() in SCALES for w in number_texts[:cut]):
            low = _tidy(low * shared_scales[-1])  # "5 to 10 million": both ends are millions
        reading = Reading(None, low, second.value)
    else:
        reading = read_number(number_texts)
    if reading.value is None and reading.low is None:
        return None
    approximate = approximate or reading.vague
    values = dict(value=reading.value, low=reading.low, high=reading.high, approximate=approximate)

    hyphenated = _hyphenated(number_texts[0]) if len(number_texts) == 1 else None
    if currency:
        return Quantity(kind="MONEY", unit=currency, counted=counted, counted_head=head, **values, **common)
    if units and units[0].lower() in PERCENT_WORDS | {"per"}:
        return Quantity(kind="PERCENT", unit="%", counted=counted, counted_head=head, **values, **common)
    if units and units[0].lower() in CLOCK_WORDS:
        return Quantity(kind="DATE", unit=units[0].lower(), **values, **common)
    if units:
        return Quantity(kind="MEASURE", unit=" ".join(units).lower(), counted=counted, counted_head=head, **values,
                        **common)
    if hyphenated:
        noun = hyphenated[1].lower()
        if noun in UNIT_WORDS:
            return Quantity(kind="MEASURE", unit=noun, counted=counted, counted_head=head, **values, **common)
        return Quantity(kind="COUNT", counted=hyphenated[1], counted_head=hyphenated[1], **values, **common)
    single = number_texts[0] if len(number_texts) == 1 else ""
    if re.fullmatch(r"\d{4}s?", single) and 1000 <= int(single[:4]) <= 2100 and not qualifier and (
            single.endswith("s") or not (head and tokens[thing[-1]].tag == "NNS")):
        return Quantity(kind="DATE", value=int(single[:4]), **common)
    is_fraction = reading.value is not None and 0 < reading.value < 1 and not reading.vague
    if is_fraction or not (counted or reading.vague):
        return Quantity(kind="NUMBER", counted=counted, counted_head=head, **values, **common)
    return Quantity(kind="COUNT", counted=counted, counted_head=head, **values, **common)
