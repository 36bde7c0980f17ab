"""Word-level difference of two sentences (difflib), as runs the GUI and reports can colour."""

from __future__ import annotations

import difflib
import re

from .models import DiffOp

_TOKEN_RE = re.compile(r"\s*\S+")
MAX_DIFF_CELLS = 250_000  # word pairs; about 500 x 500 words


def _tokens(text: str) -> list[str]:
    """Words with their leading whitespace, so joining a run restores the original spacing."""
    return _TOKEN_RE.findall(text)


def _key(token: str) -> str:
    return token.strip().strip(".,;:!?\"'“”‘’()").lower()


def word_diff(a: str, b: str) -> list[DiffOp]:
    """Runs of equal, deleted (A only), inserted (B only) and replaced words."""
    ta, tb = _tokens(a), _tokens(b)
    if len(ta) * len(tb) > MAX_DIFF_CELLS:  # difflib is quadratic: a whole-text replacement
        return [DiffOp("equal" if a == b else "replace", a.strip(), b.strip())]
    matcher = difflib.SequenceMatcher(None, [_key(t) for t in ta], [_key(t) for t in tb],
                                      autojunk=False)
    ops: list[DiffOp] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        a_text = "".join(ta[i1:i2]).strip()
        b_text = "".join(tb[j1:j2]).strip()
        ops.append(DiffOp(tag, a_text, b_text))
    return ops


def diff_ratio(ops: list[DiffOp]) -> float:
    """Share of words left unchanged, 0..1."""
    same = sum(len(op.a_text.split()) for op in ops if op.op == "equal")
    total = sum(max(len(op.a_text.split()), len(op.b_text.split())) for op in ops)
    return same / total if total else 1.0
