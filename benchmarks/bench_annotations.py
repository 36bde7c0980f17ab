"""Annotations at scale (issue 10): a session with 10,000 annotations on a pair of 20,000
sentences, opened (anchor index, every annotation placed) and edited (one row's verdict, then
every annotation placed again, as the window does on each edit).

    python benchmarks/bench_annotations.py [--sentences 20000] [--notes 10000] [--edits 20]

Target: open under 1 s, an edit under 50 ms. A tenth of the annotations point at sentences
whose text was edited since (exact lookups miss; the place between unchanged neighbours finds
them), and a hundredth at sentences also moved, which take the fuzzy scan of the document.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import synthetic_docs
from compare_app.core.annotations import (
    AnchorIndex,
    Annotation,
    Verdict,
    anchors_for_key,
    resolve_all,
    set_annotation,
)
from compare_app.core.compare import compare_texts
from compare_app.core.loading import load_text
from compare_app.core.models import Status


def row_keys(c) -> list[str]:
    """Every row of a comparison: its pairs, then its unsupported sentences."""
    return [p.id for p in c.pairs] + [s.id for d in (c.a, c.b) for s in d.sentences
                                      if c.statuses[s.id] is Status.UNSUPPORTED]


def notes_for(comparison, index: AnchorIndex, count: int, seed: int = 1) -> tuple[Annotation, ...]:
    rng = random.Random(seed)
    keys = row_keys(comparison)
    rng.shuffle(keys)
    notes = []
    for n, key in enumerate(keys[:count]):
        anchors = anchors_for_key(comparison, index, key)
        if n % 10 == 0:  # the sentence was edited since (one in ten also moved)
            anchors = tuple(replace(a, text_hash="0" * 16, text=a.text + " Edited.",
                                    context_hash="" if n % 100 == 0 else a.context_hash)
                            for a in anchors)
        notes.append(Annotation(anchors, Verdict.CONFIRMED, f"note {n}"))
    return tuple(notes)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sentences", type=int, default=20_000, help="sentences in the pair")
    parser.add_argument("--notes", type=int, default=10_000)
    parser.add_argument("--edits", type=int, default=20)
    args = parser.parse_args(argv)
    pair = synthetic_docs.generate(args.sentences // 2, 3)
    comparison = compare_texts(load_text(pair.text_a), load_text(pair.text_b))
    notes = notes_for(comparison, AnchorIndex(comparison), args.notes)
    start = time.perf_counter()
    index = AnchorIndex(comparison)
    resolved = resolve_all(comparison, notes, index)
    opened = time.perf_counter() - start
    keys = list(resolved.by_key)
    times = []
    for n in range(args.edits):
        key = keys[n * 37 % len(keys)]
        start = time.perf_counter()
        notes = set_annotation(comparison, notes, key, verdict=Verdict.DISPUTED, index=index,
                               resolved=resolved)
        resolved = resolve_all(comparison, notes, index)
        times.append(time.perf_counter() - start)
    print(f"{len(comparison.a.sentences) + len(comparison.b.sentences)} sentences, "
          f"{len(notes)} annotations ({len(resolved.orphans)} orphaned)")
    print(f"open (index + place all): {opened * 1000:.0f} ms  (target < 1000 ms)")
    print(f"edit (set + place all): median {statistics.median(times) * 1000:.1f} ms, "
          f"max {max(times) * 1000:.1f} ms  (target < 50 ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
