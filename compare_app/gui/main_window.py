"""The analyst's window: two marked-up texts with a link gutter, the pairs table and the details."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QSignalBlocker, Qt, QTimer
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

from ..core.models import Comparison, Pair, Status
from ..core.session import is_session_file
from .annotation_panel import AnnotationPanel, SourcesPanel
from .controller import ComparisonController
from .detail_panel import DetailPanel
from .dialogs import document_filter, start_path
from .document_pane import DocumentPane
from .legend import StatusLegend
from .link_actions import LinkActionsMixin
from .link_gutter import LinkGutter
from .navigation import NavigationMixin
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


class MainWindow(WindowActionsMixin, SessionActionsMixin, LinkActionsMixin, SourceActionsMixin,
                 NavigationMixin, QMainWindow):
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
        self.controller.runner.cancel()  # a comparison still running has no window to show in
        self.controller.runner.wait(5000)
        super().closeEvent(event)
