"""How far a cue reaches in its sentence, and which word it puts in doubt.

A negation or a hedge governs the next few content words of its clause ("never discussed",
"will surpass 600,000"), not another clause ("won't take part after the board rejected two"), a
year that only names what follows ("the 2020 census"), a supposition ("if he has not
received"), a relative clause that only describes ("anyone who is not"), or a denial of a
denial ("did not deny"); "denied that his decision went …" denies the clause's verb.
`reading.read` applies these to each sentence.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from .models import Span
from .normalize import IRREGULAR_BASE, REPORTING_VERBS

# Cues that hedge the verb after their "to": expectation, plan, appearance ("is expected to").
HEDGES_BEFORE_TO = frozenset("""expected expects expect set poised plans planned plan aims aim
projected forecast predicted hopes hope intends intend appears appear appeared seems seem seemed
scheduled slated due likely going""".split())
GOVERNED_WORDS = 4  # content words a cue reaches, within its clause
GOVERNED_REACH = 12  # ... looking at most this many words ahead
CLAUSE_END = re.compile(r"(?<!\d)[,:]|[,:](?!\d)|[;()—–]|\s-\s")  # not "1,200", "2:30"
# Negations of a predicate. Determiners ("no casualties", "none") deny an amount, not the claim.
NEGATIONS = frozenset("""not never cannot without deny denies denied denying refuse refuses
refused refusing""".split())

# Past forms that state something as done; reporting verbs do not count ("said" it will).
IRREGULAR_PAST = frozenset("""was were had did took began fell rose grew cut hit won lost made came
went saw left led held struck sank shrank sold bought built paid met sent spent stood brought
caught fought kept ran became broke chose drove froze gave knew overtook shot slid swept threw
wrote spread burst shut quit split cost set put hurt withdrew upheld sought fled drew flew hung
shook spoke stole swore tore understood forgave overcame overthrew rebuilt stuck""".split())


class Word(NamedTuple):
    """A word of a sentence: its text, document offsets, matching key, whether it carries
    content, and its own stem."""

    text: str
    start: int  # offset in the document
    end: int
    key: str    # matching key: canonical stem, or a typed slot value ("=42", "@monday", "^up")
    content: bool
    stem: str   # the word's own stem ("sent" and "deployed" share a key, not a stem)


DETERMINERS = frozenset("""the a an no its their his her our my your any whose these those this
that such""".split())


def determines(text: str, base: int, word: Word) -> bool:
    """Whether a word makes the next one a noun: a determiner or a possessive ("Democrats'")."""
    low = word.text.lower()
    after = text[word.end - base:word.end - base + 1]
    return low in DETERMINERS or low.endswith(("'s", "’s")) or after in ("'", "’")


def governed(words: list[Word], text: str, base: int, at: int) -> list[Word]:
    """The content words after position `at` up to the end of their clause."""
    return [words[k] for k in _governed_at(words, text, base, at)]


# Words that open another clause: a cue's reach ends there ("won't take part after Pelosi
# rejected two …" hedges the taking part, not the rejection).
_REACH_ENDS = frozenset("""because when while if unless whereas although though which who whom
whose""".split())
_TIME_LINKS = frozenset("after before since until".split())  # also prepositions: "until 2027"
# Every word that opens a subordinate or relative clause ("that" aside: it also opens what is said)
SUBORDINATORS = _REACH_ENDS | _TIME_LINKS | {"whenever"}


def _governed_at(words: list[Word], text: str, base: int, at: int, *,
                 stop_at_that: bool = False) -> list[int]:
    out: list[int] = []
    first = past_aside(words, text, base, at)
    for k in range(first, min(len(words), first + GOVERNED_REACH)):
        gap = text[words[k - 1].end - base:words[k].start - base] if k > first or (
            first == at + 1) else ""
        low = words[k].text.lower()
        if CLAUSE_END.search(gap) or low in _REACH_ENDS or (
                low in _TIME_LINKS and k + 1 < len(words) and words[k + 1].key[:1] not in "=@"
        ) or (stop_at_that and low == "that"):
            break  # "after the board rejected …", not "until 2027"; "did not confirm reports
            # that 30 …" denies no figure
        if k == at + 1 and low == "let":
            break  # "will not let … stand": the predicate is "let", which no key names
        if words[k].content:
            out.append(k)
            if len(out) == GOVERNED_WORDS:
                break
    return out


_ASIDE_GAP = re.compile(r",\s+|\s*[—–]\s*|\s+--?\s+")
ASIDE_WORDS = 3


def past_aside(words: Sequence[Word], text: str, base: int, at: int) -> int:
    """The first word a cue at word `at` can reach: the next one, or the one after a short
    aside that stands between the cue and its predicate ("has not, like, suddenly
    disappeared", "did not, however, agree", "failed -- in dramatic fashion -- to repeal")."""
    nxt = at + 1
    if nxt >= len(words) or not _ASIDE_GAP.fullmatch(text[words[at].end - base:
                                                           words[nxt].start - base]):
        return nxt
    for j in range(nxt, min(len(words) - 1, nxt + ASIDE_WORDS)):
        gap = text[words[j].end - base:words[j + 1].start - base]
        if _ASIDE_GAP.fullmatch(gap):
            return j + 1
        if gap.strip():
            break
    return nxt


_LABEL_DETERMINERS = frozenset("the its their his her our this these those".split())


def _label(words: list[Word], text: str, base: int, k: int) -> bool:
    """Whether the figure or year at word k only names the noun after it ("the 2020 census",
    "its 2019 report"): a label the hedge does not make uncertain."""
    if not (0 < k < len(words) - 1) or words[k - 1].text.lower() not in _LABEL_DETERMINERS:
        return False
    after = words[k + 1]
    return (after.content and after.text[:1].islower() and after.key[:1] not in "=@#^"
            and text[words[k].end - base:after.start - base] in (" ", "-", "‑"))


DENIALS = frozenset("deny denies denied denying".split())
_RELATIVES = frozenset("that which who".split())
_CONDITIONS = frozenset("if unless whether".split())


UNKNOWN_BEFORE = frozenset("""unclear clear whether know knows knew known say says said ask asks
asked sure see saw decide decided tell told""".split())


def describes(words: list[Word], text: str, base: int, k: int, low: str) -> bool:
    """Whether the negation at word k only describes someone or something in a restrictive
    relative clause ("content that denies …", "anyone who is not white"), not the claim; an
    aside set off by a comma ("the man, who was not armed, …") or a question ("unclear which
    lawmakers did not …") still denies."""
    if low in DENIALS and k and words[k - 1].text.lower() in _RELATIVES:
        return _restrictive(words, text, base, k - 1)
    return narrows(words, text, base, k) or _reduced(words, text, base, k, low)


def _reduced(words: list[Word], text: str, base: int, k: int, low: str) -> bool:
    """Whether "not" right after a plural noun opens a participle that says which ones ("all
    flights not yet checked in", "ballots not counted by Friday")."""
    if low != "not" or not k or words[k - 1].key[:1] in "=@" or not words[k - 1].content:
        return False
    before = words[k - 1].text.lower()
    at = k + 1 + (k + 1 < len(words) and words[k + 1].text.lower() == "yet")
    return (before.endswith("s") and not before.endswith("ss") and before not in _NOT_NOUNS
            and at < len(words) and words[at].text.lower().endswith("ed")
            and not text[words[k - 1].end - base:words[k].start - base].strip())


_NOT_NOUNS = frozenset("is was has does says seems appears remains means".split())


def narrows(words: list[Word], text: str, base: int, k: int) -> bool:
    """Whether word k stands early in a restrictive relative clause ("people who completed
    their vaccinations"): it says which ones, it does not report an event."""
    for j in range(k - 1, max(0, k - 3) - 1, -1):
        if words[j].text.lower() in ("who", "which"):
            return _restrictive(words, text, base, j)
    return False


def _restrictive(words: list[Word], text: str, base: int, j: int) -> bool:
    """Whether the relative word at j opens a clause that narrows the noun before it: no comma
    or dash before it, and not a question ("which" after "unclear", "whether", "know")."""
    if j == 0:
        return False
    gap = text[words[j - 1].end - base:words[j].start - base]
    return not re.search(r"[,;:(—–-]", gap) and words[j - 1].text.lower() not in UNKNOWN_BEFORE


def double_negation(words: list[Word], k: int, low: str) -> bool:
    """ "did not deny (that) …", "never denied …": no denial either way."""
    near = [w.text.lower() for w in words[k + 1:k + 3]] if low not in DENIALS else [
        w.text.lower() for w in words[max(0, k - 2):k]]
    other = DENIALS if low not in DENIALS else NEGATIONS - DENIALS
    return any(w in other or (low in DENIALS and w.endswith(("n't", "n’t"))) for w in near)


def hypothetical(words: list[Word], text: str, base: int, k: int) -> bool:
    """Whether the cue at word k stands in a condition ("if the person has not received …"):
    a supposition, not a denial."""
    for j in range(k - 1, max(-1, k - 7), -1):
        gap = text[words[j].end - base:words[j + 1].start - base]
        if CLAUSE_END.search(gap):
            return False
        if words[j].text.lower() in _CONDITIONS:
            return True
    return False


_COPULAS = frozenset("is are was were be been being".split())
_AUXILIARIES = frozenset("""had has have did does do will would could can should might may must
shall""".split())


def deny_clause(target: dict, governed_at: set[int], words: list[Word], text: str, base: int,
                k: int) -> None:
    """ "denied (that) his decision went against …" denies the clause's verb, not its subject
    (k is the denial verb, or the "that" after it): the words it reaches are governed; the denied
    claim is the first word that reads as a verb (not a name, not right after a determiner: "the
    meeting"), or what follows a copula or an auxiliary ("is a monopoly", "had any role"); an
    aside (", who was arrested,") is skipped; "denied the charges" denies no word."""
    cue = Span(words[k].start, words[k].end, words[k].text)
    if words[k].text.lower() == "that":  # the denial verb is the word before
        cue = Span(words[k - 1].start, words[k - 1].end, words[k - 1].text)
    for at in _governed_at(words, text, base, k):
        governed_at.add(words[at].start)
    after_auxiliary = False
    aside = False
    for at in range(k + 1, min(len(words), k + 1 + GOVERNED_REACH)):
        g, low = words[at], words[at].text.lower()
        if CLAUSE_END.search(text[words[at - 1].end - base:g.start - base]):
            if aside:
                aside = False  # the aside closes: the clause goes on
            elif low in ("who", "which", "whose") or words[at - 1].text[:1].isupper():
                aside = True  # "that the leader's son, who was arrested, had received …",
                # "that Ruiz, her chief of staff, signed …"
            else:
                return
        if aside:
            continue
        if low in _COPULAS or low in _AUXILIARIES:
            after_auxiliary = True  # "is a monopoly", "had any role"
            continue
        if g.text[:1].isupper():
            continue  # a name ("Ahmed"), not a verb
        verb = low in IRREGULAR_PAST or (low.endswith(("ed", "ing")) and len(low) > 3
                                         and not determines(text, base, words[at - 1]))
        if g.content and (verb or after_auxiliary):
            target.setdefault(g.key, cue)
            governed_at.add(g.start)
            return


def _cue_span(words: list[Word], k: int, extra: int = 0) -> Span:
    last = words[min(k + extra, len(words) - 1)]
    return Span(words[k].start, last.end, "")


def govern(target: dict, governed_at: set[int], words: list[Word], text: str, base: int,
           k: int, extra: int, *, hedge: bool) -> None:
    """Record what the cue at word k (and `extra` words after it) governs: the words it reaches,
    and under their keys its predicate (the first word) and any figure or date it reaches; a
    shared object noun alone is not the shared claim."""
    cue = _cue_span(words, k, extra)
    cue = Span(cue.start, cue.end, text[cue.start - base:cue.end - base])
    for n, at in enumerate(_governed_at(words, text, base, k + extra, stop_at_that=not hedge)):
        g = words[at]
        governed_at.add(g.start)
        if n == 0 or (g.key[:1] in "=@" and not _label(words, text, base, at)):
            target.setdefault(g.key, (cue, g) if hedge else cue)


def after_verb(words: list[Word], text: str, base: int, k: int) -> bool:
    """Whether the word at k follows a verb of its clause: "found no weapons", "there were no
    casualties", "has no evidence"; not a subject ("No entity in Texas can compel")."""
    if not k or re.search(r"[,;:(\"“”—–]", text[words[k - 1].end - base:words[k].start - base]):
        return False
    low = words[k - 1].text.lower()
    return (low in _BE_OR_HAVE or low in IRREGULAR_PAST or low.endswith("ed")) and (
        low not in REPORTING_VERBS)


_AUX = frozenset("was were has have had".split())
# Participles that end in no "-ed" and are no irregular past (those are counted too).
_PARTICIPLES = frozenset("hurt seen heard known given taken told".split())


def denies_a_passive(words: list[Word], k: int) -> bool:
    """Whether "no" (or "nobody", "none") at k opens a subject whose passive verb it denies: "No
    injuries were reported", "no customer data had been accessed", "Nobody was hurt" (not "no
    entity can compel", a denied act)."""
    j = k + 1
    while j < min(len(words), k + 5) and words[j].content and words[j].text.lower() not in _AUX:
        j += 1  # the subject's words
    rest = [w.text.lower() for w in words[j:j + 3]]
    if not rest or rest[0] not in _AUX:
        return False
    rest = rest[1:]
    if rest[:1] == ["been"]:
        rest = rest[1:]
    return bool(rest) and (rest[0].endswith("ed") or rest[0] in IRREGULAR_PAST
                           or rest[0] in IRREGULAR_BASE or rest[0] in _PARTICIPLES)


_BE_OR_HAVE = frozenset("""is are was were be been being has have had there found find finds got
get gets saw see sees show shows gave give gives left leave leaves""".split())
