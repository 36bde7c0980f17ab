"""Shared fixtures: the bundled sample pair and an offscreen Qt platform for GUI tests."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[1]
SAMPLE_DIR = ROOT / "compare_app" / "data" / "samples"
OP_ED = SAMPLE_DIR / "moscow-times-north-koreans-fighting-for-russia.txt"
ANALYSIS = SAMPLE_DIR / "north-korean-troops-in-ukraine-big-picture.txt"


@pytest.fixture(scope="session")
def sample_paths() -> tuple[Path, Path]:
    return OP_ED, ANALYSIS


@pytest.fixture(scope="session")
def sample_comparison(sample_paths):
    from compare_app.core.compare import compare_files

    return compare_files(str(sample_paths[0]), str(sample_paths[1]))
