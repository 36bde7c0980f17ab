"""Owns the two documents and the current comparison; runs every comparison in the background."""

from __future__ import annotations

import logging
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from ..core.annotations import (
    AnchorIndex,
    Annotation,
    Resolved,
    SourceGrade,
    Verdict,
    resolve_all,
    set_annotation,
)
from ..core.claim_notes import resolve_claim_notes, set_claim_note
from ..core.compare import compare_texts, warm
from ..core.corrections import Correction, apply_corrections
from ..core.ids import is_claim_id
from ..core.loading import LoadedText, load_document, load_text
from ..core.models import CompareOptions, Comparison
from ..core.multi import LABELS, MAX_SOURCES, MultiComparison, compare_many
from ..core.work import AnalystWork
from .link_editing import LinkEditingMixin
from .pairs_model import Row, build_rows
from .session_persistence import SessionPersistenceMixin, as_loaded
from .settings import AppSettings
from .workers import TaskRunner

log = logging.getLogger(__name__)

Source = LoadedText | str  # a loaded text, or a path still to load
THRESHOLD_DEBOUNCE_MS = 300
AUTOSAVE_MS = 3000
AUTOSAVE_FOLDER = "autosave"


class SnapshotCommand(QUndoCommand):
    """One edit of the analyst's work (annotation, grade or link): undo and redo swap
    immutable snapshots."""

    def __init__(self, controller: ComparisonController, text: str, after: AnalystWork) -> None:
        super().__init__(text)
        self.controller = controller
        self.before = controller.work
        self.after = after

    def redo(self) -> None:
        self.controller._apply_work(self.after)

    def undo(self) -> None:
        self.controller._apply_work(self.before)


class ComparisonController(LinkEditingMixin, SessionPersistenceMixin, QObject):
    """The window's model of work: what is open, with which settings, and the latest result."""

    comparison_started = Signal()
    comparison_finished = Signal(object)
    comparison_failed = Signal(str)
    comparison_cancelled = Signal()
    progress_changed = Signal(int, int)
    busy_changed = Signal(bool)
    annotations_changed = Signal()
    dirty_changed = Signal(bool)
    session_saved = Signal(str)
    comparison_about_to_change = Signal()
    multi_changed = Signal(object)  # the MultiComparison of three or more sources, or None

    def __init__(self, settings: AppSettings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.work = AnalystWork()
        self.resolved = Resolved()
        self.unplaced: tuple[Correction, ...] = ()  # corrections whose sentences are gone
        self.claims_resolved = Resolved()  # notes on the claims of three or more sources
        self.session_path: str | None = None
        self.autosave_folder = settings.path.parent / AUTOSAVE_FOLDER
        self._autosaved: str | None = None  # the autosave file last written for this work
        self.undo_stack = QUndoStack(self)
        self.undo_stack.cleanChanged.connect(self._on_clean_changed)
        self._autosave_timer = QTimer(self)
        self._autosave_timer.setSingleShot(True)
        self._autosave_timer.setInterval(AUTOSAVE_MS)
        self._autosave_timer.timeout.connect(self.autosave)
        self._pending_session: tuple | None = None
        self._commands: list[SnapshotCommand] = []  # kept so a swap can flip their snapshots
        self._swap_pending = False  # the work is flipped for a swapped comparison still running
        self._structure_dirty = False  # a change outside the undo stack (swapped sides)
        self._structure_before: bool | None = None  # its state before a change not yet compared
        self._row_keys: set[str] = set()
        self.options = CompareOptions(threshold=settings.threshold)
        self.engine: Comparison | None = None  # the engine's comparison, before corrections
        self.comparison: Comparison | None = None  # as shown: with the analyst's corrections
        self.multi: MultiComparison | None = None  # all sources, when there are three or more
        self.rows: list[Row] = []  # table rows of the comparison, built off the GUI thread
        self._engine_rows: list[Row] = []
        self.anchor_index: AnchorIndex | None = None  # sentence anchors, likewise
        self._sources: dict[str, Source | None] = {"A": None, "B": None}
        self._committed: dict[str, Source | None] = dict(self._sources)
        self._pasted = 0
        self.runner = TaskRunner(self)
        self.runner.result_ready.connect(self._on_result)
        self.runner.failed.connect(self._on_failed)
        self.runner.cancelled.connect(self._on_cancelled)
        self.runner.progress.connect(self.progress_changed)
        self.runner.busy_changed.connect(self.busy_changed)

    # ----------------------------------------------------------------- inputs
    def open_pair(self, path_a: str, path_b: str) -> None:
        """Start a new comparison of two files (a new, untitled session)."""
        self._sources = {"A": str(path_a), "B": str(path_b)}
        self._start_untitled()

    def open_sources(self, paths: list[str]) -> None:
        """Start a new comparison of two or more files: A and B side by side, all in the matrix."""
        self._sources = {LABELS[n]: str(p) for n, p in enumerate(paths[:MAX_SOURCES])}
        self._start_untitled()

    @property
    def labels(self) -> tuple[str, ...]:
        return tuple(self._sources)

    def add_source(self, path: str) -> None:
        """One more source, labelled with the next letter; the analyst's work stays."""
        if len(self._sources) >= MAX_SOURCES:
            self.comparison_failed.emit(f"{path}: at most {MAX_SOURCES} sources can be compared")
            return
        self._sources[LABELS[len(self._sources)]] = str(path)
        self._mark_structure_changed()
        self._run()

    def remove_source(self, label: str) -> None:
        """Drop a source beyond A and B; the later ones move up a letter (with their grades)."""
        if label in ("A", "B") or label not in self._sources:
            return
        kept = [key for key in self._sources if key != label]
        self._sources = {LABELS[n]: self._sources[key] for n, key in enumerate(kept)}
        grades = {LABELS[kept.index(k)]: g for k, g in self.grades.items() if k in kept}
        self.work = replace(self.work, grades=grades)
        self._mark_structure_changed()
        self._run()

    def open_file(self, side: str, path: str) -> None:
        """Another document on one side: a new, untitled comparison. The open session, its notes
        and grades stay with their own documents and its file is never written again."""
        self._sources[side] = str(path)
        self._start_untitled()

    def paste_text(self, side: str, text: str) -> None:
        self._pasted += 1
        self._sources[side] = load_text(text, name=f"Pasted text {self._pasted}")
        self._start_untitled()

    def _start_untitled(self) -> None:
        self._pending_session = (None, AnalystWork(), False)
        self._run()

    def swap(self) -> None:
        """Exchange A and B; annotations, grades and every undo snapshot follow their sentences."""
        self._sources = {**self._sources, "A": self._sources["B"], "B": self._sources["A"]}
        self._flip_work()
        self._mark_structure_changed()
        self._run()

    def _flip_work(self) -> None:
        """Annotations, grades and undo snapshots to the other side (a swap, or its undoing when
        the swapped comparison is cancelled)."""
        self.work = self.work.flipped()
        for command in self._commands:
            command.before = command.before.flipped()
            command.after = command.after.flipped()
        self._swap_pending = not self._swap_pending

    def _mark_structure_changed(self) -> None:
        was = self.dirty
        if self._structure_before is None:
            self._structure_before = self._structure_dirty
        self._structure_dirty = True
        if not was:
            self.dirty_changed.emit(True)
        self._autosave_timer.start()

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
        pending = self._pending_session
        fixes = pending[1].corrections if pending is not None else self.work.corrections

        def job(progress, cancelled):
            loaded = {side: load_document(src) if isinstance(src, str) else src
                      for side, src in sources.items()}
            multi = None
            if len(loaded) > 2:
                multi = compare_many(list(loaded.values()), options, progress=progress,
                                     cancelled=cancelled)
                result = multi.pairwise[("A", "B")]
            else:
                result = compare_texts(loaded["A"], loaded["B"], options,
                                       progress=progress, cancelled=cancelled)
            index, rows = AnchorIndex(result), build_rows(result)
            fixed = apply_corrections(result, fixes, index)  # the analyst's links, here too
            placed = (fixes, fixed, rows if fixed.comparison is result
                      else build_rows(fixed.comparison))
            warm(fixed.comparison)  # the lazy features and diffs, not on the GUI thread
            return result, rows, index, multi, placed

        self.comparison_started.emit()
        self.runner.submit(job, delay_ms)

    def _on_result(self, result: tuple[Comparison, list[Row], AnchorIndex]) -> None:
        self.comparison_about_to_change.emit()  # pending edits land on the old rows first
        self._swap_pending = False
        self._structure_before = None
        self.engine, self._engine_rows, self.anchor_index, self.multi, placed = result
        if self._pending_session is not None:
            self.session_path, self.work, recovered = self._pending_session
            self._pending_session = None
            self.undo_stack.clear()
            self._commands.clear()
            self._structure_dirty = recovered  # recovered work is unsaved until saved
            self.undo_stack.setClean()
            self.dirty_changed.emit(self.dirty)
            if self.session_path and not recovered:
                self.settings.set_last_session(self.session_path)
        comparison = self._place_corrections(placed)
        self.resolved = resolve_all(comparison, self.annotations, self.anchor_index)
        self._resolve_claim_notes()
        docs = self.multi.documents if self.multi else (comparison.a, comparison.b)
        self._sources = {doc.label: as_loaded(doc) for doc in docs}
        self._committed = dict(self._sources)
        for doc in (comparison.a, comparison.b):
            if doc.path:
                self.settings.add_recent(doc.path)
        if comparison.a.path and comparison.b.path:
            self.settings.set_last_pair(comparison.a.path, comparison.b.path)
        self.comparison_finished.emit(comparison)
        self.multi_changed.emit(self.multi)
        self.annotations_changed.emit()

    def cancel(self) -> None:
        """Stop the running comparison; the result shown before (if any) stays."""
        self.runner.cancel()

    def _on_cancelled(self) -> None:
        self._sources = dict(self._committed)
        self._pending_session = None
        if self._swap_pending:  # the sides shown were not swapped after all
            self._flip_work()
        if self.comparison is not None:  # the settings of the result that stays
            self.options = self.comparison.options
            self.settings.threshold = self.options.threshold
        self._undo_structure_mark()
        self.comparison_cancelled.emit()

    def _on_failed(self, message: str) -> None:
        self._sources = dict(self._committed)  # nothing the user had open is lost
        self._pending_session = None
        if self._swap_pending:
            self._flip_work()
        self._undo_structure_mark()
        self.comparison_failed.emit(message)

    def _undo_structure_mark(self) -> None:
        """A source added, removed or swapped that never got compared changed nothing."""
        if self._structure_before is None:
            return
        was = self.dirty
        self._structure_dirty, self._structure_before = self._structure_before, None
        if self.dirty != was:
            self.dirty_changed.emit(self.dirty)

    def _place_corrections(self, placed: tuple | None = None) -> Comparison:
        """The engine's comparison with the analyst's corrections on top, and its rows: as the
        worker placed them, unless the corrections changed since it started."""
        assert self.engine is not None
        if placed is not None and placed[0] == self.work.corrections:
            _, fixed, self.rows = placed
        else:
            fixed = apply_corrections(self.engine, self.work.corrections, self.anchor_index)
            self.rows = (self._engine_rows if fixed.comparison is self.engine
                         else build_rows(fixed.comparison))
        self.unplaced = fixed.unplaced
        self.comparison = fixed.comparison
        self._row_keys = {r.key for r in self.rows}
        return fixed.comparison

    # ----------------------------------------------------------------- annotations
    @property
    def annotations(self) -> tuple[Annotation, ...]:
        return self.work.annotations

    @property
    def grades(self) -> dict[str, SourceGrade]:
        return self.work.grades

    @property
    def corrections(self) -> tuple[Correction, ...]:
        return self.work.corrections

    def annotation(self, key: str) -> Annotation | None:
        if is_claim_id(key):
            return self.claims_resolved.by_key.get(key)
        return self.resolved.by_key.get(key)

    def _resolve_claim_notes(self) -> None:
        self.claims_resolved = (resolve_claim_notes(self.multi, self.work.claim_notes)
                                if self.multi else Resolved(orphans=self.work.claim_notes))

    def _edit_claim(self, key: str, what: str, **change) -> None:
        if self.multi is None or not any(c.id == key for c in self.multi.clusters):
            return
        notes = set_claim_note(self.multi, self.work.claim_notes, key, **change)
        if notes != self.work.claim_notes:
            self._push(f"Edit {what} of claim {key}", replace(self.work, claim_notes=notes))

    def edit_row(self, key: str, *, verdict: Verdict | None = None, note: str | None = None,
                 tags: tuple[str, ...] | None = None,
                 credibility: int | None | str = "keep") -> None:
        """Change one row's annotation through the undo stack."""
        verdict = Verdict(verdict) if verdict is not None else None  # combo data arrives as str
        what = ("verdict" if verdict is not None else "note" if note is not None
                else "tags" if tags is not None else "credibility")
        if is_claim_id(key):
            self._edit_claim(key, what, verdict=verdict, note=note, tags=tags,
                             credibility=credibility)
            return
        if self.comparison is None or key not in self._row_keys:
            return  # the row vanished in a re-comparison
        notes = set_annotation(self.comparison, self.annotations, key, verdict=verdict, note=note,
                               tags=tags, credibility=credibility, index=self.anchor_index,
                               resolved=self.resolved)
        if notes == self.annotations:
            return
        self._push(f"Edit {what} of {key}", replace(self.work, annotations=notes))

    def edit_grade(self, side: str, grade: SourceGrade) -> None:
        if self.grades.get(side, SourceGrade()) == grade:
            return
        grades = {**self.grades, side: grade}
        self._push(f"Grade source {side}", replace(self.work, grades=grades))

    def _push(self, text: str, after: AnalystWork) -> None:
        command = SnapshotCommand(self, text, after)
        self._commands.append(command)
        self.undo_stack.push(command)

    def _apply_work(self, work: AnalystWork) -> None:
        links_changed = work.corrections != self.work.corrections
        self.work = work
        if self.engine is not None and links_changed:
            self.comparison_about_to_change.emit()
            self._place_corrections()
            self.comparison_finished.emit(self.comparison)
        if self.comparison is not None:
            self.resolved = resolve_all(self.comparison, work.annotations, self.anchor_index)
        self._resolve_claim_notes()
        self.annotations_changed.emit()
        self._autosave_timer.start()

    def _on_clean_changed(self, clean: bool) -> None:
        try:
            self.dirty_changed.emit(not clean)
        except RuntimeError:  # emitted while the window is being destroyed
            pass

    @property
    def dirty(self) -> bool:
        return not self.undo_stack.isClean() or self._structure_dirty
