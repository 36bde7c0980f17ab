"""Start the window: the given files, else the last pair opened, else the bundled samples."""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Sequence

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from .. import qt
from ..core.autosave import pending_recoveries
from ..core.samples import sample_paths
from ..core.session import SessionError, load_session
from .display_check import display_problem
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
    """Build the window and schedule the first work after the first paint: unsaved work left by
    a crash if the analyst recovers it, else the given files or session, else the last session,
    else the last pair, else the bundled samples."""
    qt.install()  # PDF reading and PDF reports through Qt
    settings = AppSettings(settings_path or os.environ.get("COMPARE_APP_SETTINGS") or None)
    window = MainWindow(settings)
    session = files[0] if len(files) == 1 else (settings.last_session() if not files else None)
    if session:
        try:
            load_session(session)  # validate first: a broken file must not leave an empty window
        except SessionError as err:
            window.show_error(str(err))
            session = None
    if session:
        def start() -> None:
            window.controller.open_session(session)
    elif len(files) > 2:
        def start() -> None:
            window.controller.open_sources(list(files))
    else:
        a, b = initial_pair(files if len(files) == 2 else (), settings)

        def start() -> None:
            window.open_pair(a, b)
    recoveries = pending_recoveries(window.controller.autosave_folder)

    def first_work() -> None:
        if not (recoveries and window.offer_recovery(recoveries)):
            start()

    QTimer.singleShot(0, first_work)
    return window


def run_gui(files: Sequence[str] = (), settings_path: str | None = None) -> int:
    """Open the window; exit status 2, with one line on standard error, when no display works."""
    problem = None if QApplication.instance() else display_problem()
    if problem:
        print(f"compare-app: error: {problem}", file=sys.stderr)
        return 2
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("compare-app")
    app.setOrganizationName("compare-app")
    window = create_window(files, settings_path)
    window.show()
    return app.exec()
