"""Pair ids the analyst cites stay the same across re-comparisons, edits elsewhere and swaps."""

from __future__ import annotations

from compare_app.core.compare import compare_texts
from compare_app.core.ids import pair_ids
from compare_app.core.loading import load_text
from compare_app.core.models import CompareOptions

A = ("The storm made landfall on Tuesday near the port city. "
     "At least 42 people have died in the floods. "
     "The relief effort is led by the Red Cross. "
     "Schools across the region will stay closed until Monday.")
B = ("Officials said the storm came ashore on Tuesday close to the port city. "
     "At least 14 people have died in the floods. "
     "Schools across the region will stay closed until next Monday.")


def _ids(a: str, b: str, threshold: float = 40) -> dict[tuple[str, str], str]:
    c = compare_texts(load_text(a), load_text(b), CompareOptions(threshold=threshold))
    return {(c.sentence(p.a[0]).text, c.sentence(p.b[0]).text): p.id for p in c.pairs}


def test_ids_survive_another_sensitivity_an_edit_elsewhere_and_a_swap():
    before = _ids(A, B)
    assert len(before) >= 2
    looser = _ids(A, B, threshold=20)
    assert all(looser[key] == pid for key, pid in before.items())
    edited = _ids("A new first sentence about the weather service. " + A, B)
    assert all(edited[key] == pid for key, pid in before.items())
    swapped = _ids(B, A)
    assert all(swapped[(b, a)] == pid for (a, b), pid in before.items())


def test_ids_are_unique_even_for_repeated_sentences_and_clashing_codes():
    texts = [("Same claim.", "Same claim."), ("Same claim.", "Same claim."),
             *((f"Claim {n}.", f"Other {n}.") for n in range(3000))]
    ids = pair_ids(texts)
    assert len(set(ids)) == len(ids)
    assert ids[1] == ids[0] + "-2"
    assert all(i.startswith("P") and len(i) >= 5 for i in ids)
    assert pair_ids(texts[2:5]) == ids[2:5]  # another pair elsewhere changes no id


def test_sentence_ids_are_made_and_read_in_one_place():
    from compare_app.core.ids import (
        is_pair_id,
        sentence_id,
        sentence_label,
        sentence_number,
    )

    assert sentence_id("B", 12) == "B12"
    assert sentence_number("B12") == 12 and sentence_label("B12") == "B"
    for bad in ("P3", "A0", "A", "12", "A1x", "Pk7mq", "P2345"):
        try:
            sentence_number(bad)
        except ValueError:
            continue
        raise AssertionError(f"{bad!r} read as a sentence id")
    assert is_pair_id("Pk7mq") and not is_pair_id("A3")
    c = compare_texts(load_text(A), load_text(B))
    for doc in (c.a, c.b):
        assert [doc.sentence(s.id) for s in doc.sentences] == list(doc.sentences)
        assert all(sentence_number(s.id) == s.index for s in doc.sentences)
    assert all(is_pair_id(p.id) for p in c.pairs)
