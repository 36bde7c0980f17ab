"""Denials and hedges that are not the sentence's own claim: another speaker's denial that the
sentence recalls or disputes, a restrictive relative clause that says who is meant, a
participle after "be", a verb that denies its object ("avoided travel"), a past form used as a
noun ("a second shot"); figures of another measure or of one member of a set; a change only
forecast against the change that happened; with the plain conflicts these shapes must not hide
("did not take effect" / "took effect", "The strike did not hit …" / "The strike hit …")."""

from __future__ import annotations

import pytest

from compare_app.core.models import ReasonKind, Relation
from sentence_pairs import both_ways, compare_alone, reason_kinds, reason_texts


@pytest.mark.parametrize("a, b", [
    # the content of a view the sentence weighs
    ("Two inspectors contradicted the mayor's claim last week that the engineers didn't "
     "recommend closing the Varna bridge.",
     "Two inspectors told the council that the engineers recommended closing the Varna bridge."),
    # a statement a relative clause recalls
    ("The senator implied that the director misled the committee in March, in which the "
     "director said the agency had never funded the Kesh dam study.",
     "The senator said the agency funded the Kesh dam study in 2019."),
    # a denial a "when" clause recalls
    ("The senator suggested the director had lied in March when he denied that the agency "
     "funded the Kesh dam study.",
     "The senator said the agency funded the Kesh dam study in 2019."),
])
def test_a_denial_the_sentence_only_recalls_is_no_negation(a, b):
    for pair in both_ways(a, b):
        assert ReasonKind.NEGATION not in reason_kinds(pair), reason_texts(pair)


@pytest.mark.parametrize("a, b, stated", [
    # the denier's own claim, the same words as the recalled ones above
    ("The engineers didn't recommend closing the Varna bridge, two inspectors said.",
     "Two inspectors told the council that the engineers recommended closing the Varna bridge.",
     "recommended"),
    # "the strike" is a noun: it does not state the act the sentence denies
    ("The strike did not hit the Orlen hospital, the ministry said.",
     "The strike hit the Orlen hospital, witnesses said.", "hit"),
    # a light verb's past with the same object
    ("The truce did not take effect on Friday.", "The truce took effect on Friday.",
     "took effect"),
])
def test_the_sentences_own_denial_still_conflicts(a, b, stated):
    first, second = both_ways(a, b)
    [why] = [r.explanation for r in first.reasons if r.kind is ReasonKind.NEGATION]
    assert why.endswith(f"B states it (“{stated}”).")
    assert ReasonKind.NEGATION in reason_kinds(second)


def test_a_light_verb_in_another_clause_is_no_statement():
    pair = compare_alone(
        "The president did not take questions from reporters during the meeting on Tuesday.",
        "The president declined to call on reporters on Tuesday after the prime minister took "
        "questions from reporters during the meeting.")
    assert ReasonKind.NEGATION not in reason_kinds(pair), reason_texts(pair)


@pytest.mark.parametrize("a, b", [
    # a participle after "be" tells no act done: a demand, not a removal
    ("The Lenner grant will most likely be removed from the spending package, aides said.",
     "The senator demanded that the Lenner grant be removed from the spending package."),
    # a restrictive relative clause says who is meant
    ("Officials say adults will need the boosters eight months after their second dose.",
     "The plan gives boosters to adults who completed their second dose eight months ago."),
    # a verb that denies its object: no trip was made
    ("The prime minister will travel to Oslo on June 11 for the summit.",
     "The prime minister has avoided travel during the outbreak but will make the trip to "
     "Oslo for the summit."),
    # a past form used as a noun ("a second shot") states nothing done
    ("Adults can receive a second shot beginning Sept. 20, officials said.",
     "The health service will begin giving second shots next month, officials said."),
])
def test_a_description_is_not_a_statement_of_what_was_done(a, b):
    for pair in both_ways(a, b):
        assert ReasonKind.CERTAINTY not in reason_kinds(pair), reason_texts(pair)


@pytest.mark.parametrize("a, b, stated", [
    ("The Lenner grant will most likely be removed from the spending package, aides said.",
     "The Lenner grant was removed from the spending package on Monday.", "removed"),
    ("Officials say adults will need the boosters eight months after their second dose.",
     "Adults needed the boosters eight months after their second dose, officials said.",
     "needed"),
    # the relative clause ends before the claim: "who have had the flu are twice as likely"
    ("Adults who have had the flu may be twice as likely to catch it again.",
     "Adults who have had the flu are twice as likely to catch it again.", "twice"),
    # "cease-fire" holds no verb that denies
    ("The cease-fire would begin at 2 a.m. Friday, local time.",
     "The cease-fire took effect early Friday morning.", "took effect early Friday"),
])
def test_the_same_claim_stated_as_done_still_differs_in_certainty(a, b, stated):
    first, second = both_ways(a, b)
    [why] = [r.explanation for r in first.reasons if r.kind is ReasonKind.CERTAINTY]
    assert stated in why, why
    assert ReasonKind.CERTAINTY in reason_kinds(second)


def test_the_figure_quoted_is_the_one_said_of_the_same_thing():
    first, second = both_ways(
        "By Monday, 41.2% of adults in Dunmore were fully vaccinated, the health board said.",
        "Over 60% of adults in Dunmore have had at least one dose, and 44% have been fully "
        "vaccinated, the health board said.")
    [why] = [r.explanation for r in first.reasons if r.kind is ReasonKind.NUMBER]
    assert why == "Different figures: A says “41.2%”; B says “44%”."
    assert ReasonKind.NUMBER in reason_kinds(second)


def test_the_same_figure_said_of_the_same_thing_is_no_conflict():
    for pair in both_ways(
            "By Monday, 44% of adults in Dunmore were fully vaccinated, the health board said.",
            "Over 60% of adults in Dunmore have had at least one dose, and 44% have been fully "
            "vaccinated, the health board said."):
        assert ReasonKind.NUMBER not in reason_kinds(pair), reason_texts(pair)


@pytest.mark.parametrize("a, b", [
    # a measure that leaves something out is another measure, with its own record
    ("Consumer prices in Arveland rose 0.6 percent in May, the statistics office said.",
     "Excluding food and energy, consumer prices in Arveland rose 0.4 percent in May, the "
     "statistics office said."),
    ("Prices in Arveland rose at the fastest pace since March 2009 last month.",
     "Core prices in Arveland rose 3.1% in the past year, the biggest increase since July "
     "1993."),
    # one member picked out of a set the other side names
    ("One appeal concerned a farmer who had fenced off a public footpath near Tarrow.",
     "The tribunal dismissed the two appeals, both of which concerned footpaths near Tarrow."),
])
def test_figures_of_another_measure_or_of_a_member_are_no_conflict(a, b):
    for pair in both_ways(a, b):
        assert not reason_kinds(pair) & {ReasonKind.NUMBER, ReasonKind.DATE}, reason_texts(pair)


@pytest.mark.parametrize("a, b", [
    ("Consumer prices in Arveland rose 0.6 percent in May, the statistics office said.",
     "Consumer prices in Arveland rose 0.4 percent in May, the statistics office said."),
    ("Excluding food and energy, prices in Arveland rose 0.6 percent in May.",
     "Excluding food and energy, prices in Arveland rose 0.4 percent in May."),
    ("One person was killed when the Tarrow footbridge collapsed.",
     "Two people were killed when the Tarrow footbridge collapsed."),
    ("Seven of the dead were children, the Tarrow police said.",
     "Nine children were among the dead, the Tarrow police said."),
])
def test_the_same_measure_or_count_still_conflicts(a, b):
    for pair in both_ways(a, b):
        assert ReasonKind.NUMBER in reason_kinds(pair), reason_texts(pair)


def test_a_change_only_forecast_against_the_change_that_happened_is_related():
    first, second = both_ways(
        "The jobless rate in Arveland ticked up to 5.4% from 5.3% in May.",
        "Economists had anticipated that the jobless rate in Arveland would drop from April's "
        "5.3% to 5.1%.")
    assert first.relation is Relation.RELATED and second.relation is Relation.RELATED
    assert [r.explanation for r in first.reasons] == [
        "Two measures, not a conflict: A gives the outcome (“ticked up”); B a forecast (“drop”)."]


@pytest.mark.parametrize("a, b, kind", [
    # a hedge on the change itself still doubts it
    ("The jobless rate in Arveland could fall in May.", "The jobless rate in Arveland rose in May.",
     ReasonKind.DIRECTION),
    # where a change starts is known, but the change is still hedged against stated
    ("The jobless rate in Arveland could rise to 5.4% from 5.3%.",
     "The jobless rate in Arveland rose to 5.4% from 5.3%.", ReasonKind.CERTAINTY),
])
def test_a_hedged_change_still_conflicts(a, b, kind):
    for pair in both_ways(a, b):
        assert pair.relation is Relation.DIVERGE and kind in reason_kinds(pair), reason_texts(pair)


def test_a_noun_after_a_determiner_and_a_word_states_no_act():
    # "The brief ruling is …": a noun the verb after it shows, not the act of ruling
    for pair in both_ways(
            "The brief ruling is a blow to the residents' group fighting the Tarrow bypass.",
            "The Tarrow bypass went ahead after the court let the works start without ruling "
            "on the residents' group's appeal."):
        assert ReasonKind.NEGATION not in reason_kinds(pair), reason_texts(pair)
    pair = compare_alone("The court did not rule on the Tarrow bypass appeal.",
                         "The court ruled on the Tarrow bypass appeal on Monday.")
    assert ReasonKind.NEGATION in reason_kinds(pair)


def test_a_hedged_and_a_stated_verb_with_objects_of_their_own_are_two_acts():
    for pair in both_ways(
            "The Harl ferry's sailing to Ostend marked a breakthrough in the talks between the "
            "two governments.",
            "The Harl ferry's sailing to Ostend would mark the first crossing of the strait since "
            "the storm."):
        assert ReasonKind.CERTAINTY not in reason_kinds(pair), reason_texts(pair)
    pair = compare_alone("The Harl ferry's sailing would mark the first crossing to Ostend.",
                         "The Harl ferry's sailing marked the first crossing to Ostend.")
    assert ReasonKind.CERTAINTY in reason_kinds(pair)


@pytest.mark.parametrize("a, b", [
    # a further act ("more drones") is not the one done
    ("The navy chief warned that Arvel forces could shoot down more drones over the strait.",
     "Arvel forces shot down a surveillance drone over the strait on Sunday."),
    # a hedge in an embedded question is what is asked about
    ("The wide range came from differing views of how the Tessel strike would hit hiring at "
     "suppliers.",
     "The Tessel strike hit hiring at suppliers, the ministry said."),
    # a reporting verb shifts a progressive back: the act announced, not done
    ("The governor said the state will be extending its curfew through April 30.",
     "The governor on Sunday said he was extending the state's curfew through April 30."),
    # a verb that introduces a quotation tells no act
    ("Payments may begin to arrive tonight and will continue into next week, the minister said.",
     'His statement continued: "Payments may begin to arrive tonight and will continue into '
     'next week."'),
    # a participle with "by" a few words on describes a noun
    ("The stronger hiring could help the Tessel economy, which is still growing.",
     "The Tessel jobs report was much stronger than last month's, helped in part by the end of "
     "a strike."),
])
def test_a_hedge_against_another_act_or_a_description_is_no_certainty_conflict(a, b):
    for pair in both_ways(a, b):
        assert ReasonKind.CERTAINTY not in reason_kinds(pair), reason_texts(pair)


@pytest.mark.parametrize("a, b", [
    ("Arvel forces could shoot down drones over the strait.",
     "Arvel forces shot down a drone over the strait."),
    ("The governor will extend the state's curfew through April 30.",
     "The governor extended the state's curfew through April 30 on Sunday."),
])
def test_the_same_act_hedged_and_done_still_differs(a, b):
    for pair in both_ways(a, b):
        assert ReasonKind.CERTAINTY in reason_kinds(pair), reason_texts(pair)


def test_an_adverb_between_to_and_its_verb_still_makes_an_aim():
    # "ordered the government to immediately release" states no release, so the refusal the
    # other side reports does not deny it
    for pair in both_ways(
            "A judge ruled that the Tessel ministry broke its rules by refusing to release most "
            "detained asylum seekers.",
            "A judge ordered the Tessel ministry to immediately release most detained asylum "
            "seekers."):
        assert ReasonKind.NEGATION not in reason_kinds(pair), reason_texts(pair)


@pytest.mark.parametrize("a, b", [
    # the days two statements were made, the day before or after the speech verb
    ("The governor suggested Wednesday that the leaked memo was an act of sabotage.",
     "The governor on Friday said that the police should find who leaked the memo."),
    ("The minister on Monday said she would resign over the Tessel contract.",
     "The minister on Tuesday said she would resign over the Tessel contract."),
    # a date that names an event against the date of an act
    ("He is charged with inciting the crowd ahead of the Jan. 6 riot at the Tessel parliament.",
     "Parliament voted on Jan. 13 to charge him with inciting the riot at the Tessel "
     "parliament."),
])
def test_a_speech_day_or_an_event_named_by_its_day_is_no_date_conflict(a, b):
    for pair in both_ways(a, b):
        assert ReasonKind.DATE not in reason_kinds(pair), reason_texts(pair)


@pytest.mark.parametrize("a, b", [
    ("The minister resigned on Monday over the Tessel contract.",
     "The minister resigned on Tuesday over the Tessel contract."),
    ("Crowds gathered for the Jan. 6 vigil at the Tessel parliament.",
     "Crowds gathered for the Jan. 8 vigil at the Tessel parliament."),
])
def test_two_days_of_one_act_or_two_names_of_one_event_still_conflict(a, b):
    for pair in both_ways(a, b):
        assert ReasonKind.DATE in reason_kinds(pair), reason_texts(pair)


@pytest.mark.parametrize("a, b, kind", [
    # irregular pasts written like their base form, or unlike it
    ("The Tessel storm could cost more than $5 billion.",
     "The Tessel storm cost more than $5 billion.", ReasonKind.CERTAINTY),
    ("The Tessel garrison is expected to withdraw from the town.",
     "The Tessel garrison withdrew from the town on Monday.", ReasonKind.CERTAINTY),
    ("The court did not uphold the Tessel ban.", "The court upheld the Tessel ban on Monday.",
     ReasonKind.NEGATION),
])
def test_irregular_pasts_state_the_act(a, b, kind):
    for pair in both_ways(a, b):
        assert kind in reason_kinds(pair), reason_texts(pair)


def test_a_modal_governs_a_base_form_after_and():
    # "could cost … and put millions at risk": "put" is no past here
    for pair in both_ways(
            "The adviser warned that the outbreak could cost Tessel billions and put thousands "
            "of jobs at risk.",
            "The adviser warned that the outbreak could put thousands of jobs at risk and cost "
            "Tessel billions."):
        assert ReasonKind.CERTAINTY not in reason_kinds(pair), reason_texts(pair)


@pytest.mark.parametrize("a, b", [
    # a report's reach ends where a clause about another event opens
    ("Officials say the minister will attend the Tessel summit despite an earlier report she "
     "would stay home after an aide tested positive last week.",
     "The ministry is taking precautions after an aide tested positive last week."),
    # a trailing credit does not cover an aside about someone
    ("The governor pardoned Ivo Marek, who was convicted in 2007 of fraud at the Tessel port, "
     "according to media reports.",
     "Ivo Marek was convicted in 2007 of fraud at the Tessel port."),
])
def test_distance_does_not_reach_another_event_or_an_aside(a, b):
    for pair in both_ways(a, b):
        assert ReasonKind.ATTRIBUTION not in reason_kinds(pair), reason_texts(pair)


def test_a_trailing_credit_still_distances_the_claim():
    for pair in both_ways(
            "The governor pardoned Ivo Marek, who was convicted in 2007 of fraud, according to "
            "media reports.",
            "The governor pardoned Ivo Marek, who was convicted in 2007 of fraud."):
        assert ReasonKind.ATTRIBUTION in reason_kinds(pair), reason_texts(pair)


def test_a_name_mentioned_in_passing_ties_no_denial_to_another_finding():
    for pair in both_ways(
            "The inquiry did not find that the Marek campaign conspired with the Tessel "
            "government, the minister wrote.",
            "Yet the inquiry did find actions by Mr. Marek after he took office that could be "
            "seen as obstruction."):
        assert ReasonKind.NEGATION not in reason_kinds(pair), reason_texts(pair)
    pair = compare_alone("The minister did not meet Ivo Marek on Friday.",
                         "The minister met Ivo Marek on Friday.")
    assert ReasonKind.NEGATION in reason_kinds(pair)


def test_a_verb_in_an_embedded_question_states_nothing():
    for pair in both_ways(
            "Officials say that, absent a landslide, it won't be clear who won the Tessel vote "
            "for several days.",
            "Absentee ballots were almost certain to delay the Tessel results, possibly for "
            "days."):
        assert ReasonKind.CERTAINTY not in reason_kinds(pair), reason_texts(pair)


def test_a_negation_before_a_question_word_denies_a_reason_not_the_act():
    for pair in both_ways(
            "Protesters swarmed the field during the Tessel football game on Saturday, delaying "
            "the action.",
            "Tessel beat Ostrel 50-43 on Saturday, but that's not why the game made headlines."):
        assert ReasonKind.NEGATION not in reason_kinds(pair), reason_texts(pair)
