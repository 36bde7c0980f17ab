"""Units of one measure written in another size, read in one base unit.

"Nearly a decade" meets "seven years", "1.5 kilometres" meets "1,500 metres", "a 50-mile
stretch" meets "an 80-kilometre section", and "three years, four months" is one span of 40
months. The words around a unit say which measure it is: a
length, a sea length ("nautical miles"), an area ("square miles"), a volume or a speed ("miles
per hour"); each is compared only with its own kind.
"""

from __future__ import annotations

import re
from dataclasses import replace

from .models import NumberMention, Span
from .normalize import canonical

# Each unit's base unit and size in it (read by its stem, so one spelling covers the plural).
# Spans of days, weeks and hours stay in their own units: "11 days of fighting" and "less than
# two weeks after the barrage" are seldom one span (see `quantities.spans_of_time`).
IN_BASE_UNITS = {canonical(w): (base, n) for base, sizes in (
    ("year", (("decade", 10), ("century", 100))),
    ("metr", (("kilometre", 1000), ("kilometer", 1000), ("km", 1000), ("meter", 1),
              ("centimetre", 0.01), ("centimeter", 0.01), ("cm", 0.01),
              ("millimetre", 0.001), ("millimeter", 0.001), ("mm", 0.001),
              ("mile", 1609.344), ("foot", 0.3048), ("feet", 0.3048), ("yard", 0.9144))),
    ("kilogram", (("kg", 1), ("tonne", 1000), ("gram", 0.001)))) for w, n in sizes}

# A length unit that measures something else: an area, a sea mile, a volume or a speed.
_OTHER_MEASURE = re.compile(r"\s*(?:-\s*)?(?:(?P<area>square|sq\.?)|(?P<sea>nautical)|"
                            r"(?P<volume>cubic))\b|(?P<rate>\s*[\w-]+\s+(?:per|an|a)\s+hour\b"
                            r"|\s*[\w-]+/h\b)", re.IGNORECASE)
_NAUTICAL_MILE = 1852.0
_IMPERIAL = frozenset(canonical(w) for w in "mile foot feet yard".split())


def in_base_unit(unit: str, values: tuple[float, float, float, float], text: str, at: int
                 ) -> tuple[str, float, float, float, float]:
    """A figure's unit, stated value, range ends and step in the base unit of its measure (the
    words from `at` in `text` say which measure)."""
    base, factor = _base_and_size(unit, _OTHER_MEASURE.match(text, at))
    stated, low, high, step = values
    if base != "year":  # "300 grams" is 0.3 kg to the gram; "nearly a decade" is ten years to
        step *= factor  # the year, which "seven years" falls short of
    if unit in _IMPERIAL:
        step *= 2.0  # "100 miles per hour" / "160 km/h": a conversion is rounded too
    return base, stated * factor, low * factor, high * factor, step


def _base_and_size(unit: str, other: re.Match[str] | None) -> tuple[str, float]:
    """A unit's base unit and size in it, for the measure the words around it name: a length
    ("miles"), a sea length ("nautical miles"), an area ("square miles" in square metres), a
    volume, or a speed ("miles per hour" in metres an hour)."""
    base, factor = IN_BASE_UNITS[unit]
    if other is None or base == "year":
        return base, factor
    if other.group("sea"):
        return base, _NAUTICAL_MILE if unit == "mile" else factor
    if other.group("area"):
        return base + "²", factor ** 2
    if other.group("volume"):
        return base + "³", factor ** 3
    return base + "/h", factor


_YEARS_AND_MONTHS = re.compile(r"\s+years?(?:,|\s+and)\s+$", re.IGNORECASE)  # not ", and"


def joined_spans(found: list[NumberMention], text: str, offset: int) -> list[NumberMention]:
    """Years followed by months ("three years, four months", "two years and six months") as the
    one span in months they write."""
    out: list[NumberMention] = []
    for n in found:
        last = out[-1] if out else None
        if (last is not None and last.unit == "year" and n.unit == "month" and not (
                last.qualifier or last.ranged or last.vague or n.ranged or n.vague)
                and _YEARS_AND_MONTHS.match(text[last.span.end - offset:n.span.start - offset])):
            months = last.stated * 12 + n.stated
            start, end = last.span.start, n.span.end
            span = Span(start, end, text[start - offset:end - offset])
            out[-1] = replace(n, span=span, low=months, high=months, stated=months, step=1.0)
            continue
        out.append(n)
    return out
