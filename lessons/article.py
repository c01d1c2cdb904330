"""Loading a news article as text with every part's character offsets.

Lesson 1 (``01_tokenizing.ipynb``, section "The article") explains it.

>>> article = load_article()
>>> article.title.text
"U.S. denounces timing of Xi's visit to Kremlin after ICC arrest warrant for Putin"
>>> article.text[article.title.start:article.title.end] == article.title.text
True
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lessons.paths import seed_article

SEED_ARTICLE = seed_article()

# A blank line may hold spaces, tabs or the \r of Windows line endings.
BLANK_LINE = re.compile(r"\n[^\S\n]*\n")
LINE_BREAK = re.compile(r"\n")
INDENTED_LINE = re.compile(r"\n(?=[ \t]+\S)")  # wire copy starts each paragraph with an indented line
ENDS_LIKE_A_SENTENCE = re.compile(r"[.!?:;\"”’)]\s*$")
CREDIT_LINE = re.compile(r"^(with files from|with reporting by|reporting by)\b", re.IGNORECASE)
CAPTION_LINE = re.compile(r"^[A-Z]{3,}\s*\|")


@dataclass(frozen=True)
class Passage:
    """A stretch of the article: its text and where it sits (``article.text[start:end]``).

    ``kind`` says what the passage is: ``title``, ``standfirst``, ``subhead``,
    ``caption``, ``credit`` or ``paragraph``.
    """

    text: str
    start: int
    end: int
    kind: str = "paragraph"


@dataclass(frozen=True)
class Article:
    """A news article: the full text and its parts, each with offsets into ``text``."""

    text: str
    title: Passage | None
    standfirst: Passage | None
    body: Passage
    paragraphs: tuple[Passage, ...]
    metadata: dict[str, Any] = field(default_factory=dict)
    path: Path | None = None

    def __repr__(self) -> str:
        title = self.title.text if self.title else "(no title)"
        return (
            f"Article({title!r}, {len(self.paragraphs)} paragraphs, "
            f"{len(self.text):,} characters)"
        )


class ArticleError(ValueError):
    """The file could not be read as an article; the message names the file and the problem."""


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Offsets of the paragraphs in ``text``, with surrounding white space left out.

    Paragraphs are separated by blank lines when the text has any (single line
    breaks are then just line wrapping). Wire copy wraps its lines and indents
    each paragraph's first line instead: there an indented line starts a
    paragraph. Otherwise every line is a paragraph, as in articles saved one
    paragraph a line.

    >>> paragraph_spans("Title\\nFirst line.\\n")
    [(0, 5), (6, 17)]
    >>> wire = "\\tXi met Putin in\\nMoscow.\\n\\tThey talked."
    >>> [wire[start:end] for start, end in paragraph_spans(wire)]
    ['Xi met Putin in\\nMoscow.', 'They talked.']
    """
    separator = BLANK_LINE if BLANK_LINE.search(text) else INDENTED_LINE if _wrapped(text) else LINE_BREAK
    spans = []
    start = 0
    for match in separator.finditer(text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    trimmed = []
    for start, end in spans:
        chunk = text[start:end]
        if chunk.strip():
            left = len(chunk) - len(chunk.lstrip())
            right = len(chunk.rstrip())
            trimmed.append((start + left, start + right))
    return trimmed


def _wrapped(text: str) -> bool:
    # Wrapped lines mostly follow a line cut off mid-sentence; paragraphs saved one a line
    # mostly follow a finished sentence. Only indentation can then say where paragraphs start.
    if not INDENTED_LINE.search(text):
        return False
    lines = text.strip("\n").split("\n")
    continued = [previous for previous, line in zip(lines, lines[1:]) if line.strip() and not line[0].isspace()]
    return sum(not ENDS_LIKE_A_SENTENCE.search(previous) for previous in continued) > len(continued) / 2


def _looks_like_heading(text: str, max_words: int) -> bool:
    return len(text.split()) <= max_words and not ENDS_LIKE_A_SENTENCE.search(text)


def _kind_of(text: str, position: int, count: int) -> str:
    if position == count - 1 and CREDIT_LINE.match(text):
        return "credit"
    if CAPTION_LINE.match(text):
        return "caption"
    if _looks_like_heading(text, max_words=12):
        return "subhead"
    return "paragraph"


def parse_article(text: str, metadata: dict[str, Any] | None = None, path: Path | None = None) -> Article:
    """Split plain text into title, standfirst and paragraphs, keeping offsets.

    The first paragraph is the title when it reads like a headline (short, no
    full stop at the end); the second is the standfirst when it reads like one too.

    >>> parse_article("Big news today\\nIt happened. Then more.").title.text
    'Big news today'
    """
    if not isinstance(text, str):
        raise TypeError(f"parse_article() needs the article as a str, not {type(text).__name__}")
    spans = paragraph_spans(text)
    passages = [Passage(text[start:end], start, end) for start, end in spans]
    title = standfirst = None
    if passages and len(passages) > 1 and _looks_like_heading(passages[0].text, max_words=25):
        title = Passage(passages[0].text, passages[0].start, passages[0].end, "title")
        passages = passages[1:]
        if len(passages) > 1 and _looks_like_heading(passages[0].text, max_words=45):
            standfirst = Passage(passages[0].text, passages[0].start, passages[0].end, "standfirst")
            passages = passages[1:]
    count = len(passages)
    paragraphs = tuple(
        Passage(p.text, p.start, p.end, _kind_of(p.text, i, count)) for i, p in enumerate(passages)
    )
    body_start = paragraphs[0].start if paragraphs else len(text)
    body_end = paragraphs[-1].end if paragraphs else len(text)
    body = Passage(text[body_start:body_end], body_start, body_end, "body")
    return Article(text, title, standfirst, body, paragraphs, dict(metadata or {}), path)


def _read_text(path: Path) -> str:
    if not path.exists():
        raise ArticleError(f"No article at {path}: the file does not exist. Expected a UTF-8 plain-text file.")
    if path.is_dir():
        raise ArticleError(f"{path} is a folder. Expected a UTF-8 plain-text file.")
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise ArticleError(f"{path} cannot be read ({error.strerror}). Expected a readable UTF-8 plain-text file.") from None
    if b"\x00" in raw:
        raise ArticleError(f"{path} looks like a binary file. Expected a UTF-8 plain-text file.")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ArticleError(
            f"{path} is not UTF-8 text (byte {error.start} cannot be decoded). "
            f"Expected a UTF-8 plain-text file; re-save it as UTF-8."
        ) from None
    if not text.strip():
        raise ArticleError(f"{path} is empty. Expected a UTF-8 plain-text file with the article in it.")
    return text


def load_article(path: str | Path | None = None) -> Article:
    """Load an article from a UTF-8 plain-text file (the seed article by default).

    Metadata is read from a ``.json`` file with the same name beside it, if there is one.

    >>> load_article().metadata["outlet"]
    'CBC News'
    """
    if path is not None and not isinstance(path, (str, Path)):
        raise TypeError(f"load_article() needs a file path (str or Path), not {type(path).__name__}.")
    path = Path(path) if path is not None else SEED_ARTICLE
    text = _read_text(path)
    return parse_article(text, _read_metadata(path.with_suffix(".json")), path)


def _read_metadata(path: Path) -> dict[str, Any]:
    if not path.is_file():
        return {}
    try:
        metadata = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise ArticleError(f"The metadata file {path} cannot be read as JSON ({error}).") from None
    if not isinstance(metadata, dict):
        raise ArticleError(f"The metadata file {path} should hold a JSON object ({{...}}), not a {type(metadata).__name__}.")
    return metadata
