"""A hedge against a statement of fact diverges only when the other side states the hedged claim
as done: not with a participle used as an adjective, a state or a repeated statement, a verb in
a clause about another event, a noun against a verb, or a statement its own tail hedges."""

from __future__ import annotations

from functools import partial

import pytest

from compare_app.core.models import ReasonKind, Relation
from sentence_pairs import compare_alone, explanations

certainty_reasons = partial(explanations, kind=ReasonKind.CERTAINTY)


@pytest.mark.parametrize("a, b", [
    # a participle used as an adjective, or the first part of a compound
    ("Thousands of nurses are unlikely to meet the Monday deadline for the ferry mandate.",
     "The province may lose many nurses once the province's expanded ferry mandate takes "
     "effect on Monday."),
    ("The port authority could seek a new scaled-down curfew on the harbour.",
     "The port authority turned down a request for a new scaled-down curfew on the harbour."),
    # a state or a statement repeated, not an act
    ("The harbour could run out of fuel in October, the minister warned on Wednesday.",
     "The minister reiterated that the harbour has until October before it runs out of fuel."),
    ("The regulator said this would be the final extension of the fishing pause.",
     "The regulator described it as the final extension of the fishing pause."),
    # a past verb in a clause about another event dates nothing
    ("The new ferry rules will begin on Nov. 8, the ministry said.",
     "Ferry restrictions that the ministry imposed because of the storms will be partly lifted "
     "on Nov. 8."),
    # a noun against a verb
    ("The inspector will likely set the harbour fees for the winter.",
     "The inspector published an initial set of harbour fees for the winter."),
    # a plan's modal tells what the plan does
    ("The harbour budget would spend $6 million next year, the council said.",
     "The council released a $6 million harbour budget on Friday."),
    ("Ministers endorsed a plan that would allow ferries to sail at night.",
     "Ferries will be allowed to sail at night this summer, ministers said."),
    # a statement that its own tail hedges
    ("Unvaccinated sailors may be twice as likely to fall ill on long voyages.",
     "Unvaccinated sailors are twice as likely to fall ill on long voyages, a new study "
     "suggests."),
    # the other side's own plan stands between a past form and the date
    ("The mayor's top adviser on ports is set to testify on Tuesday that he told a city lawyer "
     "about concerns over harbour safety.",
     "A navy officer assigned to the port plans to tell City Council investigators on Tuesday "
     "that he was disturbed by the mayor's demand."),
    # a past verb in a clause about the figure's noun ("tons it bought")
    ("The port will distribute 150 tons of grain to the islands over the next weeks.",
     "The port is sending to the islands 150 tons of grain it bought from farmers."),
    # a hedge word as an adjective of kind
    ("The old rule blocked potential sailors deemed a burden from joining the harbour crews.",
     "The old rule prevented sailors from joining the harbour crews unless they had insurance."),
    ("Inspectors have narrowed the cause of the spill to two likely scenarios, the port said.",
     "Inspectors have focused on two scenarios for the cause of the spill, the port said."),
])
def test_a_hedge_does_not_conflict_with_what_only_looks_like_a_fact(a, b):
    assert certainty_reasons(a, b) == []
    assert certainty_reasons(b, a) == []


@pytest.mark.parametrize("a, b", [
    ("The governor intends to sign an executive order on the ferry fares on Friday.",
     "The governor, a Republican, signed an executive order on the ferry fares on Friday."),
    ("The storm was expected to dump heavy rain on the harbour town.",
     "The storm has dumped heavy rain on the harbour town."),
    ("The new ferry rules will take effect on Nov. 8, the ministry said.",
     "The new ferry rules took effect on Nov. 8, the ministry said."),
    ("Sailors were sent to the port for training ahead of a likely deployment to the islands.",
     "Sailors had been deployed in large numbers to the islands."),  # an event noun
    ("The storm has the potential to kill 1,000 people on the coast.",
     "The storm killed 1,000 people on the coast."),  # "potential to" still doubts
])
def test_a_hedge_against_the_same_claim_done_still_diverges(a, b):
    pair = compare_alone(a, b)
    assert pair.relation is Relation.DIVERGE
    assert ReasonKind.CERTAINTY in {r.kind for r in pair.reasons}


@pytest.mark.parametrize("a, b", [
    # what an issued rule requires is not thereby done
    ("The province will require all ferry crews to be vaccinated, the governor announced.",
     "The governor issued a mandate on Friday requiring all ferry crews to be vaccinated."),
    # a description, a judgement or what would have been
    ("The governor vetoed two nominees to the panel set to investigate the harbour fire.",
     "The governor vetoed two nominees to the panel investigating the harbour fire."),
    ("The port added 559,000 containers in May, what would be considered a solid month.",
     "The port added 559,000 containers in May, the harbour office said."),
    ("The canceled pipeline would have stretched 1,200 miles across the province.",
     "The canceled pipeline stretched 1,200 miles across the province on paper."),
    ("The firm is developing a booster dose that will protect people from new variants.",
     "Vaccinated people are protected from new variants, the regulator said."),
])
def test_what_a_rule_or_a_description_says_is_no_doubt(a, b):
    assert certainty_reasons(a, b) == []


def test_a_doubted_cause_in_a_relative_clause_still_diverges():
    pair = compare_alone("The navy scrambled jets on Sunday in a flight that may have been a "
                         "response to the exercise.",
                         "The navy scrambled jets on Sunday in response to the exercise.")
    assert ReasonKind.CERTAINTY in {r.kind for r in pair.reasons}


def test_a_refusal_told_as_intent_and_as_act_is_no_certainty_conflict():
    assert certainty_reasons("The ferry chief said he would not meet the union leaders on Monday.",
                             "The ferry chief flatly rejected meeting the union leaders on "
                             "Monday.") == []
