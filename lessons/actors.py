"""Who is in the story: people, organisations and places, who says what, and who appears with whom.

Lesson 4 (``04_actors.ipynb``) builds this up step by step. NLTK's statistical
``ne_chunk`` needs a model (``maxent_ne_chunker_tab``) that is not always
installed, so the main path here is one you can read and change:

1. **Chunk tags.** Each token's part-of-speech tag (from :func:`lessons.tag`) is
   adjusted for chunking: a capitalised word in mid-sentence is a proper noun
   (``NNP``) even when the tagger said otherwise ("Xi" is sometimes tagged
   ``CC``); a capital at the start of a sentence proves nothing on its own; title
   words ("President", "chief financial officer", "Mr.") get ``TITLE``; adjectives
   of place ("Russian", "Russians") get ``PLACE``; "of" gets ``OF``; a proper noun
   that is an organisation word ("Bank") gets ``ORG``, a legal suffix ("Inc.")
   ``SUFFIX``, and "del" in "Carla del Ponte" ``PARTICLE``.
2. **Chunks.** An NLTK ``RegexpParser`` with :data:`GRAMMAR` (or a grammar you
   pass) groups them into ``ROLE`` chunks ("U.S. Secretary of State") and ``NAME``
   chunks ("Antony Blinken", "Royal Bank of Canada", "Shopify Inc.").
3. **Evidence.** Each name collects clues from the named rules of
   :mod:`lessons.actor_clues`, each with a kind, a weight and a reason you can
   read: a title before it, NLTK's ``names`` and ``gazetteers`` corpora, the word
   lists in ``lessons/wordlists/`` (places, organisations, legal suffixes...), a
   place word after it ("region"), a preposition of place before it ("in"). A
   name with no clue is ``UNKNOWN``: the text does not say.
4. **Merging.** "Putin" joins "Vladimir Putin" (a one-word name that is the first
   or last word of exactly one person-like name), "Maplewood" joins "Maplewood
   Outfitters Inc." (the first word of one organisation), "ICC" joins
   "International Criminal Court" (its initials). The fullest form is the
   canonical name; the clues of all mentions decide the kind.
5. **Descriptions that refer back.** "the Chinese leader" is linked to a person
   only when the text makes it safe: see :func:`extract_actors`.

Results are cached per text, grammar and word lists in use
(:func:`lessons.caching.text_cache`), so extending a list from a notebook
(``lessons.wordlists.extend("organisations", ["Maplewood"])``) changes the next
result. Hard-wrapped text is read with its line breaks as spaces
(:func:`unwrapped`); offsets always point into the text you passed.

**Adjectives of place** ("Russian", "Chinese", "Ukrainian", "Russians") are never
actors or mentions by themselves. They link to a country by their spelling
("Ukrainian" -> "Ukraine", with a few irregular ones in the word list
``place_adjectives``), and that link is used as evidence twice: a role
such as "Ukrainian President" ties the person to Ukraine, and a description such
as "the Russian president" can only refer to a person tied to Russia.

>>> [(actor.name, actor.kind, len(actor.mentions)) for actor in extract_actors(
...     "President Xi met Vladimir Putin in Moscow. Putin thanked Xi.")]
[('Xi', 'PERSON', 2), ('Vladimir Putin', 'PERSON', 2), ('Moscow', 'LOCATION', 1)]
"""


from __future__ import annotations

import bisect
import calendar
import os
import re
from collections import defaultdict
from dataclasses import dataclass, field, replace
from functools import lru_cache

from lessons.actor_clues import (
    KINDS, LOCATION, NAME_RULES, ORGANIZATION, PERSON, UNKNOWN, Clue, Context, capitalised, common_words, context_clues,
    decide_kind, first_names, gazetteer, is_acronym, listed, mapped, name_clues, person_like, place_source,
)
from lessons import chunking, wordlists
from lessons.article import wire_copy
from lessons.caching import register, require_text, text_cache
from lessons.data import MissingResourceError, require
from lessons.highlight import Table
from lessons.tagging import TaggedToken, tag
from lessons.tokens import STRAIGHTEN_QUOTES, sentences

__all__ = [
    "GRAMMAR", "KINDS", "PERSON", "ORGANIZATION", "LOCATION", "UNKNOWN", "Actor", "Mention", "Clue", "Candidate",
    "Quote", "extract_actors", "name_candidates", "chunk_tagged", "quotes", "actor_network", "country_of_adjective",
    "compare_with_ne_chunk", "ne_chunk_available", "actors_table", "score_mentions", "found_spans", "ne_chunk_spans",
    "clear_actor_caches", "unwrapped",
]

# The chunk grammar, over the chunk tags described above. ROLE comes first, so a
# title and the words that qualify it are taken before NAME looks for names.
# NAME has three alternatives, tried in order at each place in the sentence:
#   <NNP|ORG>*<ORG><OF><DT>?<NNP|ORG>+               "Royal Bank of Canada": an organisation word, "of", a name
#   <NNP|ORG>+(<POS><NNP|ORG>+)?<,>?<SUFFIX>         "Shopify Inc.", "Hudson's Bay Co.": a legal suffix ends it
#   <PARTICLE>?<NNP|ORG>+(<PARTICLE><NNP|ORG>+)*     "Antony Blinken", "Carla del Ponte": proper nouns in a row
# (one rule with alternatives rather than three rules: the parser passes over a sentence once per rule.)
GRAMMAR = r"""
  ROLE: {<DT>?<PLACE|JJ.*|NN|NNS|NNP|ORG|TITLE>*<TITLE>(<OF><NNP|ORG>)?}
  NAME: {<NNP|ORG>*<ORG><OF><DT>?<NNP|ORG>+|<NNP|ORG>+(<POS><NNP|ORG>+)?<,>?<SUFFIX>|<PARTICLE>?<NNP|ORG>+(<PARTICLE><NNP|ORG>+)*}
"""

CALENDAR_WORDS = frozenset(
    word for word in (*calendar.day_name, *calendar.month_name, *calendar.day_abbr, *calendar.month_abbr) if word
)
# Where a new sentence starts inside a sentence: after an opening quote, a colon, a dash or a bar.
OPENERS = frozenset({'"', "'", "``", "“", "‘", ":", "—", "–", "|", "(", "-", "_"})
PROMOTABLE_TAGS = frozenset("NN NNS CC VB VBD VBG VBN VBP VBZ RB FW".split())
PRONOUNS = frozenset({"he", "she"})
# "Calgary-based", "Toronto-born": a place's name glued to a word that says so.
PLACE_COMPOUNDS = re.compile(r"^(?P<place>[A-Z][\w.]*(?: [A-Z][\w.]*)?)-(?:based|born|area|bound|headquartered)$")


@dataclass(frozen=True)
class Mention:
    """One place in the text that names or describes an actor (``text[start:end]``)."""

    text: str
    start: int
    end: int
    sentence: int
    is_description: bool = False


@dataclass(frozen=True)
class Actor:
    """A person, organisation or place with every mention, the roles the text gives it, and why its kind.

    ``evidence`` holds the clues in words; each names the rule that gave it (see :mod:`lessons.actor_clues`).
    """

    name: str
    kind: str
    mentions: tuple[Mention, ...]
    roles: tuple[str, ...] = ()
    evidence: tuple[str, ...] = ()

    def form_of(self, mention: Mention) -> str:
        """How ``mention`` refers to this actor: ``full name``, ``short name`` or ``description``."""
        if mention.is_description:
            return "description"
        return "full name" if mention.text == self.name else "short name"

    def __repr__(self) -> str:
        roles = f", roles={list(self.roles)}" if self.roles else ""
        return f"Actor({self.name!r}, {self.kind}, {len(self.mentions)} mentions{roles})"


@dataclass(frozen=True)
class Candidate:
    """A name the grammar found, the role right before it, and the clues about its kind."""

    text: str
    start: int
    end: int
    sentence: int
    role: str | None
    clues: tuple[Clue, ...]
    in_role: bool = False


@dataclass(frozen=True)
class Quote:
    """A quotation (its span includes the quote marks) and the canonical name of who said it, if known."""

    text: str
    start: int
    end: int
    sentence: int
    speaker: str | None


# ----------------------------------------------------------------------------- resources


@lru_cache(maxsize=1)
def _nationalities() -> frozenset[str]:
    from nltk.corpus import gazetteers

    require("gazetteers")
    return frozenset(gazetteers.words("nationalities.txt"))


@lru_cache(maxsize=1)
def _countries() -> tuple[str, ...]:
    """The gazetteer's countries, in its order (adjectives of place are matched against these alone)."""
    return tuple(place for place, fileid in gazetteer().items() if fileid == "countries.txt")


@register
@lru_cache(maxsize=8)
def _parser(grammar: str):
    import nltk

    try:
        return nltk.RegexpParser(grammar)
    except ValueError as error:
        raise ValueError(f"The actor grammar does not parse: {error}") from None


def country_of_adjective(adjective: str) -> str | None:
    """The country an adjective of place points to, by its spelling, or ``None``.

    >>> country_of_adjective("Ukrainian"), country_of_adjective("American"), country_of_adjective("big")
    ('Ukraine', 'United States', None)
    """
    return _country_of_adjective(adjective, wordlists.generation())


@register
@lru_cache(maxsize=4096)
def _country_of_adjective(adjective: str, generation: int) -> str | None:
    singular = adjective[:-1] if adjective.endswith("s") and adjective[:-1] in _nationalities() else adjective
    irregular = mapped("place_adjectives")
    if singular in irregular:
        return irregular[singular]
    if singular not in _nationalities():
        return None
    best, best_length = None, 0
    for place in _countries():
        if place[:4] != singular[:4]:
            continue  # fewer than four letters in common: never enough (below)
        shared = len(os.path.commonprefix([singular, place]))
        # The country's name, give or take its last letter, starts the adjective: China/Chinese, Russia/Russian.
        if shared >= max(4, len(place) - 1) and shared > best_length:
            best, best_length = place, shared
    return best


def unwrapped(text: str) -> str:
    """``text`` with hard line wraps inside paragraphs turned into spaces (same length, same offsets).

    Newswire (NLTK's IEER corpus, for one) breaks lines at about 70 characters, even
    inside a name ("Bjorn\\nDahlie"); a text whose longest line is short is treated as wrapped.

    >>> unwrapped("Bjorn\\nDahlie won in\\nOslo.\\n\\nHe left.")
    'Bjorn Dahlie won in Oslo.\\n\\nHe left.'
    """
    lines = [line for line in text.split("\n") if line.strip()]
    if len(lines) < 2 or max(len(line) for line in lines) > 100 or wire_copy(text):
        return text  # wire copy's sentences are already whole (lessons.article), and its tags already cached
    return re.sub(r"(?<=\S)\n(?=\S)", " ", text)


# ----------------------------------------------------------------------------- chunk tags


def _starts_sentence(tokens: list[TaggedToken], index: int) -> bool:
    # Only the first word of the sentence matters, and it is near the start: no scan of every token before index.
    first_word = next((number for number, token in enumerate(tokens) if any(map(str.isalnum, token.text))), index)
    return first_word >= index or tokens[index - 1].text in OPENERS


def _proper_mid_sentence(groups: list[list[TaggedToken]]) -> frozenset[str]:
    """Words that are capitalised and tagged as proper nouns somewhere in mid-sentence."""
    return frozenset(
        token.text
        for tokens in groups
        for index, token in enumerate(tokens)
        if token.tag in ("NNP", "NNPS") and capitalised(token.text) and not _starts_sentence(tokens, index)
    )


def _before_currency(tokens: list[TaggedToken], index: int) -> bool:
    """ "US$150", "C$48": letters glued to a currency sign name the currency, not a place."""
    following = tokens[index + 1] if index + 1 < len(tokens) else None
    return following is not None and following.start == tokens[index].end and following.text[:1] in "$€£¥"


def _in_not_actors(tokens: list[TaggedToken], index: int) -> bool:
    """Whether the word, alone or with the word before or after it, is in the list not_actors.

    A word of the list inside a longer name is kept: "TV" is no actor, "TV Books" is one.
    """
    listed_here = listed("not_actors", folded=False)
    words = [token.text for token in tokens[max(index - 1, 0):index + 2]]
    pairs = {" ".join(words[:2]), " ".join(words[-2:])} if len(words) > 1 else set()
    if pairs & listed_here:
        return True
    following = tokens[index + 1] if index + 1 < len(tokens) else None
    return tokens[index].text in listed_here and not (following and capitalised(following.text))


@lru_cache(maxsize=1)
def _stopwords() -> frozenset[str]:
    from nltk.corpus import stopwords

    require("stopwords")
    return frozenset(stopwords.words("english"))


def _never_a_name(tokens: list[TaggedToken], index: int) -> bool:
    """Capitalised words that are no name wherever they stand."""
    word = tokens[index].text
    return (
        not capitalised(word) or word in CALENDAR_WORDS or len(word) == 1
        or _before_currency(tokens, index)
        or _in_not_actors(tokens, index)  # "AI", "Cyber Monday"
        or (word.isupper() and word.lower() in _stopwords())  # "AND", "THE" in a line of capitals
        or (index > 0 and tokens[index - 1].tag == "CD" and is_acronym(word))  # "$350 million US": a currency
    )


def _is_proper_noun(tokens: list[TaggedToken], index: int, proper_elsewhere: frozenset[str]) -> bool:
    if _never_a_name(tokens, index):
        return False
    token = tokens[index]
    word = token.text
    following = tokens[index + 1] if index + 1 < len(tokens) else None
    next_is_name = following is not None and following.tag in ("NNP", "NNPS") and capitalised(following.text)
    if not _starts_sentence(tokens, index):
        # "European Commission": a capitalised adjective that starts a name belongs to it.
        return token.tag in ("NNP", "NNPS") or token.tag in PROMOTABLE_TAGS or (token.tag == "JJ" and next_is_name)
    # At the start of a sentence every word is capitalised, so ask for more.
    if word in proper_elsewhere and not token.tag.startswith("VB"):
        return True  # "Xi, for his part": the same word is a name elsewhere ("Fighting that..." is not)
    if token.tag in ("NNP", "NNPS") and place_source(word):
        return True  # "Canada is ready": a place the lists know
    return token.tag in ("NNP", "NNPS") and (next_is_name or word.lower() not in common_words())


def _is_title(folded: str) -> bool:
    titles = listed("actor_titles")
    return folded in titles or ("-" in folded and folded.rsplit("-", 1)[-1] in titles)


def _is_group(word: str) -> bool:
    """ "Serbs", "Jews", "NGOs": a people or a group named in the plural is not one actor."""
    return (word.endswith("s") and word[:-1] in _nationalities()) or word in _nationalities() \
        or word in listed("groups", folded=False)


def _place_adjective_tag(tokens: list[TaggedToken], index: int, proper_elsewhere: frozenset[str]) -> str:
    """ "PLACE" for an adjective of place, "NNP" where it belongs to a name.

    "European Union": an adjective of place that starts a name is part of the name, and
    "Mark Cuban" ends with one; "Kenyan Steve Riungu" is a person described by a place.
    """
    token = tokens[index]
    previous = tokens[index - 1] if index else None
    following = tokens[index + 1] if index + 1 < len(tokens) else None
    if previous is not None and previous.text in first_names() and previous.end < token.start:
        return "NNP"
    starts_name = (following is not None and following.text.casefold() not in listed("actor_titles")
                   and following.text not in first_names()
                   and _is_proper_noun(tokens, index + 1, proper_elsewhere))
    return "NNP" if starts_name else "PLACE"


def _lower_case_tag(tokens: list[TaggedToken], index: int) -> str | None:
    """TITLE, OF or PARTICLE for the words that take them, else ``None``."""
    token = tokens[index]
    folded = token.text.casefold()
    if folded == "of":
        return "OF"
    following = tokens[index + 1] if index + 1 < len(tokens) else None
    if _is_title(folded) and not _before_currency(tokens, index) \
            and not (following and following.text.casefold() in listed("place_nouns")):
        return "TITLE"  # "Secretary-General Kofi Annan"; but "King Street" is a street
    if token.text in listed("name_particles", folded=False) and following and capitalised(following.text):
        return "PARTICLE"
    return None


def _chunk_tag(tokens: list[TaggedToken], index: int, proper_elsewhere: frozenset[str]) -> str:
    token = tokens[index]
    word = token.text
    folded = word.casefold()
    plain = "NN" if token.tag in ("NNP", "NNPS") else token.tag
    special = _lower_case_tag(tokens, index)
    if special or word[:1].islower():
        return special or plain
    if country_of_adjective(word):
        return _place_adjective_tag(tokens, index, proper_elsewhere)
    if _is_proper_noun(tokens, index, proper_elsewhere) and not _is_group(word):
        if index and folded in listed("legal_suffixes"):
            return "SUFFIX"
        return "ORG" if folded in listed("organisation_words") else "NNP"
    return plain


def _chunk_tags(tokens: list[TaggedToken], proper_elsewhere: frozenset[str]) -> list[str]:
    """The chunk tags of one sentence's tokens (see :func:`chunk_tagged`)."""
    titles, particles = listed("actor_titles"), listed("name_particles")
    # Most words are in lower case and no title, particle or "of": they keep the tagger's tag.
    return [token.tag if token.text[:1].islower() and token.tag not in ("NNP", "NNPS") and "-" not in token.text
            and token.text != "of" and token.text.casefold() not in titles and token.text not in particles
            else _chunk_tag(tokens, index, proper_elsewhere)
            for index, token in enumerate(tokens)]


def _tagged_groups(text: str) -> list[list[TaggedToken]]:
    groups: list[list[TaggedToken]] = [[] for _ in sentences(text)]
    for token in tag(text):
        groups[token.sentence].append(token)
    return groups


def chunk_tagged(text: str) -> list[list[tuple[str, str]]]:
    """Each sentence as ``(word, chunk tag)`` pairs: the input :data:`GRAMMAR` is written for.

    Besides the tagger's tags: ``TITLE``, ``PLACE`` (an adjective of place), ``OF``,
    ``ORG`` (a proper noun that is an organisation word: "Bank"), ``SUFFIX``
    ("Inc.") and ``PARTICLE`` ("del" in "Carla del Ponte").

    >>> chunk_tagged("The Chinese leader met President Putin.")[0]
    [('The', 'DT'), ('Chinese', 'PLACE'), ('leader', 'TITLE'), ('met', 'VBD'), ('President', 'TITLE'), ('Putin', 'NNP'), ('.', '.')]
    """
    text = unwrapped(require_text(text, "chunk_tagged"))
    groups = _tagged_groups(text)
    proper = _proper_mid_sentence(groups)
    return [list(zip([token.text for token in tokens], _chunk_tags(tokens, proper))) for tokens in groups]


# ----------------------------------------------------------------------------- candidates and clues


@dataclass(frozen=True)
class _Description:
    text: str
    start: int
    end: int
    sentence: int
    role: str
    country: str


def _span_text(text: str, tokens) -> tuple[str, int, int]:
    start, end = tokens[0].start, tokens[-1].end
    return text[start:end], start, end


NAME_TAGS = ("NNP", "ORG", "SUFFIX")
NAME_RULE_NAMES = frozenset(rule.name for rule in NAME_RULES)


def _list_neighbours(tokens: list[TaggedToken], tags: list[str], first: int, last: int) -> tuple[int, int]:
    """Widen ``first..last`` over a list of names joined by commas, "and", "or" and dashes."""
    joiners = {",", "and", "or", "—", "–"}
    while first >= 2 and tokens[first - 1].text in joiners and tags[first - 2] in NAME_TAGS:
        first -= 2
        while first and tags[first - 1] in NAME_TAGS:
            first -= 1
    while last + 2 < len(tokens) and tokens[last + 1].text in joiners and tags[last + 2] in NAME_TAGS:
        last += 2
        while last + 1 < len(tokens) and tags[last + 1] in NAME_TAGS:
            last += 1
    return first, last


def _sentence_candidates(text: str, tokens: list[TaggedToken], tags: list[str], grammar: str):
    """The NAME candidates and the descriptions in one tagged sentence."""
    # The parser only reads the tags, so each token's position stands in for its word.
    tree = chunking.parse(_parser(grammar), list(zip(range(len(tokens)), tags)))
    chunks = [(node.label(), [index for index, _ in node.leaves()]) for node in tree if hasattr(node, "label")]
    found: list[Candidate] = []
    descriptions: list[_Description] = []
    for number, (label, indices) in enumerate(chunks):
        if label == "NAME":
            previous = chunks[number - 1] if number else None
            role = None
            if previous and previous[0] == "ROLE" and previous[1][-1] + 1 == indices[0]:
                role_tokens = [tokens[i] for i in previous[1] if not (tags[i] == "DT" and i == previous[1][0])]
                role = _span_text(text, role_tokens)[0]
            found.append(_candidate(text, tokens, tags, indices, role, in_role=False))
            continue
        if label != "ROLE":
            continue
        following = chunks[number + 1] if number + 1 < len(chunks) else None
        followed_by_name = following and following[0] == "NAME" and following[1][0] == indices[-1] + 1
        prefix = _role_prefix(indices, tags)
        description = None if followed_by_name else _description(text, tokens, tags, indices, prefix)
        if description:
            descriptions.append(description)
        if prefix:
            found.append(_candidate(text, tokens, tags, prefix, None, in_role=True))
    return found, descriptions


def _role_prefix(indices: list[int], tags: list[str]) -> list[int]:
    """The proper nouns at the front of a role: "U.S." in "U.S. Secretary of State"."""
    prefix = []
    for index in indices:
        if tags[index] == "DT" and not prefix:
            continue
        if tags[index] not in ("NNP", "ORG"):
            break
        prefix.append(index)
    return prefix


def _description(text, tokens, tags, indices, prefix) -> _Description | None:
    """A role standing alone ("the Russian president") that names the place it belongs to."""
    country = next((country_of_adjective(tokens[i].text) for i in indices if tags[i] == "PLACE"), None)
    if country is None and prefix:
        country = mapped("seats_of_government").get(_span_text(text, [tokens[i] for i in prefix])[0])
    if country is None or tags[indices[-1]] != "TITLE":
        return None
    role_tokens = [tokens[i] for i in indices if tags[i] != "DT"]
    described, start, end = _span_text(text, [tokens[i] for i in indices])
    return _Description(described, start, end, tokens[0].sentence, _span_text(text, role_tokens)[0], country)


def _candidate(text, tokens, tags, indices, role, in_role) -> Candidate:
    name, start, end = _span_text(text, [tokens[i] for i in indices])
    if text[end:end + 1] == "." and name[-1:].isalpha() and _abbreviation(name + "."):
        name, end = name + ".", end + 1  # "the U.N." or "Calif." at the end of a sentence
    first, last = indices[0], indices[-1]
    context = Context([token.text for token in tokens], tags, first, last,
                      *_list_neighbours(tokens, tags, first, last))
    clues = name_clues(name) + context_clues(context)
    if role:
        clues.insert(0, Clue(PERSON, 3, f"the role '{role}' comes before it", "role before"))
    return Candidate(name, start, end, tokens[0].sentence, role, tuple(clues), in_role)


def _abbreviation(name: str) -> bool:
    return "." in name[:-1] and is_acronym(name) or name in listed("places", folded=False) \
        or name in listed("organisations", folded=False) or name.split()[-1].casefold() in listed("legal_suffixes")


def _compound_places(tokens: list[TaggedToken]) -> list[Candidate]:
    """ "Calgary-based": the place's name inside the compound, when the lists know it."""
    found = []
    for token in tokens:
        match = PLACE_COMPOUNDS.match(token.text)
        source = place_source(match["place"]) if match else None
        if source:
            place = match["place"]
            clue = Clue(LOCATION, 3, f"in {source}, before '-{token.text[len(place) + 1:]}'", "place compound")
            found.append(Candidate(place, token.start, token.start + len(place), token.sentence, None, (clue,)))
    return found


@text_cache(copy=None)
def _candidates(text: str, grammar: str) -> tuple[tuple[Candidate, ...], tuple[_Description, ...]]:
    text = unwrapped(text)
    # The words corpus takes a moment to read: read it with the first text, as a model is loaded, rather
    # than in the middle of whichever text first has a capitalised word at the start of a sentence.
    common_words()
    groups = _tagged_groups(text)
    proper = _proper_mid_sentence(groups)
    found, descriptions = [], []
    for tokens in groups:
        tags = _chunk_tags(tokens, proper)
        found.extend(_compound_places(tokens))
        if not {"NNP", "ORG", "TITLE"} & set(tags):
            continue
        names, described = _sentence_candidates(text, tokens, tags, grammar)
        found.extend(names)
        descriptions.extend(described)
    not_actors = listed("not_actors", folded=False)
    return tuple(candidate for candidate in found if candidate.text not in not_actors), tuple(descriptions)


def name_candidates(text: str, grammar: str = GRAMMAR) -> list[Candidate]:
    """Every name the chunk grammar found, with the role before it and the clues about its kind.

    >>> [(c.text, c.role, [str(clue) for clue in c.clues]) for c in name_candidates("Senator Kirby met John Smith.")]
    [('Kirby', 'Senator', ["PERSON +3: the role 'Senator' comes before it [role before]", "PERSON +1: 'Kirby' is a first name (names corpus) [lone first name]"]), ('John Smith', None, ["PERSON +2: starts with the first name 'John' (names corpus) [first name]"])]
    """
    return list(_candidates(require_text(text, "name_candidates"), grammar)[0])


# ----------------------------------------------------------------------------- merging and kinds


def _initials(name: str) -> str:
    return "".join(word[0] for word in name.split()
                   if word.lower() not in {"of", "the", "and", "for"} and word.casefold() not in listed("legal_suffixes"))


def _organisation_like(name: str) -> bool:
    return " " in name and any(clue.kind == ORGANIZATION for clue in name_clues(name))


def _canonical_names(names: set[str]) -> dict[str, str]:
    """Each name -> the fullest name it is a short form of (or itself).

    "Putin" -> "Vladimir Putin" (first or last word of one person-like name),
    "Maplewood" -> "Maplewood Outfitters Inc." (first word of one organisation-like name),
    "ICC" -> "International Criminal Court" (its initials).
    """
    longer = [name for name in names if " " in name]
    people = [name for name in longer if person_like(name)]
    organisations = [name for name in longer if _organisation_like(name)]
    by_initials: dict[str, list[str]] = defaultdict(list)
    for name in longer:
        by_initials[_initials(name)].append(name)
    canonical = {}
    for name in names:
        if " " in name:
            canonical[name] = name
            continue
        if is_acronym(name):
            targets = by_initials.get(name.replace(".", ""), [])
        else:
            targets = [other for other in people if name in (other.split()[0], other.split()[-1])]
            targets += [other for other in organisations if other.split()[0] == name and other not in targets]
        canonical[name] = targets[0] if len(targets) == 1 else name
    return canonical


@dataclass
class _Draft:
    name: str
    kind: str
    mentions: list[Mention] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    evidence: list[str] = field(default_factory=list)


def _drafts(candidates: tuple[Candidate, ...]) -> dict[str, _Draft]:
    canonical = _canonical_names({candidate.text for candidate in candidates})
    grouped: dict[str, list[Candidate]] = defaultdict(list)
    for candidate in candidates:
        grouped[canonical[candidate.text]].append(candidate)
    drafts = {}
    for name, members in grouped.items():
        # Each distinct clue counts once: "a first name" is no stronger for being repeated.
        # A short name's own name clues say little about the full name ("Wells" is a town, "Wells BDDP" is not).
        clues = list(dict.fromkeys(clue for member in members for clue in member.clues
                                   if member.text == name or clue.rule not in NAME_RULE_NAMES))
        kind = decide_kind(name, clues)
        if kind is None:
            continue
        if all(member.in_role for member in members) and not any(clue.weight >= 2 for clue in clues):
            continue  # "Defence" in "Defence Minister": a word in a role is a name only with good evidence
        draft = _Draft(name, kind)
        for member in members:
            draft.mentions.append(Mention(member.text, member.start, member.end, member.sentence))
            if member.role and member.role not in draft.roles:
                draft.roles.append(member.role)
        draft.evidence = [str(clue) for clue in clues] or ["no clue to its kind: the text does not say"]
        drafts[name] = draft
    return drafts


# ----------------------------------------------------------------------------- descriptions


def _role_country(role: str, location_names: dict[str, str]) -> str | None:
    """The country a role ties its holder to: "Ukrainian President" -> Ukraine, "U.S. Secretary" -> United States."""
    for seat, country in mapped("seats_of_government").items():
        if role.startswith(seat):
            return country
    for word in role.split():
        country = country_of_adjective(word) or location_names.get(word)
        if country:
            return country
    return None


def _role_anchors(drafts: dict[str, _Draft]) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """Countries each person's roles tie them to, and the persons each country is tied to."""
    location_names = {
        mention.text: draft.name for draft in drafts.values() if draft.kind == LOCATION for mention in draft.mentions
    }
    countries: dict[str, set[str]] = defaultdict(set)
    anchors: dict[str, set[str]] = defaultdict(set)
    for draft in drafts.values():
        for role in draft.roles if draft.kind == PERSON else ():
            country = _role_country(role, location_names)
            if country:
                countries[draft.name].add(country)
                anchors[country].add(draft.name)
    return countries, anchors


def _people_just_before(named: list[tuple[int, int, str]], position: int) -> set[str]:
    """The persons named in the nearest sentence, before ``position``, that names anyone."""
    index = bisect.bisect_left(named, (position,)) - 1
    nearest_sentence = named[index][1] if index >= 0 else None
    people = set()
    while index >= 0 and named[index][1] == nearest_sentence:
        people.add(named[index][2])
        index -= 1
    return people


def _resolve_descriptions(drafts: dict[str, _Draft], descriptions: tuple[_Description, ...]) -> list[_Description]:
    """Link descriptions to persons where it is safe; return the ones that were linked.

    First, anchors: a role ("Ukrainian President Volodymyr Zelenskyy") ties a country
    to a person, and so does a description whose nearest earlier sentence that names
    anyone names exactly one person. Then a description is linked when exactly one
    person tied to its country has been named before it.
    """
    named = sorted(
        (mention.start, mention.sentence, draft.name)
        for draft in drafts.values() if draft.kind == PERSON for mention in draft.mentions
    )
    countries, anchors = _role_anchors(drafts)
    for description in descriptions:
        people = _people_just_before(named, description.start)
        if len(people) == 1:
            person = people.pop()
            if countries.get(person, {description.country}) == {description.country}:
                anchors[description.country].add(person)
    first_named: dict[str, int] = {}
    for start, _, person in named:
        first_named.setdefault(person, start)
    linked = []
    for description in descriptions:
        before = [person for person in anchors[description.country] if first_named[person] < description.start]
        if len(before) == 1:
            draft = drafts[before[0]]
            draft.mentions.append(Mention(description.text, description.start, description.end,
                                          description.sentence, is_description=True))
            if description.role not in draft.roles:
                draft.roles.append(description.role)
            linked.append(description)
    return linked


def extract_actors(text: str, grammar: str = GRAMMAR) -> list[Actor]:
    """The people, organisations and places in ``text``, most-mentioned first.

    ``grammar`` is the chunk grammar (:data:`GRAMMAR` unless you pass your own, as
    lesson 4 does); results follow it and the word lists in use. A name with no
    clue to its kind is ``UNKNOWN``, and every actor's ``evidence`` says why its kind.

    Mentions include short names ("Putin"), names after a title ("President Xi":
    the mention is "Xi", the title a role), possessives ("Xi's" -> "Xi"), and
    descriptions that refer back ("the Russian president", ``is_description=True``)
    where the text makes it safe: the description's country is tied to exactly one
    person named before it, either by a role ("Ukrainian President Volodymyr
    Zelenskyy") or because somewhere a description of that country comes right
    after a sentence that names that person and nobody else.

    >>> actor = extract_actors("Vladimir Putin spoke. Later the Russian president left. Putin's car waited.")[0]
    >>> actor.name, actor.roles, [(m.text, m.is_description) for m in actor.mentions]
    ('Vladimir Putin', ('Russian president',), [('Vladimir Putin', False), ('the Russian president', True), ('Putin', False)])
    """
    return list(_extract_actors(require_text(text, "extract_actors"), grammar))


@text_cache(copy=None)
def _extract_actors(text: str, grammar: str = GRAMMAR) -> tuple[Actor, ...]:
    if not text.strip():
        return ()
    candidates, descriptions = _candidates(text, grammar)
    drafts = _drafts(candidates)
    linked = sorted((description.start, description.end) for description in _resolve_descriptions(drafts, descriptions))
    actors = []
    for draft in drafts.values():
        # "Kremlin" inside a linked "the Kremlin leader" is part of that description, not a mention of its own.
        # Each mention's text is the original's, line breaks and all, so text[start:end] holds.
        mentions = tuple(sorted(
            (replace(mention, text=text[mention.start:mention.end]) for mention in draft.mentions
             if mention.is_description or not _inside(mention.start, linked)),
            key=lambda mention: mention.start,
        ))
        if mentions:
            actors.append(Actor(draft.name, draft.kind, mentions, tuple(draft.roles), tuple(draft.evidence)))
    actors.sort(key=lambda actor: (-len(actor.mentions), actor.mentions[0].start))
    return tuple(actors)


# ----------------------------------------------------------------------------- quotes

DOUBLE_QUOTED = re.compile(r'"[^"\n]+"')
# A single quote opens before a word and closes after one; "Ukraine's" has neither.
SINGLE_QUOTED = re.compile(r"(?<!\w)'(?=\w)[^'\n]*?(?:\w'\w[^'\n]*?)*[\w.,!?]'(?!\w)")


def _quote_spans(text: str) -> list[tuple[int, int]]:
    straight = text.translate(STRAIGHTEN_QUOTES)
    double = [match.span() for match in DOUBLE_QUOTED.finditer(straight)]
    single = [match.span() for match in SINGLE_QUOTED.finditer(straight)
              if not _inside(match.start(), double) and not _inside(match.end() - 1, double)]
    return sorted(double + single)


def _inside(position: int, spans: list[tuple[int, int]]) -> bool:
    """Whether ``position`` falls inside one of the sorted, non-overlapping ``spans``."""
    index = bisect.bisect_right(spans, (position, float("inf"))) - 1
    return index >= 0 and spans[index][0] <= position < spans[index][1]


def _pronoun_antecedent(position: int, sentence: int, mentions_in, quoted) -> str | None:
    """The person a "he" or "she" at ``position`` most likely means.

    Look back sentence by sentence (at most three) for one that names a person
    outside quotation marks, and take the first person it names: usually the
    subject, which is who a following "he said" or "he added" is about.
    """
    for number in range(sentence, max(sentence - 3, -1), -1):
        people = [actor for mention, actor in mentions_in.get(number, ())
                  if mention.start < position and actor.kind == PERSON and not _inside(mention.start, quoted)]
        if people:
            return people[0].name
    return None


def _speech_verb(window: list[TaggedToken]) -> TaggedToken | None:
    verbs = listed("speech_verbs")
    return next((token for token in window if token.text.lower() in verbs and token.tag.startswith("VB")), None)


def _speaker(window: list[TaggedToken], mentions_in, quoted) -> str | None:
    """Who speaks: the nearest actor (or he/she) before the speech verb, else right after it."""
    verb = _speech_verb(window)
    if verb is None:
        return None
    nearby = [(mention, actor) for mention, actor in mentions_in.get(verb.sentence, ())
              if window[0].start <= mention.start and mention.end <= window[-1].end]
    before = [(mention, actor) for mention, actor in nearby if mention.end <= verb.start]
    pronouns = [token for token in window if token.start < verb.start and token.text.lower() in PRONOUNS]
    nearest = before[-1] if before else None
    if pronouns and (nearest is None or pronouns[-1].start > nearest[0].end):
        return _pronoun_antecedent(pronouns[-1].start, pronouns[-1].sentence, mentions_in, quoted)
    if nearest:
        return nearest[1].name
    after = [actor for mention, actor in nearby if mention.start >= verb.end]
    return after[0].name if after else None


def quotes(text: str, grammar: str = GRAMMAR) -> list[Quote]:
    """Every quotation in ``text`` (in double or single quote marks) and who says it.

    The speaker is found by a speech verb ("said", "added", "urged", ...) in the
    same sentence: after the quotation (``"...," Blinken said``) or before it
    (``Kirby urged Xi "to press..."``). "he"/"she" is resolved to a person named
    earlier (see ``_pronoun_antecedent``); "it" and "they" are left as ``None``.

    >>> [(q.text, q.speaker) for q in quotes('Antony Blinken spoke. "We will act," he added.')]
    [('"We will act,"', 'Antony Blinken')]
    """
    return list(_quotes(require_text(text, "quotes"), grammar))


@text_cache(copy=None)
def _quotes(text: str, grammar: str = GRAMMAR) -> tuple[Quote, ...]:
    if not text.strip():
        return ()
    quoted = _quote_spans(text)
    mentions_in: dict[int, list[tuple[Mention, Actor]]] = defaultdict(list)
    for actor in _extract_actors(text, grammar):
        for mention in actor.mentions:
            mentions_in[mention.sentence].append((mention, actor))
    for pairs in mentions_in.values():
        pairs.sort(key=lambda pair: pair[0].start)
    by_sentence: dict[int, list[TaggedToken]] = defaultdict(list)
    working = unwrapped(text)  # the same sentences as the actors' mentions
    for token in tag(working):
        by_sentence[token.sentence].append(token)
    found_sentences = sentences(working)
    sentence_starts = [sentence.start for sentence in found_sentences]
    found = []
    for start, end in quoted:
        index = bisect.bisect_right(sentence_starts, start) - 1
        if index < 0 or start >= found_sentences[index].end:
            continue
        sentence = found_sentences[index]
        tokens = [token for token in by_sentence[sentence.index] if not _inside(token.start, quoted)]
        after = [token for token in tokens if token.start >= end][:8]
        before = [token for token in tokens if token.end <= start]
        speaker = _speaker(after, mentions_in, quoted) if after else None
        if speaker is None and before:
            speaker = _speaker(before, mentions_in, quoted)
        found.append(Quote(text[start:end], start, end, sentence.index, speaker))
    return tuple(found)


# ----------------------------------------------------------------------------- network


def actor_network(text: str, grammar: str = GRAMMAR):
    """A ``networkx.Graph`` of the actors: an edge joins two actors named in the same sentence.

    Nodes carry ``kind`` and ``mentions`` (how many); an edge's ``weight`` is the
    number of sentences that mention both.

    >>> graph = actor_network("President Xi met Vladimir Putin in Moscow. Xi and Putin talked.")
    >>> graph["Xi"]["Vladimir Putin"]["weight"], graph.nodes["Moscow"]["kind"]
    (2, 'LOCATION')
    """
    import networkx as nx

    require_text(text, "actor_network")
    graph = nx.Graph()
    in_sentence: dict[int, set[str]] = defaultdict(set)
    for actor in _extract_actors(text, grammar):
        graph.add_node(actor.name, kind=actor.kind, mentions=len(actor.mentions))
        for mention in actor.mentions:
            in_sentence[mention.sentence].add(actor.name)
    for names in in_sentence.values():
        ordered = sorted(names)
        for number, first in enumerate(ordered):
            for second in ordered[number + 1:]:
                weight = graph.get_edge_data(first, second, {"weight": 0})["weight"]
                graph.add_edge(first, second, weight=weight + 1)
    return graph


# ----------------------------------------------------------------------------- NLTK's ne_chunk, where installed

NE_CHUNK_MODEL = "chunkers/maxent_ne_chunker_tab/english_ace_multiclass/"
NE_CHUNK_KINDS = {"PERSON": PERSON, "ORGANIZATION": ORGANIZATION, "GPE": LOCATION, "LOCATION": LOCATION,
                  "FACILITY": LOCATION, "GSP": LOCATION}


def ne_chunk_available() -> bool:
    """Whether NLTK's statistical named-entity chunker (``maxent_ne_chunker_tab``) is installed."""
    import nltk

    try:
        nltk.data.find(NE_CHUNK_MODEL)
    except LookupError:
        return False
    return True


def compare_with_ne_chunk(text: str) -> list[tuple[str, str, str]]:
    """``(name, ne_chunk's kind, our kind)`` for every name either method finds ("-" where one has none).

    Raises :class:`lessons.MissingResourceError` when ``maxent_ne_chunker_tab`` is not installed.
    """
    import nltk

    require_text(text, "compare_with_ne_chunk")
    if not ne_chunk_available():
        raise MissingResourceError("maxent_ne_chunker_tab")
    theirs: dict[str, str] = {}
    for tokens in _tagged_groups(text):
        tree = nltk.ne_chunk([(token.text, token.tag) for token in tokens])
        for node in tree:
            if hasattr(node, "label"):
                name = " ".join(word for word, _ in node.leaves())
                theirs.setdefault(name, NE_CHUNK_KINDS.get(node.label(), node.label()))
    ours = {mention.text: actor.kind for actor in _extract_actors(text, GRAMMAR) for mention in actor.mentions
            if not mention.is_description}
    return [(name, theirs.get(name, "-"), ours.get(name, "-")) for name in sorted(set(theirs) | set(ours))]


def actors_table(actors: list[Actor]) -> Table:
    """The actors as a :class:`~lessons.highlight.Table`: name, kind, mentions, descriptions, roles."""
    return Table(
        ["actor", "kind", "mentions", "of which descriptions", "roles"],
        [(actor.name, actor.kind, len(actor.mentions), sum(m.is_description for m in actor.mentions),
          "; ".join(actor.roles)) for actor in actors],
    )


@dataclass(frozen=True)
class Scores:
    """Mention-level precision and recall: a found mention counts when span, actor name and kind all match."""

    precision: float
    recall: float
    matched: int
    found: int
    expected: int


def score_mentions(actors: list[Actor], gold: list[tuple[str, str, int, int]]) -> Scores:
    """Compare the mentions of ``actors`` with gold ``(name, kind, start, end)`` rows.

    An UNKNOWN actor claims no kind, so its mentions are not counted as found (as in
    :func:`found_spans`). With no title or first name, "Putin" alone is UNKNOWN, so it is missed:

    >>> score_mentions(extract_actors("Putin flew in from Moscow."), [("Putin", "PERSON", 0, 5), ("Moscow", "LOCATION", 19, 25)])
    Scores(precision=1.0, recall=0.5, matched=1, found=1, expected=2)
    """
    found = {(actor.name, actor.kind, mention.start, mention.end)
             for actor in actors if actor.kind != UNKNOWN for mention in actor.mentions}
    expected = set(gold)
    matched = len(found & expected)
    return Scores(matched / len(found) if found else 0.0, matched / len(expected) if expected else 0.0,
                  matched, len(found), len(expected))


# ----------------------------------------------------------------------------- scoring against gold standards


def found_spans(text: str, grammar: str = GRAMMAR) -> list:
    """Every name mention as a :class:`lessons.evaluation.Found`, for scoring against IEER or our gold files.

    IEER marks names only, so descriptions ("the Russian president") are left out, and
    so are UNKNOWN names: the extractor does not claim a kind for them.

    >>> [(found.start, found.end, found.kind) for found in found_spans("Shopify Inc. hired Marc Tremblay.")]
    [(0, 12, 'ORGANIZATION'), (19, 32, 'PERSON')]
    """
    from lessons.evaluation import Found

    return sorted((Found(mention.start, mention.end, actor.kind)
                   for actor in _extract_actors(require_text(text, "found_spans"), grammar)
                   if actor.kind in KINDS for mention in actor.mentions if not mention.is_description),
                  key=lambda found: (found.start, found.end))


def clear_actor_caches() -> None:
    """Forget the actors' cached results (the tagger's stay): for timing the actors' own work."""
    for cached in (_candidates, _extract_actors, _quotes):
        cached.cache_clear()


def ne_chunk_spans(text: str) -> list:
    """What NLTK's ``ne_chunk`` finds, as :class:`lessons.evaluation.Found` spans in our kinds (GPE -> LOCATION).

    Raises :class:`lessons.MissingResourceError` when ``maxent_ne_chunker_tab`` is not installed.
    """
    import nltk

    from lessons.evaluation import Found

    require_text(text, "ne_chunk_spans")
    if not ne_chunk_available():
        raise MissingResourceError("maxent_ne_chunker_tab")
    found = []
    for tokens in _tagged_groups(unwrapped(text)):
        position = 0
        for node in nltk.ne_chunk([(token.text, token.tag) for token in tokens]):
            width = len(node.leaves()) if hasattr(node, "label") else 1
            kind = NE_CHUNK_KINDS.get(node.label()) if hasattr(node, "label") else None
            if kind:
                found.append(Found(tokens[position].start, tokens[position + width - 1].end, kind))
            position += width
    return found


# ----------------------------------------------------------------------------- learning how much each clue weighs


def clue_features(actor: Actor) -> dict[str, bool]:
    """The readable features of an actor for a classifier: which rules gave it clues, and its shape.

    >>> sorted(clue_features(extract_actors("Shopify Inc. grew.")[0]))
    ['one word: False', 'rule: legal suffix']
    """
    rules = {clue.partition("[")[2].rstrip("]") for clue in actor.evidence if clue.endswith("]")}
    return {**{f"rule: {rule}": True for rule in sorted(rules)}, "one word: " + str(" " not in actor.name): True}


def labelled_actors(documents) -> list[tuple[dict[str, bool], str]]:
    """``(features, gold kind)`` for every actor with a name mention that a gold span of its document marks."""
    labelled = []
    for document in documents:
        gold = {(span.start, span.end): span.kind for span in document.spans if span.kind in KINDS}
        for actor in extract_actors(document.text):
            kinds = [gold[(m.start, m.end)] for m in actor.mentions if (m.start, m.end) in gold]
            if kinds:
                labelled.append((clue_features(actor), max(set(kinds), key=kinds.count)))
    return labelled


def learn_kinds(documents):
    """An NLTK naive Bayes classifier of actor kinds, trained on the actors of gold ``documents``.

    Chapter 6 of the NLTK book: ``classifier.show_most_informative_features()`` shows which
    rules count most. Its kinds can replace the hand-set weights: see ``benchmarks/actors.py``.
    """
    import nltk

    return nltk.NaiveBayesClassifier.train(labelled_actors(documents))
