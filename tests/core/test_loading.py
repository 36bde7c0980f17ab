"""Tests for compare_app.core.loading: encodings, formats, titles and every kind of bad input."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from compare_app.core import loading
from compare_app.core.html_text import html_to_text
from compare_app.core.loading import (
    MAX_BYTES,
    ExtractedText,
    InputError,
    LoadedText,
    decode_bytes,
    load_document,
    load_text,
    register_reader,
    supported_suffixes,
)
from compare_app.core.rewrap import looks_hard_wrapped

SAMPLES = Path(__file__).resolve().parents[2] / "compare_app" / "data" / "samples"
QUOTED = "He said \u201cno\u201d \u2014 it\u2019s final."


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


# -- encodings ------------------------------------------------------------------------------

def test_utf8_plain(tmp_path):
    doc = load_document(write(tmp_path, "a.txt", QUOTED.encode("utf-8")))
    assert isinstance(doc, LoadedText)
    assert doc.text == QUOTED
    assert doc.encoding == "utf-8"
    assert doc.warnings == ()


def test_utf8_with_bom(tmp_path):
    doc = load_document(write(tmp_path, "a.txt", b"\xef\xbb\xbf" + QUOTED.encode("utf-8")))
    assert doc.text == QUOTED
    assert doc.encoding == "utf-8-sig"
    assert doc.warnings == ()


@pytest.mark.parametrize("codec, bom", [("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff")])
def test_utf16_with_bom(tmp_path, codec, bom):
    doc = load_document(write(tmp_path, "a.txt", bom + QUOTED.encode(codec)))
    assert doc.text == QUOTED
    assert doc.encoding == "utf-16"
    assert doc.warnings == ()


def test_cp1252_smart_quotes_fall_back_with_warning(tmp_path):
    doc = load_document(write(tmp_path, "a.txt", QUOTED.encode("cp1252")))
    assert doc.text == QUOTED
    assert doc.encoding == "cp1252"
    assert doc.warnings == (
        "decoded as Windows-1252 (not valid UTF-8); check special characters",)


def test_latin1_last_resort(tmp_path):
    # 0x81 is undefined in cp1252, so only latin-1 can decode this.
    data = b"Caf\xe9 au lait, " * 10 + b"\x81"
    doc = load_document(write(tmp_path, "a.txt", data))
    assert doc.encoding == "latin-1"
    assert doc.text.startswith("Café au lait")
    assert "Latin-1" in doc.warnings[0]


def test_mostly_utf8_keeps_utf8_and_replaces_stray_byte(tmp_path):
    data = ("Kim\u2019s army \u2014 caf\u00e9 ").encode("utf-8") * 3 + b"bad \x93 byte"
    doc = load_document(write(tmp_path, "a.txt", data))
    assert doc.encoding == "utf-8"
    assert doc.text.startswith("Kim\u2019s army \u2014 caf\u00e9")
    assert doc.text.endswith("bad \ufffd byte")
    assert doc.warnings == ("1 byte(s) were not valid UTF-8 and were replaced with \ufffd",)


def test_html_meta_charset_is_honoured(tmp_path):
    html = '<html><head><meta charset="windows-1251"><title>Новости</title></head>' \
           "<body><p>Привет, мир.</p></body></html>"
    doc = load_document(write(tmp_path, "a.html", html.encode("cp1251")))
    assert doc.encoding == "cp1251"
    assert doc.text == "Привет, мир."
    assert doc.title == "Новости"
    assert doc.warnings == ()


def test_decode_bytes_direct():
    assert decode_bytes(b"a\r\nb\rc", name="x") == ("a\nb\nc", "utf-8", ())
    assert decode_bytes(b"", name="x") == ("", "utf-8", ())


# -- newlines and text preservation ---------------------------------------------------------

def test_crlf_and_lone_cr_normalised(tmp_path):
    doc = load_document(write(tmp_path, "a.txt", b"Title\r\n\r\nOne.\r\nTwo.\rThree.\r\n\r\n"))
    assert doc.text == "Title\n\nOne.\nTwo.\nThree."


def test_text_is_otherwise_untouched(tmp_path):
    raw = "  Indented line\n\tTabbed\u00a0nbsp  double  spaces\n\n\n# not a heading?\n"
    doc = load_document(write(tmp_path, "a.txt", raw.encode("utf-8")))
    assert doc.text == raw.rstrip()


def test_markdown_kept_as_text(tmp_path):
    raw = "# Troops in Ukraine\n\nSome *emphasis* and a [link](http://x).\n"
    doc = load_document(write(tmp_path, "notes.md", raw.encode("utf-8")))
    assert doc.text == raw.rstrip()
    assert doc.title == "Troops in Ukraine"


def test_sha256_is_of_raw_bytes(tmp_path):
    data = b"\xef\xbb\xbfHello\r\nworld\r\n"
    doc = load_document(write(tmp_path, "a.txt", data))
    assert doc.sha256 == hashlib.sha256(data).hexdigest()
    assert doc.path == str(tmp_path / "a.txt")


@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(alphabet=st.one_of(  # format characters (Cf) are shown as symbols on purpose:
    st.characters(blacklist_categories=("Cs", "Cc", "Cf")),  # test_deceptive_text covers them
    st.sampled_from("\r\n\t "))))
def test_property_utf8_roundtrip(tmp_path, text):
    assume(not text.startswith("\ufeff"))
    assume(not looks_hard_wrapped(text.replace("\r\n", "\n").replace("\r", "\n")))
    assume(any(ch.isalnum() for ch in text))  # a file with no text is refused (below)
    path = tmp_path / "prop.txt"
    path.write_bytes(text.encode("utf-8"))
    doc = load_document(path)
    assert doc.text == text.replace("\r\n", "\n").replace("\r", "\n").rstrip()
    assert doc.encoding == "utf-8"


# -- HTML -----------------------------------------------------------------------------------

PAGE = """<!DOCTYPE html>
<html><head><title>Troops Deployed</title>
<style>p { color: red }</style>
<script>var s = "<p>script text</p>";</script></head>
<body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<h1>Troops   Deployed</h1>
<p>First paragraph with
   wrapped lines &amp; an entity: &ldquo;quoted&rdquo;.</p>
<p>Second paragraph &#8212; <b>bold</b> text.</p>
<div>Third block</div>
<noscript>Enable JavaScript</noscript>
<footer>Copyright 2024</footer>
</body></html>"""


def test_html_extraction(tmp_path):
    doc = load_document(write(tmp_path, "page.html", PAGE.encode("utf-8")))
    assert doc.text == ("Troops Deployed\n\n"
                        "First paragraph with wrapped lines & an entity: \u201cquoted\u201d.\n\n"
                        "Second paragraph \u2014 bold text.\n\n"
                        "Third block")
    assert doc.title == "Troops Deployed"
    for dropped in ("script text", "color", "Home", "Copyright", "JavaScript"):
        assert dropped not in doc.text
    assert doc.sha256 == hashlib.sha256(PAGE.encode("utf-8")).hexdigest()


def test_html_prefers_article_and_clean_h1_title():
    page = """<html><head><title>Big News | The Daily</title></head><body>
    <header><h1>The Daily</h1></header>
    <main><article><header><h1>Big News</h1></header>
    <p>Story text one.</p><p>Story text two.</p></article>
    <aside>Related stories</aside><section>Newsletter blurb</section></main>
    <form><button>Subscribe</button></form></body></html>"""
    result = html_to_text(page)
    assert result.text == "Big News\n\nStory text one.\n\nStory text two."
    assert result.title == "Big News"


def test_html_title_falls_back_to_h1_then_stem(tmp_path):
    assert html_to_text("<h1>Only H1</h1><p>x</p>").title == "Only H1"
    doc = load_document(write(tmp_path, "my-page.htm", b"<p>Just a sentence here.</p>"))
    assert doc.title == "my-page"
    assert doc.text == "Just a sentence here."


def test_html_lists_breaks_and_tables():
    result = html_to_text("<ul><li>one<li>two</ul>line<br>next<table><tr><td>a</td>"
                          "<td>b</td></tr><tr><td>c</td></tr></table>")
    assert result.text == "one\n\ntwo\n\nline\n\nnext\n\na b\n\nc"


@pytest.mark.parametrize("markup", [
    "", "<", "<p", "<<<>>>", "<![CDATA[x", "<p>unclosed <b>bold", "<script>never closed",
    "</div></p>text", "<!-- unterminated", "&#xffffffff; &#0; &bogus;", "<nav>only nav",
    "<form><p>page wrapped in a form</p></form>", "<div" * 1000, "</x>" * 1000 + "ok",
    "<svg><title>icon</title></svg><p>x</p>", "<p hidden>secret</p><p>shown</p>",
])
def test_malformed_html_never_crashes(markup):
    result = html_to_text(markup)
    assert isinstance(result.text, str)
    assert "secret" not in result.text and "icon" not in result.title


@settings(max_examples=200)
@given(st.lists(st.sampled_from(list("<>/!-=\"' &;#x\r\n") + [
    "p", "div", "script", "nav", "article", "main", "title", "h1", "br", "amp", "<![CDATA["]))
    .map("".join))
def test_property_html_parser_never_raises(markup):
    result = html_to_text(markup)
    assert "\r" not in result.text


def test_unknown_extension_is_sniffed(tmp_path):
    assert load_document(write(tmp_path, "notes.log", b"Plain words.\n")).text == "Plain words."
    page = load_document(write(tmp_path, "saved", b"<!DOCTYPE html><title>T</title><p>Body.</p>"))
    assert (page.text, page.title) == ("Body.", "T")
    with pytest.raises(InputError, match="binary"):
        load_document(write(tmp_path, "blob.dat", b"\x00\x01\x02\x03" * 10))


# -- titles ---------------------------------------------------------------------------------

@pytest.mark.parametrize("name, title", [
    ("moscow-times-north-koreans-fighting-for-russia.txt",
     "North Koreans Fighting for Russia Put Warm Words into Practice"),
    ("north-korean-troops-in-ukraine-big-picture.txt",
     "North Korean Troops in Ukraine: The Big Picture"),
])
def test_sample_docs(name, title):
    doc = load_document(SAMPLES / name)
    assert doc.title == title
    assert doc.encoding == "utf-8"
    assert doc.warnings == ()
    assert doc.text == (SAMPLES / name).read_text(encoding="utf-8").rstrip()


@pytest.mark.parametrize("text, title", [
    ("Support The Moscow Times!\n\nReal Headline\n\nBody.", "Real Headline"),
    ("Subscribe to our newsletter\nSign up for free\nHeadline Here?\nBody.", "Headline Here?"),
    ("Support for Kim Wanes in Pyongyang\n\nBody.", "Support for Kim Wanes in Pyongyang"),
    ("This first line is a sentence.\nAnother line", "fallback"),
    ("x" * 200 + "\nShort", "fallback"),
    ("---\n\n## Markdown Title ##\n", "Markdown Title"),
    ("", "fallback"),
])
def test_guess_title(text, title):
    assert loading.guess_title(text, "fallback") == title


# -- bad input ------------------------------------------------------------------------------

def test_missing_file(tmp_path):
    path = tmp_path / "missing.txt"
    with pytest.raises(InputError) as info:
        load_document(path)
    assert str(info.value) == f"{path}: no such file"
    assert info.value.path == str(path)
    assert info.value.problem == "no such file"


def test_directory(tmp_path):
    with pytest.raises(InputError) as info:
        load_document(tmp_path)
    assert str(info.value) == f"{tmp_path}: is a directory, not a file"


def test_png_bytes(tmp_path):
    path = write(tmp_path, "photo.txt", b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + b"x" * 50)
    with pytest.raises(InputError) as info:
        load_document(path)
    assert str(info.value) == f"{path}: looks like a binary file (PNG image), not text"


@pytest.mark.parametrize("data, kind", [
    (b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG image"),
    (b"GIF89a\x01\x00", "GIF image"),
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "PDF document"),
    (b"PK\x03\x04\x14\x00", "ZIP archive or Office document"),
    (b"\x7fELF\x02\x01\x01", "ELF executable"),
])
def test_other_binary_formats(tmp_path, data, kind):
    with pytest.raises(InputError, match=f"looks like a binary file \\({kind}\\), not text"):
        load_document(write(tmp_path, "file.txt", data))


def test_nul_bytes_are_binary(tmp_path):
    with pytest.raises(InputError, match="binary file \\(contains NUL bytes\\)"):
        load_document(write(tmp_path, "a.txt", b"text\x00\x01\x02more"))


def test_utf16_without_bom_is_refused_with_hint(tmp_path):
    path = write(tmp_path, "a.txt", "Hello world, no BOM here.".encode("utf-16-le"))
    with pytest.raises(InputError) as info:
        load_document(path)
    assert str(info.value) == (f"{path}: looks like UTF-16 text without a byte-order mark; "
                               "re-save it as UTF-8")


def test_undecodable_bytes_without_nul(tmp_path):
    path = write(tmp_path, "a.txt", bytes(range(1, 256)) * 4)
    with pytest.raises(InputError) as info:
        load_document(path)
    assert str(info.value) == (f"{path}: looks like a binary file (many control characters), "
                               "not text")


def test_file_over_limit_sparse(tmp_path):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # sparse: instant, and refused before any read
    with pytest.raises(InputError) as info:
        load_document(path)
    assert str(info.value) == f"{path}: is 50.0 MB; the limit is 20 MB"
    assert MAX_BYTES == 20 * 1024 * 1024


def test_size_limit_applies_to_real_text(tmp_path, monkeypatch):
    monkeypatch.setattr(loading, "MAX_BYTES", 100)
    path = write(tmp_path, "a.txt", b"word " * 40)
    with pytest.raises(InputError) as info:
        load_document(path)
    assert str(info.value) == f"{path}: is 200 bytes; the limit is 100 bytes"
    assert load_document(write(tmp_path, "b.txt", b"word " * 20)).text == ("word " * 20).strip()


@pytest.mark.parametrize("data", [b"", b"   \r\n\t\n", b"\xef\xbb\xbf"])
@pytest.mark.parametrize("name", ["empty.txt", "empty.html"])
def test_an_empty_file_is_refused(tmp_path, data, name):
    path = write(tmp_path, name, data)
    with pytest.raises(InputError) as info:
        load_document(path)
    assert str(info.value) == f"{path}: file is empty; there is nothing to compare"


def test_a_page_with_no_text_is_refused(tmp_path):
    path = write(tmp_path, "blank.html", b"<html><body><!-- nothing --><script>x()</script>")
    with pytest.raises(InputError) as info:
        load_document(path)
    assert "there is nothing to compare" in str(info.value)


def test_pasted_empty_text_still_loads():
    # the window refuses an empty paste itself; the API keeps a harmless empty document
    assert load_text("  \n").text == ""


def test_unreadable_file(tmp_path, monkeypatch):
    path = write(tmp_path, "secret.txt", b"hidden")

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(loading, "open", refuse, raising=False)  # works even when run as root
    with pytest.raises(InputError) as info:
        load_document(path)
    assert str(info.value) == f"{path}: permission denied; cannot read the file"


def test_input_error_is_one_line():
    err = InputError("odd\nname.txt", "bad\nthing   happened")
    assert str(err) == "odd\\nname.txt: bad thing happened"
    assert (err.path, err.problem) == ("odd\nname.txt", "bad\nthing   happened")
    assert str(InputError("", "no file name given")) == "(no file name): no file name given"
    with pytest.raises(InputError, match="no file name given"):
        load_document("")


# -- pasted text ----------------------------------------------------------------------------

def test_load_text_normalises_and_hashes():
    raw = "\ufeffTroops Arrive\r\n\r\nThey came.\r\n"
    doc = load_text(raw)
    assert doc.text == "Troops Arrive\n\nThey came."
    assert doc.title == "Troops Arrive"
    assert doc.sha256 == hashlib.sha256(raw.encode("utf-8")).hexdigest()
    assert (doc.encoding, doc.path, doc.warnings) == ("utf-8", "", ())


def test_load_text_empty_and_default_title():
    doc = load_text("  \n ")
    assert (doc.text, doc.title, doc.warnings) == ("", "Pasted text", ("text is empty",))
    assert load_text("A full sentence.", name="Clipboard").title == "Clipboard"


# -- reader registry ------------------------------------------------------------------------

@pytest.fixture
def registry(monkeypatch):
    """A private copy of the reader registry, so registrations do not leak between tests."""
    monkeypatch.setattr(loading, "_READERS", dict(loading._READERS))
    monkeypatch.setattr(loading, "_MAGIC_READERS", dict(loading._MAGIC_READERS))


def test_register_reader_by_suffix_and_magic(tmp_path, registry):
    calls = []

    def reader(data: bytes, name: str) -> ExtractedText:
        calls.append(name)
        return ExtractedText(data.decode("ascii").upper(), "Shouted", ("read by test",), "x")

    register_reader(("SHOUT",), reader, magic=b"@@")
    doc = load_document(write(tmp_path, "a.shout", b"quiet words."))
    assert (doc.text, doc.title, doc.encoding, doc.warnings) == (
        "QUIET WORDS.", "Shouted", "x", ("read by test",))
    assert load_document(write(tmp_path, "unknown.bin", b"@@ sniffed.")).text == "@@ SNIFFED."
    assert load_document(write(tmp_path, "plain.txt", b"@@ not sniffed.")).text == "@@ not sniffed."
    assert len(calls) == 2
    assert ".shout" in supported_suffixes()


def test_supported_suffixes():
    assert {".txt", ".md", ".html", ".htm", ".docx", ".pdf"} <= set(supported_suffixes())
    assert ".doc" not in supported_suffixes() and ".docm" not in supported_suffixes()


def test_extracted_text_over_limit(tmp_path, registry, monkeypatch):
    register_reader((".big",), lambda data, name: ExtractedText("word " * 50))
    monkeypatch.setattr(loading, "MAX_BYTES", 100)
    path = write(tmp_path, "a.big", b"x")
    with pytest.raises(InputError) as info:
        load_document(path)
    assert str(info.value) == f"{path}: its text is 250 bytes; the limit is 100 bytes"


def test_pdf_without_reader_and_old_formats(tmp_path, registry):
    loading.register_reader((".pdf",), loading._pdf_unavailable, magic=b"%PDF")
    for name in ("a.pdf", "a.bin"):
        with pytest.raises(InputError, match="PDF support needs the Qt PDF module"):
            load_document(write(tmp_path, name, b"%PDF-1.7\n"))
    with pytest.raises(InputError, match=r"old Word format \(\.doc\); save it as \.docx"):
        load_document(write(tmp_path, "a.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 64))
