"""Three sources in the window: the claims matrix, its filters and detail, Add / Remove Source,
sessions of three documents and the corroboration report."""

from __future__ import annotations

import json

from compare_app.core.clusters import CellState
from compare_app.gui.matrix_view import FILTERS, KEY_ROLE

A = ("Flooding in the Arlen river valley killed at least 42 people on Monday, officials said. "
     "The governor declared a state of emergency across the valley. "
     "Engineers blamed the collapse of an old irrigation dam upstream.")
B = ("At least 42 people died in floods in the Arlen river valley on Monday. "
     "A state of emergency was declared by the governor for the whole valley. "
     "Schools in the region will remain closed for the rest of the week.")
C = ("Floods in the Arlen river valley killed at least 14 people on Monday. "
     "The governor declared a state of emergency across the valley. "
     "The army sent four helicopters and two hundred soldiers to the region.")


def _files(tmp_path):
    paths = []
    for name, text in (("wire.txt", A), ("daily.txt", B), ("radio.txt", C)):
        (tmp_path / name).write_text(text, encoding="utf-8")
        paths.append(tmp_path / name)
    return paths


def _finished(window, qtbot):
    return qtbot.waitSignal(window.controller.comparison_finished, timeout=20000)


def _rows(matrix) -> list[str]:
    return [matrix.proxy.index(r, 0).data(KEY_ROLE) for r in range(matrix.proxy.rowCount())]


def test_three_sources_open_the_matrix_and_a_conflict_reads_clearly(make_window, qtbot, tmp_path):
    window = make_window(_files(tmp_path))
    qtbot.waitUntil(lambda: window.controller.multi is not None, timeout=20000)
    multi = window.controller.multi
    tabs, matrix = window.bottom_tabs, window.matrix
    assert tabs.isTabEnabled(tabs.indexOf(matrix))
    assert tabs.tabText(tabs.indexOf(matrix)) == "Claims matrix (3 sources)"
    assert "1 conflict ·" in matrix.summary.text()
    assert len(_rows(matrix)) == len(multi.clusters)
    matrix.filter.setCurrentIndex([name for name, _ in FILTERS].index("Conflicts"))
    conflicts = _rows(matrix)
    assert len(conflicts) == 1
    toll = multi.cluster(conflicts[0])
    assert toll.cell("C").state is CellState.DIFFERENT
    marks = [matrix.proxy.index(0, col).data() for col in (1, 2, 3)]
    assert marks == ["●", "●", "≠"]
    matrix.table.selectRow(0)
    detail = window.detail.toPlainText()
    assert "at least 14" in detail and "at least 42" in detail and "number" in detail
    assert window.pane_a.view._emphasised and window.pane_b.view._emphasised
    matrix.filter.setCurrentIndex([name for name, _ in FILTERS].index("Single-source claims"))
    assert all(multi.cluster(k).support == 1 for k in _rows(matrix)) and _rows(matrix)


def test_add_and_remove_a_source_and_keep_three_in_a_session(make_window, qtbot, tmp_path):
    a, b, c = _files(tmp_path)
    window = make_window([a, b])
    qtbot.waitUntil(lambda: window.comparison is not None, timeout=20000)
    assert window.controller.multi is None
    assert not window.bottom_tabs.isTabEnabled(window.bottom_tabs.indexOf(window.matrix))
    window.ask_source_path = lambda: str(c)
    with _finished(window, qtbot):
        window.act_add_source.trigger()
    assert window.controller.multi is not None and window.controller.labels == ("A", "B", "C")
    assert not window.sources_panel.titles["C"].isHidden()
    path = tmp_path / "three.cmpsession"
    window.ask_session_path = lambda saving: str(path)
    assert window.save_session()
    report = tmp_path / "matrix.json"
    window.ask_export_path = lambda: str(report)
    window.act_export.trigger()
    data = json.loads(report.read_text(encoding="utf-8"))
    assert data["version"] == 2 and len(data["documents"]) == 3
    with _finished(window, qtbot):
        window.controller.remove_source("C")
    assert window.controller.multi is None and window.controller.labels == ("A", "B")
    assert window.sources_panel.titles["C"].isHidden()
    again = make_window([str(path)])
    qtbot.waitUntil(lambda: again.controller.multi is not None, timeout=20000)
    assert [d.title for d in again.controller.multi.documents][2] == "radio"


def test_a_verdict_and_note_on_a_claim_survive_a_session_and_reach_the_report(
        make_window, qtbot, tmp_path):
    from compare_app.core.annotations import Verdict

    window = make_window(_files(tmp_path))
    qtbot.waitUntil(lambda: window.controller.multi is not None, timeout=20000)
    matrix = window.matrix
    matrix.table.selectRow(0)  # the conflict comes first
    key = matrix.proxy.index(0, 0).data(KEY_ROLE)
    panel = window.annotation_panel
    assert panel.key == key and "claim of 3 of 3 sources" in panel.heading.text()
    panel.verdict.setCurrentIndex(panel.verdict.findData(Verdict.CONTRADICTION.value))
    panel.verdict.activated.emit(panel.verdict.currentIndex())
    panel.note.setFocus()
    qtbot.keyClicks(panel.note, "Call the civil protection agency")
    panel.commit_note()
    note = window.controller.annotation(key)
    assert note.verdict is Verdict.CONTRADICTION and note.note.startswith("Call")
    verdict_col = matrix.model.columnCount() - 1
    assert matrix.proxy.index(0, verdict_col).data() == "Contradiction ✎"
    with _finished(window, qtbot):
        window.threshold.setValue(30)  # a re-comparison: the note finds its claim again
    assert window.controller.annotation(key).note.startswith("Call")
    path = tmp_path / "claims.cmpsession"
    window.ask_session_path = lambda saving: str(path)
    assert window.save_session()
    report = tmp_path / "claims.md"
    window.ask_export_path = lambda: str(report)
    window.act_export.trigger()
    assert "Call the civil protection agency" in report.read_text(encoding="utf-8")
    window.act_undo.trigger()  # the note
    assert window.controller.annotation(key).note == ""


def test_a_source_that_cannot_be_read_changes_nothing(make_window, qtbot, tmp_path):
    """Adding an empty file is refused: the labels stay A and B, and the window is not marked
    as changed (closing it asks nothing)."""
    a, b, _ = _files(tmp_path)
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    window = make_window([a, b])
    qtbot.waitUntil(lambda: window.comparison is not None, timeout=20000)
    assert not window.controller.dirty
    window.ask_source_path = lambda: str(empty)
    with qtbot.waitSignal(window.controller.comparison_failed, timeout=20000):
        window.act_add_source.trigger()
    assert "nothing to compare" in window.message_bar.text()
    assert window.controller.labels == ("A", "B") and window.controller.multi is None
    assert not window.controller.dirty


def test_add_source_opens_the_file_dialog_for_documents(make_window, qtbot, tmp_path,
                                                        monkeypatch):
    """The real Add Source dialog (not a test stand-in) offers the document formats and adds
    the file chosen."""
    from PySide6.QtWidgets import QFileDialog

    a, b, c = _files(tmp_path)
    window = make_window([a, b])
    qtbot.waitUntil(lambda: window.comparison is not None, timeout=20000)
    asked = []

    def choose(parent, caption, folder, filters):
        asked.append(filters)
        return str(c), filters

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(choose))
    with _finished(window, qtbot):
        window.act_add_source.trigger()
    assert asked and ".txt" in asked[0] and ".docx" in asked[0]
    assert window.controller.labels == ("A", "B", "C")


def test_every_dialog_the_tests_replace_runs_for_real(make_window, qtbot, tmp_path, monkeypatch):
    """Each dialog method that other tests stand in for runs as the analyst would meet it; a
    cancelled dialog changes nothing and raises nothing."""
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    a, b, _c = _files(tmp_path)
    window = make_window([a, b])
    qtbot.waitUntil(lambda: window.comparison is not None, timeout=20000)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *args: ("", "")))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *args: ("", "")))
    monkeypatch.setattr(QMessageBox, "question", staticmethod(
        lambda *args: QMessageBox.StandardButton.Cancel))
    monkeypatch.setattr(QMessageBox, "exec", lambda self: 0)
    real = type(window)  # the methods as written, not a fixture's stand-ins
    assert real.ask_open_path(window, "A") is None
    assert real.ask_session_path(window, True) is None
    assert real.ask_session_path(window, False) is None
    assert real.ask_export_path(window) is None
    assert real.ask_source_path(window) is None
    assert real.ask_save_changes(window) == "cancel"
    assert real.ask_recover(window, "the sample pair") == "keep"
