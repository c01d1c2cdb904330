"""The browser tests can fail: each of their checks catches the fault it is there for.

Two small notebooks, written here rather than in notebooks/ (they are not lessons), run in a
JupyterLab like the lessons': one whose explorer keeps the explorer contract, so every check
passes, and one that breaks the contract, and the notebook, in each way the checks look for.
"""

from __future__ import annotations

import nbformat
import pytest

from tests.browser import explorer as contract
from tests.browser import notebook

SAMPLES = {
    "keeps.ipynb": ["from tests.browser.sample_explorers import KeepsTheContract\nKeepsTheContract()"],
    "breaks.ipynb": [
        "from tests.browser.sample_explorers import BreaksTheContract, NoSuchView\nBreaksTheContract()",
        "import warnings\nwarnings.warn('a warning the student would see')",
        "NoSuchView()",
        "1 / 0",
        "'never runs: Run All stops at the error'",
    ],
}


@pytest.fixture(scope="module")
def lab(browser, tmp_path_factory):
    from tests.browser.lab import running_lab

    folder = tmp_path_factory.mktemp("samples")
    for name, sources in SAMPLES.items():
        sample = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(source) for source in sources])
        sample.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
        nbformat.write(sample, folder / name)
    with running_lab(folder, tmp_path_factory.mktemp("jupyterlab")) as server:
        yield server


def test_an_explorer_that_keeps_the_contract_passes_every_check(page, lab):
    notebook.open_notebook(page, lab.url, "keeps.ipynb")
    notebook.run_all_cells(page, 120_000)
    assert (notebook.error_outputs(page), notebook.unrun_cells(page)) == ([], [])
    assert notebook.widget_trouble(page, wait_ms=10_000) == []
    explorer = page.locator(".lessons-explorer")
    kinds = sorted(control.kind for control in contract.controls(explorer))
    assert kinds == ["checkbox", "number", "select", "select", "text box", "toggle", "toggle"]
    assert contract.problems_using(explorer) == []


def test_each_check_reports_what_breaks_the_contract(page, lab):
    notebook.open_notebook(page, lab.url, "breaks.ipynb")
    notebook.run_all_cells(page, 120_000)
    errors = "\n".join(notebook.error_outputs(page))
    assert "UserWarning: a warning the student would see" in errors
    assert "ZeroDivisionError" in errors
    assert [cell for cell in notebook.unrun_cells(page) if "never runs" in cell] != []
    assert [text for text in notebook.widget_trouble(page, wait_ms=1000) if "failed to render" in text] != []

    problems = contract.problems_using(page.locator(".lessons-explorer"), timeout_ms=3000)
    expected = [
        "the explorer is 4 px too wide for the notebook",
        "no accessible name: slider 'Sentence'",
        "no accessible name: text field ''",
        "the Tab key does not reach: checkbox 'Skipped by Tab'",
        "operating the checkbox 'Ignored' did not change the explorer's output",
        "the output does not show the typed text",
    ]
    assert [problem.split(" (")[0].split(":\n")[0] for problem in problems] == expected
