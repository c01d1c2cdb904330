"""How fast the whole pipeline is against plain NLTK, side by side on the same news text.

Run from the repository root:  python benchmarks/pipeline.py [--speeches N] [--stories N]

The pipeline is what lesson 5's dashboard runs on an article: tokens with
offsets, tags, quantities, actors and quotes. Plain NLTK is
``sent_tokenize`` + ``word_tokenize`` + ``pos_tag`` (the tagger's model loaded
once beforehand, as the pipeline's is; ``nltk.pos_tag`` as written reloads it on
every call). Target: the pipeline runs at >= 0.8x plain NLTK's words per second.

Texts: the stories of NLTK's IEER corpus (via ``lessons.evaluation.ieer_documents``)
and the State of the Union speeches. Each text is analysed once by each side,
taking turns text by text, so a busy spell on a shared machine slows both alike;
times are CPU seconds of this process. Each text is new to the process, so no
cached result of it can help; what a process builds once (models, chunk parsers,
word-list look-ups) is built in the warm-up, as NLTK's model is. ``--cold``
empties every cache (``lessons.clear_caches()``) before each text instead, so
those are rebuilt for every text. Words are plain NLTK's tokens, counted once
and used for both sides.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))  # measure this checkout's lessons, not an installed copy
SHARED_NLTK_DATA = REPO.parent / "shared" / "nltk_data"
if SHARED_NLTK_DATA.is_dir():
    os.environ.setdefault("NLTK_DATA", str(SHARED_NLTK_DATA))


def stages() -> list[tuple[str, Callable[[str], object]]]:
    """The pipeline's stages in the order the dashboard needs them; each reuses the cached ones before."""
    import lessons
    from lessons.actors import extract_actors, quotes
    from lessons.quantities import extract_quantities
    from lessons.tagging import tags_by_sentence

    return [("tokens", lessons.tokenize), ("tags", tags_by_sentence), ("quantities", extract_quantities),
            ("actors", extract_actors), ("quotes", quotes)]


def plain_nltk() -> Callable[[str], list]:
    import nltk
    from nltk.tag import PerceptronTagger

    tagger = PerceptronTagger()

    def run(text: str) -> list:
        return [tagger.tag(nltk.word_tokenize(sentence)) for sentence in nltk.sent_tokenize(text)]

    return run


def compare(name: str, texts: list[str], cold: bool = False) -> float:
    """Print words/s of plain NLTK and of the pipeline (with each stage's share) on ``texts``; return the ratio."""
    import lessons

    nltk_run, pipeline = plain_nltk(), stages()
    nltk_run("Warm up."), [stage("Warm up: 5 rockets, said Xi.") for _, stage in pipeline]
    words = nltk_seconds = 0
    stage_seconds: dict[str, float] = defaultdict(float)
    for text in texts:
        started = time.process_time()
        tagged = nltk_run(text)
        nltk_seconds += time.process_time() - started
        words += sum(len(sentence) for sentence in tagged)
        if cold:
            lessons.clear_caches()
        for stage_name, stage in pipeline:
            started = time.process_time()
            stage(text)
            stage_seconds[stage_name] += time.process_time() - started
    pipeline_seconds = sum(stage_seconds.values())
    ratio = nltk_seconds / pipeline_seconds
    print(f"\n{name}: {len(texts)} texts, {sum(map(len, texts)):,} characters, {words:,} words "
          f"(CPU seconds{', every cache emptied before each text' if cold else ''})")
    print(f"  plain NLTK (sent_tokenize + word_tokenize + pos_tag): {nltk_seconds:6.2f} s "
          f"{words / nltk_seconds:9,.0f} words/s")
    print(f"  pipeline (tokens, tags, quantities, actors, quotes):  {pipeline_seconds:6.2f} s "
          f"{words / pipeline_seconds:9,.0f} words/s")
    for stage_name, seconds in stage_seconds.items():
        print(f"    {stage_name:<11} {seconds:6.2f} s  {seconds / pipeline_seconds:5.1%}")
    print(f"  speed ratio pipeline / plain NLTK: {ratio:.2f}x  (target >= 0.80x)")
    return ratio


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--stories", type=int, help="only the first N IEER stories (default: all)")
    parser.add_argument("--speeches", type=int, help="only the first N State of the Union speeches (default: all)")
    parser.add_argument("--cold", action="store_true", help="empty every cache before each text")
    arguments = parser.parse_args()

    import lessons
    from lessons.evaluation import ieer_documents

    lessons.require("ieer", "state_union")
    from nltk.corpus import state_union

    stories = [document.text for document in ieer_documents()][:arguments.stories]
    speeches = [state_union.raw(fileid) for fileid in state_union.fileids()][:arguments.speeches]
    compare("IEER news stories", stories, arguments.cold)
    compare("State of the Union speeches", speeches, arguments.cold)
    print(f"\n(load average now: {', '.join(f'{load:.1f}' for load in os.getloadavg())} on {os.cpu_count()} cores)")


if __name__ == "__main__":
    main()
