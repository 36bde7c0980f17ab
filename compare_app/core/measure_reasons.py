"""Why two linked sentences' figures are two measures rather than a conflict.

A forecast is not the outcome, two budget lines are not one sum, a change is not a level, and a
side whose figure counts something the other side's does not ("killed seven people" / "injured
23 people") states another fact on the same subject. Such a pair is `related`, with a `measure`
reason that quotes each side's figure with the words that say what it measures.
"""

from __future__ import annotations

import re

from .direction_reasons import forecast_of_change
from .figure_scope import capacity_side
from .forecasts import FORECAST, OUTCOME, expectation, forecast_against_result
from .measures import (
    average_measure,
    change_against_level,
    change_or_level,
    counts_of_other_things,
    described_apart,
    far_apart,
    measure,
    orders_apart,
    other_qualifiers,
    qualified_measure,
    shares_of_other_things,
    spent_on_other_things,
)
from .models import NumberMention, Reason, ReasonKind, Span
from .pair_view import PairView, quote
from .quantities import compatible, spans_of_time
from .reading import Reading
from .slot_reasons import EVENT_KEYS, MAX_FIGURES, counts, head_span
from .time_spans import timed_apart


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
            return [measure(p, x, y, expectation(p.a, xs[0]) or OUTCOME,
                            expectation(p.b, ys[0]) or OUTCOME)]
        found = average_measure(p, x, y)
        if found is not None:
            return [found]
        for apart, one, other in (
                (spent_on_other_things, "a sum for one purpose", "a sum for another"),
                (described_apart, "a sum for one thing", "a sum for another"),
                (shares_of_other_things, "a percentage of one thing", "a percentage of another")):
            if apart(p, xs, ys):
                return [measure(p, x, y, one, other)]
        timed = timed_apart(p, xs, ys)
        if timed is not None:
            return [measure(p, x, y, *timed)]
        held = capacity_side(p, xs, ys)
        if held:
            what = ("what a place can hold", "how many there are")
            return [measure(p, x, y, *(what if held == "a" else what[::-1]))]
        if change_against_level(p, xs, ys):
            moved = ("how much it moved", "where it stands")
            a_moved = "change" in {change_or_level(p.a, n) for n in xs}
            return [measure(p, x, y, *(moved if a_moved else moved[::-1]))]
        rated = _rate_side(p, xs, ys)
        if rated:
            what = ("a rate", "a count")
            x, y = (_with_rate(p.a, x), y) if rated == "a" else (x, _with_rate(p.b, y))
            return [measure(p, x, y, *(what if rated == "a" else what[::-1]))]
        if orders_apart(p, xs, ys):
            return [far_apart(p, x, y)]
        if counts_of_other_things(p, xs, ys):
            return [measure(p, x, y, "a figure of one thing", "a figure of another")]
        qualifiers = other_qualifiers(p)
        if qualifiers is not None:
            return [measure(p, x, y, f"the figure for {quote(qualifiers[0])}",
                            f"the figure for {quote(qualifiers[1])}")]
    found = qualified_measure(p)
    return [found] if found else []


_RATE_REACH = 4  # words from a figure to the "per" that makes it a rate ("55.8 births per 1,000")


def _rate_side(p: PairView, xs: list[NumberMention], ys: list[NumberMention]) -> str:
    """The side ("a" or "b") whose figures are rates ("55.8 births per 1,000 women", "three
    deaths for every 100 cases") when the other side's are plain counts ("3,605,201 births");
    "" otherwise (and for sums of money and units of their own, such as speeds): a rate and a
    count are two measures."""
    if any(n.unit == "money" or "/" in (n.unit or "") for n in xs + ys):
        return ""  # a price is a rate however written ("an average gallon costing $3.04"), and
        # a speed's "per" is its unit ("100 miles per hour" / "180 km/h")
    a_rate = any(_is_rate(p.a, x) for x in xs)
    b_rate = any(_is_rate(p.b, y) for y in ys)
    return "" if a_rate == b_rate else ("a" if a_rate else "b")


def _is_rate(reading: Reading, n: NumberMention) -> bool:
    """"… per 1,000 women", "… for every 100 cases"."""
    _, end = reading.clause_at(n.span.start)
    after = [w.text.lower() for w in reading.words_between(n.span.end, end, first=_RATE_REACH)]
    return "per" in after or any(a == "for" and b == "every" for a, b in zip(after, after[1:]))


def _with_rate(reading: Reading, head: Span) -> Span:
    """A rate's quote through what it is per ("55.8 births per 1,000 women")."""
    _, end = reading.clause_at(head.start)
    after = reading.words_between(head.end, end, first=_RATE_REACH + 3)
    for k, w in enumerate(after[:_RATE_REACH]):
        if w.text.lower() in ("per", "every"):
            last = next((v for v in after[k + 1:] if v.content and v.key[:1] != "="), None)
            if last is not None:
                s = reading.sentence
                return Span(head.start, last.end, s.text[head.start - s.start:last.end - s.start])
    return head


def forecast_of_change_reasons(p: PairView) -> list[Reason]:
    """A change one side only forecasts, the other reports the other way ("had anticipated that
    the jobless rate would drop" / "the jobless rate rose"): the forecast and the outcome."""
    found = forecast_of_change(p)
    if found is None:
        return []
    x, y, forecast_a = found
    return [measure(p, x, y, FORECAST if forecast_a else OUTCOME,
                    OUTCOME if forecast_a else FORECAST)]


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
    people" / "injured 23 people"), so the figures are what each side says. The source a side
    credits ("…, the port authority said") is no part of the claim."""
    words = reading.words
    credits = [c.span for c in reading.sentence.features.attribution]
    near: set[int] = set()
    for n in reading.sentence.features.numbers[:MAX_FIGURES]:
        at = reading.positions(n.span.start, n.span.end)
        if at:
            near.update(range(at[0] - _NEAR_FIGURE, at[-1] + _NEAR_FIGURE + 1))
    return all(k in near for k, w in enumerate(words)
               if w.content and w.key not in other and w.key[:1] not in "=#"
               and not any(c.start <= w.start < c.end for c in credits))


_HAVE_OR_BE = frozenset("has had have is was are were".split())  # "had 410,000 unemployed"


def _led_span(reading: Reading, n: NumberMention) -> Span:
    """The figure with its noun and the nearest verb or content word of its clause up to two
    words before it, or the verb after a figure that opens its clause, which says what it
    measures: “killed seven people”, “stood at 6.2 percent”, “Twelve people died”."""
    head = head_span(reading, n)
    start, _ = reading.clause_at(n.span.start)
    lead = reading.words_between(start, n.span.start, last=2)
    s = reading.sentence
    for w in reversed(lead):
        lead_word = w.content or w.text.lower() in _HAVE_OR_BE
        if lead_word and w.key[:1] not in "=@#" and not re.search(
                r"[^\w\s'’-]", s.text[w.end - s.start:n.span.start - s.start]):
            return Span(w.start, head.end, s.text[w.start - s.start:head.end - s.start])
    if not lead:  # a figure opening its clause: the verb after it ("Twelve people died")
        after = reading.words_between(head.end, s.end, first=2)
        verb = next((w for w in after if w.content), None)
        if verb is not None and not re.search(r"[^\w\s'’-]", s.text[head.end - s.start:
                                                                    verb.start - s.start]):
            return Span(head.start, verb.end, s.text[head.start - s.start:verb.end - s.start])
    return head


_MONTHS = frozenset("""january february march april may june july august september october
november december""".split())
# Relative dates that name a period rather than a day ("this year" / "last year").
_PERIODS = re.compile(r"(?:this|last|next|the\s+past|the\s+coming)\s+(?:year|month|week|decade|"
                      r"spring|summer|autumn|fall|winter)$")


_QUARTER = re.compile(r"\b(first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter\b",
                      re.IGNORECASE)
_OF_A_PERIOD = frozenset({ReasonKind.NUMBER, ReasonKind.DATE, ReasonKind.DIRECTION})


def figures_of_other_periods(p: PairView, reasons: list[Reason]) -> list[Reason]:
    """Figures that differ for periods that differ ("4.2 percent in 2023" / "6.8 percent in
    2022", "42 murders this year" / "57 murders last year", a rise from February / from March
    2020): each side measures another period, which is two facts, not a conflict. Only whole
    periods count: a year, a month, "last year"; figures on two days may be one event told
    with two details wrong. Changes that go other ways in different periods ("edged up in
    May" / "edged down in June") are two facts too."""
    figures = next((r for r in reasons if r.kind is ReasonKind.NUMBER), None) or next(
        (r for r in reasons if r.kind is ReasonKind.DIRECTION), None)
    if figures is None or any(r.kind not in _OF_A_PERIOD for r in reasons):
        return []
    periods = [_period(reading) for reading in (p.a, p.b)]
    if periods[0] is None or periods[1] is None or periods[0][1] == periods[1][1] or (
            _relative(periods[0][1]) != _relative(periods[1][1])):
        return []  # one period, or "this year" against a year: maybe one period in two words
    (span_a, _), (span_b, _) = periods
    if not (_of_the_figure(p.a, span_a, figures.a) and _of_the_figure(p.b, span_b, figures.b)):
        return []
    name_a, name_b = p.names
    what = "figures" if figures.kind is ReasonKind.NUMBER else "changes"
    return [Reason(ReasonKind.MEASURE, figures.a, figures.b,
                   f"Two measures, not a conflict: {what} for different periods ({name_a}'s "
                   f"{quote(figures.a)} is for {quote(span_a)}, {name_b}'s "
                   f"{quote(figures.b)} for {quote(span_b)}).")]


def _relative(key: object) -> bool:
    """Whether a period key is a relative one ("this year") rather than a calendar one."""
    return isinstance(key, tuple) and bool(key[2])


_BASELINE = re.compile(r"\b(?:from|since|than)\s+(?:[\w’']+\s+){0,3}$", re.IGNORECASE)


def _of_the_figure(reading: Reading, period: Span, figure: Span | None) -> bool:
    """Whether the period is the one the figure is for: in the figure's clause ("the bridge,
    opened in 1998, carries 40,000 cars" dates the opening), not a baseline ("from March's
    6%"), and the figure no count of what befell people at one event ("the storm killed 12
    people in 2023" dates the storm)."""
    if figure is None or reading.clause_at(period.start) != reading.clause_at(figure.start):
        return False
    s = reading.sentence
    if _BASELINE.search(s.text, max(0, period.start - s.start - 30), period.start - s.start):
        return False  # "would drop from March's 6%": what it is measured against
    start, end = reading.clause_at(figure.start)
    return not any(w.key in EVENT_KEYS for w in reading.words_between(start, end))


def _period(reading: Reading) -> tuple[Span, object] | None:
    """The one period a side's figures are for, as a span and a comparable key; None when the
    side names no period, several, or a day."""
    dates = reading.sentence.features.dates
    quarters = {m.group(1).lower()[:1] for m in _QUARTER.finditer(reading.sentence.text)}
    if quarters:  # "in the first quarter" / "in the second quarter"
        if len(quarters) != 1 or dates:
            return None
        m = _QUARTER.search(reading.sentence.text)
        base = reading.sentence.start
        return Span(base + m.start(), base + m.end(), m.group()), "q" + quarters.pop()
    if not dates:  # a month on its own ("in May") is a word, not a dated mention
        months = [w for w in reading.words if w.key[1:] in _MONTHS and w.key[:1] == "@"]
        if len({w.key for w in months}) != 1 or any(
                w.key[:1] == "@" and w.key[1:] not in _MONTHS for w in reading.words):
            return None
        return Span(months[0].start, months[0].end, months[0].text), months[0].key
    keys = {(d.year, d.month, d.relative) for d in dates}
    if len(keys) != 1 or any(d.day is not None for d in dates):
        return None
    d = dates[0]
    if d.relative and not _PERIODS.fullmatch(d.relative):
        return None  # "recently", "today"
    return d.span, (d.year, d.month, d.relative)
