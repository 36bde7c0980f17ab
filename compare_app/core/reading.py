"""A sentence read for comparison: its words with matching keys, and what its cues govern.

A negation, a hedge or a distancing word only matters for the words it governs ("never
discussed", "will surpass 600,000 deaths", "reportedly discussing"): the next few content words
of the same clause. The relation checks compare what one side governs with how the other side
states the same words.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache, partial

from .change_words import changes_in_context, record_poles
from .cue_reach import (
    CLAUSE_END,
    DENIALS,
    DETERMINERS,
    HEDGES_BEFORE_TO,
    IRREGULAR_BASE,
    NEGATIONS,
    SUBORDINATORS,
    Word,
    after_verb,
    denies_a_passive,
    deny_clause,
    describes,
    determines,
    double_negation,
    govern,
    hypothetical,
)
from .distancing import DISTANCING, distanced_keys
from .doubtless import attributive, describes_plan, no_doubt
from .models import NumberMention, Sentence, Span
from .normalize import STOP_WORDS, WORD_RE, canonical, stem
from .past_forms import states_done
from .slots import DATE_WORDS, DIRECTION_OF_WORD, FIGURE, WORD_VALUES, YEAR, number_key

PREDICATE_REACH = 8  # words back from a word to the past verb that states it as done
CLAUSE_REACH = 40  # words of a clause looked at, from each end
# Acts that publish a plan or a rule: what the plan does is not thereby done; and pledges and
# demands ("pledged to provide", "demanded it be removed"), which also do not state the figure
# they commit to ("agreed on a $3.5 trillion plan", "pledged to deliver 1 billion doses"; but
# "unveiled a $4.7 trillion budget" states the budget).
_COMMITTED = frozenset("""pledged promised vowed committed agreed offered demanded urged asked
called""".split())
_ISSUED = frozenset("""issued announced unveiled released detailed proposed introduced outlined
presented published signed""".split()) | _COMMITTED
# An event named after these is still to come: "shook hands ahead of their meeting", "before
# the vote" (not "before signing the accord", "until late Tuesday").
_AHEAD = frozenset("ahead prior pending awaiting".split())
_BEFORE_A_NOUN = frozenset("before until".split())


def still_to_come(words: Sequence[Word], k: int) -> bool:
    """Whether words[k] opens a phrase naming an event still to come."""
    low = words[k].text.lower()
    return low in _AHEAD or (low in _BEFORE_A_NOUN and k + 1 < len(words)
                             and words[k + 1].text.lower() in DETERMINERS)
# Words that open a clause of its own between a past verb and a figure ("restrictions that the
# U.S. imposed because of the pandemic will be lifted on Nov. 8": "imposed" dates nothing).
_CLAUSE_OPENERS = SUBORDINATORS | {"that"}
# Modal verbs with their negation ("won't") hedge as well as deny.
_MODAL_NEGATIVES = frozenset("""won't won’t wouldn't wouldn’t couldn't couldn’t mightn't mightn’t
shouldn't shouldn’t""".split())

# Words after a negation that make it deny no claim: "not only", "not all of the stations",
# "not because …", "doesn't necessarily" ("not always" against "always" still denies).
_NEGATION_EXCEPT = frozenset("""only just merely least all every everyone everybody everything
necessarily because""".split())
# Hedges: modal and future forms, expectation and appearance. Two-word cues need their second word.
HEDGES = frozenset("""will would could may might likely probably possibly perhaps unlikely
potentially potential presumably apparently seemingly""".split())


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


_AIM_REACH = 5  # "to pay up to $700 million": the figure a few words after its infinitive
_FIGURE_LEADS = frozenset("""about around nearly almost roughly approximately more less fewer
over under just some up at as only well below above near close""".split())
# Nouns of a plan's mark: a figure or date that qualifies one is intended, not done.
_MARKS = frozenset("target targets deadline deadlines goal goals timeline timetable".split())
_MARK_REACH = 4  # words between a figure or date and the noun it qualifies
_REACHING = frozenset("""met hit reached missed beat surpassed exceeded achieved passed
topped""".split())  # past forms that reach a mark ("met the Aug. 31 deadline")
_OWN_TENSE = frozenset("being be will shall".split())  # before a verb form not in the past
_PRONOUNS = frozenset("it they he she we i you".split())  # subjects of a clause of their own


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

    def plain(self, key: str, *, irregular: bool = False) -> list[Word]:
        """Occurrences of `key` that no hedge governs; with `irregular`, irregular past forms of
        it too ("built" for "build")."""
        return [w for w in self.words if w.start not in self.governed and (w.key == key or (
            irregular and canonical(IRREGULAR_BASE.get(w.text.lower(), "")) == key))]

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
        if word.text.lower().endswith("ed") and len(word.text) > 4 and word.key[:1] not in "=@":
            return None  # a participle that states nothing ("faced increased criticism")
        start, end = self.clause_at(word.start)
        before = self.words_between(start, word.start, last=1)
        if before and before[0].text.lower() == "to" and word.key[:1] not in "=@":
            return None  # "a bill to decriminalize", "decided to vote": an aim, not an act
        if word.key[:1] == "=" and before and before[0].text.lower() == "to":
            change = next((w for w in reversed(self.words_between(start, before[0].start))
                           if w.key[:1] == "^"), None)  # "plans to raise the cap … to 125,000"
            if change is not None:  # the figure a change reaches is done when the change is
                return change if self.past(change) and change.start not in self.governed else None
        if word.key[:1] in "=@":
            if self._scheduled(word):  # a mark is reached only by reaching it ("met the deadline")
                return next((w for w in self.words_between(*self.clause_at(word.start))
                             if w.text.lower() in _REACHING and self.past(w)), None)
            return next((w for w in self.words_between(
                start, end, first=CLAUSE_REACH, last=CLAUSE_REACH) if self.past(w)
                and w.text.lower() not in _COMMITTED and w.start not in self.governed
                and not self.apart(w, word) and not self._reduced_relative(w, word)), None)
        if before and before[0].text.lower() in _OWN_TENSE:
            return None  # "is being renamed", "will be renamed": a verb of its own, not done
        earlier = self.words_between(start, word.start, last=PREDICATE_REACH)
        for k in range(len(earlier) - 1, -1, -1):  # the nearest past verb, unless an aim comes
            if self.past(earlier[k]):             # between: "appointed to oversee the …"
                aim = any((x.text.lower() == "to" and not x.content) or still_to_come(
                    earlier, j) for j, x in enumerate(earlier[k + 1:], k + 1))
                issued = earlier[k].text.lower() in _ISSUED  # "issued a mandate requiring":
                return None if aim or issued else earlier[k]  # what it requires is not done
        return None

    def _scheduled(self, word: Word) -> bool:
        """Whether a figure or date names a plan's mark: it qualifies a noun of aim after it
        ("the new Aug. 31 withdrawal completion target", "a $2 billion fundraising goal"), which
        states what is intended, whatever verb the clause has; not a count of such things ("40
        goals", "150 targets")."""
        k = self.index(word) + 1
        while k < len(self.words) and self.words[k].key[:1] in "=@":
            k += 1  # the rest of the figure or date ("$2 billion", "Aug. 31")
        for n, w in enumerate(self.words[k:k + _MARK_REACH]):
            low = w.text.lower()
            if low in _MARKS:
                return not (n == 0 and low.endswith("s"))
            if not w.content or self.past(w):
                return False
        return False

    def _reduced_relative(self, verb: Word, word: Word) -> bool:
        """Whether a past verb after a figure tells something about its noun in a clause of its
        own with no "that" ("150 million tests it bought"): not what the figure's clause states."""
        k = self.index(verb)
        return verb.start > word.end and k > 0 and self.words[k - 1].text.lower() in _PRONOUNS

    def apart(self, verb: Word, word: Word) -> bool:
        """Whether another clause opens between a verb and a figure or date of its clause: a
        subordinate clause, or an aim ("reached a deal to pay up to $700 million")."""
        lo, hi = (verb, word) if verb.start < word.start else (word, verb)
        between = self.words_between(lo.end, hi.start)
        return any(w.text.lower() in _CLAUSE_OPENERS for w in between) or (
            word.key[:1] == "=" and verb.start < word.start and any(  # the infinitive's object
                w.text.lower() == "to" and len(between) - n <= _AIM_REACH and n + 1 < len(between)
                and between[n + 1].text.islower() and between[n + 1].content
                and between[n + 1].text.lower() not in _FIGURE_LEADS
                for n, w in enumerate(between)))

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
        return [base + m.start() for m in CLAUSE_END.finditer(self.sentence.text)]

    def figure_at(self, at: int) -> NumberMention | None:
        """The figure of the sentence that covers document offset `at`, if any."""
        return next((n for n in self.sentence.features.numbers
                     if n.span.start <= at < n.span.end), None)

    def past(self, word: Word) -> bool:
        """A past or perfect verb form that states an act (see `past_forms`)."""
        return states_done(self, word)

    def index(self, word: Word) -> int:
        """The position of a word of this sentence in `words`."""
        return bisect.bisect_left(self._starts, word.start)

    def positions(self, start: int, end: int) -> range:
        """The positions in `words` of the words that start in [start, end)."""
        return range(*(bisect.bisect_left(self._starts, at) for at in (start, end)))

    def text_before(self, at: int, width: int) -> str:
        """The sentence's text in the `width` characters before document offset `at`."""
        s = self.sentence
        return s.text[max(0, at - s.start - width):at - s.start]

    def around(self, start: int, end: int, before: int, after: int, *,
               names: bool = True) -> list[Word]:
        """The content words of the clause around [start, end), `before` words back and `after`
        on, without figures, dates, slot types or (unless `names`) names: what a word is about
        ("home prices in Kelvale rose" / "rents in Kelvale fell": prices, rents)."""
        c_start, c_end = self.clause_at(start)
        near = self.words_between(c_start, start, last=before) + self.words_between(
            end, c_end, first=after)
        named = () if names else self.sentence.features.entities
        return [w for w in near if w.content and w.key[:1] not in "=@#^" and not any(
            e.span.start <= w.start < e.span.end for e in named)]

    @cached_property
    def _starts(self) -> list[int]:
        return [w.start for w in self.words]

    def asserted(self, key: str) -> list[Word]:
        """Occurrences of `key` that no negation governs."""
        return [w for w in self.words if w.key == key and w.start not in self.denied]

    def words_at(self, span: Span) -> list[Word]:
        return [w for w in self.words if span.start <= w.start < span.end]


_FAILED_TO = frozenset("failed fails failing".split())  # "failed to reach": not done; so "yet to"
_CHOSE = frozenset("""decided decides opted opts chose chooses voted votes urged urges warned
warns advised advises cautioned cautions""".split())  # "… against buying": no purchase
_WEIGHING = frozenset("considering weighing mulling contemplating".split())  # "is considering
# raising fees": not done. After "no", words that make it deny nothing of the claim ("no one",
# "no more than 40", "no doubt"); "no longer" is a denial of its own.
_NO_EXCEPT = frozenset("""one more less fewer later sooner earlier doubt matter longer such other
means""".split())
# Words between "no" and what it denies: "no known links", "no new cases", "no serious injuries".
# (not a grade of what is denied: "no major damage" does not deny minor damage)
_NO_MODIFIERS = frozenset("""known new further additional apparent credible confirmed
reported""".split())
# Lower-case words that can start a cue; `read` looks for cues only at these (and at "n't").
CUE_WORDS = (_MODAL_NEGATIVES | NEGATIONS | HEDGES | HEDGES_BEFORE_TO | DISTANCING | _FAILED_TO
             | _WEIGHING | {"on", "no", "yet", "nobody", "none", "close", "against"})
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


def _compound(text: str, base: int, word: Word) -> bool:
    """Whether a word is the first part of a hyphenated compound ("would-be")."""
    at = word.end - base
    return text[at:at + 1] == "-"


_PREPOSITIONS = frozenset("of about on with for against over".split())
_SCHEDULED = frozenset("set due poised scheduled slated".split())
_BE = frozenset("is are was were be been being 's ’s 're ’re".split())


# Words of a time between a hedge and its "to": "is expected by next week to grant".
_WHEN_WORDS = frozenset("""by next this later soon as early late on in the end of week month
year weeks months""".split()) | DATE_WORDS
_WHEN_REACH = 4


def _to_after(words: list[Word], k: int) -> int:
    """How many words after the cue at k its "to" comes, past a time said between them ("is
    expected later this week to"); 0 when no "to" follows."""
    for n in range(1, _WHEN_REACH + 2):
        if k + n >= len(words):
            return 0
        low = words[k + n].text.lower()
        if low == "to":
            return n
        if low not in _WHEN_WORDS:
            return 0
    return 0


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
        elif key[:1] == "=" and (text[m.end():m.end() + 2][:1] == ":" or text[
                max(0, m.start() - 1):m.start()] == ":"):
            key, content = found, False  # a clock time ("11:59 p.m."), not a count
        words.append(_new_word((found, start, start + len(found), key, content, stem_)))
    record_poles(words, text, base)
    changes_in_context(words)
    negated: dict[str, Span] = {}
    hedged: dict[str, tuple[Span, Word]] = {}
    at: dict[int, set[int]] = {id(negated): set(), id(hedged): set()}
    for k in cues:
        low = words[k].text.lower()
        nxt = words[k + 1].text.lower() if k + 1 < len(words) else ""
        target: dict[str, Span] | None = None
        extra = 0
        if low in _MODAL_NEGATIVES:
            govern(hedged, at[id(hedged)], words, text, base, k, 0, hedge=True)
        if (low in NEGATIONS or low.endswith("n't") or low.endswith("n’t")) and \
                nxt not in _NEGATION_EXCEPT:
            if hypothetical(words, text, base, k) or describes(words, text, base, k, low) or (
                    double_negation(words, k, low)):
                continue  # "if he has not received …", "content that denies …", "did not deny"
            if low in DENIALS:  # "denied (that) the dam had been breached": the verb
                deny_clause(negated, at[id(negated)], words, text, base, k + (nxt == "that"))
                continue
            target = negated
        elif low in HEDGES and words[k].text != "May" and not _compound(text, base, words[k]):
            if attributive(words, text, base, k, low):
                continue  # "potential immigrants", "two likely scenarios": a kind of noun
            if describes_plan(words, k, nxt) or no_doubt(words, text, base, k):
                govern({}, at[id(hedged)], words, text, base, k, 0, hedge=True)  # neither
                # doubted nor stated
                continue
            target = hedged  # capitalised "May" is the month; "would-be" an adjective
        elif low in HEDGES_BEFORE_TO and _to_after(words, k) and not (
                low in _NOUN_CUES and k and (determines(text, base, words[k - 1])
                                             or words[k - 1].text.lower() in _PREPOSITIONS
                                             or words[k - 1].key[:1] == "=")) \
                and not (low in _SCHEDULED and (not k or words[k - 1].text.lower() not in _BE)):
            target, extra = hedged, _to_after(words, k)  # "plans to", "is expected by next
            # week to"; not "the plans to", "warned of plans to", "a $46 billion plan to", "the
            # panel set to investigate"
            # (a description, not "the panel is set to")
        elif low == "on" and nxt == "track":
            target, extra = hedged, 1
        elif (low in _FAILED_TO or (low == "yet" and k and words[k - 1].text.lower() in (
                "has", "have", "had", "is", "are"))) and nxt == "to":
            target, extra = negated, 1  # "failed to reach the climbers", "have yet to find"
        elif low == "against" and k and words[k - 1].text.lower() in _CHOSE and (
                nxt.endswith("ing") and len(nxt) > 4):
            target = negated  # "decided against appointing a commission" appoints none
        elif low in _WEIGHING and nxt.endswith("ing") and len(nxt) > 4 and k and (
                words[k - 1].text.lower() in ("is", "are", "was", "were", "be", "been")):
            target = hedged  # "is considering raising fees" has not raised them
        elif (low in ("nobody", "none") or (low == "no" and nxt == "one")) and (
                denies_a_passive(words, k + (low == "no"))):
            target, extra = negated, int(low == "no")  # "Nobody was hurt", "no one was hurt"
        elif low == "close" and nxt == "to" and k + 2 < len(words) and words[
                k + 2].text.lower().endswith("ing") and k and words[k - 1].text.lower() in _BE:
            target, extra = hedged, 1  # "are close to agreeing a ceasefire": not yet agreed
        elif low == "no" and nxt in _NO_MODIFIERS and k + 2 < len(words) and (
                words[k + 2].content and after_verb(words, text, base, k)):
            target, extra = negated, 1  # "had no known links": the links are denied
        elif low == "no" and nxt and nxt not in _NO_EXCEPT and words[k + 1].content and (
                words[k + 1].key[:1] not in "=@#^") and nxt not in HEDGES_BEFORE_TO and (
                after_verb(words, text, base, k) or denies_a_passive(words, k)):
            target = negated  # "police found no weapons", "there were no casualties", "no
            # injuries were reported"; not a subject of an act ("no entity can compel": the
            # verb is denied) nor "no plans to" (an aim)
        elif low == "no" and nxt == "longer" and (
                k + 2 >= len(words) or words[k + 2].text.lower() != "than"):
            target, extra = negated, 1  # "no longer supports the plan" denies the support (not
            # "no longer than a mile", a comparison)
        if target is not None:
            govern(target, at[id(target)], words, text, base, k, extra, hedge=target is hedged)
    distanced = distanced_keys(words, text, base, cues)
    return Reading(sentence, tuple(words), negated, hedged, distanced,
                   frozenset(at[id(hedged)]), frozenset(at[id(negated)]))
