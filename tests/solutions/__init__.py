"""Instructors' solutions, one module a notebook (``01_tokenizing.ipynb`` -> ``tokenizing_01.py``).

Each module has ``SOLUTIONS``: exercise ID -> the full source of the solved cell.
They are kept here, not in the notebooks, so the student's copy never shows them.
"""

from __future__ import annotations

import importlib
from pathlib import Path


def solutions_for(notebook: Path) -> dict[str, str]:
    """The solutions for a notebook, by exercise ID ({} when it has no solutions module).

    A lesson's sections may keep their solutions in modules of their own, all ending in the
    lesson's number (``numbers_03.py`` and ``dates_03.py`` for ``03_numbers.ipynb``).
    """
    number, _, _ = notebook.stem.partition("_")
    solutions: dict[str, str] = {}
    for module in sorted(Path(__file__).parent.glob(f"*_{number}.py")):
        solutions.update(importlib.import_module(f"tests.solutions.{module.stem}").SOLUTIONS)
    return solutions
