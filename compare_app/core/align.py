"""Order-independent sentence linking between two documents.

Sentences are bags of canonical terms weighted by inverse document frequency, with figures, dates
and directions masked to their type (see `slots`), so two sentences that differ only in a number
or a day still look alike and the slot comparison in `relations` decides agree or diverge.
Candidate pairs come from an inverted index (every pair for short texts), so the cost stays close
to linear in document size. Each sentence then picks its best counterpart in both directions,
after a hub correction (CSLS: the mean of each sentence's top few scores is subtracted, so a long
sentence close to everything does not collect every link), and a calibrated model turns the
evidence into the chance that the two sentences make the same claim. A sentence may be linked to
several of the other side when they pick it: one sentence often carries two claims.
"""

from __future__ import annotations

import logging
import math
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from itertools import combinations, repeat

from . import tuning
from .meanings import close_meanings
from .normalize import CREDIT_WORDS, RECORD_TERM, canonical
from .progress import no_tick
from .similarity import Scorer, Terms, TermWeights, slots_of
from .slots import is_value

log = logging.getLogger(__name__)

# Words that only credit a source ("said", "according to"): two sentences that both report
# something share no claim by it.
_CREDIT_TERMS = frozenset(map(canonical, CREDIT_WORDS))



@dataclass
class Suggestions:
    """Each unit's best few counterparts (index, score 0-100), by hub-corrected similarity."""

    a: dict[int, list[tuple[int, float]]] = field(default_factory=dict)
    b: dict[int, list[tuple[int, float]]] = field(default_factory=dict)


@dataclass(frozen=True)
class Link:
    """Two linked units (indices into A and B), the calibrated chance that they make the same
    claim (0-100) and the evidence behind it (the same-claim model's inputs)."""

    a: int
    b: int
    score: float
    evidence: tuple[float, ...]


def index_keys(terms: set[str], rank: dict[str, int], weights: TermWeights,
               cap: int) -> dict[object, float]:
    """Lookup keys of a unit with their weights: its uncommon terms, plus pairs of its rarest
    terms, which stay selective even when every single word is common. `rank` orders the terms
    used more than once, rarest first (a term used once cannot lead to a counterpart)."""
    idf = weights.idf
    ranked = sorted(filter(rank.__contains__, terms), key=rank.__getitem__)
    keys: dict[object, float] = {t: idf[t] for t in ranked[:tuning.INDEX_TERMS]
                                 if weights.df[t] <= cap}
    for x, y in combinations(ranked[:tuning.PAIR_TERMS], 2):
        keys[(x, y) if x < y else (y, x)] = idf[x] + idf[y]
    return keys


def candidate_pairs(a_sets: Sequence[Terms], b_sets: Sequence[Terms], weights: TermWeights,
                    per_unit: int, tick: Callable[[float], None] = no_tick
                    ) -> set[tuple[int, int]]:
    """Pairs worth scoring. Short texts: every pair that shares a term. Long texts: pairs sharing a
    selective key, each unit's best few by shared key weight, both ways. Units are term sets (or
    lists); `tick(share done)` is called now and then in the long loops (it may raise to stop)."""
    live_a = [i for i, t in enumerate(a_sets) if t]
    live_b = [j for j, t in enumerate(b_sets) if t]
    if len(live_a) * len(live_b) <= tuning.EXHAUSTIVE_PAIRS:
        postings: dict[str, list[int]] = defaultdict(list)
        for j in live_b:
            for t in set(b_sets[j]):  # type: ignore[arg-type] # each term once: a unit may repeat it
                if t[:1] != "#":
                    postings[t].append(j)
        near = close_meanings({t for i in live_a for t in a_sets[i]}  # type: ignore[union-attr]
                              - weights.names, set(postings) - weights.names)
        return {(i, j) for i in live_a for t in set(a_sets[i])  # type: ignore[arg-type]
                for u in (t, *near.get(t, ())) for j in postings.get(u, ())}
    cap = max(12, int(tuning.INDEX_CAP_ROOTS * math.sqrt(weights.n)))
    ordered = sorted((t for t, c in weights.df.items() if c > 1 and t[:1] != "#"),
                     key=lambda t: (-weights.idf[t], t))
    rank = {t: i for i, t in enumerate(ordered)}

    def keys_of(units: Sequence[Terms], among: set[object] | None,
                done: float) -> list[dict[object, float]]:
        out = []
        for n, t in enumerate(units):
            if n % 1000 == 0:
                tick(done + 0.3 * n / len(units))
            if not t or (among is not None and among.isdisjoint(t)):
                out.append({})
                continue
            keys = index_keys(set(t), rank, weights, cap)
            out.append(keys if among is None else {k: w for k, w in keys.items() if k in among})
        return out

    # The smaller side's keys first: only those are ever looked up in the other side's keys,
    # so a unit of the other side keeps just those (none at all when it holds none of their
    # words), and the costly index of a long text stays small.
    small_is_a = len(live_a) <= len(live_b)
    small = keys_of(a_sets if small_is_a else b_sets, None, 0.0)
    among: set[object] = {k for keys in small for k in keys}
    among.update(w for k in list(among) if isinstance(k, tuple) for w in k)
    large = keys_of(b_sets if small_is_a else a_sets, among, 0.3)
    a_keys, b_keys = (small, large) if small_is_a else (large, small)
    out: set[tuple[int, int]] = set()

    def postings_of(keyed: list[dict[object, float]]) -> dict[object, list[int]]:
        postings: dict[object, list[int]] = defaultdict(list)
        for i, keys in enumerate(keyed):
            for k in keys:
                postings[k].append(i)
        return {k: v for k, v in postings.items() if len(v) <= cap}

    def best(keyed: list[dict[object, float]], postings: dict[object, list[int]],
             flip: bool) -> None:
        posted = postings.get
        for i, keys in enumerate(keyed):
            if i % 1000 == 0:
                tick(0.6 + 0.2 * (flip + i / len(keyed)))
            if not keys:
                continue
            acc: dict[int, float] = {}
            get = acc.get
            for k in keys:
                units = posted(k)
                if units is not None:
                    w = keys[k]
                    for j in units:
                        acc[j] = get(j, 0.0) + w
            if not acc:
                continue
            top = acc.keys() if len(acc) <= per_unit else sorted(
                acc, key=acc.__getitem__, reverse=True)[:per_unit]
            out.update(zip(top, repeat(i)) if flip else zip(repeat(i), top))

    best(a_keys, postings_of(b_keys), False)
    best(b_keys, postings_of(a_keys), True)
    return out


def _hubness(scores: dict[int, float], k: int) -> float:
    """Mean of a unit's top-k similarities (absent candidates count as zero)."""
    # sorted()[:k] is heapq.nlargest's documented equivalent, and faster on rows this short
    return sum(sorted(scores.values(), reverse=True)[:k]) / k


def _ranked(table: dict[int, dict[int, float]], depth: int) -> dict[int, list[tuple[int, float]]]:
    """Each unit's best few counterparts by adjusted score (ties: the earlier counterpart), each
    with its gap to the best other counterpart: the margin over the runner-up for the top pick,
    the (negative) shortfall from the top for the rest."""
    out = {}
    for i, row in table.items():
        # counterparts in order, then a stable sort by score: ties stay earliest first, and no
        # key function runs in Python (= heapq.nsmallest by (-score, counterpart), faster)
        ranked = sorted(sorted(row), key=row.__getitem__, reverse=True)[:depth + 1]
        top = row[ranked[0]]
        second = row[ranked[1]] if len(ranked) > 1 else 0.0
        out[i] = [(j, row[j] - (second if r == 0 else top)) for r, j in enumerate(ranked[:depth])]
    return out


def link_units(a_terms: Sequence[Terms], b_terms: Sequence[Terms], *,
               threshold: float = tuning.DEFAULT_THRESHOLD,
               per_unit: int = 12, weights: TermWeights | None = None,
               identical: Callable[[int, int], bool] | None = None,
               keep_all: bool = False, suggestions: Suggestions | None = None,
               suggest_depth: int = tuning.SUGGESTIONS,
               tick: Callable[[float], None] = no_tick) -> list[Link]:
    """Links between units, ordered by (A index, B index). `identical(i, j)` says whether two
    units read the same (those score 100). `keep_all` returns every picked link whatever its
    score (for calibration). `suggestions`, when given, is filled with each unit's best few
    counterparts on the other side (`suggest_depth` of them; no more than the ones each unit
    proposes costs nothing extra) and their scores, above the threshold or not. `tick(share
    done)` is called now and then (it may raise to stop the work). Only units in a candidate
    pair get term sets, masses and slots."""
    weights = weights or TermWeights(a_terms, b_terms)
    candidates: dict[int, list[int]] = defaultdict(list)  # A unit -> its B candidates
    for i, j in candidate_pairs(a_terms, b_terms, weights, per_unit,
                                lambda done: tick(0.8 * done)):
        candidates[i].append(j)
    a_sets = _sets_of(a_terms, set(candidates))
    b_sets = _sets_of(b_terms, set().union(*candidates.values()))
    a_vocabulary, b_vocabulary = _vocabulary(a_sets), _vocabulary(b_sets)
    scorer = Scorer(weights, (a_vocabulary, b_vocabulary))
    a_mass = {i: scorer.mass(t) for i, t in a_sets.items()}
    b_mass = {j: scorer.mass(t) for j, t in b_sets.items()}
    a_slots = {i: slots_of(t) for i, t in a_sets.items()}
    b_slots = {j: slots_of(t) for j, t in b_sets.items()}
    by_a: dict[int, dict[int, float]] = defaultdict(dict)
    by_b: dict[int, dict[int, float]] = defaultdict(dict)
    score_row = scorer.score_row
    b_units = {j: (t, b_mass[j], b_slots[j]) for j, t in b_sets.items()}
    total, done = sum(map(len, candidates.values())), 0
    for i in sorted(candidates):  # in (A, B) order, so that ties rank the same every run
        tick(0.8 + 0.2 * done / total)
        done += len(candidates[i])
        row = sorted(candidates[i])
        scores = score_row(a_sets[i], a_mass[i], a_slots[i], [b_units[j] for j in row])
        mine = {}
        for j, s in zip(row, scores):
            if s > 0:
                mine[j] = s
                by_b[j][i] = s
        if mine:
            by_a[i] = mine
    k = tuning.CSLS_K
    hub_a = {i: _hubness(row, k) for i, row in by_a.items()}
    hub_b = {j: _hubness(row, k) for j, row in by_b.items()}
    half = tuning.CSLS_WEIGHT / 2
    adj_a: dict[int, dict[int, float]] = {}
    for i, row in by_a.items():
        hub = hub_a[i]
        adj_a[i] = {j: s - half * (hub + hub_b[j]) for j, s in row.items()}
    adj_b: dict[int, dict[int, float]] = defaultdict(dict)
    for i, row in adj_a.items():
        for j, s in row.items():
            adj_b[j][i] = s
    pick_a, pick_b = _ranked(adj_a, tuning.PICK_DEPTH), _ranked(adj_b, tuning.PICK_DEPTH)
    gap_a = {(i, j): g for i, picks in pick_a.items() for j, g in picks}
    gap_b = {(i, j): g for j, picks in pick_b.items() for i, g in picks}
    df, rare_df = weights.df, max(tuning.RARE_DF_MIN, math.sqrt(weights.n))
    rare_words = {t for t in a_vocabulary & b_vocabulary  # uncommon words: no slot, type or credit
                  if t[:1] != "#" and not is_value(t) and df[t] <= rare_df
                  and t not in _CREDIT_TERMS}

    size_term = math.log(min(weights.n, tuning.SIZE_CAP))
    judgements: dict[tuple[int, int], Link] = {}

    def judged(i: int, j: int) -> Link:
        """The link model's verdict on a pair (worked out once: suggestions ask again)."""
        known = judgements.get((i, j))
        if known is None:
            known = judgements[i, j] = _judge(i, j)
        return known

    def _judge(i: int, j: int) -> Link:
        best_a, best_b = pick_a[i][0][0] == j, pick_b[j][0][0] == i
        adjusted = adj_a[i][j]
        ga = gap_a.get((i, j), adjusted - adj_a[i][pick_a[i][0][0]])
        gb = gap_b.get((i, j), adjusted - adj_b[j][pick_b[j][0][0]])
        shared = a_sets[i] & b_sets[j]  # type: ignore[operator]
        # a record level both state is a shared value of the claim, as a shared figure is
        values = len(a_slots[i][0] & b_slots[j][0]) + (RECORD_TERM in shared)
        words = len(shared & rare_words)
        evidence = (by_a[i][j], adjusted, float(best_a + best_b), max(ga, gb), min(ga, gb),
                    math.log1p(words), min(values, 2) / 2,
                    size_term * (1.0 - by_a[i][j]))
        same = identical is not None and identical(i, j)
        score = 100.0 if same else round(100.0 * tuning.same_claim_probability(evidence), 1)
        return Link(i, j, score, evidence)

    links = []
    for i, j in sorted(set(gap_a) | set(gap_b)):
        link = judged(i, j)
        if keep_all or link.score >= threshold:
            links.append(link)
    if suggestions is not None:
        deep = suggest_depth > tuning.PICK_DEPTH
        ranked_a = _ranked(adj_a, suggest_depth) if deep else pick_a
        ranked_b = _ranked(adj_b, suggest_depth) if deep else pick_b
        for i, picks in ranked_a.items():
            suggestions.a[i] = [(j, judged(i, j).score) for j, _ in picks[:suggest_depth]]
        for j, picks in ranked_b.items():
            suggestions.b[j] = [(i, judged(i, j).score) for i, _ in picks[:suggest_depth]]
    if not keep_all:
        links = _explaining(links, a_sets, b_sets, scorer)
    links.sort(key=lambda lk: (lk.a, lk.b))
    return links


def _sets_of(terms: Sequence[Terms], wanted: set[int]) -> dict[int, set[str]]:
    return {i: set(terms[i]) for i in sorted(wanted)}  # type: ignore[arg-type]


def _vocabulary(sets: dict[int, set[str]]) -> set[str]:
    return set().union(*sets.values())


def _explaining(links: list[Link], a_sets: dict[int, set[str]], b_sets: dict[int, set[str]],
                scorer: Scorer) -> list[Link]:
    """Drop a sentence's weaker link when its better links already explain all it shares: a
    second partner must match a part of the sentence the first one does not."""
    dropped: set[tuple[int, int]] = set()
    strongest_first = sorted(links, key=lambda lk: (-lk.score, lk.a + lk.b, abs(lk.a - lk.b)))
    for side in ("a", "b"):
        explained: dict[int, set[str]] = {}
        for lk in strongest_first:  # each side on its own, so swapping A and B mirrors it
            unit = lk.a if side == "a" else lk.b
            shared = {t for t in a_sets[lk.a] & b_sets[lk.b] if t[:1] != "#"}
            seen = explained.get(unit)
            if seen is not None and scorer.rounded_mass(shared - seen) < (
                    tuning.RESIDUAL_SHARE * scorer.rounded_mass(shared)):
                dropped.add((lk.a, lk.b))
                continue
            explained[unit] = (seen or set()) | shared
    return [lk for lk in links if (lk.a, lk.b) not in dropped]
