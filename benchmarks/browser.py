"""How long the browser tests take per lesson; prints figures, asserts nothing.

Run from the repository:  python benchmarks/browser.py
Like tests/test_browser.py, it starts one JupyterLab and one headless Chromium, then for each
notebook times: opening it until its kernel is idle, Run All, using its explorer(s) with the
keyboard, and the full-length screenshot. Problems the tests would report are counted, not raised.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

import conftest  # noqa: E402,F401  (sets NLTK_DATA and PYTHONPATH for the kernels, as for the tests)
from playwright.sync_api import sync_playwright  # noqa: E402

from tests.browser import explorer, notebook  # noqa: E402
from tests.browser.chromium import LAPTOP, launch  # noqa: E402
from tests.browser.lab import running_lab  # noqa: E402


def main() -> None:
    notebooks = sorted((REPO / "notebooks").glob("*.ipynb"))
    with tempfile.TemporaryDirectory() as workdir:
        started = time.perf_counter()
        with running_lab(REPO / "notebooks", Path(workdir)) as lab, sync_playwright() as playwright:
            browser = launch(playwright)
            print(f"JupyterLab and Chromium started in {time.perf_counter() - started:.1f} s")
            for path in notebooks:
                page = browser.new_page(viewport=LAPTOP)
                marks = [time.perf_counter()]
                notebook.open_notebook(page, lab.url, path.name)
                marks.append(time.perf_counter())
                notebook.run_all_cells(page, 300_000)
                marks.append(time.perf_counter())
                problems = [problem for found in page.locator(".lessons-explorer").all()
                            for problem in explorer.problems_using(found)]
                marks.append(time.perf_counter())
                notebook.screenshot_whole_notebook(page, Path(workdir) / f"{path.stem}.png")
                marks.append(time.perf_counter())
                notebook.shut_down_kernels(page, lab.url)
                page.close()
                steps = [later - earlier for earlier, later in zip(marks, marks[1:])]
                print(f"{path.name}: open {steps[0]:.1f} s, run all {steps[1]:.1f} s, "
                      f"explorer {steps[2]:.1f} s, screenshot {steps[3]:.1f} s, "
                      f"total {marks[-1] - marks[0]:.1f} s ({len(problems)} explorer problems)")
            browser.close()


if __name__ == "__main__":
    main()
