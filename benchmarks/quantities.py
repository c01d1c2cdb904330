"""Lesson 3 benchmark: precision/recall/F1 by kind against the hand-made gold, and words per second.

Run:  NLTK_DATA=/path/to/nltk_data python benchmarks/quantities.py

A found quantity counts as correct when its span and its kind both equal a gold
annotation's; the value is scored separately on those matches. Throughput is
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
from lessons.quantities import KINDS, _extract, extract_quantities
from lessons.tagging import _tag
from lessons.tokens import _sentences, _tokenize

GOLD = REPO / "tests" / "gold"


def gold_documents() -> list[tuple[str, list[dict]]]:
    """(text, gold quantities with start/end) for the seed article and each hard sentence."""
    seed = json.loads((GOLD / "quantities_seed.json").read_text(encoding="utf-8"))
    documents = [(load_article().text, seed["quantities"])]
    for case in json.loads((GOLD / "quantities_hard.json").read_text(encoding="utf-8")):
        sentence = case["sentence"]
        annotations = []
        for expected in case["quantities"]:
            start = sentence.index(expected["text"])
            annotations.append({**expected, "start": start, "end": start + len(expected["text"])})
        documents.append((sentence, annotations))
    return documents


def _same_value(found, expected) -> bool:
    if expected is None or found is None:
        return found == expected
    return math.isclose(found, expected, rel_tol=1e-5)


def score() -> None:
    true_positives, found_by_kind, gold_by_kind = Counter(), Counter(), Counter()
    values_right = matched = 0
    for text, annotations in gold_documents():
        gold = {(a["start"], a["end"], a["kind"]): a for a in annotations}
        gold_by_kind.update(a["kind"] for a in annotations)
        for quantity in extract_quantities(text):
            found_by_kind[quantity.kind] += 1
            annotation = gold.get((quantity.start, quantity.end, quantity.kind))
            if annotation:
                true_positives[quantity.kind] += 1
                matched += 1
                values_right += all(_same_value(getattr(quantity, name), annotation.get(name))
                                    for name in ("value", "low", "high") if name in annotation)
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


def throughput() -> None:
    from nltk.corpus import state_union

    require("state_union")
    text = "\n".join(state_union.raw(fileid) for fileid in state_union.fileids())
    words = len(text.split())
    for cache in (_extract, _tag, _tokenize, _sentences):
        cache.cache_clear()
    extract_quantities("Warm up: load the tagger and the chunker, 5 rockets.")
    started = time.perf_counter()
    found = extract_quantities(text)
    seconds = time.perf_counter() - started
    print(f"state_union: {words:,} words, {len(found):,} quantities in {seconds:.1f} s "
          f"= {words / seconds:,.0f} words/s (sentence splitting, tokenizing and tagging included)")
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


if __name__ == "__main__":
    score()
    explorer_updates()
    throughput()
