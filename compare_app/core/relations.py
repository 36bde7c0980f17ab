"""Why two linked sentences agree or diverge: typed reasons with the spans on both sides.

Each reason kind is one check with one signature, `check(pair) -> list[Reason]`, listed in
`REASON_CHECKS`; a new kind is one function and one line. Explanations quote the words of each
side rather than rebuild them, so they always read as the sources wrote them.
"""

from __future__ import annotations

import difflib
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

from rapidfuzz import fuzz

from . import tuning
from .models import Kind, NumberMention, Reason, ReasonKind, Relation, Sentence, Span
from .normalize import GENERIC_STEMS, canonical
from .quantities import compatible, within_spans
from .reading import Reading, Word, read
from .slots import DATE_WORDS

log = logging.getLogger(__name__)

_POLAR_KINDS = {Kind.PRESCRIPTION: "prescription", Kind.QUESTION: "question"}
ALIGNED_RUN = 6  # a replaced run longer than this (words, either side) aligns nothing reliably
MAX_ALIGNED_WORDS = 400  # longer sentences are not word-aligned
MAX_FIGURES = 20  # figures of one quantity compared per side (a table pasted as a sentence)
# Dates, names and direction words compared pairwise per side: a real sentence has a handful;
# thousands (a list or a hostile file pasted as one sentence) made the checks quadratic.
MAX_MENTIONS = 50
_PERSON_WORDS = """people person civilian resident individual worker co-worker employee adult child
victim man woman migrant troop passenger student patient american citizen member family officer
driver voter""".split()
PERSON_NOUNS = frozenset(_PERSON_WORDS) | {canonical(w) for w in _PERSON_WORDS}  # as units read
EVENT_KEYS = frozenset("die injure evacuate arrest rescue miss displac hospitaliz infect".split())


@dataclass
class PairView:
    """Two linked sentences read side by side."""

    a: Reading
    b: Reading

    @property
    def names(self) -> tuple[str, str]:
        """How explanations name the two sides: their documents' labels ("A", "B", "C" …)."""
        return self.a.sentence.doc, self.b.sentence.doc

    @cached_property
    def shared(self) -> set[str]:
        return {k for k in self.a.keys & self.b.keys if k not in GENERIC_STEMS}

    @cached_property
    def replaced(self) -> list[tuple[tuple[int, int], tuple[int, int]]]:
        """Short runs that the word alignment replaces: ((A start, end), (B start, end)) offsets."""
        wa, wb = self.a.words, self.b.words
        ka, kb = [w.key for w in wa], [w.key for w in wb]
        if len(ka) > MAX_ALIGNED_WORDS or len(kb) > MAX_ALIGNED_WORDS:
            return []  # word alignment is quadratic; a sentence this long is not one claim
        if ka <= kb:  # align in one canonical order, so swapping A and B mirrors the result
            ops = difflib.SequenceMatcher(None, ka, kb, autojunk=False).get_opcodes()
        else:
            ops = [(tag, i1, i2, j1, j2) for tag, j1, j2, i1, i2 in
                   difflib.SequenceMatcher(None, kb, ka, autojunk=False).get_opcodes()]
        runs = []
        for k, (tag, i1, i2, j1, j2) in enumerate(ops):
            if tag != "replace" or i2 - i1 > ALIGNED_RUN or j2 - j1 > ALIGNED_RUN:
                continue
            # A substitution inside matching context: equal words before it and, unless the
            # sentence ends there, after it.
            before = k == 0 or ops[k - 1][0] == "equal"
            after = k + 1 == len(ops) or ops[k + 1][0] == "equal"
            if before and after:
                runs.append(((wa[i1].start, wa[i2 - 1].end), (wb[j1].start, wb[j2 - 1].end)))
        return runs

    def aligned(self, x: Span, y: Span, *, exactly: bool = False) -> bool:
        """Whether the word alignment puts span x of A and span y of B in the same place;
        `exactly`: the replaced words are those spans and nothing else that matters."""
        for ra, rb in self.replaced:
            if not (ra[0] < x.end and x.start < ra[1] and rb[0] < y.end and y.start < rb[1]):
                continue
            if not exactly or (self._only(self.a, ra, x) and self._only(self.b, rb, y)):
                return True
        return False

    @staticmethod
    def _only(reading: Reading, run: tuple[int, int], span: Span) -> bool:
        return all(span.start <= w.start < span.end or not w.content
                   for w in reading.words if run[0] <= w.start < run[1])


def _quote(span: Span) -> str:
    return f"“{span.text}”"


def _side_span(reading: Reading, words: list[Word]) -> Span:
    s = reading.sentence
    start, end = words[0].start, words[-1].end
    return Span(start, end, s.text[start - s.start:end - s.start])


# ----------------------------------------------------------------- numbers


def _quantity_key(reading: Reading, n: NumberMention) -> str:
    """What a figure counts: its unit ("percent", "job"), or for people the event that befell
    them ("42 people have died" and "the death toll rose to 14" both count deaths)."""
    head = n.unit
    if head in EVENT_KEYS:
        return head
    if head and head not in PERSON_NOUNS:
        return head
    clause_start, _ = reading.clause_at(n.span.start)
    before = reading.words_between(clause_start, n.span.start, last=8)
    after = reading.words_between(n.span.end, reading.sentence.end, first=5)
    for w in list(reversed(before)) + after:
        if w.key in EVENT_KEYS:
            return w.key
    return "person" if head else ""


def _head_span(reading: Reading, n: NumberMention) -> Span:
    """The figure with the noun it counts: “at least 42 people”."""
    s = reading.sentence
    if n.unit == "percent":
        return n.span
    after = reading.words_between(n.span.end, reading.sentence.end, first=3)
    end = n.span.end
    for w in after:
        if re.search(r"[^\w\s%$-]", s.text[end - s.start:w.start - s.start]):
            break  # the figure's phrase ends at punctuation
        if w.content and not w.key.startswith(("=", "@")):
            end = w.end
            break
        if w.text.lower() not in ("of", "the"):
            break
    return Span(n.span.start, end, s.text[n.span.start - s.start:end - s.start])


def _counts(p: PairView) -> list[tuple[list[NumberMention], list[NumberMention]]]:
    """The figures of each side grouped by what they count, for counts both sides give."""
    groups: dict[str, tuple[list[NumberMention], list[NumberMention]]] = {}
    for side, reading in enumerate((p.a, p.b)):
        for n in reading.sentence.features.numbers:
            key = _quantity_key(reading, n)
            if key:
                groups.setdefault(key, ([], []))[side].append(n)
    return [(xs[:MAX_FIGURES], ys[:MAX_FIGURES])
            for _key, (xs, ys) in sorted(groups.items()) if xs and ys]


def number_reasons(p: PairView) -> list[Reason]:
    """Different figures for the same count: every figure of one side has no compatible figure
    on the other, in both directions."""
    reasons = []
    for xs, ys in _counts(p):
        lone_x = [x for x in xs if not any(compatible(x, y) for y in ys)]
        lone_y = [y for y in ys if not any(compatible(x, y) for x in xs)]
        if len(lone_x) == len(xs) and len(lone_y) == len(ys) and not _breakdown(xs, ys):
            x, y = _head_span(p.a, xs[0]), _head_span(p.b, ys[0])
            reasons.append(Reason(ReasonKind.NUMBER, x, y,
                                  _both_say(p, "Different figures", x, y)))
    return reasons


MAXIMUM_HEDGES = ("as many as", "up to")  # the writer's ceiling, not a count


def _joined(reading: Reading, x: Span, y: Span) -> Span:
    s = reading.sentence
    return Span(x.start, y.end, s.text[x.start - s.start:y.end - s.start])


def bound_reasons(p: PairView) -> list[Reason]:
    """One side gives only a ceiling ("as many as 10 people") for a count the other states
    plainly and compatibly ("10 people", or parts adding up to it): a certainty difference."""
    for xs, ys in _counts(p):
        for hedged, plain, first in ((xs, ys, True), (ys, xs, False)):
            ceiling = next((n for n in hedged if n.qualifier in MAXIMUM_HEDGES), None)
            if ceiling is None or any(n.qualifier or n.vague or n.ranged for n in plain):
                continue
            same = [n for n in plain if compatible(ceiling, n) and n.stated == ceiling.stated]
            parts = not same and _breakdown([ceiling], plain)
            if same or parts:
                mine, other = (p.a, p.b) if first else (p.b, p.a)
                cue = _head_span(mine, ceiling)
                said = _head_span(other, same[0]) if same else _joined(
                    other, _head_span(other, plain[0]), _head_span(other, plain[-1]))
                name_me, name_other = p.names if first else p.names[::-1]
                return [Reason(ReasonKind.CERTAINTY, cue if first else said,
                               said if first else cue,
                               f"Certainty differs: {name_me} gives only a maximum "
                               f"({_quote(cue)}); {name_other} states the figure "
                               f"({_quote(said)}).")]
    return []


def _breakdown(xs: list[NumberMention], ys: list[NumberMention]) -> bool:
    """One side gives a total and the other its parts: "10 people were killed" / "three adults
    and seven children were killed". The parts are point figures that add up to the total."""
    for total, parts in ((xs, ys), (ys, xs)):
        if len(parts) < 2 or any(n.ranged or n.vague for n in parts):
            continue
        whole = sum(n.stated for n in parts)
        if any(t.low <= whole <= t.high or t.stated == whole for t in total):
            return True
    return False


# ----------------------------------------------------------------- dates


def _both_say(p: PairView, what: str, x: Span, y: Span) -> str:
    """'Different figures: A says “42 people”; B says “14 people”.' with the sides' own names."""
    name_a, name_b = p.names
    return f"{what}: {name_a} says {_quote(x)}; {name_b} says {_quote(y)}."


def _date_words(reading: Reading) -> list[Word]:
    return [w for w in reading.words if w.key[:1] == "@"]


def date_reasons(p: PairView) -> list[Reason]:
    """Different days, months or years in the same place of the claim."""
    found = []
    for x in p.a.sentence.features.dates[:MAX_MENTIONS]:
        for y in p.b.sentence.features.dates[:MAX_MENTIONS]:
            if x.year and y.year and x.month and y.month and (x.year, x.month) != (y.year, y.month):
                if x.year != y.year or p.aligned(x.span, y.span) or _single_dates(p):
                    found.append(_date_reason(p, x.span, y.span))
            elif x.day and y.day and x.month == y.month and x.day != y.day:
                found.append(_date_reason(p, x.span, y.span))
    if not found:
        for x in _date_words(p.a)[:MAX_MENTIONS]:
            for y in _date_words(p.b)[:MAX_MENTIONS]:
                sx, sy = Span(x.start, x.end, x.text), Span(y.start, y.end, y.text)
                if _date_kind(x.key) == _date_kind(y.key) and x.key != y.key \
                        and y.key not in p.a.keys and x.key not in p.b.keys and p.aligned(sx, sy):
                    found.append(_date_reason(p, sx, sy))
    return _earliest(p, found)


def _earliest(p: PairView, reasons: list[Reason]) -> list[Reason]:
    """The reason whose spans come first in both sentences, chosen the same way whichever
    document is A (so swapping the documents quotes the same words)."""
    def key(r: Reason) -> tuple:
        at_a = r.a.start - p.a.sentence.start if r.a else 0
        at_b = r.b.start - p.b.sentence.start if r.b else 0
        texts = sorted((r.a.text if r.a else "", r.b.text if r.b else ""))
        return (at_a + at_b, abs(at_a - at_b), texts)

    return [min(reasons, key=key)] if reasons else []


def _single_dates(p: PairView) -> bool:
    return len(p.a.sentence.features.dates) == 1 and len(p.b.sentence.features.dates) == 1


def _date_kind(key: str) -> str:
    word = key[1:]
    if word.isdigit():
        return "year"
    return "weekday" if word.endswith("day") else "month"


def _date_reason(p: PairView, x: Span, y: Span) -> Reason:
    return Reason(ReasonKind.DATE, x, y, _both_say(p, "Different dates", x, y))


# ----------------------------------------------------------------- direction


def direction_reasons(p: PairView) -> list[Reason]:
    """Opposite directions of change for the same thing: rose against fell."""
    xs = [w for w in p.a.words if w.key[:1] == "^"][:MAX_MENTIONS]
    ys = [w for w in p.b.words if w.key[:1] == "^"][:MAX_MENTIONS]
    if not xs or not ys:
        return []
    # With both directions on a side ("prices rose, wages fell"), only words the alignment
    # puts in the same place are compared; a single word each is compared directly.
    lone = len(xs) == 1 and len(ys) == 1
    for x in xs:
        for y in ys:
            if x.key == y.key:
                continue
            sx, sy = Span(x.start, x.end, x.text), Span(y.start, y.end, y.text)
            if lone or p.aligned(sx, sy):
                return [Reason(ReasonKind.DIRECTION, sx, sy,
                               _both_say(p, "Opposite directions", sx, sy))]
    return []


# ----------------------------------------------------------------- entities


def _same_entity(x: str, y: str) -> bool:
    x, y = x.replace(".", ""), y.replace(".", "")
    return x == y or x in y.split() or y in x.split() or (
        fuzz.ratio(x, y) >= tuning.SAME_NAME_RATIO and not _other_given_name(x, y))


def _claim_entities(reading: Reading) -> list:
    """Names of places and actors in the claim itself: not the cited source, not days or months."""
    s = reading.sentence
    cited = within_spans([(a.span.start, a.span.end) for a in s.features.attribution])
    return [e for e in s.features.entities
            if not cited(e.span.start)
            and e.key not in DATE_WORDS and e.key.lower() not in DATE_WORDS]


def entity_reasons(p: PairView) -> list[Reason]:
    """A different name in the same place of the claim: "led by the Red Cross" / "led by UNICEF"."""
    a_ents, b_ents = _claim_entities(p.a)[:MAX_MENTIONS], _claim_entities(p.b)[:MAX_MENTIONS]
    a_text, b_text = p.a.sentence.text.lower(), p.b.sentence.text.lower()
    a_only = [e for e in a_ents if not any(_same_entity(e.key, f.key) for f in b_ents)
              and e.span.text.lower() not in b_text]
    b_only = [e for e in b_ents if not any(_same_entity(e.key, f.key) for f in a_ents)
              and e.span.text.lower() not in a_text]
    for x in a_only:
        for y in b_only:
            if p.aligned(x.span, y.span, exactly=True) or _other_given_name(
                    x.key.replace(".", ""), y.key.replace(".", "")):
                return [Reason(ReasonKind.ENTITY, x.span, y.span,
                               _both_say(p, "Different names", x.span, y.span))]
    return []


# First words that make a place of a name ("North Korea", "New York") or a title ("Mr. Ostrova"),
# not a given name.
_NOT_GIVEN_NAMES = frozenset("""
north south east west northern southern eastern western new old upper lower central greater san
santa saint st fort port lake mount mr mrs ms miss dr prof sir dame lord lady president pres vice
prime minister gov governor lt sen senator rep representative gen general col colonel maj major
capt captain sgt cmdr adm admiral judge justice chief king queen prince princess pope rev father
sister brother mayor secretary ambassador officer deputy former late acting
""".split())


def _other_given_name(x: str, y: str) -> bool:
    """One surname with another given name ("Marta Kowalczyk" / "Marek Kowalczyk"): a different
    person, or the same one misnamed by a source; either way the analyst should know. Only
    plain two-word names count; an initial or a shortened given name ("J. Smith", "Alex" /
    "Alexander") is the same person."""
    xs, ys = x.split(), y.split()
    if len(xs) != 2 or len(ys) != 2 or xs[1] != ys[1] or len(xs[1]) < 3:
        return False
    gx, gy = xs[0], ys[0]
    return not (gx.startswith(gy) or gy.startswith(gx) or gx in _NOT_GIVEN_NAMES
                or gy in _NOT_GIVEN_NAMES)


def different_events(p: PairView, reasons: list[Reason]) -> bool:
    """Both sides name places or actors, none is shared, and at least two of name, figure and
    date differ: two look-alike events ("a landslide struck Manila on Saturday, injuring 350" /
    "… Harare on Monday, injuring 150"), not one event told with one detail wrong."""
    a_keys = {e.key for e in _claim_entities(p.a)}
    b_keys = {e.key for e in _claim_entities(p.b)}
    if not a_keys or not b_keys or any(_same_entity(x, y) for x in a_keys for y in b_keys):
        return False
    kinds = {r.kind for r in reasons} & {ReasonKind.NUMBER, ReasonKind.DATE, ReasonKind.ENTITY}
    return len(kinds) >= 2


# ----------------------------------------------------------------- negation, certainty, attribution


def _negation_reason(denier: Reading, other: Reading, first: bool) -> list[Reason]:
    for key, cue in sorted(denier.negated.items(), key=lambda kv: kv[1].start):
        if key[:1] == "#" or key not in other.keys or denier.asserted(key):
            continue
        stated = other.asserted(key)
        if stated:
            return _against(ReasonKind.NEGATION, denier, first, cue, other, stated[0],
                            "Negation: {me} denies it ({cue}); {other} states it ({said}).")
    return []


def _against(kind: ReasonKind, mine: Reading, first: bool, cue: Span, other: Reading, word: Word,
             template: str, cue_text: str = "", said_text: str = "") -> list[Reason]:
    """A reason whose cue is on one side (`mine`, the pair's first side when `first`) and whose
    plain statement is `word` on the other, with both sides quoted (the cue and the word, or
    the phrases given) and named."""
    span = _side_span(other, [word])
    a, b = (cue, span) if first else (span, cue)
    text = template.format(me=mine.sentence.doc, other=other.sentence.doc,
                           cue=cue_text or _quote(cue), said=said_text or _quote(span))
    return [Reason(kind, a, b, text)]


def negation_reasons(p: PairView) -> list[Reason]:
    """One side denies what the other states, for words of the shared claim."""
    return _earliest(p, _negation_reason(p.a, p.b, True) + _negation_reason(p.b, p.a, False))


def _certainty_reason(hedger: Reading, other: Reading, first: bool) -> list[Reason]:
    for key, (cue, hedged_word) in sorted(hedger.hedged.items(), key=lambda kv: kv[1][0].start):
        if key not in other.keys or any(w.stem == hedged_word.stem for w in hedger.plain(key)):
            continue
        stated = [(w, v) for w in other.plain(key)[:MAX_FIGURES]
                  for v in (other.realised_by(w),) if v is not None]
        if stated:
            word, verb = stated[0]
            return _against(ReasonKind.CERTAINTY, hedger, first, cue, other, word,
                            "Certainty differs: {me} presents it as expected or possible ({cue}); "
                            "{other} states it as fact ({said}).",
                            cue_text=_phrase(hedger, cue, _side_span(hedger, [hedged_word])),
                            said_text=_phrase(other, _side_span(other, [verb]),
                                              _side_span(other, [word])))
    return []


PHRASE_GAP = 30  # characters between two quoted words shown as they are written; more: "…"


def _phrase(reading: Reading, x: Span, y: Span) -> str:
    """Two words of one sentence quoted together, in reading order: “would begin”, “recorded …
    600,000”."""
    x, y = (x, y) if x.start <= y.start else (y, x)
    if y.start <= x.end:
        return _quote(x if x.end >= y.end else _joined(reading, x, y))
    if y.start - x.end <= PHRASE_GAP:
        return _quote(_joined(reading, x, y))
    return f"“{x.text} … {y.text}”"


def certainty_reasons(p: PairView) -> list[Reason]:
    """One side hedges or puts in the future what the other states as fact or done."""
    return _earliest(p, _certainty_reason(p.a, p.b, True) + _certainty_reason(p.b, p.a, False))


def attribution_reasons(p: PairView) -> list[Reason]:
    """One side distances itself from the shared claim ("reportedly", "reports said"); the other
    asserts it. Routine credit to a named source ("the Labor Department said") is not a
    divergence, and neither is distance on both sides."""
    if p.a.distanced and p.b.distanced:
        return []
    (name_a, name_b) = p.names
    for first, reading, label, other in ((True, p.a, name_a, name_b),
                                         (False, p.b, name_b, name_a)):
        cues = [cue for key, cue in reading.distanced.items() if key in p.shared]
        if cues:
            cue = min(cues, key=lambda c: c.start)
            return [Reason(ReasonKind.ATTRIBUTION, cue if first else None,
                           None if first else cue,
                           f"Attribution: {label} reports it at a distance ({_quote(cue)}); "
                           f"{other} states it as established.")]
    return []


Check = Callable[[PairView], list[Reason]]
REASON_CHECKS: tuple[Check, ...] = (number_reasons, date_reasons, direction_reasons, entity_reasons,
                                    negation_reasons, certainty_reasons, bound_reasons,
                                    attribution_reasons)


def _stance(kind: Kind) -> str:
    return _POLAR_KINDS.get(kind, "statement")


def relate(a: Sentence, b: Sentence, readings: dict[str, Reading] | None = None
           ) -> tuple[Relation, tuple[Reason, ...]]:
    """Relation of two linked sentences and its reasons.

    A prescription or question against a statement shares a subject, not a claim; so do two
    look-alike events: both are `related` and not checked further. `readings` caches each
    sentence's reading across the pairs of one comparison (keyed by sentence id)."""
    if _stance(a.kind) != _stance(b.kind):
        return Relation.RELATED, ()
    cache = {} if readings is None else readings
    for s in (a, b):
        if s.id not in cache:
            cache[s.id] = read(s)
    view = PairView(cache[a.id], cache[b.id])
    reasons: list[Reason] = []
    for check in REASON_CHECKS:
        reasons += check(view)
    if different_events(view, reasons):
        return Relation.RELATED, ()
    return (Relation.DIVERGE if reasons else Relation.AGREE), tuple(reasons)


def explain_pair_text(reasons: tuple[Reason, ...] | list[Reason]) -> str:
    return " ".join(r.explanation for r in reasons) or "No conflicting detail found."
