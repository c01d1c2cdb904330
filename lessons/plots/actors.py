"""Lesson 4 charts: mention counts by actor, the actor network, and a timeline of mentions.

Every chart tells kinds apart by more than colour (hatching, marker shapes, text
labels), takes each kind's colour, marker and label from :mod:`lessons.kinds`, and
has a text alternative here: a table of rows or a sentence with the same figures
(``mention_count_rows``, ``describe_network``, ``describe_timeline``). Sentences
are numbered from 1. Lesson 4 (``04_actors.ipynb``, "Network and timeline") shows them.

>>> from lessons.actors import extract_actors
>>> mention_count_rows(extract_actors("President Xi met Vladimir Putin. Putin smiled."))
[('Vladimir Putin', 'PERSON', 2, 0), ('Xi', 'PERSON', 1, 0)]
"""

from __future__ import annotations

from lessons.actors import Actor
from lessons.highlight import plural, sentence_number
from lessons.kinds import ACTOR_KINDS
from lessons.plots import axes, fit

DESCRIPTION_HATCH = "///"
TIES_SHOWN = 15  # the network's default: more lines than this and its structure is lost in a hairball
# A text shape for each matplotlib marker, so a legend or checkbox written in text shows the chart's shape.
SYMBOLS = {"o": "●", "s": "■", "^": "▲", "D": "◆", "v": "▼", "P": "✚", "X": "✖", "h": "⬢", "*": "★",
           "p": "⬟", ".": "•", "x": "×"}


def symbol(kind: str) -> str:
    """The text shape of an actor kind's marker: ``symbol("PERSON") == "●"``."""
    return SYMBOLS[ACTOR_KINDS[kind].marker]


def _label(actor_kind: str) -> str:
    return ACTOR_KINDS[actor_kind].label


def mention_count_rows(actors: list[Actor], top: int = 15) -> list[tuple[str, str, int, int]]:
    """``(actor, kind, mentions by name, mentions by description)`` for the ``top`` most-mentioned actors."""
    return [
        (actor.name, actor.kind, sum(not m.is_description for m in actor.mentions),
         sum(m.is_description for m in actor.mentions))
        for actor in actors[:top]
    ]


def describe_mention_counts(actors: list[Actor], top: int = 5) -> str:
    """The mention-count chart as a sentence.

    >>> from lessons.actors import extract_actors
    >>> describe_mention_counts(extract_actors("President Xi met Vladimir Putin. Putin smiled."))
    'Most mentioned: Vladimir Putin (person, 2 mentions), Xi (person, 1 mention).'
    """
    if not actors:
        return "No actors found."
    parts = [f"{name} ({_label(kind)}, {plural(names + described, 'mention')}"
             f"{f', {described} by description' if described else ''})"
             for name, kind, names, described in mention_count_rows(actors, top)]
    return "Most mentioned: " + ", ".join(parts) + "."


def _kind_handles(kinds_shown):
    from matplotlib.patches import Patch

    return [Patch(facecolor=ACTOR_KINDS[kind].colour, edgecolor="black", label=_label(kind)) for kind in kinds_shown]


def mention_counts(actors: list[Actor], ax=None, top: int = 15, figure=None):
    """Horizontal bars: mentions per actor, coloured by kind (named in the label), descriptions hatched.

    The legend names each kind drawn, in its colour, and shows what the hatching means.
    """
    from matplotlib.patches import Patch

    rows = mention_count_rows(actors, top)[::-1]
    ax = axes(ax, figure, (8, max(2.5, 0.38 * len(rows) + 1.4)))
    labels = [f"{name} ({_label(kind)})" for name, kind, _, _ in rows]
    colours = [ACTOR_KINDS[kind].colour for _, kind, _, _ in rows]
    names = [named for _, _, named, _ in rows]
    described = [number for _, _, _, number in rows]
    ax.barh(labels, names, color=colours, edgecolor="black")
    ax.barh(labels, described, left=names, color="white", edgecolor=colours, hatch=DESCRIPTION_HATCH)
    ax.set_xlabel("mentions")
    ax.xaxis.get_major_locator().set_params(integer=True)  # mentions are whole numbers
    ax.set_title("Mentions per actor" if rows else "No actors found")
    kinds_shown = [kind for kind in ACTOR_KINDS if kind in {row[1] for row in rows}]
    handles = _kind_handles(kinds_shown) + [
        Patch(facecolor="white", edgecolor="black", hatch=DESCRIPTION_HATCH, label="by description")]
    ax.legend(handles=handles, loc="lower right", title="filled: by name")
    fit(ax)
    return ax


def strongest_ties(graph, ties: int = TIES_SHOWN, min_mentions: int = 1):
    """The part of the network to draw: its ``ties`` strongest ties (most shared sentences) and their actors.

    Actors with fewer than ``min_mentions`` mentions are left out first. Equal ties
    are broken by name, so the picture is the same every time.

    >>> from lessons.actors import actor_network
    >>> graph = actor_network("President Xi met Vladimir Putin in Moscow. Xi and Putin talked. "
    ...                       "President Joe Biden stayed in Washington.")
    >>> [sorted(edge) for edge in strongest_ties(graph, ties=1).edges()]
    [['Vladimir Putin', 'Xi']]
    """
    kept = [node for node, data in graph.nodes(data=True) if data["mentions"] >= min_mentions]
    edges = sorted(graph.subgraph(kept).edges(data="weight"), key=lambda edge: (-edge[2], *sorted(edge[:2])))
    return graph.edge_subgraph([edge[:2] for edge in edges[:max(ties, 0)]])


def describe_network(graph, ties: int = TIES_SHOWN, min_mentions: int = 1, top: int = 5) -> str:
    """The network chart as a sentence: how many actors and ties it draws, and the strongest ties.

    >>> from lessons.actors import actor_network
    >>> describe_network(actor_network("President Xi met Vladimir Putin. Xi and Putin talked."))
    'The 1 strongest tie of 1, between 2 actors. Strongest: Vladimir Putin – Xi (2 sentences).'
    """
    shown = strongest_ties(graph, ties, min_mentions)
    if not shown.number_of_edges():
        return "No two actors are mentioned in the same sentence."

    def prominence(name):
        return -shown.nodes[name]["mentions"], name

    edges = sorted(((*sorted((a, b), key=prominence), weight) for a, b, weight in shown.edges(data="weight")),
                   key=lambda edge: (-edge[2], edge[0], edge[1]))
    strongest = ", ".join(f"{a} – {b} ({plural(weight, 'sentence')})" for a, b, weight in edges[:top])
    return (f"The {plural(shown.number_of_edges(), 'strongest tie', 'strongest ties')} of "
            f"{graph.number_of_edges()}, between {plural(shown.number_of_nodes(), 'actor')}. "
            f"Strongest: {strongest}.")


def ring(shown) -> dict[str, tuple[float, float]]:
    """Where to draw each actor: on a circle, each group of tied actors together, the most mentioned first.

    On a circle no two actors overlap however the ties run, and every tie is a visible chord.
    """
    import networkx as nx

    order = []
    for group in sorted(nx.connected_components(shown), key=lambda group: (-len(group), min(group))):
        first = max(group, key=lambda node: (shown.nodes[node]["mentions"], node))
        order += nx.dfs_preorder_nodes(shown.subgraph(group), first)
    return {node: tuple(point) for node, point in nx.circular_layout(order).items()}


def network(graph, ax=None, ties: int = TIES_SHOWN, min_mentions: int = 1, figure=None):
    """Draw the network's ``ties`` strongest ties: node shape and colour by kind, size by mentions, width by weight.

    Two actors are tied when one sentence mentions both; a tie's weight is how many
    sentences do. Labels are kept inside the figure (the axes shrink to make room).
    """
    import networkx as nx

    ax = axes(ax, figure, (9, 7))
    shown = strongest_ties(graph, ties, min_mentions)
    positions = ring(shown)
    weights = [data["weight"] for _, _, data in shown.edges(data=True)]
    heaviest = max(weights, default=1)
    nx.draw_networkx_edges(shown, positions, ax=ax, width=[1 + 5 * weight / heaviest for weight in weights],
                           edge_color="#777777", alpha=0.7)
    for actor_kind, found in ACTOR_KINDS.items():
        nodes = [node for node, data in shown.nodes(data=True) if data["kind"] == actor_kind]
        if nodes:
            nx.draw_networkx_nodes(shown, positions, nodelist=nodes, ax=ax, node_shape=found.marker,
                                   node_color=found.colour, edgecolors="black", label=found.label,
                                   node_size=[120 + 40 * shown.nodes[node]["mentions"] for node in nodes])
    for node, (x, y) in positions.items():
        # Outside the ring, pointing away from it: a label never covers a node or another label.
        # clip_on=False: a very long name may pass the axes' edge; the layout then makes room for it in the figure.
        ax.text(1.12 * x, 1.12 * y, node, fontsize=9, clip_on=False,
                ha="left" if x > 0.2 else "right" if x < -0.2 else "center",
                va="bottom" if y > 0.2 else "top" if y < -0.2 else "center")
    ax.set_title(f"Who appears with whom: the {plural(shown.number_of_edges(), 'strongest tie', 'strongest ties')} "
                 f"of {graph.number_of_edges()}\n(wider line = more sentences that mention both)", fontsize=10)
    if shown.number_of_nodes():
        ax.legend(scatterpoints=1, markerscale=0.6, loc="upper center", bbox_to_anchor=(0.5, 0),
                  ncol=len(ACTOR_KINDS), title="kind")
    # Room around the ring for the longest names, so labels stay clear of the title and the legend.
    ax.set_xlim(-1.9, 1.9)
    ax.set_ylim(-1.3, 1.3)
    ax.axis("off")
    fit(ax)
    return ax


def describe_timeline(actors: list[Actor], top: int = 8) -> str:
    """The timeline as a sentence: where each actor is first and last mentioned (sentences counted from 1).

    >>> from lessons.actors import extract_actors
    >>> describe_timeline(extract_actors("President Xi left. Rain fell. Xi came back."))
    'Xi (person): sentences 1–3, 2 mentions.'
    """
    lines = [f"{actor.name} ({_label(actor.kind)}): sentences {sentence_number(actor.mentions[0].sentence)}–"
             f"{sentence_number(actor.mentions[-1].sentence)}, {plural(len(actor.mentions), 'mention')}."
             for actor in actors[:top]]
    return " ".join(lines) or "No actors found."


def timeline(actors: list[Actor], sentence_count: int, ax=None, top: int = 8, figure=None):
    """One row per actor, one mark per mention at its sentence: filled for names, hollow for descriptions."""
    from matplotlib.lines import Line2D

    shown = actors[:top][::-1]
    ax = axes(ax, figure, (9, max(2.5, 0.45 * len(shown) + 1.4)))
    for row, actor in enumerate(shown):
        found = ACTOR_KINDS[actor.kind]
        named = [sentence_number(m.sentence) for m in actor.mentions if not m.is_description]
        described = [sentence_number(m.sentence) for m in actor.mentions if m.is_description]
        ax.scatter(named, [row] * len(named), marker=found.marker, color=found.colour, edgecolors="black", s=60,
                   zorder=3)
        ax.scatter(described, [row] * len(described), marker=found.marker, facecolors="white",
                   edgecolors=found.colour, linewidths=1.8, s=60, zorder=3)
    ax.set_yticks(range(len(shown)), [f"{actor.name} ({_label(actor.kind)})" for actor in shown])
    ax.set_xlim(0.5, max(sentence_count, 1) + 0.5)
    ax.set_xlabel("sentence (counted from 1)")
    ax.grid(axis="x", alpha=0.3)
    ax.set_title("Where each actor is mentioned (hollow: by description)")
    kinds_shown = [kind for kind in ACTOR_KINDS if kind in {actor.kind for actor in shown}]
    if kinds_shown:
        ax.legend(handles=[Line2D([], [], linestyle="none", marker=ACTOR_KINDS[kind].marker,
                                  color=ACTOR_KINDS[kind].colour, markeredgecolor="black", label=_label(kind))
                           for kind in kinds_shown], loc="upper left", bbox_to_anchor=(1, 1), title="kind")
    fit(ax)
    return ax
