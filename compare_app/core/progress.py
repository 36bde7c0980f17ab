"""Progress and cancellation of a long job through two plain callbacks.

A job reports `progress(done, total)` and asks `cancelled()` now and then; the GUI turns the
first into a signal and sets the second from a Cancel button, the CLI draws a line on a terminal
and never cancels (Ctrl+C interrupts it). `Meter` splits one job into weighted phases, so every
long loop moves the bar, and raises `Cancelled` from inside those loops when asked to stop.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]
IsCancelled = Callable[[], bool]
Tick = Callable[[int], None]
SCALE = 1000  # progress is reported in thousandths of the whole job


class Cancelled(Exception):
    """Raised when the caller's `cancelled()` callback asks to stop."""


def no_tick(done: float) -> None:
    """A tick that nobody listens to."""


class Meter:
    """Weighted phases of one job mapped onto 0..SCALE.

    `tick = meter.phase(name, size)` starts a phase; `tick(n)` says n of its `size` steps are
    done. Progress is passed on only when it moves by a thousandth, and `cancelled()` is asked at
    the same moments, so calling `tick` once per sentence costs next to nothing."""

    def __init__(self, phases: Sequence[tuple[str, float]], progress: Progress | None = None,
                 cancelled: IsCancelled | None = None) -> None:
        total = sum(share for _, share in phases) or 1.0
        self._spans: dict[str, tuple[float, float]] = {}
        start = 0.0
        for name, share in phases:
            self._spans[name] = (start, share / total)
            start += share / total
        self._progress, self._cancelled = progress, cancelled
        self._last = -1

    def phase(self, name: str, size: int = 1) -> Tick:
        """Enter a phase of `size` steps; returns its tick(done) callback."""
        if self._progress is None and self._cancelled is None:
            return no_tick
        start, share = self._spans[name]
        per_step = share / max(size, 1)
        self.report(start)
        # Reported only when the job moves on by a thousandth: cheap enough to call every step.
        stride = max(1, int(1 / (SCALE * per_step))) if per_step > 0 else max(size, 1)
        next_at = stride

        def tick(done: int) -> None:
            nonlocal next_at
            if done >= next_at:
                next_at = done + stride
                self.report(start + per_step * min(done, size))

        return tick

    def check(self) -> None:
        """Stop if cancelled (for a wait during which no progress is made)."""
        if self._cancelled is not None and self._cancelled():
            raise Cancelled()

    def report(self, fraction: float) -> None:
        """Pass on progress (a share of the whole job) and stop if cancelled."""
        self.check()
        value = min(SCALE, int(fraction * SCALE))
        if value > self._last:
            self._last = value
            if self._progress is not None:
                self._progress(value, SCALE)

    def finish(self) -> None:
        self.report(1.0)


QUIET = Meter(())  # no one listens: every tick is a no-op
