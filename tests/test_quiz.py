"""Concept checks: each question is well formed, each lesson shows its own, and the widget answers at once."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from lessons.concepts import QUESTIONS, answer, question
from lessons.widgets.quiz import ConceptCheck

NOTEBOOKS = sorted((Path(__file__).resolve().parent.parent / "notebooks").glob("*.ipynb"))


@pytest.mark.parametrize("question_id", sorted(QUESTIONS))
def test_each_question_has_one_right_answer_and_a_reason_for_every_choice(question_id):
    asked = question(question_id)
    assert sum(choice.correct for choice in asked.choices) == 1 and len(asked.choices) >= 3
    assert all(choice.why and choice.text for choice in asked.choices)
    assert len({choice.text for choice in asked.choices}) == len(asked.choices)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda path: path.name)
def test_each_lesson_asks_two_or_three_of_its_own_concept_checks(path):
    lesson = path.name[1]
    sources = ["".join(cell["source"]) for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]]
    asked = [found for source in sources for found in re.findall(r'concept_check\("(\w+)"\)', source)]
    mine = sorted(key for key in QUESTIONS if key.startswith(lesson))
    assert asked == mine and 2 <= len(asked) <= 3


def test_picking_an_answer_shows_at_once_whether_it_is_right_and_why():
    quiz = ConceptCheck("2b")
    assert "Pick an answer" in quiz.feedback.value
    quiz.choices.value = 0
    assert "Not quite" in quiz.feedback.value and "+5.15" in quiz.feedback.value
    quiz.choices.value = 1
    assert "Right." in quiz.feedback.value and 'role="status"' in quiz.feedback.value
    assert quiz.choices.description and quiz.choices.tooltip  # a labelled group


def test_dollar_signs_and_markup_in_questions_show_literally():
    quiz = ConceptCheck("3a")
    assert "mathjax_ignore" in quiz.prompt.value and "$" not in quiz.prompt.value
    assert "&#36;" in quiz.prompt.value


def test_unknown_question_or_choice_is_a_clear_error():
    with pytest.raises(KeyError, match="1a"):
        question("9z")
    with pytest.raises(IndexError):
        answer("1a", 7)
