"""Exercises with instant feedback: ``check("1.2", answer)`` and ``hint("1.2")``.

Every lesson's exercises are registered here with an ID that the notebook's
starter cell, the check, and the instructor's solution (in ``tests/solutions/``)
all share. A check looks only at the value the student computed, never at
their code, and it never raises: whatever a student passes in, they get
feedback they can act on.

Hints come in steps, from a nudge to a near-solution: each ``hint()`` (or a
``check`` of an unattempted starter) shows the next step not yet shown, so a
hint never repeats what the check just said, and the last step waits until
the student has tried an answer of their own.

Feedback is shown as HTML inside a ``mathjax_ignore`` block with every ``$``
written as ``&#36;``: JupyterLab typesets ``$...$`` as mathematics, which would
garble amounts like ``$350m`` and patterns like ``r'\\$\\d+'``.

>>> register(Exercise("0.1", "How many letters in 'NLTK'?", expected=lambda: 4,
...                   hints=("Count characters, not words.", "len() counts the characters of a string."),
...                   mistakes=[Mistake(lambda answer, expected: answer == "NLTK",
...                                     "Did you return the word instead of counting its letters?")]))
>>> check("0.1", ...).hint
'Count characters, not words.'
>>> hint("0.1")
Hint 2 of 2 for exercise 0.1: replace the ... with an answer of your own and run the cell; this hint comes after that.
>>> check("0.1", "NLTK").hint
'Did you return the word instead of counting its letters?'
>>> hint("0.1")
Hint 2 of 2 for exercise 0.1: len() counts the characters of a string.
>>> check("0.1", 4).passed
True
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from lessons.data import MissingResourceError
from lessons.highlight import NO_MATHS, literal

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
    hints: tuple[str, ...] = ("Read the question again: which value does it ask for?",)
    mistakes: list[Mistake] = field(default_factory=list)
    compare: Callable[[Any, Any], bool] = equal
    next_step: str = "On to the next section."
    inputs: tuple[tuple, ...] = ()  # when the answer is a function: argument tuples; its outputs are compared

    @property
    def hint(self) -> str:
        """The first hint: a nudge that never gives the answer away."""
        return self.hints[0]


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
        hint = f"<br><b>Hint:</b> {literal(self.hint)}" if self.hint else ""
        return _box(colour, f"<b>Exercise {literal(self.exercise)} — {literal(self.status)}.</b> "
                            f"{literal(self.message)}{hint}")


def _box(colour: str, inner_html: str) -> str:
    # MathJax skips anything inside class "mathjax_ignore", so a `$` never starts a formula here.
    return (f'<div role="status" class="lessons-feedback {NO_MATHS}" '
            f'style="border-left:4px solid {colour};padding:4px 8px">{inner_html}</div>')


@dataclass(frozen=True)
class Hint:
    """One step of an exercise's hints; shows as formatted text, never as a quoted string."""

    exercise: str
    step: int
    steps: int
    text: str
    waiting: bool = False  # True when the step is held back until the student tries an answer

    @property
    def title(self) -> str:
        return f"Hint {self.step} of {self.steps} for exercise {self.exercise}" if self.steps else "Hint"

    def __str__(self) -> str:
        return self.text

    def __repr__(self) -> str:
        return f"{self.title}: {self.text}"

    def _repr_html_(self) -> str:
        return _box("#0072B2", f"<b>💡 {literal(self.title)}:</b> {literal(self.text)}")


_EXERCISES: dict[str, Exercise] = {}
_RESULTS: dict[str, str] = {}
_HINTS_SHOWN: dict[str, int] = {}  # exercise ID -> how many hint steps the student has seen
_ATTEMPTED: set[str] = set()       # exercises checked with an answer of the student's own


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


def _next_hint(exercise: Exercise) -> Hint:
    """The first hint step not shown yet (the last one again once all are shown), marked as shown.

    The last step comes close to the answer, so it waits until the student has tried one.
    """
    steps = len(exercise.hints)
    step = min(_HINTS_SHOWN.get(exercise.id, 0) + 1, steps)
    if step == steps > 1 and exercise.id not in _ATTEMPTED:
        return Hint(exercise.id, step, steps, "replace the ... with an answer of your own and run the cell; "
                    "this hint comes after that.", waiting=True)
    _HINTS_SHOWN[exercise.id] = step
    return Hint(exercise.id, step, steps, exercise.hints[step - 1])


def reset_hints() -> None:
    """Forget which hints were shown and which exercises were tried (a fresh start, as in a new kernel)."""
    _HINTS_SHOWN.clear()
    _ATTEMPTED.clear()


def _evaluate(exercise: Exercise, answer: Any) -> Feedback:
    if answer is ...:
        _HINTS_SHOWN[exercise.id] = max(_HINTS_SHOWN.get(exercise.id, 0), 1)
        return Feedback(exercise.id, NOT_ATTEMPTED, "Not attempted yet: replace the ... with your answer.",
                        exercise.hint)
    _ATTEMPTED.add(exercise.id)
    if answer is None:
        return Feedback(exercise.id, INCORRECT, "Your answer is None.",
                        "Did your code compute a value but not return or assign it?")
    if exercise.inputs and callable(answer):
        answer = outputs_of(answer, exercise.inputs)
    expected = exercise.expected()
    if exercise.compare(answer, expected):
        return Feedback(exercise.id, CORRECT, f"Well done! {exercise.next_step}")
    for mistake in exercise.mistakes:
        try:
            if mistake.matches(answer, expected):
                return Feedback(exercise.id, INCORRECT, "Not quite.", mistake.hint)
        except Exception:  # a mistake test that cannot handle this answer simply does not match
            continue
    return Feedback(exercise.id, INCORRECT, f"Not quite: {_describe(answer)}.", _next_hint(exercise).text)


def outputs_of(function: Callable, inputs: tuple[tuple, ...]) -> list:
    """``function``'s output on each argument tuple (``{"raised": ...}`` where it raised); the grader's kernel
    does the same (:func:`lessons.grading.kernel_checks.report_answer`)."""
    outputs = []
    for arguments in inputs:
        try:
            outputs.append(function(*arguments))
        except Exception as error:
            outputs.append({"raised": f"{type(error).__name__}: {str(error)[:200]}"})
    return outputs


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
                            f'Run hint("{exercise.id}") for a hint.')
    _RESULTS[exercise.id] = feedback.status
    return feedback


def hint(exercise_id: str) -> Hint:
    """The next step of an exercise's hints: a nudge first, then more with each call."""
    exercise = exercises().get(str(exercise_id))
    if exercise is None:
        return Hint(str(exercise_id), 0, 0, f"There is no exercise {exercise_id!r}.")
    return _next_hint(exercise)


def results() -> dict[str, str]:
    """The status of the latest check of each exercise in this session (used for grading)."""
    return dict(_RESULTS)
