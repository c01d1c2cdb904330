"""Fixtures for the browser tests: one headless Chromium per test module, a fresh page per test.

Each browser test module defines a module-scoped ``lab`` fixture (a running JupyterLab, see
tests/browser/lab.py) that ``page`` uses. Without Chromium or Playwright the browser tests
are skipped, except when the ``CI`` environment variable is set, where that is a failure.
"""

from __future__ import annotations

import os

import pytest

from tests.browser.chromium import CHROMIUM, LAPTOP


def _cannot_run(reason: str):
    if os.environ.get("CI"):
        pytest.fail(f"{reason} (CI is set, so the browser tests must run)")
    pytest.skip(reason)


# Module scope: the browser (like each module's JupyterLab) is stopped before the other test
# modules run, so it never shares the process with their notebook executions.
@pytest.fixture(scope="module")
def browser():
    if not os.access(CHROMIUM, os.X_OK):
        _cannot_run(f"no Chromium at {CHROMIUM}: apt-get install chromium")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _cannot_run("the playwright package is not installed: pip install -e '.[test]'")
    from tests.browser.chromium import launch

    with sync_playwright() as playwright:
        browser = launch(playwright)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, lab):
    from tests.browser.notebook import shut_down_kernels

    context = browser.new_context(viewport=LAPTOP)
    page = context.new_page()
    page.set_default_timeout(30_000)
    yield page
    shut_down_kernels(page, lab.url)
    context.close()
