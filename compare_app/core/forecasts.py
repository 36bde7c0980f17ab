"""Forecasts and targets: figures someone expects or aims for, not what happened.

"Economists had expected 5.1%" against "fell to 4.8%", or "aims to build 10,000 homes by 2025"
against "built 6,000 homes in 2024", are two quantities: the expectation or the goal, and the
outcome. `measures` and `slot_reasons` ask these before they call two figures a conflict.
"""

from __future__ import annotations

import re

from .models import NumberMention, Reason, ReasonKind
from .pair_view import PairView
from .reading import Reading

# Verbs whose object is someone's forecast: "economists had expected 5.1%", "were looking for
# 845,000 jobs"; "expected to rise 5%" hedges the claim itself instead.
_FORECAST = re.compile(r"(?<!\bthan )(?<!\bas )\b(?:expect(?:ed|ing|s)?|forecast(?:ed|ing|s)?|"
                       r"predict(?:ed|ing|s)?|project(?:ed|ing)|anticipat(?:ed|ing|es)|"
                       r"looking\s+for|call(?:ed|ing)\s+for)\b(?!\s+to\b)", re.IGNORECASE)


# Words that set a goal for what follows ("aims to build", "a target of 2 percent"), and the
# deadline that makes a goal of a figure ("by 2025", "by the end of the year").
_TARGET = re.compile(r"\b(?:(?:aim|plan|intend|seek|want|hope|pledge|promise|vow)(?:s|ed|ing)?"
                     r"\s+to|(?:goal|target)s?\s+of|target(?:s|ed|ing))\b", re.IGNORECASE)
_DEADLINE = re.compile(r"\bby\s+(?:the\s+end\s+of\s+)?$", re.IGNORECASE)

# How a measure reason names the two sides
FORECAST, TARGET, OUTCOME = "a forecast", "a target", "the outcome"


def sets_forecast_against_outcome(reason: Reason) -> bool:
    """Whether a measure reason is a forecast or a target against the outcome (whose certainty
    differs by nature, so no certainty conflict stands beside it)."""
    return reason.kind is ReasonKind.MEASURE and (
        f"{FORECAST} (" in reason.explanation or f"{TARGET} (" in reason.explanation)


def expectation(reading: Reading, n: NumberMention) -> str:
    """What a figure is when it is not what happened: `FORECAST`, `TARGET`, or ""."""
    return FORECAST if forecast(reading, n) else TARGET if target(reading, n) else ""


def target(reading: Reading, n: NumberMention) -> bool:
    """Whether a figure is a goal set for a date: a word that sets a goal before it in its
    clause, and a deadline in the clause ("aims to build 10,000 homes by 2025"); "plans to cut
    3% of its staff", with no date to reach it by, still states the plan's size."""
    s = reading.sentence
    start, end = reading.clause_at(n.span.start)
    if not _TARGET.search(s.text, start - s.start, n.span.start - s.start):
        return False
    return any(start <= d.span.start < end and _DEADLINE.search(
        s.text, max(0, d.span.start - s.start - 20), d.span.start - s.start)
        for d in s.features.dates)


def forecast(reading: Reading, n: NumberMention) -> bool:
    """Whether a figure is what someone expected rather than what happened: an expectation verb
    before it in its clause takes it (or the list it is in) as its object, with no other verb
    or clause between ("predicted the storm that killed 12" forecasts no figure)."""
    return forecast_at(reading, n.span.start)


def forecast_at(reading: Reading, at: int) -> bool:
    """Whether what stands at document offset `at` is the object of an expectation (see
    `forecast`): "had anticipated that the jobless rate would drop"."""
    s = reading.sentence
    start, _ = reading.clause_at(at)
    found = list(_FORECAST.finditer(s.text, start - s.start, at - s.start))
    if not found:
        return False
    m = found[-1]  # the expectation verb nearest the figure
    between = reading.words_between(s.start + m.end(), at)
    lows = [w.text.lower() for w in between]
    expected_clause = "that" in lows and not {"would", "will", "could"}.isdisjoint(lows)
    return not any((low == "that" and not expected_clause) or low in ("who", "which")
                   or reading.past(w) or (low.endswith("ing") and w.content)
                   for w, low in zip(between, lows))  # "had anticipated that the economy
    # would add 1 million jobs" forecasts the figure


def forecast_against_result(p: PairView, xs: list[NumberMention],
                             ys: list[NumberMention]) -> bool:
    """One side's figures are all a forecast or a target, the other's none: the expectation and
    the outcome are two quantities ("had expected 5.1%" / "fell to 4.8%")."""
    fx = [bool(expectation(p.a, x)) for x in xs]
    fy = [bool(expectation(p.b, y)) for y in ys]
    return (all(fx) and not any(fy)) or (all(fy) and not any(fx))
