"""Lesson 4 explorer and charts, tested without a browser: set controls, read the output."""

from __future__ import annotations

import ipywidgets as widgets
import matplotlib
import pytest

from lessons.actors import actor_network, extract_actors
from lessons.plots import actors as plots
from lessons.widgets.actors import ActorExplorer


@pytest.fixture
def explorer():
    return ActorExplorer()


def _caption(explorer):
    return explorer.output.value.split("</p>", 1)[0]


def test_follows_the_explorer_contract(explorer):
    assert isinstance(explorer, widgets.VBox)
    assert "lessons-explorer" in explorer._dom_classes
    assert "lessons-explorer-output" in explorer.output._dom_classes
    assert isinstance(explorer.text_box, widgets.Textarea) and not explorer.text_box.continuous_update
    assert explorer.text_box.placeholder
    controls = [explorer.text_box, explorer.actor_picker, explorer.min_mentions, explorer.ties, explorer.sentence_picker,
                *explorer.kind_boxes.values()]
    assert all(control.description and control.tooltip for control in controls)


def test_every_control_changes_the_output(explorer):
    seen = {explorer.output.value}
    explorer.actor_picker.value = "Xi Jinping"
    seen.add(explorer.output.value)
    explorer.min_mentions.value = 3
    seen.add(explorer.output.value)
    explorer.kind_boxes["LOCATION"].value = False
    seen.add(explorer.output.value)
    assert len(seen) == 4
    assert "at least 3 mentions" in _caption(explorer) and "location" not in _caption(explorer).split("kinds shown")[1]


def test_picking_an_actor_highlights_all_its_mentions_with_text_labels(explorer, article):
    explorer.actor_picker.value = "Vladimir Putin"
    value = explorer.output.value
    putin = next(a for a in extract_actors(article.text) if a.name == "Vladimir Putin")
    assert f"{len(putin.mentions)} mentions highlighted" in _caption(explorer)
    assert value.count("<mark") == len(putin.mentions)
    assert ">≈ description</sub>" in value and ">short name</sub>" in value  # forms named, not only coloured
    assert "Russian president" in value  # a role
    assert "Xi Jinping" in value.split("Co-mentioned", 1)[1]


def test_quotes_are_listed_for_their_speaker(explorer):
    explorer.actor_picker.value = "Antony Blinken"
    assert "grave crimes" in explorer.output.value.split("<h4>Quotes</h4>", 1)[1]


def test_kind_boxes_filter_highlights_and_co_mentions(explorer):
    explorer.kind_boxes["PERSON"].value = False
    assert "PERSON</sub>" not in explorer.output.value and "LOCATION</sub>" in explorer.output.value
    explorer.actor_picker.value = "Xi Jinping"  # a picked actor shows whatever its kind
    co_mentioned = explorer.output.value.split("<h4>Co-mentioned</h4>", 1)[1].split("<h4>", 1)[0]
    assert "Ukraine" in co_mentioned and "Vladimir Putin" not in co_mentioned
    for box in explorer.kind_boxes.values():
        box.value = False
    before = explorer.output.value
    explorer.actor_picker.value = "Ukraine"  # the picker still works with no kind ticked
    assert explorer.output.value != before


def test_own_text_is_shown_escaped_and_load_resets(explorer):
    explorer.min_mentions.value = 2
    explorer.text_box.value = "President <b>Xi</b> met Vladimir Putin in Moscow."
    assert "&lt;b&gt;" in explorer.output.value and "<b>Xi</b>" not in explorer.output.value.split("</p>", 1)[1]
    assert explorer.min_mentions.value == 1 and explorer.actor_picker.value == ""
    explorer.load("Antony Blinken spoke.")
    assert [value for _, value in explorer.actor_picker.options][1:] == ["Antony Blinken"]
    before = explorer.output.value
    explorer.min_mentions.value = 2  # the box can move even when every actor has one mention
    assert explorer.output.value != before and explorer.min_mentions.value == 2


def test_blank_and_odd_text(explorer):
    explorer.load("")
    assert "0 mentions highlighted" in _caption(explorer)
    explorer.load("🙂 ½ — “quoted” <script>x</script>")
    assert "<script>" not in explorer.output.value


def test_charts_draw_and_have_text_alternatives(article):
    matplotlib.use("Agg")
    actors = extract_actors(article.text)
    graph = actor_network(article.text)
    ax = plots.mention_counts(actors, top=5)
    assert len(ax.patches) == 10  # five name bars and five description bars
    assert plots.mention_count_rows(actors, top=1) == [
        ("Xi Jinping", "PERSON", sum(not m.is_description for m in actors[0].mentions),
         sum(m.is_description for m in actors[0].mentions))]
    ax = plots.network(graph, min_mentions=3)
    assert {text.get_text() for text in ax.texts} >= {"Xi Jinping", "Vladimir Putin"}
    assert "Xi Jinping – Vladimir Putin" in plots.describe_network(graph, min_mentions=3)
    ax = plots.timeline(actors, sentence_count=50, top=4)
    assert [label.get_text() for label in ax.get_yticklabels()][-1] == "Xi Jinping (person)"
    assert plots.describe_timeline(actors, top=1).startswith("Xi Jinping (person): sentences 1–")  # counted from 1
    assert plots.describe_mention_counts([]) == "No actors found."


def test_ties_shown_and_one_sentence(article):
    explorer = ActorExplorer(one_sentence=True)
    assert "in sentence 1 of 50" in _caption(explorer)
    assert explorer.ties.description == "Ties shown" and explorer.ties.tooltip
    network = explorer.output.value.split("<h4>Network", 1)[1]
    assert network.count("<tr>") == 1 + explorer.ties.value  # the header and the strongest ties
    explorer.ties.value = 3
    assert explorer.output.value.split("<h4>Network", 1)[1].count("<tr>") == 1 + 3
    explorer.sentence_picker.value = -1
    assert "in sentence" not in _caption(explorer)
