"""Why two linked sentences' figures are two measures rather than a conflict.

A forecast is not the outcome, two budget lines are not one sum, a change is not a level, and a
side whose figure counts something the other side's does not ("killed seven people" / "injured
23 people") states another fact on the same subject. Such a pair is `related`, with a `measure`
reason that quotes each side's figure with the words that say what it measures.
"""

from __future__ import annotations

import re

from .measures import (
    FORECAST,
    OUTCOME,
    average_measure,
    change_against_level,
    change_or_level,
    counts_of_other_things,
    described_apart,
    far_apart,
    forecast,
    forecast_against_result,
    measure,
    orders_apart,
    qualified_measure,
    shares_of_other_things,
    spent_on_other_things,
    timed_from_other_events,
)
from .models import NumberMention, Reason, Span
from .pair_view import PairView
from .quantities import compatible, spans_of_time
from .reading import Reading
from .slot_reasons import MAX_FIGURES, counts, head_span


def measure_reasons(p: PairView) -> list[Reason]:
    """Why the two sides' figures are two measures, when they are: a forecast against the outcome
    ("had expected 5.1%" / "fell to 4.8%"), two budget lines ("$400 million to expand care" /
    "$290 million … to repave roads"), sums described as other things ("a $1 trillion
    infrastructure bill" / "a $3.5 trillion social spending bill"), percentages of other things,
    conflicting figures of which one side's is an average over several periods ("an average of
    2% per year" / "4% last year"), spans of time from other events, a change against a level
    ("grew $205 billion" / "stands at $984 billion"), figures more than ten times apart in other
    words, figures with nothing in common around them, or figures qualified next to them as
    other measures ("new claims" / "continuing claims", "from a month earlier" / "from a year
    earlier"), each side only one of them. Such a pair is related, not a conflict."""
    if not (p.a.sentence.features.numbers and p.b.sentence.features.numbers):
        return []
    for xs, ys in counts(p):
        x, y = head_span(p.a, xs[0]), head_span(p.b, ys[0])
        if any(compatible(a, b) for a in xs for b in ys):
            continue  # one figure given for two things is one
        if forecast_against_result(p, xs, ys):
            forecast_a = forecast(p.a, xs[0])
            return [measure(p, x, y, FORECAST if forecast_a else OUTCOME,
                            OUTCOME if forecast_a else FORECAST)]
        found = average_measure(p, x, y)
        if found is not None:
            return [found]
        for apart, one, other in (
                (spent_on_other_things, "a sum for one purpose", "a sum for another"),
                (described_apart, "a sum for one thing", "a sum for another"),
                (shares_of_other_things, "a percentage of one thing", "a percentage of another"),
                (timed_from_other_events, "a time from one event", "a time from another")):
            if apart(p, xs, ys):
                return [measure(p, x, y, one, other)]
        if change_against_level(p, xs, ys):
            moved = ("how much it moved", "where it stands")
            a_moved = "change" in {change_or_level(p.a, n) for n in xs}
            return [measure(p, x, y, *(moved if a_moved else moved[::-1]))]
        if orders_apart(p, xs, ys):
            return [far_apart(p, x, y)]
        if counts_of_other_things(p, xs, ys):
            return [measure(p, x, y, "a figure of one thing", "a figure of another")]
    found = qualified_measure(p)
    return [found] if found else []


def figures_of_other_things(p: PairView) -> list[Reason]:
    """Both sides give figures, no figure of one side is one the other gives, and no count is
    given by both: each side measures something the other does not ("killed seven people" /
    "injured 23 people", "stood at 6.2 percent" / "410,000 unemployed people"). Two facts on
    one subject are related, not an agreement."""
    xs, ys = p.a.sentence.features.numbers, p.b.sentence.features.numbers
    if not xs or not ys or counts(p):
        return []
    if any(compatible(x, y) or spans_of_time(x, y) is not None
           for x in xs[:MAX_FIGURES] for y in ys[:MAX_FIGURES]):
        return []  # one span of time in two units: the same length, or a conflict
    if not (_differs_only_near_figures(p.a, p.b.keys)
            and _differs_only_near_figures(p.b, p.a.keys)):
        return []  # a side says more than its figure: the figures are details of a shared claim
    acts_a = {w.key for w in p.a.words if w.key in p.shared and p.a.past(w)}
    if any(w.key in acts_a and p.b.past(w) for w in p.b.words):
        return []  # both report one act ("approved the budget"): each figure is a detail of it
    return [measure(p, _led_span(p.a, xs[0]), _led_span(p.b, ys[0]),
                    "a figure of one thing", "a figure of another")]


_NEAR_FIGURE = 4  # words either side of a figure that may say what it measures


def _differs_only_near_figures(reading: Reading, other: set[str]) -> bool:
    """Whether every content word of a sentence that the other lacks stands within a few words
    of one of its figures, where it says what the figure measures ("the blast killed seven
    people" / "injured 23 people"), so the figures are what each side says."""
    words = reading.words
    near: set[int] = set()
    for n in reading.sentence.features.numbers:
        at = [k for k, w in enumerate(words) if n.span.start <= w.start < n.span.end]
        if at:
            near.update(range(at[0] - _NEAR_FIGURE, at[-1] + _NEAR_FIGURE + 1))
    return all(k in near for k, w in enumerate(words)
               if w.content and w.key not in other and w.key[:1] not in "=#")


_HAVE_OR_BE = frozenset("has had have is was are were".split())  # "had 410,000 unemployed"


def _led_span(reading: Reading, n: NumberMention) -> Span:
    """The figure with its noun and the nearest verb or content word of its clause up to two
    words before it, which says what it measures: “killed seven people”, “stood at 6.2
    percent”, “had 410,000 unemployed”."""
    head = head_span(reading, n)
    start, _ = reading.clause_at(n.span.start)
    lead = reading.words_between(start, n.span.start, last=2)
    s = reading.sentence
    for w in reversed(lead):
        lead_word = w.content or w.text.lower() in _HAVE_OR_BE
        if lead_word and w.key[:1] not in "=@#" and not re.search(
                r"[^\w\s'’-]", s.text[w.end - s.start:n.span.start - s.start]):
            return Span(w.start, head.end, s.text[w.start - s.start:head.end - s.start])
    return head
