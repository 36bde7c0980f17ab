"""Slots of two linked sentences: figures (dates in `date_reasons`, directions of change in
`direction_reasons`).

Figures are grouped by what they count (a unit, or for people the event that befell them), so
"42 people have died" meets "the death toll rose to 14" and not "14 towns were flooded"; a total
meets its parts, and a mere ceiling ("as many as 40") the count stated plainly.
"""

from __future__ import annotations

import math
import re

from .figure_owners import owned_by_other_names
from .figure_scope import capacity_side, counts_the_attacker, listed_in_part, superseded
from .forecasts import forecast_against_result
from .measures import (
    TIME_AFTER,
    change_against_level,
    changes_as_multiples,
    counts_of_other_things,
    described_apart,
    has_percent_change,
    orders_apart,
    other_qualifiers,
    shares_of_other_things,
    spent_on_other_things,
)
from .models import NumberMention, Reason, ReasonKind, Span
from .normalize import canonical
from .pair_view import PairView, both_say, joined, quote
from .quantities import FOLD, LOWER_BOUND, compatible, spans_of_time
from .reading import Reading
from .slots import DIRECTION_OF_WORD
from .time_spans import timed_from_other_events

MAX_FIGURES = 20  # figures of one quantity compared per side (a table pasted as a sentence)
# Dates and direction words compared pairwise per side: a real sentence has a handful;
# thousands (a list or a hostile file pasted as one sentence) made the checks quadratic.
MAX_MENTIONS = 50
_PERSON_WORDS = """people person civilian resident individual worker co-worker employee adult child
victim man woman migrant troop passenger student patient american citizen member family officer
driver voter""".split()
PERSON_NOUNS = frozenset(_PERSON_WORDS) | {canonical(w) for w in _PERSON_WORDS}  # as units read
PERSON = "person"
_ANYONE = frozenset({"people", "person", "individual", canonical("people"), canonical("persons"),
                     canonical("individuals")})
EVENT_KEYS = frozenset("die injure evacuate arrest rescue miss displac hospitaliz infect".split())


def _quantity_key(reading: Reading, n: NumberMention) -> str:
    """What a figure counts: its unit ("percent", "job"), or for people the event that befell
    them ("42 people have died" and "the death toll rose to 14" both count deaths)."""
    head = n.unit
    if head in EVENT_KEYS:
        return head
    if head and head not in PERSON_NOUNS:
        return head
    clause_start, _ = reading.clause_at(n.span.start)
    before = reading.words_between(clause_start, n.span.start, last=12)  # "the death toll from
    # the Tessel River flood has risen to 14": a name between
    after = reading.words_between(n.span.end, reading.sentence.end, first=5)
    for w in list(reversed(before)) + after:
        if w.key in EVENT_KEYS:
            return w.key
    if head:  # no event: "80 million Americans" and "17 million workers" count other groups;
        return PERSON if head in _ANYONE else PERSON + ":" + head  # "people" may be either
    # A bare figure ("the index closed at 4,200", "claims stood at 231,000") counts what its
    # clause is about: the first word of the clause that names something
    subject = next((w for w in before if w.content and w.key[:1] not in "=@#^"
                    and w.text[:1].isalpha()), None)
    return "of:" + subject.key if subject is not None else ""


def head_span(reading: Reading, n: NumberMention) -> Span:
    """The figure with the noun it counts: “at least 42 people”."""
    s = reading.sentence
    if n.unit in ("percent", FOLD, "tally"):
        return n.span  # a tally counts no noun after it ("the 220-to-190 party-line vote")
    after = reading.words_between(n.span.end, reading.sentence.end, first=3)
    end = n.span.end
    # the noun counted, past the words that describe it ("3,865 Covid-19 deaths")
    noun = next((w for w in after if n.unit and canonical(w.text) == n.unit), None)
    for w in after:
        if re.search(r"[^\w\s%$-]", s.text[end - s.start:w.start - s.start]):
            break  # the figure's phrase ends at punctuation
        if noun is not None and w.start <= noun.start:
            end = w.end
            if w is noun:
                break
            continue
        if w.content and not w.key.startswith(("=", "@")) and w.text.lower() not in TIME_AFTER:
            end = w.end
            if w.text.lower() not in _FIGURE_ADJECTIVES:
                break  # "845,000 new jobs": an adjective waits for its noun
            continue
        if w.text.lower() not in ("of", "the"):
            break
    return Span(n.span.start, end, s.text[n.span.start - s.start:end - s.start])


_FIGURE_ADJECTIVES = frozenset("new additional extra further fewer more other net".split())


def counts(p: PairView) -> list[tuple[list[NumberMention], list[NumberMention]]]:
    """The figures of each side grouped by what they count, for counts both sides give
    (worked out once per pair: two checks ask)."""
    known = p.memo.get("counts")
    if known is None:
        known = p.memo["counts"] = _grouped(p)
    return known  # type: ignore[return-value]


def _grouped(p: PairView) -> list[tuple[list[NumberMention], list[NumberMention]]]:
    groups: dict[str, tuple[list[NumberMention], list[NumberMention]]] = {}
    readings = (p.a, p.b)
    plain = [_keys(reading) for reading in readings]
    sides = list(plain)
    for side, reading in enumerate(readings):  # a multiple meets the other side's percentage
        other = 1 - side                        # changes when it gives none of its own
        if FOLD in plain[other][1] and not has_percent_change(readings[other], plain[other][0]):
            sides[side] = changes_as_multiples(reading, *plain[side])
    for side, (numbers, keys) in enumerate(sides):
        for n, key in zip(numbers, _people_as(keys, sides[1 - side][1])):
            if key:
                groups.setdefault(key, ([], []))[side].append(n)
    return [(xs[:MAX_FIGURES], ys[:MAX_FIGURES])
            for _key, (xs, ys) in sorted(groups.items()) if xs and ys]


def _people_as(keys: list[str], other: list[str]) -> list[str]:
    """A side's "people" count the group the other side names, when it names one group only
    and no plain "people" ("tens of thousands of immigrants" / "thousands of people")."""
    groups = {k for k in other if k.startswith(PERSON + ":")}
    if len(groups) != 1 or PERSON in other:
        return keys
    group = groups.pop()
    return [group if k == PERSON else k for k in keys]


def _keys(reading: Reading) -> tuple[tuple[NumberMention, ...], list[str]]:
    """A side's figures and what each counts."""
    numbers = reading.sentence.features.numbers
    keys = [_quantity_key(reading, n) for n in numbers]
    # figures listed together count one thing ("three adults and seven children were
    # killed"): the list takes the key of whichever of its figures has one, the last first
    # unless they are in other units: "fell 1,861 points, or 5.9 percent" gives one fall twice
    for k in range(len(numbers) - 2, -1, -1):
        if _listed(reading, [numbers[k], numbers[k + 1]]) and _same_units(
                numbers[k], numbers[k + 1]) and not (_own_noun(numbers[k], keys[k])
                                                     and _own_noun(numbers[k + 1], keys[k + 1])):
            keys[k] = keys[k + 1] or keys[k]
    for k in range(1, len(numbers)):
        if not keys[k] and _listed(reading, [numbers[k - 1], numbers[k]]) and _same_units(
                numbers[k - 1], numbers[k]):
            keys[k] = keys[k - 1]
    return numbers, keys


_UNITS = frozenset({"percent", "point", "money"})
_SPECIFIC = 1000  # a bare figure from this size up is not met by chance


def _own_noun(n: NumberMention, key: str) -> bool:
    """Whether a figure names what it counts, other than people: two such in a list count two
    things ("268,840 cases, and 3,920 deaths"; not "three adults and seven children")."""
    return bool(key) and key == n.unit and n.unit not in PERSON_NOUNS


def _same_units(x: NumberMention, y: NumberMention) -> bool:
    """Whether two figures of a list may count one thing: not a percentage beside points or a
    sum (the other units are nouns, and a list may name several of one kind)."""
    return x.unit == y.unit or not ({x.unit, y.unit} & _UNITS)


def number_reasons(p: PairView) -> list[Reason]:
    """Different figures for the same count: every figure of one side has no compatible figure
    on the other, in both directions."""
    reasons = []
    # a figure as specific as 7,314 that the other side also gives, bare, is that figure:
    # "more than 22 million" / "another 5.2 million …, bringing the total to 22 million" (a
    # small one, "rose to 30", may be anything)
    bare_a, bare_b = ([n for n in r.sentence.features.numbers
                       if not n.unit and not n.vague and n.stated >= _SPECIFIC]
                      for r in (p.a, p.b))
    for xs, ys in counts(p):
        lone_x = [x for x in xs if not any(compatible(x, y) for y in ys + bare_b)]
        lone_y = [y for y in ys if not any(compatible(x, y) for x in xs + bare_a)]
        if len(lone_x) == len(xs) and len(lone_y) == len(ys) and not _not_one_figure(p, xs, ys):
            x, y = _closest(p, xs, ys)
            if not compatible(x, y):  # a figure told in other words may be the one meant
                sx, sy = head_span(p.a, x), head_span(p.b, y)
                reasons.append(Reason(ReasonKind.NUMBER, sx, sy,
                                      both_say(p, "Different figures", sx, sy)))
    return reasons or _spans_of_time_apart(p)


_TIME_WORDS = frozenset("""day days week weeks month months quarter quarters year years
decade decades next last past previous coming this throughout""".split())


def _closest(p: PairView, xs: list[NumberMention],
             ys: list[NumberMention]) -> tuple[NumberMention, NumberMention]:
    """The two figures to quote: the first of each side's group, unless another figure of the
    side in the same unit shares clearly more of the words around the other side's
    ("37.3% … fully vaccinated" / "55% … one dose, and 39% have been fully vaccinated": the
    39%, which names no noun of its own)."""
    def near(reading: Reading, n: NumberMention) -> set[str]:  # what is measured, not when
        return {w.key for w in reading.around(n.span.start, n.span.end, 6, 8, names=False)
                if w.text.lower() not in _TIME_WORDS}

    def best(reading: Reading, group: list[NumberMention], around: set[str]) -> NumberMention:
        pick = group[0]
        top = len(near(reading, pick) & around)
        others = group[1:] + [n for n in reading.sentence.features.numbers[:MAX_FIGURES]
                              if n.unit == pick.unit and n not in group]
        more = [(len(near(reading, n) & around), n) for n in others]
        better = [n for k, n in more if k >= 2 and k > top]
        return better[0] if better else pick

    y = best(p.b, ys, near(p.a, xs[0]))
    return best(p.a, xs, near(p.b, y)), y


def _spans_of_time_apart(p: PairView) -> list[Reason]:
    """Spans of time in other units of one measure that differ, in the same place of the claim
    ("lasted two weeks" / "lasted 12 days")."""
    for x in p.a.sentence.features.numbers[:MAX_FIGURES]:
        for y in p.b.sentence.features.numbers[:MAX_FIGURES]:
            if spans_of_time(x, y) is False:
                sx, sy = head_span(p.a, x), head_span(p.b, y)
                if p.aligned(sx, sy):
                    return [Reason(ReasonKind.NUMBER, sx, sy,
                                   both_say(p, "Different figures", sx, sy))]
    return []


def _not_one_figure(p: PairView, xs: list[NumberMention], ys: list[NumberMention]) -> bool:
    """Figures of one kind that still count different things: a total and its parts, two
    budget lines, a forecast and the outcome, sums described as other things, percentages of
    other things."""
    return (_breakdown(p, xs, ys) or spent_on_other_things(p, xs, ys)
            or forecast_against_result(p, xs, ys) or described_apart(p, xs, ys)
            or shares_of_other_things(p, xs, ys) or timed_from_other_events(p, xs, ys)
            or orders_apart(p, xs, ys) or counts_of_other_things(p, xs, ys)
            or change_against_level(p, xs, ys) or other_qualifiers(p) is not None
            or narrowed_measure(p) or owned_by_other_names(p, xs, ys)
            or counts_the_attacker(p, xs, ys) or superseded(p, xs, ys) or listed_in_part(p, xs, ys)
            or bool(capacity_side(p, xs, ys))
            or _member_of_the_set(p.a, p.b, xs, ys)
            or _member_of_the_set(p.b, p.a, ys, xs))


_THE_SET = re.compile(r"\b(?:the|these|those)\s+$", re.IGNORECASE)


def _member_of_the_set(mine: Reading, other: Reading, xs: list[NumberMention],
                       ys: list[NumberMention]) -> bool:
    """Whether one side only picks a member out of a set the other names ("One case involved
    …" opening the sentence, against "the two cases"): a part, not a rival count of the
    whole. ("Seven of the victims were killed" may count what the other side counts: it is
    compared.)"""
    text, base = mine.sentence.text, mine.sentence.start
    o_text, o_base = other.sentence.text, other.sentence.start
    return all(x.stated == 1 and not text[:x.span.start - base].strip() for x in xs) and all(
        y.stated > 1 and _THE_SET.search(o_text[:y.span.start - o_base]) for y in ys)


# What a measure leaves out: a figure "excluding food and energy" or of "core" inflation is of
# another measure than the plain one.
_NARROWED = re.compile(r"\b(?:excluding|excludes?|controlling\s+for|not\s+counting|except\s+for"
                       r"|leaving\s+out|stripping\s+out|core)\b", re.IGNORECASE)


def narrowed_measure(p: PairView) -> bool:
    """Whether one side only narrows what its figures measure ("excluding food and energy,
    prices rose 0.9 percent" / "prices rose 0.8 percent"): two measures, not one told twice."""
    return bool(_NARROWED.search(p.a.sentence.text)) != bool(_NARROWED.search(p.b.sentence.text))


MAXIMUM_HEDGES = ("as many as", "as much as", "up to")  # the writer's ceiling, not a count


def _ceiling(reading: Reading, n: NumberMention) -> bool:
    """A figure the writer gives only as a maximum: "as many as 40 people", "injured up to 40
    people"; not the end of a movement ("rose up to 6%", "from 2,000 up to 3,600") and not a limit a
    rule sets on money ("payments of up to $300")."""
    if n.qualifier not in MAXIMUM_HEDGES or n.unit == "money":
        return False
    if n.qualifier in ("as many as", "as much as"):
        return True
    s = reading.sentence
    before = re.findall(r"[\w’'-]+", s.text[max(0, n.span.start - s.start - 60):
                                             n.span.start - s.start].lower())[-6:]
    return not before or not (before[-1] in DIRECTION_OF_WORD or before[-1] in _MOVES
                              or "from" in before)


# Verbs that move a figure "up to" a level without being directions themselves.
_MOVES = frozenset("""tick ticks ticked edge edges edged inch inches inched move moves moved go
goes went gone revise revises revised creep creeps crept nudge nudged drift drifted ratchet
ratcheted bump bumped push pushed trend trended shoot shot""".split())


def bound_reasons(p: PairView) -> list[Reason]:
    """One side gives only a ceiling ("as many as 10 people") for a count the other states
    plainly and compatibly ("10 people", or parts adding up to it): a certainty difference."""
    for xs, ys in counts(p):
        for hedged, plain, first in ((xs, ys, True), (ys, xs, False)):
            mine = p.a if first else p.b
            ceiling = next((n for n in hedged if _ceiling(mine, n)), None)
            if ceiling is None or any(n.qualifier or n.vague or n.ranged for n in plain):
                continue
            same = [n for n in plain if compatible(ceiling, n) and n.stated == ceiling.stated]
            sides = ([ceiling], plain) if first else (plain, [ceiling])
            parts = not same and _breakdown(p, *sides)
            if same or parts:
                other = p.b if first else p.a
                cue = head_span(mine, ceiling)
                said = head_span(other, same[0]) if same else joined(
                    other, head_span(other, plain[0]), head_span(other, plain[-1]))
                name_me, name_other = p.names if first else p.names[::-1]
                return [Reason(ReasonKind.CERTAINTY, cue if first else said,
                               said if first else cue,
                               f"Certainty differs: {name_me} gives only a maximum "
                               f"({quote(cue)}); {name_other} states the figure "
                               f"({quote(said)}).")]
    return []


def _breakdown(p: PairView, xs: list[NumberMention], ys: list[NumberMention]) -> bool:
    """One side gives a total and the other its parts: "10 people were killed" / "three adults
    and seven children were killed"; or both split one total in other ways ("an aid worker
    and nine members of his family" / "three adults and seven children"). The total is
    a bounded count (not "more than", not money); the parts are point figures listed in one
    phrase ("… and …") that add up to it."""
    whole_x, whole_y = _whole(p.a, xs), _whole(p.b, ys)
    if whole_x is not None and whole_x == whole_y and not {x.unit for x in xs} & {
            y.unit for y in ys}:
        return True  # one total split two ways ("two adults and eight children" / "three
        # adults and seven children" still conflict)
    for total, whole in ((xs, whole_y), (ys, whole_x)):
        if whole is not None and any(
                math.isfinite(t.high) and t.unit != "money" and t.qualifier not in LOWER_BOUND
                and (t.stated == whole or (t.approx and t.low <= whole <= t.high))
                for t in total):
            return True
    return False


def _whole(reading: Reading, parts: list[NumberMention]) -> float | None:
    """What a side's listed parts add up to ("an aid worker and nine relatives": 10), or None
    when they are no list of point counts."""
    one = _ONE_BEFORE.search(reading.sentence.text, 0, parts[0].span.start
                             - reading.sentence.start) if parts else None
    if len(parts) + bool(one) < 2 or any(n.ranged or n.vague or n.unit == "money"
                                         for n in parts) or not _listed(reading, parts):
        return None
    return sum(n.stated for n in parts) + bool(one)


def _listed(reading: Reading, parts: list[NumberMention]) -> bool:
    """Whether figures follow one another in one list: only a few words, with a comma or
    "and", between each and the next."""
    text, base = reading.sentence.text, reading.sentence.start
    for x, y in zip(parts, parts[1:]):
        gap = text[x.span.end - base:y.span.start - base]
        if len(gap) > 40 or not _LIST_JOIN.search(gap) or _CLAUSE_BREAK.search(gap):
            return False
    return True


_LIST_JOIN = re.compile(r",|\band\b")
_ONE_BEFORE = re.compile(r"\b(?:an?|one)\s+(?:[\w’'-]+\s+){1,3}and\s+$", re.IGNORECASE)
# "10 people, including seven children": a part named inside a total, not the next item of a list
_CLAUSE_BREAK = re.compile(r"[.;:]|\b(?:including|among them|of whom|of which)\b")
