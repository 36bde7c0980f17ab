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
