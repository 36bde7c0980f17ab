"""Why two aligned sentences agree or diverge: typed reasons with the spans on both sides."""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence

from rapidfuzz import fuzz

from .diffing import word_diff
from .models import (
    CERTAINTY_LABELS,
    DiffOp,
    Kind,
    NumberMention,
    Reason,
    ReasonKind,
    Relation,
    Sentence,
    Span,
)
from .normalize import canonical, tokenize

log = logging.getLogger(__name__)

# Hedges that modify the very next words ("a likely deployment", "could deploy").
LOCAL_HEDGES = {
    "likely": 4, "probable": 4, "probably": 4, "reportedly": 4, "allegedly": 3, "alleged": 3,
    "supposed": 3, "supposedly": 3, "possible": 3, "possibly": 3, "potential": 3,
    "potentially": 3, "may": 3, "might": 3, "could": 3, "would": 3, "expected": 4, "planned": 4,
    "prospective": 3, "eventual": 3, "unlikely": 2, "rumoured": 3, "rumored": 3, "seemingly": 4,
    "apparently": 4, "future": 3, "upcoming": 4, "imminent": 5,
}
_WORD = re.compile(r"[a-z]+")
REALISED_AUX = {"had", "has", "have", "been", "was", "were", "is", "are", "being"}
COMPARABLE_SCORE = 0.0
MAX_EVENT_TERMS = 12
MIN_COVERAGE = 0.3
_POLAR_KINDS = {Kind.PRESCRIPTION: "prescription", Kind.QUESTION: "question"}


def _fmt(value: float) -> str:
    if value == float("inf"):
        return "more"
    if value >= 1e6 and value % 1e5 == 0:
        return f"{value / 1e6:g} million"
    return f"{value:,.0f}" if value == int(value) else f"{value:,.2f}"


def _overlap(x: NumberMention, y: NumberMention) -> bool:
    return x.low <= y.high and y.low <= x.high


def number_reasons(a_nums: Sequence[NumberMention], b_nums: Sequence[NumberMention]) -> list[Reason]:
    """Quantities of the same unit that cannot both be true."""
    reasons = []
    for unit in sorted({n.unit for n in a_nums} & {n.unit for n in b_nums}):
        xs = [n for n in a_nums if n.unit == unit]
        ys = [n for n in b_nums if n.unit == unit]
        if unit == "" and (len(xs) != 1 or len(ys) != 1):
            continue
        if any(_overlap(x, y) for x in xs for y in ys):
            continue
        x, y = xs[0], ys[0]
        what = f" {unit}s" if unit else ""
        reasons.append(Reason(ReasonKind.NUMBER, x.span, y.span,
                              f"Numbers differ: A says {x.span.text}{what}; B says {y.span.text}{what}."))
    return reasons


def date_reasons(a: Sequence[Sentence], b: Sequence[Sentence]) -> list[Reason]:
    ad = [d for s in a for d in s.features.dates if d.year]
    bd = [d for s in b for d in s.features.dates if d.year]
    if not ad or not bd:
        return []
    if {d.year for d in ad} & {d.year for d in bd}:
        for x in ad:
            for y in bd:
                if x.year == y.year and x.month and y.month and x.month != y.month:
                    return [Reason(ReasonKind.DATE, x.span, y.span,
                                   f"Dates differ: A says {x.span.text}; B says {y.span.text}.")]
        return []
    x, y = ad[0], bd[0]
    return [Reason(ReasonKind.DATE, x.span, y.span,
                   f"Dates differ: A says {x.span.text}; B says {y.span.text}.")]


def _same_entity(x: str, y: str) -> bool:
    return x == y or x in y.split() or y in x.split() or fuzz.ratio(x, y) >= 85


def entity_reasons(a: Sequence[Sentence], b: Sequence[Sentence], diff: Sequence[DiffOp]) -> list[Reason]:
    """An actor named on one side where the other names a different one, in the same position."""
    a_ents = [e for s in a for e in s.features.entities]
    b_ents = [e for s in b for e in s.features.entities]
    a_only = [e for e in a_ents if not any(_same_entity(e.key, f.key) for f in b_ents)]
    b_only = [e for e in b_ents if not any(_same_entity(e.key, f.key) for f in a_ents)]
    for op in diff:
        if op.op != "replace" or len(op.a_text.split()) > 5 or len(op.b_text.split()) > 5:
            continue
        x = next((e for e in a_only if e.span.text in op.a_text), None)
        y = next((e for e in b_only if e.span.text in op.b_text), None)
        if x and y:
            return [Reason(ReasonKind.ENTITY, x.span, y.span,
                           f"Different actor: A names {x.span.text} where B names {y.span.text}.")]
    return []


def negation_reasons(a: Sequence[Sentence], b: Sequence[Sentence]) -> list[Reason]:
    an = [n for s in a for n in s.features.negations]
    bn = [n for s in b for n in s.features.negations]
    if len(an) % 2 == len(bn) % 2:
        return []
    if an:
        return [Reason(ReasonKind.NEGATION, an[0], None,
                       f"Negation: A denies it (“{an[0].text}”); B states it positively.")]
    return [Reason(ReasonKind.NEGATION, None, bn[0],
                   f"Negation: B denies it (“{bn[0].text}”); A states it positively.")]


def _occurrences(s: Sentence, term: str, tokens, by_term: dict[str, list[int]]
                 ) -> list[tuple[str, int | None, Span]]:
    """Each word of `s` matching `term`: (stem, hedge level or None when stated as a realised
    event, phrase). Words that are neither hedged nor clearly realised are left out."""
    found: list[tuple[str, int | None, Span]] = []
    for k in by_term.get(term, ()):
        tok = tokens[k]
        before = [t.text.lower() for t in tokens[max(0, k - 3):k]]
        hedge = next((b for b in range(len(before)) if before[-1 - b] in LOCAL_HEDGES), None)
        if hedge is not None:
            first = tokens[k - hedge - 1]
            found.append((tok.stem, LOCAL_HEDGES[first.text.lower()],
                          Span(s.start + first.start, s.start + tok.end, s.text[first.start:tok.end])))
            continue
        aux = [t for t in tokens[max(0, k - 2):k] if t.text.lower() in REALISED_AUX]
        if aux:
            found.append((tok.stem, None, Span(s.start + aux[0].start, s.start + tok.end,
                                               s.text[aux[0].start:tok.end])))
    return found


def _token_index(s: Sentence):
    tokens = tokenize(s.text)
    by_term: dict[str, list[int]] = {}
    for k, tok in enumerate(tokens):
        by_term.setdefault(canonical(tok.text), []).append(k)
    return s, tokens, by_term


def certainty_reasons(a: Sequence[Sentence], b: Sequence[Sentence],
                      shared_terms: Sequence[str]) -> list[Reason]:
    """One side hedges what the other states as fact, about the same event or overall."""
    hedged_words = {w for s in list(a) + list(b) for w in _WORD.findall(s.text.lower())}
    terms = shared_terms[:MAX_EVENT_TERMS] if hedged_words & LOCAL_HEDGES.keys() else ()
    a_tokens = [_token_index(s) for s in a] if terms else []
    b_tokens = [_token_index(s) for s in b] if terms else []
    for term in terms:
        xs = [o for s, toks, idx in a_tokens for o in _occurrences(s, term, toks, idx)]
        ys = [o for s, toks, idx in b_tokens for o in _occurrences(s, term, toks, idx)]
        options = []
        for x in xs:
            for y in ys:
                if (x[1] is None) == (y[1] is None):
                    continue
                options.append((x[0] != y[0], x, y))
        if options:
            _, x, y = min(options, key=lambda o: (o[0], o[1][2].start, o[2][2].start))
            hedged = "A" if x[1] is not None else "B"
            level = x[1] if x[1] is not None else y[1]
            return [_certainty_reason(x[2], y[2], CERTAINTY_LABELS[level], hedged)]
    ca = min((s.features.certainty for s in a), key=lambda c: c.level)
    cb = min((s.features.certainty for s in b), key=lambda c: c.level)
    if ca.level == cb.level or (ca.hedged and cb.hedged and abs(ca.level - cb.level) < 2):
        return []
    hedged, plain = ("A", "B") if ca.level < cb.level else ("B", "A")
    low = ca if hedged == "A" else cb
    high = cb if hedged == "A" else ca
    plain_desc = "states it as fact" if not high.hedged else f"calls it {high.label} (“{high.cue.text}”)"
    text = (f"Certainty differs: {hedged} calls it {low.label} (“{low.cue.text}”); "
            f"{plain} {plain_desc}.")
    return [Reason(ReasonKind.CERTAINTY, ca.cue, cb.cue, text)]


def _certainty_reason(a_span: Span, b_span: Span, label: str, hedged: str) -> Reason:
    hedged_span, plain_span = (a_span, b_span) if hedged == "A" else (b_span, a_span)
    plain = "B" if hedged == "A" else "A"
    noun = hedged_span.text.split()[-1].lower()
    text = (f"Certainty differs: {hedged} says the {noun} is {label} (“{hedged_span.text}”); "
            f"{plain} states it as fact (“{plain_span.text}”).")
    return Reason(ReasonKind.CERTAINTY, a_span, b_span, text)


def attribution_reasons(a: Sequence[Sentence], b: Sequence[Sentence]) -> list[Reason]:
    aa = [x for s in a for x in s.features.attribution]
    ba = [x for s in b for x in s.features.attribution]
    if bool(aa) == bool(ba):
        return []
    if aa:
        return [Reason(ReasonKind.ATTRIBUTION, aa[0].span, None,
                       f"Attribution: A attributes it to {aa[0].source}; B states it without a source.")]
    return [Reason(ReasonKind.ATTRIBUTION, None, ba[0].span,
                   f"Attribution: B attributes it to {ba[0].source}; A states it without a source.")]


def _stance(kind: Kind) -> str:
    return _POLAR_KINDS.get(kind, "statement")


def _event_entities(sentences: Sequence[Sentence]) -> set[str]:
    """Keys of the places and actors a sentence is about, leaving out whoever it cites."""
    keys = set()
    for s in sentences:
        cited = [(a.span.start, a.span.end) for a in s.features.attribution]
        for e in s.features.entities:
            if not any(start <= e.span.start < end for start, end in cited):
                keys.add(e.key)
    return keys


def _different_events(a: Sequence[Sentence], b: Sequence[Sentence]) -> bool:
    """Both sides name places or actors and none is shared: two events that look alike
    ("a landslide struck Manila" / "a landslide struck Harare"), not one event told twice."""
    a_keys, b_keys = _event_entities(a), _event_entities(b)
    if not a_keys or not b_keys:
        return False
    return not any(_same_entity(x, y) for x in a_keys for y in b_keys)


def relate(a: Sequence[Sentence], b: Sequence[Sentence], shared_terms: Sequence[str],
           score: float, coverage: float) -> tuple[Relation, tuple[Reason, ...], tuple[DiffOp, ...]]:
    """Relation of an aligned group, its reasons and the word diff of its text.

    Pairs below COMPARABLE_SCORE, or covering little of the shorter side, share a subject rather
    than a claim: they are `related` and not checked for conflicts."""
    diff = tuple(word_diff(" ".join(s.text for s in a), " ".join(s.text for s in b)))
    if ({_stance(s.kind) for s in a} != {_stance(s.kind) for s in b}
            or score < COMPARABLE_SCORE or coverage < MIN_COVERAGE or _different_events(a, b)):
        return Relation.RELATED, (), diff
    reasons: list[Reason] = []
    reasons += number_reasons([n for s in a for n in s.features.numbers],
                              [n for s in b for n in s.features.numbers])
    reasons += date_reasons(a, b)
    reasons += entity_reasons(a, b, diff)
    reasons += negation_reasons(a, b)
    reasons += certainty_reasons(a, b, shared_terms)
    reasons += attribution_reasons(a, b)
    relation = Relation.DIVERGE if reasons else Relation.AGREE
    return relation, tuple(reasons), diff


def explain_pair_text(reasons: Sequence[Reason]) -> str:
    return " ".join(r.explanation for r in reasons) or "No conflicting detail found."

