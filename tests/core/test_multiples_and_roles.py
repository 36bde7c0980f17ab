"""Multiples ("doubled", "tripled", "fivefold", "three times as many") read as the figures they
are, lengths in miles, two forecasts of one figure, keeping against losing, and two actors
swapped around one act ("X beat Y" / "Y beat X") read as a conflict of who did what; with the
shapes that must not trigger them."""

from __future__ import annotations

import pytest

from compare_app.core.models import ReasonKind, Relation
from compare_app.core.quantities import find_numbers
from sentence_pairs import both_ways

# ----------------------------------------------------------------- multiples


@pytest.mark.parametrize("a, b, quoted", [
    ("Sales of Orvik heat pumps doubled last year.", "Sales of Orvik heat pumps tripled last year.",
     ("doubled", "tripled")),
    ("Exports of Tessan copper rose fivefold in a decade.",
     "Exports of Tessan copper rose tenfold in a decade.", ("fivefold", "tenfold")),
    ("Twice as many voters turned out in Brenlow this year.",
     "Three times as many voters turned out in Brenlow this year.", ("Twice", "Three times")),
    # a percentage change against the multiple it is not
    ("The price of rice in Caldor has halved since March.",
     "The price of rice in Caldor has fallen by 30 percent since March.",
     ("halved", "30 percent")),
    ("Orvik's revenue doubled in 2023.", "Orvik's revenue rose 150 percent in 2023.",
     ("doubled", "150 percent")),
])
def test_different_multiples_diverge_on_the_number(a, b, quoted):
    for pair, (qx, qy) in zip(both_ways(a, b), (quoted, quoted[::-1])):
        assert pair.relation is Relation.DIVERGE
        [why] = [r for r in pair.reasons if r.kind is ReasonKind.NUMBER]
        assert why.explanation == f"Different figures: A says “{qx}”; B says “{qy}”."


@pytest.mark.parametrize("a, b", [
    ("Orvik's revenue doubled in 2023.", "Orvik's revenue rose 100 percent in 2023."),
    ("The price of rice in Caldor has halved.", "The price of rice in Caldor fell 50 percent."),
    ("Cases in Lisk county have tripled since March.",
     "There are now three times as many cases in Lisk county as in March."),
    ("The price of bread in Marrow nearly doubled.",
     "The price of bread in Marrow rose 90 percent."),
    ("The price of bread in Marrow more than doubled.", "The price of bread in Marrow tripled."),
    # one length in miles and kilometres
    ("A 50-mile stretch of the Harl coastal highway was closed.",
     "An 80-kilometre section of the Harl coastal highway was closed."),
    # the level a multiple reached is no second multiple
    ("Unemployment in Halvey doubled to 8 percent.", "Unemployment in Halvey rose to 8 percent."),
])
def test_one_multiple_said_two_ways_agrees(a, b):
    for pair in both_ways(a, b):
        assert pair.relation is Relation.AGREE, [r.explanation for r in pair.reasons]


@pytest.mark.parametrize("text", [
    "The senator doubled down on his claim that the vote was rigged.",
    "The school gym doubled as a shelter during the floods.",
    "He has been arrested three times since May.",
])
def test_idioms_and_occasions_are_no_multiples(text):
    assert all(n.unit != "fold" for n in find_numbers(text, 0, []))


# ----------------------------------------------------------------- roles


@pytest.mark.parametrize("a, b, quoted", [
    ("Arsenal beat Chelsea 2-1 on Sunday.", "Chelsea beat Arsenal 2-1 on Sunday.",
     ("Arsenal beat Chelsea", "Chelsea beat Arsenal")),
    ("Morvia invaded Tessaly in March, officials said.", "Tessaly invaded Morvia in March.",
     ("Morvia invaded Tessaly", "Tessaly invaded Morvia")),
    ("The Halden Group acquired Brix Media for $2 billion.",
     "Brix Media acquired the Halden Group for $2 billion.",
     ("Halden Group acquired Brix Media", "Brix Media acquired the Halden Group")),
    # the passive turns the order round: here it keeps the swap
    ("Arsenal beat Chelsea on Sunday.", "Arsenal were beaten by Chelsea on Sunday.",
     ("Arsenal beat Chelsea", "Arsenal were beaten by Chelsea")),
    # a title is no part of who is named
    ("President Orlov called Chancellor Weiss on Monday.",
     "Chancellor Weiss called President Orlov on Monday.",
     ("Orlov called Chancellor Weiss", "Weiss called President Orlov")),
])
def test_swapped_roles_diverge_on_who_did_what(a, b, quoted):
    for pair, (qx, qy) in zip(both_ways(a, b), (quoted, quoted[::-1])):
        assert pair.relation is Relation.DIVERGE
        [why] = [r for r in pair.reasons if r.kind is ReasonKind.ENTITY]
        assert why.explanation == f"Roles reversed: A says “{qx}”; B says “{qy}”."


@pytest.mark.parametrize("a, b", [
    ("Arsenal beat Chelsea on Sunday.", "Chelsea were beaten by Arsenal on Sunday."),
    ("The Halden Group acquired Brix Media.", "Brix Media was acquired by the Halden Group."),
    ("Mayor Tove Renn was defeated by challenger Ilsa Ortan in the runoff.",
     "Challenger Ilsa Ortan beat incumbent mayor Tove Renn in the runoff."),
    # acts done together, and names joined rather than set against each other
    ("Orlov met Weiss in Vienna on Monday.", "Weiss met Orlov in Vienna on Monday."),
    ("Morvia and Tessaly signed a ceasefire on Friday.",
     "Tessaly and Morvia signed a ceasefire on Friday."),
    ("Talks between Morvia and Tessaly resumed on Friday.",
     "Talks between Tessaly and Morvia resumed on Friday."),
    # who someone is, not what they did: a possessive, a place
    ("The truce between Vardan rebels in Ostrin and the army held.",
     "The truce between the army and Ostrin's rebel Vardan fighters held."),
])
def test_same_roles_in_another_order_agree(a, b):
    for pair in both_ways(a, b):
        assert pair.relation is Relation.AGREE, [r.explanation for r in pair.reasons]


def test_keeping_against_losing_is_an_opposite_outcome():
    for pair in both_ways("The ruling Unity Party retained its majority in the Orvath parliament.",
                          "The ruling Unity Party has lost its majority in the Orvath parliament."):
        [why] = [r for r in pair.reasons if r.kind is ReasonKind.NEGATION]
        assert "Opposite outcomes" in why.explanation and "its majority" in why.explanation


def test_two_forecasts_of_one_figure_diverge_on_the_number():
    # "was forecasting": a forecast, like "expects" (not an outcome because "was" ends in "as")
    a = "The Vessan central bank expects growth of between 2 and 2.5 percent this year."
    b = "The Vessan central bank said it was forecasting growth of 3.5 to 4 percent this year."
    for pair in both_ways(a, b):
        assert pair.relation is Relation.DIVERGE
        assert [r.kind for r in pair.reasons] == [ReasonKind.NUMBER]


@pytest.mark.parametrize("a, b", [
    # a multiple beside a percentage change of another thing: the percentages meet each other
    ("Sales at Orvik doubled last year and profit rose 30 percent.",
     "Profit at Orvik rose 30 percent last year."),
    ("Exports from Tessan doubled last year, while imports rose 8 percent.",
     "Imports into Tessan rose 8 percent last year."),
    # a qualified fall is read on the change it makes
    ("Sales of Orvik pumps more than halved.", "Sales of Orvik pumps fell 60 percent."),
    ("Sales of Orvik pumps nearly halved.", "Sales of Orvik pumps fell 45 percent."),
    # sea miles, areas and speeds in their own measure
    ("The Harl fishing zone extends 200 nautical miles.",
     "The Harl fishing zone extends 370 kilometres."),
    ("The Harl fire burned 100 square miles.", "The Harl fire burned 259 square kilometres."),
    ("Winds over Harl reached 100 miles per hour.", "Winds over Harl reached 160 km/h."),
    # a passive with "got", and an act done together
    ("Arsenal beat Chelsea on Sunday.", "Chelsea got beaten by Arsenal on Sunday."),
    ("Morvia fought Tessaly in 1920.", "Tessaly fought Morvia in 1920."),
])
def test_review_shapes_that_agree(a, b):
    for pair in both_ways(a, b):
        assert pair.relation is Relation.AGREE, [r.explanation for r in pair.reasons]


@pytest.mark.parametrize("a, b", [
    ("Sales of Orvik pumps more than halved.", "Sales of Orvik pumps fell 20 percent."),
    ("Winds over Harl reached 100 miles per hour.", "Winds over Harl reached 180 km/h."),
])
def test_qualified_multiples_and_speeds_still_conflict(a, b):
    for pair in both_ways(a, b):
        assert [r.kind for r in pair.reasons] == [ReasonKind.NUMBER]


def test_a_single_item_before_a_counted_part_is_one_more():
    a = "The Harl drone strike killed an innocent aid worker and nine members of his family."
    for b, relation in (("The Harl drone strike killed 10 civilians.", Relation.AGREE),
                        ("The Harl drone strike killed 12 civilians.", Relation.DIVERGE),
                        # one total split two ways
                        ("The Harl drone strike killed three adults and seven children.",
                         Relation.AGREE),
                        ("The Harl drone strike killed four adults and eight children.",
                         Relation.DIVERGE)):
        for pair in both_ways(a, b):
            assert pair.relation is relation, [r.explanation for r in pair.reasons]


def test_a_name_the_other_side_writes_in_lower_case_is_no_other_name():
    for pair in both_ways("The Harl ministry's civil rights office opened an inquiry on Monday.",
                          "The ministry's Office for Civil Rights opened an inquiry on Monday."):
        assert ReasonKind.ENTITY not in {r.kind for r in pair.reasons}, [
            r.explanation for r in pair.reasons]


def test_the_same_split_with_other_parts_still_conflicts():
    for pair in both_ways("The Harl drone strike killed two adults and eight children.",
                          "The Harl drone strike killed three adults and seven children."):
        assert ReasonKind.NUMBER in {r.kind for r in pair.reasons}


@pytest.mark.parametrize("a, b, relation", [
    # a bound rounded from the exact count it writes down
    ("The truce ended more than 10 days of fighting in Harl.",
     "The truce ended an 11-day war in Harl.", Relation.AGREE),
    ("The Harl earthquake killed at least 1,419 people.",
     "The Harl earthquake killed more than 1,400 residents.", Relation.AGREE),
    ("Fewer than 50 people attended the Harl hearing.", "48 people attended the Harl hearing.",
     Relation.AGREE),
    # two bounds, or a bound the count does not round to, still conflict
    ("At least nine people died in the Harl floods.",
     "At least eight people died in the Harl floods.", Relation.DIVERGE),
    ("More than 10 people died in the Harl floods.", "12 people died in the Harl floods.",
     Relation.DIVERGE),
    ("Fewer than 50 people attended the Harl hearing.", "38 people attended the Harl hearing.",
     Relation.DIVERGE),
])
def test_a_rounded_bound_meets_the_count_it_writes_down(a, b, relation):
    for pair in both_ways(a, b):
        assert pair.relation is relation, [r.explanation for r in pair.reasons]


@pytest.mark.parametrize("a, relation", [
    ("The Harl journalist was held for 36 hours in Ardell.", Relation.DIVERGE),
    ("The Harl journalist was held for 72 hours in Ardell.", Relation.AGREE),
])
def test_hours_and_days_are_one_measure(a, relation):
    for pair in both_ways(a, "The Harl journalist was held for three days in Ardell."):
        assert pair.relation is relation, [r.explanation for r in pair.reasons]
