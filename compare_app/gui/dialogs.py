"""Small dialogs: the keyboard-shortcut list, where file dialogs start, and their filters (read
from the core's reader and writer registries, so a new format shows up without a GUI change)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from ..core.loading import supported_suffixes
from ..core.reports import writers


class ShortcutsDialog(QDialog):
    """Every action that has a shortcut, built from the window's own actions so it stays true."""

    def __init__(self, actions: list[QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Keyboard shortcuts")
        rows = [(a.text().replace("&", "").replace("…", ""),
                 a.shortcut().toString(QKeySequence.SequenceFormat.NativeText))
                for a in actions if not a.shortcut().isEmpty()]
        self.table = QTableWidget(len(rows), 2, self)
        self.table.setHorizontalHeaderLabels(["Command", "Shortcut"])
        for i, (name, keys) in enumerate(rows):
            self.table.setItem(i, 0, QTableWidgetItem(name))
            self.table.setItem(i, 1, QTableWidgetItem(keys))
        self.table.resizeColumnsToContents()
        self.table.verticalHeader().setVisible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        self.resize(420, 480)

    def launch(self) -> int:
        return self.exec()


def start_path(paths: Iterable[str | None], name: str = "") -> str:
    """Where a file dialog opens: the folder of the first of `paths` whose folder exists, with the
    suggested file `name` in it; else `name` alone (the dialog's own default folder)."""
    for path in paths:
        if path and Path(path).parent.is_dir():
            folder = Path(path).parent
            return str(folder / name) if name else str(folder)
    return name


def document_filter() -> str:
    """'Documents (*.docx *.htm …);;All files (*)' from the registered readers."""
    patterns = " ".join(f"*{suffix}" for suffix in supported_suffixes())
    return f"Documents ({patterns});;All files (*)"


def report_filter() -> str:
    """'HTML (*.html *.htm);;PDF (*.pdf);;…' from the report formats that can be written here."""
    return ";;".join(f"{w.label} ({' '.join('*' + s for s in w.suffixes)})" for w in writers())


def report_labels() -> str:
    """'HTML, PDF, Markdown, CSV, JSON' for tooltips."""
    return ", ".join(w.label for w in writers())
