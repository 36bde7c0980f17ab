"""A long comparison shares the judging of its links with a helper process: same verdicts, the
sentences' features come back, a broken helper costs nothing, a cancel ends it."""

from __future__ import annotations

import subprocess
import sys
import time

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
    monkeypatch.setattr(relate_helper, "_cores", lambda: 2)
    monkeypatch.setattr(relate_helper, "HELPER_MIN_LINKS", 1)
    started: list[relate_helper.RelateHelper] = []
    real = relate_helper.start_helper

    def recording(shorter_chars: int):
        helper = real(shorter_chars)
        started.append(helper)
        return helper

    monkeypatch.setattr(compare, "start_helper", recording)
    return started


def _verdicts(c) -> list[tuple]:
    return [(p.a, p.b, p.score, p.relation, [r.to_json() for r in p.reasons]) for p in c.pairs]


def _compare():
    a, b = _texts()
    return compare_texts(load_text(a, name="A"), load_text(b, name="B"))


def _answers(monkeypatch) -> list:
    """The helper's answers (None for one not used), as the comparison receives them."""
    answered: list = []
    receive = relate_helper.RelateHelper._receive

    def spy(self, *args):
        verdicts = receive(self, *args)
        answered.append(verdicts)
        return verdicts

    monkeypatch.setattr(relate_helper.RelateHelper, "_receive", spy)
    return answered


def test_the_helper_judges_as_this_process_does(helper_for_any_size, monkeypatch):
    answered = _answers(monkeypatch)
    shared = _compare()
    assert helper_for_any_size and helper_for_any_size[0] is not None
    assert answered and answered[0], "the helper judged no link"
    monkeypatch.undo()
    alone = _compare()
    assert _verdicts(shared) == _verdicts(alone)
    assert sum(p.relation is Relation.DIVERGE for p in alone.pairs) >= 3
    # the sentences the helper read keep their features: the window does not read them again
    last = shared.pairs[-1]
    assert "_features" in shared.sentence(last.a[0]).__dict__


def test_a_helper_that_dies_costs_nothing(helper_for_any_size, monkeypatch):
    class Dying(relate_helper.RelateHelper):
        def __init__(self) -> None:
            self._process = subprocess.Popen([sys.executable, "-c", "import sys; sys.exit(3)"],
                                             stdin=subprocess.PIPE, stdout=subprocess.PIPE)
            self._exchange, self._pending = None, False
            self._process.wait()

    monkeypatch.setattr(relate_helper, "RelateHelper", Dying)
    with_dead_helper = _compare()
    monkeypatch.undo()
    assert _verdicts(with_dead_helper) == _verdicts(_compare())


def test_no_processes_means_judging_alone(monkeypatch):
    monkeypatch.setattr(relate_helper, "HELPER_MIN_CHARS", 0)
    monkeypatch.setattr(relate_helper, "_cores", lambda: 2)
    monkeypatch.setattr(relate_helper, "HELPER_MIN_LINKS", 1)

    def refused(*args, **kwargs):
        raise OSError("process creation refused")

    monkeypatch.setattr(relate_helper.subprocess, "Popen", refused)
    assert relate_helper.start_helper(10**6) is None
    c = _compare()
    assert sum(p.relation is Relation.DIVERGE for p in c.pairs) >= 3


def test_a_cancel_while_waiting_ends_the_helper(helper_for_any_size, monkeypatch):
    class Slow(relate_helper.RelateHelper):
        """A helper that never answers."""

        def __init__(self) -> None:
            self._process = subprocess.Popen(
                [sys.executable, "-c", "import sys, time; sys.stdin.buffer.read(); "
                 "time.sleep(60)"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
            self._exchange, self._pending = None, False

    monkeypatch.setattr(relate_helper, "RelateHelper", Slow)
    state = {"waiting": False}
    receive = Slow._receive

    def waiting(self, *args):
        state["waiting"] = True
        return receive(self, *args)

    monkeypatch.setattr(Slow, "_receive", waiting)
    a, b = _texts()
    with pytest.raises(Cancelled):
        compare_texts(load_text(a, name="A"), load_text(b, name="B"),
                      cancelled=lambda: state["waiting"])
    try:
        helper_for_any_size[0]._process.wait(10)
    except subprocess.TimeoutExpired:
        pytest.fail("the helper of a cancelled comparison is still running")


def test_short_texts_start_no_helper():
    assert relate_helper.start_helper(relate_helper.HELPER_MIN_CHARS - 1) is None


def test_a_file_in_the_users_folder_cannot_stand_in_for_a_module(helper_for_any_size,
                                                                  monkeypatch, tmp_path):
    """The helper starts in the package's own folder: a `textwrap.py` (or any module name)
    in the folder the user works in is not imported in its place."""
    (tmp_path / "textwrap.py").write_text("import time\ntime.sleep(60)\n", encoding="utf-8")
    (tmp_path / "pickle.py").write_text("raise SystemExit(9)\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    answered = _answers(monkeypatch)
    started = time.monotonic()
    shared = _compare()
    assert answered and answered[0], "the helper did not answer"
    assert time.monotonic() - started < 30
    monkeypatch.undo()
    assert _verdicts(shared) == _verdicts(_compare())


def test_an_answer_that_does_not_cover_every_pair_is_not_used(helper_for_any_size, monkeypatch):
    real = relate_helper.RelateHelper._send

    def short_answer(self, pairs):
        reply = real(self, pairs)
        if reply is None:
            return None
        shortened = relate_helper.Future()
        reply.add_done_callback(lambda done: shortened.set_result(("ok", [], {})))
        return shortened

    monkeypatch.setattr(relate_helper.RelateHelper, "_send", short_answer)
    with_short_answer = _compare()
    monkeypatch.undo()
    assert _verdicts(with_short_answer) == _verdicts(_compare())


def test_a_helper_that_never_answers_is_given_up(helper_for_any_size, monkeypatch):
    class Mute(relate_helper.RelateHelper):
        """Reads nothing and answers nothing."""

        def __init__(self) -> None:
            self._process = subprocess.Popen(
                [sys.executable, "-c", "import time; time.sleep(60)"], stdin=subprocess.PIPE,
                stdout=subprocess.PIPE)
            self._exchange, self._pending = None, False

    monkeypatch.setattr(relate_helper, "RelateHelper", Mute)
    monkeypatch.setattr(relate_helper, "_GRACE_SECONDS", 0.5)
    started = time.monotonic()
    given_up = _compare()
    assert time.monotonic() - started < 20
    process = helper_for_any_size[0]._process
    assert process.poll() is not None, "the mute helper is still running"
    monkeypatch.undo()
    assert _verdicts(given_up) == _verdicts(_compare())


def test_a_process_with_a_memory_cap_works_alone(monkeypatch):
    monkeypatch.setattr(relate_helper, "_memory_capped", lambda: True)
    monkeypatch.setattr(relate_helper, "_cores", lambda: 2)
    assert relate_helper.start_helper(10**7) is None
