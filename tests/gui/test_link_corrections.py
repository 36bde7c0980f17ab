"""The analyst corrects the engine in the window: suggestions with one-click linking, linking by
picking, unlink and relabel with undo, and decisions that outlive re-comparisons and sessions."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt

from compare_app.core.models import Relation, Status


def _lonely_with_candidate(window) -> tuple[str, str]:
    """An A sentence the engine left unsupported, and its best candidate in B."""
    c = window.comparison
    for s in c.a.sentences:
        picks = c.suggestions.get(s.id, ())
        if c.statuses[s.id] is Status.UNSUPPORTED and picks:
            return s.id, picks[0][0]
    raise AssertionError("no unsupported sentence with a candidate")


def _finished(window, qtbot):
    return qtbot.waitSignal(window.controller.comparison_finished, timeout=20000)


def test_suggestions_link_in_one_click_and_undo_takes_it_back(window, qtbot):
    a_id, b_id = _lonely_with_candidate(window)
    before = window.comparison.summary
    window.select_sentence(a_id)
    panel = window.links_panel
    assert panel.sentence_id == a_id and panel.candidates.topLevelItemCount() >= 1
    first = panel.candidates.topLevelItem(0)
    assert first.text(0) == b_id and float(first.text(1)) < window.comparison.options.threshold
    with _finished(window, qtbot):
        qtbot.mouseClick(panel.link_button, Qt.MouseButton.LeftButton)
    pair = window.comparison.pair_of(a_id)
    assert pair is not None and pair.b == (b_id,) and pair.linked_by_analyst
    assert window.current_key == pair.id  # the new pair is selected
    row = window.model.row_of(pair.id)
    assert "(analyst)" in window.model.index(row, 0).data()
    assert window.comparison.summary.unsupported["A"] == before.unsupported["A"] - 1
    assert "linked by the analyst" in window.detail.toPlainText()
    assert window.side_tabs.tabText(window.side_tabs.indexOf(panel)) == "Links (1)"
    assert window.controller.dirty
    with _finished(window, qtbot):
        window.act_undo.trigger()
    assert window.comparison.pair_of(a_id) is None
    with _finished(window, qtbot):
        window.act_redo.trigger()
    assert window.comparison.pair_of(a_id).linked_by_analyst


def test_link_by_picking_a_sentence_in_the_other_pane(window, qtbot):
    a_id, _ = _lonely_with_candidate(window)
    b_id = next(s.id for s in reversed(window.comparison.b.sentences)
                if window.comparison.statuses[s.id] is Status.UNSUPPORTED)
    window.select_sentence(a_id)
    window.act_link.trigger()
    assert a_id in window.statusBar().currentMessage()
    with _finished(window, qtbot):
        window.select_sentence(b_id)  # what a click in pane B does
    pair = window.comparison.pair_of(b_id)
    assert pair is not None and pair.a == (a_id,) and pair.linked_by_analyst


def test_unlink_relabel_and_restore_with_undo(window, qtbot):
    agree = next(p for p in window.comparison.pairs if p.relation is Relation.AGREE)
    window.select_key(agree.id)
    panel = window.links_panel
    diverge_about_number = panel.diverge.menu().actions()[0]
    with _finished(window, qtbot):
        diverge_about_number.trigger()
    relabelled = window.comparison.pair(agree.id)
    assert relabelled.relation is Relation.DIVERGE and relabelled.relation_by_analyst
    assert relabelled.reasons[0].kind.value == "number"
    assert window.comparison.statuses[agree.a[0]] is Status.DIVERGE
    assert panel.restore.isEnabled()
    with _finished(window, qtbot):
        qtbot.mouseClick(panel.restore, Qt.MouseButton.LeftButton)
    assert window.comparison.pair(agree.id).relation is Relation.AGREE
    window.select_key(agree.id)
    with _finished(window, qtbot):
        window.act_unlink.trigger()
    assert agree.id not in {p.id for p in window.comparison.pairs}
    assert window.comparison.statuses[agree.a[0]] is not Status.AGREE
    with _finished(window, qtbot):
        window.act_undo.trigger()
    assert window.comparison.pair(agree.id).relation is Relation.AGREE


def test_decisions_survive_a_recompare_a_session_and_reach_the_report(window, qtbot, tmp_path,
                                                                     make_window):
    a_id, b_id = _lonely_with_candidate(window)
    with _finished(window, qtbot):
        window.controller.link(a_id, b_id)
    with _finished(window, qtbot):
        window.threshold.setValue(70)
    assert window.comparison.pair_of(a_id).linked_by_analyst
    path = tmp_path / "fixed.cmpsession"
    window.ask_session_path = lambda saving: str(path)
    assert window.save_session()
    window.close()
    again = make_window([str(path)])
    qtbot.waitUntil(lambda: again.comparison is not None, timeout=20000)
    assert again.comparison.pair_of(a_id).linked_by_analyst
    target = tmp_path / "report.json"
    again.ask_export_path = lambda: str(target)
    again.act_export.trigger()
    data = json.loads(target.read_text(encoding="utf-8"))
    assert data["corrections"][0]["ids"] == [a_id, b_id]
    assert any(p.get("analyst", {}).get("linked") for p in data["pairs"])


def test_a_decision_whose_sentence_vanished_is_listed_not_dropped(make_window, qtbot, tmp_path,
                                                                   sample_paths):
    copies = []
    for path in sample_paths:
        copy = tmp_path / path.name
        copy.write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
        copies.append(copy)
    window = make_window(copies)
    qtbot.waitUntil(lambda: window.comparison is not None, timeout=20000)
    a_id, b_id = _lonely_with_candidate(window)
    with _finished(window, qtbot):
        window.controller.link(a_id, b_id)
    sentence = window.comparison.sentence(a_id).text
    copies[0].write_text(copies[0].read_text(encoding="utf-8").replace(sentence, ""),
                         encoding="utf-8")
    with _finished(window, qtbot):
        window.act_reload.trigger()
    assert len(window.controller.unplaced) == 1
    item = window.links_panel.decisions.item(0).text()
    assert "no longer found" in item and item.startswith("⚠")
