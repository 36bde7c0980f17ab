"""The comparison pipeline: two loaded texts in, one explained Comparison out."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial

from .align import Suggestions, TermWeights, link_units
from .claims import extract_features, find_acronyms
from .ids import pair_ids, sentence_id
from .kinds import classify_units
from .loading import LoadedText, load_document
from .models import (
    RELATION_PRIORITY,
    CompareOptions,
    Comparison,
    Document,
    Pair,
    Relation,
    Sentence,
    Status,
    Summary,
)
from .normalize import AliasTable, content_terms
from .relations import relate
from .segment import split_sentences
from .slots import mask_terms

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]


class Cancelled(Exception):
    """Raised when the caller's `cancelled()` callback asks to stop."""


def build_aliases(*texts: str) -> AliasTable:
    """Acronyms defined in either text ("Korean People’s Army (KPA)") apply to both."""
    table = AliasTable()
    for text in texts:
        for long_form, acronym in find_acronyms(text):
            table.add(long_form, acronym)
    return table


def build_document(label: str, loaded: LoadedText, aliases: AliasTable) -> Document:
    """Segment, classify and annotate one document."""
    spans = split_sentences(loaded.text)
    kinds = classify_units(loaded.text, spans)
    sentences = []
    extract = partial(extract_features, aliases=aliases)
    for index, ((start, end), kind) in enumerate(zip(spans, kinds), start=1):
        sentences.append(Sentence(sentence_id(label, index), label, index, start, end,
                                  loaded.text[start:end], kind, extract))
    return Document(label=label, path=loaded.path, title=loaded.title, text=loaded.text,
                    sha256=loaded.sha256, encoding=loaded.encoding, warnings=loaded.warnings,
                    sentences=tuple(sentences))


def _terms(doc: Document, aliases: AliasTable) -> list[list[str] | None]:
    return [None if s.excluded else mask_terms(content_terms(s.text, aliases))
            for s in doc.sentences]


def document_terms(docs: Sequence[Document], aliases: AliasTable,
                   tick: Callable[[int], None] = lambda done: None
                   ) -> list[list[list[str] | None]]:
    """Each document's masked terms per sentence (None: excluded)."""
    out = []
    for n, doc in enumerate(docs, start=1):
        out.append(_terms(doc, aliases))
        tick(n)
    return out


def _plain(s: Sentence) -> str:
    return " ".join(s.text.lower().split())


@dataclass(frozen=True)
class Prepared:
    """Two documents read for linking: sentences with features, masked terms, term weights."""

    a: Document
    b: Document
    a_terms: list[list[str] | None]
    b_terms: list[list[str] | None]
    weights: TermWeights


def prepare(a: LoadedText, b: LoadedText,
            step: Callable[[int], None] = lambda done: None) -> Prepared:
    """Segment, classify and annotate both documents and weigh their terms."""
    aliases = build_aliases(a.text, b.text)
    doc_a = build_document("A", a, aliases)
    step(1)
    doc_b = build_document("B", b, aliases)
    step(2)
    a_terms, b_terms = _terms(doc_a, aliases), _terms(doc_b, aliases)
    return Prepared(doc_a, doc_b, a_terms, b_terms, TermWeights(a_terms, b_terms))


def compare_texts(a: LoadedText, b: LoadedText, options: CompareOptions | None = None, *,
                  progress: Progress | None = None,
                  cancelled: Callable[[], bool] | None = None) -> Comparison:
    """Compare two loaded documents. Deterministic; swapping a and b mirrors the result."""
    options = options or CompareOptions()

    def step(done: int, total: int = 6) -> None:
        if cancelled and cancelled():
            raise Cancelled()
        if progress:
            progress(done, total)

    step(0)
    prep = prepare(a, b, step)
    doc_a, doc_b, a_terms, b_terms = prep.a, prep.b, prep.a_terms, prep.b_terms
    step(3)
    comparison = link_documents(doc_a, doc_b, a_terms, b_terms, options, prep.weights,
                                lambda: step(4))
    step(6)
    return comparison


def link_documents(doc_a: Document, doc_b: Document, a_terms: list[list[str] | None],
                   b_terms: list[list[str] | None], options: CompareOptions,
                   weights: TermWeights | None = None,
                   linked_step: Callable[[], None] = lambda: None,
                   readings: dict | None = None) -> Comparison:
    """Link two documents already read, judge every link and count the statuses. `readings`
    caches each sentence's reading across several comparisons of the same documents."""
    plain_a, plain_b = ([_plain(s) for s in doc.sentences] for doc in (doc_a, doc_b))
    found = Suggestions()
    links = link_units(a_terms, b_terms, threshold=options.threshold,
                       per_unit=options.max_candidates,
                       weights=weights or TermWeights(a_terms, b_terms),
                       identical=lambda i, j: plain_a[i] == plain_b[j], suggestions=found)
    linked_step()
    pairs: list[Pair] = []
    readings = {} if readings is None else readings
    linked = [(doc_a.sentences[link.a], doc_b.sentences[link.b]) for link in links]
    ids = pair_ids([(sa.text, sb.text) for sa, sb in linked])
    for pair_id, link, (sa, sb) in zip(ids, links, linked):
        relation, reasons = relate(sa, sb, readings)
        pairs.append(Pair(pair_id, (sa.id,), (sb.id,), link.score, relation, reasons,
                          (sa.text, sb.text)))
    statuses = sentence_statuses(doc_a, doc_b, pairs)
    summary = summarise(doc_a, doc_b, pairs, statuses)
    return Comparison(doc_a, doc_b, tuple(pairs), statuses, summary, options,
                      _suggestions(doc_a, doc_b, found))


def _suggestions(doc_a: Document, doc_b: Document, found: Suggestions
                 ) -> dict[str, tuple[tuple[str, float], ...]]:
    """Sentence id -> its best candidates on the other side, strongest first."""
    out = {}
    for doc, other, table in ((doc_a, doc_b, found.a), (doc_b, doc_a, found.b)):
        for unit, picks in table.items():
            ranked = sorted(picks, key=lambda p: (-p[1], p[0]))
            out[doc.sentences[unit].id] = tuple((other.sentences[k].id, s) for k, s in ranked)
    return out


def sentence_statuses(doc_a: Document, doc_b: Document, pairs: Sequence[Pair]) -> dict[str, Status]:
    """Each sentence's status: its strongest link (diverge, then agree, then related)."""
    best: dict[str, Relation] = {}
    for pair in pairs:
        for sid in pair.a + pair.b:
            if sid not in best or RELATION_PRIORITY[pair.relation] > RELATION_PRIORITY[best[sid]]:
                best[sid] = pair.relation
    statuses: dict[str, Status] = {}
    for doc in (doc_a, doc_b):
        for s in doc.sentences:
            if s.excluded:
                statuses[s.id] = Status.EXCLUDED
            else:
                statuses[s.id] = Status(best[s.id].value) if s.id in best else Status.UNSUPPORTED
    return statuses


def summarise(doc_a: Document, doc_b: Document, pairs: Sequence[Pair],
             statuses: dict[str, Status]) -> Summary:
    def count(doc: Document, status: Status) -> int:
        return sum(1 for s in doc.sentences if statuses[s.id] is status)

    return Summary(
        agree=sum(1 for p in pairs if p.relation is Relation.AGREE),
        diverge=sum(1 for p in pairs if p.relation is Relation.DIVERGE),
        related=sum(1 for p in pairs if p.relation is Relation.RELATED),
        unsupported={d.label: count(d, Status.UNSUPPORTED) for d in (doc_a, doc_b)},
        excluded={d.label: count(d, Status.EXCLUDED) for d in (doc_a, doc_b)},
    )


def warm(c: Comparison) -> None:
    """Work out every lazily computed part of a comparison (claim features, word diffs), for a
    caller that will show it from another thread."""
    for doc in (c.a, c.b):
        for s in doc.sentences:
            s.features  # noqa: B018 (computed and cached on first use)
    for pair in c.pairs:
        pair.diff  # noqa: B018


def compare_files(path_a: str, path_b: str, options: CompareOptions | None = None, *,
                  progress: Progress | None = None,
                  cancelled: Callable[[], bool] | None = None) -> Comparison:
    """Load and compare two files; raises loading.InputError for unusable input."""
    return compare_texts(load_document(path_a), load_document(path_b), options,
                         progress=progress, cancelled=cancelled)
