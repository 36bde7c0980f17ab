"""Report writers registered by format name, like the document readers in `core/loading.py`.

The HTML, Markdown, CSV and JSON writers register themselves from this package; PDF needs Qt, so
the core only knows its name and suffix and the Qt adapter (`compare_app.qt.install()`) supplies
the writer. The CLI help and the GUI file dialogs list formats from here.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .common import ReportError, ReportFormatError, ReportInput

log = logging.getLogger(__name__)

# A writer gets the report and the target path and writes the file atomically.
Write = Callable[[ReportInput, "str | os.PathLike[str]"], None]


@dataclass(frozen=True)
class ReportWriter:
    """One report format: its name (`--format`), label, suffixes (the first is the default),
    and the function that writes it; `write` None means "known, but needs an adapter"."""

    name: str
    label: str
    suffixes: tuple[str, ...]
    write: Write | None = None
    aliases: tuple[str, ...] = ()
    missing: str = ""  # why it cannot be written without its adapter (one line)

    @property
    def available(self) -> bool:
        return self.write is not None


_WRITERS: dict[str, ReportWriter] = {}
# HTML -> PDF file (html, title, path), supplied with the PDF writer by the Qt adapter; reports
# other than the pair report (the corroboration matrix) print their HTML through it.
PrintHtml = Callable[[str, str, "str | os.PathLike[str]"], None]
_printer: list[PrintHtml] = []


def register_writer(writer: ReportWriter) -> None:
    """Add a format, or replace the writer of one already known (keeping its place in lists)."""
    _WRITERS[writer.name] = writer


def register_html_printer(printer: PrintHtml) -> None:
    """Use `printer` to turn a report's HTML into a PDF file (the Qt adapter calls this)."""
    _printer[:] = [printer]


def print_html_pdf(html: str, title: str, path: str | os.PathLike[str]) -> None:
    """Write `html` as a PDF through the registered printer; ReportError (one line) if none."""
    if not _printer:
        pdf = _WRITERS.get("pdf")
        raise ReportError(pdf.missing if pdf and pdf.missing else "PDF reports are not available")
    _printer[0](html, title, path)


def writers(*, available: bool = True) -> tuple[ReportWriter, ...]:
    """The formats in registration order; `available=False` includes those awaiting an adapter."""
    return tuple(w for w in _WRITERS.values() if w.available or not available)


def formats(*, available: bool = True) -> tuple[str, ...]:
    return tuple(w.name for w in writers(available=available))


def _by_name(name: str) -> ReportWriter | None:
    name = name.strip().lower().lstrip(".")
    for w in _WRITERS.values():
        if name == w.name or name in w.aliases:
            return w
    return None


def _by_suffix(suffix: str) -> ReportWriter | None:
    return next((w for w in _WRITERS.values() if suffix in w.suffixes), None)


def writer_for(path: str | os.PathLike[str], explicit: str | None = None) -> ReportWriter:
    """The writer named by `explicit` (e.g. --format), else by the file extension; a format
    whose adapter is missing raises ReportError with a one-line reason."""
    if explicit:
        found = _by_name(explicit)
        if found is None:
            raise ReportFormatError(f"unknown report format {explicit!r}; "
                                    f"use one of {', '.join(formats())}")
    else:
        suffix = Path(path).suffix.lower()
        found = _by_suffix(suffix)
        if found is None:
            shown = f"extension {suffix!r}" if suffix else "no extension"
            names = ", ".join(w.suffixes[0] for w in writers())
            raise ReportFormatError(f"{os.fspath(path)}: cannot tell the report format ({shown}); "
                                    f"name the file {names}, or give --format")
    if not found.available:
        raise ReportError(found.missing or f"{found.label} reports are not available here")
    return found


def format_for(path: str | os.PathLike[str], explicit: str | None = None) -> str:
    """The name of the format `write_report` would use for this path and `explicit` format."""
    return writer_for(path, explicit).name


def write_report(r: ReportInput, path: str | os.PathLike[str], fmt: str | None = None) -> str:
    """Write the report atomically in `fmt` (or the format of the extension); returns the format."""
    writer = writer_for(path, fmt)
    assert writer.write is not None  # writer_for refuses unavailable formats
    writer.write(r, path)
    log.info("wrote %s report to %s", writer.name, path)
    return writer.name

