"""The status bar's progress bar and Cancel button, shown while a comparison runs."""

from __future__ import annotations

import logging

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QProgressBar, QToolButton, QWidget

log = logging.getLogger(__name__)


class ComparisonProgress(QWidget):
    """How far the running comparison has come, and a button to stop it."""

    cancel_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bar = QProgressBar()
        self.bar.setMaximumWidth(180)
        self.bar.setTextVisible(False)
        self.bar.setAccessibleName("Comparison progress")
        self.cancel_button = QToolButton()
        self.cancel_button.setObjectName("cancelComparison")
        self.cancel_button.setText("Cancel")
        self.cancel_button.setToolTip("Stop this comparison (Esc); what was shown before stays")
        self.cancel_button.clicked.connect(self.cancel_requested)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.bar)
        layout.addWidget(self.cancel_button)
        self.hide()

    def set_busy(self, busy: bool) -> None:
        self.setVisible(busy)
        if busy:
            self.bar.setRange(0, 0)  # busy indicator until the first progress report

    def set_progress(self, done: int, total: int) -> None:
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done)
