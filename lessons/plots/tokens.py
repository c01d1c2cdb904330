"""Lesson 1's charts and tables: word frequencies, and tokenizers side by side.

Lesson 1 (``01_tokenizing.ipynb``, "Word frequencies") draws these.

>>> from lessons.tokens import WordCount
>>> counts = [WordCount("ukraine", 17), WordCount("xi", 14)]
>>> frequency_table(counts)
rank  word     count
1     ukraine  17
2     xi       14
"""

from __future__ import annotations

from collections.abc import Sequence

from lessons.highlight import PALETTE, Table
from lessons.plots import axes
from lessons.tokens import TOKENIZERS, WordCount, require_text, run_tokenizer


def _top(counts: Sequence[WordCount], top: int) -> Sequence[WordCount]:
    if isinstance(counts, str) or not all(isinstance(count, WordCount) for count in counts):
        raise TypeError("Pass the list that word_frequencies() returns.")
    return counts[:max(top, 0)]


def frequency_chart(counts: Sequence[WordCount], top: int = 15, title: str = "Most frequent words", ax=None,
                    figure=None):
    """A horizontal bar chart of the ``top`` most frequent words, the commonest at the top.

    Each bar is labelled with its count, so the figures can be read without
    measuring bars; :func:`frequency_table` gives the same numbers as a table.
    Returns the matplotlib ``Axes``.

    >>> ax = frequency_chart([WordCount("ukraine", 17), WordCount("xi", 14)])
    >>> [label.get_text() for label in ax.get_yticklabels()]
    ['ukraine', 'xi']
    """
    shown = _top(counts, top)
    ax = axes(ax, figure, (6, 0.3 * len(shown) + 1.2))
    words = [count.word for count in shown]
    bars = ax.barh(range(len(shown)), [count.count for count in shown], color=PALETTE[4])
    ax.set_yticks(range(len(shown)), words)
    ax.invert_yaxis()
    ax.bar_label(bars, padding=2)
    ax.margins(x=0.1)  # room for the longest bar's label inside the axes
    ax.set_xlabel("times it occurs in the text")
    ax.set_title(title if shown else f"{title}: the text has no words")
    ax.spines[["top", "right"]].set_visible(False)
    return ax


def frequency_table(counts: Sequence[WordCount], top: int = 15) -> Table:
    """The figures of :func:`frequency_chart` as a table: rank, word and count."""
    return Table(("rank", "word", "count"),
                 tuple((rank, count.word, count.count) for rank, count in enumerate(_top(counts, top), 1)))


def comparison_table(snippets: Sequence[str]) -> Table:
    """One row per snippet, one column per tokenizer; each token is shown in [brackets].

    >>> comparison_table(["Xi's visit"]).rows[0][:3]
    ("Xi's visit", "[Xi's] [visit]", '[Xi] [s] [visit]')
    """
    if isinstance(snippets, str):
        raise TypeError("comparison_table() needs a list of snippets, e.g. [\"Xi's visit\"], not one str.")
    rows = tuple(
        (snippet, *(" ".join(f"[{token}]" for token in run_tokenizer(snippet, name).tokens) for name in TOKENIZERS))
        for snippet in (require_text(snippet, "comparison_table") for snippet in snippets)
    )
    return Table(("text", *TOKENIZERS), rows)
