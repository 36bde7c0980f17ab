"""The analyst layer in the window: verdicts, notes, undo, sessions, autosave, export."""

from __future__ import annotations

import json

from compare_app.core.annotations import SourceGrade, Verdict


def diverge_key(window) -> str:
    return next(p.id for p in window.comparison.pairs if p.relation.value == "diverge")


def annotate(window, qtbot, key: str, verdict: Verdict, note: str) -> None:
    window.select_key(key)
    panel = window.annotation_panel
    panel.verdict.setCurrentIndex(panel.verdict.findData(verdict.value))
    panel.verdict.activated.emit(panel.verdict.currentIndex())
    panel.note.setFocus()
    qtbot.keyClicks(panel.note, note)
    panel.commit_note()


def test_verdict_and_note_show_in_table_and_panes_with_undo(window, qtbot):
    key = diverge_key(window)
    annotate(window, qtbot, key, Verdict.CONTRADICTION, "Ask NIS")
    row = window.model.row_of(key)
    verdict_cell = window.model.index(row, 5).data()
    assert verdict_cell.startswith("Contradiction") and "✎" in verdict_cell
    pair = next(p for p in window.comparison.pairs if p.id == key)
    assert window.pane_a.view._markers == [window.comparison.sentence(pair.a[0]).start]
    assert window.controller.dirty and window.windowTitle().startswith("*")
    window.act_undo.trigger()  # the note
    assert window.controller.annotation(key).note == ""
    window.act_undo.trigger()  # the verdict
    assert window.controller.annotation(key) is None
    assert window.model.index(row, 5).data() == ""
    assert not window.controller.dirty
    window.act_redo.trigger()
    assert window.controller.annotation(key).verdict is Verdict.CONTRADICTION
    assert window.annotation_panel.current_verdict() is Verdict.CONTRADICTION


def test_source_grades_are_edited_and_undoable(window):
    panel = window.sources_panel
    panel.reliability["A"].setCurrentIndex(panel.reliability["A"].findData("C"))
    panel.reliability["A"].activated.emit(0)
    panel.provenance["A"].setText("The Moscow Times, opinion, 2024")
    panel.provenance["A"].editingFinished.emit()
    assert window.controller.grades["A"] == SourceGrade("C", "The Moscow Times, opinion, 2024")
    window.act_undo.trigger()
    assert window.controller.grades["A"] == SourceGrade("C", "")


def test_save_reopen_recompare_keeps_annotations(window, qtbot, make_window, tmp_path):
    key = diverge_key(window)
    annotate(window, qtbot, key, Verdict.FOLLOW_UP, "Compare with ISW map")
    lonely = next(s.id for s in window.comparison.b.sentences if "established in 1948" in s.text)
    window.select_key(lonely)
    window.annotation_panel.tags.setText("history, kpa")
    window.annotation_panel.tags.editingFinished.emit()
    path = tmp_path / "analysis.cmpsession"
    window.ask_session_path = lambda saving: str(path)
    assert window.save_session()
    assert not window.controller.dirty and "analysis.cmpsession" in window.windowTitle()
    window.close()

    second = make_window([str(path)])
    qtbot.waitUntil(lambda: second.comparison is not None, timeout=20000)
    notes = second.controller.resolved.by_key
    assert notes[key].note == "Compare with ISW map"
    assert notes[lonely].tags == ("history", "kpa")
    with qtbot.waitSignal(second.controller.comparison_finished, timeout=20000):
        second.threshold.setValue(20)
    verdicts = {n.verdict for n in second.controller.resolved.by_key.values()}
    assert Verdict.FOLLOW_UP in verdicts and not second.controller.resolved.orphans
    key_now = next(k for k, n in second.controller.resolved.by_key.items() if n.note)
    pair = next(p for p in second.comparison.pairs if p.id == key_now)
    assert "likely deployment" in second.comparison.sentence(pair.a[0]).text


def test_closing_with_unsaved_changes_asks_first(window, qtbot):
    annotate(window, qtbot, diverge_key(window), Verdict.DISPUTED, "x")
    asked = []
    window.ask_save_changes = lambda: asked.append(1) or "cancel"
    assert not window.close()
    assert asked and window.isVisible()


def test_corrupted_session_shows_message_and_changes_nothing(window, qtbot, tmp_path):
    bad = tmp_path / "broken.cmpsession"
    bad.write_text('{"schema": "compare-app.session", "version": 1, "documents": [',
                   encoding="utf-8")
    before = bad.read_bytes()
    current = window.comparison
    window.ask_session_path = lambda saving: str(bad)
    window.act_open_session.trigger()
    assert "broken.cmpsession" in window.message_bar.text()
    assert "corrupted or truncated" in window.message_bar.text()
    assert window.comparison is current and bad.read_bytes() == before


def test_export_every_format_from_the_window(window, qtbot, tmp_path):
    annotate(window, qtbot, diverge_key(window), Verdict.CONTRADICTION, "Exported note")
    for ext in ("html", "md", "csv", "json", "pdf"):
        target = tmp_path / f"report.{ext}"
        window.ask_export_path = lambda t=target: str(t)
        window.act_export.trigger()
        assert target.exists() and target.stat().st_size > 0, ext
    assert "Exported note" in (tmp_path / "report.html").read_text(encoding="utf-8")
    assert "Exported note" in (tmp_path / "report.md").read_text(encoding="utf-8")
    assert "Exported note" in (tmp_path / "report.csv").read_text(encoding="utf-8-sig")
    data = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    assert any(a["note"] == "Exported note" for a in data["annotations"])
    assert (tmp_path / "report.pdf").read_bytes().startswith(b"%PDF")


def test_annotations_and_grades_follow_a_swap(window, qtbot):
    key = diverge_key(window)
    annotate(window, qtbot, key, Verdict.DISPUTED, "follows the swap")
    window.controller.edit_grade("A", SourceGrade("C", "op-ed"))
    with qtbot.waitSignal(window.controller.comparison_finished, timeout=20000):
        window.act_swap.trigger()
    notes = window.controller.resolved.by_key
    assert [n.note for n in notes.values()] == ["follows the swap"]
    pair = next(p for p in window.comparison.pairs if p.id in notes)
    assert "likely deployment" in window.comparison.sentence(pair.b[0]).text  # now on side B
    assert window.controller.grades["B"] == SourceGrade("C", "op-ed")


def test_undo_after_swap_keeps_the_verdict_on_its_pair(window, qtbot):
    key = diverge_key(window)
    annotate(window, qtbot, key, Verdict.CONFIRMED, "first")
    with qtbot.waitSignal(window.controller.comparison_finished, timeout=20000):
        window.act_swap.trigger()
    assert window.controller.dirty
    window.act_undo.trigger()  # removes the note only
    notes = window.controller.resolved.by_key
    assert [(n.verdict, n.note) for n in notes.values()] == [(Verdict.CONFIRMED, "")]
    assert not window.controller.resolved.orphans


def test_selection_and_pending_note_follow_their_sentences_across_a_recompare(window, qtbot):
    agree = next(p for p in window.comparison.pairs if p.relation.value == "agree")
    a_id = agree.a[0]
    window.select_key(agree.id)
    window.annotation_panel.note.setPlainText("typed just before the re-compare")
    with qtbot.waitSignal(window.controller.comparison_finished, timeout=20000):
        window.threshold.setValue(20)
    row = window.model.rows[window.model.row_of(window.current_key)]
    assert a_id in row.a_ids
    note = window.controller.resolved.by_key[window.current_key]
    assert note.note == "typed just before the re-compare"


def test_when_a_pair_dissolves_the_selection_follows_its_sentence(window, qtbot):
    key = diverge_key(window)
    a_id = next(p for p in window.comparison.pairs if p.id == key).a[0]
    window.select_key(key)
    with qtbot.waitSignal(window.controller.comparison_finished, timeout=20000):
        window.threshold.setValue(90)  # no pair survives
    assert window.current_key == a_id  # now an unsupported sentence of A
    assert window.annotation_panel.key == a_id and window.annotation_panel.isEnabled()
    window.controller.edit_row(key, verdict=Verdict.DISPUTED)  # a stale pair id is ignored
    assert window.controller.annotations == ()


def test_undo_while_typing_commits_the_typing_first(window, qtbot):
    key = diverge_key(window)
    window.select_key(key)
    window.controller.edit_row(key, tags=("t",))
    window.annotation_panel.note.setPlainText("typed")
    window.act_undo.trigger()  # undoes the typing, not the tags
    note = window.controller.annotation(key)
    assert note.tags == ("t",) and note.note == ""
    assert window.controller.dirty


def test_opening_a_session_sets_the_sensitivity_box(window, qtbot, tmp_path):
    with qtbot.waitSignal(window.controller.comparison_finished, timeout=20000):
        window.threshold.setValue(25)
    path = tmp_path / "s.cmpsession"
    window.ask_session_path = lambda saving: str(path)
    window.save_session()
    with qtbot.waitSignal(window.controller.comparison_finished, timeout=20000):
        window.threshold.setValue(70)
    with qtbot.waitSignal(window.controller.comparison_finished, timeout=20000):
        window.act_open_session.trigger()
    assert window.threshold.value() == 25 and window.comparison.options.threshold == 25
