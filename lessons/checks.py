"""Exercises with instant feedback: ``check("1.2", answer)`` and ``hint("1.2")``.

Every lesson's exercises are registered here with an ID that the notebook's
starter cell, the check, and the instructor's solution (in ``tests/solutions/``)
all share. A check looks only at the value the student computed, never at
their code, and it never raises: whatever a student passes in, they get
feedback they can act on.

>>> register(Exercise("0.1", "How many letters in 'NLTK'?", expected=lambda: 4,
...                   mistakes=[Mistake(lambda answer, expected: answer == "NLTK",
...                                     "Did you return the word instead of counting its letters?")]))
>>> check("0.1", ...).status
'not attempted'
>>> check("0.1", "NLTK").hint
'Did you return the word instead of counting its letters?'
>>> check("0.1", 4).passed
True
"""

from __future__ import annotations

import html
import importlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from lessons.data import MissingResourceError

# Modules that register their lesson's exercises when imported.
EXERCISE_MODULES = (
    "lessons.exercises.tokenizing",
    "lessons.exercises.tagging",
    "lessons.exercises.quantities",
    "lessons.exercises.dates",
    "lessons.exercises.actors",
    "lessons.exercises.your_article",
)

CORRECT = "correct"
INCORRECT = "incorrect"
NOT_ATTEMPTED = "not attempted"
UNKNOWN = "unknown exercise"
CANNOT_CHECK = "cannot check"


@dataclass(frozen=True)
class Mistake:
    """A common wrong answer: a test for it, and the hint (phrased as a question) it earns."""

    matches: Callable[[Any, Any], bool]
    hint: str


def equal(answer: Any, expected: Any) -> bool:
    """The default comparison: plain equality, with lists and tuples treated alike."""
    if isinstance(answer, (list, tuple)) and isinstance(expected, (list, tuple)):
        return list(answer) == list(expected)
    return bool(answer == expected)


@dataclass(frozen=True)
class Exercise:
    """One exercise: its ID, the question, how to compute the right answer, and what to say."""

    id: str
    question: str
    expected: Callable[[], Any]
    hint: str = "Read the question again: which value does it ask for?"
    mistakes: list[Mistake] = field(default_factory=list)
    compare: Callable[[Any, Any], bool] = equal
    next_step: str = "On to the next section."


@dataclass(frozen=True)
class Feedback:
    """What a check says: a status, a message, and a hint when the answer was not right."""

    exercise: str
    status: str
    message: str
    hint: str = ""

    @property
    def passed(self) -> bool:
        return self.status == CORRECT

    def __repr__(self) -> str:
        symbol = {CORRECT: "✅", INCORRECT: "❌", NOT_ATTEMPTED: "✏️"}.get(self.status, "⚠️")
        lines = [f"{symbol} Exercise {self.exercise}: {self.message}"]
        if self.hint:
            lines.append(f"   Hint: {self.hint}")
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        colour = {CORRECT: "#1b7837", INCORRECT: "#b2182b"}.get(self.status, "#555555")
        hint = f"<br><b>Hint:</b> {html.escape(self.hint)}" if self.hint else ""
        return (
            f'<div role="status" style="border-left:4px solid {colour};padding:4px 8px">'
            f"<b>Exercise {html.escape(self.exercise)} — {html.escape(self.status)}.</b> "
            f"{html.escape(self.message)}{hint}</div>"
        )


_EXERCISES: dict[str, Exercise] = {}
_RESULTS: dict[str, str] = {}


def register(exercise: Exercise) -> None:
    """Add an exercise to the registry (lesson modules call this at import)."""
    _EXERCISES[exercise.id] = exercise


def _load_all() -> None:
    for module in EXERCISE_MODULES:
        try:
            importlib.import_module(module)
        except ModuleNotFoundError as error:
            if error.name != module:
                raise


def exercises() -> dict[str, Exercise]:
    """Every registered exercise, by ID."""
    _load_all()
    return dict(_EXERCISES)


def _evaluate(exercise: Exercise, answer: Any) -> Feedback:
    if answer is ...:
        return Feedback(exercise.id, NOT_ATTEMPTED, "Not attempted yet: replace the ... with your answer.",
                        exercise.hint)
    if answer is None:
        return Feedback(exercise.id, INCORRECT, "Your answer is None.",
                        "Did your code compute a value but not return or assign it?")
    expected = exercise.expected()
    if exercise.compare(answer, expected):
        return Feedback(exercise.id, CORRECT, f"Well done! {exercise.next_step}")
    for mistake in exercise.mistakes:
        try:
            if mistake.matches(answer, expected):
                return Feedback(exercise.id, INCORRECT, "Not quite.", mistake.hint)
        except Exception:  # a mistake test that cannot handle this answer simply does not match
            continue
    return Feedback(exercise.id, INCORRECT, f"Not quite: {_describe(answer)}.", exercise.hint)


def _describe(answer: Any) -> str:
    text = repr(answer)
    shown = text if len(text) <= 80 else text[:77] + "..."
    return f"you gave {shown} (of type {type(answer).__name__})"


def check(exercise_id: str, answer: Any) -> Feedback:
    """Check ``answer`` for exercise ``exercise_id`` and say what to do next. Never raises."""
    exercise = exercises().get(str(exercise_id))
    if exercise is None:
        known = ", ".join(sorted(_EXERCISES)) or "none"
        return Feedback(str(exercise_id), UNKNOWN, f"There is no exercise {exercise_id!r}. Known: {known}.")
    try:
        feedback = _evaluate(exercise, answer)
    except MissingResourceError as error:  # not the student's fault: say how to fix the setup
        feedback = Feedback(exercise.id, CANNOT_CHECK, str(error))
    except Exception as error:  # the check must never crash on what a student typed
        feedback = Feedback(exercise.id, INCORRECT, f"That answer could not be checked ({type(error).__name__}).",
                            exercise.hint)
    _RESULTS[exercise.id] = feedback.status
    return feedback


def hint(exercise_id: str) -> str:
    """The general hint for an exercise."""
    exercise = exercises().get(str(exercise_id))
    return exercise.hint if exercise else f"There is no exercise {exercise_id!r}."


def results() -> dict[str, str]:
    """The status of the latest check of each exercise in this session (used for grading)."""
    return dict(_RESULTS)
