"""Lesson text that JupyterLab would garble: two $ outside code in one Markdown cell become a formula."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

NOTEBOOKS = sorted((Path(__file__).resolve().parent.parent / "notebooks").glob("*.ipynb"))


def _dollars_outside_code(markdown: str) -> int:
    without_code = re.sub(r"```.*?```|`[^`]*`", "", markdown, flags=re.S)
    return len(re.findall(r"(?<!\\)\$", without_code))


def test_the_check_catches_a_pair_of_amounts():
    assert _dollars_outside_code("It cost $5 and $6.") == 2
    assert _dollars_outside_code("It cost `$5` and `$6`, or \\$7.") == 0


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda path: path.name)
def test_no_markdown_cell_has_two_dollar_signs_outside_code(path):
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    garbled = [cell["id"] for cell in cells
               if cell["cell_type"] == "markdown" and _dollars_outside_code("".join(cell["source"])) > 1]
    assert garbled == [], "write amounts in `code` or as \\$ so MathJax leaves them alone"
