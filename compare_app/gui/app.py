"""Start the window: the given files, else the last pair opened, else the bundled samples."""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Sequence

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from ..core.samples import sample_paths
from .main_window import MainWindow
from .settings import AppSettings

log = logging.getLogger(__name__)


def initial_pair(files: Sequence[str], settings: AppSettings) -> tuple[str, str]:
    if len(files) == 2:
        return files[0], files[1]
    last = settings.last_pair()
    if last:
        return last
    a, b = sample_paths()
    return str(a), str(b)


def create_window(files: Sequence[str] = (), settings_path: str | None = None) -> MainWindow:
    """Build the window and schedule the first comparison after the first paint."""
    settings = AppSettings(settings_path or os.environ.get("COMPARE_APP_SETTINGS") or None)
    window = MainWindow(settings)
    a, b = initial_pair(files, settings)
    QTimer.singleShot(0, lambda: window.open_pair(a, b))
    return window


def run_gui(files: Sequence[str] = (), settings_path: str | None = None) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("compare-app")
    app.setOrganizationName("compare-app")
    window = create_window(files, settings_path)
    window.show()
    return app.exec()
