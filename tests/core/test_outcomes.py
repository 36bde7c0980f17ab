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
