"""Alignment: order independence, many-to-one, symmetry and a candidate set that grows linearly."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from compare_app.core.align import TermWeights, align_units, candidate_pairs
from compare_app.core.compare import compare_texts
from compare_app.core.loading import load_text

CLAIMS = [
    "The ministry confirmed that 1,200 conscripts crossed the Dnipro river near Kherson.",
    "Satellite images showed a new ammunition depot outside Belgorod.",
    "The central bank raised its key interest rate to sixteen percent.",
    "A drone struck an oil refinery in the Krasnodar region overnight.",
    "Wheat exports through the Odesa corridor doubled in the third quarter.",
    "The parliament approved a law lowering the mobilisation age to twenty-five.",
]


def test_claims_are_matched_regardless_of_order():
    shuffled = list(reversed(CLAIMS))
    c = compare_texts(load_text(" ".join(CLAIMS), name="A"), load_text(" ".join(shuffled), name="B"))
    assert len(c.pairs) == len(CLAIMS)
    for pair in c.pairs:
        a = c.sentence(pair.a[0]).text
        b = c.sentence(pair.b[0]).text
        assert a == b
    assert c.summary.unsupported == {"A": 0, "B": 0}


def test_one_sentence_summarising_two_is_a_many_to_one_pair():
    a = ("The convoy of forty trucks left Rostov at dawn. It reached the Luhansk depot by nightfall. "
         "Separately, the harvest in Saratov was poor.")
    b = ("A convoy of forty trucks left Rostov at dawn and reached the Luhansk depot by nightfall. "
         "Tourism to Sochi recovered in August.")
    c = compare_texts(load_text(a, name="A"), load_text(b, name="B"))
    pair = c.pair_of("B1")
    assert pair is not None
    assert pair.a == ("A1", "A2") and pair.b == ("B1",)


def test_unrelated_documents_have_no_pairs():
    c = compare_texts(load_text(" ".join(CLAIMS[:3]), name="A"),
                      load_text(" ".join(CLAIMS[3:]), name="B"))
    assert c.pairs == ()
    assert c.summary.unsupported == {"A": 3, "B": 3}


def test_empty_document_leaves_everything_unsupported_on_the_other_side():
    c = compare_texts(load_text("", name="A"), load_text(" ".join(CLAIMS), name="B"))
    assert c.pairs == () and c.a.sentences == ()
    assert c.summary.unsupported == {"A": 0, "B": len(CLAIMS)}


def test_candidate_count_grows_linearly_with_document_size():
    rng = random.Random(7)
    vocab = [f"w{i}" for i in range(3000)]

    def doc(n):
        return [[rng.choice(vocab) for _ in range(10)] for _ in range(n)]

    for n in (500, 2000):
        a, b = doc(n), doc(n)
        weights = TermWeights(a, b)
        cands = candidate_pairs([set(t) for t in a], [set(t) for t in b], weights, per_unit=12)
        assert len(cands) <= 2 * 12 * n  # at most 12 per unit from each side, never n*n


words = st.sampled_from("alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima "
                        "mike november oscar papa quebec romeo sierra tango".split())
units = st.lists(st.one_of(st.none(), st.lists(words, min_size=1, max_size=8)), max_size=12)


@settings(max_examples=150, deadline=None)
@given(units, units, st.sampled_from([10.0, 30.0, 60.0]))
def test_alignment_is_symmetric(a, b, threshold):
    forward = align_units(a, b, threshold=threshold)
    backward = align_units(b, a, threshold=threshold)
    assert {(g.a, g.b, g.score) for g in forward} == {(g.b, g.a, g.score) for g in backward}
    used_a = [i for g in forward for i in g.a]
    used_b = [j for g in forward for j in g.b]
    assert len(used_a) == len(set(used_a)) and len(used_b) == len(set(used_b))
    assert all(a[i] is not None for i in used_a) and all(b[j] is not None for j in used_b)
    assert all(len(g.a) == 1 or len(g.b) == 1 for g in forward)
