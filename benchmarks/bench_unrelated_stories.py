"""At scale, links must not join unrelated stories.

Concatenates many NeuS story pairs into two long documents (each story's first outlet into A in
file order, its second outlet into B in a shuffled order), compares them once, and maps every
link back to the stories its two sentences come from. NeuS holds several clusters about one
event (a court case followed over weeks, the same vaccine panel reported twice), so a link
between two different clusters is not necessarily wrong (the Jan. 6 committee is filed under
"US House", "Violence in America" and "White House" on different weeks). A link is counted as
joining *unrelated* stories when the two clusters' headlines share no content word, their AllSides
topics differ and their dates are more than `--days` apart. Both rates are printed, with the
time against all-pairs rapidfuzz on the same text (the simple baseline, measured in the same run).

    python benchmarks/bench_unrelated_stories.py [--stories N] [--repo NEUS_GIT] [--seed 1]
Target: under 5% of links join unrelated stories.
"""

from __future__ import annotations

import argparse
import bisect
import datetime as dt
import random
import time
from pathlib import Path

from rapidfuzz import fuzz, process

from compare_app.core.compare import compare_texts
from compare_app.core.loading import load_text
from compare_app.core.normalize import AliasTable, content_terms
from labelled_sets import default_neus_repo, neus_stories


def build(parts: list[tuple[int, str]]) -> tuple[str, list[int], list[int]]:
    text, starts, owners = "", [], []
    for owner, body in parts:
        starts.append(len(text))
        owners.append(owner)
        text += body + "\n\n"
    return text, starts, owners


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--stories", type=int, default=505)
    ap.add_argument("--repo", type=Path, default=None)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--days", type=int, default=14)
    ap.add_argument("--show", action="store_true",
                    help="print the links that join unrelated stories")
    args = ap.parse_args()
    stories = neus_stories(args.repo or default_neus_repo())[:args.stories]
    order = list(range(len(stories)))
    random.Random(args.seed).shuffle(order)
    text_a, starts_a, owners_a = build([(k, s["a"]) for k, s in enumerate(stories)])
    text_b, starts_b, owners_b = build([(k, stories[k]["b"]) for k in order])

    t0 = time.perf_counter()
    c = compare_texts(load_text(text_a, name="A"), load_text(text_b, name="B"))
    ours = time.perf_counter() - t0

    def story(starts: list[int], owners: list[int], offset: int) -> int:
        return owners[bisect.bisect_right(starts, offset) - 1]

    words = [set(content_terms(s["issue"], AliasTable())) for s in stories]

    def unrelated(i: int, j: int) -> bool:
        di, dj = (dt.date.fromisoformat(stories[k]["date"]) for k in (i, j))
        return (not words[i] & words[j] and apart(i, j))

    def apart(i: int, j: int) -> bool:
        di, dj = (dt.date.fromisoformat(stories[k]["date"]) for k in (i, j))
        return stories[i]["topic"] != stories[j]["topic"] and abs((di - dj).days) > args.days

    cross = unrel = claims = claims_unrel = far = 0
    for p in c.pairs:
        i = story(starts_a, owners_a, c.sentence(p.a[0]).start)
        j = story(starts_b, owners_b, c.sentence(p.b[0]).start)
        strong = p.relation.value != "related"
        claims += strong
        if i != j:
            cross += 1
            far += apart(i, j)
            if unrelated(i, j):
                unrel += 1
                claims_unrel += strong
                if args.show:
                    print(f"  {p.score:5.1f} {p.relation.value:8} "
                          f"[{stories[i]['topic']} {stories[i]['date']}]"
                          f" {c.sentence(p.a[0]).text[:110]}\n{'':16}[{stories[j]['topic']} "
                          f"{stories[j]['date']}] {c.sentence(p.b[0]).text[:110]}")

    a_sents = [s.text for s in c.a.sentences if not s.excluded]
    b_sents = [s.text for s in c.b.sentences if not s.excluded]
    t0 = time.perf_counter()
    for a_sent in a_sents:
        process.extractOne(a_sent, b_sents, scorer=fuzz.token_set_ratio)
    baseline = time.perf_counter() - t0

    n = len(c.pairs)
    print(f"{len(stories)} story pairs: {len(c.a.sentences):,} + {len(c.b.sentences):,} sentences")
    print(f"links: {n} ({claims} agree or diverge, {n - claims} related)")
    print(f"joining different clusters: {cross} ({cross / max(n, 1):.1%}) — includes the same "
          f"event reported in several clusters")
    print(f"joining clusters of another topic, > {args.days} days apart: {far} "
          f"({far / max(n, 1):.1%})"
          " — mostly one storyline filed under several topics (see --show)")
    print(f"joining unrelated stories (no shared headline word, other topic, > {args.days} days "
          f"apart): {unrel} "
          f"({unrel / max(n, 1):.1%}); of agree/diverge links {claims_unrel} "
          f"({claims_unrel / max(claims, 1):.1%})")
    print(f"time: ours {ours:.2f} s, all-pairs rapidfuzz token_set_ratio {baseline:.2f} s "
          f"({baseline / max(ours, 1e-9):.1f}x)")
    verdict = "holds" if unrel / max(n, 1) < 0.05 else "DOES NOT HOLD"
    print(f"target (< 5% of links join unrelated stories): {verdict}")


if __name__ == "__main__":
    main()
