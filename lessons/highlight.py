"""Spans of text as escaped HTML: highlighted passages, token chips and legends.

Every explorer widget shows its results through these functions, and every
piece of text is escaped here, so text a reader pastes in is shown, never run.
Colours come from the Okabe–Ito palette, which stays distinct for colour-blind
readers, and every highlight also carries its label as text, so colour is never
the only cue. Lesson 1 (``01_tokenizing.ipynb``, "Token explorer") introduces it.

>>> highlight("Putin met Xi", [Span(0, 5, "PERSON")])
'<div class="lessons-text mathjax_ignore" ...><mark ...>Putin<sub ...>PERSON</sub></mark> met Xi</div>'
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

# Okabe & Ito (2008), "Color Universal Design": distinguishable with any colour vision.
PALETTE = ("#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#999999")


def light(colour: str) -> str:
    """``colour`` at 25% opacity, for a background that keeps dark text readable: ``light("#332288") == "#33228840"``."""
    return colour + "40" if len(colour) == 7 and colour.startswith("#") else colour


# MathJax (which JupyterLab runs over HTML outputs and widgets) skips this class, so a text
# with two amounts like $350m and $40k is shown as written, not typeset as a formula.
NO_MATHS = "mathjax_ignore"

TEXT_STYLE = "line-height:2.1;font-family:system-ui,sans-serif;font-size:0.95rem;white-space:pre-wrap"


@dataclass(frozen=True)
class Span:
    """A stretch ``text[start:end]`` to highlight, the label shown with it, and an optional tooltip."""

    start: int
    end: int
    label: str
    tooltip: str = ""


def literal(text: str) -> str:
    """``text`` escaped for HTML, with ``$`` as an entity so that no ``$...$`` reads as mathematics.

    >>> literal("<b> costs $350m and $40k")
    '&lt;b&gt; costs &#36;350m and &#36;40k'
    """
    return html.escape(text).replace("$", "&#36;")


def colours_for(labels: Iterable[str]) -> dict[str, str]:
    """A stable colour for each distinct label, in order of first appearance."""
    colours: dict[str, str] = {}
    for label in labels:
        if label not in colours:
            colours[label] = PALETTE[len(colours) % len(PALETTE)]
    return colours


def _mark(text: str, span: Span, colour: str) -> str:
    tooltip = html.escape(span.tooltip or f"{span.label}: characters {span.start}–{span.end}", quote=True)
    return (
        f'<mark title="{tooltip}" style="background:{light(colour)};'
        f'border-bottom:3px solid {colour};padding:1px 2px;border-radius:3px">'
        f"{html.escape(text[span.start:span.end])}"
        f'<sub style="font-size:0.7em;font-weight:600;margin-left:2px">{html.escape(span.label)}</sub></mark>'
    )


def highlight(text: str, spans: Sequence[Span], colours: dict[str, str] | None = None) -> str:
    """``text`` as HTML with each span marked and labelled. Overlapping spans after the first are skipped."""
    colours = colours or colours_for(span.label for span in spans)
    parts = []
    position = 0
    for span in sorted(spans, key=lambda span: (span.start, -span.end)):
        if span.start < position or span.end <= span.start:
            continue
        parts.append(html.escape(text[position:span.start]))
        parts.append(_mark(text, span, colours.get(span.label, PALETTE[-1])))
        position = span.end
    parts.append(html.escape(text[position:]))
    return f'<div class="lessons-text {NO_MATHS}" style="{TEXT_STYLE}">{"".join(parts)}</div>'


def within(spans: Sequence[Span], start: int, end: int) -> list[Span]:
    """The spans inside ``text[start:end]``, with offsets counted from ``start``: to highlight one sentence.

    Give each span its own tooltip first, so the tooltip keeps the offsets into the whole text.

    >>> within([Span(0, 2, "A", "x"), Span(10, 12, "B", "y")], 8, 20)
    [Span(start=2, end=4, label='B', tooltip='y')]
    """
    return [Span(span.start - start, span.end - start, span.label, span.tooltip)
            for span in spans if start <= span.start and span.end <= end]


def chips(items: Sequence[tuple[str, str]], colour: str = PALETTE[1],
          colours: Sequence[str] | None = None) -> str:
    """A row of chips, one per ``(text, caption)`` pair: e.g. a token and its offsets.

    ``colours``, if given, holds one colour per chip (to set some apart);
    otherwise every chip has ``colour``.

    >>> chips([("U.S.", "0–4")])
    '<div ...><span ...>U.S.<small ...>0–4</small></span></div>'
    """
    colours = colours or [colour] * len(items)
    rendered = "".join(
        f'<span class="{NO_MATHS}" style="display:inline-block;margin:3px;padding:2px 6px;'
        f'border:1px solid {chip_colour};background:{light(chip_colour)};border-radius:4px;'
        f'font-family:ui-monospace,monospace;white-space:pre">{html.escape(text)}'
        f'<small style="display:block;font-size:0.7em;color:#333">{html.escape(caption)}</small></span>'
        for (text, caption), chip_colour in zip(items, colours)
    )
    return f'<div class="lessons-chips" style="line-height:1.2">{rendered}</div>'


def caption(text: str) -> str:
    """One line of bold text that says what an explorer shows (its text alternative, too).

    ``role="status"`` makes screen readers announce it when it changes.

    >>> caption("Sentence 1 <of 2>")
    '<div class="lessons-caption" role="status" ...><b>Sentence 1 &lt;of 2&gt;</b></div>'
    """
    return f'<div class="lessons-caption" role="status" style="margin:2px 0 6px"><b>{html.escape(text)}</b></div>'


def note(text: str) -> str:
    """A short paragraph of explanation under a result, escaped.

    >>> note("Tokens <b> are escaped")
    '<p class="lessons-note" ...>Tokens &lt;b&gt; are escaped</p>'
    """
    return f'<p class="lessons-note" style="margin:4px 0;color:#333">{html.escape(text)}</p>'


def legend(colours: dict[str, str], descriptions: dict[str, str] | None = None) -> str:
    """A legend: a swatch, the label and (optionally) what it means, for each label."""
    descriptions = descriptions or {}
    entries = "".join(
        f'<span style="margin-right:12px;white-space:nowrap">'
        f'<span style="display:inline-block;width:12px;height:12px;background:{colour};'
        f'border:1px solid #333;vertical-align:middle"></span> <b>{html.escape(label)}</b>'
        f'{" " + html.escape(descriptions[label]) if label in descriptions else ""}</span>'
        for label, colour in colours.items()
    )
    return f'<div class="lessons-legend" style="margin:4px 0">{entries}</div>'


def sentence_number(index: int) -> int:
    """The number a reader sees for the sentence at ``index``: sentences are counted from 1.

    Offsets and ``Sentence.index`` stay 0-based, as Python counts; every display adds 1 here.

    >>> sentence_number(0)
    1
    """
    return index + 1


def plural(number: int, noun: str, nouns: str | None = None) -> str:
    """``number`` and ``noun``, plural when it should be.

    >>> plural(1, "sentence"), plural(2, "quantity", "quantities")
    ('1 sentence', '2 quantities')
    """
    return f"{number:,} {noun if number == 1 else nouns or noun + 's'}"


def kind_legend(names: Iterable[str]) -> str:
    """A legend for kinds from :mod:`lessons.kinds`: each kind's colour, label and plain-words description.

    >>> "an amount of money" in kind_legend(["MONEY"])
    True
    """
    from lessons.kinds import kind

    found = [kind(name) for name in names]
    return legend({found_kind.name: found_kind.colour for found_kind in found},
                  {found_kind.name: f"({found_kind.label}): {found_kind.description}" for found_kind in found})


def _cell_style(cell: object) -> str:
    # JupyterLab right-aligns every table cell, which makes words hard to read; only numbers
    # line up on the right. Explicit padding keeps columns apart inside a widget, too.
    align = "right" if isinstance(cell, (int, float)) else "left"
    return f"text-align:{align};padding:2px 8px"


def table(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    """The HTML of a :class:`Table`, every cell escaped: words aligned left, numbers right.

    Views build a :class:`Table`; this is how it shows in a page or a notebook.

    >>> table(["word", "count"], [("<b>", 2)])
    '<table ...><th style="text-align:left...">word</th>...<td style="text-align:left...">&lt;b&gt;</td><td style="text-align:right...">2</td></tr></tbody></table>'
    """
    head = "".join(f'<th style="{_cell_style(cell)}">{html.escape(str(cell))}</th>' for cell in header)
    body = "".join(
        "<tr>" + "".join(f'<td style="{_cell_style(cell)}">{html.escape(str(cell))}</td>' for cell in row) + "</tr>"
        for row in rows
    )
    return (f'<table class="lessons-table" style="border-collapse:collapse"><thead class="{NO_MATHS}"><tr>{head}</tr>'
            f'</thead><tbody class="{NO_MATHS}">{body}</tbody></table>')


@dataclass(frozen=True)
class Table:
    """Rows of figures that show as an HTML table in a notebook and as aligned text elsewhere.

    Charts return their numbers as a ``Table`` too, so no figure is shown by colour or length alone.

    >>> print(repr(Table(("word", "count"), (("the", 51), ("to", 37)))))
    word  count
    the   51
    to    37
    """

    header: tuple[str, ...]
    rows: tuple[tuple[object, ...], ...]

    def __post_init__(self) -> None:
        # Lists are welcome; stored as tuples, so a table stays the same once made.
        object.__setattr__(self, "header", tuple(self.header))
        object.__setattr__(self, "rows", tuple(tuple(row) for row in self.rows))

    def __repr__(self) -> str:
        lines = [tuple(map(str, self.header))] + [tuple(map(str, row)) for row in self.rows]
        widths = [max(len(line[column]) for line in lines) for column in range(len(self.header))]
        return "\n".join(
            "  ".join(cell.ljust(width) for cell, width in zip(line, widths)).rstrip() for line in lines
        )

    def _repr_html_(self) -> str:
        return table(self.header, self.rows)

    def html(self) -> str:
        """The table as escaped HTML, to put inside a page or an explorer's output."""
        return self._repr_html_()


def figure(png: bytes, alt: str, caption_text: str) -> str:
    """A PNG image embedded in the page itself (base64), with its text alternative and a caption.

    >>> figure(b"PNG", "Bars: Xi 5, Putin 4", "Mentions <by actor>")
    '<figure ...><img src="data:image/png;base64,UE5H" alt="Bars: Xi 5, Putin 4" ...><figcaption>Mentions &lt;by actor&gt;</figcaption></figure>'
    """
    import base64

    source = base64.b64encode(png).decode("ascii")
    return (
        f'<figure class="lessons-figure" style="margin:12px 0">'
        f'<img src="data:image/png;base64,{source}" alt="{html.escape(alt, quote=True)}" style="max-width:100%">'
        f"<figcaption>{html.escape(caption_text)}</figcaption></figure>"
    )


def section(heading: str, *parts: str, intro: str = "") -> str:
    """A titled section of a page: the heading and ``intro`` are escaped, ``parts`` are HTML from this module."""
    lead = f"<p>{html.escape(intro)}</p>" if intro else ""
    return f"<section><h2>{html.escape(heading)}</h2>{lead}{''.join(parts)}</section>"


def page(title: str, *sections: str) -> str:
    """A complete, self-contained HTML page (no external files) made of ``sections``.

    >>> "<title>&lt;Report&gt;</title>" in page("<Report>", section("Summary", intro="3 actors"))
    True
    """
    style = (
        "body{max-width:60rem;margin:2rem auto;padding:0 1rem;font-family:system-ui,sans-serif;color:#222}"
        ".lessons-table td,.lessons-table th{border:1px solid #ccc;padding:2px 6px;text-align:left;vertical-align:top}"
        "section{margin-bottom:2rem;overflow-x:auto}"
    )
    return (
        f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>{html.escape(title)}</title>'
        f'<meta name="viewport" content="width=device-width, initial-scale=1"><style>{style}</style></head>'
        f"<body><h1>{html.escape(title)}</h1>{''.join(sections)}</body></html>\n"
    )
