"""In a real JupyterLab, feedback, hints, tables, article text and concept checks show $ literally.

JupyterLab typesets $...$ in Markdown and HTML output as mathematics (MathJax), which turned
the hint r'\\$\\d+' into r'\\d+' and ['$350m', '$350'] into a formula. Lesson 3 has both a check
whose hint holds amounts and a pattern, and a concept check about r'\\$\\d+'.
Needs Debian's ``chromium`` (fixtures in tests/conftest.py).
"""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SCREENSHOTS = REPO / "tests" / "screenshots"


@pytest.fixture(scope="module")
def lab(browser, tmp_path_factory):
    from tests.browser.lab import running_lab

    with running_lab(REPO / "notebooks", tmp_path_factory.mktemp("jupyterlab")) as server:
        yield server


def test_dollar_signs_in_feedback_and_concept_checks_show_literally(page, lab):
    from tests.browser import notebook

    notebook.open_notebook(page, lab.url, "03_numbers.ipynb")
    try:
        notebook.run_all_cells(page, 300_000)
        assert notebook.widget_trouble(page, wait_ms=10_000) == []
        feedback = page.locator(".lessons-feedback").all_inner_texts()
        first_check = next(text for text in feedback if "Exercise 3.1" in text)
        assert r"r'\$\d+'" in first_check and "$350m" in first_check and "$350 million" in first_check
        quiz = page.locator(".lessons-quiz").first.inner_text()
        assert r"r'\$\d+'" in quiz
        # No output at all (feedback, tables, highlighted article text, widgets) was typeset as maths.
        assert page.locator(".jp-OutputArea mjx-container").count() == 0
        assert "$350m" in page.locator(".lessons-text").first.inner_text()
    finally:
        notebook.screenshot_whole_notebook(page, SCREENSHOTS / "03_numbers-literal.png")
