"""``python -m lessons grade``: every exercise gets a clear result, whatever the notebook does."""

from __future__ import annotations

import csv
import json

import nbformat
import pytest

from lessons.__main__ import main
from lessons.coursework import exercise_ids, load_notebook, new_notebook, with_solutions
from lessons.editions import LESSON_NOTEBOOKS
from lessons.grading import GradingError, find_lesson, grade
from lessons.grading import notebook as grading_run
from tests.demo_lesson import NAME, SOLUTIONS, WRONG, demo_notebook, write_demo_lesson
from tests.solutions import solutions_for

REAL_LESSONS = sorted(LESSON_NOTEBOOKS.glob("[0-9][0-9]_*.ipynb"))


@pytest.fixture
def lessons_folder(tmp_path):
    return write_demo_lesson(tmp_path / "repo")[0]


def _grade(tmp_path, lessons_folder, notebook, name=NAME, **limits):
    path = tmp_path / "returned" / name
    path.parent.mkdir(exist_ok=True)
    nbformat.write(notebook, str(path))
    result, _ = grade(path, lessons_folder=lessons_folder, **limits)
    return {row.id: row for row in result.exercises}, result


def test_correct_notebook_passes_and_writes_csv_and_json(tmp_path, lessons_folder):
    path = tmp_path / "alice" / NAME
    path.parent.mkdir()
    nbformat.write(demo_notebook(SOLUTIONS), str(path))
    assert main(["grade", str(path), "--out", str(tmp_path / "grades"), "--lessons-folder", str(lessons_folder)]) == 0
    with (tmp_path / "grades" / "09_demo.grade.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert [(row["id"], row["passed"], row["status"]) for row in rows] == [("9.1", "True", "correct"),
                                                                          ("9.2", "True", "correct")]
    assert rows[0]["feedback"].startswith("Well done!")
    report = json.loads((tmp_path / "grades" / "09_demo.grade.json").read_text(encoding="utf-8"))
    assert (report["passed"], report["total"], report["notes"]) == (2, 2, [])
    assert [row["id"] for row in report["exercises"]] == ["9.1", "9.2"]
    graded = nbformat.read(str(tmp_path / "grades" / "09_demo.graded.ipynb"), as_version=4)
    assert len(graded.cells) == len(demo_notebook().cells)


def test_wrong_and_unattempted_answers_get_the_checks_feedback(tmp_path, lessons_folder):
    rows, _ = _grade(tmp_path, lessons_folder, demo_notebook({"9.2": WRONG["9.2"]}))
    assert (rows["9.1"].passed, rows["9.1"].status) == (False, "not attempted")
    assert (rows["9.2"].passed, rows["9.2"].status) == (False, "incorrect")
    assert "Not quite" in rows["9.2"].feedback and "['Xi', 'met', 'Putin.']" in rows["9.2"].feedback


def test_an_error_fails_only_its_exercise(tmp_path, lessons_folder):
    rows, result = _grade(tmp_path, lessons_folder, demo_notebook({
        "9.1": 'token_count = len(tokenz)\ncheck("9.1", token_count)', "9.2": SOLUTIONS["9.2"]}))
    assert rows["9.1"].status == "error"
    assert "NameError" in rows["9.1"].feedback and "tokenz" in rows["9.1"].feedback
    assert rows["9.2"].passed


def test_answers_come_back_even_when_the_students_code_silences_printing(tmp_path, lessons_folder):
    # The answers travel on the kernel's reply channel, not on its printed output.
    silenced = "import io, sys\nsys.stdout = io.StringIO()\n" + SOLUTIONS["9.1"]
    rows, _ = _grade(tmp_path, lessons_folder, demo_notebook({"9.1": silenced, "9.2": SOLUTIONS["9.2"]}))
    assert rows["9.1"].passed and rows["9.2"].passed


def test_an_endless_loop_is_stopped_and_the_rest_still_graded(tmp_path, lessons_folder):
    rows, _ = _grade(tmp_path, lessons_folder, demo_notebook({"9.1": "while True:\n    pass", "9.2": SOLUTIONS["9.2"]}),
                     cell_seconds=3)
    assert rows["9.1"].status == "timeout" and "3 s" in rows["9.1"].feedback
    assert rows["9.2"].passed


def test_a_loop_that_ignores_interrupts_stops_grading_with_a_reason(tmp_path, lessons_folder, monkeypatch):
    monkeypatch.setattr(grading_run, "RECOVERY_SECONDS", 2)
    stubborn = "import signal\nsignal.signal(signal.SIGINT, signal.SIG_IGN)\nwhile True:\n    pass"
    rows, result = _grade(tmp_path, lessons_folder, demo_notebook({"9.1": stubborn, "9.2": SOLUTIONS["9.2"]}),
                          cell_seconds=3)
    assert rows["9.1"].status == "timeout"
    assert rows["9.2"].status == "not run" and "could not be stopped" in rows["9.2"].feedback


def test_the_total_time_limit_is_kept(tmp_path, lessons_folder):
    slow = 'import time\ntime.sleep(2)\ntoken_count = len(lessons.tokenize("U.S. aid"))\ncheck("9.1", token_count)'
    rows, result = _grade(tmp_path, lessons_folder, demo_notebook({"9.1": slow, "9.2": SOLUTIONS["9.2"]}),
                          cell_seconds=30, total_seconds=1)
    assert {row.status for row in rows.values()} <= {"not run", "timeout"}
    assert any("total time limit" in note for note in result.notes)


def test_a_crashed_kernel_is_reported(tmp_path, lessons_folder):
    rows, result = _grade(tmp_path, lessons_folder, demo_notebook({"9.1": "import os\nos._exit(1)"}))
    assert rows["9.1"].status == "error"
    assert rows["9.2"].status == "not run" and "kernel died" in rows["9.2"].feedback


def test_deleted_and_duplicated_exercise_cells(tmp_path, lessons_folder):
    notebook = demo_notebook(SOLUTIONS)
    exercise_92 = notebook.cells.pop(5)
    notebook.cells.pop(2)  # 9.1 deleted
    notebook.cells += [exercise_92, nbformat.v4.new_code_cell(exercise_92.source, metadata=exercise_92.metadata)]
    rows, _ = _grade(tmp_path, lessons_folder, notebook)
    assert rows["9.1"].status == "missing" and "deleted" in rows["9.1"].feedback
    assert rows["9.2"].status == "tampered" and "2 cells" in rows["9.2"].feedback


def test_changed_lesson_cells_are_replaced_by_the_lessons_own(tmp_path, lessons_folder):
    notebook = demo_notebook(SOLUTIONS)
    notebook.cells[4].source = 'sentence = "Something else entirely."'
    notebook.cells.insert(3, nbformat.v4.new_code_cell("extra = 1"))
    rows, result = _grade(tmp_path, lessons_folder, notebook)
    assert rows["9.2"].passed
    assert any("outside the exercises differ" in note for note in result.notes)


def test_an_unreadable_file_gets_a_row_per_exercise(tmp_path, lessons_folder):
    path = tmp_path / NAME
    path.write_text("{ this is not a notebook", encoding="utf-8")
    result, executed = grade(path, lessons_folder=lessons_folder)
    assert executed is None
    assert [(row.id, row.status) for row in result.exercises] == [("9.1", "not graded"), ("9.2", "not graded")]
    assert "could not be read as a notebook" in result.exercises[0].feedback


def test_the_lesson_is_found_by_name_or_by_exercise_ids(tmp_path, lessons_folder):
    assert find_lesson(tmp_path / "09_demo-alice.ipynb", None, lessons_folder).name == NAME
    assert find_lesson(tmp_path / "alice.ipynb", demo_notebook(), lessons_folder).name == NAME
    with pytest.raises(GradingError, match="--lesson"):
        find_lesson(tmp_path / "alice.ipynb", new_notebook([("code", "x = 1", None)]), lessons_folder)


def test_cli_reports_a_notebook_it_cannot_place_and_goes_on(tmp_path, lessons_folder, capsys):
    stray = tmp_path / "stray.ipynb"
    nbformat.write(new_notebook([("code", "x = 1", None)]), str(stray))
    assert main(["grade", str(stray), "--out", str(tmp_path / "grades"), "--lessons-folder", str(lessons_folder)]) == 1
    assert "Cannot tell which lesson" in capsys.readouterr().err


@pytest.mark.skipif(not REAL_LESSONS, reason="no lesson notebooks yet")
def test_a_real_lesson_solved_passes_every_exercise(tmp_path):
    lesson = REAL_LESSONS[0]
    path = tmp_path / lesson.name
    nbformat.write(with_solutions(load_notebook(lesson), solutions_for(lesson)), str(path))
    result, _ = grade(path)
    assert [(row.id, row.status) for row in result.exercises] == [
        (exercise, "correct") for exercise in exercise_ids(load_notebook(lesson))]
    assert result.notes == ()


def test_no_lessons_to_grade_against_says_what_to_pass(tmp_path):
    with pytest.raises(GradingError, match="--lesson"):
        find_lesson(tmp_path / "01_tokenizing.ipynb", None, tmp_path / "empty")


def test_a_cell_that_prints_forever_keeps_a_bounded_output(tmp_path, lessons_folder):
    flood = 'while True:\n    print("x" * 1000)'
    path = tmp_path / NAME
    nbformat.write(demo_notebook({"9.1": flood, "9.2": SOLUTIONS["9.2"]}), str(path))
    result, executed = grade(path, lessons_folder=lessons_folder, cell_seconds=3)
    rows = {row.id: row for row in result.exercises}
    assert rows["9.1"].status == "timeout" and rows["9.2"].passed
    flooded = next(cell for cell in executed.cells if cell.metadata.get("exercise") == "9.1")
    kept = sum(len(output.get("text", "")) for output in flooded.outputs)
    cut = ["the grader kept only the first" in output.get("text", "") for output in flooded.outputs]
    assert grading_run.MAX_OUTPUT_CHARS <= kept <= grading_run.MAX_OUTPUT_CHARS + 100
    assert cut.count(True) == 1


def test_an_answer_that_is_a_function_is_judged_by_its_outputs_on_the_graders_inputs(tmp_path):
    from lessons.checks import Exercise, check, register

    register(Exercise("9.5", "Write double(x), which doubles a number or repeats a string twice.",
                      expected=lambda: [2, 5.0, "abab"], inputs=((1,), (2.5,), ("ab",))))
    lesson = new_notebook([("code", "from lessons import check", None),
                           ("code", "def double(x):\n    ...\ncheck('9.5', ...)", "9.5")])
    folder = tmp_path / "lessons"
    folder.mkdir()
    nbformat.write(lesson, str(folder / "09_functions.ipynb"))
    right = "def double(x):\n    return x * 2\ncheck('9.5', double)"
    wrong = "def double(x):\n    return x + 2\ncheck('9.5', double)"
    statuses = {}
    for name, source in (("right", right), ("wrong", wrong)):
        answered = with_solutions(lesson, {"9.5": source})
        rows, _ = _grade(tmp_path, folder, answered, name=f"09_functions-{name}.ipynb")
        statuses[name] = rows["9.5"].status
    assert statuses == {"right": "correct", "wrong": "incorrect"}
    assert check("9.5", lambda x: x * 2).passed  # the same check in a student's own notebook


def test_an_emptied_exercise_cell_is_not_checked(tmp_path, lessons_folder):
    rows, _ = _grade(tmp_path, lessons_folder, demo_notebook({"9.1": "", "9.2": SOLUTIONS["9.2"]}))
    assert rows["9.1"].status == "not checked" and 'check("9.1"' in rows["9.1"].feedback
    assert rows["9.2"].passed
