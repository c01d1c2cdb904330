"""A class in one run: find each student's notebooks, grade them in parallel, write one grade book.

``python -m lessons grade FOLDER --out DIR --jobs N``: each entry of FOLDER is
a student (a sub-folder of notebooks, or one notebook file). Every submission
is graded in a child process of its own (:mod:`lessons.grading.children`);
only this process writes into DIR, atomically, after the submission's
processes are gone. DIR gets, per submission, ``<key>.grade.csv``,
``<key>.grade.json`` and ``<key>.graded.ipynb``, and for the class
``gradebook.csv``, ``gradebook.json`` and ``gradebook.html``.

>>> submission_key("alice", Path("01_tokenizing.ipynb"), set())
'alice-01_tokenizing'
"""

from __future__ import annotations

import csv
import html
import io
import json
import re
import select
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

import nbformat

from lessons.grading import GradingError, Session, grade_file
from lessons.grading.children import Child
from lessons.grading.results import ExerciseResult, Grade, cap
from lessons.safefiles import FileError, publish

EXIT_OK, EXIT_NOT_GRADED, EXIT_USAGE = 0, 1, 2
CSV_COLUMNS = ("id", "passed", "status", "feedback")
BOOK_NAMES = ("gradebook.csv", "gradebook.json", "gradebook.html")


@dataclass(frozen=True)
class Submission:
    """One notebook to grade: whose it is, where it is, and the unique name of its result files."""

    student: str
    path: Path
    key: str


def _safe(name: str) -> str:
    return re.sub(r"[^\w.-]+", "_", name).strip("._")[:80] or "student"


def submission_key(student: str, notebook: Path, taken: set[str]) -> str:
    """A file-name-safe key for the result files, unique among ``taken`` (which it joins)."""
    base = _safe(student if student.endswith(notebook.stem) else f"{student}-{notebook.stem}")
    key, number = base, 2
    while key.casefold() in taken or f"{key}.grade.csv" in BOOK_NAMES:
        key, number = f"{base}-{number}", number + 1
    taken.add(key.casefold())
    return key


def find_submissions(paths: list[Path], out: Path) -> list[Submission]:
    """The notebooks to grade: files as given; in a folder, each sub-folder or notebook is a student."""
    found: list[tuple[str, Path]] = []
    out = out.resolve()
    for path in paths:
        if path.is_dir():
            for entry in sorted(path.iterdir()):
                if entry.resolve() == out or entry.name.startswith("."):
                    continue
                if entry.is_dir():
                    found += [(entry.name, notebook) for notebook in sorted(entry.glob("*.ipynb"))
                              if notebook.is_file() and not notebook.is_symlink()]
                elif entry.suffix == ".ipynb" and entry.is_file() and not entry.is_symlink():
                    found.append((entry.stem, entry))
        else:
            found.append((path.stem, path))
    stems = [notebook.stem for student, notebook in found if student == notebook.stem]
    taken: set[str] = set()
    submissions = []
    for student, notebook in found:
        if student == notebook.stem and stems.count(student) > 1:  # alice/01_tokenizing.ipynb, bob/01_tokenizing.ipynb
            student = f"{notebook.parent.name}/{notebook.stem}"
        submissions.append(Submission(student, notebook, submission_key(student.replace("/", "-"), notebook, taken)))
    return submissions


def _grade_one(submission: Submission, session: Session, lesson: Path | None, lessons_folder: Path,
               slot: int) -> dict:
    try:
        result, executed = grade_file(submission.path, session, lesson, lessons_folder, slot)
    except GradingError as error:
        return {"error": cap(error)}
    return {"grade": result.as_dict(), "executed": executed}


def _csv(header: list[str], rows: list[list]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    writer.writerows([[cap(cell) for cell in row] for row in rows])
    return buffer.getvalue().encode("utf-8")


def _result_files(submission: Submission, result: Grade, executed: dict | None) -> dict[str, bytes]:
    files = {f"{submission.key}.grade.csv": _csv(list(CSV_COLUMNS), [
                 [row.id, row.passed, row.status, row.feedback] for row in result.exercises]),
             f"{submission.key}.grade.json": (json.dumps(result.as_dict(), indent=2, ensure_ascii=False)
                                              + "\n").encode("utf-8")}
    if executed is not None:
        files[f"{submission.key}.graded.ipynb"] = nbformat.writes(nbformat.from_dict(executed)).encode("utf-8")
    return files


class Progress:
    """A text progress bar on stderr: how many submissions are graded, and the latest."""

    def __init__(self, total: int, stream: TextIO | None = None) -> None:
        self.total, self.done, self.stream = total, 0, stream or sys.stderr

    def step(self, what: str) -> None:
        self.done += 1
        filled = round(30 * self.done / max(self.total, 1))
        end = "\n" if self.done == self.total or not self.stream.isatty() else ""
        print(f"\r[{'#' * filled}{'.' * (30 - filled)}] {self.done}/{self.total} {cap(what, 60):<60}",
              end=end, file=self.stream, flush=True)


@dataclass
class Entry:
    """A graded (or not gradable) submission, as the grade book shows it."""

    submission: Submission
    grade: Grade | None
    error: str = ""


def _not_graded(submission: Submission, why: str) -> Entry:
    return Entry(submission, None, cap(why))


def grade_class(paths: list[Path], out: Path, session: Session, jobs: int = 1, lesson: Path | None = None,
                lessons_folder: Path | None = None, stream: TextIO | None = None) -> tuple[int, list[Entry]]:
    """Grade every submission under ``paths`` into ``out``; the exit code and each submission's entry."""
    submissions = find_submissions(paths, out)
    if not submissions:
        raise FileError(f"No notebooks (*.ipynb) to grade in {', '.join(map(str, paths))}.")
    session.warm_up()
    progress, entries, pending = Progress(len(submissions), stream), [], list(submissions)
    running: dict[int, tuple[Child, Submission, int]] = {}
    free_slots = list(range(max(1, min(jobs, len(session.users))), 0, -1))
    while pending or running:
        while pending and free_slots:
            submission, slot = pending.pop(0), free_slots.pop()
            child = Child(lambda: _grade_one(submission, session, lesson, lessons_folder, slot),
                          session.total_seconds + 300)
            running[child.fd] = (child, submission, slot)
        for fd in select.select(list(running), [], [], 0.5)[0]:
            running[fd][0].read_some()
        for fd, (child, submission, slot) in list(running.items()):
            if child.done or child.kill_if_late():
                del running[fd]
                free_slots.append(slot)
                entries.append(_finish(child, submission, out))
                progress.step(submission.student)
    entries.sort(key=lambda entry: submissions.index(entry.submission))
    publish(book_files(entries, session.describe_mode(session.mode)), out)
    return (EXIT_NOT_GRADED if any(entry.error for entry in entries) else EXIT_OK), entries


def _finish(child: Child, submission: Submission, out: Path) -> Entry:
    """Write one submission's results (its processes are all gone by now)."""
    if child.failure or not isinstance(child.result, dict):
        return _not_graded(submission, f"could not grade {submission.path}: {child.failure}")
    if "error" in child.result:
        return _not_graded(submission, child.result["error"])
    try:
        result = Grade.from_dict(child.result["grade"])
        publish(_result_files(submission, result, child.result.get("executed")), out)
    except FileError as error:
        return _not_graded(submission, f"results of {submission.path} not written: {error}")
    except (KeyError, TypeError, ValueError) as error:
        return _not_graded(submission, f"could not grade {submission.path}: {type(error).__name__}")
    return Entry(submission, result)


def _exercise_ids(entries: list[Entry]) -> list[str]:
    ids = {row.id: None for entry in entries if entry.grade for row in entry.grade.exercises}
    return sorted(ids, key=lambda exercise: [int(part) if part.isdigit() else part for part in exercise.split(".")])


def book_rows(entries: list[Entry]) -> tuple[list[str], list[list]]:
    """The grade book as a table: a row per submission, a column per exercise (1, 0 or blank), totals."""
    ids = _exercise_ids(entries)
    header = ["student", "notebook", "lesson", *ids, "passed", "total", "notes"]
    rows = []
    for entry in entries:
        results = {row.id: row for row in entry.grade.exercises} if entry.grade else {}
        cells = [int(results[exercise].passed) if exercise in results else "" for exercise in ids]
        notes = list(entry.grade.notes) if entry.grade else [entry.error]
        rows.append([entry.submission.student, str(entry.submission.path), entry.grade.lesson if entry.grade else "",
                     *cells, entry.grade.passed if entry.grade else 0, len(results), " | ".join(notes)])
    return header, rows


def pass_rates(entries: list[Entry]) -> dict[str, tuple[int, int]]:
    """For each exercise: how many submissions passed it, out of how many had it."""
    rates: dict[str, tuple[int, int]] = {}
    for entry in entries:
        for row in entry.grade.exercises if entry.grade else ():
            passed, total = rates.get(row.id, (0, 0))
            rates[row.id] = (passed + row.passed, total + 1)
    return {exercise: rates[exercise] for exercise in _exercise_ids(entries)}


def _status_cell(row: ExerciseResult | None) -> str:
    if row is None:
        return "<td></td>"
    mark = "✓" if row.passed else "✗"
    return f'<td class="{"pass" if row.passed else "fail"}" title="{html.escape(cap(row.feedback, 300))}">' \
           f"{mark} {html.escape(row.status)}</td>"


def book_html(entries: list[Entry], sandbox: str = "") -> str:
    """The grade book as one self-contained, escaped HTML page."""
    ids, rates = _exercise_ids(entries), pass_rates(entries)
    rate_cells = "".join(f"<td>{passed}/{total} ({100 * passed / total:.0f}%)</td>" for passed, total in rates.values())
    rows = []
    for entry in entries:
        results = {row.id: row for row in entry.grade.exercises} if entry.grade else {}
        notes = "<br>".join(html.escape(note) for note in (entry.grade.notes if entry.grade else [entry.error]))
        total = f"{entry.grade.passed}/{len(results)}" if entry.grade else "not graded"
        rows.append(f"<tr><th scope=\"row\">{html.escape(entry.submission.student)}</th>"
                    f"<td>{html.escape(entry.submission.path.name)}</td>"
                    + "".join(_status_cell(results.get(exercise)) for exercise in ids)
                    + f"<td>{total}</td><td>{notes}</td></tr>")
    head = "".join(f"<th scope=\"col\">{html.escape(exercise)}</th>" for exercise in ids)
    return ("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Grade book</title><style>"
            "body{font-family:sans-serif}table{border-collapse:collapse}td,th{border:1px solid #999;"
            "padding:2px 6px;vertical-align:top}.pass{background:#d9f0d3}.fail{background:#fddbc7}</style>"
            f"</head><body><h1>Grade book</h1><p>Graded in: {html.escape(sandbox)}.</p>"
            "<h2>Pass rate of each exercise</h2>"
            f"<table><tr>{head}</tr><tr>{rate_cells}</tr></table><h2>Students</h2>"
            f"<table><tr><th scope=\"col\">student</th><th scope=\"col\">notebook</th>{head}"
            f"<th scope=\"col\">passed</th><th scope=\"col\">notes</th></tr>{''.join(rows)}</table></body></html>\n")


def book_files(entries: list[Entry], sandbox: str = "") -> dict[str, bytes]:
    """``gradebook.csv``, ``gradebook.json`` and ``gradebook.html`` for these entries."""
    header, rows = book_rows(entries)
    data = {"sandbox": sandbox, "exercises": {exercise: {"passed": passed, "total": total}
                          for exercise, (passed, total) in pass_rates(entries).items()},
            "students": [{"student": entry.submission.student, "notebook": str(entry.submission.path),
                          "key": entry.submission.key, "error": entry.error,
                          "grade": entry.grade.as_dict() if entry.grade else None} for entry in entries]}
    return {"gradebook.csv": _csv(header, rows),
            "gradebook.json": (json.dumps(data, indent=2, ensure_ascii=False) + "\n").encode("utf-8"),
            "gradebook.html": book_html(entries, sandbox).encode("utf-8")}
