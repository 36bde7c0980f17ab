"""A second core for a long comparison: a helper process judges part of the links.

Judging the links of two long documents (reading each linked sentence's figures, dates, names
and certainty, then comparing them) takes about as long as finding the links. On a machine with
two or more cores, a helper process started when the comparison begins (it imports the engine
while this process prepares and links the texts) judges the later part of the links while this
process judges the rest. Results are identical: judging a pair depends on the two sentences
only, and a reply that does not answer every pair is not used. Anything going wrong with the
helper (no processes allowed, a crash, a sentence that cannot be sent, no answer in time) means
this process judges those links itself; a cancel ends the helper.

The helper is a plain `python -m compare_app.core.relate_helper`, started in the folder that
holds the package (so a file in the user's folder cannot stand in for a module), speaking pickle
over its standard input and output; not a `multiprocessing` child, which would first run the
caller's main script again. A process with a cap on its memory works alone: the helper would
need as much again.
"""

from __future__ import annotations

import logging
import os
import pickle
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import Future
from concurrent.futures import TimeoutError as WaitTimeout
from pathlib import Path
from typing import BinaryIO

from .models import Reason, Relation, Sentence
from .relations import relate

log = logging.getLogger(__name__)

# Below these sizes the helper costs more than it saves (starting it, sending the sentences).
HELPER_MIN_CHARS = 100_000   # the shorter text, to start a helper at all (the links of a long
#                              text against a short one are too few to share)
HELPER_MIN_LINKS = 400       # links to judge, to hand any of them over
HELPER_SHARE = 0.45          # of the links, the later ones: sending and receiving them costs a bit
_POLL_SECONDS = 0.05         # how often a wait for the helper asks whether to stop
# The helper's answer is waited for this many times as long as this process took for its own
# share, and this many seconds more; then this process judges those links itself.
_PATIENCE, _GRACE_SECONDS = 3.0, 5.0
_PACKAGE_ROOT = str(Path(__file__).resolve().parents[2])  # the folder holding compare_app

Judged = tuple[Relation, tuple[Reason, ...]]
LinkedPair = tuple[Sentence, Sentence]
JudgeHere = Callable[[Sequence[LinkedPair], int], list[Judged]]


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))  # the cores this process may use, not the machine's
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def _memory_capped() -> bool:
    """Whether this process runs under a cap on its address space (`ulimit -v`)."""
    try:
        import resource  # POSIX only
    except ImportError:
        return False
    try:
        soft, _hard = resource.getrlimit(resource.RLIMIT_AS)
    except (OSError, ValueError, AttributeError):
        return False
    return soft != resource.RLIM_INFINITY


def serve(inbox: BinaryIO, outbox: BinaryIO) -> None:
    """The helper's loop: judge each batch of pairs received, send back the verdicts and the
    features read on the way (so that the caller's sentences need not read them again)."""
    while True:
        try:
            pairs = pickle.load(inbox)
        except EOFError:
            return
        if pairs is None:
            return
        try:
            readings: dict = {}
            verdicts = [relate(a, b, readings) for a, b in pairs]
            features = {s.id: s.features for pair in pairs for s in pair}
            reply: tuple = ("ok", verdicts, features)
        except Exception as err:  # noqa: BLE001 (reported to the caller, which judges them itself)
            reply = ("error", f"{type(err).__name__}: {err}", None)
        pickle.dump(reply, outbox, protocol=pickle.HIGHEST_PROTOCOL)
        outbox.flush()


class RelateHelper:
    """One helper process for one comparison. Close it when the comparison ends."""

    def __init__(self) -> None:
        flags = getattr(subprocess, "CREATE_NO_WINDOW", 0)  # no console window on Windows
        self._process = subprocess.Popen(
            [sys.executable, "-m", __name__], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL, cwd=_PACKAGE_ROOT, creationflags=flags)
        self._exchange: threading.Thread | None = None
        self._pending = False  # a request sent whose answer has not been read

    def judge(self, linked: Sequence[LinkedPair], here: JudgeHere,
              check: Callable[[], None] = lambda: None) -> list[Judged]:
        """Verdicts for `linked`, in order: the later share judged by the helper, the rest by
        `here(pairs, number of the first)` in this process. `check()`, asked now and then while
        waiting for the helper, raises to stop."""
        split = len(linked) - int(len(linked) * HELPER_SHARE)
        theirs = linked[split:]
        reply = self._send(theirs)
        began = time.monotonic()
        mine = here(linked[:split], 0)
        patience = _PATIENCE * (time.monotonic() - began) + _GRACE_SECONDS
        verdicts = self._receive(reply, theirs, check, patience) if reply is not None else None
        if verdicts is None:
            verdicts = here(theirs, split)
        return mine + verdicts

    def _send(self, pairs: Sequence[LinkedPair]) -> Future | None:
        """Hand `pairs` over. They are pickled here, before this process reads any of them;
        writing and reading the answer happen in a thread, so that neither a full pipe nor a
        slow helper can keep a cancel waiting. None when they could not be handed over."""
        try:
            request = pickle.dumps(list(pairs), protocol=pickle.HIGHEST_PROTOCOL)
        except (pickle.PicklingError, AttributeError, TypeError, ValueError, MemoryError) as err:
            log.info("could not hand links to the helper process (%s); judging them here", err)
            return None
        reply: Future = Future()
        stdin, stdout = self._process.stdin, self._process.stdout

        def exchange() -> None:
            try:
                stdin.write(request)  # type: ignore[union-attr]
                stdin.flush()  # type: ignore[union-attr]
                reply.set_result(pickle.load(stdout))  # type: ignore[arg-type]
            except BaseException as err:  # noqa: BLE001 (passed on to the waiting caller)
                reply.set_exception(err)

        try:
            thread = threading.Thread(target=exchange, name="relate helper", daemon=True)
            thread.start()
        except RuntimeError as err:  # no thread to spare
            log.info("no thread to talk to the helper process (%s); judging here", err)
            return None
        self._exchange, self._pending = thread, True
        return reply

    def _receive(self, reply: Future, pairs: Sequence[LinkedPair], check: Callable[[], None],
                 patience: float) -> list[Judged] | None:
        """The helper's verdicts, one for each pair (None when it failed or took longer than
        `patience` seconds); the features it read are kept on the sentences."""
        deadline = time.monotonic() + patience
        while True:
            check()
            try:
                answer = reply.result(timeout=_POLL_SECONDS)
                break
            except WaitTimeout:
                if time.monotonic() > deadline:
                    log.info("the helper process did not answer in time; judging its links here")
                    return None
            except Exception as err:  # noqa: BLE001 (a crash or a broken pipe: judged here)
                log.info("the helper process failed (%s); judging its links here", err)
                return None
        self._pending = False
        ok = (isinstance(answer, tuple) and len(answer) == 3 and answer[0] == "ok"
              and isinstance(answer[1], list) and len(answer[1]) == len(pairs)
              and isinstance(answer[2], dict))
        if not ok:
            log.info("the helper process gave no usable answer; judging its links here")
            return None
        _status, verdicts, features = answer
        for pair in pairs:
            for s in pair:
                if "_features" not in s.__dict__ and s.id in features:
                    object.__setattr__(s, "_features", features[s.id])  # as Sentence caches
        return verdicts

    def close(self) -> None:
        """Stop the helper: one still working (a cancel, an error, no answer in time) is ended
        at once; an idle one is told that no more work comes and exits. No thread is started
        (under a memory cap one may not start)."""
        process = self._process
        if self._pending:
            process.kill()
        try:
            process.stdin.close()  # type: ignore[union-attr]  (end of input: it exits)
        except OSError:
            pass
        try:
            process.wait(1.0)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        if self._exchange is not None:
            self._exchange.join(1.0)  # its read ends with the process's output
        if process.stdout is not None:
            process.stdout.close()


def start_helper(shorter_chars: int) -> RelateHelper | None:
    """A helper for a comparison whose shorter text is this long, when one is worth starting
    and can be."""
    if shorter_chars < HELPER_MIN_CHARS or _cores() < 2 or getattr(sys, "frozen", False) or (
            _memory_capped()):
        return None  # (a frozen app's executable is the app, not a Python to run the helper)
    try:
        return RelateHelper()
    except (OSError, ValueError, subprocess.SubprocessError) as err:  # no processes here
        log.info("no helper process for judging links (%s)", err)
        return None


if __name__ == "__main__":
    serve(sys.stdin.buffer, sys.stdout.buffer)
