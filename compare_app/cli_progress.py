"""Progress on the command line: one updating line on standard error, only on a terminal.

A pipe, a file or a test capturing standard error sees nothing, so scripted output stays
clean. The line is cleared when the work ends, whether it finished, failed or was interrupted.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable, Iterable
from typing import TextIO

log = logging.getLogger(__name__)

CHUNK_CHARS = 1 << 20  # output is written in pieces of about this size


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # no isatty, or a closed stream
        return False


class TerminalProgress:
    """A `progress(done, total)` callback that draws "Comparing... 45%" on a terminal.

    Use it with `contextlib.closing` so the line is cleared however the block ends."""

    def __init__(self, stream: TextIO | None = None, label: str = "Comparing...") -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.active = _is_terminal(self.stream)
        self.label = label
        self._shown: str | None = None

    def __call__(self, done: int, total: int) -> None:
        self.show(f"{self.label} {100 * done // total if total > 0 else 0}%")

    def show(self, line: str) -> None:
        """Replace the progress line (no-op when standard error is not a terminal)."""
        if not self.active or line == self._shown:
            return
        pad = " " * max(0, len(self._shown or "") - len(line))
        self.stream.write(f"\r{line}{pad}")
        self.stream.flush()
        self._shown = line

    def close(self) -> None:
        """Clear the line, leaving the cursor where it was before the first one was drawn."""
        if self.active and self._shown is not None:
            self.stream.write("\r" + " " * len(self._shown) + "\r")
            self.stream.flush()
            self._shown = None


def write_pieces(pieces: Iterable[str], write: Callable[[str], object]) -> None:
    """Pass text pieces on in chunks of about CHUNK_CHARS (few writes, little memory: a long
    comparison's output is never held whole)."""
    batch: list[str] = []
    size = 0
    for piece in pieces:
        batch.append(piece)
        size += len(piece)
        if size >= CHUNK_CHARS:
            write("".join(batch))
            batch, size = [], 0
    write("".join(batch))
