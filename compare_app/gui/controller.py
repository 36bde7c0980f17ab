"""Owns the two documents and the current comparison; runs every comparison in the background."""

from __future__ import annotations

import logging
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from ..core.compare import compare_texts
from ..core.loading import LoadedText, load_document, load_text
from ..core.models import Comparison, CompareOptions, Document
from .pairs_model import Row, build_rows
from .settings import AppSettings
from .workers import TaskRunner

log = logging.getLogger(__name__)

Source = LoadedText | str  # a loaded text, or a path still to load
THRESHOLD_DEBOUNCE_MS = 300


def _as_loaded(doc: Document) -> LoadedText:
    return LoadedText(text=doc.text, title=doc.title, encoding=doc.encoding,
                      warnings=doc.warnings, sha256=doc.sha256, path=doc.path)


class ComparisonController(QObject):
    """The window's model of work: what is open, with which settings, and the latest result."""

    comparison_started = Signal()
    comparison_finished = Signal(object)
    comparison_failed = Signal(str)
    progress_changed = Signal(int, int)
    busy_changed = Signal(bool)

    def __init__(self, settings: AppSettings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.options = CompareOptions(threshold=settings.threshold)
        self.comparison: Comparison | None = None
        self.rows: list[Row] = []  # table rows of the comparison, built off the GUI thread
        self._sources: dict[str, Source | None] = {"A": None, "B": None}
        self._committed: dict[str, Source | None] = dict(self._sources)
        self._pasted = 0
        self.runner = TaskRunner(self)
        self.runner.result_ready.connect(self._on_result)
        self.runner.failed.connect(self._on_failed)
        self.runner.progress.connect(self.progress_changed)
        self.runner.busy_changed.connect(self.busy_changed)

    # ----------------------------------------------------------------- inputs
    def open_pair(self, path_a: str, path_b: str) -> None:
        self._sources = {"A": str(path_a), "B": str(path_b)}
        self._run()

    def open_file(self, side: str, path: str) -> None:
        self._sources[side] = str(path)
        self._run()

    def paste_text(self, side: str, text: str) -> None:
        self._pasted += 1
        self._sources[side] = load_text(text, name=f"Pasted text {self._pasted}")
        self._run()

    def swap(self) -> None:
        self._sources = {"A": self._sources["B"], "B": self._sources["A"]}
        self._run()

    def reload(self) -> None:
        """Read both files again from disk (pasted texts stay as they are)."""
        for side, src in self._sources.items():
            if isinstance(src, LoadedText) and src.path:
                self._sources[side] = src.path
        self._run()

    def set_threshold(self, value: float) -> None:
        if value == self.options.threshold:
            return
        self.options = replace(self.options, threshold=float(value))
        self.settings.threshold = value
        self._run(delay_ms=THRESHOLD_DEBOUNCE_MS)

    def path(self, side: str) -> str:
        src = self._sources.get(side)
        return src if isinstance(src, str) else (src.path if src else "")

    def changed_on_disk(self) -> list[str]:
        """Sides whose file differs from what is shown (by modification or removal)."""
        import hashlib
        out = []
        if not self.comparison:
            return out
        for doc in (self.comparison.a, self.comparison.b):
            if not doc.path:
                continue
            try:
                digest = hashlib.sha256(Path(doc.path).read_bytes()).hexdigest()
            except OSError:
                out.append(doc.label)
                continue
            if digest != doc.sha256:
                out.append(doc.label)
        return out

    # ----------------------------------------------------------------- running
    def _run(self, delay_ms: int = 0) -> None:
        if self._sources["A"] is None or self._sources["B"] is None:
            return
        sources = dict(self._sources)
        options = self.options

        def job(progress, cancelled):
            loaded = {side: load_document(src) if isinstance(src, str) else src
                      for side, src in sources.items()}
            result = compare_texts(loaded["A"], loaded["B"], options,
                                   progress=progress, cancelled=cancelled)
            return result, build_rows(result)

        self.comparison_started.emit()
        self.runner.submit(job, delay_ms)

    def _on_result(self, result: tuple[Comparison, list[Row]]) -> None:
        comparison, self.rows = result
        self.comparison = comparison
        self._sources = {"A": _as_loaded(comparison.a), "B": _as_loaded(comparison.b)}
        self._committed = dict(self._sources)
        for doc in (comparison.a, comparison.b):
            if doc.path:
                self.settings.add_recent(doc.path)
        if comparison.a.path and comparison.b.path:
            self.settings.set_last_pair(comparison.a.path, comparison.b.path)
        self.comparison_finished.emit(comparison)

    def _on_failed(self, message: str) -> None:
        self._sources = dict(self._committed)  # nothing the user had open is lost
        self.comparison_failed.emit(message)
