"""Why two linked sentences agree or diverge: typed reasons with the spans on both sides.

Each reason kind is one check with one signature, `check(pair) -> list[Reason]`, listed in
`REASON_CHECKS`; a new kind is one function and one line. Explanations quote the words of each
side rather than rebuild them, so they always read as the sources wrote them.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable

from .certainty import certainty_reasons, light_object, light_verb_pasts
from .cue_reach import IRREGULAR_BASE, SUBORDINATORS
from .date_reasons import date_reasons
from .direction_reasons import direction_reasons
from .forecasts import sets_forecast_against_outcome
from .measure_reasons import (
    figures_of_other_periods,
    figures_of_other_things,
    forecast_of_change_reasons,
    measure_reasons,
)
from .models import Kind, Reason, ReasonKind, Relation, Sentence, Span
from .name_reasons import different_events, entity_reasons
from .outcomes import outcome_reasons, stage_reasons
from .pair_view import PairView, against, earliest, joined, quote, side_span
from .predicates import (
    is_noun,
    lacks,
    of_other_things,
    reported_within,
    stated_predicates,
    subordinate,
)
from .reading import Reading, Word, read
from .roles import role_reasons
from .slot_reasons import bound_reasons, number_reasons

log = logging.getLogger(__name__)

_POLAR_KINDS = {Kind.PRESCRIPTION: "prescription", Kind.QUESTION: "question"}
_SLOT_KINDS = frozenset({ReasonKind.NUMBER, ReasonKind.DATE, ReasonKind.DIRECTION})


# ----------------------------------------------------------------- negation, certainty, attribution


# A negation before a question word denies a reason or a manner, not the act after it:
# "that's not why the game made headlines" (the game did).
_WH_AFTER = re.compile(r"\s+(?:why|how|where|what|whether)\b", re.IGNORECASE)


def _negation_reason(denier: Reading, other: Reading, first: bool) -> list[Reason]:
    for key, cue in sorted(denier.negated.items(), key=lambda kv: kv[1].start):
        if key[:1] == "#" or reported_within(denier, cue.start) or _WH_AFTER.match(
                denier.sentence.text, cue.end - denier.sentence.start) or any(
                not is_noun(denier, w) for w in denier.asserted(key)):
            continue  # not when it states it too ("did not hit X but hit Y"; "the strike" is
            # a noun), nor when it recalls another speaker's denial
        # the other side may state it in an irregular past form ("has yet to find" / "found")
        keys = {key} | {w.key for w in other.plain(key, irregular=True)}
        denied = next((w for w in denier.words if w.key == key and w.start >= cue.end), None)
        if denied is None or lacks(denier, cue, denied):
            continue
        # a light verb's past with the same object: "did not take effect" / "took effect"
        light = [w for w in light_verb_pasts(other, denier, denied)
                 if not subordinate(other, w.start)]
        if keys.isdisjoint(other.keys) and not light:
            continue
        # "no weapons" denies that there are any: the other side must say there are (plainly,
        # not "fears of a recession")
        noun = is_noun(denier, denied) and cue.text.lower() != "no"
        stated = [w for k in sorted(keys)
                  for w in stated_predicates(other, k, subordinate(denier, cue.start), noun)]
        stated = [w for w in stated + light if not of_other_things(denier, denied, other, w)
                  and (w in light or not _other_light_phrase(denier, denied, other, w))
                  and not reported_within(other, w.start)  # "his claim that … called": a view
                  and not _only_possible(other, w)]  # "hopes a deal could be reached"
        if cue.text.lower().startswith("yet") or _NOT_YET.match(
                denier.sentence.text, cue.end - denier.sentence.start):
            stated = [w for w in stated if other.realised(w)  # "has not yet signed", "has yet
                      or w.text.lower() in IRREGULAR_BASE]
            # to sign" deny only that it is done: "will sign" agrees, "signed", "found" conflict
        if stated:
            if cue.text.lower().split()[0] in ("no", "nobody", "none"):  # a determiner or a
                # pronoun is quoted with what it denies ("no weapons", "Nobody was hurt")
                cue = joined(denier, cue, Span(denied.start, denied.end, denied.text))
            said = stated[0]
            # a light verb is quoted with its object: "took effect", not "took"
            said_text = quote(side_span(other, [said, light_object(other, said)])) if (
                said in light) else ""
            return against(ReasonKind.NEGATION, denier, first, cue, other, said,
                            "Negation: {me} denies it ({cue}); {other} states it ({said}).",
                            said_text=said_text)
    return []


# Verbs that say little without what follows them: "did not go as far as to say" denies no
# "go beyond"; "did not take effect" does deny "took effect" (each form of each verb)
_LIGHT_FORMS = frozenset("""go goes going went gone come comes coming came make makes making
made take takes taking took taken give gives giving gave given get gets getting got gotten put
puts putting set sets setting""".split())
_ARTICLES = frozenset("a an the".split())


def _other_light_phrase(denier: Reading, denied: Word, other: Reading, stated: Word) -> bool:
    """Whether a denied light verb and the other side's form of it go on with different words
    (articles aside), so that they name two acts."""
    return denied.text.lower() in _LIGHT_FORMS and (
        _next_key(denier, denied) != _next_key(other, stated))


def _next_key(reading: Reading, word: Word) -> str:
    k = reading.index(word)
    rest = [w for w in reading.words[k + 1:k + 3] if w.text.lower() not in _ARTICLES]
    return rest[0].key if rest else ""


_NOT_YET = re.compile(r"\s+yet\b", re.IGNORECASE)
_POSSIBLE = frozenset("could may might possibly perhaps potentially".split())


def _only_possible(reading: Reading, word: Word) -> bool:
    """Whether a side only holds the word possible ("a deal could be reached"): no statement
    a denial can contradict (a plan or a forecast, "will raise fares", still is one)."""
    return any(hedged.start == word.start and cue.text.lower().split()[0] in _POSSIBLE
               for cue, hedged in reading.hedged.values())


def negation_reasons(p: PairView) -> list[Reason]:
    """One side denies what the other states, for words of the shared claim."""
    return earliest(p, _negation_reason(p.a, p.b, True) + _negation_reason(p.b, p.a, False))


def _credits_its_claim(reading: Reading) -> bool:
    """Whether a sentence credits its main claim to a source ("…, two officials said",
    "according to two aides"), not only a clause about something else ("…, after officials
    said talks had failed")."""
    s = reading.sentence
    for credit in s.features.attribution:
        start, _ = reading.clause_at(credit.span.start)
        lead = {w.text.lower() for w in reading.words_between(start, credit.span.start)}
        lead.add(credit.span.text.split(maxsplit=1)[0].lower())  # "after officials said"
        if lead.isdisjoint(SUBORDINATORS):
            return True
    return False


def attribution_reasons(p: PairView) -> list[Reason]:
    """One side distances itself from the shared claim ("reportedly", "reports said"); the other
    asserts it. Routine credit to a named source ("the Labor Department said") is not a
    divergence, and neither is distance on both sides."""
    if bool(p.a.distanced) == bool(p.b.distanced):
        return []  # no distance, or distance on both sides
    credited = (_credits_its_claim(p.a), _credits_its_claim(p.b))
    named = {w.key for r in (p.a, p.b) for w in r.words  # names, not compounds ("all-White")
             if w.text[:1].isupper() and w.start > r.sentence.start
             and r.sentence.text[w.start - r.sentence.start - 1] not in "-‐‑"}
    (name_a, name_b) = p.names
    for first, reading, label, other in ((True, p.a, name_a, name_b),
                                         (False, p.b, name_b, name_a)):
        other_side = p.b if first else p.a
        cues = [cue for key, cue in reading.distanced.items()
                if key in p.shared and _stated_there(key, other_side, named)]
        if cues and not credited[1 if first else 0] and not _quotation(other_side):
            # the other side credits it too, or quotes a speaker: neither is stated as established
            cue = min(cues, key=lambda c: c.start)
            return [Reason(ReasonKind.ATTRIBUTION, cue if first else None,
                           None if first else cue,
                           f"Attribution: {label} reports it at a distance ({quote(cue)}); "
                           f"{other} states it as established.")]
    return []


_OPENING_QUOTES = "\"“‘«„"
_CLOSING = re.compile(r"[\"”»]|’(?![a-zA-Z])")  # not an apostrophe ("Biden’s")


def _quotation(reading: Reading) -> bool:
    """Whether a sentence is a speaker's words, opening with a quotation mark that closes after
    the end of a clause or not at all: "“My people are being targeted …" is what someone said,
    not what the outlet establishes; "“Operation Ember” delivered the doses" names a thing."""
    text = reading.sentence.text.lstrip()
    if text[:1] not in _OPENING_QUOTES:
        return False
    close = _CLOSING.search(text, 1)
    return close is None or text[close.start() - 1] in ",.!?…"


def _stated_there(key: str, other: Reading, named: set[str]) -> bool:
    """Whether a word one side keeps its distance from is part of what the other side states:
    a word of the claim, unhedged there, not a name (`named`) or a date the two only share
    ("Biden claimed that al-Qaeda is gone" / "Biden vowed to evacuate all allies")."""
    return key[:1] not in "@#" and key not in named and bool(other.plain(key))


Check = Callable[[PairView], list[Reason]]
REASON_CHECKS: tuple[Check, ...] = (number_reasons, date_reasons, direction_reasons, entity_reasons,
                                    role_reasons, negation_reasons, outcome_reasons,
                                    certainty_reasons, bound_reasons, attribution_reasons)


def _stance(kind: Kind) -> str:
    return _POLAR_KINDS.get(kind, "statement")


def relate(a: Sentence, b: Sentence, readings: dict[str, Reading] | None = None
           ) -> tuple[Relation, tuple[Reason, ...]]:
    """Relation of two linked sentences and its reasons.

    A prescription or question against a statement shares a subject, not a claim; so do two
    look-alike events; figures of two measures ("new" / "continuing" claims, a forecast and the
    outcome) are `related` too, with a `measure` reason that says why. `readings` caches each
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
    if not reasons and _states_a_figure_alike(view):
        measures = stage_reasons(view)  # they agree on a figure both give: side figures of
        # other things do not make the pair only related ("added 850,000 jobs in June, above the
        # average of the previous three months" / "added 850,000 new jobs in June, after two
        # months of disappointing growth"); two stages of one event still do
        if measures:
            return Relation.RELATED, tuple(measures)
    elif all(r.kind in _SLOT_KINDS for r in reasons):
        measures = measure_reasons(view) or forecast_of_change_reasons(view) or (
            [] if reasons else stage_reasons(view)) or (  # a stage never hides a conflict
            figures_of_other_periods(view, reasons) if reasons else figures_of_other_things(view))
        # two measures of other figures do not explain away two vote tallies: one link, one
        # vote ("220-to-190" / "222-190" stands beside "35 House Republicans" / "two
        # Republicans")
        standing = [r for r in reasons if r.kind is ReasonKind.NUMBER and _tallies(view, r)
                    and not any(_same_figures(r, m) for m in measures)]
        if measures and not standing:
            return Relation.RELATED, tuple(measures)
        if standing:
            return Relation.DIVERGE, tuple(standing)
    elif any(r.kind in (ReasonKind.NUMBER, ReasonKind.CERTAINTY) for r in reasons):
        measures = measure_reasons(view) or forecast_of_change_reasons(view)
        if measures:  # two measures: the other conflicts stand, save certainty about the figures
            reasons = [r for r in reasons if r.kind is not ReasonKind.NUMBER and not (
                r.kind is ReasonKind.CERTAINTY and _of_two_measures(view, r, measures[0]))]
            if not reasons:
                return Relation.RELATED, tuple(measures)
    return (Relation.DIVERGE if reasons else Relation.AGREE), tuple(reasons)


_ALIKE_MIN = 10  # a figure below this ("two", "5%"?) may be shared by chance; from here on a
# figure both sides state is the claim's


def _states_a_figure_alike(p: PairView) -> bool:
    """Whether both sides state one figure (not a date), of this size or more: "850,000"."""
    stated = {(n.stated, n.unit) for n in p.a.sentence.features.numbers
              if n.stated is not None and n.stated >= _ALIKE_MIN}
    return any((n.stated, n.unit) in stated for n in p.b.sentence.features.numbers)


def _tallies(p: PairView, conflict: Reason) -> bool:
    """Whether a number conflict sets two vote tallies against each other ("54-35")."""
    return all(span is not None and getattr(reading.figure_at(span.start), "unit", None) == "tally"
               for reading, span in ((p.a, conflict.a), (p.b, conflict.b)))


def _same_figures(conflict: Reason, measure: Reason) -> bool:
    """Whether a measure reason quotes the figures of a number conflict (on either side)."""
    return any(x is not None and y is not None and x.start < y.end and y.start < x.end
               for x, y in ((conflict.a, measure.a), (conflict.b, measure.b)))


def _of_two_measures(p: PairView, certainty: Reason, measure: Reason) -> bool:
    """Whether a certainty difference is one between two measures: a forecast against the
    outcome (expected by nature), or the hedge and the deed each in the clause of one of the two
    figures ("expects to make $70 billion" / "brought in $3.5 billion")."""
    if sets_forecast_against_outcome(measure):
        return True
    return all(c is not None and m is not None
               and reading.clause_at(c.start) == reading.clause_at(m.start)
               for reading, c, m in ((p.a, certainty.a, measure.a),
                                     (p.b, certainty.b, measure.b)))


def explain_pair_text(reasons: tuple[Reason, ...] | list[Reason]) -> str:
    return " ".join(r.explanation for r in reasons) or "No conflicting detail found."
