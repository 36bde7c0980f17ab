"""One person under two forms of a name ("Mike" / "Michael", "Qassem Soleimani" / "Qassim
Suleimani"), and figures said of two different names ("the Dow … 6.9%" / "the S&P 500 slid 5.9
percent"): no conflict; with the conflicts these must not hide (another given name, one name's
two counts)."""

from __future__ import annotations

import pytest

from compare_app.core.models import ReasonKind
from sentence_pairs import both_ways, reason_kinds, reason_texts


@pytest.mark.parametrize("a, b", [
    ("Former adviser Michael Dorrance is under investigation over the Harl contracts.",
     "Former adviser Mike Dorrance is under investigation over the Harl contracts."),
    ("The bar owner Jacob Tessel was indicted by a grand jury on Sept. 15.",
     "The bar owner Jake Tessel was indicted by a grand jury on Sept. 15."),
    # a short form of two full names: Steve is short for Stephen and for Steven
    ("The bar owner Stephen Tessel was indicted by a grand jury on Sept. 15.",
     "The bar owner Steve Tessel was indicted by a grand jury on Sept. 15."),
    ("The bar owner Steven Tessel was indicted by a grand jury on Sept. 15.",
     "The bar owner Steve Tessel was indicted by a grand jury on Sept. 15."),
    # a name from another alphabet in two spellings, with titles of its own
    ("The strike killed Iranian Gen. Qassem Soleimani near the airport.",
     "The strike killed Maj. Gen. Qassim Suleimani near the airport."),
])
def test_one_person_under_two_forms_of_a_name_is_no_other_name(a, b):
    for pair in both_ways(a, b):
        assert ReasonKind.ENTITY not in reason_kinds(pair), reason_texts(pair)


@pytest.mark.parametrize("a, b", [
    ("The bar owner Marta Tessel was indicted by a grand jury on Sept. 15.",
     "The bar owner Marek Tessel was indicted by a grand jury on Sept. 15."),
    ("Joe Dorrance spoke at the Harl rally on Monday.",
     "Jill Dorrance spoke at the Harl rally on Monday."),
])
def test_another_given_name_still_differs(a, b):
    for pair in both_ways(a, b):
        assert ReasonKind.ENTITY in reason_kinds(pair)


@pytest.mark.parametrize("a, b", [
    # two indexes, the first fall restated in another unit
    ("The Harl Composite closed down 1,861 points, or 6.9%, on Monday.",
     "The Harl Composite plunged 1,861 points on Monday, while the Ostmark 40 slid 5.9 percent."),
    # two surveys
    ("Economists surveyed by Lindqvist had been looking for 845,000 new jobs in May.",
     "Analysts surveyed by Marrow Data were expecting 870,000 jobs in May."),
    # a country's toll and one city's
    ("Two bombings at churches in Arveland have killed 37 people, the ministry said.",
     "In Ostrel, an explosion outside a church killed 13 people, the ministry said."),
])
def test_figures_said_of_two_names_are_no_conflict(a, b):
    for pair in both_ways(a, b):
        assert ReasonKind.NUMBER not in reason_kinds(pair), reason_texts(pair)


@pytest.mark.parametrize("a, b", [
    ("Floods in Arveland have killed at least 42 people, the ministry said.",
     "Floods in Arveland have killed at least 14 people, the ministry said."),
    # a name after "of" is not what the figure counts
    ("A bombing outside Ostrel's main mosque killed at least two civilians.",
     "A bomb attack on the funeral of the mother of Ostrel's mayor killed at least three "
     "people at the main mosque."),
    ("President Dorrance will propose a $6 trillion budget on Friday.",
     "President Mike Dorrance will propose a $5 trillion budget on Friday."),
    # both names stand in both sentences, whichever stands nearest each figure
    ("Judge Amara Tessel sentenced the former mayor of Ostrel to seven years in prison.",
     "The former Ostrel mayor was jailed for eleven years by Judge Amara Tessel."),
])
def test_two_counts_of_one_name_still_conflict(a, b):
    for pair in both_ways(a, b):
        assert ReasonKind.NUMBER in reason_kinds(pair), reason_texts(pair)
