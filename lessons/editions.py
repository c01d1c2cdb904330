"""The student and instructor editions of the lessons, for teachers who hand them out.

The student edition is the notebooks exactly as committed: starters in place,
no outputs. The instructor edition has every exercise cell replaced by its
solution and is executed, so it shows the outputs a correct run gives.
Solutions live in ``tests/solutions/`` of a clone of the repository, never in
the installed package, so a student who installs the lessons cannot read them.
``docs/instructor-guide.md`` explains how to use both editions.

>>> solutions_module_name(Path("notebooks/01_tokenizing.ipynb"))
'tokenizing_01'
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import nbformat

from lessons import paths
from lessons.coursework import execute, exercise_ids, load_notebook, with_solutions
from lessons.safefiles import FileError, check_new_folder, staged_folder

REPOSITORY = paths.package_parent()  # kernels import the `lessons` found here
LESSON_NOTEBOOKS = paths.lessons_folder()  # the pristine lessons, never a student's working copies
SOLUTIONS = paths.solutions_folder()


class EditionError(RuntimeError):
    """An edition cannot be made; the message says why and what to do."""


@dataclass(frozen=True)
class EditionReport:
    """What ``make_editions`` wrote: the two folders and each lesson's exercise results."""

    student: Path
    instructor: Path
    results: dict[str, dict[str, str]]

    def __str__(self) -> str:
        lines = [f"Student edition:    {self.student}", f"Instructor edition: {self.instructor}"]
        for lesson, statuses in self.results.items():
            summary = ", ".join(f"{exercise} {status}" for exercise, status in statuses.items()) or "no exercises"
            lines.append(f"  {lesson}: {summary}")
        return "\n".join(lines)


@contextmanager
def kernels_use_this_package() -> Iterator[None]:
    """Kernels started in this block import this ``lessons`` (e.g. a clone's), not another installed copy."""
    before = os.environ.get("PYTHONPATH")
    os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPOSITORY), before]))
    try:
        yield
    finally:
        if before is None:
            del os.environ["PYTHONPATH"]
        else:
            os.environ["PYTHONPATH"] = before


def lesson_notebooks(folder: Path = LESSON_NOTEBOOKS) -> list[Path]:
    """The lesson notebooks in ``folder``, in lesson order; an error if there are none."""
    notebooks = sorted(Path(folder).glob("[0-9][0-9]_*.ipynb"))
    if not notebooks:
        raise EditionError(
            f"No lesson notebooks (NN_topic.ipynb) in {folder}. Run this command from a clone of the "
            f"news-nlp-lessons repository, or pass --notebooks with the folder that holds them."
        )
    return notebooks


def solutions_module_name(notebook: Path) -> str:
    """The solutions file's name for a notebook: ``01_tokenizing.ipynb`` -> ``tokenizing_01``."""
    number, _, topic = Path(notebook).stem.partition("_")
    return f"{topic}_{number}"


def find_solutions(folder: Path | None = None) -> Path:
    """The folder with the instructor's solutions, or an :class:`EditionError` that says where to get it."""
    folder = Path(folder) if folder is not None else SOLUTIONS
    if not folder.is_dir() or not any(folder.glob("*_[0-9][0-9].py")):
        raise EditionError(
            f"No solutions in {folder}.\n"
            f"The instructor edition needs the solutions, which live in tests/solutions/ of a clone of the "
            f"news-nlp-lessons repository (they are not installed with the package, so students cannot read "
            f"them). Install from a clone (git clone ...; pip install -e .) or pass --solutions with the path "
            f"of that folder."
        )
    return folder


def load_solutions(notebook: Path, folder: Path) -> dict[str, str]:
    """The solutions for ``notebook`` from ``folder``, by exercise ID ({} when it has no solutions file).

    A lesson's sections may keep theirs in files of their own, all ending in the lesson's number
    (``numbers_03.py`` and ``dates_03.py`` for ``03_numbers.ipynb``), as tests/solutions does.
    """
    number = solutions_module_name(notebook).rpartition("_")[2]
    solutions: dict[str, str] = {}
    for path in sorted(Path(folder).glob(f"*_{number}.py")):
        solutions.update(_solutions_file(path))
    return solutions


def _solutions_file(path: Path) -> dict[str, str]:
    # The solutions are the repository's own Python files (the same ones the tests import).
    spec = importlib.util.spec_from_file_location(f"_lessons_solutions_{path.stem}", path)
    module = importlib.util.module_from_spec(spec)
    try:
        spec.loader.exec_module(module)
        return dict(module.SOLUTIONS)
    except Exception as error:
        raise EditionError(f"Could not read the solutions in {path}: {type(error).__name__}: {error}") from None


def write_student_edition(notebooks: list[Path], out: Path) -> Path:
    """Copy the notebooks as committed into ``out/student``."""
    folder = Path(out) / "student"
    folder.mkdir(parents=True, exist_ok=True)
    for notebook in notebooks:
        shutil.copyfile(notebook, folder / notebook.name)
    return folder


def write_instructor_edition(notebooks: list[Path], solutions: Path, out: Path,
                             timeout: int = 300) -> tuple[Path, dict[str, dict[str, str]]]:
    """Fill in the solutions, execute each notebook in ``out/instructor`` and save it with its outputs.

    Raises :class:`EditionError` when a solution is missing, a cell fails, or a solution does not pass.
    """
    from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

    folder = Path(out) / "instructor"
    folder.mkdir(parents=True, exist_ok=True)
    results = {}
    for path in notebooks:
        notebook = load_notebook(path)
        answers = load_solutions(path, solutions)
        unsolved = [exercise for exercise in exercise_ids(notebook) if exercise not in answers]
        if unsolved:
            raise EditionError(f"{path.name}: no solution for exercise {', '.join(unsolved)} "
                               f"in {solutions / (solutions_module_name(path) + '.py')}.")
        solved = with_solutions(notebook, answers)
        print(f"Executing {path.name} with the solutions ...", file=sys.stderr)
        try:
            with kernels_use_this_package():
                results[path.name] = execute(solved, folder, timeout=timeout)
        except (CellExecutionError, CellTimeoutError, DeadKernelError) as error:
            raise EditionError(f"{path.name} failed with the solutions filled in:\n{error}") from None
        nbformat.write(solved, str(folder / path.name))
        failing = {exercise: status for exercise, status in results[path.name].items() if status != "correct"}
        if failing:
            raise EditionError(f"{path.name}: these solutions do not pass their checks: {failing}")
    return folder, results


def make_editions(out: Path, notebooks_folder: Path | None = None, solutions_folder: Path | None = None,
                  timeout: int = 300, force: bool = False) -> EditionReport:
    """Write ``out/student`` and ``out/instructor``, all or nothing; nothing is written outside ``out``.

    ``out`` must be empty or new (``force`` replaces what is in it) and apart from
    the notebooks and solutions it is made from; otherwise :class:`EditionError`.
    """
    notebooks_folder = notebooks_folder or LESSON_NOTEBOOKS
    notebooks = lesson_notebooks(notebooks_folder)
    solutions = find_solutions(solutions_folder)  # before writing anything, so a bad call leaves no half edition
    try:
        out = check_new_folder(out, force, sources=(Path(notebooks_folder), solutions))
        # Built beside out and renamed into place: a failing solution leaves out as it was.
        with staged_folder(out) as staging:
            write_student_edition(notebooks, staging)
            _, results = write_instructor_edition(notebooks, solutions, staging, timeout)
    except FileError as error:
        raise EditionError(str(error)) from None
    return EditionReport(out / "student", out / "instructor", results)
