"""Three or more sources: every pair compared once, claims clustered across them, shared wire
copy detected, and each claim's support and independent support counted.

Each document is read once (segmented, classified, its features and terms worked out) and then
linked with every other; the clusters come from those pairwise links (see `clusters.py`).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from .clusters import CellState, Cluster, SharedCopy, build_clusters
from .compare import (
    Cancelled,
    Progress,
    build_aliases,
    build_document,
    document_terms,
    link_documents,
)
from .ids import LABELS
from .limits import check_sizes
from .loading import LoadedText
from .models import CompareOptions, Comparison, Document, Status

log = logging.getLogger(__name__)

MAX_SOURCES = len(LABELS)

_STATUS = {CellState.STATED: Status.AGREE, CellState.DIFFERENT: Status.DIVERGE,
           CellState.RELATED: Status.RELATED}


@dataclass(frozen=True)
class MultiComparison:
    """N documents, their pairwise comparisons and the claim clusters built from them."""

    documents: tuple[Document, ...]
    pairwise: dict[tuple[str, str], Comparison]
    clusters: tuple[Cluster, ...]
    shared_copy: tuple[SharedCopy, ...]
    options: CompareOptions
    statuses: dict[str, Status] = field(default_factory=dict)

    @property
    def labels(self) -> tuple[str, ...]:
        return tuple(d.label for d in self.documents)

    def document(self, label: str) -> Document:
        return self.documents[LABELS.index(label)]

    def sentence_text(self, sentence_id: str) -> str:
        return self.document(sentence_id[:1]).sentence(sentence_id).text

    def cluster(self, cluster_id: str) -> Cluster:
        return next(c for c in self.clusters if c.id == cluster_id)

    def corroborated(self) -> tuple[Cluster, ...]:
        """Claims that at least two sources make."""
        return tuple(c for c in self.clusters if c.support >= 2)


def compare_many(texts: Sequence[LoadedText], options: CompareOptions | None = None, *,
                 progress: Progress | None = None,
                 cancelled: Callable[[], bool] | None = None) -> MultiComparison:
    """Compare every pair of three or more documents and cluster their claims."""
    if not 2 <= len(texts) <= MAX_SOURCES:
        raise ValueError(f"compare 2 to {MAX_SOURCES} documents, not {len(texts)}")
    check_sizes(*texts)
    options = options or CompareOptions()
    order = [(i, j) for i in range(len(texts)) for j in range(i + 1, len(texts))]
    total = 2 * len(texts) + len(order) + 1

    def step(done: int) -> None:
        if cancelled and cancelled():
            raise Cancelled()
        if progress:
            progress(done, total)

    labels = LABELS[:len(texts)]
    aliases = build_aliases(*(t.text for t in texts))
    documents = []
    for n, (label, text) in enumerate(zip(labels, texts), start=1):
        documents.append(build_document(label, text, aliases))
        step(n)
    terms = document_terms(documents, aliases, lambda n: step(len(texts) + n))
    pairwise = {}
    readings: dict = {}  # each sentence is read once, whatever the number of pairs it is in
    for n, (i, j) in enumerate(order, start=1):
        pairwise[(labels[i], labels[j])] = link_documents(
            documents[i], documents[j], terms[i], terms[j], options, readings=readings)
        step(2 * len(texts) + n)
    texts_by_id = {s.id: s.text for d in documents for s in d.sentences if not s.excluded}
    clusters, shared = build_clusters(tuple(labels), pairwise, texts_by_id)
    step(total)
    return MultiComparison(tuple(documents), pairwise, clusters, shared, options,
                           _statuses(tuple(documents), clusters))


def _statuses(documents: tuple[Document, ...], clusters: tuple[Cluster, ...]
              ) -> dict[str, Status]:
    """Each sentence's status among all sources: unsupported when no other source makes its
    claim, else as its cell in the strongest claim it belongs to."""
    rank = {Status.DIVERGE: 3, Status.AGREE: 2, Status.RELATED: 1, Status.UNSUPPORTED: 0}
    out: dict[str, Status] = {}
    for doc in documents:
        for s in doc.sentences:
            out[s.id] = Status.EXCLUDED if s.excluded else Status.UNSUPPORTED
    for cluster in clusters:
        if cluster.support < 2:
            continue
        for cell in cluster.cells:
            status = _STATUS.get(cell.state)
            for sid in cell.sentences if status else ():
                if rank[status] > rank[out[sid]]:
                    out[sid] = status
    return out
