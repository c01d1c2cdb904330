"""The article dashboard: every explorer of lessons 1–4 on one article the reader brings.

Lesson 5 (``05_your_article.ipynb``) uses it. Paste an article into the box,
upload a ``.txt`` file, or type the path of one; the summary and all four
explorers (tokens, tags, quantities, actors with quotes and network) switch to
that article. An empty box means the seed article.

>>> dashboard = ArticleDashboard()
>>> dashboard.text_box.value = "Xi met Putin in Moscow\\nThey talked for 4½ hours and agreed on $2 billion."
>>> dashboard.source, dashboard.text.startswith("Xi met Putin")
('the text you pasted', True)
>>> "from the text you pasted" in dashboard.output.value
True
"""

from __future__ import annotations

from pathlib import Path

import ipywidgets as widgets

from lessons.article import ArticleError, load_article, parse_article
from lessons.highlight import caption, highlight, legend, section
from lessons.report import KIND_DESCRIPTIONS, analyse, kind_colours, spans, summary
from lessons.widgets.actors import ActorExplorer
from lessons.widgets.common import full_width, mark_as_explorer, output_area, seed_text
from lessons.widgets.quantities import QuantityExplorer
from lessons.widgets.tagging import TagExplorer
from lessons.widgets.tokens import TokenExplorer

SEED = "the seed article"
EXPLORERS = {
    "Tokens (lesson 1)": TokenExplorer,
    "Tags (lesson 2)": TagExplorer,
    "Quantities (lesson 3)": QuantityExplorer,
    "Actors, quotes and network (lesson 4)": ActorExplorer,
}


def decode_upload(name: str, content: bytes) -> str:
    """The text of an uploaded file, or :class:`ArticleError` saying why it is not a plain-text article."""
    if b"\x00" in content:
        raise ArticleError(f"{name} looks like a binary file. Upload a UTF-8 plain-text (.txt) file.")
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ArticleError(f"{name} is not UTF-8 text (byte {error.start} cannot be decoded); re-save it as UTF-8.") \
            from None
    if not text.strip():
        raise ArticleError(f"{name} is empty.")
    return text


def render(text: str, source: str, problem: str = "") -> str:
    """The dashboard's output: a caption, any problem, a summary, and the article with its findings highlighted."""
    from lessons.tokens import tokenize

    article = parse_article(text)
    title = article.title.text if article.title else " ".join(text.split())[:60]
    report = analyse(article)
    highlights = spans(report)
    colours = {label: colour for label, colour in kind_colours().items() if label in {s.label for s in highlights}}
    trouble = section("Could not load that", intro=problem) if problem else ""
    return (caption(f"{title} · {len(tokenize(text)):,} tokens · from {source}") + trouble
            + section("Summary", intro=summary(report))
            + legend(colours, KIND_DESCRIPTIONS) + highlight(text, highlights, colours))


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
        self.explorers = {title: explorer(text) for title, explorer in EXPLORERS.items()}
        parts = [widgets.HTML(caption(title)) for title in self.explorers]
        super().__init__([widgets.HBox([self.upload, self.path_box], layout=widgets.Layout(flex_flow="row wrap")),
                          picker] + [item for pair in zip(parts, self.explorers.values()) for item in pair],
                         layout=full_width("1000px"))
        self.text = text if text is not None else seed_text()
        self.source = SEED if text is None else "the text given to ArticleDashboard"
        self.output.value = render(self.text, self.source)
        self.text_box.observe(self._on_paste, names="value")
        self.upload.observe(self._on_upload, names="value")
        self.path_box.observe(self._on_path, names="value")

    def load(self, text: str, source: str = "your text") -> None:
        """Show ``text`` in the summary and in every explorer."""
        self.text, self.source = text, source
        for explorer in self.explorers.values():
            explorer.load(text)
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
                self.load(decode_upload(upload["name"], bytes(upload["content"])), f"the file {upload['name']}")
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

