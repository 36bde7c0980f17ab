"""The legend: each status drawn as a small sample of marked text, painted by the same code and
from the same table as the panes, so it shows exactly what the panes show."""

from __future__ import annotations

import logging

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QSizePolicy, QWidget

from ..core.models import Status
from ..core.status_style import BY_EMPHASIS, STYLES
from .style import MARK_HEIGHT, paint_mark, sentence_format

log = logging.getLogger(__name__)

_GAP = 14
_PAD = 3


class StatusLegend(QWidget):
    """One swatch per status, most important first; hovering a swatch says what it means."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.setToolTip("<br>".join(f"<b>{st.glyph} {st.label}</b>: {st.line_name} — {st.meaning}"
                                    for st in (STYLES[s] for s in BY_EMPHASIS)))

    @staticmethod
    def caption(status: Status) -> str:
        st = STYLES[status]
        return f"{st.glyph} {st.label}"

    def swatch_rects(self) -> dict[Status, QRectF]:
        """Where each status's sample text sits (its mark is drawn below it)."""
        fm = self.fontMetrics()
        x = float(_PAD)
        out = {}
        for status in BY_EMPHASIS:
            w = fm.horizontalAdvance(self.caption(status)) + 2 * _PAD
            out[status] = QRectF(x, _PAD, w, fm.height())
            x += w + _GAP
        return out

    def sizeHint(self) -> QSize:  # noqa: N802
        rects = self.swatch_rects()
        last = rects[BY_EMPHASIS[-1]]
        return QSize(int(last.right()) + _PAD, int(last.bottom()) + MARK_HEIGHT + _PAD)

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return self.sizeHint()

    def paintEvent(self, event) -> None:  # noqa: N802
        painter = QPainter(self)
        palette = self.palette()
        fm = self.fontMetrics()
        for status, rect in self.swatch_rects().items():
            fmt = sentence_format(status, palette)
            if fmt.background().style() != Qt.BrushStyle.NoBrush:
                painter.fillRect(rect, fmt.background())
            painter.setPen(fmt.foreground().color() if fmt.hasProperty(fmt.Property.ForegroundBrush)
                           else palette.text().color())
            baseline = rect.top() + fm.ascent()
            painter.drawText(QPointF(rect.left() + _PAD, baseline), self.caption(status))
            paint_mark(painter, status, rect.left() + _PAD, rect.right() - _PAD, baseline, palette)
        painter.end()
