"""Window shortcuts that work whatever widget has focus.

Under X11, Qt's line and text edits claim Ctrl+E for themselves (Emacs' end of line) through a
ShortcutOverride, so a window action on Ctrl+E fires only while no text field has focus. The keeper
follows the focus within its window and declines the override for the keys it keeps."""

from __future__ import annotations

import logging
from collections.abc import Iterable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QWidget

log = logging.getLogger(__name__)


class ShortcutKeeper(QObject):
    """Sits on the focused widget of `window` and leaves `sequences` to the window's actions."""

    def __init__(self, window: QWidget, sequences: Iterable[QKeySequence]) -> None:
        super().__init__(window)
        self._window = window
        self._keys = {seq[0].toCombined() for seq in sequences if not seq.isEmpty()}
        self._watched: QWidget | None = None
        app = QApplication.instance()
        app.focusChanged.connect(self._on_focus_changed)
        self._on_focus_changed(None, app.focusWidget())

    def _on_focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if self._watched is not None:
            try:
                self._watched.removeEventFilter(self)
            except RuntimeError:  # the widget is already gone
                pass
            self._watched = None
        if new is not None and new.window() is self._window:
            new.installEventFilter(self)  # installed last, it runs before the widget's own filters
            self._watched = new

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent)
                and event.keyCombination().toCombined() in self._keys):
            event.ignore()  # not the widget's key: the shortcut map gets it
            return True
        return False
