"""The linker's fast scorer gives, to the last bit, what its plain reference gives."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from compare_app.core.similarity import TYPE_OF_PREFIX, Scorer, TermWeights, _soft_overlap, slots_of

# Words with close spellings ("hospital"/"hospitals"), slot values of every type and their type
# tokens, so each branch of the scorer is reached.
VOCABULARY = ("hospital", "hospitals", "hospitalized", "aleksandr", "aleksander", "ministry",
              "minister", "shelling", "troops", "border", "#num", "=42", "=14", "=1.5", "#date",
              "@monday", "@2023", "#dir", "^up", "^down")
UNIT = st.lists(st.sampled_from(VOCABULARY), max_size=9)


def reference_score(scorer: Scorer, a: set[str], b: set[str]) -> float:
    """The scorer as first written, one pair at a time: weighted Dice and containment."""
    if not a or not b:
        return 0.0
    weight = lambda t: scorer.idf.get(t, 0.0)  # noqa: E731
    shared = a & b
    s = sum(map(weight, shared))
    wa, wb = sum(map(weight, a)), sum(map(weight, b))
    (va, types_a), (vb, types_b) = slots_of(a), slots_of(b)
    if va and vb:
        wa -= sum(weight(t) for t in va - vb if TYPE_OF_PREFIX[t[0]] in types_b)
        wb -= sum(weight(t) for t in vb - va if TYPE_OF_PREFIX[t[0]] in types_a)
    left = (a - shared) & frozenset(scorer.similar)
    if left:
        s += _soft_overlap(left, b - shared, scorer.similar, scorer.idf)
    if s <= 0 or wa <= 0 or wb <= 0:
        return 0.0
    dice = 2.0 * s / (wa + wb)
    small = min(wa, wb)
    containment = (s / small) * min(1.0, small / scorer.min_mass)
    return round(min(1.0, (dice + min(containment, 1.0)) / 2.0), 9)


@settings(max_examples=300, deadline=None)
@given(a=UNIT, row=st.lists(UNIT, min_size=1, max_size=6), others=st.lists(UNIT, max_size=4),
       unweighed=st.sets(st.sampled_from(VOCABULARY), max_size=3))
def test_score_row_matches_the_reference(a, row, others, unweighed):
    weights = TermWeights([a, *others], row)
    for term in unweighed:  # a term without a weight takes the scorer's slow path
        weights.idf.pop(term, None)
    scorer = Scorer(weights)
    a_set = set(a)
    units = [(set(b), scorer.mass(set(b)), slots_of(set(b))) for b in row]
    expected = [reference_score(scorer, a_set, b) for b, _, _ in units]
    assert scorer.score_row(a_set, scorer.mass(a_set), slots_of(a_set), units) == expected
    assert [scorer.score(a_set, b) for b, _, _ in units] == expected
