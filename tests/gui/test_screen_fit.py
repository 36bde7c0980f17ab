"""Small screens: the window opens and restores within the available area, and the pairs
table shows every column without scrolling sideways."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize

from compare_app.gui import screen_fit
from compare_app.gui.app import create_window
from compare_app.gui.screen_fit import fit_rect, initial_rect

LAPTOP = QRect(0, 0, 1366, 728)  # 1366×768 less a 40-pixel panel


def inside(rect: QRect, area: QRect, frame: QSize = screen_fit.FRAME_ALLOWANCE) -> bool:
    return area.contains(rect.adjusted(0, 0, frame.width(), frame.height()))


def test_default_window_fits_a_small_screen_and_keeps_its_size_on_a_big_one():
    small = initial_rect(LAPTOP)
    assert inside(small, LAPTOP)
    assert small.width() >= 1300 and small.height() >= 650  # uses the screen, not a corner of it
    big = QRect(0, 0, 1920, 1040)
    assert initial_rect(big).size() == screen_fit.DEFAULT_SIZE
    assert inside(initial_rect(big), big)


def test_restored_geometry_is_clamped_and_moved_on_screen():
    assert inside(fit_rect(QRect(900, 500, 1400, 900), LAPTOP), LAPTOP)
    assert inside(fit_rect(QRect(-300, -50, 800, 600), LAPTOP), LAPTOP)
    second = QRect(1366, 0, 1280, 1024)  # a second monitor to the right
    assert fit_rect(QRect(1500, 100, 800, 600), second) == QRect(1500, 100, 800, 600)


def test_window_opens_and_restores_within_the_available_area(make_window, monkeypatch,
                                                            settings_path, qtbot):
    monkeypatch.setattr(screen_fit, "available_geometry", lambda widget=None: LAPTOP)
    first = make_window()
    first.setGeometry(QRect(0, 0, 1700, 1000))  # as saved on a bigger monitor
    first.save_state()
    qtbot.waitUntil(lambda: first.comparison is not None, timeout=20000)
    first.close()
    window = create_window([], settings_path)
    qtbot.addWidget(window)
    assert inside(window.geometry(), LAPTOP), window.geometry()
    qtbot.waitUntil(lambda: window.comparison is not None, timeout=20000)
    window.controller.runner.wait(10000)


def test_table_shows_every_column_without_horizontal_scrolling(window, qtbot):
    table = window.table
    header = table.horizontalHeader()
    for width in (1300, 1100):
        window.resize(width, 700)
        qtbot.waitUntil(lambda w=width: window.width() == w)
        qtbot.waitUntil(lambda: header.length() <= table.viewport().width() + 1)
        assert table.horizontalScrollBar().maximum() == 0
        for col in range(header.count()):
            assert header.sectionSize(col) >= 40, (width, col, header.sectionSize(col))
            assert header.sectionViewportPosition(col) + header.sectionSize(col) \
                <= table.viewport().width() + 1
