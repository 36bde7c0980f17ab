"""Fitting the window to the screen it opens on: its size and place, the first splitter layout and
the pairs table's columns, so a 1366×768 laptop shows text, every column and the details."""

from __future__ import annotations

import logging

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QHeaderView, QSplitter, QTableView, QWidget

log = logging.getLogger(__name__)

DEFAULT_SIZE = QSize(1400, 900)
FRAME_ALLOWANCE = QSize(16, 40)  # title bar and borders the window manager adds around the window


def available_geometry(widget: QWidget | None = None) -> QRect:
    """The usable area (no task bars) of the widget's screen, else of the primary screen."""
    screen = widget.screen() if widget is not None else None
    screen = screen or QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen else QRect(0, 0, 1366, 768)


def fit_rect(wanted: QRect, available: QRect, frame: QSize = FRAME_ALLOWANCE) -> QRect:
    """`wanted` shrunk so that it and its frame fit in `available`, and moved inside it."""
    width = max(1, min(wanted.width(), available.width() - frame.width()))
    height = max(1, min(wanted.height(), available.height() - frame.height()))
    left = min(max(wanted.left(), available.left()), available.right() + 1 - width - frame.width())
    top = min(max(wanted.top(), available.top()), available.bottom() + 1 - height - frame.height())
    return QRect(max(left, available.left()), max(top, available.top()), width, height)


def initial_rect(available: QRect, size: QSize = DEFAULT_SIZE) -> QRect:
    """The default window, centred in the available area and no larger than it."""
    fitted = fit_rect(QRect(0, 0, size.width(), size.height()), available)
    fitted.moveCenter(available.center())
    return fit_rect(fitted, available)


def place_window(window: QWidget, restored: bool) -> None:
    """Open at the default size, or keep a restored geometry, always within the screen."""
    available = available_geometry(window)
    rect = fit_rect(window.geometry(), available) if restored else initial_rect(available)
    window.setGeometry(rect)


def fit_table_columns(table: QTableView, stretch: tuple[int, ...] = (1, 2, 4)) -> None:
    """Short columns (status, score, verdict) sized to their content and the long text columns
    sharing the rest, so every column is on screen and long texts are elided, not scrolled."""
    header = table.horizontalHeader()
    fm = table.fontMetrics()
    header.setStretchLastSection(False)
    header.setMinimumSectionSize(fm.horizontalAdvance("Score") + 12)
    for col in range(header.count()):
        mode = (QHeaderView.ResizeMode.Stretch if col in stretch
                else QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(col, mode)
    widths = {0: fm.horizontalAdvance("≠ Unsupported") + 16, 3: fm.horizontalAdvance("100.0") + 16,
              5: fm.horizontalAdvance("Disputed ✎ #tag") + 16}
    for col, width in widths.items():
        if col < header.count():
            table.setColumnWidth(col, width)
    table.verticalHeader().setDefaultSectionSize(fm.height() + 8)


def set_default_splits(text: QSplitter, main: QSplitter, bottom: QSplitter, width: int,
                       height: int) -> None:
    """The first layout, in proportion to the window: the texts get most of the height, the
    details panel a third of the width below so its lines need not wrap word by word."""
    gutter = 60
    pane = max(100, (width - gutter) // 2)
    text.setSizes([pane, gutter, pane])
    main.setSizes([round(height * 0.58), round(height * 0.42)])
    table, side = (max(round(width * share), bottom.widget(i).minimumSizeHint().width())
                   for i, share in ((0, 0.44), (2, 0.22)))
    bottom.setSizes([table, max(150, width - table - side), side])
