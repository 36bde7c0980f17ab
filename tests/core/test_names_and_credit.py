"""Names and credits: two renderings of one name, or who a source spoke to, are no different
actor; a known document's own findings are no rumour; a turn ends what "reports said" covers."""

from __future__ import annotations

import pytest

from compare_app.core.models import ReasonKind
from sentence_pairs import compare_alone


def kinds_of(a: str, b: str) -> set[ReasonKind]:
    return {r.kind for r in compare_alone(a, b).reasons}


@pytest.mark.parametrize("a, b", [
    ("A man was sentenced on Monday for breaching the US Capitol harbour office.",
     "A man was sentenced on Monday for breaching the United States Capitol harbour office."),
    ("The ferry chief addressed the United Nations General Assembly on Tuesday.",
     "The ferry chief addressed the UN General Assembly on Tuesday."),
    ("The harbour plan was announced by Gen. Frank Ostrowski at the port on Monday.",
     "The harbour plan was announced by Gen. Kenneth F. Ostrowski Jr. at the port on Monday."),
    ("The director of the CIA met the harbour master in Valletta on Monday.",
     "Central Intelligence Agency Director Anna Weiss met the harbour master in Valletta on "
     "Monday."),
    ("The minister told CNN on Monday that the harbour could reopen by spring.",
     "The minister told NPR on Monday that the harbour could reopen by spring."),
    ("Ostrowski, who chairs the harbour panel, grilled the port director on Monday.",
     "The Kentucky Republican, who chairs the harbour panel, grilled the port director on "
     "Monday."),  # a second reference by description
    ("Senator Ana Ruiz of Massachusetts spoke at the harbour hearing on Tuesday.",
     "Sen. Ana Ruiz (D-Mass.) spoke at the harbour hearing on Tuesday."),  # a party tag
    ("Senator Ana Ruiz of New York spoke at the harbour hearing on Tuesday.",
     "Sen. Ana Ruiz (D-N.Y.) spoke at the harbour hearing on Tuesday."),
    ("Ana Ruiz became the first Black harbour master of the port on Monday.",
     "Ana Ruiz became the first African American harbour master of the port on Monday."),
    ("Turkey's president said on Monday that the harbour would reopen.",
     "Turkish President Recep Tayyip Erdogan said on Monday that the harbour would reopen."),
])
def test_one_name_rendered_twice_or_a_listener_is_no_other_actor(a, b):
    assert ReasonKind.ENTITY not in kinds_of(a, b)


@pytest.mark.parametrize("a, b", [
    ("The relief effort at the harbour is led by the Red Cross.",
     "The relief effort at the harbour is led by UNICEF."),
    ("The harbour plan was announced by Marta Kowalczyk on Monday.",
     "The harbour plan was announced by Marek Kowalczyk on Monday."),
    ("An American journalist was detained at the harbour on Monday.",
     "A British journalist was detained at the harbour on Monday."),
])
def test_another_actor_in_the_same_place_still_diverges(a, b):
    assert ReasonKind.ENTITY in kinds_of(a, b)


def test_a_known_documents_findings_and_a_turn_after_reports_are_no_distance():
    assert ReasonKind.ATTRIBUTION not in kinds_of(
        "The 165-page report said the harbour office was rife with fear and intimidation.",
        "The investigation found the harbour office was rife with fear and intimidation.")
    assert ReasonKind.ATTRIBUTION not in kinds_of(
        "Initial reports indicated one ferry had sunk, but the coast guard gave updated "
        "figures on Saturday.",
        "The coast guard gave updated figures on Saturday.")
    assert ReasonKind.ATTRIBUTION in kinds_of(
        "Reports said the coast guard had tracked the ferry for eight hours.",
        "The coast guard tracked the ferry for eight hours.")


@pytest.mark.parametrize("a, b", [
    ("Rebels reportedly seized the northern ferry terminal on Sunday.",
     "Rebels seized the northern ferry terminal on Sunday, two army officials said."),
    ("Reports said the harbour master resigned on Monday after the spill.",
     "The harbour master resigned on Monday after the spill, according to two of his aides."),
])
def test_a_claim_both_sides_credit_to_someone_is_no_distance(a, b):
    assert ReasonKind.ATTRIBUTION not in kinds_of(a, b)
    assert ReasonKind.ATTRIBUTION in kinds_of(a, b.rsplit(",", 1)[0] + ".")  # asserted: distance


def test_credit_for_another_clause_still_leaves_the_claim_asserted():
    assert ReasonKind.ATTRIBUTION in kinds_of(
        "Rebels reportedly seized the northern ferry terminal on Sunday.",
        "Rebels seized the northern ferry terminal on Sunday, after officials said talks had "
        "failed.")


def test_another_given_name_counts_as_a_misnaming_only_when_it_looks_like_one():
    assert ReasonKind.ENTITY in kinds_of(
        "Maren Ostrowski, the assistant harbour chief, said 55 units collapsed.",
        "Mara Ostrowski, the harbour chief, said 55 units collapsed.")
    assert ReasonKind.ENTITY not in kinds_of(  # two members of one family
        "The harbour plan, critics said, was drawn up by Joe Ostrowski's office in March.",
        "Emails show Hunter Ostrowski pushed the harbour plan in March.")
