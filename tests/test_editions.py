"""``python -m lessons editions``: the student edition as committed, the instructor edition solved and run."""

from __future__ import annotations

from pathlib import Path

import pytest

from lessons.__main__ import main
from lessons.coursework import execute, exercise_ids, load_notebook
from lessons.editions import LESSON_NOTEBOOKS, EditionError, find_solutions, make_editions
from tests.demo_lesson import NAME, SOLUTIONS, write_demo_lesson


def _files(folder):
    return sorted(path.relative_to(folder) for path in folder.rglob("*"))


def test_editions_of_a_lesson(tmp_path):
    notebooks, solutions = write_demo_lesson(tmp_path / "repo")
    before = _files(tmp_path / "repo")
    report = make_editions(tmp_path / "out", notebooks, solutions)

    assert (report.student / NAME).read_bytes() == (notebooks / NAME).read_bytes()
    instructor = load_notebook(report.instructor / NAME)
    exercise_cells = [cell for cell in instructor.cells if "exercise" in cell.metadata]
    assert [cell.source for cell in exercise_cells] == list(SOLUTIONS.values())
    assert all(cell.outputs for cell in exercise_cells)
    assert not [output for cell in instructor.cells if cell.cell_type == "code"
                for output in cell.outputs if output.output_type == "error"]
    assert report.results == {NAME: {"9.1": "correct", "9.2": "correct"}}
    assert _files(tmp_path / "repo") == before
    assert _files(tmp_path / "out") == sorted(
        path.relative_to(tmp_path / "out") for path in [report.student, report.instructor,
                                                        report.student / NAME, report.instructor / NAME])


def test_student_edition_runs_with_every_exercise_not_attempted(tmp_path):
    notebooks, solutions = write_demo_lesson(tmp_path / "repo")
    report = make_editions(tmp_path / "out", notebooks, solutions)
    student = load_notebook(report.student / NAME)
    assert execute(student, tmp_path / "out") == {exercise: "not attempted" for exercise in exercise_ids(student)}


def test_missing_solutions_say_where_they_live_and_write_nothing(tmp_path, capsys):
    notebooks, _ = write_demo_lesson(tmp_path / "repo")
    code = main(["editions", "--out", str(tmp_path / "out"), "--notebooks", str(notebooks),
                 "--solutions", str(tmp_path / "nowhere")])
    assert code == 2
    assert "tests/solutions/" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()
    with pytest.raises(EditionError, match="--solutions"):
        find_solutions(tmp_path / "nowhere")


def test_a_failing_solution_is_reported_and_leaves_out_as_it_was(tmp_path):
    notebooks, solutions = write_demo_lesson(tmp_path / "repo")
    (solutions / "demo_09.py").write_text(f"SOLUTIONS = {({**SOLUTIONS, '9.2': '1 / 0'})!r}\n")
    with pytest.raises(EditionError, match="ZeroDivisionError"):
        make_editions(tmp_path / "out", notebooks, solutions)
    assert not (tmp_path / "out").exists()
    (tmp_path / "old").mkdir()
    (tmp_path / "old" / "keep.txt").write_text("teacher's file")
    with pytest.raises(EditionError, match="ZeroDivisionError"):
        make_editions(tmp_path / "old", notebooks, solutions, force=True)
    assert _files(tmp_path / "old") == [Path("keep.txt")]
    assert sorted(path.name for path in tmp_path.iterdir()) == ["old", "repo"]  # no staging folder left behind


def test_a_non_empty_out_is_refused_without_force(tmp_path, capsys):
    notebooks, solutions = write_demo_lesson(tmp_path / "repo")
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "notes.txt").write_text("mine")
    args = ["editions", "--out", str(tmp_path / "out"), "--notebooks", str(notebooks), "--solutions", str(solutions)]
    assert main(args) == 2
    error = capsys.readouterr().err
    assert "not empty" in error and "--force" in error
    assert _files(tmp_path / "out") == [Path("notes.txt")]
    assert main([*args, "--force"]) == 0
    assert _files(tmp_path / "out") == [Path("instructor"), Path("instructor") / NAME,
                                        Path("student"), Path("student") / NAME]


@pytest.mark.parametrize("edition", ["instructor", "student"])
def test_editions_never_write_into_their_source(tmp_path, capsys, edition):
    notebooks, solutions = write_demo_lesson(tmp_path / "repo")
    make_editions(tmp_path / "X", notebooks, solutions)
    before = {path: path.read_bytes() for path in (tmp_path / "X").rglob("*") if path.is_file()}
    assert main(["editions", "--notebooks", str(tmp_path / "X" / edition), "--out", str(tmp_path / "X"),
                 "--solutions", str(solutions), "--force"]) == 2
    assert "overlaps the input folder" in capsys.readouterr().err
    assert {path: path.read_bytes() for path in (tmp_path / "X").rglob("*") if path.is_file()} == before


@pytest.mark.skipif(not list(LESSON_NOTEBOOKS.glob("[0-9][0-9]_*.ipynb")), reason="no lesson notebooks yet")
def test_editions_of_the_real_lessons(tmp_path):
    assert main(["editions", "--out", str(tmp_path)]) == 0
    for notebook in LESSON_NOTEBOOKS.glob("[0-9][0-9]_*.ipynb"):
        assert (tmp_path / "student" / notebook.name).read_bytes() == notebook.read_bytes()
        assert (tmp_path / "instructor" / notebook.name).is_file()


def test_kernels_import_this_checkout(monkeypatch):
    import os

    from lessons.editions import REPOSITORY, kernels_use_this_package

    monkeypatch.setenv("PYTHONPATH", "/elsewhere")
    with kernels_use_this_package():
        assert os.environ["PYTHONPATH"].split(os.pathsep) == [str(REPOSITORY), "/elsewhere"]
    assert os.environ["PYTHONPATH"] == "/elsewhere"
    monkeypatch.delenv("PYTHONPATH")
    with kernels_use_this_package():
        assert os.environ["PYTHONPATH"] == str(REPOSITORY)
    assert "PYTHONPATH" not in os.environ
