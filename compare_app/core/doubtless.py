"""Hedge words that doubt nothing where they stand.

"Potential immigrants" names a kind of person, "the budget would spend $6 trillion" tells what a
plan does, "a booster that will protect people" describes the booster, "what would be considered
a solid gain" judges: none of them makes the reported claim uncertain, so `reading` lets them
govern nothing ("a likely deployment" and "the curfew would begin" still doubt).
"""

from __future__ import annotations

import re

from .cue_reach import IRREGULAR_PAST, Word, determines

# Nouns that name an event ("a likely deployment", "a potential merger"): a hedge adjective on
# one still doubts that the event happens.
_EVENT_NOUN = ("ment", "ments", "tion", "tions", "sion", "sions", "ance", "ances", "ence", "ences",
               "ure", "ures", "al", "als")


def attributive(words: list[Word], text: str, base: int, k: int, low: str) -> bool:
    """Whether a hedge word is an adjective that says what kind of thing a noun is ("potential
    immigrants", "the likely nominee", "two likely scenarios"), not how sure the clause is:
    "potential", or "likely" after a determiner or a number, before a noun that names no event
    ("a likely deployment" still doubts the deployment)."""
    if low not in ("potential", "likely") or k + 1 >= len(words) or not words[k + 1].content:
        return False  # "the potential to kill", "is likely to" still doubt
    noun = words[k + 1].text.lower()
    if not noun.isalpha() or noun.endswith(_EVENT_NOUN):
        return False
    if low == "potential":
        return True
    before = words[k - 1] if k else None
    return before is not None and (determines(text, base, before) or before.key[:1] == "=")


# A plan's modal that tells what the plan does ("the budget would spend $6 trillion", "the
# mandate will require workers to…") describes it; it does not doubt a reported event. Its own
# occurrence ("the curfew would begin", "the law would take effect") stays a hedge.
_PLANS = frozenset("""plan plans budget budgets bill bills proposal proposals legislation measure
measures order orders package packages mandate mandates rule rules law laws policy deal
agreement framework program programme""".split())
_PLAN_CONTENT = frozenset("""spend cost require provide allow give fund create expand extend ban
limit include cover raise cut pay offer set send direct bar make""".split())


_RELATIVE = frozenset("who which that".split())
_JUDGED = frozenset("considered seen regarded viewed deemed".split())


def no_doubt(words: list[Word], text: str, base: int, k: int) -> bool:
    """Whether the modal at word k doubts nothing: it describes a thing or a person in a
    restrictive relative clause ("a booster that will protect people", "anyone who could own a
    weapon"; not "which may have been", nor "a flight that may have been a response"), judges
    ("what would be considered a solid gain"), tells what would have been ("would have
    stretched", "would have had"; "may have caused" still doubts), or stands in a condition or
    a question ("threatened to close the border if no deal could be reached", "asked him if he
    would condemn it")."""
    nxt = [w.text.lower() for w in words[k + 1:k + 3]]
    rel = words[k - 1] if k > 0 else None
    restrictive = rel is not None and rel.text.lower() in _RELATIVE and k > 1 and (
        text[words[k - 2].end - base:rel.start - base].strip() == "") and (
        words[k].text.lower() in ("will", "would", "can", "could"))  # "that may have been" doubts
    return restrictive or _supposed(words, text, base, k) or (
        nxt[:1] == ["be"] and nxt[1:] and nxt[1] in _JUDGED) or (
        nxt[:1] == ["have"] and nxt[1:] and (nxt[1].endswith("ed") or nxt[1] in IRREGULAR_PAST)
        and nxt[1] not in ("been", "was", "were") and words[k].text.lower() not in _EPISTEMIC)


# Modals that doubt a past act rather than imagine one: "may have caused the blast" (unlike
# "would have stretched 1,200 miles", "could have killed dozens").
_EPISTEMIC = frozenset("may might".split())


def describes_plan(words: list[Word], k: int, nxt: str) -> bool:
    """Whether the modal at word k tells what a plan named just before it does."""
    return nxt in _PLAN_CONTENT and any(
        w.text.lower() in _PLANS for w in words[max(0, k - 4):k])


_SUPPOSING = frozenset("if whether unless".split())
SUPPOSED_REACH = 5  # words back from a modal to the "if" that opens its clause


def _supposed(words: list[Word], text: str, base: int, k: int) -> bool:
    """Whether "if", "whether" or "unless" opens the modal's clause a few words before it."""
    for j in range(k - 1, max(-1, k - 1 - SUPPOSED_REACH), -1):
        if re.search(r"[,;:.!?—–()]", text[words[j].end - base:words[j + 1].start - base]):
            return False
        if words[j].text.lower() in _SUPPOSING:
            subject = words[j + 1]  # "if he would", "if no deal could"; not "If approved the
            # agency will", where the modal is the main clause's
            return subject.text.lower() in _SUBJECT_STARTS or subject.text[:1].isupper()
    return False


_SUBJECT_STARTS = frozenset("""he she it they we i you no the a an any this that these those its
their his her our some""".split())
