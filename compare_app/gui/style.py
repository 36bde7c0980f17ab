"""The core status table (`core.status_style.STYLES`) translated for Qt: text formats, tints and
the painted line marks that the panes and the legend both draw."""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPalette, QPen, QTextCharFormat

from ..core.models import Relation, Status
from ..core.status_style import STYLES, mix_with_white

STATUS_COLORS: dict[Status, str] = {s: st.fill for s, st in STYLES.items()}
INK_COLORS: dict[Status, str] = {s: st.ink for s, st in STYLES.items()}
GLYPHS: dict[Status, str] = {s: st.glyph for s, st in STYLES.items()}
LABELS: dict[Status, str] = {s: st.label for s, st in STYLES.items()}
UNDERLINE_NAMES: dict[Status, str] = {s: st.line_name for s, st in STYLES.items()}
MARK_HEIGHT = 6  # pixels below the baseline that a painted mark may use
SELECTED_STRENGTH = 55  # percent of the status colour in the tint of the selected sentences


def status_of_relation(relation: Relation) -> Status:
    return Status(relation.value)


def color(status: Status) -> QColor:
    return QColor(STATUS_COLORS[status])


def ink(status: Status) -> QColor:
    return QColor(INK_COLORS[status])


def _is_light(palette: QPalette) -> bool:
    return palette.base().color().lightness() > 128


def tint(status: Status, palette: QPalette, strength: int | None = None) -> QColor:
    """The status's background at `strength` percent (default: the table's); transparent when 0.
    On a dark base the colour is laid over it with the same share instead of mixed with white."""
    share = STYLES[status].strength if strength is None else strength
    if share <= 0:
        return QColor(Qt.GlobalColor.transparent)
    if _is_light(palette):
        return QColor(mix_with_white(STYLES[status].fill, share))
    c = color(status)
    c.setAlpha(min(255, round(255 * share / 100 * 1.2)))
    return c


def sentence_format(status: Status, palette: QPalette) -> QTextCharFormat:
    """Tint and text colour; the line under the text is painted by `paint_mark`."""
    fmt = QTextCharFormat()
    if status is Status.EXCLUDED:
        fmt.setForeground(palette.placeholderText().color())
    elif STYLES[status].strength:
        fmt.setBackground(tint(status, palette))
    return fmt


def selected_format(status: Status, palette: QPalette) -> QTextCharFormat:
    """The selected sentence and its partner: a much stronger tint (outlined by the pane)."""
    fmt = sentence_format(status, palette)
    if status is not Status.EXCLUDED:
        fmt.setBackground(tint(status, palette, max(SELECTED_STRENGTH, STYLES[status].strength)))
    return fmt


def mark_pen(status: Status, palette: QPalette) -> QPen:
    st = STYLES[status]
    c = QColor(st.line_ink)
    if not _is_light(palette):  # the bright fill, toned down where the light ink is quiet
        c = color(status)
        c.setAlpha(255 if st.line_ink == st.ink else 130)
    pen = QPen(c, st.thickness)
    pen.setCapStyle(Qt.PenCapStyle.FlatCap)
    return pen


def paint_mark(painter: QPainter, status: Status, x1: float, x2: float, baseline: float,
               palette: QPalette) -> None:
    """The status's line under text from x1 to x2, in the MARK_HEIGHT band below `baseline`."""
    st = STYLES[status]
    if not st.line or x2 - x1 < 1:
        return
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    pen = mark_pen(status, palette)
    if st.line == "wavy":
        _wave(painter, pen, x1, x2, baseline + 3.0, 1.6, 6.0)
    elif st.line == "double":
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        painter.setPen(pen)
        for dy in (2, 5):
            painter.drawLine(QPointF(x1, baseline + dy), QPointF(x2, baseline + dy))
    elif st.line == "dotted":
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(pen.color())
        r = st.thickness * 0.75
        x = x1 + r
        while x <= x2 - r:
            painter.drawEllipse(QPointF(x, baseline + 3.5), r, r)
            x += 4.5
    elif st.line == "dashed":
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        painter.setPen(pen)
        x = x1
        while x < x2:
            painter.drawLine(QPointF(x, baseline + 3), QPointF(min(x + 4, x2), baseline + 3))
            x += 7
    painter.restore()


def _wave(painter: QPainter, pen: QPen, x1: float, x2: float, y: float, amp: float,
          period: float) -> None:
    path = QPainterPath(QPointF(x1, y))
    steps = max(2, int((x2 - x1) / 1.5))
    for i in range(1, steps + 1):
        x = x1 + (x2 - x1) * i / steps
        path.lineTo(QPointF(x, y - amp * math.sin(2 * math.pi * (x - x1) / period)))
    painter.strokePath(path, pen)


def paint_outline(painter: QPainter, rect: QRectF, status: Status, palette: QPalette) -> None:
    """The frame around a line of the selected sentence: thick enough to find at a glance."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    c = ink(status) if _is_light(palette) else color(status)
    painter.setPen(QPen(c, 2.0))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRoundedRect(rect.adjusted(-1, 0, 1, 0), 3, 3)
    painter.restore()
