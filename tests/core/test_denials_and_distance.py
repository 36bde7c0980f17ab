"""Denials that open a sentence ("No injuries were reported"), denials of an irregular verb ("has
yet to find" / "found"), distance kept by a trailing credit to no one in particular ("…, unnamed
sources claimed") or by unverified material, and tightening against easing; with the shapes
that must not trigger them."""

from __future__ import annotations

import pytest

from compare_app.core.models import ReasonKind, Relation
from sentence_pairs import both_ways


def _only(pair, kind: ReasonKind) -> str:
    [why] = [r for r in pair.reasons if r.kind is kind]
    return why.explanation


@pytest.mark.parametrize("a, b, denied, stated", [
    ("No injuries were reported after the blast at the Drummond refinery.",
     "Injuries were reported after the blast at the Drummond refinery.", "No injuries", "Injuries"),
    ("No bodies have been found in the rubble of the Tessel market, the mayor said.",
     "Three bodies have been found in the rubble of the Tessel market.", "No bodies", "bodies"),
    ("The Ostrel police have yet to find the missing hiker.",
     "The Ostrel police found the missing hiker.", "yet to", "found"),
    ("The Ostrel police did not find the missing hiker.",
     "The Ostrel police found the missing hiker.", "not", "found"),
])
def test_a_denial_against_the_plain_statement_diverges(a, b, denied, stated):
    first, second = both_ways(a, b)
    assert _only(first, ReasonKind.NEGATION) == (
        f"Negation: A denies it (“{denied}”); B states it (“{stated}”).")
    assert _only(second, ReasonKind.NEGATION) == (
        f"Negation: B denies it (“{denied}”); A states it (“{stated}”).")


@pytest.mark.parametrize("a, b", [
    # the subject of an act: the act is what is denied, and the other side names another actor
    ("No entity can compel the release of the Harl records.",
     "The court can compel the release of the Harl records."),
    # both deny it, in other words
    ("The inquiry did not find that the Corran campaign broke the law.",
     "The inquiry found no evidence that the Corran campaign broke the law."),
])
def test_no_denial_where_the_claim_is_not_denied_against_its_statement(a, b):
    for pair in both_ways(a, b):
        assert ReasonKind.NEGATION not in {r.kind for r in pair.reasons}, [
            r.explanation for r in pair.reasons]


@pytest.mark.parametrize("a, b, cue", [
    ("The Kildare coach has been sacked, unnamed sources claimed.",
     "The Kildare coach has been sacked.", "unnamed sources"),
    ("The Kildare coach has been sacked, according to anonymous sources.",
     "The Kildare coach has been sacked.", "anonymous sources"),
    ("The Kildare coach has been sacked, media reports said on Friday.",
     "The Kildare coach has been sacked.", "media reports"),
    ("Unverified social media posts suggest the Halle dam has burst.",
     "The Halle dam has burst.", "Unverified social media posts"),
    ("The Kildare coach has been sacked, people familiar with the matter said.",
     "The Kildare coach has been sacked.", "people familiar with"),
])
def test_distance_kept_from_a_claim_is_an_attribution_divergence(a, b, cue):
    first, second = both_ways(a, b)
    assert _only(first, ReasonKind.ATTRIBUTION) == (
        f"Attribution: A reports it at a distance (“{cue}”); B states it as established.")
    assert _only(second, ReasonKind.ATTRIBUTION) == (
        f"Attribution: B reports it at a distance (“{cue}”); A states it as established.")


@pytest.mark.parametrize("a, b", [
    # a named outlet or one document credited, as a named source would be
    ("The autopsy found the death was a homicide, CBS News reports.",
     "The autopsy found the death was a homicide."),
    ("The Kildare coach has been sacked, a new report says.", "The Kildare coach has been sacked."),
    ("The Kildare coach has been sacked, the club said.", "The Kildare coach has been sacked."),
    # anonymous sourcing on both sides
    ("The Kildare coach has been sacked, a source familiar with the club said.",
     "According to anonymous sources, the Kildare coach has been sacked."),
    # distance from another claim of the sentence
    ("The club sacked the Kildare coach after media reports said he had lied.",
     "The club sacked the Kildare coach."),
])
def test_credit_to_a_known_source_keeps_no_distance(a, b):
    for pair in both_ways(a, b):
        assert pair.relation is Relation.AGREE, [r.explanation for r in pair.reasons]


@pytest.mark.parametrize("a, b, quoted", [
    ("The Brask government tightened border controls on Monday.",
     "The Brask government eased border controls on Monday.",
     ("tightened border controls", "eased border controls")),
    ("The Vessan central bank tightened policy in March.",
     "The Vessan central bank relaxed its policy in March.",
     ("tightened policy", "relaxed its policy")),
])
def test_tightening_against_easing_is_an_opposite_outcome(a, b, quoted):
    for pair, (qx, qy) in zip(both_ways(a, b), (quoted, quoted[::-1])):
        assert _only(pair, ReasonKind.NEGATION) == (
            f"Opposite outcomes: A says “{qx}”; B says “{qy}”.")
