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

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from lessons.article import paragraph_spans
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


def require_text(text: object, function: str) -> str:
    """Return ``text`` if it is a ``str``; otherwise raise a ``TypeError`` that says what to pass."""
    if isinstance(text, str):
        return text
    hint = " (did you forget to load the article?)" if text is None else ""
    raise TypeError(f"{function}() needs text as a str, not {type(text).__name__}{hint}.")


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
def _fallback_tokenizer():
    from nltk.tokenize import WordPunctTokenizer

    return WordPunctTokenizer()


def sentences(text: str) -> list[Sentence]:
    """Split ``text`` into sentences with Punkt, never across a line break between paragraphs.

    A headline has no full stop, so Punkt alone would glue it to the first
    sentence of the story; splitting paragraphs first keeps them apart.

    >>> [s.text for s in sentences("Dr. Smith left.\\nHe came back.")]
    ['Dr. Smith left.', 'He came back.']
    """
    return list(_sentences(require_text(text, "sentences")))


@lru_cache(maxsize=64)
def _sentences(text: str) -> tuple[Sentence, ...]:
    if not text.strip():
        return ()
    punkt = _punkt()
    found = []
    for paragraph_start, paragraph_end in paragraph_spans(text):
        paragraph = text[paragraph_start:paragraph_end]
        for start, end in punkt.span_tokenize(paragraph.translate(STRAIGHTEN_QUOTES)):
            found.append(
                Sentence(paragraph[start:end], paragraph_start + start, paragraph_start + end, len(found))
            )
    return tuple(found)


def _word_spans(sentence: str) -> list[tuple[int, int]]:
    straight = sentence.translate(STRAIGHTEN_QUOTES)
    try:
        return list(_word_tokenizer().span_tokenize(straight))
    except ValueError:
        # NLTK cannot line its tokens up with a few odd inputs (stray `` or '' pairs);
        # punctuation-and-word splitting always can.
        return list(_fallback_tokenizer().span_tokenize(straight))


def tokenize(text: str) -> list[Token]:
    """Split ``text`` into word and punctuation tokens, sentence by sentence, with offsets.

    >>> [t.text for t in tokenize('He said "dear friend" in the U.S.')]
    ['He', 'said', '"', 'dear', 'friend', '"', 'in', 'the', 'U.S', '.']
    """
    return list(_tokenize(require_text(text, "tokenize")))


@lru_cache(maxsize=64)
def _tokenize(text: str) -> tuple[Token, ...]:
    tokens = []
    for sentence in _sentences(text):
        for start, end in _word_spans(sentence.text):
            tokens.append(
                Token(text[sentence.start + start : sentence.start + end], sentence.start + start,
                      sentence.start + end, sentence.index)
            )
    return tuple(tokens)


def tokens_by_sentence(text: str) -> list[list[Token]]:
    """The tokens of ``text`` grouped into one list per sentence."""
    grouped: list[list[Token]] = [[] for _ in _sentences(require_text(text, "tokens_by_sentence"))]
    for token in _tokenize(text):
        grouped[token.sentence].append(token)
    return grouped


def _spans_to_strings(span_tokenizer: Callable[[str], object]) -> Callable[[str], list[str]]:
    def tokenizer(text: str) -> list[str]:
        return [text[start:end] for start, end in span_tokenizer(text)]

    return tokenizer


def compare_tokenizers(text: str) -> dict[str, list[str]]:
    """The tokens each of five tokenizers finds in ``text``, from crude to careful.

    >>> compare_tokenizers("Xi's $350m")["whitespace"]
    ["Xi's", '$350m']
    """
    import nltk
    from nltk.tokenize import RegexpTokenizer, WhitespaceTokenizer

    require_text(text, "compare_tokenizers")
    require("punkt_tab")
    return {
        "whitespace": _spans_to_strings(WhitespaceTokenizer().span_tokenize)(text),
        r"regex \w+": _spans_to_strings(RegexpTokenizer(r"\w+").span_tokenize)(text),
        "wordpunct_tokenize": nltk.wordpunct_tokenize(text),
        "word_tokenize": nltk.word_tokenize(text) if text.strip() else [],
        "lessons.tokenize": [token.text for token in tokenize(text)],
    }
