"""Deceptive text (issue 10): direction controls are shown as markers and flagged, and every
field a document or a session brings is escaped in every report format."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest

from compare_app.core.annotations import SourceGrade
from compare_app.core.bidi import MARKERS, has_bidi_marker, reveal_bidi
from compare_app.core.compare import compare_texts
from compare_app.core.loading import load_document, load_text
from compare_app.core.reports import ReportInput, csv_report, html_report, markdown_report
from compare_app.core.session import parse_session

RLO, PDF = "\u202e", "\u202c"
CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"


def test_every_control_becomes_one_visible_marker():
    shown, count = reveal_bidi(f"a{CONTROLS}b")
    assert count == len(CONTROLS) and len(shown) == len(CONTROLS) + 2
    assert set(shown[1:-1]) <= set(MARKERS)
    assert reveal_bidi("plain") == ("plain", 0)


def test_loaded_text_reads_as_compared_and_warns(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(f"Officials said {RLO}1,200{PDF} troops crossed.", encoding="utf-8")
    doc = load_document(path)
    assert "1,200" in doc.text and RLO not in doc.text
    assert any("direction control" in w for w in doc.warnings)
    pasted = load_text(f"See {RLO}gpj.exe{PDF}.")
    assert RLO not in pasted.text and any("direction" in w for w in pasted.warnings)


def test_the_sentence_is_flagged():
    c = compare_texts(load_text(f"Officials said {RLO}1,200{PDF} troops crossed."),
                      load_text("Officials said 1,200 troops crossed."))
    assert has_bidi_marker(c.a.sentences[0].text)
    assert not has_bidi_marker(c.b.sentences[0].text)


def test_a_session_text_is_revealed_too():
    data = {"schema": "compare-app.session", "version": 1,
            "documents": [{"text": f"{RLO}1,200{PDF} troops."}, {"text": "1,200 troops."}]}
    session = parse_session(data)
    assert RLO not in session.sources[0].text


INJECTION = "<img src=x onerror=alert(1)>`[x](javascript:alert(1))` <script>alert(1)</script>"


@pytest.fixture
def crafted_report():
    data = {"schema": "compare-app.session", "version": 1, "documents": [
        {"text": f"{INJECTION} 1,200 troops crossed.", "title": INJECTION, "path": INJECTION,
         "sha256": INJECTION, "warnings": [INJECTION]},
        {"text": "1,200 troops crossed.", "sha256": "ab" * 32}],
        "grades": {"A": {"reliability": "B", "provenance": INJECTION}}}
    session = parse_session(data)
    c = compare_texts(*session.sources, session.options)
    return ReportInput(c, grades={"A": SourceGrade("B", INJECTION)})


def test_markdown_escapes_every_document_and_session_field(crafted_report):
    text = markdown_report(crafted_report)
    for raw in (r"<img", r"<script", r"\]\(javascript", r"`\["):  # only escaped forms
        assert not re.search(r"(?<!\\)" + raw, text), raw
    assert f"`{'ab' * 32}`" in text  # a real digest stays code


def test_html_escapes_every_document_and_session_field(crafted_report):
    page = html_report(crafted_report)
    assert "<img src=x" not in page and "<script>alert" not in page


def test_csv_keeps_fields_as_data(crafted_report):
    rows = list(csv.reader(io.StringIO(csv_report(crafted_report).lstrip("\ufeff"))))
    assert all(not cell.startswith(("=", "+", "@")) for row in rows for cell in row)


def test_session_settings_never_reach_json_as_nan():
    data = {"schema": "compare-app.session", "version": 1, "settings": {"threshold": "NaN"},
            "documents": [{"text": "a."}, {"text": "b."}]}
    with pytest.raises(Exception, match="threshold"):
        parse_session(json.loads(json.dumps(data)))
