"""Who is in the story: people, organisations and places, who says what, and who appears with whom.

Lesson 4 (``04_actors.ipynb``) builds this up step by step. NLTK's statistical
``ne_chunk`` needs a model (``maxent_ne_chunker_tab``) that is not always
installed, so the main path here is one you can read and change:

1. **Chunk tags.** Each token's part-of-speech tag (from :func:`lessons.tag`) is
   adjusted for chunking: a capitalised word in mid-sentence is a proper noun
   (``NNP``) even when the tagger said otherwise ("Xi" is sometimes tagged
   ``CC``); a capital at the start of a sentence proves nothing on its own; title
   words ("President", "spokesperson") get the tag ``TITLE``; adjectives of place
   ("Russian", "Chinese", and the plural "Russians") get ``PLACE``; "of" gets ``OF``.
2. **Chunks.** An NLTK ``RegexpParser`` with :data:`GRAMMAR` groups them into
   ``ROLE`` chunks ("U.S. Secretary of State", "the Chinese leader") and ``NAME``
   chunks ("Antony Blinken").
3. **Evidence.** Each name collects clues, each with a kind, a weight and a
   reason you can read: a title before it, NLTK's ``names`` and ``gazetteers``
   corpora, organisation words (Court, Council, army, forces...), a place word
   after it ("region"), a preposition of place before it ("in", "at").
4. **Merging.** "Putin" joins "Vladimir Putin" and "Xi" joins "Xi Jinping" (a
   one-word name that is the first or last word of exactly one longer name);
   "ICC" joins "International Criminal Court" (its initials). The fullest form
   is the canonical name; the clues of all mentions decide the kind.
5. **Descriptions that refer back.** "the Chinese leader" is linked to a person
   only when the text makes it safe: see :func:`extract_actors`.

**Adjectives of place** ("Russian", "Chinese", "Ukrainian", "Russians") are never
actors or mentions by themselves. They link to a country by their spelling
("Ukrainian" -> "Ukraine", with a few irregular ones listed in
:data:`IRREGULAR_ADJECTIVES`), and that link is used as evidence twice: a role
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
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from lessons.data import MissingResourceError, require
from lessons.highlight import table
from lessons.tagging import TaggedToken, tag
from lessons.tokens import STRAIGHTEN_QUOTES, require_text, sentences

PERSON, ORGANIZATION, LOCATION = "PERSON", "ORGANIZATION", "LOCATION"
KINDS = (PERSON, ORGANIZATION, LOCATION)

# The chunk grammar, over the chunk tags described above. ROLE comes first, so a
# title and the words that qualify it are taken before NAME looks for names.
GRAMMAR = r"""
  ROLE: {<DT>?<PLACE|JJ.*|NN|NNS|NNP>*<TITLE>+(<OF><NNP>)?}
  NAME: {<NNP>+}
"""

# Words that name a role when they come before a name (lower case).
TITLE_WORDS = frozenset(
    "president vice-president leader minister secretary spokesperson spokesman spokeswoman boss chief "
    "chancellor premier ambassador envoy senator governor mayor king queen prince princess pope "
    "prosecutor judge director chairman chairwoman chair commander ceo founder mr mrs ms dr "
    "lieutenant colonel sergeant captain admiral".split()
)
# The last word of an organisation's name, or the noun right after it ("Wagner forces").
ORGANIZATION_WORDS = frozenset(
    "court house council union press ministry agency party army forces committee commission bank "
    "company corporation university institute organization organisation association department "
    "office parliament congress senate assembly government police group fund network tribunal "
    "federation alliance militia league".split()
)
# Nouns that follow a place's name ("the Donetsk region").
PLACE_NOUNS = frozenset("region regions province city town village oblast county district river capital".split())
LOCATIVE_PREPOSITIONS = frozenset("in at from near toward towards into across outside inside throughout".split())
# Newsrooms name a government by its seat ("the Kremlin said"): each seat, and the country it speaks for.
SEATS_OF_GOVERNMENT = {
    "Kremlin": "Russia",
    "White House": "United States",
    "Pentagon": "United States",
    "Downing Street": "United Kingdom",
    "Elysee": "France",
    "Élysée": "France",
    "Zhongnanhai": "China",
}
# Adjectives of place whose country's name is not spelled like them.
IRREGULAR_ADJECTIVES = {
    "American": "United States",
    "British": "United Kingdom",
    "French": "France",
    "Dutch": "Netherlands",
    "Swiss": "Switzerland",
    "Irish": "Ireland",
    "Greek": "Greece",
    "Spanish": "Spain",
    "Turkish": "Turkey",
    "Welsh": "Wales",
    "Scottish": "Scotland",
}
CALENDAR_WORDS = frozenset(
    word for word in (*calendar.day_name, *calendar.month_name, *calendar.day_abbr, *calendar.month_abbr) if word
)
GAZETTEER_FILES = ("countries.txt", "uscities.txt", "usstates.txt", "caprovinces.txt", "mexstates.txt")
# Where a new sentence starts inside a sentence: after an opening quote, a colon, a dash or a bar.
OPENERS = frozenset({'"', "'", "``", "“", "‘", ":", "—", "–", "|", "(", "-"})
PROMOTABLE_TAGS = frozenset("NN NNS CC VB VBD VBG VBN VBP VBZ RB FW".split())
PRONOUNS = frozenset({"he", "she"})
SPEECH_VERBS = frozenset(
    "say says said saying add adds added tell tells told urge urges urged write writes wrote "
    "state states stated ask asks asked warn warns warned confess confesses confessed denounce "
    "denounces denounced announce announces announced claim claims claimed insist insists insisted "
    "explain explains explained note notes noted reply replies replied argue argues argued".split()
)


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
    """A person, organisation or place with every mention, the roles the text gives it, and why its kind."""

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
class Clue:
    """One piece of evidence about a name's kind: which kind, how strong, and why."""

    kind: str
    weight: float
    reason: str

    def __str__(self) -> str:
        return f"{self.kind} +{self.weight:g}: {self.reason}"


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
def _first_names() -> frozenset[str]:
    from nltk.corpus import names

    require("names")
    return frozenset(names.words())


@lru_cache(maxsize=1)
def _gazetteer() -> dict[str, str]:
    """Place name -> the gazetteer file it comes from."""
    from nltk.corpus import gazetteers

    require("gazetteers")
    places: dict[str, str] = {}
    for fileid in GAZETTEER_FILES:
        for place in gazetteers.words(fileid):
            places.setdefault(place, fileid)
    return places


@lru_cache(maxsize=1)
def _nationalities() -> frozenset[str]:
    from nltk.corpus import gazetteers

    require("gazetteers")
    return frozenset(gazetteers.words("nationalities.txt"))


@lru_cache(maxsize=1)
def _common_words() -> frozenset[str]:
    """Lower-case English words (NLTK's ``words`` list also has capitalised names; those are left out)."""
    from nltk.corpus import words

    require("words")
    return frozenset(word for word in words.words() if word.islower())


@lru_cache(maxsize=1)
def _parser():
    import nltk

    return nltk.RegexpParser(GRAMMAR)


@lru_cache(maxsize=512)
def country_of_adjective(adjective: str) -> str | None:
    """The country an adjective of place points to, by its spelling, or ``None``.

    >>> country_of_adjective("Ukrainian"), country_of_adjective("American"), country_of_adjective("big")
    ('Ukraine', 'United States', None)
    """
    singular = adjective[:-1] if adjective.endswith("s") and adjective[:-1] in _nationalities() else adjective
    if singular in IRREGULAR_ADJECTIVES:
        return IRREGULAR_ADJECTIVES[singular]
    if singular not in _nationalities():
        return None
    best, best_length = None, 0
    for place, fileid in _gazetteer().items():
        if fileid != "countries.txt":
            continue
        shared = len(os.path.commonprefix([singular, place]))
        # The country's name, give or take its last letter, starts the adjective: China/Chinese, Russia/Russian.
        if shared >= max(4, len(place) - 1) and shared > best_length:
            best, best_length = place, shared
    return best


# ----------------------------------------------------------------------------- chunk tags


def _capitalised(word: str) -> bool:
    return word[:1].isupper() and any(character.isalpha() for character in word)


def _is_acronym(word: str) -> bool:
    letters = word.replace(".", "")
    return len(letters) >= 2 and letters.isalpha() and letters.isupper()


def _starts_sentence(tokens: list[TaggedToken], index: int) -> bool:
    earlier = [token for token in tokens[:index] if any(character.isalnum() for character in token.text)]
    return not earlier or tokens[index - 1].text in OPENERS


def _proper_mid_sentence(groups: list[list[TaggedToken]]) -> frozenset[str]:
    """Words that are capitalised and tagged as proper nouns somewhere in mid-sentence."""
    return frozenset(
        token.text
        for tokens in groups
        for index, token in enumerate(tokens)
        if token.tag in ("NNP", "NNPS") and _capitalised(token.text) and not _starts_sentence(tokens, index)
    )


def _is_proper_noun(tokens: list[TaggedToken], index: int, proper_elsewhere: frozenset[str]) -> bool:
    token = tokens[index]
    word = token.text
    if not _capitalised(word) or word in CALENDAR_WORDS or len(word) == 1:
        return False
    if index and tokens[index - 1].tag == "CD" and _is_acronym(word):
        return False  # "$350 million US": a currency, not the country
    following = tokens[index + 1] if index + 1 < len(tokens) else None
    next_is_name = following is not None and following.tag in ("NNP", "NNPS") and _capitalised(following.text)
    if not _starts_sentence(tokens, index):
        # "European Commission": a capitalised adjective that starts a name belongs to it.
        return token.tag in ("NNP", "NNPS") or token.tag in PROMOTABLE_TAGS or (token.tag == "JJ" and next_is_name)
    # At the start of a sentence every word is capitalised, so ask for more.
    if word in proper_elsewhere and not token.tag.startswith("VB"):
        return True  # "Xi, for his part": the same word is a name elsewhere ("Fighting that..." is not)
    if token.tag in ("NNP", "NNPS") and word in _gazetteer():
        return True  # "Canada is ready": a place the gazetteer knows
    return token.tag in ("NNP", "NNPS") and (next_is_name or word.lower() not in _common_words())


def _chunk_tag(tokens: list[TaggedToken], index: int, proper_elsewhere: frozenset[str]) -> str:
    token = tokens[index]
    word = token.text
    if word.lower() in TITLE_WORDS:
        return "TITLE"
    if word.lower() == "of":
        return "OF"
    if country_of_adjective(word):
        following = tokens[index + 1] if index + 1 < len(tokens) else None
        # "European Union": an adjective of place that starts a name is part of the name.
        if not (following and following.text.lower() not in TITLE_WORDS
                and _is_proper_noun(tokens, index + 1, proper_elsewhere)):
            return "PLACE"
    if _is_proper_noun(tokens, index, proper_elsewhere):
        return "NNP"
    return "NN" if token.tag in ("NNP", "NNPS") else token.tag


def _tagged_groups(text: str) -> list[list[TaggedToken]]:
    groups: list[list[TaggedToken]] = [[] for _ in sentences(text)]
    for token in tag(text):
        groups[token.sentence].append(token)
    return groups


def chunk_tagged(text: str) -> list[list[tuple[str, str]]]:
    """Each sentence as ``(word, chunk tag)`` pairs: the input :data:`GRAMMAR` is written for.

    >>> chunk_tagged("The Chinese leader met President Putin.")[0]
    [('The', 'DT'), ('Chinese', 'PLACE'), ('leader', 'TITLE'), ('met', 'VBD'), ('President', 'TITLE'), ('Putin', 'NNP'), ('.', '.')]
    """
    require_text(text, "chunk_tagged")
    groups = _tagged_groups(text)
    proper = _proper_mid_sentence(groups)
    return [[(token.text, _chunk_tag(tokens, i, proper)) for i, token in enumerate(tokens)] for tokens in groups]


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


def _list_neighbours(tokens: list[TaggedToken], tags: list[str], first: int, last: int) -> tuple[int, int]:
    """Widen ``first..last`` over a list of names joined by commas, "and", "or" and dashes."""
    joiners = {",", "and", "or", "—", "–"}
    while first >= 2 and tokens[first - 1].text in joiners and tags[first - 2] == "NNP":
        first -= 2
        while first and tags[first - 1] == "NNP":
            first -= 1
    while last + 2 < len(tokens) and tokens[last + 1].text in joiners and tags[last + 2] == "NNP":
        last += 2
        while last + 1 < len(tokens) and tags[last + 1] == "NNP":
            last += 1
    return first, last


def _context_clues(tokens: list[TaggedToken], tags: list[str], first: int, last: int) -> list[Clue]:
    clues = []
    words = [token.text.lower() for token in tokens]
    after = last + 1
    if after + 1 < len(tokens) and tags[after] in ("JJ", "NN"):
        after += 1  # "Wagner private army", "TASS news agency"
    if after < len(tokens) and words[after] in ORGANIZATION_WORDS:
        clues.append(Clue(ORGANIZATION, 2, f"followed by '{tokens[after].text}'"))
    list_first, list_last = _list_neighbours(tokens, tags, first, last)
    if list_last + 1 < len(tokens) and words[list_last + 1] in PLACE_NOUNS:
        clues.append(Clue(LOCATION, 2, f"followed by '{tokens[list_last + 1].text}'"))
    before = list_first - 1
    if before >= 0 and words[before] == "the":
        before -= 1
    if before >= 1 and words[before] == "of" and words[before - 1] in PLACE_NOUNS:
        clues.append(Clue(LOCATION, 2, f"after '{tokens[before - 1].text} of'"))
    elif before >= 0 and words[before] in LOCATIVE_PREPOSITIONS:
        clues.append(Clue(LOCATION, 1, f"after the preposition '{tokens[before].text}'"))
    return clues


def _name_clues(name: str) -> list[Clue]:
    words = name.split()
    clues = []
    if name in SEATS_OF_GOVERNMENT:
        clues.append(Clue(ORGANIZATION, 3, f"a seat of government ({SEATS_OF_GOVERNMENT[name]})"))
    if words[-1].lower() in ORGANIZATION_WORDS:
        clues.append(Clue(ORGANIZATION, 2, f"ends with the organisation word '{words[-1]}'"))
    if name in _gazetteer():
        clues.append(Clue(LOCATION, 3, f"in the gazetteer {_gazetteer()[name]}"))
    if words[0] in _first_names() and not _is_acronym(words[0]):
        if 2 <= len(words) <= 3 and all(_capitalised(word) for word in words):
            clues.append(Clue(PERSON, 2, f"starts with the first name '{words[0]}' (names corpus)"))
        elif len(words) == 1:
            clues.append(Clue(PERSON, 1, f"'{name}' is a first name (names corpus)"))
    elif _person_like(name) and not any(word.lower() in _common_words() for word in words):
        clues.append(Clue(PERSON, 1, "two or three capitalised words, none of them English: shaped like a name"))
    return clues


def _sentence_candidates(text: str, tokens: list[TaggedToken], tags: list[str]):
    """The NAME candidates and the descriptions in one tagged sentence."""
    # The parser only reads the tags, so each token's position stands in for its word.
    tree = _parser().parse(list(zip(range(len(tokens)), tags)))
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
        if tags[index] != "NNP":
            break
        prefix.append(index)
    return prefix


def _description(text, tokens, tags, indices, prefix) -> _Description | None:
    """A role standing alone ("the Russian president") that names the place it belongs to."""
    country = next((country_of_adjective(tokens[i].text) for i in indices if tags[i] == "PLACE"), None)
    if country is None and prefix:
        country = SEATS_OF_GOVERNMENT.get(_span_text(text, [tokens[i] for i in prefix])[0])
    if country is None or tags[indices[-1]] != "TITLE":
        return None
    role_tokens = [tokens[i] for i in indices if tags[i] != "DT"]
    described, start, end = _span_text(text, [tokens[i] for i in indices])
    return _Description(described, start, end, tokens[0].sentence, _span_text(text, role_tokens)[0], country)


def _candidate(text, tokens, tags, indices, role, in_role) -> Candidate:
    name, start, end = _span_text(text, [tokens[i] for i in indices])
    clues = _name_clues(name) + _context_clues(tokens, tags, indices[0], indices[-1])
    if role:
        clues.insert(0, Clue(PERSON, 3, f"the role '{role}' comes before it"))
    return Candidate(name, start, end, tokens[0].sentence, role, tuple(clues), in_role)


@lru_cache(maxsize=16)
def _candidates(text: str) -> tuple[tuple[Candidate, ...], tuple[_Description, ...]]:
    groups = _tagged_groups(text)
    proper = _proper_mid_sentence(groups)
    found, descriptions = [], []
    for tokens in groups:
        tags = [_chunk_tag(tokens, index, proper) for index in range(len(tokens))]
        if "NNP" not in tags and "TITLE" not in tags:
            continue
        names, described = _sentence_candidates(text, tokens, tags)
        found.extend(names)
        descriptions.extend(described)
    return tuple(found), tuple(descriptions)


def name_candidates(text: str) -> list[Candidate]:
    """Every name the chunk grammar found, with the role before it and the clues about its kind.

    >>> [(c.text, c.role, [str(clue) for clue in c.clues]) for c in name_candidates("Senator Kirby met John Smith.")]
    [('Kirby', 'Senator', ["PERSON +3: the role 'Senator' comes before it", "PERSON +1: 'Kirby' is a first name (names corpus)"]), ('John Smith', None, ["PERSON +2: starts with the first name 'John' (names corpus)"])]
    """
    return list(_candidates(require_text(text, "name_candidates"))[0])


# ----------------------------------------------------------------------------- merging and kinds


def _initials(name: str) -> str:
    return "".join(word[0] for word in name.split() if word.lower() not in {"of", "the", "and", "for"})


def _person_like(name: str) -> bool:
    words = name.split()
    return (
        2 <= len(words) <= 3
        and (words[0] in _first_names() or words[-1].lower() not in _common_words())
        and all(_capitalised(word) and not _is_acronym(word) for word in words)
        and words[-1].lower() not in ORGANIZATION_WORDS
        and name not in _gazetteer()
        and name not in SEATS_OF_GOVERNMENT
    )


def _canonical_names(names: set[str]) -> dict[str, str]:
    """Each name -> the fullest name it is a short form of (or itself)."""
    longer = [name for name in names if _person_like(name)]
    canonical = {}
    for name in names:
        if " " in name:
            canonical[name] = name
        elif _is_acronym(name):
            letters = name.replace(".", "")
            targets = [other for other in names if " " in other and _initials(other) == letters]
            canonical[name] = targets[0] if len(targets) == 1 else name
        else:
            targets = [other for other in longer if name in (other.split()[0], other.split()[-1])]
            canonical[name] = targets[0] if len(targets) == 1 else name
    return canonical


def _decide_kind(name: str, clues: list[Clue]) -> tuple[str | None, list[Clue]]:
    scores: Counter[str] = Counter()
    for clue in clues:
        scores[clue.kind] += clue.weight
    if scores:
        return max(KINDS, key=lambda kind: (scores[kind], -KINDS.index(kind))), clues
    if " " not in name and not _is_acronym(name) and name.lower() not in _common_words():
        # Journalists introduce a person by full name or title, so a bare one-word name that is
        # not an English word ("Kyiv", not "Budget") is most often a place.
        return LOCATION, [Clue(LOCATION, 0, "no other evidence: a one-word name defaults to a place")]
    return None, clues


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
        kind, clues = _decide_kind(name, list(dict.fromkeys(clue for member in members for clue in member.clues)))
        if kind is None:
            continue
        if all(member.in_role for member in members) and not any(clue.weight >= 2 for clue in clues):
            continue  # "Defence" in "Defence Minister": a word in a role is a name only with good evidence
        draft = _Draft(name, kind)
        for member in members:
            draft.mentions.append(Mention(member.text, member.start, member.end, member.sentence))
            if member.role and member.role not in draft.roles:
                draft.roles.append(member.role)
        draft.evidence = list(dict.fromkeys(str(clue) for clue in clues))
        drafts[name] = draft
    return drafts


# ----------------------------------------------------------------------------- descriptions


def _role_country(role: str, location_names: dict[str, str]) -> str | None:
    """The country a role ties its holder to: "Ukrainian President" -> Ukraine, "U.S. Secretary" -> United States."""
    for seat, country in SEATS_OF_GOVERNMENT.items():
        if role.startswith(seat):
            return country
    for word in role.split():
        country = country_of_adjective(word) or location_names.get(word)
        if country:
            return country
    return None


def _resolve_descriptions(drafts: dict[str, _Draft], descriptions: tuple[_Description, ...]) -> list[_Description]:
    """Link descriptions to persons where it is safe; return the ones that were linked.

    First, anchors: a role ("Ukrainian President Volodymyr Zelenskyy") ties a country
    to a person, and so does a description whose nearest earlier sentence that names
    anyone names exactly one person. Then a description is linked when exactly one
    person tied to its country has been named before it.
    """
    location_names = {
        mention.text: draft.name for draft in drafts.values() if draft.kind == LOCATION for mention in draft.mentions
    }
    named = sorted(
        (mention.start, mention.sentence, draft.name)
        for draft in drafts.values() if draft.kind == PERSON for mention in draft.mentions
    )
    countries: dict[str, set[str]] = defaultdict(set)
    anchors: dict[str, set[str]] = defaultdict(set)
    for draft in drafts.values():
        for role in draft.roles if draft.kind == PERSON else ():
            country = _role_country(role, location_names)
            if country:
                countries[draft.name].add(country)
                anchors[country].add(draft.name)
    for description in descriptions:
        index = bisect.bisect_left(named, (description.start,)) - 1
        nearest_sentence = named[index][1] if index >= 0 else None
        people = set()
        while index >= 0 and named[index][1] == nearest_sentence:
            people.add(named[index][2])
            index -= 1
        if len(people) == 1:
            person = people.pop()
            if countries.get(person, {description.country}) == {description.country}:
                anchors[description.country].add(person)
    first_named = {}
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


def extract_actors(text: str) -> list[Actor]:
    """The people, organisations and places in ``text``, most-mentioned first.

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
    return list(_extract_actors(require_text(text, "extract_actors")))


@lru_cache(maxsize=16)
def _extract_actors(text: str) -> tuple[Actor, ...]:
    if not text.strip():
        return ()
    candidates, descriptions = _candidates(text)
    drafts = _drafts(candidates)
    linked = sorted((description.start, description.end) for description in _resolve_descriptions(drafts, descriptions))
    actors = []
    for draft in drafts.values():
        # "Kremlin" inside a linked "the Kremlin leader" is part of that description, not a mention of its own.
        mentions = tuple(sorted(
            (mention for mention in draft.mentions if mention.is_description or not _inside(mention.start, linked)),
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


def _speaker(window: list[TaggedToken], mentions_in, quoted) -> str | None:
    """Who speaks: the nearest actor (or he/she) before the speech verb, else right after it."""
    verb = next((token for token in window if token.text.lower() in SPEECH_VERBS and token.tag.startswith("VB")), None)
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


def quotes(text: str) -> list[Quote]:
    """Every quotation in ``text`` (in double or single quote marks) and who says it.

    The speaker is found by a speech verb ("said", "added", "urged", ...) in the
    same sentence: after the quotation (``"...," Blinken said``) or before it
    (``Kirby urged Xi "to press..."``). "he"/"she" is resolved to a person named
    earlier (see ``_pronoun_antecedent``); "it" and "they" are left as ``None``.

    >>> [(q.text, q.speaker) for q in quotes('Antony Blinken spoke. "We will act," he added.')]
    [('"We will act,"', 'Antony Blinken')]
    """
    return list(_quotes(require_text(text, "quotes")))


@lru_cache(maxsize=16)
def _quotes(text: str) -> tuple[Quote, ...]:
    if not text.strip():
        return ()
    quoted = _quote_spans(text)
    mentions_in: dict[int, list[tuple[Mention, Actor]]] = defaultdict(list)
    for actor in _extract_actors(text):
        for mention in actor.mentions:
            mentions_in[mention.sentence].append((mention, actor))
    for pairs in mentions_in.values():
        pairs.sort(key=lambda pair: pair[0].start)
    by_sentence: dict[int, list[TaggedToken]] = defaultdict(list)
    for token in tag(text):
        by_sentence[token.sentence].append(token)
    found_sentences = sentences(text)
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


def actor_network(text: str):
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
    for actor in _extract_actors(text):
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
    ours = {mention.text: actor.kind for actor in _extract_actors(text) for mention in actor.mentions
            if not mention.is_description}
    return [(name, theirs.get(name, "-"), ours.get(name, "-")) for name in sorted(set(theirs) | set(ours))]


def actors_table(actors: list[Actor]) -> str:
    """The actors as an escaped HTML table: name, kind, mentions, descriptions, roles."""
    return table(
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

    With no title or first name, "Putin" alone looks like a place, so one of two mentions matches:

    >>> score_mentions(extract_actors("Putin flew in from Moscow."), [("Putin", "PERSON", 0, 5), ("Moscow", "LOCATION", 19, 25)])
    Scores(precision=0.5, recall=0.5, matched=1, found=2, expected=2)
    """
    found = {(actor.name, actor.kind, mention.start, mention.end) for actor in actors for mention in actor.mentions}
    expected = set(gold)
    matched = len(found & expected)
    return Scores(matched / len(found) if found else 0.0, matched / len(expected) if expected else 0.0,
                  matched, len(found), len(expected))
