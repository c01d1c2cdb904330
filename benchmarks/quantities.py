"""Lesson 3 benchmark: precision/recall/F1 by kind against the hand-made gold, and words per second.

Run:  NLTK_DATA=/path/to/nltk_data python benchmarks/quantities.py

First the IEER table (NLTK's 56 IEER news stories, exact spans, IEER's number kinds, scored
with lessons.evaluation: COUNT and NUMBER are CARDINAL, a range is scored as its two ends,
ORDINAL is left out; dates and times are benchmarks/dates.py's), then the project's own gold files
(lessons/gold/*.txt, marked blind by another session). Their first run, before anything was
changed for them: numbers typed F1 0.841 (MONEY 0.812, PERCENT 0.933, CARDINAL 0.889,
MEASURE 0.500); the "a share" convention was changed after it.

A found quantity counts as correct when its span and its kind both equal a gold
annotation's; the value is scored separately on those matches. Two gold sets are
scored apart: the development gold (the seed article and the hard sentences of
the tests, which the extractor was built against) and two batches of held-out
sentences annotated before the extractor was run on them. Both batches were
then used to fix the errors they showed, so only their first-run scores (in
the titles) are blind; new blind sentences belong in a new batch. Throughput is
measured on NLTK's State of the Union corpus (all addresses joined, about 350,000
words), from raw text to quantities: sentence splitting, tokenizing and tagging
included, caches cleared first.
"""

from __future__ import annotations

import json
import math
import sys
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))  # measure this checkout's lessons, not an installed copy

from lessons import load_article
from lessons.data import require
from lessons.caching import clear_caches
from lessons.quantities import KINDS
from lessons.quantities import evaluate_ieer, extract_quantities

GOLD = REPO / "tests" / "gold"


def _sentence_cases(cases: list[dict]) -> list[tuple[str, list[dict]]]:
    documents = []
    for case in cases:
        sentence = case["sentence"]
        annotations = []
        for expected in case["quantities"]:
            start = sentence.index(expected["text"])
            annotations.append({**expected, "start": start, "end": start + len(expected["text"])})
        documents.append((sentence, annotations))
    return documents


def gold_sets() -> dict[str, list[tuple[str, list[dict]]]]:
    """(text, gold quantities with start/end) pairs: the development gold, and the held-out sentences."""
    seed = json.loads((GOLD / "quantities_seed.json").read_text(encoding="utf-8"))
    hard = json.loads((GOLD / "quantities_hard.json").read_text(encoding="utf-8"))
    held_out = json.loads((GOLD / "quantities_heldout.json").read_text(encoding="utf-8"))
    held_out_2 = json.loads((GOLD / "quantities_heldout_2.json").read_text(encoding="utf-8"))
    return {
        "development gold: seed article + hard sentences (the extractor was built against these)":
            [(load_article().text, seed["quantities"]), *_sentence_cases(hard)],
        "held-out batch 1 (annotated before the extractor saw them; F1 0.925 on first run, then used to fix errors)":
            _sentence_cases(held_out["cases"]),
        "held-out batch 2 (annotated blind after batch 1 was used; F1 0.909 on first run, then used to fix errors)":
            _sentence_cases(held_out_2["cases"]),
    }


def _same_value(found, expected) -> bool:
    if expected is None or found is None:
        return found == expected
    return math.isclose(found, expected, rel_tol=1e-5)


def score(title: str, documents: list[tuple[str, list[dict]]]) -> None:
    true_positives, found_by_kind, gold_by_kind = Counter(), Counter(), Counter()
    values_right = matched = 0
    misses = []
    for text, annotations in documents:
        gold = {(a["start"], a["end"], a["kind"]): a for a in annotations}
        gold_by_kind.update(a["kind"] for a in annotations)
        found = extract_quantities(text)
        for quantity in found:
            found_by_kind[quantity.kind] += 1
            annotation = gold.pop((quantity.start, quantity.end, quantity.kind), None)
            if annotation:
                true_positives[quantity.kind] += 1
                matched += 1
                values_right += all(_same_value(getattr(quantity, name), annotation[name])
                                    for name in ("value", "low", "high") if name in annotation)
            else:
                misses.append(f"  found {quantity.text!r} as {quantity.kind}")
        misses += [f"  missed {annotation['text']!r} ({annotation['kind']})" for annotation in gold.values()]
    print(f"\n{title}")
    print(f"{'kind':<8} {'gold':>5} {'found':>6} {'precision':>10} {'recall':>7} {'F1':>6}")
    for kind in (*KINDS, "ALL"):
        tp = sum(true_positives.values()) if kind == "ALL" else true_positives[kind]
        found = sum(found_by_kind.values()) if kind == "ALL" else found_by_kind[kind]
        gold = sum(gold_by_kind.values()) if kind == "ALL" else gold_by_kind[kind]
        precision = tp / found if found else 1.0
        recall = tp / gold if gold else 1.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        print(f"{kind:<8} {gold:>5} {found:>6} {precision:>10.3f} {recall:>7.3f} {f1:>6.3f}")
    print(f"values right on matched spans: {values_right}/{matched}")
    if misses:
        print("errors (span or kind):", *misses, sep="\n")


def throughput() -> None:
    from nltk.corpus import state_union

    require("state_union")
    text = "\n".join(state_union.raw(fileid) for fileid in state_union.fileids())
    words = len(text.split())
    clear_caches()
    extract_quantities("Warm up: load the tagger and the chunker, 5 rockets.")
    started, cpu_started = time.perf_counter(), time.process_time()
    found = extract_quantities(text)
    seconds, cpu_seconds = time.perf_counter() - started, time.process_time() - cpu_started
    # CPU time as well as wall time: on a shared machine the wall clock also counts other people's work.
    print(f"state_union: {words:,} words, {len(found):,} quantities in {seconds:.1f} s wall, {cpu_seconds:.1f} s CPU "
          f"= {words / seconds:,.0f} words/s wall, {words / cpu_seconds:,.0f} words per CPU second "
          f"(sentence splitting, tokenizing and tagging included; one process)")
    print("kinds found:", dict(Counter(q.kind for q in found).most_common()))


def explorer_updates() -> None:
    from lessons.widgets.quantities import QuantityExplorer

    explorer = QuantityExplorer()
    timings = []
    for box in list(explorer.kind_boxes.values()) * 2:
        started = time.perf_counter()
        box.value = not box.value
        timings.append(time.perf_counter() - started)
    print(f"explorer update on the seed article: median {sorted(timings)[len(timings) // 2] * 1000:.1f} ms, "
          f"slowest {max(timings) * 1000:.1f} ms ({len(timings)} checkbox changes)")


def ieer() -> None:
    from lessons.evaluation import ieer_documents
    from lessons.tagging import tags_by_sentence

    documents = ieer_documents()
    words = sum(len(document.text.split()) for document in documents)
    clear_caches()
    extract_quantities("Warm up: 5 rockets.")
    started = time.process_time()
    for document in documents:
        tags_by_sentence(document.text)
    tagging = time.process_time() - started
    started = time.process_time()
    for document in documents:
        extract_quantities(document.text)
    alone = time.process_time() - started
    evaluation = evaluate_ieer()
    print(f"IEER: {len(documents)} stories, exact spans, numbers typed F1 {evaluation.score().f1:.3f}")
    print(f"{'kind':<9} {'gold':>5} {'found':>6} {'right':>6} {'precision':>10} {'recall':>7} {'F1':>6}")
    for score in evaluation.scores:
        print(f"{score.kind:<9} {score.gold:>5} {score.found:>6} {score.correct:>6} {score.precision:>10.3f} "
              f"{score.recall:>7.3f} {score.f1:>6.3f}")
    print(f"IEER speed: {words:,} words; quantities alone (tags cached by lessons.tagging) "
          f"{words / alone:,.0f} words per CPU second; with tagging {words / (alone + tagging):,.0f}")
    print("errors by type:", dict(Counter(error.error for error in evaluation.errors)))


def long_sentences() -> None:
    """Time on one sentence without a full stop, doubling its length: linear time doubles too."""
    for words in (10_000, 20_000, 40_000, 80_000):
        text = " ".join(["the 5 people and"] * (words // 4))
        clear_caches()
        started = time.process_time()
        found = extract_quantities(text)
        print(f"one sentence of {words:,} words: {len(found):,} quantities in {time.process_time() - started:.2f} s CPU")


def own_gold() -> None:
    from lessons.evaluation import evaluate, gold_documents

    from lessons.quantities import ieer_found

    documents = gold_documents()
    if not documents:
        print("own gold: no files in lessons/gold/")
        return
    evaluation = evaluate(documents, lambda document: ieer_found(extract_quantities(document.text)),
                          kinds=("MONEY", "PERCENT", "CARDINAL", "MEASURE"))
    print(f"own gold ({', '.join(document.name for document in documents)}):")
    for score in evaluation.scores:
        print(f"  {score.kind:<9} gold {score.gold:>3} found {score.found:>3} P {score.precision:.3f} "
              f"R {score.recall:.3f} F1 {score.f1:.3f}")


if __name__ == "__main__":
    ieer()
    own_gold()
    long_sentences()
    for title, documents in gold_sets().items():
        score(title, documents)
    explorer_updates()
    throughput()
