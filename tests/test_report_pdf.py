"""The PDF report, written through Qt's own PDF writer and read back with QtPdf."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6.QtPdf")

from PySide6.QtCore import QSizeF
from PySide6.QtGui import QTextCharFormat, QTextDocument
from PySide6.QtPdf import QPdfDocument

from compare_app import qt
from compare_app.core.annotations import Verdict, set_annotation
from compare_app.core.reports import ReportInput, format_for, formats, html_report, write_report
from compare_app.qt.report_pdf import keep_tables_whole, restyle_underlines

NOTE = "Check the NIS briefing before citing either figure."


@pytest.fixture(autouse=True)
def qt_adapters():
    qt.install()


def test_install_registers_the_pdf_writer_in_its_place():
    assert formats() == ("html", "pdf", "md", "csv", "json")
    assert format_for("r.PDF") == "pdf" and format_for("r", "pdf") == "pdf"


@pytest.fixture
def report(sample_comparison) -> ReportInput:
    pair = next(p for p in sample_comparison.pairs if p.reasons)
    notes = set_annotation(sample_comparison, (), pair.id, verdict=Verdict.CONTRADICTION,
                           note=NOTE)
    return ReportInput(sample_comparison, notes)


def _text(path) -> tuple[int, str]:
    pdf = QPdfDocument(None)
    assert pdf.load(str(path)) == QPdfDocument.Error.None_
    text = " ".join(pdf.getAllText(page).text() for page in range(pdf.pageCount()))
    count = pdf.pageCount()
    title = pdf.metaData(QPdfDocument.MetaDataField.Title)
    pdf.close()
    return count, " ".join(text.split()) + "\n" + str(title)


def test_pdf_report(qapp, tmp_path, report):
    target = tmp_path / "out.pdf"
    assert write_report(report, target) == "pdf"
    assert target.read_bytes().startswith(b"%PDF")
    pages, text = _text(target)
    assert pages >= 2
    assert "Certainty differs: A presents it as expected or possible" in text
    assert NOTE in text and "Contradiction" in text
    assert "page 1 of" in text
    assert "Comparison report: North Koreans Fighting for Russia" in text  # title metadata
    assert [p.name for p in tmp_path.iterdir()] == ["out.pdf"]


def test_status_underlines_follow_the_window(qapp, report):
    doc = QTextDocument()
    doc.setHtml(html_report(report, for_qt=True))
    restyle_underlines(doc)
    styles = set()
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fmt = it.fragment().charFormat()
            styles.add(fmt.underlineStyle())
            it += 1
        block = block.next()
    wanted = {QTextCharFormat.UnderlineStyle.WaveUnderline,
              QTextCharFormat.UnderlineStyle.DotLine,
              QTextCharFormat.UnderlineStyle.DashUnderline,
              QTextCharFormat.UnderlineStyle.SingleUnderline}
    assert wanted <= styles


@pytest.mark.parametrize("lines", [29, 30, 31, 32, 33, 34])
def test_short_tables_move_to_the_next_page_whole(qapp, lines):
    doc = QTextDocument()
    doc.setHtml("<p>line</p>" * 30 + "<h2>Heading</h2><table border=1><tr><td>one</td></tr>"
                "<tr><td>two</td></tr><tr><td>three</td></tr></table><p>after</p>")
    doc.setTextWidth(400)
    layout = doc.documentLayout()
    first = doc.begin()
    step = layout.blockBoundingRect(first.next()).top() - layout.blockBoundingRect(first).top()
    doc.setPageSize(QSizeF(400, step * lines))  # heading or table may straddle the break
    moved = keep_tables_whole(doc)
    assert moved == 1 or lines not in (31, 32, 33)
    table = doc.rootFrame().childFrames()[0]
    rect = layout.frameBoundingRect(table)
    height = doc.pageSize().height()
    heading = doc.findBlock(table.firstPosition() - 1)
    assert heading.text() == "Heading"
    pages = {int(y // height) for y in (layout.blockBoundingRect(heading).top(), rect.top(),
                                        rect.bottom() - 1)}
    assert len(pages) == 1  # heading and the whole table on one page
