"""lessons.quantities: exact spans and values on hand-made hard sentences and on the seed article."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lessons.quantities import GRAMMAR, KINDS, chunk, extract_quantities, read_number, retag

GOLD = Path(__file__).resolve().parent / "gold"
HARD = json.loads((GOLD / "quantities_hard.json").read_text(encoding="utf-8"))
SEED = json.loads((GOLD / "quantities_seed.json").read_text(encoding="utf-8"))


def _close(found, expected):
    if isinstance(expected, float) and isinstance(found, (int, float)):
        return abs(found - expected) < 1e-5
    return found == expected


def test_there_are_at_least_60_hard_sentences():
    assert len(HARD) >= 60


@pytest.mark.parametrize("case", HARD, ids=lambda case: case["sentence"][:40])
def test_hard_sentence(case):
    sentence = case["sentence"]
    found = extract_quantities(sentence)
    assert [q.text for q in found] == [expected["text"] for expected in case["quantities"]]
    for quantity, expected in zip(found, case["quantities"]):
        start = sentence.index(expected["text"])
        assert (quantity.start, quantity.end) == (start, start + len(expected["text"]))
        for name, value in expected.items():
            assert _close(getattr(quantity, name), value), f"{name}: {getattr(quantity, name)!r} != {value!r}"


def test_the_seed_article_matches_the_gold_annotations(article):
    found = [asdict(q) for q in extract_quantities(article.text)]
    expected = SEED["quantities"]
    for annotation in expected:
        assert article.text[annotation["start"]:annotation["end"]] == annotation["text"]
    assert [(q["start"], q["end"]) for q in found] == [(a["start"], a["end"]) for a in expected]
    for quantity, annotation in zip(found, expected):
        for name, value in annotation.items():
            assert _close(quantity[name], value), f"{annotation['text']} {name}: {quantity[name]!r} != {value!r}"


def test_sentence_numbers_point_at_the_sentence_that_holds_the_quantity(article):
    from lessons import sentences

    spans = sentences(article.text)
    for quantity in extract_quantities(article.text):
        sentence = spans[quantity.sentence]
        assert sentence.start <= quantity.start < quantity.end <= sentence.end


def test_a_broken_grammar_says_what_is_wrong():
    with pytest.raises(ValueError, match="chunk grammar has a mistake"):
        extract_quantities("They fired 5 rockets.", grammar="AMOUNT: {<CD>")


def test_headline_and_body_forms_agree():
    headline, body = extract_quantities("Another $350m in aid. It is worth $350 million US.")
    assert (headline.value, headline.unit) == (body.value, body.unit) == (350_000_000, "USD")


def test_bad_input():
    with pytest.raises(TypeError, match="extract_quantities"):
        extract_quantities(None)
    assert extract_quantities("") == extract_quantities("   \n ") == []


@pytest.mark.parametrize("text", ["<p>Il a payé 300 € pour 2 billets.</p>", "🚀" * 50 + " 5 rockets", "½ ¾ ⅓", "—" * 10 + "12"])
def test_odd_text_gives_sensible_results(text):
    for quantity in extract_quantities(text):
        assert text[quantity.start:quantity.end] == quantity.text
        assert quantity.kind in KINDS


def test_read_number_combines_words_and_scales():
    assert read_number(["one", "hundred", "and", "twenty"]).value == 120
    assert read_number(["1.5", "billion"]).value == 1_500_000_000
    assert read_number(["Xi"]).value is None


def test_retag_keeps_pronoun_one_out_of_the_numbers():
    assert retag([("one", "CD"), ("another", "DT")])[0][1] == "PRP"


def test_an_edited_grammar_changes_the_result():
    no_things = GRAMMAR.replace("<AMOUNT>(<OF><DT|PRP\\$>?)?<THING>?", "<AMOUNT>")
    assert extract_quantities("They repelled 69 Russian attacks.", grammar=no_things)[0].counted is None
    assert "QUANTITY" in str(chunk("They repelled 69 Russian attacks."))


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=200))
def test_any_unicode_text(text):
    found = extract_quantities(text)
    for quantity in found:
        assert text[quantity.start:quantity.end] == quantity.text
        assert quantity.kind in KINDS
    assert all(a.end <= b.start for a, b in zip(found, found[1:]))


NUMBERISH = st.lists(
    st.sampled_from(["one", "of", "the", "$", "5", "million", "tens", "thousands", "½", "12-point", "more", "than",
                     "US", "3.9", "percent", "a", "fifth", "first", "March", "2022", ",", "people", "no", "-", "to",
                     "and", "between", "hours", "£3m", "1,000", "10-20", "٣", "²", "Ⅻ", "twenty-five", " ", "\n"]),
    max_size=25,
).map(" ".join)


@settings(max_examples=200, deadline=None)
@given(NUMBERISH)
def test_number_heavy_text(text):
    found = extract_quantities(text)
    for quantity in found:
        assert text[quantity.start:quantity.end] == quantity.text
    assert all(a.end <= b.start for a, b in zip(found, found[1:]))
    assert [q.start for q in found] == sorted(q.start for q in found)
