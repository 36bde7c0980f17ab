"""Linking: order independence, many-to-one, symmetry, hub correction, identical claims at 100."""

from __future__ import annotations

import gc

from hypothesis import given, settings
from hypothesis import strategies as st

from compare_app.core.align import link_units
from compare_app.core.compare import collection_paused, compare_texts
from compare_app.core.loading import load_text

CLAIMS = [
    "The ministry confirmed that 1,200 conscripts crossed the Dnipro river near Kherson.",
    "Satellite images showed a new ammunition depot outside Belgorod.",
    "The central bank raised its key interest rate to sixteen percent.",
    "A drone struck an oil refinery in the Krasnodar region overnight.",
    "Wheat exports through the Odesa corridor doubled in the third quarter.",
    "The parliament approved a law lowering the mobilisation age to twenty-five.",
]


def compare(a: str, b: str):
    return compare_texts(load_text(a, name="A"), load_text(b, name="B"))


def test_claims_are_matched_regardless_of_order_and_identical_ones_score_100():
    c = compare(" ".join(CLAIMS), " ".join(reversed(CLAIMS)))
    assert len(c.pairs) == len(CLAIMS)
    for pair in c.pairs:
        assert c.sentence(pair.a[0]).text == c.sentence(pair.b[0]).text
        assert pair.score == 100
    assert c.summary.unsupported == {"A": 0, "B": 0}


def test_identical_sentences_stay_linked_at_the_strictest_sensitivity():
    from compare_app.core.models import CompareOptions

    c = compare_texts(load_text(" ".join(CLAIMS), name="A"), load_text(" ".join(CLAIMS), name="B"),
                      CompareOptions(threshold=99.0))
    assert len(c.pairs) == len(CLAIMS)


def test_one_sentence_summarising_two_links_to_both():
    a = ("The convoy of forty trucks left Rostov at dawn. It reached the Luhansk depot by "
         "nightfall. "
         "Separately, the harvest in Saratov was poor.")
    b = ("A convoy of forty trucks left Rostov at dawn and reached the Luhansk depot by nightfall. "
         "Tourism to Sochi recovered in August.")
    c = compare(a, b)
    linked = {(p.a[0], p.b[0]) for p in c.pairs}
    assert {("A1", "B1"), ("A2", "B1")} <= linked
    assert c.statuses["A3"].value == "unsupported" and c.statuses["B2"].value == "unsupported"


def test_unrelated_documents_have_no_pairs():
    c = compare(" ".join(CLAIMS[:3]), " ".join(CLAIMS[3:]))
    assert c.pairs == ()
    assert c.summary.unsupported == {"A": 3, "B": 3}


def test_empty_document_leaves_everything_unsupported_on_the_other_side():
    c = compare("", " ".join(CLAIMS))
    assert c.pairs == () and c.a.sentences == ()
    assert c.summary.unsupported == {"A": 0, "B": len(CLAIMS)}


def test_a_sentence_close_to_everything_does_not_collect_the_links():
    hub = ("Officials discussed the conscripts, the ammunition depot, the interest rate, the "
           "refinery "
           "and the wheat exports at length.")
    c = compare(" ".join([hub] + CLAIMS[:4]), " ".join(CLAIMS[:4]))
    for pair in c.pairs:
        if pair.relation.value in ("agree", "diverge"):
            assert pair.a[0] != "A1", pair
    assert {p.a[0] for p in c.pairs if p.score == 100} == {"A2", "A3", "A4", "A5"}


def test_paraphrase_with_other_words_is_linked():
    c = compare("Officials said 14 people were killed when the bridge collapsed in Genoa on "
                "Tuesday. "
                "The mayor opened a new library downtown.",
                "The collapse of a bridge in Genoa on Tuesday left 14 dead, according to "
                "officials. "
                "Farmers protested over diesel taxes.")
    assert [(p.a, p.b) for p in c.pairs] == [(("A1",), ("B1",))]


def linked_score(a: str, b: str) -> float:
    """The score of the one link between claim `a` and claim `b`, each beside an unrelated one."""
    [pair] = compare(a + " The mayor opened a library.",
                     b + " Farmers protested over diesel taxes.").pairs
    return pair.score


def test_a_compound_written_closed_and_open_is_one_word():
    closed = "Lawmakers approved new healthcare spending for rural clinics."
    # written open, it scores as the same words do (a stop word aside), not as other words
    assert linked_score(closed, "Law makers approved new health care spending for rural "
                        "clinics.") == linked_score(
        closed, "Lawmakers approved new healthcare spending for the rural clinics.")


def test_an_acronym_matches_the_name_it_abbreviates_without_a_definition():
    short = "Advisers to the FDA backed booster shots for people over 65 on Friday."
    # the long form scores as the acronym itself does: one name, not three unshared words
    assert linked_score(short, "Advisers to the Food and Drug Administration backed boosters "
                        "for older people.") == linked_score(
        short, "Advisers to the FDA backed boosters for older people.")


def test_two_words_a_text_does_not_write_closed_stay_two():
    from compare_app.core.normalize import compounds
    assert compounds("The cease-fire held. Some one came. The base. Ball games.",
                     "The ceasefire held. Someone came. Baseball.") == [
        ("cease", "fire", "ceasefir")]  # no stop words, nothing across a full stop


words = st.sampled_from("alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima "
                        "mike november oscar papa quebec romeo sierra tango".split())
units = st.lists(st.one_of(st.none(), st.lists(words, min_size=1, max_size=8)), max_size=12)


@settings(max_examples=150, deadline=None)
@given(units, units, st.sampled_from([10.0, 50.0, 80.0]))
def test_linking_is_symmetric_and_skips_excluded_units(a, b, threshold):
    forward = link_units(a, b, threshold=threshold)
    backward = link_units(b, a, threshold=threshold)
    assert {(lk.a, lk.b, lk.score) for lk in forward} == {(lk.b, lk.a, lk.score) for lk in backward}
    assert all(a[lk.a] is not None and b[lk.b] is not None for lk in forward)
    assert all(threshold <= lk.score <= 100 for lk in forward)
    assert len({(lk.a, lk.b) for lk in forward}) == len(forward)


def test_the_collector_is_paused_during_a_comparison_and_restored_after():
    seen = []
    compare_texts(load_text(" ".join(CLAIMS), name="A"), load_text(CLAIMS[0], name="B"),
                  progress=lambda done, total: seen.append(gc.isenabled()))
    assert seen and not any(seen[:-1])
    assert gc.isenabled()
    gc.disable()  # a caller that keeps it off finds it off afterwards
    try:
        compare(CLAIMS[0], CLAIMS[1])
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_overlapping_pauses_restore_the_collector_after_the_last_one():
    first, second = collection_paused(), collection_paused()
    first.__enter__()
    second.__enter__()
    first.__exit__(None, None, None)  # threads need not end in the order they began
    assert not gc.isenabled()
    second.__exit__(None, None, None)
    assert gc.isenabled()


def test_two_sentences_that_only_both_report_something_are_not_linked():
    a = ("Farmers told reporters that warnings about the old weir had been ignored for a "
         "decade.\n\nBarley was planted after the spring floods receded. "
         "The museum reopened its gallery.")
    b = ("Officials have not yet told anyone what caused the spill, and the weir operator denied "
         "that its gates had failed.\n\nA chess tournament drew players from eleven provinces. "
         "Engineers tested a tidal turbine off the coast.")
    c = compare_texts(load_text(a, name="A"), load_text(b, name="B"))
    assert not c.pairs, [(p.a, p.b, p.score) for p in c.pairs]
