"""A short aside between a cue and its predicate, verbs of change or outcome in idioms, and a
choice against an act."""

from __future__ import annotations

import pytest

from compare_app.core.models import ReasonKind
from sentence_pairs import both_ways, reason_kinds, reason_texts


@pytest.mark.parametrize("a", [
    "The Tessel council did not, however, approve the budget on Monday.",
    "The Tessel council did not -- in the end -- approve the budget on Monday.",
])
def test_a_denial_reaches_past_a_short_aside(a):
    for pair in both_ways(a, "The Tessel council approved the budget on Monday."):
        assert ReasonKind.NEGATION in reason_kinds(pair), reason_texts(pair)


def test_both_sides_denying_past_an_aside_agree():
    for pair in both_ways("The Tessel flu season has not, like, suddenly ended, the mayor said.",
                          "The Tessel flu season has not suddenly ended, the mayor said."):
        assert ReasonKind.NEGATION not in reason_kinds(pair), reason_texts(pair)


def test_an_aside_after_the_predicate_does_not_stretch_a_denial():
    for pair in both_ways("The Tessel council did not approve the budget, officials said, and "
                          "the mayor resigned.", "The Tessel mayor resigned on Monday."):
        assert ReasonKind.NEGATION not in reason_kinds(pair), reason_texts(pair)


@pytest.mark.parametrize("a", [
    "Tessel trade tensions worsened after negotiations fell apart a month ago.",
    "Tessel trade tensions worsened after the deal fell through a month ago.",
])
def test_a_verb_of_change_in_an_idiom_moves_nothing(a):
    for pair in both_ways(a, "Tessel trade tensions were rising a month ago."):
        assert ReasonKind.DIRECTION not in reason_kinds(pair), reason_texts(pair)


def test_a_plain_fall_against_a_rise_still_conflicts():
    for pair in both_ways("Tessel sales fell 5 percent in March.",
                          "Tessel sales rose 5 percent in March."):
        assert ReasonKind.DIRECTION in reason_kinds(pair), reason_texts(pair)


def test_failing_at_another_act_past_an_aside_is_no_outcome():
    a = "The Tessel senate on Wednesday passed the tax-cut plan that the mayor proposed."
    b = ("After the Tessel senate failed -- in dramatic fashion -- to repeal the health law, "
         "the mayor proposed a tax-cut plan.")
    for pair in both_ways(a, b):
        assert ReasonKind.NEGATION not in reason_kinds(pair), reason_texts(pair)


def test_a_bill_that_failed_against_one_that_passed_still_conflicts():
    for pair in both_ways("The Tessel senate passed the tax plan on Wednesday.",
                          "The Tessel tax plan failed in the senate on Wednesday."):
        assert ReasonKind.NEGATION in reason_kinds(pair), reason_texts(pair)


def test_deciding_against_an_act_denies_it():
    a = "The Tessel mayor has decided against appointing a commission, aides said."
    for pair in both_ways(a, "The Tessel mayor won't, however, appoint a commission."):
        assert not reason_kinds(pair) & {ReasonKind.NEGATION, ReasonKind.CERTAINTY}, (
            reason_texts(pair))
    for pair in both_ways("The Tessel council voted against approving the budget on Monday.",
                          "The Tessel council approved the budget on Monday."):
        assert ReasonKind.NEGATION in reason_kinds(pair), reason_texts(pair)


def test_a_warning_against_an_act_agrees_with_a_command_not_to():
    for pair in both_ways("\"Don't buy Tessel tyres,\" the mayor wrote on Monday.",
                          "The mayor on Monday warned against buying Tessel tyres."):
        assert ReasonKind.NEGATION not in reason_kinds(pair), reason_texts(pair)


@pytest.mark.parametrize("a", ["The Tessel mayor has not yet signed the harbour bill.",
                               "The Tessel mayor has yet to sign the harbour bill."])
def test_not_yet_denies_only_that_it_is_done(a):
    for pair in both_ways(a, "The Tessel mayor signed the harbour bill on Monday."):
        assert ReasonKind.NEGATION in reason_kinds(pair), reason_texts(pair)
    for pair in both_ways(a, "The Tessel mayor will sign the harbour bill on Monday."):
        assert ReasonKind.NEGATION not in reason_kinds(pair), reason_texts(pair)


def test_a_negated_participle_after_a_noun_says_which_ones():
    for pair in both_ways("The Tessel authority cancelled all flights not yet checked in by "
                          "Monday afternoon.",
                          "Tessel airport on Monday suspended check-ins for all remaining "
                          "flights."):
        assert ReasonKind.NEGATION not in reason_kinds(pair), reason_texts(pair)
    for pair in both_ways("The Tessel flights were not checked in on Monday.",
                          "The Tessel flights were checked in on Monday."):
        assert ReasonKind.NEGATION in reason_kinds(pair), reason_texts(pair)
