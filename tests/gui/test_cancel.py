"""A long comparison in the window: the progress bar moves, Cancel (or Escape) stops it, and the
window keeps what it showed before."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt

from compare_app.gui import controller as controller_module

HOLD_AT = 300  # of 1000: the worker waits here until the test has pressed Cancel


@pytest.fixture
def held(monkeypatch):
    """Comparisons that pause once they are 30% done, until `release` is set: Cancel is pressed
    while the worker is surely running, and no test depends on timing."""
    release = threading.Event()
    real = controller_module.compare_texts

    def compare_texts(a, b, options, *, progress, cancelled):
        def report(done: int, total: int) -> None:
            progress(done, total)
            if done >= HOLD_AT:
                release.wait(30)

        return real(a, b, options, progress=report, cancelled=cancelled)

    monkeypatch.setattr(controller_module, "compare_texts", compare_texts)
    yield release
    release.set()


@pytest.fixture
def big_file(tmp_path, long_text):
    path = tmp_path / "long.txt"
    path.write_text(long_text, encoding="utf-8")
    return path


def _start_and_hold(qtbot, window, start, release):
    """Start a comparison and return the progress values seen until it holds at HOLD_AT."""
    seen: list[int] = []
    window.controller.progress_changed.connect(lambda done, total: seen.append(done))
    start()
    qtbot.waitUntil(lambda: bool(seen) and seen[-1] >= HOLD_AT, timeout=60000)
    assert window.progress_strip.isVisible()
    assert window.progress_strip.cancel_button.isVisible()
    assert window.act_cancel.isEnabled()
    return seen


def test_cancel_keeps_the_previous_result(window, qtbot, big_file, sample_paths, held):
    before = window.comparison
    seen = _start_and_hold(qtbot, window,
                           lambda: window.open_pair(str(big_file), str(sample_paths[1])), held)
    assert seen == sorted(set(seen)) and len(seen) > 10  # it moved on, step by step
    assert 0 < seen[len(seen) // 2] < HOLD_AT
    assert window.progress.maximum() == 1000 and window.progress.value() >= HOLD_AT
    with qtbot.waitSignal(window.controller.comparison_cancelled, timeout=30000):
        qtbot.mouseClick(window.progress_strip.cancel_button, Qt.MouseButton.LeftButton)
        held.set()
    qtbot.waitUntil(lambda: not window.progress_strip.isVisible())
    assert window.statusBar().currentMessage() == "Comparison cancelled"
    assert window.comparison is before and window.controller.comparison is before
    assert window.controller.path("A") == str(sample_paths[0])  # the shown pair stays open
    assert not window.act_cancel.isEnabled()
    # Still usable: a change of sensitivity compares the pair that is shown.
    with qtbot.waitSignal(window.controller.comparison_finished, timeout=30000):
        window.threshold.setValue(30)
    assert window.comparison.a.path == str(sample_paths[0])


def test_cancelling_a_new_sensitivity_restores_the_one_shown(window, qtbot, held):
    shown = window.comparison.options.threshold
    _start_and_hold(qtbot, window, lambda: window.threshold.setValue(shown - 15), held)
    with qtbot.waitSignal(window.controller.comparison_cancelled, timeout=30000):
        window.progress_strip.cancel_button.click()
        held.set()
    assert window.threshold.value() == shown == window.controller.options.threshold
    assert window.settings.threshold == shown


def test_cancelling_a_swap_leaves_sides_and_grades_as_shown(window, qtbot, held):
    from compare_app.core.annotations import SourceGrade

    c = window.controller
    c.edit_grade("A", SourceGrade("B", "the op-ed's outlet"))
    before = (c.path("A"), c.path("B"), dict(c.grades))
    _start_and_hold(qtbot, window, c.swap, held)
    assert c.grades["B"].provenance == "the op-ed's outlet"  # flipped while the swap runs
    with qtbot.waitSignal(c.comparison_cancelled, timeout=30000):
        qtbot.keyClick(window, Qt.Key.Key_Escape)
        held.set()
    assert (c.path("A"), c.path("B"), dict(c.grades)) == before
    c.undo_stack.undo()
    assert "A" not in c.grades or c.grades["A"] == SourceGrade()


def test_escape_cancels_the_first_comparison_and_leaves_an_empty_window(
        make_window, qtbot, big_file, sample_paths, held):
    window = make_window()
    _start_and_hold(qtbot, window, lambda: window.open_pair(str(big_file), str(sample_paths[1])),
                    held)
    with qtbot.waitSignal(window.controller.comparison_cancelled, timeout=30000):
        qtbot.keyClick(window, Qt.Key.Key_Escape)
        held.set()
    assert window.comparison is None
    assert "Comparison cancelled" in window.summary.text()
    assert window.statusBar().currentMessage() == "Comparison cancelled"
    with qtbot.waitSignal(window.controller.comparison_finished, timeout=30000):
        window.open_pair(str(sample_paths[0]), str(sample_paths[1]))
    assert window.comparison is not None


def test_a_real_long_comparison_reports_progress_and_can_be_cancelled(window, qtbot, big_file,
                                                                      sample_paths):
    """No hold: Cancel is pressed as soon as progress arrives; whichever comes first, the
    window ends either cancelled with the old result or showing the new one, never stuck."""
    before = window.comparison
    seen: list[int] = []
    window.controller.progress_changed.connect(lambda done, total: seen.append(done))
    outcome: list[str] = []
    window.controller.comparison_cancelled.connect(lambda: outcome.append("cancelled"))
    window.controller.comparison_finished.connect(lambda c: outcome.append("finished"))
    window.open_pair(str(big_file), str(sample_paths[1]))
    qtbot.waitUntil(lambda: bool(seen), timeout=60000)
    window.progress_strip.cancel_button.click()
    qtbot.waitUntil(lambda: bool(outcome), timeout=60000)
    qtbot.waitUntil(lambda: not window.controller.runner.busy, timeout=60000)
    assert seen == sorted(seen)
    if outcome == ["cancelled"]:
        assert window.comparison is before
    else:
        assert window.comparison is not before
