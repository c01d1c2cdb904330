"""Lesson 4 exercises (``04_actors.ipynb``): actors, chunk grammars, descriptions, quotes and the network.

Expected answers are computed from the seed article with the lesson's helpers or plain NLTK.

>>> from lessons.checks import check
>>> check("4.1", "Xi").hint
'Is that the fullest form of the name the article uses?'
"""

from __future__ import annotations

from functools import lru_cache

from lessons.checks import Exercise, Mistake, register

GRAMMAR_SENTENCE = "U.S. Secretary of State Antony Blinken said China feels no responsibility."


@lru_cache(maxsize=1)
def _seed_text() -> str:
    from lessons.article import load_article

    return load_article().text


def _actors():
    from lessons.actors import extract_actors

    return extract_actors(_seed_text())


def _actor(name: str):
    return next(actor for actor in _actors() if actor.name == name)


def most_mentioned() -> str:
    return _actors()[0].name


def proper_noun_chunks() -> list[str]:
    import nltk

    from lessons.tagging import tag

    tree = nltk.RegexpParser("NAME: {<NNP>+}").parse([(t.text, t.tag) for t in tag(GRAMMAR_SENTENCE)])
    return [" ".join(word for word, _ in chunk.leaves()) for chunk in tree.subtrees(lambda t: t.label() == "NAME")]


def putin_descriptions() -> int:
    return sum(mention.is_description for mention in _actor("Vladimir Putin").mentions)


def speaker_of_grave_crimes() -> str | None:
    from lessons.actors import quotes

    return next(quote.speaker for quote in quotes(_seed_text()) if "grave crimes" in quote.text)


def closest_to_xi() -> str:
    from lessons.actors import actor_network

    graph = actor_network(_seed_text())
    return max(graph["Xi Jinping"].items(), key=lambda item: (item[1]["weight"], item[0]))[0]


def _ieer_location(match: str, measure: str) -> float:
    from lessons.actors import found_spans
    from lessons.evaluation import evaluate, ieer_documents

    scores = evaluate(ieer_documents(), lambda document: found_spans(document.text),
                      ["PERSON", "ORGANIZATION", "LOCATION"], match=match)
    return round(getattr(scores.score("LOCATION"), measure), 2)


def location_recall_overlapping() -> float:
    return _ieer_location("overlap", "recall")


def _is_actor_object(answer, expected) -> bool:
    return hasattr(answer, "mentions")


register(Exercise(
    "4.1", "What is the canonical name of the most-mentioned actor in the article?",
    expected=most_mentioned,
    hints=(
        "lessons.extract_actors(article.text) lists the actors, most mentioned first.",
        "Take the first actor and its .name attribute.",
    ),
    mistakes=[
        Mistake(_is_actor_object, "Did you hand in the whole Actor rather than its .name?"),
        Mistake(lambda answer, expected: isinstance(answer, str) and answer in expected.split() and answer != expected,
                "Is that the fullest form of the name the article uses?"),
    ],
    next_step="Next: how a chunk grammar finds names in the first place.",
))

register(Exercise(
    "4.2", f"With nltk.RegexpParser and a grammar with one chunk type NAME, list the proper-noun chunks "
           f"in {GRAMMAR_SENTENCE!r} (tagged with lessons.tag), as strings with words joined by spaces.",
    expected=proper_noun_chunks,
    hints=(
        "A tag pattern like <NNP>+ matches one or more proper nouns in a row.",
        "Parse [(t.text, t.tag) for t in lessons.tag(GRAMMAR_SENTENCE)] with nltk.RegexpParser, then join"
        " the words of each NAME subtree with ' '.",
    ),
    mistakes=[
        Mistake(lambda answer, expected: len(answer) > len(expected) and " ".join(answer) == " ".join(expected),
                "Did your pattern use + so that neighbouring proper nouns join one chunk?"),
        Mistake(lambda answer, expected: all(hasattr(item, "label") for item in answer),
                "Did you hand in Tree objects? Join each chunk's words into a string."),
    ],
    next_step="Next: descriptions that refer back to a named person.",
))

register(Exercise(
    "4.3", "How many of Vladimir Putin's mentions are descriptions (is_description is True)?",
    expected=putin_descriptions,
    hints=(
        "Find Putin's Actor among lessons.extract_actors(article.text), then look at its mentions.",
        "Count the mentions whose .is_description is True.",
    ),
    mistakes=[
        Mistake(lambda answer, expected: answer == len(_actor("Vladimir Putin").mentions),
                "Did you count all his mentions rather than only the descriptions?"),
        Mistake(lambda answer, expected: isinstance(answer, (list, tuple)),
                "Did you hand in the list of mentions instead of how many there are?"),
    ],
    next_step="Next: who says what.",
))

register(Exercise(
    "4.4", "Who says the quotation that contains 'grave crimes' (the one followed by 'he added')? "
           "Give the speaker's canonical name.",
    expected=speaker_of_grave_crimes,
    hints=(
        "lessons.quotes(article.text) gives each quotation with its speaker.",
        "Find the quote whose .text contains 'grave crimes' and give its .speaker.",
    ),
    mistakes=[
        Mistake(lambda answer, expected: str(answer).lower() in {"he", "him"},
                "Whom does 'he' refer to? Look at the sentence before."),
        Mistake(lambda answer, expected: isinstance(answer, str) and answer in expected.split() and answer != expected,
                "Is that the full canonical name?"),
    ],
    next_step="Next: the network of who appears with whom.",
))

register(Exercise(
    "4.5", "In actor_network(article.text), which actor shares the most sentences with Xi Jinping?",
    expected=closest_to_xi,
    hints=(
        "graph['Xi Jinping'] maps each neighbour to the data of its link.",
        "Compare the neighbours' 'weight' values, e.g. with max(graph['Xi Jinping'].items(), key=...).",
    ),
    mistakes=[
        Mistake(lambda answer, expected: answer == "Xi Jinping", "Did you leave Xi himself out of the comparison?"),
        Mistake(lambda answer, expected: isinstance(answer, (list, tuple, dict)),
                "Did you hand in all the neighbours? Pick the one with the largest weight."),
    ],
    next_step="Next: how good the actors are on stories nobody tuned the rules on.",
))

register(Exercise(
    "4.6", "Score actors.found_spans on the IEER stories with match='overlap': what is the recall of LOCATION, "
           "rounded to two decimals?",
    expected=location_recall_overlapping,
    hints=(
        "Which argument of evaluation.evaluate decides whether a found span must match a gold span "
        "exactly or may only overlap it?",
        "evaluation.evaluate(documents, extract, kinds, match='overlap') gives an Evaluation; "
        "its .score('LOCATION') has .recall.",
    ),
    mistakes=[
        Mistake(lambda answer, expected: answer == _ieer_location("exact", "recall") != expected,
                "That is the recall with exact spans: pass match='overlap'."),
        Mistake(lambda answer, expected: answer != expected and answer in (_ieer_location("overlap", "precision"),
                                                                           _ieer_location("overlap", "f1")),
                "That is another measure: recall is the share of the gold names that were found."),
        Mistake(lambda answer, expected: isinstance(answer, float) and round(answer, 2) != answer,
                "Round to two decimals with round(x, 2)."),
    ],
    next_step="You have finished lesson 4: on to the capstone with your own article.",
))
