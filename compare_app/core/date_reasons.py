"""Dates: different days, months or years in the same place of the claim.

A date the other side also gives is matched; a date that only tells when a source spoke ("the
White House said Friday"), a record's baseline ("the biggest jump since late March"), an
end ("extended until January 31") and when something takes effect ("his resignation, effective
Friday") are not the date of the claim's event. Weekdays and bare months
are compared where the word alignment puts them in the same place: reports written days apart
name other days for one event.
"""

from __future__ import annotations

import re

from .models import DateMention, Reason, ReasonKind, Span
from .normalize import REPORTING_VERBS
from .pair_view import PairView, both_say, earliest
from .reading import Reading, Word
from .slot_reasons import MAX_MENTIONS, narrowed_measure


def _date_words(reading: Reading) -> list[Word]:
    return [w for w in reading.words if w.key[:1] == "@"]


def date_reasons(p: PairView) -> list[Reason]:
    """Different days, months or years in the same place of the claim."""
    found = []
    da, db = p.a.sentence.features.dates[:MAX_MENTIONS], p.b.sentence.features.dates[:MAX_MENTIONS]
    if da and {(d.year, d.month, d.day) for d in da} == {(d.year, d.month, d.day) for d in db}:
        return []  # both give the same dates ("June 11-13 … June 14"), whatever their order
    lone_a = [x for x in da if not any(_same_day(x, y) for y in db)
              and not _credit_date(p.a, x.span)]
    lone_b = [y for y in db if not any(_same_day(x, y) for x in da)
              and not _credit_date(p.b, y.span)]
    for x in lone_a:  # a date the other side also gives is matched; a reporting date is credit
        for y in lone_b:
            if not _same_role(p, x.span, y.span):
                continue  # "the biggest jump since late March" dates a comparison, not the event
            if x.year and y.year and x.month and y.month and (x.year, x.month) != (y.year, y.month):
                if x.year != y.year or p.aligned(x.span, y.span) or _single_dates(p):
                    found.append(_date_reason(p, x.span, y.span))
            elif x.day and y.day and x.month == y.month and x.day != y.day:
                found.append(_date_reason(p, x.span, y.span))
            elif x.day and y.day and x.month and y.month and x.month != y.month and (
                    p.aligned(x.span, y.span)):
                found.append(_date_reason(p, x.span, y.span))  # "Jan. 6" / "Feb. 6" in the
                # same place (not "expired on July 31" / "would last until Oct. 3")
            elif x.relative == y.relative == "decade" and x.year != y.year and (
                    p.aligned(x.span, y.span) or _single_dates(p)):
                found.append(_date_reason(p, x.span, y.span))  # "the 1890s" / "the 1920s"
            elif x.year and y.year and x.year != y.year and not (x.month or y.month) and (
                    _in_year(p.a, x.span) and _in_year(p.b, y.span) and p.aligned(x.span, y.span)
                    and not {d.year for d in da} & {d.year for d in db}):
                found.append(_date_reason(p, x.span, y.span))  # "in 1998" / "in 1989"
    if not found and not any(_same_day(x, y) for x in da for y in db):  # (compared above)
        for x in _date_words(p.a)[:MAX_MENTIONS]:
            for y in _date_words(p.b)[:MAX_MENTIONS]:
                sx, sy = Span(x.start, x.end, x.text), Span(y.start, y.end, y.text)
                if _date_kind(x.key) == _date_kind(y.key) and x.key != y.key \
                        and y.key not in p.a.keys and x.key not in p.b.keys and p.aligned(sx, sy) \
                        and not (_credit_date(p.a, sx) or _credit_date(p.b, sy)) \
                        and _same_role(p, sx, sy) and not _overnight(p, x, y):
                    found.append(_date_reason(p, sx, sy))
    return earliest(p, found)


_SINCE = re.compile(r"\bsince\s+(?:(?:late|early|mid|the\s+end\s+of|the\s+start\s+of)\s+)?$",
                    re.IGNORECASE)


_IN_YEAR = re.compile(r"(?<!\bthan )\bin\s+(?:(?:early|late|mid)[\s-]+)?$", re.IGNORECASE)


def _in_year(reading: Reading, span: Span) -> bool:
    """Whether a bare year dates the claim ("signed in 1998"), not names an event ("the 2016
    campaign", "the landmark 1973 ruling") or a baseline ("from 2005 levels", "than in 2019")."""
    return bool(_IN_YEAR.search(reading.text_before(span.start, 20)))


def _since(reading: Reading, span: Span) -> bool:
    """Whether a date is what a record or a span is counted from ("since late March")."""
    return bool(_SINCE.search(reading.text_before(span.start, 30)))


_UNTIL = re.compile(r"\b(?:until|till|through|by|to|effective|starting|beginning|as\s+of)\s+"
                    r"(?:(?:late|early|mid|the\s+end\s+of|on)\s+)?$", re.IGNORECASE)


_WEEK = "monday tuesday wednesday thursday friday saturday sunday".split()
_LATE_BEFORE = re.compile(r"\b(?:late|overnight)\s+(?:on\s+)?$", re.IGNORECASE)
_EARLY_BEFORE = re.compile(r"\b(?:early|overnight)\s+(?:on\s+)?$", re.IGNORECASE)
_LATE_AFTER = re.compile(r"\s+(?:night|evening|overnight)\b", re.IGNORECASE)
_EARLY_AFTER = re.compile(r"\s+(?:morning|overnight)\b", re.IGNORECASE)


def _overnight(p: PairView, x: Word, y: Word) -> bool:
    """Whether two weekdays a day apart may be one night told from two clocks or time zones:
    the earlier day is named by its end or the later one by its start, and not both by the
    same part of the day ("early Friday" local / "on Thursday" in Washington, "late Tuesday" /
    "Wednesday"; "Friday evening" / "Saturday evening" are two evenings)."""
    if x.key[1:] not in _WEEK or y.key[1:] not in _WEEK:
        return False
    apart = (_WEEK.index(y.key[1:]) - _WEEK.index(x.key[1:])) % 7
    if apart not in (1, 6):
        return False
    (r1, w1), (r2, w2) = ((p.a, x), (p.b, y)) if apart == 1 else ((p.b, y), (p.a, x))
    late = [bool(_LATE_BEFORE.search(r.text_before(w.start, 12))
                 or _LATE_AFTER.match(r.sentence.text, w.end - r.sentence.start))
            for r, w in ((r1, w1), (r2, w2))]
    early = [bool(_EARLY_BEFORE.search(r.text_before(w.start, 12))
                  or _EARLY_AFTER.match(r.sentence.text, w.end - r.sentence.start))
             for r, w in ((r1, w1), (r2, w2))]
    return (late[0] and not late[1]) or (early[1] and not early[0])


def _same_role(p: PairView, x: Span, y: Span) -> bool:
    """Whether two dates date the same kind of thing: not a record's baseline ("the biggest
    jump since late March") nor an end ("extended until January 31") against the date of an
    event (two baselines of one record are compared: "the largest rise since June 2008" /
    "since August 2008"; not of two measures, "excluding food and energy", each with its own
    record)."""
    since = _since(p.a, x)
    if since and _since(p.b, y) and narrowed_measure(p):
        return False
    until_a = bool(_UNTIL.search(p.a.text_before(x.start, 25)))
    return since == _since(p.b, y) and until_a == bool(
        _UNTIL.search(p.b.text_before(y.start, 25))) and _label(p.a, x) == _label(p.b, y)


_LABEL_BEFORE = re.compile(r"\b(?:the|a|an|its|their|this|last|next)\s+$", re.IGNORECASE)
_LABEL_AFTER = re.compile(r"[\s-]+[a-z]{3,}\b(?<!\bto)(?<!\band)(?<!\bwhen)")


def _label(reading: Reading, span: Span) -> bool:
    """Whether a date only names an event by its day ("ahead of the Jan. 6 attack", "the
    2020 census"): it dates no act of the claim, so it meets only another such name."""
    s = reading.sentence
    return bool(_LABEL_BEFORE.search(reading.text_before(span.start, 12))
                and _LABEL_AFTER.match(s.text, span.end - s.start))


def _same_day(x: DateMention, y: DateMention) -> bool:
    """One date written twice ("Jan. 6" / "January 6, 2021"): no part of them differs."""
    return all(u is None or v is None or u == v for u, v in (
        (x.year, y.year), (x.month, y.month), (x.day, y.day))) and (
        (x.month, x.day) == (y.month, y.day) or x.year == y.year and x.year is not None)


_SPEECH = sorted(REPORTING_VERBS | {"suggested", "declared", "tweeted", "testified"})
_SAID_ON = re.compile(r"\b(?:" + "|".join(_SPEECH) + r")\s+(?:on\s+)?$", re.IGNORECASE)
_THEN_SAID = re.compile(r"\s+(?:" + "|".join(_SPEECH) + r")\b", re.IGNORECASE)


def _credit_date(reading: Reading, span: Span) -> bool:
    """Whether a date only tells when a source spoke ("the White House said Friday", "Trump
    suggested Wednesday that …", "Trump on Friday said that …")."""
    s = reading.sentence
    return bool(_SAID_ON.search(reading.text_before(span.start, 25))
                or _THEN_SAID.match(s.text, span.end - s.start))


def _single_dates(p: PairView) -> bool:
    return len(p.a.sentence.features.dates) == 1 and len(p.b.sentence.features.dates) == 1


def _date_kind(key: str) -> str:
    word = key[1:]
    if word.isdigit():
        return "year"
    return "weekday" if word.endswith("day") else "month"


def _date_reason(p: PairView, x: Span, y: Span) -> Reason:
    return Reason(ReasonKind.DATE, x, y, both_say(p, "Different dates", x, y))
