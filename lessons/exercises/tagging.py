"""Lesson 2's exercises (``02_tagging.ipynb``): counting tags, catching a mistake, training a tagger.

Expected answers are computed from the article with the lesson's helpers, so
they follow the tagger if a new NLTK version tags differently.

>>> from lessons.checks import check
>>> check("2.1", ...).status
'not attempted'
"""

from __future__ import annotations

from lessons.checks import Exercise, Mistake, register

MIXED_SENTENCE = "We expect Beijing to use its influence on Moscow."
# Exercise 2.5's sentence, as the tagger's words, and the word in it to explain.
BEIJING_WORDS = ("We", "expect", "Beijing", "to", "use", "its", "influence", "on", "Moscow", ".")
BEIJING_INDEX = 2


def _article_text() -> str:
    from lessons.article import load_article

    return load_article().text


def _count(penn_tags: set[str] | None = None, universal: str | None = None) -> int:
    from lessons.tagging import tag

    return sum(1 for token in tag(_article_text()) if token.tag in (penn_tags or ()) or token.universal == universal)


def _proper_nouns() -> int:
    return _count({"NNP"})


def _plain_nltk_count() -> int:
    # The lesson's first cell, on the whole text at once: pos_tag sees one long sequence (the
    # headline glued to the first sentence), so a few tags differ from lessons.tag's.
    import nltk

    return sum(tag == "NNP" for _, tag in nltk.pos_tag(nltk.word_tokenize(_article_text())))


def _beijing_tag() -> str:
    from lessons.tagging import tag

    return next(token.tag for token in tag(MIXED_SENTENCE) if token.text == "Beijing")


def _words_with_several_tags(tagset: str) -> list[str]:
    from lessons.tagging import words_with_several_tags

    return sorted(entry.word for entry in words_with_several_tags(_article_text(), tagset))


def _unigram_accuracy(backoff: bool) -> float:
    from lessons.training import train_taggers, treebank_split

    _, test = treebank_split()
    return train_taggers()["unigram → default" if backoff else "unigram alone"].accuracy(test)


def _close(answer: object, expected: float) -> bool:
    return isinstance(answer, (int, float)) and abs(answer - expected) < 0.0015


register(Exercise(
    "2.1",
    "How many tokens of the article does lessons.tag tag NNP (proper noun, singular)?",
    expected=_proper_nouns,
    hints=(
        "lessons.tag(article.text) gives every token with its Penn tag in .tag.",
        "Count the tokens whose .tag is exactly 'NNP': sum(1 for token in ... if ...).",
    ),
    mistakes=[
        Mistake(lambda answer, expected: answer == _plain_nltk_count() == _count({"NNP", "NNPS"}),
                "Did you tag with nltk.pos_tag(nltk.word_tokenize(article.text)), or count NNPS too? Either "
                "gives this number; the question asks for lessons.tag and NNP only."),
        Mistake(lambda answer, expected: answer == _plain_nltk_count(),
                "Did you tag with nltk.pos_tag(nltk.word_tokenize(article.text))? It tags the whole text as one "
                "sequence, so a few tags differ: the question asks for lessons.tag."),
        Mistake(lambda answer, expected: answer == _count({"NNP", "NNPS"}),
                "Did you count NNPS (plural proper nouns) too? The question asks for NNP only."),
        Mistake(lambda answer, expected: answer == _count(universal="NOUN"),
                "Did you count the universal tag NOUN? It lumps proper nouns with common nouns."),
        Mistake(lambda answer, expected: answer == _count({"NN"}),
                "Is NN the proper-noun tag, or the common-noun one?"),
    ],
    next_step="Proper nouns are the raw material of lesson 4's actors.",
))

register(Exercise(
    "2.2",
    f"Which Penn tag does the tagger give 'Beijing' in: {MIXED_SENTENCE!r}?",
    expected=_beijing_tag,
    hints=(
        "Run the tagger on the sentence and find the token for Beijing.",
        "lessons.tag(sentence) lists tagged tokens; the one whose .text is 'Beijing' has its Penn tag in "
        ".tag.",
    ),
    mistakes=[
        Mistake(lambda answer, expected: answer == "NNP",
                "Is that the tag Beijing should get, or the one the tagger gave? Run the tagger and look."),
        Mistake(lambda answer, expected: answer == "NOUN",
                "Is NOUN a Penn tag, or a universal one? Look at .tag, not .universal."),
    ],
    compare=lambda answer, expected: isinstance(answer, str) and answer.strip() == expected,
    next_step="The tagger has seen Beijing, yet the -ing ending and the words around it outweigh that: "
              "the section on how the perceptron decides shows the weights.",
))

register(Exercise(
    "2.3",
    "Which words of the article got more than one Penn tag? Give a sorted list of the words, as written.",
    expected=lambda: _words_with_several_tags("penn"),
    hints=(
        "One of this lesson's helpers lists the words that got several tags.",
        "lessons.words_with_several_tags(article.text) gives them; take each entry's .word and sort the "
        "list.",
    ),
    mistakes=[
        Mistake(lambda answer, expected: sorted(answer) == expected,
                "Are the words sorted? sorted(...) puts them in order."),
        Mistake(lambda answer, expected: sorted(answer) == _words_with_several_tags("universal"),
                "Did you compare universal tags? The question asks about Penn tags."),
    ],
    next_step="Proper names among them (Xi, Beijing, Putin) are tagger mistakes; the lesson looks at why.",
))

register(Exercise(
    "2.4",
    "Train a unigram tagger on the treebank training split, backing off to DefaultTagger('NN'), and give "
    "its accuracy on the held-out split as a fraction between 0 and 1.",
    expected=lambda: _unigram_accuracy(backoff=True),
    hints=(
        "You need three things: the split from lessons.training.treebank_split(), two taggers from "
        "nltk.tag, and a method that scores a tagger on hand-tagged sentences.",
        "Build the DefaultTagger first, then a UnigramTagger trained on the training sentences that backs"
        " off to it; every NLTK tagger has an .accuracy(...) method that takes tagged sentences.",
    ),
    mistakes=[
        Mistake(lambda answer, expected: _close(answer, _unigram_accuracy(backoff=False)),
                "Did you give the unigram tagger its backoff? Without one it says None for unseen words."),
        Mistake(lambda answer, expected: _close(answer / 100, expected),
                "Is that a percentage? The check wants a fraction between 0 and 1."),
    ],
    compare=_close,
    next_step="Add a bigram tagger on top and compare, as the lesson does next.",
))


def _lead(feature, tag_name: str, other: str) -> float:
    return feature.weight(tag_name) - feature.weight(other)


def _strongest_pull(tag_name: str = "NNP", other: str = "VBG") -> str:
    from lessons.tagging import perceptron_features

    features = perceptron_features(list(BEIJING_WORDS), BEIJING_INDEX).features
    return max(features, key=lambda feature: _lead(feature, tag_name, other)).feature


register(Exercise(
    "2.5",
    "In perceptron_features(list(BEIJING_WORDS), 2), which feature pulls Beijing hardest towards NNP "
    "and away from VBG, i.e. has the largest weight('NNP') - weight('VBG')? Give its name as NLTK writes it.",
    expected=_strongest_pull,
    hints=(
        "Each entry of decision.features has a .feature (its name) and a .weight(tag) method.",
        "Compute feature.weight('NNP') - feature.weight('VBG') for every feature and keep the feature with "
        "the largest difference: max(..., key=...).",
    ),
    compare=lambda answer, expected: isinstance(answer, str) and answer.strip() == expected,
    mistakes=[
        Mistake(lambda answer, expected: answer == _strongest_pull("VBG", "NNP"),
                "That feature pulls hardest towards VBG: which one pulls towards NNP?"),
        Mistake(lambda answer, expected: answer in {"bias", "i word beijing"},
                "That one favours NNP too, but is it by the most? Compare the differences, not the weights."),
        Mistake(lambda answer, expected: hasattr(answer, "feature"),
                "Did you give the whole FeatureWeights? The question asks for its name (.feature)."),
        Mistake(lambda answer, expected: isinstance(answer, (int, float)),
                "Is that the difference? The question asks which feature has it: give its name."),
    ],
    next_step="A capital letter is strong evidence for a name; the -ing ending was stronger still. "
              "Lesson 3 uses the tags to find numbers and what they count.",
))
