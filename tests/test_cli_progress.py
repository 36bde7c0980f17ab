"""Progress on the command line: a line on a terminal's standard error, nothing on a pipe, and a
clean stop on Ctrl+C."""

from __future__ import annotations

import io
import os
import select
import signal
import subprocess
import sys
from pathlib import Path

from compare_app.cli_progress import TerminalProgress, write_pieces

ROOT = Path(__file__).resolve().parents[1]


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_draws_one_updating_line_on_a_terminal_and_clears_it():
    stream = FakeTerminal()
    progress = TerminalProgress(stream)
    for done in (0, 450, 451, 1000):
        progress(done, 1000)
    progress.close()
    out = stream.getvalue()
    assert out.startswith("\rComparing... 0%")
    assert "\rComparing... 45%" in out and "\rComparing... 100%" in out
    assert out.count("45%") == 1  # redrawn only when the figure changes
    assert "\n" not in out and out.endswith("\r")


def test_progress_is_silent_when_standard_error_is_not_a_terminal():
    stream = io.StringIO()
    progress = TerminalProgress(stream)
    progress(500, 1000)
    progress.show("Writing...")
    progress.close()
    assert stream.getvalue() == ""


def test_pieces_are_written_in_few_large_chunks():
    written: list[str] = []
    write_pieces((f"{n}," for n in range(400_000)), written.append)
    assert "".join(written) == "".join(f"{n}," for n in range(400_000))
    assert 1 < len(written) < 10


def _ctrl_c_as_on_a_terminal() -> None:
    """Ctrl-C reaches the CLI as it does from a terminal, even when the tests themselves run as
    a background job (which starts with SIGINT ignored, and Python then keeps it ignored)."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _start_on_a_terminal(*args: str, both: bool = False) -> tuple[subprocess.Popen, int]:
    """The CLI with its standard error (and with `both`, its output) on a pseudo-terminal;
    returns the process and the terminal's reading end."""
    reader, writer = os.openpty()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, "-m", "compare_app", *args], cwd=ROOT, env=env,
                            stdout=writer if both else subprocess.DEVNULL, stderr=writer,
                            stdin=subprocess.DEVNULL, preexec_fn=_ctrl_c_as_on_a_terminal)
    os.close(writer)
    return proc, reader


def _read_until(reader: int, proc: subprocess.Popen, wanted: str | None) -> str:
    """Terminal output until `wanted` appears (None: until the process closes it)."""
    seen = b""
    while wanted is None or wanted.encode() not in seen:
        ready, _, _ = select.select([reader], [], [], 60)
        if not ready:
            break
        try:
            chunk = os.read(reader, 4096)
        except OSError:  # the other end is closed
            break
        if not chunk:
            break
        seen += chunk
    return seen.decode("utf-8", "replace")


def _run_on_a_terminal(*args: str, both: bool = False) -> str:
    """Everything the CLI wrote to the terminal, once it has ended successfully."""
    proc, reader = _start_on_a_terminal(*args, both=both)
    try:
        terminal = _read_until(reader, proc, None)
        assert proc.wait(60) == 0, terminal
    finally:
        os.close(reader)
    return terminal


def test_compare_on_a_terminal_shows_progress_on_standard_error(tmp_path):
    out = tmp_path / "out.txt"
    terminal = _run_on_a_terminal("compare", "-o", str(out))
    assert "Comparing... " in terminal and "%" in terminal and "\r" in terminal
    assert terminal.rstrip().endswith(f"wrote {out}")
    assert "Only in A" in out.read_text(encoding="utf-8")


def test_progress_is_cleared_before_the_result_is_printed_to_the_same_terminal():
    terminal = _run_on_a_terminal("compare", both=True)
    before = terminal[:terminal.index("A: North Koreans Fighting for Russia")]
    assert "Comparing... 100%" in before
    *_, blanked, rest = before.split("\r")  # the progress line is blanked out, then the result
    assert rest == "" and blanked.strip() == "" and len(blanked) >= len("Comparing... 100%")


def test_report_on_a_terminal_shows_progress_too(tmp_path):
    out = tmp_path / "report.md"
    terminal = _run_on_a_terminal("report", "-o", str(out))
    assert "Comparing... " in terminal and "Writing..." in terminal
    assert terminal.rstrip().endswith(f"wrote {out} (md)") and out.exists()


def test_compare_to_a_pipe_shows_no_progress():
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-m", "compare_app", "compare"], capture_output=True,
                          text=True, cwd=ROOT, env=env, timeout=120, check=False)
    assert done.returncode == 0
    assert done.stderr == "" and "Comparing" not in done.stdout


def test_ctrl_c_stops_a_comparison_with_one_line_and_exit_code_130(tmp_path, long_text):
    big = tmp_path / "big.txt"
    big.write_text("\n\n".join([long_text] * 8), encoding="utf-8")
    other = tmp_path / "other.txt"  # not as long: two long texts are over the limits
    other.write_text(long_text, encoding="utf-8")
    proc, reader = _start_on_a_terminal("compare", str(big), str(other), "-o", str(tmp_path / "o"))
    try:
        _read_until(reader, proc, "Comparing... ")
        proc.send_signal(signal.SIGINT)
        terminal = _read_until(reader, proc, None)
        code = proc.wait(60)
    finally:
        os.close(reader)
        if proc.poll() is None:
            proc.kill()
    assert code == 130, terminal
    assert "compare-app: cancelled" in terminal and "Traceback" not in terminal
    assert [line for line in terminal.replace("\r", "\n").split("\n") if line.strip()][-1] == (
        "compare-app: cancelled")
    assert not (tmp_path / "o").exists()
