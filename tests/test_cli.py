"""The command line as a user runs it: real subprocesses, exit codes, one-line errors."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from compare_app import __version__
from installed import run_cli

ROOT = Path(__file__).resolve().parents[1]


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return run_cli(*args, cwd=cwd, timeout=120)


def test_version_and_help():
    out = run("--version")
    assert out.returncode == 0 and __version__ in out.stdout
    helped = run("compare", "--help")
    assert helped.returncode == 0
    for option in ("--format", "--threshold", "-o"):
        assert option in helped.stdout


def test_compare_without_files_uses_the_sample_pair():
    out = run("compare")
    assert out.returncode == 0, out.stderr
    assert "North Koreans Fighting for Russia Put Warm Words into Practice" in out.stdout
    assert "Certainty differs" in out.stdout
    assert "Divergences" in out.stdout


def test_json_output_follows_the_contract(tmp_path):
    target = tmp_path / "result.json"
    out = run("compare", "--format", "json", "-o", str(target))
    assert out.returncode == 0, out.stderr
    data = json.loads(target.read_text(encoding="utf-8"))
    assert data["schema"] == "compare-app.comparison" and data["version"] == 1
    assert data["tool"] == {"name": "compare-app", "version": __version__}
    assert data["settings"]["threshold"] == 50.0
    assert [d["label"] for d in data["documents"]] == ["A", "B"]
    doc = data["documents"][0]
    for key in ("path", "title", "sha256", "sentences"):
        assert key in doc
    sentence = doc["sentences"][0]
    for key in ("id", "start", "end", "text", "kind", "status", "certainty", "numbers", "dates",
                "entities", "attribution"):
        assert key in sentence
    assert doc["text"][sentence["start"]:sentence["end"]] == sentence["text"]
    pair = data["pairs"][0]
    for key in ("id", "a", "b", "score", "relation", "reasons", "diff"):
        assert key in pair
    assert set(data["summary"]) == {"agree", "diverge", "related", "unsupported", "excluded"}
    assert set(data["summary"]["unsupported"]) == {"A", "B"}
    reasons = [r for p in data["pairs"] for r in p["reasons"]]
    assert any(r["kind"] == "certainty" and r["a"] and r["b"] and r["explanation"] for r in reasons)


def test_threshold_changes_the_result():
    loose = json.loads(run("compare", "--format", "json", "--threshold", "15").stdout)
    strict = json.loads(run("compare", "--format", "json", "--threshold", "60").stdout)
    assert len(loose["pairs"]) > len(strict["pairs"])
    assert run("compare", "--threshold", "150").returncode == 2


def test_two_user_files(tmp_path):
    a = tmp_path / "a.txt"
    b = tmp_path / "b.md"
    a.write_text("Officials counted 1,500 troops near the Kursk border crossing.\n",
                 encoding="utf-8")
    b.write_text("# Notes\n\nOfficials counted 12,000 troops near the Kursk border crossing.\n",
                 encoding="utf-8")
    out = run("compare", str(a), str(b))
    assert out.returncode == 0, out.stderr
    assert "Different figures: A says “1,500 troops”; B says “12,000 troops”." in out.stdout


@pytest.mark.parametrize("content", [b"", b"  \n\n\t\n", b"\xef\xbb\xbf\n",
                                     "\u200b\u200b\n\u00a0".encode()])
def test_an_empty_file_is_refused_in_one_line(tmp_path, sample_paths, content):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(content)
    out = run("compare", "--format", "json", str(empty), str(sample_paths[1]))
    assert out.returncode == 2 and out.stdout == ""
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in out.stderr
    assert "empty.txt" in lines[0] and "; there is nothing to compare" in lines[0]


def _bad_inputs(tmp_path: Path) -> dict[str, tuple[Path, str]]:
    png = tmp_path / "photo.png"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    garbage = tmp_path / "garbage.txt"
    garbage.write_bytes(bytes([0, 159, 146, 150, 0, 1, 2, 3]) * 64)
    huge = tmp_path / "huge.txt"
    with open(huge, "wb") as fh:
        fh.truncate(50 * 1024 * 1024)  # sparse: 50 MB on paper, nothing on disk
    return {
        "missing": (tmp_path / "nope.txt", "no such file"),
        "directory": (tmp_path, "is a directory"),
        "binary": (png, "binary file (PNG image)"),
        "undecodable": (garbage, "binary"),
        "huge": (huge, "the limit is 20 MB"),
    }


@pytest.mark.parametrize("case", ["missing", "directory", "binary", "undecodable", "huge"])
def test_bad_input_gives_one_line_and_exit_2(tmp_path, sample_paths, case):
    path, problem = _bad_inputs(tmp_path)[case]
    out = run("compare", str(path), str(sample_paths[0]))
    assert out.returncode == 2
    assert out.stdout == ""
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1, out.stderr
    assert "Traceback" not in out.stderr
    assert str(path.name) in lines[0] and problem in lines[0]


def test_wrong_number_of_files_is_a_usage_error(sample_paths):
    out = run("compare", str(sample_paths[0]))
    assert out.returncode == 2 and "a comparison needs two documents" in out.stderr


def test_output_to_unwritable_place_is_reported(tmp_path):
    out = run("compare", "-o", str(tmp_path / "missing-dir" / "x.json"))
    assert out.returncode == 1
    assert "Traceback" not in out.stderr and len(out.stderr.strip().splitlines()) == 1


def test_a_huge_figure_compares_without_error(tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("The army sent " + "9" * 400 + " troops across the river.", encoding="utf-8")
    b.write_text("The army sent at least 4,000 troops across the river.", encoding="utf-8")
    out = run("compare", str(a), str(b), "--format", "json")
    assert out.returncode == 0, out.stderr
    def no_constants(name):
        raise AssertionError(f"{name} is not JSON")

    data = json.loads(out.stdout, parse_constant=no_constants)  # open or huge bounds are null
    assert data["documents"][1]["sentences"][0]["numbers"][0]["high"] is None


@pytest.mark.parametrize("args, said", [
    (["comapre", "a.txt", "b.txt"],
     "'comapre' is not a command or a file; did you mean 'compare'?"),
    (["reprot", "-o", "x.html"], "did you mean 'report'?"),
    (["COMPARE", "a.txt", "b.txt"], "did you mean 'compare'?"),
    (["frobnicate"], "'frobnicate' is not a command or a file; commands: compare, report, gui"),
])
def test_a_mistyped_command_is_named_in_one_line(args, said):
    out = run(*args)
    assert out.returncode == 2 and out.stdout == ""
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1 and said in lines[0], out.stderr
