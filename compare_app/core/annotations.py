"""The analyst's judgements: verdicts, notes and tags on pairs and unsupported sentences, and
source grades per document.

Annotations are anchored to sentence content, not to ids, so they survive a re-comparison with
another threshold and small edits to a document: an anchor is a hash of the normalised sentence
plus a hash of its neighbours, and the sentence text is kept for a fuzzy fallback. An annotation
whose sentence can no longer be found is kept and reported as orphaned, never dropped.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field, replace
from enum import Enum

from rapidfuzz import fuzz

from .ids import content_digest, is_pair_id, normalise
from .models import Comparison, Document, Sentence, Status

log = logging.getLogger(__name__)

FUZZY_ANCHOR = 88.0


class Verdict(str, Enum):
    NONE = ""
    CONFIRMED = "confirmed agreement"
    DISPUTED = "disputed"
    CONTRADICTION = "contradiction"
    FOLLOW_UP = "needs follow-up"
    NOT_RELEVANT = "not relevant"

    @property
    def label(self) -> str:
        return self.value.capitalize() if self.value else "—"


RELIABILITY = {  # Admiralty (NATO) source reliability
    "A": "Completely reliable", "B": "Usually reliable", "C": "Fairly reliable",
    "D": "Not usually reliable", "E": "Unreliable", "F": "Reliability cannot be judged",
}
CREDIBILITY = {  # Admiralty information credibility
    1: "Confirmed by other sources", 2: "Probably true", 3: "Possibly true",
    4: "Doubtful", 5: "Improbable", 6: "Truth cannot be judged",
}


@dataclass(frozen=True)
class Anchor:
    """Where a sentence is, by content: its own hash, its neighbours' hash and its text."""

    doc: str
    text_hash: str
    context_hash: str
    text: str

    def to_json(self) -> dict:
        return {"doc": self.doc, "text_hash": self.text_hash, "context_hash": self.context_hash,
                "text": self.text}

    @staticmethod
    def from_json(data: dict) -> Anchor:
        return Anchor(str(data["doc"]), str(data["text_hash"]), str(data.get("context_hash", "")),
                      str(data.get("text", "")))


def anchor_of(doc: Document, sentence: Sentence) -> Anchor:
    i = sentence.index - 1
    before = doc.sentences[i - 1].text if i > 0 else ""
    after = doc.sentences[i + 1].text if i + 1 < len(doc.sentences) else ""
    return Anchor(doc.label, content_digest(sentence.text),
                  content_digest(before + " | " + after), sentence.text)


@dataclass(frozen=True)
class Annotation:
    """A judgement on a pair (anchors on both sides) or on one unsupported sentence."""

    anchors: tuple[Anchor, ...]
    verdict: Verdict = Verdict.NONE
    note: str = ""
    tags: tuple[str, ...] = ()
    credibility: int | None = None

    @property
    def empty(self) -> bool:
        return (self.verdict is Verdict.NONE and not self.note.strip() and not self.tags
                and self.credibility is None)

    def to_json(self) -> dict:
        return {"anchors": [a.to_json() for a in self.anchors], "verdict": self.verdict.value,
                "note": self.note, "tags": list(self.tags), "credibility": self.credibility}

    @staticmethod
    def from_json(data: dict) -> Annotation:
        cred = data.get("credibility")
        return Annotation(tuple(Anchor.from_json(a) for a in data["anchors"]),
                          Verdict(data.get("verdict", "")), str(data.get("note", "")),
                          tuple(str(t) for t in data.get("tags", [])),
                          int(cred) if cred is not None else None)


@dataclass(frozen=True)
class SourceGrade:
    """Per document: Admiralty reliability letter and a provenance note (outlet, author, URL)."""

    reliability: str = ""
    provenance: str = ""

    def to_json(self) -> dict:
        return {"reliability": self.reliability, "provenance": self.provenance}

    @staticmethod
    def from_json(data: dict) -> SourceGrade:
        letter = str(data.get("reliability", ""))
        return SourceGrade(letter if letter in RELIABILITY else "", str(data.get("provenance", "")))


class AnchorIndex:
    """Resolves anchors to the sentences of one comparison (or of any set of documents)."""

    def __init__(self, comparison: Comparison | None,
                 documents: tuple[Document, ...] = ()) -> None:
        self.comparison = comparison
        docs = (comparison.a, comparison.b) if comparison is not None else documents
        self._docs = {d.label: d for d in docs}
        self._exact: dict[tuple[str, str, str], str] = {}
        self._by_text: dict[tuple[str, str], list[str]] = {}
        self._anchor: dict[str, Anchor] = {}
        for doc in docs:
            for s in doc.sentences:
                a = anchor_of(doc, s)
                self._anchor[s.id] = a
                self._exact[(a.doc, a.text_hash, a.context_hash)] = s.id
                self._by_text.setdefault((a.doc, a.text_hash), []).append(s.id)

    def anchor(self, sentence_id: str) -> Anchor:
        return self._anchor[sentence_id]

    def resolve(self, anchor: Anchor) -> str | None:
        """The sentence id an anchor points at now: exact, same text elsewhere, or a close edit."""
        hit = self._exact.get((anchor.doc, anchor.text_hash, anchor.context_hash))
        if hit:
            return hit
        same = self._by_text.get((anchor.doc, anchor.text_hash), [])
        if len(same) >= 1:
            return same[0]
        doc = self._docs.get(anchor.doc)
        if not anchor.text or doc is None:
            return None
        best, best_score = None, FUZZY_ANCHOR
        target = normalise(anchor.text)
        for s in doc.sentences:
            score = fuzz.ratio(target, normalise(s.text), score_cutoff=best_score)
            if score > best_score:
                best, best_score = s.id, score
        return best


def target_key(comparison: Comparison, index: AnchorIndex, note: Annotation) -> str | None:
    """The row an annotation belongs to now: a pair id, an unsupported sentence id, or None."""
    ids = [index.resolve(a) for a in note.anchors]
    if not ids or any(i is None for i in ids):
        return None
    if len(ids) == 1:
        sid = ids[0]
        pair = comparison.pair_of(sid)  # type: ignore[arg-type]
        if pair is not None:
            return pair.id
        return sid if comparison.statuses.get(sid) is Status.UNSUPPORTED else None  # type: ignore[arg-type]
    shared = [p for p in comparison.pairs_of(ids[0])  # type: ignore[arg-type]
              if all(i in p.a + p.b for i in ids)]
    return shared[0].id if shared else None


def anchors_for_key(comparison: Comparison, index: AnchorIndex, key: str) -> tuple[Anchor, ...]:
    """Anchors for a row: the first sentence of each side of a pair, or the one sentence."""
    if is_pair_id(key):
        pair = comparison.pair(key)
        return (index.anchor(pair.a[0]), index.anchor(pair.b[0]))
    return (index.anchor(key),)


@dataclass(frozen=True)
class Resolved:
    """Annotations placed on the rows of a comparison, and those that found no row."""

    by_key: dict[str, Annotation] = field(default_factory=dict)
    orphans: tuple[Annotation, ...] = ()


def resolve_all(comparison: Comparison, notes: tuple[Annotation, ...],
                index: AnchorIndex | None = None) -> Resolved:
    if not notes:
        return Resolved()
    index = index or AnchorIndex(comparison)
    by_key: dict[str, Annotation] = {}
    orphans: list[Annotation] = []
    for note in notes:
        key = target_key(comparison, index, note)
        if key is None or key in by_key:
            orphans.append(note)
        else:
            by_key[key] = note
    return Resolved(by_key, tuple(orphans))


def set_annotation(comparison: Comparison, notes: tuple[Annotation, ...], key: str,
                   *, verdict: Verdict | None = None, note: str | None = None,
                   tags: tuple[str, ...] | None = None,
                   credibility: int | None | str = "keep",
                   index: AnchorIndex | None = None) -> tuple[Annotation, ...]:
    """A new annotation tuple with the row `key` edited (created if needed, removed if emptied)."""
    index = index or AnchorIndex(comparison)
    current = None
    rest = []
    for n in notes:
        if current is None and target_key(comparison, index, n) == key:
            current = n
        else:
            rest.append(n)
    base = current or Annotation(anchors_for_key(comparison, index, key))
    edited = replace(
        base,
        verdict=base.verdict if verdict is None else verdict,
        note=base.note if note is None else note,
        tags=base.tags if tags is None else tuple(t for t in tags if t),
        credibility=base.credibility if credibility == "keep" else credibility)  # type: ignore[arg-type]
    return tuple(rest) if edited.empty else tuple(rest) + (edited,)
