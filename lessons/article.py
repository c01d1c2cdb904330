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
ENDS_LIKE_A_SENTENCE = re.compile(r"[.!?:;\"”’)]\s*$")
CREDIT_LINE = re.compile(r"^(with files from|with reporting by|reporting by)\b", re.IGNORECASE)
CAPTION_LINE = re.compile(r"^[A-Z]{3,}\s*\|")
LINE_BREAK = re.compile(r"\n")
INDENTED_LINE = re.compile(r"\n(?=[ \t]+\S)")  # wire copy starts each paragraph with an indented line
STARTS_A_SENTENCE = re.compile(r"[^\w\s]*[A-Z0-9]")


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
    advice: str = ""  # how to mark the layout, when the headline cannot be told apart (see layout_advice)

    def __repr__(self) -> str:
        title = self.title.text if self.title else "(no title)"
        return (
            f"Article({title!r}, {len(self.paragraphs)} paragraphs, "
            f"{len(self.text):,} characters)"
        )


class ArticleError(ValueError):
    """The file could not be read as an article; the message names the file and the problem."""


def _pieces(text: str, start: int, end: int, separator: re.Pattern) -> list[tuple[int, int]]:
    """The non-blank stretches of ``text[start:end]`` between ``separator`` matches, white space trimmed."""
    pieces = []
    for match in re.finditer(rf"(?:(?!{separator.pattern}).)+", text[start:end], re.DOTALL):
        chunk = match.group()
        if chunk.strip():
            left = len(chunk) - len(chunk.lstrip())
            pieces.append((start + match.start() + left, start + match.start() + len(chunk.rstrip())))
    return pieces


def _headline_lines(text: str, blocks: list[tuple[int, int]]) -> list[tuple[int, int]] | None:
    """The lines of the first block when they are a headline and standfirst (or byline), else ``None``.

    A block of two or three lines whose first line reads like a headline and whose next
    line starts a new sentence is a headline over a standfirst, unless the paragraphs
    after it are hard-wrapped too: then its line breaks may be wrapping (see :func:`layout_advice`).
    """
    lines = _pieces(text, *blocks[0], LINE_BREAK)
    if not 1 < len(lines) <= 3 or _wrapped(text, blocks[1:]):
        return None
    first, second = (text[start:end] for start, end in lines[:2])
    return lines if _looks_like_heading(first, max_words=25) and STARTS_A_SENTENCE.match(second) else None


def _wrapped(text: str, blocks: list[tuple[int, int]]) -> bool:
    return any("\n" in text[start:end] for start, end in blocks)


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Offsets of the paragraphs in ``text``, with surrounding white space left out.

    Paragraphs are separated by blank lines when the text has any (single line
    breaks are then just line wrapping). Wire copy wraps its lines and indents
    each paragraph's first line instead: there an indented line starts a
    paragraph. Otherwise every line is a paragraph, as in articles saved one
    paragraph a line. In the usual layout of a story (headline line, standfirst
    line, blank line, paragraphs) the headline and the standfirst are
    paragraphs of their own.

    >>> paragraph_spans("Title\\nFirst line.\\n")
    [(0, 5), (6, 17)]
    >>> paragraph_spans("Big news\\nIt was big.\\n\\nMore.")
    [(0, 8), (9, 20), (22, 27)]
    >>> wire = "\\tXi met Putin in\\nthe Kremlin and\\nsaid little.\\n\\tThey talked for\\nhours."
    >>> [wire[start:end].split()[0] for start, end in paragraph_spans(wire)]
    ['Xi', 'They']
    """
    if not BLANK_LINE.search(text.strip()):
        return _pieces(text, 0, len(text), INDENTED_LINE if _wire_copy(text) else LINE_BREAK)
    blocks = _pieces(text, 0, len(text), BLANK_LINE)
    return (_headline_lines(text, blocks) or blocks[:1]) + blocks[1:]


# Advice that works whatever the layout: a blank line after every part makes each part a paragraph.
LAYOUT_ADVICE = ("To mark the layout, put the headline alone on the first line with a blank line after it, "
                 "then the standfirst (if there is one) with a blank line after it, then the paragraphs "
                 "with a blank line between them.")


def _hard_wrapped(text: str) -> bool:
    """Whether most line breaks fall inside a sentence (the next line starts in lower case)."""
    next_letters = re.findall(r"\n[^\S\n]*(\w)", text.strip())
    return len(next_letters) >= 3 and 2 * sum(letter.islower() for letter in next_letters) > len(next_letters)


def _wire_copy(text: str) -> bool:
    """Whether ``text`` is hard-wrapped with each paragraph's first line indented (as news wires send it).

    The unindented lines then mostly continue a sentence the line before left unfinished;
    in a story saved one paragraph a line, they mostly follow a finished sentence.
    """
    if not INDENTED_LINE.search(text):
        return False
    lines = text.strip("\n").split("\n")
    before = [previous for previous, line in zip(lines, lines[1:]) if line.strip() and not line[0].isspace()]
    return 2 * sum(not ENDS_LIKE_A_SENTENCE.search(previous) for previous in before) > len(before)


def layout_advice(text: str) -> str:
    """What the reader should change so the headline and paragraphs are recognised, or ``""`` when the layout is clear.

    >>> layout_advice("Big news\\nIt was big.\\n\\nMore.")
    ''
    >>> layout_advice("Big news today\\nthe story goes on\\n\\nAnd on\\nand on.").startswith("The first lines")
    True
    """
    spans = paragraph_spans(text)
    if not spans:
        return ""
    first = text[spans[0][0]:spans[0][1]]
    if "\n" in first and _looks_like_heading(first.splitlines()[0], max_words=25):
        return ("The first lines may be a headline or a paragraph wrapped over several lines: "
                "they are read as one paragraph, so the headline is glued to the first sentence. " + LAYOUT_ADVICE)
    if not BLANK_LINE.search(text.strip()) and _hard_wrapped(text) and not _wire_copy(text):
        return ("The lines look hard-wrapped: each line is read as a paragraph, so sentences are cut "
                "at the line ends. " + LAYOUT_ADVICE)
    if len(spans) == 1 and len(first.split()) > 40:
        return "The text is one block, so no headline can be told apart from the story. " + LAYOUT_ADVICE
    return ""


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
    return Article(text, title, standfirst, body, paragraphs, dict(metadata or {}), path, layout_advice(text))


def decode_text(raw: bytes, name: str) -> str:
    """The text of a file's bytes (``name`` says which file), or :class:`ArticleError` saying why it is not one.

    The one decoder for files read from disk and for uploads.

    >>> decode_text("Café".encode("utf-8"), "story.txt")
    'Café'
    >>> decode_text(b"", "story.txt")
    Traceback (most recent call last):
    lessons.article.ArticleError: story.txt is empty. Expected a UTF-8 plain-text file with the article in it.
    """
    if b"\x00" in raw:
        raise ArticleError(f"{name} looks like a binary file. Expected a UTF-8 plain-text file.")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ArticleError(
            f"{name} is not UTF-8 text (byte {error.start} cannot be decoded). "
            f"Expected a UTF-8 plain-text file; re-save it as UTF-8."
        ) from None
    if not text.strip():
        raise ArticleError(f"{name} is empty. Expected a UTF-8 plain-text file with the article in it.")
    return text


def _read_text(path: Path) -> str:
    if not path.exists():
        raise ArticleError(f"No article at {path}: the file does not exist. Expected a UTF-8 plain-text file.")
    if path.is_dir():
        raise ArticleError(f"{path} is a folder. Expected a UTF-8 plain-text file.")
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise ArticleError(f"{path} cannot be read ({error.strerror}). Expected a readable UTF-8 plain-text file.") from None
    return decode_text(raw, str(path))


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
