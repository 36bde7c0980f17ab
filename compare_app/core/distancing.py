"""Distance a writer keeps from a claim: "reportedly", "media reports said", "according to
anonymous sources", "unverified posts suggest", "is alleged to have", "according to rumours".
("X claimed that", "the lawsuit alleges that" and "rejected claims that" mostly tell what a
dispute is about: no distance from the sentence's own claim.)

A distancing phrase covers what follows it up to a turn ("…, but"); one that trails its claim
as a credit ("…, unnamed sources said") covers the claim before it; a distancing adverb covers
the predicate it modifies. Reports a speaker goes on to confirm, and a known document credited
for what it says ("the 165-page report said"), keep no distance.
"""

from __future__ import annotations

import re

from .cue_reach import Word, governed
from .models import Span

DISTANCING = frozenset("""reportedly allegedly purportedly supposedly rumored rumoured
unconfirmed""".split())
_DISTANCING_RE = re.compile(
    r"\b(?:(?:media|news|press|unconfirmed|unverified|earlier|previous)\s+reports?"
    r"|reports?\s+(?:said|say|says|suggest(?:s|ed)?|indicate[sd]?|claimed|have\s+said|emerged)"
    r"|according\s+to\s+(?:(?:media|news|press|unconfirmed|local)\s+)?reports"
    r"|(?:unnamed|anonymous|unidentified)\s+(?:[\w-]+\s+)?sources?"
    r"|according\s+to\s+(?:unconfirmed\s+)?rumou?rs|rumou?rs\s+(?:say|said|suggest\w*)"
    r"|unverified\s+(?:[\w-]+\s+){0,3}?(?:posts?|claims?|accounts?|footage|videos?|images?)"
    r"|(?:is|are|was|were)\s+(?:said\s+to|(?:alleged|reported|rumou?red|claimed)\s+to(?=\s+(?:have|be)\b))"
    r"|it\s+(?:is|was)\s+(?:reported|claimed|alleged))\b",
    re.IGNORECASE)
# Reports that the speaker or writer goes on to confirm are no distance: "McKenzie concurred with
# previous media reports that …", "officials confirmed earlier reports".
_ENDORSED = re.compile(r"\b(?:concur|confirm|corroborat|verif|acknowledg|admit)\w*"
                       r"(?:\s+up)?(?:\s+(?:with|the|that|previous|earlier|recent|initial))*\s*$",
                       re.IGNORECASE)
_WITHHELD = re.compile(
    r"\b(?:not|never|no|neither|nor|declin\w*|refus\w*|unable|fail\w*)\b|n[’']t\b", re.IGNORECASE)
# "The 165-page report said", "the intelligence community's report says": a known document
# credited for what it states, not a rumour.
_KNOWN_DOCUMENT = re.compile(r"\b(?:the|its|their|this|that|his|her)\s+(?:[\w’'-]+\s+){0,3}$",
                             re.IGNORECASE)
# A turn that ends what a distancing phrase covers: "…, but" / "; however".
_TURN = re.compile(r"(?:but|however|yet)\b", re.IGNORECASE)
# A credit that trails its claim: after a comma, a few words at most before the phrase
# ("…, according to"), and a few after it ("… said on Friday.").
_TRAIL_LEAD = re.compile(r",\s*(?:[\w’'-]+\s+){0,3}$")
_TRAIL_WORDS = 4
# ... when it credits no one in particular: reports, sources, posts ("…, a new report says"
# credits one document, as a named source would)
_UNNAMED = re.compile(r"\b(?:reports|sources?|posts|claims|accounts|footage|videos?|images?|"
                      r"rumou?rs|reported|claimed|alleged)\b", re.IGNORECASE)
# ... in words that credit it: a verb of saying, or "according to"
_CREDITING = re.compile(r"\b(?:said|say|says|claimed|claims|claim|reported|told|suggested|"
                        r"suggest|suggests|according\s+to)\b", re.IGNORECASE)
# "CBS News reports", "Associated Press reports": a named outlet, not news reports at large
_OUTLET = re.compile(r"[A-Z][\w.&’'-]*\s+$")


# Words that open a clause about another event, which a distancing phrase before does not cover.
_OTHER_EVENT = frozenset("after before because since while when".split())
# A non-restrictive relative clause set off by commas: background about someone, not the claim a
# trailing credit gives ("Libby, who was convicted in 2007, was pardoned, media reports said").
_ASIDE = re.compile(r",\s*(?:who|which|whose)\b[^,;]*", re.IGNORECASE)


def _asides(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _ASIDE.finditer(text)]


def _endorsed(before: str) -> bool:
    """Whether the words before a distancing phrase confirm it ("concurred with earlier media
    reports"), and not a confirmation withheld ("declined to confirm media reports")."""
    m = _ENDORSED.search(before)
    return bool(m) and not _WITHHELD.search(before[max(0, m.start() - 25):m.start()])


def distanced_keys(words: list[Word], text: str, base: int, cues: list[int]) -> dict[str, Span]:
    """The keys a distancing phrase or adverb covers, each with the cue that covers it (`cues`:
    indices of the words that may be cues)."""
    distanced: dict[str, Span] = {}
    first = _DISTANCING_RE.search(text)  # the first phrase covers all that any later one does
    before = text[max(0, first.start() - 60):first.start()] if first else ""
    if first and first.group()[:1].isupper() and _OUTLET.search(before):
        first = None
    if first and not _endorsed(before) and not (
            first.group()[:6].lower() == "report" and _KNOWN_DOCUMENT.search(before)):
        cue = Span(base + first.start(), base + first.end(), first.group())
        lead = _TRAIL_LEAD.search(text, 0, first.start())
        trailing = lead is not None and _UNNAMED.search(first.group()) is not None and len(
            re.findall(r"\w+", text[first.end():])) <= _TRAIL_WORDS and _CREDITING.search(
            text[lead.start():])  # "…, unnamed sources said", not "…, after weeks of reports"
        aside = _asides(text)
        for w in words:
            if trailing and w.start - base < lead.start() and w.content and not any(
                    a <= w.start - base < b for a, b in aside):
                distanced.setdefault(w.key, cue)  # "…, unnamed sources claimed" (not an aside
                # about someone: "Libby, who was convicted in 2007, …")
            if w.start >= cue.end and (_TURN.match(text, w.start - base) or (
                    w.text.lower() in _OTHER_EVENT and w.start - base > first.end())):
                break  # "initial reports indicated one …, but the general gave updated
                # figures"; "an earlier report he would work from home after an aide tested
                # positive": the aide's test is no part of the report
            if w.start >= cue.end and w.content:
                distanced.setdefault(w.key, cue)
    for k in cues:
        w = words[k]
        if w.text.lower() in DISTANCING:
            for g in governed(words, text, base, k)[:2]:
                distanced.setdefault(g.key, Span(w.start, w.end, w.text))
    return distanced
