"""A second core for a long comparison: a helper process judges part of the links.

Judging the links of two long documents (reading each linked sentence's figures, dates, names
and certainty, then comparing them) takes about as long as finding the links. On a machine with
two or more cores, a helper process starts with the comparison and is given both texts. While
this process reads and links them, the helper reads them too and works out each sentence's
reading, those of the later sentences first. Then both judge the links: this process from the
first link on, the helper from the last one back, until they meet. The faster one judges more,
and nobody waits: a helper that is slow, stuck or gone just judges fewer links, or none.

Results are identical: judging a pair depends on the two sentences only, the helper is given the
same texts and acronym table, and it checks that it split and classified the texts into the same
sentences before it judges anything. The features it read come back with its verdicts, so the
window does not read them again. A cancel, or the end of the comparison, ends the helper.

The helper is a plain Python child speaking pickle over its standard input and output, which
finds the standard library first and this package next (so that neither a file in the user's
folder nor a module installed beside the package can stand in for a standard one); not a
`multiprocessing` child, which would first run the caller's main script again. A process with
a cap on its memory works alone: the helper would need as much again; so does a comparison
with a very long text.
"""

from __future__ import annotations

import gc
import hashlib
import logging
import pickle
import queue
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import BinaryIO

from .documents import build_document
from .loading import LoadedText
from .machine import memory_capped, usable_cores
from .models import ClaimFeatures, Document, Reason, Relation, Sentence
from .normalize import AliasTable
from .reading import Reading, read
from .relations import relate

log = logging.getLogger(__name__)

# Below these sizes the helper costs more than it saves (starting it, sending the texts).
HELPER_MIN_CHARS = 100_000   # the shorter text, to start a helper at all (the links of a long
#                              text against a short one are too few to share)
HELPER_MIN_LINKS = 400       # links to judge, to hand any of them over
# Above this, the longer text alone: the helper would build and read all of it (as much memory
# again as the app, over a gigabyte for a 19 MB article) for the few links a shorter text makes.
HELPER_MAX_CHARS = 3_000_000
BATCH = 16                   # links the helper judges between two reports of its verdicts
_PACKAGE_ROOT = str(Path(__file__).resolve().parents[2])  # the folder holding compare_app

Judged = tuple[Relation, tuple[Reason, ...]]
LinkedPair = tuple[Sentence, Sentence]
JudgeHere = Callable[[Sequence[LinkedPair], int], list[Judged]]


# The helper's sys.path: the standard library first, then the folder that holds this package,
# then the rest. `-m` run from that folder would put it first, so that a module there (a backport
# installed in site-packages, say) would stand in for a standard one in the helper only.
_STARTUP = ("import sys; root = sys.argv[1]; del sys.path[0]; "
            "sys.path.insert(next((i for i, p in enumerate(sys.path) "
            "if p.endswith(('site-packages', 'dist-packages'))), len(sys.path)), root); "
            "from compare_app.core.relate_helper import serve; "
            "serve(sys.stdin.buffer, sys.stdout.buffer)")


def _command() -> list[str]:
    """How the helper is started."""
    return [sys.executable, "-c", _STARTUP, _PACKAGE_ROOT]


def shape_of(*docs: Document) -> str:
    """A digest of how documents were split and classified: two processes that read the same
    texts into the same sentences agree on it."""
    digest = hashlib.blake2b(digest_size=16)
    for doc in docs:
        digest.update(f"{doc.label}:{len(doc.sentences)};".encode())
        digest.update(";".join(f"{s.start},{s.end},{s.kind.value}"
                               for s in doc.sentences).encode())
    return digest.hexdigest()


def _reading_order(doc_a: Document, doc_b: Document) -> Iterator[Sentence]:
    """The sentences a helper may have to judge, those of the last links first: A's from its
    end back, taking turns with B's from its end back (two versions of a story keep roughly to
    one order)."""
    a = [s for s in reversed(doc_a.sentences) if not s.excluded]
    b = [s for s in reversed(doc_b.sentences) if not s.excluded]
    for k in range(max(len(a), len(b))):
        yield from (side[k] for side in (a, b) if k < len(side))


def serve(inbox: BinaryIO, outbox: BinaryIO) -> None:
    """The helper's side: read the two texts, read their sentences until the links arrive, then
    judge them from the last one back, reporting every `BATCH`, until told to stop."""

    def send(message: tuple) -> None:
        pickle.dump(message, outbox, protocol=pickle.HIGHEST_PROTOCOL)
        outbox.flush()

    gc.disable()  # as in the caller: the records hold no cycles, and passes over them are costly
    try:
        _kind, loaded_a, loaded_b, aliases = pickle.load(inbox)
        doc_a = build_document("A", loaded_a, aliases)
        doc_b = build_document("B", loaded_b, aliases)
    except Exception as err:  # noqa: BLE001 (reported; the caller judges everything itself)
        send(("error", f"could not read the texts: {type(err).__name__}: {err}"))
        return
    requests: queue.Queue = queue.Queue()

    def listen() -> None:  # every later message, and None at the end of the input
        try:
            while True:
                requests.put(pickle.load(inbox))
        except Exception:  # noqa: BLE001 (end of input, or the caller is gone)
            requests.put(None)

    threading.Thread(target=listen, daemon=True).start()
    readings: dict[str, Reading] = {}
    for s in _reading_order(doc_a, doc_b):
        if not requests.empty():
            break
        try:
            s.features  # noqa: B018 (read and kept on the sentence, as judging it would)
            readings[s.id] = read(s)
        except Exception:  # noqa: BLE001 (judging that sentence will report it)
            break
    request = requests.get()
    if not (isinstance(request, tuple) and len(request) == 3 and request[0] == "judge"):
        return
    _kind, shape, pairs = request
    if shape != shape_of(doc_a, doc_b):
        send(("error", "the helper read the texts into other sentences"))
        return
    end = len(pairs)
    while end > 0 and requests.empty():  # anything more is a request to stop
        first = max(0, end - BATCH)
        try:
            linked = [(doc_a.sentences[i], doc_b.sentences[j]) for i, j in pairs[first:end]]
            verdicts = [relate(a, b, readings) for a, b in linked]
        except Exception as err:  # noqa: BLE001 (reported; the caller judges them itself)
            send(("error", f"{type(err).__name__}: {err}"))
            return
        send(("judged", first, verdicts, {s.id: s.features for pair in linked for s in pair}))
        end = first
    requests.get()  # all judged: wait to be stopped, so that an ending reads as no failure


class RelateHelper:
    """One helper process for one comparison: `read_texts`, then `judge`. Close it when the
    comparison ends."""

    def __init__(self) -> None:
        flags = getattr(subprocess, "CREATE_NO_WINDOW", 0)  # no console window on Windows
        self._process = subprocess.Popen(
            _command(), stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL, cwd=_PACKAGE_ROOT, creationflags=flags)
        self._outgoing: queue.Queue = queue.Queue()
        self._replies: queue.Queue = queue.Queue()
        self._threads = [threading.Thread(target=work, name=f"relate helper {name}", daemon=True)
                         for name, work in (("writer", self._write), ("reader", self._read))]
        try:
            for thread in self._threads:
                thread.start()
        except RuntimeError:  # no thread to spare: no helper either
            self._process.kill()
            self._process.wait()
            raise
        self.judged = 0       # links whose verdicts came from the helper
        self._gone = False    # the helper failed or stopped answering usefully

    def _write(self) -> None:
        """Send each message queued, in order (in a thread: a full pipe must keep no one
        waiting)."""
        stdin = self._process.stdin
        try:
            while (blob := self._outgoing.get()) is not None:
                stdin.write(blob)  # type: ignore[union-attr]
                stdin.flush()  # type: ignore[union-attr]
        except (OSError, ValueError):  # the helper is gone
            pass

    def _read(self) -> None:
        """Queue each message the helper sends; None when it sends no more."""
        try:
            while True:
                self._replies.put(pickle.load(self._process.stdout))  # type: ignore[arg-type]
        except Exception:  # noqa: BLE001 (end of its output, a crash, a garbled message)
            self._replies.put(None)

    def _send(self, message: tuple) -> bool:
        try:
            self._outgoing.put(pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL))
            return True
        except (pickle.PicklingError, AttributeError, TypeError, ValueError,
                MemoryError) as err:
            log.info("could not send work to the helper process (%s); judging here", err)
            self._gone = True
            return False

    def read_texts(self, a: LoadedText, b: LoadedText, aliases: AliasTable) -> None:
        """Give the helper the two texts and the acronym table they are read with."""
        self._send(("texts", a, b, aliases))

    def judge(self, doc_a: Document, doc_b: Document, linked: Sequence[LinkedPair],
              here: JudgeHere) -> list[Judged]:
        """Verdicts for `linked` (pairs of `doc_a` and `doc_b` sentences), in order: this
        process judges from the first on with `here(pairs, links done so far)`, the helper from
        the last back, until they meet."""
        n = len(linked)
        verdicts: list[Judged | None] = [None] * n
        mine, theirs = 0, n  # this process has judged [0, mine), the helper [theirs, n)
        if not self._gone and self._send(
                ("judge", shape_of(doc_a, doc_b),
                 [(a.index - 1, b.index - 1) for a, b in linked])):
            while mine < theirs:
                theirs = self._collect(linked, verdicts, theirs)
                if mine < theirs:
                    verdicts[mine] = here(linked[mine:mine + 1], mine + n - theirs)[0]
                    mine += 1
            self.judged = n - theirs
        if mine < theirs:  # the helper could not be given the links
            verdicts[mine:theirs] = here(linked[mine:theirs], mine)
        self.close()
        return verdicts  # type: ignore[return-value]  (every one is set)

    def _collect(self, linked: Sequence[LinkedPair], verdicts: list[Judged | None],
                 theirs: int) -> int:
        """Take in the verdicts the helper has sent (without waiting for more); where its
        judged links now begin."""
        while not self._gone:
            try:
                message = self._replies.get_nowait()
            except queue.Empty:
                break
            if not _fits(message, theirs):
                detail = message[1] if isinstance(message, tuple) and len(message) == 2 else (
                    "it stopped" if message is None else "an answer that does not fit")
                log.info("the helper process failed (%s); judging its links here", detail)
                self._gone = True
                break
            _kind, first, judged, features = message
            verdicts[first:theirs] = judged
            for pair in linked[first:theirs]:
                for s in pair:
                    if "_features" not in s.__dict__ and s.id in features:
                        object.__setattr__(s, "_features", features[s.id])  # as Sentence caches
            theirs = first
        return theirs

    def close(self) -> None:
        """End the helper at once (it holds nothing worth keeping) and free its pipes. Starts no
        thread (under a memory cap one may not start); may be called again."""
        process = self._process
        if process.poll() is None:
            process.kill()
        process.wait()
        self._outgoing.put(None)
        for thread in self._threads:
            thread.join(1.0)  # the reader ends with the helper's output, the writer on None
        for pipe in (process.stdin, process.stdout):
            try:
                if pipe is not None:
                    pipe.close()
            except OSError:
                pass


def _fits(message: object, theirs: int) -> bool:
    """Whether a message from the helper is verdicts for the links just before `theirs` (the
    first it has not judged yet), with the features of their sentences."""
    if not (isinstance(message, tuple) and len(message) == 4 and message[0] == "judged"):
        return False
    _kind, first, judged, features = message
    return (type(first) is int and isinstance(judged, list) and isinstance(features, dict)
            and 0 <= first and first + len(judged) == theirs
            and all(type(v) is tuple and len(v) == 2 and isinstance(v[0], Relation)
                    and type(v[1]) is tuple and all(isinstance(r, Reason) for r in v[1])
                    for v in judged)
            and all(isinstance(f, ClaimFeatures) for f in features.values()))


def start_helper(shorter_chars: int, longer_chars: int = 0) -> RelateHelper | None:
    """A helper for a comparison of texts this long, when one is worth starting and can be."""
    if (shorter_chars < HELPER_MIN_CHARS or longer_chars > HELPER_MAX_CHARS
            or usable_cores() < 2 or getattr(sys, "frozen", False) or not sys.executable
            or memory_capped()):
        return None  # (a frozen app's executable is the app, not a Python to run the helper)
    try:
        return RelateHelper()
    except (OSError, ValueError, TypeError, RuntimeError, subprocess.SubprocessError) as err:
        log.info("no helper process for judging links (%s)", err)  # no processes or threads
        return None


if __name__ == "__main__":
    serve(sys.stdin.buffer, sys.stdout.buffer)
