"""The controller's link corrections: suggestions for a sentence, and link, unlink, relabel or
restore the engine's judgement, each one step on the undo stack."""

from __future__ import annotations

from dataclasses import dataclass, replace

from ..core.corrections import Correction, with_correction
from ..core.ids import sentence_number
from ..core.models import Pair, ReasonKind, Relation


@dataclass(frozen=True)
class Candidate:
    """A sentence of the other side that may make the same claim as the selected one."""

    sentence_id: str
    score: float
    linked: bool  # already linked with the selected sentence


class LinkEditingMixin:
    """Needs the controller's engine, comparison, anchor_index, work and _push."""

    def suggestions_for(self, sentence_id: str) -> list[Candidate]:
        """The engine's best candidates on the other side, above the sensitivity or not."""
        if self.comparison is None:
            return []
        linked = {sid for p in self.comparison.pairs_of(sentence_id) for sid in p.a + p.b}
        picks = self.engine.suggestions.get(sentence_id, ())
        out = [Candidate(other, score, other in linked) for other, score in picks]
        known = {c.sentence_id for c in out}
        out += [Candidate(other, self._score(sentence_id, other), True)
                for other in sorted(linked - known - {sentence_id}, key=sentence_number)]
        return out

    def _score(self, one: str, other: str) -> float:
        a_id, b_id = (one, other) if one.startswith(self.comparison.a.label) else (other, one)
        pair = self._pair_between(a_id, b_id)
        return pair.score if pair else 0.0

    def _pair_between(self, a_id: str, b_id: str) -> Pair | None:
        return next((p for p in self.comparison.pairs_of(a_id) if b_id in p.b), None)

    def _engine_links(self, a_id: str, b_id: str) -> bool:
        return any(b_id in p.b for p in self.engine.pairs_of(a_id))

    def _decide(self, a_id: str, b_id: str, text: str, *, linked: bool = True,
                relation: Relation | None = None, kind: ReasonKind | None = None) -> None:
        if self.comparison is None:
            return
        if a_id.startswith(self.comparison.b.label):
            a_id, b_id = b_id, a_id
        index = self.anchor_index
        decision = Correction(index.anchor(a_id), index.anchor(b_id), linked, relation, kind)
        fixes = with_correction(self.corrections, decision, self._engine_links(a_id, b_id))
        if fixes != self.corrections:
            self._push(text, replace(self.work, corrections=fixes))

    def link(self, one: str, other: str) -> None:
        """Link two sentences of different sides; the engine judges the relation."""
        if one[:1] == other[:1]:
            return
        self._decide(one, other, f"Link {one} with {other}")

    def unlink(self, pair_id: str) -> None:
        pair = self.comparison.pair(pair_id) if self.comparison else None
        if pair is not None:
            self._decide(pair.a[0], pair.b[0], f"Unlink {pair_id}", linked=False)

    def relabel(self, pair_id: str, relation: Relation, kind: ReasonKind | None = None) -> None:
        """Set a pair's relation by hand (a divergence says what it is about)."""
        pair = self.comparison.pair(pair_id) if self.comparison else None
        if pair is not None:
            what = f"{relation.value}" + (f" ({kind.value})" if kind else "")
            self._decide(pair.a[0], pair.b[0], f"Mark {pair_id} as {what}", relation=relation,
                         kind=kind)

    def restore_engine(self, pair_id: str) -> None:
        """Forget the analyst's decisions on a pair: the engine's judgement again."""
        pair = self.comparison.pair(pair_id) if self.comparison else None
        if pair is None:
            return
        a, b = (self.anchor_index.anchor(pair.a[0]), self.anchor_index.anchor(pair.b[0]))
        probe = Correction(a, b)
        fixes = tuple(c for c in self.corrections if not c.same_sentences(probe))
        if fixes != self.corrections:
            self._push(f"Restore the engine's judgement of {pair_id}",
                       replace(self.work, corrections=fixes))

    def forget(self, index: int) -> None:
        """Drop one decision from the list (the engine's judgement of those sentences returns)."""
        if 0 <= index < len(self.corrections):
            fixes = self.corrections[:index] + self.corrections[index + 1:]
            self._push("Forget a link decision", replace(self.work, corrections=fixes))

    def decision_places(self) -> list[str]:
        """Where each decision lands now: "A12 ↔ B7", with "?" for a sentence that is gone."""
        if self.anchor_index is None:
            return ["? ↔ ?" for _ in self.corrections]
        resolve = self.anchor_index.resolve
        return [f"{resolve(c.a) or '?'} ↔ {resolve(c.b) or '?'}" for c in self.corrections]

