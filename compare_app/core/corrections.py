"""The analyst corrects the engine: links it missed, links it got wrong, relations set by hand.

Corrections are decisions, kept like annotations: anchored to sentence content, so they hold
after a re-comparison at another sensitivity and after small edits; a correction whose sentence
can no longer be found is listed as unplaced, never dropped. They are applied on top of every
comparison the window shows and every report `report SESSION` writes.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace

from .annotations import Anchor, AnchorIndex
from .compare import sentence_statuses, summarise
from .ids import pair_ids
from .models import Comparison, Pair, Reason, ReasonKind, Relation
from .relations import relate

log = logging.getLogger(__name__)

KIND_WORDS = {ReasonKind.NUMBER: "a number", ReasonKind.DATE: "a date",
              ReasonKind.ENTITY: "who or what", ReasonKind.NEGATION: "a negation",
              ReasonKind.CERTAINTY: "certainty", ReasonKind.ATTRIBUTION: "attribution",
              ReasonKind.DIRECTION: "the direction of a change"}


@dataclass(frozen=True)
class Correction:
    """The analyst's decision on one sentence of A and one of B: linked (with the relation set
    by hand, or left to the engine when None) or not linked."""

    a: Anchor
    b: Anchor
    linked: bool = True
    relation: Relation | None = None
    kind: ReasonKind | None = None  # what a divergence set by hand is about

    def same_sentences(self, other: Correction) -> bool:
        return (self.a.text_hash, self.b.text_hash) == (other.a.text_hash, other.b.text_hash)

    @property
    def description(self) -> str:
        if not self.linked:
            return "unlinked"
        if self.relation is None:
            return "linked"
        what = f" ({KIND_WORDS[self.kind]})" if self.kind else ""
        return f"linked as {self.relation.value}{what}"

    def to_json(self) -> dict:
        return {"a": self.a.to_json(), "b": self.b.to_json(), "linked": self.linked,
                "relation": self.relation.value if self.relation else None,
                "kind": self.kind.value if self.kind else None}

    @staticmethod
    def from_json(data: dict) -> Correction:
        relation, kind = data.get("relation"), data.get("kind")
        return Correction(Anchor.from_json(data["a"]), Anchor.from_json(data["b"]),
                          bool(data.get("linked", True)),
                          Relation(relation) if relation else None,
                          ReasonKind(kind) if kind else None)


@dataclass(frozen=True)
class Corrected:
    """A comparison with the analyst's corrections applied, and the ones that found no place."""

    comparison: Comparison
    unplaced: tuple[Correction, ...] = ()


def _analyst_reason(kind: ReasonKind) -> Reason:
    return Reason(kind, None, None,
                  f"The analyst judged that the sources conflict about {KIND_WORDS[kind]}.")


def _relabelled(pair: Pair, correction: Correction) -> Pair:
    relation, kind = correction.relation, correction.kind
    if relation is None:
        return pair
    reasons: tuple[Reason, ...] = ()
    if relation is Relation.DIVERGE:
        mine = _analyst_reason(kind) if kind else None
        reasons = pair.reasons if mine is None else (
            mine, *(r for r in pair.reasons if r.kind is kind and r != mine))
    return replace(pair, relation=relation, reasons=reasons, relation_by_analyst=True)


def apply_corrections(comparison: Comparison, corrections: tuple[Correction, ...],
                      index: AnchorIndex | None = None) -> Corrected:
    """The comparison as the analyst decided it: links removed, added and relabelled, statuses
    and counts worked out again. The engine's pairs that no correction touches stay as they are."""
    if not corrections:
        return Corrected(comparison)
    index = index or AnchorIndex(comparison)
    pairs: dict[tuple[str, str], Pair] = {(p.a[0], p.b[0]): p for p in comparison.pairs}
    added: list[tuple[str, str]] = []
    unplaced = []
    readings: dict = {}
    for correction in corrections:
        a_id, b_id = index.resolve(correction.a), index.resolve(correction.b)
        if a_id is None or b_id is None or not a_id.startswith(comparison.a.label) \
                or not b_id.startswith(comparison.b.label):
            unplaced.append(correction)
            continue
        key = (a_id, b_id)
        if not correction.linked:
            pairs.pop(key, None)
            continue
        pair = pairs.get(key)
        if pair is None:
            sa, sb = comparison.sentence(a_id), comparison.sentence(b_id)
            relation, reasons = relate(sa, sb, readings)
            score = dict(comparison.suggestions.get(a_id, ())).get(b_id, 0.0)
            pair = Pair("", (a_id,), (b_id,), score, relation, reasons, (sa.text, sb.text),
                        linked_by_analyst=True)
            added.append(key)
        elif correction.relation is None:  # a link the engine makes too at this sensitivity
            pair = replace(pair, linked_by_analyst=True)
        pairs[key] = _relabelled(pair, correction)
    if added:
        texts = [p.texts for p in pairs.values()]
        ids = dict(zip(pairs, pair_ids(texts)))
        pairs = {k: (replace(p, id=ids[k]) if k in added else p) for k, p in pairs.items()}
    ordered = tuple(sorted(pairs.values(), key=lambda p: (comparison.a.sentence(p.a[0]).index,
                                                          comparison.b.sentence(p.b[0]).index)))
    statuses = sentence_statuses(comparison.a, comparison.b, ordered)
    summary = summarise(comparison.a, comparison.b, ordered, statuses)
    return Corrected(replace(comparison, pairs=ordered, statuses=statuses, summary=summary),
                     tuple(unplaced))


def with_correction(corrections: tuple[Correction, ...], new: Correction,
                    engine_linked: bool) -> tuple[Correction, ...]:
    """The corrections with `new` replacing any earlier decision on the same two sentences. A
    decision that only restates the engine's (unlinking what it never linked) is not kept."""
    rest = tuple(c for c in corrections if not c.same_sentences(new))
    if not new.linked and not engine_linked:
        return rest
    if new.linked and new.relation is None and engine_linked:
        return rest
    return rest + (new,)
