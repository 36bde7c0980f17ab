"""Comparing one sentence against another, as a user tries the engine on two tiny files."""

from __future__ import annotations

from compare_app.core.compare import compare_texts
from compare_app.core.loading import load_text
from compare_app.core.models import Pair


def compare_alone(a: str, b: str) -> Pair:
    """One sentence per file, compared as the command line would; the two must be linked."""
    c = compare_texts(load_text(a, name="A"), load_text(b, name="B"))
    assert len(c.pairs) == 1, f"not linked: {a} / {b}"
    return c.pairs[0]
