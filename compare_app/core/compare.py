"""The comparison pipeline: two loaded texts in, one explained Comparison out."""

from __future__ import annotations

import gc
import logging
import re
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

from . import relate_helper, tuning
from .align import Suggestions, link_units
from .documents import build_aliases, build_document
from .ids import pair_ids
from .limits import check_sizes
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
from .normalize import AliasTable, canonical, content_terms
from .progress import (
    QUIET,
    Cancelled,  # noqa: F401 (callers may catch it from here)
    IsCancelled,
    Meter,
    Progress,
    Tick,
    no_tick,
)
from .relate_helper import RelateHelper, start_helper
from .relations import relate
from .similarity import TermWeights
from .slots import mask_terms

log = logging.getLogger(__name__)


def _phases(a: LoadedText, b: LoadedText) -> list[tuple[str, float]]:
    """The share of a comparison's time each phase takes (measured on a long text against a
    short one); reading a document costs in proportion to its length."""
    total = max(len(a.text) + len(b.text), 1)
    phases = []
    for label, loaded in (("A", a), ("B", b)):
        share = len(loaded.text) / total
        phases += [(f"segment {label}", 0.15 * share), (f"classify {label}", 0.25 * share),
                   (f"sentences {label}", 0.05 * share)]
    return phases + [("terms", 0.3), ("weights", 0.03), ("link", 0.15), ("relate", 0.05),
                     ("summary", 0.02)]


def _terms(docs: Sequence[Document], aliases: AliasTable,
           tick: Tick = no_tick) -> list[list[list[str] | None]]:
    """Each document's masked terms per sentence (None: excluded). Each word is masked once, and
    equal terms share one string: a long text keeps one copy of each word, not one per use."""
    masked: dict[str, tuple[str, ...]] = {}
    known = masked.get

    def mask(term: str) -> tuple[str, ...]:  # mask_terms reads each term on its own
        found = masked[term] = tuple(sys.intern(t) for t in mask_terms([term]))
        return found

    out = []
    done = 0
    for doc in docs:
        terms: list[list[str] | None] = []
        for s in doc.sentences:
            done += 1
            tick(done)
            terms.append(None if s.excluded else
                         [t for word in content_terms(s.text, aliases)
                          for t in known(word) or mask(word)])
        out.append(terms)
    return out


def document_terms(docs: Sequence[Document], aliases: AliasTable,
                   tick: Callable[[int], None] = no_tick) -> list[list[list[str] | None]]:
    """Each document's masked terms per sentence (None: excluded); `tick(documents done)`."""
    out = []
    for n, doc in enumerate(docs, start=1):
        out.extend(_terms((doc,), aliases))
        tick(n)
    return out


def _plain(s: Sentence) -> str:
    return " ".join(s.text.lower().split())


def _reads_the_same(doc_a: Document, doc_b: Document) -> Callable[[int, int], bool]:
    """Whether sentence i of A and j of B read the same, case and spacing aside (asked only for
    the pairs the linker judges, so a long text is not flattened sentence by sentence; each
    sentence asked about is flattened once)."""
    flat: tuple[dict[int, str], dict[int, str]] = ({}, {})

    def plain(side: int, doc: Document, k: int) -> str:
        known = flat[side].get(k)
        if known is None:
            known = flat[side][k] = _plain(doc.sentences[k])
        return known

    def same(i: int, j: int) -> bool:
        sa, sb = doc_a.sentences[i], doc_b.sentences[j]
        if sa.text == sb.text:
            return True
        return plain(0, doc_a, i) == plain(1, doc_b, j)
    return same


@dataclass(frozen=True)
class Prepared:
    """Two documents read for linking: sentences with features, masked terms, term weights."""

    a: Document
    b: Document
    a_terms: list[list[str] | None]
    b_terms: list[list[str] | None]
    weights: TermWeights


def prepare(a: LoadedText, b: LoadedText, meter: Meter = QUIET,
            helper: RelateHelper | None = None) -> Prepared:
    """Segment, classify and annotate both documents and weigh their terms; a `helper` is
    given the texts as soon as they can be read alike."""
    check_sizes(a, b)
    aliases = build_aliases(a.text, b.text)
    if helper is not None:
        helper.read_texts(a, b, aliases)
    doc_a = build_document("A", a, aliases, meter)
    doc_b = build_document("B", b, aliases, meter)
    tick = meter.phase("terms", len(doc_a.sentences) + len(doc_b.sentences))
    a_terms, b_terms = _terms((doc_a, doc_b), aliases, tick)
    meter.phase("weights")
    return Prepared(doc_a, doc_b, a_terms, b_terms, weigh(doc_a, doc_b, a_terms, b_terms))


# A capitalised word after a lower-case one, in running text: a name ("the House voted", "said
# Senate Republicans"), not a sentence opener or a headline in title case.
_NAME_IN_TEXT = re.compile(r"\b[a-z][a-z'’-]*,? ([A-Z][a-z][\w’'-]*)")


def weigh(doc_a: Document, doc_b: Document, a_terms: list[list[str] | None],
          b_terms: list[list[str] | None]) -> TermWeights:
    """Term weights of two documents, knowing which of their terms they use as names."""
    names = frozenset(canonical(m.group(1)) for doc in (doc_a, doc_b)
                      for m in _NAME_IN_TEXT.finditer(doc.text))
    return TermWeights(a_terms, b_terms, names)


def compare_texts(a: LoadedText, b: LoadedText, options: CompareOptions | None = None, *,
                  progress: Progress | None = None,
                  cancelled: IsCancelled | None = None) -> Comparison:
    """Compare two loaded documents. Deterministic; swapping a and b mirrors the result.
    `progress(done, total)` hears how far it has come; it stops with `Cancelled` soon after
    `cancelled()` turns true."""
    options = options or CompareOptions()
    meter = Meter(_phases(a, b), progress, cancelled)
    helper = start_helper(*sorted((len(a.text), len(b.text))))  # starts while the texts are read
    try:
        with collection_paused():
            prep = prepare(a, b, meter, helper)
            doc_a, doc_b, a_terms, b_terms = prep.a, prep.b, prep.a_terms, prep.b_terms
            comparison = link_documents(doc_a, doc_b, a_terms, b_terms, options, prep.weights,
                                        meter=meter, helper=helper)
    finally:
        if helper is not None:
            helper.close()
    meter.finish()
    return comparison


_pause_lock = threading.Lock()
_pause = {"running": 0, "was_on": False}


@contextmanager
def collection_paused() -> Iterator[None]:
    """The cyclic garbage collector off while a comparison runs: its records hold no reference
    cycles, yet the collector's passes over them, ever more as they grow, took a fifth of a long
    comparison's time. Counted, so that with comparisons in several threads it comes back on
    (if it was on) when the last one ends."""
    with _pause_lock:
        if _pause["running"] == 0:
            _pause["was_on"] = gc.isenabled()
            gc.disable()
        _pause["running"] += 1
    try:
        yield
    finally:
        with _pause_lock:
            _pause["running"] -= 1
            if _pause["running"] == 0 and _pause["was_on"]:
                gc.enable()


def link_documents(doc_a: Document, doc_b: Document, a_terms: list[list[str] | None],
                   b_terms: list[list[str] | None], options: CompareOptions,
                   weights: TermWeights | None = None, readings: dict | None = None,
                   meter: Meter = QUIET, suggest_depth: int = tuning.PICK_DEPTH,
                   helper: RelateHelper | None = None) -> Comparison:
    """Link two documents already read, judge every link and count the statuses. `readings`
    caches each sentence's reading across several comparisons of the same documents;
    `suggest_depth` is how many candidates each sentence keeps for the analyst; a `helper`
    process judges part of many links."""
    found = Suggestions()
    link_tick = meter.phase("link", 1000)
    links = link_units(a_terms, b_terms, threshold=options.threshold,
                       per_unit=options.max_candidates,
                       weights=weights or weigh(doc_a, doc_b, a_terms, b_terms),
                       identical=_reads_the_same(doc_a, doc_b), suggestions=found,
                       suggest_depth=suggest_depth,
                       tick=lambda share: link_tick(int(1000 * share)))
    pairs: list[Pair] = []
    readings = {} if readings is None else readings
    linked = [(doc_a.sentences[link.a], doc_b.sentences[link.b]) for link in links]
    ids = pair_ids([(sa.text, sb.text) for sa, sb in linked])
    tick = meter.phase("relate", len(links))

    def judge_here(chunk: Sequence[tuple[Sentence, Sentence]], first: int) -> list:
        out = []
        for n, (sa, sb) in enumerate(chunk, start=first + 1):
            tick(n)
            out.append(relate(sa, sb, readings))
        return out

    verdicts = (helper.judge(doc_a, doc_b, linked, judge_here)
                if helper is not None and len(linked) >= relate_helper.HELPER_MIN_LINKS
                else judge_here(linked, 0))
    for pair_id, link, (sa, sb), (relation, reasons) in zip(ids, links, linked, verdicts):
        pairs.append(Pair(pair_id, (sa.id,), (sb.id,), link.score, relation, reasons,
                          (sa.text, sb.text)))
    meter.phase("summary")
    statuses = sentence_statuses(doc_a, doc_b, pairs)
    summary = summarise(doc_a, doc_b, pairs, statuses)
    return Comparison(doc_a, doc_b, tuple(pairs), statuses, summary, options,
                      _suggestions(doc_a, doc_b, found))


def _suggestions(doc_a: Document, doc_b: Document, found: Suggestions
                 ) -> dict[str, tuple[tuple[str, float], ...]]:
    """Sentence id -> its best candidates on the other side, strongest first: those it proposes
    and those that propose it, at most `tuning.SUGGESTIONS`."""
    both: dict[tuple[str, int], dict[int, float]] = {}
    get = both.get
    for side, table, back in (("a", found.a, "b"), ("b", found.b, "a")):
        for unit, picks in table.items():
            if not picks:
                continue
            mine = get((side, unit))
            if mine is None:
                mine = both[side, unit] = {}
            for other, score in picks:
                mine[other] = score
                theirs = get((back, other))
                if theirs is None:
                    both[back, other] = {unit: score}
                else:
                    theirs[unit] = score
    out = {}
    ids = {"a": [s.id for s in doc_a.sentences], "b": [s.id for s in doc_b.sentences]}
    for (side, unit), picks in both.items():
        mine, other = (ids["a"], ids["b"]) if side == "a" else (ids["b"], ids["a"])
        ranked = sorted(picks.items(), key=_strongest_first)[:tuning.SUGGESTIONS]
        out[mine[unit]] = tuple([(other[k], s) for k, s in ranked])
    return out


def _strongest_first(pick: tuple[int, float]) -> tuple[float, int]:
    return -pick[1], pick[0]


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


def warm(c: Comparison, tick: Tick | None = None) -> None:
    """Work out the lazily computed parts a window shows first (the claim features of linked
    sentences, the word diffs), for a caller that will show them from another thread. Other
    sentences' features are read when one is opened: for a long text, reading them all would
    take longer than the comparison. `tick(pairs done)` may raise to stop."""
    for n, pair in enumerate(c.pairs, start=1):
        if tick is not None:
            tick(n)
        for sid in pair.a + pair.b:
            c.sentence(sid).features  # noqa: B018 (computed and cached on first use)
        pair.diff  # noqa: B018


def compare_files(path_a: str, path_b: str, options: CompareOptions | None = None, *,
                  progress: Progress | None = None,
                  cancelled: IsCancelled | None = None) -> Comparison:
    """Load and compare two files; raises loading.InputError for unusable input."""
    return compare_texts(load_document(path_a), load_document(path_b), options,
                         progress=progress, cancelled=cancelled)
