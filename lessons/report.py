"""A report on any article: ``python -m lessons report [ARTICLE.txt] --out DIR``.

It runs lessons 3 and 4 on the article (quantities, actors, quotes, who is
mentioned with whom) and writes ``report.html``, one self-contained page (the
article with quantities and actors highlighted, tables, charts as embedded
images with text alternatives, a short summary), plus every table as CSV.
All text from the article is escaped (:mod:`lessons.highlight`), so an
article that contains HTML is shown, never run. ``docs/instructor-guide.md``
explains when a teacher uses it.

>>> progress = Progress(total_steps=2, text_length=10)      # short text: quiet
>>> progress.step("Finding quantities")
"""

from __future__ import annotations

import csv
import io
import os
import stat
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from time import monotonic
from typing import Any, TextIO

import lessons
from lessons.article import Article, load_article
from lessons.highlight import PALETTE, Span, figure, highlight, legend, page, section, table
from lessons.safefiles import MEGABYTE, FileError, publish

MAX_ARTICLE_BYTES = 20 * MEGABYTE  # an article is text: far less than this
LONG_TEXT = 20_000  # characters; from this length on, the steps are shown on stderr
TOP_LINKS = 15
MOST_NETWORK_NODES = 20  # more would make the network chart unreadable
QUANTITY_COLUMNS = ("text", "start", "end", "sentence", "kind", "value", "unit", "counted", "counted_head",
                    "qualifier", "approximate", "low", "high")
KIND_DESCRIPTIONS = {
    "MONEY": "an amount of money", "PERCENT": "a percentage", "COUNT": "a number of things",
    "MEASURE": "a number with a unit", "ORDINAL": "a position (third)", "DATE": "a year or date",
    "NUMBER": "a bare number", "PERSON": "a person", "ORGANIZATION": "an organisation", "LOCATION": "a place",
}


class Progress:
    """Says on ``stream`` which step is running and how long the report has taken, for long texts only."""

    def __init__(self, total_steps: int, text_length: int, stream: TextIO | None = None):
        self.total_steps = total_steps
        self.done = 0
        self.shown = text_length >= LONG_TEXT
        self.stream = stream or sys.stderr
        self.started = monotonic()

    def step(self, what: str) -> None:
        self.done += 1
        if self.shown:
            print(f"[{self.done}/{self.total_steps}] {what} ... ({monotonic() - self.started:.1f} s so far)",
                  file=self.stream, flush=True)


@dataclass(frozen=True)
class ArticleReport:
    """Everything the report shows about one article."""

    article: Article
    quantities: tuple
    actors: tuple
    quotes: tuple
    network: Any  # networkx.Graph


def analyse(article: Article, progress: Progress | None = None) -> ArticleReport:
    """Run the quantity and actor helpers on ``article``."""
    progress = progress or Progress(4, 0)
    progress.step("Finding quantities")
    quantities = tuple(lessons.extract_quantities(article.text))
    progress.step("Finding actors")
    actors = tuple(lessons.extract_actors(article.text))
    progress.step("Finding quotes")
    quotes = tuple(lessons.quotes(article.text))
    progress.step("Linking actors mentioned together")
    return ArticleReport(article, quantities, actors, quotes, lessons.actor_network(article.text))


def _number(value: object) -> str:
    """Large amounts with their digits grouped (350,000,000); years, offsets and the rest as they are."""
    if isinstance(value, (int, float)) and not isinstance(value, bool) and abs(value) >= 10_000:
        return f"{value:,}"
    return "" if value is None or value is False else str(value)


# Each table once, as (header, rows): the HTML page and the CSV files both use these.
def quantity_table(report: ArticleReport) -> tuple[list[str], list[list]]:
    return list(QUANTITY_COLUMNS), [[getattr(quantity, name) for name in QUANTITY_COLUMNS]
                                    for quantity in report.quantities]


def actor_table(report: ArticleReport) -> tuple[list[str], list[list]]:
    header = ["name", "kind", "mentions", "descriptions", "roles", "first_start", "first_end"]
    rows = [[actor.name, actor.kind, len(actor.mentions), sum(m.is_description for m in actor.mentions),
             "; ".join(actor.roles), actor.mentions[0].start if actor.mentions else "",
             actor.mentions[0].end if actor.mentions else ""] for actor in report.actors]
    return header, rows


def mention_table(report: ArticleReport) -> tuple[list[str], list[list]]:
    header = ["actor", "kind", "text", "start", "end", "sentence", "is_description"]
    rows = [[actor.name, actor.kind, mention.text, mention.start, mention.end, mention.sentence,
             mention.is_description] for actor in report.actors for mention in actor.mentions]
    return header, sorted(rows, key=lambda row: row[3])


def quote_table(report: ArticleReport) -> tuple[list[str], list[list]]:
    header = ["speaker", "text", "start", "end", "sentence"]
    return header, [[quote.speaker or "", quote.text, quote.start, quote.end, quote.sentence] for quote in report.quotes]


def link_table(report: ArticleReport, top: int | None = None) -> tuple[list[str], list[list]]:
    edges = sorted(report.network.edges(data="weight", default=1), key=lambda edge: (-edge[2], edge[0], edge[1]))
    return ["actor", "actor", "sentences"], [list(edge) for edge in edges[:top]]


def summary(report: ArticleReport) -> str:
    """A few plain sentences about the article."""
    from lessons.tokens import sentences, tokenize

    text = report.article.text
    kinds = Counter(quantity.kind for quantity in report.quantities)
    actor_kinds = Counter(actor.kind for actor in report.actors)
    lines = [
        f"The article has {len(tokenize(text)):,} tokens in {len(sentences(text)):,} sentences.",
        f"It has {len(report.quantities)} quantities"
        + (f" ({', '.join(f'{count} {kind}' for kind, count in kinds.most_common())})." if kinds else "."),
        f"It names {len(report.actors)} actors"
        + (f" ({', '.join(f'{count} {kind}' for kind, count in actor_kinds.most_common())})" if actor_kinds else "")
        + (f"; the most mentioned: {', '.join(f'{actor.name} ({len(actor.mentions)})' for actor in report.actors[:3])}."
           if report.actors else "."),
        f"It has {len(report.quotes)} quotations, {sum(quote.speaker is not None for quote in report.quotes)} "
        f"of them with a speaker found.",
    ]
    links = link_table(report, 1)[1]
    if links:
        first, second, weight = links[0]
        lines.append(f"The pair mentioned together most often: {first} and {second} ({weight} sentences).")
    return " ".join(lines)


def kind_colours() -> dict[str, str]:
    """A colour per kind: the actor charts' colours for actors, the others for quantities (the label tells the rest)."""
    from lessons.plots.actors import KIND_COLOURS

    rare = PALETTE[7]  # ordinals, dates and bare numbers matter least here: they share grey
    quantities = {"MONEY": PALETTE[0], "COUNT": PALETTE[6], "PERCENT": PALETTE[1], "MEASURE": PALETTE[3],
                  "ORDINAL": rare, "DATE": rare, "NUMBER": rare}
    return {**quantities, **KIND_COLOURS}


def spans(report: ArticleReport) -> list[Span]:
    """The highlights: each quantity by its kind, each actor mention by its actor's kind."""
    quantity_spans = [
        Span(quantity.start, quantity.end, quantity.kind,
             f"{quantity.kind}: {_number(quantity.value)} {quantity.unit or ''} {quantity.counted or ''}".strip())
        for quantity in report.quantities]
    mention_spans = [
        Span(mention.start, mention.end, actor.kind,
             f"{actor.name} ({actor.kind}{', a description' if mention.is_description else ''})")
        for actor in report.actors for mention in actor.mentions]
    return quantity_spans + mention_spans


def _png(draw, *arguments, **options) -> bytes:
    from matplotlib.figure import Figure

    chart = Figure(figsize=(8, 5))
    draw(*arguments, ax=chart.add_subplot(), **options)
    buffer = io.BytesIO()
    chart.savefig(buffer, format="png", dpi=100, bbox_inches="tight", metadata={"Software": None})
    return buffer.getvalue()


def network_threshold(graph, most: int = MOST_NETWORK_NODES) -> int:
    """The fewest mentions an actor needs to be drawn in the network so that at most ``most`` are drawn."""
    counts = sorted((data.get("mentions", 0) for _, data in graph.nodes(data=True)), reverse=True)
    return max(1, counts[most] + 1) if len(counts) > most else 1


def charts(report: ArticleReport) -> list[tuple[bytes, str, str]]:
    """Each chart of lessons 3 and 4 as ``(png, text alternative with its figures, caption)``."""
    from lessons.plots.actors import describe_mention_counts, describe_network, describe_timeline, mention_counts, \
        network, timeline
    from lessons.plots.quantities import charted, label, quantity_chart
    from lessons.tokens import sentences

    amounts = charted(report.quantities)
    actors = list(report.actors)
    threshold = network_threshold(report.network)
    return [
        (_png(quantity_chart, report.quantities),
         "Amounts on a log scale: " + ("; ".join(f"{label(q)} = {_number(q.value if q.value is not None else q.low)}"
                                                  for q in amounts) or "none") + ".",
         "The amounts of money and the counts in the article, on one log scale."),
        (_png(mention_counts, actors), describe_mention_counts(actors),
         "How often each actor is mentioned, by name and by description."),
        (_png(network, report.network, min_mentions=threshold), describe_network(report.network, threshold),
         "Actors mentioned in the same sentence are linked; wider lines mean more shared sentences."),
        (_png(timeline, actors, len(sentences(report.article.text))), describe_timeline(actors),
         "Where in the article each actor is mentioned, sentence by sentence."),
    ]


def render(report: ArticleReport, progress: Progress | None = None) -> str:
    """The report as one self-contained HTML page."""
    progress = progress or Progress(1, 0)
    article = report.article
    title = article.title.text if article.title else (article.path.name if article.path else "Article")
    highlights = spans(report)
    colours = {label: colour for label, colour in kind_colours().items() if label in {span.label for span in highlights}}
    progress.step("Drawing the charts")
    figures = [figure(png, alt, caption) for png, alt, caption in charts(report)]
    return page(
        f"Report: {title}",
        section("Summary", intro=summary(report)),
        section("The article", legend(colours, KIND_DESCRIPTIONS), highlight(article.text, highlights, colours),
                intro="Quantities and actors are highlighted; the label after each says its kind. "
                      "Hover over a highlight for its value or the actor it refers to."),
        section("Charts", *figures),
        section("Quantities", table(*_shown(quantity_table(report)))),
        section("Actors", table(*_shown(actor_table(report)))),
        section("Quotes", table(*quote_table(report))),
        section("Who is mentioned with whom", table(*link_table(report, TOP_LINKS)),
                intro=f"The {TOP_LINKS} pairs of actors that share the most sentences."),
    )


def _shown(table_: tuple[list[str], list[list]]) -> tuple[list[str], list[list]]:
    header, rows = table_
    return header, [[_number(cell) for cell in row] for row in rows]


CSV_TABLES = {"quantities.csv": quantity_table, "actors.csv": actor_table, "mentions.csv": mention_table,
              "quotes.csv": quote_table, "links.csv": link_table}


def write_report(report: ArticleReport, out: Path, progress: Progress | None = None) -> list[Path]:
    """Write ``report.html`` and the CSV tables into ``out``, all or none; return the paths written.

    Raises :class:`lessons.safefiles.FileError` when ``out`` cannot be written (nothing is left half-written).
    """
    files = {"report.html": render(report, progress).encode("utf-8")}
    for name, make_table in CSV_TABLES.items():
        header, rows = make_table(report)
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(header)
        writer.writerows(rows)
        files[name] = buffer.getvalue().encode("utf-8")
    return publish(files, Path(out))


def check_article_file(path: Path, max_bytes: int = MAX_ARTICLE_BYTES) -> None:
    """Refuse what is not a regular file of at most ``max_bytes`` (a device, a FIFO, a huge file), at once."""
    try:
        status = os.stat(path)
    except OSError:
        return  # load_article says what is wrong with a missing or unreadable file
    if not stat.S_ISREG(status.st_mode):
        raise FileError(f"{path} is not a regular file (a device, pipe or folder); give a plain-text article.")
    if status.st_size > max_bytes:
        raise FileError(f"{path} is {status.st_size:,} bytes, more than the limit of {max_bytes:,} "
                        f"(raise it with --max-mb).")


def make_report(article_path: str | Path | None, out: str | Path, stream: TextIO | None = None,
                max_bytes: int = MAX_ARTICLE_BYTES) -> list[Path]:
    """Load the article (the seed when ``None``), analyse it and write the report into ``out``.

    Raises :class:`lessons.ArticleError` for a file that is not a readable article,
    :class:`lessons.safefiles.FileError` for one that is not a regular file or is larger
    than ``max_bytes``, or an ``out`` that cannot be written, and ``NotADirectoryError``
    when ``out`` is a file; nothing is written in any of these cases.
    """
    out = Path(out)
    if out.exists() and not out.is_dir():
        raise NotADirectoryError(f"--out {out} is a file; give a folder for the report.")
    if article_path is not None:
        check_article_file(Path(article_path), max_bytes)
    article = load_article(article_path)
    progress = Progress(5, len(article.text), stream)
    return write_report(analyse(article, progress), out, progress)
