"""Conflicts this round's narrower rules must still find (from a review of the change)."""

from __future__ import annotations

import pytest

from compare_app.core.models import ReasonKind
from sentence_pairs import assert_kind, both_ways, explanations, reason_kinds, reason_texts


@pytest.mark.parametrize("a, b, kind", [
    ("Shares of Tessel Foods and Amazon fell sharply on Monday after the report.",
     "Shares of Tessel Foods and Microsoft fell sharply on Monday after the report.",
     ReasonKind.ENTITY),
    ("The Tessel mayor is expected to win by a wide margin in the harbour race.",
     "The Tessel mayor won by a wide margin in the harbour race.", ReasonKind.CERTAINTY),
    ("If approved the Tessel agency will raise fares for millions of riders.",
     "The Tessel agency raised fares for millions of riders.", ReasonKind.CERTAINTY),
    ("The Tessel guard served two years, and six months later he was released.",
     "The Tessel guard served 30 months before he was released.", ReasonKind.NUMBER),
    ("More than 200 people died in the Tessel floods on Monday.",
     "Nearly 1,000 people died in the Tessel floods on Monday.", ReasonKind.NUMBER),
    ("Tessel oil prices were back up 3 percent on Tuesday.",
     "Tessel oil prices were down 3 percent on Tuesday.", ReasonKind.DIRECTION),
    ("The Tessel death toll is expected to reach 500 by Friday.",
     "The Tessel death toll climbed to near 500 by Friday.", ReasonKind.CERTAINTY),
])
def test_narrower_rules_keep_real_conflicts(a, b, kind):
    for pair in both_ways(a, b):
        assert kind in reason_kinds(pair), reason_texts(pair)


# A second review, of the round's figure and certainty rules: each of these is a real conflict
# the new rules must not hide.
@pytest.mark.parametrize("a, b, kind", [
    # a small bare figure elsewhere is not the figure
    ("The storm destroyed 30 homes in Smithville on Monday.",
     "The storm destroyed 45 homes in Smithville on Monday as the river rose to 30.",
     ReasonKind.NUMBER),
    # "one of" a group still counts it, unless it picks a member of a ranking
    ("One of the victims was a child, police said on Monday.",
     "Two of the victims were children, police said on Monday.", ReasonKind.NUMBER),
    ("The company cut one of its 12 factories on Monday.",
     "The company cut two of its 12 factories on Monday.", ReasonKind.NUMBER),
    # a place or a modifier in -s is not what a figure counts
    ("Officials said 400 Texas residents were evacuated on Monday.",
     "Officials said 450 residents were evacuated on Monday.", ReasonKind.NUMBER),
    ("About 20 news outlets published the leaked memo on Monday.",
     "About 25 media outlets published the leaked memo on Monday.", ReasonKind.NUMBER),
    # a label word used as an ordinary noun names nothing
    ("Nadal has now won the title 14 times at Roland Garros.",
     "Nadal has now won at Roland Garros 13 times.", ReasonKind.NUMBER),
    ("Police closed the highway 20 miles north of the city on Monday.",
     "Police closed the road 35 miles north of the city on Monday.", ReasonKind.NUMBER),
    ("The storm made landfall as a Category 4 storm on Sunday.",
     "The storm made landfall as a Cat 3 storm on Sunday.", ReasonKind.NUMBER),
    # attackers: only a lone attacker against a toll that is not his is two counts
    ("One suspect was shot and killed by police after the attack that left 10 dead.",
     "The attack left 12 dead, police said.", ReasonKind.NUMBER),
    ("Police arrested 4 suspects after the attack, officials said.",
     "Police arrested 6 people after the attack, officials said.", ReasonKind.NUMBER),
    # "before" an act done ("before signing") is no event still to come
    ("The leaders met on Tuesday before signing the accord.",
     "The leaders are expected to sign the accord on Tuesday.", ReasonKind.CERTAINTY),
    # only whole decades round; centuries and fractions do not
    ("The family owned the farm for two centuries.",
     "The family owned the farm for 180 years.", ReasonKind.NUMBER),
    ("The family owned the farm for 1.5 decades.",
     "The family owned the farm for 13 years.", ReasonKind.NUMBER),
])
def test_the_rounds_rules_leave_real_conflicts(a, b, kind):
    assert_kind(a, b, kind)


def test_a_bill_label_is_not_read_inside_an_abbreviation():
    said = explanations("The yield on the U.S. 10-year Treasury rose to 1.5% on Monday.",
                        "The yield on the U.S. 10-year Treasury rose to 1.7% on Monday.",
                        ReasonKind.NUMBER)
    assert said == ["Different figures: A says “1.5%”; B says “1.7%”."]
