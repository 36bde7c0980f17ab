"""Turn a file (or pasted text) into the text the user sees and every offset refers to.

Intent: accept what people actually have — UTF-8 with or without BOM, UTF-16 with BOM, old
Windows-1252 files, Markdown, saved web pages, Word documents, PDFs (through a reader registered
from outside the Qt-free core) — and refuse everything else (missing paths, folders, images,
huge files, macro-enabled or encrypted documents) with one clear line naming the file and the
problem. Plain text is changed as little as possible: a BOM is dropped, newlines become "\\n",
trailing whitespace at the end is trimmed, and only a text that looks hard-wrapped has its lines
rejoined into paragraphs. HTML, DOCX and PDF are reduced to their readable text. Whatever the
format, the returned `text` is what the window shows and what sentence offsets index.

Formats are chosen by readers: `register_reader((".pdf",), read_pdf, magic=b"%PDF")` adds one.
A file is dispatched by its suffix, or by its leading bytes when the suffix is unknown.
"""

from __future__ import annotations

import codecs
import hashlib
import logging
import os
import re
import stat
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from compare_app.core.bidi import bidi_warning, control_warning, reveal_bidi, reveal_controls
from compare_app.core.docx_text import (
    MACRO_MESSAGE,
    OLD_WORD_MESSAGE,
    OLE_MAGIC,
    DocxError,
    docx_to_text,
    ole_problem,
)
from compare_app.core.html_text import html_to_text
from compare_app.core.rewrap import looks_hard_wrapped, rejoin_lines

log = logging.getLogger(__name__)

MiB = 1024 * 1024
# Far above any article (a long report is ~1 MB of text) yet small enough that decoding,
# extraction and the GUI stay responsive. Sizes in messages are in MiB, written "MB".
MAX_BYTES = 20 * MiB

TEXT_SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
DOCX_SUFFIXES = frozenset({".docx", ".dotx"})
REWRAP_WARNING = "line breaks of a hard-wrapped text were joined into paragraphs"
PDF_MISSING = "PDF support needs the Qt PDF module (install the app with PySide6)"
# Suffixes refused outright (except a .docx renamed to .doc, which is read).
_REFUSED: dict[str, str] = {".docm": MACRO_MESSAGE, ".dotm": MACRO_MESSAGE,
                            ".doc": OLD_WORD_MESSAGE, ".dot": OLD_WORD_MESSAGE}

# (leading bytes, description); checked before anything is decoded.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive or Office document"),
    (b"PK\x05\x06", "ZIP archive"),
    (b"\x7fELF", "ELF executable"),
    (b"\x1f\x8b", "gzip archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "old Microsoft Office document"),
)
# BOMs, longest first: a UTF-32-LE BOM starts with the UTF-16-LE one.
_BOMS: tuple[tuple[bytes, str, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32", "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32", "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig", "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16", "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16", "utf-16"),
)
_CHARSET = re.compile(rb"""(?:<meta[^>]{0,200}?charset|<\?xml[^>]{0,100}?encoding)\s*=\s*["']?"""
                      rb"""([A-Za-z0-9._:-]{1,40})""", re.IGNORECASE)
_BOILERPLATE = re.compile(
    r"^(?:(?:support|subscribe|sign up|donate|join)\b.*(?:!$|\b(?:us|our|today|now|free|"
    r"newsletter|journalism|here)\b)|advertisement$|skip to (?:main )?content|share this\b"
    r"|read more$|menu$)", re.IGNORECASE)
_MD_OPENING = re.compile(r"#{1,6}\s*")  # "## Title ##" -> "Title"
# Control characters that never belong in prose (tab, newlines, form feed are fine).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")


class InputError(Exception):
    """Unusable input; str(err) is a one-line message naming the file and the problem."""

    def __init__(self, path: str, problem: str) -> None:
        self.path = path
        self.problem = problem
        shown = path.replace("\n", "\\n") if path else "(no file name)"
        super().__init__(f"{shown}: {' '.join(problem.split())}")


@dataclass(frozen=True)
class LoadedText:
    """A loaded document; all sentence offsets index into `text`."""

    text: str
    title: str
    encoding: str  # the text encoding, or the format of a binary document ("docx", "pdf")
    warnings: tuple[str, ...]
    sha256: str
    path: str  # "" for pasted text


@dataclass(frozen=True)
class ExtractedText:
    """What a reader makes of a file's bytes; an empty title means "guess it from the text"."""

    text: str
    title: str = ""
    warnings: tuple[str, ...] = ()
    encoding: str = ""


# A reader gets the file's bytes and its name (for messages) and raises InputError when the
# file cannot be used.
Reader = Callable[[bytes, str], ExtractedText]
_READERS: dict[str, Reader] = {}
_MAGIC_READERS: dict[bytes, Reader] = {}


def register_reader(suffixes: tuple[str, ...], reader: Reader, *,
                    magic: bytes | None = None) -> None:
    """Use `reader` for files with these suffixes (and, if given, unknown files starting `magic`).

    A later registration replaces an earlier one; this is how the PDF reader, which needs Qt,
    is plugged in from outside the core.
    """
    for suffix in suffixes:
        suffix = suffix.lower()
        _READERS[suffix if suffix.startswith(".") else f".{suffix}"] = reader
    if magic:
        _MAGIC_READERS[magic] = reader


def supported_suffixes() -> tuple[str, ...]:
    """Suffixes with a registered reader, sorted (for file-dialog filters)."""
    return tuple(sorted(_READERS))


def _size(n: float) -> str:
    """Human size in MiB ("50.0 MB"), or bytes for tiny values (only seen with a patched cap)."""
    return f"{n / MiB:.1f} MB" if n >= MiB / 10 else f"{int(n)} bytes"


def _limit() -> str:
    return f"{MAX_BYTES / MiB:g} MB" if MAX_BYTES >= MiB else f"{MAX_BYTES} bytes"


def normalise_newlines(text: str) -> str:
    """\\r\\n and lone \\r become \\n; nothing else changes."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _binary_kind(data: bytes) -> str | None:
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return kind
    return None


def _utf16_without_bom(data: bytes) -> bool:
    """ASCII-ish text stored as UTF-16 without a BOM: NULs in every other byte."""
    sample = data[:4096]
    if len(sample) < 4:
        return False
    evens, odds = sample[0::2], sample[1::2]
    return (odds.count(0) >= 0.9 * len(odds) and evens.count(0) <= 0.1 * len(evens)) or \
        (evens.count(0) >= 0.9 * len(evens) and odds.count(0) <= 0.1 * len(odds))


def _declared_codec(name: str | None) -> str | None:
    """A usable Python codec for a declared charset, mapped as browsers do (latin-1 → cp1252)."""
    if not name:
        return None
    try:
        codec = codecs.lookup(name).name
    except LookupError:
        return None
    if codec.startswith(("utf-16", "utf-32")):  # meaningless without a BOM; browsers ignore it
        return None
    return "cp1252" if codec in {"latin-1", "iso8859-1", "ascii"} else codec


def decode_bytes(data: bytes, *, name: str,
                 declared: str | None = None) -> tuple[str, str, tuple[str, ...]]:
    """Decode file bytes to display text (BOM dropped, newlines normalised).

    Order: BOM → binary sniffing → strict UTF-8 → `declared` charset (e.g. HTML <meta>) →
    UTF-8 with a few bad bytes replaced → cp1252 → latin-1. Returns (text, encoding, warnings);
    raises InputError for data that is not text.
    """
    warnings: list[str] = []
    kind = _binary_kind(data)
    if kind:
        raise InputError(name, f"looks like a binary file ({kind}), not text")
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            try:
                text, encoding = data.decode(codec), label
            except UnicodeDecodeError:
                text, encoding = data.decode(codec, errors="replace"), label
                warnings.append(f"some bytes were not valid {label.upper()} and were replaced")
            break
    else:
        if b"\x00" in data:
            if _utf16_without_bom(data):
                raise InputError(name, "looks like UTF-16 text without a byte-order mark; "
                                       "re-save it as UTF-8")
            raise InputError(name, "looks like a binary file (contains NUL bytes), not text")
        text, encoding = _decode_8bit(data, declared, warnings)
    text = text.lstrip("\ufeff")
    if len(_CONTROL.findall(text)) > 0.05 * len(text):
        raise InputError(name, "looks like a binary file (many control characters), not text")
    return normalise_newlines(text), encoding, tuple(warnings)


def _decode_8bit(data: bytes, declared: str | None, warnings: list[str]) -> tuple[str, str]:
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    codec = _declared_codec(declared)
    if codec and codec != "utf-8":
        try:
            return data.decode(codec), codec
        except UnicodeDecodeError:
            pass
    # Mostly UTF-8 with a few stray bytes: re-decoding it all as cp1252 would garble every
    # accented letter, so keep UTF-8 and replace only the bad bytes.
    repaired = data.decode("utf-8", errors="replace")
    bad = repaired.count("\ufffd") - data.count(b"\xef\xbf\xbd")
    good = sum(1 for ch in repaired if ord(ch) > 127 and ch != "\ufffd")
    if good > bad:
        warnings.append(f"{bad} byte(s) were not valid UTF-8 and were replaced with \ufffd")
        return repaired, "utf-8"
    try:
        text = data.decode("cp1252")
        warnings.append("decoded as Windows-1252 (not valid UTF-8); check special characters")
        return text, "cp1252"
    except UnicodeDecodeError:
        warnings.append("decoded as Latin-1 (not valid UTF-8); check special characters")
        return data.decode("latin-1"), "latin-1"


def _heading_text(raw: str) -> str:
    """A line without Markdown heading marks, scanned once (a regex `\\s+#+$` was quadratic
    in a long run of spaces)."""
    line = raw.strip()
    opening = _MD_OPENING.match(line)
    if opening:
        line = line[opening.end():]
    if line.endswith("#"):
        body = line.rstrip("#")
        if body != body.rstrip():
            line = body.rstrip()
    return line


def guess_title(text: str, fallback: str) -> str:
    """The first non-boilerplate line if it looks like a heading (short, no final period)."""
    seen = 0
    for raw in text.split("\n", 200)[:200]:
        line = _heading_text(raw).strip("*_").strip()
        if not any(ch.isalnum() for ch in line):
            continue  # blank lines, rules, Markdown underlines, front-matter fences
        seen += 1
        if seen > 10:
            break
        if _BOILERPLATE.match(line):
            continue
        if len(line) <= 150 and len(line.split()) <= 25 and not line.endswith((".", ",", ";", ":")):
            return line
        break
    return fallback


def _read(path: str) -> bytes:
    """Read a regular file of at most MAX_BYTES, turning every OS failure into InputError."""
    if not path.strip():
        raise InputError(path, "no file name given")
    try:
        info = os.stat(path)
        if stat.S_ISDIR(info.st_mode):
            raise InputError(path, "is a directory, not a file")
        if not stat.S_ISREG(info.st_mode):
            raise InputError(path, "is not a regular file")
        if info.st_size > MAX_BYTES:
            raise InputError(path, f"is {_size(info.st_size)}; the limit is {_limit()}")
        with open(path, "rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except (FileNotFoundError, NotADirectoryError):
        raise InputError(path, "no such file") from None
    except IsADirectoryError:
        raise InputError(path, "is a directory, not a file") from None
    except PermissionError:
        raise InputError(path, "permission denied; cannot read the file") from None
    except ValueError:  # e.g. an embedded NUL in the name
        raise InputError(path, "invalid file name") from None
    except OSError as exc:
        raise InputError(path, f"cannot read the file ({exc.strerror or exc})") from None
    if len(data) > MAX_BYTES:  # grew after stat
        raise InputError(path, f"is larger than the limit of {_limit()}")
    return data


def _looks_like_html(data: bytes) -> bool:
    head = data[:512].lstrip(codecs.BOM_UTF8 + b" \t\r\n").lower()
    return head.startswith((b"<!doctype html", b"<html"))


def _shown_text(text: str, warnings: tuple[str, ...]) -> tuple[str, tuple[str, ...]]:
    """Plain text as shown: end trimmed and, only if it looks hard-wrapped, lines rejoined."""
    text = text.rstrip()
    if looks_hard_wrapped(text):
        return rejoin_lines(text), (*warnings, REWRAP_WARNING)
    return text, warnings


def _read_text(data: bytes, name: str) -> ExtractedText:
    text, encoding, warnings = decode_bytes(data, name=name)
    if not text.strip():
        return ExtractedText("", "", (*warnings, "file is empty"), encoding)
    text, warnings = _shown_text(text, warnings)
    return ExtractedText(text, "", warnings, encoding)


def _read_markdown(data: bytes, name: str) -> ExtractedText:
    """Markdown keeps its line breaks: they may carry meaning (lists, tables, code)."""
    text, encoding, warnings = decode_bytes(data, name=name)
    if not text.strip():
        return ExtractedText("", "", (*warnings, "file is empty"), encoding)
    return ExtractedText(text.rstrip(), "", warnings, encoding)


def _read_html(data: bytes, name: str) -> ExtractedText:
    found = _CHARSET.search(data[:4096])
    declared = found.group(1).decode("ascii") if found else None
    text, encoding, warnings = decode_bytes(data, name=name, declared=declared)
    if not text.strip():
        return ExtractedText("", "", (*warnings, "file is empty"), encoding)
    extracted = html_to_text(text)
    return ExtractedText(extracted.text, extracted.title, (*warnings, *extracted.warnings),
                         encoding)


def _read_docx(data: bytes, name: str) -> ExtractedText:
    try:
        extracted = docx_to_text(data)
    except DocxError as err:
        raise InputError(name, str(err)) from None
    warnings = extracted.warnings if extracted.text else (
        *extracted.warnings, "the document contains no text")
    return ExtractedText(extracted.text, extracted.title, warnings, "docx")


def _pdf_unavailable(data: bytes, name: str) -> ExtractedText:
    raise InputError(name, PDF_MISSING)


register_reader((".txt", ".text"), _read_text)
register_reader((".md", ".markdown"), _read_markdown)
register_reader(tuple(HTML_SUFFIXES), _read_html)
register_reader(tuple(DOCX_SUFFIXES), _read_docx, magic=b"PK\x03\x04")
register_reader((".pdf",), _pdf_unavailable, magic=b"%PDF")


def _choose_reader(data: bytes, suffix: str, name: str) -> Reader:
    """The reader for a file: refused suffixes, then by suffix, then by leading bytes."""
    if suffix in _REFUSED:
        if suffix in (".doc", ".dot") and data.startswith(b"PK\x03\x04"):
            return _read_docx  # a .docx saved under an old name
        raise InputError(name, _REFUSED[suffix])
    if suffix in _READERS:
        return _READERS[suffix]
    for magic, reader in _MAGIC_READERS.items():
        if data.startswith(magic):
            return reader
    if data.startswith(OLE_MAGIC):
        raise InputError(name, ole_problem(data))
    return _read_html if _looks_like_html(data) else _read_text


_NO_TEXT = ("file is empty", "the document contains no text")


def load_document(path: str | os.PathLike[str]) -> LoadedText:
    """Load a file with the reader for its suffix (unknown suffixes are sniffed); a file with no
    text (empty, only blank lines, a Word document without a paragraph) raises InputError."""
    path_str = os.fsdecode(os.fspath(path))
    data = _read(path_str)
    suffix = Path(path_str).suffix.lower()
    stem = Path(path_str).stem or path_str
    reader = _choose_reader(data, suffix, path_str)
    try:
        extracted = reader(data, path_str)
    except RecursionError:  # e.g. a Word document nested thousands of levels deep
        raise InputError(path_str, "its structure is nested too deeply to read") from None
    text = extracted.text
    if len(text) > MAX_BYTES:
        raise InputError(path_str, f"its text is {_size(len(text))}; the limit is {_limit()}")
    if not any(ch.isalnum() for ch in text):  # nothing to compare (blank, only spaces of any
        # width, only punctuation): refused like other unusable input
        said = next((w for w in extracted.warnings if w in _NO_TEXT), "the file has no text")
        raise InputError(path_str, f"{said}; there is nothing to compare")
    text, warnings = _revealed(text, tuple(extracted.warnings))
    title = reveal_controls(reveal_bidi(extracted.title)[0])[0] or guess_title(text, stem)
    log.debug("loaded %s: %d chars, %s, reader=%s", path_str, len(text), extracted.encoding,
              getattr(reader, "__name__", reader))
    return LoadedText(text=text, title=title, encoding=extracted.encoding or "utf-8",
                      warnings=warnings,
                      sha256=hashlib.sha256(data).hexdigest(), path=path_str)


def _revealed(text: str, warnings: tuple[str, ...]) -> tuple[str, tuple[str, ...]]:
    """Direction and other control characters shown as visible symbols (see `bidi`), with a
    warning for each kind there was."""
    text, count = reveal_bidi(text)
    text, controls = reveal_controls(text)
    return text, (*warnings, *([bidi_warning(count)] if count else []),
                  *([control_warning(controls)] if controls else []))


def load_text(text: str, *, name: str = "Pasted text") -> LoadedText:
    """Wrap pasted text like a loaded file; sha256 is of the text as given, UTF-8 encoded.

    Text copied from a PDF viewer or an e-mail is often hard-wrapped: if it looks so, its lines
    are rejoined into paragraphs and the shown text is the rejoined one (a warning says so).
    """
    digest = hashlib.sha256(text.encode("utf-8", errors="surrogatepass")).hexdigest()
    shown, warnings = _shown_text(normalise_newlines(text.lstrip("\ufeff")), ())
    shown, warnings = _revealed(shown, warnings)
    if not shown:
        warnings = ("text is empty",)
    return LoadedText(text=shown, title=guess_title(shown, name), encoding="utf-8",
                      warnings=warnings, sha256=digest, path="")
