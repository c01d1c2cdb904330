"""Speed and memory of the foundation and lesson 1; prints figures, asserts nothing.

Run from the repository:  python benchmarks/foundation.py
Each group of figures is measured in a fresh Python process, so no cache from one group helps
the next. Memory is how much a step raised the process's peak resident size (ru_maxrss), so a
step that reuses memory freed by an earlier one shows little; the process's total peak is given too.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SHARED_NLTK_DATA = REPO.parent / "shared" / "nltk_data"

MEASURE = """
import json, resource, time

def peak_rss_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports KiB

def measure(label, step):
    peak_before = peak_rss_mb()
    started = time.perf_counter()
    step()
    seconds = time.perf_counter() - started
    print(json.dumps({"step": label, "seconds": seconds, "peak_mb": peak_rss_mb() - peak_before}))

"""

STEPS = MEASURE + """
import lessons
article = lessons.load_article()
measure("load the tagger (tagging one word)", lambda: lessons.tag("Hello"))
measure("tokenize the article, first call (loads Punkt)", lambda: lessons.tokenize(article.text))
measure("tokenize the article, cached", lambda: lessons.tokenize(article.text))
measure("tag the article, first call", lambda: lessons.tag(article.text))
measure("tag the article, cached", lambda: lessons.tag(article.text))
measure("token explorer: build on the article", lambda: lessons.TokenExplorer())
print(json.dumps({"step": "process peak resident size after all of the above", "max_rss_mb": peak_rss_mb()}))
"""

TOKENIZE_AND_TAG_COLD = MEASURE + """
import lessons
article = lessons.load_article()
measure("tokenize + tag the article, cold (loads Punkt and the tagger)", lambda: lessons.tag(article.text))
measure("tokenize + tag the article, cached", lambda: lessons.tag(article.text))
"""

EXPLORER_UPDATES = """
import json, statistics, time
from lessons.widgets.tokens import TokenExplorer
from lessons.tokens import TOKENIZERS
explorer = TokenExplorer()
times = []
for index in range(len(explorer.sentence_picker.options) - 1):
    for name in TOKENIZERS:
        started = time.perf_counter()
        explorer.sentence_picker.value = index
        explorer.tokenizer_picker.value = name
        times.append(time.perf_counter() - started)
print(json.dumps({"step": "token explorer update (every sentence x tokenizer, first time each)",
                  "median_ms": statistics.median(times) * 1000, "max_ms": max(times) * 1000}))
"""


def environment() -> dict[str, str]:
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")])))
    if "NLTK_DATA" not in env and SHARED_NLTK_DATA.is_dir():
        env["NLTK_DATA"] = str(SHARED_NLTK_DATA)
    env.setdefault("MPLBACKEND", "Agg")
    return env


def run(code: str) -> list[dict]:
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=environment(),
                            cwd=REPO, check=True)
    return [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]


def import_time(repeats: int = 5) -> float:
    code = "import time; started = time.perf_counter(); import lessons; print(time.perf_counter() - started)"
    return statistics.median(
        float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=environment(),
                             cwd=REPO, check=True).stdout)
        for _ in range(repeats)
    )


def lesson_time(notebook: str = "01_tokenizing.ipynb") -> float:
    os.environ.update(environment())
    from lessons.coursework import execute, load_notebook

    path = REPO / "notebooks" / notebook
    started = time.perf_counter()
    execute(load_notebook(path), path.parent)
    return time.perf_counter() - started


def show(row: dict) -> None:
    figures = [f"{row['seconds']:.3f} s" if "seconds" in row else None,
               f"peak memory +{row['peak_mb']:.1f} MB" if "peak_mb" in row else None,
               f"{row['max_rss_mb']:.0f} MB" if "max_rss_mb" in row else None,
               f"median {row['median_ms']:.2f} ms, max {row['max_ms']:.1f} ms" if "median_ms" in row else None]
    print(f"  {row['step']:<66} {', '.join(filter(None, figures))}")


def main() -> None:
    print(f"Python {sys.version.split()[0]}, {os.cpu_count()} CPUs")
    print(f"  {'import lessons (median of 5 fresh processes)':<66} {import_time():.3f} s")
    for row in run(TOKENIZE_AND_TAG_COLD) + run(STEPS) + run(EXPLORER_UPDATES):
        show(row)
    print(f"  {'lesson 1 executed headless with nbclient (kernel start included)':<66} {lesson_time():.1f} s")


if __name__ == "__main__":
    main()
