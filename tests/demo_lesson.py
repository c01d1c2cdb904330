"""A two-exercise lesson built in the tests, for the coursework commands (editions, grading).

Its setup cell registers exercises 9.1 and 9.2 in the kernel (for editions, whose kernels check
answers), and importing this module registers the same exercises here (for the grader, which
judges answers in its own process); the expected answers are computed by the real helpers.
"""

from __future__ import annotations

from pathlib import Path

import nbformat

import lessons
from lessons.checks import Exercise, register
from lessons.coursework import new_notebook

EXERCISES = """register(Exercise("9.1", "How many tokens are in 'U.S. aid'?", expected=lambda: len(lessons.tokenize("U.S. aid")),
                  hints=("What does lessons.tokenize return?", "len() counts the items of a list.")))
register(Exercise("9.2", "The tokens of `sentence`, as strings",
                  expected=lambda: [token.text for token in lessons.tokenize("Xi met Putin.")],
                  hints=("Each token has a .text.", "A list comprehension over lessons.tokenize(sentence).")))"""
SETUP = f"""import lessons
from lessons import check, hint
from lessons.checks import Exercise, register
{EXERCISES}"""
exec(EXERCISES, {"lessons": lessons, "register": register, "Exercise": Exercise})

STARTERS = {
    "9.1": 'token_count = ...\ncheck("9.1", token_count)',
    "9.2": 'token_texts = ...\ncheck("9.2", token_texts)',
}
SOLUTIONS = {
    "9.1": 'token_count = len(lessons.tokenize("U.S. aid"))\ncheck("9.1", token_count)',
    "9.2": 'token_texts = [token.text for token in lessons.tokenize(sentence)]\ncheck("9.2", token_texts)',
}
WRONG = {
    "9.1": 'token_count = len("U.S. aid".split()) + 1\ncheck("9.1", token_count)',
    "9.2": 'token_texts = sentence.split()\ncheck("9.2", token_texts)',
}
NAME = "09_demo.ipynb"


def demo_notebook(answers: dict[str, str] | None = None) -> nbformat.NotebookNode:
    """The demo lesson, with the starters or the given exercise cells."""
    answers = {**STARTERS, **(answers or {})}
    return new_notebook([
        ("markdown", "# Demo lesson\n\nLearning goals: count tokens.", None),
        ("code", SETUP, None),
        ("code", answers["9.1"], "9.1"),
        ("markdown", "## Tokens of a sentence", None),
        ("code", 'sentence = "Xi met Putin."', None),
        ("code", answers["9.2"], "9.2"),
    ])


def write_demo_lesson(folder: Path) -> tuple[Path, Path]:
    """Write the lesson into ``folder/notebooks`` and its solutions into ``folder/solutions``."""
    notebooks = folder / "notebooks"
    solutions = folder / "solutions"
    notebooks.mkdir(parents=True)
    solutions.mkdir()
    nbformat.write(demo_notebook(), str(notebooks / NAME))
    (solutions / "demo_09.py").write_text(f"SOLUTIONS = {SOLUTIONS!r}\n", encoding="utf-8")
    return notebooks, solutions
