"""Time and peak memory of `compare-app compare BIG SHORT`: a ~19 MB document against a short one.

The big document is varied, real-looking prose: sentences of the two bundled sample articles
with their figures, names and some words replaced, mixed with generated news claims
(synthetic_docs.py), in paragraphs under occasional headings; no two sentences need be alike,
so no shortcut for repeated text applies. It is compared with the short sample article by the
command line in a child process, whose wall time and peak RSS are measured. The baseline, run
on the same file in the same way, only reads, normalises and segments it: the ratio says how
much the comparison costs over the least any comparison has to do.

    python benchmarks/bench_large_file.py [--mb 19] [--seed 7] [--repeats N] [--no-json]
                                          [--keep DIR]

Target (issue 9): under 15 s and under 400 MB peak RSS for 19 MB against a short article, with
the default (text) output. The JSON output also holds every sentence's claim features, read for
all ~140,000 sentences; its time and memory are reported beside it.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from compare_app.core.samples import sample_paths

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

import synthetic_docs as syn  # noqa: E402 (beside this script)

SHORT = sample_paths()[1]  # the analysis piece
TARGET_SECONDS, TARGET_MB = 15.0, 400.0
_SENTENCE = re.compile(r"[^.!?\n]+[.!?]")
_NUMBER = re.compile(r"\d[\d,.]*")
_CAPITALISED = re.compile(r"(?<=[a-z,] )[A-Z][a-z]+")
_WORD = re.compile(r"\b[a-z]{5,}\b")


def _sample_sentences() -> list[str]:
    text = " ".join(p.read_text(encoding="utf-8") for p in sorted(SHORT.parent.glob("*.txt")))
    return [s.strip() for s in _SENTENCE.findall(text) if len(s.split()) >= 6]


_SYLLABLES = ("ba", "ter", "lo", "min", "sa", "ren", "co", "ul", "pra", "tis", "ve", "dor", "ka",
              "mel", "ri", "fon", "gu", "las", "ne", "tro", "pi", "sel", "an", "om", "ha", "wil",
              "dre", "bu", "cas", "le", "mo")
_SUFFIXES = ("", "", "", "s", "ed", "ing", "er", "ly", "tion", "ment", "ness", "al", "ity")


def _made_up_words(rng: random.Random, count: int) -> list[str]:
    """A large vocabulary, as a long text has: invented words with English endings."""
    out: set[str] = set()
    while len(out) < count:
        stem = "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 4)))
        out.add(stem + rng.choice(_SUFFIXES))
    return sorted(out)


def build_large_text(size: int, seed: int = 7) -> str:
    """About `size` characters of varied English news prose with a large vocabulary."""
    rng = random.Random(seed)
    base = _sample_sentences()
    words = syn.Zipf(sorted({w for s in base for w in _WORD.findall(s)})
                     + _made_up_words(rng, 60_000), rng)
    names = syn.Zipf(syn.PLACES + syn.FIRST_NAMES + syn.LAST_NAMES
                     + [w.capitalize() for w in _made_up_words(rng, 20_000)], rng)
    vocab = syn.Vocabulary(rng)

    def varied(sentence: str) -> str:
        sentence = _NUMBER.sub(lambda m: f"{rng.randint(2, 40_000):,}", sentence)
        sentence = _CAPITALISED.sub(
            lambda m: names(rng) if rng.random() < 0.5 else m.group(), sentence)
        return _WORD.sub(lambda m: words(rng) if rng.random() < 0.25 else m.group(), sentence)

    parts: list[str] = []
    total = 0
    while total < size:
        if rng.random() < 0.08:
            heading = f"{rng.choice(syn.TOPICS).capitalize()} in {rng.choice(syn.PLACES)}"
            parts.append(heading)
            total += len(heading) + 2
        paragraph = " ".join(
            varied(rng.choice(base)) if rng.random() < 0.5
            else syn.render(syn.new_claim(rng.choice(syn.TEMPLATES), vocab, rng))
            for _ in range(rng.randint(3, 8)))
        parts.append(paragraph)
        total += len(paragraph) + 2
    return "\n\n".join(parts) + "\n"


def _measure(args: list[str]) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of one child process, from its own resource usage."""
    start = time.perf_counter()
    child = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    errors = child.stderr.read().decode() if child.stderr else ""
    if child.returncode:
        raise SystemExit(f"{' '.join(args[:4])}... failed:\n{errors}")
    return seconds, usage.ru_maxrss / 1024


BASELINE = """
import sys
from compare_app.core.loading import load_document
from compare_app.core.segment import split_sentences
print(len(split_sentences(load_document(sys.argv[1]).text)))
"""


def _best(runs: list[tuple[float, float]]) -> tuple[float, float]:
    """The fastest time (the least disturbed by other work) and the largest peak."""
    return min(s for s, _ in runs), max(m for _, m in runs)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mb", type=float, default=19.0, help="size of the big file (MB)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--repeats", type=int, default=1, help="timed runs of each (best shown)")
    parser.add_argument("--no-json", action="store_true", help="skip the JSON output run")
    parser.add_argument("--keep", metavar="DIR", help="write the big file here and keep it")
    args = parser.parse_args()
    folder = Path(args.keep or tempfile.mkdtemp(prefix="bench-large-"))
    folder.mkdir(parents=True, exist_ok=True)
    big = folder / f"large-{args.mb:g}mb-{args.seed}.txt"
    if not big.exists():
        big.write_text(build_large_text(int(args.mb * 1_000_000), args.seed), encoding="utf-8")
    print(f"big file: {big} ({big.stat().st_size / 1e6:.1f} MB); short file: {SHORT.name}; "
          f"{os.cpu_count()} CPUs")
    python = [sys.executable]
    base = _best([_measure([*python, "-c", BASELINE, str(big)]) for _ in range(args.repeats)])
    print(f"baseline (read, normalise, segment): {base[0]:6.1f} s  {base[1]:6.0f} MB")
    results = {}
    for fmt in ("text",) if args.no_json else ("text", "json"):
        command = [*python, "-m", "compare_app", "compare", "--format", fmt,
                   "-o", str(folder / f"out.{fmt}"), str(big), str(SHORT)]
        results[fmt] = _best([_measure(command) for _ in range(args.repeats)])
        seconds, peak = results[fmt]
        print(f"compare, {fmt} output:{' ' * (15 - len(fmt))}{seconds:6.1f} s  {peak:6.0f} MB  "
              f"({seconds / base[0]:.1f}x the baseline's time)")
    seconds, peak = results["text"]
    met = seconds < TARGET_SECONDS and peak < TARGET_MB
    print(f"target for the text output (< {TARGET_SECONDS:g} s, < {TARGET_MB:g} MB): "
          f"{'met' if met else 'NOT met'}")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
