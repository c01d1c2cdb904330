"""How fast lesson 2's tagging is: lessons.tag against raw NLTK, and a tag-explorer update.

Run from the repository root:  python benchmarks/tagging.py [--repeats N]

1. Words per second of ``lessons.tag`` (tokens with offsets, tagged sentence by
   sentence) and of ``nltk.pos_tag(nltk.word_tokenize(text))`` on the same large
   text, the State of the Union corpus, in one run; the time ratio. Target: the
   helper takes at most 1.2x raw NLTK's time. The helper's cache is cleared before
   each of its runs, so both do all the work. ``nltk.pos_tag`` reloads its model on
   every call, so the fair comparison loads it once beforehand. Times are CPU times,
   measured once on the whole corpus and, steadier on a busy machine, speech by
   speech with the two taking turns.
2. How long a tag-explorer update on the seed article takes after the first
   tagging (one change of each control). Target: under 50 ms.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))  # this checkout's lessons, not an installed copy
SHARED_NLTK_DATA = REPO.parent / "shared" / "nltk_data"
if SHARED_NLTK_DATA.is_dir():
    os.environ.setdefault("NLTK_DATA", str(SHARED_NLTK_DATA))


def _cpu_seconds(run) -> float:
    # CPU time, not wall time: on a shared machine other people's work does not count.
    started = time.process_time()
    run()
    return time.process_time() - started


def tagging_speed(repeats: int) -> None:
    import nltk
    from nltk.corpus import state_union

    import lessons

    lessons.require("state_union", "punkt_tab", "averaged_perceptron_tagger_eng")
    speeches = [state_union.raw(fileid) for fileid in state_union.fileids()]
    text = "\n\n".join(speeches)
    nltk_tagger = nltk.tag.PerceptronTagger()
    lessons.tag("Warm up.")  # loads the helper's models

    def raw_nltk(text):
        # what nltk.pos_tag does, without reloading the model's JSON files on every call
        return nltk_tagger.tag(nltk.word_tokenize(text))

    def helper(text):
        lessons.clear_caches()
        return lessons.tag(text)

    words = len(helper(text))
    print(f"Text: state_union corpus, {len(text):,} characters, {words:,} tokens; CPU seconds")

    # 1. The whole corpus in one call each.
    as_written = _cpu_seconds(lambda: nltk.pos_tag(nltk.word_tokenize(text)))
    raw_once = _cpu_seconds(lambda: raw_nltk(text))
    helper_once = _cpu_seconds(lambda: helper(text))
    print("  whole corpus, one call each:")
    print(f"    nltk.pos_tag(nltk.word_tokenize(text)), as written: {as_written:6.2f} s  {words / as_written:8,.0f} words/s")
    print(f"    the same with the model loaded beforehand:          {raw_once:6.2f} s  {words / raw_once:8,.0f} words/s")
    print(f"    lessons.tag(text):                                  {helper_once:6.2f} s  {words / helper_once:8,.0f} words/s")
    print(f"    ratio lessons.tag / raw NLTK: {helper_once / raw_once:.2f}x (model preloaded), "
          f"{helper_once / as_written:.2f}x (as written)")

    # 2. Steadier: speech by speech, taking turns, best of `repeats` for each speech. Someone
    #    else's busy spell then slows both alike instead of whichever happened to be running.
    best_raw = [float("inf")] * len(speeches)
    best_helper = [float("inf")] * len(speeches)
    for _ in range(repeats):
        for index, speech in enumerate(speeches):
            best_raw[index] = min(best_raw[index], _cpu_seconds(lambda: raw_nltk(speech)))
            best_helper[index] = min(best_helper[index], _cpu_seconds(lambda: helper(speech)))
    raw_total, helper_total = sum(best_raw), sum(best_helper)
    print(f"  speech by speech, interleaved, best of {repeats} per speech:")
    print(f"    raw NLTK (model preloaded): {raw_total:6.2f} s  {words / raw_total:8,.0f} words/s")
    print(f"    lessons.tag:                {helper_total:6.2f} s  {words / helper_total:8,.0f} words/s")
    print(f"    ratio lessons.tag / raw NLTK: {helper_total / raw_total:.2f}x  (target <= 1.20x)")
    helper(text)
    started = time.perf_counter()
    lessons.tag(text)
    print(f"  lessons.tag(text) again (cached): {(time.perf_counter() - started) * 1000:.1f} ms wall time")


def explorer_speed(repeats: int) -> None:
    from lessons.widgets.tagging import TagExplorer

    started = time.perf_counter()
    explorer = TagExplorer()
    print(f"\nTag explorer on the seed article: first build (tags the article) {time.perf_counter() - started:.2f} s")
    changes = {
        "sentence": (explorer.sentence_picker, [3, -1]),
        "tagset": (explorer.tagset_picker, ["penn", "universal"]),
        "tag": (explorer.tag_picker, ["NOUN", ""]),
        "token": (explorer.token_picker, [explorer.token_picker.options[5][1], -1]),
    }
    for name, (control, values) in changes.items():
        timings = []
        for _ in range(repeats):
            for value in values:
                started = time.perf_counter()
                control.value = value
                timings.append((time.perf_counter() - started) * 1000)
        print(f"  change {name:<8}: median {statistics.median(timings):5.1f} ms, worst {max(timings):5.1f} ms "
              f"(target < 50 ms)")
    started = time.perf_counter()
    explorer.text_box.value = "Xi met Putin in Moscow on Monday."
    print(f"  paste a sentence: {(time.perf_counter() - started) * 1000:5.1f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeats", type=int, default=3, help="timed runs per measurement (best or median is shown)")
    arguments = parser.parse_args()
    tagging_speed(arguments.repeats)
    explorer_speed(arguments.repeats)


if __name__ == "__main__":
    main()
