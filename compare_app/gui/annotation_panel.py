"""Editors for the analyst's judgement on the selected row, and for each source's grade."""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ..core.annotations import CREDIBILITY, RELIABILITY, Annotation, SourceGrade, Verdict

NOTE_COMMIT_MS = 600


class AnnotationPanel(QWidget):
    """Verdict, note, tags and credibility of one row. Emits edits; never changes state itself,
    so every edit goes through the controller's undo stack."""

    verdict_edited = Signal(str, object)        # row key, Verdict
    note_edited = Signal(str, str)
    tags_edited = Signal(str, object)           # row key, tuple[str, ...]
    credibility_edited = Signal(str, object)    # row key, int | None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key: str | None = None
        self.heading = QLabel("Select a pair or an unsupported sentence to record a verdict.")
        self.heading.setWordWrap(True)
        self.verdict = QComboBox()
        self.verdict.setObjectName("verdict")
        for v in Verdict:
            self.verdict.addItem(v.label if v.value else "— none —", v.value)
        self.credibility = QComboBox()
        self.credibility.setObjectName("credibility")
        self.credibility.addItem("— not graded —", None)
        for n, text in CREDIBILITY.items():
            self.credibility.addItem(f"{n} – {text}", n)
        self.tags = QLineEdit()
        self.tags.setObjectName("tags")
        self.tags.setPlaceholderText("comma-separated, e.g. casualties, sourcing")
        self.note = QPlainTextEdit()
        self.note.setObjectName("note")
        self.note.setPlaceholderText("Analyst note")
        self._note_timer = QTimer(self)
        self._note_timer.setSingleShot(True)
        self._note_timer.setInterval(NOTE_COMMIT_MS)
        self._note_timer.timeout.connect(self.commit_note)

        form = QFormLayout()
        form.addRow("Verdict", self.verdict)
        form.addRow("Credibility", self.credibility)
        form.addRow("Tags", self.tags)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.heading)
        layout.addLayout(form)
        layout.addWidget(QLabel("Note"))
        layout.addWidget(self.note, 1)

        self.verdict.activated.connect(
            lambda _: self.key and self.verdict_edited.emit(self.key, self.current_verdict()))
        self.credibility.activated.connect(
            lambda _: self.key and self.credibility_edited.emit(self.key,
                                                                self.credibility.currentData()))
        self.tags.editingFinished.connect(self._commit_tags)
        self.note.textChanged.connect(self._note_timer.start)
        self.setEnabled(False)

    def show_row(self, key: str | None, title: str, note: Annotation | None) -> None:
        """Load a row's annotation; pending typing for the previous row is committed first."""
        if key != self.key:
            self.commit_note()
            self._commit_tags()
        self.key = key
        self.setEnabled(key is not None)
        self.heading.setText(title)
        blockers = [QSignalBlocker(w)
                    for w in (self.verdict, self.credibility, self.tags, self.note)]
        note = note or Annotation(())
        self.verdict.setCurrentIndex(max(0, self.verdict.findData(note.verdict.value)))
        self.credibility.setCurrentIndex(max(0, self.credibility.findData(note.credibility)))
        self.tags.setText(", ".join(note.tags))
        if self.note.toPlainText() != note.note:
            self.note.setPlainText(note.note)
        del blockers
        self._shown_note = note.note
        self._shown_tags = note.tags

    def current_verdict(self) -> Verdict:
        return Verdict(self.verdict.currentData() or "")

    def commit_note(self) -> None:
        self._note_timer.stop()
        if self.key and self.note.toPlainText() != getattr(self, "_shown_note", ""):
            self._shown_note = self.note.toPlainText()
            self.note_edited.emit(self.key, self._shown_note)

    def _commit_tags(self) -> None:
        tags = tuple(t.strip() for t in self.tags.text().split(",") if t.strip())
        if self.key and tags != getattr(self, "_shown_tags", ()):
            self._shown_tags = tags
            self.tags_edited.emit(self.key, tags)


class SourcesPanel(QWidget):
    """Admiralty reliability (A–F) and provenance of each document."""

    grade_edited = Signal(str, object)  # "A" | "B", SourceGrade

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        self.reliability: dict[str, QComboBox] = {}
        self.provenance: dict[str, QLineEdit] = {}
        self.titles: dict[str, QGroupBox] = {}
        self._layout = layout
        for side in ("A", "B"):
            self._ensure(side)
        layout.addStretch(1)
        self._shown: dict[str, SourceGrade] = {}

    def _ensure(self, side: str) -> None:
        """A box for one source (C, D, … appear when a comparison has them)."""
        if side in self.titles:
            self.titles[side].show()
            return
        box = QGroupBox(f"Source {side}")
        form = QFormLayout(box)
        combo = QComboBox()
        combo.setObjectName(f"reliability{side}")
        combo.addItem("— not graded —", "")
        for letter, text in RELIABILITY.items():
            combo.addItem(f"{letter} – {text}", letter)
        line = QLineEdit()
        line.setObjectName(f"provenance{side}")
        line.setPlaceholderText("outlet, author, date, URL")
        form.addRow("Reliability", combo)
        form.addRow("Provenance", line)
        combo.activated.connect(lambda _, s=side: self._emit(s))
        line.editingFinished.connect(lambda s=side: self._emit(s))
        self.reliability[side], self.provenance[side], self.titles[side] = combo, line, box
        self._layout.insertWidget(len(self.titles) - 1, box)

    def show_grades(self, grades: dict[str, SourceGrade], titles: dict[str, str]) -> None:
        for side, box in self.titles.items():
            box.setVisible(side in titles or side in ("A", "B"))
        for side in titles:
            self._ensure(side)
            grade = grades.get(side, SourceGrade())
            blockers = [QSignalBlocker(self.reliability[side]),
                        QSignalBlocker(self.provenance[side])]
            found = self.reliability[side].findData(grade.reliability)
            self.reliability[side].setCurrentIndex(max(0, found))
            self.provenance[side].setText(grade.provenance)
            del blockers
            full = f"Source {side}: {titles.get(side, '')}"  # elided: a long title must not
            self.titles[side].setTitle(self.fontMetrics().elidedText(  # widen the whole panel
                full, Qt.TextElideMode.ElideRight, 260))
            self.titles[side].setToolTip(full)
            self._shown[side] = grade

    def _emit(self, side: str) -> None:
        grade = SourceGrade(self.reliability[side].currentData() or "",
                            self.provenance[side].text().strip())
        if grade != self._shown.get(side, SourceGrade()):
            self._shown[side] = grade
            self.grade_edited.emit(side, grade)
