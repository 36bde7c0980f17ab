"""A denial conflicts only with the same predicate stated plainly on the other side: not with a
figure, a name, a noun, an aim, a clause about another event, or a statement that is itself
negative in other words."""

from __future__ import annotations

from functools import partial

import pytest

from compare_app.core.models import ReasonKind, Relation
from sentence_pairs import compare_alone, explanations

negation_reasons = partial(explanations, kind=ReasonKind.NEGATION)


@pytest.mark.parametrize("a, b", [
    # the same refusal in other words
    ("The appeals court declined to hear the harbour authority's case on Monday.",
     "The appeals court chose not to hear the harbour authority's case on Monday."),
    ("The budget plan would not have any tax hikes, the ten councillors said.",
     "The ten councillors said there would be no tax increases in the budget plan."),
    ("The ferry union won't take part in the talks on the new timetable.",
     "The ferry union walked away from taking part in the talks on the new timetable."),
    ("Most councillors would not vote for the parking levy this week.",
     "Most councillors will vote against the parking levy this week."),
    ("Vaccinated visitors can enter the museum without wearing a mask.",
     "Vaccinated visitors can stop wearing masks in the museum."),
    # the denied word only passes a figure, or names a thing that is absent
    ("The mayor was seen dancing without a mask at his 60th birthday party on Saturday.",
     "The mayor was filmed dancing maskless at his 60th birthday party on Saturday."),
    ("For more than five hours on Monday, the region got a taste of life without ferries.",
     "The ferries stopped for nearly six hours on Monday, the region's operator said."),
    # the stated word sits in a clause about another event, or is only an aim
    ("The harbour bill cannot pass the lower house this month, the liberals warned.",
     "The liberals warned about the harbour bill, which the upper house passed last month."),
    ("The general said the navy would not strike the coast, according to a new book.",
     "The general promised warning if the admiral decided to order a strike on the coast, "
     "according to a new book."),
    ("The harbour master refused to resign after the inquiry, the council said.",
     "The deputy harbour master was also asked to resign after the inquiry."),
    # a noun against a verb
    ("The court suspended the judge's ruling on the harbour tariff on Thursday.",
     "The higher court let the harbour tariff stand on Thursday without ruling on it."),
    # a bare verb form that closes a noun compound is a noun
    ("The student was told he could not use the harbour gym after the ruling.",
     "The court declined to hear a case over the school's policy on harbour gym use."),
    # the predicate applied to other things
    ("Ferry workers with seasonal permits are not eligible for harbour pensions, the court ruled.",
     "In 2001 the harbour board made ferry workers eligible for seasonal permits."),
    ("The harbour bill cannot pass through the assembly until the council agrees to it.",
     "The mayor insists the assembly first pass a $3 billion port budget."),
])
def test_a_denial_does_not_conflict_with_the_same_words_used_otherwise(a, b):
    assert negation_reasons(a, b) == []
    assert negation_reasons(b, a) == []


@pytest.mark.parametrize("a, b", [
    ("The harbour master did not resign on Monday.", "The harbour master resigned on Monday."),
    ("The ferry operator denied that it had raised fares in May.",
     "The ferry operator raised fares in May."),
    ("The general said he never discussed the strike plans with his counterpart.",
     "The general discussed the strike plans with his counterpart, the book says."),
    ("The dock workers do not use the old harbour crane.",
     "The dock workers use the old harbour crane."),  # a bare verb after its subject
    ("Many people do not use the old harbour ferry.", "Many people use the old harbour ferry."),
    ("The harbour coach did not quit.", "The harbour coach quit."),  # a past like the bare form
    ("The fire did not spread to the harbour.", "The fire spread to the harbour."),
    ("The harbour minister did not resign over the oil spill.",
     "The harbour minister resigned on Friday after weeks of protests over the spill."),  # only
    # the circumstances differ
    ("The firm did not close the plant in the northern valley.",
     "The firm closed its factory in the northern valley last year."),  # the same thing reworded
])
def test_a_denial_of_the_predicate_stated_plainly_still_diverges(a, b):
    pair = compare_alone(a, b)
    assert pair.relation is Relation.DIVERGE
    assert ReasonKind.NEGATION in {r.kind for r in pair.reasons}
