"""A second core for a long comparison: a helper process judges part of the links.

Judging the links of two long documents (reading each linked sentence's figures, dates, names
and certainty, then comparing them) takes about as long as finding the links. On a machine with
two or more cores, a helper process started when the comparison begins (importing the engine
takes a fraction of a second, done while this process reads the documents) judges the later part
of the links while this process judges the rest. Results are identical: judging a pair depends
on the two sentences only. Anything going wrong with the helper (no processes allowed, a crash,
a sentence that cannot be sent) means this process judges those links itself.

The helper is a plain `python -m compare_app.core.relate_helper` speaking pickle over its
standard input and output, not a `multiprocessing` child: a spawned child would first run the
caller's main script again, which a script without a `__main__` guard would pay for in full.
"""

from __future__ import annotations

import logging
import os
import pickle
import subprocess
import sys
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import Future
from concurrent.futures import TimeoutError as WaitTimeout
from pathlib import Path
from typing import BinaryIO

from .models import Reason, Relation, Sentence
from .progress import Cancelled
from .relations import relate

log = logging.getLogger(__name__)

# Below these sizes the helper costs more than it saves (starting it, sending the sentences).
HELPER_MIN_CHARS = 100_000   # the shorter text, to start a helper at all (the links of a long
#                              text against a short one are too few to share)
HELPER_MIN_LINKS = 400       # links to judge, to hand any of them over
HELPER_SHARE = 0.45          # of the links, the later ones: sending and receiving them costs a bit
_POLL_SECONDS = 0.05         # how often a wait for the helper asks whether to stop
_PACKAGE_ROOT = str(Path(__file__).resolve().parents[2])  # the folder holding compare_app

Judged = tuple[Relation, tuple[Reason, ...]]
LinkedPair = tuple[Sentence, Sentence]
JudgeHere = Callable[[Sequence[LinkedPair], int], list[Judged]]


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))  # the cores this process may use, not the machine's
    except (AttributeError, OSError):
        return os.cpu_count() or 1


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
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [_PACKAGE_ROOT,
                                                          env.get("PYTHONPATH")]))
        flags = getattr(subprocess, "CREATE_NO_WINDOW", 0)  # no console window on Windows
        self._process = subprocess.Popen(
            [sys.executable, "-m", __name__], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL, env=env, creationflags=flags)
        self._reader: threading.Thread | None = None

    def judge(self, linked: Sequence[LinkedPair], here: JudgeHere,
              check: Callable[[], None] = lambda: None) -> list[Judged]:
        """Verdicts for `linked`, in order: the later share judged by the helper, the rest by
        `here(pairs, number of the first)` in this process. `check()`, asked now and then while
        waiting for the helper, raises to stop."""
        split = len(linked) - int(len(linked) * HELPER_SHARE)
        theirs = linked[split:]
        reply = self._send(theirs)
        mine = here(linked[:split], 0)
        verdicts = self._receive(reply, theirs, check) if reply is not None else None
        if verdicts is None:
            verdicts = here(theirs, split)
        return mine + verdicts

    def _send(self, pairs: Sequence[LinkedPair]) -> Future | None:
        """Hand `pairs` over; the reply is read in a thread, so that waiting for it can be
        stopped. None when they could not be handed over."""
        reply: Future = Future()

        def read() -> None:
            try:
                reply.set_result(pickle.load(self._process.stdout))  # type: ignore[arg-type]
            except BaseException as err:  # noqa: BLE001 (passed on to the waiting caller)
                reply.set_exception(err)

        try:
            reader = threading.Thread(target=read, name="relate helper reply", daemon=True)
            reader.start()  # first: without a thread to read the reply, nothing is sent
            self._reader = reader
            pickle.dump(list(pairs), self._process.stdin, protocol=pickle.HIGHEST_PROTOCOL)
            self._process.stdin.flush()  # type: ignore[union-attr]
        except (OSError, RuntimeError, ValueError, pickle.PicklingError, AttributeError,
                TypeError) as err:
            log.warning("could not hand links to the helper process (%s); judging them here", err)
            return None
        return reply

    def _receive(self, reply: Future, pairs: Sequence[LinkedPair], check: Callable[[], None]
                 ) -> list[Judged] | None:
        """The helper's verdicts (None when it failed); its features are kept on the
        sentences."""
        while True:
            check()
            try:
                status, verdicts, features = reply.result(timeout=_POLL_SECONDS)
                break
            except WaitTimeout:
                continue
            except Cancelled:
                raise
            except Exception as err:  # noqa: BLE001 (a crash or a broken pipe: judged here)
                log.warning("the helper process failed (%s); judging its links here", err)
                return None
        if status != "ok":
            log.warning("the helper process failed (%s); judging its links here", verdicts)
            return None
        for pair in pairs:
            for s in pair:
                if "_features" not in s.__dict__ and s.id in features:
                    object.__setattr__(s, "_features", features[s.id])  # as Sentence caches
        return verdicts

    def close(self) -> None:
        """Stop the helper without waiting for it: told that no more work comes, it exits; one
        still working (a cancelled comparison) is ended."""
        process = self._process
        try:
            process.stdin.close()  # type: ignore[union-attr]  (end of input: it exits)
        except OSError:
            pass
        try:
            threading.Thread(target=_reap, args=(process, self._reader), daemon=True,
                             name="relate helper exit").start()
        except RuntimeError:  # no thread to spare (a memory limit): wait here
            _reap(process, self._reader)


def _reap(process: subprocess.Popen, reader: threading.Thread | None) -> None:
    """Wait for a helper to exit, ending it if it does not soon, and release its pipe."""
    try:
        process.wait(1.0)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
    if reader is not None:
        reader.join(1.0)  # its read ends with the process's output
    if process.stdout is not None:
        process.stdout.close()


def start_helper(shorter_chars: int) -> RelateHelper | None:
    """A helper for a comparison whose shorter text is this long, when one is worth starting
    and can be."""
    if shorter_chars < HELPER_MIN_CHARS or _cores() < 2 or getattr(sys, "frozen", False):
        return None  # (a frozen app's executable is the app, not a Python to run the helper)
    try:
        return RelateHelper()
    except (OSError, ValueError, subprocess.SubprocessError) as err:  # no processes here
        log.warning("no helper process for judging links (%s)", err)
        return None


if __name__ == "__main__":
    serve(sys.stdin.buffer, sys.stdout.buffer)
