"""The controller's session files and autosave: open a session or recovered work, save it, and
keep unsaved work in an autosave file a few seconds after each change."""

from __future__ import annotations

import logging
from dataclasses import replace

from ..core.autosave import Recovery, autosave_file, discard
from ..core.loading import LoadedText
from ..core.models import Document
from ..core.multi import LABELS
from ..core.session import Session, SessionError, load_session, save_session, session_of
from ..core.work import AnalystWork

log = logging.getLogger(__name__)


def as_loaded(doc: Document) -> LoadedText:
    return LoadedText(text=doc.text, title=doc.title, encoding=doc.encoding,
                      warnings=doc.warnings, sha256=doc.sha256, path=doc.path)


class SessionPersistenceMixin:
    """Needs the controller's comparison, multi, work, settings, undo stack, autosave timer and
    folder, its signals and _run."""

    def open_session(self, path: str) -> None:
        """Load a session file; a bad file changes nothing and is reported."""
        try:
            session = load_session(path)
        except SessionError as err:
            self.comparison_failed.emit(str(err))
            return
        self._open(session, str(path), recovered=False)

    def open_recovery(self, recovery: Recovery) -> None:
        """Bring back autosaved work: unsaved, and saved (when asked) to its own session file."""
        self._autosaved = str(recovery.path)
        self._open(recovery.session, recovery.session.recovers or None, recovered=True)

    def _open(self, session: Session, path: str | None, *, recovered: bool) -> None:
        self._sources = {LABELS[n]: src for n, src in enumerate(session.sources)}
        self.options = session.options
        self.settings.threshold = session.options.threshold
        work = AnalystWork(session.annotations, dict(session.grades), session.corrections,
                           session.claim_notes)
        self._pending_session = (path, work, recovered)
        self._run()

    def save_session(self, path: str | None = None) -> bool:
        target = path or self.session_path
        if not target or self.comparison is None:
            return False
        try:
            save_session(target, self._session())
        except OSError as err:
            self.comparison_failed.emit(
                f"{target}: cannot save the session ({err.strerror or err})")
            return False
        self.session_path = str(target)
        self.settings.set_last_session(self.session_path)
        self.discard_autosave()
        self._structure_dirty = False
        self.undo_stack.setClean()
        self.dirty_changed.emit(self.dirty)
        self.session_saved.emit(self.session_path)
        return True

    def _session(self) -> Session:
        assert self.comparison is not None
        more = tuple(as_loaded(d) for d in self.multi.documents[2:]) if self.multi else ()
        return replace(session_of(self.comparison, self.annotations, self.grades,
                                  self.corrections, more), claim_notes=self.work.claim_notes)

    @property
    def autosave_path(self) -> str | None:
        """This comparison's autosave file (never the session file itself)."""
        if self.comparison is None:
            return None
        docs = self.multi.documents if self.multi else (self.comparison.a, self.comparison.b)
        digests = tuple(d.sha256 for d in docs)
        return str(autosave_file(self.autosave_folder, self.session_path, digests))

    def autosave(self) -> None:
        """A few seconds after a change, keep the unsaved work in this comparison's autosave
        file, for recovery after a crash; clean work needs none."""
        target = self.autosave_path
        if target is None:
            return
        if self._autosaved and self._autosaved != target:
            discard(self._autosaved)  # the comparison moved on (saved under a name, reloaded)
        if not self.dirty:
            discard(target)
            self._autosaved = None
            return
        session = replace(self._session(), recovers=self.session_path or "")
        try:
            self.autosave_folder.mkdir(parents=True, exist_ok=True)
            save_session(target, session)
            self._autosaved = target
        except OSError as err:
            log.warning("autosave failed: %s", err)

    def pause_autosave(self) -> None:
        """No autosave while the analyst decides what happens to the changes."""
        self._autosave_timer.stop()

    def resume_autosave(self) -> None:
        if self.dirty:
            self._autosave_timer.start()

    def discard_autosave(self) -> None:
        """The changes were saved or deliberately discarded: no copy of them is kept."""
        self._autosave_timer.stop()
        for path in {self._autosaved, self.autosave_path}:
            discard(path)
        self._autosaved = None
