"""The rows an analyst reviews: every aligned pair, then each sentence only one side makes.

Shared by the window's pairs table and every report format, so both list the same things."""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from .ids import sentence_label, sentence_number
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


R = TypeVar("R", bound=ReviewRow)


def reading_order(rows: Sequence[R]) -> list[R]:
    """The rows as one reads the two texts together, like a unified diff.

    Rows with an A sentence follow A's order. A row only in B follows the pair holding the nearest
    preceding linked B sentence, after the A-only rows that follow that pair (deletions before
    insertions); B-only rows before any linked B sentence come before the first pair."""
    a_rows = sorted((r for r in rows if r.a_ids),
                    key=lambda r: (min(map(sentence_number, r.a_ids)),
                                   min(map(sentence_number, r.b_ids), default=0)))
    pair_of_b: dict[int, int] = {}  # B sentence number -> position of its last pair in a_rows
    for pos, row in enumerate(a_rows):
        if row.b_ids:
            for b in map(sentence_number, row.b_ids):
                pair_of_b[b] = max(pair_of_b.get(b, -1), pos)
    linked = sorted(pair_of_b)

    def slot(pos: int) -> int:
        """Skip the A-only rows right after position `pos`."""
        while pos + 1 < len(a_rows) and not a_rows[pos + 1].b_ids:
            pos += 1
        return pos

    after: dict[int, list[R]] = {}
    for row in sorted((r for r in rows if not r.a_ids),
                      key=lambda r: min(map(sentence_number, r.b_ids))):
        i = bisect.bisect_left(linked, min(map(sentence_number, row.b_ids))) - 1
        after.setdefault(slot(pair_of_b[linked[i]] if i >= 0 else -1), []).append(row)
    out = list(after.get(-1, []))
    for pos, row in enumerate(a_rows):
        out.append(row)
        out.extend(after.get(pos, []))
    return out


def step_index(count: int, start: int | None, direction: int,
               wanted: Callable[[int], bool]) -> tuple[int, bool] | None:
    """The first wanted index after `start` going `direction` (+1/-1), wrapping past the ends as
    Meld and WinMerge do: (index, wrapped), or None when nothing is wanted. No start: from the
    first row forward, from the last backward."""
    if start is None:
        start = -1 if direction > 0 else count
    for k in range(1, count + 1):
        i = start + direction * k
        if wanted(i % count):
            return i % count, not 0 <= i < count
    return None


def step_start(rows: Sequence[ReviewRow], sentence_id: str, direction: int) -> int:
    """The `start` for `step_index` from a sentence with no row of its own (an excluded one): the
    row before the place the sentence would take in reading order (going forward), else after."""
    ids = (sentence_id,)
    on_a = sentence_label(sentence_id) == "A"
    probe = ReviewRow("", Status.EXCLUDED, ids if on_a else (), () if on_a else ids, "", "", None,
                      (), "")
    place = reading_order([*rows, probe]).index(probe)
    return place - 1 if direction > 0 else place
