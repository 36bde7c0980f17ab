"""File dialogs and CLI help list the formats the registries hold, not a copy of them."""

from __future__ import annotations

from compare_app import qt
from compare_app.core.loading import supported_suffixes
from compare_app.core.reports import ReportWriter, writers
from compare_app.core.reports.registry import _WRITERS
from compare_app.gui.dialogs import document_filter, report_filter, report_labels
from installed import run_cli


def test_dialog_filters_come_from_the_registries(monkeypatch):
    qt.install()
    assert report_filter().split(";;")[:2] == ["HTML (*.html *.htm)", "PDF (*.pdf)"]
    assert report_labels() == "HTML, PDF, Markdown, CSV, JSON"
    assert all(f"*{s}" in document_filter() for s in supported_suffixes())
    monkeypatch.setitem(_WRITERS, "txt", ReportWriter("txt", "Plain text", (".txt",),
                                                      lambda r, path: None))
    assert "Plain text (*.txt)" in report_filter()
    assert writers()[-1].name == "txt"


def test_cli_help_lists_the_registered_formats():
    out = run_cli("report", "--help")
    assert out.returncode == 0
    shown = " ".join(out.stdout.split())
    assert "html, pdf, md, csv or json" in shown and ".html, .pdf, .md, .csv or .json" in shown
    top = run_cli("--help")
    assert "HTML, PDF, Markdown, CSV or JSON" in " ".join(top.stdout.split())
    compare = run_cli("compare", "--help")
    assert all(s in " ".join(compare.stdout.split()) for s in supported_suffixes())
