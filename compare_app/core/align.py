"""Order-independent sentence alignment between two documents.

Sentences are bags of canonical terms weighted by inverse document frequency, so a shared rare
word ("S-400", "Bloknot") counts for more than a shared common one ("Russia"). Candidate pairs
come from an inverted index over the less common terms; only those are scored, which keeps the
cost close to linear in document size. Assignment is greedy by score with a symmetric tie-break,
so swapping the documents mirrors the result, and a sentence may join an existing pair when it
and its neighbour are together summarised by one sentence on the other side.
"""

from __future__ import annotations

import logging
import math
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from .normalize import GENERIC_STEMS

log = logging.getLogger(__name__)

Terms = Sequence[str] | None  # None marks an excluded unit that never aligns
MAX_GROUP = 3
FUZZY_MIN_LEN = 5
FUZZY_CUTOFF = 86.0
GENERIC_FACTOR = 0.4
INDEX_TERMS = 6
PAIR_TERMS = 5


@dataclass(frozen=True)
class Group:
    """Aligned units: indices into A and into B (one side has exactly one) and the 0-100 score."""

    a: tuple[int, ...]
    b: tuple[int, ...]
    score: float


class TermWeights:
    """Inverse document frequency over the units of both documents together (so it is symmetric)."""

    def __init__(self, a_terms: Sequence[Terms], b_terms: Sequence[Terms]) -> None:
        df: dict[str, int] = defaultdict(int)
        n = 0
        for terms in list(a_terms) + list(b_terms):
            if terms is None:
                continue
            n += 1
            for t in set(terms):
                df[t] += 1
        self.n = max(n, 1)
        self.df = dict(df)
        self.idf = {t: math.log((self.n + 1.0) / c) * (GENERIC_FACTOR if t in GENERIC_STEMS else 1.0)
                    for t, c in df.items()}

    def weight(self, term: str) -> float:
        return self.idf.get(term, math.log(1.0 + self.n))


def similar_spellings(vocabulary: Sequence[str]) -> dict[str, dict[str, float]]:
    """Near-identical spellings ("aleksandr"/"aleksander") among the vocabulary, found once per
    comparison; only words of similar length and the same initial are compared."""
    buckets: dict[str, list[str]] = defaultdict(list)
    for term in vocabulary:
        if len(term) >= FUZZY_MIN_LEN and not term[0].isdigit():
            buckets[term[0]].append(term)
    out: dict[str, dict[str, float]] = {}
    for terms in buckets.values():
        terms.sort(key=len)
        for x in terms:
            near = [y for y in terms if y != x and abs(len(x) - len(y)) <= 3]
            if not near:
                continue
            for y, r, _ in process.extract(x, near, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF,
                                           limit=None):
                out.setdefault(x, {})[y] = r
    return out


def _soft_overlap(left: set[str], right: set[str], similar: dict[str, dict[str, float]],
                  idf: dict[str, float]) -> float:
    """Weight of near-identical spellings between the unshared terms, matched one to one."""
    options = []
    for x in left:
        for y, r in similar.get(x, {}).items():
            if y in right:
                options.append((-r, min(x, y), max(x, y), x, y))
    if not options:
        return 0.0
    options.sort()
    used_l: set[str] = set()
    used_r: set[str] = set()
    total = 0.0
    for neg_r, _, _, x, y in options:
        if x in used_l or y in used_r:
            continue
        used_l.add(x)
        used_r.add(y)
        total += min(idf.get(x, 0.0), idf.get(y, 0.0)) * (-neg_r / 100.0)
    return total


class Scorer:
    """Similarity of two term sets on a 0-100 scale: the mean of weighted Dice and containment."""

    def __init__(self, weights: TermWeights) -> None:
        self.idf = weights.idf
        self._weight = lambda t, get=weights.idf.get: get(t, 0.0)
        # A sentence lighter than this is too short for containment alone to vouch for it.
        values = sorted(weights.idf.values())
        self.min_mass = 4.0 * (values[len(values) // 2] if values else 1.0)
        self.similar = similar_spellings(sorted(weights.idf))
        self._spelled = frozenset(self.similar)  # terms that have a near-identical spelling

    def mass(self, terms: set[str]) -> float:
        return sum(map(self._weight, terms))

    def _combine(self, s: float, wa: float, wb: float) -> float:
        if s <= 0 or wa <= 0 or wb <= 0:
            return 0.0
        dice = 2.0 * s / (wa + wb)
        small = min(wa, wb)
        containment = (s / small) * min(1.0, small / self.min_mass)
        return round(100.0 * (dice + min(containment, 1.0)) / 2.0, 6)

    def score(self, a: set[str], b: set[str], floor: float = 0.0,
              wa: float | None = None, wb: float | None = None) -> float:
        """Similarity; spelling variants are only sought for pairs that already share enough
        to come near `floor`."""
        if not a or not b:
            return 0.0
        shared = a & b
        s = self.mass(shared)
        wa = self.mass(a) if wa is None else wa
        wb = self.mass(b) if wb is None else wb
        exact = self._combine(s, wa, wb)
        if exact < floor * 0.5 or not self.similar:
            return exact
        left = (a - shared) & self._spelled
        if not left:
            return exact
        s += _soft_overlap(left, b - shared, self.similar, self.idf)
        return self._combine(s, wa, wb)


def index_keys(terms: set[str], rank: dict[str, int], weights: TermWeights,
               cap: int) -> dict[object, float]:
    """Lookup keys of a unit with their weights: its uncommon terms, plus pairs of its rarest
    terms, which stay selective even when every single word is common. `rank` orders the terms
    used more than once, rarest first (a term used once cannot lead to a counterpart)."""
    idf = weights.idf
    ranked = sorted((t for t in terms if t in rank), key=rank.__getitem__)
    keys: dict[object, float] = {t: idf[t] for t in ranked[:INDEX_TERMS]
                                 if weights.df[t] <= cap}
    rare = ranked[:PAIR_TERMS]
    for x in range(len(rare)):
        for y in range(x + 1, len(rare)):
            keys[(rare[x], rare[y]) if rare[x] < rare[y] else (rare[y], rare[x])] = (
                idf[rare[x]] + idf[rare[y]])
    return keys


def candidate_pairs(a_sets: Sequence[set[str] | None], b_sets: Sequence[set[str] | None],
                    weights: TermWeights, per_unit: int) -> set[tuple[int, int]]:
    """Pairs sharing a selective key: each unit's best few by shared key weight, both ways."""
    cap = max(12, int(2 * math.sqrt(weights.n)))
    ordered = sorted((t for t, c in weights.df.items() if c > 1), key=lambda t: (-weights.idf[t], t))
    rank = {t: i for i, t in enumerate(ordered)}
    a_keys = [index_keys(t, rank, weights, cap) if t else {} for t in a_sets]
    b_keys = [index_keys(t, rank, weights, cap) if t else {} for t in b_sets]
    out: set[tuple[int, int]] = set()

    def postings_of(keyed: list[dict[object, float]]) -> dict[object, list[int]]:
        postings: dict[object, list[int]] = defaultdict(list)
        for i, keys in enumerate(keyed):
            for k in keys:
                postings[k].append(i)
        return {k: v for k, v in postings.items() if len(v) <= cap}

    def best(keyed: list[dict[object, float]], postings: dict[object, list[int]], flip: bool) -> None:
        for i, keys in enumerate(keyed):
            acc: dict[int, float] = {}
            get = acc.get
            for k, w in keys.items():
                for j in postings.get(k, ()):
                    acc[j] = get(j, 0.0) + w
            if not acc:
                continue
            top = acc.keys() if len(acc) <= per_unit else sorted(
                acc, key=acc.__getitem__, reverse=True)[:per_unit]
            for j in top:
                out.add((j, i) if flip else (i, j))

    best(a_keys, postings_of(b_keys), False)
    best(b_keys, postings_of(a_keys), True)
    return out


def _tie_key(score: float, a: int, b: int) -> tuple[float, int, int]:
    return (-score, a + b, abs(a - b))


def align_units(a_terms: Sequence[Terms], b_terms: Sequence[Terms], *, threshold: float = 30.0,
                per_unit: int = 12, merge_gain: float = 6.0, weights: TermWeights | None = None,
                progress: Callable[[int, int], None] | None = None) -> list[Group]:
    """Groups of aligned units, ordered by their first A index."""
    weights = weights or TermWeights(a_terms, b_terms)
    scorer = Scorer(weights)
    a_sets = [set(t) if t is not None else None for t in a_terms]
    b_sets = [set(t) if t is not None else None for t in b_terms]
    candidates = candidate_pairs(a_sets, b_sets, weights, per_unit)
    if progress:
        progress(1, 3)
    scored: list[tuple[float, int, int]] = []
    floor = threshold * 0.6
    a_mass = [scorer.mass(t) if t else 0.0 for t in a_sets]
    b_mass = [scorer.mass(t) if t else 0.0 for t in b_sets]
    for i, j in sorted(candidates):
        s = scorer.score(a_sets[i], b_sets[j], floor, a_mass[i], b_mass[j])  # type: ignore[arg-type]
        if s > 0:
            scored.append((s, i, j))
    if progress:
        progress(2, 3)
    scored.sort(key=lambda x: _tie_key(*x))
    used_a: dict[int, int] = {}
    used_b: dict[int, int] = {}
    groups: list[list] = []  # [a list, b list, score]
    for s, i, j in scored:
        if s < threshold:
            break
        if i in used_a or j in used_b:
            continue
        used_a[i] = used_b[j] = len(groups)
        groups.append([[i], [j], s])
    _merge_neighbours(scored, groups, used_a, used_b, a_sets, b_sets, scorer, threshold, merge_gain)
    if progress:
        progress(3, 3)
    result = [Group(tuple(sorted(g[0])), tuple(sorted(g[1])), g[2]) for g in groups]
    result.sort(key=lambda g: (g.a[0], g.b[0]))
    return result


def _near(unit: int, members: list[int]) -> bool:
    """Only neighbouring units (at most one unit between) are read as one summarised passage."""
    return any(abs(unit - m) <= 2 for m in members)


def _merge_neighbours(scored, groups, used_a, used_b, a_sets, b_sets, scorer: Scorer,
                      threshold: float, merge_gain: float) -> None:
    """Let an unmatched unit join a one-to-one pair when one side summarises both of the other."""
    options = []
    floor = threshold * 0.6
    for s, i, j in scored:
        if s < floor:
            break
        if i not in used_a and j in used_b:
            g = groups[used_b[j]]
            if len(g[1]) == 1 and len(g[0]) < MAX_GROUP and _near(i, g[0]):
                merged = scorer.score(set().union(*(a_sets[k] for k in g[0]), a_sets[i]), b_sets[j])
                if merged >= g[2] + merge_gain:
                    options.append((-(merged - g[2]), i + j, abs(i - j), "a", i, used_b[j], merged))
        elif j not in used_b and i in used_a:
            g = groups[used_a[i]]
            if len(g[0]) == 1 and len(g[1]) < MAX_GROUP and _near(j, g[1]):
                merged = scorer.score(a_sets[i], set().union(*(b_sets[k] for k in g[1]), b_sets[j]))
                if merged >= g[2] + merge_gain:
                    options.append((-(merged - g[2]), i + j, abs(i - j), "b", j, used_a[i], merged))
    options.sort(key=lambda o: o[:3])
    touched: set[int] = set()
    for _, _, _, side, unit, gi, merged in options:
        g = groups[gi]
        if gi in touched:
            continue
        if side == "a" and unit not in used_a and len(g[1]) == 1:
            g[0].append(unit)
            used_a[unit] = gi
        elif side == "b" and unit not in used_b and len(g[0]) == 1:
            g[1].append(unit)
            used_b[unit] = gi
        else:
            continue
        g[2] = merged
        touched.add(gi)
