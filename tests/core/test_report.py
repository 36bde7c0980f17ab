"""Reports from the sample pair in every text format; proof that an HTML report runs nothing."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from html import unescape
from html.parser import HTMLParser

import pytest

from compare_app.core.annotations import Anchor, Annotation, SourceGrade, Verdict, set_annotation
from compare_app.core.compare import compare_texts
from compare_app.core.loading import LoadedText
from compare_app.core.models import Status
from compare_app.core.reports import (
    ReportFormatError,
    ReportInput,
    csv_report,
    format_for,
    formats,
    html_report,
    json_report,
    markdown_report,
    write_report,
)

CERTAINTY = "Certainty differs: A presents it as expected or possible (“likely deployment”)"
NOTE_P1 = "B states as fact what A only calls likely."
NOTE_LONE = "=HYPERLINK(\"x\") check the 1,500 figure"


@pytest.fixture(scope="module")
def report(sample_comparison) -> ReportInput:
    c = sample_comparison
    diverging = next(p for p in c.pairs if p.reasons and p.reasons[0].kind.value == "certainty")
    lone = next(s.id for s in c.a.sentences if c.statuses[s.id] is Status.UNSUPPORTED)
    notes = set_annotation(c, (), diverging.id, verdict=Verdict.CONTRADICTION, note=NOTE_P1,
                           tags=("deployment",), credibility=2)
    notes = set_annotation(c, notes, lone, verdict=Verdict.FOLLOW_UP, note=NOTE_LONE)
    orphan = Annotation((Anchor("A", "0" * 16, "", "A sentence deleted since."),),
                        Verdict.DISPUTED, "kept from an older version")
    grades = {"A": SourceGrade("B", "The Moscow Times"), "B": SourceGrade("C", "")}
    return ReportInput(c, notes + (orphan,), grades, "2025-01-15T10:30:00+00:00")


def _pair_id(r: ReportInput) -> str:
    return next(p.id for p in r.comparison.pairs if p.reasons)


def _lone_id(r: ReportInput) -> str:
    c = r.comparison
    return next(s.id for s in c.a.sentences if c.statuses[s.id] is Status.UNSUPPORTED)


class _Texts(HTMLParser):
    """Collects the side-by-side texts as data, <br> as newline, status glyphs left out."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.cell = ""
        self.depth = 0
        self.glyph = 0
        self.texts: dict[str, list[str]] = {"text-a": [], "text-b": []}

    def handle_starttag(self, tag, attrs):
        cls = dict(attrs).get("class") or ""
        if tag == "td" and cls in self.texts:
            self.cell, self.depth = cls, 0
        elif self.cell and tag == "span":
            self.depth += 1
            if self.glyph or cls.split()[0:1] == ["g"]:
                self.glyph += 1
        elif self.cell and tag == "br":
            self.texts[self.cell].append("\n")

    def handle_endtag(self, tag):
        if self.cell and tag == "span":
            self.depth -= 1
            self.glyph = max(0, self.glyph - 1)
        elif tag == "td":
            self.cell = ""

    def handle_data(self, data):
        if self.cell and not self.glyph:
            self.texts[self.cell].append(data)


def test_html_has_the_whole_report(report):
    c = report.comparison
    page = html_report(report)
    text = unescape(page)
    for doc in (c.a, c.b):
        assert doc.title in text and doc.sha256 in page and doc.path in text
    s = c.summary
    assert f'<span class="n">{s.unsupported["A"]}</span>' in page
    assert f'<span class="n">{s.diverge}</span>' in page
    assert CERTAINTY in text
    assert "Contradiction" in text and NOTE_P1 in text
    assert "Needs follow-up" in text and NOTE_LONE in text
    assert "Orphaned annotations (1)" in text and "A sentence deleted since." in text
    assert "B (Usually reliable)" in text and "The Moscow Times" in text
    assert "Legend" in page and "wavy underline" in page and "dashed underline" in page
    assert "2025-01-15 10:30 UTC" in text and "threshold 50" in text
    assert "@media print" in page and "print-color-adjust: exact" in page
    parser = _Texts()
    parser.feed(page)
    assert "".join(parser.texts["text-a"]) == c.a.text
    assert "".join(parser.texts["text-b"]) == c.b.text


def test_html_for_qt_uses_tables_only(report):
    page = html_report(report, for_qt=True)
    assert "display: flex" not in page and "grid" not in page and "@media" not in page
    assert '<table class="pair" width="100%" border="1"' in page
    assert CERTAINTY in unescape(page)


def test_markdown_has_the_key_content(report):
    c = report.comparison
    text = markdown_report(report)
    for doc in (c.a, c.b):
        assert doc.sha256 in text
    assert c.a.title.replace("_", "\\_") in text
    assert f"Unsupported: {c.summary.unsupported['A']} only in A" in text
    assert CERTAINTY in text
    assert "**Contradiction**" in text and NOTE_P1 in text
    assert "### Orphaned annotations (1)" in text and "A sentence deleted since." in text
    assert text.count(f"**{_pair_id(report)}**") == 1  # in the analyst notes


def test_markdown_escapes_markup():
    a = LoadedText("Officials said <b>*1,500*</b> troops [arrived](http://x).\n", "t", "utf-8",
                   (), "0" * 64, "a.txt")
    c = compare_texts(a, a)
    text = markdown_report(ReportInput(c))
    assert "<b>" not in text and "\\<b\\>\\*1,500\\*\\</b\\>" in text and "\\[arrived\\]" in text


def test_csv_rows_verdicts_and_formula_guard(report):
    c = report.comparison
    raw = csv_report(report)
    assert raw.startswith("\ufeff") and "\r\n" in raw
    rows = list(csv.DictReader(io.StringIO(raw[1:], newline="")))
    assert list(rows[0]) == ["row", "status", "a_ids", "b_ids", "a_text", "b_text", "score",
                             "reasons", "verdict", "note", "tags", "credibility", "analyst"]
    lone = sum(c.summary.unsupported.values())
    assert len(rows) == len(c.pairs) + lone
    by_row = {r["row"]: r for r in rows}
    pair = by_row[_pair_id(report)]
    assert pair["verdict"] == "contradiction" and pair["note"] == NOTE_P1
    assert pair["credibility"] == "2" and pair["tags"] == "deployment"
    assert CERTAINTY in pair["reasons"] and pair["status"] == "diverge"
    single = by_row[_lone_id(report)]
    assert single["status"] == "unsupported" and single["b_text"] == "" and single["score"] == ""
    assert single["verdict"] == "needs follow-up" and single["note"] == "'" + NOTE_LONE
    others = [r for r in rows if r["row"] not in (pair["row"], single["row"])]
    assert all(r["verdict"] == "" and r["note"] == "" for r in others)
    for r in rows:
        for value in r.values():
            assert not value.startswith(("=", "+", "-", "@"))


def test_json_is_the_contract_plus_annotations(report):
    data = json.loads(json_report(report))
    assert data["schema"] == "compare-app.comparison" and data["version"] == 1
    assert data["generated_at"] == "2025-01-15T10:30:00+00:00"
    assert data["grades"]["A"] == {"reliability": "B", "provenance": "The Moscow Times"}
    rows = [a["row"] for a in data["annotations"]]
    assert rows == [_pair_id(report), _lone_id(report), None]
    first, _, orphan = data["annotations"]
    assert first["verdict"] == "contradiction" and first["note"] == NOTE_P1
    assert first["credibility"] == 2 and first["tags"] == ["deployment"]
    assert not first["orphaned"] and orphan["orphaned"]
    assert orphan["anchors"][0]["text"] == "A sentence deleted since."
    assert len(first["anchors"]) == 2


@pytest.mark.parametrize(("name", "explicit", "expected"), [
    ("r.html", None, "html"), ("r.HTM", None, "html"), ("r.md", None, "md"),
    ("r.markdown", None, "md"), ("r.csv", None, "csv"), ("r.json", None, "json"),
    ("r.txt", "JSON", "json"), ("report", "markdown", "md"),
])
def test_format_for(name, explicit, expected):
    assert format_for(name, explicit) == expected


@pytest.mark.parametrize(("name", "explicit", "message"), [
    ("r.docx", None, "'.docx'"), ("report", None, "no extension"), ("r.html", "xls", "'xls'"),
])
def test_format_for_refuses_unknown_formats(name, explicit, message):
    with pytest.raises(ReportFormatError, match=message):
        format_for(name, explicit)
    assert issubclass(ReportFormatError, ValueError)


@pytest.mark.parametrize("fmt", [f for f in formats() if f != "pdf"])
def test_write_report_is_atomic_and_returns_the_format(tmp_path, report, fmt):
    target = tmp_path / f"out.{fmt}"
    target.write_text("old", encoding="utf-8")
    assert write_report(report, target) == fmt
    assert target.read_text(encoding="utf-8-sig") != "old"
    assert [p.name for p in tmp_path.iterdir()] == [target.name]


def test_default_time_is_fixed_once(sample_comparison):
    r = ReportInput(sample_comparison)
    assert r.generated_at and json.loads(json_report(r))["generated_at"] == r.generated_at


HOSTILE_A = ("Officials said <script>alert(1)</script> nothing happened. "
             "A photo <img src=x onerror=alert(1)> was shown to reporters.\n\n"
             "See javascript:alert(document.cookie) and http://evil.example/x.js for details.\n")
HOSTILE_B = ("Officials said nothing happened at all \"><iframe src=//evil.example></iframe>.\n\n"
             "<link rel=stylesheet href=https://evil.example/a.css> was in the page.\n")


class _Markup(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: set[str] = set()
        self.attrs: list[tuple[str, str]] = []
        self.css: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        self.attrs += [(k, v or "") for k, v in attrs]
        self._in_style = tag == "style"

    def handle_endtag(self, tag):
        self._in_style = False

    def handle_data(self, data):
        if self._in_style:
            self.css.append(data)


@pytest.mark.parametrize("for_qt", [False, True])
def test_hostile_documents_produce_an_inert_report(for_qt):
    a = LoadedText(HOSTILE_A, "<script>alert('title')</script>", "utf-8", ("<img src=x>",),
                   "0" * 64, "/tmp/<b>a</b>.txt")
    b = LoadedText(HOSTILE_B, "B \"><svg onload=alert(1)>", "utf-8", (), "1" * 64, "b.html")
    c = compare_texts(a, b)
    notes = set_annotation(c, (), c.pairs[0].id if c.pairs else "A1",
                           note="<script>alert('note')</script>", tags=("<i>x</i>",))
    grades = {"A": SourceGrade("A", "<a href=https://evil.example>outlet</a>")}
    page = html_report(ReportInput(c, notes, grades), for_qt=for_qt)
    lowered = page.lower()
    assert "<script" not in lowered and "<img" not in lowered and "<iframe" not in lowered
    assert "<svg" not in lowered and "<link" not in lowered and "<a " not in lowered
    markup = _Markup()
    markup.feed(page)
    assert not markup.tags & {"script", "img", "iframe", "link", "object", "embed", "svg", "a",
                              "base", "form", "frame", "video", "audio", "source", "meta-refresh"}
    names = {name for name, _ in markup.attrs}
    assert not names & {"src", "href", "action", "srcset", "background", "data", "formaction"}
    assert not [n for n in names if n.startswith("on")]
    for name, value in markup.attrs:
        assert "//" not in value and "javascript:" not in value.lower(), (name, value)
    css = "".join(markup.css).lower()
    assert "url(" not in css and "@import" not in css and "//" not in css
    assert ("http-equiv", "Content-Security-Policy") in markup.attrs
    assert ("content", "default-src 'none'; style-src 'unsafe-inline'") in markup.attrs
    text = unescape(page)
    assert "<script>alert(1)</script>" in text and "<img src=x onerror=alert(1)>" in text
    assert "<script>alert('note')</script>" in text


def test_text_reports_never_import_qt(tmp_path):
    code = ("import sys; from compare_app.core.compare import compare_files; "
            "from compare_app.core.samples import sample_paths; "
            "from compare_app.core.reports import ReportInput, write_report; "
            "r = ReportInput(compare_files(*map(str, sample_paths()))); "
            f"folder = {str(tmp_path)!r}; "
            "[write_report(r, folder + '/r.' + f) for f in ('html', 'md', 'csv', 'json')]; "
            "assert not [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))]")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=False)
    assert result.returncode == 0, result.stderr


def test_pdf_without_the_qt_adapter_is_a_one_line_error():
    """The core knows PDF only by name: without `compare_app.qt.install()` there is no writer,
    and asking for one says why in one line (and imports no Qt)."""
    code = "\n".join([
        "import sys",
        "from compare_app.core.reports import ReportError, format_for, formats, print_html_pdf",
        "assert 'pdf' not in formats() and 'pdf' in formats(available=False)",
        "for attempt in (lambda: format_for('r.pdf'),",
        "                lambda: print_html_pdf('<p>', 't', 'r.pdf')):",
        "    try:",
        "        attempt()",
        "    except ReportError as err:",
        "        print(err)",
        "assert not [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))]",
    ])
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=False)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 2 and all("PDF reports need the Qt adapter" in line for line in lines)
