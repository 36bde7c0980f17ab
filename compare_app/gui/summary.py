"""The summary strip and the in-window message bar."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QWidget

from ..core.models import Comparison, Status
from ..core.serialize import support_share
from .style import GLYPHS, INK_COLORS


def summary_text(c: Comparison) -> str:
    """Counts per status and how much of each document the other supports."""
    s = c.summary

    def chip(status: Status, text: str) -> str:
        return f"<span style='color:{INK_COLORS[status]}'><b>{GLYPHS[status]} {text}</b></span>"

    parts = [chip(Status.AGREE, f"{s.agree} agree"), chip(Status.DIVERGE, f"{s.diverge} diverge"),
             chip(Status.RELATED, f"{s.related} related"),
             chip(Status.UNSUPPORTED, f"{s.unsupported['A']} only in A, "
                                      f"{s.unsupported['B']} only in B"),
             chip(Status.EXCLUDED, f"{s.excluded['A'] + s.excluded['B']} excluded")]
    shares = []
    for label in ("A", "B"):
        got, total = support_share(c, label)
        pct = round(100 * got / total) if total else 0
        shares.append(f"{label}: {pct}% of {total} units matched in the other source")
    return " · ".join(parts) + f"<br><small>{escape('; '.join(shares))}</small>"


class MessageBar(QFrame):
    """A dismissible banner for errors and notices: visible without blocking the window."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("messageBar")
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        close = QToolButton()
        close.setText("✕")
        close.setToolTip("Dismiss")
        close.clicked.connect(self.dismiss)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 4, 4)
        layout.addWidget(self.label, 1)
        layout.addWidget(close)
        self.error = False
        self.hide()

    def show_message(self, text: str, *, error: bool) -> None:
        self.error = error
        colour = "#D55E00" if error else "#0072B2"
        self.setStyleSheet(f"#messageBar {{ border: 1px solid {colour}; border-left: 6px solid "
                           f"{colour}; border-radius: 3px; }}")
        self.label.setText(("Error: " if error else "") + text)
        self.show()

    def dismiss(self) -> None:
        self.label.clear()
        self.hide()

    def text(self) -> str:
        return self.label.text() if self.isVisible() else ""
