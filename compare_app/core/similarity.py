"""How alike two sentences' term sets are: weights, close spellings and meanings, slots.

Terms are weighted by inverse document frequency over both documents. Near-identical spellings
("aleksandr"/"aleksander") and long shared stems count through rapidfuzz, words of close meaning
through the bundled table (`meanings`); a figure or a date that only one side states does not
count against a pair when the other states one of the same type (`slots`): that is a conflict
to report, not a sign that the sentences are about different things.
"""

from __future__ import annotations

import bisect
import math
from collections import defaultdict
from collections.abc import Iterator, Sequence
from itertools import repeat

from rapidfuzz import fuzz, process

from . import tuning
from .meanings import close_meanings
from .normalize import GENERIC_STEMS
from .slots import TYPE_OF_PREFIX, is_value

Terms = Sequence[str] | None  # None marks an excluded unit that never aligns


class TermWeights:
    """Inverse document frequency over the units of both documents together (so it is symmetric)."""

    def __init__(self, a_terms: Sequence[Terms], b_terms: Sequence[Terms],
                 names: frozenset[str] = frozenset()) -> None:
        """`names`: terms the documents use as names ("House", "Republicans"); those match by
        spelling only, never through a word of close meaning."""
        self.names = names
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
        top = math.log(self.n + 1.0)
        self.idf = {}
        for t, c in df.items():
            w = math.log((self.n + 1.0) / c) + tuning.IDF_FLOOR * top
            if t in GENERIC_STEMS:
                w *= tuning.GENERIC_FACTOR
            elif t[:1] == "#":
                w = tuning.SLOT_TYPE_WEIGHT * top
            self.idf[t] = w

    def weight(self, term: str) -> float:
        return self.idf.get(term, math.log(1.0 + self.n))


# Spelling comparisons allowed in one bucket of words sharing their first letters: far above
# any real vocabulary (an English bucket holds well under a million pairs of similar length).
SPELLING_BUDGET = 20_000_000


def similar_spellings(vocabulary: Sequence[str],
                      other: Sequence[str] | None = None) -> dict[str, dict[str, float]]:
    """Near-identical spellings ("aleksandr"/"aleksander", "hospitalization"/"hospital") among the
    vocabulary, found once per comparison; only words of similar length and initial are compared.
    With `other`, only spellings of one list near those of the other (both ways): all a scorer
    of one side's units against the other's consults, at a fraction of the cost.

    Each pair is scored once (the ratio is symmetric) against a window of the words sorted by
    length, and shared stems are looked up rather than scanned for, so the cost grows with the
    pairs of similar length, not with the square of the vocabulary. A bucket with more pairs
    than SPELLING_BUDGET (only a made-up vocabulary: thousands of "word1234" alike) is split by
    one more initial letter, up to the stem length, so its cost stays bounded."""
    out: dict[str, dict[str, float]] = {}
    mine = _spellable(vocabulary)
    for terms, others, lengths in _buckets(mine, mine if other is None else _spellable(other), 2):
        alone = others is terms  # one list: each pair once, from its shorter (or first) word
        for i, x in enumerate(terms):
            lo = i + 1 if alone else bisect.bisect_left(lengths, len(x) - 4)
            hi = bisect.bisect_right(lengths, len(x) + 4)
            near = others[lo:hi]
            for y, r, _ in process.extract(x, near, scorer=fuzz.ratio,
                                           score_cutoff=tuning.FUZZY_CUTOFF, limit=None):
                if y != x:
                    out.setdefault(x, {})[y] = r
                    out.setdefault(y, {})[x] = r
        _shared_stems(terms, others, out)
    return out


def _spellable(vocabulary: Sequence[str]) -> list[str]:
    return [t for t in vocabulary if len(t) >= tuning.FUZZY_MIN_LEN and t[0].isalpha()]


def _buckets(words: list[str], others: list[str], depth: int
             ) -> Iterator[tuple[list[str], list[str], list[int]]]:
    """Both lists grouped by their first `depth` letters, sorted by length (with the other
    group's lengths); a group pair over the budget is split further. The same list object is
    given for both when the words are compared among themselves."""
    alone = others is words
    groups: dict[str, list[str]] = defaultdict(list)
    for word in words:
        groups[word[:depth]].append(word)
    other_groups = groups if alone else defaultdict(list)
    if not alone:
        for word in others:
            other_groups[word[:depth]].append(word)
    for key, group in groups.items():
        terms = sorted(set(group), key=lambda t: (len(t), t))
        near = terms if alone else sorted(set(other_groups.get(key, ())), key=lambda t: (len(t), t))
        if not near:
            continue
        lengths = [len(t) for t in near]
        right, left = bisect.bisect_right, bisect.bisect_left
        pairs = sum(right(lengths, len(x) + 4) - left(lengths, len(x) - 4) for x in terms)
        if pairs > SPELLING_BUDGET and depth < tuning.PREFIX_MIN_LEN:
            yield from _buckets(terms, terms if alone else near, depth + 1)
        else:
            yield terms, near, lengths


def _shared_stems(terms: list[str], others: list[str], out: dict[str, dict[str, float]]) -> None:
    """Credit a shared long stem ("unlawful"/"unlawfully", at most 4 letters apart) between a
    word of `terms` and one of `others`, both ways, unless the pair has a spelling score."""
    for words, stems in ((terms, set(others)), (others, set(terms))):
        for y in words:
            for cut in range(max(tuning.PREFIX_MIN_LEN, len(y) - 4), len(y)):
                x = y[:cut]
                if x in stems:
                    out.setdefault(x, {}).setdefault(y, tuning.PREFIX_CREDIT)
                    out.setdefault(y, {}).setdefault(x, tuning.PREFIX_CREDIT)
        if others is terms:
            break


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
    """Similarity of two term sets on a 0-1 scale: the mean of weighted Dice and containment.

    Slot values ("=42", "@monday") that only one side states do not count against a pair when
    the other side states a value of the same type: that is a conflict to report, not a sign
    that the sentences are about different things."""

    def __init__(self, weights: TermWeights,
                 vocabularies: tuple[Sequence[str], Sequence[str]] | None = None) -> None:
        """`vocabularies`: the terms of the units that will be scored on each side, when only
        some will be (spelling variants are then looked for between those two lists only)."""
        self.idf = weights.idf
        self._weight = lambda t, get=weights.idf.get: get(t, 0.0)
        self._idf_item = weights.idf.__getitem__
        values = sorted(w for t, w in weights.idf.items() if t[:1] != "#")
        self.min_mass = tuning.MIN_MASS_MEDIANS * (values[len(values) // 2] if values else 1.0)
        self.similar = (similar_spellings(sorted(weights.idf)) if vocabularies is None
                        else similar_spellings(*map(sorted, vocabularies)))
        left, right = vocabularies or (weights.idf, weights.idf)
        for x, near in close_meanings(set(left) - weights.names,
                                      set(right) - weights.names).items():
            mine = self.similar.setdefault(x, {})
            for y, credit in near.items():
                mine.setdefault(y, credit)  # a close spelling keeps its own credit
        self._spelled = frozenset(self.similar)

    def mass(self, terms: set[str]) -> float:
        try:  # every term of the two documents has a weight: look them up at C speed
            return sum(map(self._idf_item, terms))
        except KeyError:
            return sum(map(self._weight, terms))

    def rounded_mass(self, terms: set[str]) -> float:
        return round(self.mass(terms), 9)

    def score(self, a: set[str], b: set[str], wa: float | None = None,
              wb: float | None = None, a_slots: Slots | None = None,
              b_slots: Slots | None = None) -> float:
        """Similarity of two term sets (masses and slots worked out when not given)."""
        if not a or not b:
            return 0.0
        wb = self.mass(b) if wb is None else wb
        return self.score_row(a, self.mass(a) if wa is None else wa, a_slots or slots_of(a),
                              [(b, wb, b_slots or slots_of(b))])[0]

    def score_row(self, a: set[str], wa: float, a_slots: Slots,
                  row: Sequence[tuple[set[str], float, Slots]]) -> list[float]:
        """The similarity of `a` to each `(b, wb, b_slots)` of a row (`wa`, `wb`: the units'
        masses): the linker's inner loop, with `a`'s share of the work done once."""
        if not a:
            return [0.0] * len(row)
        idf_item, weight, idf, similar = self._idf_item, self._weight, self.idf, self.similar
        idf_get, zeros, min_mass = idf.get, repeat(0.0), self.min_mass
        spelled_a = a & self._spelled
        # every term a close spelling or meaning of `a` could match: a `b` holding none of them
        # gains nothing from the one-to-one matching, which is then skipped
        near_a = set().union(*map(similar.__getitem__, spelled_a))
        va, types_a = a_slots
        out = []
        for b, wb, (vb, types_b) in row:
            if not b:
                out.append(0.0)
                continue
            shared = a & b
            try:
                s = sum(map(idf_item, shared))
            except KeyError:
                s = sum(map(weight, shared))
            wa_ = wa
            if va and vb:  # a value only one side states; the type test skipped if all pass
                gone = va - vb
                if gone:
                    wa_ -= (sum(map(idf_get, gone, zeros)) if types_a <= types_b else
                            sum(weight(t) for t in gone if TYPE_OF_PREFIX[t[0]] in types_b))
                gone = vb - va
                if gone:
                    wb -= (sum(map(idf_get, gone, zeros)) if types_b <= types_a else
                           sum(weight(t) for t in gone if TYPE_OF_PREFIX[t[0]] in types_a))
            if not near_a.isdisjoint(b):
                left = spelled_a - shared
                if left:
                    s += _soft_overlap(left, b - shared, similar, idf)
            if s <= 0 or wa_ <= 0 or wb <= 0:
                out.append(0.0)
                continue
            small = wa_ if wa_ <= wb else wb  # min() calls written out: the loop is hot
            containment, light = s / small, small / min_mass
            if light < 1.0:
                containment *= light
            mean = (2.0 * s / (wa_ + wb) + (containment if containment < 1.0 else 1.0)) / 2.0
            out.append(round(mean if mean < 1.0 else 1.0, 9))
        return out


Slots = tuple[frozenset[str], frozenset[str]]


def slots_of(terms: set[str]) -> Slots:
    """A unit's slot values ("=42", "@monday") and their types ("#num", "#date")."""
    values = frozenset(t for t in terms if is_value(t))
    return values, frozenset(TYPE_OF_PREFIX[t[0]] for t in values)
