"""Lesson 3 "When?" benchmark: IEER scores for dates and times, the gold files' scores, and words per second.

Run:  NLTK_DATA=/path/to/nltk_data python benchmarks/dates.py

Scores are exact-span, typed (DATE, TIME, DURATION), with each story's own date
as the reference, through ``lessons.evaluation`` and ``lessons.dates.ieer_spans``
(IEER's annotators leave out words that only point from the day of writing).
Speed is measured from raw text to resolved expressions on every IEER story,
caches cleared before each round, best of five.

Figures (typed F1, exact spans). IEER was used while the rules were written, so
the gold files are the blind test: 0.98 on IEER; the first two gold files 0.78
on their first run, 0.83 after (their remaining errors are mark-up choices
IEER does not make: "nearly seven hours" with its qualifier, "for months");
weather_river_flood (written before the rules for counts, bare decades and
numeric dates) 1.00 on its first run. The rules added after it ("2000 troops"
is a count, "the 1970s and early 80s", "3/20/2023", "at 21:30") left IEER at
0.98 (349 of 358 right) and the gold files at 0.93.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))  # measure this checkout's lessons, not an installed copy

from lessons.caching import clear_caches
from lessons.dates import KINDS, extract_times, ieer_spans
from lessons.evaluation import Found, evaluate, gold_documents, ieer_documents


def found(document) -> list[Found]:
    return [Found(each.start, each.end, each.kind) for each in ieer_spans(document.text, document.date)]


def show(title: str, documents) -> None:
    result = evaluate(documents, found, kinds=KINDS)
    print(f"\n{title} ({len(documents)} stories)")
    print(result.table())


def speed(documents) -> float:
    words = sum(len(document.text.split()) for document in documents)
    best = float("inf")
    for _ in range(5):
        clear_caches()
        start = time.perf_counter()
        for document in documents:
            extract_times(document.text, document.date)
        best = min(best, time.perf_counter() - start)
    return words / best


def main() -> None:
    stories = ieer_documents()
    show("IEER, exact spans", stories)
    own = [document for document in gold_documents()
           if any(span.kind in KINDS for span in document.spans)]
    if own:
        show("The project's gold files (lessons/gold)", own)
    print(f"\nspeed: {speed(stories):,.0f} words/s on IEER text "
          f"({sum(len(document.text.split()) for document in stories):,} words)")


if __name__ == "__main__":
    main()
