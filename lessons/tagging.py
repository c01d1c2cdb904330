"""Part-of-speech tags for the tokens of :mod:`lessons.tokens`, with their offsets.

Lesson 2 (``02_tagging.ipynb``) explains it: what the tags mean (:func:`explain`),
how often each occurs (:func:`tag_counts`), which words carry a tag
(:func:`words_for_tag`) and which words get more than one (:func:`words_with_several_tags`).

>>> [(t.text, t.tag, t.universal) for t in tag("Putin hosted Xi.")]
[('Putin', 'NNP', 'NOUN'), ('hosted', 'VBD', 'VERB'), ('Xi', 'NNP', 'NOUN'), ('.', '.', '.')]
"""

from __future__ import annotations

import gc
import json
from collections import Counter, defaultdict
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache

from lessons.caching import text_cache
from lessons.data import require
from lessons.tokens import Token, WordCount, copy_groups, require_text, tokens_by_sentence

PENN = "penn"
UNIVERSAL = "universal"
TAGSETS = (UNIVERSAL, PENN)

# NLTK's tag help (nltk.help.upenn_tagset) reads this file; we read it for the same words.
PENN_HELP = "help/tagsets_json/PY3_json/upenn_tagset.json"
# The tagger can emit one tag the help file does not describe. WSJ text wrote £ as #.
PENN_HELP_GAPS = {"#": ["pound sign (the Wall Street Journal text wrote £ as #)", "#"]}

# Plain words for the twelve universal tags (Petrov, Das & McDonald 2012), with examples
# from the seed article.
UNIVERSAL_MEANINGS = {
    "NOUN": ("noun: a person, place, thing or idea", "Putin Kremlin warrant crimes Ukraine"),
    "VERB": ("verb: an action or a state, including helpers like would and has", "hosted said is would"),
    "ADJ": ("adjective: describes a noun", "powerful Chinese third longest"),
    "ADV": ("adverb: says how, when, where or how much", "publicly nearly still directly"),
    "PRON": ("pronoun: stands in for a noun", "he it his them"),
    "DET": ("determiner: points at or counts off a noun", "the a this which"),
    "ADP": ("adposition: a preposition, or a word like that or after that opens a clause",
            "in of for after"),
    "NUM": ("number: a cardinal number, in digits or words", "69 350 million 4½"),
    "CONJ": ("conjunction: joins words or clauses", "and but or"),
    "PRT": ("particle: a small word that belongs with another: to before a verb, possessive 's",
            "to 's off out"),
    ".": ("punctuation: full stops, commas, quotation marks, brackets and signs like $",
          ". , \" ( $"),
    "X": ("other: foreign words, symbols, list markers and interjections", "et cetera & Wow"),
}

# The dashes and quotes the tagger learned from Treebank text, which writes them in ASCII.
_TREEBANK_DASHES = {"—": "--", "–": "--"}


@dataclass(frozen=True)
class TaggedToken:
    """A token with its Penn Treebank tag (``NNP``) and its universal tag (``NOUN``)."""

    text: str
    start: int
    end: int
    sentence: int
    tag: str
    universal: str


@dataclass(frozen=True)
class TagExplanation:
    """What a tag means in plain words, with example words.

    ``universal`` is the universal tag a Penn tag belongs to (a universal tag's is
    itself); ``covers`` lists the Penn tags a universal tag stands for.
    """

    tag: str
    tagset: str
    meaning: str
    examples: tuple[str, ...]
    universal: str
    covers: tuple[str, ...] = ()

    def __str__(self) -> str:
        covers = f" (covers {', '.join(self.covers)})" if self.covers else ""
        return f"{self.tag}: {self.meaning}{covers}; e.g. {' '.join(self.examples)}"


@dataclass(frozen=True)
class TagCount:
    """How many tokens of a text carry ``tag``, and what share of all tokens that is."""

    tag: str
    count: int
    share: float
    meaning: str


@dataclass(frozen=True)
class WordTags:
    """A word that got more than one tag in a text: each tag with its count, and the tokens."""

    word: str
    tags: tuple[tuple[str, int], ...]
    tokens: tuple[TaggedToken, ...] = field(repr=False)


@lru_cache(maxsize=1)
def _tagger():
    from nltk.tag.perceptron import PerceptronTagger

    require("averaged_perceptron_tagger_eng")
    tagger = PerceptronTagger(lang="eng")
    tagger.model.predict = _MatrixScorer(tagger.model).predict
    tagger._get_features = _features
    return tagger


def _features(i: int, word: str, context: list[str], prev: str, prev2: str) -> dict[str, int]:
    """NLTK's ``PerceptronTagger._get_features`` (the same keys, in the same order), built in one go.

    NLTK builds each of the 14 keys through a helper and a ``defaultdict``; that alone
    took a fifth of the tagging time. tests/test_fast_tagger.py checks the two agree.
    """
    i += 2  # context starts with NLTK's two START markers
    return dict.fromkeys((
        "bias", f"i suffix {word[-3:]}", f"i pref1 {word[0] if word else ''}", f"i-1 tag {prev}",
        f"i-2 tag {prev2}", f"i tag+i-2 tag {prev} {prev2}", f"i word {context[i]}",
        f"i-1 tag+i word {prev} {context[i]}", f"i-1 word {context[i - 1]}", f"i-1 suffix {context[i - 1][-3:]}",
        f"i-2 word {context[i - 2]}", f"i+1 word {context[i + 1]}", f"i+1 suffix {context[i + 1][-3:]}",
        f"i+2 word {context[i + 2]}"), 1)


class _MatrixScorer:
    """NLTK's averaged-perceptron scoring with the weights held as one matrix: the same tags, faster.

    NLTK adds up each feature's weights label by label in Python, two thirds of the
    tagging time. Here each feature is a row of a NumPy matrix and the rows are added
    in the same order (one addition per feature, as NLTK does), so every score is the
    same float and the best tag, ties broken the same way (greatest label), is the
    same; tests/test_fast_tagger.py compares with NLTK's own tagger.
    """

    def __init__(self, model):
        import numpy

        self.labels = sorted(model.classes)
        column = {label: number for number, label in enumerate(self.labels)}
        self.row = {feature: number for number, feature in enumerate(model.weights)}
        self.matrix = numpy.zeros((len(self.row), len(self.labels)))
        per_feature = list(model.weights.values())
        sizes = [len(weights) for weights in per_feature]
        # Streamed into flat arrays: no list of 270,000 entries for the cycle collector to walk.
        columns = numpy.fromiter((column[label] for weights in per_feature for label in weights), numpy.intp,
                                 sum(sizes))
        values = numpy.fromiter((value for weights in per_feature for value in weights.values()), float, sum(sizes))
        self.matrix[numpy.repeat(numpy.arange(len(sizes)), sizes), columns] = values

    def predict(self, features: dict[str, int], return_conf: bool = False) -> tuple[str, None]:
        if return_conf:
            raise NotImplementedError("the lessons never ask the tagger for its confidence")
        rows = [row for row in map(self.row.get, features) if row is not None]
        if rows and sum(features.values()) == len(features):  # every feature counted once
            # Summing along the first axis adds row after row, in order, as NLTK's loop does.
            scores = self.matrix[rows].sum(axis=0)
        else:  # a feature counted twice, or none known: NLTK's own loop
            scores = self.matrix[0] * 0.0
            for feature, value in features.items():
                if feature in self.row and value:
                    scores += self.matrix[self.row[feature]] * value
        # The first greatest score counted from the end: ties go to the greatest label, as in NLTK.
        return self.labels[len(self.labels) - 1 - int(scores[::-1].argmax())], None


@lru_cache(maxsize=None)
def to_universal(penn_tag: str) -> str:
    """The universal tag for a Penn Treebank tag, from NLTK's mapping.

    >>> to_universal("NNP"), to_universal("TO")
    ('NOUN', 'PRT')
    """
    from nltk.tag.mapping import map_tag

    require("universal_tagset")
    return map_tag("en-ptb", "universal", penn_tag)


def _as_trained(word: str, preceding: str) -> str:
    # The tagger learned from Treebank text, where double quotes are written `` and ''
    # and dashes as --; shown the originals, it guesses (a — alone looks like a name).
    # A straight quote opens when nothing but space or an opening bracket comes before it.
    if word in {'"', "“", "”"}:
        opens = word == "“" or (word == '"' and (not preceding or preceding.isspace() or preceding in "([{"))
        return "``" if opens else "''"
    return _TREEBANK_DASHES.get(word, word)


def _words_as_trained(text: str, tokens: list[Token]) -> list[str]:
    return [_as_trained(token.text, text[token.start - 1 : token.start]) for token in tokens]


@text_cache(copy=copy_groups)
def tagger_words(text: str) -> list[list[str]]:
    """The words of ``text`` as the tagger is shown them: one list per sentence, quotes as `` and ''.

    Lesson 2 uses it to give other taggers exactly the same input.

    >>> tagger_words('He said "no".')
    [['He', 'said', '``', 'no', "''", '.']]
    """
    return [_words_as_trained(text, tokens) for tokens in tokens_by_sentence(text)]


@text_cache
def tag(text: str) -> list[TaggedToken]:
    """Tag ``text`` sentence by sentence (as the tagger was trained); cached by text.

    >>> tag("")
    []
    """
    return [token for sentence in tags_by_sentence(text) for token in sentence]


@contextmanager
def _cycle_collector_paused():
    # Tagging a long text makes hundreds of thousands of small objects. Each allocation counts
    # towards Python's cycle collector, whose full runs walk the tagger's large model (about
    # 400,000 objects) again and again: a tenth of the tagging time. None of the objects made
    # here can form a cycle, so the collector has nothing to find until we are done.
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def tag_sentence(text: str, tokens: list[Token]) -> list[TaggedToken]:
    """Tag one sentence: ``tokens`` are that sentence's tokens of ``text``. Not cached.

    The building block of :func:`tags_by_sentence`, which is what everyone else calls:
    it tags each sentence of a text once and caches the result for tokens, tags,
    quantities and actors alike.

    >>> text = "Putin left. He stayed."
    >>> [t.tag for t in tag_sentence(text, tokens_by_sentence(text)[1])]
    ['PRP', 'VBD', '.']
    """
    penn_tags = _tagger().tag(_words_as_trained(text, tokens))
    return [
        TaggedToken(token.text, token.start, token.end, token.sentence, penn_tag, to_universal(penn_tag))
        for token, (_, penn_tag) in zip(tokens, penn_tags)
    ]


@text_cache(copy=copy_groups)
def tags_by_sentence(text: str) -> list[list[TaggedToken]]:
    """The tagged tokens of ``text``, one list per sentence (an empty list for a sentence of no words).

    Every sentence is tagged once per text: tokens, tags, quantities and actors all read this cache.

    >>> [[t.tag for t in sentence] for sentence in tags_by_sentence("Putin left. He stayed.")]
    [['NNP', 'VBD', '.'], ['PRP', 'VBD', '.']]
    """
    with _cycle_collector_paused():
        return [tag_sentence(text, tokens) for tokens in tokens_by_sentence(text)]


# --- What the tags mean ----------------------------------------------------------------


def penn_tags() -> list[str]:
    """Every Penn Treebank tag the tagger can emit, sorted.

    >>> len(penn_tags())
    45
    """
    return sorted(_tagger().classes)


def universal_tags() -> list[str]:
    """Every universal tag the tagger's tags map to, in the order of :data:`UNIVERSAL_MEANINGS`.

    >>> universal_tags()[:4]
    ['NOUN', 'VERB', 'ADJ', 'ADV']
    """
    reachable = {to_universal(penn_tag) for penn_tag in penn_tags()}
    return [universal for universal in UNIVERSAL_MEANINGS if universal in reachable]


@lru_cache(maxsize=1)
def _penn_help() -> dict[str, list[str]]:
    import nltk

    require("tagsets_json")
    with nltk.data.find(PENN_HELP).open() as file:
        return {**PENN_HELP_GAPS, **json.loads(file.read())}


def _tagset(tagset: str | None) -> str | None:
    if tagset is not None and tagset not in TAGSETS:
        raise ValueError(f"tagset must be {' or '.join(map(repr, TAGSETS))}, not {tagset!r}.")
    return tagset


def explain(tag_name: str, tagset: str | None = None) -> TagExplanation:
    """What a Penn or universal tag means, in plain words, with examples.

    ``.`` is both a Penn tag (sentence end) and a universal one (any punctuation);
    Penn wins unless you pass ``tagset="universal"``. Lower case is accepted.

    >>> explain("NNP").meaning
    'noun, proper, singular'
    >>> explain("NOUN").covers
    ('NN', 'NNP', 'NNPS', 'NNS')
    """
    return _explain(require_text(tag_name, "explain").strip(), _tagset(tagset))


@lru_cache(maxsize=None)
def _explain(tag_name: str, tagset: str | None) -> TagExplanation:
    penn_help = _penn_help()
    for candidate in (tag_name, tag_name.upper()):
        if candidate in penn_help and tagset != UNIVERSAL:
            meaning, examples = penn_help[candidate]
            return TagExplanation(candidate, PENN, meaning, tuple(examples.split()[:8]), to_universal(candidate))
        if candidate in UNIVERSAL_MEANINGS and tagset != PENN:
            meaning, examples = UNIVERSAL_MEANINGS[candidate]
            covers = tuple(penn_tag for penn_tag in penn_tags() if to_universal(penn_tag) == candidate)
            return TagExplanation(candidate, UNIVERSAL, meaning, tuple(examples.split()), candidate, covers)
    which = {PENN: "a Penn tag", UNIVERSAL: "a universal tag"}.get(tagset, "a tag the lessons know")
    raise ValueError(
        f"{tag_name!r} is not {which}. Penn tags: {' '.join(penn_tags())}; "
        f"universal tags: {' '.join(UNIVERSAL_MEANINGS)}."
    )


# --- Counting and comparing --------------------------------------------------------------


def _label(token: TaggedToken, tagset: str) -> str:
    return token.universal if tagset == UNIVERSAL else token.tag


def tag_counts(text: str, tagset: str = UNIVERSAL) -> list[TagCount]:
    """How many tokens carry each tag (``"universal"`` or ``"penn"``), most common first.

    >>> tag_counts("Xi met Putin.")[0]
    TagCount(tag='NOUN', count=2, share=0.5, meaning='noun: a person, place, thing or idea')
    """
    tagged = tag(require_text(text, "tag_counts"))
    tagset = _tagset(tagset)
    counts = Counter(_label(token, tagset) for token in tagged)
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return [TagCount(label, count, count / len(tagged), explain(label, tagset).meaning) for label, count in ranked]


def words_for_tag(text: str, tag_name: str, tagset: str | None = None) -> list[WordCount]:
    """The words that carry ``tag_name`` (Penn like ``NNP`` or universal like ``NOUN``), most common first.

    As in :func:`explain`, ``.`` means the Penn tag unless ``tagset="universal"``.

    >>> words_for_tag("Putin met Biden. Putin smiled.", "NNP")
    [WordCount(word='Putin', count=2), WordCount(word='Biden', count=1)]
    """
    tagged = tag(require_text(text, "words_for_tag"))
    found = explain(tag_name, tagset)
    occurrences: dict[str, list[TaggedToken]] = defaultdict(list)
    for token in tagged:
        if _label(token, found.tagset) == found.tag:
            occurrences[token.text].append(token)
    ranked = sorted(occurrences.items(), key=lambda item: (-len(item[1]), item[0]))
    return [WordCount(word, len(tokens), tuple(tokens)) for word, tokens in ranked]


def words_with_several_tags(text: str, tagset: str = PENN) -> list[WordTags]:
    """Words (exactly as written) that got more than one tag in ``text``; most frequent word first.

    A proper name with several tags is usually a tagger mistake worth a look.

    >>> words_with_several_tags("They claim it. The claim failed.")
    [WordTags(word='claim', tags=(('NN', 1), ('VBP', 1)))]
    """
    tagged = tag(require_text(text, "words_with_several_tags"))
    tagset = _tagset(tagset)
    occurrences: dict[str, list[TaggedToken]] = defaultdict(list)
    for token in tagged:
        occurrences[token.text].append(token)
    several = []
    for word, tokens in occurrences.items():
        counts = Counter(_label(token, tagset) for token in tokens)
        if len(counts) > 1:
            ranked = tuple(sorted(counts.items(), key=lambda item: (-item[1], item[0])))
            several.append(WordTags(word, ranked, tuple(tokens)))
    return sorted(several, key=lambda entry: (-len(entry.tokens), entry.word))


# --- How the perceptron decides ----------------------------------------------------------


@dataclass(frozen=True)
class FeatureWeights:
    """One clue the perceptron looks at, as NLTK names it, and its weight for each tag compared.

    ``"i suffix ing"`` means "this word ends in -ing"; ``"i-1 tag VBP"`` means "the
    previous word was tagged VBP"; ``"i word beijing"`` is the word itself, lower-cased.
    """

    feature: str
    weights: tuple[tuple[str, float], ...]

    def weight(self, tag_name: str) -> float:
        return dict(self.weights).get(tag_name, 0.0)


@dataclass(frozen=True)
class PerceptronDecision:
    """Why the perceptron tagged ``words[index]`` as it did: every feature's weights, and the totals.

    ``scores`` are the top tags with their summed weights, highest first: the
    tagger picks the first. ``in_tag_dictionary`` is True for frequent words the
    tagger looks up instead of weighing (then the weights did not decide).
    """

    words: tuple[str, ...]
    index: int
    tag: str
    in_tag_dictionary: bool
    scores: tuple[tuple[str, float], ...]
    features: tuple[FeatureWeights, ...]

    @property
    def word(self) -> str:
        return self.words[self.index]

    def rows(self) -> list[tuple[object, ...]]:
        """One row per feature: its name, then its weight for each of the top tags; totals last."""
        rows: list[tuple[object, ...]] = [
            (feature.feature, *(round(feature.weight(name), 2) for name, _ in self.scores))
            for feature in self.features
        ]
        return rows + [("total", *(round(score, 2) for _, score in self.scores))]

    def __str__(self) -> str:
        header = ("feature", *(name for name, _ in self.scores))
        lines = [header] + [tuple(map(str, row)) for row in self.rows()]
        widths = [max(len(line[column]) for line in lines) for column in range(len(header))]
        return "\n".join("  ".join(cell.rjust(width) if column else cell.ljust(width)
                                   for column, (cell, width) in enumerate(zip(line, widths))).rstrip()
                         for line in lines)


def perceptron_features(words: list[str], index: int, top: int = 3) -> PerceptronDecision:
    """How NLTK's averaged perceptron weighs ``words[index]``: its features and their weights.

    ``words`` is one sentence as the tagger sees it (see :func:`tagger_words`). The
    tagger tags left to right, so the tags it gave the two words before ``index``
    are features too. Lesson 2 ("How the perceptron decides") explains it.

    >>> decision = perceptron_features("We expect Beijing to use its influence .".split(), 2)
    >>> decision.tag, [name for name, _ in decision.scores][:2]
    ('VBG', ['VBG', 'NNP'])
    >>> decision.features[1].feature, decision.features[1].weight("VBG") > 30
    ('i suffix ing', True)
    """
    if not isinstance(words, (list, tuple)) or not all(isinstance(word, str) and word for word in words):
        raise TypeError("perceptron_features() needs a list of non-empty words, e.g. 'We expect Beijing'.split().")
    if not 0 <= index < len(words):
        raise IndexError(f"perceptron_features(): index {index} is outside the {len(words)} words.")
    tagger = _tagger()
    tags = [penn_tag for _, penn_tag in tagger.tag(list(words))]
    before = [*reversed(tagger.START), *tags[:index]]  # before the first word: -START-, then -START2-
    context = tagger.START + [tagger.normalize(word) for word in words] + tagger.END
    features = tagger._get_features(index, words[index], context, before[-1], before[-2])
    totals: Counter = Counter()
    for feature, value in features.items():
        for tag_name, weight in tagger.model.weights.get(feature, {}).items():
            totals[tag_name] += value * weight
    scores = tuple((name, round(score, 3)) for name, score in totals.most_common(top))
    return PerceptronDecision(
        tuple(words), index, tags[index], words[index] in tagger.tagdict, scores,
        tuple(FeatureWeights(feature, tuple((name, tagger.model.weights.get(feature, {}).get(name, 0.0))
                                            for name, _ in scores))
              for feature in features),
    )
