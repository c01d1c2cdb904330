"""Grading a student's returned notebook: run it in a fresh kernel, record each exercise's check.

The grader trusts only the student's exercise cells. It runs the lesson's own
notebook (the student edition) with the student's exercise cells put in place
of the starters, one cell at a time, with a time limit per cell and for the
whole notebook. After each exercise cell it records the status of that
exercise's latest ``check`` (see :mod:`lessons.checks`), so later cells cannot
change an earlier result. Every exercise of the lesson gets a row, whatever
happened: a cell that raised, ran too long, was deleted or duplicated, or
touched the grading machinery gets a status and feedback that say so.

This guards against slips and casual tampering, not against a determined
attacker: the student's code runs with the grader's permissions, so run the
grader as a user (or in a container) that can read nothing private.
``docs/instructor-guide.md`` explains how teachers use it.

>>> uses_grading_internals("import lessons.checks as c\\nc._RESULTS['1.1'] = 'correct'")
'lessons.checks'
>>> uses_grading_internals("token_count = len(tokens)\\ncheck('1.1', token_count)") is None
True
"""

from __future__ import annotations

import ast
import csv
import json
import re
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path
from time import monotonic

import nbformat

from lessons.coursework import exercise_ids, load_notebook
from lessons.editions import LESSON_NOTEBOOKS, EditionError, kernels_use_this_package, lesson_notebooks

CELL_SECONDS = 60
TOTAL_SECONDS = 600
RECOVERY_SECONDS = 10
# What is kept of a cell's outputs, so a cell that prints in an endless loop cannot exhaust memory.
MAX_OUTPUTS = 200
MAX_OUTPUT_CHARS = 100_000
CUT_NOTE = "\n[... the grader kept only the first {:,} characters of this output]\n"
PROBE_MARKER = "LESSONS-GRADER "
CSV_COLUMNS = ("id", "passed", "status", "feedback")

# Names a student's answer never needs: using them is how results get forged.
PRIVATE_NAMES = frozenset({"_RESULTS", "_EXERCISES", "_evaluate", "_load_all"})
PRIVATE_ATTRIBUTES = frozenset({"checks", "__code__", "modules"})  # lessons.checks, f.__code__, sys.modules
CHECKS_MODULE = "lessons.checks"

# Runs in the student's kernel before (clear=True) and after each exercise cell. It reports the
# exercise's latest check and a fingerprint of the checking machinery (the identities of its functions,
# their code, the registry and the results), which must not change while the student's cells run.
# It is defined afresh in every probe cell, so student code cannot replace it beforehand.
PROBE = '''def _lessons_grader_probe(exercise_id, clear):
    import json, sys
    import lessons.checks as checks
    checks.exercises()  # register every lesson's exercises before the first fingerprint
    if clear:
        checks._RESULTS.pop(exercise_id, None)
    parts = [id(sys.modules.get("lessons.checks")), id(checks._RESULTS), id(checks._EXERCISES),
             type(checks._RESULTS) is dict, id(checks.Feedback), id(checks.Feedback.passed.fget)]
    for name in ("check", "_evaluate", "results", "exercises", "register", "equal", "_load_all"):
        function = getattr(checks, name, None)
        parts.append((name, id(function), id(getattr(function, "__code__", None))))
    for key, exercise in sorted(checks._EXERCISES.items()):
        parts.append((key, id(exercise), id(exercise.expected), id(exercise.compare)))
    last = globals().get("_")
    shown = last if isinstance(last, checks.Feedback) and last.exercise == exercise_id else None
    report = {"exercise": exercise_id, "fingerprint": repr(parts), "status": checks.results().get(exercise_id),
              "message": shown.message if shown else None, "hint": shown.hint if shown else None}
    sys.stdout.write(%r + json.dumps(report) + "\\n")
_lessons_grader_probe(%r, %r)
del _lessons_grader_probe'''


class GradingError(RuntimeError):
    """A notebook cannot be graded at all (e.g. no lesson to compare it with); the message says why."""


@dataclass(frozen=True)
class ExerciseResult:
    """One exercise's row: did it pass, its status, and feedback a student can act on."""

    id: str
    passed: bool
    status: str
    feedback: str


@dataclass(frozen=True)
class Grade:
    """The grade of one notebook: a row per exercise of its lesson, and notes about the notebook."""

    notebook: str
    lesson: str
    exercises: tuple[ExerciseResult, ...]
    notes: tuple[str, ...] = ()

    @property
    def passed(self) -> int:
        return sum(result.passed for result in self.exercises)

    def __str__(self) -> str:
        lines = [f"{self.notebook}: {self.passed}/{len(self.exercises)} exercises passed ({self.lesson})"]
        lines += [f"  {result.id:<6} {result.status:<14} {result.feedback}" for result in self.exercises]
        lines += [f"  note: {note}" for note in self.notes]
        return "\n".join(lines)

    def as_dict(self) -> dict:
        return {"notebook": self.notebook, "lesson": self.lesson, "passed": self.passed,
                "total": len(self.exercises), "notes": list(self.notes),
                "exercises": [asdict(result) for result in self.exercises]}


def _parse_cell(source: str) -> ast.AST | None:
    try:
        return ast.parse(source)
    except SyntaxError:
        pass
    # Cells may hold IPython syntax (%magics, !shell); IPython turns it into Python first.
    from IPython.core.inputtransformer2 import TransformerManager

    try:
        return ast.parse(TransformerManager().transform_cell(source))
    except SyntaxError:
        return None  # running the cell will report the syntax error to the student


def uses_grading_internals(source: str) -> str | None:
    """The first name in ``source`` that reaches into the grading machinery, or ``None``."""
    tree = _parse_cell(source)
    if tree is None:
        return None
    for node in ast.walk(tree):
        if isinstance(node, ast.Import) and any(alias.name == CHECKS_MODULE for alias in node.names):
            return CHECKS_MODULE
        if isinstance(node, ast.ImportFrom) and (node.module == CHECKS_MODULE or (
                node.module == "lessons" and any(alias.name == "checks" for alias in node.names))):
            return CHECKS_MODULE
        if isinstance(node, ast.Attribute) and node.attr in PRIVATE_ATTRIBUTES:
            return CHECKS_MODULE if node.attr == "checks" else node.attr
        name = (node.id if isinstance(node, ast.Name) else node.attr if isinstance(node, ast.Attribute)
                else node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None)
        if name in PRIVATE_NAMES:
            return name
        if isinstance(node, ast.Constant) and name in {"checks", CHECKS_MODULE}:  # getattr(lessons, "checks")
            return CHECKS_MODULE
    return None


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
    prefixes = {exercise.split(".")[0] for exercise in exercise_ids(notebook)} if notebook else set()
    numbers = {prefix.zfill(2) for prefix in prefixes if prefix.isdigit()}
    if len(numbers) == 1 and numbers <= set(by_number):
        return by_number[numbers.pop()]
    raise GradingError(f"Cannot tell which lesson {submission.name} belongs to (its name does not start with a "
                       f"lesson number such as 01_, and its exercise cells do not say). Pass --lesson with the "
                       f"student edition of the lesson.")


def _exercise_cells(notebook: nbformat.NotebookNode) -> dict[str, list[str]]:
    cells: dict[str, list[str]] = {}
    for cell in notebook.cells:
        if "exercise" in cell.metadata:
            cells.setdefault(str(cell.metadata["exercise"]), []).append(cell.source)
    return cells


def _lesson_cells(notebook: nbformat.NotebookNode) -> list[str]:
    return [cell.source.strip() for cell in notebook.cells
            if cell.cell_type == "code" and "exercise" not in cell.metadata]


def _probe_cell(exercise_id: str, clear: bool) -> nbformat.NotebookNode:
    cell = nbformat.v4.new_code_cell(PROBE % (PROBE_MARKER, exercise_id, clear))
    cell.metadata["grader"] = True
    return cell


def _graded_notebook(lesson: nbformat.NotebookNode, answers: dict[str, str]) -> nbformat.NotebookNode:
    """The lesson's cells with the student's answers in the exercise cells, and a probe around each."""
    graded = nbformat.v4.new_notebook(metadata=lesson.metadata)
    for cell in lesson.cells:
        exercise_id = cell.metadata.get("exercise")
        if exercise_id is None:
            graded.cells.append(cell)
            continue
        answer = nbformat.from_dict(json.loads(json.dumps(cell)))
        answer.source = answers.get(exercise_id, "")
        graded.cells += [_probe_cell(exercise_id, clear=True), answer, _probe_cell(exercise_id, clear=False)]
    return graded


@dataclass
class _Run:
    """What happened to each cell of a graded notebook: outcomes by cell index, and why it stopped."""

    outcomes: dict[int, str]
    stopped: str = ""


def _error_of(cell: nbformat.NotebookNode) -> str:
    for output in cell.get("outputs", []):
        if output.output_type == "error":
            return f"{output.ename}: {output.evalue}"
    return ""


def _kernel_recovers(client, cell: nbformat.NotebookNode) -> bool:
    """Interrupt the kernel after a cell ran too long; ``True`` when it answers again."""
    from nbclient.exceptions import CellTimeoutError, DeadKernelError
    from nbclient.util import run_sync

    run_sync(client.km.interrupt_kernel)()
    client.timeout = RECOVERY_SECONDS
    try:
        return client.wait_for_reply(client.kc.execute("pass"), cell) is not None
    except (CellTimeoutError, DeadKernelError):
        return False


def _capped_client(*args, **kwargs):
    from nbclient import NotebookClient

    class CappedClient(NotebookClient):
        def output(self, outs, msg, display_id, cell_index):
            kept = sum(len(output.get("text", "")) for output in outs)
            if msg["msg_type"] != "error" and (len(outs) >= MAX_OUTPUTS or kept >= MAX_OUTPUT_CHARS):
                return None
            out = super().output(outs, msg, display_id, cell_index)
            if out is not None and "text" in out and len(out.text) > MAX_OUTPUT_CHARS - kept:
                out.text = out.text[:MAX_OUTPUT_CHARS - kept] + CUT_NOTE.format(MAX_OUTPUT_CHARS)
            return out

    return CappedClient(*args, **kwargs)


def _run(notebook: nbformat.NotebookNode, working_dir: Path, cell_seconds: int, total_seconds: int) -> _Run:
    from nbclient.exceptions import CellTimeoutError, DeadKernelError

    client = _capped_client(notebook, kernel_name="python3", allow_errors=True, interrupt_on_timeout=False,
                            shutdown_kernel="immediate", resources={"metadata": {"path": str(working_dir)}})
    run = _Run({})
    deadline = monotonic() + total_seconds
    with kernels_use_this_package(), client.setup_kernel():
        for index, cell in enumerate(notebook.cells):
            if cell.cell_type != "code" or not cell.source.strip():
                continue
            remaining = deadline - monotonic()
            if remaining < 1:
                run.stopped = f"the notebook used up its total time limit of {total_seconds} s"
                break
            client.timeout = max(1, int(min(cell_seconds, remaining)))
            try:
                client.execute_cell(cell, index)
                run.outcomes[index] = _error_of(cell) and "error"
            except CellTimeoutError:
                run.outcomes[index] = "timeout"
                if not _kernel_recovers(client, cell):
                    run.stopped = "a cell ran past its time limit and could not be stopped"
                    break
            except DeadKernelError:
                run.outcomes[index] = "error"
                run.stopped = "the Python kernel died (the code crashed it or exited)"
                break
    return run


def _probe_reports(notebook: nbformat.NotebookNode) -> dict[tuple[int, str], dict]:
    reports = {}
    for index, cell in enumerate(notebook.cells):
        if not cell.metadata.get("grader"):
            continue
        for output in cell.get("outputs", []):
            for line in output.get("text", "").splitlines():
                if line.startswith(PROBE_MARKER):
                    report = json.loads(line[len(PROBE_MARKER):])
                    reports[index, report["exercise"]] = report
    return reports


def _checked(exercise_id: str, report: dict) -> ExerciseResult:
    status = report.get("status")
    if status is None:
        return ExerciseResult(exercise_id, False, "not checked",
                              f'The cell did not call check("{exercise_id}", ...) with your answer.')
    if report.get("message"):
        hint = f" Hint: {report['hint']}" if report.get("hint") else ""
        return ExerciseResult(exercise_id, status == "correct", status, report["message"] + hint)
    return ExerciseResult(exercise_id, status == "correct", status, f"The check says: {status}.")


def _results(graded: nbformat.NotebookNode, run: _Run, cell_seconds: int) -> list[ExerciseResult]:
    reports = _probe_reports(graded)
    tampered_by = None
    results = []
    for index, cell in enumerate(graded.cells):
        exercise_id = cell.metadata.get("exercise")
        if exercise_id is None:
            continue
        before, after = reports.get((index - 1, exercise_id)), reports.get((index + 1, exercise_id))
        outcome = run.outcomes.get(index)
        if tampered_by:
            results.append(ExerciseResult(exercise_id, False, "not graded",
                                          f"Not graded: the cell of exercise {tampered_by} changed the checking "
                                          f"machinery (lessons.checks), so later checks cannot be trusted."))
        elif outcome == "timeout":
            results.append(ExerciseResult(exercise_id, False, "timeout",
                                          f"The cell ran longer than {cell_seconds} s and was stopped. "
                                          f"Is there a loop that never ends?"))
        elif outcome == "error":
            results.append(ExerciseResult(exercise_id, False, "error",
                                          f"The cell raised {_error_of(cell) or 'an error that stopped Python'}."))
        elif before is None or after is None:
            reason = run.stopped or "its result could not be collected"
            results.append(ExerciseResult(exercise_id, False, "not run", f"Not run: {reason}."))
        elif after["fingerprint"] != before["fingerprint"]:
            tampered_by = exercise_id
            results.append(ExerciseResult(exercise_id, False, "tampered",
                                          "The cell changed the checking machinery (lessons.checks); "
                                          "an answer must only compute a value and check it."))
        else:
            results.append(_checked(exercise_id, after))
    return results


def _structure(lesson: nbformat.NotebookNode, submitted: nbformat.NotebookNode
               ) -> tuple[dict[str, str], dict[str, ExerciseResult], list[str]]:
    """The answers to run, the exercises that cannot be run (and why), and notes on the notebook."""
    cells = _exercise_cells(submitted)
    answers: dict[str, str] = {}
    refused: dict[str, ExerciseResult] = {}
    for exercise_id in exercise_ids(lesson):
        sources = cells.get(exercise_id, [])
        if not sources:
            refused[exercise_id] = ExerciseResult(
                exercise_id, False, "missing", f"The notebook has no cell for exercise {exercise_id} "
                "(was it deleted, or its cell metadata removed?).")
        elif len(sources) > 1:
            refused[exercise_id] = ExerciseResult(
                exercise_id, False, "tampered", f"The notebook has {len(sources)} cells for exercise "
                f"{exercise_id} (a copied cell keeps its exercise tag); keep your answer in one cell.")
        elif internal := uses_grading_internals(sources[0]):
            refused[exercise_id] = ExerciseResult(
                exercise_id, False, "tampered", f"The cell uses {internal}, part of the grading machinery, "
                "so it was not run; an answer must only compute a value and check it.")
        else:
            answers[exercise_id] = sources[0]
    notes = []
    unknown = sorted(set(cells) - set(exercise_ids(lesson)))
    if unknown:
        notes.append(f"Cells tagged as exercises that this lesson does not have were ignored: {', '.join(unknown)}.")
    if _lesson_cells(submitted) != _lesson_cells(lesson):
        notes.append("Code cells outside the exercises differ from the lesson (added, changed or removed); "
                     "the grader ran the lesson's own cells instead, so only the exercise cells count.")
    return answers, refused, notes


def grade(path: str | Path, lesson_path: str | Path | None = None, lessons_folder: Path = LESSON_NOTEBOOKS,
          cell_seconds: int = CELL_SECONDS, total_seconds: int = TOTAL_SECONDS) -> tuple[Grade, nbformat.NotebookNode | None]:
    """Grade the notebook at ``path``; return the grade and the executed notebook (None if not run).

    Raises :class:`GradingError` only when there is no lesson to grade against.
    """
    path = Path(path)
    try:
        submitted, unreadable = load_notebook(path), ""
    except Exception as error:  # any file at all may be handed in: report it, never crash on it
        submitted, unreadable = None, f"{type(error).__name__}: {str(error).splitlines()[0] if str(error) else ''}"
    lesson_file = Path(lesson_path) if lesson_path else find_lesson(path, submitted, lessons_folder)
    try:
        lesson = load_notebook(lesson_file)
    except Exception as error:
        raise GradingError(f"Cannot read the lesson {lesson_file} to grade against: {error}") from None
    if submitted is None:
        rows = tuple(ExerciseResult(exercise_id, False, "not graded",
                                    f"The file could not be read as a notebook ({unreadable}).")
                     for exercise_id in exercise_ids(lesson))
        return Grade(str(path), lesson_file.name, rows), None
    answers, refused, notes = _structure(lesson, submitted)
    graded = _graded_notebook(lesson, answers)
    with tempfile.TemporaryDirectory(prefix="lessons-grade-") as working_dir:
        run = _run(graded, Path(working_dir), cell_seconds, total_seconds)
    ran = {result.id: result for result in _results(graded, run, cell_seconds)}
    failed_lesson_cells = [f"cell {index + 1}: {_error_of(cell)}" for index, cell in enumerate(graded.cells)
                           if "exercise" not in cell.metadata and not cell.metadata.get("grader")
                           and run.outcomes.get(index) == "error"]
    if failed_lesson_cells:
        notes.append("Lesson cells (not exercises) failed, which can make later exercises fail: "
                     + "; ".join(failed_lesson_cells))
    if run.stopped:
        notes.append(f"Grading stopped early: {run.stopped}.")
    rows = tuple(refused.get(exercise_id) or ran[exercise_id] for exercise_id in exercise_ids(lesson))
    graded.cells = [cell for cell in graded.cells if not cell.metadata.get("grader")]
    return Grade(str(path), lesson_file.name, rows, tuple(notes)), graded


def write_grade(result: Grade, executed: nbformat.NotebookNode | None, out: Path) -> list[Path]:
    """Write ``<name>.grade.csv`` and ``<name>.grade.json`` (and the run notebook) into ``out``."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    stem = Path(result.notebook).stem
    csv_path, json_path = out / f"{stem}.grade.csv", out / f"{stem}.grade.json"
    with csv_path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(CSV_COLUMNS)
        writer.writerows((row.id, row.passed, row.status, row.feedback) for row in result.exercises)
    json_path.write_text(json.dumps(result.as_dict(), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    written = [csv_path, json_path]
    if executed is not None:
        written.append(out / f"{stem}.graded.ipynb")
        nbformat.write(executed, str(written[-1]))
    return written
