"""Grading returned notebooks: ``python -m lessons grade``, one notebook or a whole class.

The trust boundary: a student's code runs only in a sandboxed kernel
(:mod:`lessons.grading.sandbox`) that has neither the solutions nor the answer
key, and hands back answer values as plain data; the grader judges them in its
own process with the exercises of :mod:`lessons.checks`
(:mod:`lessons.grading.notebook`). A class is graded in parallel, each
submission in a child process of its own, into one grade book
(:mod:`lessons.grading.gradebook`). ``docs/instructor-guide.md`` says what this
protects against and what it does not.

>>> Session.describe_mode("none")
'no sandbox (trusted notebooks only)'
"""

from __future__ import annotations

import itertools
import os
import re
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import nbformat

from lessons.coursework import exercise_ids
from lessons.editions import LESSON_NOTEBOOKS, EditionError, lesson_notebooks
from lessons.grading import notebook as graded_run
from lessons.grading import sandbox
from lessons.grading.children import ChildFailed, run_in_child
from lessons.grading.results import ExerciseResult, Grade, cap
from lessons.safefiles import FileError, read_bytes

__all__ = ["ExerciseResult", "Grade", "GradingError", "Session", "find_lesson", "grade", "grade_file"]

CELL_SECONDS = 60
TOTAL_SECONDS = 600
MAX_NOTEBOOK_BYTES = 20_000_000
SLACK_SECONDS = 180  # kernel start and shut-down, on top of the notebook's own time limit


class GradingError(RuntimeError):
    """A notebook cannot be graded at all (e.g. no lesson to compare it with); the message says why."""


def find_lesson(submission: Path, notebook: nbformat.NotebookNode | None,
                lessons_folder: Path = LESSON_NOTEBOOKS) -> Path:
    """The lesson a returned notebook belongs to: by its ``NN_`` file name, else by its exercise IDs."""
    try:
        lessons = lesson_notebooks(lessons_folder)
    except EditionError:
        raise GradingError(f"No lesson notebooks (NN_topic.ipynb) in {lessons_folder} to grade {submission.name} "
                           f"against. Pass --lesson with the student edition of the lesson, or --lessons-folder "
                           f"with the folder of lessons.") from None
    by_number = {path.name[:2]: path for path in lessons}
    number = re.match(r"(\d\d)_", submission.name)
    if number and number.group(1) in by_number:
        return by_number[number.group(1)]
    prefixes = {str(exercise).split(".")[0] for exercise in exercise_ids(notebook)} if notebook else set()
    numbers = {prefix.zfill(2) for prefix in prefixes if prefix.isdigit()}
    if len(numbers) == 1 and numbers <= set(by_number):
        return by_number[numbers.pop()]
    raise GradingError(f"Cannot tell which lesson {cap(submission.name, 200)} belongs to (its name does not start "
                       f"with a lesson number such as 01_, and its exercise cells do not say). Pass --lesson with "
                       f"the student edition of the lesson.")


@dataclass
class Session:
    """What a grading run shares: the sandbox mode, the kernels' copy of the package, limits, scratch space."""

    lessons: list[Path]
    mode: str = "auto"
    limits: sandbox.Limits = field(default_factory=sandbox.Limits)
    cell_seconds: int = CELL_SECONDS
    total_seconds: int = TOTAL_SECONDS
    jobs: int = 1

    def __post_init__(self) -> None:
        self.mode = sandbox.choose_mode(self.mode)
        self.users, self._locks = sandbox.claim_users(self.jobs) if self.mode == "bwrap" else ([None] * self.jobs, [])
        self.scratch = Path(tempfile.mkdtemp(prefix="lessons-grading-"))
        os.chmod(self.scratch, 0o711)  # the kernels' users must reach their own folders inside
        sources = [str(cell.source) for path in self.lessons for cell in nbformat.read(str(path), 4).cells]
        self.library = sandbox.make_library(self.scratch / "library", sources)
        self.counter = itertools.count(1)

    def warm_up(self) -> None:
        """Compute each lesson's expected answers once, here: every child process inherits the caches."""
        from lessons import checks

        for path in self.lessons:
            for exercise_id in exercise_ids(nbformat.read(str(path), 4)):
                checks.check(exercise_id, object())  # a wrong answer: the check computes the expected one
        checks.reset_hints()  # each student's hints start from the first step

    @staticmethod
    def describe_mode(mode: str) -> str:
        return {"bwrap": "bubblewrap sandbox, unprivileged user", "none": "no sandbox (trusted notebooks only)"}[mode]

    def close(self) -> None:
        shutil.rmtree(self.scratch, ignore_errors=True)
        for lock in self._locks:
            lock.close()


def _read_submission(path: Path) -> tuple[nbformat.NotebookNode | None, str]:
    try:
        return nbformat.reads(read_bytes(path, MAX_NOTEBOOK_BYTES).decode("utf-8"), as_version=4), ""
    except FileError as error:
        return None, str(error)
    except Exception as error:  # any file at all may be handed in: report it, never crash on it
        return None, f"{type(error).__name__}: {cap(str(error).splitlines()[0] if str(error) else '', 200)}"


def _run_sandboxed(session: Session, graded: nbformat.NotebookNode, slot: int) -> dict:
    """Run the graded notebook in a fresh sandboxed kernel; afterwards none of its processes is left."""
    user = session.users[slot - 1]
    run_folder = session.scratch / f"run-{slot}-{next(session.counter)}"
    sandbox.prepare_run_folder(run_folder, user, session.mode)
    argv = sandbox.kernel_argv(session.mode, run_folder, session.library, session.limits, user)
    specs = sandbox.write_kernel_spec(session.scratch / f"spec-{run_folder.name}", argv)
    try:
        return run_in_child(lambda: graded_run.run_notebook(graded, specs, run_folder, session.cell_seconds,
                                                            session.total_seconds, user),
                            session.total_seconds + SLACK_SECONDS)
    except ChildFailed as error:
        return {"notebook": None, "outcomes": {}, "stopped": f"the grader stopped the kernel: {error}"}
    finally:
        sandbox.end_processes_of(user)
        shutil.rmtree(run_folder, ignore_errors=True)
        shutil.rmtree(specs.parent, ignore_errors=True)


def grade_file(path: Path, session: Session, lesson_path: Path | None = None,
               lessons_folder: Path = LESSON_NOTEBOOKS, slot: int = 1) -> tuple[Grade, dict | None]:
    """Grade one notebook: its grade and the executed notebook as a dict (``None`` if it was not run)."""
    submitted, unreadable = _read_submission(path)
    lesson_file = Path(lesson_path) if lesson_path else find_lesson(path, submitted, lessons_folder)
    try:
        lesson = nbformat.read(str(lesson_file), as_version=4)
    except Exception as error:
        raise GradingError(f"Cannot read the lesson {lesson_file} to grade against: {cap(error, 300)}") from None
    if submitted is None:
        rows = tuple(ExerciseResult(exercise_id, False, "not graded",
                                    f"The file could not be read as a notebook ({unreadable}).")
                     for exercise_id in exercise_ids(lesson))
        return Grade(str(path), lesson_file.name, rows), None
    answers, refused, notes = graded_run.structure(lesson, submitted)
    graded = graded_run.graded_notebook(lesson, answers)
    run = _run_sandboxed(session, graded, slot)
    executed = nbformat.from_dict(run["notebook"]) if run["notebook"] else graded
    outcomes = {int(index): outcome for index, outcome in run["outcomes"].items()}
    ran = graded_run.results(executed, outcomes, run["stopped"], session.cell_seconds)
    failed = [f"cell {index + 1}: {graded_run.error_of(cell)}" for index, cell in enumerate(executed.cells)
              if "exercise" not in cell.metadata and not cell.metadata.get("grader") and outcomes.get(index) == "error"]
    if failed:
        notes.append("Lesson cells (not exercises) failed, which can make later exercises fail: " + "; ".join(failed))
    if run["stopped"]:
        notes.append(f"Grading stopped early: {run['stopped']}.")
    rows = tuple(refused.get(exercise_id) or ran[exercise_id] for exercise_id in exercise_ids(lesson))
    executed.cells = [cell for cell in executed.cells if not cell.metadata.get("grader")]
    return Grade(str(path), lesson_file.name, rows, tuple(notes)), executed


def grade(path: str | Path, lesson_path: str | Path | None = None, lessons_folder: Path = LESSON_NOTEBOOKS,
          cell_seconds: int = CELL_SECONDS, total_seconds: int = TOTAL_SECONDS, sandbox_mode: str = "auto",
          limits: sandbox.Limits | None = None) -> tuple[Grade, nbformat.NotebookNode | None]:
    """Grade the notebook at ``path`` in a sandbox of its own; the grade and the executed notebook.

    Raises :class:`GradingError` only when there is no lesson to grade against.
    """
    path = Path(path)
    lesson_file = Path(lesson_path) if lesson_path else find_lesson(path, _read_submission(path)[0], lessons_folder)
    session = Session([lesson_file], sandbox_mode, limits or sandbox.Limits(), cell_seconds, total_seconds)
    try:
        result, executed = grade_file(path, session, lesson_file)
    finally:
        session.close()
    return result, (nbformat.from_dict(executed) if executed is not None else None)
