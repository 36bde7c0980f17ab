"""Crash-safe file writes: a reader sees the old file or the new one, never half of one."""

from __future__ import annotations

import os
import stat
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO


def _mode_for(target: Path) -> int:
    """The existing file's permissions, or what a plain open() would give under the umask."""
    try:
        return target.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


STDOUT = "-"  # as a path: write to standard output


def _written_through(path: str | os.PathLike) -> bool:
    """Whether `path` is written directly rather than replaced: standard output ("-"), a FIFO,
    a device or anything under /dev or /proc (e.g. /dev/stdout); renaming over those would
    replace the entry, not feed it. False for a regular file or a path not there yet."""
    if os.fspath(path) == STDOUT:
        return True
    if os.path.abspath(os.fspath(path)).startswith(("/dev/", "/proc/")):
        return True
    try:
        return not stat.S_ISREG(os.stat(path).st_mode)
    except OSError:
        return False


@contextmanager
def _open_through(path: str | os.PathLike) -> Iterator[BinaryIO]:
    if os.fspath(path) == STDOUT:
        sys.stdout.flush()
        yield sys.stdout.buffer
        sys.stdout.buffer.flush()
        return
    with open(path, "wb") as fh:
        yield fh


@contextmanager
def open_atomic(path: str | os.PathLike) -> Iterator[BinaryIO]:
    """A binary file to write in pieces; it replaces `path` only once the block ends without
    an error (temp file in the same folder, fsync, rename), and is removed otherwise.

    A symbolic link is written through (its target is replaced, the link stays); standard
    output ("-"), FIFOs and devices are written directly."""
    if _written_through(path):
        with _open_through(path) as fh:
            yield fh
        return
    target = Path(os.path.realpath(path)) if os.path.islink(path) else Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    try:
        os.chmod(tmp, _mode_for(target))  # mkstemp makes 0600; keep the usual permissions
        with os.fdopen(fd, "wb") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    try:
        dir_fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(dir_fd)
    except OSError:
        pass
    finally:
        os.close(dir_fd)


def write_bytes_atomic(path: str | os.PathLike, data: bytes) -> None:
    """Write to a temp file in the same folder, fsync it, then rename over the target."""
    with open_atomic(path) as fh:
        fh.write(data)


def write_text_atomic(path: str | os.PathLike, text: str) -> None:
    write_bytes_atomic(path, text.encode("utf-8"))
