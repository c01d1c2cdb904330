"""The article dashboard: every explorer of lessons 1–4 on one article the reader brings, one at a time.

Lesson 5 (``05_your_article.ipynb``) uses it. Paste an article into the box,
upload a ``.txt`` file, or type the path of one; the summary and the explorers
(tokens, tags, quantities, actors with quotes and network) switch to that
article. An empty box means the seed article. To fit a screen, the highlighted
article scrolls inside its own box, and the "Explore" buttons show one explorer
at a time, each starting with one sentence. What it shows comes from
:mod:`lessons.views`, which the command-line report uses too.

>>> dashboard = ArticleDashboard()
>>> dashboard.text_box.value = "Xi met Putin in Moscow\\nThey talked for 4½ hours and agreed on $2 billion."
>>> dashboard.source, dashboard.text.startswith("Xi met Putin")
('the text you pasted', True)
>>> "from the text you pasted" in dashboard.output.value
True
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

import ipywidgets as widgets

from lessons.article import ArticleError, decode_text, load_article, parse_article
from lessons.highlight import caption, note, plural, section
from lessons.views import analyse, highlighted_article, summary, title
from lessons.widgets.actors import ActorExplorer
from lessons.widgets.common import full_width, mark_as_explorer, output_area, seed_text
from lessons.widgets.quantities import QuantityExplorer
from lessons.widgets.tagging import TagExplorer
from lessons.widgets.tokens import TokenExplorer

SEED = "the seed article"
EXPLORERS = {
    "Tokens (lesson 1)": TokenExplorer,
    "Tags (lesson 2)": partial(TagExplorer, one_sentence=True),
    "Quantities (lesson 3)": partial(QuantityExplorer, one_sentence=True),
    "Actors, quotes and network (lesson 4)": partial(ActorExplorer, one_sentence=True),
}
ARTICLE_HEIGHT = "22em"  # the highlighted article scrolls inside a box this tall


def render(text: str, source: str, problem: str = "") -> str:
    """The dashboard's output: a caption, any problem, layout advice, a summary, and the highlighted article."""
    from lessons.tokens import tokenize

    article = parse_article(text)
    report = analyse(article)
    trouble = section("Could not load that", intro=problem) if problem else ""
    advice = note(f"Headline not recognised. {article.advice}") if article.advice else ""
    return (caption(f"{title(article)} · {plural(len(tokenize(text)), 'token')} · from {source}") + trouble + advice
            + section("Summary", intro=summary(report))
            + f'<div style="max-height:{ARTICLE_HEIGHT};overflow-y:auto">{highlighted_article(report)}</div>')


class ArticleDashboard(widgets.VBox):
    """Bring your own article (paste, upload or path) and explore it with every lesson's explorer.

    ``ArticleDashboard()`` starts with the seed article; ``ArticleDashboard(text)`` with any text.
    ``dashboard.text`` is the article it shows now.
    """

    def __init__(self, text: str | None = None):
        wide = widgets.Layout(width="auto", max_width="900px")
        self.text_box = widgets.Textarea(
            description="Your article", placeholder="Paste an English news article here (headline on the first "
            "line), then click outside the box. Leave it empty for the seed article.",
            tooltip="Paste a whole article; leave the box to explore it", continuous_update=False, rows=5,
            layout=wide, style={"description_width": "100px"})
        self.output = output_area()
        # The picker follows the explorer contract (one text box, one output). The upload and the path
        # field sit outside it: a file dialog cannot be driven with the keyboard alone.
        picker = widgets.VBox([self.text_box, self.output])
        mark_as_explorer(picker)
        self.upload = widgets.FileUpload(accept=".txt,text/plain", multiple=False, description="Upload .txt",
                                         tooltip="Upload a UTF-8 plain-text article")
        self.path_box = widgets.Text(description="Or a path", placeholder="e.g. ../seeds/my-article.txt, then Enter",
                                     tooltip="The path of a UTF-8 plain-text article on this computer",
                                     continuous_update=False, layout=wide, style={"description_width": "100px"})
        self.text = text if text is not None else seed_text()
        self.source = SEED if text is None else "the text given to ArticleDashboard"
        # Explorers are made when first chosen, and shown one at a time, so the dashboard fits a screen.
        self.explorers: dict[str, widgets.VBox] = {}
        self._loaded: dict[str, str] = {}
        self.chooser = widgets.ToggleButtons(options=list(EXPLORERS), description="Explore",
                                             tooltips=[f"Show the {name.split(' (')[0].lower()} explorer"
                                                       for name in EXPLORERS],
                                             style={"description_width": "100px", "button_width": "auto"})
        self.part = widgets.VBox(layout=full_width("1000px"))
        super().__init__([widgets.HBox([self.upload, self.path_box], layout=widgets.Layout(flex_flow="row wrap")),
                          picker, self.chooser, self.part], layout=full_width("1000px"))
        self.output.value = render(self.text, self.source)
        self.text_box.observe(self._on_paste, names="value")
        self.upload.observe(self._on_upload, names="value")
        self.path_box.observe(self._on_path, names="value")
        self.chooser.observe(self._show_part, names="value")
        self._show_part()

    def explorer(self, name: str) -> widgets.VBox:
        """The explorer called ``name`` (a key of :data:`EXPLORERS`), made if need be, showing the current article."""
        if name not in self.explorers:
            self.explorers[name] = EXPLORERS[name](self.text)
        elif self._loaded[name] != self.text:
            self.explorers[name].load(self.text)
        self._loaded[name] = self.text
        return self.explorers[name]

    def _show_part(self, change=None) -> None:
        self.part.children = [self.explorer(self.chooser.value)]

    def load(self, text: str, source: str = "your text") -> None:
        """Show ``text`` in the summary and in the explorer on show (the others catch up when chosen)."""
        self.text, self.source = text, source
        self._show_part()
        self.output.value = render(text, source)

    def _show_problem(self, problem: str) -> None:
        self.output.value = render(self.text, self.source, problem)

    def _on_paste(self, change=None) -> None:
        if self.text_box.value.strip():
            self.load(self.text_box.value, "the text you pasted")
        else:
            self.load(seed_text(), SEED)

    def _on_upload(self, change=None) -> None:
        for upload in self.upload.value:
            try:
                self.load(decode_text(bytes(upload["content"]), upload["name"]), f"the file {upload['name']}")
            except ArticleError as error:
                self._show_problem(str(error))

    def _on_path(self, change=None) -> None:
        path = self.path_box.value.strip()
        if not path:
            return
        try:
            self.load(load_article(Path(path).expanduser()).text, f"the file {path}")
        except ArticleError as error:
            self._show_problem(str(error))

