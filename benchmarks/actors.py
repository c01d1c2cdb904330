"""Lesson 4 figures: mention-level precision/recall against the hand annotation, and pipeline speed.

Run:  python benchmarks/actors.py            (the whole state_union corpus, ~400,000 words)
      python benchmarks/actors.py --files 10 (the first ten speeches)

Prints figures; asserts nothing. The target is at least 12,000 words per second for the
whole pipeline (tokens, tags, quantities where lessons.quantities exists, actors) on 2 cores.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import json
import os
import time
from pathlib import Path

import lessons
from lessons.actors import extract_actors, quotes, score_mentions

GOLD = Path(__file__).resolve().parent.parent / "tests" / "gold"


def accuracy() -> None:
    """Precision and recall on the seed (which the rules were written on) and on a text they were not."""
    for filename in ("actors_seed.json", "actors_unseen.json"):
        gold = json.loads((GOLD / filename).read_text(encoding="utf-8"))
        text = gold.get("text") or lessons.load_article().text
        rows = [(a["name"], a["kind"], m["start"], m["end"]) for a in gold["actors"] for m in a["mentions"]]
        found = extract_actors(text)
        strict = score_mentions(found, rows)
        spans_only = score_mentions([a.__class__("", "", a.mentions) for a in found],
                                    [("", "", start, end) for *_, start, end in rows])
        print(f"{filename}: mention level")
        print(f"  span + canonical name + kind: precision {strict.precision:.3f}, recall {strict.recall:.3f} "
              f"({strict.matched} of {strict.found} found, {strict.expected} in the gold)")
        print(f"  span only:                    precision {spans_only.precision:.3f}, recall {spans_only.recall:.3f}")
        if "quotes" in gold:
            speakers = {q.start: q.speaker for q in quotes(text)}
            right = sum(speakers.get(q["start"]) == q["speaker"] for q in gold["quotes"])
            print(f"  quote speakers: {right} of {len(gold['quotes'])} right")


def throughput(files: int | None) -> None:
    from nltk.corpus import state_union

    lessons.require("state_union")
    fileids = state_union.fileids()[:files] if files else state_union.fileids()
    # A text nobody has analysed yet in this process, so no cache helps.
    text = "\n\n".join(state_union.raw(fileid).strip() for fileid in fileids)
    words = len(text.split())
    stages = [("tokens", lessons.tokenize), ("tags", lessons.tag), ("actors", extract_actors), ("quotes", quotes)]
    # Written in parallel, so timed where it exists; last, because it tags sentence by sentence,
    # which pushes the whole text's tokens and tags out of their caches.
    if importlib.util.find_spec("lessons.quantities"):
        stages.append(("quantities", importlib.import_module("lessons.quantities").extract_quantities))
    print(f"\nstate_union: {len(fileids)} speeches, {words:,} words (each stage reuses the one before's cached result)")
    print("  Wall-clock time counts waiting for a shared CPU; CPU time is this process's own work.")
    wall_total = cpu_total = 0.0
    for name, stage in stages:
        wall, cpu = time.perf_counter(), time.process_time()
        stage(text)
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        wall_total, cpu_total = wall_total + wall, cpu_total + cpu
        print(f"  {name:<11} {wall:7.2f} s wall {words / wall:>9,.0f} words/s   {cpu:7.2f} s CPU {words / cpu:>9,.0f} words/s")
    print(f"  {'pipeline':<11} {wall_total:7.2f} s wall {words / wall_total:>9,.0f} words/s   "
          f"{cpu_total:7.2f} s CPU {words / cpu_total:>9,.0f} words/s   (target: 12,000 words/s)")
    print(f"  (load average now: {', '.join(f'{load:.1f}' for load in os.getloadavg())} on {os.cpu_count()} cores)")


def explorer_updates() -> None:
    from lessons.widgets.actors import ActorExplorer

    explorer = ActorExplorer()
    names = [value for _, value in explorer.actor_picker.options]
    started = time.perf_counter()
    for name in names:
        explorer.actor_picker.value = name
    per_update = (time.perf_counter() - started) / len(names) * 1000
    print(f"\nActorExplorer on the seed: {per_update:.1f} ms per update ({len(names)} actor choices; contract: < 50 ms)")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=None, help="only the first N state_union speeches")
    arguments = parser.parse_args()
    accuracy()
    explorer_updates()
    throughput(arguments.files)
