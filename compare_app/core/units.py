"""What a figure counts, and units written in another size, read in one base unit.

"Nearly a decade" meets "seven years", "1.5 kilometres" meets "1,500 metres", "a 50-mile
stretch" meets "an 80-kilometre section", and "three years, four months" is one span of 40
months. The words around a unit say which measure it is: a
length, a sea length ("nautical miles"), an area ("square miles"), a volume or a speed ("miles
per hour"); each is compared only with its own kind.
"""

from __future__ import annotations

import re
from dataclasses import replace

from .cue_reach import DETERMINERS
from .models import NumberMention, Span
from .normalize import canonical

_UNIT_STOP = frozenset("""to and in on at by for from of the a an than based were was are is had has
have been be will would could may might said says with after before during as or but that which
who per while into over under about since near across along around outside inside toward
towards through against among between within without beyond behind off onto up down out ago
this that these those last next each every more less than then there here when where""".split())


def unit_after(text: str, pos: int) -> str:
    """The head noun of the phrase after a number: "800 additional ferry terminals" → terminal,
    "400 Texas residents" → resident, "1 million jobs economists expected" → job."""
    rest = text[pos:pos + 200]  # the phrase right after the figure, never the whole text
    if re.match(r"\s*(?:%|per\s*cent|percent)\b", rest, re.IGNORECASE) or rest.startswith("%"):
        return "percent"
    rest = re.sub(r"^\s*of\s+(?:the\s+|these\s+|those\s+|its\s+|their\s+)?", " ", rest)
    words: list[str] = []
    stop = ""
    for m in re.finditer(r"\s*([A-Za-z][\w-]*)|\s*(\S)", rest[:80]):
        word = m.group(1)
        if word is None or word.lower() in _UNIT_STOP or len(words) == 3 or (
                words and word.lower().endswith("ed")):
            stop = (word or "").lower()
            break
        words.append(word)
    if not words:
        return ""
    plural = [w for w in words if w.endswith("s") and not w.endswith(("ss", "us", "is"))
              and w[:1].islower() and w.lower() not in _NOT_PLURAL]
    if plural and plural[-1] == words[-1] and (stop in DETERMINERS or (
            len(plural) > 1 and (stop.endswith("ed") or stop in _VERBS_AFTER))):
        plural.pop()  # "39 years follows a …" (a verb), "jobs economists expected" (a clause)
    return canonical(plural[-1] if plural else words[-1])


# Words in -s that are no plural of the thing counted ("20 news outlets", "4 sports teams").
_NOT_PLURAL = frozenset("news series species sports arms means politics economics".split())
_VERBS_AFTER = frozenset("had have has were was are is will would could may might said say says"
                         .split())


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
    elif factor == 10 and stated > 1 and stated == int(stated):
        step = factor / 2  # "four decades" is rounded: 39 years is that, 37 is not (nor are
        #                    "1.5 decades", or centuries)
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


# A figure that names rather than counts, after a label: a bill ("H.R. 8", "S. 1"), a part of a
# law or a text ("Section 230", "Title 42", "Article 5"), a ballot measure ("Proposition 22"),
# a route or a flight ("Interstate 95", "Flight 370"), a class ("Category 4", "Phase 3").
_LABELS = {"section": "section", "title": "title", "article": "article", "chapter": "chapter",
           "clause": "clause", "proposition": "proposition", "prop.": "proposition",
           "amendment": "amendment", "flight": "flight", "route": "route",
           "highway": "highway", "interstate": "highway", "category": "category",
           "cat": "category", "phase": "phase"}
_LABEL_BEFORE = re.compile(r"(?:(?<![.\w])(?P<bill>H\.\s?R|S|H\.\s?J\.\s?Res|S\.\s?Res)\.|"
                           r"\b(?P<label>(?i:" + "|".join(re.escape(k) for k in _LABELS)
                           + r")))\s*$")


def label_unit(text: str, start: int) -> tuple[str, int] | None:
    """The unit of a figure that a label names ("id:section" for "Section 230"), compared only
    with figures the same label names, and where the label starts; None for a figure that
    counts."""
    m = _LABEL_BEFORE.search(text, max(0, start - 14), start)
    if m is None or not text[m.start()].isupper():
        return None  # a label is written as a name: "Title 42", not "won the title 14 times"
    return "id:" + ("bill" if m.group("bill") else _LABELS[m.group("label").lower()]), m.start()
