"""A long comparison shares the judging of its links with a helper process: same verdicts, the
sentences' features come back, a broken, mute or confused helper costs nothing and keeps no one
waiting, a cancel ends it."""

from __future__ import annotations

import subprocess
import sys

import pytest

from compare_app.core import compare, relate_helper
from compare_app.core.compare import Cancelled, compare_texts
from compare_app.core.loading import load_text
from compare_app.core.models import Relation

TOWNS = ["Ashford", "Brampton", "Carlisle", "Dunmore", "Elmstead", "Fairlie", "Glenrock",
         "Hartwell", "Ivybridge", "Jedburgh", "Kelso", "Lanark"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def _texts() -> tuple[str, str]:
    """Two reports of the same council votes; every third one with another figure in B."""
    a, b = [], []
    for n, town in enumerate(TOWNS):
        day = DAYS[n % len(DAYS)]
        homes = 120 + 37 * n
        a.append(f"The {town} council approved {homes} new homes on {day} after a long debate.")
        other = homes + 50 if n % 3 == 0 else homes
        b.append(f"On {day}, {town} councillors approved {other} new homes after a long debate.")
        a.append(f"Residents of {town} said the {town} plan would double traffic near schools.")
        b.append(f"Residents in {town} warned that the {town} plan would double school traffic.")
    return " ".join(a), " ".join(b)


@pytest.fixture
def helper_for_any_size(monkeypatch):
    """A helper for these short texts, as for long ones; the helpers started are recorded."""
    monkeypatch.setattr(relate_helper, "HELPER_MIN_CHARS", 0)
    monkeypatch.setattr(relate_helper, "usable_cores", lambda: 2)
    monkeypatch.setattr(relate_helper, "HELPER_MIN_LINKS", 1)
    started: list[relate_helper.RelateHelper] = []
    real = relate_helper.start_helper

    def recording(*sizes: int):
        helper = real(*sizes)
        started.append(helper)
        return helper

    monkeypatch.setattr(compare, "start_helper", recording)
    return started


def _verdicts(c) -> list[tuple]:
    return [(p.a, p.b, p.score, p.relation, [r.to_json() for r in p.reasons]) for p in c.pairs]


def _compare(cancelled=None):
    a, b = _texts()
    return compare_texts(load_text(a, name="A"), load_text(b, name="B"), cancelled=cancelled)


def _alone(monkeypatch):
    monkeypatch.undo()
    return _compare()


def _fake_helper(monkeypatch, code: str) -> None:
    """Helpers started from now on run this Python code instead of the real helper."""
    monkeypatch.setattr(relate_helper, "_command", lambda: [sys.executable, "-c", code])


def test_the_helper_judges_as_this_process_does(helper_for_any_size, patient, monkeypatch):
    shared = _compare()
    helper = helper_for_any_size[0]
    assert helper is not None and helper.judged > 0, "the helper judged no link"
    assert helper._process.poll() is not None, "the helper outlived its comparison"
    alone = _alone(monkeypatch)
    assert _verdicts(shared) == _verdicts(alone)
    assert sum(p.relation is Relation.DIVERGE for p in alone.pairs) >= 3
    # the helper judges from the last link back; the sentences it read keep their features,
    # so the window does not read them again
    last = shared.pairs[-1]
    assert "_features" in shared.sentence(last.a[0]).__dict__


def test_a_helper_that_dies_costs_nothing(helper_for_any_size, patient, monkeypatch):
    _fake_helper(monkeypatch, "import sys; sys.exit(3)")
    with_dead_helper = _compare()
    assert helper_for_any_size[0].judged == 0
    assert _verdicts(with_dead_helper) == _verdicts(_alone(monkeypatch))


def test_a_helper_that_never_answers_keeps_no_one_waiting(helper_for_any_size, monkeypatch):
    """It reads what it is sent and says nothing: this process judges every link itself, at
    its own pace (there is nothing to wait for), and the mute helper is ended."""
    _fake_helper(monkeypatch, "import sys; sys.stdin.buffer.read()")
    given_up = _compare()
    helper = helper_for_any_size[0]
    assert helper.judged == 0
    assert helper._process.poll() is not None, "the mute helper is still running"
    assert _verdicts(given_up) == _verdicts(_alone(monkeypatch))


def test_an_answer_that_does_not_fit_is_not_used(helper_for_any_size, patient, monkeypatch):
    """A reply that claims links it does not answer (here: none of them) is dropped."""
    _fake_helper(monkeypatch, "import pickle, sys\n"
                 "pickle.load(sys.stdin.buffer); pickle.load(sys.stdin.buffer)\n"
                 "pickle.dump(('judged', 0, [], {}), sys.stdout.buffer); sys.stdout.flush()\n"
                 "sys.stdin.buffer.read()")
    with_bad_answer = _compare()
    assert helper_for_any_size[0].judged == 0
    assert _verdicts(with_bad_answer) == _verdicts(_alone(monkeypatch))


@pytest.mark.parametrize("reply", [
    "('judged', n - 1, [None], {})",              # no verdict at all
    "('judged', n - 1, [('agree',)], {})",          # not a relation and its reasons
    "('judged', n - 1, [verdict], {'A1': 'x'})",   # features that are not features
])
def test_verdicts_that_do_not_fit_are_not_used(helper_for_any_size, patient, monkeypatch,
                                                reply):
    """A reply framed right (it answers the last link) but holding no usable verdict."""
    _fake_helper(monkeypatch, "import pickle, sys\n"
                 "from compare_app.core.models import Relation\n"
                 "verdict = (Relation.AGREE, ())\n"
                 "pickle.load(sys.stdin.buffer); n = len(pickle.load(sys.stdin.buffer)[2])\n"
                 f"pickle.dump({reply}, sys.stdout.buffer); sys.stdout.flush()\n"
                 "sys.stdin.buffer.read()")
    with_bad_verdicts = _compare()
    assert helper_for_any_size[0].judged == 0
    assert _verdicts(with_bad_verdicts) == _verdicts(_alone(monkeypatch))


def test_a_helper_that_read_other_sentences_judges_nothing(helper_for_any_size, patient,
                                                            monkeypatch):
    """The helper splits the texts itself; if its sentences were not these, it says so."""
    monkeypatch.setattr(relate_helper, "shape_of", lambda *docs: "another split")
    checked = _compare()
    assert helper_for_any_size[0].judged == 0
    assert _verdicts(checked) == _verdicts(_alone(monkeypatch))


def test_no_processes_means_judging_alone(monkeypatch):
    monkeypatch.setattr(relate_helper, "HELPER_MIN_CHARS", 0)
    monkeypatch.setattr(relate_helper, "usable_cores", lambda: 2)
    monkeypatch.setattr(relate_helper, "HELPER_MIN_LINKS", 1)

    def refused(*args, **kwargs):
        raise OSError("process creation refused")

    monkeypatch.setattr(relate_helper.subprocess, "Popen", refused)
    assert relate_helper.start_helper(10**6) is None
    c = _compare()
    assert sum(p.relation is Relation.DIVERGE for p in c.pairs) >= 3


def test_a_cancel_while_judging_ends_the_helper(helper_for_any_size, monkeypatch):
    state = {"judging": False}
    judge = relate_helper.RelateHelper.judge

    def judging(self, *args):
        state["judging"] = True
        return judge(self, *args)

    monkeypatch.setattr(relate_helper.RelateHelper, "judge", judging)
    with pytest.raises(Cancelled):
        _compare(cancelled=lambda: state["judging"])
    try:
        helper_for_any_size[0]._process.wait(10)
    except subprocess.TimeoutExpired:
        pytest.fail("the helper of a cancelled comparison is still running")


def test_short_texts_start_no_helper():
    assert relate_helper.start_helper(relate_helper.HELPER_MIN_CHARS - 1) is None


def test_a_very_long_text_starts_no_helper(monkeypatch):
    """The helper would build and read all of it, as much memory again as the app."""
    monkeypatch.setattr(relate_helper, "usable_cores", lambda: 2)
    monkeypatch.setattr(relate_helper, "memory_capped", lambda: False)
    assert relate_helper.start_helper(200_000, relate_helper.HELPER_MAX_CHARS + 1) is None
    helper = relate_helper.start_helper(200_000, relate_helper.HELPER_MAX_CHARS)
    assert helper is not None
    helper.close()


def test_no_python_to_run_means_no_helper(monkeypatch):
    monkeypatch.setattr(relate_helper, "usable_cores", lambda: 2)
    monkeypatch.setattr(relate_helper, "memory_capped", lambda: False)
    monkeypatch.setattr(relate_helper.sys, "executable", "")
    assert relate_helper.start_helper(10**6) is None


def test_the_standard_library_comes_before_the_packages_folder(tmp_path):
    """A module beside the package (a backport installed in site-packages) does not stand in
    for a standard one in the helper."""
    (tmp_path / "dataclasses.py").write_text("raise ImportError('shadowed')\n", encoding="utf-8")
    code = relate_helper._STARTUP.replace(
        "from compare_app.core.relate_helper import serve; "
        "serve(sys.stdin.buffer, sys.stdout.buffer)",
        "import dataclasses; print(dataclasses.__file__); print(sys.path.index(root))")
    out = subprocess.run([sys.executable, "-c", code, str(tmp_path)], cwd=tmp_path,
                         capture_output=True, text=True, check=True).stdout.split()
    assert str(tmp_path) not in out[0]
    assert int(out[1]) > 0


def test_a_file_in_the_users_folder_cannot_stand_in_for_a_module(helper_for_any_size, patient,
                                                                  monkeypatch, tmp_path):
    """The helper starts in the package's own folder: a `textwrap.py` (or any module name)
    in the folder the user works in is not imported in its place."""
    (tmp_path / "textwrap.py").write_text("import time\ntime.sleep(60)\n", encoding="utf-8")
    (tmp_path / "pickle.py").write_text("raise SystemExit(9)\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    shared = _compare()
    assert helper_for_any_size[0].judged > 0, "the helper judged no link"
    assert _verdicts(shared) == _verdicts(_alone(monkeypatch))


def test_a_process_with_a_memory_cap_works_alone(monkeypatch):
    monkeypatch.setattr(relate_helper, "memory_capped", lambda: True)
    monkeypatch.setattr(relate_helper, "usable_cores", lambda: 2)
    assert relate_helper.start_helper(10**7) is None
