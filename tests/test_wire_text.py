"""Wire copy (hard-wrapped lines, each paragraph's first line indented) is split into real sentences."""

from __future__ import annotations

import nltk
import pytest

from lessons import data
from lessons.article import paragraph_spans
from lessons.tokens import sentences

WIRE = ("\n\t   NAIROBI, Kenya (AP) _ Thousands of laborers, students and\nopposition politicians on Saturday "
        "protested tax hikes.\n\t   Beneath a scorching sun, they sang anti-government songs and\nchanted.\n")


def test_a_wrapped_line_does_not_end_a_sentence_and_an_indented_line_starts_a_paragraph():
    assert [WIRE[start:end].split()[0] for start, end in paragraph_spans(WIRE)] == ["NAIROBI,", "Beneath"]
    assert [sentence.text.split()[-1] for sentence in sentences(WIRE)] == ["hikes.", "chanted."]


@pytest.mark.parametrize("text", ["One paragraph a line.\n  An indented quote.\nThe next paragraph.\n",
                                  "Headline\nFirst paragraph.\n\tSecond, indented.\nThird.\n"])
def test_one_paragraph_a_line_stays_one_paragraph_a_line_despite_an_indented_line(text):
    assert len(paragraph_spans(text)) == len(text.splitlines())


@pytest.mark.skipif(data.find("ieer") is None, reason="the ieer corpus is not installed")
def test_ieer_stories_have_about_as_many_sentences_as_punkt_finds_in_them():
    from lessons.evaluation import ieer_documents

    texts = [document.text for document in ieer_documents()]
    ours = sum(len(sentences(text)) for text in texts)
    punkt = sum(len(nltk.sent_tokenize(text)) for text in texts)
    assert punkt <= ours <= 1.1 * punkt  # ours also keeps headlines and paragraphs apart
