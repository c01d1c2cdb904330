"""Lesson 4 figures: scores against gold standards (IEER and our own gold files), and speed.

Run:  python benchmarks/actors.py            (scores, then speed on the whole state_union corpus)
      python benchmarks/actors.py --files 10 (speed on the first ten speeches only)

Prints figures; asserts nothing. Targets: on IEER, exact-span typed F1 >= 0.80 (PERSON >= 0.85,
ORGANIZATION >= 0.70, LOCATION >= 0.80); our own gold files >= 0.85; actors alone >= 20,000
words/s on IEER text after warm-up; the whole pipeline no slower than before.
Weights: the hand-set weights of lessons.actor_clues are compared with naive Bayes weights learned
on three IEER files and tested on the fourth, in turn (NLTK book ch. 6).
IEER marks names only, so only name mentions are scored: a description ("the Russian president")
and an UNKNOWN name are not offered to the scorer (an UNKNOWN name that IEER marks counts as missed).
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
from lessons.actors import (
    KINDS, clear_actor_caches, clue_features, extract_actors, found_spans, learn_kinds, quotes, score_mentions,
)
from lessons.evaluation import IEER_KINDS, Found, Score, evaluate, gold_documents, ieer_documents

GOLD = Path(__file__).resolve().parent.parent / "tests" / "gold"


def gold_standards() -> None:
    """Exact-span scores per kind on IEER and on the project's own gold files."""
    for label, documents in (("IEER (56 AP and NYT stories, 1998)", ieer_documents()),
                             ("own gold files (lessons/gold)", gold_documents())):
        for match in ("exact", "overlap"):
            result = evaluate(documents, lambda document: found_spans(document.text), IEER_KINDS["actors"], match)
            print(f"\n{label}, {match} spans:")
            print(repr(result.table()))
            counts: dict[str, int] = {}
            for error in result.errors:
                counts[error.error] = counts.get(error.error, 0) + 1
            print("  errors:", ", ".join(f"{count} {error}" for error, count in sorted(counts.items())))


def _pooled(evaluations, kind: str) -> Score:
    return Score(kind, *(sum(getattr(each.score(kind), field) for each in evaluations)
                         for field in ("gold", "found", "correct")))


def _learned(classifier):
    def extract(document):
        for actor in extract_actors(document.text):
            if actor.kind in KINDS:
                kind = classifier.classify(clue_features(actor))
                yield from (Found(m.start, m.end, kind) for m in actor.mentions if not m.is_description)
    return extract


def cross_validated() -> None:
    """Hand-set weights against naive Bayes weights learned on 3 IEER files and tested on the 4th, in turn."""
    from nltk.corpus import ieer

    fileids = ieer.fileids()
    hand, learned = [], []
    print("\nIEER file by file (hand-set weights; naive Bayes trained on the other files):")
    for held_out in fileids:
        started = time.perf_counter()
        classifier = learn_kinds(ieer_documents([other for other in fileids if other != held_out]))
        trained = time.perf_counter() - started
        test = ieer_documents([held_out])
        hand.append(evaluate(test, lambda document: found_spans(document.text), KINDS))
        learned.append(evaluate(test, _learned(classifier), KINDS))
        print(f"  {held_out}: hand {hand[-1].score().f1:.3f}, naive Bayes {learned[-1].score().f1:.3f} "
              f"(trained in {trained:.2f} s)")
    for label, evaluations in (("hand-set weights", hand), ("naive Bayes, cross-validated", learned)):
        print(f"  pooled, {label}: " + ", ".join(f"{kind} {_pooled(evaluations, kind).f1:.3f}"
                                                for kind in ("ALL", *KINDS)))
    print("  naive Bayes trained on all four files:")
    learn_kinds(ieer_documents()).show_most_informative_features(10)


def seed_accuracy() -> None:
    """Precision and recall on the seed (which the rules were written on) and on a text they were not."""
    for filename in ("actors_seed.json", "actors_unseen.json"):
        gold = json.loads((GOLD / filename).read_text(encoding="utf-8"))
        text = gold.get("text") or lessons.load_article().text
        rows = [(a["name"], a["kind"], m["start"], m["end"]) for a in gold["actors"] for m in a["mentions"]]
        found = extract_actors(text)
        strict = score_mentions(found, rows)
        print(f"\n{filename}: mention level (span + canonical name + kind): precision {strict.precision:.3f}, "
              f"recall {strict.recall:.3f} ({strict.matched} of {strict.found} found, {strict.expected} in the gold)")
        if "quotes" in gold:
            speakers = {q.start: q.speaker for q in quotes(text)}
            right = sum(speakers.get(q["start"]) == q["speaker"] for q in gold["quotes"])
            print(f"  quote speakers: {right} of {len(gold['quotes'])} right")


def actors_speed() -> None:
    """Actors alone on IEER text: the first call (loads corpora, tags) and later calls with tags cached."""
    text = "\n\n".join(document.text for document in ieer_documents())
    words = len(text.split())
    clear_actor_caches()
    started = time.perf_counter()
    extract_actors(text)
    first = time.perf_counter() - started
    # The tags stay cached: what is timed next is the actors' own work.
    runs, cpus = [], []
    for _ in range(3):
        clear_actor_caches()
        started, cpu = time.perf_counter(), time.process_time()
        extract_actors(text)
        runs.append(time.perf_counter() - started)
        cpus.append(time.process_time() - cpu)
    print(f"\nactors alone on IEER text ({words:,} words): first call {first:.2f} s (tagging and corpora included);"
          f" after warm-up {min(runs):.3f} s wall = {words / min(runs):,.0f} words/s, "
          f"{min(cpus):.3f} s CPU = {words / min(cpus):,.0f} words/s (target: 20,000)")


def throughput(files: int | None) -> None:
    from nltk.corpus import state_union

    lessons.require("state_union")
    fileids = state_union.fileids()[:files] if files else state_union.fileids()
    # A text nobody has analysed yet in this process, so no cache helps.
    text = "\n\n".join(state_union.raw(fileid).strip() for fileid in fileids)
    words = len(text.split())
    stages = [("tokens", lessons.tokenize), ("tags", lessons.tag), ("actors", extract_actors), ("quotes", quotes)]
    # Last, because it tags sentence by sentence, which pushes the whole text's tags out of their caches.
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
          f"{cpu_total:7.2f} s CPU {words / cpu_total:>9,.0f} words/s")
    print(f"  (load average now: {', '.join(f'{load:.1f}' for load in os.getloadavg())} on {os.cpu_count()} cores)")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=None, help="only the first N state_union speeches")
    arguments = parser.parse_args()
    gold_standards()
    cross_validated()
    seed_accuracy()
    actors_speed()
    throughput(arguments.files)
