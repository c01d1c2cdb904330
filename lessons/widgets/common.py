"""What every explorer shares: the reader's text box, the output area, and a layout that fits.

Lesson 1 (``01_tokenizing.ipynb``, "Token explorer") introduces the first explorer; the others
are built the same way, so they look and behave alike.

>>> box = reader_text_box("Paste a sentence here.", "Type, then leave the box")
>>> box.description, box.continuous_update, box.layout.width
('Your text', False, 'auto')
"""

from __future__ import annotations

from collections.abc import Sequence

import ipywidgets as widgets

from lessons.highlight import sentence_number

LABEL_STYLE = {"description_width": "90px"}
ALL_SENTENCES = -1  # a sentence picker's value for "every sentence"
PREVIEW_LENGTH = 70


def preview(text: str, length: int = PREVIEW_LENGTH) -> str:
    """``text`` on one line, cut to ``length`` characters with "…".

    >>> preview("A  long\\nsentence", 8)
    'A long …'
    """
    text = " ".join(text.split())
    return text if len(text) <= length else text[: length - 1] + "…"


def sentence_options(found: Sequence, everything: bool = True) -> list[tuple[str, int]]:
    """A sentence picker's choices: "All sentences" (if ``everything``), then each sentence numbered from 1."""
    whole = [(f"All sentences ({len(found)})", ALL_SENTENCES)] if everything else []
    return whole + [(f"{sentence_number(s.index)}. {preview(s.text)}", s.index) for s in found]


def sentence_picker(tooltip: str = "Show one sentence, or all of them") -> widgets.Dropdown:
    """The dropdown every explorer uses to show one sentence (or all of them)."""
    return widgets.Dropdown(description="Sentence", tooltip=tooltip, layout=full_width(), style=LABEL_STYLE)


def full_width(max_width: str = "960px") -> widgets.Layout:
    """A layout that fills the notebook's width, up to ``max_width``.

    ipywidgets gives every control a 2 px margin on each side, so ``width="100%"`` overflows
    the cell by 4 px and JupyterLab shows a sideways scroll bar; ``"auto"`` fills it exactly.
    """
    return widgets.Layout(width="auto", max_width=max_width)


def reader_text_box(placeholder: str, tooltip: str, rows: int = 2) -> widgets.Textarea:
    """The box where readers paste their own text; it reports the text once they leave it."""
    return widgets.Textarea(description="Your text", placeholder=placeholder, tooltip=tooltip,
                            continuous_update=False, rows=rows, layout=full_width(), style=LABEL_STYLE)


def output_area() -> widgets.HTML:
    """The one HTML widget an explorer renders into (the browser tests find it by its class)."""
    output = widgets.HTML(layout=widgets.Layout(width="auto", max_width="980px", overflow="auto"))
    output.add_class("lessons-explorer-output")
    return output


def mark_as_explorer(box: widgets.Box) -> None:
    """Give an explorer its width and the class the browser tests and styles look for."""
    box.layout = full_width("1000px")
    box.add_class("lessons-explorer")


def seed_text() -> str:
    """The seed article's text: what an explorer shows when it is given no text."""
    from lessons.article import load_article

    return load_article().text
