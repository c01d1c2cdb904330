"""What the report and lesson 5's dashboard both show about one article: findings, tables, summary, highlights.

The command-line report (:mod:`lessons.report`) writes these into a page; the
dashboard (:mod:`lessons.widgets.dashboard`) shows them in a notebook. Neither
depends on the other. Every kind's colour and plain words come from
:mod:`lessons.kinds`; every table is a :class:`lessons.highlight.Table`; sentences
are numbered from 1.

>>> from lessons.article import parse_article
>>> found = analyse(parse_article("Xi met Putin\\nXi paid $5 million. Putin smiled."))
>>> summary(found).split(". ")[0]
'The article has 12 tokens in 3 sentences'
"""

from __future__ import annotations

import textwrap
from collections import Counter
from dataclasses import dataclass
from typing import Any, Protocol

import lessons
from lessons.article import Article
from lessons.highlight import Span, Table, highlight, kind_legend, plural, sentence_number
from lessons.kinds import kind

TITLE_LENGTH = 60  # characters of a caption's title, cut at a word


class Steps(Protocol):
    """Anything that can be told which step is running (the report's progress line)."""

    def step(self, what: str) -> None: ...


@dataclass(frozen=True)
class ArticleReport:
    """Everything the report and the dashboard show about one article."""

    article: Article
    quantities: tuple
    actors: tuple
    quotes: tuple
    network: Any  # networkx.Graph


def analyse(article: Article, progress: Steps | None = None) -> ArticleReport:
    """Run the quantity and actor helpers on ``article``, telling ``progress`` each step."""
    step = progress.step if progress else (lambda what: None)
    step("Finding quantities")
    quantities = tuple(lessons.extract_quantities(article.text))
    step("Finding actors")
    actors = tuple(lessons.extract_actors(article.text))
    step("Finding quotes")
    quotes = tuple(lessons.quotes(article.text))
    step("Linking actors mentioned together")
    return ArticleReport(article, quantities, actors, quotes, lessons.actor_network(article.text))


def title(article: Article) -> str:
    """The article's headline, or its first words cut at a word (never inside an amount such as "$1.2bn").

    >>> from lessons.article import parse_article
    >>> title(parse_article("Sales rose to a record as revenue passed $1.2bn in the third quarter of the year."))
    'Sales rose to a record as revenue passed $1.2bn in the…'
    """
    if article.title:
        return article.title.text
    return textwrap.shorten(article.text, TITLE_LENGTH, placeholder="…") or "(empty text)"


def readable(value: object) -> str:
    """Large amounts with their digits grouped (350,000,000); years, offsets and the rest as they are."""
    if isinstance(value, (int, float)) and not isinstance(value, bool) and abs(value) >= 10_000:
        return f"{value:,}"
    return "" if value is None or value is False else str(value)


QUANTITY_COLUMNS = ("text", "start", "end", "sentence", "kind", "value", "unit", "counted", "counted_head",
                    "qualifier", "approximate", "low", "high")


def quantity_table(report: ArticleReport) -> Table:
    """Every field of every quantity (the CSV file); sentences numbered from 1."""
    return Table(QUANTITY_COLUMNS, [
        [sentence_number(q.sentence) if name == "sentence" else getattr(q, name) for name in QUANTITY_COLUMNS]
        for q in report.quantities])


def quantity_summary_table(report: ArticleReport) -> Table:
    """The quantities in five short columns, narrow enough for a page (long cells wrap)."""
    return Table(("quantity", "kind", "amount", "what it counts", "sentence"), [
        # A year is not an amount: 2021, not "2,021".
        (q.text, kind(q.kind).label, q.text if kind(q.kind).family == "time" else q.amount, q.counted or "",
         sentence_number(q.sentence))
        for q in report.quantities])


def actor_table(report: ArticleReport) -> Table:
    header = ("name", "kind", "mentions", "descriptions", "roles", "first_start", "first_end")
    return Table(header, [
        (actor.name, actor.kind, len(actor.mentions), sum(m.is_description for m in actor.mentions),
         "; ".join(actor.roles), actor.mentions[0].start if actor.mentions else "",
         actor.mentions[0].end if actor.mentions else "") for actor in report.actors])


def mention_table(report: ArticleReport) -> Table:
    rows = [(actor.name, actor.kind, mention.text, mention.start, mention.end, sentence_number(mention.sentence),
             mention.is_description) for actor in report.actors for mention in actor.mentions]
    return Table(("actor", "kind", "text", "start", "end", "sentence", "is_description"),
                 sorted(rows, key=lambda row: row[3]))


def quote_table(report: ArticleReport) -> Table:
    return Table(("speaker", "text", "start", "end", "sentence"),
                 [(quote.speaker or "", quote.text, quote.start, quote.end, sentence_number(quote.sentence))
                  for quote in report.quotes])


def link_table(report: ArticleReport, top: int | None = None) -> Table:
    edges = sorted(report.network.edges(data="weight", default=1), key=lambda edge: (-edge[2], edge[0], edge[1]))
    return Table(("actor", "actor", "sentences"), edges[:top])


def readable_table(table: Table) -> Table:
    """``table`` with large numbers grouped and empty values blank, for people rather than spreadsheets."""
    return Table(table.header, [[readable(cell) for cell in row] for row in table.rows])


def _kind_counts(kinds: Counter) -> str:
    return f" ({', '.join(f'{count} {kind(name).label}' for name, count in kinds.most_common())})" if kinds else ""


def summary(report: ArticleReport) -> str:
    """A few plain sentences about the article."""
    from lessons.tokens import sentences, tokenize

    text = report.article.text
    most = ", ".join(f"{actor.name} ({len(actor.mentions)})" for actor in report.actors[:3])
    lines = [
        f"The article has {plural(len(tokenize(text)), 'token')} in {plural(len(sentences(text)), 'sentence')}.",
        f"It has {plural(len(report.quantities), 'quantity', 'quantities')}"
        f"{_kind_counts(Counter(q.kind for q in report.quantities))}.",
        f"It names {plural(len(report.actors), 'actor')}{_kind_counts(Counter(a.kind for a in report.actors))}"
        + (f"; the most mentioned: {most}." if most else "."),
        f"It has {plural(len(report.quotes), 'quotation')}, {sum(q.speaker is not None for q in report.quotes)} "
        f"of them with a speaker found.",
    ]
    links = link_table(report, 1).rows
    if links:
        first, second, weight = links[0]
        lines.append(f"The pair mentioned together most often: {first} and {second} ({plural(weight, 'sentence')}).")
    return " ".join(lines)


def spans(report: ArticleReport) -> list[Span]:
    """The highlights: each quantity by its kind, each actor mention by its actor's kind."""
    quantity_spans = [
        Span(q.start, q.end, q.kind, f"{q.kind}: {readable(q.value)} {q.unit or ''} {q.counted or ''}".strip())
        for q in report.quantities]
    mention_spans = [
        Span(mention.start, mention.end, actor.kind,
             f"{actor.name} ({actor.kind}{', a description' if mention.is_description else ''})")
        for actor in report.actors for mention in actor.mentions]
    return quantity_spans + mention_spans


def highlighted_article(report: ArticleReport) -> str:
    """The article with quantities and actors marked in their kinds' colours, under a legend of those kinds."""
    highlights = spans(report)
    shown = list(dict.fromkeys(span.label for span in highlights))
    colours = {name: kind(name).colour for name in shown}
    return kind_legend(shown) + highlight(report.article.text, highlights, colours)
