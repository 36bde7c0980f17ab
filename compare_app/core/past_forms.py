"""Which past forms state an act as done: "signed", "has spread", "was named"; not a reporting
verb, a hedge ("expected"), a quotation's opener, a participle used as an adjective ("fully
vaccinated", "the state's expanded mandate", "faced increased criticism"), a compound
adjective ("long-awaited"), or a base form a modal governs ("could cost").
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .cue_reach import HEDGES_BEFORE_TO, IRREGULAR_PAST, Word
from .normalize import REPORTING_VERBS
from .slots import WORD_VALUES

if TYPE_CHECKING:
    from .reading import Reading

_ADJECTIVAL_BEFORE = frozenset("""a an the fully newly partially partly recently already being
after once when if for with of into from""".split())  # "calls for increased enforcement"
# Past forms written like the base form, which a modal before "and" still governs.
_SAME_AS_BASE = frozenset("cut hit cost set put hurt spread shut quit split burst".split())
_MODALS = frozenset("could would may might will can should must".split())
_QUOTE_OPENS = re.compile(r"\s*:\s*[\"“‘']")  # a verb before it introduces a quotation
# Words after which an irregular past form is a noun ("the cut", "a second shot"; not "first",
# an adverb in "first took office").
_NOUN_BEFORE = frozenset("""a an the its their his her our this these those second third
fourth fifth two three four five""".split())
# Past forms that state no act: speech about something said before, and states ("based on",
# "aimed at", "designed to").
_NO_ACT = frozenset("""described reiterated repeated stressed emphasized emphasised acknowledged
explained reaffirmed based aimed designed intended meant located anticipated awaited""".split())
# ("their highly anticipated meeting", "the long awaited vote": what is expected is not done)
# Past forms that end like "indeed", "exceed", "proceed" (which are none).
_EED_PASTS = frozenset("agreed disagreed freed decreed guaranteed refereed".split())
# A prefix before a hyphen makes a verb ("co-founded", "re-opened"), not a compound adjective.
_VERB_PREFIX = re.compile(r"(?i)(?:^|[^\w])(?:re|co|pre|un|over|out|mis|de|non|self|under)[-‐‑]$")


def _perfect(r: Reading, word: Word, low: str) -> bool:
    """A bare form right after "has", "have" or "had" ("has spread", "have cut"), not a
    plural noun ("has plans") nor an aim ("to have")."""
    k = r.index(word)
    return k > 0 and word.content and low.isalpha() and word.text.islower() and not (
        low.endswith("s")) and (
        r.words[k - 1].text.lower() in ("has", "have", "had")) and not (
        k > 1 and r.words[k - 2].text.lower() == "to")

def states_done(r: Reading, word: Word) -> bool:
    """A past or perfect verb form, not a reporting verb, a hedge ("expected") or a
    participle used as an adjective ("fully vaccinated", "the injured")."""
    low = word.text.lower()
    if low in REPORTING_VERBS or low in HEDGES_BEFORE_TO or low in _NO_ACT or (
            _QUOTE_OPENS.match(r.sentence.text, word.end - r.sentence.start)):
        return False  # "His tweet continued: “…”" introduces a quote, it tells no act
    if low in IRREGULAR_PAST:
        k = r.index(word)
        before = r.words[k - 1].text.lower() if k else ""
        if low in _SAME_AS_BASE and (before in _MODALS or before in ("to", "not") or (
                before in ("and", "or") and any(
                    w.text.lower() in _MODALS for w in r.words[max(0, k - 12):k - 1]))):
            return False  # "could put", "to cut", "could cost trillions and put millions
            # at risk": the base form a modal or "to" governs
        if k and before in _NOUN_BEFORE:
            return False  # "a third shot"
        if before in ("be", "being"):
            return False  # "demanded the bill be paid", "is being built": no act done, as for
            # a regular participle
        return not (_hyphened(r, word) or _described_by(r, k, first=k + 2))  # "hard-hit
        # industries", "the seat left vacant by the death" (not "won by a wide margin")
    if _perfect(r, word, low):
        return True
    if not (low.endswith("ed") and len(low) > 4) or (
            low.endswith("eed") and low not in _EED_PASTS) or \
            low in WORD_VALUES or (word.text[:1].isupper()
                                   and word.start > r.sentence.start):
        return False  # "hundred", "indeed", "exceed", a name such as "Mohammed"
    if _hyphened(r, word):
        return False  # a compound adjective ("long-awaited", "scaled-down")
    k = r.index(word)
    before = r.words[k - 1].text.lower() if k else ""
    if before.endswith(("'s", "’s")):
        return False  # "the state's expanded mandate"
    if before in ("be", "being"):
        return False  # "to be signed", "demanded it be removed", "the data being released":
        # a participle after these tells no act done
    if _described_by(r, k):
        return False
    after = r.words[k + 1] if k + 1 < len(r.words) else None
    if (before.endswith("ed") or before in IRREGULAR_PAST) and after is not None and (
            after.content and after.key[:1] not in "=@") and not r.apart(after, word):
        return False  # "faced increased criticism": an adjective after the verb
    return before not in _ADJECTIVAL_BEFORE


def _hyphened(r: Reading, word: Word) -> bool:
    """Whether a past form is part of a compound adjective ("long-awaited", "hard-hit",
    "scaled-down"), not a verb with a prefix ("co-founded", "re-opened")."""
    text, at = r.sentence.text, word.start - r.sentence.start
    after = text[word.end - r.sentence.start:][:1]
    return bool(at and text[at - 1] in "-‐‑" and not _VERB_PREFIX.search(
        text[max(0, at - 6):at])) or (after != "" and after in "-‐‑")


def _described_by(r: Reading, k: int, first: int | None = None) -> bool:
    """Whether the past form at k describes the noun before it, with "by" a few words on
    ("symptoms caused by viruses", "the seat left vacant by the death", "a report … helped in
    part by the end of a strike"): a noun described, no act stated."""
    start = k + 1 if first is None else first
    return bool(k) and r.words[k - 1].content and any(
        w.text.lower() == "by" and (j == k + 1 or (
            j + 1 < len(r.words) and r.words[j + 1].key[:1] != "="))
        for j, w in enumerate(r.words[start:k + 4], start))
