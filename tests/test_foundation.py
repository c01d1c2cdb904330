"""The shared foundation: kinds, word lists, the text cache and the scorer."""

from __future__ import annotations

import pytest

from lessons import caching, evaluation, kinds, wordlists


def test_kinds_shown_together_never_share_a_colour():
    shown_together = {**kinds.ACTOR_KINDS, **kinds.QUANTITY_KINDS, **kinds.TIME_KINDS}
    assert len({kind.colour for kind in shown_together.values()}) == len(shown_together)


@pytest.mark.parametrize("family", list(kinds.FAMILIES.values()), ids=list(kinds.FAMILIES))
def test_each_family_has_distinct_colours_and_markers(family):
    assert len({kind.colour for kind in family.values()}) == len(family)
    assert len({kind.marker for kind in family.values()}) == len(family)


def test_an_unknown_kind_names_the_kinds_there_are():
    with pytest.raises(KeyError, match="MONEY"):
        kinds.kind("MONY")


def test_extending_a_word_list_changes_the_next_cached_result():
    @caching.text_cache
    def has_listed_word(text):
        return [word for word in text.split() if word in wordlists.words("example")]

    assert has_listed_word("dozens of tens") == ["dozens"]
    wordlists.extend("example", ["tens"])
    try:
        assert has_listed_word("dozens of tens") == ["dozens", "tens"]
    finally:
        wordlists.reset("example")
    assert has_listed_word("dozens of tens") == ["dozens"]


def test_a_cached_result_cannot_be_changed_by_its_caller():
    @caching.text_cache
    def words(text):
        return text.split()

    words("a b").append("c")
    assert words("a b") == ["a", "b"]


def test_clear_caches_empties_every_text_cache():
    calls = []

    @caching.text_cache
    def counted(text):
        calls.append(text)
        return ()

    counted("x"), counted("x")
    caching.clear_caches()
    counted("x")
    assert calls == ["x", "x"]


def test_unknown_word_list_is_a_clear_error():
    with pytest.raises(KeyError, match="example"):
        wordlists.words("no such list")


def test_ieer_spans_are_exact_offsets_into_the_text():
    documents = evaluation.ieer_documents()
    assert len(documents) == 56
    assert all(document.text[span.start:span.end] == span.text for document in documents for span in document.spans)
    assert all("<" not in document.text for document in documents)


def test_scores_count_optional_spans_neither_way():
    document = evaluation.parse_marked(
        'The <b_enamex type="ORGANIZATION" status="opt">Finance<e_enamex> Minister '
        '<b_enamex type="PERSON">Simeon Nyachae<e_enamex> spoke.')
    found = [evaluation.Found(4, 11, "ORGANIZATION"), evaluation.Found(21, 35, "PERSON")]
    result = evaluation.evaluate([document], lambda _: found, ["PERSON", "ORGANIZATION"])
    assert (result.score().gold, result.score().found, result.score().correct) == (1, 1, 1)
    assert result.errors == ()


def test_errors_are_sorted_into_their_four_sorts():
    document = evaluation.parse_marked(
        '<b_enamex type="PERSON">Ann Lee<e_enamex> met <b_enamex type="LOCATION">Kenya<e_enamex> '
        'and <b_enamex type="PERSON">Bob<e_enamex>. Then Oslo.')
    found = [evaluation.Found(0, 3, "PERSON"), evaluation.Found(12, 17, "PERSON"),
             evaluation.Found(34, 38, "LOCATION")]
    result = evaluation.evaluate([document], lambda _: found, ["PERSON", "LOCATION"])
    assert [error.error for error in result.errors] == ["wrong boundary", "wrong kind", "missed", "spurious"]
    assert result.score("PERSON").found == 2 and result.score("PERSON").gold == 2
    overlap = evaluation.evaluate([document], lambda _: found, ["PERSON", "LOCATION"], match="overlap")
    assert overlap.score("PERSON").correct == 1
