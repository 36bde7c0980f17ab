"""The claims matrix on real reporting: every NeuS/AllSides story told by a left, a centre and a
right outlet, compared three ways at once.

Prints, over all such stories, how many claims the three outlets make, how many two or three of
them share, how many conflict inside a claim and how often two outlets carry the same wire copy;
and the time of `compare_many` against comparing the three pairs one by one (the simple
baseline, measured in the same run). `--show N` prints the text summary of N stories, to read
the matrix as an analyst would.

    python benchmarks/bench_three_outlets.py [--repo NEUS_GIT] [--stories N] [--show N]
"""

from __future__ import annotations

import argparse
import itertools
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from compare_app.core.compare import compare_texts  # noqa: E402
from compare_app.core.loading import load_text  # noqa: E402
from compare_app.core.multi import compare_many  # noqa: E402
from compare_app.core.reports.multi import multi_text  # noqa: E402
from labelled_sets import default_neus_repo, neus_records  # noqa: E402

SIDES = ("left", "center", "right")


def three_outlet_stories(repo: Path) -> list[dict]:
    out = []
    for d in neus_records(repo):
        news = d.get("news") or {}
        if all((news.get(s) or {}).get("newBody") for s in SIDES):
            out.append({"id": f"allsides-{d['id']}", "issue": d.get("issue", ""),
                        "texts": [load_text("\n\n".join(news[s]["newBody"]),
                                            name=f"{news[s].get('newsSource', s)}")
                                  for s in SIDES]})
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repo", type=Path, default=None)
    ap.add_argument("--stories", type=int, default=0, help="at most this many (0: all)")
    ap.add_argument("--show", type=int, default=0, help="print N stories' summaries")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    stories = three_outlet_stories(args.repo or default_neus_repo())
    if args.stories:
        stories = stories[:args.stories]
    ours = base = 0.0
    claims = two = three = conflicts = copies = independent_less = 0
    sizes = []
    shown = set(random.Random(args.seed).sample(range(len(stories)),
                                                min(args.show, len(stories))))
    for n, story in enumerate(stories):
        start = time.perf_counter()
        m = compare_many(story["texts"])
        ours += time.perf_counter() - start
        start = time.perf_counter()
        for x, y in itertools.combinations(story["texts"], 2):
            compare_texts(x, y)
        base += time.perf_counter() - start
        sizes.append(sum(1 for d in m.documents for s in d.sentences if not s.excluded))
        made = [c for c in m.clusters if c.support >= 1]
        claims += len(made)
        two += sum(1 for c in made if c.support == 2)
        three += sum(1 for c in made if c.support == 3)
        conflicts += sum(1 for c in made if c.conflict)
        independent_less += sum(1 for c in made if c.independent < c.support)
        copies += len(m.shared_copy)
        if n in shown:
            print(f"=== {story['id']}: {story['issue']}")
            print(multi_text(m))
    print(f"{len(stories)} stories told by three outlets; median {statistics.median(sizes):g} "
          f"compared sentences per story (three outlets together)")
    print(f"claims {claims}: made by two outlets {two} ({100 * two / claims:.0f}%), by all "
          f"three {three} ({100 * three / claims:.0f}%), conflicts inside a claim {conflicts}, "
          f"fewer independent origins than outlets {independent_less}; "
          f"outlet pairs sharing wire copy {copies}")
    print(f"time: compare_many {ours:.1f} s, the three pairs one by one {base:.1f} s "
          f"(ratio {base / ours:.2f}x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
