"""Tests for compare_app.core.docx_text through the loader, on .docx files written here."""

from __future__ import annotations

import time
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from compare_app.core import docx_text
from compare_app.core.compare import compare_files
from compare_app.core.docx_text import DocxError, docx_to_text
from compare_app.core.loading import InputError, load_document
from compare_app.core.models import Relation

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
STRICT = "http://purl.oclc.org/ooxml/wordprocessingml/main"
DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
CONTENT_TYPES = (DECL + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                 '<Default Extension="xml" ContentType="application/xml"/>'
                 '<Override PartName="/word/document.xml" ContentType="application/'
                 'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
                 '</Types>')
CORE = (DECL + '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/'
        'metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">'
        '<dc:title>{title}</dc:title></cp:coreProperties>')
CLAIM = "North Korea sent about 12,000 troops to Russia in October 2024."


def p(text: str, style: str = "") -> str:
    ppr = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    return f"<w:p>{ppr}<w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r></w:p>"


def cell(text: str) -> str:
    return f"<w:tc><w:tcPr/>{p(text)}</w:tc>"


BODY = "".join([
    p("Troops in Kursk", "Title"),
    p("Background", "Heading1"),
    p(CLAIM),
    ("<w:p><w:r><w:t>Officials in Seoul confirmed the figure</w:t></w:r>"
     '<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr>'
     '<w:footnoteReference w:id="2"/></w:r>'
     '<w:r><w:t xml:space="preserve"> on Monday.</w:t><w:tab/><w:t>Analysts agreed.</w:t></w:r>'
     "<w:r><w:rPr><w:vanish/></w:rPr><w:t>Hidden note to self.</w:t></w:r>"
     "<w:del><w:r><w:delText>Deleted words.</w:delText></w:r></w:del>"
     '<w:ins><w:r><w:t xml:space="preserve"> Inserted words.</w:t></w:r></w:ins></w:p>'),
    "<w:p/>",
    "<w:tbl><w:tblPr/><w:tr>" + cell("Unit") + cell("Soldiers") + "</w:tr>"
    "<w:tr>" + cell("Brigade A") + cell("3,000") + "</w:tr></w:tbl>",
    "<w:p><w:r><w:t>A line</w:t><w:br/><w:t>broken by hand.</w:t></w:r></w:p>",
    '<w:p><w:r><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/'
    'markup-compatibility/2006"><mc:Choice Requires="wps"><w:drawing><w:txbxContent>'
    + p("Text box words.") + "</w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict>"
    "<w:txbxContent>" + p("Text box words.") + "</w:txbxContent></w:pict></mc:Fallback>"
    "</mc:AlternateContent></w:r></w:p>",
])
FOOTNOTES = ('<w:footnotes xmlns:w="{ns}">'
             '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p>'
             '</w:footnote><w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r>'
             '<w:continuationSeparator/></w:r></w:p></w:footnote>'
             '<w:footnote w:id="2"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve">'
             ' Source: National Intelligence Service briefing.</w:t></w:r></w:p></w:footnote>'
             '</w:footnotes>')
EXPECTED = "\n\n".join([
    "Troops in Kursk", "Background", CLAIM,
    "Officials in Seoul confirmed the figure[1] on Monday.\tAnalysts agreed. Inserted words.",
    "Unit | Soldiers\nBrigade A | 3,000",
    "A line\nbroken by hand.",
    "Text box words.",
    "Footnotes",
    "[1] Source: National Intelligence Service briefing.",
])


def document_xml(body: str, ns: str = W) -> str:
    return DECL + f'<w:document xmlns:w="{ns}"><w:body>{body}<w:sectPr/></w:body></w:document>'


def make_docx(path: Path, body: str = BODY, *, ns: str = W, title: str | None = "Kursk memo",
              footnotes: bool = True, extra: dict[str, bytes | str] | None = None,
              document: str | bytes | None = None) -> Path:
    parts: dict[str, str | bytes] = {"[Content_Types].xml": CONTENT_TYPES,
                                     "word/document.xml": document or document_xml(body, ns)}
    if footnotes:
        parts["word/footnotes.xml"] = FOOTNOTES.format(ns=ns)
    if title is not None:
        parts["docProps/core.xml"] = CORE.format(title=title)
    parts.update(extra or {})
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return path


def test_extracts_paragraphs_headings_tables_notes_and_title(tmp_path):
    doc = load_document(make_docx(tmp_path / "memo.docx"))
    assert doc.text == EXPECTED
    assert doc.title == "Kursk memo"
    assert doc.encoding == "docx"
    assert doc.warnings == ("the document has tracked changes; the text shows them accepted",)
    assert "Hidden" not in doc.text and "Deleted" not in doc.text


def test_strict_ooxml_namespace_reads_the_same(tmp_path):
    assert load_document(make_docx(tmp_path / "s.docx", ns=STRICT)).text == EXPECTED


def test_title_falls_back_to_title_style_then_heading(tmp_path):
    assert load_document(make_docx(tmp_path / "a.docx", title=None)).title == "Troops in Kursk"
    doc = load_document(make_docx(tmp_path / "b.docx", p("Intro", "Heading1") + p(CLAIM),
                                  title=" ", footnotes=False))
    assert (doc.text, doc.title) == (f"Intro\n\n{CLAIM}", "Intro")


def test_heading_from_styles_xml_with_localised_style_id(tmp_path):
    styles = (f'<w:styles xmlns:w="{W}"><w:style w:type="paragraph" w:styleId="berschrift1">'
              '<w:name w:val="heading 1"/></w:style></w:styles>')
    path = make_docx(tmp_path / "de.docx", p("Hintergrund", "berschrift1") + p(CLAIM),
                     title=None, footnotes=False, extra={"word/styles.xml": styles})
    assert load_document(path).title == "Hintergrund"


def test_docx_compares_like_plain_text(tmp_path):
    docx = make_docx(tmp_path / "memo.docx")
    txt = tmp_path / "other.txt"
    txt.write_text(f"Other Report\n\n{CLAIM}\n", encoding="utf-8")
    comparison = compare_files(str(docx), str(txt))
    agree = [pair for pair in comparison.pairs if pair.relation is Relation.AGREE]
    assert agree, comparison.pairs
    sentence = next(s for s in comparison.a.sentences if s.id in agree[0].a)
    assert sentence.text == CLAIM
    assert comparison.a.text[sentence.start:sentence.end] == CLAIM


def test_a_document_without_text_is_refused(tmp_path):
    path = make_docx(tmp_path / "empty.docx", "", title=None, footnotes=False)
    with pytest.raises(InputError) as info:
        load_document(path)
    assert str(info.value) == (f"{path}: the document contains no text; there is nothing to "
                               "compare")


# -- refusals -------------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["macro.docm", "template.dotm"])
def test_macro_enabled_suffix_refused(tmp_path, name):
    path = make_docx(tmp_path / name)
    with pytest.raises(InputError) as info:
        load_document(path)
    assert str(info.value) == f"{path}: macro-enabled Word document; save it as .docx"


def test_macros_inside_a_renamed_docx_refused(tmp_path):
    path = make_docx(tmp_path / "renamed.docx", extra={"word/vbaProject.bin": b"\x00" * 10})
    with pytest.raises(InputError, match="macro-enabled"):
        load_document(path)


def test_encrypted_and_old_word_documents(tmp_path):
    ole = docx_text.OLE_MAGIC + b"\x00" * 200
    encrypted = tmp_path / "secret.docx"
    encrypted.write_bytes(ole + "EncryptionInfo".encode("utf-16-le") + b"\x00" * 50)
    with pytest.raises(InputError, match="encrypted or password-protected document"):
        load_document(encrypted)
    for name in ("old.doc", "old-named.docx", "old-unknown.bin"):
        (tmp_path / name).write_bytes(ole)
        with pytest.raises(InputError, match=r"old Word format \(\.doc\); save it as \.docx"):
            load_document(tmp_path / name)


def test_docx_renamed_to_doc_is_read(tmp_path):
    assert load_document(make_docx(tmp_path / "really.doc")).text == EXPECTED


def test_zip_level_encryption_refused(tmp_path):
    path = make_docx(tmp_path / "zipcrypto.docx", footnotes=False)
    # zipfile cannot encrypt: set the "encrypted" flag bit in the local and central headers.
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        local = archive.getinfo("word/document.xml").header_offset
    data[local + 6] |= 0x1
    central = data.index(b"PK\x01\x02", data.index(b"PK\x01\x02") + 1)  # document.xml is 2nd
    assert data[central + 46:central + 46 + 17] == b"word/document.xml"
    data[central + 8] |= 0x1
    path.write_bytes(bytes(data))
    with pytest.raises(InputError, match="encrypted or password-protected"):
        load_document(path)


def test_zip_bomb_refused_quickly(tmp_path):
    path = tmp_path / "bomb.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        with archive.open("word/document.xml", "w") as member:
            for _ in range(60):
                member.write(bytes(1024 * 1024))
    assert path.stat().st_size < 200_000
    start = time.perf_counter()
    with pytest.raises(InputError) as info:
        load_document(path)
    assert time.perf_counter() - start < 0.5
    assert str(info.value) == f"{path}: archive expands too much (possible zip bomb)"


def test_high_ratio_member_under_budget_refused(tmp_path):
    padded = document_xml(p(CLAIM) + " " * (5 * 1024 * 1024))
    with pytest.raises(InputError, match="possible zip bomb"):
        load_document(make_docx(tmp_path / "ratio.docx", document=padded))


@pytest.mark.parametrize("document, problem", [
    (DECL + f'<w:document xmlns:w="{W}"><w:body><w:p>', "word/document.xml is not valid XML"),
    (b"\xff\xfe\x00garbage", "word/document.xml is not valid XML"),
    (DECL + '<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
     f'<w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body>'
     "</w:document>", "declares a DOCTYPE or entities"),
    (DECL + '<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>'
     f'<w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>&lol2;</w:t></w:r></w:p></w:body>'
     "</w:document>", "declares a DOCTYPE or entities"),
])
def test_malformed_and_unsafe_xml_refused(tmp_path, document, problem):
    with pytest.raises(InputError) as info:
        load_document(make_docx(tmp_path / "bad.docx", document=document))
    assert problem in str(info.value)


def test_malformed_optional_part_is_skipped_with_a_warning(tmp_path):
    path = make_docx(tmp_path / "m.docx", extra={"word/footnotes.xml": "<w:footnotes"})
    doc = load_document(path)
    assert doc.text == EXPECTED.split("\n\nFootnotes")[0]
    assert doc.warnings[0] == ("damaged Word document (word/footnotes.xml is not valid XML, "
                               "line 1); it was skipped")
    unsafe = make_docx(tmp_path / "u.docx", extra={"docProps/core.xml": '<!DOCTYPE x SYSTEM "y">'})
    with pytest.raises(InputError, match="unsafe XML"):
        load_document(unsafe)


def test_not_a_word_document(tmp_path):
    path = tmp_path / "sheet.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
    with pytest.raises(InputError, match="not a Word document"):
        load_document(path)
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"PK\x03\x04 this is not really a zip archive")
    with pytest.raises(InputError, match="ZIP archive is damaged"):
        load_document(broken)


def test_unknown_suffix_zip_is_sniffed_as_docx(tmp_path):
    assert load_document(make_docx(tmp_path / "download.bin")).text == EXPECTED


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(["<w:p>", "</w:p>", "<w:r>", "</w:r>", "<w:t>", "</w:t>",
                                 "<w:tbl>", "<w:tr>", "<w:tc>", "</w:tc>", "text", "&amp;",
                                 "&", "<", "<w:br/>", '<w:footnoteReference w:id="2"/>',
                                 "<w:sdt><w:sdtContent>", "</w:sdtContent></w:sdt>"]))
       .map("".join))
def test_property_any_body_gives_text_or_a_clear_error(body):
    from io import BytesIO
    buffer = BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", document_xml(body))
        archive.writestr("word/footnotes.xml", FOOTNOTES.format(ns=W))
    try:
        result = docx_to_text(buffer.getvalue())
    except DocxError as err:
        assert "not valid XML" in str(err)
    else:
        assert isinstance(result.text, str)
