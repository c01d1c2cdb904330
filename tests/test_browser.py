"""Every lesson works in a real JupyterLab in a real browser, as a student uses it.

For each notebook: open it in JupyterLab (headless Chromium), Run All, and check that every
cell ran with no error output, no broken widget and no error notification; then use its
explorer with the keyboard only (every control reachable with Tab and labelled; each one
changes the output; text typed into the text box shows up in the output). A picture of each
notebook, and of each chart in it, goes to tests/screenshots/ (git-ignored), even when a check
fails. The report (``python -m lessons report``) is opened too: its tables must fit its column.

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
        problems += notebook.charts_too_wide(page)
        assert not problems, "\n".join(problems)
    finally:
        notebook.screenshot_whole_notebook(page, SCREENSHOTS / f"{path.stem}.png")
        notebook.screenshot_charts(page, SCREENSHOTS, path.stem)


REPORT_COLUMN_PX = 960
ARTICLES = {"seed": None, "second": REPO / "tests" / "articles" / "harbour-works.txt"}


@pytest.mark.parametrize("name", ARTICLES)
def test_report_fits_its_column(browser, tmp_path, name):
    """Every table and chart of the report fits its 960 px column (nothing cut off in print); pictures saved."""
    from lessons.report import make_report

    make_report(ARTICLES[name], tmp_path)
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    try:
        page.goto((tmp_path / "report.html").as_uri())
        too_wide = page.evaluate("""limit => [...document.querySelectorAll("table, img")]
            .map(node => [node.closest("section").querySelector("h2").textContent,
                          Math.round(node.getBoundingClientRect().width)])
            .filter(([, width]) => width > limit)""", REPORT_COLUMN_PX)
        scrolling = page.evaluate("""() => [...document.querySelectorAll("section")]
            .filter(node => node.scrollWidth > node.clientWidth).map(node => node.querySelector("h2").textContent)""")
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=SCREENSHOTS / f"report-{name}.png", full_page=True)
        for number, image in enumerate(page.locator("figure img").all(), 1):
            image.screenshot(path=SCREENSHOTS / f"report-{name}-chart-{number}.png")
        assert not too_wide, f"wider than {REPORT_COLUMN_PX} px: {too_wide}"
        assert not scrolling, f"sections that scroll sideways: {scrolling}"
        assert page.title().startswith("Report: ") and ".txt" not in page.title()
    finally:
        page.close()
