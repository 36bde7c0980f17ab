"""What a count covers and which version of a figure it is: a toll that includes the attacker,
a figure its own writer says was first reported and since replaced; and a resumption, which
follows a halt rather than opposing it."""

from __future__ import annotations

import pytest

from compare_app.core.models import ReasonKind
from sentence_pairs import assert_kind, assert_no_kind, both_ways, reason_kinds, reason_texts


@pytest.mark.parametrize("a, b", [
    ("Police are searching for an accomplice of the gunman who killed three people at the "
     "Tessel food festival.",
     "Four people were killed (including the shooter) in the shooting at the Tessel food "
     "festival."),
    ("Retail sales in Tessel were revised to be not as bad as the 8.7% initially reported.",
     "Retail sales in Tessel sank by a revised 8.3% in March."),
])
def test_one_toll_or_one_revised_figure_told_two_ways_is_no_conflict(a, b):
    assert_no_kind(a, b, ReasonKind.NUMBER)


@pytest.mark.parametrize("a, b", [
    ("Four people were killed in the shooting at the Tessel food festival.",
     "Three people were killed in the shooting at the Tessel food festival."),
    ("Five people were killed, including the gunman, at the Tessel food festival.",
     "Three people were killed at the Tessel food festival."),
    ("Retail sales in Tessel sank by 8.7% in March.",
     "Retail sales in Tessel sank by 8.3% in March."),
])
def test_two_counts_of_one_toll_still_conflict(a, b):
    assert_kind(a, b, ReasonKind.NUMBER)


def test_a_resumption_follows_a_halt():
    for pair in both_ways(
            "Trading on the Tessel exchange resumed after the 15-minute circuit breaker.",
            "A 7% drop at the open triggered circuit breakers that halted trading on the Tessel "
            "exchange for 15 minutes."):
        assert not any(r.explanation.startswith("Opposite outcomes") for r in pair.reasons), [
            r.explanation for r in pair.reasons]


def test_some_members_listed_are_no_count_of_the_set():
    a = ("The Tessel counter-protest was against several right-wing groups, including the "
         "Harbour Boys.")
    b = "Those expected among the Tessel demonstrators on Saturday included two right-wing groups."
    assert_no_kind(a, b, ReasonKind.NUMBER)
    assert_kind("The Tessel toll included 14 children, officials said.",
                "The Tessel toll included 12 children, officials said.", ReasonKind.NUMBER)


def test_a_capacity_is_no_count_of_who_is_there():
    a = "The Tessel shelter was designed to hold 32 children, officials said on Monday."
    b = "The Tessel shelter was occupied by 615 children, officials said on Monday."
    for pair in both_ways(a, b):
        assert ReasonKind.NUMBER not in reason_kinds(pair), reason_texts(pair)
        assert any("what a place can hold" in t for t in reason_texts(pair)), reason_texts(pair)


def test_a_yearly_change_and_a_monthly_one_are_two_measures():
    a = "Excluding food and energy, Tessel core prices increased 3% from the same period in 2020."
    b = "The 0.9 percent rise in Tessel core prices from March is the highest since 1982."
    assert_no_kind(a, b, ReasonKind.NUMBER)


def test_the_attacker_killed_is_not_a_count_of_the_victims():
    victims = "The gunman's barrage left four dead and 12 others injured on Saturday night."
    assert_no_kind(victims, "One suspect was shot and killed by police at the scene on "
                   "Saturday night.", ReasonKind.NUMBER)
    # two counts of attackers still conflict
    assert_kind("Police said two gunmen were killed in the raid on Monday.",
                "Police said three gunmen were killed in the raid on Monday.", ReasonKind.NUMBER)
