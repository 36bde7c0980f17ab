"""PDF reports through Qt's own PDF writer: the HTML report laid out by QTextDocument.

A Qt adapter: `compare_app.qt.install()` registers it with the core's report registry. It works
without a window: if no QGuiApplication exists, one is created (on the offscreen platform when
there is no display).
"""

from __future__ import annotations

import logging
import os
import sys

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QGuiApplication,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextBlock,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextFrame,
)

from .. import __version__
from ..core.atomic import write_bytes_atomic
from ..core.reports import ReportError, ReportInput, html_report, title_of
from ..core.status_style import STYLES
from .fonts import with_fallbacks

log = logging.getLogger(__name__)

MARGIN_MM = 15.0
FOOTER_MM = 7.0
BASE_POINT_SIZE = 9.0
_app: QGuiApplication | None = None  # kept alive when this module had to create it

# Qt's HTML importer only knows plain underlines; the report marks each status by underline colour,
# and this map restores the window's styles from it.
_QT_LINES = {"double": QTextCharFormat.UnderlineStyle.SingleUnderline,  # Qt has no double line
             "wavy": QTextCharFormat.UnderlineStyle.WaveUnderline,
             "dotted": QTextCharFormat.UnderlineStyle.DotLine,
             "dashed": QTextCharFormat.UnderlineStyle.DashUnderline}
_STYLE_OF_INK = {QColor(st.line_ink).rgb(): _QT_LINES[st.line]
                 for st in STYLES.values() if st.line}


def ensure_app() -> QGuiApplication:
    """The running QGuiApplication, or a new one (offscreen when no display is configured)."""
    global _app
    app = QGuiApplication.instance()
    if app is not None:
        if not isinstance(app, QGuiApplication):
            raise ReportError("PDF reports need a QGuiApplication; a plain QCoreApplication runs")
        return app
    if not any(os.environ.get(k) for k in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    _app = QGuiApplication([sys.argv[0] if sys.argv and sys.argv[0] else "compare-app"])
    return _app


def restyle_underlines(doc: QTextDocument) -> int:
    """Give each status its own underline (wavy, dotted, dashed), keyed by underline colour."""
    changes: list[tuple[int, int, QTextCharFormat.UnderlineStyle]] = []
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            frag = it.fragment()
            fmt = frag.charFormat()
            style = _STYLE_OF_INK.get(fmt.underlineColor().rgb()) if fmt.fontUnderline() else None
            if style is not None and style != fmt.underlineStyle():
                changes.append((frag.position(), frag.length(), style))
            it += 1
        block = block.next()
    cursor = QTextCursor(doc)
    cursor.beginEditBlock()  # one relayout at the end, not one per sentence
    for start, length, style in changes:
        cursor.setPosition(start)
        cursor.setPosition(start + length, QTextCursor.MoveMode.KeepAnchor)
        change = QTextCharFormat()
        change.setUnderlineStyle(style)
        cursor.mergeCharFormat(change)
    cursor.endEditBlock()
    return len(changes)


def _page_of(y: float, page_height: float) -> int:
    return int(y // page_height)


def _start_of_group(doc: QTextDocument, frame: QTextFrame) -> QTextBlock | None:
    """The heading (or headings) right above a table, which should move with it."""
    block = doc.findBlock(frame.firstPosition() - 1)
    first = None
    while block.isValid() and (block.blockFormat().headingLevel() > 0 or not block.text().strip()):
        if block.blockFormat().headingLevel() > 0:
            first = block
        block = block.previous()
    return first


def keep_tables_whole(doc: QTextDocument, max_share: float = 0.45) -> int:
    """Move a short table that straddles a page break, or a heading parted from its table,
    to the next page; returns how many were moved.

    Qt has no `page-break-inside: avoid`; this gives pairs, the legend and the summary the same
    treatment the browser's print rules give them. Long tables still flow across pages.
    """
    layout = doc.documentLayout()
    height = doc.pageSize().height()
    moved = 0
    for frame in doc.rootFrame().childFrames():
        rect = layout.frameBoundingRect(frame)
        heading = _start_of_group(doc, frame)
        top = layout.blockBoundingRect(heading).top() if heading is not None else rect.top()
        end = rect.bottom() - 1 if rect.height() <= height * max_share else rect.top()
        if _page_of(top, height) == _page_of(end, height):
            continue
        if heading is not None:
            fmt = heading.blockFormat()
            fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
            QTextCursor(heading).setBlockFormat(fmt)
        else:
            fmt = frame.frameFormat()
            fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
            frame.setFrameFormat(fmt)
        moved += 1
    return moved


def _font(point_size: float) -> QFont:
    font = QFont("DejaVu Sans")
    font.setStyleHint(QFont.StyleHint.SansSerif)
    font.setPointSizeF(point_size)
    return font


def _paint_pages(doc: QTextDocument, writer: QPdfWriter, title: str) -> int:
    """Draw each page of the paginated document, with a footer: title left, page number right."""
    size = doc.pageSize()
    pages = doc.pageCount()
    painter = QPainter(writer)
    try:
        painter.setFont(_font(7))
        metrics = QFontMetricsF(painter.font(), writer)
        footer = QRectF(0, size.height() + metrics.height() * 0.6, size.width(), metrics.height())
        for page in range(pages):
            if page:
                writer.newPage()
            painter.save()
            painter.translate(0, -page * size.height())
            doc.drawContents(painter, QRectF(0, page * size.height(), size.width(), size.height()))
            painter.restore()
            painter.setPen(QColor("#666666"))
            number = f"page {page + 1} of {pages}"
            room = size.width() - metrics.horizontalAdvance(number) - metrics.averageCharWidth() * 4
            painter.drawText(footer, Qt.AlignmentFlag.AlignLeft,
                             metrics.elidedText(title, Qt.TextElideMode.ElideRight, room))
            painter.drawText(footer, Qt.AlignmentFlag.AlignRight, number)
    finally:
        painter.end()
    return pages


def pdf_bytes(r: ReportInput) -> bytes:
    """The report as PDF: A4, 15 mm margins, page numbers, the report title in the metadata."""
    return html_pdf_bytes(html_report(r, for_qt=True), title_of(r))


def html_pdf_bytes(html: str, title: str) -> bytes:
    """Any report's HTML laid out as PDF pages."""
    ensure_app()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setTitle(title)
    writer.setCreator(f"compare-app {__version__}")
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4),
                                     QPageLayout.Orientation.Portrait,
                                     QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
                                     QPageLayout.Unit.Millimeter))
    doc = QTextDocument()
    doc.documentLayout().setPaintDevice(writer)  # lay out in the writer's units: no rescaling
    doc.setDefaultFont(with_fallbacks(_font(BASE_POINT_SIZE), html)[0])  # other scripts' fonts
    doc.setHtml(html)
    restyle_underlines(doc)
    footer = writer.resolution() * FOOTER_MM / 25.4
    doc.setPageSize(QSizeF(writer.width(), writer.height() - footer))
    keep_tables_whole(doc)
    pages = _paint_pages(doc, writer, title)
    buffer.close()
    log.debug("PDF report: %d pages", pages)
    return bytes(data.data())


def write_html_pdf(html: str, path: str | os.PathLike, title: str) -> None:
    write_bytes_atomic(path, html_pdf_bytes(html, title))


def write_pdf(r: ReportInput, path: str | os.PathLike) -> None:
    """Render in memory, then replace `path` atomically (a reader never sees half a PDF)."""
    write_bytes_atomic(path, pdf_bytes(r))
    log.info("wrote PDF report to %s", path)
