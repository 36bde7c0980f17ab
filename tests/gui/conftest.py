"""A real main window per test, with its settings file in a temporary folder."""

from __future__ import annotations

import pytest

from compare_app.gui.app import create_window


@pytest.fixture
def settings_path(tmp_path):
    return str(tmp_path / "settings.ini")


@pytest.fixture
def make_window(qtbot, settings_path):
    windows = []

    def make(files=(), path=None):
        window = create_window(list(map(str, files)), path or settings_path)
        window.ask_save_changes = lambda: "discard"  # tests that check the prompt replace this
        window.ask_recover = lambda description: "keep"
        qtbot.addWidget(window)
        window.resize(1300, 850)
        window.show()
        windows.append(window)
        return window

    yield make
    for w in windows:
        w.controller.runner.wait(10000)


@pytest.fixture
def window(make_window, qtbot, sample_paths):
    w = make_window(sample_paths)
    qtbot.waitUntil(lambda: w.comparison is not None, timeout=20000)
    return w
