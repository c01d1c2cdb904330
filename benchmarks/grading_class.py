"""Grading a class in one run: 200 returned lesson-1 notebooks, right, wrong, erroring, looping and hostile.

Run from the repository:  python benchmarks/grading_class.py [--count 200] [--jobs 2]
It writes the class into a temporary folder, runs ``python -m lessons grade`` on it once and prints
the wall time, the peak memory of the whole process tree (grader, workers and sandboxed kernels,
sampled from /proc) and how the grades came out. Prints figures, asserts nothing.
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SHARED_NLTK_DATA = REPO.parent / "shared" / "nltk_data"
if SHARED_NLTK_DATA.is_dir():
    os.environ.setdefault("NLTK_DATA", str(SHARED_NLTK_DATA))
sys.path.insert(0, str(REPO))

import nbformat  # noqa: E402

from lessons.coursework import load_notebook, with_solutions  # noqa: E402
from tests.solutions import solutions_for  # noqa: E402

LESSON = REPO / "notebooks" / "01_tokenizing.ipynb"
KINDS = {
    "right": lambda solutions: solutions,
    "wrong": lambda solutions: {"1.1": 'check("1.1", ["Xi", "visits"])', "1.2": 'check("1.2", 38)'},
    "erroring": lambda solutions: {**solutions, "1.2": "1 / 0"},
    "looping": lambda solutions: {**solutions, "1.3": "while True:\n    pass"},
    "forging": lambda solutions: {"1.1": 'import json\njson.dumps = lambda *a, **k: \'"correct"\''},
    "greedy": lambda solutions: {**solutions, "1.4": "block = bytearray(8 * 10**9)"},
    "flooding": lambda solutions: {**solutions, "1.5": 'print("x" * 50_000_000)'},
    "escaping": lambda solutions: {**solutions, "1.1": 'import subprocess, sys\nsubprocess.Popen([sys.executable, '
                                   '"-c", "import time; time.sleep(600)"], start_new_session=True)'},
}


def write_class(folder: Path, count: int) -> collections.Counter:
    lesson, solutions = load_notebook(LESSON), solutions_for(LESSON)
    kinds = list(KINDS)
    made = collections.Counter()
    for number in range(count):
        kind = kinds[(number // 2) % len(kinds)] if number % 2 else "right"  # half the class gets it right
        student = folder / f"student{number:03d}-{kind}"
        student.mkdir(parents=True)
        nbformat.write(with_solutions(lesson, KINDS[kind](solutions)), str(student / LESSON.name))
        made[kind] += 1
    return made


def tree_rss(root: int) -> int:
    """Resident memory (bytes) of ``root`` and every process below it."""
    parents, rss = {}, {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
                parents[int(entry.name)] = int(fields[1])
                rss[int(entry.name)] = int(fields[21]) * os.sysconf("SC_PAGE_SIZE")
            except (OSError, IndexError, ValueError):
                continue
    inside, total = {root}, 0
    for pid in sorted(parents, key=lambda pid: pid):
        chain, current = [], pid
        while current in parents and current not in inside and current > 1:
            chain.append(current)
            current = parents[current]
        if current in inside:
            inside.update(chain)
    return sum(rss.get(pid, 0) for pid in inside)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=200)
    parser.add_argument("--jobs", type=int, default=2)
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        made = write_class(Path(scratch) / "class", arguments.count)
        command = [sys.executable, "-m", "lessons", "grade", str(Path(scratch) / "class"), "--out",
                   str(Path(scratch) / "grades"), "--jobs", str(arguments.jobs), "--cell-timeout", "10"]
        started = time.perf_counter()
        process = subprocess.Popen(command, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        peak = [0]

        def sample() -> None:
            while process.poll() is None:
                peak[0] = max(peak[0], tree_rss(process.pid))
                time.sleep(0.5)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        _, errors = process.communicate()
        elapsed = time.perf_counter() - started
        sampler.join()
        book = json.loads((Path(scratch) / "grades" / "gradebook.json").read_text(encoding="utf-8"))
    outcomes = collections.Counter()
    for student in book["students"]:
        kind = student["student"].rsplit("-", 1)[1]
        grade = student["grade"]
        outcomes[kind, f"{grade['passed']}/{grade['total']}" if grade else "not graded"] += 1
    print(f"{arguments.count} notebooks of lesson 1 ({dict(made)}), --jobs {arguments.jobs}, exit code "
          f"{process.returncode}")
    print(f"  wall time: {elapsed:7.1f} s ({elapsed / arguments.count:.2f} s a notebook)")
    print(f"  peak resident memory of the process tree: {peak[0] / 2**20:,.0f} MB")
    print("  exercises passed, by kind of notebook: " + ", ".join(
        f"{kind} {passed} x{count}" for (kind, passed), count in sorted(outcomes.items(), key=str)))
    print(f"  stderr (progress bar) ended with: {errors.strip().splitlines()[-1][:100] if errors.strip() else ''}")


if __name__ == "__main__":
    main()
