"""Words that describe or credit rather than state: a participle as an adjective, a trailing
credit's verb, a claim another sentence only reports, a fixed term, a phrasal verb, and the date
something takes effect."""

from __future__ import annotations

import pytest

from compare_app.core.models import ReasonKind
from sentence_pairs import assert_kind as _with
from sentence_pairs import assert_no_kind as _without


def test_a_fixed_term_and_a_phrasal_verb_name_no_direction():
    _without("The justices will hear an appeal of a 2019 lower court ruling on the Tessel policy.",
             "The court announced Monday it will take up two key cases on the Tessel policy.",
             ReasonKind.DIRECTION)
    _with("Tessel will lower its harbour fees on Monday.",
          "Tessel will raise its harbour fees on Monday.", ReasonKind.DIRECTION)
    _with("Shares of Tessel were up 5 percent on Monday.",
          "Shares of Tessel were down 5 percent on Monday.", ReasonKind.DIRECTION)


def test_a_participle_used_as_an_adjective_states_no_act():
    _without("Tessel Mart announced that it will raise its minimum wage to $15 an hour, after it "
             "faced harsh criticism.",
             "Tessel Mart said it was raising the minimum wage to $15 an hour, as the company "
             "faced increased criticism about pay.", ReasonKind.CERTAINTY)
    _with("Tessel Mart will raise its minimum wage to $15 an hour.",
          "Tessel Mart raised its minimum wage to $15 an hour.", ReasonKind.CERTAINTY)


def test_the_verb_of_a_trailing_credit_is_not_the_claims_act():
    _without("The Tessel mayor will end support for the harbour project, his chief adviser "
             "announced Thursday.",
             "The Tessel mayor on Thursday will announce an end to support for the harbour "
             "project, his adviser said.", ReasonKind.CERTAINTY)
    _with("The Tessel mayor announced the closure of the bridge on Monday.",
          "The Tessel mayor will announce the closure of the bridge on Monday.",
          ReasonKind.CERTAINTY)


def test_what_a_sentence_only_reports_as_a_claim_is_not_stated():
    _without("The Tessel mayor again denied reports that he called the striking dockers "
             "\"losers\" on Monday.",
             "The Tessel mayor reiterated his claim that reports he had called the striking "
             "dockers \"losers\" were a hoax.", ReasonKind.NEGATION)
    _with("The Tessel mayor did not close the bridge on Monday.",
          "The Tessel mayor closed the bridge on Monday.", ReasonKind.NEGATION)


@pytest.mark.parametrize("a", [
    "The Tessel governor announced his resignation, effective Friday, at a news conference.",
    "The Tessel governor announced his resignation starting Friday at a news conference.",
])
def test_the_day_something_takes_effect_is_not_the_day_of_the_act(a):
    _without(a, "The Tessel governor announced his resignation Tuesday afternoon.",
             ReasonKind.DATE)


def test_two_days_of_one_act_still_conflict():
    _with("The Tessel governor resigned on Friday.", "The Tessel governor resigned on Tuesday.",
          ReasonKind.DATE)


def test_what_whether_asks_is_not_stated():
    _without("The Tessel prosecutor is investigating a potentially criminal scheme involving a "
             "bribe for a pardon, court papers show.",
             "The Tessel prosecutor is investigating whether there was a criminal bribery scheme "
             "involving a pardon, court papers show.", ReasonKind.CERTAINTY)
    _with("The Tessel scheme may have been criminal, court papers show.",
          "The Tessel scheme was criminal, court papers show.", ReasonKind.CERTAINTY)


def test_a_figure_of_an_aim_is_not_stated_by_the_verb_before_it():
    _without("Tessel Credit will pay up to $700 million to settle with the regulators.",
             "Tessel Credit has reached a deal to pay up to $700 million to the regulators.",
             ReasonKind.CERTAINTY)
    _with("The Tessel council will approve $5 million for the harbour.",
          "The Tessel council approved $5 million for the harbour.", ReasonKind.CERTAINTY)


def test_a_modal_in_a_condition_or_a_question_doubts_nothing():
    _without("The moderator said the Tessel mayor never condemned the rioters.",
             "The moderator repeatedly asked the Tessel mayor if he would condemn the rioters.",
             ReasonKind.CERTAINTY)
    _with("If the talks fail, the Tessel council will close the bridge.",
          "The Tessel council closed the bridge.", ReasonKind.CERTAINTY)


def test_compound_adjectives_and_described_nouns_state_no_act():
    _without("The Tessel mayor will name his nominee on Friday or Saturday.",
             "The Tessel mayor is likely to name his pick to fill the seat left vacant by the "
             "death of the judge on Friday.", ReasonKind.CERTAINTY)
    _without("The Tessel senate is slated to advance a $1.9 trillion spending package on "
             "Wednesday.",
             "The Tessel senate is set to take up the $1.9 trillion relief bill as early as "
             "Wednesday.", ReasonKind.CERTAINTY)
    _with("The Tessel senate is slated to advance a $1.9 trillion spending package on Wednesday.",
          "The Tessel senate advanced a $1.9 trillion spending package on Wednesday.",
          ReasonKind.CERTAINTY)


def test_a_hoped_for_act_is_not_stated_against_its_denial():
    _without("Tessel councillors postponed a vote in the hopes a deal could be reached on the "
             "harbour plan.",
             "Although they did not reach a final deal on the harbour plan, Tessel councillors "
             "postponed a vote.", ReasonKind.NEGATION)
    _without("Tessel councillors postponed a vote in the hopes a deal could be reached on the "
             "harbour plan.",
             "Although they did not reach a final deal on the harbour plan, Tessel councillors "
             "postponed a vote.", ReasonKind.CERTAINTY)
    _with("The Tessel council did not reach a deal on Monday.",
          "The Tessel council reached a deal on Monday.", ReasonKind.NEGATION)
    _with("The Tessel council could reach a deal on Monday.",
          "The Tessel council reached a deal on Monday.", ReasonKind.CERTAINTY)


def test_one_news_day_of_two_acts_is_no_certainty_conflict():
    _without("The Tessel treasurer is expected to meet senators Tuesday to discuss the budget.",
             "The Tessel council will seek approval of the budget, an official confirmed on "
             "Tuesday.", ReasonKind.CERTAINTY)
    _with("The Tessel agency is expected to announce Tuesday that it is revising its mask "
          "guidance.",
          "The Tessel agency updated its mask guidance on Tuesday.", ReasonKind.CERTAINTY)
    _with("The Tessel cease-fire would begin at 2 a.m. Friday, local time.",
          "A Tessel cease-fire took effect early Friday morning.", ReasonKind.CERTAINTY)
    _with("As many as 3.1 million Tessel recipients could lose their food stamps under a "
          "proposal unveiled Tuesday.",
          "The Tessel council is set to propose a rule Tuesday that would cut about 3.1 million "
          "people from the food-stamp program, reports said.", ReasonKind.CERTAINTY)
