"""Shared fixtures: the bundled sample pair and an offscreen Qt platform for GUI tests."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# Property tests draw the same examples on every run, so a suite that passed once passes on the
# next machine; HYPOTHESIS_PROFILE=explore draws fresh examples to look for new failures.
settings.register_profile("repeatable", derandomize=True, database=None)
settings.register_profile("explore")
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "repeatable"))

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


def make_long_text(size: int, seed: int = 1) -> str:
    """About `size` characters of varied prose: the sample articles' paragraphs, shuffled, with
    their figures and some names replaced, so no two copies read the same."""
    import random
    import re

    rng = random.Random(seed)
    paragraphs = [p for path in (OP_ED, ANALYSIS)
                  for p in path.read_text(encoding="utf-8").split("\n\n") if len(p) > 80]
    places = "Kursk Belgorod Rostov Kherson Odesa Sumy Kharkiv Pskov Tula Oryol Lipetsk".split()
    out: list[str] = []
    total = 0
    while total < size:
        p = re.sub(r"\d[\d,]*", lambda m: f"{rng.randint(2, 90_000):,}", rng.choice(paragraphs))
        p = re.sub(r"\b(?:Ukraine|Russia|Seoul|Moscow)\b", lambda m: rng.choice(places), p)
        out.append(p)
        total += len(p) + 2
    return "\n\n".join(out)


@pytest.fixture(scope="session")
def long_text() -> str:
    return make_long_text(400_000)


@pytest.fixture(scope="session")
def long_pair() -> tuple[str, str]:
    """Two long texts drawn from the same paragraphs, each with its own figures and places."""
    return make_long_text(160_000, seed=1), make_long_text(160_000, seed=2)


@pytest.fixture
def patient(monkeypatch):
    """A comparison judges its first link only once its helper process has answered (or given
    up): on texts this short it might otherwise judge them all before the helper has started."""
    from compare_app.core import relate_helper

    collect = relate_helper.RelateHelper._collect

    def after_the_first_answer(self, *args):
        if not getattr(self, "heard", False):
            replies = self._replies
            with replies.not_empty:
                replies.not_empty.wait_for(lambda: replies._qsize() > 0, timeout=60)
            self.heard = True
        return collect(self, *args)

    monkeypatch.setattr(relate_helper.RelateHelper, "_collect", after_the_first_answer)
