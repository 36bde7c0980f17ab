"""Which words state a claim, so that a denial of the same word on the other side conflicts.

A negation denies a predicate; the other side conflicts only where it states that predicate as a
plain fact of a main clause. Not a figure, a date or a name it passes; not a noun ("the judge's
ruling", "a nuclear strike") against a verb; not an aim or a hope ("asked to resign", "hope to
pass"; "managed to pass" did pass); not a clause about another event ("the bill, which the
Senate passed last month", "if Trump decided to order a strike"); and not a statement that is
itself negative in other words
("declined to hear" / "chose not to hear", "voted against" / "would not vote for", "no tax
increases" / "would not have any tax hikes"). A denial the sentence only recalls is another
speaker's ("contradicted the claim that they didn't recommend …"), and a denied and a stated
predicate that apply to different things do not meet.
"""

from __future__ import annotations

from . import tuning
from .cue_reach import DENIALS, IRREGULAR_PAST, SUBORDINATORS, determines
from .meanings import nothing_in_common
from .models import Span
from .normalize import REPORTING_VERBS
from .reading import Reading, Word

# Words that open a clause about another event; "that" is left out: "said that it passed" states.
_SUBORDINATE = SUBORDINATORS | {"once", "why", "how", "whether"}
# Words that deny what follows them without a negation word ("declined to hear", "stopped
# wearing", "rejected meeting", "can forgo wearing", "short of support", "no tax increases").
_NEGATIVE_BEFORE = frozenset("""decline declined declines declining stop stopped stops stopping
cease ceased halt halted avoid avoided abandon abandoned quit away no reject rejected rejects
rejecting forgo forgoes forwent unable unwilling ineffective short lack lacks lacked lacking
fail fails failed failing""".split())
_NEGATIVE_ANYWHERE = frozenset("neither nor".split())  # "neither the states nor … have a right"
# "will vote against the bill", "found no evidence": the verb states no act of its own
_NEGATIVE_AFTER = frozenset("against no nothing none".split())
_INDEFINITE = frozenset("a an".split())  # "a nuclear strike": a noun two words on
_FINITE_AFTER = frozenset("is was are were has had will would could".split())


def subordinate(reading: Reading, at: int) -> bool:
    """Whether the word at offset `at` sits in a clause about another event."""
    start, _ = reading.clause_at(at)
    return any(w.text.lower() in _SUBORDINATE for w in reading.words_between(start, at))


def is_noun(reading: Reading, word: Word) -> bool:
    """Whether a word is used as a noun: after a determiner or a possessive, or an indefinite
    article and one word ("a nuclear strike")."""
    k = reading.index(word)
    text, base = reading.sentence.text, reading.sentence.start
    if k > 0 and determines(text, base, reading.words[k - 1]):
        return True
    article = reading.words[k - 2] if k > 1 else None
    if article is None or any(c in ",;:()—–" for c in text[article.end - base:word.start - base]):
        return False  # not "a Republican, signed": an aside ends the noun phrase
    if article.text.lower() in _INDEFINITE:
        return True
    # "The brief ruling is a blow": a determiner, one word, and a verb after it
    after = reading.words[k + 1].text.lower() if k + 1 < len(reading.words) else ""
    return determines(text, base, article) and reading.words[k - 1].text.islower() and (
        after in _FINITE_AFTER)


def lacks(reading: Reading, cue: Span, word: Word) -> bool:
    """Whether a negation only says something is absent ("without Facebook", "without work
    authorizations"): "without" denies an act only before a verb's -ing form."""
    return cue.text.lower() == "without" and not word.text.lower().endswith("ing")


def stated_predicates(reading: Reading, key: str, in_subordinate: bool = False,
                      noun: bool = False) -> list[Word]:
    """The words that state `key` as a plain predicate (see the module's docstring). A clause
    about another event counts when the denial is in one too ("the driver, who was not armed" /
    "who was armed"); a noun when the denied word is one too ("denies that it is a monopoly" /
    "is a monopoly")."""
    text, base = reading.sentence.text, reading.sentence.start
    words = reading.words
    out = []
    for w in reading.asserted(key):
        if w.key[:1] in "=@" or (w.text[:1].isupper() and w.start > base) or (
                text[w.start - base - 1:w.start - base] == "-"):
            continue  # a figure, a date, a name, the end of "mask-wearing"
        start, _ = reading.clause_at(w.start)
        before = reading.words_between(start, w.start)
        lows = [b.text.lower() for b in before]
        k = reading.index(w)
        after = words[k + 1].text.lower() if k + 1 < len(words) else ""
        if (not noun and (is_noun(reading, w) or (lows and _compound_head(reading, w, k)))) or (
                lows and _after_to(lows) and lows[-2:-1] != ["managed"]) or (
                not in_subordinate and not _SUBORDINATE.isdisjoint(lows)) or (
                not _NEGATIVE_BEFORE.isdisjoint(_free_words(reading, before)[-4:])) or (
                not _NEGATIVE_ANYWHERE.isdisjoint(lows)) or after in _NEGATIVE_AFTER or (
                lows[-1:] == ["as"] and w.text.lower() == "well") or lows[-1:] == ["be"] or (
                lows[-1:] and lows[-1] in _NAMING_PREPOSITIONS and w.text.lower().endswith("ing")):
            continue  # after a bare "be" nothing is stated ("will be paid", "demanded the bill
            # be paid"), nor in a gerund that names a thing ("a package of spending cuts")
        out.append(w)
    return out


def _after_to(lows: list[str]) -> bool:
    """Whether the words before a verb end with "to", or "to" and an adverb ("ordered the
    government to immediately release": an aim)."""
    return lows[-1] == "to" or (lows[-1].endswith("ly") and lows[-2:-1] == ["to"])


# Words after which a bare verb form can still be a predicate: a subject pronoun, a modal or an
# auxiliary ("they use", "could use", "did use"), a negation or an adverb of frequency.
_VERB_AFTER = frozenset("""i you we they he she it who that which will would could can may might
must shall should do does did not never also still often always only just cannot people police
staff women men children and or all both many most some few others""".split())


# Prepositions after which a bare verb form names a thing ("die in vain", "a policy on
# bathroom use"); "to" makes an aim instead, which `stated_predicates` handles.
_PREPOSITIONS = frozenset("""on of for about over in with against into from at under without
within between among across""".split())
_NAMING_PREPOSITIONS = frozenset("of for about on".split())  # "a package of spending cuts"


def _compound_head(reading: Reading, word: Word, k: int) -> bool:
    """Whether a bare verb form names a thing: right after a preposition ("in vain"), or closing
    a noun compound of up to three words that one opens ("a policy on bathroom use"). Not after
    a subject ("the coach quit", "the fire spread": their past looks like the bare form)."""
    low = word.text.lower()
    if low != word.stem or low.endswith(("s", "ed", "ing")) or low in IRREGULAR_PAST or not k:
        return False
    words = reading.words
    for j in range(k - 1, max(-1, k - 4), -1):  # up to two modifiers back to the preposition
        text = words[j].text
        if text.lower() in _PREPOSITIONS:
            return True
        if not (text.isalpha() and text.islower()) or text in _VERB_AFTER or text.endswith(
                ("s", "ly", "ing")):
            return False
    return False


def negative_before(reading: Reading, word: Word) -> bool:
    """Whether a word is denied by a verb before it ("rejected meeting", "declined to hear"),
    or is such a verb itself."""
    return word.text.lower() in _NEGATIVE_BEFORE or denied_before(reading, word)


def denied_before(reading: Reading, word: Word) -> bool:
    """Whether a verb before a word denies it ("avoided travel", "declined to hear")."""
    start, _ = reading.clause_at(word.start)
    lows = _free_words(reading, reading.words_between(start, word.start))
    return not _NEGATIVE_BEFORE.isdisjoint(lows[-4:])


_HYPHENS = ("-", "‐", "‑")


def _free_words(reading: Reading, words: list[Word]) -> list[str]:
    """The words in lower case, without the first part of a compound ("cease-fire" is no
    "cease")."""
    text, base = reading.sentence.text, reading.sentence.start
    return [w.text.lower() for w in words if text[w.end - base:w.end - base + 1] not in _HYPHENS]


# Nouns that present a view to be weighed, so that "that" after them opens its content ("Biden's
# claim that advisers didn't recommend …").
_VIEW_NOUNS = frozenset("""claim claims assertion assertions allegation allegations contention
insistence argument arguments notion denial denials""".split())
_REPORTING = REPORTING_VERBS | DENIALS | frozenset("testified testifies say".split())
_OPENERS = frozenset("when which who whom where whereby".split())


def reported_within(reading: Reading, at: int) -> bool:
    """Whether the word at offset `at` tells what someone said inside a clause about another
    statement: the content of a view ("contradicted Biden's claim that advisers didn't
    recommend …"), or a statement a relative or "when" clause recalls ("in which Fauci said the
    U.S. had never funded …", "lied when he denied that …"). A negation there is that speaker's,
    not the sentence's own claim."""
    before = [w.text.lower() for w in reading.words if w.start <= at][-12:]
    for k in range(len(before) - 2, -1, -1):
        low = before[k]
        if low == "that" and not _VIEW_NOUNS.isdisjoint(before[max(0, k - 3):k]):
            return True
        if low in _OPENERS:
            return not _REPORTING.isdisjoint(before[k + 1:k + 5])
    return False


# Prepositions that open when, where or why, not what a predicate applies to ("resigned on
# Friday after weeks of protests", "did not resign over the scandal").
_ADVERBIAL = frozenset("""on after over in at during since before amid following because until
when while as by despite""".split())


# Verbs whose complement is the predicate itself: "remained at Guantánamo" says where he stayed,
# so a preposition after them opens no circumstance.
_COPULAS = frozenset("""remain remains remained stay stays stayed is was are were be been being
become becomes became""".split())


def _complement(reading: Reading, word: Word) -> tuple[set[str], set[str]]:
    """The content words right after a predicate: those that say what it applies to ("eligible
    for green cards"), up to where a time, place or cause opens (none when one opens at once;
    after a copula the place is what is said), and all of them in its clause, circumstances
    too."""
    _, end = reading.clause_at(word.start)
    applies: set[str] = set()
    window: set[str] = set()
    adverbial = False
    copula = word.text.lower() in _COPULAS
    for w in reading.words_between(word.end, end, first=tuning.COMPLEMENT_REACH):
        adverbial = adverbial or (not copula and w.text.lower() in _ADVERBIAL)
        if w.content and w.key[:1] not in "=@^#":
            window.add(w.key)
            if not adverbial:
                applies.add(w.key)
    return applies, window


def of_other_things(denier: Reading, denied: Word, other: Reading, stated: Word) -> bool:
    """Whether the denied and the stated predicate apply to different things: the words right
    after each have nothing in common, even in other words ("are not eligible for green cards"
    / "made its nationals eligible for temporary protected status"); not when either says only
    when or why ("did not resign over the scandal" / "resigned on Friday"), nor when the
    circumstances are shared ("did not close the plant in the valley" / "closed its factory in
    the valley")."""
    (mine, my_window), (theirs, their_window) = (_complement(denier, denied),
                                                 _complement(other, stated))
    if not (mine and theirs):
        return False
    # a name both mention in passing ties nothing together when the other words differ ("did
    # not find that the Trump campaign conspired" / "did find actions by Mr. Trump"); names
    # alone still do ("did not meet Putin" / "met Putin")
    my_words, their_words = _unnamed(denier, my_window), _unnamed(other, their_window)
    if my_words and their_words:
        return nothing_in_common(my_words, their_words)
    return nothing_in_common(my_window, their_window)


def _unnamed(reading: Reading, keys: set[str]) -> set[str]:
    """The keys of a window that no capitalised word (a name) gives."""
    named = {w.key for w in reading.words if w.text[:1].isupper()}
    return keys - named
