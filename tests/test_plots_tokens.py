"""Lesson 1's chart and tables show the same numbers as word_frequencies."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402

from lessons.plots.tokens import comparison_table, frequency_chart, frequency_table  # noqa: E402
from lessons.tokens import TOKENIZERS, word_frequencies  # noqa: E402


@pytest.fixture(scope="module")
def counts(article):
    return word_frequencies(article.text, drop_stopwords=True)


def test_chart_and_table_show_the_same_figures(counts):
    ax = frequency_chart(counts, top=10)
    bar_lengths = [bar.get_width() for bar in ax.patches]
    words = [label.get_text() for label in ax.get_yticklabels()]
    figures = frequency_table(counts, top=10)
    assert [(row[1], row[2]) for row in figures.rows] == list(zip(words, bar_lengths))
    assert [text.get_text() for text in ax.texts] == [str(count.count) for count in counts[:10]]
    plt.close(ax.figure)


def test_chart_draws_on_a_given_axes_and_copes_with_no_words():
    _, ax = plt.subplots()
    assert frequency_chart([], ax=ax) is ax and "no words" in ax.get_title()
    assert frequency_table([]).rows == ()
    plt.close(ax.figure)


def test_chart_needs_word_counts():
    with pytest.raises(TypeError, match="word_frequencies"):
        frequency_chart("the the cat")


def test_comparison_table_has_a_column_per_tokenizer():
    figures = comparison_table(['his "dear friend"', "4½ hours"])
    assert figures.header == ("text", *TOKENIZERS)
    assert figures.rows[1][-1] == "[4½] [hours]"
    assert "[``]" in figures.rows[0][list(figures.header).index("word_tokenize")]
    with pytest.raises(TypeError):
        comparison_table("one string")
