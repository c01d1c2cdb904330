"""Every chart keeps every label inside its figure, on the seed and on a different article, and no chart is a hairball.

The check is what a reader sees: after the layout engine has run, each piece of text
(titles, tick labels, axis labels, node labels, legends) lies inside the figure.
"""

from __future__ import annotations

from pathlib import Path

import matplotlib
import pytest

import lessons

matplotlib.use("Agg")
SECOND = Path(__file__).parent / "articles" / "harbour-works.txt"


@pytest.fixture(autouse=True)
def close_figures():
    yield
    import matplotlib.pyplot as plt

    plt.close("all")


@pytest.fixture(scope="module", params=["seed", "second"])
def text(request, article):
    return article.text if request.param == "seed" else SECOND.read_text(encoding="utf-8")


def _charts(text: str):
    """Each chart of the lessons on ``text``, by name: a function that draws it and returns its figure."""
    import datetime

    from lessons.dates import extract_times
    from lessons.plots import actors, dates, quantities, tagging, tokens

    found = lessons.extract_actors(text)
    written = datetime.date(2023, 3, 20)
    graph = lessons.actor_network(text)
    return {
        "frequency_chart": lambda: tokens.frequency_chart(lessons.word_frequencies(text)).figure,
        "tag_chart": lambda: tagging.tag_chart(lessons.tag_counts(text)).figure,
        "tag_chart (Penn)": lambda: tagging.tag_chart(lessons.tag_counts(text, tagset="penn")[:15]).figure,
        "quantity_chart": lambda: quantities.quantity_chart(lessons.extract_quantities(text)),
        "mention_counts": lambda: actors.mention_counts(found).figure,
        "network": lambda: actors.network(graph).figure,
        "network (on the caller's axes)": lambda: actors.network(graph, ax=_plain_axes()).figure,
        "timeline": lambda: actors.timeline(found, len(lessons.sentences(text))).figure,
        "time_line": lambda: dates.time_line(extract_times(text, written), written).figure,
    }


def _plain_axes():
    import matplotlib.pyplot as plt

    return plt.subplots(figsize=(6, 4))[1]


def clipped_labels(figure) -> list[str]:
    """The parts of ``figure`` (each axes with its labels, legends, the title) that stick out of it by over a pixel.

    Tick labels outside an axis's limits are never drawn, so the check asks matplotlib
    for what it draws (each artist's tight bounding box) rather than for every text.
    """
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    canvas = figure.canvas if isinstance(figure.canvas, FigureCanvasAgg) else FigureCanvasAgg(figure)
    canvas.draw()
    renderer = canvas.get_renderer()
    edge = figure.bbox
    parts = [(f"axes {ax.get_title()!r} (x label {ax.get_xlabel()!r})", ax) for ax in figure.axes]
    parts += [(f"text {text.get_text()!r}", text) for text in figure.texts]
    clipped = []
    for name, artist in parts:
        box = artist.get_tightbbox(renderer)
        if box is not None and (box.x0 < edge.x0 - 1 or box.y0 < edge.y0 - 1 or box.x1 > edge.x1 + 1
                                or box.y1 > edge.y1 + 1):
            clipped.append(f"{name} spans {[round(v) for v in box.extents]}, the figure {[round(v) for v in edge.extents]}")
    return clipped


def test_no_label_is_clipped(text):
    import matplotlib.pyplot as plt

    problems = {}
    for name, draw in _charts(text).items():
        figure = draw()
        if clipped := clipped_labels(figure):
            problems[name] = clipped
        plt.close(figure)
    assert not problems, "\n".join(f"{name}: {clipped}" for name, clipped in problems.items())


def test_the_check_finds_a_clipped_label():
    from matplotlib.figure import Figure

    figure = Figure(figsize=(3, 2))
    figure.add_subplot().text(0.9, 0.5, "a label far too long to fit in this small figure")
    assert clipped_labels(figure)


def test_the_network_draws_only_the_strongest_ties_with_their_labels(text):
    from lessons.plots.actors import TIES_SHOWN, network, strongest_ties

    graph = lessons.actor_network(text)
    ax = network(graph)
    shown = strongest_ties(graph)
    assert shown.number_of_edges() == min(TIES_SHOWN, graph.number_of_edges())
    lines = [collection for collection in ax.collections if type(collection).__name__ == "LineCollection"]
    assert sum(len(collection.get_segments()) for collection in lines) == shown.number_of_edges()
    assert {t.get_text() for t in ax.texts} == set(shown.nodes)
    weights = sorted((w for *_, w in graph.edges(data="weight")), reverse=True)
    assert sorted((w for *_, w in shown.edges(data="weight")), reverse=True) == weights[:TIES_SHOWN]


def test_the_quantity_chart_never_puts_two_units_on_one_axis(text):
    from lessons.plots.quantities import panels, quantity_chart

    quantities = lessons.extract_quantities(text)
    figure = quantity_chart(quantities)
    grouped = panels(quantities)
    assert len(figure.axes) == len(grouped) >= 2
    assert [ax.get_xlabel().split(",")[0] for ax in figure.axes] == [ax.get_title(loc="left") for ax in figure.axes] \
        == list(grouped)
    assert not any(ax.get_xlabel().startswith("value") for ax in figure.axes)
    labels = [label.get_text() for ax in figure.axes for label in ax.get_yticklabels()]
    assert not any(label.endswith(("millions people", "thousands trucks")) for label in labels)


def test_network_labels_never_overlap(text):
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    from lessons.plots.actors import network

    ax = network(lessons.actor_network(text))
    canvas = FigureCanvasAgg(ax.figure) if not isinstance(ax.figure.canvas, FigureCanvasAgg) else ax.figure.canvas
    canvas.draw()
    boxes = [(t.get_text(), t.get_window_extent(canvas.get_renderer())) for t in ax.texts]
    overlapping = [(a, b) for i, (a, box) in enumerate(boxes) for b, other in boxes[i + 1:] if box.overlaps(other)]
    assert len(boxes) >= 5 and not overlapping
