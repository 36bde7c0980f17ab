"""Refit the same-claim link model (`compare_app.core.tuning.LINK_COEFFICIENTS`) on labelled pairs.

Every pair the engine proposes (each sentence's best two counterparts, both ways) becomes a row:
its evidence and whether the labels call it a sure pair (agree or diverge). Optional related
pairs are left out. Each story is used twice: alone, as two short excerpts, and hidden among
`--distractors` other NeuS stories on both sides (15, 60 and 250 by default), so the model
also learns what chance matches look like in long documents (only rows that touch the labelled
story are kept there; links inside an unlabelled story are unknown). The fit is L2-regularised
logistic regression (Newton steps); leave-one-story-out figures show what to expect on unseen
stories.

    python benchmarks/calibrate_links.py --set GOLD.json TEXTS_DIR [--set ...] [--repo NEUS_GIT]
"""

from __future__ import annotations

import argparse
import math
import random
from pathlib import Path

from compare_app.core import tuning
from compare_app.core.align import link_units
from compare_app.core.compare import prepare
from compare_app.core.loading import load_text
from labelled_sets import Story, default_neus_repo, gold_index, load_set, neus_stories

Row = tuple[str, list[float], int]


def _rows(story: Story, a_text: str, b_text: str, a_at: int, b_at: int,
          inside: tuple[tuple[int, int], tuple[int, int]] | None = None) -> list[Row]:
    prep = prepare(load_text(a_text, name="A"), load_text(b_text, name="B"))
    links = link_units(prep.a_terms, prep.b_terms, threshold=0, weights=prep.weights, keep_all=True)
    g = story.gold
    sure = {(p[0], p[1]) for p in g["pairs"]}
    related = {(p[0], p[1]) for p in g["related"]}
    rows = []
    for lk in links:
        sa, sb = prep.a.sentences[lk.a], prep.b.sentences[lk.b]
        in_a = inside is None or inside[0][0] <= sa.start < inside[0][1]
        in_b = inside is None or inside[1][0] <= sb.start < inside[1][1]
        if not (in_a or in_b):
            continue  # two unlabelled stories: unknown
        if in_a != in_b:
            rows.append((story.id, _x(lk.evidence), 0))
            continue
        key = (gold_index(g["a_sentences"], sa.start - a_at, sa.end - a_at),
               gold_index(g["b_sentences"], sb.start - b_at, sb.end - b_at))
        if key in related and key not in sure:
            continue
        rows.append((story.id, _x(lk.evidence), int(key in sure)))
    return rows


def _x(evidence) -> list[float]:
    """The model's inputs. Raw similarity enters only through the size term (`log n * (1 - s)`),
    its own weight held at 0, so the chance can only rise with similarity: short news excerpts
    alone would teach a negative weight that wrecks near-verbatim pairs in long documents."""
    x = list(map(float, evidence))
    x[0] = 0.0
    return x


def hidden(story: Story, pool: list[dict], count: int, rng: random.Random) -> list[Row]:
    """The story's rows when it sits among `count` unrelated stories on both sides."""
    others = rng.sample(pool, count)
    items = [("*", story.a_text, story.b_text)] + [(o["id"], o["a"], o["b"]) for o in others]
    texts, spans = [], []
    for side in (1, 2):
        order = items[:]
        rng.shuffle(order)
        text, at = "", 0
        for item in order:
            if item[0] == "*":
                at = len(text)
                span = (at, at + len(item[side]))
            text += item[side] + "\n\n"
        texts.append((text, at))
        spans.append(span)
    (a_text, a_at), (b_text, b_at) = texts
    return _rows(story, a_text, b_text, a_at, b_at, (spans[0], spans[1]))


def _solve(m: list[list[float]], v: list[float]) -> list[float]:
    n = len(v)
    aug = [row[:] + [v[i]] for i, row in enumerate(m)]
    for c in range(n):
        p = max(range(c, n), key=lambda r: abs(aug[r][c]))
        aug[c], aug[p] = aug[p], aug[c]
        for r in range(n):
            if r != c:
                f = aug[r][c] / aug[c][c]
                for k in range(c, n + 1):
                    aug[r][k] -= f * aug[c][k]
    return [aug[i][n] / aug[i][i] for i in range(n)]


def fit(rows: list[Row], l2: float = 1.0, steps: int = 30) -> list[float]:
    d = len(rows[0][1]) + 1
    w = [0.0] * d
    for _ in range(steps):
        h = [[l2 * (i == j and i > 0) for j in range(d)] for i in range(d)]
        g = [l2 * w[k] * (k > 0) for k in range(d)]
        for _, x, y in rows:
            xx = [1.0] + x
            p = _sigmoid(sum(a * b for a, b in zip(w, xx)))
            for i in range(d):
                g[i] += (p - y) * xx[i]
                for j in range(d):
                    h[i][j] += p * (1 - p) * xx[i] * xx[j]
        step = _solve(h, g)
        w = [a - b for a, b in zip(w, step)]
        if max(abs(s) for s in step) < 1e-7:
            break
    return w


def _sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def report(name: str, scored: list[tuple[float, int]], total: int) -> None:
    print(f"{name}: threshold  precision  recall (of {total} sure pairs)")
    for t in (0.3, 0.4, 0.5, 0.6, 0.7):
        tp = sum(y for p, y in scored if p >= t)
        fp = sum(1 - y for p, y in scored if p >= t)
        print(f"    {100 * t:4.0f}      {tp / max(tp + fp, 1):.2f}      {tp / max(total, 1):.2f}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--set", nargs=2, action="append", metavar=("GOLD", "TEXTS"), required=True)
    ap.add_argument("--repo", type=Path, default=None,
                    help="NeuS git snapshot (distractor stories)")
    ap.add_argument("--distractors", type=int, nargs="+", default=[15, 60, 250],
                    help="how many other stories hide each labelled one (one setting per number)")
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    stories = [s for gold, texts in args.set for s in load_set(Path(gold), Path(texts))]
    labelled = {s.id for s in stories}
    pool = [o for o in neus_stories(args.repo or default_neus_repo()) if o["id"] not in labelled]
    rng = random.Random(args.seed)
    rows = []
    for s in stories:
        rows += _rows(s, s.a_text, s.b_text, 0, 0)
        for count in args.distractors:
            rows += hidden(s, pool, count, rng)
    total = sum(len(s.gold["pairs"]) for s in stories)
    print(f"{len(stories)} stories, {len(rows)} proposed pairs, {sum(r[2] for r in rows)} sure")
    w = fit(rows)
    print("LINK_COEFFICIENTS =", tuple(round(x, 3) for x in w))
    print("current          =", tuning.LINK_COEFFICIENTS)
    loso: list[tuple[float, int]] = []
    for s in sorted(labelled):
        ws = fit([r for r in rows if r[0] != s], steps=15)
        loso += [(_sigmoid(sum(a * b for a, b in zip(ws, [1.0] + x))), y)
                 for sid, x, y in rows if sid == s]
    report(f"leave one story out ({1 + len(args.distractors)} settings, each story's pairs counted "
           "in each)", loso, (1 + len(args.distractors)) * total)


if __name__ == "__main__":
    main()
