"""Claim clusters across three or more sources, built from the pairwise links.

Two links that share a sentence do not make one claim by themselves: A~B and B~C chain into one
cluster only when A and C are at least plausibly the same claim as well (linked, or scored by the
engine above a low floor), so two different claims are not joined through a sentence that
mentions both. A link that cannot merge its clusters still shows: the sentence appears in the
other cluster as its source's statement, as a sentence carrying two claims appears in two pairs.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import Enum

from rapidfuzz import fuzz

from . import tuning
from .ids import claim_id, normalise, pair_ids, sentence_label, sentence_number
from .models import Comparison, Pair, Reason, Relation

log = logging.getLogger(__name__)


class CellState(str, Enum):
    STATED = "stated"          # the source makes the claim compatibly with the others
    DIFFERENT = "different"    # it makes the claim, but conflicts with another source
    RELATED = "related"        # it says something on the same subject, not comparable
    SILENT = "silent"          # it does not make the claim


@dataclass(frozen=True)
class Cell:
    """One source's part in one claim."""

    source: str
    state: CellState
    sentences: tuple[str, ...] = ()
    reasons: tuple[Reason, ...] = ()    # why it differs, against the sources in `against`
    against: tuple[str, ...] = ()


@dataclass(frozen=True)
class Cluster:
    """A claim and what each source says about it."""

    id: str
    cells: tuple[Cell, ...]            # one per source, in source order
    origins: tuple[tuple[str, ...], ...]  # sources grouped by shared copy of this claim

    @property
    def sources(self) -> tuple[str, ...]:
        """Sources that make the claim (stated or stated differently)."""
        cached = self.__dict__.get("_sources")
        if cached is None:  # asked for again and again by sorting and filtering views
            cached = tuple(c.source for c in self.cells
                           if c.state in (CellState.STATED, CellState.DIFFERENT))
            object.__setattr__(self, "_sources", cached)
        return cached

    @property
    def support(self) -> int:
        return len(self.sources)

    @property
    def independent(self) -> int:
        """Independent origins among the sources that make it: shared wire copy counts once."""
        cached = self.__dict__.get("_independent")
        if cached is None:
            making = set(self.sources)
            cached = sum(1 for group in self.origins if making & set(group))
            object.__setattr__(self, "_independent", cached)
        return cached

    @property
    def conflict(self) -> bool:
        return any(c.state is CellState.DIFFERENT for c in self.cells)

    def cell(self, source: str) -> Cell:
        return next(c for c in self.cells if c.source == source)


@dataclass(frozen=True)
class SharedCopy:
    """Two sources carrying near-verbatim the same sentences: one origin, not two confirmations."""

    sources: tuple[str, str]
    claims: int


def _edges(pairwise: Iterable[Comparison]) -> list[Pair]:
    """Every link, strongest first; ties broken by ids so the result is deterministic."""
    pairs = [p for c in pairwise for p in c.pairs]
    return sorted(pairs, key=lambda p: (-p.score, p.a[0], p.b[0]))


class _Plausible:
    """Whether two sentences of different sources may make the same claim: linked, or scored by
    the engine above the chain floor among each other's candidates."""

    def __init__(self, pairwise: Iterable[Comparison]) -> None:
        self.score: dict[frozenset[str], float] = {}
        for c in pairwise:
            for sid, picks in c.suggestions.items():
                for other, score in picks:
                    key = frozenset((sid, other))
                    self.score[key] = max(score, self.score.get(key, 0.0))
            for p in c.pairs:
                self.score[frozenset((p.a[0], p.b[0]))] = 100.0

    def __call__(self, x: str, y: str) -> bool:
        return self.score.get(frozenset((x, y)), 0.0) >= tuning.CHAIN_MIN_SCORE


def _source(sentence_id: str) -> str:
    return sentence_label(sentence_id)


def build_clusters(labels: tuple[str, ...], pairwise: Mapping[tuple[str, str], Comparison],
                   texts: Mapping[str, str]) -> tuple[tuple[Cluster, ...], tuple[SharedCopy, ...]]:
    """Claim clusters from the pairwise comparisons of `labels`, and the sources sharing copy.
    `texts` gives each compared sentence's text (id -> text)."""
    plausible = _Plausible(pairwise.values())
    edges = _edges(pairwise.values())
    member: dict[str, int] = {}      # sentence -> cluster number
    groups: dict[int, dict[str, str]] = {}  # cluster number -> source -> sentence
    for n, sid in enumerate(sorted(texts)):
        member[sid] = n
        groups[n] = {_source(sid): sid}
    extra: list[Pair] = []
    for pair in edges:
        if pair.relation is Relation.RELATED:
            extra.append(pair)
            continue
        x, y = member[pair.a[0]], member[pair.b[0]]
        if x == y:
            continue
        gx, gy = groups[x], groups[y]
        if gx.keys() & gy.keys() or not all(plausible(s, t) for s in gx.values()
                                            for t in gy.values()):
            extra.append(pair)
            continue
        for sid in gy.values():
            member[sid] = x
        gx.update(gy)
        del groups[y]
    links = _link_index(edges)
    outside: dict[int, list[tuple[str, Pair]]] = {}  # cluster -> links that could not merge
    for p in extra:
        for inside, other in ((p.a[0], p.b[0]), (p.b[0], p.a[0])):
            if inside in member:
                outside.setdefault(member[inside], []).append((other, p))
    clusters = [_cluster(labels, group, links, outside.get(number, []), texts)
                for number, group in groups.items()]
    ids = pair_ids([(" ".join(texts[s] for s in sorted(g.values())), "claim")
                    for g in groups.values()])
    clusters = [_with_id(c, claim_id(i)) for c, i in zip(clusters, ids)]
    clusters.sort(key=lambda c: _first_position(c, labels))
    sizes = {label: sum(1 for sid in texts if _source(sid) == label) for label in labels}
    return tuple(clusters), _shared_copy(labels, clusters, sizes)


def _link_index(edges: list[Pair]) -> dict[str, list[Pair]]:
    index: dict[str, list[Pair]] = {}
    for p in edges:
        index.setdefault(p.a[0], []).append(p)
        index.setdefault(p.b[0], []).append(p)
    return index


def _cluster(labels: tuple[str, ...], group: dict[str, str], links: dict[str, list[Pair]],
             outside: list[tuple[str, Pair]], texts: Mapping[str, str]) -> Cluster:
    own = set(group.values())
    attached: dict[str, list[tuple[str, Pair]]] = {}
    for sid, p in outside:  # a link that could not merge: that sentence speaks for its source
        if _source(sid) not in group and sid in texts:
            attached.setdefault(_source(sid), []).append((sid, p))
    cells = []
    for label in labels:
        if label in group:
            sid = group[label]
            mine = [p for p in links.get(sid, []) if (p.b[0] if p.a[0] == sid else p.a[0]) in own]
            cells.append(_cell(label, (sid,), mine, sid))
        elif label in attached:  # the source's strongest link into the claim speaks for it
            sid, _ = max(attached[label], key=lambda f: (f[1].score, -sentence_number(f[0])))
            cells.append(_cell(label, (sid,), [p for s, p in attached[label] if s == sid], None))
        else:
            cells.append(Cell(label, CellState.SILENT))
    return Cluster("", tuple(cells), _origins(cells, texts))


def _cell(label: str, sids: tuple[str, ...], pairs: list[Pair], own: str | None) -> Cell:
    """A source differs when more of its links in the claim conflict than agree: with two
    sources both differ; with three, the odd one out does."""
    diverging = [p for p in pairs if p.relation is Relation.DIVERGE]
    agreeing = sum(1 for p in pairs if p.relation is Relation.AGREE)
    if len(diverging) > agreeing:
        against = tuple(sorted({_source(p.b[0] if _source(p.a[0]) == label else p.a[0])
                                for p in diverging}))
        return Cell(label, CellState.DIFFERENT, sids,
                    tuple(r for p in diverging for r in p.reasons), against)
    if agreeing or diverging or (own and not pairs):
        return Cell(label, CellState.STATED, sids)
    return Cell(label, CellState.RELATED, sids)


def _origins(cells: list[Cell], texts: Mapping[str, str]) -> tuple[tuple[str, ...], ...]:
    """Sources whose sentences for this claim are near-verbatim copies form one origin."""
    making = [c for c in cells if c.state in (CellState.STATED, CellState.DIFFERENT)]
    parent = {c.source: c.source for c in making}

    def root(s: str) -> str:
        while parent[s] != s:
            s = parent[s]
        return s

    plain = {c.source: normalise(" ".join(texts[s] for s in c.sentences)) for c in making}
    for i, x in enumerate(making):
        for y in making[i + 1:]:
            if fuzz.ratio(plain[x.source], plain[y.source]) >= tuning.SHARED_COPY_RATIO:
                parent[root(y.source)] = root(x.source)
    origins: dict[str, list[str]] = {}
    for c in making:
        origins.setdefault(root(c.source), []).append(c.source)
    return tuple(tuple(g) for g in origins.values())


def _with_id(cluster: Cluster, cluster_id: str) -> Cluster:
    return Cluster(cluster_id, cluster.cells, cluster.origins)


def _first_position(cluster: Cluster, labels: tuple[str, ...]) -> tuple[int, int]:
    """Reading order: by the first source that makes the claim, then its sentence number."""
    for n, label in enumerate(labels):
        cell = cluster.cell(label)
        if cell.sentences and cell.state is not CellState.SILENT:
            return n, sentence_number(cell.sentences[0])
    return len(labels), 0


def _shared_copy(labels: tuple[str, ...], clusters: list[Cluster], sizes: dict[str, int]
                 ) -> tuple[SharedCopy, ...]:
    """Pairs of sources whose sentences are near-verbatim copies for enough of their claims
    (a few identical stock phrases between long texts are not shared copy)."""
    counts: dict[tuple[str, str], int] = {}
    for cluster in clusters:
        for group in cluster.origins:
            for i, x in enumerate(group):
                for y in group[i + 1:]:
                    key = tuple(sorted((x, y), key=labels.index))
                    counts[key] = counts.get(key, 0) + 1  # type: ignore[index]
    return tuple(SharedCopy(k, n) for k, n in sorted(counts.items(), key=lambda kv: -kv[1])
                 if n >= max(tuning.SHARED_COPY_MIN_CLAIMS,
                             tuning.SHARED_COPY_MIN_SHARE * min(sizes[k[0]], sizes[k[1]])))
