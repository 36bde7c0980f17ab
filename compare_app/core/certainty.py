"""Certainty: one side hedges or puts in the future what the other states as fact or done.

A hedge ("could", "expected to", "appears to") governs its predicate and the figures and dates it
reaches; the other side must state that same claim as done, not a noun, a name, or a statement
under a hedge of its own.
"""

from __future__ import annotations

import re

from .cue_reach import UNKNOWN_BEFORE, narrows
from .meanings import close_meanings
from .models import Reason, ReasonKind, Span
from .normalize import REPORTING_VERBS
from .pair_view import PairView, against, earliest, joined, quote, side_span
from .predicates import denied_before, is_noun, negative_before, of_other_things
from .reading import Reading, Word, still_to_come
from .slot_reasons import MAX_FIGURES
from .time_spans import DURATIONS, time_role


def _certainty_reason(hedger: Reading, other: Reading, first: bool) -> list[Reason]:
    # A hedge governs its predicate ("could own") and the figures and dates it reaches, not
    # every noun after it ("could own a weapon" says nothing uncertain about weapons).
    lead: dict[int, int] = {}  # each cue's first governed word
    for cue, word in hedger.hedged.values():
        lead[cue.start] = min(lead.get(cue.start, word.start), word.start)
    estimated = any(_ESTIMATE.search(r.sentence.text) for r in (hedger, other))
    # a light verb's past ("made landfall") only when nothing else states a hedged claim, whose
    # figure or date then gives the fuller quote ("forecast to make landfall on Tuesday")
    return _hedged_and_stated(hedger, other, first, lead, estimated, False) or (
        _hedged_and_stated(hedger, other, first, lead, estimated, True))


def _hedged_and_stated(hedger: Reading, other: Reading, first: bool, lead: dict[int, int],
                       estimated: bool, light: bool) -> list[Reason]:
    for key, (cue, hedged_word) in sorted(hedger.hedged.items(), key=lambda kv: kv[1][0].start):
        plain = light_verb_pasts(other, hedger, hedged_word) if light else (
            other.plain(key, irregular=True) or _same_stem(other, hedged_word))
        if not plain or any(  # the hedger also states it plainly: the same
                key[:1] in "=@" or w.stem == hedged_word.stem  # figure, or the same word
                for w in hedger.plain(key)):
            continue
        if key[:1] not in "=@" and hedged_word.start != lead[cue.start]:
            continue
        if key[:1] in "=@" and _FROM_BEFORE.search(hedger.text_before(hedged_word.start, 30)):
            continue  # where a change starts is known: "would drop from March's 6%"
        if _asked_about(hedger, cue) or (key[:1] not in "=@" and _further(hedger, hedged_word)):
            continue
        refused = lead[cue.start] in hedger.denied  # "would not meet" / "rejected meeting"
        if key[:1] == "=" and estimated:
            continue  # "…, the agency estimates" / "according to estimates released by …": one
            # estimate reported twice, not a forecast against a count
        stated = [(w, v) for w in plain[:MAX_FIGURES]
                  for v in (other.realised_by(w) or _announced(other, w, hedged_word),)
                  if v is not None and _states(other, w, hedger, hedged_word)
                  and not _narrowed(other, v, w)
                  and not _own_hedge_between(other, v, w)
                  and not (refused and (negative_before(other, w) or negative_before(other, v)))
                  and w.start not in other.denied  # "did not reach" states no act done
                  and not denied_before(other, w)  # "has avoided travel": no trip made
                  and not _other_objects(hedger, hedged_word, other, w)
                  and not _reported_progressive(other, v) and not _credits(other, v)
                  and not (key[:1] == "@" and _other_act(hedger, lead[cue.start], other, v))
                  and not (key[:1] == "=" and _spans_of_other_roles(hedger, hedged_word, other, w))
                  and not _asked(other, w) and not _asked(other, v)]
        if stated:
            word, verb = stated[0]
            # A side whose own hedge or distancing comes before the word reports it as done;
            # it does not state it as fact (its own features would say otherwise), and its
            # hedge is named, so that the reason and the side's features read alike
            own = other.sentence.features.certainty.cue
            if own is not None and own.start < word.start and (
                    other.clause_at(own.start) == other.clause_at(word.start)):
                hedge = quote(own).replace("{", "{{").replace("}", "}}")
                as_done = f"reports it as done ({{said}}), under its own hedge ({hedge})"
            elif word.key in other.distanced:
                as_done = "reports it as done ({said})"
            else:
                as_done = "states it as fact ({said})"
            return against(ReasonKind.CERTAINTY, hedger, first, cue, other, word,
                            "Certainty differs: {me} presents it as expected or possible ({cue}); "
                            "{other} " + as_done + ".",
                            cue_text=_phrase(hedger, cue, side_span(hedger, [hedged_word] + (
                                [_object(hedger, hedger.index(hedged_word))] if light else []))),
                            said_text=_stated(other, word, verb))
    return []


def _spans_of_other_roles(hedger: Reading, hedged: Word, other: Reading, stated: Word) -> bool:
    """Whether the hedged figure and the stated one are spans of time in different roles: "appears
    to have halted 11 days of fighting" / "fighting broke out 11 days ago" share a length of
    time, not the hedged act."""
    x, y = hedger.figure_at(hedged.start), other.figure_at(stated.start)
    if x is None or y is None or x.unit not in DURATIONS or y.unit not in DURATIONS:
        return False
    roles = {time_role(hedger, x), time_role(other, y)}  # a time limit against a length may be
    return len(roles) == 2 and "span" in roles and not roles.isdisjoint(_SINCE)  # one ("within
    # 30 days" / "in 30 days")


_SINCE = frozenset({"ago", "apart"})


_FROM_BEFORE = re.compile(r"\bfrom\s+(?:(?:the|its|their|\w+['’]s)\s+)?$", re.IGNORECASE)


# A figure credited to an estimate: "according to estimates released by …", "…, the agency
# estimates", "estimates from the budget office".
_ESTIMATE = re.compile(r"\baccording\s+to\s+(?:\w+\s+){0,2}estimates\b|\b\w+\s+estimates?\s*[.,;]"
                       r"|\bestimates\s+(?:released|published|from|by)\b", re.IGNORECASE)
# Light verbs state an act only with their object: "is forecast to make landfall" / "made
# landfall" (but "could take weeks" / "took a victory lap" share no act).
_LIGHT_PAST = {"make": "made", "take": "took", "come": "came", "go": "went", "give": "gave",
               "makes": "made", "takes": "took", "comes": "came", "goes": "went", "gives": "gave"}


def _same_stem(other: Reading, hedged: Word) -> list[Word]:
    """The other side's unhedged forms of the hedged word's own stem, whatever keys they read
    as: "is considering raising" / "had raised" (a direction word in one form only)."""
    return [w for w in other.words if w.stem == hedged.stem and w.content
            and w.start not in other.governed]


def light_verb_pasts(other: Reading, mine: Reading, hedged: Word) -> list[Word]:
    """The other side's past of a light verb this side hedges or denies, with the same word
    after it ("would take effect" / "took effect")."""
    past = _LIGHT_PAST.get(hedged.text.lower())
    k = mine.index(hedged)
    after = _object(mine, k)
    if past is None or after is None:
        return []
    return [w for w in other.words if w.text.lower() == past and w.start not in other.governed
            and getattr(_object(other, other.index(w)), "key", None) == after.key]


_ARTICLES = frozenset("a an the".split())


def light_object(reading: Reading, verb: Word) -> Word:
    """The word a light verb's past takes ("effect" of "took effect"; the verb itself if none)."""
    return _object(reading, reading.index(verb)) or verb


def _object(reading: Reading, k: int) -> Word | None:
    """The noun right after the verb at k (past an article): "make landfall", "take part";
    none for a particle, an adverb or a figure ("go up", "went up sharply")."""
    rest = [w for w in reading.words[k + 1:k + 3] if w.text.lower() not in _ARTICLES][:1]
    if not rest or not rest[0].content or rest[0].key[:1] in "=@#^" or (
            rest[0].text.lower().endswith("ly")):
        return None
    return rest[0]


_ANNOUNCING = frozenset("announced unveiled released published".split())


def _announced(reading: Reading, word: Word, hedged: Word) -> Word | None:
    """A verb of announcing in the past that is itself the hedged act ("is expected to announce
    an election" / "announced an election"): not a participle ("the data being released") and
    not an aim ("to be released")."""
    k = reading.index(word)
    before = reading.words[k - 1].text.lower() if k else ""
    if word.text.lower() in _ANNOUNCING and word.stem == hedged.stem and before not in (
            "be", "being", "been", "to"):
        return word
    return None


def _own_hedge_between(reading: Reading, verb: Word, word: Word) -> bool:
    """Whether the side's own hedge stands between a past form and the figure or date it would
    state ("an officer assigned to the White House plans to testify on Tuesday": Tuesday is
    when he plans to, not when anything was done)."""
    return word.key[:1] in "=@" and any(
        verb.end <= cue.start < word.start and reading.clause_at(cue.start) == reading.clause_at(
            word.start) for cue, _ in reading.hedged.values())


def _other_objects(hedger: Reading, hedged: Word, other: Reading, stated: Word) -> bool:
    """Whether the hedged and the stated verb each take an object of their own, with nothing in
    common even in other words ("would mark the first evacuation flight" / "marked a
    breakthrough in the talks"): two acts, not one told two ways. Only objects both opened by
    an article ("would endorse two candidates" / "endorsed both senators" is one act)."""
    def article_after(reading: Reading, word: Word) -> bool:
        k = reading.index(word)
        return k + 1 < len(reading.words) and reading.words[k + 1].text.lower() in _ARTICLES
    return (hedged.key[:1] not in "=@" and article_after(hedger, hedged)
            and article_after(other, stated) and of_other_things(hedger, hedged, other, stated))


_QUESTION_WORDS = frozenset("how whether why what".split())
_ASKING = _QUESTION_WORDS | {"who", "which"}  # what opens an embedded question
_FURTHER = frozenset("more another further additional".split())


def _asked_about(reading: Reading, cue: Span) -> bool:
    """Whether a hedge stands in an embedded question ("views of how the strike would hit
    employment"): what is asked about, not what the sentence expects."""
    start, _ = reading.clause_at(cue.start)
    return any(w.text.lower() in _QUESTION_WORDS for w in reading.words_between(start, cue.start))


def _asked(reading: Reading, word: Word) -> bool:
    """Whether a word is asked about, not stated: it opens an embedded question ("it won't be
    clear who won", "no one knows what caused it"), or a "whether" before it in its clause asks
    ("is investigating whether there was a criminal scheme")."""
    k = reading.index(word)
    lows = [w.text.lower() for w in reading.words[max(0, k - 3):k]]
    start, _ = reading.clause_at(word.start)
    return len(lows) >= 2 and lows[-1] in _ASKING and (lows[-2] in UNKNOWN_BEFORE) or any(
        w.text.lower() == "whether" for w in reading.words_between(start, word.start))


def _further(reading: Reading, hedged: Word) -> bool:
    """Whether the hedged act is a further one ("could shoot down more drones", "may
    announce another cut"): not the act the other side reports as done ("more than" is a
    bound)."""
    k = reading.index(hedged)
    after = [w.text.lower() for w in reading.words[k + 1:k + 4]]
    return any(w in _FURTHER and after[i + 1:i + 2] != ["than"] for i, w in enumerate(after))


def _reported_progressive(reading: Reading, verb: Word) -> bool:
    """Whether a past "was/were" is a progressive a reporting verb shifts back ("said he was
    extending the guidelines" reports "I am extending"): the act announced, not done."""
    k = reading.index(verb)
    words = reading.words
    return verb.text.lower() in ("was", "were") and k + 1 < len(words) and (
        words[k + 1].text.lower().endswith("ing")) and any(
        w.text.lower() in REPORTING_VERBS for w in words[max(0, k - 4):k])


_FINITE = frozenset("is are was were has have had will".split())


def _narrowed(reading: Reading, verb: Word, word: Word) -> bool:
    """Whether a past verb and what it states stand in a restrictive relative clause ("booster
    shots to people who completed their vaccinations eight months ago"): that says who is
    meant, not that anything was done. A finite verb between them ends the clause ("people who
    have had Covid are twice as likely")."""
    return narrows(reading.words, reading.sentence.text, reading.sentence.start,
                   reading.index(verb)) and not any(
        w.text.lower() in _FINITE for w in reading.words_between(verb.end, word.start))


# A statement's own tail that hedges it ("… are twice as likely, a new study suggests").
_TRAILING_HEDGES = ("suggest", "indicat", "appear")


def _states(other: Reading, word: Word, hedger: Reading, hedged: Word) -> bool:
    """Whether `word` states as a fact what the hedger hedges: not a name, not a noun against a
    verb ("an initial set of documents" / "likely setting up"), not a change of another thing,
    and not under a hedge at the end of its own sentence."""
    if word.key[:1] not in "=@" and (
            (word.text[:1].isupper() and word.start > other.sentence.start)
            or ((is_noun(other, word) or _noun_by_form(word)) and not is_noun(hedger, hedged))):
        return False
    if word.key[:1] == "^" and not {w.key for w in other.around(word.start, word.end, 6, 4)} & {
            w.key for w in hedger.around(hedged.start, hedged.end, 6, 4)} and not {
            k for k in other.keys & hedger.keys if k[:1] == "="}:
        return False  # a rise of something else: "payrolls expected to increase" / "futures
        # were higher" (a figure both give ties two wordings of one rise: "would increase the
        # fee … to $1,160" / "increased the cost … to $1,160")
    base = other.sentence.start
    later = other.sentence.text[word.end - base:].split(",")[1:]  # the clauses after its own
    return not any(w.lower().startswith(_TRAILING_HEDGES) for part in later for w in part.split())


_LIGHT_PASTS = frozenset(_LIGHT_PAST.values())
_ACTED_ON = 8


def _other_act(hedger: Reading, lead_at: int, other: Reading, verb: Word) -> bool:
    """Whether a day both sides give is the day of two different acts: the hedged predicate
    ("is expected to meet senators Tuesday") and the past verb on the other side ("an official
    confirmed on Tuesday") share neither a word nor a meaning, nor anything they act on. One
    news day is in many sentences; a figure is not ("will surpass 600,000" / "recorded 600,000"
    still conflict)."""
    lead = next((w for w in hedger.words if w.start == lead_at), None)
    if lead is None or lead.key[:1] in "=@" or verb.text.lower() in _LIGHT_PASTS:
        return False  # a light verb means what its object says: "took effect" / "would begin"
    if lead.key == verb.key or lead.stem == verb.stem or close_meanings({lead.key}, {verb.key}):
        return False
    mine, theirs = {lead.key} | _acted_on(hedger, lead), {verb.key} | _acted_on(other, verb)
    # "is expected to announce that it is revising its mask guidance" / "updated its mask
    # guidance", "set to propose a rule" / "a proposal unveiled Tuesday": one act
    return not any(x == y or (min(len(x), len(y)) >= 5 and (x.startswith(y) or y.startswith(x)))
                   for x in mine for y in theirs)


def _acted_on(reading: Reading, word: Word) -> set[str]:
    """What a verb acts on: the content words after it in its clause (up to eight), and the
    noun just before it when it describes that noun ("a proposal unveiled Tuesday")."""
    start, end = reading.clause_at(word.start)
    before = reading.words_between(start, word.start, last=1)
    after = reading.words_between(word.end, end, first=_ACTED_ON)
    after = after[:next((k for k in range(len(after)) if still_to_come(after, k)),
                        len(after))]  # "shook hands ahead of their meeting": not the meeting
    return {w.key for w in after + [
        w for w in before if w.text.islower()] if w.content and w.key[:1] not in "=@#^"}


def _credits(reading: Reading, verb: Word) -> bool:
    """Whether a verb belongs to a credit that trails the claim ("…, his adviser announced
    Thursday"): the source's act of telling, not the claim's act ("The mayor announced the
    closure" still states the announcing)."""
    text, base = reading.sentence.text, reading.sentence.start
    return any(a.span.start <= verb.start < a.span.end and (
        a.span.text.startswith(",") or text[:a.span.start - base].rstrip().endswith(","))
        for a in reading.sentence.features.attribution)


def _noun_by_form(word: Word) -> bool:
    """A word whose ending makes it a noun with no article before it ("grant expanded emergency
    use authorization"): the naming of an act, not its report."""
    low = word.text.lower()
    return len(low) >= 8 and low.endswith(("ation", "ations"))


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
