"""Adapters that need Qt, plugged into the Qt-free core's registries: PDF reading (a document
reader) and PDF writing (a report writer).

The core never imports this package; the CLI and the GUI call `install()` at startup. Installing
imports no Qt module: each adapter imports Qt only when a PDF is actually read or written.
"""

from __future__ import annotations

import os

from ..core.reports import (
    ReportInput,
    ReportWriter,
    register_html_printer,
    register_writer,
    writers,
)
from . import pdf_reader


def write_pdf(r: ReportInput, path: str | os.PathLike[str]) -> None:
    """Write a PDF report through Qt (imported here, on first use)."""
    from .report_pdf import write_pdf as write

    write(r, path)


def write_html_pdf(html: str, title: str, path: str | os.PathLike[str]) -> None:
    """Print any report's HTML as a PDF through Qt (imported here, on first use)."""
    from .report_pdf import write_html_pdf as write

    write(html, path, title)


def install() -> None:
    """Register the PDF reader and the PDF report writer (idempotent)."""
    pdf_reader.install()
    known = {w.name: w for w in writers(available=False)}
    pdf = known.get("pdf") or ReportWriter("pdf", "PDF", (".pdf",))
    register_writer(ReportWriter(pdf.name, pdf.label, pdf.suffixes, write_pdf, pdf.aliases))
    register_html_printer(write_html_pdf)
