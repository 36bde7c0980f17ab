"""What a report is made from (the comparison with the analyst's work) and the rows and texts
every format shares. The formats themselves register in `registry.py`.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime, timezone

from ..annotations import (
    CREDIBILITY,
    RELIABILITY,
    AnchorIndex,
    Annotation,
    SourceGrade,
    resolve_all,
)
from ..corrections import Correction, apply_corrections
from ..models import CompareOptions, Comparison, Document, Status
from ..rows import ReviewRow, review_rows

log = logging.getLogger(__name__)


class ReportFormatError(ValueError):
    """The report format cannot be determined or has no writer registered."""


class ReportError(RuntimeError):
    """A report that cannot be produced here (for PDF: the Qt adapter is not installed)."""


@dataclass(frozen=True)
class ReportInput:
    """Everything a report shows: the comparison with the analyst's corrections applied, the
    annotations and source grades. Corrections are applied here (applying them twice changes
    nothing), so every format shows the comparison as the analyst decided it."""

    comparison: Comparison
    annotations: tuple[Annotation, ...] = ()
    grades: dict[str, SourceGrade] = field(default_factory=dict)
    generated_at: str = ""  # ISO 8601; empty means now (fixed once, so all formats agree)
    corrections: tuple[Correction, ...] = ()
    unplaced: tuple[Correction, ...] = field(default=(), init=False)

    def __post_init__(self) -> None:
        if not self.generated_at:
            now = datetime.now(timezone.utc).isoformat(timespec="seconds")
            object.__setattr__(self, "generated_at", now)
        if self.corrections:
            corrected = apply_corrections(self.comparison, self.corrections)
            object.__setattr__(self, "comparison", corrected.comparison)
            object.__setattr__(self, "unplaced", corrected.unplaced)

    def correction_lines(self) -> list[CorrectionLine]:
        """The analyst's corrections as every format lists them, in the order they were made."""
        index = AnchorIndex(self.comparison)
        out = []
        for c in self.corrections:
            a_id, b_id = index.resolve(c.a), index.resolve(c.b)
            placed = c not in self.unplaced
            where = f"{a_id} ↔ {b_id}" if placed else "not found in these texts"
            out.append(CorrectionLine(c, where, placed, c.a.text, c.b.text))
        return out


@dataclass(frozen=True)
class CorrectionLine:
    correction: Correction
    where: str  # "A12 ↔ B7", or why it has no place
    placed: bool
    a_text: str
    b_text: str

    @property
    def what(self) -> str:
        return self.correction.description


@dataclass(frozen=True)
class Row(ReviewRow):
    """One line of the report tables with the analyst's annotation, if any."""

    annotation: Annotation | None = None


@dataclass(frozen=True)
class Prepared:
    """Rows in report order, and each annotation with the row it landed on (None: orphaned)."""

    rows: tuple[Row, ...]
    placed: tuple[tuple[Annotation, str | None], ...]

    @property
    def orphans(self) -> tuple[Annotation, ...]:
        return tuple(a for a, key in self.placed if key is None)

    def of(self, status: Status, label: str = "") -> tuple[Row, ...]:
        side = (lambda r: bool(r.a_ids if label == "A" else r.b_ids)) if label else None
        return tuple(r for r in self.rows if r.status is status and (side is None or side(r)))


def prepare(r: ReportInput) -> Prepared:
    """Resolve the annotations and list the rows: pairs in order, then A's and B's lone claims."""
    c = r.comparison
    resolved = resolve_all(c, r.annotations)
    rows = [Row(x.key, x.status, x.a_ids, x.b_ids, x.a_text, x.b_text, x.score, x.reasons,
                x.kind, x.analyst, resolved.by_key.get(x.key)) for x in review_rows(c)]
    key_of = {id(note): key for key, note in resolved.by_key.items()}
    placed = tuple((note, key_of.get(id(note))) for note in r.annotations)
    return Prepared(tuple(rows), placed)


def when_text(iso: str) -> str:
    """'2025-01-15 10:30 UTC' from an ISO time; anything unparsable is shown as given."""
    try:
        moment = datetime.fromisoformat(iso)
    except ValueError:
        return iso
    offset = moment.utcoffset()
    zone = "" if offset is None else " UTC" if not offset else moment.strftime(" UTC%z")
    return moment.strftime("%Y-%m-%d %H:%M") + zone


def where(doc: Document) -> str:
    return doc.path or "pasted text"


def grade_text(grade: SourceGrade | None) -> str:
    """'B (Usually reliable)', or 'not graded'."""
    if grade is None or not grade.reliability:
        return "not graded"
    return f"{grade.reliability} ({RELIABILITY[grade.reliability]})"


def credibility_text(value: int | None) -> str:
    return f"{value} ({CREDIBILITY.get(value, '?')})" if value is not None else ""


def settings_text(options: CompareOptions) -> str:
    return (f"threshold {options.threshold:g} (lowest same-claim chance, %), up to "
            f"{options.max_candidates} candidates per sentence")


def title_of(r: ReportInput) -> str:
    c = r.comparison
    return f"Comparison report: {c.a.title or 'A'} / {c.b.title or 'B'}"
