"""lessons.training: taggers trained on the treebank sample, scored on held-out sentences."""

from __future__ import annotations

import matplotlib
import pytest

from lessons.plots.tagging import accuracy_chart, tag_chart
from lessons.tagging import tag, tag_counts
from lessons.training import PERCEPTRON, compare_on_text, evaluate, train_taggers, treebank_split

matplotlib.use("Agg")


def test_the_split_holds_out_a_tenth_without_traces():
    training, test = treebank_split()
    assert len(test) == pytest.approx((len(training) + len(test)) / 10, abs=1)
    assert all(penn_tag != "-NONE-" for sentence in training + test for _, penn_tag in sentence)


def test_backoff_beats_each_tagger_alone_and_the_perceptron_beats_them_all():
    scores = {score.name: score.accuracy for score in evaluate()}
    assert list(scores) == list(train_taggers()) + [PERCEPTRON]
    assert scores["default (NN)"] < scores["unigram alone"] < scores["unigram → default"]
    assert scores["bigram alone"] < scores["unigram alone"]
    assert scores["unigram → default"] < scores["bigram → unigram → default"] < scores[PERCEPTRON]
    assert all(0 < accuracy < 1 for accuracy in scores.values())


def test_the_default_tagger_scores_the_share_of_nn_in_the_test_split():
    _, test = treebank_split()
    tags = [penn_tag for sentence in test for _, penn_tag in sentence]
    assert evaluate()[0].accuracy == pytest.approx(tags.count("NN") / len(tags))


def test_comparison_on_the_article_lists_every_difference(article):
    comparisons = {c.name: c for c in compare_on_text(article.text)}
    assert list(comparisons) == list(train_taggers())
    tokens = len(tag(article.text))
    for comparison in comparisons.values():
        assert comparison.agreement == pytest.approx(1 - len(comparison.differences) / tokens)
        assert all(d.perceptron != d.trained and article.text[d.start:d.end] == d.text for d in comparison.differences)
    # names the 1989 treebank never saw are the unigram tagger's gaps
    unseen = {d.text for d in comparisons["unigram alone"].differences if d.trained is None}
    assert {"Xi", "Putin", "Kyiv", "Zelenskyy"} <= unseen
    assert comparisons["unigram → default"].agreement > comparisons["unigram alone"].agreement


@pytest.mark.parametrize("blank", ["", "  \n"])
def test_comparison_on_blank_text_is_empty(blank):
    assert compare_on_text(blank) == []


def test_comparison_rejects_non_text():
    with pytest.raises(TypeError, match="needs text as a str"):
        compare_on_text(None)


def test_charts_show_the_same_figures_as_the_tables(article):
    counts = tag_counts(article.text)
    ax = tag_chart(counts)
    assert [bar.get_width() for bar in ax.patches] == [c.count for c in counts]
    scores = evaluate()
    ax = accuracy_chart(scores)
    assert [bar.get_width() for bar in ax.patches] == [s.accuracy for s in scores]
    assert [label.get_text() for label in ax.get_yticklabels()] == [s.name for s in scores]
