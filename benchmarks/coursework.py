"""Speed of the teacher's commands: what grading adds to running a notebook, and the report's time.

Run from the repository:  python benchmarks/coursework.py
Prints figures, asserts nothing. The report figures need lessons 3 and 4 (quantities, actors);
without them that part says so and is skipped.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SHARED_NLTK_DATA = REPO.parent / "shared" / "nltk_data"
if SHARED_NLTK_DATA.is_dir():
    os.environ.setdefault("NLTK_DATA", str(SHARED_NLTK_DATA))
sys.path.insert(0, str(REPO))
os.environ.setdefault("MPLBACKEND", "Agg")

import nbformat  # noqa: E402

from lessons.coursework import execute  # noqa: E402
from lessons.editions import kernels_use_this_package  # noqa: E402
from lessons.grading import grade  # noqa: E402
from tests.demo_lesson import NAME, SOLUTIONS, demo_notebook, write_demo_lesson  # noqa: E402

RUNS = 3


def seconds(step) -> float:
    started = time.perf_counter()
    step()
    return time.perf_counter() - started


def grading_overhead(folder: Path) -> None:
    notebooks, _ = write_demo_lesson(folder)
    returned = folder / NAME
    nbformat.write(demo_notebook(SOLUTIONS), str(returned))
    with kernels_use_this_package():
        plain = [seconds(lambda: execute(demo_notebook(SOLUTIONS), folder)) for _ in range(RUNS)]
    graded = [seconds(lambda: grade(returned, lessons_folder=notebooks)) for _ in range(RUNS)]
    print(f"demo lesson (2 exercises), median of {RUNS}:")
    print(f"  run top to bottom (coursework.execute): {statistics.median(plain):6.2f} s")
    print(f"  grade (cell by cell, probes, checks):   {statistics.median(graded):6.2f} s")


def report_speed(folder: Path) -> None:
    try:
        import lessons.actors  # noqa: F401
        import lessons.quantities  # noqa: F401
    except ImportError as error:
        print(f"report: skipped ({error.name} is not in this checkout)")
        return
    from nltk.corpus import state_union

    from lessons.report import make_report

    started = time.perf_counter()
    make_report(None, folder / "seed")
    print(f"report on the seed article (first call, models loading): {time.perf_counter() - started:6.2f} s")
    started = time.perf_counter()
    make_report(None, folder / "seed-again")
    print(f"report on the seed article (again):                      {time.perf_counter() - started:6.2f} s")
    words = state_union.words()[:20_000]
    speech = folder / "state_union.txt"
    speech.write_text("State of the Union addresses\n" + " ".join(words), encoding="utf-8")
    started = time.perf_counter()
    make_report(speech, folder / "long", stream=open(os.devnull, "w"))
    elapsed = time.perf_counter() - started
    print(f"report on {len(words):,} words of state_union: {elapsed:6.2f} s ({len(words) / elapsed:,.0f} words/s)")
    print(f"  report.html: {(folder / 'long' / 'report.html').stat().st_size / 1e6:.1f} MB")


if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as scratch:
        grading_overhead(Path(scratch) / "grading")
        report_speed(Path(scratch) / "report")
