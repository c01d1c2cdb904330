"""The actor explorer of lesson 4 (``04_actors.ipynb``): pick an actor, see every mention, role, quote and link.

The rendered HTML is a pure function of the explorer's state (:func:`render`),
so it is tested without a browser: set a control's ``.value`` and read
``explorer.output.value``.

>>> explorer = ActorExplorer("President Xi met Vladimir Putin in Moscow. Putin smiled.")
>>> explorer.actor_picker.value = "Vladimir Putin"
>>> explorer.output.value.split("</p>")[0]
'<p class="lessons-caption"><b>Vladimir Putin</b> (person): 2 mentions highlighted · kinds shown: person, organization, location · network: actors with at least 1 mention.'
"""

from __future__ import annotations

import html

import ipywidgets as widgets

from lessons.actors import KINDS, Actor, actor_network, extract_actors, quotes
from lessons.highlight import Span, highlight, legend, table
from lessons.plots.actors import KIND_COLOURS, KIND_SYMBOLS, count
from lessons.widgets.common import full_width, mark_as_explorer, output_area, reader_text_box, seed_text

ALL_ACTORS = ""
FORM_SYMBOLS = {"full name": "", "short name": "", "description": "≈ "}


def _caption(actor: Actor | None, kinds: tuple[str, ...], min_mentions: int, highlighted: int) -> str:
    who = f"<b>{html.escape(actor.name)}</b> ({actor.kind.lower()})" if actor else "<b>All actors</b>"
    shown = ", ".join(kind.lower() for kind in kinds) or "none"
    return (f'<p class="lessons-caption">{who}: {count(highlighted, "mention")} highlighted'
            f" · kinds shown: {shown} · network: actors with at least {count(min_mentions, 'mention')}.</p>")


def _spans(actors: list[Actor], chosen: Actor | None) -> list[Span]:
    if chosen:
        return [Span(m.start, m.end, f"{FORM_SYMBOLS[chosen.form_of(m)]}{chosen.form_of(m)}",
                     f"{chosen.name} ({chosen.kind}), {chosen.form_of(m)}, sentence {m.sentence}")
                for m in chosen.mentions]
    return [Span(m.start, m.end, f"{KIND_SYMBOLS[actor.kind]} {actor.kind}",
                 f"{actor.name} ({actor.kind}){', description' if m.is_description else ''}")
            for actor in actors for m in actor.mentions]


def _details(chosen: Actor, found_quotes, graph, kinds: tuple[str, ...]) -> str:
    roles = table(["role or description in the text"], [(role,) for role in chosen.roles] or [("(none)",)])
    said = [(q.sentence, q.text) for q in found_quotes if q.speaker == chosen.name]
    quoted = table(["sentence", f"quotes by {chosen.name}"], said or [("", "(none found)")])
    neighbours = sorted(((name, data) for name, data in graph[chosen.name].items() if graph.nodes[name]["kind"] in kinds),
                        key=lambda item: (-item[1]["weight"], item[0]))
    together = table([f"co-mentioned actor ({', '.join(kind.lower() for kind in kinds) or 'no kinds ticked'})",
                      "kind", "sentences together"],
                     [(name, graph.nodes[name]["kind"], data["weight"]) for name, data in neighbours]
                     or [("(none)", "", "")])
    evidence = table(["why this kind (evidence)"], [(clue,) for clue in chosen.evidence] or [("(none)",)])
    return f"<h4>Roles</h4>{roles}<h4>Quotes</h4>{quoted}<h4>Co-mentioned</h4>{together}<h4>Evidence</h4>{evidence}"


def _network_table(graph, kinds: tuple[str, ...], min_mentions: int, top: int = 15) -> str:
    shown = graph.subgraph([node for node, data in graph.nodes(data=True)
                            if data["kind"] in kinds and data["mentions"] >= min_mentions])
    edges = sorted(shown.edges(data="weight"), key=lambda edge: (-edge[2], edge[0], edge[1]))[:top]
    heading = (f"<h4>Network: {count(shown.number_of_nodes(), 'actor')}, {count(shown.number_of_edges(), 'link')} "
               f"(strongest {len(edges)} listed)</h4>")
    return heading + table(["actor", "actor", "sentences together"], edges or [("(none)", "", "")])


def render(text: str, actors: list[Actor], found_quotes, graph, kinds: tuple[str, ...], actor_name: str,
           min_mentions: int) -> str:
    """The explorer's HTML for one state: caption, legend, highlighted text, details, network.

    The kinds ticked decide which actors "All actors" highlights, which co-mentioned
    actors are listed and which actors the network table keeps; a picked actor is
    always shown, whatever its kind.
    """
    shown = [actor for actor in actors if actor.kind in kinds]
    chosen = next((actor for actor in actors if actor.name == actor_name), None)
    spans = _spans(shown, chosen)
    if chosen:
        colours = {span.label: KIND_COLOURS[chosen.kind] for span in spans}
        key = legend({f"{FORM_SYMBOLS[form]}{form}": KIND_COLOURS[chosen.kind]
                      for form in ("full name", "short name", "description")})
    else:
        colours = {f"{KIND_SYMBOLS[kind]} {kind}": KIND_COLOURS[kind] for kind in KINDS}
        key = legend({label: colour for label, colour in colours.items() if label.split(" ", 1)[1] in kinds})
    details = _details(chosen, found_quotes, graph, kinds) if chosen else ""
    return (_caption(chosen, kinds, min_mentions, len(spans)) + key + highlight(text, spans, colours) + details
            + _network_table(graph, kinds, min_mentions))


class ActorExplorer(widgets.VBox):
    """Pick an actor to highlight its mentions and list its roles, quotes and co-mentioned actors."""

    def __init__(self, text: str | None = None):
        super().__init__()
        mark_as_explorer(self)
        self.text_box = reader_text_box("Paste an English news text here, then click outside the box to find its actors.",
                                        "Paste your own text; leave the box to analyse it", rows=3)
        self.kind_boxes = {
            kind: widgets.Checkbox(value=True, description=f"{KIND_SYMBOLS[kind]} {kind.lower()}", indent=False,
                                   tooltip=f"Show actors of kind {kind}", layout=widgets.Layout(width="auto"))
            for kind in KINDS
        }
        self.actor_picker = widgets.Dropdown(description="Actor", tooltip="Pick an actor to highlight its mentions",
                                             layout=full_width("480px"))
        # A number box rather than a slider: ipywidgets 8 gives a slider's handle no accessible name,
        # so a screen reader would announce it as just "slider, 3".
        self.min_mentions = widgets.BoundedIntText(value=1, min=1, max=2, description="Min mentions",
                                                   tooltip="Only actors with at least this many mentions in the network",
                                                   style={"description_width": "initial"},
                                                   layout=widgets.Layout(width="12em"))
        self.output = output_area()
        self._loading = False
        self.text_box.observe(self._on_text, names="value")
        for box in self.kind_boxes.values():
            box.observe(self._on_change, names="value")
        self.actor_picker.observe(self._on_change, names="value")
        self.min_mentions.observe(self._on_change, names="value")
        self.children = [self.text_box, widgets.HBox(list(self.kind_boxes.values())),
                         widgets.HBox([self.actor_picker, self.min_mentions],
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
            # At least 2, so the box can always move (with one-mention actors it then shows none).
            self.min_mentions.max = max([2] + [len(actor.mentions) for actor in self.actors])
            self.min_mentions.value = 1
            self.actor_picker.options = [("All actors", ALL_ACTORS)] + [
                (f"{actor.name} ({actor.kind.lower()}, {len(actor.mentions)})", actor.name) for actor in self.actors
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
                                   self.actor_picker.value or ALL_ACTORS, self.min_mentions.value)
