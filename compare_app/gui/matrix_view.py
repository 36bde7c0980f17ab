"""The corroboration matrix: one row per claim, one column per source, for three or more sources.

Each cell says whether the source states the claim (●), states it differently (≠, with the
reason), only says something related (~) or is silent. Rows sort by any column and filter to
claims made by several sources, to single-source claims or to conflicts; a selected claim is
shown (`claim_html`) with every source's sentence one under another and its word differences."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..core.annotations import Annotation, SourceGrade
from ..core.clusters import CellState, Cluster
from ..core.diffing import word_diff
from ..core.multi import MultiComparison
from ..core.reports.multi import (
    MARKS,
    WORDS,
    best_grade,
    claim_text,
    counts,
    ordered,
    plural,
    shared_copy_lines,
)
from .detail_panel import ops_html

KEY_ROLE = Qt.ItemDataRole.UserRole + 2
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
TINTS = {CellState.STATED: "#C6EBDF", CellState.DIFFERENT: "#F8D9C4",
         CellState.RELATED: "#D3EBF9"}
_STATE_RANK = {CellState.DIFFERENT: 0, CellState.STATED: 1, CellState.RELATED: 2,
               CellState.SILENT: 3}
FILTERS = (("All claims", lambda c: True),
           ("Made by two or more sources", lambda c: c.support >= 2),
           ("Made by independent sources", lambda c: c.independent >= 2),
           ("Conflicts", lambda c: c.conflict),
           ("Single-source claims", lambda c: c.support == 1))


class MatrixModel(QAbstractTableModel):
    """Claims × sources over a MultiComparison (read-only)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.multi: MultiComparison | None = None
        self.rows: list[Cluster] = []
        self.texts: list[str] = []
        self.grades: dict[str, SourceGrade] = {}
        self.notes: dict[str, Annotation] = {}
        self._labels_now: tuple[str, ...] = ()

    def set_notes(self, notes: dict[str, Annotation]) -> None:
        """The analyst's verdicts and notes by claim id; refreshes the Verdict column."""
        self.notes = dict(notes)
        if self.rows:
            last = self.columnCount() - 1
            self.dataChanged.emit(self.index(0, last), self.index(len(self.rows) - 1, last))

    def set_multi(self, multi: MultiComparison | None, grades: dict[str, SourceGrade]) -> None:
        self.beginResetModel()
        self.multi, self.grades = multi, dict(grades)
        self._labels_now = multi.labels if multi else ()
        self.rows = ordered(multi) if multi else []  # conflicts, then the best supported
        self.texts = [claim_text(multi, c) for c in self.rows] if multi else []
        # worked out once: sorting asks for every row's key many times over
        self._fixed = [(f"{c.id}  {t}", c.support, c.independent, best_grade(c, self.grades))
                       for c, t in zip(self.rows, self.texts)]
        self._states = [[_STATE_RANK[cell.state] for cell in c.cells] for c in self.rows]
        self.endResetModel()

    def _labels(self) -> tuple[str, ...]:
        return self._labels_now

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else 5 + len(self._labels())

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.rows)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        labels = self._labels()
        fixed = ("Claim", *labels, "Sources", "Independent", "Best grade", "Verdict")
        return fixed[section]

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or self.multi is None:
            return None
        row, col = index.row(), index.column()
        n = len(self.multi.documents)
        if role == SORT_ROLE:
            if 1 <= col <= n:
                return self._states[row][col - 1]
            return row if col == 0 else (self._verdict(row) if col == n + 4
                                         else self._fixed[row][col - n])
        c = self.rows[row]
        if role == KEY_ROLE:
            return c.id
        if 1 <= col <= n:
            cell = c.cells[col - 1]
            if role == Qt.ItemDataRole.DisplayRole:
                return MARKS[cell.state]
            if role == Qt.ItemDataRole.BackgroundRole and cell.state in TINTS:
                return QColor(TINTS[cell.state])
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return int(Qt.AlignmentFlag.AlignCenter)
            if role == Qt.ItemDataRole.ToolTipRole:
                why = "\n".join(r.explanation for r in cell.reasons)
                return f"{cell.source}: {WORDS[cell.state]}" + (f"\n{why}" if why else "")
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            value = self._verdict(row) if col == n + 4 else self._fixed[row][0 if col == 0
                                                                           else col - n]
            return str(value)
        if role == Qt.ItemDataRole.ToolTipRole and col == 0:
            return self.texts[row]
        return None

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        """Reorder the rows in one pass over keys worked out in advance (a proxy comparing two
        rows at a time would ask Python for keys tens of thousands of times)."""
        if not self.rows:
            return
        keys = [self.data(self.index(r, column), SORT_ROLE) for r in range(len(self.rows))]
        order_of = sorted(range(len(self.rows)), key=lambda r: (keys[r], r),
                          reverse=order == Qt.SortOrder.DescendingOrder)
        self.layoutAboutToBeChanged.emit()
        for name in ("rows", "texts", "_fixed", "_states"):
            values = getattr(self, name)
            setattr(self, name, [values[r] for r in order_of])
        self.layoutChanged.emit()

    def _verdict(self, row: int) -> str:
        note = self.notes.get(self.rows[row].id)
        if note is None:
            return ""
        return ((note.verdict.label if note.verdict.value else "")
                + (" ✎" if note.note else "")).strip()


class MatrixFilter(QSortFilterProxyModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.keep = FILTERS[0][1]
        self.setSortRole(SORT_ROLE)

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:  # noqa: D401
        self.sourceModel().sort(column, order)  # the model sorts itself; the proxy only filters

    def set_filter(self, index: int) -> None:
        self.beginFilterChange() if hasattr(self, "beginFilterChange") else None
        self.keep = FILTERS[index][1]
        if hasattr(self, "endFilterChange"):
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self.invalidateFilter()

    def filterAcceptsRow(self, row: int, parent) -> bool:  # noqa: N802
        model: MatrixModel = self.sourceModel()  # type: ignore[assignment]
        return self.keep(model.rows[row])


class MatrixView(QWidget):
    """The matrix, its filter, a one-line summary and the selected claim's sentences."""

    claim_selected = Signal(str)  # cluster id
    file_dropped = Signal(str)    # a document dropped on the matrix becomes one more source

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = MatrixModel(self)
        self.proxy = MatrixFilter(self)
        self.proxy.setSourceModel(self.model)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.filter = QComboBox()
        self.filter.setObjectName("matrixFilter")
        self.filter.addItems([name for name, _ in FILTERS])
        self.filter.currentIndexChanged.connect(self.proxy.set_filter)
        top.addWidget(self.summary, 1)
        top.addWidget(QLabel("Show:"))
        top.addWidget(self.filter)
        layout.addLayout(top)
        self.table = QTableView()
        self.table.setObjectName("matrix")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        layout.addWidget(self.table, 1)
        self.setAcceptDrops(True)

    def dragEnterEvent(self, event) -> None:  # noqa: N802
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # noqa: N802
        for url in event.mimeData().urls():
            if url.isLocalFile():
                self.file_dropped.emit(url.toLocalFile())
        event.acceptProposedAction()

    def show_multi(self, multi: MultiComparison | None,
                   grades: dict[str, SourceGrade] | None = None) -> None:
        self.model.set_multi(multi, grades or {})
        if multi is None:
            self.summary.clear()
            return
        n = counts(multi)
        shared = "; ".join(shared_copy_lines(multi))
        self.summary.setText(
            f"{plural(n['claims'], 'claim')} · {n['corroborated']} made by two or more sources "
            f"({n['independently']} independently) · {plural(n['conflicts'], 'conflict')} · "
            f"{n['single_source']} single-source" + (f" · {shared}" if shared else ""))
        header = self.table.horizontalHeader()  # widths from the font, not from every row:
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)  # a long matrix
        fm = self.table.fontMetrics()                                   # stays responsive
        for col in range(1, self.model.columnCount()):
            title = str(self.model.headerData(col, Qt.Orientation.Horizontal))
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
            self.table.setColumnWidth(col, max(fm.horizontalAdvance(title), fm.horizontalAdvance(
                "≠")) + 18)

    def select(self, cluster_id: str) -> None:
        for row in range(self.proxy.rowCount()):
            if self.proxy.index(row, 0).data(KEY_ROLE) == cluster_id:
                self.table.selectRow(row)
                return

    def _row_changed(self, current, _previous) -> None:
        if not current.isValid() or self.model.multi is None:
            return
        self.claim_selected.emit(current.data(KEY_ROLE))


def claim_html(m: MultiComparison, c: Cluster) -> str:
    """Every source's sentence for one claim, one under another, with the words each differs
    by from the first source that states it (struck: only there; underlined: only here)."""
    first = next((" ".join(m.sentence_text(s) for s in cell.sentences) for cell in c.cells
                  if cell.state is CellState.STATED), claim_text(m, c))
    parts = [f"<h3>{c.id} · {c.support} source{'s' if c.support != 1 else ''}, "
             f"{c.independent} independent</h3>"]
    if len(c.origins) < c.support:
        same = [" and ".join(g) for g in c.origins if len(g) > 1]
        parts.append(f"<p><i>Shared copy: {escape('; '.join(same))} carry the same wording.</i>"
                     "</p>")
    for cell in c.cells:
        doc = m.document(cell.source)
        head = f"<b>{cell.source}</b> {MARKS[cell.state]} {escape(doc.title)}"
        if cell.state is CellState.SILENT:
            parts.append(f"<p>{head}: <span style='color:#888'>silent</span></p>")
            continue
        text = " ".join(m.sentence_text(s) for s in cell.sentences)
        shown = escape(text) if text == first else ops_html(word_diff(first, text))
        parts.append(f"<p>{head} ({', '.join(cell.sentences)})<br>{shown}")
        parts += [f"<br><b>{escape(r.kind.value)}</b>: {escape(r.explanation)}"
                  for r in cell.reasons]
        parts.append("</p>")
    return "".join(parts)

