"""The band strip between the panes: each aligned pair drawn as a band from its A sentences to
its B sentences, coloured by relation (Meld's link map is the model)."""

from __future__ import annotations

import logging

from PySide6.QtCore import QPoint, QPointF, QRectF, QSize
from PySide6.QtGui import QFont, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QWidget

from ..core.models import Comparison, Pair
from .document_pane import DocumentView
from .style import GLYPHS, SELECTED_STRENGTH, color, ink, status_of_relation, tint

log = logging.getLogger(__name__)


class LinkGutter(QWidget):
    """Repaints on scroll of either view; only pairs visible on one side or the other are drawn."""

    def __init__(self, left: DocumentView, right: DocumentView,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.left, self.right = left, right
        self.comparison: Comparison | None = None
        self._spans: list[tuple[Pair, int, int, int, int]] = []
        self.selected: str | None = None
        self.setMinimumWidth(36)
        for view in (left, right):
            view.verticalScrollBar().valueChanged.connect(self.update)
            view.updateRequest.connect(lambda *_: self.update())

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(56, 200)

    def set_comparison(self, comparison: Comparison | None) -> None:
        self.comparison = comparison
        self._spans = []
        if comparison:
            for p in comparison.pairs:
                a = [comparison.sentence(i) for i in p.a]
                b = [comparison.sentence(i) for i in p.b]
                self._spans.append((p, a[0].start, a[-1].end, b[0].start, b[-1].end))
        self.update()

    def set_selected(self, pair_id: str | None) -> None:
        self.selected = pair_id
        self.update()

    def _to_local(self, view: DocumentView, y: int) -> float:
        return float(self.mapFromGlobal(view.viewport().mapToGlobal(QPoint(0, y))).y())

    def visible_pairs(self) -> list[tuple[Pair, float, float, float, float]]:
        """Pairs with a side in view, as (pair, a_top, a_bottom, b_top, b_bottom) in local y."""
        if not self._spans:
            return []
        la, lb = self.left.visible_range()
        ra, rb = self.right.visible_range()
        out = []
        for pair, a0, a1, b0, b1 in self._spans:
            if not (a1 >= la and a0 <= lb) and not (b1 >= ra and b0 <= rb):
                continue  # neither side on screen
            ya = self.left.y_range(a0, a1)
            yb = self.right.y_range(b0, b1)
            out.append((pair, self._to_local(self.left, ya[0]), self._to_local(self.left, ya[1]),
                        self._to_local(self.right, yb[0]), self._to_local(self.right, yb[1])))
        return out

    def text_area(self) -> QRectF:
        """The band of the gutter level with both text viewports: the pane headers (title and
        file name) are above it, and nothing is painted outside it."""
        tops, bottoms = [], []
        for view in (self.left, self.right):
            port = view.viewport()
            tops.append(self._to_local(view, 0))
            bottoms.append(self._to_local(view, port.height()))
        top, bottom = max(0.0, *tops), min(float(self.height()), *bottoms)
        return QRectF(0, top, self.width(), max(0.0, bottom - top))

    def paintEvent(self, event) -> None:  # noqa: N802
        area = self.text_area()
        if area.isEmpty():
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setClipRect(area)
        w = float(self.width())
        h = float(self.height())
        bold = QFont(self.font())
        bold.setBold(True)
        chosen_band = None
        for band in self.visible_pairs():
            if band[0].id == self.selected:
                chosen_band = band  # drawn last, on top of its neighbours
            else:
                self._paint_band(painter, band, w, h, chosen=False)
        if chosen_band is not None:
            painter.setFont(bold)
            self._paint_band(painter, chosen_band, w, h, chosen=True)
        painter.end()

    def _paint_band(self, painter: QPainter, band: tuple[Pair, float, float, float, float],
                    w: float, h: float, *, chosen: bool) -> None:
        pair, at, ab, bt, bb = band
        if max(at, ab, bt, bb) < -h or min(at, ab, bt, bb) > 2 * h:
            return
        status = status_of_relation(pair.relation)
        path = QPainterPath(QPointF(0, at))
        path.cubicTo(QPointF(w / 2, at), QPointF(w / 2, bt), QPointF(w, bt))
        path.lineTo(QPointF(w, bb))
        path.cubicTo(QPointF(w / 2, bb), QPointF(w / 2, ab), QPointF(0, ab))
        path.closeSubpath()
        palette = self.palette()
        fill = tint(status, palette, SELECTED_STRENGTH if chosen else None)
        if not fill.alpha():
            fill = tint(status, palette, 20)
        painter.fillPath(path, fill)
        painter.setPen(QPen(ink(status), 2.5) if chosen else QPen(color(status), 1.0))
        painter.drawPath(path)
        mid = (at + ab + bt + bb) / 4
        painter.setPen(self.palette().text().color())
        painter.drawText(QPointF(w / 2 - 4, mid + 4), GLYPHS[status])

    def pair_at(self, y: float) -> str | None:
        area = self.text_area()
        if not area.top() <= y <= area.bottom():
            return None
        for pair, at, ab, bt, bb in self.visible_pairs():
            if min(at, bt) <= y <= max(ab, bb):
                return pair.id
        return None

    def mousePressEvent(self, event) -> None:  # noqa: N802
        pid = self.pair_at(event.position().y())
        if pid and hasattr(self.parent(), "window"):
            self.window().select_pair(pid)  # type: ignore[attr-defined]
        super().mousePressEvent(event)
