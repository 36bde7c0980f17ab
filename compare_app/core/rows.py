"""The rows an analyst reviews: every aligned pair, then each sentence only one side makes.

Shared by the window's pairs table and every report format, so both list the same things."""

from __future__ import annotations

from dataclasses import dataclass

from .models import Comparison, Reason, Status


@dataclass(frozen=True)
class ReviewRow:
    key: str  # a pair id ("P3") or an unsupported sentence id ("B12")
    status: Status
    a_ids: tuple[str, ...]
    b_ids: tuple[str, ...]
    a_text: str
    b_text: str
    score: float | None
    reasons: tuple[Reason, ...]
    kind: str  # the sentence kind of an unsupported row, "" for a pair
    analyst: str = ""  # what the analyst decided about a pair ("linked by the analyst"), if any


def _joined(c: Comparison, ids: tuple[str, ...]) -> str:
    return " ".join(c.sentence(i).text for i in ids)


def review_rows(c: Comparison) -> list[ReviewRow]:
    """Pairs in order, then A's and B's unsupported sentences in document order."""
    rows = [ReviewRow(p.id, Status(p.relation.value), p.a, p.b, _joined(c, p.a), _joined(c, p.b),
                      p.score, p.reasons, "", p.analyst_mark) for p in c.pairs]
    for doc in (c.a, c.b):
        a_side = doc.label == c.a.label
        for s in doc.sentences:
            if c.statuses[s.id] is Status.UNSUPPORTED:
                rows.append(ReviewRow(s.id, Status.UNSUPPORTED, (s.id,) if a_side else (),
                                      () if a_side else (s.id,), s.text if a_side else "",
                                      "" if a_side else s.text, None, (), s.kind.value))
    return rows
