"""A thin ruler beside each pane mapping the whole document: where its divergences, agreements
and related sentences are, and which part is in view. Click to jump there."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, QSize, Qt, QTimer
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPixmap
from PySide6.QtWidgets import QWidget

from ..core.models import Status
from ..core.status_style import STYLES
from .style import ink

if TYPE_CHECKING:  # the pane builds the ruler
    from .document_pane import DocumentView

log = logging.getLogger(__name__)

# Non-colour cue as well: the more it matters, the longer and thicker the tick.
TICKS: dict[Status, tuple[float, float]] = {  # status: (share of the width, height in pixels)
    Status.DIVERGE: (1.0, 4.0),
    Status.AGREE: (0.7, 2.0),
    Status.RELATED: (0.4, 2.0),
}


class OverviewRuler(QWidget):
    """Ticks at each marked sentence's place in the document, the visible part shaded."""

    def __init__(self, view: DocumentView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = view
        self.setFixedWidth(12)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip("Where the document's divergences (long ticks), agreements and related "
                        "sentences are; the shaded part is in view. Click to go there.")
        self._ticks_key: tuple | None = None  # what the cached tick image was drawn for
        self._ticks_image = QPixmap()
        self._redraw = QTimer(self)  # while the range settles (scrolling lays out far blocks)
        self._redraw.setSingleShot(True)  # the old ticks stay up; redraw once it is quiet
        self._redraw.setInterval(150)
        self._redraw.timeout.connect(self.invalidate)
        bar = view.verticalScrollBar()
        bar.valueChanged.connect(self.update)
        bar.rangeChanged.connect(lambda *_: self.update())

    def invalidate(self) -> None:
        """The document or its statuses changed: draw the ticks anew."""
        self._ticks_key = None
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(12, 100)

    def _total_lines(self) -> int:
        bar = self.view.verticalScrollBar()
        return max(1, bar.maximum() + bar.pageStep())

    def line_of(self, position: int) -> int:
        """The visual line (as the scroll bar counts them) at a Qt position."""
        block = self.view.document().findBlock(position)
        line = block.firstLineNumber()
        layout = block.layout()
        if layout is not None and layout.lineCount():
            line += max(0, layout.lineForTextPosition(position - block.position()).lineNumber())
        return line

    def ticks(self) -> list[tuple[float, Status]]:
        """(fraction of the document, status) of each sentence that gets a tick."""
        total = self._total_lines()
        return [(min(1.0, self.line_of(start) / total), status)
                for start, _, status in self.view.highlighter.spans if status in TICKS]

    def _tick_image(self) -> QPixmap:
        """The ticks, drawn once per document, size and layout (not on every scroll step)."""
        bar = self.view.verticalScrollBar()
        dpr = self.devicePixelRatioF()
        key = (bar.maximum(), bar.pageStep(), self.width(), self.height(), dpr)
        if key == self._ticks_key:
            return self._ticks_image
        if self._ticks_key is not None and key[1:] == self._ticks_key[1:]:
            self._redraw.start()  # only the range moved
            return self._ticks_image
        image = QPixmap(max(1, round(self.width() * dpr)), max(1, round(self.height() * dpr)))
        image.setDevicePixelRatio(dpr)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        w, h = float(self.width()), float(self.height())
        for fraction, status in sorted(self.ticks(), key=lambda t: -STYLES[t[1]].rank):
            share, height = TICKS[status]
            painter.fillRect(QRectF(w * (1 - share), min(h - height, fraction * h), w * share,
                                    height), ink(status))
        painter.end()
        self._ticks_key, self._ticks_image = key, image
        return image

    def paintEvent(self, event) -> None:  # noqa: N802
        painter = QPainter(self)
        palette = self.palette()
        painter.fillRect(self.rect(), palette.alternateBase())
        bar = self.view.verticalScrollBar()
        total = self._total_lines()
        shade = QColor(palette.text().color())
        shade.setAlpha(40)
        h = float(self.height())
        painter.fillRect(QRectF(0, h * bar.value() / total, self.width(),
                                max(3.0, h * bar.pageStep() / total)), shade)
        painter.drawPixmap(0, 0, self._tick_image())
        painter.end()

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        bar = self.view.verticalScrollBar()
        line = event.position().y() / max(1, self.height()) * self._total_lines()
        bar.setValue(round(line - bar.pageStep() / 2))
        event.accept()
