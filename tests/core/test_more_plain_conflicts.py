"""More of what an analyst reads as a plain conflict or as two facts, each with the shapes that
must not trigger it: figures of two measures, spans of time in other units, directions said
with a particle or a word whose stem is also a noun, outcomes, "no" and "failed to" as denials,
weighing an act, announcing, irregular past forms, and "is alleged to"."""

from __future__ import annotations

import pytest

from compare_app.core.compare import compare_texts
from compare_app.core.loading import load_text
from compare_app.core.models import ReasonKind, Relation
from sentence_pairs import compare_alone


def _kinds(a: str, b: str) -> set[ReasonKind]:
    return {r.kind for r in compare_alone(a, b).reasons}


# ----------------------------------------------------------------- two measures


@pytest.mark.parametrize("a, b, quoted", [
    ("The Tessel mine blast killed nine workers.", "The Tessel mine blast injured 31 workers.",
     ("killed nine workers", "injured 31 workers")),
    ("Unemployment in Marlen stood at 5.4 percent in May.",
     "Marlen had 212,000 unemployed people in May.",
     ("stood at 5.4 percent", "had 212,000 unemployed people")),
    ("The Arvo ferry carries 900 passengers.", "The Arvo ferry makes 14 crossings a day.",
     ("carries 900 passengers", "makes 14 crossings")),
    # the source one side credits is no part of the claim
    ("An explosion at the Tessel depot killed nine workers on Tuesday, the port authority said.",
     "The explosion at the Tessel depot injured 31 workers on Tuesday.",
     ("killed nine workers", "injured 31 workers")),
])
def test_figures_of_two_measures_on_one_subject_are_related(a, b, quoted):
    for x, y, qx, qy in ((a, b, *quoted), (b, a, *quoted[::-1])):
        c = compare_texts(load_text(x, name="A"), load_text(y, name="B"))
        [pair] = c.pairs
        assert pair.relation is Relation.RELATED, [r.explanation for r in pair.reasons]
        [why] = pair.reasons
        assert why.kind is ReasonKind.MEASURE
        assert f"A gives a figure of one thing (“{qx}”)" in why.explanation
        assert f"B a figure of another (“{qy}”)" in why.explanation
        assert c.a.text[why.a.start:why.a.end] == why.a.text


@pytest.mark.parametrize("a, b", [
    # one figure in other units
    ("The Arvo tunnel is 2.5 kilometres long.", "The Arvo tunnel is 2,500 metres long."),
    ("The dock strike lasted two weeks.", "The dock strike lasted 14 days."),
    ("The crossing took 3 hours.", "The crossing took 180 minutes."),
    ("The Arvo mill produced 4 tonnes of pulp.", "The Arvo mill produced 4,000 kg of pulp."),
    # a figure that is a detail of a longer shared claim: the claim agrees
    ("The Tessel council, which has 45 members, approved the harbour budget on Monday after a "
     "long debate about fees.",
     "After a long debate about fees, the Tessel council approved the harbour budget worth "
     "$12 million on Monday."),
])
def test_one_figure_in_other_units_or_a_side_detail_still_agrees(a, b):
    pair = compare_alone(a, b)
    assert pair.relation is Relation.AGREE, [r.explanation for r in pair.reasons]


@pytest.mark.parametrize("a, b, quoted", [
    ("The dock strike lasted two weeks.", "The dock strike lasted 12 days.",
     ("two weeks", "12 days")),
    ("The crossing took 2 hours.", "The crossing took 95 minutes.", ("2 hours", "95 minutes")),
])
def test_spans_of_time_in_other_units_that_differ_diverge(a, b, quoted):
    pair = compare_alone(a, b)
    assert pair.relation is Relation.DIVERGE
    [why] = pair.reasons
    assert why.kind is ReasonKind.NUMBER
    assert f"A says “{quoted[0]}”; B says “{quoted[1]}”" in why.explanation


def test_spans_of_time_in_other_places_of_the_claim_are_no_conflict():
    pair = compare_alone(
        "The truce ended 11 days of shelling along the Arvo river, the monitors said.",
        "The truce comes less than two weeks after the shelling along the Arvo river began.")
    assert ReasonKind.NUMBER not in {r.kind for r in pair.reasons}


@pytest.mark.parametrize("a, b, times", [
    ("Inflation in Marlen was 3.1 percent in 2023.", "Inflation in Marlen was 7.4 percent in 2022.",
     ("“3.1 percent” is for “2023”", "“7.4 percent” for “2022”")),
    ("The Arvo police recorded 38 burglaries this year.",
     "The Arvo police recorded 51 burglaries last year.",
     ("“38 burglaries” is for “this year”", "“51 burglaries” for “last year”")),
    ("Unemployment in Marlen was 5.1% in June.", "Unemployment in Marlen was 5.6% in May.",
     ("“5.1%” is for “June”", "“5.6%” for “May”")),
    ("Arvo Steel's profit fell 10% in the first quarter.",
     "Arvo Steel's profit rose 6% in the second quarter.",
     ("“10%” is for “first quarter”", "“6%” for “second quarter”")),
])
def test_figures_for_other_periods_are_two_measures(a, b, times):
    pair = compare_alone(a, b)
    assert pair.relation is Relation.RELATED, [r.explanation for r in pair.reasons]
    [why] = pair.reasons
    assert why.kind is ReasonKind.MEASURE and "figures for different periods" in why.explanation
    assert all(t in why.explanation for t in times)


@pytest.mark.parametrize("a, b", [
    # one period: the figures conflict
    ("Inflation in Marlen was 3.1 percent in 2023.",
     "Inflation in Marlen was 7.4 percent in 2023."),
    # two days: one event told with two details wrong
    ("The Arvo quake killed 42 people on March 12.",
     "The Arvo quake killed 14 people on March 21."),
    # "this year" and a year may be one period
    ("The ministry will admit 6,000 students this year.",
     "The ministry will admit no more than 2,000 students in 2025."),
])
def test_figures_for_one_period_or_on_two_days_still_conflict(a, b):
    assert ReasonKind.NUMBER in _kinds(a, b)


@pytest.mark.parametrize("a, b, which", [
    ("The Arvo ferry fare for adults is £14.", "The Arvo ferry fare for children is £7.",
     ("“adults”", "“children”")),
    ("Tessel's median rent is $1,450.", "Tessel's average rent is $1,720.",
     ("“median”", "“average”")),
    ("Median household income in Arvo rose to $58,000.",
     "Mean household income in Arvo rose to $71,000.", ("“Median”", "“Mean”")),
    ("Average pay in Tessel rose 3 percent last year.",
     "Minimum pay in Tessel rose 9 percent last year.", ("“Average”", "“Minimum”")),
])
def test_figures_of_other_qualified_things_are_two_measures(a, b, which):
    pair = compare_alone(a, b)
    assert pair.relation is Relation.RELATED, [r.explanation for r in pair.reasons]
    [why] = pair.reasons
    assert f"A gives the figure for {which[0]}" in why.explanation
    assert f"B the figure for {which[1]}" in why.explanation


@pytest.mark.parametrize("a, b", [
    # two words for one thing
    ("The Arvo shipyard cut 4 percent of its workforce.",
     "The Arvo shipyard cut 40 percent of its staff."),
    # the sources credited differ, not what is counted
    ("The death toll in Tessel has risen to 14, officials said.",
     "At least 42 people have died in Tessel, the agency said."),
])
def test_other_words_for_one_thing_or_other_sources_still_conflict(a, b):
    assert ReasonKind.NUMBER in _kinds(a, b)


# ----------------------------------------------------------------- directions


@pytest.mark.parametrize("a, b", [
    ("Rents in Marlen edged up in June.", "Rents in Marlen edged down in June."),
    ("Factory orders in Marlen picked up in the spring.",
     "Factory orders in Marlen eased in the spring."),
    ("Ridership on the Arvo trams recovered last year.",
     "Ridership on the Arvo trams declined last year."),
    ("The Tessel river rose overnight.", "The Tessel river receded overnight."),
    ("Queues at the Arvo clinic lengthened this spring.",
     "Queues at the Arvo clinic shortened this spring."),
    ("Pay in Marlen outpaced prices last year.", "Pay in Marlen lagged prices last year."),
    ("Support for the Arvo mayor surged before the vote.",
     "Support for the Arvo mayor collapsed before the vote."),
])
def test_opposite_directions_in_other_words_diverge(a, b):
    assert _kinds(a, b) == {ReasonKind.DIRECTION}
    assert _kinds(b, a) == {ReasonKind.DIRECTION}


@pytest.mark.parametrize("a, b", [
    ("The Tessel board stepped down after the vote on the harbour fees.",
     "The Tessel board went up to the harbour after the vote on the fees."),
    ("The Tessel council shut down the harbour office on Monday.",
     "The Tessel council set up the harbour office on Monday."),
])
def test_up_and_down_as_particles_of_other_verbs_are_no_direction(a, b):
    assert ReasonKind.DIRECTION not in _kinds(a, b)


# ----------------------------------------------------------------- outcomes


@pytest.mark.parametrize("a, b", [
    ("A jury found the Arvo harbour master guilty of fraud.",
     "A jury acquitted the Arvo harbour master of fraud."),
    ("Police confirmed arson in the Tessel warehouse fire.",
     "Police ruled out arson in the Tessel warehouse fire."),
    ("The Marlen envoy accepted the invitation to the summit.",
     "The Marlen envoy declined the invitation to the summit."),
    ("The ferry operator's quarterly profit beat forecasts.",
     "The ferry operator's quarterly profit missed forecasts."),
    ("The Tessel festival went ahead despite the rain.",
     "The Tessel festival was cancelled because of the rain."),
    ("The ministry lifted the ban on night fishing.",
     "The ministry extended the ban on night fishing."),
])
def test_opposite_outcomes_in_other_words_diverge(a, b):
    pair = compare_alone(a, b)
    assert pair.relation is Relation.DIVERGE, [r.explanation for r in pair.reasons]
    assert any("Opposite outcomes" in r.explanation for r in pair.reasons)


def test_an_outcome_with_no_object_is_about_its_subject():
    pair = compare_alone("The Halby border crossing reopened on Sunday.",
                         "The Halby border crossing closed on Sunday.")
    [why] = pair.reasons
    assert "A says “reopened”; B says “closed”" in why.explanation
    pair = compare_alone("The council reopened the Halby library on Sunday.",
                         "The council closed the Tessel pool on Sunday.")
    assert not any("Opposite outcomes" in r.explanation for r in pair.reasons)


def test_declining_to_comment_or_by_a_figure_is_no_outcome():
    pair = compare_alone("The Marlen envoy declined to comment on the summit invitation.",
                         "The Marlen envoy accepted the summit invitation, aides said.")
    assert not any("Opposite outcomes" in r.explanation for r in pair.reasons)


# ----------------------------------------------------------------- denials


@pytest.mark.parametrize("a, b, cue", [
    ("There were no casualties in the Tessel warehouse fire.",
     "There were casualties in the Tessel warehouse fire.", "no casualties"),
    ("Inspectors found no weapons in the Arvo depot.",
     "Inspectors found weapons in the Arvo depot.", "no weapons"),
    ("The lifeboat crew failed to reach the stranded divers off Tessel Point.",
     "The lifeboat crew reached the stranded divers off Tessel Point.", "failed to"),
    ("The lifeboat crew has yet to reach the stranded divers off Tessel Point.",
     "The lifeboat crew reached the stranded divers off Tessel Point.", "yet to"),
    # "managed to" did it
    ("The lifeboat crew failed to reach the stranded divers off Tessel Point.",
     "The lifeboat crew managed to reach the stranded divers off Tessel Point.", "failed to"),
])
def test_no_and_failed_to_deny_what_the_other_side_states(a, b, cue):
    pair = compare_alone(a, b)
    [why] = pair.reasons
    assert why.kind is ReasonKind.NEGATION and f"A denies it (“{cue}”)" in why.explanation


@pytest.mark.parametrize("a, b", [
    # "no" opening the subject denies the verb, which both sides deny
    ("No company in Marlen can require masks from its staff, the order says.",
     "The order bars any company in Marlen from requiring masks from its staff."),
    # nothing on the other side says there is a recession
    ("The minister said there was no recession in sight for Marlen.",
     "The minister tried to ease fears of a recession in Marlen on Sunday."),
    # "no plans to" is about an aim; the other side plans something else
    ("The mayor has no plans to set up a harbour commission, her office said.",
     "The mayor plans to keep urging the council to set up its own harbour panel."),
    # a bound or a set phrase, not a denial
    ("No more than 40 boats may enter the Arvo harbour at night.",
     "Up to 40 boats may enter the Arvo harbour at night."),
])
def test_no_that_denies_no_shared_claim_is_no_conflict(a, b):
    assert ReasonKind.NEGATION not in _kinds(a, b)


# ----------------------------------------------------------------- certainty and attribution


@pytest.mark.parametrize("a, b, hedge, stated", [
    ("The Marlen government is expected to announce a snap election.",
     "The Marlen government announced a snap election.", "expected to announce", "announced"),
    ("The ferry operator plans to build a terminal in Arvo.",
     "The ferry operator has built a terminal in Arvo.", "plans to build", "built"),
    ("The Tessel council is considering closing the harbour library.",
     "The Tessel council closed the harbour library.", "considering closing", "closed"),
    # a perfect form whatever its spelling
    ("The blight could spread to the Arvo orchards.", "The blight has spread to the Arvo orchards.",
     "could spread", "spread"),
    ("The blight could spread to the Arvo orchards.", "The blight spread to the Arvo orchards.",
     "could spread", "spread"),
])
def test_a_planned_or_weighed_act_against_the_act_done_diverges(a, b, hedge, stated):
    [why] = compare_alone(a, b).reasons
    assert why.kind is ReasonKind.CERTAINTY
    assert f"(“{hedge}”)" in why.explanation and f"(“{stated}”)" in why.explanation


@pytest.mark.parametrize("a, b", [
    # a participle or an aim is not the act done
    ("The census office will release the harbour figures on Thursday.",
     "The harbour figures being released on Thursday will show which towns grew."),
    ("The governor is expected to sign the ferry bill into law on Thursday.",
     "The ferry bill now heads to the governor's desk to be signed into law."),
    # a light verb in two senses
    ("The harbour repairs could take weeks, the engineers warned.",
     "The mayor took a victory lap after the harbour repairs began."),
])
def test_a_participle_an_aim_or_another_sense_is_not_the_act_done(a, b):
    assert ReasonKind.CERTAINTY not in _kinds(a, b)


def test_is_alleged_to_reports_at_a_distance():
    pair = compare_alone("The Arvo harbour master is alleged to have hidden the logbooks.",
                         "The Arvo harbour master hid the logbooks.")
    [why] = pair.reasons
    assert why.kind is ReasonKind.ATTRIBUTION and "“is alleged to”" in why.explanation


# ----------------------------------------------------------------- dates and subjects


@pytest.mark.parametrize("a, b, quoted", [
    ("The Arvo clerk was arrested on Jan. 9.", "The Arvo clerk was arrested on Feb. 9.",
     ("Jan. 9", "Feb. 9")),
    ("The Tessel pier was built in the 1880s.", "The Tessel pier was built in the 1930s.",
     ("1880s", "1930s")),
    ("The Arvo regatta starts on 12 August.", "The Arvo regatta starts on 2 August.",
     ("12 August", "2 August")),
    ("The Arvo regatta starts on the 30th of June.", "The Arvo regatta starts on the 21st of "
     "June.", ("30th of June", "21st of June")),
])
def test_other_days_months_and_decades_diverge_as_dates(a, b, quoted):
    [why] = compare_alone(a, b).reasons
    assert why.kind is ReasonKind.DATE
    assert f"A says “{quoted[0]}”; B says “{quoted[1]}”" in why.explanation


@pytest.mark.parametrize("a, b", [
    ("The Arvo regatta starts on 12 August.", "The Arvo regatta starts on August 12."),
    ("The ministers met in Tessel on 3 March 2021.",
     "The ministers met in Tessel on March 3, 2021."),
    ("The Arvo regatta starts on the 12th of August.", "The Arvo regatta starts on August 12."),
])
def test_a_day_before_or_after_its_month_is_one_date(a, b):
    pair = compare_alone(a, b)
    assert pair.relation is Relation.AGREE, [r.explanation for r in pair.reasons]


def test_the_day_of_a_date_is_no_figure():
    c = compare_texts(load_text("The Arvo regatta starts on 12 August 2025.", name="A"),
                      load_text("The Arvo regatta starts on 2 August 2025.", name="B"))
    assert c.a.sentences[0].features.numbers == ()
    assert {r.kind for r in c.pairs[0].reasons} == {ReasonKind.DATE}


def test_changes_of_two_things_in_one_place_are_two_measures():
    pair = compare_alone("Home prices in Arvo rose 3 percent in April.",
                         "Rents in Arvo fell 1 percent in April.")
    assert pair.relation is Relation.RELATED, [r.explanation for r in pair.reasons]
    assert _kinds("Home prices in Arvo rose 3 percent in April.",
                  "Home prices in Arvo fell 1 percent in April.") == {
        ReasonKind.NUMBER, ReasonKind.DIRECTION}


def test_edged_up_to_a_level_is_a_move_not_a_ceiling():
    pair = compare_alone("Joblessness in Marlen edged up to 3.2% in May.",
                         "Joblessness in Marlen edged down to 3.2% in May.")
    [why] = pair.reasons
    assert why.kind is ReasonKind.DIRECTION and "“edged up”" in why.explanation
    c = compare_texts(load_text("Joblessness in Marlen edged up to 3.2% in May.", name="A"),
                      load_text("Up to 40 boats may enter the harbour.", name="B"))
    assert [n.qualifier for n in c.a.sentences[0].features.numbers] == [""]
    assert [n.qualifier for n in c.b.sentences[0].features.numbers] == ["up to"]


@pytest.mark.parametrize("a, b", [
    ("The Arvo mill hired 40 workers last year.", "The Arvo mill fired 40 workers last year."),
    ("The ministry granted the drilling licence to Tessel Oil.",
     "The ministry revoked the drilling licence of Tessel Oil."),
    ("The council approved $5 million for the pier.",
     "The council rejected $5 million for the pier."),
])
def test_outcomes_of_hiring_granting_and_approving_a_sum_diverge(a, b):
    pair = compare_alone(a, b)
    assert any("Opposite outcomes" in r.explanation for r in pair.reasons), pair.reasons


def test_changes_in_different_periods_are_two_measures_but_in_one_period_conflict():
    pair = compare_alone("Rents in Arvo edged up to 3.2% in May.",
                         "Rents in Arvo edged down to 3.0% in June.")
    assert pair.relation is Relation.RELATED, [r.explanation for r in pair.reasons]
    pair = compare_alone("Rents in Arvo rose in May.", "Rents in Arvo fell in June.")
    [why] = pair.reasons
    assert "changes for different periods (A's “rose” is for “May”" in why.explanation
    assert _kinds("Rents in Arvo rose in May.", "Rents in Arvo fell in May.") == {
        ReasonKind.DIRECTION}


def test_a_participle_describing_a_person_is_no_outcome():
    pair = compare_alone("Critics mocked the Arvo spokesman for being dismissed after ten days.",
                         "The mayor ousted the recently hired Arvo spokesman on Monday.")
    assert not any("Opposite outcomes" in r.explanation for r in pair.reasons), pair.reasons


# ----------------------------------------------------------------- fractions


@pytest.mark.parametrize("a, b, relation", [
    ("Three-quarters of Arvo voters backed the harbour plan.",
     "75% of Arvo voters backed the harbour plan.", Relation.AGREE),
    ("Nearly half of the Tessel dockers backed the strike.",
     "52 percent of the Tessel dockers backed the strike.", Relation.AGREE),
    ("Half of the Tessel dockers backed the strike.",
     "A third of the Tessel dockers backed the strike.", Relation.DIVERGE),
    ("Two-thirds of the Arvo staff were laid off.", "40 percent of the Arvo staff were laid off.",
     Relation.DIVERGE),
    # a span of time or a unit, not a share of a group
    ("Arvo sales rose in the first half of the year.",
     "Arvo sales rose in the second half of the year.", Relation.AGREE),
])
def test_a_fraction_of_a_group_is_a_share(a, b, relation):
    pair = compare_alone(a, b)
    assert pair.relation is relation, [r.explanation for r in pair.reasons]
    if relation is Relation.DIVERGE:
        assert {r.kind for r in pair.reasons} == {ReasonKind.NUMBER}



@pytest.mark.parametrize("a, b", [
    ("The Arvo council aims to build 4,000 homes by 2027.",
     "The Arvo council built 1,500 homes in 2025."),
    ("Tessel plans to vaccinate 70 percent of adults by July 4.",
     "64 percent of Tessel adults have had a shot."),
])
def test_a_target_set_for_a_date_against_the_outcome_is_two_measures(a, b):
    pair = compare_alone(a, b)
    assert pair.relation is Relation.RELATED, [r.explanation for r in pair.reasons]
    [why] = pair.reasons  # the certainty difference goes with the figures
    assert "A gives a target (" in why.explanation and "B the outcome (" in why.explanation


def test_a_plan_with_no_date_still_states_its_size():
    assert _kinds("The Arvo mill plans to cut 3 percent of its staff.",
                  "The Arvo mill cut 30 percent of its staff.") == {
        ReasonKind.NUMBER, ReasonKind.CERTAINTY}

