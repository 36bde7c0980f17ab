"""Hostile and huge inputs through the command line, each in a child process with a time and a
memory limit (issue 10, `resource.setrlimit` in a small launcher that then becomes the CLI):
case -> exit code, first stderr line, wall time, peak memory.

Every case must end within its limits with the expected exit code and at most one stderr line
(0: compared; 2: refused with one line naming the file and the problem). The tests run the same
cases at a smaller size (`small=True`) where the size is not the point.

    python benchmarks/hostile_inputs.py [--small] [--only NAME ...] [--keep DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "sample_docs" / "north-korean-troops-in-ukraine-big-picture.txt"
LIMIT_SECONDS, LIMIT_MB = 60.0, 1536.0
MiB = 1024 * 1024
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
CONTENT_TYPES = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxml'
                 'formats.org/package/2006/content-types"><Default Extension="xml" ContentType='
                 '"application/xml"/></Types>')

Build = Callable[[Path, bool], list[str]]  # (folder, small) -> command-line arguments


@dataclass(frozen=True)
class Case:
    name: str
    build: Build
    exit: int = 0
    memory_mb: float = LIMIT_MB  # the child's address-space limit is set above this
    address_space_mb: float = 4096.0


@dataclass(frozen=True)
class Result:
    case: str
    exit: int
    stderr: list[str]
    seconds: float
    peak_mb: float

    def ok(self, case: Case) -> bool:
        return (self.exit == case.exit and len(self.stderr) <= 1 and self.seconds < LIMIT_SECONDS
                and self.peak_mb < case.memory_mb)


# ----------------------------------------------------------------------------- building files
def _write(folder: Path, name: str, data: str | bytes) -> str:
    path = folder / name
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return str(path)


def _text_vs_sample(name: str, make: Callable[[bool], str], suffix: str = ".txt") -> Build:
    def build(folder: Path, small: bool) -> list[str]:
        return ["compare", _write(folder, f"{name}{suffix}", make(small)), str(SAMPLE)]
    return build


def docx_bytes(document_xml: bytes | str) -> bytes:
    path = tempfile.mktemp(suffix=".docx")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("word/document.xml", document_xml)
    data = Path(path).read_bytes()
    os.unlink(path)
    return data


def _docx_body(body: str) -> str:
    return f'<?xml version="1.0"?><w:document xmlns:w="{W}"><w:body>{body}</w:body></w:document>'


def _nested(open_tag: str, close_tag: str, depth: int) -> str:
    inner = "<w:p><w:r><w:t>Deep text.</w:t></w:r></w:p>"
    return open_tag * depth + inner + close_tag * depth


def _docx_case(name: str, make: Callable[[bool], bytes]) -> Build:
    def build(folder: Path, small: bool) -> list[str]:
        return ["compare", _write(folder, f"{name}.docx", make(small)), str(SAMPLE)]
    return build


def session_json(text_a: str = "Troops crossed the border.", text_b: str = "Troops crossed.",
                 **fields: object) -> dict:
    docs = [{"label": label, "path": f"{label}.txt", "title": label, "sha256": "0" * 64,
             "encoding": "utf-8", "warnings": [], "text": text}
            for label, text in (("A", text_a), ("B", text_b))]
    return {"schema": "compare-app.session", "version": 1, "settings": {"threshold": 40.0},
            "documents": docs, "grades": {}, "annotations": [], **fields}


def _session_case(name: str, make: Callable[[bool], str], command: tuple[str, ...] = ("compare",)
                  ) -> Build:
    def build(folder: Path, small: bool) -> list[str]:
        path = _write(folder, f"{name}.cmpsession", make(small))
        extra = ["-o", str(folder / f"{name}.md")] if command[0] == "report" else []
        return [*command, path, *extra]
    return build


def _session_with(**fields: object) -> Callable[[bool], str]:
    return lambda small: json.dumps(session_json(**fields))


def _words(n: int, seed: int = 1) -> str:
    """n distinct made-up words in sentences of eight (a vocabulary of n terms)."""
    import random
    rng = random.Random(seed)
    words = ["".join(rng.choice("abdegiklmnoprstuvz") for _ in range(rng.randint(5, 11)))
             for _ in range(n)]
    return "\n\n".join(" ".join(words[i:i + 8]).capitalize() + "." for i in range(0, n, 8))


def _synthetic(n: int) -> tuple[str, str]:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import synthetic_docs

    pair = synthetic_docs.generate(n, 1)
    return pair.text_a, pair.text_b


def _article(mb: float) -> str:
    """About `mb` MB of varied prose: the sample paragraphs shuffled, figures and places changed
    (no two copies read the same)."""
    import random
    import re

    rng = random.Random(7)
    paragraphs = [p for path in (ROOT / "sample_docs").glob("*.txt")
                  for p in path.read_text(encoding="utf-8").split("\n\n") if len(p) > 80]
    places = "Kursk Belgorod Rostov Kherson Odesa Sumy Kharkiv Pskov Tula Oryol Lipetsk".split()
    out, total = [], 0
    while total < mb * MiB:
        p = re.sub(r"\d[\d,]*", lambda m: f"{rng.randint(2, 90_000):,}", rng.choice(paragraphs))
        p = re.sub(r"\b(?:Ukraine|Russia|Seoul|Moscow)\b", lambda m: rng.choice(places), p)
        out.append(p)
        total += len(p.encode("utf-8")) + 2
    return "\n\n".join(out)


def _two_files(name: str, make: Callable[[bool], tuple[str, str]]) -> Build:
    def build(folder: Path, small: bool) -> list[str]:
        a, b = make(small)
        return ["compare", _write(folder, f"{name}-a.txt", a), _write(folder, f"{name}-b.txt", b)]
    return build


def _output_case(target: str) -> Build:
    def build(folder: Path, small: bool) -> list[str]:
        out = target
        if target == "symlink":
            real = folder / "real.txt"
            real.write_text("old")
            link = folder / "link.txt"
            if not link.is_symlink():
                link.symlink_to(real)
            out = str(link)
        return ["compare", "-o", out]
    return build


def _markdown_injection(small: bool) -> str:
    data = session_json(text_a="1,200 troops crossed.", text_b="1,200 troops crossed.")
    data["documents"][0]["sha256"] = "<img src=x onerror=alert(1)>[x](javascript:alert(1))"
    data["documents"][0]["title"] = "# Title <script>alert(1)</script>"
    return json.dumps(data)


UTF16_XXE = ('<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE d [<!ENTITY e "expanded">]>'
             f'<w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>&e;</w:t></w:r></w:p>'
             "</w:body></w:document>").encode("utf-16-le")


def _deep_session(small: bool) -> str:
    depth = 100_000
    return '{"schema": "compare-app.session", "version": 1, "x": ' + "[" * depth + "]" * depth + "}"


CASES: tuple[Case, ...] = (
    # Freezes: quadratic scans on a long token, malformed HTML, a large vocabulary.
    *(Case(f"token {unit * 2}… 80k", _text_vs_sample(
        f"token{i}", lambda s, u=unit: u * (80_000 // len(u))))
      for i, unit in enumerate(("A", "Aa", "A.", "A-", "A’"))),
    Case("spaces 2 MB", _text_vs_sample("spaces", lambda s: "A" + " " * 2_000_000 + "b")),
    Case("html <!-- 200 KB", _text_vs_sample(
        "comment", lambda s: "<p>x</p><!--" * 50_000, ".html")),
    Case("html <!--x  3 MB", _text_vs_sample(
        "commentx", lambda s: "<p>Kept.</p>" + "<!--x " * 500_000, ".html")),
    Case("html open quote 5 MB", _text_vs_sample(
        "quote", lambda s: '<p>Kept.</p><a href="' + "a" * (5 * MiB), ".html")),
    Case("html <a  1 MB", _text_vs_sample("tags", lambda s: "<p>Kept.</p>" + "<a " * 350_000,
                                          ".html")),
    Case("html with no text", _text_vs_sample("notext", lambda s: "<!--x " * 1_000, ".html"),
         exit=2),
    Case("vocabulary 20k terms", _two_files("vocab", lambda s: (_words(20_000, 1),
                                                                 _words(20_000, 2)))),
    # Memory: refused up front, or accepted within the limits.
    Case("two 20 MB files", _two_files("long", lambda s: ("Some words here. " * 1_200_000,
                                                          "Other words there. " * 1_100_000)),
         exit=2),
    Case("two long files (30k sentences)", _two_files("both", lambda s: (
        "Some words here. " * 30_000, "Other words there. " * 25_000)), exit=2),
    Case("one-word lines 20k vs 20k", _two_files("wordlines", lambda s: (
        "".join(f"Word{i * 7919 % 10**6}.\n" for i in range(4_000 if s else 19_500)),
        "".join(f"Word{i * 104729 % 10**6}.\n" for i in range(4_000 if s else 19_500))))),
    Case("20 MB one-word lines", _text_vs_sample(
        "lines", lambda s: "".join(f"w{i}\n" for i in range(500_000 if s else 2_000_000))),
         exit=2),
    Case("docx with 44 MB text", _docx_case("bigtext", lambda s: docx_bytes(_docx_body(
        "".join(f"<w:p><w:r><w:t>{para}</w:t></w:r></w:p>"
                for para in _article(21 if s else 44).split("\n\n"))))), exit=2),
    Case("session with 60 MB text", _session_case("bigsession", lambda s: json.dumps(
        session_json(text_a="Troops crossed. " * (1_400_000 if s else 4_000_000)))), exit=2),
    Case("19 MB article vs a short one", _text_vs_sample("article", lambda s: _article(
        1 if s else 19))),
    Case("19k vs 19k sentences", _two_files("syn", lambda s: _synthetic(1_000 if s else 19_000))),
    Case("out of memory", _two_files("oom", lambda s: _synthetic(9_000)), exit=2,
         address_space_mb=120.0),
    # One clear line, exit 2.
    *(Case(f"docx nested {tag} x5000", _docx_case(f"nest{tag}", lambda s, t=tag: docx_bytes(
        _docx_body(_nested(f"<w:{t}>", f"</w:{t}>", 5_000)))), exit=2)
      for tag in ("ins", "sdt")),
    Case("docx nested tables x5000", _docx_case("nesttbl", lambda s: docx_bytes(_docx_body(
        _nested("<w:tbl><w:tr><w:tc>", "</w:tc></w:tr></w:tbl>", 5_000)))), exit=2),
    Case("docx utf-16, no BOM, entity", _docx_case("utf16", lambda s: docx_bytes(UTF16_XXE)),
         exit=2),
    Case("session nested 100k", _session_case("deep", _deep_session), exit=2),
    Case('session "grades": []', _session_case("grades", _session_with(grades=[])), exit=2),
    Case('session "settings": []', _session_case("settings", _session_with(settings=[])), exit=2),
    *(Case(f"session threshold {value}", _session_case(
        f"threshold{i}", lambda s, v=value: json.dumps(session_json(settings={"threshold": v}))),
        exit=2) for i, value in enumerate((float("nan"), -500, float("inf")))),
    Case("unknown option", lambda folder, small: ["compare", "--bogus"], exit=2),
    Case("bad --threshold", lambda folder, small: ["compare", "--threshold", "nan"], exit=2),
    # Output places.
    Case("-o through a symlink", _output_case("symlink")),
    Case("-o /dev/stdout", _output_case("/dev/stdout")),
    Case("-o -", _output_case("-")),
    # Deceptive text.
    Case("bidi controls", _two_files("bidi", lambda s: (
        "Officials said \u202e1,200\u202c troops crossed. See \u202egpj.exe\u202c.",
        "Officials said 1,200 troops crossed."))),
    Case("markdown report of a crafted session", _session_case(
        "inject", _markdown_injection, ("report",))),
)


# ------------------------------------------------------------------------------ running
# Sets the limits, then runs the CLI as its own child and writes that child's peak memory to a
# file. Linux keeps a process's memory high-water mark across fork and exec, so the CLI is
# started from this small launcher, not from the benchmark (whose own memory it would report).
_LAUNCHER = ("import os, resource, sys\n"
             "space, cpu, report = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]\n"
             "resource.setrlimit(resource.RLIMIT_AS, (space, space))\n"
             "resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu))\n"
             "pid = os.fork()\n"
             "if pid == 0:\n"
             "    os.execv(sys.executable, [sys.executable, *sys.argv[4:]])\n"
             "_, status, usage = os.wait4(pid, 0)\n"
             "open(report, 'w').write(str(usage.ru_maxrss))\n"
             "code = os.waitstatus_to_exitcode(status)\n"
             "os._exit(code if code >= 0 else 128 - code)\n")


def run_case(case: Case, folder: Path, small: bool = False) -> Result:
    """Build the case's files in `folder` and run the CLI on them under the limits."""
    args = case.build(folder, small)
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    peak_file = folder / ".peak"
    limits = [str(int(case.address_space_mb * MiB)), str(int(LIMIT_SECONDS) + 30), str(peak_file)]
    start = time.monotonic()
    child = subprocess.Popen([sys.executable, "-c", _LAUNCHER, *limits, "-m", "compare_app",
                              *args], cwd=folder, env=env, stdout=subprocess.DEVNULL,
                             stderr=subprocess.PIPE)
    killer = threading.Timer(2 * LIMIT_SECONDS, child.kill)
    killer.start()
    err = child.stderr.read() if child.stderr else b""
    code = child.wait()
    killer.cancel()
    seconds = time.monotonic() - start
    peak_kb = float(peak_file.read_text()) if peak_file.exists() else float("nan")
    peak_file.unlink(missing_ok=True)
    code = 128 - code if code > 128 else code  # the launcher passes on signal n as 128 + n
    lines = [line for line in err.decode("utf-8", "replace").splitlines() if line.strip()]
    return Result(case.name, code, lines, seconds, peak_kb / 1024)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--small", action="store_true", help="the quick sizes the tests use")
    parser.add_argument("--only", nargs="*", default=None, help="case names (substrings)")
    parser.add_argument("--keep", metavar="DIR", help="build the files in DIR and keep them")
    args = parser.parse_args(argv)
    cases = [c for c in CASES if not args.only or any(o in c.name for o in args.only)]
    failed = 0
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(args.keep or scratch)
        folder.mkdir(parents=True, exist_ok=True)
        print("| case | exit | first stderr line | time | peak memory | within limits |\n"
              "|---|---|---|---|---|---|")
        for case in cases:
            r = run_case(case, folder, args.small)
            ok = r.ok(case)
            failed += not ok
            first = (r.stderr[0] if r.stderr else "")[:90].replace("|", "\\|")
            print(f"| {r.case} | {r.exit} | {first} | {r.seconds:.1f} s | {r.peak_mb:.0f} MB "
                  f"| {'yes' if ok else 'NO'} |", flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
