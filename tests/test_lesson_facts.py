"""Every claim a lesson makes about how a tool behaves, pinned (as the spaCy course pins its facts).

If a new NLTK version tokenizes, tags or stems differently, a test here fails and names the
lesson text to rewrite, instead of the lesson silently saying something false.
"""

from __future__ import annotations

import re

import nltk
import pytest

import lessons
from lessons.stemming import compare_stemmers, is_dictionary_word, lemmatize, stem_groups
from lessons.tagging import _tagger, perceptron_features, tagger_words
from lessons.training import confusion

BEIJING_SENTENCE = "We expect Beijing to use its influence on Moscow ."


# --- Lesson 1: tokenizers ------------------------------------------------------------------


def test_l1_python_re_keeps_the_half_but_nltk_regexp_tokenizer_drops_it():
    # Lesson 1, "Which \\w?": re's \\w accepts str.isalnum() characters; NLTK compiles with `regex`.
    assert re.findall(r"\w+", "4½ hours") == ["4½", "hours"]
    assert nltk.RegexpTokenizer(r"\w+").tokenize("4½ hours") == ["4", "hours"]
    assert "½".isalnum() and not "½".isdecimal()


def test_l1_wordpunct_splits_the_half_off_and_leaves_a_lonely_s():
    assert nltk.wordpunct_tokenize("4½ hours") == ["4", "½", "hours"]
    assert nltk.wordpunct_tokenize("Xi's visit") == ["Xi", "'", "s", "visit"]


def test_l1_treebank_rules_split_the_possessive_and_keep_us_and_hyphens():
    assert nltk.word_tokenize("U.S. denounces timing of Xi's visit") == [
        "U.S.", "denounces", "timing", "of", "Xi", "'s", "visit"]
    assert "12-point" in nltk.word_tokenize("a 12-point proposal")
    assert nltk.word_tokenize("worth $350m")[-2:] == ["$", "350m"]
    assert "4½" in nltk.word_tokenize("for nearly 4½ hours")


def test_l1_word_tokenize_rewrites_quotes():
    assert nltk.word_tokenize('as "dear friend"') == ["as", "``", "dear", "friend", "''"]


def test_l1_punkt_splits_after_us_before_he_but_not_before_russia():
    assert len(nltk.sent_tokenize("He lives in the U.S. He likes it.")) == 2
    assert len(nltk.sent_tokenize("Aid came from the U.S. Russia denied it.")) == 1


def test_l1_punkt_glues_the_headline_to_the_first_sentence(article):
    assert nltk.sent_tokenize(article.text)[0].startswith(article.title.text)
    assert lessons.sentences(article.text)[0].text == article.title.text


# --- Lesson 1: stems --------------------------------------------------------------------------


def test_l1_stemmers_as_the_lesson_shows_them():
    from nltk.stem import LancasterStemmer, PorterStemmer, SnowballStemmer

    porter, lancaster, snowball = PorterStemmer(), LancasterStemmer(), SnowballStemmer("english")
    assert {porter.stem(word) for word in ("attack", "attacks", "attacking")} == {"attack"}
    assert [porter.stem(word) for word in ("Ukraine", "military", "has", "its", "allies")] == [
        "ukrain", "militari", "ha", "it", "alli"]
    assert [lancaster.stem(word) for word in ("warrant", "leader")] == ["war", "lead"]
    assert [snowball.stem(word) for word in ("has", "his")] == ["has", "his"]
    assert porter.stem("Russia") != porter.stem("Russian")


def test_l1_stems_are_often_not_words(article):
    stems = {row.porter for row in compare_stemmers(article.text)}
    assert not is_dictionary_word("ukrain") and is_dictionary_word("attack")
    assert sum(map(is_dictionary_word, stems)) < len(stems)
    assert stem_groups(article.text)["attack"] == ["attack", "attacks", "attacking"]
    assert "it" in stem_groups(article.text) and "its" in stem_groups(article.text)["it"]


def test_l1_lemmatising_without_wordnet_says_how_to_install_it():
    try:
        nltk.data.find("corpora/wordnet")
    except LookupError:
        with pytest.raises(lessons.MissingResourceError, match="wordnet"):
            lemmatize(["allies"])
    else:
        assert lemmatize(["allies", "attacks"]) == ["ally", "attack"]


# --- Lesson 2: tags ---------------------------------------------------------------------------


def test_l2_universal_tagset_has_no_propn_and_maps_proper_nouns_to_noun():
    from nltk.tag.mapping import tagset_mapping

    universal = set(tagset_mapping("en-ptb", "universal").values())
    assert "PROPN" not in universal and len(universal) == 12
    assert lessons.tagging.to_universal("NNP") == lessons.tagging.to_universal("NNPS") == "NOUN"


def test_l2_beijing_is_in_the_treebank_sample_and_the_tagger_weighs_it():
    from nltk.corpus import treebank

    assert [tag for word, tag in treebank.tagged_words() if word == "Beijing"] == ["NNP"] * 7
    weights = _tagger().model.weights["i word beijing"]
    assert weights["NNP"] > 5 and weights["VBG"] < -3


def test_l2_beijing_loses_to_its_ing_suffix_by_a_small_margin():
    decision = perceptron_features(BEIJING_SENTENCE.split(), 2)
    assert decision.tag == "VBG" and not decision.in_tag_dictionary
    scores = dict(decision.scores)
    assert [name for name, _ in decision.scores[:2]] == ["VBG", "NNP"]
    assert 0 < scores["VBG"] - scores["NNP"] < 5  # "wins by about 2 points"
    by_name = {feature.feature: feature for feature in decision.features}
    suffix = by_name["i suffix ing"].weight("VBG") - by_name["i suffix ing"].weight("NNP")
    assert 30 < suffix < 36  # "the suffix alone is worth about 33 points more for VBG"
    for favours_nnp in ("bias", "i pref1 B", "i word beijing"):
        assert by_name[favours_nnp].weight("NNP") > by_name[favours_nnp].weight("VBG")
    assert len(by_name) == 14  # "about fourteen features"


def test_l2_xi_putin_bakhmut_have_no_weight_of_their_own_moscow_and_china_are_looked_up():
    tagger = _tagger()
    for word in ("xi", "putin", "bakhmut"):
        assert f"i word {word}" not in tagger.model.weights
    assert "Moscow" in tagger.tagdict and "China" in tagger.tagdict
    assert "Beijing" not in tagger.tagdict


def test_l2_the_mixed_sentence_and_the_article_tag_beijing_vbg(article):
    assert [t.tag for t in lessons.tag("We expect Beijing to use its influence on Moscow.")][2] == "VBG"
    tags = {token.tag for token in lessons.tag(article.text) if token.text == "Beijing"}
    assert "VBG" in tags


def test_l2_the_perceptron_helper_matches_the_taggers_own_choice(article):
    tagger = _tagger()
    for words in tagger_words(article.text)[:6]:
        tags = [tag for _, tag in tagger.tag(words)]
        for index, word in enumerate(words):
            if word not in tagger.tagdict:
                decision = perceptron_features(words, index)
                assert decision.scores[0][0] == tags[index] == decision.tag


def test_l2_the_most_confused_pairs_the_lesson_explains():
    report = confusion()
    pairs = {(pair.gold, pair.predicted): dict(pair.words) for pair in report.pairs}
    assert list(pairs)[:2] == [("NN", "JJ"), ("VBN", "JJ")]
    assert "chief" in pairs["NN", "JJ"] and "qualified" in pairs["VBN", "JJ"]
    assert "yen" in pairs["NN", "NNS"] and "about" in pairs["IN", "RB"] and "said" in pairs["VBN", "VBD"]
    assert "Interleukin-3" in pairs["NN", "NNP"]
    assert 0.95 < report.accuracy < 0.97
    assert report.matrix["NN", "JJ"] == report.pairs[0].count  # the matrix and the list agree


def test_l2_plain_pos_tag_on_the_whole_text_differs_from_lessons_tag(article):
    plain = sum(tag == "NNP" for _, tag in nltk.pos_tag(nltk.word_tokenize(article.text)))
    ours = sum(token.tag == "NNP" for token in lessons.tag(article.text))
    assert plain != ours  # exercise 2.1's feedback explains the difference


# --- Lesson 3: regular expressions ----------------------------------------------------------


def test_l3_a_bare_dollar_is_an_anchor_and_an_escaped_one_a_character():
    assert re.findall(r"$\d+", "$350m") == []
    assert re.findall(r"\$\d+", "$350m") == ["$350"]


def test_l3_the_naive_counted_pattern_misses_number_words(article):
    found = re.findall(r"\d+ \w+ \w+", article.text)
    assert "69 Russian attacks" in found and "155 millimetre artillery" in found
    assert not any(match.startswith("one million") for match in found)
