"""Concept checks: short multiple-choice questions between a lesson's sections, as data.

Each lesson asks two or three of these (the widget is :mod:`lessons.widgets.quiz`).
Every choice carries the reason it is right or wrong, so any answer gets feedback
that teaches. The question's ID is ``"<lesson><letter>"``, e.g. ``"2b"``.

>>> answer("2a", 0).correct, answer("2a", 0).explanation[:40]
(False, 'PROPN is a tag of the Universal Dependen')
>>> answer("2a", 1).correct
True
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Choice:
    """One possible answer, whether it is right, and why."""

    text: str
    correct: bool
    why: str


@dataclass(frozen=True)
class ConceptQuestion:
    """A question, its choices (exactly one right), and the lesson section it checks."""

    id: str
    prompt: str
    choices: tuple[Choice, ...]


@dataclass(frozen=True)
class Answer:
    """What a concept check says to a chosen answer."""

    correct: bool
    explanation: str


def _q(question_id: str, prompt: str, *choices: tuple[str, bool, str]) -> ConceptQuestion:
    return ConceptQuestion(question_id, prompt, tuple(Choice(*choice) for choice in choices))


QUESTIONS: dict[str, ConceptQuestion] = {question.id: question for question in (
    _q("1a", "Why does word_tokenize split Xi's into Xi and 's?",
       ("Any apostrophe ends a token for word_tokenize.", False,
        "Not any apostrophe: the Treebank rules split off endings they know ('s, n't, 're), and keep "
        "words like rock'n'roll together."),
       ("Its Treebank rules treat the possessive 's as a word of its own, so Xi can be found and counted.",
        True, "Right: the possessive is a separate token (tagged POS in lesson 2), and the name stays whole."),
       ("It splits at every punctuation mark.", False,
        "Then U.S. and 12-point would fall apart too; the Treebank rules keep them whole.")),
    _q("1b", "Punkt splits 'He lives in the U.S. He likes it.' after U.S. but keeps "
             "'Aid came from the U.S. Russia denied it.' as one sentence. Why?",
       ("Punkt never splits after an abbreviation.", False,
        "It just did, in the first example: after an abbreviation it weighs the evidence."),
       ("Russia always has a capital letter, so its capital says nothing about a new sentence; "
        "He is usually written he, so its capital does.", True,
        "Right: Punkt learned from statistics which words start sentences and which are always capitalised."),
       ("The second sentence is too short to split.", False,
        "Punkt does not count words; it looks at the word before the full stop and the word after it.")),
    _q("1c", "The Porter stemmer turns Ukraine into ukrain and Beijing into beij. What does that show?",
       ("The stemmer has a bug with names.", False,
        "It does the same to ordinary words (military becomes militari): it is how stemming works."),
       ("A stem is what the rules leave after cutting off endings: it need not be a word, it only has "
        "to be the same for related words.", True,
        "Right: a stem is a key for grouping words (attacks, attacking: attack), not a word to show a reader."),
       ("ukrain is the dictionary form (lemma) of Ukraine.", False,
        "A lemma is a dictionary word; finding it needs a dictionary such as WordNet, not rules.")),
    _q("2a", "Which universal tag does NLTK give proper nouns such as Putin?",
       ("PROPN", False,
        "PROPN is a tag of the Universal Dependencies tagset (spaCy uses it); NLTK's 12 universal tags have "
        "no PROPN."),
       ("NOUN", True, "Right: NLTK maps both NNP and NNPS to NOUN, together with common nouns."),
       ("NNP", False, "NNP is the Penn Treebank tag; the universal tag is broader.")),
    _q("2b", "Why does the perceptron tag Beijing as VBG in 'We expect Beijing to use its influence'?",
       ("It has never seen Beijing, so it guesses from the ending.", False,
        "It has seen it: the feature for the word beijing favours NNP (+5.15). The ending weighs more."),
       ("Its features' weights add up to more for VBG than for NNP, and the -ing ending weighs most.", True,
        "Right: about 24.5 for VBG against 22.6 for NNP, with the suffix ing worth +34.4 for VBG."),
       ("VBG is its default tag for capitalised words.", False,
        "There is no default: every tag gets the sum of its feature weights, and the largest sum wins.")),
    _q("2c", "In the confusion matrix, what does the number in row NN, column JJ count?",
       ("Tokens whose gold tag is JJ that the tagger tagged NN.", False,
        "The other way round: rows are the gold (reference) tags, columns the tagger's."),
       ("How often an NN and a JJ stand next to each other.", False,
        "A confusion matrix compares two tags of the same token, not neighbours."),
       ("Tokens whose gold tag is NN that the tagger tagged JJ.", True,
        "Right: rows are the treebank's tags, columns the tagger's, so off the diagonal are its mistakes.")),
    _q("3a", "Why is there a backslash before the dollar sign in the pattern r'\\$\\d+'?",
       ("Python strings need a backslash before a dollar sign.", False,
        "Python does not care about dollar signs, and the r before the quote keeps backslashes as they are."),
       ("A bare dollar sign means 'end of the line' in a regular expression; the backslash makes it "
        "match the character itself.", True,
        "Right: characters with a special meaning (. $ ^ + * ? ( ) [ ] |) need a backslash to match themselves."),
       ("It makes the pattern match any currency sign.", False,
        "It matches only the dollar sign; for euros or pounds you need a class such as [€£].")),
    _q("3b", "Why can a regular expression like r'\\d+ \\w+ \\w+' not tell what '69 Russian attacks' counts?",
       ("Regular expressions cannot match digits followed by words.", False,
        "They can: the pattern matches 69 Russian attacks. It cannot tell which word is counted."),
       ("It sees only characters: it cannot know that Russian describes attacks; part-of-speech tags can.",
        True, "Right: with tags (CD JJ NNS) a chunk grammar can say: a number, adjectives, then the noun."),
       ("It would need the re.IGNORECASE flag.", False, "Case is not the problem: the meaning of the words is.")),
    _q("4a", "Why do the lesson's helpers treat a capitalised word in mid-sentence as a proper noun, "
             "whatever the tagger said?",
       ("Because the tagger tags every capitalised word NN.", False,
        "It tags most of them NNP; it fails on rare names such as Xi, which it made CC once."),
       ("In English, a capital letter in mid-sentence almost always marks a name, and that clue does not "
        "depend on having seen the word in training.", True,
        "Right: the capital is evidence the tagger weighs too little for names it rarely saw."),
       ("Because every capitalised word is a person.", False,
        "Places and organisations are capitalised too: lesson 4 decides the kind from other clues.")),
    _q("4b", "Why is a capital letter at the start of a sentence not enough to make a word a name?",
       ("Every sentence starts with a capital, so there it says nothing about the word.", True,
        "Right: Exchange in 'Exchange of compliments' is capitalised only because it comes first."),
       ("Names never start sentences.", False, "They often do: 'Putin claims he aims...'."),
       ("The tagger removes capitals at the start of a sentence.", False,
        "The tagger sees the capital; it just cannot tell why the word has it.")),
    _q("5a", "In the dashboard's tag explorer, which universal tag holds your article's names?",
       ("PROPN", False,
        "PROPN belongs to the Universal Dependencies tagset (spaCy); NLTK's universal tagset has no PROPN."),
       ("NOUN, or NNP when you show Penn tags", True,
        "Right: NLTK's universal NOUN covers common and proper nouns; the Penn tags NNP and NNPS are names."),
       ("NAME", False, "NAME is a chunk label in lesson 4's grammar, not a part-of-speech tag.")),
    _q("5b", "A name in your article is tagged VBG and is missing from the actors. Which step caused it?",
       ("The actor step: its grammar is wrong.", False,
        "The grammar only sees the tags it is given; the mistake came earlier."),
       ("The tagging step: the actor grammar builds names from proper-noun tags, so a wrong tag loses the "
        "name.", True, "Right: errors flow down the pipeline, so look at the earliest step that went wrong."),
       ("The tokenizing step: the name was split in two.", False,
        "Then the explorer would show two tokens; here the token is whole but its tag is wrong.")),
)}


def question(question_id: str) -> ConceptQuestion:
    """The concept check ``question_id``; KeyError listing the IDs there are."""
    if question_id not in QUESTIONS:
        raise KeyError(f"No concept check {question_id!r}; there are: {', '.join(QUESTIONS)}.")
    return QUESTIONS[question_id]


def answer(question_id: str, choice: int) -> Answer:
    """Whether choice number ``choice`` (from 0) of question ``question_id`` is right, and why."""
    picked = question(question_id).choices[choice]
    return Answer(picked.correct, picked.why)
