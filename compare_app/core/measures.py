"""Two figures of one kind that measure different things, so that differing is no conflict.

Two budget lines are not one sum ("$400 million to expand care" / "$290 million to repave
roads"; a forecast or a target is not the outcome either, see `forecasts`), and figures qualified as
other measures next to them ("new claims" / "continuing claims", "from a month earlier" / "from
a year earlier") count different quantities. `slot_reasons` asks these before it calls figures
a conflict, and turns them into `measure` reasons on related pairs.
"""

from __future__ import annotations

import re

from . import tuning
from .meanings import close_meanings, nothing_in_common
from .models import NumberMention, Reason, ReasonKind, Span
from .normalize import REPORTING_VERBS, canonical
from .pair_view import PairView, quote, side_span
from .quantities import FOLD, percent_as_multiple
from .reading import Reading, Word
from .slots import DIRECTION_OF_WORD

_PURPOSE_WORDS = frozenset("to on for toward towards".split())
_PENALTIES = frozenset("""fined fine fines charged charge charges sued sue sues sentenced penalised
penalized ordered paid pay pays settled""".split())  # "fined … for": a reason, not a purpose


def _purpose(reading: Reading, n: NumberMention) -> tuple[str, set[str]]:
    """What a sum is for, as the words of the phrase after it ("$400 billion to boost care for
    the elderly", "$299 billion over five years on upgrading roads"); empty when none is given."""
    start, end = reading.clause_at(n.span.start)
    if any(w.text.lower() in _PENALTIES for w in reading.words_between(start, n.span.start)):
        return "", set()
    after = reading.words_between(n.span.end, end, first=10)
    for k, w in enumerate(after):
        nxt = after[k + 1] if k + 1 < len(after) else None
        if w.text.lower() in _PURPOSE_WORDS and (nxt is None or nxt.key[:1] not in "=@"):
            return w.text.lower(), {x.key for x in after[k + 1:]
                                    if x.content and x.key[:1] not in "=@#^"}
    return "", set()


def spent_on_other_things(p: PairView, xs: list[NumberMention], ys: list[NumberMention]) -> bool:
    """Sums each side says are for something, and for nothing in common: two budget lines, not
    two figures for one."""
    if xs[0].unit != "money" or ys[0].unit != "money":
        return False
    px = [_purpose(p.a, x) for x in xs]
    py = [_purpose(p.b, y) for y in ys]
    fx = set().union(*(words for _, words in px))
    fy = set().union(*(words for _, words in py))
    if len(fx) < 2 or len(fy) < 2 or not fx.isdisjoint(fy):
        return False
    if {how for how, _ in px} != {how for how, _ in py} and min(len(fx), len(fy)) < 3:
        return False  # "for disaster relief" / "to help storm victims": perhaps one sum, reworded;
        # named at length ("to boost care for the elderly" / "on upgrading roads and bridges"), two
    return not close_meanings(fx, fy)  # "road repairs" / "fix its highways" is one purpose


# ----------------------------------------------------------------- qualifiers

# Qualifiers that make one measure another, next to the figure: new claims against continuing
# ones, the core rate against the headline one, a monthly change against a yearly one.
_MEASURE_WINDOW = 70  # characters on each side of a figure
_NOUN_MEASURES = (
    (re.compile(r"\b(?:new|initial|first-time)\s+(?:\w+\s+)?(claims|applications|filings|orders|"
                r"listings)\b", re.I),
     re.compile(r"\b(?:continuing|ongoing|continued)\s+(?:\w+\s+)?(claims|applications|filings|"
                r"orders|listings)\b", re.I)),
    (re.compile(r"\bcore\s+([a-z]+)", re.I), re.compile(r"\bheadline\s+([a-z]+)", re.I)),
)
_PERIOD_MEASURES = (
    re.compile(r"\b(?:month-(?:on|over|to)-month|from (?:a|the) month (?:earlier|before)"
               r"|from the previous month|over the prior month|monthly (?:rise|increase|gain|"
               r"fall|drop|decline|rate|change)|from (?:January|February|March|April|May|June|"
               r"July|August|September|October|November|December)(?! \d))\b", re.I),
    re.compile(r"\b(?:year-(?:on|over|to)-year|from (?:a|the) year (?:earlier|before)|over the "
               r"(?:past )?(?:year|12 months)|annual(?:i[sz]ed)? (?:rise|increase|gain|fall|drop|"
               r"decline|rate|change|pace)|annuali[sz]ed|from the same (?:period|month|quarter|"
               r"time) (?:(?:in|of) \d{4}|last year|a year (?:ago|earlier))|from a year ago)\b",
               re.I),
)

# A yearly (monthly …) average over several periods is not one period's figure: "down an average of
# 2% per year" / "fell 4% last year"; the figure between may have a decimal point ("averaging
# 1.65% a year").
_AVERAGE_RATE = re.compile(r"\baverag(?:e|ed|es|ing)\b(?:[^.;]|(?<=\d)\.(?=\d)){0,40}?"
                           r"\b(?:a|per|each) (?:year|month|"
                           r"week|day)\b|\b(?:average|mean) (?:annual|yearly|monthly|weekly|daily)"
                           r"\b|\b(?:annual|yearly|monthly|weekly|daily) average\b", re.I)


def _near_figures(reading: Reading) -> str:
    """The text around a side's figures, where what they measure is said."""
    s = reading.sentence
    return " … ".join(s.text[max(0, n.span.start - s.start - _MEASURE_WINDOW):
                             n.span.end - s.start + _MEASURE_WINDOW]
                      for n in s.features.numbers)


def _qualified(rx: re.Pattern[str], text: str) -> set[str]:
    return {canonical(m.group(1)) for m in rx.finditer(text)}


def qualified_measure(p: PairView) -> Reason | None:
    """Figures qualified next to them as other measures ("new claims" / "continuing claims",
    "from a month earlier" / "from a year earlier"), each side only one of them."""
    a, b = _near_figures(p.a), _near_figures(p.b)
    for one, other in _NOUN_MEASURES:
        a_one, a_other = _qualified(one, a), _qualified(other, a)
        b_one, b_other = _qualified(one, b), _qualified(other, b)
        if (a_one - a_other) & (b_other - b_one):
            return _measure_by_words(p, one, other)
        if (a_other - a_one) & (b_one - b_other):
            return _measure_by_words(p, other, one)
    one, other = _PERIOD_MEASURES
    a_one, a_other = bool(one.search(a)), bool(other.search(a))
    b_one, b_other = bool(one.search(b)), bool(other.search(b))
    if a_one != a_other and b_one != b_other and a_one != b_one:
        return _measure_by_words(p, one, other) if a_one else _measure_by_words(p, other, one)
    return None


def average_measure(p: PairView, x: Span, y: Span) -> Reason | None:
    """Figures (`x`, `y`) that conflict where one side gives an average over several periods and
    the other does not ("down an average of 2% per year" / "fell 4% last year"): two measures."""
    a_mean = bool(_AVERAGE_RATE.search(_near_figures(p.a)))
    b_mean = bool(_AVERAGE_RATE.search(_near_figures(p.b)))
    if a_mean == b_mean:
        return None
    x = _quote_near(p.a, _AVERAGE_RATE) if a_mean else x
    y = _quote_near(p.b, _AVERAGE_RATE) if b_mean else y
    mean, single = "an average over several periods", "one period's figure"
    return measure(p, x, y, mean if a_mean else single, single if a_mean else mean)


def measure(p: PairView, x: Span, y: Span, what_a: str, what_b: str) -> Reason:
    name_a, name_b = p.names
    return Reason(ReasonKind.MEASURE, x, y, f"Two measures, not a conflict: {name_a} gives "
                  f"{what_a} ({quote(x)}); {name_b} {what_b} ({quote(y)}).")


_TIMES = {"2": "twice", "3": "three times", "4": "four times", "5": "five times",
          "10": "ten times"}


def far_apart(p: PairView, x: Span, y: Span) -> Reason:
    """The measure reason for figures `orders_apart`, in words ("more than ten times")."""
    name_a, name_b = p.names
    times = f"{tuning.FAR_APART:g}"
    times = _TIMES.get(times, f"{times} times")
    return Reason(ReasonKind.MEASURE, x, y, f"Two measures, not a conflict: {name_a}'s figure "
                  f"({quote(x)}) and {name_b}'s ({quote(y)}) are more than {times} apart, "
                  "too far for two counts of one thing.")


def _measure_by_words(p: PairView, rx_a: re.Pattern[str], rx_b: re.Pattern[str]) -> Reason:
    """Each side's qualifying words, quoted where they stand next to its figures."""
    spans = [_quote_near(p.a, rx_a), _quote_near(p.b, rx_b)]
    name_a, name_b = p.names
    return Reason(ReasonKind.MEASURE, spans[0], spans[1],
                  f"Two measures, not a conflict: {name_a} gives {quote(spans[0])}; "
                  f"{name_b} gives {quote(spans[1])}.")


def _quote_near(reading: Reading, rx: re.Pattern[str]) -> Span:
    s = reading.sentence
    for n in s.features.numbers:
        m = rx.search(s.text, max(0, n.span.start - s.start - _MEASURE_WINDOW),
                      n.span.end - s.start + _MEASURE_WINDOW)
        if m:
            return Span(s.start + m.start(), s.start + m.end(), m.group())
    return Span(s.start, s.start, "")


# ----------------------------------------------------------------- what a figure is of

# Heads that name no particular thing a sum is for ("a $1.5 trillion price tag", "the package")
_GENERIC_HEADS = frozenset("""bill bills plan plans package packages proposal proposals deal deals
program programs programme measure measures price tag tags total figure amount sum offer
version legislation request counteroffer project projects venture initiative effort investment
scheme behemoth""".split())
TIME_AFTER = frozenset("last next this early late earlier later ago".split())  # "$3.9bn last year"
_TIME_WORDS = TIME_AFTER | frozenset("year years month months week".split())


def _described_as(reading: Reading, n: NumberMention) -> set[str]:
    """The words that describe what a sum is, right after it ("$1 trillion bipartisan
    infrastructure bill": bipartisan, infrastructure), generic heads and time words left out."""
    s = reading.sentence
    out: set[str] = set()
    end = n.span.end
    for w in reading.words_between(n.span.end, s.end, first=5):
        if re.search(r"[^\w\s%$-]", s.text[end - s.start:w.start - s.start]) or not w.content:
            break
        end = w.end
        low = w.text.lower()
        if w.key[:1] not in "=@#^" and low not in _GENERIC_HEADS and low not in _TIME_WORDS:
            out.add(w.key)
    return out


def described_apart(p: PairView, xs: list[NumberMention], ys: list[NumberMention]) -> bool:
    """Sums each side describes, with nothing in common even in other words ("a $1 trillion
    bipartisan infrastructure bill" / "a $3.5 trillion social welfare spending bill"): two sums,
    not two figures for one."""
    if xs[0].unit != "money" or ys[0].unit != "money":
        return False
    da = set().union(*(_described_as(p.a, x) for x in xs))
    db = set().union(*(_described_as(p.b, y) for y in ys))
    return nothing_in_common(da, db)


def _around(reading: Reading, n: NumberMention, names: bool) -> set[str]:
    """The content words around a figure in its clause, where what it measures is named."""
    return {w.key for w in reading.around(n.span.start, n.span.end, 12, 6, names=names)
            if w.text.lower() not in _TIME_WORDS}


def _surroundings(p: PairView, xs: list[NumberMention], ys: list[NumberMention],
                  names: bool = False) -> tuple[set[str], set[str]]:
    """Each side's words around its figures (see `_around`), with names when `names`."""
    return (set().union(*(_around(p.a, x, names) for x in xs)),
            set().union(*(_around(p.b, y, names) for y in ys)))


# Nouns that name whatever the story is about ("the $8 billion project" for a pipeline): a
# figure said of one of these may be of the other side's thing, whatever words surround it
# (not "plan", "package", "proposal", "deal", "bill": a budget story has several of each)
_GENERIC_THINGS = frozenset("project projects venture undertaking initiative scheme".split())


def _nothing_around(p: PairView, xs: list[NumberMention], ys: list[NumberMention]) -> bool:
    if any(_of_a_generic_thing(p.a, x) for x in xs) or any(_of_a_generic_thing(p.b, y)
                                                          for y in ys):
        return False
    return nothing_in_common(*_surroundings(p, xs, ys))


def _of_a_generic_thing(reading: Reading, n: NumberMention) -> bool:
    _, end = reading.clause_at(n.span.start)
    return any(w.text.lower() in _GENERIC_THINGS
               for w in reading.words_between(n.span.end, end, first=2))


def shares_of_other_things(p: PairView, xs: list[NumberMention],
                           ys: list[NumberMention]) -> bool:
    """Percentages whose clauses name nothing in common, even in other words ("the violent
    crime rate … inched up around 5 percent" / "the murder rate increased nearly 30%" are not
    one rate; "unemployment fell to 4.1%" / "the jobless rate fell to 4.3%" are)."""
    return xs[0].unit == "percent" and ys[0].unit == "percent" and _nothing_around(p, xs, ys)


def counts_of_other_things(p: PairView, xs: list[NumberMention],
                           ys: list[NumberMention]) -> bool:
    """Figures (not percentages: see above) whose clauses name nothing in common around them,
    even in other words: "about 1,500 American citizens remain in the country" / "has evacuated
    82,300 people" count two things; "the storm killed 14 people" / "42 people died in the
    storm" share what they count and stay one count."""
    return xs[0].unit != "percent" and ys[0].unit != "percent" and _nothing_around(p, xs, ys)


_LEVEL_VERBS = frozenset("""stands stood totaled totalled totals reached hit surpassed topped
passed""".split())
# A figure told as added to a total ("another 5.2 million", "a million more cases", "200 new
# jobs"): a change, against the total it brings.
_ADDED_BEFORE = frozenset("another additional".split())
_ADDED_AFTER = frozenset("more additional new".split())
_LEVEL_AFTER = frozenset("stands stood is was remained remains".split()) | _LEVEL_VERBS


def change_or_level(reading: Reading, n: NumberMention) -> str:
    """Whether a figure is a change ("grew $205 billion", "rose by 12,000") or a level ("stands
    at $984 billion", "rose to 380,000"), from the word just before it; "" when neither."""
    return _change_or_level(reading, n)[0]


def change_direction(reading: Reading, n: NumberMention) -> str:
    """The way a figure that is a change went ("up" for "rose 5 percent"); "" for a level."""
    kind, direction = _change_or_level(reading, n)
    return direction if kind == "change" else ""


def _change_or_level(reading: Reading, n: NumberMention) -> tuple[str, str]:
    start, end = reading.clause_at(n.span.start)
    before = [w.text.lower() for w in reading.words_between(start, n.span.start, last=3)]
    after = reading.words_between(n.span.end, end, first=1)
    if n.qualifier in ("above", "past", "beyond") and before and before[-1] in DIRECTION_OF_WORD:
        return "level", ""  # "the toll rose above 150": where it got to
    if (before and before[-1] in _ADDED_BEFORE) or (
            after and after[0].text.lower() in _ADDED_AFTER):
        return "change", ""
    while before and before[-1] in ("the", "a", "an", "its", "their"):
        before.pop()  # "from the $779 billion deficit"
    if not before:
        return "", ""
    if before[-1] in _LEVEL_VERBS or (before[-1] in ("to", "at", "from") and len(before) > 1 and (
            before[-2] in _LEVEL_AFTER or before[-2] in DIRECTION_OF_WORD)) or (
            before[-1] == "to" and _moved_by_first(reading, start, n)):
        return "level", ""  # "stands at", "rose to", "fell from"; not "sent aid to 300 families"
    moving = before[-2:] if before[-1] == "by" else before[-1:]
    if moving and moving[0] in DIRECTION_OF_WORD:
        return "change", DIRECTION_OF_WORD[moving[0]]
    return "", ""


def _moved_by_first(reading: Reading, start: int, n: NumberMention) -> bool:
    """Whether "to" follows how much and since when something moved ("surged 26% from 2018 to
    $984.4 billion"): the figure after it is where it got to."""
    words = reading.words_between(start, n.span.start, last=8)[:-1]
    while words and (words[-1].key[:1] == "=" or words[-1].text.lower() in _MOVED_BY):
        words.pop()
    return bool(words) and words[-1].text.lower() in DIRECTION_OF_WORD


_MOVED_BY = frozenset("% percent per cent points from last a the year month week".split())


def changes_as_multiples(reading: Reading, numbers: tuple[NumberMention, ...], keys: list[str]
                         ) -> tuple[tuple[NumberMention, ...], list[str]]:
    """A side's percentage changes as the multiples they make, to meet the other side's
    multiple ("rose 150 percent" is 2.5 times, "fell 30 percent" 0.7 times the level)."""
    out, out_keys = [], []
    for n, key in zip(numbers, keys):
        way = change_direction(reading, n) if n.unit == "percent" else ""
        if way:
            n, key = percent_as_multiple(n, way == "up"), FOLD
        out.append(n)
        out_keys.append(key)
    return tuple(out), out_keys


def has_percent_change(reading: Reading, numbers: tuple[NumberMention, ...]) -> bool:
    return any(n.unit == "percent" and change_direction(reading, n) for n in numbers)


def change_against_level(p: PairView, xs: list[NumberMention], ys: list[NumberMention]) -> bool:
    """One side gives how much something moved, the other where it stands ("the deficit grew
    $205 billion" / "the deficit stands at $984 billion"): two measures."""
    kinds_a = {change_or_level(p.a, x) for x in xs} - {""}
    kinds_b = {change_or_level(p.b, y) for y in ys} - {""}
    return {frozenset(kinds_a), frozenset(kinds_b)} == {frozenset({"change"}),
                                                         frozenset({"level"})}


def _ends(n: NumberMention) -> tuple[float, float]:
    """The lowest and highest value a figure states (a range's ends, else the figure twice)."""
    return (n.low, n.high) if n.ranged else (n.stated, n.stated)


ROUNDING_SLACK = 1e-9  # relative: exactly ten times apart must not read as more, in floats


def orders_apart(p: PairView, xs: list[NumberMention], ys: list[NumberMention]) -> bool:
    """Figures so far apart that two reports of one count would hardly give both ("$300
    billion" / "$6 trillion", "35 House members" / "two Republicans"): every figure of one side
    differs from every figure of the other by more than `tuning.FAR_APART` times, and the words
    around them have less than a third in common. Two estimates of one toll or crowd differ
    less; a total and a part, or two measures, this much. Told in much the same words ("fined
    the bank $5 million" / "$5 billion"), they are one count however far apart."""
    around_a, around_b = _surroundings(p, xs, ys, names=True)
    if len(around_a & around_b) * 3 >= len(around_a | around_b):
        return False
    for x in xs:
        for y in ys:
            if x.vague or y.vague:
                return False
            (xl, xh), (yl, yh) = _ends(x), _ends(y)
            if min(xl, yl) <= 0:
                return False
            ratio = max(xl / yh, yl / xh)
            if not ratio > tuning.FAR_APART * (1 + ROUNDING_SLACK):  # NaN: not apart
                return False
    return True


def other_qualifiers(p: PairView) -> tuple[Span, Span] | None:
    """Words that the word alignment puts in one place of the two claims, besides the figures,
    and that name different things even in other words ("the fare for adults is £12" / "the
    fare for children is £6", "median" / "average"): each side's figure is of its own thing.
    Only for levels, percentages and sums, which measure what they are said of; not for
    counts ("12 civilians"), nor the sources credited ("officials said" / "the agency
    said"). Worked out once per pair."""
    if "qualifiers" not in p.memo:
        p.memo["qualifiers"] = _other_qualifiers(p)
    return p.memo["qualifiers"]  # type: ignore[return-value]


def _other_qualifiers(p: PairView) -> tuple[Span, Span] | None:
    numbers = p.a.sentence.features.numbers + p.b.sentence.features.numbers
    if any(n.unit not in _LEVELS for n in numbers):
        return None  # "killed 12 civilians" counts civilians, whatever killed them
    figures = [n.span for n in numbers]
    credits = [c.span for c in p.a.sentence.features.attribution] + [
        c.span for c in p.b.sentence.features.attribution]
    for run_a, run_b in p.replaced:
        if any(f.start < run[1] and run[0] < f.end
               for run in (run_a, run_b) for f in figures + credits):
            continue
        words_a = _named_in(p.a, run_a)
        words_b = _named_in(p.b, run_b)
        if not (words_a and words_b and _near_a_figure(p.a, words_a)
                and _near_a_figure(p.b, words_b)):
            continue
        if _qualifies(p, run_a, run_b) and nothing_in_common(
                {w.key for w in words_a}, {w.key for w in words_b}):
            return side_span(p.a, words_a), side_span(p.b, words_b)
    return None


_LEVELS = frozenset({"", "percent", "money", "point"})  # figures that measure their subject
_OF_WHOM = frozenset("for in among of".split())  # "the fare for adults", "wages in the north"


def _qualifies(p: PairView, run_a: tuple[int, int], run_b: tuple[int, int]) -> bool:
    """Whether the two runs qualify one thing both sides name: the same word follows both
    ("median home price" / "average home price"), or both follow the same noun and preposition
    ("the fare for adults" / "the fare for children"). Two words for one thing ("its
    workforce" / "its staff") qualify nothing."""
    after_a = p.a.words_between(run_a[1], p.a.sentence.end, first=2)
    after_b = p.b.words_between(run_b[1], p.b.sentence.end, first=2)
    if len(after_a) == 2 and len(after_b) == 2 and after_a[0].content and (
            after_a[0].key == after_b[0].key and after_a[0].key[:1] not in "=@#^") and (
            after_a[1].key[:1] != "=" and after_b[1].key[:1] != "="):
        return True  # not the verb of the figure: "harbour projects worth $30 million" and
        # "harbour repairs worth $45 million" may count one thing
    before_a = p.a.words_between(p.a.sentence.start, run_a[0], last=2)
    before_b = p.b.words_between(p.b.sentence.start, run_b[0], last=2)
    return (len(before_a) == 2 and len(before_b) == 2
            and before_a[1].text.lower() in _OF_WHOM
            and before_a[1].text.lower() == before_b[1].text.lower()
            and before_a[0].content and before_a[0].key == before_b[0].key
            and before_a[0].key[:1] not in "=@#^")


_QUALIFIER_REACH = 8  # words between a figure and what qualifies it ("Median household income in
# Halvard rose to $58,000")


def _named_in(reading: Reading, run: tuple[int, int]) -> list[Word]:
    """The content words of a run that name something: no figure, date, direction or
    reporting word; none at all when the run holds a name (the entity check's business)."""
    words = reading.words_between(*run)
    if any(w.text[:1].isupper() and w.start > reading.sentence.start for w in words):
        return []
    return [w for w in words if w.content and w.key[:1] not in "=@#^"
            and w.text.lower() not in REPORTING_VERBS]


def _near_a_figure(reading: Reading, words: list[Word]) -> bool:
    """Whether the words stand within a few words of one of the side's figures."""
    figures = [k for k, w in enumerate(reading.words) if w.key[:1] == "="]
    return any(abs(reading.index(w) - f) <= _QUALIFIER_REACH for w in words for f in figures)
