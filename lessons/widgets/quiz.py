"""A concept check in the notebook: a multiple-choice question answered by clicking, checked at once.

The questions are data in :mod:`lessons.concepts`; this module only shows one and
says, as soon as a choice is picked, whether it is right and why. The choices are
radio buttons (a labelled group the keyboard reaches with Tab and the arrow keys),
and the feedback is a live region, so screen readers announce it.

>>> quiz = ConceptCheck("2a")
>>> quiz.choices.value = 1
>>> "Right" in quiz.feedback.value
True
"""

from __future__ import annotations

import ipywidgets as widgets

from lessons.concepts import answer, question
from lessons.highlight import NO_MATHS, literal
from lessons.widgets.common import full_width


class ConceptCheck(widgets.VBox):
    """One concept check: the question, its choices, and the feedback to the choice picked."""

    def __init__(self, question_id: str):
        self.question = question(question_id)
        # MathJax skips class mathjax_ignore, so a $ in a question never turns into a formula.
        self.prompt = widgets.HTML(
            f'<div class="{NO_MATHS}"><b>Concept check {literal(self.question.id)}.</b> '
            f"{literal(self.question.prompt)}</div>")
        self.choices = widgets.RadioButtons(
            options=[(choice.text, index) for index, choice in enumerate(self.question.choices)],
            value=None, description="Your answer", tooltip="Pick the answer you think is right",
            layout=full_width(), style={"description_width": "initial"})
        self.feedback = widgets.HTML(_feedback_html("", "Pick an answer: you will see at once whether it is right."))
        self.choices.observe(self._answered, names="value")
        super().__init__([self.prompt, self.choices, self.feedback], layout=full_width())
        self.add_class("lessons-quiz")

    def _answered(self, change: dict) -> None:
        if change["new"] is None:
            return
        result = answer(self.question.id, change["new"])
        self.feedback.value = _feedback_html("✅ Right." if result.correct else "❌ Not quite.",
                                             result.explanation.removeprefix("Right: "))


def _feedback_html(verdict: str, explanation: str) -> str:
    return (f'<div role="status" aria-live="polite" class="{NO_MATHS}"><b>{literal(verdict)}</b> '
            f"{literal(explanation)}</div>")


def concept_check(question_id: str) -> ConceptCheck:
    """Show concept check ``question_id`` (e.g. ``"2a"``) in a notebook."""
    return ConceptCheck(question_id)
