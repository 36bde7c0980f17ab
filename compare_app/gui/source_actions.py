"""The window's side of three or more sources: Add / Remove Source, the claims matrix tab, and
reports of every source. A mixin of MainWindow, like the session and link actions."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMenu, QTabWidget, QWidget

from ..core.reports import format_for
from ..core.reports.multi import write_multi_report
from .dialogs import document_filter, start_path
from .matrix_view import MatrixView, claim_html


class SourceActionsMixin:
    """Needs the MainWindow attributes: controller, pane_a, pane_b, statusBar, _action."""

    def _wrap_with_matrix(self, pairs_box: QWidget) -> QTabWidget:
        """The pairs table of A and B, and beside it the claims matrix of all sources."""
        self.matrix = MatrixView()
        self.matrix.claim_selected.connect(self._show_claim_in_panes)
        self.matrix.file_dropped.connect(self.controller.add_source)
        self.bottom_tabs = QTabWidget()
        self.bottom_tabs.setObjectName("bottomTabs")
        self.bottom_tabs.addTab(pairs_box, "Pairs A ↔ B")
        self.bottom_tabs.addTab(self.matrix, "Claims matrix")
        self.controller.multi_changed.connect(self._show_multi)
        self._show_multi(None)
        return self.bottom_tabs

    def _build_source_actions(self) -> list:
        a = self._action
        self.act_add_source = a("Add &Source…", self.add_source_dialog, "Ctrl+Shift+A",
                                "Add a third (or further) source: its claims join the matrix")
        self.remove_menu = QMenu("Remove Source")
        self.remove_menu.aboutToShow.connect(self._fill_remove_menu)
        return [self.act_add_source, self.remove_menu.menuAction()]

    def ask_source_path(self) -> str | None:
        """The Add Source dialog; tests replace this method."""
        path, _ = QFileDialog.getOpenFileName(self, "Add a source", start_path(
            [self.controller.path(label) for label in self.controller.labels]), document_filter())
        return path or None

    def add_source_dialog(self) -> None:
        path = self.ask_source_path()
        if path:
            self.controller.add_source(path)

    def _fill_remove_menu(self) -> None:
        self.remove_menu.clear()
        extra = [label for label in self.controller.labels if label not in ("A", "B")]
        if not extra:
            self.remove_menu.addAction("(only A and B)").setEnabled(False)
        for label in extra:
            name = Path(self.controller.path(label)).name or f"source {label}"
            self.remove_menu.addAction(f"{label}: {name}",
                                       lambda gone=label: self.controller.remove_source(gone))

    def _show_claim_notes(self) -> None:
        self.matrix.model.set_notes(self.controller.claims_resolved.by_key)

    def _show_multi(self, multi) -> None:
        grades = dict(self.controller.grades)
        self.matrix.show_multi(multi, grades)
        index = self.bottom_tabs.indexOf(self.matrix)
        self.bottom_tabs.setTabEnabled(index, multi is not None)
        self.bottom_tabs.setTabText(index, f"Claims matrix ({len(multi.documents)} sources)"
                                    if multi else "Claims matrix (add a third source)")
        if multi is None and self.bottom_tabs.currentIndex() == index:
            self.bottom_tabs.setCurrentIndex(0)

    def _show_claim_in_panes(self, cluster_id: str) -> None:
        """Scroll panes A and B to the claim's sentences, where they make it."""
        multi = self.controller.multi
        if multi is None:
            return
        cluster = multi.cluster(cluster_id)
        self.detail.setHtml(claim_html(multi, cluster))
        self._show_annotation(cluster_id)  # the verdict and note now go to this claim
        for pane, label in ((self.pane_a, "A"), (self.pane_b, "B")):
            ids = list(cluster.cell(label).sentences)
            pane.view.emphasise(ids, scroll=bool(ids))

    def export_multi(self, path: str) -> bool:
        """A report of every source: the matrix, conflicts and single-source claims."""
        c = self.controller
        write_multi_report(c.multi, path, format_for(path), dict(c.grades),
                           c.claims_resolved.by_key)
        return True
