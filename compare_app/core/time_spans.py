"""Spans of time that measure different things.

A span of time says how long something lasted ("eight years of rule"), how long ago it happened
("two years ago"), how far one event lies from another ("four months after the suspension",
"58 days into his term") or how long is left for it ("within six months", "in his first 100
days"). Two spans in different roles, counted from different events or filled with different
things ("two days of questioning" / "five days of opening arguments") are two measures, however
their lengths compare; a conflict needs two spans of one role and one event ("two years ago" /
"three years ago").
"""

from __future__ import annotations

from .meanings import nothing_in_common
from .models import NumberMention
from .pair_view import PairView
from .reading import Reading

DURATIONS = frozenset("day week month year hour minute".split())
_ANCHORS = frozenset("after since before from of".split())  # "two days of questioning"
# Words after a span of time that make it a distance between two events ("a year later", "58
# days into his term").
_APART = frozenset("after before since later earlier prior into".split())
_UNIT_WORDS = frozenset("""day days week weeks month months year years decade decades hour hours
minute minutes century centuries fortnight fortnights full long""".split())

# What each role measures, for the reason shown to the analyst.
ROLES = {"ago": "a time since something happened", "apart": "a gap between two events",
         "within": "a time limit", "span": "a length of time"}


def time_role(reading: Reading, n: NumberMention) -> str:
    """The role of a span of time in its sentence (a key of `ROLES`)."""
    before = reading.words_between(reading.sentence.start, n.span.start, last=1)
    if before and before[0].text.lower() in ("within", "first"):
        return "within"  # "within six months", "in his first 100 days"
    _, end = reading.clause_at(n.span.start)
    for w in reading.words_between(n.span.end, end, first=3):
        low = w.text.lower()
        if low == "ago":
            return "ago"
        if low in _APART:
            return "apart"
        if low not in _UNIT_WORDS:
            break
    return "span"


def _anchor(reading: Reading, n: NumberMention) -> set[str]:
    """What a span of time is counted from or filled with ("three weeks after the Taliban took
    Kabul", "two days of questioning"): the words that say what happened, not the names of who
    took part (two events of one company are two events)."""
    _, end = reading.clause_at(n.span.start)
    after = reading.words_between(n.span.end, end, first=8)
    for k, w in enumerate(after[:3]):
        if w.text.lower() in _ANCHORS:
            return {x.key for x in after[k + 1:] if x.content and x.key[:1] not in "=@#^"
                    and not x.text[:1].isupper()}
    return set()


def timed_apart(p: PairView, xs: list[NumberMention],
                ys: list[NumberMention]) -> tuple[str, str] | None:
    """What each side's spans of time measure, when they are two measures: spans in different
    roles ("two years ago" / "eight years of rule", "four months after" / "within six months")
    or counted from different events ("three weeks after the Taliban took Kabul" / "one week
    after the U.S. completed its withdrawal"). None when they may be one span."""
    if xs[0].unit not in DURATIONS or ys[0].unit not in DURATIONS:
        return None
    roles_a = [time_role(p.a, x) for x in xs]
    roles_b = [time_role(p.b, y) for y in ys]
    if set(roles_a).isdisjoint(roles_b):
        return ROLES[roles_a[0]], ROLES[roles_b[0]]
    da = set().union(*(_anchor(p.a, x) for x in xs))
    db = set().union(*(_anchor(p.b, y) for y in ys))
    if nothing_in_common(da, db):
        return "a span tied to one event", "a span tied to another"
    return None


def timed_from_other_events(p: PairView, xs: list[NumberMention],
                            ys: list[NumberMention]) -> bool:
    """Whether the two sides' spans of time are two measures (see `timed_apart`)."""
    return timed_apart(p, xs, ys) is not None
