"""Normalising words: NLTK's Porter, Lancaster and Snowball stemmers side by side.

Lesson 1 (``01_tokenizing.ipynb``, "Normalising words: stems") explains it, after
the NLTK book (chapter 3.6). A stemmer cuts endings off by rule, so *attacks* and
*attacked* both become ``attack``; but a stem need not be a word (*Ukraine* becomes
``ukrain``), and the three stemmers cut differently. Lemmatising, which returns
dictionary words, needs WordNet; :func:`lemmatize` says how to install it when it
is missing.

>>> [(row.word, row.porter, row.lancaster, row.snowball) for row in compare_stemmers("Ukraine's generously")]
[('ukraine', 'ukrain', 'ukrain', 'ukrain'), ('generously', 'gener', 'gen', 'generous')]
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from lessons.data import MissingResourceError
from lessons.tokens import is_word, require_text, tokenize

STEMMERS = ("porter", "lancaster", "snowball")


@dataclass(frozen=True)
class StemComparison:
    """One word of a text (case-folded), how often it occurs, where it first occurs, and its three stems."""

    word: str
    count: int
    start: int
    end: int
    porter: str
    lancaster: str
    snowball: str

    def stem(self, stemmer: str) -> str:
        if stemmer not in STEMMERS:
            raise ValueError(f"Unknown stemmer {stemmer!r}; choose one of {', '.join(STEMMERS)}.")
        return getattr(self, stemmer)

    @property
    def agree(self) -> bool:
        """Whether all three stemmers give the same stem."""
        return self.porter == self.lancaster == self.snowball


@lru_cache(maxsize=1)
def _stemmers() -> dict[str, object]:
    from nltk.stem import LancasterStemmer, PorterStemmer, SnowballStemmer

    return {"porter": PorterStemmer(), "lancaster": LancasterStemmer(), "snowball": SnowballStemmer("english")}


def compare_stemmers(text: str) -> list[StemComparison]:
    """Every distinct word of ``text`` (letters only, case-folded) with its Porter, Lancaster and Snowball stem.

    Most frequent first; ties in order of first appearance.

    >>> [row.word for row in compare_stemmers("Attacks. Attacked, attacking attacks!")]
    ['attacks', 'attacked', 'attacking']
    >>> compare_stemmers("")
    []
    """
    tokens = [token for token in tokenize(require_text(text, "compare_stemmers"))
              if token.text[:1].isalpha()]
    counts = Counter(token.text.casefold() for token in tokens)
    first = {}
    for token in tokens:
        first.setdefault(token.text.casefold(), token)
    stemmers = _stemmers()
    return [
        StemComparison(word, count, first[word].start, first[word].end,
                       *(stemmers[name].stem(word) for name in STEMMERS))
        for word, count in counts.most_common()
    ]


def stem_groups(text: str, stemmer: str = "porter") -> dict[str, list[str]]:
    """Stems that join two or more different words of ``text``: stem -> the words, most frequent first.

    These are the words a frequency count would merge after stemming.

    >>> stem_groups("Attacks. Attacked, attacking attacks! A tack.")
    {'attack': ['attacks', 'attacked', 'attacking']}
    """
    groups: dict[str, list[str]] = {}
    for row in compare_stemmers(text):
        groups.setdefault(row.stem(stemmer), []).append(row.word)
    return {stem: words for stem, words in groups.items() if len(words) > 1}


def is_dictionary_word(word: str) -> bool:
    """Whether ``word`` (lower case) is in NLTK's ``words`` list of English words: most stems are not.

    >>> is_dictionary_word("attack"), is_dictionary_word("ukrain")
    (True, False)
    """
    from lessons.actor_clues import common_words  # one source for "an English word"

    return word in common_words()


def lemmatize(words: list[str]) -> list[str]:
    """Each word's dictionary form (lemma) from WordNet, e.g. 'attacks' -> 'attack'.

    WordNet is not part of the course data: without it this raises
    :class:`~lessons.data.MissingResourceError`, which says how to install it.
    """
    import nltk

    try:
        nltk.data.find("corpora/wordnet")
    except LookupError:
        raise MissingResourceError("wordnet") from None
    from nltk.stem import WordNetLemmatizer

    lemmatizer = WordNetLemmatizer()
    return [lemmatizer.lemmatize(word) for word in words]
