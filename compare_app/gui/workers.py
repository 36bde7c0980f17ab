"""One background runner: jobs run on a thread pool, results of superseded jobs are dropped."""

from __future__ import annotations

import gc
import itertools
import logging
import threading
from collections.abc import Callable
from contextlib import contextmanager
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal

from ..core.loading import InputError
from ..core.progress import Cancelled

log = logging.getLogger(__name__)

# A job receives progress(done, total) and cancelled() callbacks and returns its result.
Job = Callable[[Callable[[int, int], None], Callable[[], bool]], Any]


@contextmanager
def _gc_paused():
    """No cyclic garbage collection while a job builds its many small records: a full pass over
    a large heap holds the interpreter lock long enough to freeze the window (~250 ms measured).
    Survivors are moved out of the collector's sight afterwards; they are acyclic records that
    reference counting frees when a newer result replaces them."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if was_enabled:
            gc.enable()


class _TaskSignals(QObject):
    finished = Signal(int, object)
    failed = Signal(int, str)
    progress = Signal(int, int, int)
    dropped = Signal(int)


class _Task(QRunnable):
    def __init__(self, token: int, job: Job, signals: _TaskSignals,
                 cancel: threading.Event) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self.token, self.job, self.signals, self.cancel = token, job, signals, cancel

    def run(self) -> None:
        token = self.token
        try:
            with _gc_paused():
                result = self.job(
                    lambda done, total: self.signals.progress.emit(token, done, total),
                                  self.cancel.is_set)
        except Cancelled:
            self.signals.dropped.emit(token)
        except InputError as err:
            self.signals.failed.emit(token, str(err))
        except MemoryError:
            self.signals.failed.emit(token, "not enough memory to compare these documents")
        except Exception as err:  # reported in the window, never a crash
            log.exception("background job failed")
            self.signals.failed.emit(token, f"comparison failed: {type(err).__name__}: {err}")
        else:
            self.signals.finished.emit(token, result)


class TaskRunner(QObject):
    """Runs the latest submitted job off the GUI thread.

    `submit(job, delay_ms)` debounces: a job submitted while another waits replaces it. Starting a
    job cancels the running one; a result that arrives from a superseded job is dropped.
    `cancel()` stops the waiting and the running job; `cancelled` says when it has stopped."""

    result_ready = Signal(object)
    failed = Signal(str)
    cancelled = Signal()
    progress = Signal(int, int)
    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(2)
        self._tokens = itertools.count(1)
        self._current = 0
        self._stopped = 0  # the token the user cancelled
        self._cancel: threading.Event | None = None
        self._pending: Job | None = None
        self._signals: dict[int, _TaskSignals] = {}
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._start_pending)

    @property
    def busy(self) -> bool:
        return bool(self._signals) or self._timer.isActive()

    def submit(self, job: Job, delay_ms: int = 0) -> None:
        self._pending = job
        was_busy = self.busy
        self._timer.start(max(0, delay_ms))
        if not was_busy:
            self.busy_changed.emit(True)

    def _start_pending(self) -> None:
        job, self._pending = self._pending, None
        if job is None:
            return
        if self._cancel is not None:
            self._cancel.set()
        token = next(self._tokens)
        self._current = token
        self._cancel = threading.Event()
        signals = _TaskSignals()
        signals.finished.connect(self._on_finished)
        signals.failed.connect(self._on_failed)
        signals.progress.connect(self._on_progress)
        signals.dropped.connect(self._on_dropped)
        self._signals[token] = signals
        self._pool.start(_Task(token, job, signals, self._cancel))

    def _settle(self, token: int) -> bool:
        self._signals.pop(token, None)
        current = token == self._current
        if current and not self.busy:
            self.busy_changed.emit(False)
        return current

    def cancel(self) -> None:
        """Stop the job waiting to start and the running one (the window keeps what it shows)."""
        if not self.busy:
            return
        self._timer.stop()
        self._pending = None
        if self._signals.get(self._current) is None:  # nothing running: stopped already
            self.busy_changed.emit(False)
            self.cancelled.emit()
            return
        self._stopped = self._current
        if self._cancel is not None:
            self._cancel.set()

    def _on_dropped(self, token: int) -> None:
        if self._settle(token) and token == self._stopped:
            self.cancelled.emit()

    def _on_finished(self, token: int, result: object) -> None:
        if self._settle(token):
            if token == self._stopped:  # it ended just before it saw the request to stop
                self.cancelled.emit()
            else:
                self.result_ready.emit(result)

    def _on_failed(self, token: int, message: str) -> None:
        if self._settle(token):
            if token == self._stopped:
                self.cancelled.emit()
            else:
                self.failed.emit(message)

    def _on_progress(self, token: int, done: int, total: int) -> None:
        if token == self._current:
            self.progress.emit(done, total)

    def wait(self, msecs: int = 30000) -> bool:
        """Block until running jobs end (used on shutdown and in tests)."""
        return self._pool.waitForDone(msecs)
