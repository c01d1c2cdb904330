"""One way to cache what is computed from a text, and one way to forget it.

Tokenizing, tagging and extracting take a moment on a whole article, and the
lessons ask for the same text again and again, so results are cached. A cached
result must never go stale: the key holds the text, every argument (a grammar
is an argument, so a new grammar gives a new result) and the word lists'
:func:`~lessons.wordlists.generation` (so extending a list from a notebook
changes the next result). :func:`clear_caches` empties them all.

>>> @text_cache
... def shout(text):
...     return text.upper().split()
>>> shout("aid for Kyiv")
['AID', 'FOR', 'KYIV']
>>> shout(None)
Traceback (most recent call last):
TypeError: shout() needs text as a str, not NoneType (did you forget to load the article?).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar

from lessons import wordlists

CACHE_SIZE = 64  # texts kept per function: a few articles, their sentences and a student's edits
_registered: list[Callable[..., Any]] = []  # every cache clear_caches() empties

Function = TypeVar("Function", bound=Callable[..., Any])


MAX_CHARACTERS = 5_000_000  # about a thousand articles: more is a mistake, not a story


def require_text(text: object, function: str) -> str:
    """Return ``text`` if it is a ``str``; otherwise raise a ``TypeError`` that says what to pass.

    A text over :data:`MAX_CHARACTERS` is a ``ValueError`` naming ``function`` (the one the
    user called: inner calls come after its own check) and how to split the text.
    """
    if isinstance(text, str):
        if len(text) > MAX_CHARACTERS:
            raise ValueError(f"{function}() reads at most {MAX_CHARACTERS:,} characters at a time; this text has "
                             f"{len(text):,}. Split it (one article, or one part of an article, at a time) and "
                             f"call {function}() on each part.")
        return text
    hint = " (did you forget to load the article?)" if text is None else ""
    raise TypeError(f"{function}() needs text as a str, not {type(text).__name__}{hint}.")


def register(cached: Function) -> Function:
    """Have :func:`clear_caches` empty ``cached`` too (anything with ``cache_clear``, e.g. an ``lru_cache``)."""
    _registered.append(cached)
    return cached


def text_cache(function: Callable[..., Any] | None = None, *, copy: Callable[[Any], Any] | None = list):
    """Cache ``function(text, ...)``, checking that ``text`` is a ``str`` first.

    Each call returns ``copy(result)`` (a fresh list by default) so that a caller
    may change what it gets without changing the cache; ``copy=None`` returns the
    cached object itself, for results that cannot be changed.
    """
    if function is None:
        return functools.partial(text_cache, copy=copy)

    @register
    @functools.lru_cache(maxsize=CACHE_SIZE)
    def cached(text: str, generation: int, *args: Any, **kwargs: Any) -> Any:
        return function(text, *args, **kwargs)

    @functools.wraps(function)
    def wrapper(text: object, *args: Any, **kwargs: Any) -> Any:
        result = cached(require_text(text, function.__name__), wordlists.generation(), *args, **kwargs)
        return result if copy is None else copy(result)

    wrapper.cache_clear = cached.cache_clear  # type: ignore[attr-defined]
    return wrapper


def clear_caches() -> None:
    """Forget every cached result, e.g. after changing a word list's file on disk.

    >>> clear_caches()
    """
    for cached in _registered:
        cached.cache_clear()
