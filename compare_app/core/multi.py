"""Three or more sources: every pair compared once, claims clustered across them, shared wire
copy detected, and each claim's support and independent support counted.

Each document is read once (segmented, classified, its features and terms worked out) and then
linked with every other; the clusters come from those pairwise links (see `clusters.py`).
"""

from __future__ import annotations

import logging
import multiprocessing
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field

from . import tuning
from .clusters import CellState, Cluster, SharedCopy, build_clusters
from .compare import (
    Cancelled,
    Progress,
    build_aliases,
    build_document,
    document_terms,
    link_documents,
    sentence_statuses,
    summarise,
)
from .ids import LABELS
from .limits import check_sizes
from .loading import LoadedText
from .machine import usable_cores
from .models import CompareOptions, Comparison, Document, Pair, Status

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
                 cancelled: Callable[[], bool] | None = None,
                 parallel: bool = True) -> MultiComparison:
    """Compare every pair of three or more documents and cluster their claims. Many pairs of
    long enough documents are linked in worker processes (the result is the same)."""
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
    workers = _workers(documents, len(order)) if parallel else 0
    linked = None
    if workers:
        try:
            linked = _link_in_processes(documents, terms, order, options, workers,
                                        lambda n: step(2 * len(texts) + n))
        except (BrokenProcessPool, OSError, RuntimeError) as err:  # no processes here: go on
            log.warning("linking in worker processes failed (%s); linking here", err)
    if linked is not None:
        for (i, j), (pairs, suggestions) in zip(order, linked):
            pairwise[(labels[i], labels[j])] = _assembled(documents[i], documents[j], pairs,
                                                          suggestions, options)
    else:
        readings: dict = {}  # each sentence is read once, whatever the number of its pairs
        for n, (i, j) in enumerate(order, start=1):
            pairwise[(labels[i], labels[j])] = link_documents(
                documents[i], documents[j], terms[i], terms[j], options, readings=readings)
            step(2 * len(texts) + n)
    texts_by_id = {s.id: s.text for d in documents for s in d.sentences if not s.excluded}
    clusters, shared = build_clusters(tuple(labels), pairwise, texts_by_id)
    step(total)
    return MultiComparison(tuple(documents), pairwise, clusters, shared, options,
                           _statuses(tuple(documents), clusters))


def _workers(documents: Sequence[Document], pairs: int) -> int:
    """How many processes to link the pairs in: none when starting them would cost more than
    they save (few pairs, short documents, one CPU)."""
    cpus = usable_cores()
    units = sum(len(d.sentences) for d in documents)
    if cpus < 2 or pairs < tuning.PARALLEL_MIN_PAIRS or units < tuning.PARALLEL_MIN_SENTENCES:
        return 0
    return min(cpus, pairs, tuning.PARALLEL_MAX_WORKERS)


def _link_pair(job: tuple) -> tuple[tuple[Pair, ...], dict]:
    """One pair, in a worker process: its links, judged, and its sentences' candidates."""
    doc_a, doc_b, terms_a, terms_b, options = job
    c = link_documents(doc_a, doc_b, terms_a, terms_b, options)
    return c.pairs, c.suggestions


def _link_in_processes(documents: list[Document], terms: list, order: list[tuple[int, int]],
                       options: CompareOptions, workers: int,
                       step: Callable[[int], None]) -> list[tuple[tuple[Pair, ...], dict]]:
    """Every pair linked in `workers` fresh processes ("spawn": nothing of the caller, Qt
    included, is copied into them); results come back in `order`."""
    context = multiprocessing.get_context("spawn")
    pool = ProcessPoolExecutor(workers, mp_context=context)
    try:
        futures = [pool.submit(_link_pair, (documents[i], documents[j], terms[i], terms[j],
                                            options)) for i, j in order]
        results = []
        for n, future in enumerate(futures, start=1):
            results.append(future.result())
            step(n)
        return results
    finally:
        pool.shutdown(wait=False, cancel_futures=True)


def _assembled(doc_a: Document, doc_b: Document, pairs: tuple[Pair, ...], suggestions: dict,
               options: CompareOptions) -> Comparison:
    """A pair linked elsewhere, put together with this process's own documents."""
    statuses = sentence_statuses(doc_a, doc_b, pairs)
    return Comparison(doc_a, doc_b, tuple(pairs), statuses,
                      summarise(doc_a, doc_b, pairs, statuses), options, suggestions)


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
