"""Lesson 5's exercises (``05_your_article.ipynb``): questions about the article the reader brings.

The right answers are computed with the helpers from the article the lesson's
dashboard shows (see :func:`follow`), so the same checks work on any article;
with no dashboard followed they use the seed article.

>>> from lessons.checks import check
>>> from lessons.tokens import sentences
>>> check("5.1", len(sentences(article_text()))).passed
True
>>> check("5.2", "NN").hint
'Is that a Penn tag? The question asks for the universal tag (token.universal), e.g. NOUN.'
"""

from __future__ import annotations

from collections import Counter

from lessons.article import load_article
from lessons.checks import Exercise, Mistake, register

_FOLLOWED = []  # the dashboard whose article the checks use (at most one)


def follow(dashboard) -> None:
    """Check the answers against the article ``dashboard`` shows, whichever the reader loads later."""
    _FOLLOWED[:] = [dashboard]


def article_text() -> str:
    """The article the checks use: the followed dashboard's, else the seed."""
    return _FOLLOWED[0].text if _FOLLOWED else load_article().text


def _sentence_count() -> int:
    from lessons.tokens import sentences

    return len(sentences(article_text()))


def _tag_counts() -> Counter:
    from lessons.tagging import tag

    return Counter(token.universal for token in tag(article_text()) if token.universal != ".")


def _commonest(counts: Counter) -> set:
    """Every item that is (jointly) the most common: a tie has several right answers."""
    top = max(counts.values(), default=0)
    return {item for item, count in counts.items() if count == top}


def _largest_money() -> float:
    from lessons.quantities import extract_quantities

    return max((quantity.value for quantity in extract_quantities(article_text())
                if quantity.kind == "MONEY" and quantity.value is not None), default=0)


def _actors():
    from lessons.actors import extract_actors

    return extract_actors(article_text())


def _most_mentioned() -> set:
    return _commonest(Counter({actor.name: len(actor.mentions) for actor in _actors()}))


def _network():
    from lessons.actors import actor_network

    return actor_network(article_text())


def _neighbour_count() -> int:
    actors = _actors()
    return len(list(_network().neighbors(actors[0].name))) if actors else 0


def _weight_sum() -> int:
    actors = _actors()
    return sum(weight for *_, weight in _network().edges(actors[0].name, data="weight")) if actors else 0


def _one_of(answer, expected) -> bool:
    return answer in expected


register(Exercise(
    "5.1",
    "How many sentences does lessons.sentences find in your article (dashboard.text)?",
    expected=_sentence_count,
    hints=(
        "Which lessons helper from lesson 1 splits a text into sentences?",
        "len(lessons.sentences(dashboard.text)) counts them.",
    ),
    mistakes=[
        Mistake(lambda answer, expected: answer == len(article_text().splitlines()),
                "Did you count lines? A paragraph can hold several sentences."),
        Mistake(lambda answer, expected: isinstance(answer, int) and answer > 3 * expected,
                "Is that the number of tokens rather than sentences?"),
    ],
    next_step="How does that compare with the seed article? On to exercise 5.2.",
))

register(Exercise(
    "5.2",
    "Which universal tag (leaving out punctuation, '.') is the most common in your article?",
    expected=lambda: _commonest(_tag_counts()),
    compare=_one_of,
    hints=(
        "Each tagged token has its universal tag in .universal.",
        "Count token.universal over lessons.tag(text) with collections.Counter, leave out '.', and take "
        "the most common.",
    ),
    mistakes=[
        Mistake(lambda answer, expected: isinstance(answer, str) and answer.isupper() and len(answer) <= 4
                and answer not in _tag_counts() and answer != ".",
                "Is that a Penn tag? The question asks for the universal tag (token.universal), e.g. NOUN."),
        Mistake(lambda answer, expected: answer == ".",
                "Did you leave out punctuation, as the question asks?"),
        Mistake(lambda answer, expected: isinstance(answer, tuple),
                "Did you give the (tag, count) pair? The question asks for the tag only."),
    ],
    next_step="News is mostly nouns: names, places, things. On to exercise 5.3.",
))

register(Exercise(
    "5.3",
    "What is the largest amount of money in your article, as a number (its value)? Answer 0 if it has none.",
    expected=_largest_money,
    hints=(
        "Keep the quantities of kind MONEY from lessons.extract_quantities(text).",
        "Take the largest .value among them (leave out None); answer 0 if there are none.",
    ),
    mistakes=[
        Mistake(lambda answer, expected: isinstance(answer, str),
                "Did you give the words from the text? The question asks for the number (.value)."),
        Mistake(lambda answer, expected: hasattr(answer, "value"),
                "Did you give the whole Quantity? The question asks for its .value."),
    ],
    next_step="Values let you compare amounts however the text wrote them. On to exercise 5.4.",
))

register(Exercise(
    "5.4",
    "Who (or what) is the most mentioned actor in your article? Give the canonical name.",
    expected=_most_mentioned,
    compare=_one_of,
    hints=(
        "lessons.extract_actors(text) lists the most mentioned actor first.",
        "Take that actor's .name.",
    ),
    mistakes=[
        Mistake(lambda answer, expected: hasattr(answer, "mentions"),
                "Did you give the whole Actor? The question asks for its name (.name)."),
        Mistake(lambda answer, expected: isinstance(answer, str) and any(answer in name for name in expected),
                "Is that a short form? The canonical name is the fullest one (.name), e.g. 'Xi Jinping'."),
    ],
    next_step="Is it who the article is really about? On to exercise 5.5.",
))

register(Exercise(
    "5.5",
    "With how many other actors does the first actor lessons.extract_actors lists share at least one sentence?",
    expected=_neighbour_count,
    hints=(
        "In lessons.actor_network(text), actors that share a sentence are linked: they are neighbours.",
        "Count the neighbours of the first actor: len(list(graph.neighbors(name))).",
    ),
    mistakes=[
        Mistake(lambda answer, expected: answer == max(len(_actors()) - 1, 0) != expected,
                "Did you count every other actor? Only those that share a sentence with it count."),
        Mistake(lambda answer, expected: answer == _weight_sum() != expected,
                "Did you add up the link weights (shared sentences)? Count the neighbours instead."),
    ],
    next_step="That is the whole pipeline on your own article: see what's next below.",
))
