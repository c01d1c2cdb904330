"""lessons.checks and lesson 1's exercises: feedback for every kind of answer, never an exception."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lessons.checks import (CANNOT_CHECK, CORRECT, INCORRECT, NOT_ATTEMPTED, UNKNOWN, Hint, check, exercises, hint,
                            reset_hints, results)
from lessons.data import MissingResourceError
from tests.solutions.tokenizing_01 import SOLUTIONS

LESSON_1 = ["1.1", "1.2", "1.3", "1.4", "1.5", "1.6"]


@pytest.fixture(autouse=True)
def fresh_hints():
    reset_hints()  # each test starts as in a new kernel: no hint shown, nothing tried


def test_lesson_1_has_its_exercises_and_solutions():
    assert [key for key in exercises() if key.startswith("1.")] == LESSON_1
    assert sorted(SOLUTIONS) == LESSON_1


@pytest.mark.parametrize("exercise", LESSON_1)
def test_unattempted_starter(exercise):
    feedback = check(exercise, ...)
    assert feedback.status == NOT_ATTEMPTED and not feedback.passed
    assert feedback.hint == exercises()[exercise].hints[0]
    assert results()[exercise] == NOT_ATTEMPTED


@pytest.mark.parametrize("exercise", LESSON_1)
def test_each_solution_passes_its_check(exercise, article):
    import lessons

    given = []
    exec(SOLUTIONS[exercise], {"lessons": lessons, "article": article,
                               "check": lambda exercise_id, answer: given.append(check(exercise_id, answer))})
    [feedback] = given
    assert feedback.exercise == exercise and feedback.status == CORRECT, feedback
    assert "Well done" in feedback.message and len(feedback.message) > len("Well done! ")


@pytest.mark.parametrize("exercise, answer, hint_part", [
    ("1.1", "U.S. denounces", "still one string"),
    ("1.1", 14, "how many tokens"),
    ("1.1", ["U.S.", "denounces", "timing", "of", "Xi", "'s"], None),
    ("1.2", 43, "nltk.sent_tokenize"),
    ("1.2", 38, "count paragraphs"),
    ("1.2", ["a", "b"], "len()"),
    ("1.3", 997, "only where it starts"),
    ("1.3", (997, 998), "one past"),
    ("1.3", "4½", "token's text"),
    ("1.4", ["the", "to", "of", "in", "for"], "drop_stopwords=True"),
    ("1.4", ["Ukraine", "Xi", "Putin", "said", "Russia"], "case-fold"),
    ("1.4", ["russia", "said", "putin", "xi", "ukraine"], "ordered"),
    ("1.5", r"\w+", "Where did the $ go"),
    ("1.5", "([", "compile"),
    ("1.5", r"\w+(?:-\w+)*|[^\w\s]", "U.S."),
    ("1.5", 3, "string"),
])
def test_known_mistakes_get_a_question(exercise, answer, hint_part):
    feedback = check(exercise, answer)
    assert feedback.status == INCORRECT
    if hint_part is None:
        assert feedback.hint in exercises()[exercise].hints
    else:
        assert hint_part in feedback.hint and "?" in feedback.hint  # phrased as a question


@pytest.mark.parametrize("exercise", LESSON_1)
@pytest.mark.parametrize("junk", [None, 0, -1, math.nan, "", "   ", [], {}, set(), object(), b"\xff", [None] * 5,
                                  float("inf"), 10**100, check, type, Ellipsis, range(5), (1,), ("a", "b")])
def test_junk_never_raises(exercise, junk):
    feedback = check(exercise, junk)
    assert feedback.status in {INCORRECT, NOT_ATTEMPTED}
    assert repr(feedback) and feedback._repr_html_()


class Hostile:
    """An answer whose every operation fails."""

    def __eq__(self, other):
        raise RuntimeError("no")

    __hash__ = object.__hash__

    def __repr__(self):
        raise RuntimeError("no repr either")

    def __iter__(self):
        raise RuntimeError("no iteration")


@pytest.mark.parametrize("exercise", LESSON_1)
def test_hostile_answers_never_raise(exercise):
    assert check(exercise, Hostile()).status == INCORRECT


@settings(max_examples=100, deadline=None)
@given(st.one_of(st.text(), st.integers(), st.lists(st.text(), max_size=8), st.tuples(st.integers(), st.integers())))
def test_arbitrary_answers_never_raise(answer):
    for exercise in LESSON_1:
        assert check(exercise, answer).status in {CORRECT, INCORRECT}


def test_unknown_exercise_is_feedback_not_an_error():
    feedback = check("9.9", 1)
    assert feedback.status == UNKNOWN and "1.1" in feedback.message
    assert "no exercise" in str(hint("9.9"))


def test_missing_data_while_checking_says_how_to_fix_it(monkeypatch):
    import lessons.exercises.tokenizing as tokenizing

    def missing_text():
        raise MissingResourceError("punkt_tab")

    monkeypatch.setattr(tokenizing, "_text", missing_text)
    feedback = check("1.2", 50)
    assert feedback.status == CANNOT_CHECK and "python -m lessons data download" in feedback.message


def test_feedback_html_escapes_what_the_student_typed():
    html = check("1.1", "<script>alert(1)</script>")._repr_html_()
    assert "<script>" not in html


@pytest.mark.parametrize("exercise", sorted(exercises()))
def test_hints_come_in_steps_and_never_repeat_the_check(exercise):
    steps = exercises()[exercise].hints
    assert len(steps) >= 2 and len(set(steps)) == len(steps), "a nudge, then more"
    assert check(exercise, ...).hint == steps[0]
    for step in steps[1:-1]:
        assert str(hint(exercise)) == step  # each call shows the next step, not the one just shown
    held_back = hint(exercise)
    assert held_back.waiting and held_back.text not in steps, "the last step waits for an attempt"
    after_attempt = {check(exercise, object()).hint, str(hint(exercise))}
    assert steps[-1] in after_attempt


@pytest.mark.parametrize("exercise", sorted(exercises()))
def test_no_hint_before_an_attempt_gives_the_answer_away(exercise, article):
    """Any hint shown before an attempt, pasted as the answer or run as code, must not pass."""
    import lessons

    before_attempt = [check(exercise, ...).hint] + [str(hint(exercise)) for _ in exercises()[exercise].hints]
    for text in before_attempt:
        assert not check(exercise, text).passed
        namespace = {"lessons": lessons, "article": article, "check": check}
        try:
            exec(text, namespace)
        except Exception:  # most hints are prose, not code
            continue
        assert not any(check(exercise, value).passed for value in namespace.values())


def test_hint_shows_formatted_not_as_a_quoted_string():
    shown = hint("1.5")
    assert isinstance(shown, Hint)
    assert repr(shown).startswith("Hint 1 of 3 for exercise 1.5: ") and "\\\\" not in repr(shown)
    assert "\\w+" in repr(shown)  # one backslash, as the student types it
    assert 'class="lessons-feedback mathjax_ignore"' in shown._repr_html_()


def test_dollar_signs_show_literally_in_feedback_and_hints():
    feedback = check("3.1", ["$350m", "$350"])
    html = feedback._repr_html_()
    assert "$" not in html and "&#36;350m" in html and "mathjax_ignore" in html
    assert r"\&#36;\d+" in html  # the hint's pattern keeps its backslash
    reset_hints()
    nudge = hint("3.1")._repr_html_()
    assert "&#36;350m" in nudge and "$" not in nudge
