"""Every lesson runs top to bottom: with the student's starters, and with the instructor's solutions."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from lessons.coursework import execute, exercise_ids, load_notebook, with_solutions
from tests.solutions import solutions_for

NOTEBOOKS = sorted((Path(__file__).resolve().parent.parent / "notebooks").glob("*.ipynb"))


def test_there_are_lessons():
    assert NOTEBOOKS, "notebooks/ has no lessons"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda path: path.name)
def test_committed_without_outputs(path):
    notebook = json.loads(path.read_text(encoding="utf-8"))
    for number, cell in enumerate(notebook["cells"]):
        if cell["cell_type"] == "code":
            assert cell["outputs"] == [], f"cell {number} has outputs"
            assert cell["execution_count"] is None, f"cell {number} has an execution count"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda path: path.name)
def test_every_exercise_has_a_solution(path):
    ids = exercise_ids(load_notebook(path))
    assert ids, f"{path.name} has no exercises"
    assert len(ids) == len(set(ids)), f"{path.name} repeats an exercise ID"
    assert sorted(solutions_for(path)) == sorted(ids)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda path: path.name)
def test_runs_with_starters(path):
    notebook = load_notebook(path)
    results = execute(notebook, path.parent)
    assert results == {exercise: "not attempted" for exercise in exercise_ids(notebook)}


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda path: path.name)
def test_runs_with_solutions_and_they_pass(path):
    notebook = with_solutions(load_notebook(path), solutions_for(path))
    results = execute(notebook, path.parent)
    assert results == {exercise: "correct" for exercise in exercise_ids(notebook)}
