"""Divergences and links on real pairs nobody labelled: where an analyst would use the engine.

The labelled sets hold few conflicts, so their divergence precision says little about arbitrary
pairs. This compares every pair of outlets in two public corpora and counts what the engine
calls, by relation, reason kind and link-score band, and can draw a random sample for a blind
audit (read against the labelling guideline of the development set; see the README, Benchmarks):

* `neus`: every two-outlet combination of the 505 NeuS clusters (the stories the labelled sets
  come from; 1,443 pairs);
* `probe`: the NeuS roundup probe (`data/naacl2022_lrc_roundup_random_order_probe`, test and
  validation splits): three short outlet excerpts per story, every pair compared. The engine was
  never tuned on it.

    python benchmarks/bench_divergences_at_large.py [--corpus neus|probe] [--sample N --seed S
                                                     --out FILE.json]

The texts stay in the fetched snapshot (read with `git show`); a sample file quotes them, so
keep it outside the project.
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import re
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from compare_app.core.compare import compare_texts  # noqa: E402
from compare_app.core.loading import load_text  # noqa: E402
from labelled_sets import default_neus_repo, neus_records  # noqa: E402

PROBE_DIR = "data/naacl2022_lrc_roundup_random_order_probe"
_ARTICLE = re.compile(r"ARTICLE=>\s*(.*)$", re.S)


def neus_pairs(repo: Path) -> Iterator[tuple[str, str, str]]:
    """(key, text A, text B) for every two outlets of every NeuS cluster."""
    for d in neus_records(repo):
        sides = [s for s in ("left", "center", "right") if (d["news"].get(s) or {}).get("newBody")]
        for x, y in itertools.combinations(sides, 2):
            yield (f"{d['id']}/{x}/{y}", "\n\n".join(d["news"][x]["newBody"]),
                   "\n\n".join(d["news"][y]["newBody"]))


def probe_pairs(repo: Path) -> Iterator[tuple[str, str, str]]:
    """(key, text A, text B) for every two excerpts of every roundup-probe story."""
    for split in ("test", "val"):
        raw = subprocess.run(["git", "--git-dir", str(repo), "show",
                              f"HEAD:{PROBE_DIR}/{split}.source"],
                             check=True, capture_output=True).stdout.decode("utf-8")
        for n, line in enumerate(raw.splitlines()):
            excerpts = [m.group(1).strip() for part in line.split("[SEP]")
                        if (m := _ARTICLE.search(part.strip())) and m.group(1).strip()]
            for x, y in itertools.combinations(range(len(excerpts)), 2):
                yield f"{split}{n}/{x}/{y}", excerpts[x], excerpts[y]


def judged(pairs: Iterator[tuple[str, str, str]]) -> list[dict]:
    """Every link the engine reports on the pairs, with its relation and first reason."""
    out = []
    for key, a, b in pairs:
        comparison = compare_texts(load_text(a, name="A"), load_text(b, name="B"))
        for p in comparison.pairs:
            out.append({"key": f"{key}/{'+'.join(p.a)}/{'+'.join(p.b)}", "score": p.score,
                        "relation": p.relation.value,
                        "reason": p.reasons[0].explanation if p.reasons else "",
                        "A": p.texts[0], "B": p.texts[1]})
    return out


def band(score: float) -> str:
    low = min(90, int(score // 10) * 10)
    return f"{low}-{low + 9 if low < 90 else 100}"


def report(links: Sequence[dict]) -> None:
    relations = Counter(link["relation"] for link in links)
    print(f"links: {len(links)} ({', '.join(f'{k} {v}' for k, v in sorted(relations.items()))})")
    kinds = Counter(link["reason"].split(":")[0] for link in links
                    if link["relation"] == "diverge")
    print("divergences by first reason: " + ", ".join(f"{k} {v}" for k, v in kinds.most_common()))
    bands = Counter(band(link["score"]) for link in links if link["relation"] == "agree")
    print("agree links by score band: " + ", ".join(f"{k} {bands[k]}" for k in sorted(bands)))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", choices=("neus", "probe"), default="probe")
    parser.add_argument("--repo", type=Path, default=None,
                        help="the fetched HLTCHKUST/framing-bias-metric snapshot (git dir)")
    parser.add_argument("--sample", type=int, default=0,
                        help="draw this many divergences at random for an audit")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, help="where to write the sample (JSON)")
    args = parser.parse_args(argv)
    repo = args.repo or default_neus_repo()
    if not repo.is_dir():
        print(f"no snapshot at {repo}: fetch HLTCHKUST/framing-bias-metric first",
              file=sys.stderr)
        return 2
    links = judged((neus_pairs if args.corpus == "neus" else probe_pairs)(repo))
    print(f"corpus: {args.corpus}")
    report(links)
    if args.sample:
        divergences = [link for link in links if link["relation"] == "diverge"]
        picked = random.Random(args.seed).sample(divergences, min(args.sample, len(divergences)))
        if args.out is None:
            print("--sample needs --out", file=sys.stderr)
            return 2
        args.out.write_text(json.dumps(picked, indent=1, ensure_ascii=False), encoding="utf-8")
        print(f"wrote {len(picked)} divergences to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
