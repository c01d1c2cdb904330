"""Word lists are data: plain text files a teacher can read and extend.

Each list is a file ``lessons/wordlists/NAME.txt`` in the package: a comment
line or two (``# what this list is``), then one entry a line. A list that maps
each entry to a value has lines ``entry = value`` (``dlrs = USD``). Like the
abbreviations of NLTK's Punkt model, the lists are read at run time, so a
student can extend one from a notebook and see the effect at once: every cached
result is keyed on :func:`generation`, which changes with every edit.

>>> extend("example", ["tens"])
>>> "tens" in words("example")
True
>>> reset("example")
>>> "tens" in words("example")
False
"""

from __future__ import annotations

import importlib.resources
from collections.abc import Iterable, Mapping
from functools import lru_cache
from importlib.resources.abc import Traversable

_added: dict[str, dict[str, str]] = {}  # entries added from a notebook, per list
_generation = 0


def names() -> list[str]:
    """The names of the word lists that ship with the package."""
    folder = importlib.resources.files("lessons") / "wordlists"
    return sorted(entry.name.removesuffix(".txt") for entry in folder.iterdir() if entry.name.endswith(".txt"))


def path(name: str) -> Traversable:
    """The file that holds the list ``name``; ``KeyError`` naming the lists there are if none does."""
    file = importlib.resources.files("lessons") / "wordlists" / f"{name}.txt"
    if not file.is_file():
        raise KeyError(f"No word list called {name!r}; the lists are: {', '.join(names())}.")
    return file


@lru_cache(maxsize=None)
def _read(name: str) -> dict[str, str]:
    entries: dict[str, str] = {}
    for line in path(name).read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            entry, _, value = line.partition(" = ")
            entries[entry.strip()] = value.strip()
    return entries


def _entries(name: str) -> dict[str, str]:
    return {**_read(name), **_added.get(name, {})}


def words(name: str) -> frozenset[str]:
    """The entries of list ``name``, as written in its file (and any added with :func:`extend`).

    >>> "Inc." in words("example")
    True
    """
    return frozenset(_entries(name))


def mapping(name: str) -> dict[str, str]:
    """List ``name`` as a dict ``entry -> value``, for lists written ``entry = value``.

    >>> mapping("example")["dlrs"]
    'USD'
    """
    return _entries(name)


def extend(name: str, entries: Iterable[str] | Mapping[str, str]) -> None:
    """Add ``entries`` to list ``name`` for this session; results computed from now on use them."""
    global _generation
    path(name)  # an unknown list is an error here, not a silent no-op
    values = entries if isinstance(entries, Mapping) else dict.fromkeys(entries, "")
    _added.setdefault(name, {}).update({str(entry): str(value) for entry, value in values.items()})
    _generation += 1


def reset(name: str | None = None) -> None:
    """Forget what :func:`extend` added: to list ``name``, or to every list."""
    global _generation
    if name is None:
        _added.clear()
    else:
        _added.pop(name, None)
    _read.cache_clear()  # a teacher may also have edited the file itself
    _generation += 1


def generation() -> int:
    """A number that changes whenever a list changes: caches put it in their keys."""
    return _generation
