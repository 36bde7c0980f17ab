"""Readable text from a Word .docx file, with the standard library only (zipfile + ElementTree).

Intent: what a reader sees in Word — paragraphs, headings as their own lines, tables as one line
per row ("cell | cell"), footnote and endnote texts listed at the end with their numbers — and
nothing that would reach outside the file. The archive is treated as hostile:
  * members are read with a size budget (MAX_UNZIPPED in total) and a compression-ratio check
    (MAX_RATIO), so a zip bomb is refused from its directory before anything is inflated;
  * any DOCTYPE or ENTITY declaration is refused before parsing (no XXE, no "billion laughs");
  * macro-enabled, encrypted and old binary (.doc) documents are refused with a clear message.
Element names are matched by local name, so Transitional and Strict OOXML both work.
"""

from __future__ import annotations

import io
import logging
import re
import zipfile
import zlib
from dataclasses import dataclass, field
from xml.etree import ElementTree as ET

log = logging.getLogger(__name__)

MiB = 1024 * 1024
MAX_UNZIPPED = 50 * MiB   # total inflated size of the members read
MAX_RATIO = 100           # inflated / compressed, for members above RATIO_FLOOR
RATIO_FLOOR = 1 * MiB     # small XML parts compress very well and are harmless

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
MACRO_MESSAGE = "macro-enabled Word document; save it as .docx"
ENCRYPTED_MESSAGE = "encrypted or password-protected document; remove the password and save again"
OLD_WORD_MESSAGE = "old Word format (.doc); save it as .docx"
BOMB_MESSAGE = "archive expands too much (possible zip bomb)"

_ENCRYPTION_STREAM = "EncryptionInfo".encode("utf-16-le")
_DECLARATION = re.compile(rb"<!(?:DOCTYPE|ENTITY)", re.IGNORECASE)
_REL_OFFICE_DOC = "/officeDocument"


class DocxError(Exception):
    """The file cannot be read as a Word document; str(err) says why, for the user."""


class MalformedXml(DocxError):
    """A part is not well-formed XML (tolerated, with a warning, in optional parts)."""


@dataclass(frozen=True)
class DocxText:
    """Extracted text (blocks separated by blank lines), title and warnings."""

    text: str
    title: str
    warnings: tuple[str, ...] = ()


def ole_problem(data: bytes) -> str:
    """Message for an OLE compound file: an encrypted OOXML package or an old binary document."""
    return ENCRYPTED_MESSAGE if _ENCRYPTION_STREAM in data else OLD_WORD_MESSAGE


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _attr(element: ET.Element, name: str) -> str | None:
    for key, value in element.attrib.items():
        if key.rsplit("}", 1)[-1] == name:
            return value
    return None


class _Package:
    """Reads members of the archive within one inflation budget."""

    def __init__(self, data: bytes) -> None:
        try:
            self.zip = zipfile.ZipFile(io.BytesIO(data))
        except (zipfile.BadZipFile, ValueError, OSError):
            raise DocxError("not a valid Word document (the ZIP archive is damaged)") from None
        self.infos = {info.filename: info for info in self.zip.infolist()}
        self.budget = MAX_UNZIPPED
        self.warnings: list[str] = []

    def has(self, name: str) -> bool:
        return name in self.infos

    def read(self, name: str) -> bytes | None:
        info = self.infos.get(name)
        if info is None:
            return None
        if info.flag_bits & 0x1:
            raise DocxError(ENCRYPTED_MESSAGE)
        if info.file_size > self.budget or (
                info.file_size > RATIO_FLOOR
                and info.file_size > MAX_RATIO * max(info.compress_size, 1)):
            raise DocxError(BOMB_MESSAGE)
        try:
            with self.zip.open(info) as member:
                data = member.read(self.budget + 1)  # never trust the declared size alone
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError):
            raise DocxError(f"damaged Word document (cannot unpack {name})") from None
        except NotImplementedError:
            raise DocxError(f"unsupported compression in the Word document ({name})") from None
        if len(data) > self.budget:
            raise DocxError(BOMB_MESSAGE)
        self.budget -= len(data)
        return data

    def xml(self, name: str, *, optional: bool = True) -> ET.Element | None:
        """A parsed part; a malformed optional part is skipped with a warning."""
        raw = self.read(name)
        if raw is None:
            return None
        try:
            return parse_xml(raw, name)
        except MalformedXml as err:
            if not optional:
                raise
            self.warnings.append(f"{err}; it was skipped")
            return None


class _NoDoctype(ET.TreeBuilder):
    """Builds the tree but stops at a DOCTYPE, whatever the part's encoding: the parser sees
    it before any entity is declared, so nothing can expand."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self.name = name

    def doctype(self, name: str, pubid: str | None, system: str | None) -> None:
        raise DocxError(f"refused: {self.name} declares a DOCTYPE or entities (unsafe XML)")


def parse_xml(raw: bytes, name: str) -> ET.Element:
    """Parse one XML part, refusing DTDs and entity declarations outright."""
    # UTF-16 or UTF-32, with or without a byte-order mark: without the NUL bytes the
    # declaration reads as ASCII. The parser's own DOCTYPE check (below) backs this up.
    probe = raw.replace(b"\x00", b"") if b"\x00" in raw[:4096] else raw
    if _DECLARATION.search(probe):
        raise DocxError(f"refused: {name} declares a DOCTYPE or entities (unsafe XML)")
    try:
        parser = ET.XMLParser(target=_NoDoctype(name))
        parser.feed(raw)
        return parser.close()
    except ET.ParseError as err:
        line = err.position[0] if err.position else "?"
        raise MalformedXml(f"damaged Word document ({name} is not valid XML, line {line})") \
            from None


# ------------------------------------------------------------------------------ text walking

@dataclass
class _Context:
    """Mutable state of one extraction: style kinds and note numbering."""

    heading_styles: dict[str, str] = field(default_factory=dict)  # styleId -> "title"/"heading"
    note_numbers: dict[tuple[str, str], str] = field(default_factory=dict)
    tracked: bool = False


def _roman(n: int) -> str:
    out = ""
    for value, digits in ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"),
                          (90, "xc"), (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"),
                          (4, "iv"), (1, "i")):
        while n >= value:
            out, n = out + digits, n - value
    return out


def _note_mark(ctx: _Context, kind: str, note_id: str) -> str:
    key = (kind, note_id)
    if key not in ctx.note_numbers:
        n = sum(1 for k in ctx.note_numbers if k[0] == kind) + 1
        ctx.note_numbers[key] = str(n) if kind == "footnote" else _roman(n)
    return ctx.note_numbers[key]


def _hidden(run: ET.Element) -> bool:
    for child in run:
        if _local(child.tag) == "rPr":
            return any(_local(p.tag) in ("vanish", "specVanish")
                       and _attr(p, "val") not in ("0", "false", "off") for p in child)
    return False


def _inline(element: ET.Element, parts: list[str], boxes: list[ET.Element], ctx: _Context) -> None:
    """Append the visible text of a paragraph's content; collect text boxes for later."""
    for child in element:
        name = _local(child.tag)
        if name == "r":
            if not _hidden(child):
                _run(child, parts, boxes, ctx)
        elif name in ("del", "moveFrom"):
            ctx.tracked = True  # deleted text is not shown
        elif name in ("pPr", "rPr", "Fallback", "commentReference", "bookmarkStart",
                      "bookmarkEnd", "proofErr", "permStart", "permEnd"):
            continue
        else:
            if name in ("ins", "moveTo"):
                ctx.tracked = True
            _inline(child, parts, boxes, ctx)


def _run(run: ET.Element, parts: list[str], boxes: list[ET.Element], ctx: _Context) -> None:
    for child in run:
        name = _local(child.tag)
        if name == "t":
            parts.append(child.text or "")
        elif name in ("tab", "ptab"):
            parts.append("\t")
        elif name in ("br", "cr"):
            parts.append("\n")
        elif name == "noBreakHyphen":
            parts.append("-")
        elif name in ("footnoteReference", "endnoteReference"):
            kind = "footnote" if name == "footnoteReference" else "endnote"
            parts.append(f"[{_note_mark(ctx, kind, _attr(child, 'id') or '')}]")
        elif name in ("drawing", "pict", "AlternateContent", "object"):
            boxes.extend(_text_boxes(child))


def _text_boxes(element: ET.Element) -> list[ET.Element]:
    """Text-box contents inside a drawing, skipping the duplicate legacy Fallback copies."""
    found: list[ET.Element] = []
    for child in element:
        name = _local(child.tag)
        if name == "Fallback":
            continue
        if name == "txbxContent":
            found.append(child)
        else:
            found.extend(_text_boxes(child))
    return found


def _paragraph_kind(paragraph: ET.Element, ctx: _Context) -> str:
    """"title", "heading" or "" from the paragraph's style or outline level."""
    for ppr in paragraph:
        if _local(ppr.tag) != "pPr":
            continue
        for prop in ppr:
            name = _local(prop.tag)
            if name == "pStyle":
                style = _attr(prop, "val") or ""
                kind = ctx.heading_styles.get(style) or _style_kind(style, style)
                if kind:
                    return kind
            elif name == "outlineLvl" and (_attr(prop, "val") or "9") < "9":
                return "heading"
    return ""


def _style_kind(style_id: str, name: str) -> str:
    lowered = name.casefold().replace(" ", "")
    if lowered in ("title", "subtitle"):
        return "title" if lowered == "title" else "heading"
    return "heading" if lowered.startswith("heading") or style_id.startswith("Heading") else ""


def _blocks(container: ET.Element, ctx: _Context, out: list[tuple[str, str]]) -> None:
    """Append (kind, text) blocks for paragraphs and tables, in document order."""
    for child in container:
        name = _local(child.tag)
        if name == "p":
            parts: list[str] = []
            boxes: list[ET.Element] = []
            _inline(child, parts, boxes, ctx)
            text = "".join(parts).strip()
            if text:
                out.append((_paragraph_kind(child, ctx), text))
            for box in boxes:
                _blocks(box, ctx, out)
        elif name == "tbl":
            rows = _table_rows(child, ctx)
            if rows:
                out.append(("table", "\n".join(rows)))
        elif name in ("sdt", "sdtContent", "customXml", "ins", "moveTo", "smartTag"):
            _blocks(child, ctx, out)


def _children(element: ET.Element, name: str) -> list[ET.Element]:
    """Direct children called `name`, looking through content-control and custom-XML wrappers."""
    found: list[ET.Element] = []
    for child in element:
        local = _local(child.tag)
        if local == name:
            found.append(child)
        elif local in ("sdt", "sdtContent", "customXml"):
            found.extend(_children(child, name))
    return found


def _table_rows(table: ET.Element, ctx: _Context) -> list[str]:
    """One line per row, cells joined by " | "; a nested table is flattened into its cell."""
    rows: list[str] = []
    for row in _children(table, "tr"):
        cells = []
        for cell in _children(row, "tc"):
            inner: list[tuple[str, str]] = []
            _blocks(cell, ctx, inner)
            cells.append(" ".join(" ".join(text.split()) for _, text in inner))
        if any(cells):
            rows.append(" | ".join(cells))
    return rows


def _notes(package: _Package, part: str, kind: str, ctx: _Context) -> dict[str, str]:
    """Texts of the real notes in footnotes.xml/endnotes.xml by id (separators skipped)."""
    root = package.xml(part)
    if root is None:
        return {}
    notes: dict[str, str] = {}
    for note in root:
        if _local(note.tag) != kind or _attr(note, "type") not in (None, "normal"):
            continue
        blocks: list[tuple[str, str]] = []
        _blocks(note, ctx, blocks)
        text = " ".join(" ".join(text.split()) for _, text in blocks)
        if text:
            notes[_attr(note, "id") or ""] = text
    return notes


def _heading_styles(package: _Package) -> dict[str, str]:
    root = package.xml("word/styles.xml")
    styles: dict[str, str] = {}
    if root is None:
        return styles
    for style in root:
        if _local(style.tag) != "style" or _attr(style, "type") != "paragraph":
            continue
        style_id = _attr(style, "styleId") or ""
        name = next((_attr(c, "val") or "" for c in style if _local(c.tag) == "name"), "")
        kind = _style_kind(style_id, name)
        outline = any(_local(p.tag) == "outlineLvl" for c in style if _local(c.tag) == "pPr"
                      for p in c)
        if kind or outline:
            styles[style_id] = kind or "heading"
    return styles


def _main_part(package: _Package) -> str:
    """The main document part named by the package relationships (usually word/document.xml)."""
    rels = package.xml("_rels/.rels")
    for rel in rels if rels is not None else ():
        if (_attr(rel, "Type") or "").endswith(_REL_OFFICE_DOC):
            target = (_attr(rel, "Target") or "").lstrip("/")
            if package.has(target):
                return target
    return "word/document.xml"


def _core_title(package: _Package) -> str:
    root = package.xml("docProps/core.xml")
    if root is None:
        return ""
    for child in root:
        if _local(child.tag) == "title" and child.text and child.text.strip():
            return " ".join(child.text.split())
    return ""


def _check_macros(package: _Package) -> None:
    if package.has("word/vbaProject.bin"):
        raise DocxError(MACRO_MESSAGE)
    types = package.read("[Content_Types].xml") or b""
    if b"macroEnabled" in types:
        raise DocxError(MACRO_MESSAGE)


def docx_to_text(data: bytes) -> DocxText:
    """Extract a .docx document's text and title; raises DocxError for unusable files."""
    if data.startswith(OLE_MAGIC):
        raise DocxError(ole_problem(data))
    package = _Package(data)
    _check_macros(package)
    part = _main_part(package)
    if not package.has(part):
        raise DocxError("a ZIP archive but not a Word document (no word/document.xml)")
    ctx = _Context(heading_styles=_heading_styles(package))
    root = package.xml(part, optional=False)
    body = next((c for c in root.iter() if _local(c.tag) == "body"), None) if root is not None \
        else None
    blocks: list[tuple[str, str]] = []
    if body is not None:
        _blocks(body, ctx, blocks)
    sections = [text for _, text in blocks]
    for kind, heading, part_name in (("footnote", "Footnotes", "word/footnotes.xml"),
                                     ("endnote", "Endnotes", "word/endnotes.xml")):
        if not any(k == kind for k, _ in ctx.note_numbers):
            continue
        notes = _notes(package, part_name, kind, ctx)
        listed = [f"[{mark}] {notes[note_id]}" for (k, note_id), mark in
                  ctx.note_numbers.items() if k == kind and note_id in notes]
        if listed:
            sections += [heading, *listed]
    title = _core_title(package) or next((t for k, t in blocks if k == "title"), "") or \
        next((t for k, t in blocks if k == "heading"), "")
    warnings = list(package.warnings)
    if ctx.tracked:
        warnings.append("the document has tracked changes; the text shows them accepted")
    log.debug("docx: %d blocks, %d notes", len(blocks), len(ctx.note_numbers))
    return DocxText(text="\n\n".join(sections), title=" ".join(title.split()),
                    warnings=tuple(warnings))
