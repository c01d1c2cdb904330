"""Instructors' solutions, one module a notebook (``01_tokenizing.ipynb`` -> ``tokenizing_01.py``).

Each module has ``SOLUTIONS``: exercise ID -> the full source of the solved cell.
They are kept here, not in the notebooks, so the student's copy never shows them.
"""

from __future__ import annotations

import importlib
from pathlib import Path


def solutions_for(notebook: Path) -> dict[str, str]:
    """The solutions for a notebook, by exercise ID ({} when it has no solutions module)."""
    number, _, name = notebook.stem.partition("_")
    try:
        module = importlib.import_module(f"tests.solutions.{name}_{number}")
    except ModuleNotFoundError:
        return {}
    return dict(module.SOLUTIONS)
