"""Persistent window state: geometry, splitters, threshold, recent and last-opened files.

Stored in an INI file whose path is passed in, so tests point it at a temporary folder."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, QStandardPaths

from ..core.models import CompareOptions

log = logging.getLogger(__name__)

MAX_RECENT = 10


def default_settings_path() -> Path:
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppConfigLocation)
    return Path(base or Path.home() / ".config" / "compare-app") / "compare-app.ini"


class AppSettings:
    """Typed access to the settings file; unknown or broken values fall back to defaults."""

    def __init__(self, path: str | Path | None = None) -> None:
        self.path = Path(path) if path else default_settings_path()
        self._qs = QSettings(str(self.path), QSettings.Format.IniFormat)

    def _get(self, key: str, default, kind):
        value = self._qs.value(key, default)
        try:
            return kind(value) if value is not None else default
        except (TypeError, ValueError):
            log.warning("ignoring unreadable setting %s=%r", key, value)
            return default

    @property
    def threshold(self) -> float:
        value = self._get("compare/threshold", CompareOptions().threshold, float)
        return value if 0 <= value <= 100 else CompareOptions().threshold

    @threshold.setter
    def threshold(self, value: float) -> None:
        self._qs.setValue("compare/threshold", float(value))

    def recent_files(self) -> list[str]:
        value = self._qs.value("files/recent", [])
        if isinstance(value, str):
            value = [value]
        return [str(v) for v in (value or []) if v][:MAX_RECENT]

    def add_recent(self, path: str) -> None:
        files = [p for p in self.recent_files() if p != path]
        self._qs.setValue("files/recent", [path, *files][:MAX_RECENT])

    def clear_recent(self) -> None:
        self._qs.setValue("files/recent", [])

    def last_pair(self) -> tuple[str, str] | None:
        a, b = self._qs.value("files/last_a", ""), self._qs.value("files/last_b", "")
        if a and b and Path(str(a)).is_file() and Path(str(b)).is_file():
            return str(a), str(b)
        return None

    def set_last_pair(self, a: str, b: str) -> None:
        self._qs.setValue("files/last_a", a)
        self._qs.setValue("files/last_b", b)

    def last_session(self) -> str | None:
        value = self._qs.value("files/last_session", "")
        return str(value) if value and Path(str(value)).is_file() else None

    def set_last_session(self, path: str) -> None:
        self._qs.setValue("files/last_session", path)

    def state(self, key: str) -> QByteArray | None:
        value = self._qs.value(f"window/{key}")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def set_state(self, key: str, value: QByteArray) -> None:
        self._qs.setValue(f"window/{key}", value)

    def sync(self) -> None:
        self._qs.sync()
