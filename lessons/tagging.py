"""Part-of-speech tags for the tokens of :mod:`lessons.tokens`, with their offsets.

Lesson 2 (``02_tagging.ipynb``) explains it.

>>> [(t.text, t.tag, t.universal) for t in tag("Putin hosted Xi.")]
[('Putin', 'NNP', 'NOUN'), ('hosted', 'VBD', 'VERB'), ('Xi', 'NNP', 'NOUN'), ('.', '.', '.')]
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from lessons.data import require
from lessons.tokens import require_text, tokens_by_sentence


@dataclass(frozen=True)
class TaggedToken:
    """A token with its Penn Treebank tag (``NNP``) and its universal tag (``NOUN``)."""

    text: str
    start: int
    end: int
    sentence: int
    tag: str
    universal: str


@lru_cache(maxsize=1)
def _tagger():
    from nltk.tag.perceptron import PerceptronTagger

    require("averaged_perceptron_tagger_eng")
    return PerceptronTagger(lang="eng")


@lru_cache(maxsize=None)
def to_universal(penn_tag: str) -> str:
    """The universal tag for a Penn Treebank tag (``NNP`` -> ``NOUN``), from NLTK's mapping."""
    from nltk.tag.mapping import map_tag

    require("universal_tagset")
    return map_tag("en-ptb", "universal", penn_tag)


def _as_trained(word: str, following: str) -> str:
    # The tagger learned from Treebank text, where double quotes are written `` and ''.
    if word in {'"', "“", "”"}:
        return "''" if word == "”" or not following or following.isspace() else "``"
    return word


def tag(text: str) -> list[TaggedToken]:
    """Tag ``text`` sentence by sentence (as the tagger was trained); cached by text.

    >>> tag("")
    []
    """
    return list(_tag(require_text(text, "tag")))


@lru_cache(maxsize=64)
def _tag(text: str) -> tuple[TaggedToken, ...]:
    tagged: list[TaggedToken] = []
    groups = tokens_by_sentence(text)
    if not groups:
        return ()
    tagger = _tagger()
    for tokens in groups:
        words = [_as_trained(token.text, text[token.end : token.end + 1]) for token in tokens]
        for token, (_, penn_tag) in zip(tokens, tagger.tag(words)):
            tagged.append(
                TaggedToken(token.text, token.start, token.end, token.sentence, penn_tag, to_universal(penn_tag))
            )
    return tuple(tagged)
