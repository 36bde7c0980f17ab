"""Figures that name rather than count, figures one side also gives bare, figures listed with
their own nouns, a year read as a range's start, and round counts of decades."""

from __future__ import annotations

import pytest

from compare_app.core.claims import extract_features
from compare_app.core.models import ReasonKind, Relation
from compare_app.core.normalize import AliasTable
from sentence_pairs import assert_kind, assert_no_kind, compare_alone, explanations

NUMBER = ReasonKind.NUMBER


def _figures(text: str) -> list[tuple[str, str]]:
    return [(n.span.text, n.unit) for n in extract_features(text, 0, aliases=AliasTable()).numbers]


@pytest.mark.parametrize("a, b", [
    ("An earlier version of the H.R. 5 bill cleared the House in 2019 but stalled in the Senate.",
     "The House passed three bills on voter registration in 2019, but they stalled in the Senate."),
    ("The court weighed how Section 230 shields websites from lawsuits on Tuesday.",
     "The court weighed four changes that would limit how websites are shielded on Tuesday."),
])
def test_a_labelled_figure_names_a_thing_and_counts_nothing(a, b):
    assert_no_kind(a, b, NUMBER)


@pytest.mark.parametrize("a, b", [
    ("The storm hit the coast as a Category 4 hurricane on Sunday night.",
     "The storm hit the coast as a Category 2 hurricane on Sunday night."),
    ("The senators voted on H.R. 3 after a long debate on Thursday.",
     "The senators voted on H.R. 7 after a long debate on Thursday."),
])
def test_two_figures_of_one_label_still_conflict(a, b):
    said = explanations(a, b, NUMBER)
    assert said, "another category or bill number is a conflict"
    assert "Category 4" in said[0] or "H.R. 3" in said[0]


def test_one_of_a_group_is_no_count_of_it():
    assert_no_kind("The envoy snubbed one of its oldest allies, Chile, at the summit on Friday.",
                   "The envoy snubbed a pact between two old allies, Chile and Peru, at the "
                   "summit on Friday.", NUMBER)
    # "one of the two" still says how many of them
    figures = _figures("The flood swept away one of the two bridges.")
    assert any(text.lower().startswith("one") for text, _ in figures)


def test_a_figure_the_other_side_gives_bare_is_that_figure():
    assert_no_kind(
        "More than 31 million people have applied for jobless aid in six weeks.",
        "Another 3.8 million people applied for jobless aid last week, bringing the total in "
        "six weeks to 31 million.", NUMBER)


def test_a_year_read_as_a_range_start_gives_back_the_figure_after_it():
    figures = _figures("Burglaries rose from 4,212 cases in 2015 to 5,960 in 2020.")
    assert [t for t, _ in figures] == ["from 4,212", "5,960"]
    assert_no_kind("There were 5,960 burglaries last year, up from 5,801 in 2019.",
                   "Burglaries rose from 4,212 cases in 2015 to 5,960 in 2020.", NUMBER)


def test_figures_listed_with_their_own_nouns_count_two_things():
    a = "There were 91,300 cases reported, and 1,240 deaths, more than on any day before."
    b = "The country reported 1,195 flu deaths on Monday, the most in a single day."
    said = explanations(a, b, NUMBER)
    assert said == ["Different figures: A says “1,240 deaths”; B says “1,195 flu deaths”."]


def test_the_quoted_figure_reaches_its_noun_past_its_describing_words():
    said = explanations("At least 12 Coast Guard boats joined the search on Friday.",
                        "At least 20 Coast Guard boats joined the search on Friday.", NUMBER)
    assert said == ["Different figures: A says “At least 12 Coast Guard boats”; B says “At least "
                    "20 Coast Guard boats”."]


@pytest.mark.parametrize("level, relation", [
    ("The trade gap widened to $640 billion.", Relation.RELATED),
    ("The trade gap widened from 2018 to $640 billion.", Relation.RELATED),
    ("The trade gap widened from last year to $640 billion.", Relation.RELATED),
    # both say it grew 12 percent: they agree on that, the change and the level aside
    ("The trade gap widened 12% to $640 billion.", Relation.AGREE),
    ("The trade gap widened 12% from 2018 to $640 billion.", Relation.AGREE),
    ("The trade gap widened 12 percent from last year to $640 billion.", Relation.AGREE),
])
def test_where_a_change_got_to_is_a_level_not_the_change(level, relation):
    pair = compare_alone("The trade gap grew $69 billion, or 12 percent, in the past year.", level)
    assert pair.relation is relation
    if relation is Relation.RELATED:
        assert [r.kind for r in pair.reasons] == [ReasonKind.MEASURE]


def test_what_a_figure_counts_is_its_first_plural_noun():
    assert _figures("The plant lost 1 million jobs economists had counted on.")[0][1] == "job"
    assert _figures("It bought 200 million coronavirus vaccine doses.")[0][1] == "dose"
    assert _figures("It bought doses of the two coronavirus vaccines that were authorized."
                    )[0][1] == "vaccin"


@pytest.mark.parametrize("years, conflict", [("39", False), ("41", False), ("37", True)])
def test_a_count_of_decades_is_rounded(years, conflict):
    a = f"The pay rise is the biggest in {years} years, the agency said on Thursday."
    b = "The pay rise is the biggest in four decades, the agency said on Thursday."
    (assert_kind if conflict else assert_no_kind)(a, b, NUMBER)


def test_a_single_decade_is_still_ten_years():
    assert_kind("The dispute lasted nearly a decade, the court heard on Monday.",
                "The dispute lasted seven years, the court heard on Monday.", NUMBER)
