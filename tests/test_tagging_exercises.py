"""Lesson 2's exercises: right answers pass, common wrong answers get their targeted hint."""

from __future__ import annotations

from nltk.tag import UnigramTagger

import lessons
from lessons.checks import check
from lessons.training import treebank_split


def test_right_answers_pass(article):
    tagged = lessons.tag(article.text)
    assert check("2.1", sum(t.tag == "NNP" for t in tagged)).passed
    assert check("2.2", "VBG").passed
    assert check("2.3", sorted(entry.word for entry in lessons.words_with_several_tags(article.text))).passed


def test_counting_the_wrong_tags_gets_a_targeted_hint(article):
    tagged = lessons.tag(article.text)
    assert "NNPS" in check("2.1", sum(t.tag in {"NNP", "NNPS"} for t in tagged)).hint
    assert "universal tag NOUN" in check("2.1", sum(t.universal == "NOUN" for t in tagged)).hint
    assert "common-noun" in check("2.1", sum(t.tag == "NN" for t in tagged)).hint


def test_the_expected_tag_instead_of_the_tagger_s_gets_a_hint():
    assert "the one the tagger gave" in check("2.2", "NNP").hint
    assert "universal one" in check("2.2", "NOUN").hint


def test_unsorted_or_universal_words_get_hints(article):
    words = [entry.word for entry in lessons.words_with_several_tags(article.text)]
    assert "sorted" in check("2.3", words).hint
    universal = sorted(entry.word for entry in lessons.words_with_several_tags(article.text, "universal"))
    assert "Penn tags" in check("2.3", universal).hint


def test_a_unigram_tagger_without_backoff_or_a_percentage_gets_a_hint():
    training, test = treebank_split()
    alone = UnigramTagger(training).accuracy(test)
    assert "backoff" in check("2.4", alone).hint
    with_backoff = lessons.training.train_taggers()["unigram → default"].accuracy(test)
    assert check("2.4", round(with_backoff, 3)).passed
    assert "percentage" in check("2.4", with_backoff * 100).hint
    assert not check("2.4", "0.87").passed
