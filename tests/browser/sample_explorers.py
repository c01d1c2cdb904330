"""Two small explorers for checking the browser tests themselves (tests/test_browser_harness.py).

``KeepsTheContract`` follows the explorer contract with one control of each kind the tests
drive; ``BreaksTheContract`` breaks it in the ways a lesson's explorer could: a control that
changes nothing, a slider and a text field without a name, a checkbox the Tab key skips, a
text box whose text never shows, and a layout 4 px too wide.
"""

from __future__ import annotations

import html

import ipywidgets as widgets
from traitlets import Unicode

TEXT = "Putin met Xi in Moscow. They talked for 4 hours."


def _explorer(box: widgets.VBox, controls: list, output: widgets.HTML) -> None:
    output.add_class("lessons-explorer-output")
    box.children = [*controls, output]
    box.add_class("lessons-explorer")


class KeepsTheContract(widgets.VBox):
    """Every control changes the caption; the text box's text is shown, escaped."""

    def __init__(self):
        super().__init__(layout=widgets.Layout(width="100%"))
        full_width = widgets.Layout(width="auto")
        self.unit = widgets.Dropdown(options=["words", "characters"], description="Count", layout=full_width)
        self.kind = widgets.Select(options=["any", "names", "numbers"], rows=3, description="Kind")
        self.view = widgets.ToggleButtons(options=["text", "list"], description="Show")
        self.limit = widgets.BoundedIntText(value=1, min=1, max=9, description="At most")
        self.capitals = widgets.Checkbox(description="Capitals")
        self.text_box = widgets.Textarea(placeholder="Paste your own text", description="Your text",
                                         continuous_update=False, layout=full_width)
        self.output = widgets.HTML()
        controls = [self.unit, self.kind, self.view, self.limit, self.capitals, self.text_box]
        _explorer(self, controls, self.output)
        for control in controls:
            control.observe(self.render, "value")
        self.render()

    def render(self, *_):
        text = self.text_box.value or TEXT
        shown = text.upper() if self.capitals.value else text
        self.output.value = (
            f"<p>{self.unit.value}, {self.kind.value}, {self.view.value}, at most {self.limit.value}, "
            f"capitals {self.capitals.value}</p><div>{html.escape(shown)}</div>"
        )


class BreaksTheContract(widgets.VBox):
    """Only the dropdown and the slider change the output, and the typed text is never shown."""

    def __init__(self):
        super().__init__(layout=widgets.Layout(width="100%"))
        self.unit = widgets.Dropdown(options=["words", "characters"], description="Count")
        self.sentence = widgets.IntSlider(min=0, max=1, description="Sentence")
        self.ignored = widgets.Checkbox(description="Ignored")
        self.skipped = widgets.Checkbox(description="Skipped by Tab", tabbable=False)
        self.nameless = widgets.Text()
        self.text_box = widgets.Textarea(description="Your text", continuous_update=False,
                                         layout=widgets.Layout(width="100%"))
        self.output = widgets.HTML()
        _explorer(self, [self.unit, self.sentence, self.ignored, self.skipped, self.nameless, self.text_box],
                  self.output)
        for control in (self.unit, self.sentence, self.skipped, self.text_box):
            control.observe(self.render, "value")
        self.render()

    def render(self, *_):
        self.output.value = (f"<p>{self.unit.value}, sentence {self.sentence.value}, {self.skipped.value}, "
                             f"{len(self.text_box.value)} characters</p>")


class NoSuchView(widgets.DOMWidget):
    """A widget whose JavaScript does not exist: JupyterLab shows ipywidgets' red error box."""

    _model_module = Unicode("no-such-module").tag(sync=True)
    _view_module = Unicode("no-such-module").tag(sync=True)
    _model_name = Unicode("NoSuchModel").tag(sync=True)
    _view_name = Unicode("NoSuchView").tag(sync=True)
