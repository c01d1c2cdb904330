"""The quantity explorer follows the explorer contract: every control changes the output."""

from __future__ import annotations

import re

import ipywidgets as widgets

from lessons.kinds import QUANTITY_KINDS
from lessons.widgets.quantities import QuantityExplorer


def test_contract_parts(article):
    explorer = QuantityExplorer()
    assert isinstance(explorer, widgets.VBox)
    assert "lessons-explorer" in explorer._dom_classes
    assert "lessons-explorer-output" in explorer.output._dom_classes
    assert isinstance(explorer.text_box, widgets.Textarea) and not explorer.text_box.continuous_update
    assert explorer.text_box.placeholder and explorer.text_box.description
    for box in explorer.kind_boxes.values():
        assert box.description in QUANTITY_KINDS and box.tooltip
    assert "13 of 13 quantities" in explorer.output.value


def test_each_checkbox_changes_the_output():
    explorer = QuantityExplorer()
    for kind, box in explorer.kind_boxes.items():
        before = explorer.output.value
        box.value = False
        assert explorer.output.value != before, kind
        assert f"<sub style=\"font-size:0.7em;font-weight:600;margin-left:2px\">{kind}</sub>" not in explorer.output.value
    assert "kinds shown: none · 0 of 13" in explorer.output.value


def test_labels_are_shown_as_text_and_the_table_is_sorted_by_value():
    explorer = QuantityExplorer()
    html = explorer.output.value
    assert ">MONEY</sub>" in html and ">COUNT</sub>" in html
    table = re.sub(r' style="[^"]*"', "", html[html.index("<table"):])
    assert table.index("<td>69</td>") < table.index("<td>1,000,000</td>") < table.index("<td>350,000,000</td>")


def test_own_text_is_shown_escaped_and_clearing_it_returns_to_the_article():
    explorer = QuantityExplorer()
    explorer.text_box.value = "<b>We sold 12 boats</b> for €5bn."
    assert "Your text" in explorer.output.value
    assert "&lt;b&gt;" in explorer.output.value and "<b>We" not in explorer.output.value
    assert "5,000,000,000" in explorer.output.value
    explorer.text_box.value = ""
    assert "13 of 13 quantities" in explorer.output.value


def test_load_switches_text_and_resets_the_boxes():
    explorer = QuantityExplorer()
    explorer.kind_boxes["COUNT"].value = False
    explorer.text_box.value = "Three ships."
    explorer.load("In 2022 they fired 40 missiles.")
    assert all(box.value for box in explorer.kind_boxes.values()) and explorer.text_box.value == ""
    assert "1 of 1 quantities" in explorer.output.value  # 2022 is a date (lessons.dates), no quantity



def test_a_sentence_shows_only_its_quantities(article):
    import lessons

    explorer = QuantityExplorer(one_sentence=True)
    assert "sentence 1 of 50" in explorer.output.value
    money = next(q for q in lessons.extract_quantities(article.text) if q.kind == "MONEY")
    explorer.sentence_picker.value = money.sentence
    html = explorer.output.value
    assert f"sentence {money.sentence + 1} of 50" in html and html.count("<mark") >= 1
    assert ">MONEY</sub>" in html and f"sentence {money.sentence + 1})" in html  # tooltips count from 1 too
    assert "69 attacks" not in html
