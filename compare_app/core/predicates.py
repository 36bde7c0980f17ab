"""Which words state a claim, so that a denial of the same word on the other side conflicts.

A negation denies a predicate; the other side conflicts only where it states that predicate as a
plain fact of a main clause. Not a figure, a date or a name it passes; not a noun ("the judge's
ruling", "a nuclear strike") against a verb; not an aim or a hope ("asked to resign", "hope to
pass"; "managed to pass" did pass); not a clause about another event ("the bill, which the
Senate passed last month", "if Trump decided to order a strike"); and not a statement that is
itself negative in other words
("declined to hear" / "chose not to hear", "voted against" / "would not vote for", "no tax
increases" / "would not have any tax hikes").
"""

from __future__ import annotations

from .cue_reach import IRREGULAR_PAST, SUBORDINATORS, determines
from .models import Span
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
    return article is not None and article.text.lower() in _INDEFINITE and not any(
        c in ",;:()—–" for c in text[article.end - base:word.start - base])  # not "a
    # Republican, signed": an aside ends the noun phrase


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
                lows and lows[-1] == "to" and lows[-2:-1] != ["managed"]) or (
                not in_subordinate and not _SUBORDINATE.isdisjoint(lows)) or (
                not _NEGATIVE_BEFORE.isdisjoint(lows[-4:])) or (
                not _NEGATIVE_ANYWHERE.isdisjoint(lows)) or after in _NEGATIVE_AFTER or (
                lows[-1:] == ["as"] and w.text.lower() == "well"):
            continue
        out.append(w)
    return out


# Words after which a bare verb form can still be a predicate: a subject pronoun, a modal or an
# auxiliary ("they use", "could use", "did use"), a negation or an adverb of frequency.
_VERB_AFTER = frozenset("""i you we they he she it who that which will would could can may might
must shall should do does did not never also still often always only just cannot people police
staff women men children and or all both many most some few others""".split())


# Prepositions after which a bare verb form names a thing ("die in vain", "a policy on
# bathroom use"); "to" makes an aim instead, which `stated_predicates` handles.
_PREPOSITIONS = frozenset("""on of for about over in with against into from at under without
within between among across""".split())


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
    start, _ = reading.clause_at(word.start)
    lows = [w.text.lower() for w in reading.words_between(start, word.start)]
    return word.text.lower() in _NEGATIVE_BEFORE or not _NEGATIVE_BEFORE.isdisjoint(lows[-4:])

