"""The ``lessons.checks`` that a grading kernel imports: ``check`` records an answer and judges nothing.

The grader copies the package for its sandboxed kernels with this file in place
of the real :mod:`lessons.checks` and without the exercises (see
:mod:`lessons.grading.sandbox`), so code in the kernel can neither reach the
expected answers nor declare itself correct. After each exercise cell the
grader's probe calls :func:`report_answer`, which prints the latest answer as
plain data (JSON with a few tags, see :func:`encode`) and keeps it for
:func:`last_report`, which the grader reads in the kernel's reply to the probe;
it parses it with :mod:`lessons.grading.answers` and judges it in its own process.

>>> check("1.1", ["Xi", "meets"]).status
'recorded'
>>> encode((1, "a", ..., {2: None}))
{'tuple': [1, 'a', {'ellipsis': True}, {'dict': [[2, None]]}]}
"""

from __future__ import annotations

import dataclasses
import json
import math
from typing import Any

MARKER = "LESSONS-GRADER-ANSWER "
MAX_DEPTH = 20
MAX_ITEMS = 20_000
MAX_CHARS = 50_000  # of one answer's JSON
MAX_DIGITS = 1_000
NOTHING = {"nothing": True}  # no check() call for the exercise

CORRECT, INCORRECT, NOT_ATTEMPTED = "correct", "incorrect", "not attempted"
_ANSWERS: dict[str, Any] = {}
_LAST_REPORT = ""


@dataclasses.dataclass(frozen=True)
class Feedback:
    """What ``check`` says while grading: only that the answer was recorded."""

    exercise: str
    status: str = "recorded"
    message: str = "Answer recorded; the grader checks it."
    hint: str = ""

    @property
    def passed(self) -> bool:
        return False


def check(exercise_id: str, answer: Any) -> Feedback:
    """Record ``answer`` for the grader; the verdict is decided outside this kernel."""
    _ANSWERS[str(exercise_id)] = answer
    return Feedback(str(exercise_id))


def hint(exercise_id: str) -> str:
    """Hints are not available while grading."""
    return "Hints are not shown while grading."


def forget(exercise_id: str) -> None:
    """Drop the answer recorded for an exercise (the probe does this before its cell runs)."""
    _ANSWERS.pop(str(exercise_id), None)


def register(exercise: Any) -> None:
    """Exercises are defined by the grader, not in the kernel: ignored."""


def Exercise(*args: Any, **kwargs: Any) -> None:  # noqa: N802 - stands in for the class lessons may use
    """Exercises are defined by the grader, not in the kernel: nothing is kept."""


Mistake = Exercise


def exercises() -> dict:
    """No exercises are known in a grading kernel."""
    return {}


def results() -> dict:
    """No results are decided in a grading kernel."""
    return {}


class _Budget:
    def __init__(self) -> None:
        self.items = MAX_ITEMS

    def take(self) -> None:
        self.items -= 1
        if self.items < 0:
            raise ValueError("too many items")


def _encode_number(value: Any) -> Any:
    if isinstance(value, float) and not math.isfinite(value):
        return {"float": repr(value)}
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) >= 10 ** MAX_DIGITS:
        return {"object": "int", "repr": f"a number with more than {MAX_DIGITS} digits"}
    return value


def _encode_object(value: Any, depth: int, budget: _Budget) -> dict:
    try:
        shown = repr(value)[:200]
    except Exception:
        shown = f"<{type(value).__name__}>"
    record: dict = {"object": type(value).__name__, "repr": shown}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        record["fields"] = {field.name: _encode(getattr(value, field.name, None), depth + 1, budget)
                            for field in dataclasses.fields(value)[:50]}
    elif isinstance(value, tuple) and hasattr(value, "_fields"):
        record["fields"] = {name: _encode(item, depth + 1, budget) for name, item in zip(value._fields[:50], value)}
    record["attributes"] = [name for name in dir(value) if not name.startswith("_")][:100]
    return record


def _encode(value: Any, depth: int, budget: _Budget) -> Any:
    budget.take()
    if depth > MAX_DEPTH:
        raise ValueError("nested too deeply")
    kind = type(value)
    if value is None or kind in (bool, int, float):
        return _encode_number(value)
    if kind is str:
        return value
    if value is ...:
        return {"ellipsis": True}
    if kind is list:
        return [_encode(item, depth + 1, budget) for item in value]
    if kind in (tuple, set, frozenset):
        items = sorted(value, key=repr) if kind is not tuple else value
        return {kind.__name__: [_encode(item, depth + 1, budget) for item in items]}
    if kind is dict:
        return {"dict": [[_encode(key, depth + 1, budget), _encode(item, depth + 1, budget)]
                         for key, item in value.items()]}
    return _encode_object(value, depth, budget)


def encode(value: Any) -> Any:
    """``value`` as JSON-able plain data; anything else becomes a record of its type and fields."""
    return _encode(value, 0, _Budget())


def _outputs(function: Any, inputs: list) -> Any:
    outputs = []
    for arguments in inputs:
        try:
            outputs.append(function(*arguments))
        except Exception as error:
            outputs.append({"raised": f"{type(error).__name__}: {str(error)[:200]}"})
    return outputs


def report_answer(exercise_id: str, inputs: list | None = None) -> None:
    """Print the exercise's latest answer for the grader (a function answer: its outputs on ``inputs``)."""
    global _LAST_REPORT
    answer = _ANSWERS.get(str(exercise_id), NOTHING)
    if inputs is not None and callable(answer):
        answer = _outputs(answer, inputs)
    try:
        text = json.dumps(encode(answer) if answer is not NOTHING else NOTHING)
    except (ValueError, RecursionError) as error:
        text = json.dumps({"object": "answer", "repr": f"an answer the grader cannot read ({error})"})
    if len(text) > MAX_CHARS:
        text = json.dumps({"object": "answer", "repr": f"an answer too large to grade ({len(text):,} characters)"})
    _LAST_REPORT = MARKER + json.dumps([str(exercise_id), text])
    print(_LAST_REPORT)


def last_report() -> str:
    """The line :func:`report_answer` printed last; the grader also reads it over the kernel's
    reply channel, which a cell that floods its output cannot hold up."""
    return _LAST_REPORT
