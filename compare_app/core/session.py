"""Saved comparison sessions: both texts, their origin, the settings and every annotation.

A session keeps the full text of both documents so it reopens identically even if the files
moved or changed. Files are written atomically; a file that is corrupt, truncated, of another
kind or from a newer version is refused with a clear message and never modified.
"""

from __future__ import annotations

import json
import logging
import math
import os
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from .. import __version__
from .annotations import Annotation, SourceGrade
from .atomic import write_text_atomic
from .bidi import reveal_bidi, reveal_controls
from .corrections import Correction
from .ids import LABELS
from .loading import MAX_BYTES as MAX_TEXT_CHARS
from .loading import LoadedText, MiB
from .models import CompareOptions, Comparison, Document

log = logging.getLogger(__name__)

SESSION_SCHEMA = "compare-app.session"
SESSION_VERSION = 1
SESSION_SUFFIX = ".cmpsession"
MAX_SESSION_BYTES = 200 * 1024 * 1024


class SessionError(Exception):
    """A session file that cannot be used; str() is a one-line message naming the file."""

    def __init__(self, path: str | os.PathLike, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = str(path)
        self.problem = problem


@dataclass(frozen=True)
class Session:
    sources: tuple[LoadedText, ...]  # A, B, then any further sources (C, D, …)
    options: CompareOptions = field(default_factory=CompareOptions)
    annotations: tuple[Annotation, ...] = ()
    grades: dict[str, SourceGrade] = field(default_factory=dict)
    corrections: tuple[Correction, ...] = ()
    saved_at: str = ""
    recovers: str = ""  # an autosave: the session file its work belongs to ("" for untitled)
    claim_notes: tuple[Annotation, ...] = ()  # notes on the claims of three or more sources


def _source_json(label: str, src: LoadedText) -> dict:
    return {"label": label, "path": src.path, "title": src.title, "sha256": src.sha256,
            "encoding": src.encoding, "warnings": list(src.warnings), "text": src.text}


def loaded_from_document(doc: Document) -> LoadedText:
    return LoadedText(text=doc.text, title=doc.title, encoding=doc.encoding,
                      warnings=doc.warnings, sha256=doc.sha256, path=doc.path)


def session_of(comparison: Comparison, annotations: tuple[Annotation, ...],
               grades: dict[str, SourceGrade], corrections: tuple[Correction, ...] = (),
               more_sources: tuple[LoadedText, ...] = ()) -> Session:
    """The session of a comparison of A and B, and of any further sources beside them."""
    return Session((loaded_from_document(comparison.a), loaded_from_document(comparison.b),
                    *more_sources), comparison.options, annotations, dict(grades),
                   tuple(corrections))


def session_json(session: Session) -> dict:
    extra = {"recovers": session.recovers} if session.recovers else {}
    return {
        "schema": SESSION_SCHEMA,
        "version": SESSION_VERSION,
        "tool": {"name": "compare-app", "version": __version__},
        "saved_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "settings": session.options.to_json(),
        "documents": [_source_json(LABELS[n], src) for n, src in enumerate(session.sources)],
        "grades": {k: v.to_json() for k, v in session.grades.items()},
        "annotations": [a.to_json() for a in session.annotations],
        "corrections": [c.to_json() for c in session.corrections],
        "claim_annotations": [a.to_json() for a in session.claim_notes],
        **extra,
    }


def save_session(path: str | os.PathLike, session: Session) -> None:
    """Write atomically: a crash at any moment leaves the old file or the new one."""
    write_text_atomic(path, json.dumps(session_json(session), ensure_ascii=False, indent=1))


# Each setting's allowed range (inclusive); anything else is refused with the setting's name.
_SETTING_RANGES = {"threshold": (0.0, 100.0), "max_candidates": (1, 1000),
                   "merge_gain": (0.0, 1000.0)}


def _options(data: object) -> CompareOptions:
    """Settings from a session: unknown keys ignored, each known one a finite number in range."""
    if not isinstance(data, dict):
        raise TypeError("settings is not an object")
    defaults = CompareOptions()
    known: dict[str, float | int] = {}
    for key, value in data.items():
        if key not in _SETTING_RANGES:
            continue
        low, high = _SETTING_RANGES[key]
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not (
                math.isfinite(value) and low <= value <= high):
            raise ValueError(f"setting {key} must be a number from {low:g} to {high:g}, "
                             f"not {json.dumps(value)[:40]}")
        known[key] = float(value) if isinstance(getattr(defaults, key), float) else int(value)
    return CompareOptions(**known)


def _of_type(data: dict, key: str, kind: type, default: object) -> object:
    value = data.get(key, default)
    if not isinstance(value, kind):
        raise TypeError(f"{key} is not {'a list' if kind is list else 'an object'}")
    return value


def parse_session(data: object, path: str | os.PathLike = "session") -> Session:
    if not isinstance(data, dict) or data.get("schema") != SESSION_SCHEMA:
        raise SessionError(path, "not a compare-app session file")
    version = data.get("version")
    if not isinstance(version, int):
        raise SessionError(path, "session file has no valid version")
    if version > SESSION_VERSION:
        raise SessionError(path, f"saved by a newer compare-app (session format {version}); "
                                 f"this version reads format {SESSION_VERSION}")
    try:
        docs = _of_type(data, "documents", list, None)
        if not all(isinstance(d, dict) for d in docs):
            raise ValueError("a document is not an object")
        if any(len(str(d.get("text", ""))) > MAX_TEXT_CHARS for d in docs):
            raise SessionError(path, f"a document's text is over {MAX_TEXT_CHARS // MiB} MB, "
                                     "the limit for one document")
        sources = tuple(LoadedText(text=_visible(str(d["text"])),
                                   title=_visible(str(d.get("title", ""))),
                                   encoding=str(d.get("encoding", "utf-8")),
                                   warnings=tuple(str(w) for w in d.get("warnings", [])),
                                   sha256=str(d.get("sha256", "")), path=str(d.get("path", "")))
                        for d in docs)
        if not 2 <= len(sources) <= len(LABELS):
            raise ValueError(f"expected 2 to {len(LABELS)} documents, found {len(sources)}")
        annotations = tuple(Annotation.from_json(a)
                            for a in _of_type(data, "annotations", list, []))
        grades = {str(k): SourceGrade.from_json(v)
                  for k, v in _of_type(data, "grades", dict, {}).items()
                  if k in LABELS[:len(sources)]}
        options = _options(data.get("settings", {}))
        corrections = tuple(Correction.from_json(c)
                            for c in _of_type(data, "corrections", list, []))
        claim_notes = tuple(Annotation.from_json(a)
                            for a in _of_type(data, "claim_annotations", list, []))
    except (KeyError, TypeError, ValueError, AttributeError, OverflowError) as err:
        raise SessionError(path, f"session file is damaged ({type(err).__name__}: {err})") from None
    return Session(sources, options, annotations, grades,  # type: ignore[arg-type]
                   corrections, str(data.get("saved_at", "")), str(data.get("recovers") or ""),
                   claim_notes)


def load_session(path: str | os.PathLike) -> Session:
    """Read a session; never writes to the file."""
    p = Path(path)
    try:
        if p.is_dir():
            raise SessionError(path, "is a directory, not a session file")
        size = p.stat().st_size
        if size > MAX_SESSION_BYTES:
            raise SessionError(path, f"is {size / 1e6:.0f} MB, too large for a session file")
        raw = p.read_bytes()
    except FileNotFoundError:
        raise SessionError(path, "no such file") from None
    except OSError as err:
        raise SessionError(path, f"cannot read the file ({err.strerror or err})") from None
    if not raw.strip():
        raise SessionError(path, "session file is empty")
    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise SessionError(path, "not a compare-app session file (binary data)") from None
    except json.JSONDecodeError as err:
        raise SessionError(path, f"session file is corrupted or truncated (line {err.lineno}, "
                                 f"column {err.colno})") from None
    except RecursionError:
        raise SessionError(path, "session file is nested too deeply to be a session") from None
    return parse_session(data, path)


def is_session_file(path: str | os.PathLike) -> bool:
    """True for a file that claims to be a session (by suffix or by its first bytes)."""
    p = Path(path)
    if p.suffix == SESSION_SUFFIX:
        return True
    try:
        with open(p, "rb") as fh:
            head = fh.read(200)
    except OSError:
        return False
    return SESSION_SCHEMA.encode() in head


def _visible(text: str) -> str:
    """A saved text with hidden controls shown, as loading a file shows them."""
    return reveal_controls(reveal_bidi(text)[0])[0]
