"""The analyst's judgements: verdicts, notes and tags on pairs and unsupported sentences, and
source grades per document.

Annotations are anchored to sentence content, not to ids, so they survive a re-comparison with
another threshold and small edits to a document: an anchor is a hash of the normalised sentence
plus a hash of its neighbours, and the sentence text is kept for a fuzzy fallback. An annotation
whose sentence can no longer be found is kept and reported as orphaned, never dropped.
"""

from __future__ import annotations

import bisect
import hashlib
import logging
import math
from dataclasses import dataclass, field, replace
from enum import Enum

from rapidfuzz import fuzz, process

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


def _digest(normalised: str) -> str:
    """`content_digest` of a text already normalised."""
    return hashlib.sha1(normalised.encode("utf-8")).hexdigest()[:16]


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
        self._by_context: dict[tuple[str, str], str] = {}
        self._norm: dict[str, list[str]] = {}
        for doc in docs:
            # Each text normalised once: what `anchor_of` hashes (a context is its neighbours'
            # normalised texts joined by a space, as normalising "before | after" gives).
            norm = self._norm[doc.label] = [normalise(s.text) for s in doc.sentences]
            digests = [_digest(t) for t in norm]
            last = len(norm) - 1
            for k, s in enumerate(doc.sentences):
                context = " ".join(t for t in (norm[k - 1] if k else "",
                                               norm[k + 1] if k < last else "") if t)
                a = Anchor(doc.label, digests[k], _digest(context), s.text)
                self._anchor[s.id] = a
                self._exact[(a.doc, a.text_hash, a.context_hash)] = s.id
                self._by_text.setdefault((a.doc, a.text_hash), []).append(s.id)
                self._by_context.setdefault((a.doc, a.context_hash), s.id)
        self._position = {s.id: (d.label, k) for d in docs for k, s in enumerate(d.sentences)}
        self._resolved: dict[Anchor, str | None] = {}
        # Per document, built on the first fuzzy lookup: (length, position, id, normalised text)
        # sorted by length, so a lookup only scores sentences of a length that could match.
        self._by_length: dict[str, list[tuple[int, int, str, str]]] = {}
        self._lengths: dict[str, list[int]] = {}
        self._texts: dict[str, list[str]] = {}
        # Each annotation's row, for the comparison it was worked out on (see `target_key`):
        # by content, and by identity (id -> the note and its row; no hashing of its fields).
        self._keys: dict[Annotation, str | None] = {}
        self._seen: dict[int, tuple[Annotation, str | None]] = {}
        self._keys_of: Comparison | None = None

    def anchor(self, sentence_id: str) -> Anchor:
        return self._anchor[sentence_id]

    def row_of(self, comparison: Comparison, note: Annotation) -> str | None:
        """`target_key`, remembered per annotation while the comparison stays the same."""
        if comparison is not self._keys_of:
            self._keys, self._seen, self._keys_of = {}, {}, comparison
        seen = self._seen.get(id(note))
        if seen is not None and seen[0] is note:
            return seen[1]
        if note not in self._keys:
            self._keys[note] = _target_key(comparison, self, note)
        self._seen[id(note)] = (note, self._keys[note])  # holds the note: its id stays its own
        return self._keys[note]

    def resolve(self, anchor: Anchor) -> str | None:
        """The sentence id an anchor points at now: exact, same text elsewhere, or a close edit
        (worked out once per anchor)."""
        if anchor not in self._resolved:
            self._resolved[anchor] = self._resolve(anchor)
        return self._resolved[anchor]

    def _resolve(self, anchor: Anchor) -> str | None:
        hit = self._exact.get((anchor.doc, anchor.text_hash, anchor.context_hash))
        if hit:
            return hit
        same = self._by_text.get((anchor.doc, anchor.text_hash), [])
        if len(same) >= 1:
            return same[0]
        doc = self._docs.get(anchor.doc)
        if not anchor.text or doc is None:
            return None
        target = normalise(anchor.text)
        # An edited sentence between unchanged neighbours: its place is known, one score says
        # whether it is still the same sentence (no scan of the document).
        here = self._by_context.get((anchor.doc, anchor.context_hash))
        if here is not None:
            label, k = self._position[here]
            if fuzz.ratio(target, self._norm[label][k]) > FUZZY_ANCHOR:
                return here
        return self._closest(doc, target)

    def _closest(self, doc: Document, target: str) -> str | None:
        """The first sentence (in text order) with the best ratio above FUZZY_ANCHOR. Only
        lengths that can reach it are scored: ratio <= 200 * shorter / (both lengths)."""
        if doc.label not in self._by_length:
            rows = sorted((len(t), k, s.id, t) for k, (s, t) in
                          enumerate(zip(doc.sentences, self._norm[doc.label])))
            self._by_length[doc.label] = rows
            self._lengths[doc.label] = [row[0] for row in rows]
            self._texts[doc.label] = [row[3] for row in rows]
        rows, lengths = self._by_length[doc.label], self._lengths[doc.label]
        n = len(target)
        low = bisect.bisect_left(lengths, math.floor(n * FUZZY_ANCHOR / (200 - FUZZY_ANCHOR)))
        high = bisect.bisect_right(lengths, math.ceil(n * (200 - FUZZY_ANCHOR) / FUZZY_ANCHOR))
        texts = self._texts[doc.label][low:high]
        found = process.extractOne(target, texts, scorer=fuzz.ratio, score_cutoff=FUZZY_ANCHOR)
        if found is None or found[1] <= FUZZY_ANCHOR:
            return None
        ties = [k for _, _, k in process.extract(target, texts, scorer=fuzz.ratio, limit=None,
                                                 score_cutoff=found[1] - 1e-9)]
        return min(rows[low + k][1:3] for k in [found[2], *ties])[1]


def target_key(comparison: Comparison, index: AnchorIndex, note: Annotation) -> str | None:
    """The row an annotation belongs to now: a pair id, an unsupported sentence id, or None."""
    return index.row_of(comparison, note)


def _target_key(comparison: Comparison, index: AnchorIndex, note: Annotation) -> str | None:
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
                   index: AnchorIndex | None = None,
                   resolved: Resolved | None = None) -> tuple[Annotation, ...]:
    """A new annotation tuple with the row `key` edited (created if needed, removed if emptied).
    `resolved` (the notes as placed now) names the row's note without looking at the others."""
    index = index or AnchorIndex(comparison)
    if resolved is not None:
        current = resolved.by_key.get(key)
        at = next((k for k, n in enumerate(notes) if n is current), None)
        rest = list(notes) if at is None else [*notes[:at], *notes[at + 1:]]
        if at is None:
            current = None
    else:
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
