"""Verdicts and notes on the claims of three or more sources.

A claim's note is anchored to the content of the sentences that make it (one per source), like
every annotation, so it finds its claim again after a re-comparison; one whose claim cannot be
found is kept as an orphan, never dropped."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from .annotations import AnchorIndex, Annotation, Resolved, Verdict
from .clusters import CellState, Cluster
from .multi import MultiComparison


def claim_index(m: MultiComparison) -> AnchorIndex:
    return AnchorIndex(None, m.documents)


def claim_anchors(m: MultiComparison, cluster: Cluster, index: AnchorIndex) -> tuple:
    return tuple(index.anchor(cell.sentences[0]) for cell in cluster.cells
                 if cell.sentences and cell.state is not CellState.SILENT)


def _owner(m: MultiComparison, index: AnchorIndex, note: Annotation,
           where: dict[str, list[str]]) -> str | None:
    """The claim holding most of the note's sentences (at least half of them)."""
    ids = [index.resolve(a) for a in note.anchors]
    votes = Counter(c for sid in ids if sid for c in where.get(sid, ()))
    if not votes:
        return None
    key, count = votes.most_common(1)[0]
    return key if count * 2 >= len(ids) else None


def _clusters_of(m: MultiComparison) -> dict[str, list[str]]:
    where: dict[str, list[str]] = {}
    for c in m.clusters:
        for cell in c.cells:
            for sid in cell.sentences:
                where.setdefault(sid, []).append(c.id)
    return where


def resolve_claim_notes(m: MultiComparison, notes: tuple[Annotation, ...],
                        index: AnchorIndex | None = None) -> Resolved:
    if not notes:
        return Resolved()
    index = index or claim_index(m)
    where = _clusters_of(m)
    by_key: dict[str, Annotation] = {}
    orphans = []
    for note in notes:
        key = _owner(m, index, note, where)
        if key is None or key in by_key:
            orphans.append(note)
        else:
            by_key[key] = note
    return Resolved(by_key, tuple(orphans))


def set_claim_note(m: MultiComparison, notes: tuple[Annotation, ...], cluster_id: str, *,
                   verdict: Verdict | None = None, note: str | None = None,
                   tags: tuple[str, ...] | None = None, credibility: int | None | str = "keep",
                   index: AnchorIndex | None = None) -> tuple[Annotation, ...]:
    """The claim notes with one claim's note edited (created if needed, removed if emptied)."""
    index = index or claim_index(m)
    where = _clusters_of(m)
    current, rest = None, []
    for n in notes:
        if current is None and _owner(m, index, n, where) == cluster_id:
            current = n
        else:
            rest.append(n)
    base = current or Annotation(claim_anchors(m, m.cluster(cluster_id), index))
    edited = replace(
        base, verdict=base.verdict if verdict is None else verdict,
        note=base.note if note is None else note,
        tags=base.tags if tags is None else tuple(t for t in tags if t),
        credibility=base.credibility if credibility == "keep" else credibility)  # type: ignore[arg-type]
    return tuple(rest) if edited.empty else tuple(rest) + (edited,)
