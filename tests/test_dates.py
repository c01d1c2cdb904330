"""Dates, times and durations (lessons/dates.py): spans, values, reasons, bad input."""

from __future__ import annotations

import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lessons import wordlists
from lessons.article import load_article
from lessons.dates import RULES, dateline, explain_times, extract_times, ieer_spans, reference_date, rules_table

SEED_DAY = datetime.date(2023, 3, 20)  # a Monday


def values(text, reference=SEED_DAY, **options):
    return [(each.text, each.kind, each.value) for each in extract_times(text, reference, **options)]


def test_the_seed_resolves_every_date_word():
    article = load_article()
    found = {each.text: each for each in extract_times(article.text, article)}
    assert found["Monday"].value == "2023-03-20"
    assert found["last month"].value == "2023-02"
    assert found["next year"].value == "2024"
    assert found["this week"].value == "2023-W12"
    assert found["summer"].value == "2022-SU" and [m.text for m in found["summer"].modifiers] == ["last"]
    assert found["four months"].value == "P4M"
    assert found["second half of 2022"].value == "2022-H2"
    assert found["Tuesday"].value == "2023-03-21"  # "talks scheduled for Tuesday": the next day
    assert found["Friday"].value == "2023-03-17"  # the ICC warrant: the Friday before
    assert all(each.resolved for each in found.values())


def test_offsets_are_exact_on_the_seed():
    text = load_article().text
    for each in extract_times(text, SEED_DAY):
        assert text[each.start:each.end] == each.text
        for modifier in each.modifiers:
            assert text[modifier.start:modifier.end] == modifier.text


@pytest.mark.parametrize(("reference", "phrase", "value"), [
    (datetime.date(2023, 1, 15), "last month", "2022-12"),
    (datetime.date(2022, 12, 31), "next month", "2023-01"),
    (datetime.date(2023, 1, 2), "last week", "2022-W52"),
    (datetime.date(2021, 1, 3), "this week", "2020-W53"),  # 3 January 2021 is in ISO week 53 of 2020
    (datetime.date(2023, 2, 10), "last quarter", "2022-Q4"),
    (datetime.date(2023, 1, 1), "yesterday", "2022-12-31"),
    (datetime.date(2024, 2, 28), "tomorrow", "2024-02-29"),
    (datetime.date(2023, 1, 10), "since last December", "2022-12"),
    (datetime.date(2023, 1, 10), "in November", "2022-11"),  # the nearest November is the past one
    (datetime.date(2023, 11, 20), "in February", "2024-02"),  # ... and here the coming one
    (datetime.date(2023, 1, 10), "three months ago", "2022-10"),
    (datetime.date(2023, 3, 20), "two years ago", "2021"),
    (datetime.date(2023, 3, 20), "two weeks ago", "2023-03-06"),
])
def test_relative_dates_cross_month_and_year_ends(reference, phrase, value):
    assert extract_times(f"It happened {phrase}.", reference)[0].value == value


@pytest.mark.parametrize(("phrase", "value"), [
    ("on Monday", "2023-03-20"), ("on Saturday", "2023-03-25"), ("on Sunday", "2023-03-19"),
    ("last Monday", "2023-03-20"), ("next Monday", "2023-03-27"), ("this Friday", "2023-03-24"),
    ("late Thursday night", "2023-03-23TNI"),
])
def test_day_names_are_the_nearest_day(phrase, value):
    wednesday = datetime.date(2023, 3, 22)
    assert extract_times(f"The vote was {phrase}.", wednesday)[0].value == value


@pytest.mark.parametrize(("phrase", "value"), [
    ("four months", "P4M"), ("20 years", "P20Y"), ("over a decade", "P10Y"), ("two centuries", "P200Y"),
    ("4½ hours", "PT4.5H"), ("45 minutes", "PT45M"), ("two and a half years", "P2.5Y"),
    ("five-year", "P5Y"), ("Twenty-five days", "P25D"), ("2 hours, 32 minutes, 25.3 seconds", "PT2H32M25.3S"),
    ("4:07.13", "PT4M7.13S"), ("several years", "PXY"),
])
def test_durations(phrase, value):
    assert values(f"It took {phrase} in all.")[0][1:] == ("DURATION", value)


def test_a_length_without_a_number_is_vague_and_ieer_leaves_it_out():
    assert values("Moscow has promoted it for months.") == [("months", "DURATION", "PXM")]
    assert ieer_spans("Moscow has promoted it for months.") == []
    assert values("The best in years of law.") == []


def test_a_position_word_stands_beside_a_year():
    found = extract_times("Talks resume by mid-2024.")[0]
    assert (found.text, found.value, [m.text for m in found.modifiers]) == ("2024", "2024", ["mid"])


def test_an_age_is_not_a_duration():
    assert values("A 23-year-old actor and his 7- and 8-year old boys.") == []


@pytest.mark.parametrize(("text", "value", "kind"), [
    ("at 3 p.m.", "T15:00", "TIME"), ("at 12 a.m.", "T00:00", "TIME"), ("at 8 p.m. ET", "T20:00", "TIME"),
    ("at noon", "T12:00", "TIME"), ("March 16, 1978", "1978-03-16", "DATE"), ("20 March 2023", "2023-03-20", "DATE"),
    ("April 1994", "1994-04", "DATE"), ("the 1970s", "197", "DATE"), ("the '60s", "196", "DATE"),
    ("the 19th-century", "18", "DATE"), ("in 2000 B.C.", "BC2000", "DATE"), ("last quarter of 1997", "1997-Q4", "DATE"),
    ("St. Patrick's Day", "2023-03-17", "DATE"), ("in the summer of 1997", "1997-SU", "DATE"),
])
def test_absolute_dates_and_times(text, value, kind):
    assert values(text)[0][1:] == (kind, value)


def test_spans_follow_ieer_modifiers_stand_beside():
    found = extract_times("It ends in late March.", SEED_DAY)[0]
    assert (found.text, found.value) == ("March", "2023-03")
    assert [(m.text, m.start, m.end) for m in found.modifiers] == [("late", 11, 15)]


def test_ieer_spans_leave_out_relative_words_and_keep_the_length_of_ago():
    found = ieer_spans("Last year, two years ago, on Saturday.", SEED_DAY)
    assert [(each.text, each.kind) for each in found] == [("two years", "DURATION"), ("Saturday", "DATE")]


def test_without_a_reference_relative_words_say_why():
    found = extract_times("We met on Monday.")[0]
    assert not found.resolved and found.value == "XXXX-WXX-1"
    assert "reference=" in found.reason
    assert extract_times("It was 1998.")[0].resolved  # a year needs no reference


def test_a_dateline_is_the_reference():
    assert dateline("MOSCOW, March 20, 2023 (AP) — Xi met Putin.") == SEED_DAY
    assert extract_times("MOSCOW, March 20, 2023 (AP) — They met last month.")[-1].value == "2023-02"


@pytest.mark.parametrize(("text", "words"), [
    ("that year", "refers to a time the text gave earlier"),
    ("on Easter", "different day each year"),
    ("for several days ago", "gives no number"),
])
def test_what_cannot_be_resolved_says_why(text, words):
    found = extract_times(text, SEED_DAY)
    assert found and not found[0].resolved and words in found[0].reason


def test_ambiguous_words_need_a_cue():
    assert values("You may fall into a hot spring.") == []
    assert values("Prices fall. In May and last fall it rained.") == [
        ("May", "DATE", "2023-05"), ("fall", "DATE", "2022-FA")]


def test_names_are_not_times():
    assert values("The Winter Olympics and 20th Century Fox.") == []


def test_a_word_list_extended_takes_effect_at_once():
    assert values("during Lent") == []
    wordlists.extend("time_holidays", {"Lent": "?"})
    try:
        assert values("during Lent")[0][:2] == ("Lent", "DATE")
    finally:
        wordlists.reset("time_holidays")
    assert values("during Lent") == []


def test_kinds_and_relative_filter():
    text = "Last month, at noon, for two days."
    assert [kind for _, kind, _ in values(text, kinds=["TIME"])] == ["TIME"]
    assert [t for t, _, _ in values(text, relative=False)] == ["noon", "two days"]


def test_every_rule_has_an_example_it_finds_with_its_own_rule():
    for rule in RULES:
        found = extract_times(f"It was {rule.example} then.", SEED_DAY)
        assert rule.name in {each.rule for each in found}, rule.name
    assert len(rules_table().rows) == len(RULES)


def test_explain_names_the_rule():
    rows = explain_times("late Thursday night", SEED_DAY).rows
    assert rows[0][0] == "Thursday [late] [night]" and rows[0][3] == "day name"


@pytest.mark.parametrize("bad", [None, 42, b"Monday", ["Monday"]])
def test_not_text_is_a_clear_type_error(bad):
    with pytest.raises(TypeError, match="extract_times"):
        extract_times(bad)


def test_bad_references_are_clear_errors():
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        extract_times("Monday", "next Tuesday")
    with pytest.raises(TypeError, match="reference"):
        extract_times("Monday", 2023)
    assert reference_date(datetime.datetime(2023, 3, 20, 9, 30)) == SEED_DAY


def test_empty_html_unicode_and_huge_text():
    assert extract_times("") == [] and extract_times("   \n") == []
    found = values("<p>On <b>Monday</b>, 4½ hours — “last month”</p>")
    assert found == [("Monday", "DATE", "2023-03-20"), ("4½ hours", "DURATION", "PT4.5H"),
                     ("last month", "DATE", "2023-02")]
    assert values("Путин встретился с Си в понедельник.") == []
    with pytest.raises(ValueError, match="at most"):
        extract_times("Monday " * 1_000_000)


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("0123456789 -,.:'½MondayMarchlastyearsago\nTp.m")), max_size=80)
       | st.text(max_size=60))
def test_never_raises_and_offsets_are_exact(text):
    for each in extract_times(text, SEED_DAY):
        assert text[each.start:each.end] == each.text
        assert each.kind in ("DATE", "TIME", "DURATION")
        assert each.resolved == (each.reason == "")


def test_the_time_line_and_its_table_show_the_same_dates():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from lessons.plots.dates import on_the_calendar, time_line, time_table

    found = extract_times(load_article().text, SEED_DAY)
    ax = time_line(found, SEED_DAY)
    labels = [label.get_text() for label in ax.get_yticklabels()]
    assert len(labels) == len({each.value for each, _, _ in on_the_calendar(found)})
    assert "Monday → 2023-03-20 (3×)" in labels and "[last] summer → 2022-SU" in labels
    rows = {row[0]: row for row in time_table(found).rows}
    assert rows["[last] summer → 2022-SU"][2:4] == ("2022-06-01", "2022-08-31")
    assert rows["four months → P4M"][2:4] == ("", "")  # a length has no place on the calendar
    plt.close(ax.figure)
    _, ax = plt.subplots()
    assert time_line([], ax=ax) is ax and "No dates" in ax.get_title()
    plt.close(ax.figure)
    with pytest.raises(TypeError, match="extract_times"):
        time_line("Monday")


def test_a_holiday_is_the_nearest_one():
    assert values("after Christmas", datetime.date(2024, 1, 10))[0][2] == "2023-12-25"
    assert values("before Christmas", datetime.date(2024, 11, 10))[0][2] == "2024-12-25"
    assert values("It lasted for a single day.") == [("single day", "DURATION", "P1D")]


@pytest.mark.parametrize("text", [
    "They sent 2000 troops.", "About 2000 people came.", "It hired 1,500 workers.", "the 2000 people",
    "1800 new homes were built", "a force of 1900 men", "They ran 2000 km.", "a 2000-page report",
    "a 1600-metre race", "They sent 2000 US troops.", "Flight 1800 landed in Room 2001.",
    "Resolution 1973 passed.",
])
def test_four_digits_before_a_plural_noun_are_a_count(text):
    assert values(text) == []


@pytest.mark.parametrize(("text", "year"), [
    ("in 2022", "2022"), ("the 2022 elections", "2022"), ("2022's best", "2022"), ("since 1998 prices rose", "1998"),
    ("by 2030", "2030"), ("the 2022-23 season", "2022"), ("in 2000 troops were sent", "2000"),
    ("2022 was hard", "2022"), ("the 1998 Winter Olympics", "1998"), ("in early 2000 people", "2000"),
    ("the 2015 Paris attacks", "2015"), ("the 2008 Lehman Brothers collapse", "2008"),
    ("below 2019 levels", "2019"), ("the 2020 wildfires", "2020"),
])
def test_a_year_needs_clear_evidence_before_a_plural_noun(text, year):
    assert values(text)[0] == (year, "DATE", year)


def test_a_false_year_no_longer_hides_a_count_from_quantities():
    from lessons.quantities import extract_quantities

    assert [(q.text, q.value) for q in extract_quantities("They sent 2000 troops in 2022.")] == [("2000", 2000)]


@pytest.mark.parametrize(("text", "found"), [
    ("the 1970s and early 80s", [("1970s", "DATE", "197"), ("80s", "DATE", "198")]),
    ("the 1890s and 90s", [("1890s", "DATE", "189"), ("90s", "DATE", "189")]),  # the century of the first
    ("music of the 80s", [("80s", "DATE", "198")]),
    ("in the mid-80s", [("80s", "DATE", "198")]),
    ("his early 50s", []), ("in their 50s", []), ("highs in the 80s", []),  # ages and degrees
])
def test_decades_without_an_apostrophe_need_context(text, found):
    assert values(text) == found


@pytest.mark.parametrize(("text", "value"), [
    ("3/20/2023", "2023-03-20"), ("20/03/2023", "2023-03-20"), ("2023-03-20", "2023-03-20"),
    ("20.03.2023", "2023-03-20"), ("4/4/2023", "2023-04-04"),
])
def test_numeric_dates(text, value):
    found = extract_times(f"It was signed on {text}.")
    assert [(each.text, each.value, each.resolved) for each in found] == [(text, value, True)]


@pytest.mark.parametrize(("text", "value", "words"), [
    ("3/4/2023", "2023-XX-XX", "the text does not say which"),  # 3 April or March 4?
    ("31/2/2023", "2023-02-31", "no day 31"), ("2023-02-30", "2023-02-30", "no day 30"),
    ("13/14/2023", "2023-XX-XX", "neither 13 nor 14 is a month"),
])
def test_numeric_dates_that_cannot_be_resolved_say_why(text, value, words):
    (found,) = extract_times(f"It was signed on {text}.")
    assert (found.value, found.resolved) == (value, False) and words in found.reason


@pytest.mark.parametrize("function", ["extract_times", "extract_quantities"])
def test_a_text_over_the_limit_names_the_function_called(function):
    import lessons.quantities

    from lessons.caching import MAX_CHARACTERS

    call = extract_times if function == "extract_times" else lessons.quantities.extract_quantities
    with pytest.raises(ValueError, match=rf"^{function}\(\) reads at most 5,000,000 characters.*Split it"):
        call("x" * (MAX_CHARACTERS + 1))


@pytest.mark.parametrize(("text", "found"), [
    ("on Sept 11, 2001", [("Sept 11, 2001", "DATE", "2001-09-11")]), ("by Dec 25", [("Dec 25", "DATE", "2022-12-25")]),
    ("in Jan", [("Jan", "DATE", "2023-01")]),
    ("Jan Smith and Lee Jun met.", []),  # without a day or a cue, Jan and Jun are names
])
def test_month_abbreviations_without_a_full_stop(text, found):
    assert values(text) == found


@pytest.mark.parametrize(("text", "found"), [
    ("at 21:30", [("21:30", "TIME", "T21:30")]), ("by 9:05 GMT", [("9:05 GMT", "TIME", "T09:05")]),
    ("He won in 2:05.", []), ("at 24:10", []), ("at 1:05:30", []),  # a race time, not a clock
])
def test_a_24_hour_clock_needs_a_word_like_at(text, found):
    assert values(text) == found


def test_a_fraction_written_with_a_slash_is_part_of_a_length():
    assert values("for 2 1/2 hours") == [("2 1/2 hours", "DURATION", "PT2.5H")]


# ---------------------------------------------------------------------------
# The rules run only near a digit or a time word; the results are those of the whole text.

def test_every_rules_example_holds_a_digit_or_a_time_word():
    from lessons.dates import _anchor

    anchor = _anchor(wordlists.generation())
    assert [rule.name for rule in RULES if not anchor.search(rule.example)] == []


def test_scanning_near_time_words_finds_what_scanning_everything_finds(monkeypatch):
    from pathlib import Path

    import lessons
    from lessons import dates
    from lessons.data import find

    texts = [load_article().text] + [path.read_text(encoding="utf-8") for path in
                                     [*Path(__file__).parent.glob("articles/*.txt"),
                                      *Path(dates.__file__).parent.glob("gold/*.txt")]]
    if find("ieer"):
        from lessons.evaluation import ieer_documents

        texts += [document.text for document in ieer_documents()]
    near = [extract_times(text, reference=SEED_DAY) for text in texts]
    lessons.clear_caches()
    monkeypatch.setattr(dates, "_near_time_words", lambda text: [(0, len(text))])
    everywhere = [extract_times(text, reference=SEED_DAY) for text in texts]
    assert sum(map(len, everywhere)) > 200
    assert near == everywhere
    lessons.clear_caches()


def test_a_stretch_never_ends_inside_a_word():
    text = "In 1997 " + "x" * 77 + " Mark Twain wrote."
    assert text.index("Mark") < 7 + 80 < text.index("Mark") + 4  # the stretch would end inside "Mark"
    assert extract_times(text, reference=SEED_DAY) and "Mar" not in [each.text for each in extract_times(text)]
