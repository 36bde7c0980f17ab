"""Speed of comparing many sources at once, against comparing every pair on its own.

Builds K synthetic sources of N sentences on one story (each source paraphrases a random share
of the story's claims, changes some figures, and one source copies another's sentences
verbatim, like shared wire copy), then times:

* ours: `compare_many` — every document read once, every pair linked, claims clustered;
* baseline: `compare_texts` on every pair of sources, each pair read from scratch.

Both run in this process, alternately, and the medians are compared as a ratio (machines are
shared and noisy; absolute seconds are printed for the record only).

It then shows the result in the window's claims matrix (offscreen) and times each step an
analyst takes: showing it, sorting by every column, each filter, selecting a claim. The longest
is the worst stall of the event loop; the target is under 100 ms.

    python benchmarks/bench_multi.py [--sources 10] [--sentences 300] [--repeats 3] [--no-gui]
"""

from __future__ import annotations

import argparse
import gc
import itertools
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from compare_app.core.compare import compare_texts  # noqa: E402
from compare_app.core.loading import LoadedText, load_text  # noqa: E402
from compare_app.core.multi import compare_many  # noqa: E402
from synthetic_docs import (  # noqa: E402
    TEMPLATES,
    Vocabulary,
    _assemble,
    new_claim,
    paraphrase,
    render,
)

TARGET_SECONDS = 5.0


def sources(k: int, n: int, seed: int = 1, shared: float = 0.4) -> list[LoadedText]:
    """K documents of about N sentences on one story of N claims."""
    rng = random.Random(seed)
    v = Vocabulary(rng)
    story = [new_claim(rng.choice(TEMPLATES), v, rng) for _ in range(n)]
    texts: list[list[str]] = []
    for s in range(k):
        if s == 1:  # the second source runs the first one's wire copy for a third of its text
            copied = rng.sample(texts[0], n // 3)
            own = [render(paraphrase(c, v, rng, rng.random() < 0.2))
                   for c in rng.sample(story, n - len(copied))]
            sentences = copied + own
        else:
            told = rng.sample(story, round(n * shared))
            sentences = [render(paraphrase(c, v, rng, rng.random() < 0.2)) for c in told]
            sentences += [render(new_claim(rng.choice(TEMPLATES), v, rng))
                          for _ in range(n - len(sentences))]
        rng.shuffle(sentences)
        texts.append(sentences)
    return [load_text(_assemble(f"Source {s + 1}", t, rng)[0], name=f"Source {s + 1}")
            for s, t in enumerate(texts)]


def _timed(job) -> tuple[float, object]:
    start = time.perf_counter()
    result = job()
    return time.perf_counter() - start, result


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sources", type=int, default=10)
    ap.add_argument("--sentences", type=int, default=300)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--no-gui", action="store_true", help="skip the claims matrix timings")
    args = ap.parse_args()
    docs = sources(args.sources, args.sentences)
    ours, base = [], []
    multi = None
    for _ in range(args.repeats):
        seconds, multi = _timed(lambda: compare_many(docs))
        ours.append(seconds)
        seconds, _ = _timed(lambda: [compare_texts(x, y)
                                     for x, y in itertools.combinations(docs, 2)])
        base.append(seconds)
    o, b = statistics.median(ours), statistics.median(base)
    pairs = args.sources * (args.sources - 1) // 2
    sentences = sum(len(d.sentences) for d in multi.documents)
    print(f"{args.sources} sources x ~{args.sentences} sentences ({sentences} in all), "
          f"{pairs} pairs")
    print(f"ours (compare_many):          {o:6.2f} s  (median of {args.repeats})")
    print(f"baseline (pairs one by one):  {b:6.2f} s")
    print(f"ratio baseline/ours:          {b / o:6.2f}x")
    corroborated = sum(1 for c in multi.clusters if c.support >= 2)
    print(f"claims {len(multi.clusters)}, made by two or more sources {corroborated}, "
          f"conflicts {sum(1 for c in multi.clusters if c.conflict)}, "
          f"shared copy: {[(s.sources, s.claims) for s in multi.shared_copy]}")
    verdict = "met" if o < TARGET_SECONDS else "missed"
    print(f"target: under {TARGET_SECONDS:g} s on this machine: {verdict}")
    if not args.no_gui:
        matrix_stalls(multi)
    return 0


def matrix_stalls(multi) -> None:
    """The longest pause of each analyst step in the claims matrix (offscreen)."""
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from compare_app.gui.matrix_view import FILTERS, MatrixView

    app = QApplication.instance() or QApplication([])
    gc.collect()  # the baseline runs above leave garbage the window would not have
    view = MatrixView()
    view.resize(1000, 700)
    view.show()
    app.processEvents()
    steps = [("show", lambda: view.show_multi(multi, {}))]
    steps += [(f"sort column {col}", lambda c=col: view.table.sortByColumn(
        c, Qt.SortOrder.DescendingOrder)) for col in range(view.model.columnCount() or 15)]
    steps += [(f"filter '{name}'", lambda k=k: view.filter.setCurrentIndex(k))
              for k, (name, _) in enumerate(FILTERS)]
    steps.append(("select a claim", lambda: view.table.selectRow(3)))
    worst = ("", 0.0)
    for name, step in steps:
        seconds, _ = _timed(lambda s=step: (s(), app.processEvents()))
        worst = max(worst, (name, seconds), key=lambda w: w[1])
    print(f"claims matrix ({len(multi.clusters)} rows): worst step {worst[0]!r} "
          f"{1000 * worst[1]:.0f} ms; target under 100 ms: "
          f"{'met' if worst[1] < 0.1 else 'missed'}")


if __name__ == "__main__":
    sys.exit(main())
