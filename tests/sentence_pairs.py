"""Comparing one sentence against another, as a user tries the engine on two tiny files."""

from __future__ import annotations

from compare_app.core.compare import compare_texts
from compare_app.core.loading import load_text
from compare_app.core.models import Pair, ReasonKind


def compare_alone(a: str, b: str) -> Pair:
    """One sentence per file, compared as the command line would; the two must be linked."""
    c = compare_texts(load_text(a, name="A"), load_text(b, name="B"))
    assert len(c.pairs) == 1, f"not linked: {a} / {b}"
    return c.pairs[0]


def explanations(a: str, b: str, kind: ReasonKind) -> list[str]:
    """What the engine says of one kind about two one-sentence files."""
    return [r.explanation for r in compare_alone(a, b).reasons if r.kind is kind]


def reason_kinds(pair: Pair) -> set[ReasonKind]:
    """The kinds of reason the engine gives for a pair."""
    return {r.kind for r in pair.reasons}


def reason_texts(pair: Pair) -> list[str]:
    """The engine's explanations for a pair (for an assertion's message)."""
    return [r.explanation for r in pair.reasons]


def both_ways(a: str, b: str) -> tuple[Pair, Pair]:
    """The pair as A/B and as B/A: a judgement must read the same whichever file is A."""
    return compare_alone(a, b), compare_alone(b, a)


def assert_kind(a: str, b: str, kind: ReasonKind) -> None:
    """The pair gives a reason of `kind`, whichever file is A."""
    for pair in both_ways(a, b):
        assert kind in reason_kinds(pair), reason_texts(pair)


def assert_no_kind(a: str, b: str, kind: ReasonKind) -> None:
    """The pair gives no reason of `kind`, whichever file is A."""
    for pair in both_ways(a, b):
        assert kind not in reason_kinds(pair), reason_texts(pair)
