"""Denials, distance, hedges and dates as reporters write them: "No injuries were reported",
"has yet to find" / "found", "…, unnamed sources claimed", "may have caused", "close to
agreeing", "forecast to make landfall", "is expected by next week to", ends and baselines of
dates; with the shapes that must not trigger them (what a dispute is about, graded denials,
participles describing a noun, names the two sides merely share)."""

from __future__ import annotations

import pytest

from compare_app.core.models import ReasonKind, Relation
from sentence_pairs import both_ways, compare_alone


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
    ("President Marek has been admitted to hospital, according to rumours in the capital.",
     "President Marek has been admitted to hospital.", "according to rumours"),
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
    ("The Kildare coach has been sacked, unnamed sources said.",
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


@pytest.mark.parametrize("a, b, denied, stated", [
    ("Nobody was hurt when the roof of the Orvath market collapsed on Saturday.",
     "Several shoppers were hurt when the roof of the Orvath market collapsed on Saturday.",
     "Nobody was hurt", "hurt"),
    ("The Norvel company said no customer payment data had been accessed.",
     "Customer payment data was accessed, the Norvel company said.", "no customer", "Customer"),
    ("Investigators said the Pellam gunman had no known links to extremist groups.",
     "The Pellam gunman had links to extremist groups, investigators said.", "no known links",
     "links"),
])
def test_denials_of_a_subject_or_behind_a_modifier_diverge(a, b, denied, stated):
    first, second = both_ways(a, b)
    assert _only(first, ReasonKind.NEGATION) == (
        f"Negation: A denies it (“{denied}”); B states it (“{stated}”).")
    assert _only(second, ReasonKind.NEGATION) == (
        f"Negation: B denies it (“{denied}”); A states it (“{stated}”).")


@pytest.mark.parametrize("a, b, hedge, stated", [
    ("Investigators said a faulty gas line may have caused the explosion in Rennick.",
     "A faulty gas line caused the explosion in Rennick, investigators said.",
     "may have caused", "caused"),
    ("Negotiators from Kaldon and Vessar are close to agreeing a ceasefire, mediators said.",
     "Kaldon and Vessar agreed a ceasefire, the mediators said.", "close to agreeing", "agreed"),
    ("Tropical Storm Nalia is forecast to make landfall near Port Ellis on Friday.",
     "Tropical Storm Nalia made landfall near Port Ellis on Friday.", "forecast to make landfall",
     "made"),
    # one verb read in two forms ("raising" / "raised")
    ("The government is considering raising the state pension age to 67.",
     "The minister said the government had raised the state pension age to 67.",
     "considering raising", "raised"),
])
def test_a_hedged_act_against_the_act_done_diverges_on_certainty(a, b, hedge, stated):
    first, second = both_ways(a, b)
    assert _only(first, ReasonKind.CERTAINTY) == (
        f"Certainty differs: A presents it as expected or possible (“{hedge}”); "
        f"B states it as fact (“{stated}”).")
    assert _only(second, ReasonKind.CERTAINTY) == (
        f"Certainty differs: B presents it as expected or possible (“{hedge}”); "
        f"A states it as fact (“{stated}”).")


@pytest.mark.parametrize("a, b", [
    # what would have been, and an agreement on a plan against what the plan will be
    ("The Arvo pipeline would have stretched 1,200 miles.",
     "The Arvo pipeline stretched 1,200 miles."),
    ("Democrats have more power than they would have had in the Harl commission.",
     "Democrats had more power in the Harl commission."),
    ("Senate leaders agreed on a $3.5 trillion spending plan on Tuesday.",
     "The spending resolution will be $3.5 trillion, the Senate leader said."),
    # a light verb with another object
    ("The Harl repairs could take weeks.", "The Harl repairs took a toll on the budget."),
    # a place, not an aim
    ("The Marrow house is close to the river.", "The Marrow house stands close to the river."),
])
def test_no_certainty_difference_without_a_hedged_act_done(a, b):
    for pair in both_ways(a, b):
        assert ReasonKind.CERTAINTY not in {r.kind for r in pair.reasons}, [
            r.explanation for r in pair.reasons]


@pytest.mark.parametrize("a, b", [
    ("The Harl court rejected claims that the subpoena was issued in bad faith.",
     "The Harl subpoena was issued in bad faith."),
    ("The Orvane lawsuit alleges that the company hid the test results.",
     "The Orvane company hid the test results."),
])
def test_what_a_dispute_is_about_is_no_distance_from_the_claim(a, b):
    for pair in both_ways(a, b):
        assert ReasonKind.ATTRIBUTION not in {r.kind for r in pair.reasons}, [
            r.explanation for r in pair.reasons]


def test_slipping_is_a_fall():
    pair = compare_alone("Support for the Unity coalition climbed to 38 percent, the poll showed.",
                         "Support for the Unity coalition slipped to 38 percent, the poll showed.")
    assert _only(pair, ReasonKind.DIRECTION) == (
        "Opposite directions: A says “climbed”; B says “slipped”.")


@pytest.mark.parametrize("a, b", [
    ("Without offering evidence, the ministry blamed Tessaly for the blast.",
     "The ministry blamed Tessaly for the blast."),
    ("Despite rumours circulating for weeks, the Kildare club sacked the coach on Friday.",
     "The Kildare club sacked the coach on Friday."),
    ("The Kildare club sacked the coach, after weeks of media reports.",
     "The Kildare club sacked the coach."),
    ("Eleven people died in the Orvath fire, contrary to earlier reports.",
     "Eleven people died in the Orvath fire."),
    # a graded denial, and a direction after a light verb
    ("The Orsena quake caused no major damage.", "The Orsena quake caused minor damage."),
    ("Prices in Caldor could go up sharply next year.", "Prices in Caldor went up sharply."),
])
def test_review_shapes_with_no_conflict(a, b):
    for pair in both_ways(a, b):
        assert pair.relation is not Relation.DIVERGE, [r.explanation for r in pair.reasons]


def test_distance_counts_only_on_words_the_other_side_states():
    # the two share names and a question, not the blocking kept at a distance
    for pair in both_ways("Justice Vale reportedly blocked Senator Orrin from asking the question.",
                          "Senator Orrin will try to make Justice Vale read the question aloud."):
        assert ReasonKind.ATTRIBUTION not in {r.kind for r in pair.reasons}
    # a compound's capital is no name: "all-White" is the claim kept at a distance
    first, _ = both_ways("Senator Orrin's family belongs to a reportedly all-White beach club.",
                         "Senator Orrin's family belongs to the all-white beach club.")
    assert _only(first, ReasonKind.ATTRIBUTION) == (
        "Attribution: A reports it at a distance (“reportedly”); B states it as established.")


@pytest.mark.parametrize("a, b", [
    # both hedged: a time between the hedge and its "to"
    ("The Harl agency is expected by next week to grant full approval to the Orvik vaccine.",
     "The Harl agency is expected to approve the Orvik vaccine fully."),
    # a participle describing a noun states no act ("symptoms caused by viruses")
    ("The Harl agency will invest $3.2 billion in antiviral drugs.",
     "The Harl agency announced $3.2 billion for drugs against symptoms caused by viruses."),
    ("The doses will be delivered by June 30.",
     "Pfizer said it can supply the rest of the doses delivered by June 30."),
    # one estimate reported twice
    ("The Harl pension will rise by $92 a month next year, the agency estimates.",
     "That amounts to $92 a month for the average Harl pensioner, the ministry said."),
    # a rise of something else
    ("Harl economists expected payrolls to increase by 500,000 in May.",
     "Harl stock futures were higher by 75 points on Friday."),
    # a figure that only names what follows it, hyphenated too
    ("Mayor Vale will speak on the 100-year anniversary of the Harl flood.",
     "The announcement coincided with the 100th anniversary of the Harl flood."),
])
def test_no_certainty_difference_from_a_misread_act(a, b):
    for pair in both_ways(a, b):
        assert ReasonKind.CERTAINTY not in {r.kind for r in pair.reasons}, [
            r.explanation for r in pair.reasons]


def test_a_hedge_with_a_time_before_its_to_still_hedges():
    pair = compare_alone("The Harl agency is expected by next week to grant approval to the drug.",
                         "The Harl agency granted approval to the drug.")
    assert _only(pair, ReasonKind.CERTAINTY) == (
        "Certainty differs: A presents it as expected or possible (“expected by next week to "
        "grant”); B states it as fact (“granted”).")


@pytest.mark.parametrize("a, b", [
    # an end against the date of an event, and a baseline against the event's date
    ("The Orvane loan pause was introduced in March 2020.",
     "The Orvane loan pause will be extended until January 31, 2022."),
    ("Jobless claims in Caldor rose by 37,000 in the week ended June 12.",
     "The rise in Caldor jobless claims was the biggest since late March."),
])
def test_dates_of_other_roles_are_no_date_conflict(a, b):
    for pair in both_ways(a, b):
        assert ReasonKind.DATE not in {r.kind for r in pair.reasons}, [
            r.explanation for r in pair.reasons]


def test_two_baselines_of_one_record_still_conflict():
    pair = compare_alone("Caldor prices rose at the fastest pace since June 2008.",
                         "Caldor prices rose at the fastest pace since August 2008.")
    assert ReasonKind.DATE in {r.kind for r in pair.reasons}


def test_one_rise_in_two_wordings_with_one_figure_still_conflicts():
    pair = compare_alone("The Harl agency increased the cost of online applications to $1,160.",
                         "The Harl ministry said it would increase the fee to apply to $1,160.")
    assert ReasonKind.CERTAINTY in {r.kind for r in pair.reasons}


@pytest.mark.parametrize("a, b, conflict", [
    # one night from two clocks: the edge of a day against the day before or after
    ("Harl forces attacked the border post early Friday.",
     "Harl forces attacked the border post on Thursday.", False),
    ("The Harl council vote was held on Tuesday night.",
     "The Harl council vote was held on Wednesday.", False),
    # a day apart without an edge, or two days apart, still conflict
    ("The Harl minister resigned on Monday.", "The Harl minister resigned on Tuesday.", True),
    # the same part of two days is two days
    ("The Harl suspect was arrested on Friday evening.",
     "The Harl suspect was detained on Saturday evening.", True),
    ("The Harl council vote was held on Tuesday.",
     "The Harl council vote was held on Thursday morning.", True),
])
def test_adjacent_days_at_the_edge_of_a_night(a, b, conflict):
    for pair in both_ways(a, b):
        assert (ReasonKind.DATE in {r.kind for r in pair.reasons}) is conflict
