"""Every lesson works in a real JupyterLab in a real browser, as a student uses it.

For each notebook: open it in JupyterLab (headless Chromium), Run All, and check that every
cell ran with no error output, no broken widget and no error notification; then use its
explorer with the keyboard only (every control reachable with Tab and labelled; each one
changes the output; text typed into the text box shows up in the output). A picture of each
notebook goes to tests/screenshots/ (git-ignored), even when a check fails.

Needs Debian's ``chromium`` (the ``browser`` and ``page`` fixtures are in tests/conftest.py).
"""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((REPO / "notebooks").glob("*.ipynb"))
SCREENSHOTS = REPO / "tests" / "screenshots"
RUN_ALL_TIMEOUT_MS = 300_000


@pytest.fixture(scope="module")
def lab(browser, tmp_path_factory):
    from tests.browser.lab import running_lab

    with running_lab(REPO / "notebooks", tmp_path_factory.mktemp("jupyterlab")) as server:
        yield server


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda path: path.name)
def test_lesson_in_jupyterlab(page, lab, path):
    from tests.browser import explorer as contract
    from tests.browser import notebook

    uncaught_errors = []
    page.on("pageerror", lambda error: uncaught_errors.append(str(error)))
    notebook.open_notebook(page, lab.url, path.name)
    try:
        notebook.run_all_cells(page, RUN_ALL_TIMEOUT_MS)
        assert notebook.error_toasts(page) == [], "JupyterLab shows an error"
        assert notebook.error_outputs(page) == [], "cells show errors or warnings"
        assert notebook.unrun_cells(page) == [], "some cells did not run"
        assert notebook.widget_trouble(page, wait_ms=10_000) == [], "a widget did not render"

        explorers = page.locator(".lessons-explorer")
        assert explorers.count() >= 1, "no explorer widget (class lessons-explorer) on the page"
        # Every remaining check runs, and all that fail are reported together.
        problems = []
        for explorer in explorers.all():
            problems += contract.problems_using(explorer)
        problems += [f"error output after using the explorer: {text}" for text in notebook.error_outputs(page)]
        problems += [f"JupyterLab shows an error: {text}" for text in notebook.error_toasts(page)]
        problems += [f"JavaScript error in the page: {text}" for text in uncaught_errors]
        assert not problems, "\n".join(problems)
    finally:
        notebook.screenshot_whole_notebook(page, SCREENSHOTS / f"{path.stem}.png")
