"""A read-only text pane for one document with every sentence marked by its status."""

from __future__ import annotations

import bisect
import logging
import re

from PySide6.QtCore import QMimeData, QRect, QRectF, Qt, Signal
from PySide6.QtGui import (
    QDragEnterEvent,
    QDropEvent,
    QMouseEvent,
    QPainter,
    QSyntaxHighlighter,
    QTextBlock,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QSizePolicy,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from ..core.models import Comparison, Document, Status
from ..qt.fonts import FONT_HINT, with_fallbacks
from .overview import OverviewRuler
from .style import paint_mark, paint_outline, selected_format, sentence_format

log = logging.getLogger(__name__)
_ASTRAL = re.compile("[\U00010000-\U0010FFFF]")


class StatusHighlighter(QSyntaxHighlighter):
    """Formats each text block from the sentence spans that overlap it; formats are computed once
    per status, never one object per sentence per repaint."""

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self.starts: list[int] = []
        self.spans: list[tuple[int, int, Status]] = []
        self._formats: dict[Status, object] = {}

    def set_spans(self, spans: list[tuple[int, int, Status]], palette) -> None:
        self.spans = sorted(spans)
        self.starts = [s for s, _, _ in self.spans]
        self._formats = {st: sentence_format(st, palette) for st in Status}
        self.rehighlight()

    def highlightBlock(self, text: str) -> None:  # noqa: N802 (Qt override)
        if not self.spans:
            return
        block_start = self.currentBlock().position()
        block_end = block_start + len(text)
        i = max(0, bisect.bisect_right(self.starts, block_start) - 1)
        while i < len(self.spans):
            start, end, status = self.spans[i]
            if start >= block_end:
                break
            if end > block_start:
                a = max(start, block_start) - block_start
                b = min(end, block_end) - block_start
                self.setFormat(a, b - a, self._formats[status])
            i += 1


class DocumentView(QPlainTextEdit):
    """The text itself: read-only, clickable sentences, accepts dropped files."""

    sentence_clicked = Signal(str)
    file_dropped = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setAcceptDrops(True)
        self.viewport().setAcceptDrops(True)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.highlighter = StatusHighlighter(self.document())
        self.doc: Document | None = None
        self._starts: list[int] = []
        self._ids: list[str] = []
        self._ends: list[int] = []
        self._statuses: dict[str, Status] = {}
        self._astral: list[int] = []    # Python offsets of characters outside the BMP
        self._astral_qt: list[int] = []  # their Qt positions (Qt counts UTF-16 code units)
        self._emphasised: list[tuple[int, int, Status]] = []  # Qt ranges of the selection

    def to_qt(self, offset: int) -> int:
        """Python string offset to QTextDocument position (they differ after emoji etc.)."""
        return offset + bisect.bisect_left(self._astral, offset)

    def from_qt(self, position: int) -> int:
        return position - bisect.bisect_right(self._astral_qt, position - 2)

    def show_document(self, doc: Document, comparison: Comparison) -> None:
        keep = self.verticalScrollBar().value() if self.doc and self.doc.sha256 == doc.sha256 else 0
        if self.doc is None or self.doc.text != doc.text:
            self.setPlainText(doc.text)
        self.doc = doc
        self._astral = [m.start() for m in _ASTRAL.finditer(doc.text)]
        self._astral_qt = [off + k for k, off in enumerate(self._astral)]
        self._starts = [s.start for s in doc.sentences]
        self._ends = [s.end for s in doc.sentences]
        self._ids = [s.id for s in doc.sentences]
        self._statuses = {s.id: comparison.statuses[s.id] for s in doc.sentences}
        self.highlighter.set_spans([(self.to_qt(s.start), self.to_qt(s.end),
                                     comparison.statuses[s.id]) for s in doc.sentences],
                                   self.palette())
        self.verticalScrollBar().setValue(keep)

    def set_markers(self, sentence_ids: set[str]) -> None:
        """Sentences carrying an analyst annotation get a ✎ in the right margin."""
        doc = self.doc
        self._markers = [doc.sentence(i).start for i in sorted(sentence_ids)] if doc else []
        self.viewport().update()

    def _visible_blocks(self, block: QTextBlock, end: int):
        """(block, viewport geometry) from `block` on, while on screen and before `end`."""
        offset = self.contentOffset()
        height = self.viewport().height()
        while block.isValid() and block.position() < end:
            geo = self.blockBoundingGeometry(block).translated(offset)
            if geo.top() > height:
                break
            if geo.bottom() >= 0 and block.isVisible() and block.layout() is not None:
                yield block, geo
            block = block.next()

    @staticmethod
    def _segments(block: QTextBlock, geo: QRectF, start: int,
                  end: int) -> list[tuple[QRectF, float]]:
        """The line rectangles and baselines of a Qt range within one laid-out block."""
        out = []
        layout = block.layout()
        base = block.position()
        for i in range(layout.lineCount()):
            line = layout.lineAt(i)
            a = max(start, base + line.textStart())
            b = min(end, base + line.textStart() + line.textLength())
            if a >= b:
                continue
            x1 = line.cursorToX(a - base)[0] + geo.left()
            x2 = line.cursorToX(b - base)[0] + geo.left()
            top = geo.top() + line.y()
            out.append((QRectF(x1, top, x2 - x1, line.height()), top + line.ascent()))
        return out

    def line_segments(self, start: int, end: int) -> list[tuple[QRectF, float]]:
        """Viewport rectangles (and baselines) of the visible lines of a Qt range."""
        return [seg for block, geo in self._visible_blocks(self.document().findBlock(start), end)
                for seg in self._segments(block, geo, start, end)]

    def paintEvent(self, event) -> None:  # noqa: N802
        super().paintEvent(event)
        painter = QPainter(self.viewport())
        palette = self.palette()
        spans, starts = self.highlighter.spans, self.highlighter.starts
        for block, geo in self._visible_blocks(self.firstVisibleBlock(), 2**31):
            block_end = block.position() + block.length()
            i = max(0, bisect.bisect_right(starts, block.position()) - 1)
            while i < len(spans) and spans[i][0] < block_end:
                start, end, status = spans[i]
                for rect, baseline in self._segments(block, geo, start, end):
                    paint_mark(painter, status, rect.left(), rect.right(), baseline, palette)
                i += 1
        for start, end, status in self._emphasised:
            for rect, _ in self.line_segments(start, end):
                paint_outline(painter, rect, status, palette)
        self._paint_markers(painter)
        painter.end()

    def _paint_markers(self, painter: QPainter) -> None:
        markers = getattr(self, "_markers", [])
        if not markers:
            return
        first, last = self.visible_range()
        painter.setPen(self.palette().text().color())
        x = self.viewport().width() - self.fontMetrics().horizontalAdvance("✎") - 3
        for offset in markers:
            if first <= offset <= last:
                top, _ = self.y_range(offset, offset + 1)
                painter.drawText(x, top + self.fontMetrics().ascent(), "✎")

    def sentence_at(self, position: int) -> str | None:
        """The sentence at a Qt cursor position."""
        position = self.from_qt(position)
        i = bisect.bisect_right(self._starts, position) - 1
        if 0 <= i < len(self._ids) and position <= self._ends[i]:
            return self._ids[i]
        return None

    def emphasise(self, sentence_ids: list[str], scroll: bool = True) -> None:
        """Mark the selected sentences with a stronger tint and bring them into view."""
        selections = []
        self._emphasised = []
        for sid in sentence_ids:
            s = self.doc.sentence(sid) if self.doc else None
            if s is None:
                continue
            status = self._statuses.get(sid, Status.EXCLUDED)
            self._emphasised.append((self.to_qt(s.start), self.to_qt(s.end), status))
            sel = QTextEdit.ExtraSelection()
            sel.format = selected_format(status, self.palette())
            cursor = QTextCursor(self.document())
            cursor.setPosition(self.to_qt(s.start))
            cursor.setPosition(self.to_qt(s.end), QTextCursor.MoveMode.KeepAnchor)
            sel.cursor = cursor
            selections.append(sel)
        self.setExtraSelections(selections)
        if scroll and sentence_ids and self.doc:
            self.scroll_to_offset(self.doc.sentence(sentence_ids[0]).start)

    def scroll_to_offset(self, offset: int, at_y: int | None = None) -> None:
        """Scroll so the text at `offset` sits at viewport height `at_y` (default: a third down)."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(min(self.to_qt(offset), self.document().characterCount() - 1))
        target = self.viewport().height() // 3 if at_y is None else at_y
        bar = self.verticalScrollBar()
        spacing = max(1, self.fontMetrics().lineSpacing())
        # Far blocks are laid out lazily, so their first position is an estimate: converge.
        for _ in range(8):
            lines = round((self.cursorRect(cursor).top() - target) / spacing)
            before = bar.value()
            if lines == 0:
                break
            bar.setValue(before + lines)
            if bar.value() == before:
                break

    def y_range(self, start: int, end: int) -> tuple[int, int]:
        """Viewport y extent of a character range (Python offsets)."""
        start, end = self.to_qt(start), self.to_qt(end)
        c = QTextCursor(self.document())
        c.setPosition(start)
        top = self.cursorRect(c).top()
        c.setPosition(max(start, end - 1))
        rect: QRect = self.cursorRect(c)
        return top, rect.bottom()

    def visible_range(self) -> tuple[int, int]:
        """Python offsets of the first and last visible characters."""
        first = self.cursorForPosition(self.viewport().rect().topLeft()).position()
        last = self.cursorForPosition(self.viewport().rect().bottomRight()).position()
        return self.from_qt(first), self.from_qt(last)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        super().mouseReleaseEvent(event)
        if event.button() == Qt.MouseButton.LeftButton and not self.textCursor().hasSelection():
            sid = self.sentence_at(self.cursorForPosition(event.position().toPoint()).position())
            if sid:
                self.sentence_clicked.emit(sid)

    @staticmethod
    def _local_file(mime: QMimeData) -> str | None:
        for url in mime.urls():
            if url.isLocalFile():
                return url.toLocalFile()
        return None

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if self._local_file(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:  # noqa: N802
        if self._local_file(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        path = self._local_file(event.mimeData())
        if path:
            event.acceptProposedAction()
            self.file_dropped.emit(path)


class DocumentPane(QWidget):
    """A DocumentView headed by the document's title and file name."""

    def __init__(self, side: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.side = side
        self.title = QLabel(f"{side}: (no document)")
        self.title.setObjectName(f"title{side}")
        self.title.setWordWrap(True)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.file_label = QLabel("Drop a file here or use File → Open")
        self.file_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # A long path (an installed sample lives deep in site-packages) is clipped, not allowed
        # to widen the window; the tooltip shows it whole.
        self.file_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.view = DocumentView(self)
        self.ruler = OverviewRuler(self.view)
        text_row = QHBoxLayout()
        text_row.setSpacing(1)
        text_row.addWidget(self.view, 1)
        text_row.addWidget(self.ruler)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.setSpacing(2)
        layout.addWidget(self.title)
        layout.addWidget(self.file_label)
        layout.addLayout(text_row, 1)

    def show_document(self, doc: Document, comparison: Comparison) -> None:
        self.title.setText(f"{self.side}: {doc.title or '(untitled)'}")
        where = doc.path or "pasted text"
        font, missing = with_fallbacks(self.view.font(), doc.text)
        self.view.setFont(font)  # Korean, Chinese, ... from an installed font that has them
        warnings = [*doc.warnings] + ([f"no installed font for {', '.join(missing)} text: "
                                       f"{FONT_HINT}"] if missing else [])
        warn = f"  ⚠ {'; '.join(warnings)}" if warnings else ""
        self.file_label.setText(f"{where}{warn}")
        self.file_label.setToolTip(f"{where}{warn}")
        self.view.show_document(doc, comparison)
        self.ruler.invalidate()
