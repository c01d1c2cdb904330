"""lessons.highlight: everything escaped, colours that stay distinguishable, labels as text."""

from __future__ import annotations

from lessons.highlight import PALETTE, Span, Table, caption, chips, colours_for, highlight, legend, note, table

NASTY = '<img src=x onerror="alert(1)">&'


def test_highlight_marks_spans_and_escapes_everything():
    html = highlight(NASTY + " Putin", [Span(len(NASTY) + 1, len(NASTY) + 6, "<PER>", tooltip='"quoted"')])
    assert "<img" not in html and "&lt;img" in html and "&amp;" in html
    assert ">Putin<sub" in html and "&lt;PER&gt;</sub>" in html and 'title="&quot;quoted&quot;"' in html


def test_highlight_skips_overlaps_and_empty_spans():
    html = highlight("abcdef", [Span(0, 3, "A"), Span(2, 5, "B"), Span(4, 4, "C")])
    assert html.count("<mark") == 1 and "def</div>" in html


def test_highlight_without_spans_is_the_escaped_text():
    assert highlight("a < b", []).endswith(">a &lt; b</div>")


def test_chips_escape_and_take_a_colour_each():
    html = chips([("<b>", "0–3"), ("x", "not in the text")], colours=[PALETTE[1], PALETTE[5]])
    assert "&lt;b&gt;" in html and "<b>" not in html
    assert html.count(PALETTE[5]) == 2 and html.count(PALETTE[1]) == 2  # border and background


def test_colours_are_stable_and_from_the_palette():
    colours = colours_for(["PER", "ORG", "PER", "LOC"])
    assert list(colours) == ["PER", "ORG", "LOC"] and set(colours.values()) <= set(PALETTE)
    assert colours_for(str(n) for n in range(20))["19"] in PALETTE


def test_legend_caption_and_note_escape():
    assert "&lt;x&gt;" in legend({"<x>": PALETTE[0]}, {"<x>": "<y>"}) and "&lt;y&gt;" in legend(
        {"<x>": PALETTE[0]}, {"<x>": "<y>"})
    assert "&lt;" in caption("<") and "&lt;" in note("<")


def test_table_as_html_and_as_text():
    rows = (("<the>", 51), ("to", 37))
    figures = Table(("word", "count"), rows)
    assert figures._repr_html_() == table(("word", "count"), rows)
    assert "&lt;the&gt;" in figures._repr_html_()
    assert repr(figures).splitlines() == ["word   count", "<the>  51", "to     37"]


def test_one_table_type_takes_lists_and_gives_its_html():
    from lessons.highlight import kind_legend, light, sentence_number, within

    figures = Table(["word", "count"], [["<the>", 51]])
    assert figures.rows == (("<the>", 51),) and figures.html() == table(("word", "count"), [("<the>", 51)])
    assert sentence_number(0) == 1
    assert within([Span(5, 8, "A"), Span(20, 22, "B")], 4, 10) == [Span(1, 4, "A")]
    assert light("#332288") == "#33228840"  # every colour gets a light background, not only the palette's
    legend_html = kind_legend(["MONEY", "PERSON"])
    assert "#CC79A7" in legend_html and "#0072B2" in legend_html and "a person, named or described" in legend_html
