"""Certainty: one side hedges or puts in the future what the other states as fact or done.

A hedge ("could", "expected to", "appears to") governs its predicate and the figures and dates it
reaches; the other side must state that same claim as done, not a noun, a name, another act on
the same figure, or a statement under a hedge of its own.
"""

from __future__ import annotations

import re

from .meanings import close_meanings
from .models import Reason, ReasonKind, Span
from .normalize import canonical
from .pair_view import PairView, against, earliest, joined, quote, side_span
from .predicates import is_noun, negative_before
from .reading import Reading, Word
from .slot_reasons import MAX_FIGURES


def _certainty_reason(hedger: Reading, other: Reading, first: bool) -> list[Reason]:
    # A hedge governs its predicate ("could own") and the figures and dates it reaches, not
    # every noun after it ("could own a weapon" says nothing uncertain about weapons).
    lead: dict[int, int] = {}  # each cue's first governed word
    for cue, word in hedger.hedged.values():
        lead[cue.start] = min(lead.get(cue.start, word.start), word.start)
    for key, (cue, hedged_word) in sorted(hedger.hedged.items(), key=lambda kv: kv[1][0].start):
        if key not in other.keys or any(  # the hedger also states it plainly: the same
                key[:1] in "=@" or w.stem == hedged_word.stem  # figure, or the same word
                for w in hedger.plain(key)):
            continue
        if key[:1] not in "=@" and hedged_word.start != lead[cue.start]:
            continue
        refused = lead[cue.start] in hedger.denied  # "would not meet" / "rejected meeting"
        predicate = _predicate(hedger, lead[cue.start], hedged_word) if key[:1] in "=@" else None
        stated = [(w, v) for w in other.plain(key)[:MAX_FIGURES]
                  for v in (other.realised_by(w),)
                  if v is not None and _states(other, w, hedger, hedged_word)
                  and not (refused and (negative_before(other, w) or negative_before(other, v)))
                  and (predicate is None or _same_act(hedger, cue, predicate, other, v))]
        if stated:
            word, verb = stated[0]
            # A side whose own hedge or distancing comes before the word reports it as done;
            # it does not state it as fact (its own features would say otherwise)
            own = other.sentence.features.certainty.cue
            as_done = "reports it as done" if word.key in other.distanced or (
                own is not None and own.start < word.start
                and other.clause_at(own.start) == other.clause_at(word.start)
            ) else "states it as fact"
            return against(ReasonKind.CERTAINTY, hedger, first, cue, other, word,
                            "Certainty differs: {me} presents it as expected or possible ({cue}); "
                            "{other} " + as_done + " ({said}).",
                            cue_text=_phrase(hedger, cue, side_span(hedger, [hedged_word])),
                            said_text=_stated(other, word, verb))
    return []


# What may stand between a verb and the figure it takes as its object: "will surpass more than
# 600,000", "will reach about 1,600".
_OBJECT_GAP = re.compile(r"\s*(?:(?:more|fewer|less)\s+than|over|about|nearly|almost|at\s+(?:least|"
                         r"most)|some|roughly|around|up\s+to|as\s+(?:many|much)\s+as|just|only|"
                         r"another|an?|the)?\s*", re.IGNORECASE)


def _predicate(reading: Reading, start: int, figure: Word) -> Word | None:
    """The verb a hedge governs first, when a figure or date it reaches is not that verb's
    object but stands further off ("will deliver remarks on the 100th anniversary", "would
    begin at 2 a.m. Friday"): the other side must state that act, not any act with the figure.
    None when the figure is the object ("will surpass 600,000") or the verb is no word."""
    word = next((w for w in reading.words if w.start == start), None)
    if word is None or not word.content or word.key[:1] in "=@^" or word.start > figure.start:
        return None
    base = reading.sentence.start
    between = reading.sentence.text[word.end - base:figure.start - base]
    return None if _OBJECT_GAP.fullmatch(between) else word


# Verbs that name one act in other words when a figure or date goes with them: reaching a level
# ("will surpass 600,000" / "recorded 600,000") and coming into force ("would begin at 2 a.m." /
# "took effect early Friday").
_ACTS = tuple(frozenset(canonical(w) for w in group.split()) for group in (
    "surpass surpassed pass passed exceed exceeded top topped reach reached hit record recorded "
    "cross crossed overtake overtook eclipse eclipsed",
    "begin began begun start started take took taken commence commenced kick kicked launch "
    "launched"))


def _same_act(hedger: Reading, cue: Span, predicate: Word, other: Reading, verb: Word) -> bool:
    """Whether the verb that states a figure or date as done is the act the hedge is about: a
    verb the hedge governs ("could not confirm that 40 sailors were rescued" / "were rescued"),
    one close in meaning, or one of a kind (`_ACTS`); not "will deliver remarks on the 100th
    anniversary" / "coincided with the 100th"."""
    if verb.text.lower() in _AUXILIARIES:  # "40 sailors were rescued": the act is "rescued"
        verb = next((w for w in other.words if w.start > verb.start and w.content), verb)
    if predicate.key == verb.key or predicate.stem == verb.stem or any(
            w.key == verb.key for w in hedger.words
            if w.start in hedger.governed and w.start > cue.start):
        return True
    return bool(close_meanings({predicate.key}, {verb.key})) or any(
        predicate.key in group and verb.key in group for group in _ACTS)


# A statement's own tail that hedges it ("… are twice as likely, a new study suggests").
_TRAILING_HEDGES = ("suggest", "indicat", "appear")


def _states(other: Reading, word: Word, hedger: Reading, hedged: Word) -> bool:
    """Whether `word` states as a fact what the hedger hedges: not a name, not a noun against a
    verb ("an initial set of documents" / "likely setting up"), and not under a hedge at the end
    of its own sentence."""
    if word.key[:1] not in "=@" and (
            (word.text[:1].isupper() and word.start > other.sentence.start)
            or (is_noun(other, word) and not is_noun(hedger, hedged))):
        return False
    base = other.sentence.start
    later = other.sentence.text[word.end - base:].split(",")[1:]  # the clauses after its own
    return not any(w.lower().startswith(_TRAILING_HEDGES) for part in later for w in part.split())


PHRASE_GAP = 30  # at most this many characters between two words quoted as one phrase
_AUXILIARIES = frozenset("was were is are been be had has have did does".split())


def _stated(reading: Reading, word: Word, verb: Word) -> str:
    """The words that state a claim as done: the word with its past verb when they are close
    (“took effect early Friday”), else the verb (“recorded”), or the word itself when the verb
    is a bare auxiliary."""
    near = _phrase(reading, side_span(reading, [word]), side_span(reading, [verb]), alone=False)
    if near:
        return near
    return quote(side_span(reading, [word if verb.text.lower() in _AUXILIARIES else verb]))


def _phrase(reading: Reading, main: Span, extra: Span, *, alone: bool = True) -> str:
    """`main` quoted with `extra` when both stand close together in one clause (“would begin”,
    “will pass 50,000”); else `main` alone (or "" when not `alone`). Never an elided quote."""
    x, y = (main, extra) if main.start <= extra.start else (extra, main)
    if x.end >= y.end:
        return quote(x)
    if y.start - x.end <= PHRASE_GAP and reading.clause_at(x.start) == reading.clause_at(y.start):
        whole = joined(reading, x, y)
        s = reading.sentence
        if whole.start > s.start and s.text[whole.start - s.start - 1] in "$€£":
            whole = Span(whole.start - 1, whole.end, s.text[whole.start - s.start - 1:
                                                             whole.end - s.start])
        return quote(whole)
    return quote(main) if alone else ""


def certainty_reasons(p: PairView) -> list[Reason]:
    """One side hedges or puts in the future what the other states as fact or done."""
    return earliest(p, _certainty_reason(p.a, p.b, True) + _certainty_reason(p.b, p.a, False))
