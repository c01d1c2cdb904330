"""Command line: ``python -m lessons data check|download``, ``lab``, ``editions``, ``grade`` and ``report``.

``lab`` is what the README's first command runs: it makes sure the NLTK data is
there, then opens working copies of the lessons in JupyterLab (see :mod:`lessons.lab`).
``editions``, ``grade`` and ``report`` are for teachers (see docs/instructor-guide.md).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from lessons import paths

NOTEBOOKS = paths.lessons_folder()


def _absolute_nltk_data() -> None:
    # Kernels run in notebooks/, so a relative NLTK_DATA would point somewhere else there.
    if os.environ.get("NLTK_DATA"):
        folders = os.environ["NLTK_DATA"].split(os.pathsep)
        os.environ["NLTK_DATA"] = os.pathsep.join(os.path.abspath(folder) for folder in folders)


def data_check() -> int:
    from lessons import data

    print(data.report())
    return 1 if data.missing() else 0


def data_download(download_dir: str | None) -> int:
    from lessons import data

    still_missing = data.download(download_dir)
    print(data.report())
    if still_missing:
        print(f"\nCould not download: {', '.join(still_missing)} (no internet access?).", file=sys.stderr)
        return 1
    return 0


def _ensure_data() -> bool:
    from lessons import data

    if not data.missing():
        return True
    course_data = paths.course_nltk_data()  # course machines without internet keep a copy beside the clone
    if course_data is not None and "NLTK_DATA" not in os.environ:
        print(f"Using the course's offline NLTK data in {course_data}")
        os.environ["NLTK_DATA"] = str(course_data)
        import nltk

        nltk.data.path.insert(0, str(course_data))
        if not data.missing():
            return True
    print("Some NLTK data is missing; downloading it ...")
    data_download(None)
    return not data.missing()  # an optional resource that could not be fetched only skips its part


def lab(folder: Path | None, extra_arguments: list[str]) -> int:
    from lessons.lab import LabError, open_lab

    _absolute_nltk_data()
    if not _ensure_data():
        return 1
    try:
        return open_lab(folder, extra_arguments)
    except LabError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2


def write_editions(arguments: argparse.Namespace) -> int:
    from lessons.editions import EditionError, make_editions

    try:
        print(make_editions(arguments.out, arguments.notebooks, arguments.solutions, arguments.cell_timeout,
                            arguments.force))
    except EditionError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    return 0


def grade_notebooks(arguments: argparse.Namespace) -> int:
    """Exit codes: 0 every submission graded, 1 some could not be graded, 2 nothing graded (bad call)."""
    from lessons.grading import Session, sandbox
    from lessons.grading.gradebook import EXIT_USAGE, grade_class
    from lessons.safefiles import FileError

    lessons_folder = arguments.lessons_folder or NOTEBOOKS
    try:
        lessons = [arguments.lesson] if arguments.lesson else sorted(Path(lessons_folder).glob("[0-9][0-9]_*.ipynb"))
        limits = sandbox.Limits(memory_mb=arguments.memory_mb)
        session = Session(lessons, arguments.sandbox, limits, arguments.cell_timeout, arguments.total_timeout,
                          max(1, arguments.jobs))
    except (sandbox.SandboxError, OSError) as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_USAGE
    if session.mode == "none":
        print("warning: grading without a sandbox; the notebooks' code runs with your permissions.", file=sys.stderr)
    try:
        code, entries = grade_class(arguments.notebooks, arguments.out, session, session.jobs,
                                    arguments.lesson, lessons_folder)
    except FileError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_USAGE
    finally:
        session.close()
    for entry in entries:
        print(entry.grade) if entry.grade else print(f"error: {entry.error}", file=sys.stderr)
    print(f"Wrote the grade book to {arguments.out}/gradebook.html (.csv, .json)")
    return code


def write_report(arguments: argparse.Namespace) -> int:
    from lessons.article import ArticleError
    from lessons.report import make_report
    from lessons.safefiles import MEGABYTE, FileError

    try:
        written = make_report(arguments.article, arguments.out, max_bytes=int(arguments.max_mb * MEGABYTE))
    except (ArticleError, NotADirectoryError, FileError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    print(f"Wrote {', '.join(str(path) for path in written)}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m lessons", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    data_parser = commands.add_parser("data", help="check or download the NLTK data the lessons need")
    data_parser.add_argument("action", choices=["check", "download"])
    data_parser.add_argument("--dir", help="download into this folder (default: NLTK's own choice)")
    lab_parser = commands.add_parser(
        "lab", help="check the data, then open working copies of the lessons in JupyterLab",
        allow_abbrev=False,  # JupyterLab's own flags pass through; none may be taken for an abbreviation of ours
        description="Check the NLTK data, copy the lessons into your folder (only those not there yet, "
                    "so your work is never overwritten) and open the first one in JupyterLab. "
                    "Ctrl+C stops JupyterLab and its kernels.",
        epilog="Any other option is passed to JupyterLab as it is (see: jupyter lab --help), "
               "e.g. --no-browser or --ServerApp.port=8890.")
    lab_parser.add_argument("--dir", type=Path, default=None,
                            help="folder for your working copies (default: ./news-nlp-lessons, made if missing)")
    editions_parser = commands.add_parser(
        "editions", help="write the student edition (starters) and the instructor edition (solutions, executed)")
    editions_parser.add_argument("--out", required=True, type=Path, help="folder to write student/ and instructor/ into")
    editions_parser.add_argument("--notebooks", type=Path, help="folder of lesson notebooks (default: notebooks/ of this clone)")
    editions_parser.add_argument("--solutions", type=Path,
                                 help="folder of solutions files (default: tests/solutions/ of this clone)")
    editions_parser.add_argument("--cell-timeout", type=int, default=300, help="seconds a cell may run (default 300)")
    editions_parser.add_argument("--force", action="store_true", help="replace what a non-empty --out holds")
    grade_parser = commands.add_parser(
        "grade", help="grade returned notebooks (files, or a folder with one sub-folder or notebook per student) "
                      "in a sandbox; write each one's results and a grade book (CSV, JSON, HTML)",
        epilog="Exit codes: 0 every submission graded, 1 some could not be graded (see the grade book's notes), "
               "2 nothing graded (bad arguments, no notebooks, results folder not writable, sandbox unavailable).")
    grade_parser.add_argument("notebooks", nargs="+", type=Path, metavar="NOTEBOOK_OR_FOLDER",
                              help="a student's notebook, or a folder of students")
    grade_parser.add_argument("--out", required=True, type=Path, help="folder for the results")
    grade_parser.add_argument("--jobs", type=int, default=1, help="notebooks graded at once (default 1)")
    grade_parser.add_argument("--lesson", type=Path,
                              help="the lesson's student edition to grade against (default: by the NN_ of the name)")
    grade_parser.add_argument("--lessons-folder", type=Path, help="where to look for lessons (default: notebooks/)")
    grade_parser.add_argument("--cell-timeout", type=int, default=60, help="seconds a cell may run (default 60)")
    grade_parser.add_argument("--total-timeout", type=int, default=600,
                              help="seconds the whole notebook may run (default 600)")
    grade_parser.add_argument("--memory-mb", type=int, default=2048, help="memory a kernel may use (default 2048)")
    grade_parser.add_argument("--sandbox", choices=["auto", "bwrap", "none"], default="auto",
                              help="bwrap: bubblewrap sandbox; none: no sandbox, trusted notebooks only; "
                                   "auto (default): bwrap when it works here")
    report_parser = commands.add_parser(
        "report", help="an HTML page (and CSV tables) of an article's quantities, actors and quotes")
    report_parser.add_argument("article", nargs="?", type=Path, metavar="ARTICLE.txt",
                               help="a UTF-8 plain-text article, headline on the first line (default: the seed)")
    report_parser.add_argument("--out", required=True, type=Path, help="folder for report.html and the CSV files")
    report_parser.add_argument("--max-mb", type=float, default=20, help="largest article to read, in MB (default 20)")
    arguments, extra = parser.parse_known_args(argv)
    if arguments.command == "lab":
        return lab(arguments.dir, extra)
    if extra:
        parser.error(f"unrecognized arguments: {' '.join(extra)}")
    _absolute_nltk_data()
    if arguments.command == "editions":
        return write_editions(arguments)
    if arguments.command == "grade":
        return grade_notebooks(arguments)
    if arguments.command == "report":
        return write_report(arguments)
    if arguments.action == "check":
        return data_check()
    return data_download(arguments.dir)


if __name__ == "__main__":
    sys.exit(main())
