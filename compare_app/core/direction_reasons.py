"""Directions of change: "rose" against "fell" for the same thing is a conflict, unless one of
them is only what someone expected (a forecast and the outcome, see `measure_reasons`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .forecasts import forecast_at
from .models import Reason, ReasonKind, Span
from .pair_view import PairView, both_say
from .reading import Reading, Word
from .slot_reasons import MAX_MENTIONS


def direction_reasons(p: PairView) -> list[Reason]:
    """Opposite directions of change for the same thing: rose against fell."""
    for sx, sy, forecast_a, forecast_b in _opposed(p):
        if forecast_a == forecast_b:
            return [Reason(ReasonKind.DIRECTION, sx, sy,
                           both_say(p, "Opposite directions", sx, sy))]
    return []


def forecast_of_change(p: PairView) -> tuple[Span, Span, bool] | None:
    """Opposite directions of which one is only what someone expected ("forecasters had
    anticipated that the jobless rate would drop" / "the jobless rate rose"): the forecast and
    the outcome, not a conflict. The two changes, and whether A's is the forecast."""
    for sx, sy, forecast_a, forecast_b in _opposed(p):
        if forecast_a != forecast_b:
            return sx, sy, forecast_a
    return None


def _opposed(p: PairView) -> Iterator[tuple[Span, Span, bool, bool]]:
    """Opposite directions of change for the same thing, with whether each is a forecast."""
    xs = _directions(p.a)
    ys = _directions(p.b)
    if not xs or not ys:
        return
    # With both directions on a side ("prices rose, wages fell"), only words the alignment
    # puts in the same place are compared; a single word each is compared directly.
    lone = len(xs) == 1 and len(ys) == 1
    for x in xs:
        for y in ys:
            if x.key == y.key:
                continue
            sx, sy = _change_span(p.a, x), _change_span(p.b, y)
            if (lone and _moving(p.a, x) & _moving(p.b, y)) or p.aligned(sx, sy):
                yield sx, sy, forecast_at(p.a, x.start), forecast_at(p.b, y.start)


_RECORD_WORDS = re.compile(r"(?:record|all[- ]time)[- ]$", re.IGNORECASE)


def _change_span(reading: Reading, word: Word) -> Span:
    """A word of change as quoted: with "record" or "all-time" before an end of a record level
    ("record high"), with its verb before a particle or a comparative ("edged up", "closed
    higher"), the word alone otherwise."""
    text, base = reading.sentence.text, reading.sentence.start
    before = _RECORD_WORDS.search(text, 0, word.start - base)
    if word.key[:1] == "^" and word.text.lower() in ("high", "low") and before:
        return Span(base + before.start(), word.end, text[before.start():word.end - base])
    k = reading.index(word)
    if word.text.lower() in _PARTICLES and k and text[
            reading.words[k - 1].end - base:word.start - base] == " ":
        verb = reading.words[k - 1]
        return Span(verb.start, word.end, text[verb.start - base:word.end - base])
    return Span(word.start, word.end, word.text)


_PARTICLES = frozenset("up down higher lower".split())


def _moving(reading: Reading, word: Word) -> set[str]:
    """The words around a word of change in its clause, where what rises or falls is named
    ("the unemployment rate fell", "a rise in prices")."""
    return {w.key for w in reading.around(word.start, word.end, 6, 4)}


def _directions(reading: Reading) -> list[Word]:
    """A side's words of change, without those offered as alternatives ("gained or lost the
    most people", "up or down"): such a side names no direction."""
    words = reading.words
    out = []
    for k, w in enumerate(words):
        if w.key[:1] != "^" or (k and words[k - 1].text.lower() == "or") or (
                k + 1 < len(words) and words[k + 1].text.lower() == "or"):
            continue
        out.append(w)
        if len(out) == MAX_MENTIONS:
            break
    return out
