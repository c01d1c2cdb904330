"""Train your own part-of-speech taggers on the Penn Treebank sample and see what backoff buys.

Lesson 2 (``02_tagging.ipynb``, "Train your own tagger") explains it. The chain
is NLTK's classic one: a default tagger that says ``NN`` to everything, a
unigram tagger that gives each word its most frequent tag in training, and a
bigram tagger that also looks at the previous tag. Each falls back ("backs
off") to the simpler one when it has nothing to go on.

>>> [score.name for score in evaluate()][:2]
['default (NN)', 'unigram alone']
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from lessons.caching import text_cache
from lessons.data import require
from lessons.tagging import tag, tagger_words

TEST_SHARE = 0.1  # the last tenth of the treebank sample is held out for evaluation
PERCEPTRON = "NLTK perceptron"

# What each tagger is, in a line, in the order the lesson builds them.
DESCRIPTIONS = {
    "default (NN)": "tags every word NN, the most common tag",
    "unigram alone": "each word's most frequent training tag; None for words it never saw",
    "unigram → default": "unigram, backing off to NN for unseen words",
    "bigram alone": "the tag most often seen after the previous tag for this word; None otherwise",
    "bigram → unigram → default": "bigram, backing off to unigram, then to NN",
    PERCEPTRON: "the pretrained tagger lessons.tag uses (it may have seen these sentences in training)",
}


@dataclass(frozen=True)
class TaggerScore:
    """How accurate a tagger is on the held-out treebank sentences."""

    name: str
    accuracy: float
    test_tokens: int
    description: str


@dataclass(frozen=True)
class TagDifference:
    """A token where a trained tagger's tag differs from the perceptron's."""

    text: str
    start: int
    end: int
    sentence: int
    perceptron: str
    trained: str | None


@dataclass(frozen=True)
class TextComparison:
    """How often a trained tagger agrees with the perceptron on a text, and where it does not."""

    name: str
    agreement: float
    differences: tuple[TagDifference, ...] = field(repr=False)


@dataclass(frozen=True)
class TagConfusion:
    """One kind of mistake: the gold tag, the tag the tagger gave instead, how often, and on which words."""

    gold: str
    predicted: str
    count: int
    words: tuple[tuple[str, int], ...]  # the words it happened on, most frequent first


@dataclass(frozen=True)
class ConfusionReport:
    """A tagger against the gold tags of the held-out treebank sentences.

    ``matrix`` is an ``nltk.ConfusionMatrix`` (rows: gold tags, columns: the
    tagger's); ``pairs`` are its most frequent mistakes, largest first.
    """

    tagger: str
    accuracy: float
    matrix: object = field(repr=False)
    pairs: tuple[TagConfusion, ...] = ()


@lru_cache(maxsize=1)
def treebank_split() -> tuple[list[list[tuple[str, str]]], list[list[tuple[str, str]]]]:
    """The treebank sample's tagged sentences as (training, held-out test), traces removed.

    Treebank marks moved words with ``-NONE-`` "trace" tokens that are not in the
    text; no tagger can (or should) predict them, so they are dropped.

    >>> training, test = treebank_split()
    >>> len(training) > 8 * len(test)
    True
    """
    from nltk.corpus import treebank

    require("treebank")
    sentences = [
        [(word, penn_tag) for word, penn_tag in sentence if penn_tag != "-NONE-"]
        for sentence in treebank.tagged_sents()
    ]
    cut = round(len(sentences) * (1 - TEST_SHARE))
    return sentences[:cut], sentences[cut:]


@lru_cache(maxsize=1)
def train_taggers() -> dict[str, object]:
    """The five trained taggers of the lesson, by name, trained on the training split."""
    from nltk.tag import BigramTagger, DefaultTagger, UnigramTagger

    training, _ = treebank_split()
    default = DefaultTagger("NN")
    unigram_backoff = UnigramTagger(training, backoff=default)
    return {
        "default (NN)": default,
        "unigram alone": UnigramTagger(training),
        "unigram → default": unigram_backoff,
        "bigram alone": BigramTagger(training),
        "bigram → unigram → default": BigramTagger(training, backoff=unigram_backoff),
    }


def _all_taggers() -> dict[str, object]:
    from lessons.tagging import _tagger

    return {**train_taggers(), PERCEPTRON: _tagger()}


@lru_cache(maxsize=1)
def _evaluate() -> tuple[TaggerScore, ...]:
    _, test = treebank_split()
    test_tokens = sum(len(sentence) for sentence in test)
    return tuple(
        TaggerScore(name, tagger.accuracy(test), test_tokens, DESCRIPTIONS[name])
        for name, tagger in _all_taggers().items()
    )


def evaluate() -> list[TaggerScore]:
    """Every tagger's accuracy on the held-out treebank sentences, in the order they are built."""
    return list(_evaluate())


@text_cache
def compare_on_text(text: str) -> list[TextComparison]:
    """How often each trained tagger agrees with the perceptron on ``text``, with the differences.

    There are no hand-checked tags for a news article, so agreement with the
    perceptron (itself not always right) is the yardstick here.

    >>> [round(c.agreement, 2) for c in compare_on_text("The court issued a warrant.")][:2]
    [0.33, 0.83]
    """
    perceptron = tag(text)
    if not perceptron:
        return []
    sentences = tagger_words(text)
    comparisons = []
    for name, tagger in train_taggers().items():
        trained = [penn_tag for sentence in tagger.tag_sents(sentences) for _, penn_tag in sentence]
        differences = tuple(
            TagDifference(token.text, token.start, token.end, token.sentence, token.tag, other)
            for token, other in zip(perceptron, trained)
            if token.tag != other
        )
        comparisons.append(TextComparison(name, 1 - len(differences) / len(perceptron), differences))
    return comparisons


@lru_cache(maxsize=8)
def confusion(name: str = PERCEPTRON, top: int = 8) -> ConfusionReport:
    """Where tagger ``name`` goes wrong on the held-out treebank sentences: a confusion matrix.

    Lesson 2 ("Where a tagger goes wrong") explains it, after the NLTK book (chapter 5).

    >>> report = confusion("unigram → default", top=1)
    >>> report.pairs[0].gold, report.pairs[0].predicted
    ('NNP', 'NN')
    """
    import nltk

    taggers = _all_taggers()
    if name not in taggers:
        raise KeyError(f"No tagger {name!r}; the lesson's taggers are: {', '.join(taggers)}.")
    _, test = treebank_split()
    tagged = taggers[name].tag_sents([[word for word, _ in sentence] for sentence in test])
    triples = [(word, gold, str(predicted)) for sentence, guessed in zip(test, tagged)
               for (word, gold), (_, predicted) in zip(sentence, guessed)]
    gold_tags = [gold for _, gold, _ in triples]
    predicted_tags = [predicted for _, _, predicted in triples]
    mistakes = Counter((gold, predicted) for _, gold, predicted in triples if gold != predicted)
    words: dict[tuple[str, str], Counter] = {pair: Counter() for pair in mistakes}
    for word, gold, predicted in triples:
        if gold != predicted:
            words[gold, predicted][word] += 1
    pairs = tuple(TagConfusion(gold, predicted, count, tuple(words[gold, predicted].most_common(3)))
                  for (gold, predicted), count in mistakes.most_common(top))
    accuracy = 1 - sum(mistakes.values()) / len(triples)
    return ConfusionReport(name, accuracy, nltk.ConfusionMatrix(gold_tags, predicted_tags), pairs)
