"""Opposite outcomes ("approved" / "rejected") diverge; the same shapes that state one outcome,
or two outcomes of different things, do not."""

from __future__ import annotations

import pytest

from compare_app.core.compare import compare_texts
from compare_app.core.loading import load_text
from compare_app.core.models import ReasonKind, Relation
from sentence_pairs import compare_alone


@pytest.mark.parametrize("a, b, quoted", [
    ("The regional assembly approved the water tariff on Tuesday.",
     "The regional assembly rejected the water tariff on Tuesday.",
     ("approved the water", "rejected the water")),
    ("The appeals court upheld the fishing quota ruling.",
     "The appeals court overturned the fishing quota ruling.", ("upheld", "overturned")),
    ("The ferry operator reopened the harbour terminal in March.",
     "The ferry operator closed the harbour terminal in March.", ("reopened", "closed")),
    ("The town council lifted the night curfew on Friday.",
     "The town council imposed the night curfew on Friday.", ("lifted", "imposed")),
    ("The dockworkers' union accepted the pay offer.",
     "The dockworkers' union rejected the pay offer.", ("accepted", "rejected")),
    ("The rowing club won the regional final.", "The rowing club lost the regional final.",
     ("won", "lost")),
    ("Most councillors voted for the parking levy.",
     "Most councillors voted against the parking levy.", ("voted for", "voted against")),
    ("The jury convicted the harbour master of fraud.",
     "The jury acquitted the harbour master of fraud.", ("convicted", "acquitted")),
    ("The province banned night fishing on the lake.",
     "The province allowed night fishing on the lake.", ("banned", "allowed")),
    # a passive names what was decided before the verb
    ("The water tariff was approved by the regional assembly on Tuesday.",
     "The regional assembly rejected the water tariff on Tuesday.", ("approved", "rejected")),
    ("The lower house passed the fishing bill on Friday.",
     "The fishing bill failed in the lower house on Friday.", ("passed", "failed")),
    ("The governor signed the fishing bill into law.", "The governor vetoed the fishing bill.",
     ("signed", "vetoed")),
])
def test_opposite_outcomes_of_one_decision_diverge(a, b, quoted):
    pair = compare_alone(a, b)
    assert pair.relation is Relation.DIVERGE, [r.explanation for r in pair.reasons]
    reason = next(r for r in pair.reasons if "Opposite outcomes" in r.explanation)
    assert reason.kind is ReasonKind.NEGATION
    assert quoted[0] in reason.explanation and quoted[1] in reason.explanation
    mirrored = compare_alone(b, a)
    assert mirrored.relation is Relation.DIVERGE


@pytest.mark.parametrize("a, b", [
    # two sides of one event: the winner and the loser
    ("Portugal won the regional final on Sunday.", "Norway lost the regional final on Sunday."),
    # a market's session, not a decision
    ("Shares in the ferry operator opened higher on Monday.",
     "Shares in the ferry operator closed lower on Monday."),
    # allowing a ban is banning
    ("The appeals court allowed the province's fishing ban to be enforced again.",
     "The province's law bans night fishing on the lake, the appeals court said."),
    # an exception states the other pole for everything else
    ("The law bans night fishing on the lake after 10 p.m.",
     "The law allows night fishing on the lake only with a permit after 10 p.m."),
    # the opposite word is denied: one outcome in other words
    ("The regional assembly rejected the water tariff on Tuesday.",
     "The regional assembly has not approved the water tariff, and rejected it on Tuesday."),
    # outcomes of different things
    ("The assembly approved the water tariff and the new harbour budget on Tuesday.",
     "The assembly rejected a motion to adjourn before voting on the water tariff on Tuesday."),
])
def test_the_same_shapes_without_opposite_outcomes_of_one_thing_do_not(a, b):
    c = compare_texts(load_text(a, name="A"), load_text(b, name="B"))
    for pair in c.pairs:
        assert not any("Opposite outcomes" in r.explanation for r in pair.reasons), \
            [r.explanation for r in pair.reasons]


@pytest.mark.parametrize("a, b, quoted", [
    ("Power was restored to most homes in the valley by Monday evening.",
     "Power was cut to some 20,000 homes in the valley on Monday.",
     ("restored to most homes", "cut to some 20,000 homes")),
    ("Trading on the Tessel exchange resumed after the 15-minute circuit breaker.",
     "A 7% drop at the open triggered circuit breakers that halted trading on the Tessel "
     "exchange for 15 minutes.", ("resumed", "halted trading")),
    ("Divers have resumed the rescue operation in the flooded cave.",
     "Rescuers have suspended the rescue operation in the flooded cave for the day.",
     ("resumed the rescue operation", "suspended the rescue operation")),
    ("The harbour master was reinstated by the port board on Friday.",
     "The port board suspended the harbour master on Friday.",
     ("reinstated", "suspended the harbour master")),
])
def test_a_halt_and_the_resumption_that_ends_it_are_two_stages_of_one_event(a, b, quoted):
    """A resumption presupposes its halt: neither a conflict nor one claim, whichever file is A."""
    for first, second, words in ((a, b, quoted), (b, a, quoted[::-1])):
        pair = compare_alone(first, second)
        assert pair.relation is Relation.RELATED, [r.explanation for r in pair.reasons]
        assert [r.kind for r in pair.reasons] == [ReasonKind.MEASURE]
        assert pair.reasons[0].explanation == (
            f"Two stages of one event: A says “{words[0]}”; B says “{words[1]}”.")


@pytest.mark.parametrize("a, b", [
    ("Power was restored to most homes in the valley by Monday evening.",
     "Power was restored to nearly all homes in the valley by Monday evening."),
    ("Power was restored to most homes in the valley by Monday evening.",
     "Water was cut to the northern villages on Monday."),  # two things: no stage of one event
    ("The ferry company cut fares by 10% on Monday.",
     "The ferry company restored its Sunday timetable on Monday."),  # a reduction, not a halt
])
def test_no_stages_without_a_halt_and_a_resumption_of_one_thing(a, b):
    c = compare_texts(load_text(a, name="A"), load_text(b, name="B"))
    assert not any(r.explanation.startswith("Two stages") for p in c.pairs for r in p.reasons)


@pytest.mark.parametrize("a, b, kind", [
    ("Trading was halted after stocks rose 7% in early trading.",
     "Trading resumed after stocks fell 7% in early trading.", ReasonKind.DIRECTION),
    ("Trading was halted for 15 minutes after the index fell 7%.",
     "Trading resumed after the index fell 9%.", ReasonKind.NUMBER),
    ("Flights were suspended at the airport after a fire at a substation that serves 16,000 "
     "homes.", "Flights resumed at the airport after a fire at a substation that serves 60,000 "
     "homes.", ReasonKind.NUMBER),
    ("The bank cut interest rates to 2%.", "The bank restored interest rates to 3%.",
     ReasonKind.NUMBER),
    ("The company cut 500 jobs at the plant.", "The company restored 300 jobs at the plant.",
     ReasonKind.NUMBER),
])
def test_a_stage_never_hides_a_conflict(a, b, kind):
    for first, second in ((a, b), (b, a)):
        pair = compare_alone(first, second)
        assert pair.relation is Relation.DIVERGE and kind in {r.kind for r in pair.reasons}, [
            r.explanation for r in pair.reasons]


@pytest.mark.parametrize("a, b", [
    ("The firm cut prices by 10%.", "The firm restored prices."),  # a reduction, not a halt
    ("The government cut taxes for the middle class.",  # two things, one shared phrase after
     "The government restored funding for the middle class."),
])
def test_a_reduction_or_another_thing_is_no_stage(a, b):
    c = compare_texts(load_text(a, name="A"), load_text(b, name="B"))
    assert not any(r.explanation.startswith("Two stages") for p in c.pairs for r in p.reasons)


def test_the_three_source_sample_no_longer_corroborates_a_cut_with_a_restoration():
    from pathlib import Path

    from compare_app.core.multi import compare_many

    folder = Path(__file__).resolve().parents[2] / "compare_app" / "data" / "samples"
    texts = [load_text((folder / "three-sources" / n).read_text(encoding="utf-8"), name=n)
             for n in ("daily-courier.txt", "valley-radio.txt", "wire-service.txt")]
    matrix = compare_many(texts)
    for claim in matrix.corroborated():
        said = " ".join(matrix.sentence_text(s) for cell in claim.cells for s in cell.sentences)
        assert not ("restored" in said and "cut to" in said), said
