"""`compare-app report` as a user runs it: every format, sessions, one-line errors, exit codes."""

from __future__ import annotations

import csv
import io
import json
import subprocess
from pathlib import Path

import pytest

from compare_app.core.annotations import SourceGrade, Verdict, set_annotation
from compare_app.core.models import CompareOptions
from compare_app.core.session import save_session, session_of
from installed import run_cli

ROOT = Path(__file__).resolve().parents[1]
NOTE = "Session note: ask the author for the NIS source."


def run(*args: str) -> subprocess.CompletedProcess:
    return run_cli("report", *args)


def _one_line_error(out: subprocess.CompletedProcess, code: int, *words: str) -> None:
    assert out.returncode == code, out.stderr
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in out.stderr, out.stderr
    for word in words:
        assert word in lines[0]


@pytest.mark.parametrize("fmt", ["html", "md", "csv", "json", "pdf"])
def test_each_format_from_two_files(tmp_path, sample_paths, fmt):
    target = tmp_path / f"report.{fmt}"
    out = run(*map(str, sample_paths), "-o", str(target))
    assert out.returncode == 0, out.stderr
    assert f"wrote {target}" in out.stderr
    data = target.read_bytes()
    if fmt == "pdf":
        assert data.startswith(b"%PDF")
        return
    text = data.decode("utf-8-sig")
    if fmt == "json":
        assert json.loads(text)["schema"] == "compare-app.comparison"
    elif fmt == "csv":
        assert next(csv.reader(io.StringIO(text)))[0] == "row"
    else:
        assert "Certainty differs" in text and "North Korean Troops in Ukraine" in text


def test_no_files_uses_the_samples_and_format_overrides_the_extension(tmp_path):
    target = tmp_path / "report.txt"
    out = run("-o", str(target), "--format", "md", "--threshold", "60")
    assert out.returncode == 0, out.stderr
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# Comparison report") and "threshold 60" in text


def test_report_from_a_session(tmp_path, sample_comparison):
    c = sample_comparison
    pair = next(p for p in c.pairs if p.reasons)
    notes = set_annotation(c, (), pair.id, verdict=Verdict.DISPUTED, note=NOTE)
    session = tmp_path / "work.cmpsession"
    save_session(session, session_of(c, notes, {"A": SourceGrade("D", "anonymous blog")}))
    before = session.read_bytes()
    target = tmp_path / "from-session.json"
    out = run(str(session), "-o", str(target))
    assert out.returncode == 0, out.stderr
    data = json.loads(target.read_text(encoding="utf-8"))
    assert data["annotations"][0]["row"] == pair.id and data["annotations"][0]["note"] == NOTE
    assert data["grades"]["A"] == {"reliability": "D", "provenance": "anonymous blog"}
    assert data["settings"] == CompareOptions().to_json()
    assert data["documents"][0]["sha256"] == c.a.sha256
    assert session.read_bytes() == before  # the session is only read
    html = tmp_path / "from-session.html"
    assert run(str(session), "-o", str(html)).returncode == 0
    assert "Disputed" in html.read_text(encoding="utf-8")


@pytest.mark.parametrize("content", [b"{not json", b"", b'{"schema": "something else"}'])
def test_bad_session_is_one_line_and_exit_2(tmp_path, content):
    session = tmp_path / "broken.cmpsession"
    session.write_bytes(content)
    out = run(str(session), "-o", str(tmp_path / "r.html"))
    _one_line_error(out, 2, "broken.cmpsession")
    assert not (tmp_path / "r.html").exists()


def test_unknown_extension_and_format_exit_2(tmp_path, sample_paths):
    out = run(*map(str, sample_paths), "-o", str(tmp_path / "report.docx"))
    _one_line_error(out, 2, "report.docx", "'.docx'", "--format")
    out = run("-o", str(tmp_path / "r.html"), "--format", "xlsx")
    _one_line_error(out, 2, "'xlsx'", "html, pdf, md, csv, json")
    assert list(tmp_path.iterdir()) == []


def test_bad_input_files_exit_2(tmp_path, sample_paths):
    out = run(str(tmp_path / "missing.txt"), str(sample_paths[1]), "-o", str(tmp_path / "r.md"))
    _one_line_error(out, 2, "missing.txt", "no such file")
    out = run(str(sample_paths[0]), "-o", str(tmp_path / "r.md"))
    _one_line_error(out, 2, "a comparison needs two documents")


@pytest.mark.parametrize("fmt", ["html", "pdf"])
def test_unwritable_output_exit_1(tmp_path, fmt):
    target = tmp_path / "no-such-folder" / f"r.{fmt}"
    out = run("-o", str(target))
    _one_line_error(out, 1, "cannot write", target.name)


def test_compare_reopens_a_session_and_refuses_one_beside_a_document(tmp_path, sample_paths,
                                                                      sample_comparison):
    session = tmp_path / "nk.cmpsession"
    save_session(session, session_of(sample_comparison, (), {}))
    cli = run_cli
    reopened = cli("compare", str(session), "--format", "json")
    assert reopened.returncode == 0, reopened.stderr
    data = json.loads(reopened.stdout)
    assert data["documents"][0]["sha256"] == sample_comparison.a.sha256
    assert [p["id"] for p in data["pairs"]] == [p.id for p in sample_comparison.pairs]
    for command in (("compare",), ("report", "-o", str(tmp_path / "x.html"))):
        out = cli(*command, str(session), str(sample_paths[1]))
        _one_line_error(out, 2, "nk.cmpsession", "session")
        out = cli(*command, str(sample_paths[0]), str(session))
        _one_line_error(out, 2, "nk.cmpsession", "session")
    assert not (tmp_path / "x.html").exists()


def test_report_and_compare_apply_the_sessions_link_corrections(tmp_path, sample_comparison):
    from compare_app.core.annotations import AnchorIndex
    from compare_app.core.corrections import Correction

    c = sample_comparison
    a_id = next(s.id for s in c.a.sentences
                if c.statuses[s.id].value == "unsupported" and c.suggestions.get(s.id))
    b_id = c.suggestions[a_id][0][0]
    index = AnchorIndex(c)
    session = tmp_path / "fixed.cmpsession"
    save_session(session, session_of(c, (), {}, (Correction(index.anchor(a_id),
                                                            index.anchor(b_id)),)))
    target = tmp_path / "fixed.md"
    out = run(str(session), "-o", str(target))
    assert out.returncode == 0, out.stderr
    text = target.read_text(encoding="utf-8")
    assert "linked by the analyst" in text and f"{a_id} ↔ {b_id}" in text
    shown = run_cli("compare", str(session))
    assert shown.returncode == 0 and "linked by the analyst" in shown.stdout


def test_three_sources_on_the_command_line(tmp_path):
    folder = ROOT / "compare_app" / "data" / "samples" / "three-sources"
    files = [str(folder / name) for name in ("wire-service.txt", "daily-courier.txt",
                                             "valley-radio.txt")]
    cli = run_cli
    text = cli("compare", *files)
    assert text.returncode == 0, text.stderr
    assert "A and B share wire copy for 3 claims" in text.stdout and "C ≠" in text.stdout
    data = json.loads(cli("compare", *files, "--format", "json").stdout)
    assert data["version"] == 2 and [d["label"] for d in data["documents"]] == ["A", "B", "C"]
    for ext in ("html", "md", "csv", "json", "pdf"):
        out = cli("report", *files, "-o", str(tmp_path / f"matrix.{ext}"))
        assert out.returncode == 0, out.stderr
    assert "Corroboration matrix" in (tmp_path / "matrix.md").read_text(encoding="utf-8")
    assert (tmp_path / "matrix.pdf").read_bytes().startswith(b"%PDF")
    too_many = cli("compare", *([files[0]] * 26))
    _one_line_error(too_many, 2, "at most 25 documents can be compared, got 26")
    assert too_many.stderr.count("wire-service.txt") == 2  # the first and the last, not all 26
