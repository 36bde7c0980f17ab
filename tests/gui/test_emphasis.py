"""What the eye sees: emphasis by importance, cues that survive greyscale, the selection, the
legend drawn from the same table as the panes, and the gutter kept off the pane headers."""

from __future__ import annotations

from itertools import combinations

from PySide6.QtCore import QPoint, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPalette

from compare_app.core.models import Status
from compare_app.core.status_style import BY_EMPHASIS, STYLES
from compare_app.gui.legend import StatusLegend
from compare_app.gui.style import MARK_HEIGHT, paint_mark, selected_format, sentence_format

LIGHT = QPalette(QColor("#F0F0F0"))
LIGHT.setColor(QPalette.ColorRole.Base, QColor("#FFFFFF"))


def mark_mask(status: Status, width: int = 48) -> set[tuple[int, int]]:
    """The pixels a status's line covers under a word, seen in greyscale (no colour)."""
    image = QImage(width + 8, MARK_HEIGHT + 4, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    paint_mark(painter, status, 4, 4 + width, 0, LIGHT)
    painter.end()
    grey = image.convertToFormat(QImage.Format.Format_Grayscale8)
    return {(x, y) for x in range(grey.width()) for y in range(grey.height())
            if grey.pixelColor(x, y).value() < 235}


def test_each_status_has_a_line_of_its_own_shape_in_greyscale():
    masks = {s: mark_mask(s) for s in Status}
    assert masks[Status.EXCLUDED] == set()  # greyed text instead of a line
    assert all(masks[s] for s in Status if s is not Status.EXCLUDED)
    for a, b in combinations(Status, 2):
        differ = len(masks[a] ^ masks[b])
        assert differ >= 25, f"{a.value} and {b.value} look alike without colour ({differ} px)"
    # Divergence carries the heaviest line: the most ink of all.
    assert len(masks[Status.DIVERGE]) == max(len(m) for m in masks.values())
    assert len(masks[Status.UNSUPPORTED]) == min(len(m) for s, m in masks.items() if m)


def test_emphasis_follows_importance_and_unsupported_is_quiet():
    fmt = {s: sentence_format(s, LIGHT) for s in Status}
    assert fmt[Status.UNSUPPORTED].background().style() == Qt.BrushStyle.NoBrush
    assert fmt[Status.EXCLUDED].background().style() == Qt.BrushStyle.NoBrush
    assert fmt[Status.EXCLUDED].foreground().color() == LIGHT.placeholderText().color()
    lightness = {s: fmt[s].background().color().lightness()
                 for s in (Status.DIVERGE, Status.AGREE, Status.RELATED)}
    assert lightness[Status.DIVERGE] < lightness[Status.AGREE] < lightness[Status.RELATED]
    assert lightness[Status.RELATED] - lightness[Status.DIVERGE] >= 30
    assert BY_EMPHASIS[:2] == (Status.DIVERGE, Status.AGREE)


def test_selected_sentences_get_a_much_stronger_format():
    for status in (Status.DIVERGE, Status.AGREE, Status.RELATED, Status.UNSUPPORTED):
        plain = sentence_format(status, LIGHT).background()
        chosen = selected_format(status, LIGHT).background().color()
        base = plain.color().lightness() if plain.style() != Qt.BrushStyle.NoBrush else 255
        assert base - chosen.lightness() >= 25, status


def test_legend_paints_exactly_the_panes_marks(qtbot):
    legend = StatusLegend()
    legend.setPalette(LIGHT)
    qtbot.addWidget(legend)
    legend.resize(legend.sizeHint())
    image = legend.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    fm = legend.fontMetrics()
    for status, rect in legend.swatch_rects().items():
        baseline = rect.top() + fm.ascent()
        expected = QImage(image.size(), QImage.Format.Format_RGB32)
        expected.fill(legend.palette().window().color())
        painter = QPainter(expected)
        background = sentence_format(status, legend.palette()).background()
        if background.style() != Qt.BrushStyle.NoBrush:
            painter.fillRect(rect, background)
        paint_mark(painter, status, rect.left() + 3, rect.right() - 3, baseline, legend.palette())
        painter.end()
        band = range(int(rect.bottom()) + 1, min(image.height(), int(baseline) + MARK_HEIGHT))
        columns = range(int(rect.left()), int(rect.right()))
        assert band, "no room for the mark below the sample text"
        same = all(image.pixel(x, y) == expected.pixel(x, y) for x in columns for y in band)
        assert same, f"legend swatch for {status.value} differs from the pane's mark"
        assert STYLES[status].label in StatusLegend.caption(status)


def ink_pixels(image: QImage, rect: QRectF, baseline: float, colour: str) -> int:
    want = QColor(colour)
    count = 0
    for y in range(int(baseline) + 1, int(baseline) + MARK_HEIGHT + 1):
        for x in range(int(rect.left()) + 2, int(rect.right()) - 2):
            c = image.pixelColor(x, y)
            if abs(c.red() - want.red()) + abs(c.green() - want.green()) \
                    + abs(c.blue() - want.blue()) < 90:
                count += 1
    return count


def test_panes_paint_each_status_line_under_its_sentences(window):
    window._clear_selection()
    view = window.pane_b.view
    c = window.comparison
    diverge = next(p for p in c.pairs if p.relation.value == "diverge")
    image = view.viewport().grab().toImage()
    sentence = c.sentence(diverge.b[0])
    segments = view.line_segments(view.to_qt(sentence.start), view.to_qt(sentence.end))
    assert segments
    rect, baseline = segments[0]
    assert ink_pixels(image, rect, baseline, STYLES[Status.DIVERGE].line_ink) > rect.width() / 3
    lone = next(s for s in c.b.sentences if c.statuses[s.id] is Status.UNSUPPORTED
                and view.line_segments(view.to_qt(s.start), view.to_qt(s.end)))
    rect, baseline = view.line_segments(view.to_qt(lone.start), view.to_qt(lone.end))[0]
    assert ink_pixels(image, rect, baseline, STYLES[Status.DIVERGE].line_ink) == 0
    assert ink_pixels(image, rect, baseline, STYLES[Status.UNSUPPORTED].line_ink) > 0


def test_selected_pair_is_outlined_on_both_sides(window):
    window._clear_selection()
    c = window.comparison
    pair = next(p for p in c.pairs if p.relation.value == "diverge")
    window.select_key(pair.id)
    for view, sid in ((window.pane_a.view, pair.a[0]), (window.pane_b.view, pair.b[0])):
        s = c.sentence(sid)
        assert [(a, b) for a, b, _ in view._emphasised] == [(view.to_qt(s.start),
                                                              view.to_qt(s.end))]
        image = view.viewport().grab().toImage()
        rect, _ = view.line_segments(view.to_qt(s.start), view.to_qt(s.end))[0]
        ink = QColor(STYLES[Status.DIVERGE].ink)
        edge = image.pixelColor(QPoint(int(rect.center().x()), int(rect.top())))
        assert abs(edge.red() - ink.red()) + abs(edge.green() - ink.green()) < 80, edge.name()


def test_gutter_paints_nothing_over_the_pane_headers(window, qtbot):
    c = window.comparison
    pair = next(p for p in c.pairs if p.relation.value == "agree")
    window.select_key(pair.id)
    view = window.pane_a.view
    # Put the pair's A side just above the top of the text: its band now starts over the header.
    window._syncing = True
    view.scroll_to_offset(c.sentence(pair.a[0]).start, at_y=-view.fontMetrics().lineSpacing())
    window._syncing = False
    gutter = window.gutter
    area = gutter.text_area()
    top_of_text = gutter.mapFromGlobal(view.viewport().mapToGlobal(QPoint(0, 0))).y()
    assert area.top() >= top_of_text > 0
    assert any(min(at, bt) < area.top() for _, at, _, bt, _ in gutter.visible_pairs())
    image = gutter.grab().toImage()
    background = image.pixel(0, 0)
    assert QColor(background).rgb() == gutter.palette().window().color().rgb()
    header = [(x, y) for y in range(int(area.top())) for x in range(image.width())
              if image.pixel(x, y) != background]
    assert header == []
    assert gutter.pair_at(area.top() - 2) is None


def test_overview_ruler_maps_the_findings_of_the_whole_document(window, qtbot):
    c = window.comparison
    ruler = window.pane_a.ruler
    ticks = ruler.ticks()
    statuses = [status for _, status in ticks]
    marked = [c.statuses[s.id] for s in c.a.sentences]
    assert statuses.count(Status.DIVERGE) == marked.count(Status.DIVERGE) >= 1
    assert statuses.count(Status.AGREE) == marked.count(Status.AGREE)
    assert Status.UNSUPPORTED not in statuses and Status.EXCLUDED not in statuses
    assert [f for f, _ in ticks] == sorted(f for f, _ in ticks)
    assert all(0 <= f <= 1 for f, _ in ticks)
    image = ruler.grab().toImage()
    diverge = next(f for f, s in ticks if s is Status.DIVERGE)
    y = min(image.height() - 2, int(diverge * ruler.height()) + 1)
    row = [QColor(image.pixel(x, y)) for x in range(image.width())]
    assert sum(1 for p in row if p.rgb() == QColor(STYLES[Status.DIVERGE].ink).rgb()) \
        >= image.width() - 1
    bar = window.pane_a.view.verticalScrollBar()
    bar.setValue(0)
    qtbot.mouseClick(ruler, Qt.MouseButton.LeftButton, pos=QPoint(5, ruler.height() - 2))
    assert bar.value() >= 0.8 * bar.maximum() > 0  # lazy layout may still grow the range
