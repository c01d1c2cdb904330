"""Shared test setup: point NLTK at the course's offline data when it sits beside the repository."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent
SHARED_NLTK_DATA = REPO.parent / "shared" / "nltk_data"

# Set before NLTK is imported anywhere, so NLTK (and notebook kernels, which inherit
# the environment) find the data. An NLTK_DATA the caller already set wins.
if SHARED_NLTK_DATA.is_dir() and "NLTK_DATA" not in os.environ:
    os.environ["NLTK_DATA"] = str(SHARED_NLTK_DATA)
elif "NLTK_DATA" in os.environ:
    os.environ["NLTK_DATA"] = os.pathsep.join(
        os.path.abspath(folder) for folder in os.environ["NLTK_DATA"].split(os.pathsep)
    )
# Kernels started by the notebook tests import this checkout's `lessons`, even from a worktree.
os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")]))


@pytest.fixture(scope="session")
def article():
    from lessons import load_article

    return load_article()


def pytest_configure(config):
    # Charts drawn by the tests themselves need no screen. Only this process: notebook kernels
    # must keep Jupyter's inline backend, or the lessons' charts would not show.
    import matplotlib

    matplotlib.use("Agg")
