"""Clues to a name's kind: ordered tables of named rules, each with an example, read from word lists.

Lesson 4 shows how :mod:`lessons.actors` decides that "Shopify Inc." is an
organisation and "Priya Raman" a person. Every decision comes from *clues*, and
every clue comes from a named rule in one of two tables, the way NLTK's
``RegexpChunkRule.descr()`` says what a chunk rule does:

- :data:`NAME_RULES` look at the name itself ("ends with a legal suffix");
- :data:`CONTEXT_RULES` look at the words around it ("after the preposition 'in'").

Each rule adds weight to one kind; the kind with the most weight wins, and a
name with no clue at all is honestly :data:`UNKNOWN`. The words the rules use
are data files in ``lessons/wordlists/`` (see :func:`listed`), so a student can
extend one from a notebook (``lessons.wordlists.extend("organisations", ["Maplewood"])``)
and the next extraction follows.

>>> print(NAME_RULES[0].descr())
legal suffix: ORGANIZATION +4, e.g. 'Shopify Inc.' (the last word is in the list legal_suffixes)
>>> [str(clue) for clue in name_clues("Royal Bank of Canada")]
["ORGANIZATION +3: 'Bank' of ...: an organisation word before 'of' [organisation word before of]"]
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from lessons import wordlists
from lessons.caching import register
from lessons.data import require

PERSON, ORGANIZATION, LOCATION, UNKNOWN = "PERSON", "ORGANIZATION", "LOCATION", "UNKNOWN"
KINDS = (PERSON, ORGANIZATION, LOCATION)
GAZETTEER_FILES = ("countries.txt", "uscities.txt", "usstates.txt", "caprovinces.txt", "mexstates.txt")


# ----------------------------------------------------------------------------- word lists and corpora


_lists: dict[tuple[str, bool], frozenset[str]] = {}  # the lists as they are in generation _lists_generation
_lists_generation = -1


def listed(name: str, folded: bool = True) -> frozenset[str]:
    """The entries of word list ``name`` (case-folded unless ``folded=False``), as the lists are now.

    Looked up for every word of a text, so kept in a dict that is emptied when a list changes.

    >>> "inc." in listed("legal_suffixes")
    True
    """
    global _lists_generation
    if _lists_generation != wordlists.generation():
        _lists.clear()
        _lists_generation = wordlists.generation()
    found = _lists.get((name, folded))
    if found is None:
        entries = wordlists.words(name)
        found = _lists[name, folded] = frozenset(entry.casefold() for entry in entries) if folded else entries
    return found


@register
@lru_cache(maxsize=16)
def _mapped(name: str, generation: int) -> dict[str, str]:
    return wordlists.mapping(name)


def mapped(name: str) -> dict[str, str]:
    """Word list ``name`` as ``entry -> value`` (``"Kremlin" -> "Russia"``)."""
    return _mapped(name, wordlists.generation())


@lru_cache(maxsize=1)
def first_names() -> frozenset[str]:
    """First names from NLTK's ``names`` corpus."""
    from nltk.corpus import names

    require("names")
    return frozenset(names.words())


@lru_cache(maxsize=1)
def gazetteer() -> dict[str, str]:
    """Place name -> the NLTK gazetteer file it comes from."""
    from nltk.corpus import gazetteers

    require("gazetteers")
    places: dict[str, str] = {}
    for fileid in GAZETTEER_FILES:
        for place in gazetteers.words(fileid):
            places.setdefault(place, fileid)
    return places


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """Lower-case English words (NLTK's ``words`` list also has capitalised names; those are left out)."""
    from nltk.corpus import words

    require("words")
    # The same lines words.words() gives (its line_tokenize splits lines), filtered in C rather than word by word.
    return frozenset(filter(str.islower, "\n".join(words.raw(fileid) for fileid in words.fileids()).splitlines()))


def place_source(name: str) -> str | None:
    """Where ``name`` is listed as a place ("the list places", "gazetteer countries.txt"), or ``None``.

    A name in capitals ("NAIROBI", in a dateline) is looked up as "Nairobi" too.

    >>> place_source("NAIROBI"), place_source("Maplewood")
    ('the list places', None)
    """
    for form in dict.fromkeys((name, name.title() if name.isupper() else name)):
        if form in listed("places", folded=False):
            return "the list places"
        if form in gazetteer():
            return f"gazetteer {gazetteer()[form]}"
    return None


ROMAN_NUMERAL = re.compile(r"^[IVXL]+$")


def is_acronym(word: str) -> bool:
    """Two or more capital letters, with or without full stops: "NATO", "U.N."."""
    letters = word.replace(".", "")
    return len(letters) >= 2 and letters.isalpha() and letters.isupper()


def _organisation_acronym(word: str) -> bool:
    """An acronym that could name an organisation: not a place, a Roman numeral ("Paul VI") or an English word ("USED")."""
    return is_acronym(word) and not place_source(word) and not ROMAN_NUMERAL.match(word) \
        and word.lower() not in common_words()


def capitalised(word: str) -> bool:
    return word[:1].isupper() and any(character.isalpha() for character in word)


# ----------------------------------------------------------------------------- clues and rules


@dataclass(frozen=True)
class Clue:
    """One piece of evidence about a name's kind: which kind, how strong, why, and the rule that said so."""

    kind: str
    weight: float
    reason: str
    rule: str = ""

    def __str__(self) -> str:
        rule = f" [{self.rule}]" if self.rule else ""
        return f"{self.kind} +{self.weight:g}: {self.reason}{rule}"


@dataclass(frozen=True)
class ClueRule:
    """A named rule: when ``test`` finds something, it is a clue of ``kind`` with ``weight``.

    ``test`` returns a short reason (a str) when the rule applies, ``None`` otherwise.
    """

    name: str
    kind: str
    weight: float
    example: str
    explanation: str
    test: Callable[..., str | None]

    def descr(self) -> str:
        """The rule in one line, like NLTK's ``RegexpChunkRule.descr()``."""
        return f"{self.name}: {self.kind} +{self.weight:g}, e.g. {self.example!r} ({self.explanation})"

    def clue(self, *arguments) -> Clue | None:
        reason = self.test(*arguments)
        return Clue(self.kind, self.weight, reason, self.name) if reason else None


def _legal_suffix(words: Sequence[str]) -> str | None:
    last = words[-1].casefold()
    return f"ends with the legal suffix '{words[-1]}'" if len(words) > 1 and last in listed("legal_suffixes") else None


def _known_organisation(words: Sequence[str]) -> str | None:
    return "in the list organisations" if " ".join(words) in listed("organisations", folded=False) else None


def _seat_of_government(words: Sequence[str]) -> str | None:
    country = mapped("seats_of_government").get(" ".join(words))
    return f"a seat of government ({country})" if country else None


def _organisation_word_before_of(words: Sequence[str]) -> str | None:
    for number, word in enumerate(words[1:-1], start=1):
        if word == "of" and words[number - 1].casefold() in listed("organisation_words"):
            return f"'{words[number - 1]}' of ...: an organisation word before 'of'"
    return None


def _organisation_word_last(words: Sequence[str]) -> str | None:
    if len(words) > 1 and words[-1].casefold() in listed("organisation_words"):
        return f"ends with the organisation word '{words[-1]}'"
    return None


def _acronym_inside(words: Sequence[str]) -> str | None:
    inside = [word for word in words if _organisation_acronym(word)]
    return f"holds the acronym '{inside[0]}'" if len(words) > 1 and inside else None


def _place_word_first(words: Sequence[str]) -> str | None:
    first = words[0].casefold()
    return f"starts with the place word '{words[0]}'" if len(words) > 1 and first in listed("place_prefixes") else None


def _comma_place_after(context: Context) -> str | None:
    """ "HEERENVEEN, Netherlands", "Mississauga, Ontario": a place named after a comma places the name."""
    after = context.last + 2
    if context.word(context.last + 1) != "," or after >= len(context.words):
        return None
    if context.word(after + 1) in ("'s", "’s") or not place_source(context.words[after]):
        return None
    return f"followed by ', {context.words[after]}'"


def _place_noun_last(words: Sequence[str]) -> str | None:
    last = words[-1].casefold()
    return f"ends with the place noun '{words[-1]}'" if len(words) > 1 and last in listed("place_nouns") else None


def _web_address(words: Sequence[str]) -> str | None:
    return "a web address" if words[-1].lower().endswith((".com", ".net", ".org")) else None


def _acronym(words: Sequence[str]) -> str | None:
    name = " ".join(words)
    if len(words) == 1 and _organisation_acronym(name) and len(name.replace(".", "")) <= 5:
        return "an acronym that is not a place"
    return None


def _place(words: Sequence[str]) -> str | None:
    source = place_source(" ".join(words))
    return f"in {source}" if source else None


def _first_name(words: Sequence[str]) -> str | None:
    if words[0] in first_names() and person_like(" ".join(words)):
        return f"starts with the first name '{words[0]}' (names corpus)"
    return None


def _lone_first_name(words: Sequence[str]) -> str | None:
    return f"'{words[0]}' is a first name (names corpus)" if len(words) == 1 and words[0] in first_names() else None


def person_like(name: str) -> bool:
    """Two or three capitalised words that could be a person's name: no organisation word, not a place."""
    words = name.split()
    return (
        2 <= len(words) <= 3
        and (words[0] in first_names() or words[-1].lower() not in common_words())
        and all(capitalised(word) and not is_acronym(word) for word in words)
        and words[-1].casefold() not in listed("organisation_words")
        and words[-1].casefold() not in listed("legal_suffixes")
        and words[-1].casefold() not in listed("place_nouns")
        and place_source(name) is None
        and name not in mapped("seats_of_government")
        and name not in listed("organisations", folded=False)
    )


def _name_shaped(words: Sequence[str]) -> str | None:
    name = " ".join(words)
    if words[0] not in first_names() and person_like(name) \
            and not any(word.lower() in common_words() for word in words):
        return "two or three capitalised words, none of them English: shaped like a name"
    return None


# Looked at in this order; all that apply count.
NAME_RULES: tuple[ClueRule, ...] = (
    ClueRule("legal suffix", ORGANIZATION, 4, "Shopify Inc.", "the last word is in the list legal_suffixes",
             _legal_suffix),
    ClueRule("known organisation", ORGANIZATION, 5, "Morgan Stanley", "the whole name is in the list organisations",
             _known_organisation),
    ClueRule("seat of government", ORGANIZATION, 3, "Kremlin", "in the list seats_of_government",
             _seat_of_government),
    ClueRule("organisation word before of", ORGANIZATION, 3, "Royal Bank of Canada",
             "a word of the list organisation_words comes before 'of'", _organisation_word_before_of),
    ClueRule("organisation word last", ORGANIZATION, 2, "Hamilton City Council",
             "the last word is in the list organisation_words", _organisation_word_last),
    ClueRule("acronym inside", ORGANIZATION, 1.5, "Wells BDDP", "a longer name that holds an acronym",
             _acronym_inside),
    ClueRule("web address", ORGANIZATION, 2, "Goto.com", "ends with .com, .net or .org", _web_address),
    ClueRule("acronym", ORGANIZATION, 1.5, "NPR", "two to five capitals, not a place, an English word or a Roman numeral",
             _acronym),
    ClueRule("place noun last", LOCATION, 2, "King Street", "the last word is in the list place_nouns",
             _place_noun_last),
    ClueRule("place word first", LOCATION, 2, "Pulau Ular", "the first word is in the list place_prefixes",
             _place_word_first),
    ClueRule("place", LOCATION, 3, "Calgary", "in the list places or an NLTK gazetteer", _place),
    ClueRule("first name", PERSON, 2, "Marc Tremblay", "two or three words starting with a first name",
             _first_name),
    ClueRule("lone first name", PERSON, 1, "Danielle", "one word that is a first name", _lone_first_name),
    ClueRule("shaped like a name", PERSON, 1, "Vladimir Zelenskyy", "two or three capitalised non-English words",
             _name_shaped),
)


def name_clues(name: str) -> list[Clue]:
    """The clues the name itself gives, by :data:`NAME_RULES`.

    >>> [clue.rule for clue in name_clues("Shopify Inc.")]
    ['legal suffix']
    """
    return list(_name_clues(name, wordlists.generation()))


@register
@lru_cache(maxsize=4096)
def _name_clues(name: str, generation: int) -> tuple[Clue, ...]:
    words = name.split()  # a news story names the same actor again and again: worth caching
    return tuple(clue for rule in NAME_RULES if (clue := rule.clue(words)))


# ----------------------------------------------------------------------------- context rules
# Each test sees the sentence's words, their chunk tags and the name's first and last token.


@dataclass(frozen=True)
class Context:
    """A name in its sentence: ``words[first:last + 1]`` is the name, ``tags`` are the chunk tags."""

    words: Sequence[str]
    tags: Sequence[str]
    first: int
    last: int
    list_first: int  # where a list of names ("Ohio, Michigan and Pennsylvania") that holds it starts
    list_last: int

    def word(self, index: int) -> str:
        return self.words[index].lower() if 0 <= index < len(self.words) else ""


def _organisation_noun_after(context: Context) -> str | None:
    after = context.last + 1
    if after + 1 < len(context.words) and context.tags[after] in ("JJ", "NN"):
        after += 1  # "Wagner private army", "TASS news agency"
    word = context.word(after)
    return f"followed by '{context.words[after]}'" if word and word in listed("organisation_words") else None


def _place_noun_after(context: Context) -> str | None:
    word = context.word(context.list_last + 1)
    return f"followed by '{context.words[context.list_last + 1]}'" if word and word in listed("place_nouns") else None


def _before_list(context: Context) -> int:
    before = context.list_first - 1
    return before - 1 if context.word(before) == "the" else before


def _place_noun_of_before(context: Context) -> str | None:
    before = _before_list(context)
    if context.word(before) == "of" and context.word(before - 1) in listed("place_nouns"):
        return f"after '{context.words[before - 1]} of'"
    return None


def _locative_preposition(context: Context) -> str | None:
    before = _before_list(context)
    word = context.word(before)
    if word in listed("locative_prepositions") and not _place_noun_of_before(context):
        return f"after the preposition '{context.words[before]}'"
    return None


def _role_after(context: Context) -> str | None:
    """ "Priya Raman, an analyst at ...": a comma, then a role within four words."""
    if context.word(context.last + 1) != ",":
        return None
    for index in range(context.last + 2, min(context.last + 6, len(context.words))):
        if context.tags[index] == "TITLE":
            return f"a role after it: ', ... {context.words[index]}'"
        if context.tags[index] not in ("DT", "JJ", "NN", "PLACE", "NNP", "ORG"):
            return None
    return None


def _speaks(context: Context) -> str | None:
    after, before = context.word(context.last + 1), context.word(context.first - 1)
    verbs = listed("speech_verbs")
    if after in verbs or (before in verbs and context.first >= 2):
        return f"the subject of '{after if after in verbs else before}'"
    return None


CONTEXT_RULES: tuple[ClueRule, ...] = (
    ClueRule("organisation noun after", ORGANIZATION, 2, "Wagner forces",
             "the next noun is in the list organisation_words", _organisation_noun_after),
    ClueRule("place noun after", LOCATION, 2, "the Donetsk region", "the next word is in the list place_nouns",
             _place_noun_after),
    ClueRule("place noun of before", LOCATION, 2, "the city of Bakhmut", "after a place noun and 'of'",
             _place_noun_of_before),
    ClueRule("locative preposition", LOCATION, 1, "in Moscow", "after a word in the list locative_prepositions",
             _locative_preposition),
    ClueRule("comma place after", LOCATION, 2, "HEERENVEEN, Netherlands", "a comma and a known place follow it",
             _comma_place_after),
    ClueRule("role after", PERSON, 2, "Priya Raman, an analyst", "a comma and a role follow it", _role_after),
    ClueRule("speaks", PERSON, 1, "Horwath said", "right next to a verb of the list speech_verbs", _speaks),
)


def context_clues(context: Context) -> list[Clue]:
    """The clues the words around a name give, by :data:`CONTEXT_RULES`."""
    return [clue for rule in CONTEXT_RULES if (clue := rule.clue(context))]


def decide_kind(name: str, clues: Sequence[Clue]) -> str | None:
    """The kind with the most weight; :data:`UNKNOWN` for a name with no clue; ``None`` for a plain English word.

    >>> decide_kind("Maplewood", []), decide_kind("Budget", [])
    ('UNKNOWN', None)
    """
    strongest: dict[tuple[str, str], float] = {}
    for clue in clues:  # each rule counts once: "in" and "at" before a name are one clue, not two
        key = (clue.kind, clue.rule or clue.reason)
        strongest[key] = max(strongest.get(key, 0), clue.weight)
    scores: Counter[str] = Counter()
    for (kind, _), weight in strongest.items():
        scores[kind] += weight
    if scores:
        return max(KINDS, key=lambda kind: (scores[kind], -KINDS.index(kind)))
    if " " not in name and (name.lower() in common_words() or name.casefold() in listed("organisation_words")):
        return None  # a capitalised English word ("Budget" in a headline, "Government") is not a name
    return UNKNOWN


def describe_rules() -> str:
    """Every rule, in the order it is tried, one a line.

    >>> describe_rules().splitlines()[0]
    "name  legal suffix: ORGANIZATION +4, e.g. 'Shopify Inc.' (the last word is in the list legal_suffixes)"
    """
    return "\n".join([f"name  {rule.descr()}" for rule in NAME_RULES]
                     + [f"near  {rule.descr()}" for rule in CONTEXT_RULES])
