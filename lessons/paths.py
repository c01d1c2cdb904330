"""Where the course's files are: the one place that knows.

The lesson notebooks and the seed article ship inside the package, so an
installed copy (a wheel, ``pip install news-nlp-lessons``) works outside any
clone of the repository: a wheel holds them as ``lessons/notebooks/`` and
``lessons/seeds/`` (``pyproject.toml`` maps the repository's ``notebooks/`` and
``seeds/`` there), found with :mod:`importlib.resources`. In a clone, and so in
an editable install, they stay where people look for them: ``notebooks/`` and
``seeds/`` beside the ``lessons/`` folder.

These are the **pristine** lessons. Students work on copies (``python -m lessons
lab`` makes them, see :mod:`lessons.lab`), and the editions are built from these.

>>> lesson_notebooks()[0].name
'01_tokenizing.ipynb'
>>> seed_article().name
'cbc-2023-03-20-xi-visits-putin.txt'
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

SEED_ARTICLE_NAME = "cbc-2023-03-20-xi-visits-putin.txt"
LESSON_PATTERN = "[0-9][0-9]_*.ipynb"  # NN_topic.ipynb: the lesson order is in the name


def package() -> Path:
    """The folder of the ``lessons`` package that is running."""
    return Path(str(files("lessons")))


def package_parent() -> Path:
    """The folder that holds ``lessons/``: put it on a kernel's ``PYTHONPATH`` to import this copy."""
    return package().parent


def checkout() -> Path | None:
    """The clone of the repository this package runs from, or ``None`` for an installed wheel."""
    root = package_parent()
    return root if (root / "pyproject.toml").is_file() and (root / "notebooks").is_dir() else None


def _shipped(folder: str) -> Path:
    # A wheel's copy inside the package wins; a clone keeps the folder at its top.
    inside = package() / folder
    clone = checkout()
    return clone / folder if clone is not None and not inside.is_dir() else inside


def lessons_folder() -> Path:
    """The folder of the pristine lesson notebooks."""
    return _shipped("notebooks")


def lesson_notebooks() -> list[Path]:
    """The pristine lesson notebooks, in lesson order."""
    return sorted(lessons_folder().glob(LESSON_PATTERN))


def seed_article() -> Path:
    """The seed article's text file (its metadata is the ``.json`` beside it)."""
    return _shipped("seeds") / SEED_ARTICLE_NAME


def solutions_folder() -> Path:
    """Where the instructor's solutions are: ``tests/solutions/`` of the clone.

    They never ship in the package (students could read them). Without a clone,
    a teacher runs the command inside one, so the folder is looked for there.
    """
    clone = checkout()
    return (clone if clone is not None else Path()) / "tests" / "solutions"


def course_nltk_data() -> Path | None:
    """A course machine's offline NLTK data, in ``shared/nltk_data`` beside the clone, if there is one."""
    clone = checkout()
    folder = clone.parent / "shared" / "nltk_data" if clone is not None else None
    return folder if folder is not None and folder.is_dir() else None
