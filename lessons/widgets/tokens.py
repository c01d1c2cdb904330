"""The token explorer: pick a sentence and a tokenizer, and see its tokens with their offsets.

Lesson 1 (``01_tokenizing.ipynb``, "Token explorer") uses it.

>>> explorer = TokenExplorer("Xi's visit. It cost $350m.")
>>> explorer.tokenizer_picker.value = "whitespace"
>>> "Sentence 1 of 2 · whitespace · 2 tokens" in explorer.output.value
True
"""

from __future__ import annotations

import ipywidgets as widgets

from lessons.highlight import PALETTE, caption, chips, highlight, note, sentence_number
from lessons.widgets.common import (LABEL_STYLE, full_width, mark_as_explorer, output_area, reader_text_box, seed_text,
                                    sentence_options)
from lessons.tokens import TOKENIZERS, require_text, run_tokenizer, sentences

OWN_TEXT = -1  # the sentence picker's value for "the text in the box"
LOST_COLOUR = PALETTE[5]  # vermillion: tokens that are not in the text


def render(text: str, tokenizer: str, label: str, offset: int | None = None) -> str:
    """The explorer's output for ``text``: a caption, the text, and one chip per token.

    ``offset``, if given, is where ``text`` starts in the full text (a sentence
    of the article), so a chip's offsets point into the full text.

    >>> html = render('He said "hi".', "word_tokenize", "My text")
    >>> "cannot be found" in html
    True
    """
    result = run_tokenizer(text, tokenizer)
    count = f"{len(result.tokens)} token{'' if len(result.tokens) == 1 else 's'}"
    parts = [caption(f"{label} · {tokenizer} · {count}"), highlight(text, [])]
    if result.spans is not None:
        shift = offset or 0
        items = [(token, f"{start + shift}–{end + shift}") for token, (start, end) in zip(result.tokens, result.spans)]
        parts.append(chips(items))
        where = "in this text" if offset is None else "in the full text"
        how = " (found by searching the text for each token in turn)" if result.searched else ""
        parts.append(note(f"{TOKENIZERS[tokenizer]}. Under each token: its start–end offsets {where}{how}."))
    else:
        lost = set(result.lost)
        items = [(token, "not in the text" if token in lost else "") for token in result.tokens]
        parts.append(chips(items, colours=[LOST_COLOUR if token in lost else PALETTE[1] for token in result.tokens]))
        parts.append(note(
            f"{TOKENIZERS[tokenizer]}. It rewrote characters of the text, so {len(result.lost)} of its tokens "
            f"({' and '.join(dict.fromkeys(result.lost))}) cannot be found in the text, and no offsets can be "
            f"shown. lessons.tokenize keeps the original characters."
        ))
    return "".join(parts)


class TokenExplorer(widgets.VBox):
    """Pick a sentence and a tokenizer, or type your own sentence; see the tokens as chips.

    ``TokenExplorer()`` explores the seed article; ``TokenExplorer(text)`` any text.
    """

    def __init__(self, text: str | None = None):
        self.sentence_picker = widgets.Dropdown(
            description="Sentence", tooltip="Choose a sentence of the text, or your own text",
            layout=full_width(), style=LABEL_STYLE,
        )
        self.tokenizer_picker = widgets.Dropdown(
            options=list(TOKENIZERS), value="lessons.tokenize", description="Tokenizer",
            tooltip="Choose the tokenizer that splits the sentence", layout=full_width("420px"), style=LABEL_STYLE,
        )
        self.text_box = reader_text_box(
            "Paste or type your own sentence here, then click outside the box (or press Tab).",
            "Paste or type a sentence, then click outside the box",
        )
        self.output = output_area()
        super().__init__([self.sentence_picker, self.tokenizer_picker, self.text_box, self.output])
        mark_as_explorer(self)
        self.load(seed_text() if text is None else text)
        self.sentence_picker.observe(self._update, names="value")
        self.tokenizer_picker.observe(self._update, names="value")
        self.text_box.observe(self._use_own_text, names="value")

    def load(self, text: str) -> None:
        """Explore a whole new text: its sentences become the choices, starting with the first."""
        self.text = require_text(text, "TokenExplorer.load")
        self.sentences = sentences(self.text)
        self.sentence_picker.options = sentence_options(self.sentences, everything=False) + [("Your own text (type it in the box below)", OWN_TEXT)]
        self.sentence_picker.value = self.sentences[0].index if self.sentences else OWN_TEXT
        self._update()

    def _use_own_text(self, change=None) -> None:
        if self.text_box.value.strip() and self.sentence_picker.value != OWN_TEXT:
            self.sentence_picker.value = OWN_TEXT  # observed: this re-renders
        else:
            self._update()

    def _update(self, change=None) -> None:
        self.output.value = self.rendered()

    def rendered(self) -> str:
        """The output for the current choices (a pure function of the widgets' values)."""
        tokenizer = self.tokenizer_picker.value
        if self.sentence_picker.value != OWN_TEXT:
            sentence = self.sentences[self.sentence_picker.value]
            label = f"Sentence {sentence_number(sentence.index)} of {len(self.sentences)}"
            return render(sentence.text, tokenizer, label, offset=sentence.start)
        if not self.text_box.value.strip():
            return caption(f"Your own text · {tokenizer} · the box is empty") + note(
                "Type or paste a sentence in the box, then click outside it."
            )
        return render(self.text_box.value, tokenizer, "Your own text")
