"""lessons.chunking.parse gives exactly the trees of NLTK's own RegexpParser.parse."""

from __future__ import annotations

from pathlib import Path

import nltk
import pytest

from lessons import chunking
from lessons.actors import GRAMMAR as ACTOR_GRAMMAR
from lessons.actors import chunk_tagged
from lessons.quantities import GRAMMAR as QUANTITY_GRAMMAR
from lessons.quantities import retag
from lessons.tagging import tags_by_sentence

SECOND = Path(__file__).parent / "articles" / "harbour-works.txt"


@pytest.fixture(scope="module", params=["seed", "second", "ieer"])
def text(request, article):
    if request.param == "ieer":
        from lessons.evaluation import ieer_documents

        return "\n\n".join(document.text for document in ieer_documents()[:12])
    return article.text if request.param == "seed" else SECOND.read_text(encoding="utf-8")


def test_actor_chunks_are_nltks(text):
    parser = nltk.RegexpParser(ACTOR_GRAMMAR)
    sentences = [sentence for sentence in chunk_tagged(text) if sentence]
    assert len(sentences) > 20
    for sentence in sentences:
        assert chunking.parse(parser, sentence) == parser.parse(sentence)


def test_quantity_chunks_are_nltks(text):
    parser = nltk.RegexpParser(QUANTITY_GRAMMAR)
    tagged = [[(token.text, token.tag) for token in sentence] for sentence in tags_by_sentence(text) if sentence]
    retagged = [[(word, tag) for word, tag, *_ in retag(sentence)] for sentence in tagged]
    chunked = 0
    for sentence in retagged:
        ours, nltks = chunking.parse(parser, sentence), parser.parse(sentence)
        assert ours == nltks
        chunked += any(hasattr(child, "label") for child in ours)
    assert chunked > 5


def test_a_grammar_in_several_stages_and_loops_is_followed():
    parser = nltk.RegexpParser("NP: {<DT>?<NN>}\nVP: {<VB.*><NP>}", loop=2)
    sentence = [("the", "DT"), ("dog", "NN"), ("saw", "VBD"), ("a", "DT"), ("cat", "NN")]
    assert chunking.parse(parser, sentence) == parser.parse(sentence)
    assert str(chunking.parse(parser, [])) == "(S )"
