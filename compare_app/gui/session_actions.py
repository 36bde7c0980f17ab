"""The window's analyst actions: annotation display, sessions, export and the unsaved prompt.

A mixin of MainWindow, kept apart so the window module stays about layout and navigation."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox

from ..core.autosave import Recovery, discard
from ..core.ids import is_claim_id
from ..core.reports import ReportInput, write_report
from ..core.session import SESSION_SUFFIX
from .dialogs import report_filter
from .style import LABELS


class SessionActionsMixin:
    """Needs the MainWindow attributes: controller, model, panes, panels, message_bar."""

    # ------------------------------------------------------------------ annotations
    def _show_annotation(self, key: str | None) -> None:
        title = "Select a pair or an unsupported sentence to record a verdict."
        multi = self.controller.multi
        if key and is_claim_id(key) and multi is not None:
            claim = multi.cluster(key)
            title = f"<b>{key}</b> · claim of {claim.support} of {len(multi.documents)} sources"
        elif key and self.comparison:
            row = self.model.rows[self.model.row_of(key)]
            title = f"<b>{key}</b> · {LABELS[row.status]}"
        self.annotation_panel.show_row(key, title, self.controller.annotation(key) if key else None)

    def _on_annotations_changed(self) -> None:
        c = self.controller
        self.model.set_notes(c.resolved.by_key)
        if self.comparison:
            rows = [self.model.rows[i] for i in map(self.model.row_of, c.resolved.by_key)
                    if i is not None]
            ids = {sid for row in rows for sid in row.a_ids + row.b_ids}
            self.pane_a.view.set_markers({i for i in ids if i.startswith("A")})
            self.pane_b.view.set_markers({i for i in ids if i.startswith("B")})
            docs = c.multi.documents if c.multi else (self.comparison.a, self.comparison.b)
            self.sources_panel.show_grades(c.grades, {d.label: d.title for d in docs})
        key = self.annotation_panel.key
        if key == self.current_key or (key and is_claim_id(key) and c.multi is not None
                                       and any(x.id == key for x in c.multi.clusters)):
            self._show_annotation(key)
        self._show_claim_notes()
        self.orphans.clear()
        for note in c.resolved.orphans:
            text = " / ".join(a.text for a in note.anchors)
            label = note.verdict.label if note.verdict.value else "no verdict"
            self.orphans.addItem(f"[{label}] {note.note or '(no note)'} — was on: {text}")
        self.side_tabs.setTabText(2, f"Orphans ({len(c.resolved.orphans)})")
        self._update_title()

    def _update_title(self) -> None:
        if not self.comparison:
            return
        star = "*" if self.controller.dirty else ""
        session = Path(self.controller.session_path).name if self.controller.session_path else ""
        where = f" [{session}]" if session else ""
        self.setWindowTitle(f"{star}{self.comparison.a.title} ↔ {self.comparison.b.title}{where}"
                            " — compare-app")

    # ------------------------------------------------------------------ sessions and export
    def ask_session_path(self, saving: bool) -> str | None:
        """The session file dialog; tests replace this method."""
        caption = "Save session" if saving else "Open session"
        pattern = f"compare-app sessions (*{SESSION_SUFFIX});;All files (*)"
        if saving:
            name = Path(self.controller.session_path or "comparison" + SESSION_SUFFIX).name
            path, _ = QFileDialog.getSaveFileName(self, caption, self.dialog_start("session", name),
                                                  pattern)
            if path and not Path(path).suffix:
                path += SESSION_SUFFIX
        else:
            start = self.dialog_start("session")
            path, _ = QFileDialog.getOpenFileName(self, caption, start, pattern)
        return path or None

    def open_session_dialog(self) -> None:
        if not self.confirm_discard():
            return
        path = self.ask_session_path(saving=False)
        if path:
            self.message_bar.dismiss()
            self.controller.open_session(path)

    def save_session(self, ask: bool = False) -> bool:
        self.annotation_panel.commit_note()
        path = self.controller.session_path
        if ask or not path:
            path = self.ask_session_path(saving=True)
            if not path:
                return False
        return self.controller.save_session(path)

    def ask_export_path(self) -> str | None:
        """The export dialog; tests replace this method."""
        path, _ = QFileDialog.getSaveFileName(
            self, "Export report", self.dialog_start("session", "comparison-report.html"),
            report_filter())
        return path or None

    def export_dialog(self) -> None:
        if not self.comparison:
            return
        path = self.ask_export_path()
        if path:
            self.export_report(path)

    def export_report(self, path: str) -> bool:
        self.annotation_panel.commit_note()
        c = self.controller
        report = ReportInput(self.comparison, c.annotations, dict(c.grades),
                             corrections=c.corrections)
        try:
            if c.multi is not None:  # three or more sources: the corroboration report
                self.export_multi(path)
                fmt = Path(path).suffix.lstrip(".") or "html"
            else:
                fmt = write_report(report, path)
        except (OSError, ValueError, RuntimeError) as err:
            self.show_error(f"{path}: cannot export the report ({err})")
            return False
        self.statusBar().showMessage(f"Exported {fmt.upper()} report to {path}", 6000)
        return True

    def ask_save_changes(self) -> str:
        """'save', 'discard' or 'cancel'; tests replace this method."""
        answer = QMessageBox.question(
            self, "Unsaved changes", "The annotations have unsaved changes. Save the session?",
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Save)
        return {QMessageBox.StandardButton.Save: "save",
                QMessageBox.StandardButton.Discard: "discard"}.get(answer, "cancel")

    def confirm_discard(self) -> bool:
        """True when it is fine to replace the current work: it is saved, or the analyst saved
        it now, or chose to discard it (then the session file stays as last saved and the
        autosave copy goes)."""
        self.annotation_panel.commit_note()
        c = self.controller
        if not c.dirty:
            return True
        c.pause_autosave()
        choice = self.ask_save_changes()
        if choice == "save" and self.save_session():
            return True
        if choice == "discard":
            c.discard_autosave()
            return True
        c.resume_autosave()
        return False

    def ask_recover(self, description: str) -> str:
        """'recover', 'discard' or 'keep' for one autosave; tests replace this method."""
        box = QMessageBox(QMessageBox.Icon.Question, "Recover unsaved work",
                          f"Recover unsaved work on {description}?", parent=self)
        recover = box.addButton("Recover", QMessageBox.ButtonRole.AcceptRole)
        drop = box.addButton("Discard", QMessageBox.ButtonRole.DestructiveRole)
        box.addButton("Not now", QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(recover)
        box.exec()
        return {recover: "recover", drop: "discard"}.get(box.clickedButton(), "keep")

    def offer_recovery(self, recoveries: list[Recovery]) -> bool:
        """Ask about each autosave left by a session that did not end normally, newest first;
        True when one was recovered (the others wait for the next start)."""
        for recovery in recoveries:
            choice = self.ask_recover(recovery.description)
            if choice == "recover":
                self.message_bar.dismiss()
                self.controller.open_recovery(recovery)
                return True
            if choice == "discard":
                discard(recovery.path)
        return False

