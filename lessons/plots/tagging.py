"""Charts for lesson 2 (``02_tagging.ipynb``): how often each tag occurs, and how accurate each tagger is.

>>> from lessons.tagging import tag_counts
>>> tag_chart(tag_counts("Xi met Putin.")).get_title()
'Tags in the text (4 tokens)'
"""

from __future__ import annotations

from lessons.kinds import TAG_KINDS
from lessons.plots import axes
from lessons.tagging import TagCount, to_universal
from lessons.training import TaggerScore


def tag_colour(tag_name: str) -> str:
    """A tag's colour: its universal tag's, from :mod:`lessons.kinds` (a Penn tag takes its universal tag's colour).

    >>> tag_colour("NNP") == tag_colour("NOUN") == TAG_KINDS["NOUN"].colour
    True
    """
    return TAG_KINDS[tag_name if tag_name in TAG_KINDS else to_universal(tag_name)].colour


def tag_chart(counts: list[TagCount], ax=None, figure=None):
    """A horizontal bar per tag (most common at the top), in its tag's colour, labelled with its count and share."""
    ax = axes(ax, figure, (8, 1 + 0.3 * len(counts)))
    labels = [f"{count.tag}  ({count.meaning.split(':')[0]})" for count in counts]
    bars = ax.barh(labels, [count.count for count in counts], color=[tag_colour(count.tag) for count in counts],
                   edgecolor="black", linewidth=0.5)
    ax.bar_label(bars, labels=[f"{count.count} ({count.share:.0%})" for count in counts], padding=3)
    ax.invert_yaxis()
    ax.set_xlabel("tokens")
    total = round(counts[0].count / counts[0].share) if counts else 0
    shown = sum(count.count for count in counts)
    ax.set_title(f"Tags in the text ({total:,} tokens)" if shown == total
                 else f"The {len(counts)} most common tags (of {total:,} tokens)")
    ax.margins(x=0.15)
    return ax


def accuracy_chart(scores: list[TaggerScore], ax=None, figure=None):
    """A horizontal bar per tagger with its accuracy on the held-out sentences, in build order."""
    ax = axes(ax, figure, (8, 1 + 0.45 * len(scores)))
    bars = ax.barh([score.name for score in scores], [score.accuracy for score in scores], color="#009E73")
    ax.bar_label(bars, labels=[f"{score.accuracy:.1%}" for score in scores], padding=3)
    ax.invert_yaxis()
    ax.set_xlim(0, 1.1)
    ax.set_xlabel("accuracy on held-out treebank sentences")
    ax.set_title(f"Taggers on {scores[0].test_tokens if scores else 0:,} held-out tokens")
    return ax
