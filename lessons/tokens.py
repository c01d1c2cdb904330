"""Sentences and word tokens that remember exactly where they came from.

Lesson 1 (``01_tokenizing.ipynb``) builds this up from ``str.split`` to NLTK.
``nltk.word_tokenize`` rewrites straight double quotes as ``` `` ``` and ``''``,
so its tokens cannot always be found in the text again. These helpers use the
same NLTK tokenizers through their ``span_tokenize`` methods instead, so
``text[token.start:token.end] == token.text`` always holds.

>>> [token.text for token in tokenize("Xi's visit cost $350m.")]
['Xi', "'s", 'visit', 'cost', '$', '350m', '.']
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from lessons.article import paragraph_spans
from lessons.caching import require_text, text_cache
from lessons.data import require

# Curly quotes and apostrophes are swapped for straight ones, one character for
# one, before tokenizing: NLTK's rules know "it's" but not "it’s", and because
# the lengths match, every offset still points into the original text.
STRAIGHTEN_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'})


@dataclass(frozen=True)
class Sentence:
    """A sentence: its text, its offsets in the full text, and its position (0, 1, 2, ...)."""

    text: str
    start: int
    end: int
    index: int


@dataclass(frozen=True)
class Token:
    """A word or punctuation token with its offsets and the index of its sentence."""

    text: str
    start: int
    end: int
    sentence: int


@lru_cache(maxsize=1)
def _punkt():
    from nltk.tokenize.punkt import PunktTokenizer

    require("punkt_tab")
    return PunktTokenizer("english")


@lru_cache(maxsize=1)
def _word_tokenizer():
    from nltk.tokenize import NLTKWordTokenizer

    return NLTKWordTokenizer()


@lru_cache(maxsize=1)
def _wordpunct_tokenizer():
    from nltk.tokenize import WordPunctTokenizer

    return WordPunctTokenizer()


@text_cache
def sentences(text: str) -> list[Sentence]:
    """Split ``text`` into sentences with Punkt, never across a line break between paragraphs.

    A headline has no full stop, so Punkt alone would glue it to the first
    sentence of the story; splitting paragraphs first keeps them apart.

    >>> [s.text for s in sentences("Dr. Smith left.\\nHe came back.")]
    ['Dr. Smith left.', 'He came back.']
    """
    if not text.strip():
        return []
    punkt = _punkt()
    found = []
    for paragraph_start, paragraph_end in paragraph_spans(text):
        paragraph = text[paragraph_start:paragraph_end]
        for start, end in punkt.span_tokenize(paragraph.translate(STRAIGHTEN_QUOTES)):
            found.append(
                Sentence(paragraph[start:end], paragraph_start + start, paragraph_start + end, len(found))
            )
    return found


def _word_spans(sentence: str) -> list[tuple[int, int]]:
    straight = sentence.translate(STRAIGHTEN_QUOTES)
    try:
        return list(_word_tokenizer().span_tokenize(straight))
    except ValueError:
        # NLTK cannot line its tokens up with a few odd inputs (stray `` or '' pairs);
        # punctuation-and-word splitting always can.
        return list(_wordpunct_tokenizer().span_tokenize(straight))


@text_cache
def tokenize(text: str) -> list[Token]:
    """Split ``text`` into word and punctuation tokens, sentence by sentence, with offsets.

    >>> [t.text for t in tokenize('He said "dear friend" in the U.S.')]
    ['He', 'said', '"', 'dear', 'friend', '"', 'in', 'the', 'U.S', '.']
    """
    tokens = []
    for sentence in sentences(text):
        offset, index = sentence.start, sentence.index
        tokens.extend(Token(text[offset + start:offset + end], offset + start, offset + end, index)
                      for start, end in _word_spans(sentence.text))
    return tokens


def copy_groups(groups: list[list]) -> list[list]:
    """A fresh list of fresh lists: what a cache of grouped results hands out, so callers may change it."""
    return [list(group) for group in groups]


@text_cache(copy=copy_groups)
def tokens_by_sentence(text: str) -> list[list[Token]]:
    """The tokens of ``text`` grouped into one list per sentence.

    >>> [[token.text for token in group] for group in tokens_by_sentence("Xi left. Putin stayed.")]
    [['Xi', 'left', '.'], ['Putin', 'stayed', '.']]
    """
    grouped: list[list[Token]] = [[] for _ in sentences(text)]
    for token in tokenize(text):
        grouped[token.sentence].append(token)
    return grouped


# The five tokenizers of lesson 1, from crude to careful. Each maps a text to
# the (start, end) spans of its tokens, except word_tokenize, which returns only
# strings (and rewrites " as `` and ''), so its tokens have to be searched for.
TOKENIZERS: dict[str, str] = {
    "whitespace": "WhitespaceTokenizer, like str.split: cuts at spaces, so punctuation stays on words",
    r"regex \w+": r"RegexpTokenizer(r'\w+'): runs of letters and digits; punctuation is dropped",
    "wordpunct_tokenize": "NLTK: runs of letters and digits, and runs of punctuation",
    "word_tokenize": "NLTK's Treebank rules; returns strings only and rewrites \" as `` and ''",
    "lessons.tokenize": "The same Treebank rules through span_tokenize, sentence by sentence",
}


@dataclass(frozen=True)
class TokenizerOutput:
    """What one tokenizer made of a text: its tokens and, where they can be found, their spans.

    ``searched`` says the spans were found by searching the text for the
    tokens (for a tokenizer that returns only strings); ``spans`` is ``None``
    when some tokens do not occur in the text (``lost`` lists them), e.g. the
    two backticks that ``word_tokenize`` writes for ``"``.
    """

    tokenizer: str
    tokens: tuple[str, ...]
    spans: tuple[tuple[int, int], ...] | None
    lost: tuple[str, ...] = ()
    searched: bool = False


@lru_cache(maxsize=1)
def _span_tokenizers() -> dict[str, Callable[[str], Iterable[tuple[int, int]]]]:
    from nltk.tokenize import RegexpTokenizer, WhitespaceTokenizer

    return {
        "whitespace": WhitespaceTokenizer().span_tokenize,
        r"regex \w+": RegexpTokenizer(r"\w+").span_tokenize,
        "wordpunct_tokenize": _wordpunct_tokenizer().span_tokenize,
        "lessons.tokenize": lambda text: [(token.start, token.end) for token in tokenize(text)],
    }


def _locate(text: str, tokens: list[str], tokenizer: str) -> TokenizerOutput:
    # Search for each token after the previous one, as nltk.tokenize.util.align_tokens does,
    # but note the tokens that are not there instead of giving up.
    spans, lost, position = [], [], 0
    for token in tokens:
        found = text.find(token, position)
        if found < 0:
            lost.append(token)
        else:
            spans.append((found, found + len(token)))
            position = found + len(token)
    return TokenizerOutput(tokenizer, tuple(tokens), None if lost else tuple(spans), tuple(lost), searched=True)


@text_cache(copy=None)
def run_tokenizer(text: str, tokenizer: str) -> TokenizerOutput:
    """Run one of :data:`TOKENIZERS` on ``text``; cached, as the token explorer asks again and again.

    >>> run_tokenizer('his "dear friend"', "word_tokenize").lost
    ('``', "''")
    >>> run_tokenizer("Xi's visit", "whitespace").spans
    ((0, 4), (5, 10))
    """
    if not isinstance(tokenizer, str) or tokenizer not in TOKENIZERS:
        raise ValueError(f"Unknown tokenizer {tokenizer!r}; choose one of: {', '.join(TOKENIZERS)}")
    if tokenizer == "word_tokenize":
        import nltk

        require("punkt_tab")
        return _locate(text, nltk.word_tokenize(text) if text.strip() else [], tokenizer)
    spans = tuple(_span_tokenizers()[tokenizer](text))
    return TokenizerOutput(tokenizer, tuple(text[start:end] for start, end in spans), spans)


def compare_tokenizers(text: str) -> dict[str, list[str]]:
    """The tokens each of the five :data:`TOKENIZERS` finds in ``text``, from crude to careful.

    >>> compare_tokenizers("Xi's $350m")["whitespace"]
    ["Xi's", '$350m']
    """
    require_text(text, "compare_tokenizers")
    return {name: list(run_tokenizer(text, name).tokens) for name in TOKENIZERS}


@dataclass(frozen=True)
class WordCount:
    """How often a word occurs, and (where the counter kept them) the tokens behind the count."""

    word: str
    count: int
    tokens: tuple = field(default=(), repr=False, compare=False)


@lru_cache(maxsize=1)
def stopword_set() -> frozenset[str]:
    """NLTK's English stopwords: words so common they say little about the story ("the", "of")."""
    from nltk.corpus import stopwords

    require("stopwords")
    return frozenset(stopwords.words("english"))


def is_word(token: str) -> bool:
    """Whether a token is a word (it has a letter or a digit) rather than punctuation."""
    return any(character.isalnum() for character in token)


def word_frequencies(text: str, drop_stopwords: bool = False) -> list[WordCount]:
    """Count the words of ``text`` (not punctuation), case-folded, most frequent first.

    Ties keep the order in which the words first appear. With
    ``drop_stopwords=True``, NLTK's English stopwords are left out, and so is
    the possessive ``'s`` (NLTK lists it as ``s``). Lesson 1, "Word frequencies".

    >>> word_frequencies("The cat saw the dog. The end!")[:2]
    [WordCount(word='the', count=3), WordCount(word='cat', count=1)]
    >>> [w.word for w in word_frequencies("The cat saw the dog's bone.", drop_stopwords=True)]
    ['cat', 'saw', 'dog', 'bone']
    """
    from collections import Counter

    words = [token.text.casefold() for token in tokenize(require_text(text, "word_frequencies"))
             if is_word(token.text)]
    if drop_stopwords:
        stop = stopword_set()
        words = [word for word in words if word not in stop and word.lstrip("'") not in stop]
    return [WordCount(word, count) for word, count in Counter(words).most_common()]
