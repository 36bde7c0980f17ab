"""A sentence read for comparison: its words with matching keys, and what its cues govern.

A negation, a hedge or a distancing word only matters for the words it governs ("never
discussed", "will surpass 600,000 deaths", "reportedly discussing"): the next few content words
of the same clause. The relation checks compare what one side governs with how the other side
states the same words.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cached_property, lru_cache, partial
from typing import NamedTuple

from .models import Sentence, Span
from .normalize import REPORTING_VERBS, STOP_WORDS, WORD_RE, canonical, stem
from .slots import DATE_WORDS, DIRECTION_OF_WORD, FIGURE, WORD_VALUES, YEAR, number_key

GOVERNED_WORDS = 4  # content words a cue reaches, within its clause
GOVERNED_REACH = 12  # ... looking at most this many words ahead
PREDICATE_REACH = 8  # words back from a word to the past verb that states it as done
CLAUSE_REACH = 40  # words of a clause looked at, from each end
_ADJECTIVAL_BEFORE = frozenset("""a an the fully newly partially partly recently already being
after once when if""".split())
# Modal verbs with their negation ("won't") hedge as well as deny.
_MODAL_NEGATIVES = frozenset("""won't won’t wouldn't wouldn’t couldn't couldn’t mightn't mightn’t
shouldn't shouldn’t""".split())
_CLAUSE_END = re.compile(r"(?<!\d)[,:]|[,:](?!\d)|[;()—–]|\s-\s")  # not "1,200", "2:30"

# Negations of a predicate. Determiners ("no casualties", "none") deny an amount, not the claim.
NEGATIONS = frozenset("""not never cannot without deny denies denied denying refuse refuses
refused refusing""".split())
# Words after a negation that make it deny no claim: "not only", "not all of the stations",
# "not because …", "doesn't necessarily" ("not always" against "always" still denies).
_NEGATION_EXCEPT = frozenset("""only just merely least yet all every everyone everybody everything
necessarily because""".split())
# Past forms that state something as done; reporting verbs do not count ("said" it will).
IRREGULAR_PAST = frozenset("""was were had did took began fell rose grew cut hit won lost made came
went saw left led held struck sank shrank sold bought built paid met sent spent stood brought
caught fought kept ran became broke chose drove froze gave knew overtook shot slid swept threw
wrote""".split())
# Hedges: modal and future forms, expectation and appearance. Two-word cues need their second word.
HEDGES = frozenset("""will would could may might likely probably possibly perhaps unlikely
potentially potential presumably apparently seemingly""".split())
HEDGES_BEFORE_TO = frozenset("""expected expects expect set poised plans planned plan aims aim
projected forecast predicted hopes hope intends intend appears appear appeared seems seem seemed
scheduled due likely going""".split())
DISTANCING = frozenset("""reportedly allegedly purportedly supposedly rumored rumoured
unconfirmed""".split())
_DISTANCING_RE = re.compile(
    r"\b(?:(?:media|news|press|unconfirmed|earlier|previous)\s+reports?"
    r"|reports?\s+(?:said|say|says|suggest(?:s|ed)?|indicate[sd]?|claimed|have\s+said|emerged)"
    r"|according\s+to\s+(?:(?:media|news|press|unconfirmed|local)\s+)?reports"
    r"|(?:is|are|was|were)\s+said\s+to|it\s+(?:is|was)\s+(?:reported|claimed|alleged))\b",
    re.IGNORECASE)
# Reports that the speaker or writer goes on to confirm are no distance: "McKenzie concurred with
# previous media reports that …", "officials confirmed earlier reports".
_ENDORSED = re.compile(r"\b(?:concur|confirm|corroborat|verif|acknowledg|admit)\w*"
                       r"(?:\s+up)?(?:\s+(?:with|the|that|previous|earlier|recent|initial))*\s*$",
                       re.IGNORECASE)
_WITHHELD = re.compile(
    r"\b(?:not|never|no|neither|nor|declin\w*|refus\w*|unable|fail\w*)\b|n[’']t\b", re.IGNORECASE)


def _endorsed(before: str) -> bool:
    """Whether the words before a distancing phrase confirm it ("concurred with earlier media
    reports"), and not a confirmation withheld ("declined to confirm media reports")."""
    m = _ENDORSED.search(before)
    return bool(m) and not _WITHHELD.search(before[max(0, m.start() - 25):m.start()])




class Word(NamedTuple):
    """A word of a sentence: its text, document offsets, matching key, whether it carries
    content, and its own stem."""

    text: str
    start: int  # offset in the document
    end: int
    key: str    # matching key: canonical stem, or a typed slot value ("=42", "@monday", "^up")
    content: bool
    stem: str   # the word's own stem ("sent" and "deployed" share a key, not a stem)


@lru_cache(maxsize=100_000)
def word_key(text: str) -> str:
    low = text.lower().replace(",", "")
    if low in DIRECTION_OF_WORD:
        return "^" + DIRECTION_OF_WORD[low]
    if FIGURE.fullmatch(low):
        return number_key(low)
    if low in WORD_VALUES:
        return f"={WORD_VALUES[low]:g}"
    stem = canonical(text)
    if stem in DATE_WORDS or YEAR.fullmatch(stem):
        return "@" + stem
    return stem


@dataclass(frozen=True)
class Reading:
    """A sentence's words, and the keys its negations, hedges and distancing words govern."""

    sentence: Sentence
    words: tuple[Word, ...]
    negated: dict[str, Span]    # key -> the negation that governs it
    hedged: dict[str, tuple[Span, Word]]  # key -> the hedge that governs it, and the word
    distanced: dict[str, Span]  # key -> the distancing cue ("reportedly", "reports said") over it
    governed: frozenset[int]    # start offsets of the words a hedge governs
    denied: frozenset[int]      # start offsets of the words a negation governs

    @property
    def keys(self) -> set[str]:
        return {w.key for w in self.words if w.content}

    def plain(self, key: str) -> list[Word]:
        """Occurrences of `key` that no hedge governs."""
        return [w for w in self.words if w.key == key and w.start not in self.governed]

    def realised(self, word: Word) -> bool:
        """Whether `word` is stated as done: it is a past form itself, the nearest past verb
        before it in its clause governs it with no aim between ("appointed to oversee the
        resettlement" does not), or (for a figure or a date) its clause has one; never a verb
        after "to" (an aim: "a bill to ban")."""
        return self.realised_by(word) is not None

    def realised_by(self, word: Word) -> Word | None:
        """The past form that states `word` as done (`word` itself, or the verb of its clause
        that does), or None."""
        if self.past(word):
            return word
        start, end = self.clause_at(word.start)
        before = self.words_between(start, word.start, last=1)
        if before and before[0].text.lower() == "to" and word.key[:1] not in "=@":
            return None  # "a bill to decriminalize", "decided to vote": an aim, not an act
        if word.key[:1] in "=@":
            return next((w for w in self.words_between(
                start, end, first=CLAUSE_REACH, last=CLAUSE_REACH) if self.past(w)), None)
        earlier = self.words_between(start, word.start, last=PREDICATE_REACH)
        for k in range(len(earlier) - 1, -1, -1):  # the nearest past verb, unless an aim comes
            if self.past(earlier[k]):             # between: "appointed to oversee the …"
                aim = any(x.text.lower() == "to" and not x.content for x in earlier[k + 1:])
                return None if aim else earlier[k]
        return None

    def clause_at(self, offset: int) -> tuple[int, int]:
        """Document offsets of the clause (between punctuation) around `offset`."""
        ends = self._clause_ends
        k = bisect.bisect_right(ends, offset)
        start = ends[k - 1] if k else self.sentence.start
        end = ends[k] if k < len(ends) else self.sentence.end
        return start, end

    def words_between(self, start: int, end: int, *, first: int | None = None,
                      last: int | None = None) -> list[Word]:
        """The words that start in [start, end): all, the `first` few, the `last` few, or both
        ends (never a copy of a whole long sentence per call)."""
        i = bisect.bisect_left(self._starts, start)
        j = bisect.bisect_left(self._starts, end)
        if first is not None and last is not None and j - i > first + last:
            return list(self.words[i:i + first]) + list(self.words[j - last:j])
        if first is not None and last is None:
            j = min(j, i + first)
        if last is not None and first is None:
            i = max(i, j - last)
        return list(self.words[i:j])

    @cached_property
    def _clause_ends(self) -> list[int]:
        base = self.sentence.start
        return [base + m.start() for m in _CLAUSE_END.finditer(self.sentence.text)]

    def past(self, word: Word) -> bool:
        """A past or perfect verb form, not a reporting verb, a hedge ("expected") or a
        participle used as an adjective ("fully vaccinated", "the injured")."""
        low = word.text.lower()
        if low in REPORTING_VERBS or low in HEDGES_BEFORE_TO:
            return False
        if low in IRREGULAR_PAST:
            return True
        if not (low.endswith("ed") and len(low) > 4) or low.endswith("eed") or \
                low in WORD_VALUES or (word.text[:1].isupper()
                                       and word.start > self.sentence.start):
            return False  # "hundred", "indeed", "exceed", a name such as "Mohammed"
        at = word.start - self.sentence.start
        if at and self.sentence.text[at - 1] in "-‐‑" and not _VERB_PREFIX.search(
                self.sentence.text[max(0, at - 6):at]):
            return False  # a compound adjective ("long-awaited"), not "co-founded", "re-opened"
        k = bisect.bisect_left(self._starts, word.start)
        before = self.words[k - 1].text.lower() if k else ""
        return before not in _ADJECTIVAL_BEFORE

    @cached_property
    def _starts(self) -> list[int]:
        return [w.start for w in self.words]

    def asserted(self, key: str) -> list[Word]:
        """Occurrences of `key` that no negation governs."""
        return [w for w in self.words if w.key == key and w.start not in self.denied]

    def words_at(self, span: Span) -> list[Word]:
        return [w for w in self.words if span.start <= w.start < span.end]


def _governed(words: list[Word], text: str, base: int, at: int) -> list[Word]:
    """The content words after position `at` up to the end of their clause."""
    return [words[k] for k in _governed_at(words, text, base, at)]


# Words that open another clause: a cue's reach ends there ("won't take part after Pelosi
# rejected two …" hedges the taking part, not the rejection).
_REACH_ENDS = frozenset("""because when while if unless whereas although though which who whom
whose""".split())
_TIME_LINKS = frozenset("after before since until".split())  # also prepositions: "until 2027"


def _governed_at(words: list[Word], text: str, base: int, at: int, *,
                 stop_at_that: bool = False) -> list[int]:
    out: list[int] = []
    for k in range(at + 1, min(len(words), at + 1 + GOVERNED_REACH)):
        gap = text[words[k - 1].end - base:words[k].start - base]
        low = words[k].text.lower()
        if _CLAUSE_END.search(gap) or low in _REACH_ENDS or (
                low in _TIME_LINKS and k + 1 < len(words) and words[k + 1].key[:1] not in "=@"
        ) or (stop_at_that and low == "that"):
            break  # "after the board rejected …", not "until 2027"; "did not confirm reports
            # that 30 …" denies no figure
        if k == at + 1 and words[k].text.lower() == "let":
            break  # "will not let … stand": the predicate is "let", which no key names
        if words[k].content:
            out.append(k)
            if len(out) == GOVERNED_WORDS:
                break
    return out


_LABEL_DETERMINERS = frozenset("the its their his her our this these those".split())


def _label(words: list[Word], text: str, base: int, k: int) -> bool:
    """Whether the figure or year at word k only names the noun after it ("the 2020 census",
    "its 2019 report"): a label the hedge does not make uncertain."""
    if not (0 < k < len(words) - 1) or words[k - 1].text.lower() not in _LABEL_DETERMINERS:
        return False
    after = words[k + 1]
    return (after.content and after.text[:1].islower() and after.key[:1] not in "=@#^"
            and text[words[k].end - base:after.start - base] == " ")


_VERB_PREFIX = re.compile(r"(?i)(?:^|[^\w])(?:re|co|pre|un|over|out|mis|de|non|self|under)[-‐‑]$")
_DENIALS = frozenset("deny denies denied denying".split())
_RELATIVES = frozenset("that which who".split())
_CONDITIONS = frozenset("if unless whether".split())


_UNKNOWN_BEFORE = frozenset("""unclear clear whether know knows knew known say says said ask asks
asked sure see saw decide decided tell told""".split())


def _describes(words: list[Word], text: str, base: int, k: int, low: str) -> bool:
    """Whether the negation at word k only describes someone or something in a restrictive
    relative clause ("content that denies …", "anyone who is not white"), not the claim; an
    aside set off by a comma ("the man, who was not armed, …") or a question ("unclear which
    lawmakers did not …") still denies."""
    if low in _DENIALS and k and words[k - 1].text.lower() in _RELATIVES:
        return _restrictive(words, text, base, k - 1)
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
    return not re.search(r"[,;:(—–-]", gap) and words[j - 1].text.lower() not in _UNKNOWN_BEFORE


def _double_negation(words: list[Word], k: int, low: str) -> bool:
    """ "did not deny (that) …", "never denied …": no denial either way."""
    near = [w.text.lower() for w in words[k + 1:k + 3]] if low not in _DENIALS else [
        w.text.lower() for w in words[max(0, k - 2):k]]
    other = _DENIALS if low not in _DENIALS else NEGATIONS - _DENIALS
    return any(w in other or (low in _DENIALS and w.endswith(("n't", "n’t"))) for w in near)


def _hypothetical(words: list[Word], text: str, base: int, k: int) -> bool:
    """Whether the cue at word k stands in a condition ("if the person has not received …"):
    a supposition, not a denial."""
    for j in range(k - 1, max(-1, k - 7), -1):
        gap = text[words[j].end - base:words[j + 1].start - base]
        if _CLAUSE_END.search(gap):
            return False
        if words[j].text.lower() in _CONDITIONS:
            return True
    return False


_COPULAS = frozenset("is are was were be been being".split())
_AUXILIARIES = frozenset("had has have did does do".split())


def _deny_clause(target: dict, governed_at: set[int], words: list[Word], text: str, base: int,
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
        if _CLAUSE_END.search(text[words[at - 1].end - base:g.start - base]):
            if aside:
                aside = False  # the aside closes: the clause goes on
            elif low in ("who", "which", "whose"):
                aside = True  # "that the leader's son, who was arrested, had received …"
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
                                         and not _determines(text, base, words[at - 1]))
        if g.content and (verb or after_auxiliary):
            target.setdefault(g.key, cue)
            governed_at.add(g.start)
            return


def _cue_span(words: list[Word], k: int, extra: int = 0) -> Span:
    last = words[min(k + extra, len(words) - 1)]
    return Span(words[k].start, last.end, "")


def _govern(target: dict, governed_at: set[int], words: list[Word], text: str, base: int,
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


# Lower-case words that can start a cue; `read` looks for cues only at these (and at "n't").
CUE_WORDS = _MODAL_NEGATIVES | NEGATIONS | HEDGES | HEDGES_BEFORE_TO | DISTANCING | {"on"}
_new_word = partial(tuple.__new__, Word)  # Word(...) without its Python-level __new__


@lru_cache(maxsize=100_000)
def word_info(text: str) -> tuple[str, bool, str, bool]:
    """What `read` needs of a word as written, worked out once per spelling: its matching key,
    whether it carries content, its stem, and whether it may be a cue."""
    low = text.lower()
    key = word_key(text)
    content = (low not in STOP_WORDS or key[:1] in "=@^") and len(low) > 1 or key[:1] == "="
    cue = low in CUE_WORDS or low.endswith("n't") or low.endswith("n’t")
    return key, content, stem(text), cue


# Cue words that are also nouns: after a determiner or a possessive they name a thing.
_NOUN_CUES = frozenset("plans plan aims aim hopes hope forecast".split())
_DETERMINERS = frozenset("""the a an no its their his her our my your any whose these those this
that such""".split())


def _determines(text: str, base: int, word: Word) -> bool:
    """Whether a word makes the next one a noun: a determiner or a possessive ("Democrats'")."""
    low = word.text.lower()
    after = text[word.end - base:word.end - base + 1]
    return low in _DETERMINERS or low.endswith(("'s", "’s")) or after in ("'", "’")


def _compound(text: str, base: int, word: Word) -> bool:
    """Whether a word is the first part of a hyphenated compound ("would-be")."""
    at = word.end - base
    return text[at:at + 1] == "-"


def read(sentence: Sentence) -> Reading:
    text, base = sentence.text, sentence.start
    words: list[Word] = []
    cues: list[int] = []  # indices of the words that may be cues, in order
    for m in WORD_RE.finditer(text):
        found = m.group()
        key, content, stem_, cue = word_info(found)
        if cue:
            cues.append(len(words))
        start = base + m.start()
        if found == "May" and words and words[-1].text[:1].islower():
            key, content = "@may", True  # the month ("reopened in May"), not "Theresa May"
        words.append(_new_word((found, start, start + len(found), key, content, stem_)))
    negated: dict[str, Span] = {}
    hedged: dict[str, tuple[Span, Word]] = {}
    at: dict[int, set[int]] = {id(negated): set(), id(hedged): set()}
    for k in cues:
        low = words[k].text.lower()
        nxt = words[k + 1].text.lower() if k + 1 < len(words) else ""
        target: dict[str, Span] | None = None
        extra = 0
        if low in _MODAL_NEGATIVES:
            _govern(hedged, at[id(hedged)], words, text, base, k, 0, hedge=True)
        if (low in NEGATIONS or low.endswith("n't") or low.endswith("n’t")) and \
                nxt not in _NEGATION_EXCEPT:
            if _hypothetical(words, text, base, k) or _describes(words, text, base, k, low) or (
                    _double_negation(words, k, low)):
                continue  # "if he has not received …", "content that denies …", "did not deny"
            if low in _DENIALS:  # "denied (that) the dam had been breached": the verb
                _deny_clause(negated, at[id(negated)], words, text, base,
                             k + (nxt == "that"))
                continue
            target = negated
        elif low in HEDGES and words[k].text != "May" and not _compound(text, base, words[k]):
            target = hedged  # capitalised "May" is the month; "would-be" an adjective
        elif low in HEDGES_BEFORE_TO and nxt == "to" and not (
                low in _NOUN_CUES and k and _determines(text, base, words[k - 1])):
            target, extra = hedged, 1  # "plans to", not "the plans to" or "Democrats' plans to"
        elif low == "on" and nxt == "track":
            target, extra = hedged, 1
        if target is not None:
            _govern(target, at[id(target)], words, text, base, k, extra, hedge=target is hedged)
    # A distancing phrase ("reports said") covers what follows it; a distancing adverb
    # ("reportedly") the predicate it modifies.
    distanced: dict[str, Span] = {}
    first = _DISTANCING_RE.search(text)  # the first phrase covers all that any later one does
    if first and not _endorsed(text[max(0, first.start() - 60):first.start()]):
        cue = Span(base + first.start(), base + first.end(), first.group())
        for w in words:
            if w.start >= cue.end and w.content:
                distanced.setdefault(w.key, cue)
    for k in cues:
        w = words[k]
        if w.text.lower() in DISTANCING:
            for g in _governed(words, text, base, k)[:2]:
                distanced.setdefault(g.key, Span(w.start, w.end, w.text))
    return Reading(sentence, tuple(words), negated, hedged, distanced,
                   frozenset(at[id(hedged)]), frozenset(at[id(negated)]))
