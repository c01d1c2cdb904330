"""lessons.tagging: tags with offsets, what tags mean, counting, and the tagger's mistakes on the article."""

from __future__ import annotations

import json

import nltk
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import lessons
from lessons.tagging import (
    PENN_HELP,
    UNIVERSAL,
    explain,
    penn_tags,
    tag,
    tag_counts,
    tagger_words,
    tags_by_sentence,
    to_universal,
    universal_tags,
    words_for_tag,
    words_with_several_tags,
)

# --- Tags with offsets -----------------------------------------------------------------


def test_tags_keep_the_tokens_and_their_offsets(article):
    tagged = tag(article.text)
    assert [(t.text, t.start, t.end, t.sentence) for t in tagged] == [
        (t.text, t.start, t.end, t.sentence) for t in lessons.tokenize(article.text)
    ]
    assert all(article.text[t.start:t.end] == t.text for t in tagged)
    assert all(t.universal == to_universal(t.tag) for t in tagged)


def test_tags_match_plain_nltk_on_a_plain_sentence():
    sentence = "The United States announced its latest military aid package."
    assert [(t.text, t.tag) for t in tag(sentence)] == nltk.pos_tag(nltk.word_tokenize(sentence))


def test_straight_quotes_are_shown_to_the_tagger_as_treebank_quotes():
    assert tagger_words('He said "no". "Yes," she said.') == [
        ["He", "said", "``", "no", "''", "."], ["``", "Yes", ",", "''", "she", "said", "."]
    ]


def test_dashes_are_punctuation_not_names(article):
    dashes = [t for t in tag(article.text) if t.text == "—"]
    assert dashes and all(t.tag == ":" for t in dashes)


def test_tagging_twice_returns_the_cached_result(article):
    assert tag(article.text) == tag(article.text)
    assert tag(article.text)[0] is tag(article.text)[0]


def test_tags_by_sentence_groups_every_token_once(article):
    grouped = tags_by_sentence(article.text)
    assert len(grouped) == len(lessons.sentences(article.text))
    assert [t for sentence in grouped for t in sentence] == tag(article.text)
    assert all(t.sentence == index for index, sentence in enumerate(grouped) for t in sentence)


# --- What the tags mean ----------------------------------------------------------------


def test_every_tag_the_tagger_can_emit_is_explained():
    for penn_tag in penn_tags():
        found = explain(penn_tag)
        assert found.meaning and found.examples and found.universal in universal_tags()
    for universal in universal_tags():
        found = explain(universal, tagset=UNIVERSAL)
        assert found.meaning and found.examples and found.covers


def test_penn_explanations_are_nltks_own_words():
    with nltk.data.find(PENN_HELP).open() as file:
        nltk_help = json.loads(file.read())
    assert explain("NNP").meaning == nltk_help["NNP"][0] == "noun, proper, singular"
    assert explain("VBG").examples[0] == nltk_help["VBG"][1].split()[0]


def test_universal_tags_list_the_penn_tags_they_cover():
    assert explain("NOUN").covers == ("NN", "NNP", "NNPS", "NNS")
    assert sorted(tag for universal in universal_tags() for tag in explain(universal, UNIVERSAL).covers) == penn_tags()


def test_explain_accepts_lower_case_and_picks_the_tagset_for_the_full_stop():
    assert explain("nnp").tag == "NNP"
    assert explain(".").meaning == "sentence terminator"
    assert explain(".", tagset="universal").meaning.startswith("punctuation")


@pytest.mark.parametrize("bad", ["", "NOPE", "nnx"])
def test_explain_names_the_known_tags_for_an_unknown_one(bad):
    with pytest.raises(ValueError, match="NNP"):
        explain(bad)


def test_explain_says_which_tagset_lacks_the_tag():
    with pytest.raises(ValueError, match="'VBD' is not a universal tag"):
        explain("VBD", tagset="universal")


def test_explain_rejects_an_unknown_tagset():
    with pytest.raises(ValueError, match="universal"):
        explain("NN", tagset="brown")


# --- Counting and comparing ----------------------------------------------------------------


def test_tag_counts_add_up_to_every_token(article):
    for tagset in ("universal", "penn"):
        counts = tag_counts(article.text, tagset)
        assert sum(c.count for c in counts) == len(tag(article.text))
        assert sum(c.share for c in counts) == pytest.approx(1)
        assert [c.count for c in counts] == sorted((c.count for c in counts), reverse=True)
    assert tag_counts(article.text)[0].tag == "NOUN"


def test_words_for_a_tag_trace_back_to_the_text(article):
    proper_nouns = words_for_tag(article.text, "NNP")
    assert proper_nouns[0].word == "Ukraine"
    assert sum(entry.count for entry in proper_nouns) == sum(1 for t in tag(article.text) if t.tag == "NNP")
    for entry in proper_nouns:
        assert len(entry.tokens) == entry.count
        assert all(article.text[t.start:t.end] == entry.word and t.tag == "NNP" for t in entry.tokens)


def test_words_for_a_universal_tag_cover_all_its_penn_tags(article):
    nouns = sum(entry.count for entry in words_for_tag(article.text, "NOUN"))
    assert nouns == sum(entry.count for penn in ("NN", "NNS", "NNP", "NNPS") for entry in words_for_tag(article.text, penn))


def test_the_full_stop_means_the_penn_tag_unless_universal_is_asked_for(article):
    assert [entry.word for entry in words_for_tag(article.text, ".")] == ["."]
    punctuation = {entry.word for entry in words_for_tag(article.text, ".", tagset="universal")}
    assert {".", ",", '"', "$"} <= punctuation


def test_words_with_several_tags_really_have_several(article):
    several = words_with_several_tags(article.text)
    assert several
    for entry in several:
        assert len(entry.tags) > 1
        assert {t.tag for t in entry.tokens} == {name for name, _ in entry.tags}
        assert sum(count for _, count in entry.tags) == len(entry.tokens)
    universal_words = {entry.word for entry in words_with_several_tags(article.text, "universal")}
    assert universal_words < {entry.word for entry in several}


# --- Where the tagger goes wrong on the article ------------------------------------------------
# The lesson's section "Where the tagger goes wrong" tells each of these stories. If a new NLTK
# version tags differently, these fail: rewrite that section of 02_tagging.ipynb, then the tests.


def _tag_of(text: str, word: str, phrase: str) -> str:
    """The tag of ``word`` in the sentence of ``text`` that contains ``phrase``."""
    sentence = next(s for s in lessons.sentences(text) if phrase in s.text)
    return next(t.tag for t in tags_by_sentence(text)[sentence.index] if t.text == word)


def test_names_it_has_never_seen_get_other_tags(article):
    assert _tag_of(article.text, "Beijing", "We expect Beijing to use") == "VBG"
    assert _tag_of(article.text, "Xi", '"dear friend" Xi Jinping') == "CC"
    assert _tag_of(article.text, "Xi", "It was the first trip abroad for Xi") == "NN"
    assert _tag_of(article.text, "Xi", "He has called for Xi") == "NN"
    assert _tag_of(article.text, "Putin", "Putin claims he aims") == "NN"
    assert _tag_of(article.text, "claims", "Putin claims he aims") == "NNS"
    assert _tag_of(article.text, "Bakhmut", "Bakhmut remains the epicentre") == "NN"


def test_headline_capitalisation_makes_nouns_into_names(article):
    assert _tag_of(article.text, "Exchange", "Exchange of compliments") == "NNP"
    title_case = " ".join(word[0].upper() + word[1:] for word in article.title.text.split())
    tags = {t.text: t.tag for t in tag(title_case)}
    assert [tags[word] for word in ("Timing", "Visit", "Arrest", "Warrant")] == ["NNP"] * 4
    sentence_case = {t.text: t.tag for t in tag(article.title.text)}
    assert [sentence_case[word] for word in ("timing", "visit", "arrest", "warrant")] == ["NN"] * 4


def test_us_after_350_million_is_a_proper_noun_not_money(article):
    tagged = tag(article.text)
    us = next(index for index, t in enumerate(tagged) if t.text == "US")
    assert [(t.text, t.tag) for t in tagged[us - 3 : us + 1]] == [("$", "$"), ("350", "CD"), ("million", "CD"), ("US", "NNP")]


# --- Bad input ------------------------------------------------------------------------------------

PUBLIC_HELPERS = [tag, tags_by_sentence, tagger_words, tag_counts, words_with_several_tags]


@pytest.mark.parametrize("helper", PUBLIC_HELPERS + [lambda text: words_for_tag(text, "NN"), explain],
                         ids=lambda helper: getattr(helper, "__name__", "words_for_tag"))
@pytest.mark.parametrize("bad", [None, 42, b"bytes", ["a list"]])
def test_non_text_is_a_type_error_that_says_what_to_pass(helper, bad):
    with pytest.raises(TypeError, match="needs text as a str"):
        helper(bad)


@pytest.mark.parametrize("helper", PUBLIC_HELPERS, ids=lambda helper: helper.__name__)
@pytest.mark.parametrize("blank", ["", "   ", "\n\n\t "])
def test_blank_text_gives_nothing(helper, blank):
    assert helper(blank) == []


def test_words_for_tag_rejects_a_non_text_tag():
    with pytest.raises(TypeError):
        words_for_tag("Xi met Putin.", None)


@pytest.mark.parametrize("odd", [
    "Путин принял Си Цзиньпина в Кремле.",
    "<p>Xi <b>met</b> Putin &amp; friends</p>",
    "Talks lasted 4½ hours 🙂🇨🇳 — “dear friend” – ‘yes’…",
    "习近平访问莫斯科。",
    "\u200b\u00a0zero\u200dwidth\ufeff",
    '" "" `` \'\' "',
])
def test_odd_text_is_tagged_without_crashing(odd):
    tagged = tag(odd)
    assert tagged
    assert all(odd[t.start:t.end] == t.text and t.universal in universal_tags() for t in tagged)
    assert sum(c.count for c in tag_counts(odd)) == len(tagged)


def test_huge_text_is_tagged(article):
    huge = "\n".join([article.text] * 20)
    tagged = tag(huge)
    assert len(tagged) == 20 * len(tag(article.text))
    assert all(huge[t.start:t.end] == t.text for t in tagged[-50:])


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=120))
def test_any_text_is_tagged_with_exact_offsets(text):
    tagged = tag(text)
    assert all(text[t.start:t.end] == t.text and t.universal in universal_tags() for t in tagged)
    assert [t.text for t in tagged] == [t.text for t in lessons.tokenize(text)]
