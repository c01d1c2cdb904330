"""How good is an extractor? Score it against text that people marked by hand.

Lessons 3 and 4 ("How good is it?") score the extractors the way chapter 7 of
the NLTK book scores a chunker. The gold standard is news marked up by people:
NLTK's IEER corpus (AP and New York Times stories of 1998, marking people,
organisations, places, amounts, dates and durations) and the project's own gold
files in ``lessons/gold/``, written in the same mark-up::

    said <b_enamex type="PERSON">Kivutha Kibwana<e_enamex>, on <b_timex type="DATE">Saturday<e_timex>

In plain words, for each kind:

- **precision**: of the spans the extractor found, the share that are right;
- **recall**: of the spans in the gold standard, the share the extractor found;
- **F1**: one number that is high only when both are (their harmonic mean).

A found span is right when it has the gold span's kind and, with ``match="exact"``,
exactly its characters (with ``match="overlap"``, any of them). Everything else
is an :class:`Error` you can read: *missed*, *spurious*, *wrong kind* or *wrong
boundary*, with the sentence it is in.

>>> gold = parse_marked('<b_enamex type="PERSON">Xi Jinping<e_enamex> met Putin.')
>>> found = [Found(0, 2, "PERSON"), Found(14, 19, "PERSON")]
>>> result = evaluate([gold], lambda document: found, kinds=["PERSON"])
>>> result.score().precision, result.score().recall
(0.0, 0.0)
>>> [(error.error, error.found.start if error.found else None) for error in result.errors]
[('wrong boundary', 0), ('spurious', 14)]
"""

from __future__ import annotations

import datetime
import importlib.resources
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from lessons.data import require
from lessons.highlight import Table
from lessons.tokens import sentences

IEER_KINDS = {
    "actors": ("PERSON", "ORGANIZATION", "LOCATION"),
    "numbers": ("MONEY", "PERCENT", "CARDINAL", "MEASURE"),
    "times": ("DATE", "TIME", "DURATION"),
}
_MARK = re.compile(r'<b_(?P<tag>enamex|numex|timex) type="(?P<kind>[A-Z]+)"(?P<rest>[^>]*)>|<e_(?P<end>enamex|numex|timex)>')
_OTHER_MARK_UP = re.compile(r"<ANNOTATION>.*?</ANNOTATION>\n?|<[^>]+>", re.DOTALL)
_DOCUMENT = re.compile(r"<DOC>.*?</DOC>", re.DOTALL)


@dataclass(frozen=True)
class GoldSpan:
    """``text[start:end]`` is a ``kind`` in the gold standard; an ``optional`` span may be found or not."""

    start: int
    end: int
    kind: str
    text: str
    optional: bool = False


@dataclass(frozen=True)
class Document:
    """A text, its gold spans and the day it was written (for resolving "Monday" or "last month")."""

    name: str
    text: str
    spans: tuple[GoldSpan, ...]
    date: datetime.date | None = None


@dataclass(frozen=True)
class Found:
    """What an extractor found: ``text[start:end]`` as ``kind``, in the gold standard's names for kinds."""

    start: int
    end: int
    kind: str


def parse_marked(marked: str, name: str = "", date: datetime.date | None = None) -> Document:
    """A :class:`Document` from text in IEER's mark-up: the text without the tags, and its spans.

    >>> document = parse_marked('Up <b_numex type="PERCENT">5%<e_numex> on <b_timex type="DATE">Monday<e_timex>')
    >>> document.text, [(span.text, span.kind) for span in document.spans]
    ('Up 5% on Monday', [('5%', 'PERCENT'), ('Monday', 'DATE')])
    """
    parts: list[str] = []
    open_marks: list[tuple[int, str, bool]] = []
    spans: list[GoldSpan] = []
    length = position = 0
    for mark in _MARK.finditer(marked):
        parts.append(marked[position:mark.start()])
        length += mark.start() - position
        position = mark.end()
        if mark["tag"]:
            open_marks.append((length, mark["kind"], 'status="opt"' in mark["rest"]))
        elif open_marks:
            start, kind, optional = open_marks.pop()
            spans.append(GoldSpan(start, length, kind, "".join(parts)[start:length], optional))
    parts.append(marked[position:])
    return Document(name, "".join(parts), tuple(sorted(spans, key=lambda span: (span.start, span.end))), date)


def _ieer_document(raw: str) -> Document:
    def field(tag: str) -> str:
        found = re.search(rf"<{tag}>(.*?)</{tag}>", raw, re.DOTALL)
        return found[1] if found else ""

    body = re.sub(r"<ANNOTATION>.*?</ANNOTATION>\n?", "", field("TEXT"), flags=re.DOTALL)
    stamp = re.search(r"(\d\d)/(\d\d)/(\d{4})", field("DATE_TIME"))
    date = datetime.date(int(stamp[3]), int(stamp[1]), int(stamp[2])) if stamp else None
    return parse_marked(body, field("DOCNO").strip(), date)


def ieer_documents(fileids: Iterable[str] | None = None) -> list[Document]:
    """The stories of NLTK's IEER corpus that are installed, as :class:`Document` objects.

    Needs the ``ieer`` corpus (``python -m lessons data download``).
    """
    require("ieer")
    from nltk.corpus import ieer

    return [_ieer_document(raw) for fileid in (fileids or ieer.fileids())
            for raw in _DOCUMENT.findall(ieer.raw(fileid))]


def gold_documents() -> list[Document]:
    """The project's own gold files (``lessons/gold/*.txt``), each a story marked up like IEER.

    A file may start with a line ``# date: YYYY-MM-DD`` giving the day the story was written;
    other lines starting with ``#`` are comments.
    """
    folder = importlib.resources.files("lessons") / "gold"
    documents = []
    for file in sorted(folder.iterdir() if folder.is_dir() else (), key=lambda file: file.name):
        if file.name.endswith(".txt"):
            lines = file.read_text(encoding="utf-8").splitlines(keepends=True)
            header = [line for line in lines if line.startswith("#")]
            dates = [line.split(":", 1)[1].strip() for line in header if line.startswith("# date:")]
            date = datetime.date.fromisoformat(dates[0]) if dates else None
            body = "".join(line for line in lines if not line.startswith("#"))
            documents.append(parse_marked(body, file.name.removesuffix(".txt"), date))
    return documents


@dataclass(frozen=True)
class Score:
    """Precision, recall and F1 for one kind (``"ALL"``: every kind together)."""

    kind: str
    gold: int
    found: int
    correct: int

    @property
    def precision(self) -> float:
        return self.correct / self.found if self.found else 0.0

    @property
    def recall(self) -> float:
        return self.correct / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0


@dataclass(frozen=True)
class Error:
    """One thing the extractor got wrong, with the sentence it is in."""

    document: str
    error: str  # "missed", "spurious", "wrong kind" or "wrong boundary"
    gold: GoldSpan | None
    found: Found | None
    sentence: str


@dataclass(frozen=True)
class Evaluation:
    """Scores per kind and every error; shows as a table of scores in a notebook."""

    scores: tuple[Score, ...]
    errors: tuple[Error, ...]

    def score(self, kind: str = "ALL") -> Score:
        """The score of one kind, or of all together."""
        return next(score for score in self.scores if score.kind == kind)

    def table(self) -> Table:
        """Precision, recall and F1 per kind, rounded to two places."""
        return Table(("kind", "gold", "found", "correct", "precision", "recall", "F1"), tuple(
            (score.kind, score.gold, score.found, score.correct,
             round(score.precision, 2), round(score.recall, 2), round(score.f1, 2))
            for score in self.scores))

    def error_table(self, error: str | None = None, limit: int = 20) -> Table:
        """The first ``limit`` errors (of one sort, if ``error`` is given): what, where and the sentence."""
        chosen = [each for each in self.errors if error in (None, each.error)][:limit]
        return Table(("error", "gold", "found", "sentence"), tuple(
            (each.error, f"{each.gold.text} ({each.gold.kind})" if each.gold else "",
             f"{each.found.kind} {each.found.start}–{each.found.end}" if each.found else "",
             each.sentence) for each in chosen))

    def __repr__(self) -> str:
        return repr(self.table())

    def _repr_html_(self) -> str:
        return self.table()._repr_html_()


def _matches(found: Found, gold: GoldSpan, match: str) -> bool:
    if match == "exact":
        return (found.start, found.end) == (gold.start, gold.end)
    return found.start < gold.end and gold.start < found.end


def _compare(document: Document, found: Sequence[Found], kinds: set[str], match: str):
    """Pair found spans with gold spans: (correct pairs, unmatched found, unmatched gold)."""
    gold = [span for span in document.spans if span.kind in kinds]
    correct, unmatched = [], []
    taken: set[GoldSpan] = set()
    for each in found:
        partner = next((span for span in gold if span not in taken and span.kind == each.kind
                        and _matches(each, span, match)), None)
        if partner is None:
            unmatched.append(each)
        else:
            taken.add(partner)
            if not partner.optional:
                correct.append((each, partner))
    return correct, unmatched, [span for span in gold if span not in taken and not span.optional]


def _errors(document: Document, unmatched: list[Found], missed: list[GoldSpan]) -> list[Error]:
    located = sentences(document.text)

    def sentence(start: int) -> str:
        return next((each.text for each in located if each.start <= start < each.end), "")

    errors, explained = [], set()
    for found in unmatched:
        same_place = next((gold for gold in missed if (gold.start, gold.end) == (found.start, found.end)), None)
        overlapping = same_place or next((gold for gold in missed if _matches(found, gold, "overlap")), None)
        error = "wrong kind" if same_place else "wrong boundary" if overlapping else "spurious"
        explained.add(overlapping)
        errors.append(Error(document.name, error, overlapping, found, sentence(found.start)))
    errors += [Error(document.name, "missed", gold, None, sentence(gold.start))
               for gold in missed if gold not in explained]
    return sorted(errors, key=lambda error: (error.gold or error.found).start)


def evaluate(documents: Iterable[Document], extract: Callable[[Document], Iterable[Found]],
             kinds: Iterable[str], match: str = "exact") -> Evaluation:
    """Score ``extract`` on ``documents``: gold spans of ``kinds`` against what it found.

    ``extract`` takes a :class:`Document` (use ``document.text``, and ``document.date``
    if it helps) and returns :class:`Found` spans in the gold standard's kinds.
    """
    if match not in ("exact", "overlap"):
        raise ValueError(f'match must be "exact" or "overlap", not {match!r}.')
    kinds = list(dict.fromkeys(kinds))
    counts = {kind: Counter() for kind in kinds}  # "gold", "found", "correct" per kind
    errors: list[Error] = []
    for document in documents:
        found = sorted(set(extract(document)), key=lambda each: (each.start, each.end, each.kind))
        correct, unmatched, missed = _compare(document, found, set(kinds), match)
        for span in document.spans:
            if span.kind in counts and not span.optional:
                counts[span.kind]["gold"] += 1
        # A span that matched an optional gold span is neither right nor wrong: it is not counted.
        for each in [each for each, _ in correct] + unmatched:
            counts.setdefault(each.kind, Counter())["found"] += 1
        for each, _ in correct:
            counts[each.kind]["correct"] += 1
        errors += _errors(document, unmatched, missed)
    counts["ALL"] = sum(counts.values(), Counter())
    return Evaluation(tuple(Score(kind, tally["gold"], tally["found"], tally["correct"])
                            for kind, tally in counts.items()), tuple(errors))
