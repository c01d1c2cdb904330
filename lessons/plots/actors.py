"""Lesson 4 charts: mention counts by actor, the actor network, and a timeline of mentions.

Every chart tells kinds apart by more than colour (hatching, marker shapes, text
labels), and every chart has a text alternative here: a table of rows or a sentence
with the same figures (``mention_count_rows``, ``describe_network``, ``describe_timeline``).
Lesson 4 (``04_actors.ipynb``, "Network and timeline") shows them.

>>> from lessons.actors import extract_actors
>>> mention_count_rows(extract_actors("President Xi met Vladimir Putin. Putin smiled."))
[('Vladimir Putin', 'PERSON', 2, 0), ('Xi', 'PERSON', 1, 0)]
"""

from __future__ import annotations

from lessons.actors import KINDS, LOCATION, ORGANIZATION, PERSON, Actor
from lessons.highlight import PALETTE

KIND_COLOURS = {PERSON: PALETTE[4], ORGANIZATION: PALETTE[5], LOCATION: PALETTE[2]}
KIND_MARKERS = {PERSON: "o", ORGANIZATION: "s", LOCATION: "^"}
KIND_SYMBOLS = {PERSON: "●", ORGANIZATION: "■", LOCATION: "▲"}
DESCRIPTION_HATCH = "///"


def count(number: int, noun: str) -> str:
    """``number`` and ``noun``, plural when it should be: ``count(1, "mention") == "1 mention"``."""
    return f"{number} {noun}{'' if number == 1 else 's'}"


def _axes(ax, size):
    if ax is None:
        import matplotlib.pyplot as plt

        _, ax = plt.subplots(figsize=size)
    return ax


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
    'Most mentioned: Vladimir Putin (PERSON, 2 mentions), Xi (PERSON, 1 mention).'
    """
    if not actors:
        return "No actors found."
    parts = [f"{name} ({kind}, {count(names + described, 'mention')}"
             f"{f', {described} by description' if described else ''})"
             for name, kind, names, described in mention_count_rows(actors, top)]
    return "Most mentioned: " + ", ".join(parts) + "."


def mention_counts(actors: list[Actor], ax=None, top: int = 15):
    """Horizontal bars: mentions per actor, coloured by kind (named in the label), descriptions hatched."""
    rows = mention_count_rows(actors, top)[::-1]
    ax = _axes(ax, (8, max(2.5, 0.38 * len(rows) + 1)))
    labels = [f"{name} ({kind.lower()})" for name, kind, _, _ in rows]
    colours = [KIND_COLOURS[kind] for _, kind, _, _ in rows]
    names = [named for _, _, named, _ in rows]
    described = [count for _, _, _, count in rows]
    ax.barh(labels, names, color=colours, edgecolor="black", label="by name")
    ax.barh(labels, described, left=names, color="white", edgecolor=colours, hatch=DESCRIPTION_HATCH,
            label="by description")
    ax.set_xlabel("mentions")
    ax.set_title("Mentions per actor (hatched: by description)")
    ax.legend(loc="lower right")
    ax.figure.tight_layout()
    return ax


def _shown(graph, min_mentions: int):
    return graph.subgraph([node for node, data in graph.nodes(data=True) if data["mentions"] >= min_mentions])


def describe_network(graph, min_mentions: int = 1, top: int = 5) -> str:
    """The network as a sentence: how many actors and links are shown, and the strongest links.

    >>> from lessons.actors import actor_network
    >>> describe_network(actor_network("President Xi met Vladimir Putin. Xi and Putin talked."))
    '2 actors with at least 1 mention, 1 link. Strongest: Vladimir Putin – Xi (2 sentences).'
    """
    shown = _shown(graph, min_mentions)
    def prominence(name):
        return -shown.nodes[name]["mentions"], name

    edges = sorted((*sorted((a, b), key=prominence), weight) for a, b, weight in shown.edges(data="weight"))
    edges.sort(key=lambda edge: -edge[2])
    strongest = ", ".join(f"{a} – {b} ({count(weight, 'sentence')})" for a, b, weight in edges[:top])
    summary = (f"{count(shown.number_of_nodes(), 'actor')} with at least {count(min_mentions, 'mention')}, "
               f"{count(shown.number_of_edges(), 'link')}.")
    return summary + (f" Strongest: {strongest}." if strongest else "")


def network(graph, ax=None, min_mentions: int = 1, seed: int = 4):
    """Draw the actor network: node shape and colour by kind, node size by mentions, edge width by weight."""
    import networkx as nx

    ax = _axes(ax, (9, 7))
    shown = _shown(graph, min_mentions)
    positions = nx.spring_layout(shown, seed=seed, weight="weight", k=1.2 / max(1, shown.number_of_nodes()) ** 0.5)
    widths = [0.8 + 1.2 * data["weight"] for _, _, data in shown.edges(data=True)]
    nx.draw_networkx_edges(shown, positions, ax=ax, width=widths, edge_color="#777777", alpha=0.6)
    for kind in KINDS:
        nodes = [node for node, data in shown.nodes(data=True) if data["kind"] == kind]
        nx.draw_networkx_nodes(shown, positions, nodelist=nodes, ax=ax, node_shape=KIND_MARKERS[kind],
                               node_color=KIND_COLOURS[kind], edgecolors="black", label=kind.lower(),
                               node_size=[120 + 40 * shown.nodes[node]["mentions"] for node in nodes])
    nx.draw_networkx_labels(shown, positions, ax=ax, font_size=9,
                            bbox={"facecolor": "white", "edgecolor": "none", "alpha": 0.8, "pad": 1})
    ax.set_title(f"Who appears with whom (actors with ≥ {min_mentions} mentions; wider line = more shared sentences)")
    ax.legend(scatterpoints=1, markerscale=0.6, loc="lower left")
    ax.axis("off")
    ax.figure.tight_layout()
    return ax


def describe_timeline(actors: list[Actor], top: int = 8) -> str:
    """The timeline as a sentence: where each actor is first and last mentioned.

    >>> from lessons.actors import extract_actors
    >>> describe_timeline(extract_actors("President Xi left. Rain fell. Xi came back."))
    'Xi (PERSON): sentences 0–2, 2 mentions.'
    """
    lines = [f"{actor.name} ({actor.kind}): sentences {actor.mentions[0].sentence}–{actor.mentions[-1].sentence}, "
             f"{count(len(actor.mentions), 'mention')}." for actor in actors[:top]]
    return " ".join(lines) or "No actors found."


def timeline(actors: list[Actor], sentence_count: int, ax=None, top: int = 8):
    """One row per actor, one mark per mention at its sentence: filled for names, hollow for descriptions."""
    shown = actors[:top][::-1]
    ax = _axes(ax, (9, max(2.5, 0.45 * len(shown) + 1)))
    for row, actor in enumerate(shown):
        colour, marker = KIND_COLOURS[actor.kind], KIND_MARKERS[actor.kind]
        named = [m.sentence for m in actor.mentions if not m.is_description]
        described = [m.sentence for m in actor.mentions if m.is_description]
        ax.scatter(named, [row] * len(named), marker=marker, color=colour, edgecolors="black", s=60, zorder=3)
        ax.scatter(described, [row] * len(described), marker=marker, facecolors="white", edgecolors=colour,
                   linewidths=1.8, s=60, zorder=3)
    ax.set_yticks(range(len(shown)), [f"{actor.name} ({actor.kind.lower()})" for actor in shown])
    ax.set_xlim(-0.5, max(sentence_count, 1) - 0.5)
    ax.set_xlabel("sentence number")
    ax.grid(axis="x", alpha=0.3)
    ax.set_title("Where each actor is mentioned (hollow: by description)")
    ax.figure.tight_layout()
    return ax
