"""The core status table (`core.status_style.STYLES`) translated for Qt: text formats, tints and
the painted line marks that the panes and the legend both draw."""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QPainter,
    QPainterPath,
    QPalette,
    QPen,
    QPixmap,
    QTextCharFormat,
)

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


def mark_colour(status: Status, palette: QPalette) -> QColor:
    """The line's colour: the table's line ink, or on a dark base the bright fill (toned down
    where the line is meant to be quiet)."""
    st = STYLES[status]
    if _is_light(palette):
        return QColor(st.line_ink)
    c = color(status)
    c.setAlpha(255 if st.line_ink == st.ink else 130)
    return c


_TILE_WIDTH = {"wavy": 6, "double": 1, "dotted": 5, "dashed": 7}  # one period of each line
_tiles: dict[tuple[Status, float, int], QPixmap] = {}


def mark_tile(status: Status, colour: QColor, dpr: float = 1.0) -> QPixmap:
    """One period of the status's line, MARK_HEIGHT tall, drawn once and then tiled: painting
    a line costs one blit, however long it is."""
    key = (status, dpr, colour.rgba())
    tile = _tiles.get(key)
    if tile is not None:
        return tile
    st = STYLES[status]
    width = _TILE_WIDTH[st.line]
    tile = QPixmap(max(1, round(width * dpr)), round(MARK_HEIGHT * dpr))
    tile.setDevicePixelRatio(dpr)
    tile.fill(Qt.GlobalColor.transparent)
    p = QPainter(tile)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    pen = QPen(colour, st.thickness)
    if st.line == "wavy":  # three periods, so the stroke is whole at the tile's edges
        path = QPainterPath(QPointF(-width, 3.0))
        for i in range(1, 12 * width + 1):
            x = -width + i / 4
            path.lineTo(QPointF(x, 3.0 - 1.6 * math.sin(2 * math.pi * x / width)))
        p.strokePath(path, pen)
    elif st.line == "double":
        for y in (2, 5):
            p.fillRect(QRectF(0, y, width, st.thickness), colour)
    elif st.line == "dotted":
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(colour)
        p.drawEllipse(QPointF(width / 2, 3.5), st.thickness * 0.75, st.thickness * 0.75)
    elif st.line == "dashed":
        p.fillRect(QRectF(0, 3, 4, st.thickness), colour)
    p.end()
    _tiles[key] = tile
    return tile


def paint_mark(painter: QPainter, status: Status, x1: float, x2: float, baseline: float,
               palette: QPalette) -> None:
    """The status's line under text from x1 to x2, in the MARK_HEIGHT band below `baseline`."""
    if not STYLES[status].line or x2 - x1 < 1:
        return
    dpr = painter.device().devicePixelRatioF() if painter.device() else 1.0
    tile = mark_tile(status, mark_colour(status, palette), dpr)
    painter.drawTiledPixmap(QRectF(round(x1), round(baseline), round(x2 - x1), MARK_HEIGHT), tile)


def paint_outline(painter: QPainter, rect: QRectF, status: Status, palette: QPalette) -> None:
    """The frame around a line of the selected sentence: thick enough to find at a glance."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    c = ink(status) if _is_light(palette) else color(status)
    painter.setPen(QPen(c, 2.0))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRoundedRect(rect.adjusted(-1, 0, 1, 0), 3, 3)
    painter.restore()
