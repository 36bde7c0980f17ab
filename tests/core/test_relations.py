"""Typed reasons on literal sentence pairs: each conflict kind, and agreement when nothing conflicts."""

from __future__ import annotations

import pytest

from compare_app.core.compare import compare_texts
from compare_app.core.loading import load_text
from compare_app.core.models import ReasonKind, Relation, Status

FILLER_A = ("Farmers in the valley planted barley after the spring floods receded. "
            "The regional museum reopened its gallery of bronze tools.")
FILLER_B = ("A chess tournament drew players from eleven provinces. "
            "Engineers tested a tidal turbine off the rocky northern coast.")


def compare_one(a: str, b: str):
    c = compare_texts(load_text(f"{a}\n\n{FILLER_A}", name="A"), load_text(f"{b}\n\n{FILLER_B}", name="B"))
    pair = c.pair_of("A1")
    assert pair is not None and pair.b == ("B1",), f"not aligned: {c.pairs}"
    return c, pair


def kinds(pair) -> set[ReasonKind]:
    return {r.kind for r in pair.reasons}


def test_identical_claims_agree():
    c, pair = compare_one("The ministry said 1,200 troops crossed the Dnipro river in March 2024.",
                          "The ministry said 1,200 troops crossed the Dnipro river in March 2024.")
    assert pair.relation is Relation.AGREE and pair.reasons == ()
    assert pair.score == 100
    assert all(op.op == "equal" for op in pair.diff)


def test_different_number_diverges():
    c, pair = compare_one("Officials counted 1,500 troops near the Kursk border crossing.",
                          "Officials counted 12,000 troops near the Kursk border crossing.")
    assert pair.relation is Relation.DIVERGE and kinds(pair) == {ReasonKind.NUMBER}
    reason = pair.reasons[0]
    assert (reason.a.text, reason.b.text) == ("1,500 troops", "12,000 troops")
    assert "1,500" in reason.explanation and "12,000" in reason.explanation


def test_overlapping_ranges_are_compatible():
    c, pair = compare_one("Between 1,500 and 12,000 troops reached the Kursk border crossing.",
                          "About 10,000 troops reached the Kursk border crossing.")
    assert ReasonKind.NUMBER not in kinds(pair)


def test_different_date_diverges():
    c, pair = compare_one("Putin and Kim signed the mutual defence treaty in June 2024 in Pyongyang.",
                          "Putin and Kim signed the mutual defence treaty in October 2024 in Pyongyang.")
    assert kinds(pair) == {ReasonKind.DATE}
    assert pair.reasons[0].a.text == "June 2024" and pair.reasons[0].b.text == "October 2024"


def test_different_actor_diverges():
    c, pair = compare_one("Shoigu signed the artillery shell supply contract in Pyongyang yesterday.",
                          "Lavrov signed the artillery shell supply contract in Pyongyang yesterday.")
    assert kinds(pair) == {ReasonKind.ENTITY}
    assert "Shoigu" in pair.reasons[0].explanation and "Lavrov" in pair.reasons[0].explanation


def test_negation_diverges():
    c, pair = compare_one("The engineers rebuilt the damaged railway bridge near Donetsk.",
                          "The engineers never rebuilt the damaged railway bridge near Donetsk.")
    assert kinds(pair) == {ReasonKind.NEGATION}
    assert pair.reasons[0].b.text == "never"


def test_hedged_versus_stated_diverges_on_certainty():
    c, pair = compare_one("Artillery units will redeploy ahead of a likely offensive near Kharkiv.",
                          "Artillery units redeployed and the offensive was launched near Kharkiv.")
    assert ReasonKind.CERTAINTY in kinds(pair)


def test_reported_at_a_distance_versus_asserted_diverges():
    c, pair = compare_one("The brigade reportedly lost forty armoured vehicles near the reservoir.",
                          "The brigade lost forty armoured vehicles near the reservoir.")
    assert kinds(pair) == {ReasonKind.ATTRIBUTION}
    assert "“reportedly”" in pair.reasons[0].explanation


def test_routine_credit_to_a_named_source_is_not_a_divergence():
    c, pair = compare_one("According to Ukrainian intelligence, the brigade lost forty armoured vehicles.",
                          "The brigade lost forty armoured vehicles near the reservoir, the ministry said.")
    assert pair.relation is Relation.AGREE


def test_prescription_and_claim_are_only_related():
    c, pair = compare_one("Allied navies deployed missile defence frigates to the Baltic Sea.",
                          "Allied navies should deploy missile defence frigates to the Baltic Sea.")
    assert pair.relation is Relation.RELATED and pair.reasons == ()
    assert c.statuses["A1"] is Status.RELATED


@pytest.mark.parametrize("a, b", [
    ("One of the aspects was the agreement to provide “mutual assistance” if either country is attacked.",
     "This agreement stipulates mutual military support in the event of an attack."),
])
def test_paraphrase_with_synonyms_agrees(a, b):
    c, pair = compare_one(a, b)
    assert pair.relation is Relation.AGREE


def test_word_diff_marks_insertions_and_deletions():
    c, pair = compare_one("The convoy reached Kursk at dawn on Monday after a long march.",
                          "The convoy finally reached Kursk at dawn on Monday after a march.")
    ops = [(op.op, op.a_text, op.b_text) for op in pair.diff if op.op != "equal"]
    assert ("insert", "", "finally") in ops
    assert ("delete", "long", "") in ops


def test_same_source_credited_in_other_words_agrees():
    c, pair = compare_one(
        "Tobacco exports in Oslo climbed by 12 percent in March, the farmers union reported.",
        "In March, the farmers union stated tobacco exports in Oslo climbed by 12 per cent.")
    assert pair.relation is Relation.AGREE, [r.explanation for r in pair.reasons]


def test_look_alike_events_in_different_places_are_only_related():
    c, pair = compare_one(
        "A landslide struck Manila on Saturday, injuring 350 people, the Red Cross said.",
        "A landslide struck Harare on Monday, injuring 150 people, the Red Cross said.")
    assert pair.relation is not Relation.DIVERGE
