"""The actor explorer of lesson 4 (``04_actors.ipynb``): pick an actor, see every mention, role, quote and link.

The rendered HTML is a pure function of the explorer's state (:func:`render`),
so it is tested without a browser: set a control's ``.value`` and read
``explorer.output.value``.

>>> explorer = ActorExplorer("President Xi met Vladimir Putin in Moscow. Putin smiled.")
>>> explorer.actor_picker.value = "Vladimir Putin"
>>> explorer.output.value.split("</p>")[0]
'<p class="lessons-caption"><b>Vladimir Putin</b> (person): 2 mentions highlighted · kinds shown: person, organisation, place, unknown · network: actors with at least 1 mention, up to 15 ties.'
"""

from __future__ import annotations

import html

import ipywidgets as widgets

from lessons.actors import Actor, actor_network, extract_actors, quotes
from lessons.highlight import Span, Table, highlight, legend, plural, sentence_number, within
from lessons.kinds import ACTOR_KINDS
from lessons.plots.actors import TIES_SHOWN, strongest_ties, symbol
from lessons.tokens import sentences
from lessons.widgets.common import (ALL_SENTENCES, full_width, mark_as_explorer, output_area, reader_text_box,
                                    seed_text, sentence_options, sentence_picker)

ALL_ACTORS = ""
FORM_SYMBOLS = {"full name": "", "short name": "", "description": "≈ "}


def _label(kind: str) -> str:
    return ACTOR_KINDS[kind].label


def _caption(actor: Actor | None, kinds: tuple[str, ...], min_mentions: int, highlighted: int, ties: int,
             where: str) -> str:
    who = f"<b>{html.escape(actor.name)}</b> ({_label(actor.kind)})" if actor else "<b>All actors</b>"
    shown = ", ".join(_label(kind) for kind in kinds) or "none"
    return (f'<p class="lessons-caption">{who}: {plural(highlighted, "mention")} highlighted{where}'
            f" · kinds shown: {shown} · network: actors with at least {plural(min_mentions, 'mention')}, "
            f"up to {plural(ties, 'tie')}.</p>")


def _spans(actors: list[Actor], chosen: Actor | None) -> list[Span]:
    if chosen:
        return [Span(m.start, m.end, f"{FORM_SYMBOLS[chosen.form_of(m)]}{chosen.form_of(m)}",
                     f"{chosen.name} ({_label(chosen.kind)}), {chosen.form_of(m)}, "
                     f"sentence {sentence_number(m.sentence)}")
                for m in chosen.mentions]
    return [Span(m.start, m.end, f"{symbol(actor.kind)} {actor.kind}",
                 f"{actor.name} ({_label(actor.kind)}){', description' if m.is_description else ''}, "
                 f"sentence {sentence_number(m.sentence)}")
            for actor in actors for m in actor.mentions]


def _details(chosen: Actor, found_quotes, graph, kinds: tuple[str, ...]) -> str:
    roles = Table(["role or description in the text"], [(role,) for role in chosen.roles] or [("(none)",)])
    said = [(sentence_number(q.sentence), q.text) for q in found_quotes if q.speaker == chosen.name]
    quoted = Table(["sentence", f"quotes by {chosen.name}"], said or [("", "(none found)")])
    neighbours = sorted(((name, data) for name, data in graph[chosen.name].items() if graph.nodes[name]["kind"] in kinds),
                        key=lambda item: (-item[1]["weight"], item[0]))
    together = Table([f"co-mentioned actor ({', '.join(_label(kind) for kind in kinds) or 'no kinds ticked'})",
                      "kind", "sentences together"],
                     [(name, graph.nodes[name]["kind"], data["weight"]) for name, data in neighbours]
                     or [("(none)", "", "")])
    evidence = Table(["why this kind (evidence)"], [(clue,) for clue in chosen.evidence] or [("(none)",)])
    return (f"<h4>Roles</h4>{roles.html()}<h4>Quotes</h4>{quoted.html()}<h4>Co-mentioned</h4>{together.html()}"
            f"<h4>Evidence</h4>{evidence.html()}")


def _network_table(graph, kinds: tuple[str, ...], min_mentions: int, ties: int = TIES_SHOWN) -> str:
    """The strongest ties among the actors of the ticked kinds: the ties the network chart draws."""
    of_kinds = graph.subgraph([node for node, data in graph.nodes(data=True) if data["kind"] in kinds])
    shown = strongest_ties(of_kinds, ties, min_mentions)
    edges = sorted(shown.edges(data="weight"), key=lambda edge: (-edge[2], *sorted(edge[:2])))
    heading = (f"<h4>Network: the {plural(len(edges), 'strongest tie', 'strongest ties')} (of "
               f"{of_kinds.number_of_edges()}; up to {ties} shown), between {plural(shown.number_of_nodes(), 'actor')}"
               f"</h4>")
    return heading + Table(["actor", "actor", "sentences together"], edges or [("(none)", "", "")]).html()


def _legend(chosen: Actor | None, kinds: tuple[str, ...]) -> tuple[dict[str, str], str]:
    """The highlight colours and the legend: a picked actor's forms, or every ticked kind."""
    if chosen:
        colour = ACTOR_KINDS[chosen.kind].colour
        colours = {f"{FORM_SYMBOLS[form]}{form}": colour for form in ("full name", "short name", "description")}
        return colours, legend(colours)
    colours = {f"{symbol(kind)} {kind}": found.colour for kind, found in ACTOR_KINDS.items()}
    return colours, legend({label: colour for label, colour in colours.items() if label.split(" ", 1)[1] in kinds},
                           {f"{symbol(kind)} {kind}": f"({found.label}): {found.description}"
                            for kind, found in ACTOR_KINDS.items()})


def render(text: str, actors: list[Actor], found_quotes, graph, kinds: tuple[str, ...], actor_name: str,
           min_mentions: int, ties: int = TIES_SHOWN, sentence: int = ALL_SENTENCES) -> str:
    """The explorer's HTML for one state: caption, legend, highlighted text (or one sentence), details, network.

    The kinds ticked decide which actors "All actors" highlights, which co-mentioned
    actors are listed and which actors the network table keeps; a picked actor is
    always shown, whatever its kind.
    """
    shown = [actor for actor in actors if actor.kind in kinds]
    chosen = next((actor for actor in actors if actor.name == actor_name), None)
    spans = _spans(shown, chosen)
    where = ""
    if sentence != ALL_SENTENCES:
        found = sentences(text)
        part = found[sentence]
        text, spans = part.text, within(spans, part.start, part.end)
        where = f" in sentence {sentence_number(sentence)} of {len(found)}"
    colours, key = _legend(chosen, kinds)
    details = _details(chosen, found_quotes, graph, kinds) if chosen else ""
    return (_caption(chosen, kinds, min_mentions, len(spans), ties, where) + key + highlight(text, spans, colours)
            + details + _network_table(graph, kinds, min_mentions, ties))


class ActorExplorer(widgets.VBox):
    """Pick an actor to highlight its mentions and list its roles, quotes and co-mentioned actors.

    ``one_sentence=True`` starts with the first sentence rather than the whole text (the dashboard does, to stay small).
    """

    def __init__(self, text: str | None = None, one_sentence: bool = False):
        super().__init__()
        mark_as_explorer(self)
        self.one_sentence = one_sentence
        self.text_box = reader_text_box("Paste an English news text here, then click outside the box to find its actors.",
                                        "Paste your own text; leave the box to analyse it", rows=3)
        self.kind_boxes = {
            kind: widgets.Checkbox(value=True, description=f"{symbol(kind)} {found.label}", indent=False,
                                   tooltip=f"Show actors of kind {kind}: {found.description}",
                                   layout=widgets.Layout(width="auto"))
            for kind, found in ACTOR_KINDS.items()
        }
        self.sentence_picker = sentence_picker("Highlight the actors of one sentence, or of all of them")
        self.actor_picker = widgets.Dropdown(description="Actor", tooltip="Pick an actor to highlight its mentions",
                                             layout=full_width("480px"))
        # Number boxes rather than sliders: ipywidgets 8 gives a slider's handle no accessible name,
        # so a screen reader would announce it as just "slider, 3".
        self.min_mentions = widgets.BoundedIntText(value=1, min=1, max=2, description="Min mentions",
                                                   tooltip="Only actors with at least this many mentions in the network",
                                                   style={"description_width": "initial"},
                                                   layout=widgets.Layout(width="12em"))
        self.ties = widgets.BoundedIntText(value=TIES_SHOWN, min=1, max=TIES_SHOWN + 1, description="Ties shown",
                                           tooltip="How many of the strongest ties (actors in the same sentence) "
                                                   "the network lists",
                                           style={"description_width": "initial"}, layout=widgets.Layout(width="12em"))
        self.output = output_area()
        self._loading = False
        self.text_box.observe(self._on_text, names="value")
        for control in (*self.kind_boxes.values(), self.sentence_picker, self.actor_picker, self.min_mentions,
                        self.ties):
            control.observe(self._on_change, names="value")
        self.children = [self.text_box, widgets.HBox(list(self.kind_boxes.values()),
                                                     layout=widgets.Layout(flex_flow="row wrap")),
                         self.sentence_picker,
                         widgets.HBox([self.actor_picker, self.min_mentions, self.ties],
                                      layout=widgets.Layout(flex_flow="row wrap")),
                         self.output]
        self.load(seed_text() if text is None else text)

    @property
    def kinds(self) -> tuple[str, ...]:
        return tuple(kind for kind, box in self.kind_boxes.items() if box.value)

    def load(self, text: str) -> None:
        """Switch to a new source text and reset every control."""
        self._loading = True
        try:
            self.text = text
            self.actors = extract_actors(text)
            self.quotes = quotes(text)
            self.graph = actor_network(text)
            for box in self.kind_boxes.values():
                box.value = True
            found = sentences(text)
            self.sentence_picker.options = sentence_options(found)
            self.sentence_picker.value = found[0].index if self.one_sentence and found else ALL_SENTENCES
            # At least 2, so the box can always move (with one-mention actors it then shows none).
            self.min_mentions.max = max([2] + [len(actor.mentions) for actor in self.actors])
            self.min_mentions.value = 1
            # One more than there are ties, so the box can always move; the heading says how many are shown.
            self.ties.max = max(TIES_SHOWN, self.graph.number_of_edges()) + 1
            self.ties.value = TIES_SHOWN
            self.actor_picker.options = [("All actors", ALL_ACTORS)] + [
                (f"{actor.name} ({_label(actor.kind)}, {len(actor.mentions)})", actor.name) for actor in self.actors
            ]
            self.actor_picker.value = ALL_ACTORS
        finally:
            self._loading = False
        self._render()

    def _on_text(self, change) -> None:
        self.load(change["new"] if change["new"].strip() else seed_text())

    def _on_change(self, _change) -> None:
        if not self._loading:
            self._render()

    def _render(self) -> None:
        self.output.value = render(self.text, self.actors, self.quotes, self.graph, self.kinds,
                                   self.actor_picker.value or ALL_ACTORS, self.min_mentions.value, self.ties.value,
                                   self.sentence_picker.value)
