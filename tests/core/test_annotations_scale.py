"""Annotations at scale (issue 10): anchors resolved once through indexes, the fuzzy fallback
over a length window gives what the full scan gave, and an edit through the placed notes gives
what the scan over every note gave."""

from __future__ import annotations

import random
import sys
from dataclasses import replace
from pathlib import Path

from rapidfuzz import fuzz

from compare_app.core.annotations import FUZZY_ANCHOR, Anchor
from compare_app.core.ids import normalise

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

# The benchmark's names, so both read the same annotation API.
from bench_annotations import (  # noqa: E402
    AnchorIndex,
    Annotation,
    Verdict,
    anchors_for_key,
    resolve_all,
    row_keys,
    set_annotation,
)


def reference_closest(doc, text: str) -> str | None:
    """The former fallback: every sentence of the document scored in text order."""
    best, best_score = None, FUZZY_ANCHOR
    target = normalise(text)
    for s in doc.sentences:
        score = fuzz.ratio(target, normalise(s.text), score_cutoff=best_score)
        if score > best_score:
            best, best_score = s.id, score
    return best


def edited(text: str, rng: random.Random) -> str:
    words = text.split()
    for _ in range(rng.randint(0, 3)):
        if words:
            words[rng.randrange(len(words))] = rng.choice(["new", "the", "x", "troops"])
    if rng.random() < 0.3:
        words.append("Edited.")
    return " ".join(words)


def test_fuzzy_fallback_matches_the_full_scan(sample_comparison):
    rng = random.Random(5)
    index = AnchorIndex(sample_comparison)
    for doc in (sample_comparison.a, sample_comparison.b):
        for s in doc.sentences:
            text = edited(s.text, rng)
            anchor = Anchor(doc.label, "0" * 16, "", text)
            assert index.resolve(anchor) == reference_closest(doc, text), text


def test_edit_through_the_placed_notes_equals_the_full_scan(sample_comparison):
    c = sample_comparison
    index = AnchorIndex(c)
    keys = row_keys(c)
    notes = tuple(Annotation(anchors_for_key(c, index, k), Verdict.CONFIRMED, f"n{n}")
                  for n, k in enumerate(keys[:20]))
    notes += (replace(notes[3], note="a second note on the same row"),)  # an orphan
    resolved = resolve_all(c, notes, index)
    for key in (keys[3], keys[5], keys[30]):
        for change in ({"verdict": Verdict.DISPUTED}, {"note": ""}, {"verdict": Verdict.NONE}):
            fast = set_annotation(c, notes, key, index=index, resolved=resolved, **change)
            slow = set_annotation(c, notes, key, index=AnchorIndex(c), **change)
            assert fast == slow


def test_each_anchor_and_note_is_worked_out_once(sample_comparison, monkeypatch):
    c = sample_comparison
    index = AnchorIndex(c)
    note = Annotation(anchors_for_key(c, index, row_keys(c)[0]), Verdict.CONFIRMED)
    calls = []
    original = AnchorIndex._resolve
    monkeypatch.setattr(AnchorIndex, "_resolve",
                        lambda self, a: calls.append(a) or original(self, a))
    for _ in range(3):
        resolve_all(c, (note,) * 5, index)
    assert len(calls) == len(note.anchors)


def test_the_index_anchors_are_those_of_anchor_of(sample_comparison):
    from compare_app.core.annotations import anchor_of

    c = sample_comparison
    index = AnchorIndex(c)
    for doc in (c.a, c.b):
        for s in doc.sentences:
            assert index.anchor(s.id) == anchor_of(doc, s)
