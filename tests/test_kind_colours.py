"""Every view draws each kind in that kind's colour from lessons.kinds, and the kinds in a view never share one.

Charts are checked through their matplotlib artists, explorers, the dashboard and the report
through the colour styles of their HTML (each highlight's underline and each legend swatch).
"""

from __future__ import annotations

import re
from pathlib import Path

import matplotlib
import pytest
from matplotlib.colors import to_hex

import lessons
from lessons.kinds import ACTOR_KINDS, QUANTITY_KINDS, TAG_KINDS, TIME_KINDS, kind

matplotlib.use("Agg")
SECOND = Path(__file__).parent / "articles" / "harbour-works.txt"
# A highlight: its underline colour, then the label written under the text.
MARK = re.compile(r'border-bottom:3px solid (#[0-9A-Fa-f]{6});[^>]*>[^<]*<sub[^>]*>([^<]+)</sub>')
# A legend entry: its swatch colour, then its label in bold.
SWATCH = re.compile(r'background:(#[0-9A-Fa-f]{6});border:1px solid #333;[^>]*></span> <b>([^<]+)</b>')


@pytest.fixture(scope="module", params=["seed", "second"])
def text(request, article):
    return article.text if request.param == "seed" else SECOND.read_text(encoding="utf-8")


def _hex(colour) -> str:
    return to_hex(colour).upper()


def _distinct(colours: dict[str, str]) -> None:
    assert len(set(colours.values())) == len(colours), f"kinds share a colour: {colours}"


def _html_colours(html: str, name_of=lambda label: label) -> dict[str, str]:
    """Each kind named in the HTML's highlights and legend, with the one colour it is drawn in."""
    seen: dict[str, set[str]] = {}
    for pattern in (MARK, SWATCH):
        for colour, label in pattern.findall(html):
            seen.setdefault(name_of(label), set()).add(colour.upper())
    assert seen, "no coloured kinds found in the HTML"
    for name, colours in seen.items():
        assert colours == {kind(name).colour.upper()}, f"{name} drawn in {colours}, not {kind(name).colour}"
    return {name: colours.pop() for name, colours in seen.items()}


def test_the_quantity_chart_draws_each_kind_in_its_colour(text):
    from lessons.plots.quantities import panels, quantity_chart

    quantities = lessons.extract_quantities(text)
    every_kind = [*QUANTITY_KINDS, *TIME_KINDS]
    figure = quantity_chart(quantities, kinds=every_kind)
    drawn = {}
    for ax, shown in zip(figure.axes, panels(quantities, every_kind).values()):
        for line in ax.lines:
            quantity = shown[int(line.get_ydata()[0])]
            assert _hex(line.get_color()) == kind(quantity.kind).colour.upper(), quantity
            drawn[quantity.kind] = _hex(line.get_color())
    assert len(drawn) >= 3
    _distinct(drawn)


def test_the_actor_charts_draw_each_kind_in_its_colour(text):
    from lessons.plots import actors as plots

    actors = lessons.extract_actors(text)
    by_label = {f"{actor.name} ({ACTOR_KINDS[actor.kind].label})": actor.kind for actor in actors}
    ax = plots.mention_counts(actors)
    rows = [label.get_text() for label in ax.get_yticklabels()]
    bars = ax.patches[:len(rows)]  # the bars of mentions by name, one a row, in the kind's colour
    drawn = {by_label[row]: _hex(bar.get_facecolor()) for row, bar in zip(rows, bars)}
    assert all(colour == ACTOR_KINDS[name].colour.upper() for name, colour in drawn.items())
    _check_legend(ax, drawn)

    ax = plots.network(lessons.actor_network(text))
    nodes = {collection.get_label(): {_hex(face) for face in collection.get_facecolors()}
             for collection in ax.collections if collection.get_label() in {k.label for k in ACTOR_KINDS.values()}}
    assert nodes and all(faces == {kind_.colour.upper()} for kind_ in ACTOR_KINDS.values()
                         for label, faces in nodes.items() if label == kind_.label)
    _check_legend(ax, {name: k.colour.upper() for name, k in ACTOR_KINDS.items() if k.label in nodes})

    ax = plots.timeline(actors, sentence_count=len(lessons.sentences(text)))
    shown = actors[:8][::-1]
    for collection in ax.collections:
        if len(collection.get_offsets()):
            actor = shown[int(collection.get_offsets()[0][1])]
            colours = {_hex(c) for c in [*collection.get_facecolors(), *collection.get_edgecolors()]} - {"#FFFFFF",
                                                                                                        "#000000"}
            assert colours == {ACTOR_KINDS[actor.kind].colour.upper()}, actor
    _distinct(drawn)


def _check_legend(ax, drawn: dict[str, str]) -> None:
    """The legend names each kind the chart draws, in that kind's colour, and nothing it does not draw."""
    legend = ax.get_legend()
    entries = {text.get_text(): handle for text, handle in zip(legend.get_texts(), legend.legend_handles)}
    labels = {ACTOR_KINDS[name].label: colour for name, colour in drawn.items()}
    for label, colour in labels.items():
        handle = entries[label]
        face = handle.get_facecolor() if hasattr(handle, "get_facecolor") else handle.get_markerfacecolor()
        face = face[0] if getattr(face, "ndim", 1) == 2 else face
        assert _hex(face) == colour, label
    kinds_in_legend = {label for label in entries if label in {k.label for k in ACTOR_KINDS.values()}}
    assert kinds_in_legend == set(labels), "the legend lists kinds the chart does not draw"


def test_the_tag_chart_draws_each_tag_in_its_colour(text):
    from lessons.plots.tagging import tag_chart

    counts = lessons.tag_counts(text)
    ax = tag_chart(counts)
    drawn = {count.tag: _hex(bar.get_facecolor()) for count, bar in zip(counts, ax.patches)}
    assert drawn == {tag: TAG_KINDS[tag].colour.upper() for tag in drawn}
    _distinct(drawn)


def test_the_explorers_draw_each_kind_in_its_colour(text):
    from lessons.widgets.actors import ActorExplorer
    from lessons.widgets.quantities import QuantityExplorer
    from lessons.widgets.tagging import TagExplorer

    _distinct(_html_colours(QuantityExplorer(text).output.value))
    _distinct(_html_colours(ActorExplorer(text).output.value, name_of=lambda label: label.split(" ", 1)[1]))
    tags = _html_colours(TagExplorer(text).output.value)
    assert len(tags) >= 8
    _distinct(tags)


def test_the_dashboard_and_the_report_draw_each_kind_in_its_colour(text, tmp_path):
    from lessons.article import parse_article
    from lessons.report import render
    from lessons.views import analyse
    from lessons.widgets.dashboard import render as dashboard

    shown = _html_colours(dashboard(text, "a test"))
    assert set(shown) & set(ACTOR_KINDS) and set(shown) & set(QUANTITY_KINDS)
    _distinct(shown)
    _distinct(_html_colours(render(analyse(parse_article(text)))))


def test_the_time_line_draws_each_time_kind_in_its_colour(text):
    import datetime

    from lessons.dates import extract_times
    from lessons.plots.dates import time_line

    written = datetime.date(2023, 3, 20)
    ax = time_line(extract_times(text, written), written)
    by_label = {found.label: found for found in TIME_KINDS.values()}
    marks = [line for line in ax.lines if line.get_marker() not in (None, "None", "") and line.get_label() in by_label]
    assert marks and all(_hex(line.get_color()) == by_label[line.get_label()].colour.upper() for line in marks)
