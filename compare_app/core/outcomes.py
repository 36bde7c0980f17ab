"""Opposite outcomes of one decision or event: "approved" against "rejected", "upheld" against
"overturned", "opened" against "closed", "voted for" against "voted against".

Each word names one pole of an axis. Two linked sentences conflict on an axis when one says one
pole and the other the opposite, neither side names both, neither word is denied or hedged (those
are the negation and certainty checks' business), and the two words speak of the same thing:
what was decided (the object, or the subject of a passive) is named on both sides. Where the two
poles are two sides of one event ("France won" / "Croatia lost"), the actors must be the same.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .cue_reach import past_aside
from .models import Reason, ReasonKind, Span
from .pair_view import PairView, both_say
from .reading import Reading, Word

MAX_OUTCOMES = 20  # outcome words compared per side (a list pasted as one sentence)


@dataclass(frozen=True)
class Axis:
    """Two opposite outcomes; `converse` when each is the other's view of one event."""

    name: str
    yes: frozenset[str]
    no: frozenset[str]
    converse: bool = False
    # other forms of each pole ("ban", "approval"): a side that names the opposite pole in any
    # form ("allowed the ban to be enforced") states no single outcome
    yes_forms: frozenset[str] = frozenset()
    no_forms: frozenset[str] = frozenset()


def _axis(name: str, yes: str, no: str, forms: str = "|", converse: bool = False) -> Axis:
    yes_forms, _, no_forms = forms.partition("|")
    return Axis(name, frozenset(yes.split()), frozenset(no.split()), converse,
                frozenset(yes_forms.split()), frozenset(no_forms.split()))


AXES: tuple[Axis, ...] = (
    _axis("assent", "approved approves accepted accepts endorsed endorses signed signs",
          "rejected rejects vetoed vetoes declined declines",
          "approve approval accept acceptance endorse endorsement sign | reject rejection veto"),
    _axis("ruling", "upheld upholds", "overturned overturns reversed reverses struck:down "
          "strikes:down", "uphold | overturn reverse reversal"),
    _axis("verdict", "convicted convicts guilty", "acquitted acquits cleared clears",
          "convict conviction | acquit acquittal"),
    _axis("finding", "confirmed confirms", "ruled:out rules:out", "confirm confirmation |"),
    _axis("employment", "hired hires", "fired dismissed dismisses sacked sacks",
          "hire hiring | fire firing dismissal sack"),
    _axis("grant", "granted grants", "revoked revokes", "grant | revocation revoke"),
    _axis("target", "beat beats exceeded exceeds surpassed", "missed misses", "| miss"),
    _axis("standing", "leads leading", "trails trailed trailing", "lead | trail"),
    _axis("going ahead", "went:ahead goes:ahead", "called:off calls:off cancelled canceled "
          "cancels scrapped scraps postponed postpones", "| cancel cancellation scrap postpone"),
    _axis("success", "succeeded succeeds passed passes", "failed fails",
          "succeed success pass passage | fail failure"),
    _axis("contest", "won wins retained retains kept keeps", "lost loses",
          "win victory retain | lose loss defeat", converse=True),
    _axis("vote", "voted:for votes:for vote:for voted:in votes:in", "voted:against "
          "votes:against vote:against"),
    _axis("stance", "supported supports", "opposed opposes", "support | oppose opposition"),
    _axis("opening", "opened opens reopened reopens", "closed closes shut shuts",
          "open opening reopen reopening | close closure closing shutdown"),
    _axis("restriction", "lifted lifts", "imposed imposes reimposed extended extends renewed "
          "renews", "lift | impose extend extension renew renewal"),
    _axis("permission", "allowed allows permitted permits legalized legalised",
          "banned bans barred bars prohibited prohibits outlawed blocked blocks forbade",
          "allow permit permission legal | ban bar block prohibit prohibition outlaw"),
    _axis("tightening", "tightened tightens", "eased eases loosened loosens relaxed relaxes",
          "tighten tightening | ease easing loosen loosening relax relaxation"),
)

# A resumption presupposes the halt it ends: "trading resumed" / "circuit breakers halted
# trading", "power was restored" / "power was cut" are two stages of one event, neither an
# opposite outcome nor one claim (the pair is `related`, with a `measure` reason that says so).
STAGES: tuple[Axis, ...] = (
    _axis("service", "resumed resumes restored restores reinstated reinstates reconnected "
          "reconnects", "halted halts suspended suspends cut cuts cut:off cuts:off interrupted "
          "interrupts knocked:out", "resume resumption restore restoration reinstate "
          "reinstatement reconnect | halt suspend suspension interruption outage"),
)


def _poles(axes: tuple[Axis, ...]) -> dict[str, tuple[Axis, bool]]:
    """word -> (axis, pole); a two-word form is "first:second" ("struck:down", "voted:against")"""
    return {w: (axis, pole) for axis in axes
            for pole, words in ((True, axis.yes), (False, axis.no)) for w in words}


_POLE = _poles(AXES)
_STAGE_POLE = _poles(STAGES)
_FIRSTS = frozenset(w.split(":")[0] for w in (*_POLE, *_STAGE_POLE))
# Before one of these, the word names a thing or a state, not an act ("the bans", "a closed
# session" is still caught by the shared-context test failing more often than not).
_NOUN_BEFORE = frozenset("a an the its their his her our my your this these those".split())
# After these, the word is no outcome: "failed to" denies, "passed away" is a death, "passed
# 600,000" a threshold, "closed at 4,200" a market's session.
_SESSION = {"at", "higher", "lower", "up", "down", "flat", "unchanged", "near", "above", "below"}
# Before a figure these pass a mark or tell a margin ("passed 600,000", "won 58 percent"),
# while "hired 40 workers" and "approved $5 million" still decide.
_BEFORE_A_MARK = frozenset("passed passes won wins lost loses beat beats exceeded exceeds "
                           "surpassed topped".split())
_NOT_BEFORE = {"failed": {"to"}, "fails": {"to"}, "declined": {"to", "by", "in", "from"},
               "declines": {"to", "by", "in", "from"}, "passed": {"away", "on", "by", "over"},
               "passes": {"away", "on", "by", "over"}, "opened": _SESSION, "opens": _SESSION,
               "closed": _SESSION, "closes": _SESSION,  # "stocks closed lower": a session
               "cut": {"by", "back"}, "cuts": {"by", "back"}}  # a reduction, not a halt


@dataclass(frozen=True)
class Outcome:
    axis: Axis
    pole: bool
    words: tuple[Word, ...]  # the verb, and its particle for a two-word form


def outcomes(reading: Reading, poles: dict[str, tuple[Axis, bool]] = _POLE) -> list[Outcome]:
    """A side's outcome words that it states: not denied, not hedged, not used as nouns
    (`poles`: the table read, the opposite outcomes or the stages of an event)."""
    words = reading.words
    out: list[Outcome] = []
    for k, w in enumerate(words):
        low = w.text.lower()
        if low not in _FIRSTS or w.start in reading.denied or w.start in reading.governed:
            continue
        before = words[k - 1].text.lower() if k else ""
        if before in _NOUN_BEFORE or (before == "as" and low == "opposed"):
            continue  # "the bans", "as opposed to"
        if before in _WHEN_ADVERBS and (k < 2 or words[k - 2].text.lower() not in _AUXILIARY):
            continue  # "ousted the recently hired spokesman": a participle describing him
        after = past_aside(words, reading.sentence.text, reading.sentence.start, k)
        nxt = words[after] if after < len(words) else None  # "failed -- in dramatic fashion
        # -- to repeal" fails at another act
        nxt_low = nxt.text.lower() if nxt else ""
        two = f"{low}:{nxt_low}"
        if two in poles and nxt is not None:
            axis, pole = poles[two]
            out.append(Outcome(axis, pole, (w, nxt)))
        elif low in poles and nxt_low not in _NOT_BEFORE.get(low, ()) and not (
                nxt is not None and nxt.key[:1] == "=" and low in _BEFORE_A_MARK):
            axis, pole = poles[low]
            out.append(Outcome(axis, pole, (w,)))
        if out and out[-1].words[0] is w and _excepted(reading, out[-1]):
            out.pop()  # "allows abortions only in emergencies" bans them otherwise
        if len(out) == MAX_OUTCOMES:
            break
    return out


_EXCEPTIONS = frozenset("only except unless but".split())


def _excepted(reading: Reading, o: Outcome) -> bool:
    """Whether the outcome comes with an exception in its clause, which states the other pole
    for everything else."""
    _, end = reading.clause_at(o.words[0].start)
    after = reading.words_between(o.words[-1].end, end, first=8)
    return any(w.text.lower() in _EXCEPTIONS for w in after)


def _both_poles(reading: Reading, axis: Axis) -> bool:
    """Whether a side names both poles of an axis, in any form ("allowed the ban")."""
    yes, no = axis.yes | axis.yes_forms, axis.no | axis.no_forms
    lows = {w.text.lower() for w in reading.words}
    lows |= {w[:-1] for w in lows if w.endswith("s")}
    lows |= {f"{a.text.lower()}:{b.text.lower()}" for a, b in zip(reading.words, reading.words[1:])
             if a.text.lower() in _FIRSTS}
    return not lows.isdisjoint(yes) and not lows.isdisjoint(no)


_WHEN_ADVERBS = frozenset("recently newly just freshly previously formerly".split())
_AUXILIARY = frozenset("is are was were be been being has have had".split())
_PASSIVE = frozenset("is are was were be been being get gets got".split())
_INTRANSITIVE = frozenset({"success", "going ahead"})  # "the bill passed", "the match went ahead":
# the subject is what passed
_AFTER_OBJECT = frozenset({"guilty"})  # "found the harbour master guilty": the object comes first


def _context(reading: Reading, o: Outcome) -> set[str]:
    """What the outcome is about, as the content words of its clause: the object of an active
    verb ("rejected the bill"), the subject of a passive or intransitive one ("the bill was
    rejected", "the bill failed"), the actor on a converse axis ("the club won")."""
    first, last = o.words[0], o.words[-1]
    start, end = reading.clause_at(first.start)
    before = reading.words_between(start, first.start, last=6)
    after = reading.words_between(last.end, end, first=5)
    passive = any(w.text.lower() in _PASSIVE for w in before[-2:])
    if o.axis.converse:
        near = before
    elif o.axis.name in _INTRANSITIVE or first.text.lower() in _AFTER_OBJECT:
        near = before + after
    else:
        near = before if passive or not _names_something(after) else after  # "the crossing
        # reopened on Sunday": with no object, the subject is what reopened
    return {w.key for w in near if w.content and w.key[:1] not in "=@#^"
            and w.text.lower() not in _FIRSTS}


def _names_something(words: list[Word]) -> bool:
    """Whether words after an outcome hold an object: a content word that is no figure, date
    or slot, before any preposition ("reopened on Sunday" has none)."""
    for w in words:
        if w.text.lower() in _PREPOSITIONS_AFTER:
            return False
        if w.content and w.key[:1] not in "=@#^":
            return True
    return False


_PREPOSITIONS_AFTER = frozenset("""on in at after before for during amid until since by despite
because due""".split())


def _span(reading: Reading, o: Outcome) -> Span:
    """The outcome as written with the head of what follows it ("rejected the water tariff")."""
    first, last = o.words[0], o.words[-1]
    _, end = reading.clause_at(first.start)
    after = reading.words_between(last.end, end, first=6)
    stop = last.end
    text, base = reading.sentence.text, reading.sentence.start
    for w in after:
        if w.text.lower() in _PREPOSITIONS_AFTER and stop == last.end:
            break  # no object: "reopened on Sunday" is quoted as "reopened"
        if w.content:
            stop = w.end
        elif stop != last.end:
            break  # the noun phrase ends at the first small word after its content words
        if w.content and text[w.end - base:w.end - base + 1] in ",;:":
            break
    return Span(first.start, stop, text[first.start - base:stop - base])


def outcome_reasons(p: PairView) -> list[Reason]:
    """One side states an outcome, the other its opposite, of the same thing."""
    return _opposed(p, _POLE, ReasonKind.NEGATION, "Opposite outcomes")


def stage_reasons(p: PairView) -> list[Reason]:
    """One side tells a halt, the other the resumption that ends it, of the same thing (the
    head of what was halted, not any word near it): two stages of one event (a `measure`
    reason: the pair is related, not in conflict). A cut by an amount or to a level is a
    reduction, not a halt ("cut prices by 10%", "cut 500 jobs")."""
    return _opposed(p, _STAGE_POLE, ReasonKind.MEASURE, "Two stages of one event", _halted)


def _halted(reading: Reading, o: Outcome) -> set[str]:
    """What a halt or a resumption is of: the content words of the object's noun phrase, up
    to its first small word ("halted trading for 15 minutes": trading), or, with no object or
    in the passive, those of the subject before it ("trading on the exchange resumed"); nothing
    for a cut of an amount."""
    first, last = o.words[0], o.words[-1]
    start, end = reading.clause_at(first.start)
    after = reading.words_between(last.end, end, first=6)
    if first.text.lower() in _REDUCIBLE and _reduction(reading, after):
        return set()
    phrase: list[Word] = []
    for w in after:
        if w.key[:1] in "=@#^" or (not w.content and phrase):
            break
        if w.content:
            phrase.append(w)
    before = reading.words_between(start, first.start, last=6)
    if not phrase or any(w.text.lower() in _PASSIVE for w in before[-2:]):
        phrase = [w for w in before if w.content and w.key[:1] not in "=@#^"]
    return {w.key for w in phrase if w.text.lower() not in _FIRSTS}


_REDUCIBLE = frozenset({"cut", "cuts"})
_APPROXIMATE = frozenset("a an the some about nearly almost around roughly more over".split())


def _reduction(reading: Reading, after: list[Word]) -> bool:
    """Whether a cut states an amount or a level rather than a halt: a figure as its object
    ("cut 500 jobs"), "by" a figure ("cut prices by 10%"), or "to" a rate or a sum ("cut
    rates to 2%"); "cut to some 20,000 homes" counts the homes a halt reached."""
    text, base = reading.sentence.text, reading.sentence.start
    for k, w in enumerate(after):
        if w.key[:1] != "=":
            continue
        lead = [x.text.lower() for x in after[max(0, k - 2):k]]
        if k == 0 or (k == 1 and lead[0] in _APPROXIMATE):
            return True  # the object is a figure ("cut 500 jobs", "cut some 500 jobs")
        if "by" in lead:
            return True
        rest = text[w.end - base:w.end - base + 9].lower()
        if "to" in lead and (rest.startswith(("%", " percent", " per cent", " basis"))
                             or text[max(0, w.start - base - 1)] in "$€£"):
            return True
    return False


def _opposed(p: PairView, poles: dict[str, tuple[Axis, bool]], kind: ReasonKind,
             what: str, about: Callable[[Reading, Outcome], set[str]] = _context
             ) -> list[Reason]:
    """The first pair of opposite poles of one axis, one per side, that speak of one thing."""
    xs, ys = outcomes(p.a, poles), outcomes(p.b, poles)
    if not xs or not ys:
        return []
    for x in xs:
        for y in ys:
            if x.axis is not y.axis or x.pole == y.pole or _both_poles(p.a, x.axis) or (
                    _both_poles(p.b, y.axis)):
                continue
            if about(p.a, x) & about(p.b, y):
                sx, sy = _span(p.a, x), _span(p.b, y)
                return [Reason(kind, sx, sy, both_say(p, what, sx, sy))]
    return []
