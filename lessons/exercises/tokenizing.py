"""Lesson 1's exercises (``01_tokenizing.ipynb``), from easy to harder.

The right answers are computed from the seed article with the helpers, never typed in.

>>> from lessons.checks import check
>>> check("1.2", 50).passed
True
>>> check("1.2", 38).hint
'Did you count paragraphs? A paragraph can hold several sentences.'
"""

from __future__ import annotations

import re

from lessons.article import load_article
from lessons.checks import Exercise, Mistake, register
from lessons.stemming import compare_stemmers
from lessons.tokens import sentences, tokenize, word_frequencies

# Exercise 1.5's sentence, made of the article's tricky cases.
PATTERN_SAMPLE = "The U.S. says Xi's 12-point plan is worth $350m."


def _text() -> str:
    return load_article().text


def _headline() -> str:
    return load_article().title.text


def _headline_split() -> list[str]:
    return _headline().split()


def _is_list_of(answer, kind) -> bool:
    return isinstance(answer, (list, tuple)) and all(isinstance(item, kind) for item in answer)


register(Exercise(
    "1.1",
    "Split the headline (article.title.text) at white space with str.split(). Which tokens do you get?",
    expected=_headline_split,
    hints=(
        "Which attribute of article holds the headline's text, and which str method splits at white "
        "space?",
        "Start from article.title.text and call .split() on it: the result is a list of strings.",
    ),
    mistakes=[
        Mistake(lambda answer, expected: isinstance(answer, str),
                "Is that still one string? What does .split() return?"),
        Mistake(lambda answer, expected: answer == len(expected),
                "Did you give how many tokens there are? The question asks for the list itself."),
        Mistake(lambda answer, expected: list(answer) == [t.text for t in tokenize(_headline())],
                "Xi's came out as two tokens: did you use a tokenizer instead of plain .split()?"),
        Mistake(lambda answer, expected: list(answer) == _text().split(),
                "Did you split the whole article rather than only its headline (article.title.text)?"),
    ],
    next_step="Notice Xi's: str.split leaves the possessive on the name. On to exercise 1.2.",
))

register(Exercise(
    "1.2",
    "How many sentences does lessons.sentences find in the whole article (article.text)?",
    expected=lambda: len(sentences(_text())),
    hints=(
        "Which lessons helper splits a text into sentences, and how do you count the items of a list?",
        "lessons.sentences(article.text) returns a list; len() counts its items.",
    ),
    mistakes=[
        Mistake(lambda answer, expected: isinstance(answer, (list, tuple)),
                "Did you give the list of sentences? The question asks how many: what does len() do?"),
        Mistake(lambda answer, expected: answer == len(load_article().paragraphs),
                "Did you count paragraphs? A paragraph can hold several sentences."),
        Mistake(lambda answer, expected: answer == len(__import__("nltk").sent_tokenize(_text())),
                "Did you use nltk.sent_tokenize on the whole text? It glues the headline and standfirst onto "
                "the first sentence: what does lessons.sentences do before Punkt sees the text?"),
    ],
    next_step="On to exercise 1.3: offsets.",
))


def _span_of_four_and_a_half() -> tuple[int, int]:
    return next((token.start, token.end) for token in tokenize(_text()) if token.text == "4½")


register(Exercise(
    "1.3",
    "Where is the token 4½ in article.text? Give its span as a pair (start, end).",
    expected=_span_of_four_and_a_half,
    hints=(
        "Each token from lessons.tokenize(article.text) knows its .text, .start and .end.",
        "Find the token whose .text is '4½' and make the pair (token.start, token.end); check that "
        "article.text[start:end] gives back '4½'.",
    ),
    mistakes=[
        Mistake(lambda answer, expected: answer == "4½",
                "That is the token's text: where does it start and end? Give (token.start, token.end)."),
        Mistake(lambda answer, expected: answer == expected[0],
                "Did you give only where it starts? A span is a pair: (start, end)."),
        Mistake(lambda answer, expected: tuple(answer) == (expected[0], expected[0] + 1),
                "How many characters long is 4½? end is one past its last character."),
        Mistake(lambda answer, expected: tuple(answer) == (expected[0] + 1, expected[1] + 1)
                or tuple(answer) == (expected[0] - 1, expected[1] - 1),
                "Off by one: does article.text[start:end] give exactly '4½'?"),
    ],
    next_step="Offsets tie every token back to the text. On to exercise 1.4.",
))


def _top_words(drop_stopwords: bool) -> list[str]:
    return [count.word for count in word_frequencies(_text(), drop_stopwords=drop_stopwords)[:5]]


register(Exercise(
    "1.4",
    "Which five words are the most frequent in the article once stopwords are dropped? "
    "Give a list of the words, most frequent first.",
    expected=lambda: _top_words(drop_stopwords=True),
    hints=(
        "lessons.word_frequencies can leave the stopwords out for you: look at its parameters.",
        "lessons.word_frequencies(article.text, drop_stopwords=True) lists WordCount(word, count), most "
        "frequent first; keep the .word of the first five.",
    ),
    compare=lambda answer, expected: _is_list_of(answer, str) and list(answer) == expected,
    mistakes=[
        Mistake(lambda answer, expected: isinstance(answer, str),
                "Is that one string? The question asks for a list of five words."),
        Mistake(lambda answer, expected: list(answer) == _top_words(drop_stopwords=False),
                "Those are mostly stopwords like 'the' and 'to': did you pass drop_stopwords=True?"),
        Mistake(lambda answer, expected: [getattr(item, "word", None) or item[0] for item in answer] == expected,
                "Did you give whole WordCounts or (word, count) pairs? The question asks for the words only."),
        Mistake(lambda answer, expected: [word.casefold() for word in answer] == expected,
                "Did you case-fold the words? Ukraine and ukraine should count as one word."),
        Mistake(lambda answer, expected: sorted(answer) == sorted(expected),
                "Right words; is your list ordered from most to least frequent?"),
        Mistake(lambda answer, expected: len(answer) != len(expected),
                "How many words does the question ask for?"),
    ],
    next_step="The content words tell you what the story is about. On to exercise 1.5, the hardest.",
))


def _pattern_tokens(pattern: object) -> list[str] | None:
    # The student's pattern may be anything: not a string, or not a valid regular expression.
    from nltk.tokenize import RegexpTokenizer

    if not isinstance(pattern, str):
        return None
    try:
        return RegexpTokenizer(pattern).tokenize(PATTERN_SAMPLE)
    except re.error:
        return None


def _pattern_expected() -> list[str]:
    return [token.text for token in tokenize(PATTERN_SAMPLE)]


def _keeps_whole(token: str) -> Mistake:
    return Mistake(lambda answer, expected: token not in (_pattern_tokens(answer) or [token]),
                   f"Does {token} come out as one token? Which alternative of your pattern matches it whole?")


register(Exercise(
    "1.5",
    f"Write a regular expression for nltk.RegexpTokenizer that splits {PATTERN_SAMPLE!r} "
    "exactly as lessons.tokenize does.",
    expected=_pattern_expected,
    hints=(
        r"Look at the tokens you need: which of them would a plain \w+ get wrong? Each needs an "
        "alternative of its own, and alternatives are tried left to right, so the most specific ones go "
        "first.",
        "You need four kinds of alternative: abbreviations like U.S., the possessive 's, words that may "
        "contain a hyphen, and any other single character that is not a space (such as $ and the full "
        "stop).",
        r"Building blocks: (?:[A-Z]\.)+ matches U.S.; \w+(?:-\w+)* matches 12-point; [^\w\s] matches one "
        "punctuation character. Where does 's go, and in which order do the four come?",
    ),
    compare=lambda answer, expected: _pattern_tokens(answer) == expected,
    mistakes=[
        Mistake(lambda answer, expected: not isinstance(answer, str),
                r'Is your pattern a string, like r"\w+"?'),
        Mistake(lambda answer, expected: _pattern_tokens(answer) is None,
                "Does your pattern compile? Try re.compile(pattern) to see the error."),
        Mistake(lambda answer, expected: "$" not in _pattern_tokens(answer),
                "Where did the $ go? Does your pattern have an alternative for punctuation?"),
        _keeps_whole("U.S."),
        _keeps_whole("'s"),
        _keeps_whole("12-point"),
    ],
    next_step="You have built a tokenizer. On to exercise 1.6: stems.",
))


def _word_and_stem_counts(stemmer: str = "porter") -> tuple[int, int]:
    rows = compare_stemmers(_text())
    return len(rows), len({row.stem(stemmer) for row in rows})


register(Exercise(
    "1.6",
    "lessons.stemming.compare_stemmers(article.text) lists the article's distinct words with their stems. "
    "How many distinct words are there, and how many distinct Porter stems? Give the pair (words, stems).",
    expected=_word_and_stem_counts,
    hints=(
        "Each row of compare_stemmers is one distinct word; its .porter is that word's Porter stem.",
        "len() of the list counts the words; a set of the stems ({row.porter for row in rows}) drops the "
        "stems that several words share.",
    ),
    compare=lambda answer, expected: isinstance(answer, tuple) and answer == expected,
    mistakes=[
        Mistake(lambda answer, expected: isinstance(answer, list) and tuple(answer) == expected,
                "Right numbers: can you give them as a tuple, (words, stems)?"),
        Mistake(lambda answer, expected: tuple(answer) == expected[::-1],
                "Are the two numbers the right way round: words first, then stems?"),
        Mistake(lambda answer, expected: answer[1] == _word_and_stem_counts("lancaster")[1] != expected[1],
                "Did you count the Lancaster stems? The question asks for .porter."),
        Mistake(lambda answer, expected: answer[1] == expected[0],
                "Are your stems all different? Count distinct stems with a set, not one per word."),
    ],
    next_step="Stemming merged the forms of a word, so counts of attack, attacks and attacking add up. "
              "Lesson 2 tags each token with its part of speech.",
))
