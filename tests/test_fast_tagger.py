"""The tagger's faster scoring gives exactly NLTK's tags; the shared per-text tagging is cached once."""

from __future__ import annotations

import nltk
import pytest
from nltk.tag import PerceptronTagger

import lessons
from lessons import tagging
from lessons.tagging import _features, _tagger, tags_by_sentence


@pytest.fixture(scope="module")
def nltk_tagger():
    return PerceptronTagger()  # NLTK's own, untouched


def _news_sentences(article) -> list[list[str]]:
    texts = [article.text]
    if lessons.data.find("ieer"):
        from lessons.evaluation import ieer_documents

        texts += [document.text for document in ieer_documents()[:12]]
    return [nltk.word_tokenize(sentence) for text in texts for sentence in nltk.sent_tokenize(text)]


def test_same_tags_as_nltk_on_news(article, nltk_tagger):
    sentences = _news_sentences(article)
    assert sum(map(len, sentences)) > 4000
    assert [_tagger().tag(words) for words in sentences] == [nltk_tagger.tag(words) for words in sentences]


@pytest.mark.parametrize("words", [["Xi"], ["½", "-", "well-known", "1999", "42nd", ""], ["A", "B", "C", "D", "E"]])
def test_same_features_as_nltk(words, nltk_tagger):
    context = nltk_tagger.START + [nltk_tagger.normalize(word) for word in words] + nltk_tagger.END
    for index, word in enumerate(words):
        ours = _features(index, word, context, "NNP", "-START-")
        assert list(ours.items()) == list(nltk_tagger._get_features(index, word, context, "NNP", "-START-").items())


def test_ties_go_to_the_greatest_label_as_in_nltk(nltk_tagger):
    scorer = tagging._MatrixScorer(nltk_tagger.model)
    unknown = {"a feature the model never saw": 1}
    assert scorer.predict(unknown)[0] == nltk_tagger.model.predict(unknown)[0] == max(nltk_tagger.classes)


def test_tags_by_sentence_is_one_cache_that_tag_reads(monkeypatch):
    text = "Putin hosted Xi. They talked for 4½ hours."
    lessons.clear_caches()
    tagged_sentences = []
    original = tagging.tag_sentence
    monkeypatch.setattr(tagging, "tag_sentence", lambda text, tokens: tagged_sentences.append(tokens) or
                        original(text, tokens))
    first = tags_by_sentence(text)
    assert [token.text for token in lessons.tag(text)] == [token.text for group in first for token in group]
    lessons.tag_counts(text), lessons.words_for_tag(text, "NNP"), tags_by_sentence(text)
    assert len(tagged_sentences) == 2  # each sentence tagged once, whoever asks
    first[0].clear()
    assert len(tags_by_sentence(text)[0]) == 4  # callers get copies
