"""Tests for compare_app.qt.pdf_reader on PDFs drawn here with QPdfWriter (offscreen Qt)."""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path

import pytest

from compare_app.core import loading
from compare_app.core.compare import compare_files
from compare_app.core.loading import PDF_MISSING, InputError, load_document
from compare_app.core.models import Relation
from compare_app.qt import pdf_reader

ROOT = Path(__file__).resolve().parents[1]

PAGES = [
    ["Troop Deployment Review",
     "North Korean troops were deployed to the Kursk region in October 2024, accord-",
     "ing to the intelligence service of South Korea, which estimated that about",
     "12,000 soldiers had arrived by the end of the month.",
     "The Korea-",
     "Russia treaty of June 2024 provides for mutual military assistance in the",
     "event of an attack on either party."],
    ["Officials in Kyiv said the soldiers were fighting alongside Russian units and that",
     "several hundred had been killed or wounded in the first weeks of the deploy-",
     "ment."],
    ["Analysts expect the cooperation between the two governments to deepen further",
     "over the coming year."],
]
EXPECTED = (
    "Troop Deployment Review\n"
    "North Korean troops were deployed to the Kursk region in October 2024, according to the "
    "intelligence service of South Korea, which estimated that about 12,000 soldiers had "
    "arrived by the end of the month.\n"
    "The Korea-Russia treaty of June 2024 provides for mutual military assistance in the event "
    "of an attack on either party.\n"
    "Officials in Kyiv said the soldiers were fighting alongside Russian units and that several "
    "hundred had been killed or wounded in the first weeks of the deployment.\n"
    "Analysts expect the cooperation between the two governments to deepen further over the "
    "coming year.")


def write_pdf(path: Path, pages: list[list[str]], *, header: str = "ACME Quarterly Report",
              title: str = "", image_only: bool = False, footer: bool = True) -> Path:
    """Draw pages of text lines (plus a running header and a page-number footer) to a PDF."""
    from PySide6.QtCore import QMarginsF
    from PySide6.QtGui import QColor, QFont, QImage, QPageLayout, QPageSize, QPainter, QPdfWriter

    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Point)
    writer.setResolution(72)
    if title:
        writer.setTitle(title)
    painter = QPainter(writer)
    painter.setFont(QFont("Helvetica", 10))
    for number, lines in enumerate(pages, start=1):
        if number > 1:
            writer.newPage()
        if image_only:
            image = QImage(200, 100, QImage.Format.Format_RGB32)
            image.fill(QColor("darkgray"))
            painter.drawImage(50, 50, image)
            continue
        if header:
            painter.drawText(50, 30, header)
        for row, line in enumerate(lines):
            painter.drawText(50, 80 + 14 * row, line)
        if footer:
            painter.drawText(280, 800, f"Page {number} of {len(pages)}")
    painter.end()
    return path


@pytest.fixture
def pdf_installed(monkeypatch):
    """The PDF reader registered in a private copy of the registry (no global side effects)."""
    monkeypatch.setattr(loading, "_READERS", dict(loading._READERS))
    monkeypatch.setattr(loading, "_MAGIC_READERS", dict(loading._MAGIC_READERS))
    pdf_reader.install()


@pytest.fixture
def report(qapp, tmp_path) -> Path:
    return write_pdf(tmp_path / "report.pdf", PAGES, title="ACME Q3 Review")


def test_report_text_without_furniture(report, pdf_installed):
    doc = load_document(report)
    assert doc.text == EXPECTED
    assert (doc.title, doc.encoding, doc.warnings) == ("ACME Q3 Review", "pdf", ())


def test_read_pdf_directly_and_title_fallback(qapp, tmp_path):
    for title in ("", "Untitled", "Microsoft Word - draft.docx"):
        data = write_pdf(tmp_path / "r.pdf", PAGES, title=title).read_bytes()
        result = pdf_reader.read_pdf(data, "r.pdf")
        assert result.text == EXPECTED and result.title == ""
    doc_title = loading.guess_title(EXPECTED, "fallback")
    assert doc_title == "Troop Deployment Review"


def test_offsets_index_the_shown_text_and_compare(report, pdf_installed, tmp_path):
    other = tmp_path / "other.txt"
    other.write_text("Other notes\n\nOfficials in Kyiv said the soldiers were fighting alongside "
                     "Russian units and that several hundred had been killed or wounded in the "
                     "first weeks of the deployment.\n", encoding="utf-8")
    comparison = compare_files(str(report), str(other))
    for sentence in comparison.a.sentences:
        assert comparison.a.text[sentence.start:sentence.end] == sentence.text
    assert any(pair.relation is Relation.AGREE for pair in comparison.pairs)


def test_scanned_pdf_has_no_text_layer(qapp, tmp_path, pdf_installed):
    path = write_pdf(tmp_path / "scan.pdf", [[], []], image_only=True)
    with pytest.raises(InputError) as info:
        load_document(path)
    assert str(info.value) == f"{path}: no text layer (scanned PDF?); run OCR first"


def test_partly_scanned_pdf_warns(qapp, tmp_path, pdf_installed):
    path = write_pdf(tmp_path / "mixed.pdf", [["Only the first page has text."], [], []],
                     header="", footer=False)
    doc = load_document(path)
    assert doc.text == "Only the first page has text."
    assert doc.warnings == ("2 of 3 pages have no text (blank, or scanned without a text layer)",)


def _build_pdf(objects: list[bytes], trailer: bytes = b"") -> bytes:
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R %s >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, trailer, xref)
    return out


PAGE_OBJECTS = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>"]


def test_password_protected_pdf(tmp_path, pdf_installed):
    # A standard security handler whose user password is not empty: PDFium asks for it.
    encrypt = (b"<< /Filter /Standard /V 1 /R 2 /O <" + b"11" * 32 + b"> /U <" + b"22" * 32
               + b"> /P -4 >>")
    data = _build_pdf([*PAGE_OBJECTS, encrypt],
                      b"/Encrypt 4 0 R /ID [<" + b"33" * 16 + b"> <" + b"33" * 16 + b">]")
    path = tmp_path / "locked.pdf"
    path.write_bytes(data)
    with pytest.raises(InputError) as info:
        load_document(path)
    assert str(info.value) == f"{path}: {pdf_reader.PROTECTED_MESSAGE}"


@pytest.mark.parametrize("data", [b"%PDF-1.4\nnot really a pdf", b"%PDF"])
def test_damaged_pdf(tmp_path, pdf_installed, data):
    path = tmp_path / "broken.pdf"
    path.write_bytes(data)
    with pytest.raises(InputError, match="not a readable PDF"):
        load_document(path)


def test_blank_pdf_is_no_text(tmp_path, pdf_installed):
    path = tmp_path / "blank.pdf"
    path.write_bytes(_build_pdf(PAGE_OBJECTS))
    with pytest.raises(InputError, match="no text layer"):
        load_document(path)


def test_unknown_suffix_is_sniffed(report, pdf_installed, tmp_path):
    renamed = tmp_path / "download"
    renamed.write_bytes(report.read_bytes())
    assert load_document(renamed).text == EXPECTED


def test_without_the_reader_pdf_gets_a_clear_message(tmp_path, monkeypatch):
    monkeypatch.setattr(loading, "_READERS", dict(loading._READERS))
    monkeypatch.setattr(loading, "_MAGIC_READERS", dict(loading._MAGIC_READERS))
    loading.register_reader((".pdf",), loading._pdf_unavailable, magic=b"%PDF")
    path = tmp_path / "a.pdf"
    path.write_bytes(_build_pdf(PAGE_OBJECTS))
    with pytest.raises(InputError) as info:
        load_document(path)
    assert str(info.value) == f"{path}: {PDF_MISSING}"


def test_reads_in_a_worker_thread(report):
    results: list[object] = []
    data = report.read_bytes()
    worker = threading.Thread(target=lambda: results.append(pdf_reader.read_pdf(data, "r.pdf")))
    worker.start()
    worker.join(30)
    assert results and results[0].text == EXPECTED


def test_page_limit(report, monkeypatch, pdf_installed):
    monkeypatch.setattr(pdf_reader, "MAX_PAGES", 2)
    with pytest.raises(InputError, match="has 3 pages; the limit is 2"):
        load_document(report)


def test_install_keeps_the_core_qt_free_until_a_pdf_is_read(tmp_path):
    txt = tmp_path / "a.txt"
    txt.write_text("Plain words.", encoding="utf-8")
    code = ("import sys; import compare_app.qt as p; p.install(); "
            "from compare_app.core.loading import load_document; "
            f"load_document({str(txt)!r}); "
            "assert not [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))]")
    result = subprocess.run([sys.executable, "-c", code], check=False, capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 0, result.stderr


def test_cli_compares_a_pdf_end_to_end(report, tmp_path):
    other = tmp_path / "other.txt"
    other.write_text("North Korean troops were deployed to the Kursk region in October 2024, "
                     "according to the intelligence service of South Korea.\n", encoding="utf-8")
    code = ("import compare_app.qt as p; p.install(); from compare_app.cli import main; "
            f"raise SystemExit(main(['compare', {str(report)!r}, {str(other)!r}]))")
    env = {"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"}
    result = subprocess.run([sys.executable, "-c", code], check=False, capture_output=True,
                            text=True, timeout=120, cwd=ROOT, env=env)
    assert result.returncode == 0, result.stderr
    assert "ACME Q3 Review" in result.stdout
    assert "ACME Quarterly Report" not in result.stdout
