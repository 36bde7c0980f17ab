"""The analyst's window: two marked-up texts with a link gutter, the pairs table and the details."""

from __future__ import annotations

import bisect
import logging
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QItemSelectionModel, QSignalBlocker, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMainWindow,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..core.ids import is_pair_id
from ..core.models import Comparison, Pair, Status
from ..core.rows import step_index, step_start
from ..core.session import is_session_file
from .annotation_panel import AnnotationPanel, SourcesPanel
from .controller import ComparisonController
from .detail_panel import DetailPanel
from .dialogs import document_filter, start_path
from .document_pane import DocumentPane
from .legend import StatusLegend
from .link_actions import LinkActionsMixin
from .link_gutter import LinkGutter
from .pairs_model import PairsFilterProxy, PairsTableModel
from .progress_strip import ComparisonProgress
from .screen_fit import fit_table_columns, place_window, set_default_splits
from .session_actions import SessionActionsMixin
from .settings import AppSettings
from .source_actions import SourceActionsMixin
from .status_filter import StatusFilterBar
from .summary import MessageBar, summary_text
from .window_actions import WindowActionsMixin

log = logging.getLogger(__name__)

FILTERABLE = (Status.DIVERGE, Status.UNSUPPORTED, Status.AGREE, Status.RELATED)
STEP_NAMES = {Status.DIVERGE: "divergence", Status.UNSUPPORTED: "unsupported claim",
              Status.AGREE: "agreement", Status.RELATED: "related pair"}


class MainWindow(WindowActionsMixin, SessionActionsMixin, LinkActionsMixin, SourceActionsMixin,
                 QMainWindow):
    def __init__(self, settings: AppSettings) -> None:
        super().__init__()
        self.settings = settings
        self.controller = ComparisonController(settings, self)
        self.comparison: Comparison | None = None
        self.current_key: str | None = None
        self._syncing = False
        self._pair_of: dict[str, str] = {}
        self._pairs: dict[str, Pair] = {}
        self._anchors: dict[str, tuple[list[int], list[str]]] = {}
        self._step_from: str | None = None  # an excluded sentence clicked since the last row
        self.setWindowTitle("compare-app")
        self.setAcceptDrops(False)
        self._build_widgets()
        self._build_actions()
        self._build_menus_and_toolbar()
        self._connect()
        self._restore_state()

    # ------------------------------------------------------------------ construction
    def _build_widgets(self) -> None:
        self.pane_a, self.pane_b = DocumentPane("A"), DocumentPane("B")
        self.gutter = LinkGutter(self.pane_a.view, self.pane_b.view)
        self.text_splitter = QSplitter(Qt.Orientation.Horizontal)
        self.text_splitter.setObjectName("textSplitter")
        for w in (self.pane_a, self.gutter, self.pane_b):
            self.text_splitter.addWidget(w)
        self.text_splitter.setStretchFactor(0, 1)
        self.text_splitter.setStretchFactor(2, 1)
        self.text_splitter.setCollapsible(1, False)

        self.model = PairsTableModel(self)
        self.proxy = PairsFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        fit_table_columns(self.table)

        self.filter_bar = StatusFilterBar(FILTERABLE)
        self.filter_buttons = self.filter_bar.buttons
        filter_row = QHBoxLayout()
        filter_row.setContentsMargins(0, 0, 0, 0)
        filter_row.addWidget(self.filter_bar)
        self.search = QLineEdit()
        self.search.setPlaceholderText("Search texts and reasons (Ctrl+F)")
        self.search.setClearButtonEnabled(True)
        filter_row.addWidget(self.search, 1)
        self._update_filter_labels()

        table_box = QWidget()
        table_layout = QVBoxLayout(table_box)
        table_layout.setContentsMargins(0, 0, 0, 0)
        table_layout.addLayout(filter_row)
        table_layout.addWidget(self.table, 1)

        self.detail = DetailPanel()
        self.annotation_panel = AnnotationPanel()
        self.sources_panel = SourcesPanel()
        self.orphans = QListWidget()
        self.orphans.setObjectName("orphans")
        self.side_tabs = QTabWidget()
        self.side_tabs.addTab(self.annotation_panel, "Verdict")
        self.side_tabs.addTab(self.sources_panel, "Sources")
        self.side_tabs.addTab(self.orphans, "Orphans (0)")
        self._build_links()
        self.bottom_splitter = QSplitter(Qt.Orientation.Horizontal)
        self.bottom_splitter.setObjectName("bottomSplitter")
        self.bottom_splitter.addWidget(self._wrap_with_matrix(table_box))
        self.bottom_splitter.addWidget(self.detail)
        self.bottom_splitter.addWidget(self.side_tabs)
        self.bottom_splitter.setStretchFactor(0, 4)
        self.bottom_splitter.setStretchFactor(1, 3)
        self.bottom_splitter.setStretchFactor(2, 2)

        self.main_splitter = QSplitter(Qt.Orientation.Vertical)
        self.main_splitter.setObjectName("mainSplitter")
        self.main_splitter.addWidget(self.text_splitter)
        self.main_splitter.addWidget(self.bottom_splitter)
        self.main_splitter.setStretchFactor(0, 3)
        self.main_splitter.setStretchFactor(1, 2)

        self.summary = QLabel("Opening…")
        self.summary.setObjectName("summaryStrip")
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.legend = StatusLegend()
        self.message_bar = MessageBar()
        strip = QHBoxLayout()
        strip.addWidget(self.summary, 1)
        strip.addWidget(self.legend)

        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.message_bar)
        layout.addLayout(strip)
        layout.addWidget(self.main_splitter, 1)
        self.setCentralWidget(central)

        self.progress_strip = ComparisonProgress()
        self.progress = self.progress_strip.bar
        self.statusBar().addPermanentWidget(self.progress_strip)
        self.watcher = QFileSystemWatcher(self)

    def _undo_redo(self, undo: bool) -> None:
        """Typing still pending in the note becomes its own step before undo or redo runs."""
        self.annotation_panel.commit_note()
        stack = self.controller.undo_stack
        stack.undo() if undo else stack.redo()

    def _connect(self) -> None:
        c = self.controller
        c.comparison_started.connect(self._on_started)
        c.comparison_finished.connect(self.show_comparison)
        c.comparison_failed.connect(self.show_error)
        c.progress_changed.connect(self._on_progress)
        c.busy_changed.connect(self._on_busy)
        c.comparison_cancelled.connect(self._on_cancelled)
        self.progress_strip.cancel_requested.connect(c.cancel)
        self.threshold.valueChanged.connect(c.set_threshold)
        self.threshold.valueChanged.connect(self._show_threshold_state)
        c.comparison_failed.connect(self._show_threshold_state)
        self.filter_bar.changed.connect(
            lambda shown: self._refilter(self.proxy.set_statuses, shown))
        self.search.textChanged.connect(lambda text: self._refilter(self.proxy.set_search, text))
        self.table.selectionModel().currentRowChanged.connect(self._on_row_changed)
        for pane in (self.pane_a, self.pane_b):
            pane.view.sentence_clicked.connect(self.select_sentence)
            pane.view.file_dropped.connect(lambda path, side=pane.side: self.open_path(side, path))
        self.pane_a.view.verticalScrollBar().valueChanged.connect(lambda _: self._sync_scroll("A"))
        self.pane_b.view.verticalScrollBar().valueChanged.connect(lambda _: self._sync_scroll("B"))
        self.watcher.fileChanged.connect(self._on_file_changed)
        c.annotations_changed.connect(self._on_annotations_changed)
        c.comparison_about_to_change.connect(self.annotation_panel.commit_note)
        c.dirty_changed.connect(lambda _: self._update_title())
        c.session_saved.connect(
            lambda p: self.statusBar().showMessage(f"Session saved to {p}", 5000))
        ap = self.annotation_panel
        ap.verdict_edited.connect(lambda k, v: c.edit_row(k, verdict=v))
        ap.note_edited.connect(lambda k, t: c.edit_row(k, note=t))
        ap.tags_edited.connect(lambda k, t: c.edit_row(k, tags=t))
        ap.credibility_edited.connect(lambda k, n: c.edit_row(k, credibility=n))
        self.sources_panel.grade_edited.connect(c.edit_grade)

    # ------------------------------------------------------------------ opening
    def ask_open_path(self, side: str) -> str | None:
        """The file dialog; tests replace this method."""
        start = self.dialog_start(side)
        path, _ = QFileDialog.getOpenFileName(self, f"Open document {side}", start,
                                              document_filter())
        return path or None

    def dialog_start(self, first: str, name: str = "") -> str:
        """Where a file dialog starts: the folder of `first` ("A", "B" or "session"), else of the
        other document, else of the session (or document A, B)."""
        c = self.controller
        places = {"A": c.path("A"), "B": c.path("B"), "session": c.session_path}
        return start_path([places[first]] + [v for k, v in places.items() if k != first], name)

    def open_dialog(self, side: str) -> None:
        path = self.ask_open_path(side)
        if path:
            self.open_path(side, path)

    def open_path(self, side: str, path: str) -> None:
        """A document on one side starts a new comparison; a session file reopens that session."""
        if not self.confirm_discard():
            return
        self.message_bar.dismiss()
        if is_session_file(path):
            self.controller.open_session(path)
        else:
            self.controller.open_file(side, path)

    def open_pair(self, a: str, b: str) -> None:
        self.controller.open_pair(a, b)

    def paste(self, side: str) -> None:
        text = QGuiApplication.clipboard().text()
        if not text.strip():
            self.show_error("The clipboard holds no text to paste as a document.")
            return
        if not self.confirm_discard():
            return
        self.message_bar.dismiss()
        self.controller.paste_text(side, text)

    # ------------------------------------------------------------------ showing results
    def _on_started(self) -> None:
        self.statusBar().showMessage("Comparing…")

    def _on_busy(self, busy: bool) -> None:
        self.progress_strip.set_busy(busy)
        self.act_cancel.setEnabled(busy)

    def _on_progress(self, done: int, total: int) -> None:
        self.progress_strip.set_progress(done, total)

    def _on_cancelled(self) -> None:
        self.statusBar().showMessage("Comparison cancelled", 10000)
        with QSignalBlocker(self.threshold):
            self.threshold.setValue(self.controller.options.threshold)
        self._show_threshold_state()
        if self.comparison is None:
            self.summary.setText("Comparison cancelled: open two documents to compare them.")

    def show_error(self, message: str) -> None:
        self.message_bar.show_message(message, error=True)
        self.statusBar().showMessage(message, 10000)

    def show_comparison(self, comparison: Comparison) -> None:
        self.comparison = comparison
        self._pairs = {p.id: p for p in comparison.pairs}
        self._pair_of = {sid: comparison.pair_of(sid).id  # type: ignore[union-attr]
                         for p in comparison.pairs for sid in p.a + p.b}
        self._anchors = {}
        for doc in (comparison.a, comparison.b):
            paired = [s for s in doc.sentences if s.id in self._pair_of]
            self._anchors[doc.label] = ([s.start for s in paired], [s.id for s in paired])
        self._syncing = True
        try:
            self.pane_a.show_document(comparison.a, comparison)
            self.pane_b.show_document(comparison.b, comparison)
        finally:
            self._syncing = False
        self.gutter.set_comparison(comparison)
        previous_ids = self._selected_ids()
        rows = self.controller.rows if self.controller.comparison is comparison else None
        self.model.set_comparison(comparison, rows)
        self._update_filter_labels()
        self.summary.setText(summary_text(comparison))
        self._update_title()
        self.statusBar().showMessage(f"Compared at match sensitivity "
                                     f"{comparison.options.threshold:g}", 5000)
        self._watch(comparison)
        wanted = self.controller.options.threshold  # a newer value may be pending: keep it
        if self.threshold.value() != wanted:
            with QSignalBlocker(self.threshold):
                self.threshold.setValue(wanted)
        self._show_threshold_state()
        self.current_key = None
        self._step_from = None
        follow = self._row_following(previous_ids)
        if follow is not None:
            self.select_key(follow)
        else:
            self._clear_selection()

    def _show_threshold_state(self) -> None:
        """Beside the box, while the results on screen are for another sensitivity: which one."""
        shown = self.comparison.options.threshold if self.comparison else None
        stale = shown is not None and shown != self.threshold.value()
        self.threshold_state.setText(f" results at {shown:g} " if stale else "")

    def _selected_ids(self) -> tuple[str, ...]:
        if not self.current_key or self.model.row_of(self.current_key) is None:
            return ()
        row = self.model.rows[self.model.row_of(self.current_key)]
        return row.a_ids + row.b_ids

    def _row_following(self, ids: tuple[str, ...]) -> str | None:
        """The new row holding the sentences that were selected (pair ids are renumbered)."""
        for sid in ids:
            for row in self.model.rows:
                if sid in row.a_ids or sid in row.b_ids:
                    return row.key
        return None

    def _clear_selection(self) -> None:
        self.table.clearSelection()
        self.pane_a.view.emphasise([], scroll=False)
        self.pane_b.view.emphasise([], scroll=False)
        self.gutter.set_selected(None)
        self.detail.clear()
        self._show_annotation(None)
        self._show_links(None)

    def _watch(self, comparison: Comparison) -> None:
        if self.watcher.files():
            self.watcher.removePaths(self.watcher.files())
        paths = [d.path for d in (comparison.a, comparison.b) if d.path and Path(d.path).is_file()]
        if paths:
            self.watcher.addPaths(paths)

    def _on_file_changed(self, path: str) -> None:
        changed = self.controller.changed_on_disk()
        if changed:
            sides = " and ".join(changed)
            self.message_bar.show_message(f"Document {sides} changed on disk. Press F5 to reload.",
                                          error=False)

    def _update_filter_labels(self) -> None:
        self.filter_bar.set_counts(self.model.counts())

    def _refilter(self, change, value) -> None:
        """Filter the table without moving the selection: the selected row stays selected while
        it shows, and the panes, details and annotation target stay on it even when hidden."""
        selection = self.table.selectionModel()
        with QSignalBlocker(selection):
            change(value)
            index = self._proxy_index(self.current_key)
            if index.isValid():
                selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                                          | QItemSelectionModel.SelectionFlag.Rows)
            else:
                selection.clear()
        self.table.viewport().update()
        if index.isValid():
            self.table.scrollTo(index)

    def _proxy_index(self, key: str | None):
        """The table index of a row key; invalid when the key has no row or the row is hidden."""
        source_row = self.model.row_of(key) if key else None
        row = -1 if source_row is None else source_row
        return self.proxy.mapFromSource(self.model.index(row, 0))

    # ------------------------------------------------------------------ selection
    def select_key(self, key: str) -> None:
        """Select a pair ("P3") or an unsupported sentence ("B12") in the table and the panes."""
        source_row = self.model.row_of(key)
        if source_row is None:
            return
        self.filter_bar.include(self.model.rows[source_row].status)
        proxy_index = self.proxy.mapFromSource(self.model.index(source_row, 0))
        if not proxy_index.isValid():
            self.search.clear()
            proxy_index = self.proxy.mapFromSource(self.model.index(source_row, 0))
        self.table.selectionModel().setCurrentIndex(
            proxy_index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)
        self.table.scrollTo(proxy_index)

    def select_pair(self, pair_id: str) -> None:
        self.select_key(pair_id)

    def select_sentence(self, sentence_id: str) -> None:
        if not self.comparison or self._picked(sentence_id):
            return
        key = self._pair_of.get(sentence_id)
        if key is None and self.comparison.statuses.get(sentence_id) is Status.UNSUPPORTED:
            key = sentence_id
        if key:
            self.select_key(key)
        else:
            s = self.comparison.sentence(sentence_id)
            self._step_from = sentence_id  # F8/F9 go on from here
            self.statusBar().showMessage(
                f"{sentence_id} is excluded from matching ({s.kind.value})",
                                         5000)

    def _on_row_changed(self, current, _previous) -> None:
        key = self.proxy.key_at(current.row()) if current.isValid() else None
        self.current_key = key
        self._step_from = None
        if not self.comparison or not key:
            return
        row = self.model.rows[self.model.row_of(key)]
        self._syncing = True
        try:
            self.pane_a.view.emphasise(list(row.a_ids), scroll=bool(row.a_ids))
            self.pane_b.view.emphasise(list(row.b_ids), scroll=bool(row.b_ids))
        finally:
            self._syncing = False
        self.gutter.set_selected(key if is_pair_id(key) else None)
        self.detail.show_key(self.comparison, key)
        self._show_annotation(key)
        self._show_links(key)

    def step(self, status: Status | None, direction: int) -> None:
        """Select the next/previous row of a status (or pair) in reading order from the selected
        row, whatever its status; past the last one it wraps to the first, and says so."""
        rows = self.model.rows
        what = STEP_NAMES.get(status, "pair")
        if status is not None:
            self.filter_bar.include(status)

        def wanted(i: int) -> bool:
            if status is not None:
                return rows[i].status is status
            is_pair = bool(rows[i].a_ids and rows[i].b_ids)
            return is_pair and self._proxy_index(rows[i].key).isValid()

        start = self.model.row_of(self.current_key) if self.current_key else None
        if self._step_from is not None:
            start = step_start(rows, self._step_from, direction)
        found = step_index(len(rows), start, direction, wanted)
        if found is None:
            self.statusBar().showMessage(f"No {what} to go to.", 4000)
            return
        index, wrapped = found
        self.select_key(rows[index].key)
        if index == start:
            self.statusBar().showMessage(f"This is the only {what}.", 4000)
        elif wrapped:
            end = "first" if direction > 0 else "last"
            self.statusBar().showMessage(f"Wrapped to the {end} {what}.", 4000)

    # ------------------------------------------------------------------ scrolling
    def _sync_scroll(self, side: str) -> None:
        """Keep aligned pairs level: the pair nearest the top third of the scrolled pane is
        brought to the same height in the other pane."""
        if self._syncing or not self.comparison:
            return
        src = self.pane_a.view if side == "A" else self.pane_b.view
        dst = self.pane_b.view if side == "A" else self.pane_a.view
        starts, ids = self._anchors.get(side, ([], []))
        if not starts:
            return
        y = src.viewport().height() // 3
        top, _ = src.visible_range()
        mid = src.from_qt(src.cursorForPosition(src.viewport().rect().center()).position())
        i = max(0, bisect.bisect_right(starts, (top + mid) // 2) - 1)
        sentence = self.comparison.sentence(ids[i])
        pair = self._pairs[self._pair_of[sentence.id]]
        partner = pair.b[0] if side == "A" else pair.a[0]
        y = src.y_range(sentence.start, sentence.end)[0]
        self._syncing = True
        try:
            dst.scroll_to_offset(self.comparison.sentence(partner).start, at_y=y)
        finally:
            self._syncing = False
        self.gutter.update()

    # ------------------------------------------------------------------ misc
    def _restore_state(self) -> None:
        geometry = self.settings.state("geometry")
        place_window(self, geometry is not None and self.restoreGeometry(geometry))
        state = self.settings.state("state")
        if state is not None:
            self.restoreState(state)
        for splitter in (self.main_splitter, self.text_splitter, self.bottom_splitter):
            saved = self.settings.state(splitter.objectName())
            if saved is not None:
                splitter.restoreState(saved)
        if self.settings.state(self.text_splitter.objectName()) is None:
            QTimer.singleShot(0, lambda: set_default_splits(
                self.text_splitter, self.main_splitter, self.bottom_splitter, self.width(),
                self.height()))

    def save_state(self) -> None:
        self.settings.set_state("geometry", self.saveGeometry())
        self.settings.set_state("state", self.saveState())
        for splitter in (self.main_splitter, self.text_splitter, self.bottom_splitter):
            self.settings.set_state(splitter.objectName(), splitter.saveState())
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if not self.confirm_discard():
            event.ignore()
            return
        self.controller.discard_autosave()  # saved, discarded or clean: nothing to recover
        self.save_state()
        self.controller.runner.wait(5000)
        super().closeEvent(event)
