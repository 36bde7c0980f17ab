"""The analyst's work is never lost or mixed up: sessions keep their own documents, Discard
discards, autosaves are per comparison and offered back after a crash, pair ids stay put."""

from __future__ import annotations

from test_annotations_gui import annotate, diverge_key

from compare_app.core.annotations import SourceGrade, Verdict
from compare_app.core.session import load_session

OTHER_A = ("The flood waters rose overnight in the valley. At least 42 people have died. "
           "Rescue teams reached the northern villages on Monday.")
OTHER_B = ("At least 14 people have died in the valley floods. Rescue teams reached the "
           "northern villages on Monday, officials said.")


def _finished(window, qtbot):
    return qtbot.waitSignal(window.controller.comparison_finished, timeout=20000)


def _saved_session(window, qtbot, tmp_path):
    key = diverge_key(window)
    annotate(window, qtbot, key, Verdict.CONTRADICTION, "Ask NIS")
    window.controller.edit_grade("A", SourceGrade("C", "The Moscow Times, opinion"))
    path = tmp_path / "nk.cmpsession"
    window.ask_session_path = lambda saving: str(path)
    assert window.save_session()
    return key, path


def test_opening_other_files_starts_a_new_comparison_and_never_touches_the_session(
        window, qtbot, tmp_path):
    _key, path = _saved_session(window, qtbot, tmp_path)
    saved = path.read_bytes()
    (tmp_path / "a.txt").write_text(OTHER_A, encoding="utf-8")
    (tmp_path / "b.txt").write_text(OTHER_B, encoding="utf-8")
    window.controller._autosave_timer.setInterval(20)
    with _finished(window, qtbot):
        window.open_path("A", str(tmp_path / "a.txt"))
    with _finished(window, qtbot):
        window.open_path("B", str(tmp_path / "b.txt"))
    assert "nk.cmpsession" not in window.windowTitle()
    assert window.controller.session_path is None
    assert window.controller.grades == {} and not window.controller.resolved.orphans
    assert window.sources_panel.provenance["A"].text() == ""
    annotate(window, qtbot, window.model.rows[0].key, Verdict.FOLLOW_UP, "new work")
    qtbot.waitUntil(lambda: window.controller._autosaved is not None, timeout=5000)
    assert path.read_bytes() == saved  # the North Korea session is intact
    report = tmp_path / "new.md"
    window.ask_export_path = lambda: str(report)
    window.act_export.trigger()
    assert "Ask NIS" not in report.read_text(encoding="utf-8")


def test_discard_keeps_the_session_as_saved_and_removes_the_autosave(window, qtbot, tmp_path,
                                                                      make_window):
    key, path = _saved_session(window, qtbot, tmp_path)
    saved = path.read_bytes()
    window.controller._autosave_timer.setInterval(20)
    annotate(window, qtbot, key, Verdict.DISPUTED, " and more")

    def discard_after_a_while() -> str:
        qtbot.wait(200)  # the prompt stays open longer than the autosave delay
        return "discard"

    window.ask_save_changes = discard_after_a_while
    assert window.close()
    assert path.read_bytes() == saved
    assert not list(window.controller.autosave_folder.glob("*.cmpsession"))
    offered = []
    again = make_window([str(path)])
    again.ask_recover = lambda description: offered.append(description) or "recover"
    qtbot.waitUntil(lambda: again.comparison is not None, timeout=20000)
    assert not offered
    assert [n.note for n in again.controller.resolved.by_key.values()] == ["Ask NIS"]


def test_unsaved_work_is_offered_back_after_a_crash_and_each_comparison_keeps_its_own(
        window, qtbot, tmp_path, make_window, settings_path):
    window.controller._autosave_timer.setInterval(20)
    annotate(window, qtbot, diverge_key(window), Verdict.DISPUTED, "before the crash")
    qtbot.waitUntil(lambda: window.controller._autosaved is not None, timeout=5000)
    first_autosave = window.controller._autosaved
    # the app is killed: no close, no prompt. The next start opens another pair and edits it.
    (tmp_path / "a.txt").write_text(OTHER_A, encoding="utf-8")
    (tmp_path / "b.txt").write_text(OTHER_B, encoding="utf-8")
    other = make_window([tmp_path / "a.txt", tmp_path / "b.txt"])
    qtbot.waitUntil(lambda: other.comparison is not None, timeout=20000)
    other.controller._autosave_timer.setInterval(20)
    annotate(other, qtbot, other.model.rows[0].key, Verdict.FOLLOW_UP, "other work")
    qtbot.waitUntil(lambda: other.controller._autosaved is not None, timeout=5000)
    assert other.controller._autosaved != first_autosave
    assert load_session(first_autosave).annotations[0].note == "before the crash"

    offered = []
    third = make_window([])
    third.ask_recover = lambda description: (offered.append(description)
                                             or ("recover" if "Moscow" in description
                                                 or "North Korea" in description else "keep"))
    qtbot.waitUntil(lambda: third.comparison is not None, timeout=20000)
    assert offered and "autosaved" in offered[0]
    notes = [n.note for n in third.controller.resolved.by_key.values()]
    assert "before the crash" in notes
    assert third.controller.dirty and third.windowTitle().startswith("*")


def test_pair_ids_stay_the_same_after_a_recompare(window, qtbot):
    key = diverge_key(window)
    annotate(window, qtbot, key, Verdict.CONTRADICTION, "cites the id")
    texts = {p.id: p.texts for p in window.comparison.pairs}
    with _finished(window, qtbot):
        window.threshold.setValue(15)
    assert key in window.controller.resolved.by_key
    again = {p.id: p.texts for p in window.comparison.pairs}
    assert len(again) > len(texts)
    assert all(again[pid] == pair_texts for pid, pair_texts in texts.items())


def test_a_session_file_opened_as_a_document_reopens_the_session(window, qtbot, tmp_path):
    key, path = _saved_session(window, qtbot, tmp_path)
    (tmp_path / "a.txt").write_text(OTHER_A, encoding="utf-8")
    with _finished(window, qtbot):
        window.open_path("A", str(tmp_path / "a.txt"))
    with _finished(window, qtbot):
        window.open_path("B", str(path))
    assert window.controller.session_path == str(path)
    assert window.controller.resolved.by_key[key].note == "Ask NIS"
    assert "North Korea" in window.comparison.a.title + window.comparison.b.title
