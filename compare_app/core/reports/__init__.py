"""Comparison reports: the shared input and rows (`common`), the HTML page (`html`), Markdown,
CSV and JSON (`text`), and the writer registry (`registry`) that picks a format by name or suffix.

PDF is laid out by Qt, so the core registers only its name here; `compare_app.qt.install()`
plugs in the writer. The core never imports Qt, not even lazily (see the import contracts in
pyproject.toml).
"""

from __future__ import annotations

from ..atomic import write_text_atomic
from .common import (
    CorrectionLine,
    Prepared,
    ReportError,
    ReportFormatError,
    ReportInput,
    Row,
    prepare,
    title_of,
)
from .html import html_report
from .registry import (
    ReportWriter,
    format_for,
    formats,
    print_html_pdf,
    register_html_printer,
    register_writer,
    write_report,
    writer_for,
    writers,
)
from .text import csv_report, json_report, markdown_report

__all__ = [
    "CorrectionLine", "Prepared", "ReportError", "ReportFormatError", "ReportInput", "Row",
    "ReportWriter", "csv_report", "format_for", "formats", "html_report", "json_report",
    "markdown_report", "prepare", "print_html_pdf", "register_html_printer", "register_writer",
    "title_of", "write_report", "writer_for", "writers",
]


def _text_writer(render):
    """A writer for a format rendered as text in memory, written atomically."""
    return lambda r, path: write_text_atomic(path, render(r))


# The formats in the order menus list them; PDF's writer comes from the Qt adapter.
for _writer in (
    ReportWriter("html", "HTML", (".html", ".htm"), _text_writer(html_report), aliases=("htm",)),
    ReportWriter("pdf", "PDF", (".pdf",),
                 missing="PDF reports need the Qt adapter (PySide6): run compare-app, or call "
                         "compare_app.qt.install() first"),
    ReportWriter("md", "Markdown", (".md", ".markdown"), _text_writer(markdown_report),
                 aliases=("markdown",)),
    ReportWriter("csv", "CSV", (".csv",), _text_writer(csv_report)),
    ReportWriter("json", "JSON", (".json",), _text_writer(json_report)),
):
    register_writer(_writer)
