"""Lesson 3's exercises (``03_numbers.ipynb``), from easy to harder.

The right answers are computed from the seed article with the helpers or plain NLTK, never typed in.

>>> from lessons.checks import check
>>> check("3.5", "people").passed
True
>>> check("3.5", "rounds").hint
'Did you skip the vague amounts? Their value is None: which field holds the least they can mean?'
"""

from __future__ import annotations

import re

from lessons import wordlists
from lessons.article import load_article
from lessons.checks import Exercise, Mistake, register
from lessons.quantities import extract_quantities, sort_key
from lessons.tagging import tag
from lessons.tokens import sentences

# Exercise 3.2's grammar: a number, any adjectives, then one or more nouns.
COUNT_GRAMMAR = "COUNTED: {<CD>+<JJ>*<NN.*>+}"
# Exercise 3.3's amounts, written the ways news stories write money.
MONEY_SAMPLES = ("$350m", "$350 million", "$1.2bn", "£3.2m", "$40k")
# Exercise 3.6 asks for a sentence with exactly these kinds, one of each.
KINDS_WANTED = ("COUNT", "MONEY", "PERCENT")
# Exercise 3.4: a currency word the word lists do not know, and the code it stands for.
QUID_SENTENCE = "Fans paid 50 quid for 2 tickets."
QUID = ("quid", "GBP")


def _text() -> str:
    return load_article().text


def _dollar_amounts() -> list[str]:
    # The helper's MONEY spans starting with "$", cut after the scale ("$350 million US" -> "$350 million").
    amounts = [q.text for q in extract_quantities(_text()) if q.kind == "MONEY" and q.text.startswith("$")]
    return [re.match(r"\$[\d.,]+(?:m|bn|k| million| billion)?", amount)[0] for amount in amounts]


def _counted_chunks() -> list[str]:
    from nltk import RegexpParser

    parser = RegexpParser(COUNT_GRAMMAR)
    chunks = []
    for sentence in sentences(_text()):
        tree = parser.parse([(token.text, token.tag) for token in tag(sentence.text)])
        chunks += [" ".join(word for word, _ in subtree.leaves()) for subtree in tree.subtrees(
            lambda tree: tree.label() == "COUNTED")]
    return chunks


def _money_values() -> list[float]:
    return [extract_quantities(f"It cost {amount}.")[0].value for amount in MONEY_SAMPLES]


def _largest_count_head() -> str:
    counts = [q for q in extract_quantities(_text()) if q.kind == "COUNT"]
    return max(counts, key=sort_key).counted_head


def _quid_quantities() -> list[tuple]:
    # Read the sentence with the word added, then put the list back exactly as the student had it.
    had = wordlists.mapping("currencies")
    wordlists.extend("currencies", dict([QUID]))
    try:
        return [(q.text, q.kind, q.value, q.unit) for q in extract_quantities(QUID_SENTENCE)]
    finally:
        wordlists.reset("currencies")
        wordlists.extend("currencies", {word: code for word, code in had.items()
                                        if wordlists.mapping("currencies").get(word) != code})


def _kinds_in(sentence: object) -> list[str]:
    return sorted(q.kind for q in extract_quantities(sentence)) if isinstance(sentence, str) else []


register(Exercise(
    "3.1",
    "With re.findall, find every dollar amount in article.text, each with its scale ('$350m', '$350 million').",
    expected=_dollar_amounts,
    hints=(
        r"The lesson's pattern r'\$\d+' stops at the digits. What comes after them in $350m, and in $350 "
        "million?",
        "Allow an optional part after the digits with (?:...)?: a letter like m, or a space and a word. "
        "Then check that nothing else in the article matches.",
    ),
    mistakes=[
        Mistake(lambda answer, expected: list(answer) == [re.match(r"\$\d+", amount)[0] for amount in expected],
                "Did your pattern stop at the digits? What comes right after 350 in each amount?"),
        Mistake(lambda answer, expected: len(answer) < len(expected),
                "Did you find only one of them? Does your pattern allow a space before 'million'?"),
        Mistake(lambda answer, expected: any(amount.endswith(" US") for amount in answer),
                "Is 'US' part of the number? Stop after the scale word; lesson 3 reads US as the currency."),
    ],
    next_step="Now try a regex for '69 Russian attacks': it cannot know what is being counted. POS tags can.",
))

register(Exercise(
    "3.2",
    f"Chunk every sentence of the article with nltk.RegexpParser('{COUNT_GRAMMAR}') over lessons.tag; "
    "list the words of each COUNTED chunk, joined by spaces, in text order.",
    expected=_counted_chunks,
    hints=(
        "The loop in the cell is started for you: what do you do with each chunk it finds?",
        "A chunk's .leaves() are (word, tag) pairs: ' '.join(word for word, tag in chunk.leaves()) gives "
        "its words; append that to a list, sentence after sentence.",
    ),
    mistakes=[
        Mistake(lambda answer, expected: len(answer) > 0 and all(isinstance(chunk, (list, tuple)) for chunk in answer),
                "Are your chunks lists of (word, tag) pairs? Join just the words with ' '.join(...)."),
        Mistake(lambda answer, expected: sorted(answer) == sorted(expected),
                "You found every chunk: are they in the order of the text?"),
        Mistake(lambda answer, expected: set(answer) < set(expected),
                "Some chunks are missing: did you tag the whole article at once, or skip some sentences?"),
    ],
    next_step="Notice what the grammar missed (tens of thousands, $350m): the normalising step deals with those.",
))

register(Exercise(
    "3.3",
    f"Write parse_money(amount) that turns each of {list(MONEY_SAMPLES)} into a number "
    "(350000000 for '$350m'); answer with [parse_money(amount) for amount in MONEY_SAMPLES].",
    expected=_money_values,
    hints=(
        "Strip the currency sign first, then split the digits from the scale that follows them.",
        "Multiply the number by its scale, e.g. {'m': 1_000_000, 'bn': 1_000_000_000, 'k': 1_000, "
        "'million': 1_000_000}, and read '1.2' with float(), not int().",
    ),
    mistakes=[
        Mistake(lambda answer, expected: [round(value) for value in answer] == [350, 350, 1, 3, 40],
                "Did you keep only the digits? What do m, bn and k multiply the number by?"),
        Mistake(lambda answer, expected: answer[2] == 1_000_000_000 or answer[3] == 3_000_000,
                "Did you read '1.2' as 1 or '3.2' as 3? Use float(), not int()."),
    ],
    compare=lambda answer, expected: len(answer) == len(expected) and all(
        abs(value - wanted) < 1e-6 * wanted for value, wanted in zip(answer, expected)),
    next_step="Now compare with lessons.extract_quantities: it also knows words like 'one million' and 'a fifth'.",
))

register(Exercise(
    "3.5",
    "Of the article's COUNT quantities, which counts the most things? Compare ranges by their low end; "
    "answer with its counted_head.",
    expected=_largest_count_head,
    hints=(
        "Keep the COUNT quantities of lessons.extract_quantities(article.text), then compare them.",
        "Use max(..., key=...) with q.value, or q.low when q.value is None (lessons.quantities.sort_key "
        "does exactly that), and answer with the winner's .counted_head.",
    ),
    mistakes=[
        Mistake(lambda answer, expected: answer == max(
            (q for q in extract_quantities(_text()) if q.kind == "COUNT" and q.value is not None),
            key=lambda q: q.value).counted_head,
                "Did you skip the vague amounts? Their value is None: which field holds the least they can mean?"),
        Mistake(lambda answer, expected: isinstance(answer, str) and answer.lower().startswith("million"),
                "That is the amount; the question asks what is counted: which field is that?"),
    ],
    next_step="Vague amounts can be larger than exact ones: the chart below draws them as ranges.",
))

register(Exercise(
    "3.6",
    "Write a sentence of your own in which extract_quantities finds exactly one MONEY, one PERCENT "
    "and one COUNT quantity (and nothing else).",
    expected=lambda: list(KINDS_WANTED),
    compare=lambda answer, expected: _kinds_in(answer) == expected,
    hints=(
        "Write a short sentence, like one from a news story, with an amount of money, a percentage and a "
        "number of things.",
        "Print [q.kind for q in lessons.extract_quantities(your_sentence)] as you change it: money needs "
        "a currency, a percentage needs % or 'per cent', a count is a number before a noun. Leave out "
        "dates, years and ordinals.",
    ),
    mistakes=[
        Mistake(lambda answer, expected: not isinstance(answer, str),
                "Is your answer the sentence itself, as a string in quotes?"),
        Mistake(lambda answer, expected: set(_kinds_in(answer)) - set(expected),
                "Does your sentence also have an ordinal, a measure or a bare number? Which extra kind did the helper find?"),
        Mistake(lambda answer, expected: len(_kinds_in(answer)) < len(expected),
                "Which of MONEY, PERCENT and COUNT is missing? Print [q.kind for q in extract_quantities(...)]."),
    ],
    next_step="You can now read amounts and what they count. Lesson 4 finds who the actors are.",
))

register(Exercise(
    "3.4",
    f"Extend the word list 'currencies' so that {QUID[0]!r} means {QUID[1]}; answer with "
    "[(q.text, q.kind, q.value, q.unit) for q in lessons.extract_quantities(QUID_SENTENCE)].",
    expected=_quid_quantities,
    hints=(
        "Word lists are data you can change from the notebook: lessons.wordlists.extend adds entries at once.",
        "wordlists.extend('currencies', {'quid': 'GBP'}) adds the word at once; then run extract_quantities again.",
    ),
    mistakes=[
        Mistake(lambda answer, expected: isinstance(answer, list) and [row[1] for row in answer] == ["COUNT", "COUNT"],
                "The list does not know the word yet: did you run wordlists.extend before reading the sentence?"),
        Mistake(lambda answer, expected: isinstance(answer, list) and any(row[1] == "MONEY" and row[3] != QUID[1]
                                                                          for row in answer),
                "Money, but in which currency? Map the word to the ISO code of the pound."),
        Mistake(lambda answer, expected: isinstance(answer, list) and answer and not isinstance(answer[0], tuple),
                "Answer with a tuple (text, kind, value, unit) for each quantity."),
    ],
    next_step="Score on IEER again after a change (evaluate_ieer()): a rule that helps one story may hurt others.",
))
