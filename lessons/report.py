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
from pathlib import Path
from time import monotonic
from typing import TextIO

from lessons.article import load_article
from lessons.highlight import figure, note, page, section
from lessons.safefiles import MEGABYTE, FileError, publish
from lessons.views import (ArticleReport, actor_table, analyse, highlighted_article, link_table, mention_table,
                           quantity_summary_table, quantity_table, quote_table, readable_table, summary, title)

MAX_ARTICLE_BYTES = 20 * MEGABYTE  # an article is text: far less than this
LONG_TEXT = 20_000  # characters; from this length on, the steps are shown on stderr
TOP_LINKS = 15
CHART_WIDTH = 9.4  # inches at 100 dpi: the charts fit the page's 960 px column


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


def _png(draw, *arguments, **options) -> bytes:
    from matplotlib.figure import Figure

    chart = Figure(figsize=(CHART_WIDTH, 5), layout="constrained")
    draw(*arguments, figure=chart, **options)
    buffer = io.BytesIO()
    chart.savefig(buffer, format="png", dpi=100, bbox_inches="tight", metadata={"Software": None})
    return buffer.getvalue()


def charts(report: ArticleReport) -> list[tuple[bytes, str, str]]:
    """Each chart of lessons 3 and 4 as ``(png, text alternative with its figures, caption)``."""
    from lessons.plots.actors import describe_mention_counts, describe_network, describe_timeline, mention_counts, \
        network, timeline
    from lessons.plots.quantities import describe_quantities, quantity_chart
    from lessons.tokens import sentences

    actors = list(report.actors)
    return [
        (_png(quantity_chart, report.quantities), describe_quantities(report.quantities),
         "The amounts of money and the counts in the article, one panel a unit, each on a log scale."),
        (_png(mention_counts, actors), describe_mention_counts(actors),
         "How often each actor is mentioned, by name and by description."),
        (_png(network, report.network), describe_network(report.network),
         "Actors mentioned in the same sentence are linked; only the strongest ties are drawn, "
         "and wider lines mean more shared sentences."),
        (_png(timeline, actors, len(sentences(report.article.text))), describe_timeline(actors),
         "Where in the article each actor is mentioned, sentence by sentence."),
    ]


def render(report: ArticleReport, progress: Progress | None = None) -> str:
    """The report as one self-contained HTML page, titled by the article's headline."""
    progress = progress or Progress(1, 0)
    progress.step("Drawing the charts")
    figures = [figure(png, alt, caption) for png, alt, caption in charts(report)]
    return page(
        f"Report: {title(report.article)}",
        section("Summary", note(f"Headline not recognised. {report.article.advice}") if report.article.advice else "",
                intro=summary(report)),
        section("The article", highlighted_article(report),
                intro="Quantities and actors are highlighted; the label after each says its kind. "
                      "Hover over a highlight for its value or the actor it refers to."),
        section("Charts", *figures),
        section("Quantities", quantity_summary_table(report).html(),
                intro="Every field of every quantity is in quantities.csv."),
        section("Actors", readable_table(actor_table(report)).html()),
        section("Quotes", quote_table(report).html()),
        section("Who is mentioned with whom", link_table(report, TOP_LINKS).html(),
                intro=f"The {TOP_LINKS} pairs of actors that share the most sentences."),
    )


CSV_TABLES = {"quantities.csv": quantity_table, "actors.csv": actor_table, "mentions.csv": mention_table,
              "quotes.csv": quote_table, "links.csv": link_table}


def write_report(report: ArticleReport, out: Path, progress: Progress | None = None) -> list[Path]:
    """Write ``report.html`` and the CSV tables into ``out``, all or none; return the paths written.

    Raises :class:`lessons.safefiles.FileError` when ``out`` cannot be written (nothing is left half-written).
    """
    files = {"report.html": render(report, progress).encode("utf-8")}
    for name, make_table in CSV_TABLES.items():
        table = make_table(report)
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(table.header)
        writer.writerows(table.rows)
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
