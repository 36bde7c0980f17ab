"""Hostile and huge inputs through the CLI (issue 10): each case of
benchmarks/hostile_inputs.py at its quick size ends with the expected exit code, one stderr line
at most and never a traceback; output places (-o) behave as the README says."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

import hostile_inputs as hostile  # noqa: E402


@pytest.mark.slow
@pytest.mark.parametrize("case", hostile.CASES, ids=[c.name for c in hostile.CASES])
def test_hostile_case_ends_cleanly(case, tmp_path):
    result = hostile.run_case(case, tmp_path, small=True)
    assert result.exit == case.exit, result.stderr
    assert len(result.stderr) <= 1, result.stderr
    assert not any("Traceback" in line for line in result.stderr)
    if case.exit == 2:
        assert result.stderr[0].startswith("compare-app")


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "compare_app", *args], capture_output=True,
                          text=True, cwd=cwd, env=env, timeout=120, check=False)


def test_output_through_a_symlink_keeps_the_link(tmp_path):
    real = tmp_path / "real.txt"
    real.write_text("old")
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    assert run("compare", "-o", str(link), cwd=tmp_path).returncode == 0
    assert link.is_symlink() and "A:" in real.read_text()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_output_into_a_fifo_is_written_through(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got: list[str] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_text()))
    reader.start()
    done = run("compare", "-o", str(fifo), cwd=tmp_path)
    reader.join(timeout=60)
    assert done.returncode == 0 and got and got[0].startswith("A:")
    assert fifo.exists() and not fifo.is_file()  # still the FIFO, not a file put in its place


@pytest.mark.parametrize("target", ["-", "/dev/stdout"])
def test_output_to_standard_output(tmp_path, target):
    done = run("compare", "--format", "json", "-o", target, cwd=tmp_path)
    assert done.returncode == 0 and done.stdout.lstrip().startswith("{")
    assert "wrote -" not in done.stderr
    report = run("report", "--format", "md", "-o", target, cwd=tmp_path)
    assert report.returncode == 0 and report.stdout.startswith("# ")


def test_usage_errors_are_one_line(tmp_path):
    for args in (["compare", "--bogus"], ["compare", "--threshold", "x"], ["compare", "-o"]):
        done = run(*args, cwd=tmp_path)
        assert done.returncode == 2 and len(done.stderr.splitlines()) == 1, done.stderr


def test_terminal_escape_codes_in_a_document_never_reach_the_terminal(tmp_path):
    """A document holding escape codes (clear screen, set title, bell) prints them as symbols,
    with a warning, in text, JSON and Markdown alike; the sentence is still compared."""
    (tmp_path / "a.txt").write_text("The council met on Monday. \x1b[2J\x1b]0;owned\x07The mayor "
                                    "resigned on Friday.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("The council met on Monday. The mayor resigned on Friday.\n",
                                    encoding="utf-8")
    for fmt in ("text", "json"):
        out = run("compare", "a.txt", "b.txt", "--format", fmt, cwd=tmp_path)
        assert out.returncode == 0, out.stderr
        assert "\x1b" not in out.stdout and "\x07" not in out.stdout
        assert "␛[2J␛]0;owned␇The mayor" in out.stdout
        assert "control character(s)" in out.stdout
    report = run("report", "a.txt", "b.txt", "-o", "r.md", cwd=tmp_path)
    assert report.returncode == 0, report.stderr
    assert "\x1b" not in (tmp_path / "r.md").read_text(encoding="utf-8")
