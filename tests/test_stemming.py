"""lessons.stemming, perceptron_features and confusion: exact offsets, and bad input gets a clear answer."""

from __future__ import annotations

import pytest

from lessons.stemming import compare_stemmers, stem_groups
from lessons.tagging import perceptron_features
from lessons.training import confusion


def test_each_row_points_at_its_first_occurrence(article):
    for row in compare_stemmers(article.text):
        assert article.text[row.start:row.end].casefold() == row.word


def test_counts_add_up_to_the_words_of_the_text(article):
    rows = compare_stemmers(article.text)
    assert len({row.word for row in rows}) == len(rows)
    assert rows == sorted(rows, key=lambda row: -row.count)


@pytest.mark.parametrize("text", ["", "   ", "½ — “curly” 4½ $350m", "<b>bold</b> & more", "Ünïcödé façade naïve",
                                  "Путин встретился с Си", "word " * 20_000])
def test_odd_text_gives_rows_or_nothing_never_a_crash(text):
    for row in compare_stemmers(text):
        assert row.word and row.porter and row.lancaster and row.snowball
    assert isinstance(stem_groups(text), dict)


def test_not_a_string_is_a_clear_type_error():
    with pytest.raises(TypeError, match="compare_stemmers"):
        compare_stemmers(None)


def test_unknown_stemmer_is_a_clear_error():
    with pytest.raises(ValueError, match="porter"):
        stem_groups("attacks attacked", "krovetz")


@pytest.mark.parametrize("words, index, error", [(None, 0, TypeError), ("We expect", 0, TypeError),
                                                 (["We", ""], 0, TypeError), ([], 0, IndexError),
                                                 (["We"], 3, IndexError), (["We"], -1, IndexError)])
def test_perceptron_features_rejects_bad_input_clearly(words, index, error):
    with pytest.raises(error, match="perceptron_features"):
        perceptron_features(words, index)


def test_a_word_from_the_tag_dictionary_says_so():
    decision = perceptron_features(["The", "Kremlin", "said", "."], 0)
    assert decision.in_tag_dictionary and decision.tag == "DT"


def test_confusion_of_an_unknown_tagger_names_the_taggers():
    with pytest.raises(KeyError, match="unigram"):
        confusion("hidden markov")
