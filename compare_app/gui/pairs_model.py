"""Table model over the comparison: one row per pair and per unsupported sentence."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from ..core.annotations import Annotation
from ..core.models import Comparison, Status
from ..core.rows import ReviewRow, reading_order, review_rows
from .style import GLYPHS, LABELS, ink

log = logging.getLogger(__name__)

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
KEY_ROLE = Qt.ItemDataRole.UserRole + 2
STATUS_ORDER = {Status.DIVERGE: 0, Status.UNSUPPORTED: 1, Status.AGREE: 2, Status.RELATED: 3,
                Status.EXCLUDED: 4}


@dataclass(frozen=True)
class Row(ReviewRow):
    """A review row as the table shows it: the reasons as one line of text."""

    reason_text: str = ""


def build_rows(c: Comparison) -> list[Row]:
    """The core's review rows, in reading order (B-only rows among the rows they follow)."""
    rows = [Row(**vars(x), reason_text="; ".join(r.explanation for r in x.reasons)
                if x.a_ids and x.b_ids else f"Only in {'A' if x.a_ids else 'B'} ({x.kind})")
            for x in review_rows(c)]
    return reading_order(rows)


class PairsTableModel(QAbstractTableModel):
    COLUMNS = ("Status", "A", "B", "Score", "Reasons", "Verdict")

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.rows: list[Row] = []
        self._index: dict[str, int] = {}
        self.notes: dict[str, Annotation] = {}

    def set_notes(self, notes: dict[str, Annotation]) -> None:
        """Annotations by row key; refreshes the verdict column."""
        self.notes = dict(notes)
        if self.rows:
            self.dataChanged.emit(self.index(0, 5), self.index(len(self.rows) - 1, 5))

    def _verdict_text(self, key: str) -> str:
        note = self.notes.get(key)
        if note is None:
            return ""
        text = note.verdict.label if note.verdict.value else ""
        if note.note.strip():
            text = f"{text} ✎".strip()
        if note.tags:
            text += " #" + " #".join(note.tags)
        return text

    def set_comparison(self, comparison: Comparison | None, rows: list[Row] | None = None) -> None:
        """Show a comparison; `rows` may be prebuilt off the GUI thread."""
        self.beginResetModel()
        self.rows = rows if rows is not None else (build_rows(comparison) if comparison else [])
        self._index = {r.key: i for i, r in enumerate(self.rows)}
        self.endResetModel()

    def row_of(self, key: str) -> int | None:
        return self._index.get(key)

    def counts(self) -> dict[Status, int]:
        out = {s: 0 for s in Status}
        for r in self.rows:
            out[r.status] += 1
        return out

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.COLUMNS[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 5:
                return self._verdict_text(row.key)
            mark = " (analyst)" if row.analyst else ""
            return (f"{GLYPHS[row.status]} {LABELS[row.status]}{mark}", row.a_text, row.b_text,
                    "" if row.score is None else f"{row.score:g}", row.reason_text)[col]
        if role == Qt.ItemDataRole.ToolTipRole and col == 0 and row.analyst:
            return row.analyst.capitalize()
        if role == Qt.ItemDataRole.ToolTipRole and col in (1, 2, 4, 5):
            if col == 5:
                note = self.notes.get(row.key)
                return note.note if note and note.note else None
            return (None, row.a_text, row.b_text, None, row.reason_text)[col] or None
        if role == Qt.ItemDataRole.ForegroundRole and col == 0:
            return ink(row.status)
        if role == SORT_ROLE:
            if col == 5:
                return self._verdict_text(row.key).lower()
            return (STATUS_ORDER[row.status], row.a_text.lower(), row.b_text.lower(),
                    -1.0 if row.score is None else row.score, row.reason_text.lower())[col]
        if role == KEY_ROLE:
            return row.key
        return None


class PairsFilterProxy(QSortFilterProxyModel):
    """Filters rows by status toggles and a case-insensitive search over texts and reasons."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.statuses: set[Status] = {Status.AGREE, Status.DIVERGE, Status.RELATED,
                                      Status.UNSUPPORTED}
        self.needle = ""
        self.setSortRole(SORT_ROLE)

    def _refilter(self, change) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt 6.10+
            self.beginFilterChange()
            change()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            change()
            self.invalidateFilter()

    def set_statuses(self, statuses: set[Status]) -> None:
        self._refilter(lambda: setattr(self, "statuses", set(statuses)))

    def set_search(self, text: str) -> None:
        self._refilter(lambda: setattr(self, "needle", text.strip().lower()))

    def filterAcceptsRow(self, source_row: int, source_parent) -> bool:  # noqa: N802
        model: PairsTableModel = self.sourceModel()  # type: ignore[assignment]
        row = model.rows[source_row]
        if row.status not in self.statuses:
            return False
        if self.needle:
            note = model.notes.get(row.key)
            extra = f"{note.note}\n{' '.join(note.tags)}\n{note.verdict.value}" if note else ""
            hay = f"{row.a_text}\n{row.b_text}\n{row.reason_text}\n{extra}".lower()
            return self.needle in hay
        return True

    def key_at(self, proxy_row: int) -> str | None:
        idx = self.index(proxy_row, 0)
        return idx.data(KEY_ROLE) if idx.isValid() else None
