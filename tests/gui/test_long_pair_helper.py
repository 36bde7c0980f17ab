"""Two long documents in the window: a helper process judges part of the links from the GUI's
worker thread, and the window shows what a comparison in one process finds."""

from __future__ import annotations

from compare_app.core import relate_helper
from compare_app.core.compare import compare_texts
from compare_app.core.loading import load_document


def test_a_long_pair_is_judged_on_two_cores_with_the_same_result(make_window, qtbot, tmp_path,
                                                                 monkeypatch, long_pair, patient):
    paths = []
    for n, text in enumerate(long_pair, start=1):
        path = tmp_path / f"long-{n}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    monkeypatch.setattr(relate_helper, "usable_cores", lambda: 2)  # whatever this machine gives
    monkeypatch.setattr(relate_helper, "HELPER_MIN_LINKS", 100)  # these texts give about 300
    answered: list[int] = []
    judge = relate_helper.RelateHelper.judge

    def spy(self, *args):
        verdicts = judge(self, *args)
        answered.append(self.judged)
        return verdicts

    monkeypatch.setattr(relate_helper.RelateHelper, "judge", spy)
    window = make_window(paths)
    qtbot.waitUntil(lambda: window.comparison is not None, timeout=120000)
    shown = window.comparison
    assert shown.a.path == str(paths[0])
    assert len(shown.pairs) >= relate_helper.HELPER_MIN_LINKS
    assert answered and answered[0] > 0, "no link was judged by the helper process"

    monkeypatch.setattr(relate_helper, "HELPER_MIN_CHARS", 10**12)  # one process
    alone = compare_texts(load_document(str(paths[0])), load_document(str(paths[1])),
                          shown.options)
    assert [(p.a, p.b, p.relation, p.reasons) for p in shown.pairs] == [
        (p.a, p.b, p.relation, p.reasons) for p in alone.pairs]
    assert shown.summary == alone.summary
    assert str(shown.summary.agree) in window.summary.text()


def test_closing_the_window_stops_its_comparison(make_window, qtbot, tmp_path, monkeypatch,
                                                 long_pair):
    """Closing the window while it compares stops the comparison (and with it the helper
    process) instead of letting it run on after the window is gone."""
    paths = []
    for n, text in enumerate(long_pair, start=1):
        path = tmp_path / f"long-{n}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    monkeypatch.setattr(relate_helper, "usable_cores", lambda: 2)
    started: list = []
    real = relate_helper.start_helper
    monkeypatch.setattr("compare_app.core.compare.start_helper",
                        lambda *sizes: started.append(real(*sizes)) or started[-1])
    window = make_window(paths)
    runner = window.controller.runner
    stopped: list[bool] = []
    runner.cancelled.connect(lambda: stopped.append(True))
    qtbot.waitUntil(lambda: bool(started), timeout=60000)  # the comparison is under way
    window.close()
    assert runner.wait(10000)
    qtbot.waitUntil(lambda: bool(stopped), timeout=10000)
    assert window.comparison is None, "the comparison ran on after the window closed"
    helper = started[0]
    if helper is not None:
        assert helper._process.poll() is not None, "the helper outlived the closed window"
