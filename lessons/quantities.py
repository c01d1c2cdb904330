"""Numbers with their meaning: "$350m" is 350,000,000 US dollars; "69 Russian attacks" counts attacks.

Lesson 3 (``03_numbers.ipynb``) builds this up in three steps:

1. **Tags of our own.** The tagger's ``CD`` tag misses number words it has not
   seen ("twenty-five" is ``JJ``, "dozen" is ``NN``) and gives ``CD`` to words
   that are not amounts ("one another"). :func:`retag` reads each token and gives
   the ones that matter for amounts a tag that says what they are: ``CD``
   (a number), ``VAGUE`` ("tens", "hundreds"), ``ORD`` ("third"), ``$`` (a
   currency), ``%``, ``UNIT`` ("miles", "millimetre"), ``QUAL`` ("more than"),
   ``OF``, ``TO`` (inside a range), ``PER`` ("one in five") and ``RATE`` ("a" in
   "$5 a day"). Words inside a date, time or duration ("in 2022", "four months",
   "3 p.m.") get ``TIMEX``: :func:`lessons.dates.extract_times` finds those, so a
   number in them is no amount. The rules are an ordered table,
   :data:`TAG_RULES` (each with a name and an example); the first rule whose
   test holds gives the tag, and ``retag(..., explain=True)`` says which one.
2. **A chunk grammar.** NLTK's :class:`~nltk.chunk.RegexpParser` groups those
   tags into ``AMOUNT`` chunks and the nouns after them into ``THING`` chunks
   (:data:`GRAMMAR`; the lesson lets you edit it and run it again).
3. **Normalising and choosing a kind.** :func:`read_number` turns the words of an
   amount into an exact value (``int`` or ``Fraction``-exact ``float``); the
   table :data:`KIND_RULES` decides the kind (the rule that fired is kept in
   :attr:`Quantity.rule`).

The words come from data files in ``lessons/wordlists/`` (see
:mod:`lessons.quantity_words`). Spans follow the IEER convention: the span is the
amount ("$330 million"); a hedge ("more than") is kept in ``qualifier`` with its
own offsets. Every result keeps its exact character offsets.

>>> [(q.text, q.kind, q.value, q.unit, q.counted) for q in extract_quantities("Kyiv repelled 69 Russian attacks.")]
[('69', 'COUNT', 69, None, 'Russian attacks')]
>>> q = extract_quantities("The U.S. sent another $350m in aid.")[0]
>>> (q.text, q.kind, q.value, q.unit)
('$350m', 'MONEY', 350000000, 'USD')
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Collection
from dataclasses import dataclass, fields
from fractions import Fraction
from functools import lru_cache

from lessons import chunking, wordlists
from lessons.caching import register, require_text, text_cache
from lessons.dates import extract_times
from lessons.highlight import Table
from lessons.kinds import QUANTITY_KINDS
from lessons.quantity_words import VULGAR, Lexicon, lexicon
from lessons.tagging import tags_by_sentence
from lessons.tokens import sentences

# The kinds extract_quantities returns. Dates, times and durations are lessons.dates' (one source each).
KINDS = tuple(QUANTITY_KINDS)
ALL_KINDS = KINDS  # once KINDS plus DATE, TIME and DURATION; the name stays for code written against it
KIND_DESCRIPTIONS = {name: kind.description for name, kind in QUANTITY_KINDS.items()}
# How each kind is scored against IEER's number mark-up (lessons.evaluation). ORDINAL is no IEER
# kind (IEER leaves "third" unmarked), so ordinals are not scored.
IEER_NUMBER_KINDS = {"MONEY": "MONEY", "PERCENT": "PERCENT", "COUNT": "CARDINAL", "NUMBER": "CARDINAL",
                     "MEASURE": "MEASURE"}

ORDINAL_TOKEN = re.compile(r"\d+(?:st|nd|rd|th)", re.IGNORECASE)
RANGE_TOKEN = re.compile(r"(\d+(?:[.,]\d+)*)[-–](\d+(?:[.,]\d+)*)")
HYPHENATED = re.compile(r"(?P<number>[^\W_]+(?:[.,]\d+)*(?:-[^\W\d_]+)??)-(?P<noun>[^\W\d_]+)(?P<old>-old)?",
                        re.IGNORECASE)
ORDINAL_COMPOUND = re.compile(r"(?P<ordinal>[^\W\d_]+|\d+(?:st|nd|rd|th))-(?P<noun>[^\W\d_]+)", re.IGNORECASE)
_MAYBE_NUMBER = re.compile(r"[\d\u2150-\u215f¼½¾-]")
NOT_ONE_BEFORE = {"no", "any", "every", "each", "the", "this", "that", "which", "someone", "anyone"}
NOT_ONE_AFTER = {"another", "another's", "'s", "who", "which", "that"}
NOT_A_NAME_BEFORE = {"year", "summer", "spring", "autumn", "fall", "winter", "class", "age", "aged"}
NOT_FRACTION_BEFORE = {"the", "this", "that", "first", "second", "third", "fourth", "last", "next"}
AMOUNT_TAGS = {"CD", "VAGUE", "QUAL", "$", "%", "UNIT", "OF", "TO", "PER", "RATE", "ORD"}
WINDOW = 60  # tokens the chunk parser sees at once: its time grows with the square of the window


# ---------------------------------------------------------------- reading one token
def _exact(digits: str) -> Fraction | None:
    try:
        return Fraction(digits.replace(",", ""))
    except (ValueError, ZeroDivisionError):
        return None


def _tidy(value: Fraction | int | float) -> int | float:
    """Whole numbers as an exact ``int`` (any size); others as a ``float`` (rounded to 6 places)."""
    value = Fraction(value)
    if value.denominator == 1:
        return int(value)
    try:
        return round(float(value), 6)
    except OverflowError:
        return int(value)  # a fraction too large for a float: its whole part is what anyone can read


def _token_value(word: str, words: Lexicon) -> Fraction | None:
    match = words.number_token.fullmatch(word)
    if match:
        if match["vulgar"]:
            return Fraction(unicodedata.numeric(match["vulgar"])).limit_denominator(100)
        if not re.fullmatch(r"\d{1,3}(?:,\d{3})*(?:\.\d+)?|\d+(?:\.\d+)?", match["digits"]):
            return None  # "1.2.3" or "12,34": a version or a code, not an amount
        value = _exact(match["digits"])
        if value is None:
            return None
        if match["fraction"]:
            value += Fraction(unicodedata.numeric(match["fraction"])).limit_denominator(100)
        if match["denominator"]:
            value = value / int(match["denominator"]) if int(match["denominator"]) else None
            if value is None:
                return None
        scale = (match["scale"] or "").lower()
        value *= words.suffixes.get(scale, words.scales.get(scale, 1))
        return -value if match["sign"] or match["sign2"] else value
    parts = word.lower().split("-")
    if len(parts) == 2 and parts[0] in words.tens and 0 < words.small.get(parts[1], 0) < 10:
        return Fraction(words.tens[parts[0]] + words.small[parts[1]])  # twenty-five
    if len(parts) == 2 and parts[0] in words.small and parts[1] in words.fractions:
        return words.small[parts[0]] * words.fractions[parts[1]]  # one-third, two-thirds
    return None


def number_token_value(word: str) -> int | float | None:
    """The value of one token written with digits or number words, or ``None``.

    >>> [number_token_value(word) for word in ("1,000", "4½", "$350m", "1.2-billion", "twenty-five", "one-third", "Xi")]
    [1000, 4.5, 350000000, 1200000000, 25, 0.333333, None]
    >>> number_token_value("123456789012345678901234567890")   # exact, however long
    123456789012345678901234567890
    """
    value = _token_value(word, lexicon())
    return None if value is None else _tidy(value)


def _range(word: str) -> tuple[Fraction, Fraction] | None:
    """``200-300`` -> (200, 300); ``50-50`` and ``2022-23`` are not ranges."""
    match = RANGE_TOKEN.fullmatch(word)
    if not match:
        return None
    low, high = (_exact(part) for part in match.groups())
    return (low, high) if low is not None and high is not None and high > low else None


def _currency_of(word: str, words: Lexicon) -> str | None:
    match = words.number_token.fullmatch(word)
    if match and match["currency"]:
        return _lookup(words.currencies, match["currency"])
    return _lookup(words.currencies, word)


def _lookup(table: dict[str, str], word: str) -> str | None:
    return table.get(word) or (table.get(word.lower()) if word.lower() == word or word.istitle() else None)


def _hyphenated(word: str, words: Lexicon) -> tuple[Fraction, str, bool] | None:
    """``12-point`` -> (12, "point", False); ``10-year-old`` -> (10, "year", True); else ``None``."""
    match = HYPHENATED.fullmatch(word)
    if not match or _token_value(word, words) is not None:
        return None
    number = match["number"]
    value = _token_value(number, words) if not number.isalpha() else words.all_number_words.get(number.lower())
    if value is None or number.lower() in words.multipliers:
        return None
    if number.isalpha() and value < 2 and match["noun"].lower() not in words.units:
        return None  # "one-sided", "one-off": ways of speaking, not amounts
    return value, match["noun"], bool(match["old"])


def _is_number_word(word: str, words: Lexicon) -> bool:
    if word.lower() in words.numbers or word.lower() in words.multipliers or word.lower() in words.scales:
        return True
    # Most words have no digit, no fraction sign and no hyphen: skip the patterns for them.
    return bool(_MAYBE_NUMBER.search(word)) and _token_value(word, words) is not None


# ---------------------------------------------------------------- step 1: tags of our own
class _Context:
    """One sentence being retagged: its words, their tags so far, and the word lists."""

    def __init__(self, tagged: list[tuple[str, str]], words: Lexicon, times: Collection[int] = ()):
        self.words = [word for word, _ in tagged]
        self.lower = [word.lower() for word in self.words]
        self.tags = [penn for _, penn in tagged]
        self.lex = words
        self.times = frozenset(times)  # the indices of words inside a date, time or duration

    def before(self, i: int, n: int = 1) -> str:
        return self.lower[i - n] if i >= n else ""

    def after(self, i: int, n: int = 1) -> str:
        return self.lower[i + n] if i + n < len(self.words) else ""

    def tag_before(self, i: int) -> str:
        return self.tags[i - 1] if i > 0 else ""

    def tag_after(self, i: int) -> str:
        return self.tags[i + 1] if i + 1 < len(self.tags) else ""


@dataclass(frozen=True)
class TagRule:
    """A named retagging rule: if ``test(context, i)`` holds, word ``i`` gets ``tag``.

    Like NLTK's ``RegexpChunkRule``, each rule describes itself (:meth:`descr`).
    """

    name: str
    tag: str
    example: str
    test: Callable[[_Context, int], bool]

    def descr(self) -> str:
        return f"{self.name}: -> {self.tag}   e.g. {self.example}"

    def __repr__(self) -> str:
        return f"<TagRule {self.descr()}>"


def _is_pronoun_one(c: _Context, i: int) -> bool:
    if c.lower[i] != "one":
        return False
    if c.after(i) == "of":
        return c.before(i) in NOT_ONE_BEFORE - {"each", "every"}  # "one of the reasons" counts one (IEER)
    # "no one", "one another", "one can", "a bitter one": a pronoun, not an amount.
    return (c.before(i) in NOT_ONE_BEFORE or c.after(i) in NOT_ONE_AFTER or not c.after(i)
            or c.tag_after(i) in ("MD", "VBZ") or c.tag_before(i)[:2] == "JJ" or not c.after(i)[:1].isalnum())


def _is_fraction(c: _Context, i: int) -> bool:
    # "a fifth of", "two thirds", "half a million" -- but "a third term", "the second half".
    low = c.lower[i]
    if low not in c.lex.fractions or low in ("second", "seconds"):
        return False
    if c.lower[max(0, i - 2):i] == ["and", "a"]:
        return True  # three and a half
    if low.endswith("s") and i > 0 and _is_number_word(c.words[i - 1], c.lex):
        return True
    if c.before(i) in ("a", "an", "one") and (c.after(i) in ("of", *c.lex.scales) or c.tag_after(i)[:2] not in (
            "NN", "JJ", "VB") and (c.tags[i - 2][:2] in ("IN", "RB") if i >= 2 else False)):
        return True  # "a fifth of", "cut by a fifth" -- but not "a third term", "won a fifth, five-year term"
    return low in ("half", "quarter") and (c.after(i) in ("of", "a", "an") or c.tag_after(i) in ("PRP$", "DT")) and (
        c.before(i) not in NOT_FRACTION_BEFORE)


def _is_number(c: _Context, i: int) -> bool:
    word = c.words[i]
    return _is_number_word(word, c.lex) or bool(_MAYBE_NUMBER.search(word)) and bool(
        _range(word) or _hyphenated(word, c.lex))


def _is_ordinal(c: _Context, i: int) -> bool:
    word, low = c.words[i], c.lower[i]
    compound = ORDINAL_COMPOUND.fullmatch(word)
    if compound and (compound["ordinal"].lower() in c.lex.ordinals or ORDINAL_TOKEN.fullmatch(compound["ordinal"])):
        return True
    return ((low in c.lex.ordinals or bool(ORDINAL_TOKEN.fullmatch(word))) and c.tag_after(i)[:2] in ("NN", "JJ")
            and c.tag_before(i) != "CD")


def _is_currency(c: _Context, i: int) -> bool:
    word = c.words[i]
    if c.lower[i] in ("pound", "pounds", "real", "won", "rand", "dash") or len(word) == 1 and word.isalpha():
        return c.tag_before(i) == "CD" and _currency_of(word, c.lex) is not None  # "won 5 medals", "a real"
    return _currency_of(word, c.lex) is not None and not (word.isupper() and len(word) == 3 and c.tag_before(i) != "CD"
                                                          and c.after(i)[:1].isalpha())


def _is_minor_currency(c: _Context, i: int) -> bool:
    return c.tag_before(i) == "CD" and c.lower[i] in c.lex.minor and not (c.lower[i] == "cent" and c.before(i) == "per")


def _is_dollar_prefix(c: _Context, i: int) -> bool:
    return c.words[i] in c.lex.prefixes and c.after(i) == "$"


def _is_currency_after(c: _Context, i: int) -> bool:
    # "$350 million US" names the dollar; "two U.S. citizens" does not.
    return c.words[i] in c.lex.prefixes and len(c.words[i]) > 1 and c.tag_before(i) == "CD" and _ends_money(c, i)


def _is_percent(c: _Context, i: int) -> bool:
    low = c.lower[i]
    return (low in c.lex.percent or f"{low} {c.after(i)}" in c.lex.percent
            or f"{c.before(i)} {low}" in c.lex.percent and c.tag_before(i) == "%")


def _is_unit(c: _Context, i: int) -> bool:
    # "20 square metres": "square" after the number, "metres" after "square".
    return c.lower[i] in c.lex.units and (c.tag_before(i) in ("CD", "VAGUE") or c.tag_before(i) == "UNIT" and (
        c.lex.units.get(c.before(i)) in ("area", "volume") and c.before(i) in ("square", "cubic")))


def _is_and_in_number(c: _Context, i: int) -> bool:
    if c.lower[i] != "and" or i == 0:
        return False
    scale_before = c.before(i) in c.lex.multipliers or c.before(i) in c.lex.scales
    if scale_before and c.after(i) in c.lex.numbers:
        return True  # one hundred and twenty
    following = c.lower[i + 1:i + 3]
    first = following[0] if following else ""
    fraction = (first in ("a", "an") and len(following) > 1 and following[1] in c.lex.fractions
                or "-" in first and (_token_value(first, c.lex) or 1) < 1)
    return _is_number_word(c.words[i - 1], c.lex) and fraction  # three and a half, three and one-half


def _is_symbol(c: _Context, i: int) -> bool:
    # Mark-up such as "<" or ">" is not a noun, whatever the tagger guessed.
    return not any(character.isalnum() for character in c.words[i]) and c.tags[i][:2] in ("NN", "JJ")


# A rule that fires on a plain word (letters alone) must find that word in _rule_words:
# retag asks the rules only about such words when they are there.
TAG_RULES: tuple[TagRule, ...] = (
    TagRule("time expression", "TIMEX", "in 2022 / four months / March 20 / 3 p.m. (lessons.dates finds them)",
            lambda c, i: i in c.times),
    TagRule("pronoun one", "PRP", "no one / one another", _is_pronoun_one),
    TagRule("fraction word", "CD", "a fifth of / two thirds", _is_fraction),
    TagRule("number", "CD", "69 / twenty-five / $350m / 10-20 / 12-point", _is_number),
    TagRule("vague plural", "VAGUE", "tens of thousands / hundreds",
            lambda c, i: c.lower[i] in c.lex.vague and (c.after(i) == "of" or c.lower[i] not in ("tens", "scores"))),
    TagRule("few before a scale", "VAGUE", "a few hundred / several thousand",
            lambda c, i: c.lower[i] in c.lex.few and (c.after(i) in c.lex.scales or c.after(i) in c.lex.multipliers
                                                        or c.after(i) in c.lex.units)),
    TagRule("ordinal", "ORD", "third term / fourth-quarter / 10th floor", _is_ordinal),
    TagRule("currency", "$", "$ / dlrs / € / yen after a number", _is_currency),
    TagRule("hundredths of a currency", "$", "99 cents / 50 pence", _is_minor_currency),
    TagRule("letters before $", "$", "US $5 / C $17.85 / HK $3", _is_dollar_prefix),
    TagRule("currency after the number", "$", "$350 million US", _is_currency_after),
    TagRule("percent", "%", "3.9 percent / 53 per cent / %", _is_percent),
    TagRule("unit after a number", "UNIT", "4½ miles / 155 millimetre / 20 square metres", _is_unit),
    TagRule("unit of an age", "UNIT", "69 years old / 18 months old", lambda c, i: c.lower[i] in c.lex.time_units
            and c.tag_before(i) == "CD" and c.after(i) == "old"),
    TagRule("of", "OF", "tens of thousands / a fifth of", lambda c, i: c.lower[i] == "of"),
    TagRule("and inside a number", "CD", "one hundred and twenty / three and a half", _is_and_in_number),
    TagRule("symbol", "SYM", "< or > from mark-up", _is_symbol),
    TagRule("tagger's $ on a name", "NNP", "Apollo 11 (the tagger said $)", lambda c, i: c.tags[i] == "$"),
)


def _is_a_before_number(c: _Context, i: int) -> bool:
    after = c.after(i)
    return c.lower[i] in ("a", "an") and c.tag_after(i) in ("CD", "VAGUE") and (
        after in c.lex.multipliers or after in c.lex.scales or after in c.lex.fractions or after in c.lex.few)


def _is_per(c: _Context, i: int) -> bool:
    # "one in five", "1 in 10" -- but not "$19.0 million in 1996".
    if c.lower[i] != "in" or c.tag_before(i) != "CD" or c.tag_after(i) != "CD" or i < 1:
        return False
    part, whole = _token_value(c.words[i - 1], c.lex), _token_value(c.words[i + 1], c.lex)
    part = part if part is not None else c.lex.numbers.get(c.before(i))
    whole = whole if whole is not None else c.lex.numbers.get(c.after(i))
    return part is not None and whole is not None and 0 < part < whole <= 1000 and c.tag_before(i - 1) not in ("$", "CD")


def _ends_money(c: _Context, i: int) -> bool:
    """Whether the amount that ends before word ``i`` has a currency."""
    j = i - 1
    while j >= 0 and c.tags[j] in ("CD", "$", "VAGUE"):
        if c.tags[j] == "$" or _currency_of(c.words[j], c.lex):
            return True
        j -= 1
    return False


def _is_range_word(c: _Context, i: int) -> bool:
    low = c.lower[i]
    if low not in ("to", "and", "-", "–") or c.tag_before(i) != "CD" or c.tag_after(i) not in ("CD", "$"):
        return False
    if low == "and" and "between" not in c.lower[max(0, i - 4):i]:
        return False
    # A range only joins two amounts of one kind: "$5m to 300 workers" is money, then a count.
    j = i + 1
    while j < len(c.tags) and c.tags[j] in ("CD", "$"):
        j += 1
    money_after = any(c.tags[k] == "$" or _currency_of(c.words[k], c.lex) for k in range(i + 1, j))
    low, high = _token_value(c.words[i - 1], c.lex), _token_value(c.words[i + 1], c.lex)
    if low is not None and high is not None and c.tag_after(i + 1) != "CD" and high < low:
        return False  # "outnumbers them 9 to 1": a ratio, two numbers
    return money_after or not _ends_money(c, i) or c.tags[j][:2] != "NN" if j < len(c.tags) else True


def _is_time_range_start(c: _Context, i: int) -> bool:
    # "between one and two months": lessons.dates marks "two months"; "one" is a length of time too
    # (but "a fine of RM50,000 or two years" is money, then a length).
    return (c.tags[i] == "CD" and c.after(i) in ("to", "and", "or", "-", "–") and i + 2 in c.times
            and _is_number_word(c.words[i + 2], c.lex) and not _ends_money(c, i + 1))


def _is_label_number(c: _Context, i: int) -> bool:
    # Part of a name or a label: "Leopard 2 tanks", "Article 5", "page 3", "No. 1" -- but "a record 39 troops".
    if c.tag_before(i) == "NN" and c.tag_after(i)[:2] in ("JJ", "NN") and c.tag_after(i) != "NNP":
        return False
    after_no = c.before(i) == "no." or c.before(i) == "." and c.before(i, 2) == "no"
    return (c.tags[i] == "CD" and c.words[i].isdigit() and (c.tag_before(i) in ("NN", "NNP") or after_no)
            and c.before(i) not in NOT_A_NAME_BEFORE
            and c.tag_after(i) not in ("CD", "VAGUE", "$", "%", "UNIT"))


def _is_rate(c: _Context, i: int) -> bool:
    # "17 percent a year ago" is a date, not a rate per year.
    return (c.lower[i] in ("a", "an", "per") and c.tag_before(i) in ("CD", "$", "%", "UNIT")
            and c.after(i) in c.lex.rates and c.after(i, 2) not in ("ago", "earlier", "later", "before", "after"))


def _is_rate_unit(c: _Context, i: int) -> bool:
    return c.tag_before(i) == "RATE" and c.lower[i] in c.lex.rates


# Second pass: words whose role depends on the number tags found around them (a new word
# a rule fires on goes in _rule_words too).
CONTEXT_RULES: tuple[TagRule, ...] = (
    TagRule("a before a scale", "CD", "a dozen / a million / a fifth / a few hundred", _is_a_before_number),
    TagRule("one in five", "PER", "one in five", _is_per),
    TagRule("first end of a time range", "TIMEX", "between one (and two months) / 3 (to 4 years)",
            _is_time_range_start),
    TagRule("range", "TO", "10 to 20 / between 10 and 20 / $30 million to $40 million", _is_range_word),
    TagRule("to, not a range", "IN", "$5m to 300 workers (money, then a count)", lambda c, i: c.tags[i] == "TO"),
    TagRule("number in a name", "NNP", "Leopard 2 tanks / Article 5", _is_label_number),
    TagRule("rate", "RATE", "RM1,000 a day / 0.9 percent per year / 44 cents a share", _is_rate),
    TagRule("rate unit", "UNIT", "(a) day / (per) year / (a) share", _is_rate_unit),
)


def _qualifier_at(c: _Context, i: int) -> int:
    """The number of words of the hedge that starts at word ``i`` right before an amount, or 0."""
    if c.lower[i] not in c.lex.qualifier_starts or i in c.times:
        return 0
    for phrase in c.lex.qualifiers:
        end = i + len(phrase)
        if tuple(c.lower[i:end]) == phrase and end < len(c.words) and c.tags[end] in ("CD", "VAGUE", "$") and (
                c.tags[i] not in ("CD", "$")):
            return len(phrase)
    return 0


QUALIFIER_RULE = TagRule("hedge", "QUAL", "more than / about / nearly (right before an amount)",
                         lambda c, i: _qualifier_at(c, i) > 0)


@register
@lru_cache(maxsize=4)
def _rule_words(generation: int) -> tuple[frozenset[str], frozenset[str]]:
    """The words a rule of :data:`TAG_RULES` / :data:`CONTEXT_RULES` can fire on, for :func:`retag`'s pre-filter.

    Most words of a news sentence are none of these and have no digit, so no rule can change
    them: :func:`retag` asks the tables only about the others (the tables stay what decides).
    """
    lex = lexicon()
    percent_words = {word for phrase in lex.percent for word in phrase.split()}
    tag_words = frozenset().union(
        lex.numbers, lex.multipliers, lex.scales, lex.ordinals, lex.fractions, lex.vague, lex.few,
        lex.currencies, map(str.lower, lex.currencies), lex.minor, lex.prefixes, percent_words, lex.units,
        lex.time_units, ("one", "of", "and"))
    context_words = frozenset(lex.rates).union(("a", "an", "in", "to", "and", "-", "–", "per"))
    return tag_words, context_words


def _may_change(c: _Context, i: int, words: frozenset[str]) -> bool:
    """False when no rule of :data:`TAG_RULES` can fire on word ``i`` (see :func:`_rule_words`).

    A word with a digit, a fraction sign or a hyphen among its letters always goes to the
    rules; a mark with no letter or digit only when the tagger called it a noun or an
    adjective (the "symbol" rule) or when a word list has it ("%", "$").
    """
    word = c.words[i]
    if c.lower[i] in words or word in words or i in c.times or c.tags[i] == "$":
        return True
    return not word.isalpha() and (any(character.isalnum() for character in word) or c.tags[i][:2] in ("NN", "JJ"))


def retag(tagged: list[tuple[str, str]], explain: bool = False, times: Collection[int] = ()) -> list[tuple[str, ...]]:
    """The tagger's ``(word, tag)`` pairs with amount words given tags of our own (see the module doc).

    ``times`` are the indices of the words inside a date, time or duration (see
    :func:`time_words`): they get ``TIMEX`` and no other rule changes them. With
    ``explain=True`` each pair gets a third item: the name of the rule that gave the tag
    (``""`` where the tagger's tag stands).

    >>> retag([("more", "JJR"), ("than", "IN"), ("four", "CD"), ("miles", "NNS")])
    [('more', 'QUAL'), ('than', 'QUAL'), ('four', 'CD'), ('miles', 'UNIT')]
    >>> retag([("99", "CD"), ("cents", "NNS"), ("in", "IN"), ("2022", "CD")], explain=True, times={3})
    [('99', 'CD', 'number'), ('cents', '$', 'hundredths of a currency'), ('in', 'IN', ''), ('2022', 'TIMEX', 'time expression')]
    """
    c = _Context(tagged, lexicon(), times)
    fired = [""] * len(c.words)
    tag_words, context_words = _rule_words(wordlists.generation())
    for i in range(len(c.words)):
        rule = next((rule for rule in TAG_RULES if rule.test(c, i)), None) if _may_change(c, i, tag_words) else None
        if rule:
            c.tags[i], fired[i] = rule.tag, rule.name
    for i in range(len(c.words)):
        needed = c.tags[i] in ("CD", "TO") or c.lower[i] in context_words
        rule = next((rule for rule in CONTEXT_RULES if rule.test(c, i)), None) if needed and i not in c.times else None
        if rule:
            c.tags[i], fired[i] = rule.tag, rule.name
    # Last pass: hedges count only right before an amount ("over 10 people", not "over the border").
    i = 0
    while i < len(c.words):
        size = _qualifier_at(c, i)
        c.tags[i:i + size] = ["QUAL"] * size
        fired[i:i + size] = [QUALIFIER_RULE.name] * size
        i += size or 1
    if explain:
        return list(zip(c.words, c.tags, fired))
    return list(zip(c.words, c.tags))


# ---------------------------------------------------------------- step 2: the chunk grammar
GRAMMAR = r"""
  AMOUNT:   {<QUAL>*<CD><PER><CD>}                   # one in five
            {<QUAL>*<\$>*<CD|VAGUE>+(<OF><VAGUE>)*<CD>*(<TO><\$>?<CD>+)?(<OF><\$>)?<\$|%|UNIT>*(<RATE><UNIT>)*}
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

    >>> print(chunk("They repelled 69 Russian attacks in 2022."))
    (S
      They/PRP
      repelled/VBD
      (QUANTITY (AMOUNT 69/CD) (THING Russian/JJ attacks/NNS))
      in/IN
      2022/TIMEX
      ./.)
    """
    from nltk import Tree

    tagged, times = _tagged(require_text(sentence, "chunk"))
    return chunker(grammar).parse(retag(tagged, times=times)) if tagged else Tree("S", [])


def _tagged(sentence: str) -> tuple[list[tuple[str, str]], list[int]]:
    """The tagger's ``(word, tag)`` pairs of ``sentence`` and the indices of its words inside a time expression."""
    tokens = [token for tokens in tags_by_sentence(sentence) for token in tokens]
    return [(token.text, token.tag) for token in tokens], time_words(sentence, tokens)


def time_words(text: str, tokens) -> list[int]:
    """The indices of the ``tokens`` of ``text`` that touch a date, time or duration.

    :func:`lessons.dates.extract_times` is the one source of those: a number inside one
    ("in 2022", "four months", "3 p.m.") is no amount, so :func:`retag` tags it ``TIMEX``.

    >>> text = "Talks lasted 4½ hours on March 20."
    >>> tokens = tags_by_sentence(text)[0]
    >>> [tokens[i].text for i in time_words(text, tokens)]
    ['4½', 'hours', 'March', '20']
    """
    return _touching(_time_mask(text), tokens)


def _time_mask(text: str) -> bytearray:
    """1 for each character of ``text`` inside a date, time or duration, else 0."""
    mask = bytearray(len(text))
    for each in extract_times(text):
        mask[each.start:each.end] = b"\x01" * (each.end - each.start)
    return mask


def _touching(mask: bytearray, tokens) -> list[int]:
    # Any character counts: in "1997-98" the date is "98", but the token is the whole word.
    return [i for i, token in enumerate(tokens) if mask.find(1, token.start, token.end) >= 0]


# ---------------------------------------------------------------- step 3: normalising
@dataclass(frozen=True)
class Reading:
    """What the number words of an amount mean: a value, or a low–high range."""

    value: int | float | None
    low: int | float | None = None
    high: int | float | None = None
    vague: bool = False


def _vague_reading(few, vague_base, scale) -> Reading:
    lowest, highest = few or (2, 10)
    return Reading(None, _tidy(lowest * vague_base * scale), _tidy(highest * vague_base * scale), vague=True)


def read_number(words: list[str]) -> Reading:
    """Read the number words of one amount (no currency, unit or qualifier; ranges are split first).

    >>> read_number(["one", "million"]).value, read_number(["a", "fifth"]).value, read_number(["350m"]).value
    (1000000, 0.2, 350000000)
    >>> read_number(["tens", "of", "thousands"])
    Reading(value=None, low=20000, high=100000, vague=True)
    """
    lex = lexicon()
    if len(words) == 1 and _range(words[0]):
        low, high = _range(words[0])
        return Reading(None, _tidy(low), _tidy(high))
    count = _Count()
    for word in words:
        if not count.add(word.lower(), word, lex):
            return Reading(None)
    current = count.current + (count.whole or 0)
    if count.few or count.vague_base > 1:
        return _vague_reading(count.few, count.vague_base, (count.total + current) or 1)
    return Reading(_tidy(count.total + current))


@dataclass
class _Count:
    """The running sum while :func:`read_number` reads words left to right."""

    total: Fraction = Fraction(0)
    current: Fraction = Fraction(0)
    whole: Fraction | None = None  # "three and a half": the half adds to the three instead of dividing it
    vague_base: int = 1
    few: tuple[int, int] | None = None

    def add(self, low: str, word: str, lex: Lexicon) -> bool:
        """Take in one word; ``False`` if it is no number word at all."""
        if low == "and" and self.current and not self.total and self.current < 100:
            self.whole, self.current = self.current, Fraction(0)
        elif low in lex.vague:
            self.vague_base *= lex.vague[low]
        elif low in lex.few:
            self.few = lex.few[low]
        elif low in ("a", "an", "and", "of"):
            pass
        elif low in lex.fractions or low in lex.multipliers:
            self.current = (self.current or 1) * (lex.fractions.get(low) or lex.multipliers[low])
        elif low in lex.scales:
            self.total += ((self.whole or 0) + (self.current or 1)) * lex.scales[low]
            self.current, self.whole = Fraction(0), None
        elif low in lex.numbers:
            self.current += lex.numbers[low]
        else:
            value = _token_value(word, lex)
            if value is None:
                hyphenated = _hyphenated(word, lex)
                value = hyphenated[0] if hyphenated else None
            if value is None:
                return False
            self.current += value
        return True


# ---------------------------------------------------------------- the result
@dataclass(frozen=True)
class Quantity:
    """One quantity: its exact span, what kind it is, its value, and what it counts or measures.

    ``text``/``start``/``end`` are the amount itself (the IEER convention); a hedge in front
    of it ("more than") is ``qualifier``, at ``qualifier_start``–``qualifier_end``. ``parts``
    holds the spans of a range's two ends; ``per`` what a rate is counted per ("day");
    ``dimension`` the kind of unit ("distance", "weight", "age"); ``rule`` the kind rule that fired.
    """

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
    qualifier_start: int | None = None
    qualifier_end: int | None = None
    per: str | None = None
    dimension: str | None = None
    parts: tuple[tuple[int, int], ...] = ()
    rule: str | None = None

    @property
    def amount(self) -> str:
        """The value in words a reader can check: ``350,000,000 USD``, ``20,000–100,000``, ``4.5 hours``."""
        if self.value is None and self.low is not None:
            number = f"{self.low:,}–{self.high:,}"
        elif self.value is None:
            number = "?"
        else:
            number = f"{self.value:,}"
        per = f"a {self.per}" if self.per else ""
        return " ".join(part for part in (("≈" if self.approximate else ""), number, self.unit or "", per) if part)

    def __repr__(self) -> str:
        shown = [f"{field.name}={getattr(self, field.name)!r}" for field in fields(self)
                 if field.name in ("text", "start", "end", "kind", "value")
                 or field.name not in ("rule", "qualifier_start", "qualifier_end", "parts")
                 and getattr(self, field.name) not in (None, False)]
        return f"Quantity({', '.join(shown)})"

    def _repr_html_(self) -> str:
        return quantity_table([self])._repr_html_()


TABLE_HEADER = ("surface", "kind", "value", "unit", "counted", "qualifier", "characters")


def table_rows(quantities: list[Quantity]) -> list[tuple[object, ...]]:
    """One row a quantity, for :func:`quantity_table` and for the lesson's charts."""
    return [(q.text, q.kind, q.amount if q.value is None else f"{q.value:,}", q.unit or "", q.counted or "",
             q.qualifier or "", f"{q.start}–{q.end}") for q in quantities]


def quantity_table(quantities: list[Quantity]) -> Table:
    """The quantities as a :class:`~lessons.highlight.Table`: an HTML table in a notebook, text elsewhere."""
    return Table(TABLE_HEADER, table_rows(quantities))


def sort_key(quantity: Quantity) -> tuple[bool, int | float]:
    """Sort by value, a range by its low end, and anything without a number last (exact: no float rounding)."""
    number = quantity.value if quantity.value is not None else quantity.low
    return (number is None, number or 0)


# ---------------------------------------------------------------- step 3b: choosing the kind
@dataclass
class _Amount:
    """What the kind rules look at: one AMOUNT chunk, its words, tags and what follows it."""

    words: list[str]          # the amount's words, hedge left out
    tags: list[str]
    numbers: list[str]        # the words that hold the number
    currency: str | None
    units: list[str]
    rate: str | None
    counted: str | None
    head: str | None
    reading: Reading
    hyphenated: tuple[Fraction, str, bool] | None
    context: tuple[str, str, str]   # the two words before the amount (the first as written) and the one after
    lex: Lexicon
    prefix_start: int | None = None  # where "A" of "A$5" starts: letters glued to the dollar sign

    def dimension(self) -> str | None:
        return self.lex.units.get(self.units[0].lower()) if self.units else None


@dataclass(frozen=True)
class KindRule:
    """A named rule for the kind of an amount: the first whose ``test`` holds gives ``kind``."""

    name: str
    kind: str
    example: str
    test: Callable[[_Amount], bool]

    def descr(self) -> str:
        return f"{self.name}: -> {self.kind}   e.g. {self.example}"

    def __repr__(self) -> str:
        return f"<KindRule {self.descr()}>"


def _is_decade(a: _Amount) -> bool:
    """Tens with an s ("50s", "'60s"): an age after "his" (a decade of the calendar is lessons.dates')."""
    return len(a.numbers) == 1 and bool(re.fullmatch(r"'?\d0s", a.numbers[0]))


def _is_age(a: _Amount) -> bool:
    before2, before, after = a.context
    if a.hyphenated and a.hyphenated[2] or a.units and after == "old":
        return True  # 23-year-old, 69 years old
    if _is_decade(a):
        return before2 in ("his", "her", "their", "my", "your", "our")  # "in his early 50s"
    value = a.reading.value
    plain = len(a.numbers) == 1 and not a.units and not a.counted and isinstance(value, int) and 0 < value < 120
    return plain and (before in ("age", "aged") or before == "," and before2[:1].isupper() and after in (",", ".", ";")
                      and not before2.isupper())


KIND_RULES: tuple[KindRule, ...] = (
    KindRule("ordinal", "ORDINAL", "third term / fourth-quarter", lambda a: "ORD" in a.tags),
    KindRule("one in five", "NUMBER", "one in five", lambda a: "PER" in a.tags),
    KindRule("money per unit of time", "MEASURE", "RM1,000 a day / $1,300 a week",
             lambda a: bool(a.currency) and a.lex.rates.get(a.rate or "") == "time"),
    KindRule("money", "MONEY", "$350m / 99 cents / dlrs 300,000 / 2 kroner", lambda a: bool(a.currency)),
    KindRule("percent per unit of time", "MEASURE", "0.9 percent per year",
             lambda a: "%" in a.tags and a.lex.rates.get(a.rate or "") == "time"),
    KindRule("percent", "PERCENT", "3.9 percent / 53 per cent / 5%", lambda a: "%" in a.tags),
    KindRule("age", "MEASURE", "23-year-old / 69 years old / Okello, 26, / aged 40", _is_age),
    KindRule("rate", "MEASURE", "four times a year / one a month", lambda a: a.rate is not None),
    KindRule("multiplier", "NUMBER", "three times", lambda a: a.dimension() == "multiplier"),
    KindRule("unit", "MEASURE", "155 millimetre / 2 tablespoons / 40 mph", lambda a: bool(a.units)),
    KindRule("number-noun compound", "MEASURE", "5,000-meter / 14-story / 12-point", lambda a: bool(a.hyphenated)),
    KindRule("fraction", "NUMBER", "a fifth of Ukraine / half",
             lambda a: a.reading.value is not None and 0 < a.reading.value < 1 and not a.reading.vague),
    KindRule("nothing counted", "NUMBER", "grew by 12", lambda a: not (a.counted or a.reading.vague)),
    KindRule("count", "COUNT", "69 Russian attacks / tens of thousands", lambda a: True),
)


def _unit_of(rule: KindRule, a: _Amount, dollar: str) -> str | None:
    if rule.kind == "MONEY" or rule.name == "money per unit of time":
        code = dollar if a.currency == "$" else a.currency
        return f"{code}/{a.rate}" if rule.kind == "MEASURE" else code
    if rule.name.startswith("percent"):
        return "%" if rule.kind == "PERCENT" else f"%/{a.rate}"
    if rule.name == "age":
        return f"{' '.join(a.units).lower() or 'years'} old"
    if a.rate:
        return " ".join(a.units).lower() + f"/{a.rate}"  # "1,800 a day" -> "/day"
    if a.units:
        return " ".join(a.units).lower()
    if a.hyphenated and rule.kind == "MEASURE":
        return a.hyphenated[1].lower()
    return None


# ---------------------------------------------------------------- from tree to quantities
@dataclass(frozen=True)
class _Chunked:
    """One sentence window: its tagged tokens, our tags, the rules that gave them, and its chunk tree."""

    tokens: list
    tags: list[str]
    fired: list[str]
    tree: object


def extract_quantities(text: str, grammar: str = GRAMMAR, currency: str | None = None) -> list[Quantity]:
    """Every quantity in ``text``, in text order, with its exact span, kind, value and meaning.

    ``grammar`` is the chunk grammar (change it to see what each rule does). ``currency`` is
    the ISO code a bare ``$`` stands for (``"CAD"`` for a Canadian story); without it the
    text decides (``lessons/wordlists/dollar_hints.txt``), and otherwise it is ``USD``.

    >>> [(q.text, q.kind, q.value, q.qualifier) for q in extract_quantities("They walked nearly 4½ miles in 2022.")]
    [('4½ miles', 'MEASURE', 4.5, 'nearly')]
    >>> [(q.text, q.unit) for q in extract_quantities("It closed at $17.85.", currency="CAD")]
    [('$17.85', 'CAD')]
    """
    return _extract(require_text(text, "extract_quantities"), grammar, currency)


@text_cache(copy=list)
def _extract(text: str, grammar: str, currency: str | None) -> tuple[Quantity, ...]:
    found: list[Quantity] = []
    lex = lexicon()
    text_dollar = currency or _dollar_hint(text, lex) or "USD"
    times = _time_mask(text)
    for start, end, tokens in _wrapped_sentences(text):
        if not tokens or not lex.candidate.search(text, start, end):
            continue
        dollar = currency or _dollar_hint(text[start:end], lex) or text_dollar
        retagged = retag([(t.text, t.tag) for t in tokens], explain=True, times=_touching(times, tokens))
        for window in _windows(tokens, retagged, grammar):
            found.extend(_quantities(text, window, dollar, lex))
    return tuple(found)


def _wrapped_sentences(text: str):
    """(start, end, tagged tokens) of each sentence, joining the pieces of one cut by a wrapped line.

    Newswire wraps its lines ("the goal of 1.7\npercent."), and a text without blank lines is
    split at every line break; an amount must not be cut in two, so a piece that does not end
    a sentence is joined to the next piece when a single line break is all that separates them.
    """
    group: list = []
    start = end = 0
    for sentence, tokens in zip(sentences(text), tags_by_sentence(text)):
        wrapped = group and text[end:sentence.start] == "\n" and text[end - 1] not in ".!?:;\"')”’"
        if group and not wrapped:
            yield start, end, group
            group = []
        if not group:
            start = sentence.start
        group = group + tokens
        end = sentence.end
    if group:
        yield start, end, group


def _dollar_hint(text: str, lex: Lexicon) -> str | None:
    return next((code for hint, code in lex.dollar_hints.items() if hint in text), None)


def _written_number(word: str) -> bool:
    return bool(word) and (word[0].isdigit() or word[0] in VULGAR or word[0] in "-−" and word[1:2].isdigit())


def _starts_new_number(before: str, previous: str, word: str, lex: Lexicon) -> bool:
    """Whether ``word`` after ``previous`` is a number of its own: "½ ⅓ ¼", "one six-month period",
    "$1 billion seven years ago" (but "1 1/2", "4 ½", "one million two hundred")."""
    if _hyphenated(word, lex) or previous.lower() in lex.scales and _written_number(before) and (
            word.lower() in lex.numbers or _written_number(word)):
        return True
    if not (_written_number(previous) and _written_number(word)):
        return False
    first, second = _token_value(previous, lex), _token_value(word, lex)
    if first is None or second is None:
        return True
    return not (first.denominator == 1 and 0 < second < 1 and not word.isdigit())


def _windows(tokens, retagged, grammar: str):
    """Chunk the sentence in windows of about :data:`WINDOW` tokens, cut where no amount can span the cut.

    NLTK's chunk parser rewrites a string of tags once per rule, so its time grows with the
    square of the sentence; a window keeps each parse short and the whole sentence linear.
    """
    tags = [tag for _, tag, _ in retagged]
    fired = [rule for _, _, rule in retagged]
    lex, start = lexicon(), 0
    parser = chunker(grammar)
    for end in range(1, len(tokens) + 1):
        cut = end == len(tokens) or tags[end] == "CD" and tags[end - 1] == "CD" and _starts_new_number(
            tokens[end - 2].text if end > 1 else "", tokens[end - 1].text, tokens[end].text, lex) or end - start >= WINDOW and (
            tags[end] not in AMOUNT_TAGS and tags[end][:2] not in ("NN", "JJ", "VB", "RB") or end - start >= 4 * WINDOW)
        if cut:
            if any(tag in ("CD", "VAGUE", "ORD") for tag in tags[start:end]):
                pairs = [(token.text, tag) for token, tag in zip(tokens[start:end], tags[start:end])]
                yield _Chunked(tokens[start:end], tags[start:end], fired[start:end], chunking.parse(parser, pairs))
            start = end


def _top_level(tree) -> list[tuple[str | None, list[int], object]]:
    """Each child of the tree as (chunk label or ``None`` for a lone word, indices of its words, the child)."""
    items, index = [], 0
    for child in tree:
        size = len(child.leaves()) if hasattr(child, "label") else 1
        items.append((child.label() if hasattr(child, "label") else None, list(range(index, index + size)), child))
        index += size
    return items


def _parts(child, first: int) -> dict[str, list[int]]:
    """The indices of the AMOUNT, THING and other parts inside one QUANTITY chunk."""
    parts: dict[str, list[int]] = {}
    index = first
    for part in child:
        size = len(part.leaves()) if hasattr(part, "label") else 1
        name = part.label() if hasattr(part, "label") else part[1]
        parts.setdefault(name, []).extend(range(index, index + size))
        index += size
    return parts


def _quantities(text: str, window: _Chunked, dollar: str, lex: Lexicon) -> list[Quantity]:
    found = []
    items = _top_level(window.tree)
    for position, (label, leaves, child) in enumerate(items):
        if label == "QUANTITY":
            following = items[position + 1:position + 3]
            quantity = _quantity(text, window, _parts(child, leaves[0]), following, dollar, lex)
            if quantity:
                found.append(quantity)
    return found


def _head(tokens, thing: list[int]) -> str | None:
    # The last noun that is a word: in "billets.</p>" the tagger calls "</p" a noun too.
    nouns = [tokens[i].text for i in thing if tokens[i].tag.startswith("NN") and any(c.isalpha() for c in tokens[i].text)]
    return nouns[-1] if nouns else None


def _counted(text: str, window: _Chunked, thing: list[int], following) -> str | None:
    if not thing:
        return None
    tokens, tags = window.tokens, window.tags
    start, end = tokens[thing[0]].start, tokens[thing[-1]].end
    # "rounds of 155 millimetre artillery shells": the counted phrase goes on through "of".
    if len(following) == 2 and following[0][0] is None and tags[following[0][1][0]] == "OF" and (
            following[1][0] == "THING" or following[1][0] == "QUANTITY" and "THING" in _parts(
                following[1][2], following[1][1][0])):
        end = tokens[following[1][1][-1]].end
    return text[start:end]


def _currency(window: _Chunked, amount: list[int], lex: Lexicon) -> str | None:
    words = [window.tokens[i].text for i in amount]
    tags = [window.tags[i] for i in amount]
    for word, tag in zip(words, tags):
        if tag == "$" and word in lex.prefixes:
            return lex.prefixes[word]  # "US $5", "$350 million US": the letters say which dollar
    for word, tag in zip(words, tags):
        if tag == "$" and word.lower() in lex.minor:
            return f"{lex.minor[word.lower()]}/100"
        if tag in ("$", "CD"):
            code = _currency_of(word, lex)
            if code:
                return code
    return None


def _split_range(words: list[str], tags: list[str]) -> tuple[list[str], list[str]] | None:
    if "TO" not in tags:
        return None
    cut = tags.index("TO")
    return words[:cut], words[cut + 1:]


def _read_amount(numbers: list[str], number_tags: list[str], lex: Lexicon) -> Reading:
    ranged = _split_range(numbers, number_tags)
    if "PER" in number_tags:
        cut = number_tags.index("PER")
        part, whole = read_number(numbers[:cut]).value, read_number(numbers[cut + 1:]).value
        return Reading(_tidy(Fraction(part) / Fraction(whole))) if part and whole else Reading(None)
    if not ranged:
        return read_number(numbers)
    first, second = read_number(ranged[0]), read_number(ranged[1])
    if first.value is None or second.value is None:
        return Reading(None)
    low = first.value
    shared = [lex.scales[w.lower()] for w in ranged[1] if w.lower() in lex.scales]
    if shared and not any(w.lower() in lex.scales for w in ranged[0]):
        low = _tidy(Fraction(low) * shared[-1])  # "5 to 10 million": both ends are millions
    return Reading(None, low, second.value)


def _amount(text: str, window: _Chunked, parts: dict[str, list[int]], following, lex: Lexicon) -> _Amount | None:
    tokens, tags = window.tokens, window.tags
    amount = [i for i in parts.get("AMOUNT", []) if tags[i] != "QUAL"]
    if not amount:
        return None
    words = [tokens[i].text for i in amount]
    amount_tags = [tags[i] for i in amount]
    number_at = [k for k, tag in enumerate(amount_tags) if tag in ("CD", "VAGUE", "OF", "TO", "PER")]
    numbers = [_strip_currency(words[k], lex) for k in number_at]
    number_tags = [amount_tags[k] for k in number_at]
    rate_at = [k for k, tag in enumerate(amount_tags) if tag == "RATE"]
    hyphenated = _hyphenated(numbers[0], lex) if len(numbers) == 1 else None
    thing = parts.get("THING", [])
    first, last = amount[0], amount[-1]
    context = (tokens[first - 2].text if first > 1 else "", tokens[first - 1].text.lower() if first else "",
               tokens[last + 1].text.lower() if last + 1 < len(tokens) else ".")
    glued = _glued_prefix(tokens, first, lex)
    return _Amount(words, amount_tags, numbers, lex.currencies[glued.text + "$"] if glued else _currency(
                       window, amount, lex),
                   _units(words, amount_tags, rate_at, hyphenated, lex),
                   words[rate_at[0] + 1].lower() if rate_at and rate_at[0] + 1 < len(words) else None,
                   _counted(text, window, thing, following), _head(tokens, thing),
                   _read_amount(numbers, number_tags, lex), hyphenated, context, lex,
                   glued.start if glued else None)


def _glued_prefix(tokens, first: int, lex: Lexicon):
    """The token "A" of "A$5" (the tokenizer cuts it off; "A $5 fee" has a space, so no)."""
    before = tokens[first - 1] if first > 0 else None
    if before and tokens[first].text == "$" and before.end == tokens[first].start and (
            before.text + "$") in lex.currencies:
        return before
    return None


def _units(words: list[str], tags: list[str], rate_at: list[int], hyphenated, lex: Lexicon) -> list[str]:
    """The unit words of an amount: "square metres", "%", "mm" glued to "155mm", "day" of "three-day"."""
    units = [w for k, (w, t) in enumerate(zip(words, tags)) if t in ("UNIT", "%") and k - 1 not in rate_at]
    units += [m["unit"] for w in words for m in [lex.number_token.fullmatch(w)] if m and m["unit"]]
    if hyphenated and not units and hyphenated[1].lower() in lex.units and not hyphenated[2]:
        units = [hyphenated[1]]
    return units


def _strip_currency(word: str, lex: Lexicon) -> str:
    match = lex.number_token.fullmatch(word)
    if match and match["currency"]:
        return word[:match.start("currency")] + word[match.end("currency"):]
    return word


def _article_first(words: list[str], lex: Lexicon) -> bool:
    """Whether the amount starts with an "a" that is no part of its number: "a dozen", "a half million"
    (but "a fifth": there "a" is the one of one fifth)."""
    if len(words) < 2 or words[0] not in ("a", "an"):
        return False
    return words[1] not in lex.fractions or any(word in lex.scales for word in words[2:])


def _span(text: str, window: _Chunked, parts: dict[str, list[int]], a: _Amount, kind: str, rule: str):
    """The amount's span, the qualifier's span, and the spans of a range's two ends."""
    tokens, tags = window.tokens, window.tags
    amount = parts["AMOUNT"]
    kept = [i for i in amount if tags[i] != "QUAL"]
    if _article_first([tokens[i].text.lower() for i in kept], a.lex):
        kept = kept[1:]  # IEER's convention: "a dozen" -> "dozen", "a half million" -> "half million"
    if a.rate and a.lex.rates.get(a.rate) != "time":
        kept = kept[:[tags[i] for i in kept].index("RATE")]  # "44 cents" of "44 cents a share": per is a field
    start, end = a.prefix_start or tokens[kept[0]].start, tokens[kept[-1]].end
    if start >= 2 and text[start - 1] in "-−" and not text[start - 2].isalnum():
        start -= 1  # "-$5": the sign belongs to the amount
    if rule == "age" and a.hyphenated and text[start:end].lower().endswith("-old"):
        end -= len("-old")  # IEER's convention: "23-year" of "23-year-old"
    qualifier = [i for i in amount if tags[i] == "QUAL"]
    qualifier_span = (tokens[qualifier[0]].start, tokens[qualifier[-1]].end) if qualifier else (None, None)
    return start, end, qualifier_span, _range_ends(window, kept, start, end, a)


def _range_ends(window: _Chunked, kept: list[int], start: int, end: int, a: _Amount) -> tuple[tuple[int, int], ...]:
    """The spans of a range's two ends ("$30 million", "$40 million"); ``()`` for an amount that is no range."""
    tokens, tags = window.tokens, window.tags
    if "TO" in [tags[i] for i in kept]:
        cut = next(i for i in kept if tags[i] == "TO")
        return (start, tokens[cut - 1].end), (tokens[cut + 1].start, end)
    match = RANGE_TOKEN.fullmatch(tokens[kept[0]].text)
    if match and a.reading.low is not None:
        first = tokens[kept[0]].start
        return (first, first + match.end(1)), (first + match.start(2), end)  # "5-15 percent": 5, 15 percent
    return ()


def _values(a: _Amount, rule: KindRule, negative: bool) -> tuple:
    """value, low, high: an ordinal's position, or the amount read, with the sign of "-$5"."""
    if rule.kind == "ORDINAL":
        word = next(w for w, t in zip(a.words, a.tags) if t == "ORD").lower()
        stem = ORDINAL_COMPOUND.fullmatch(word)
        word = stem["ordinal"] if stem and not ORDINAL_TOKEN.fullmatch(word) else word
        return a.lex.ordinals.get(word) or int(re.match(r"\d+", word)[0]), None, None
    value = a.reading.value
    if value is not None and negative and value > 0:
        value = -value  # the sign was a token of its own
    return value, a.reading.low, a.reading.high


def _quantity(text, window: _Chunked, parts, following, dollar: str, lex: Lexicon) -> Quantity | None:
    a = _amount(text, window, parts, following, lex)
    if a is None or a.reading.value is None and a.reading.low is None and "ORD" not in a.tags:
        return None
    rule = next(rule for rule in KIND_RULES if rule.test(a))
    start, end, (q_start, q_end), ends = _span(text, window, parts, a, rule.kind, rule.name)
    qualifier = text[q_start:q_end] if q_start is not None else None
    sense = lex.qualifiers.get(tuple(qualifier.lower().split())) if qualifier else None
    value, low, high = _values(a, rule, negative=text[start] in "-−")
    unit = _unit_of(rule, a, dollar)
    if unit and unit.endswith("/100"):
        code = unit.removesuffix("/100")
        unit = dollar if code == "$" else code
        value, low, high = (_tidy(Fraction(n) / 100) if n is not None else None for n in (value, low, high))  # 99 cents
    return Quantity(
        text=text[start:end], start=start, end=end, sentence=window.tokens[parts["AMOUNT"][-1]].sentence,
        kind=rule.kind, value=value, unit=unit, counted=a.counted, counted_head=a.head if a.counted else None,
        qualifier=qualifier,
        approximate=bool(sense and sense != "exact") or a.reading.vague, low=low, high=high,
        qualifier_start=q_start, qualifier_end=q_end, per=a.rate,
        dimension="age" if rule.name == "age" else a.dimension(), parts=ends, rule=rule.name)


# ---------------------------------------------------------------- explaining and scoring
def trace(sentence: str, grammar: str = GRAMMAR) -> str:
    """Which rule gave each word its tag, then each quantity with the kind rule that fired.

    >>> print(trace("He paid $5m to 300 workers."))
    word     tagger  ours  rule
    He       PRP     PRP
    paid     VBD     VBD
    $        $       $     currency
    5m       CD      CD    number
    to       TO      IN    to, not a range
    300      CD      CD    number
    workers  NNS     NNS
    .        .       .
    <BLANKLINE>
    '$5m' MONEY 5,000,000 USD   (rule: money)
    '300' COUNT 300   (rule: count)
    """
    require_text(sentence, "trace")
    tagged, times = _tagged(sentence)
    retagged = retag(tagged, explain=True, times=times)
    rows = [("word", "tagger", "ours", "rule")] + [
        (word, penn, ours, rule) for (word, penn), (_, ours, rule) in zip(tagged, retagged)]
    widths = [max(len(row[column]) for row in rows) + 2 for column in range(3)]
    lines = ["".join(cell.ljust(width) for cell, width in zip(row[:3], widths)) + row[3] for row in rows]
    found = [f"{q.text!r} {q.kind} {q.amount}   (rule: {q.rule})" for q in extract_quantities(sentence, grammar)]
    return "\n".join(line.rstrip() for line in lines) + "\n\n" + "\n".join(found or ["(no quantities)"])


def ieer_found(quantities: list[Quantity]) -> list:
    """The quantities as :class:`lessons.evaluation.Found` spans in IEER's number kinds.

    COUNT and NUMBER are IEER's CARDINAL; a range is scored as its two ends (IEER marks
    "$30 million" and "$40 million" apart); ORDINAL is left out
    (ordinals are no IEER kind; dates and times are :mod:`lessons.dates`' job).

    >>> [(f.start, f.end, f.kind) for f in ieer_found(extract_quantities("Up from $30 million to $40 million."))]
    [(8, 19, 'MONEY'), (23, 34, 'MONEY')]
    """
    from lessons.evaluation import Found

    found = []
    for q in quantities:
        kind = IEER_NUMBER_KINDS.get(q.kind)
        if kind:
            found.extend(Found(start, end, kind) for start, end in (q.parts or ((q.start, q.end),)))
    return found


def evaluate_ieer(fileids=None, grammar: str = GRAMMAR):
    """Score :func:`extract_quantities` on NLTK's IEER stories (exact spans, IEER's number kinds).

    Returns a :class:`lessons.evaluation.Evaluation`: ``.table()`` per kind, ``.errors``.
    """
    from lessons.evaluation import IEER_KINDS, evaluate, ieer_documents

    return evaluate(ieer_documents(fileids), lambda document: ieer_found(extract_quantities(document.text, grammar)),
                    kinds=IEER_KINDS["numbers"])
