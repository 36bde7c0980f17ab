"""Figures as reporters write them, and when two of them cannot describe the same count.

"At least 42", "forty-two", "194K", "1.2 million", "tens of thousands", "hundreds", "between
1,500 and 12,000", "5.4%": each becomes a `NumberMention` with its stated figure, its range and
whether it is a vague magnitude. Two figures for the same quantity conflict when they state
different values, even if their open ranges overlap ("more than 180" against "at least 150"),
allowing for rounding ("47" against "46.7") and hedges ("roughly 700,000" against "720,000").
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Callable, Iterator
from dataclasses import replace
from functools import lru_cache

from . import tuning
from .models import NumberMention, Span
from .normalize import canonical
from .units import IN_BASE_UNITS, in_base_unit, joined_spans, label_unit, unit_after

UNIT_WORDS = {w: n for n, w in enumerate("""zero one two three four five six seven eight nine ten
eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen""".split())}
TENS_WORDS = {w: 10 * n for n, w in enumerate(
    "twenty thirty forty fifty sixty seventy eighty ninety".split(), start=2)}
SCALES = {"hundred": 100.0, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
          "k": 1e3, "m": 1e6, "bn": 1e9}
# Vague magnitudes: the range a reader takes them to cover.
VAGUE = {"dozens": (24, 99), "scores": (40, 99), "hundreds": (200, 999), "thousands": (2e3, 9999),
         "tens of thousands": (2e4, 99_999), "hundreds of thousands": (2e5, 999_999),
         "millions": (2e6, 9.99e8), "tens of millions": (2e7, 99_999_999),
         "several": (3, 9), "a few": (2, 5), "a couple": (2, 3), "a handful": (3, 7)}
LOWER_BOUND = ("at least", "more than", "over", "just over", "upwards of", "in excess of",
               "no fewer than", "surpass", "exceeding", "above")
UPPER_BOUND = ("up to", "fewer than", "less than", "under", "as many as", "as much as", "at most",
               "no more than", "below", "nearly", "almost", "just under")
APPROXIMATE = ("about", "around", "approximately", "roughly", "some", "an estimated", "estimated",
               "close to", "nearly", "almost", "as many as", "as much as", "more or less",
               "circa")
MONEY_NOUNS = frozenset("dollar euro pound yen yuan rouble ruble rupee franc".split())
_CURRENCY = re.compile(r"[$€£]")
# Verbs of a small move after which "up to" tells the level reached ("edged up to 3.2%").
_MOVED_UP = re.compile(r"\b(?:edged|ticked|inched|crept|moved|went|drifted)\s+$", re.IGNORECASE)
_WORD = "|".join(sorted(list(UNIT_WORDS) + list(TENS_WORDS), key=len, reverse=True))
_SCALE = r"(?:hundred|thousand|million|billion|trillion)"
_DIGITS = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
_FIGURE = (rf"(?:[$€£]\s?)?(?:{_DIGITS}(?:\s*(?:K|k|M|bn)\b|\s+{_SCALE}s?)*"
           rf"|(?:{_WORD})(?:[-\s](?:{_WORD}))?(?:\s+{_SCALE}s?)*"
           rf"|a\s+(?:dozen|hundred|thousand|million|billion)|an?(?=\s+(?:decade|century)\b))")
_VAGUE = r"(?:tens\s+of\s+(?:thousands|millions?)|hundreds\s+of\s+thousands|dozens|scores|" \
         r"hundreds|thousands|millions|several|a\s+few|a\s+couple|a\s+handful)"
_QUALIFIER = "|".join(sorted({q for q in LOWER_BOUND + UPPER_BOUND + APPROXIMATE}, key=len,
                             reverse=True))
NUMBER_RE = re.compile(
    rf"(?<![\w.$€£-])(?:(?P<qual>{_QUALIFIER})\s+)?(?:(?:between|from)\s+)?"
    rf"(?:(?P<vague>{_VAGUE})(?=\s+(?:of\s+)?[a-z])|(?P<low>{_FIGURE})"
    rf"(?:\s*(?:[-–—]to[-–—]|[-–—]|to|and)\s*(?P<high>{_FIGURE}))?)"
    rf"(?P<pct>\s*(?:%|percent\b|per\s+cent\b))?(?:-(?P<compound>[A-Za-z]{{3,}}))?"
    rf"(?![\w-]{{0,30}}\d)(?![.,]\d)(?!-\w)(?![A-Za-z])",
    re.IGNORECASE)
YEAR_RE = re.compile(r"^(1[5-9]\d\d|20\d\d)$")
_CLOCK = re.compile(r"^\s*(?:a\.?m\.?|p\.?m\.?|o’clock|o'clock|GMT|ET|EST|EDT|PT|local)\b|^:\d",
                    re.IGNORECASE)


@lru_cache(maxsize=4096)
def parse_figure(token: str) -> float | None:
    """The value of one written figure: "194,000", "194K", "1.2 million", "forty-two", "a dozen"."""
    t = " ".join(_CURRENCY.sub("", token.lower()).replace("-", " ").split())
    if not t:
        return None
    if t in ("a", "an"):
        return 1.0
    if t.startswith("a "):
        t = "one " + t[2:]
    t = re.sub(r"(\d)(k|m|bn)\b", r"\1 \2", t)
    value: float | None = None
    scale = 1.0
    for part in t.split():
        part = part.rstrip("s") if part.rstrip("s") in SCALES else part
        if part in SCALES:
            scale = SCALES[part] if value is None else scale * SCALES[part]
            if value is None:
                value = 1.0
            continue
        if part == "dozen":
            value = (value or 1.0) * 12
            continue
        if re.fullmatch(r"[\d,]+(?:\.\d+)?", part):
            value = float(part.replace(",", ""))
        elif part in UNIT_WORDS:
            value = (value or 0.0) + UNIT_WORDS[part]
        elif part in TENS_WORDS:
            value = (value or 0.0) + TENS_WORDS[part]
        else:
            return None
    return None if value is None else value * scale


def _factor(token: str, value: float) -> float:
    """How much the written digits are scaled ("1.2 million" → 1,000,000; "194K" → 1,000)."""
    digits = _MANTISSA.search(token)
    if not digits:
        return 1.0
    mantissa = float(digits.group().replace(",", ""))
    return value / mantissa if mantissa and value > mantissa else 1.0


_MANTISSA = re.compile(r"\d[\d,]*(?:\.\d+)?")


def _decimals(token: str) -> int:
    m = re.search(r"\.(\d+)", token)
    return len(m.group(1)) if m else 0


def within_spans(spans: list[tuple[int, int]]) -> Callable[[int], bool]:
    """Whether a position falls in one of `spans` ([start, end)), by bisection: a sentence of
    thousands of years was quadratic with a scan of every span for every figure."""
    ordered = sorted(spans)
    starts = [s for s, _ in ordered]
    reach = list(itertools.accumulate((e for _, e in ordered), max))  # furthest end so far

    def inside(position: int) -> bool:
        k = bisect.bisect_right(starts, position) - 1
        return k >= 0 and reach[k] > position
    return inside


def _nowhere(position: int) -> bool:
    return False


# Figures that count nothing on their own: a ratio ("1 in 5 renters", "24/7", "3 out of 4") and
# a name ("the Group of Seven").
_SMALL = r"(?:\d|one|two|three|four|five|six|seven|eight|nine|ten)"
_RATIO_AFTER = re.compile(rf"\s*/\s*\d|\s+(?:in|out\s+of)\s+{_SMALL}\b", re.IGNORECASE)
_RATIO_BEFORE = re.compile(rf"(?:\d\s*/\s*|\b{_SMALL}\s+(?:in|out\s+of)\s+)$", re.IGNORECASE)
# A figure that names rather than counts: "Group of Seven", an identifier ("No. 20-315", "#5")
_NAMED_BY = re.compile(r"(?i:\bgroup\s+of\s+)$|\bNos?\.\s*$|#\s*$")
# A figure for each of several ("more than 1 million wasted doses each") counts per item.
_EACH = re.compile(r"[^.,;:]{0,40}?\b(?:each|apiece)\b(?!\s+(?:of\s+)?[a-z])",  # not "to each
                   re.IGNORECASE)  # household": the figure is still the one sum


# "One of its closest allies", "one of the largest banks": a member of a ranking, no count
_ONE_OF = re.compile(r"one\s+of\s+(?:the|its|his|her|their|our|my|your|these|those|\w+['’]s)\s+"
                     r"(?:\w\w+est|most|best|worst|least|top|leading|many|several)\b",
                     re.IGNORECASE)


def _counts_nothing(text: str, start: int, end: int) -> bool:
    before = text[max(0, start - 20):start]
    return bool(_RATIO_AFTER.match(text, end) or _RATIO_BEFORE.search(before)
                or _NAMED_BY.search(before) or _ONE_OF.match(text, start))


def _figures(text: str, inside: Callable[[int], bool]) -> Iterator[re.Match]:
    """Each figure's match; a year read as a range's start ("in 2016 to 7,314 in 2019") gives
    back the figure after it."""
    for m in NUMBER_RE.finditer(text):
        yield m
        if m.group("high") and inside(m.start("low")) and not inside(m.start("high")):
            again = NUMBER_RE.match(text, m.start("high"))
            if again:
                yield again


def find_numbers(text: str, offset: int, skip: list[tuple[int, int]]) -> list[NumberMention]:
    """Every figure of a sentence that is not part of a date, a clock time, a year, a ratio or
    a name. A vote tally ("54-35", "a 6-3 ruling") is one figure of its own kind, not a range."""
    out: list[NumberMention] = []
    inside = within_spans(skip) if skip else _nowhere
    for m in _figures(text, inside):
        start = m.start("vague") if m.group("vague") else m.start("low")
        if inside(start) or _CLOCK.match(text[m.end():]) or _counts_nothing(text, start, m.end()):
            continue
        qual = " ".join((m.group("qual") or "").lower().split())
        begin = m.start()
        if qual == "up to" and _MOVED_UP.search(text, max(0, begin - 12), begin):
            qual, begin = "", m.start("low")  # "edged up to 3.2%": a level reached, no ceiling
        if m.group("vague"):
            key = " ".join(m.group("vague").lower().split())
            if key.startswith("tens of") and not key.endswith("s"):
                key += "s"  # "tens of million of drivers"
            low, high = VAGUE[key]
            stated, vague, decimals, step = low, True, 0, 1.0
        else:
            raw_low = m.group("low")
            if m.group("high") is None and raw_low.isdigit() and YEAR_RE.match(raw_low):
                continue
            value = parse_figure(raw_low)
            if value is None:
                continue
            high_value = parse_figure(m.group("high")) if m.group("high") else None
            if high_value is not None and YEAR_RE.match(m.group("high") or ""):
                high_value = None
            factor_low = _factor(raw_low, value)
            if high_value is not None and factor_low == 1.0:
                factor_high = _factor(m.group("high"), high_value)
                if factor_high > 1.0 and value * factor_high <= high_value:
                    value *= factor_high  # "between 1.5 and 2 million", "5 to 10K"
            stated, vague, decimals = value, False, _decimals(raw_low)
            step = _factor(raw_low, value) * 10.0 ** -decimals
            low, high = value, high_value if high_value is not None else value
            tally = high_value is not None and high_value < value and not text[
                m.end("low"):m.start("high")].strip().isalpha()  # "54-35", not "5 to 3"
            if tally:
                high = value
        approx = bool(qual)
        if qual in LOWER_BOUND:
            high = float("inf")
        elif qual in ("up to", "fewer than", "less than", "under", "at most", "no more than",
                      "below", "just under"):
            low = 0.0
        if qual in APPROXIMATE and not vague:
            low, high = low * 0.85, high * 1.15
        low, high = min(low, high), max(low, high)
        named = None if m.group("vague") else label_unit(text, m.start("low"))
        if named:  # "the H.R. 8 bill" names a bill; "two bills" counts them
            unit, begin = named
        elif m.group("compound"):  # "a 15-storey building", "a 7.2-magnitude quake"
            unit = canonical(m.group("compound"))
        else:
            unit = "percent" if m.group("pct") else unit_after(text, m.end())
        if _CURRENCY.search(m.group()) or unit in MONEY_NOUNS:
            unit = "money"  # "$2.5 million in financing", "40 million euros"
        if not m.group("vague") and tally:
            unit = "tally"
        end = m.end()
        times = _TIMES_AS.match(text, end) if unit == "time" else None
        if times:  # "three times as many": a multiple, not three occasions
            unit, end = FOLD, times.end("times")
        if _EACH.match(text, m.end()):
            unit += "/each"
        if unit in IN_BASE_UNITS:  # "nearly a decade" against "seven years"
            unit, stated, low, high, step = in_base_unit(unit, (stated, low, high, step),
                                                         text, m.end())
        out.append(NumberMention(Span(offset + begin, offset + end, text[begin:end]),
                                 low, high,
                                 approx, unit, stated=stated, qualifier=qual, vague=vague,
                                 decimals=decimals, ranged=m.group("high") is not None
                                 and unit != "tally", step=step))
    return joined_spans(_with_multiples(_with_fractions(out, text, offset, inside), text, offset,
                                        inside), text, offset)


# A share written as a fraction of a group ("three-quarters of voters", "half of the staff"), as
# the percentage it is; not a span of time ("the first half of the year", "a quarter of a
# century", "half an hour").
_FRACTIONS = {"half": 50.0, "a third": 100 / 3, "one third": 100 / 3, "two thirds": 200 / 3,
              "a quarter": 25.0, "one quarter": 25.0, "three quarters": 75.0}
_FRACTION_RE = re.compile(
    r"(?<![\w-])(?<!first )(?<!second )(?<!the )(?<!a )(?P<f>half|(?:a|one)[ -]third|two[ -]thirds"
    r"|(?:a|one)[ -]quarter|three[ -]quarters)\s+of\s+(?!(?:a|an|the)\s+(?:century|decade|year|"
    r"month|week|day|hour|mile|point|percent)\b)(?!(?:century|decade|year|month|week|day|hour)s?\b)",
    re.IGNORECASE)


def _with_fractions(found: list[NumberMention], text: str, offset: int,
                    inside: Callable[[int], bool]) -> list[NumberMention]:
    """The figures found, and the fractions of a group among them in order of place."""
    extra = []
    for m in _FRACTION_RE.finditer(text):
        if inside(m.start()):
            continue
        value = _FRACTIONS[" ".join(m.group("f").lower().replace("-", " ").split())]
        extra.append(NumberMention(Span(offset + m.start(), offset + m.end("f"), m.group("f")),
                                   value * 0.9, value * 1.1, True, "percent", stated=value,
                                   qualifier="about", step=1.0))
    return sorted(found + extra, key=lambda n: n.span.start) if extra else found


# A multiple written as a verb or one word ("doubled", "tripled", "halved", "fivefold", "twice
# as many"), as the factor it is; "doubled down" / "doubled as a shelter" are idioms. A qualifier
# before it bounds it as it bounds a figure ("more than doubled", "nearly tripled").
FOLD = "fold"
_MULTIPLES = {"doubl": 2.0, "tripl": 3.0, "trebl": 3.0, "quadrupl": 4.0, "halv": 0.5,
              "twice": 2.0, **{w + "fold": float(v) for w, v in UNIT_WORDS.items() if v >= 2},
              **{w + "fold": float(v) for w, v in TENS_WORDS.items()}, "hundredfold": 100.0}
_MULTIPLE_VERBS = "|".join(k for k in _MULTIPLES if not k.endswith("fold") and k != "twice")
_MULTIPLE_RE = re.compile(
    rf"(?<![\w-])(?:(?P<qual>{_QUALIFIER})\s+)?(?:(?P<verb>{_MULTIPLE_VERBS})"
    r"(?:ed|ing)(?!\s+(?:down|up|as)\b)|(?P<word>\w+fold|twice(?=\s+as\b)))(?![\w-])",
    re.IGNORECASE)
_TIMES_AS = re.compile(r"\s+(?P<times>times)\s+(?:as|more|less|higher|larger|bigger|greater|"
                       r"faster|lower|smaller|over)\b", re.IGNORECASE)


def _with_multiples(found: list[NumberMention], text: str, offset: int,
                    inside: Callable[[int], bool]) -> list[NumberMention]:
    """The figures found, and the multiples among them in order of place."""
    extra = []
    for m in _MULTIPLE_RE.finditer(text):
        key = (m.group("verb") or m.group("word")).lower()
        value = _MULTIPLES.get(key)
        if value is None or inside(m.start()):
            continue
        qual = " ".join((m.group("qual") or "").lower().split())
        low, high = _qualified_multiple(value, qual)
        start = m.start("qual") if qual else m.start("verb") if m.group("verb") else m.start()
        extra.append(NumberMention(Span(offset + start, offset + m.end(), text[start:m.end()]),
                                   low, high, bool(qual), FOLD, stated=value, qualifier=qual,
                                   ranged=bool(qual), step=0.1))
    return sorted(found + extra, key=lambda n: n.span.start) if extra else found


def _qualified_multiple(value: float, qual: str) -> tuple[float, float]:
    """The factors a qualified multiple allows, its qualifier read on the change it makes:
    "more than doubled" is a rise of 100 percent or more, "nearly doubled" one of 85 to 100
    percent, "more than halved" a fall of more than half, "nearly halved" one of 42.5 to 50."""
    change = abs(value - 1.0)
    if qual in LOWER_BOUND:
        least, most = change, float("inf")
    elif qual in UPPER_BOUND:
        least, most = (0.85 * change if qual in APPROXIMATE else 0.0), change
    elif qual:
        least, most = 0.85 * change, 1.15 * change
    else:
        return value, value
    if value >= 1.0:
        return 1.0 + least, 1.0 + most
    return max(0.0, 1.0 - most), 1.0 - least


def percent_as_multiple(percent: NumberMention, up: bool) -> NumberMention:
    """A percentage change as the multiple it makes of the level: "rose 150 percent" is 2.5
    times, "fell 30 percent" 0.7 times."""
    sign = 1.0 if up else -1.0
    ends = sorted(max(0.0, 1.0 + sign * v / 100.0) for v in (percent.low, percent.high))
    return replace(percent, unit=FOLD, stated=1.0 + sign * percent.stated / 100.0,
                   low=ends[0], high=ends[1], step=percent.step / 100.0)


def _as_change(fold: NumberMention, percent: NumberMention) -> bool:
    """Whether a percentage is the change a multiple makes, either way: "doubled" / "rose 100
    percent", "halved" / "fell 50 percent"."""
    return compatible(fold, percent_as_multiple(percent, fold.stated >= 1.0))


def _equal_as_written(x: NumberMention, y: NumberMention) -> bool:
    """Equal to the precision of the coarser figure ("47" / "46.7", "1.2 million" / "1.24
    million", or cut short: "138 million" / "138.7 million"), or within the tolerance of a hedge
    ("about", "roughly")."""
    if abs(x.stated - y.stated) <= 0.5 * max(x.step, y.step) + 1e-9 * max(x.stated, y.stated):
        return True
    coarse, fine = (x, y) if x.step >= y.step else (y, x)
    if coarse.step > fine.step and coarse.stated <= fine.stated < coarse.stated + coarse.step:
        return True  # cut short rather than rounded: "$138 million" for "$138.7 million"
    hedged = any(q in APPROXIMATE for q in (x.qualifier, y.qualifier) if q)
    return hedged and abs(x.stated - y.stated) <= tuning.APPROX_TOLERANCE * max(x.stated, y.stated)


def _rounding(n: NumberMention) -> float:
    """The unit a figure is rounded to as written: its step, or the place of its last non-zero
    digit ("212,000" is rounded to the thousand)."""
    step, value = n.step, abs(n.stated)
    while value >= step * 10 and value % (step * 10) == 0:
        step *= 10
    return step


def _rounded_bound(bound: NumberMention, exact: NumberMention) -> bool:
    """An exact figure that a rounded bound on the other side writes down: "over 212,000" for
    212,672, "nearly 6,000" for 5,960, "more than 10 days" for 11, "more than 1,400" for "at
    least 1,419" (a toll counted to the last one), "below 50 percent" for 47% (within half the
    bound's rounding and a tenth of it); not "more than 180" for 250, and not "at
    least eight" for "at least nine"."""
    step = _rounding(bound)
    counted = exact.qualifier == "at least" and _rounding(exact) < step
    if (exact.qualifier and not counted) or exact.vague or exact.ranged or bound.vague or (
            bound.ranged) or abs(exact.stated - bound.stated) > max(
            tuning.APPROX_TOLERANCE * abs(bound.stated), exact.step,
            min(step / 2, abs(bound.stated) / 10)):
        return False  # "nearly a decade" is no rounding of seven years
    if bound.qualifier in ("more than", "over", "just over", "upwards of", "in excess of",
                           "at least"):
        return bound.stated <= exact.stated < bound.stated + step
    if bound.qualifier in ("nearly", "almost", "just under"):
        return bound.stated - step < exact.stated <= bound.stated
    if bound.qualifier in ("fewer than", "less than", "under", "below"):
        return bound.stated - step < exact.stated < bound.stated  # "below 50 percent" for 47%
    return False


_SPANS_OF_TIME = {canonical(w): (base, n) for w, base, n in (
    ("minute", "minute", 1), ("hour", "minute", 60), ("day", "minute", 1440),
    ("week", "minute", 10080), ("fortnight", "minute", 20160), ("month", "month", 1),
    ("year", "month", 12))}


def spans_of_time(x: NumberMention, y: NumberMention) -> bool | None:
    """For two spans of time written in other units of one measure ("two weeks" / "14 days",
    "about two hours" / "130 minutes", "36 hours" / "three days"): whether they can be the
    same length, as written. None for other figures."""
    bx, by = _SPANS_OF_TIME.get(x.unit), _SPANS_OF_TIME.get(y.unit)
    if bx is None or by is None or bx[0] != by[0] or bx[1] == by[1]:
        return None
    coarse, fine = (x, y) if bx[1] > by[1] else (y, x)
    ratio = max(bx[1], by[1]) / min(bx[1], by[1])  # the coarser figure in the finer unit, to
    # the finer unit's precision: "two weeks" is 14 days, not 12 rounded
    as_fine = replace(coarse, low=coarse.low * ratio, high=coarse.high * ratio,
                      stated=coarse.stated * ratio, step=fine.step, unit=fine.unit)
    return compatible(as_fine, fine)


_ABOVE = ("more than", "over", "just over", "upwards of", "in excess of", "at least")
_BELOW = ("nearly", "almost", "just under", "fewer than", "less than", "under", "below")


def _bracketing(above: NumberMention, below: NumberMention) -> bool:
    """A bound from below and one from above a rounding step apart: "more than five hours" and
    "nearly six hours" both say between five and six."""
    return (above.qualifier in _ABOVE and below.qualifier in _BELOW and not (
        above.vague or below.vague or above.ranged or below.ranged)
        and 0 < below.stated - above.stated <= min(max(_rounding(above), _rounding(below)),
                                                   below.stated / 4))


def compatible(x: NumberMention, y: NumberMention) -> bool:
    """Whether two figures can describe the same count as their writers stated it."""
    if {x.unit, y.unit} == {FOLD, "percent"}:
        return _as_change(*((x, y) if x.unit == FOLD else (y, x)))
    if _rounded_bound(x, y) or _rounded_bound(y, x) or _bracketing(x, y) or _bracketing(y, x):
        return True
    if x.vague and y.vague:
        return x.low <= y.high and y.low <= x.high and x.low * 10 > y.low and y.low * 10 > x.low
    if x.vague or y.vague:
        vague, exact = (x, y) if x.vague else (y, x)
        return vague.low * 0.85 <= exact.stated <= vague.high * 1.15
    if x.ranged or y.ranged:
        return x.low <= y.high and y.low <= x.high
    return _equal_as_written(x, y)
