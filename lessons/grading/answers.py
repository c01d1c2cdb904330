"""Reading the answers a grading kernel hands back: plain data only, with limits on size and depth.

The kernel hands back each answer as JSON made by
:func:`lessons.grading.kernel_checks.encode`. What comes back is untrusted:
this module parses it with a size cap, rebuilds only plain values (numbers,
strings, lists, tuples, sets, dicts, ``None``, ``...``) and stands in a
:class:`Record` for any other object (its type, a short text and its fields),
so nothing the student defined ever runs in the grader. Anything malformed
is an :class:`AnswerError` that says why.

>>> decode('{"tuple": [1, {"ellipsis": true}]}')
(1, Ellipsis)
>>> decode('{"object": "Actor", "repr": "Actor(name=...)", "fields": {"name": "Xi Jinping"}}').name
'Xi Jinping'
>>> try:
...     decode("[" * 100 + "]" * 100)
... except AnswerError as error:
...     print(error)
the answer is nested more than 30 levels deep
"""

from __future__ import annotations

import json
from typing import Any

from lessons.grading.kernel_checks import MAX_CHARS

MAX_DEPTH = 30
NOTHING = object()  # the kernel saw no check() call for the exercise


class AnswerError(ValueError):
    """An answer the grader cannot read; the message says why."""


class Record:
    """Stands in for an object the student's answer held: its type name, a short repr, its fields."""

    def __init__(self, type_name: str, shown: str, fields: dict, attributes: list) -> None:
        self._type_name, self._shown, self._fields, self._attributes = type_name, shown, fields, set(attributes)

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        if name in self._fields:
            return self._fields[name]
        if name in self._attributes:
            return Record("attribute", f"<{self._type_name}.{name}>", {}, [])
        raise AttributeError(name)

    def __repr__(self) -> str:
        return self._shown

    def __eq__(self, other: object) -> bool:
        return self is other

    __hash__ = object.__hash__


def _text(value: object, limit: int = 200) -> str:
    return value[:limit] if isinstance(value, str) else ""


def _build_tagged(value: dict, depth: int) -> Any:
    (tag, content), = value.items() if len(value) == 1 else ((None, None),)
    if tag == "ellipsis":
        return ...
    if tag == "nothing":
        return NOTHING
    if tag == "float" and content in ("nan", "inf", "-inf"):
        return float(content)
    if tag in ("tuple", "set", "frozenset") and isinstance(content, list):
        items = [_build(item, depth + 1) for item in content]
        try:
            return {"tuple": tuple, "set": set, "frozenset": frozenset}[tag](items)
        except TypeError:
            raise AnswerError("a set holds a value that cannot be in a set") from None
    if tag == "dict" and isinstance(content, list):
        try:
            return {_build(pair[0], depth + 1): _build(pair[1], depth + 1) for pair in content}
        except (TypeError, IndexError, KeyError):
            raise AnswerError("a dictionary in the answer is malformed") from None
    if "object" in value:
        fields = value.get("fields") if isinstance(value.get("fields"), dict) else {}
        attributes = value.get("attributes") if isinstance(value.get("attributes"), list) else []
        return Record(_text(value["object"], 80), _text(value.get("repr")),
                      {str(name)[:80]: _build(item, depth + 1) for name, item in list(fields.items())[:50]},
                      [_text(name, 80) for name in attributes[:100]])
    raise AnswerError("the answer holds data the grader does not know")


def _build(value: Any, depth: int) -> Any:
    if depth > MAX_DEPTH:
        raise AnswerError(f"the answer is nested more than {MAX_DEPTH} levels deep")
    if isinstance(value, list):
        return [_build(item, depth + 1) for item in value]
    if isinstance(value, dict):
        return _build_tagged(value, depth)
    return value


def decode(text: str) -> Any:
    """The answer in ``text`` (JSON from the kernel), rebuilt from plain data only."""
    if not isinstance(text, str) or len(text) > MAX_CHARS:
        raise AnswerError(f"the answer is larger than {MAX_CHARS:,} characters")
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        raise AnswerError("the answer handed back by the notebook is not readable data") from None
    return _build(data, 0)
