"""Where the bundled sample pair lives (the project's top-level sample_docs/ folder)."""

from __future__ import annotations

from pathlib import Path

SAMPLE_DIR = Path(__file__).resolve().parents[2] / "sample_docs"
SAMPLE_A = "moscow-times-north-koreans-fighting-for-russia.txt"
SAMPLE_B = "north-korean-troops-in-ukraine-big-picture.txt"


def sample_paths() -> tuple[Path, Path]:
    """The op-ed (A) and the analysis piece (B); raises FileNotFoundError if not installed."""
    a, b = SAMPLE_DIR / SAMPLE_A, SAMPLE_DIR / SAMPLE_B
    for p in (a, b):
        if not p.is_file():
            raise FileNotFoundError(f"bundled sample document not found: {p}")
    return a, b
