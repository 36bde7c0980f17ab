"""Everything the analyst decided about one comparison, as one immutable snapshot: annotations,
source grades and link corrections. Undo and redo swap snapshots; a swap of sides flips one."""

from __future__ import annotations

from dataclasses import dataclass, field

from .annotations import Anchor, Annotation, SourceGrade
from .corrections import Correction

_FLIP = {"A": "B", "B": "A"}


def _flip(anchor: Anchor) -> Anchor:
    return Anchor(_FLIP.get(anchor.doc, anchor.doc), anchor.text_hash, anchor.context_hash,
                  anchor.text)


@dataclass(frozen=True)
class AnalystWork:
    annotations: tuple[Annotation, ...] = ()
    grades: dict[str, SourceGrade] = field(default_factory=dict)
    corrections: tuple[Correction, ...] = ()
    claim_notes: tuple[Annotation, ...] = ()  # verdicts and notes on claims of 3+ sources

    def flipped(self) -> AnalystWork:
        """The same decisions with documents A and B exchanged: each follows its sentences."""
        notes = tuple(Annotation(tuple(_flip(a) for a in reversed(n.anchors)), n.verdict, n.note,
                                 n.tags, n.credibility) for n in self.annotations)
        fixes = tuple(Correction(_flip(c.b), _flip(c.a), c.linked, c.relation, c.kind)
                      for c in self.corrections)
        claims = tuple(Annotation(tuple(_flip(a) for a in n.anchors), n.verdict, n.note, n.tags,
                                  n.credibility) for n in self.claim_notes)
        return AnalystWork(notes, {_FLIP.get(k, k): v for k, v in self.grades.items()}, fixes,
                           claims)
