"""Running lesson notebooks as a whole: exercise cells, solutions, execution and results.

An exercise's starter cell carries its ID in the cell metadata
(``{"exercise": "1.2"}``). A solution is the full source of that cell, written
by the instructor and kept out of the student's notebook (see ``tests/solutions/``).
The tests use this module to run every notebook top to bottom, with the
starters and with the solutions; grading uses it to run a student's notebook.

>>> notebook = new_notebook([("code", "x = ...", "1.1"), ("markdown", "Text", None)])
>>> exercise_ids(notebook)
['1.1']
>>> with_solutions(notebook, {"1.1": "x = 4"}).cells[0].source
'x = 4'
"""

from __future__ import annotations

import json
from pathlib import Path

import nbformat

RESULTS_MARKER = "LESSONS-CHECK-RESULTS "
COLLECT_RESULTS = (
    "import json as _json, lessons.checks as _checks\n"
    f"print({RESULTS_MARKER!r} + _json.dumps(_checks.results()))"
)


def new_notebook(cells: list[tuple[str, str, str | None]]) -> nbformat.NotebookNode:
    """A notebook from ``(kind, source, exercise_id)`` triples; kind is ``code`` or ``markdown``."""
    notebook = nbformat.v4.new_notebook()
    for kind, source, exercise_id in cells:
        cell = nbformat.v4.new_code_cell(source) if kind == "code" else nbformat.v4.new_markdown_cell(source)
        if exercise_id:
            cell.metadata["exercise"] = exercise_id
        notebook.cells.append(cell)
    return notebook


def load_notebook(path: str | Path) -> nbformat.NotebookNode:
    """Read a notebook file (nbformat 4)."""
    return nbformat.read(str(path), as_version=4)


def exercise_ids(notebook: nbformat.NotebookNode) -> list[str]:
    """The exercise IDs of a notebook's starter cells, in order."""
    return [cell.metadata["exercise"] for cell in notebook.cells if "exercise" in cell.metadata]


def with_solutions(notebook: nbformat.NotebookNode, solutions: dict[str, str]) -> nbformat.NotebookNode:
    """A copy of ``notebook`` whose exercise cells hold the given solutions instead of the starters."""
    solved = nbformat.from_dict(json.loads(json.dumps(notebook)))
    for cell in solved.cells:
        exercise_id = cell.metadata.get("exercise")
        if exercise_id in solutions:
            cell.source = solutions[exercise_id]
    return solved


def execute(notebook: nbformat.NotebookNode, working_dir: str | Path, timeout: int = 300) -> dict[str, str]:
    """Run ``notebook`` top to bottom in a fresh kernel; return each exercise's check status.

    The notebook is changed in place (its outputs filled in). Errors in a cell
    raise ``nbclient.exceptions.CellExecutionError``; a cell running longer than
    ``timeout`` seconds raises ``nbclient.exceptions.CellTimeoutError``.
    """
    from nbclient import NotebookClient

    notebook.cells.append(nbformat.v4.new_code_cell(COLLECT_RESULTS))
    try:
        NotebookClient(notebook, timeout=timeout, kernel_name="python3",
                       resources={"metadata": {"path": str(working_dir)}}).execute()
    finally:
        results_cell = notebook.cells.pop()
    for output in results_cell.get("outputs", []):
        for line in output.get("text", "").splitlines():
            if line.startswith(RESULTS_MARKER):
                return json.loads(line[len(RESULTS_MARKER):])
    return {}
