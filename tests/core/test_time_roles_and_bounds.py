"""Spans of time in different roles, bounds that bracket or round a figure, acts that are not
stated as done (a planned change's target, a verb with its own future or progressive tense, a
noun that names an act, a plan with a price)."""

from __future__ import annotations

import pytest

from compare_app.core.models import ReasonKind, Relation
from sentence_pairs import assert_kind, assert_no_kind, both_ways, reason_kinds, reason_texts


@pytest.mark.parametrize("a, b, says", [
    ("The Tessel council won its first majority two years ago, officials said.",
     "The Tessel council has seen eight years of Labour rule, officials said.",
     "a time since something happened"),
    ("The ruling comes nearly four months after the Tessel board suspended the account.",
     "The Tessel board ordered a review of the suspension within six months.",
     "a time limit"),
])
def test_spans_of_time_in_other_roles_are_two_measures(a, b, says):
    for pair in both_ways(a, b):
        assert ReasonKind.NUMBER not in reason_kinds(pair), reason_texts(pair)
        assert pair.relation is not Relation.DIVERGE
        assert any(says in t for t in reason_texts(pair)), reason_texts(pair)


@pytest.mark.parametrize("a, b", [
    ("The Tessel dam burst two years ago.", "The Tessel dam burst three years ago."),
    ("The Tessel talks collapsed four months after the election.",
     "The Tessel talks collapsed six months after the election."),
    ("The Tessel strike lasted two weeks.", "The Tessel strike lasted 12 days."),
])
def test_spans_of_time_in_one_role_still_conflict(a, b):
    assert_kind(a, b, ReasonKind.NUMBER)


@pytest.mark.parametrize("a, b", [
    ("The Tessel outage lasted more than five hours on Monday.",
     "The Tessel outage lasted nearly six hours on Monday."),
    ("After five months the Tessel vaccine is just 47% effective against infection.",
     "After five months the Tessel vaccine is below 50 percent effective against infection."),
    ("The Tessel mayor won by more than 20 percentage points.",
     "The Tessel mayor won by 22 percentage points."),
])
def test_bounds_that_bracket_or_round_a_figure_agree(a, b):
    assert_no_kind(a, b, ReasonKind.NUMBER)


@pytest.mark.parametrize("a, b", [
    ("More than 180 people died in the Tessel floods.",
     "At least 150 people died in the Tessel floods."),
    ("More than 180 people died in the Tessel floods.",
     "Nearly 300 people died in the Tessel floods."),
    ("Fewer than 50 people died in the Tessel floods.", "40 people died in the Tessel floods."),
    ("Gas in Tessel costs the most in nearly a decade, drivers were told on Monday.",
     "Gas in Tessel costs the most in seven years, drivers were told on Monday."),
])
def test_bounds_far_from_the_other_figure_still_conflict(a, b):
    assert_kind(a, b, ReasonKind.NUMBER)


@pytest.mark.parametrize("a, b", [
    ("The Tessel mayor aims to raise the housing cap to 12,500 from October, aides said.",
     "The Tessel mayor is planning to increase the number of homes allowed in the district "
     "next year to 12,500, aides said."),
    ("A Tessel school named after a general is being renamed to honour a poet.",
     "A Tessel school named after a general will be renamed after a poet, a report said."),
    ("The Tessel agency is expected by next week to grant expanded emergency use authorization "
     "for the vaccine, officials said.",
     "The Tessel agency is expected to authorize the vaccine by early next week, officials "
     "said."),
    ("Tessel received a $46.5 billion plan to protect millions of renters facing eviction.",
     "The Tessel moratorium protected millions of renters facing eviction."),
])
def test_two_plans_are_no_certainty_conflict(a, b):
    assert_no_kind(a, b, ReasonKind.CERTAINTY)


@pytest.mark.parametrize("a, b", [
    ("The Tessel mayor raised the housing cap to 12,500 on Monday.",
     "The Tessel mayor is expected to raise the housing cap to 12,500 on Monday."),
    ("The Tessel school was renamed after a poet.",
     "The Tessel school will be renamed after a poet."),
    ("The Tessel toll rose to 14 on Monday.",
     "The Tessel toll is expected to rise to 14 on Monday."),
])
def test_a_plan_against_the_act_done_still_conflicts(a, b):
    assert_kind(a, b, ReasonKind.CERTAINTY)



@pytest.mark.parametrize("a, b", [
    ("The Tessel goal will be reached on Friday, 58 days into the mayor's term.",
     "The Tessel mayor will meet the goal in his first 100 days, on Friday."),
    ("The Tessel council will begin up to two days of questioning on Wednesday.",
     "After five days of opening arguments, the Tessel council can put questions."),
    ("Tessel surpassed six million visitors, three weeks after the count reached five million.",
     "Tessel has counted a million more visitors in just the past three weeks."),
])
def test_spans_and_increments_of_other_things_are_no_conflict(a, b):
    assert_no_kind(a, b, ReasonKind.NUMBER)


def test_years_and_months_are_one_span():
    a = "The Tessel mayor was sentenced to three years, four months in prison on Thursday."
    forty_months = "The Tessel mayor was sentenced to 40 months in prison on Thursday."
    assert_no_kind(a, forty_months, ReasonKind.NUMBER)
    assert_kind("The Tessel mayor was sentenced to three years in prison on Thursday.",
                forty_months, ReasonKind.NUMBER)
