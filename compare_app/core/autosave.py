"""Unsaved work kept safe between saves: one autosave file per comparison, offered back after a
crash, removed when the work is saved or deliberately discarded.

The analyst's own session file is only ever written by an explicit Save; autosaves live in a
folder of their own, named after the comparison (its session file, else its two documents), so
two comparisons never overwrite each other's unsaved work.
"""

from __future__ import annotations

import hashlib
import logging
import os
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from .session import SESSION_SUFFIX, Session, SessionError, load_session

log = logging.getLogger(__name__)

STALE_TEMP_SECONDS = 60  # a temp file older than this was left by a killed write


def autosave_file(folder: str | os.PathLike, session_path: str | None,
                  digests: tuple[str, ...]) -> Path:
    """Where the unsaved work of one comparison goes. A saved session keys it by its path;
    an untitled comparison by its documents (in any order, so a swap keeps the file)."""
    key = ("session:" + os.path.abspath(session_path) if session_path
           else "documents:" + "|".join(sorted(digests)))
    name = hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]
    return Path(folder) / f"autosave-{name}{SESSION_SUFFIX}"


@dataclass(frozen=True)
class Recovery:
    """An autosave left behind by a session that did not end normally."""

    path: Path
    session: Session
    modified: float

    @property
    def description(self) -> str:
        names = [src.title or Path(src.path).name or "untitled" for src in self.session.sources]
        a, b = names[0], " ↔ ".join(names[1:])
        when = datetime.fromtimestamp(self.modified).strftime("%Y-%m-%d %H:%M")
        target = f" (session {Path(self.session.recovers).name})" if self.session.recovers else ""
        return f"{a} ↔ {b}{target}, autosaved {when}"


def pending_recoveries(folder: str | os.PathLike) -> list[Recovery]:
    """Autosaves waiting to be recovered, newest first. Temp files that a killed write left
    behind are removed; an unreadable autosave is reported in the log and skipped, never deleted."""
    root = Path(folder)
    if not root.is_dir():
        return []
    now = time.time()
    found = []
    for entry in root.iterdir():
        try:
            modified = entry.stat().st_mtime
        except OSError:
            continue
        if entry.name.startswith(".") and entry.suffix == ".tmp":
            if now - modified > STALE_TEMP_SECONDS:
                discard(entry)
            continue
        if not (entry.name.startswith("autosave-") and entry.suffix == SESSION_SUFFIX):
            continue
        try:
            found.append(Recovery(entry, load_session(entry), modified))
        except SessionError as err:
            log.warning("unreadable autosave skipped: %s", err)
    return sorted(found, key=lambda r: -r.modified)


def discard(path: str | os.PathLike | None) -> None:
    """Remove an autosave (or a stale temp file); a file already gone is fine."""
    if not path:
        return
    try:
        os.unlink(path)
    except FileNotFoundError:
        pass
    except OSError as err:
        log.warning("cannot remove %s: %s", path, err)
