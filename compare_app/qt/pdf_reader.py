"""PDF reading through Qt's PDF module, registered with the core's readers.

Intent: the core never imports Qt, so this module lives outside it; the CLI and the GUI call
`compare_app.qt.install()` at startup. Qt is imported only when a PDF is actually read, so
installing costs nothing for a comparison of two text files. QPdfDocument needs no
QCoreApplication and works in a worker thread; the document and the buffer it reads from are
kept alive and closed together.

Each page's text (PDFium's reading order) goes to `core.page_text.join_pages`, which drops
running headers, footers and page numbers and rejoins hyphenated and wrapped lines.
"""

from __future__ import annotations

import logging

from compare_app.core.loading import PDF_MISSING, ExtractedText, InputError, register_reader
from compare_app.core.page_text import join_pages

log = logging.getLogger(__name__)

MAX_PAGES = 2000
NO_TEXT_MESSAGE = "no text layer (scanned PDF?); run OCR first"
PROTECTED_MESSAGE = "password-protected PDF; save an unprotected copy and try again"
# PDFium marks a hyphen it removed at a line end with U+FFFE and joins the two lines itself;
# put the break back so the rewrap rules decide ("deploy-ment" → "deployment", "Korea-Russia").
_SOFT_HYPHEN = "\ufffe"
_BOGUS_TITLES = ("untitled", "microsoft word - ", "document", "title")


def _page_texts(data: bytes, name: str) -> tuple[list[str], str]:
    """Per-page texts and the metadata title; raises InputError for unreadable files."""
    try:
        from PySide6.QtCore import QBuffer, QByteArray, QIODevice
        from PySide6.QtPdf import QPdfDocument
    except ImportError:
        raise InputError(name, PDF_MISSING) from None
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    try:
        document.load(buffer)
        error = document.error()
        if error in (QPdfDocument.Error.IncorrectPassword,
                     QPdfDocument.Error.UnsupportedSecurityScheme):
            raise InputError(name, PROTECTED_MESSAGE)
        if error != QPdfDocument.Error.None_ or \
                document.status() != QPdfDocument.Status.Ready:
            raise InputError(name, "not a readable PDF (damaged or unsupported)")
        count = document.pageCount()
        if count > MAX_PAGES:
            raise InputError(name, f"has {count} pages; the limit is {MAX_PAGES}")
        pages = [document.getAllText(page).text() for page in range(count)]
        title = document.metaData(QPdfDocument.MetaDataField.Title)
        return pages, title if isinstance(title, str) else ""
    finally:
        document.close()
        buffer.close()


def _clean_title(title: str) -> str:
    """The metadata title unless it is a generator's placeholder or a file name."""
    title = " ".join(title.split())
    lowered = title.casefold()
    if not title or lowered.startswith(_BOGUS_TITLES) or \
            lowered.endswith((".doc", ".docx", ".pdf", ".txt", ".indd", ".qxd")):
        return ""
    return title


def read_pdf(data: bytes, name: str) -> ExtractedText:
    """Text of a PDF in reading order, without page furniture, paragraphs rejoined."""
    pages, title = _page_texts(data, name)
    if not any(page.strip() for page in pages):
        raise InputError(name, NO_TEXT_MESSAGE)
    pages = [page.replace(_SOFT_HYPHEN, "-\n") for page in pages]
    joined = join_pages(pages)
    warnings: list[str] = []
    blank = sum(1 for page in pages if not page.strip())
    if blank:
        warnings.append(f"{blank} of {len(pages)} pages have no text (blank, or scanned "
                        "without a text layer)")
    log.debug("pdf %s: %d pages, %d chars", name, len(pages), len(joined.text))
    return ExtractedText(joined.text, _clean_title(title), tuple(warnings), "pdf")


def install() -> None:
    """Register the PDF reader for .pdf files and for unknown files starting with %PDF."""
    register_reader((".pdf",), read_pdf, magic=b"%PDF")
