"""The pairs table's status filter: "show only" toggles with an obvious pressed state.

Pressing a status shows only the rows of the pressed statuses; with none pressed, "All" is pressed
and every row shows. A pressed button is filled, bold and framed in its status colour."""

from __future__ import annotations

import logging
from collections.abc import Iterable

from PySide6.QtCore import QSignalBlocker, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QWidget

from ..core.models import Status
from .style import GLYPHS, INK_COLORS, LABELS, STATUS_COLORS

log = logging.getLogger(__name__)

PRESSED_STYLE = ("QToolButton {{ padding: 2px 6px; border: 1px solid palette(mid);"
                 " border-radius: 3px; }} QToolButton:checked {{ font-weight: bold;"
                 " border: 2px solid {ink}; background: {fill}; }}")


def _pressed_style(ink: str, fill: str) -> str:
    return PRESSED_STYLE.format(ink=ink, fill=fill)


def _translucent(hex_color: str, alpha: int = 90) -> str:
    r, g, b = (int(hex_color[i:i + 2], 16) for i in (1, 3, 5))
    return f"rgba({r}, {g}, {b}, {alpha})"


class StatusFilterBar(QWidget):
    """"Show: All | ≠ Diverge | + Unsupported | …": one-or-more statuses, or all of them."""

    changed = Signal(object)  # the set of statuses now shown

    def __init__(self, statuses: Iterable[Status], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.statuses = tuple(statuses)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(3)
        layout.addWidget(QLabel("Show:"))
        self.all_button = QToolButton()
        self.all_button.setObjectName("filter_all")
        self.all_button.setCheckable(True)
        self.all_button.setChecked(True)
        self.all_button.setToolTip("Show every row")
        self.all_button.setStyleSheet(_pressed_style("palette(highlight)", "palette(midlight)"))
        self.all_button.clicked.connect(self.show_all)
        layout.addWidget(self.all_button)
        self.buttons: dict[Status, QToolButton] = {}
        for status in self.statuses:
            button = QToolButton()
            button.setCheckable(True)
            button.setObjectName(f"filter_{status.value}")
            button.setToolTip(f"Show only {LABELS[status].lower()} rows (press several to combine; "
                              "All shows every row)")
            fill = _translucent(STATUS_COLORS[status])
            button.setStyleSheet(_pressed_style(INK_COLORS[status], fill))
            button.toggled.connect(self._on_toggled)
            self.buttons[status] = button
            layout.addWidget(button)
        self.set_counts({})

    def pressed(self) -> set[Status]:
        return {s for s, b in self.buttons.items() if b.isChecked()}

    def shown(self) -> set[Status]:
        """The statuses whose rows the table shows."""
        return self.pressed() or set(self.statuses)

    def set_counts(self, counts: dict[Status, int]) -> None:
        for status, button in self.buttons.items():
            button.setText(f"{GLYPHS[status]} {LABELS[status]} ({counts.get(status, 0)})")
        self.all_button.setText(f"All ({sum(counts.get(s, 0) for s in self.statuses)})")

    def show_all(self) -> None:
        for button in self.buttons.values():
            with QSignalBlocker(button):
                button.setChecked(False)
        self._on_toggled()

    def include(self, status: Status) -> None:
        """Make sure rows of `status` show (navigation and selection reveal what they reach)."""
        if status in self.buttons and status not in self.shown():
            self.buttons[status].setChecked(True)

    def _on_toggled(self, _checked: bool = False) -> None:
        self.all_button.setChecked(not self.pressed())
        self.changed.emit(self.shown())
