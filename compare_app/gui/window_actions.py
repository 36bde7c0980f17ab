"""The window's actions, menus and toolbar, and the small commands they run (zoom, search,
help). A mixin of MainWindow, so the window module stays about layout, results and navigation."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QAction, QFont, QKeySequence
from PySide6.QtWidgets import QApplication, QDoubleSpinBox, QLabel, QMessageBox

from .. import __version__
from ..core.models import Status
from .dialogs import ShortcutsDialog, report_labels
from .shortcut_keeper import ShortcutKeeper


class WindowActionsMixin:
    """Needs the MainWindow attributes: controller, settings, panes, search and its commands."""

    def _action(self, text: str, slot, shortcut=None, tip: str | None = None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        action.setToolTip(f"{tip or text.replace('…', '').replace('&', '')}"
                          + (f" ({keys})" if keys else ""))
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        a = self._action
        self.act_open_a = a("Open &A…", lambda: self.open_dialog("A"),
                            QKeySequence.StandardKey.Open, "Open document A")
        self.act_open_b = a("Open &B…", lambda: self.open_dialog("B"), "Ctrl+Shift+O",
                            "Open document B")
        self.act_paste_a = a("Paste as A", lambda: self.paste("A"), "Ctrl+Alt+V",
                             "Use the clipboard text as document A")
        self.act_paste_b = a("Paste as B", lambda: self.paste("B"), "Ctrl+Shift+V",
                             "Use the clipboard text as document B")
        self.act_swap = a("&Swap Sides", self.controller.swap, "Ctrl+Shift+X", "Swap A and B")
        self.act_reload = a("&Reload", self.controller.reload, QKeySequence.StandardKey.Refresh,
                            "Reload both files from disk")
        self.act_quit = a("&Quit", self.close, QKeySequence.StandardKey.Quit)
        self.act_find = a("&Find", self.focus_search, QKeySequence.StandardKey.Find,
                          "Search the pairs table")
        self.act_next_div = a("Next &Divergence", lambda: self.step(Status.DIVERGE, 1), "F8")
        self.act_prev_div = a("Previous Divergence", lambda: self.step(Status.DIVERGE, -1),
                              "Shift+F8")
        self.act_next_uns = a("Next &Unsupported Claim",
                              lambda: self.step(Status.UNSUPPORTED, 1), "F9")
        self.act_prev_uns = a("Previous Unsupported Claim",
                              lambda: self.step(Status.UNSUPPORTED, -1), "Shift+F9")
        self.act_next_pair = a("Next &Pair", lambda: self.step(None, 1), "Alt+Down")
        self.act_prev_pair = a("Previous Pair", lambda: self.step(None, -1), "Alt+Up")
        self.act_zoom_in = a("Zoom &In", lambda: self.zoom(1), QKeySequence.StandardKey.ZoomIn)
        self.act_zoom_out = a("Zoom &Out", lambda: self.zoom(-1), QKeySequence.StandardKey.ZoomOut)
        self.act_zoom_reset = a("Reset Zoom", lambda: self.zoom(0), "Ctrl+0")
        self.act_open_session = a("Open &Session…", self.open_session_dialog, "Ctrl+Alt+O",
                                  "Open a saved comparison session")
        self.act_save = a("&Save Session", self.save_session, QKeySequence.StandardKey.Save,
                          "Save the session: both texts, settings and annotations")
        self.act_save_as = a("Save Session &As…", lambda: self.save_session(ask=True),
                             QKeySequence.StandardKey.SaveAs)
        self.act_export = a("&Export Report…", self.export_dialog, "Ctrl+E",
                            f"Export a report ({report_labels()})")
        self.act_undo = a("&Undo", lambda: self._undo_redo(True), QKeySequence.StandardKey.Undo,
                          "Undo the last annotation edit")
        self.act_redo = a("&Redo", lambda: self._undo_redo(False), QKeySequence.StandardKey.Redo,
                          "Redo the annotation edit")
        stack = self.controller.undo_stack
        stack.canUndoChanged.connect(self.act_undo.setEnabled)
        stack.canRedoChanged.connect(self.act_redo.setEnabled)
        stack.undoTextChanged.connect(lambda t: self.act_undo.setText(f"&Undo {t}".strip()))
        stack.redoTextChanged.connect(lambda t: self.act_redo.setText(f"&Redo {t}".strip()))
        self.act_undo.setEnabled(False)
        self.act_redo.setEnabled(False)
        self.act_cancel = a("Cancel Comparison", self.controller.cancel, "Esc",
                            "Stop the comparison that is running")
        self.act_cancel.setEnabled(False)
        self.act_shortcuts = a("&Keyboard Shortcuts", self.show_shortcuts, "Ctrl+/")
        self.act_about = a("&About compare-app", self.show_about)
        self.shortcut_keeper = ShortcutKeeper(self, [self.act_export.shortcut()])

    def _build_menus_and_toolbar(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        file_menu.addActions([self.act_open_a, self.act_open_b])
        self.recent_menu = file_menu.addMenu("Open &Recent")
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        file_menu.addSeparator()
        file_menu.addActions([self.act_open_session, self.act_save, self.act_save_as,
                              self.act_export])
        file_menu.addSeparator()
        file_menu.addActions([self.act_paste_a, self.act_paste_b])
        file_menu.addSeparator()
        file_menu.addActions([self.act_reload, self.act_swap])
        file_menu.addSeparator()
        file_menu.addAction(self.act_quit)
        edit_menu = bar.addMenu("&Edit")
        edit_menu.addActions([self.act_undo, self.act_redo])
        edit_menu.addSeparator()
        edit_menu.addAction(self.act_find)
        view_menu = bar.addMenu("&View")
        view_menu.addActions([self.act_zoom_in, self.act_zoom_out, self.act_zoom_reset])
        nav_menu = bar.addMenu("&Navigate")
        nav_menu.addActions([self.act_next_div, self.act_prev_div])
        nav_menu.addSeparator()
        nav_menu.addActions([self.act_next_uns, self.act_prev_uns])
        nav_menu.addSeparator()
        nav_menu.addActions([self.act_next_pair, self.act_prev_pair])
        sources_menu = bar.addMenu("&Sources")
        for item in self._build_source_actions():
            sources_menu.addAction(item)
        links_menu = bar.addMenu("&Links")
        links_menu.addActions(self._build_link_actions())
        help_menu = bar.addMenu("&Help")
        help_menu.addActions([self.act_shortcuts, self.act_about])

        for action, short in ((self.act_prev_div, "↑ Divergence"),
                              (self.act_next_div, "↓ Divergence"),
                              (self.act_prev_uns, "↑ Unsupported"),
                              (self.act_next_uns, "↓ Unsupported"),
                              (self.act_prev_pair, "↑ Pair"), (self.act_next_pair, "↓ Pair"),
                              (self.act_paste_b, "Paste")):
            action.setIconText(short)
        tools = self.addToolBar("Main")
        tools.setObjectName("mainToolbar")
        tools.addActions([self.act_open_a, self.act_open_b, self.act_paste_b, self.act_swap,
                          self.act_reload])
        tools.addSeparator()
        tools.addActions([self.act_prev_div, self.act_next_div, self.act_prev_uns,
                          self.act_next_uns, self.act_prev_pair, self.act_next_pair])
        tools.addSeparator()
        tools.addWidget(QLabel(" Match sensitivity "))
        self.threshold = QDoubleSpinBox()
        self.threshold.setObjectName("threshold")
        self.threshold.setRange(5, 95)
        self.threshold.setSingleStep(5)
        self.threshold.setDecimals(0)
        self.threshold.setKeyboardTracking(True)  # typing re-compares once it pauses (controller)
        self.threshold.setValue(self.controller.options.threshold)
        self.threshold.setToolTip("The estimated chance, in percent, that two sentences make the "
                                  "same claim, below which they are not linked: lower links "
                                  "more, and looser, sentences")
        tools.addWidget(self.threshold)
        self.threshold_state = QLabel()
        self.threshold_state.setObjectName("thresholdState")
        self.threshold_state.setToolTip("The sensitivity the results on screen were computed at")
        tools.addWidget(self.threshold_state)

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        files = self.settings.recent_files()
        if not files:
            self.recent_menu.addAction("(none)").setEnabled(False)
            return
        for path in files:
            menu = self.recent_menu.addMenu(Path(path).name)
            menu.setToolTip(path)
            menu.addAction("Open as A", lambda p=path: self.open_path("A", p))
            menu.addAction("Open as B", lambda p=path: self.open_path("B", p))
        self.recent_menu.addSeparator()
        self.recent_menu.addAction("Clear List", self.settings.clear_recent)

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def zoom(self, step: int) -> None:
        for view in (self.pane_a.view, self.pane_b.view):
            if step == 0:
                font = QFont(view.font())  # keeps the fallback families for other scripts
                font.setPointSizeF(QApplication.font().pointSizeF())
                view.setFont(font)
            elif step > 0:
                view.zoomIn(1)
            else:
                view.zoomOut(1)
        self.gutter.update()

    def show_shortcuts(self) -> None:
        self._shortcuts = ShortcutsDialog(self.actions(), self)
        self._shortcuts.show()

    def show_about(self) -> None:
        QMessageBox.about(self, "About compare-app",
                          f"<b>compare-app {__version__}</b><p>Claim-level comparison of two "
                          "sources: what agrees, what diverges and why, and what only one "
                          "source says.</p><p>Built with PySide6, rapidfuzz and difflib.</p>")
