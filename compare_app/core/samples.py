"""Where the bundled sample pair lives: package data (`compare_app/data/samples/`), so a wheel
install has it too. The top-level `sample_docs/` of the repository is a link to the same folder."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

SAMPLE_A = "moscow-times-north-koreans-fighting-for-russia.txt"
SAMPLE_B = "north-korean-troops-in-ukraine-big-picture.txt"


def data_path(*parts: str) -> Path:
    """A file shipped in `compare_app/data/` as a filesystem path (the package is never zipped)."""
    return Path(str(resources.files("compare_app").joinpath("data", *parts)))


def sample_paths() -> tuple[Path, Path]:
    """The op-ed (A) and the analysis piece (B); raises FileNotFoundError if not installed."""
    a, b = data_path("samples", SAMPLE_A), data_path("samples", SAMPLE_B)
    for p in (a, b):
        if not p.is_file():
            raise FileNotFoundError(f"bundled sample document not found: {p}")
    return a, b
