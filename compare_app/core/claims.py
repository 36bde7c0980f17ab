"""What a sentence asserts: quantities, dates, names, negation, attribution and certainty.

Features carry absolute spans so the GUI and reports can point at the words that matter.
"""

from __future__ import annotations

import bisect
import logging
import re

from .kinds import FOLDED, admits
from .lexicon import is_common_word
from .models import (
    ASSERTED,
    Attribution,
    Certainty,
    ClaimFeatures,
    DateMention,
    EntityMention,
    Span,
)
from .normalize import AliasTable
from .quantities import find_numbers

log = logging.getLogger(__name__)

MONTHS = {m: i + 1 for i, m in enumerate(
    "january february march april may june july august september october november "
    "december".split())}
# Abbreviated months as news style writes them ("Jan. 6", "Sept. 20"), with or without the period
_MONTH_ABBREVIATIONS = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "aug": 8, "sep": 9, "sept": 9,
                        "oct": 10, "nov": 11, "dec": 12}
_MONTH_RE = "|".join([m.capitalize() for m in MONTHS] + [
    rf"{a.capitalize()}\.?(?=\s+\d)" for a in sorted(_MONTH_ABBREVIATIONS, key=len, reverse=True)])


def _month(name: str) -> int:
    low = name.lower().rstrip(".")
    return MONTHS.get(low) or _MONTH_ABBREVIATIONS[low]

DATE_RE = re.compile(
    rf"\b(?:(?P<dm_day>[12]\d|3[01]|0?[1-9])(?:(?:st|nd|rd|th)(?:\s+of)?)?\s+(?P<dm_month>{_MONTH_RE})"
    rf"(?:,?\s+(?P<dm_year>(?:1[5-9]|20)\d\d))?(?![\w-])"
    rf"|(?P<month>{_MONTH_RE})(?:\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?)?\s+(?P<year>(?:1[5-9]|20)\d\d)"
    rf"|(?P<month_only>{_MONTH_RE})\s+of\s+(?P<rel_year>this|last|next)\s+year"
    rf"|(?P<md_month>{_MONTH_RE})\s+(?P<md_day>(?:[12]\d|3[01]|0?[1-9]))(?:st|nd|rd|th)?(?!\d)"
    rf"|(?P<decade>(?:1[5-9]|20)\d0)s"
    rf"|(?P<bare_year>(?:1[5-9]|20)\d\d)(?!\d|,\d|\s*(?:troops|soldiers|people|members|personnel))"
    rf"|(?P<relative>(?:this|last|next|the\s+past|the\s+coming)\s+(?:year|month|week|decade|spring|summer|autumn|fall|winter)"
    rf"|today|yesterday|tomorrow|recently|now))\b")

NEGATION_RE = re.compile(
    r"\b(?:not(?!\s+(?:only|merely|just|least|necessarily\s+only))|no(?!\s+(?:matter|longer\s+only|doubt))"
    r"|never|none|nobody|nothing|neither|nor|without|cannot|\w+n['’]t|denie[sd]|deny|refused?"
    r"|failed\s+to|unable\s+to|no\s+longer)\b", re.IGNORECASE)

# (pattern, ICD level) from the most specific phrases to single words.
_CERTAINTY_CUES: list[tuple[str, int]] = [
    (r"almost no chance|remote(?:ly)? (?:possible|chance)|highly improbable", 0),
    (r"very unlikely|highly unlikely|extremely unlikely|improbable", 1),
    (r"unlikely|probably not|doubtful|not likely|little chance", 2),
    (r"almost certain(?:ly)?|virtually certain(?:ly)?|nearly certain(?:ly)?", 6),
    (r"very likely|highly likely|highly probable|most likely", 5),
    (r"even chance|may|might|could|possibl[ey]|possibility|perhaps|potential(?:ly)?|uncertain|"
     r"unknowable|if true|supposed(?:ly)?|alleged(?:ly)?|rumou?r\w*", 3),
    (r"likely|probabl[ey]|reportedly|seemingly|seem(?:s|ed)?|appear(?:s|ed|ing)?(?: to)?|"
     r"apparently|suggest(?:s|ed|ing)?|presumably|expected to|believed to", 4),
]
# One pass: the alternatives are tried in the order above at each position.
CERTAINTY_RE = re.compile("|".join(rf"(?P<l{i}>\b(?:{p})\b)"
                                   for i, (p, _) in enumerate(_CERTAINTY_CUES)), re.IGNORECASE)
_CERTAINTY_LEVELS = {f"l{i}": level for i, (_, level) in enumerate(_CERTAINTY_CUES)}
CONDITIONAL_RE = re.compile(r"^\s*(?:Should|Were|Had|If|Unless|In case)\b(?![^,]*\bthen\b[^,]*$)")

_SAY = r"(?:said|says|say|told|tells|stated|states|reported|reports|claimed|claims|argued|argues|" \
       r"warned|warns|cited|cites|noted|notes|wrote|writes|announced|insisted|added|according)"
ATTRIBUTION_RES = [
    re.compile(r"\baccording to (?P<source>[^,.;]+)", re.IGNORECASE),
    re.compile(r"\b(?:in line with|based on|citing) (?P<source>(?:recent |the |an? )?"
               r"(?:assessments?|reports?|accounts?|estimates?|intelligence|sources?|"
               r"eyewitness accounts)[^,.;]*)",
               re.IGNORECASE),
    re.compile(r"(?P<source>\b(?:\w+\s+){0,3}(?:reports?|sources?|officials?|analysts?|experts?|"
               r"intelligence))\s+(?:indicate[sd]?|suggest(?:s|ed|ing)?|emerged|say|said|claim(?:s|ed)?|"
               r"show(?:s|ed)?)\b", re.IGNORECASE),
    re.compile(rf"(?P<source>\b[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){{0,3}})\s+(?:has\s+|have\s+|had\s+)?"
               rf"(?:repeatedly\s+|also\s+|publicly\s+)?{_SAY}\b"),
    re.compile(rf",\s+(?P<source>(?:the\s+|a\s+|an\s+)?[\w’'-]+(?:\s+[\w’'-]+){{0,4}})\s+"
               rf"(?:has\s+|had\s+)?{_SAY}(?:\s+\w+)?\s*[.!]?[\"'”’]?$", re.IGNORECASE),
    re.compile(r"^(?:[^,]{1,40},\s+)?(?P<source>the\s+[\w’'-]+(?:\s+[\w’'-]+){0,4})\s+(?:has\s+|had\s+)?"
               r"(?:said|says|stated|reported|claimed|announced|told)\b", re.IGNORECASE),
    re.compile(r"\b(?P<source>reportedly|allegedly)\b", re.IGNORECASE),
]

_CAP_WORD = r"[A-Z][\w’'.&-]*"
ENTITY_RE = re.compile(
    rf"(?<![\w’'])(?:{_CAP_WORD}(?:\s+(?:of|the|for|de|von)\s+{_CAP_WORD}|\s+{_CAP_WORD})*"
    rf"|[A-Z]{{2,}}(?:-\d+)?|[A-Z]-\d+)")
# Words capped at 64 characters: an unbounded word before a failing "(" made the scan quadratic
# in a long capitalised token (80k characters of "A": 40 s); no real name has such a word.
CAP_WORD_BOUNDED = r"[A-Z][\w’'.&-]{0,63}"
ACRONYM_DEF_RE = re.compile(
    rf"(?P<long>(?:{CAP_WORD_BOUNDED}\s+(?:(?:of|the|and|for)\s+)*){{1,7}}{CAP_WORD_BOUNDED})"
    r"\s*\((?P<short>[A-Z][A-Z.&]{1,9})\)")
_SENTENCE_START_COMMON = frozenset("""
A An The This That These Those It Its In On At By For From With As But And Or If When While
Although Though Despite After Before Since Because Of To Our We They He She There Here One Some
Any All Each Every Now Then Today Yet Still Also Even Nevertheless However Moreover Finally
Additionally Similarly Likewise Indeed Such Should Would Could May Might Must Not No Among
Between Writing Looking Aside Years Far Speculation Mandatory Daily Although Despite Any Your
Dear Once""".split())


def find_acronyms(text: str) -> list[tuple[str, str]]:
    """(long form, acronym) pairs defined as "Korean People’s Army (KPA)" in the text."""
    found: list[tuple[str, str]] = []
    if "(" not in text:  # every definition has one: spare the slow scan of a long text
        return found
    for m in ACRONYM_DEF_RE.finditer(text):
        short = m.group("short").replace(".", "")
        words = re.split(r"[\s-]+", m.group("long"))
        # Walk back from the parenthesis until the initials spell the acronym.
        letters: list[str] = []
        chosen: list[str] = []
        for word in reversed(words):
            chosen.insert(0, word)
            if word.lower() in ("of", "the", "and", "for"):
                continue
            letters.insert(0, word[0].upper())
            if "".join(letters) == short:
                found.append((" ".join(chosen), short))
                break
            if len(letters) >= len(short):
                break
    return found


def find_dates(text: str, offset: int) -> list[DateMention]:
    out: list[DateMention] = []
    for m in DATE_RE.finditer(text):
        span = Span(offset + m.start(), offset + m.end(), m.group())
        if m.group("dm_month"):  # "14 July 2024", "4 July": the day before the month
            year = m.group("dm_year")
            out.append(DateMention(span, int(year) if year else None, _month(m.group("dm_month")),
                                   int(m.group("dm_day"))))
        elif m.group("month"):
            out.append(DateMention(span, int(m.group("year")), _month(m.group("month")),
                                   int(m.group("day")) if m.group("day") else None))
        elif m.group("md_month"):  # "June 2": a day of a month whose year the story implies
            out.append(DateMention(span, None, _month(m.group("md_month")),
                                   int(m.group("md_day"))))
        elif m.group("month_only"):
            out.append(DateMention(span, None, _month(m.group("month_only")),
                                   relative=f"{m.group('rel_year').lower()} year"))
        elif m.group("decade"):
            out.append(DateMention(span, int(m.group("decade")), relative="decade"))
        elif m.group("bare_year"):
            out.append(DateMention(span, int(m.group("bare_year"))))
        elif m.group("relative"):
            out.append(DateMention(span, relative=m.group("relative").lower()))
    return out


def _entity_parts(name: str, aliases: AliasTable) -> tuple[tuple[str, int, str], ...]:
    """Split "South Korea’s National Intelligence Service" at the possessive unless the whole
    name is a known long form ("Korean People’s Army"): (part, offset in name, key) each."""
    memo = aliases.memo.setdefault("entity_parts", {})
    cached = memo.get(name)
    if cached is not None:
        return cached
    if aliases.is_alias_key(aliases.key_of(name)):
        raw = [(name, 0)]
    else:
        raw, pos = [], 0
        for m in re.finditer(r"[’']s\s+", name):
            raw.append((name[pos:m.start()], pos))
            pos = m.end()
        raw.append((name[pos:], pos))
    out = []
    for part, at in raw:
        part = re.sub(r"[’']s$", "", part)
        month = part.lower().rstrip(".")
        if (len(part) < 2 or part in _SENTENCE_START_COMMON or month in MONTHS
                or month in _MONTH_ABBREVIATIONS or part.endswith("-")):
            continue
        out.append((part, at, aliases.key_of(part)))
    memo[name] = result = tuple(out)
    return result


def find_entities(text: str, offset: int, aliases: AliasTable) -> list[EntityMention]:
    out: list[EntityMention] = []
    opening = next((i for i, ch in enumerate(text) if ch.isalnum()), len(text))
    for m in ENTITY_RE.finditer(text):
        name = m.group().rstrip(".’'-")
        start = m.start()
        if start <= opening:
            first = name.split()[0]
            if first in _SENTENCE_START_COMMON or is_common_word(first):
                rest = name[len(first):].strip()
                if not rest or rest.split()[0] in ("of", "the", "and", "for"):
                    continue
                start += name.index(rest)
                name = rest
        for part, at, key in _entity_parts(name, aliases):
            begin = offset + start + at
            out.append(EntityMention(Span(begin, begin + len(part), part), key))
    return out


def find_negations(text: str, offset: int) -> list[Span]:
    return [Span(offset + m.start(), offset + m.end(), m.group())
            for m in NEGATION_RE.finditer(text)]


_ATTRIBUTION_HINT = re.compile(
    rf"\b(?:{_SAY}|in line with|based on|citing|reports?|sources?|officials?|analysts?|experts?|"
    r"intelligence|reportedly|allegedly)\b", re.IGNORECASE)


_SAY_WORDS = frozenset(_SAY.strip("(?:)").split("|"))
# Words without which each attribution pattern cannot match (same order as ATTRIBUTION_RES).
_ATTRIBUTION_NEEDS = (
    frozenset({"according"}), frozenset({"line", "based", "citing"}),
    frozenset("report reports source sources official officials analyst analysts expert experts "
              "intelligence".split()),
    _SAY_WORDS, _SAY_WORDS,
    frozenset("said says stated reported claimed announced told".split()),
    frozenset({"reportedly", "allegedly"}),
)


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether [start, end) overlaps one of the disjoint, sorted `spans` (a neighbour check)."""
    k = bisect.bisect_left(spans, (start, end))
    return any(s < end and start < e for s, e in spans[max(0, k - 1):k + 1])


def find_attribution(text: str, offset: int, words: set[str] | None = None) -> list[Attribution]:
    out: list[Attribution] = []
    if words is None:
        if not _ATTRIBUTION_HINT.search(text):
            return out
        words = set(_WORDS.findall(text.lower()))
    taken: list[tuple[int, int]] = []  # disjoint spans, sorted by start
    for rx, needs in zip(ATTRIBUTION_RES, _ATTRIBUTION_NEEDS, strict=True):
        if not admits(words, needs):
            continue
        for m in rx.finditer(text):
            if _overlaps(taken, m.start(), m.end()):
                continue
            source = m.group("source").strip()
            if source.split()[0] in ("It", "This", "That", "There", "Which"):
                continue
            bisect.insort(taken, (m.start(), m.end()))
            out.append(Attribution(Span(offset + m.start(), offset + m.end(), m.group()), source))
    out.sort(key=lambda a: a.span.start)
    return out


def certainty_cues(text: str, offset: int, words: set[str] | None = None) -> list[tuple[Span, int]]:
    """Every estimative cue with its ICD level, in text order; a leading conditional counts.
    `words` (the sentence's lower-case words) lets a sentence without any cue word skip the scan."""
    cues: list[tuple[Span, int]] = []
    if words is None or admits(words, _CERTAINTY_WORDS, _CERTAINTY_PREFIXES):
        for m in CERTAINTY_RE.finditer(text):
            if m.group() == "May" and (m.start() > 0 or re.match(r"\s+\d", text[m.end():])):
                continue  # the month
            cues.append((Span(offset + m.start(), offset + m.end(), m.group()),
                         _CERTAINTY_LEVELS[m.lastgroup or ""]))
    cond = CONDITIONAL_RE.match(text)
    if cond and "," in text:
        word = cond.group().strip()
        start = text.index(word)
        cues.append((Span(offset + start, offset + start + len(word), word), 3))
    cues.sort(key=lambda c: c[0].start)
    return cues


def sentence_certainty(cues: list[tuple[Span, int]]) -> Certainty:
    """The most hedged cue sets the level; no cue means the sentence asserts."""
    if not cues:
        return Certainty(ASSERTED, None)
    span, level = min(cues, key=lambda c: (c[1], c[0].start))
    return Certainty(level, span)


_NUMBER_HINT = re.compile(r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
                          r"twelve|\w+teen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|"
                          r"hundreds?|thousands?|millions?|billions?|dozens?|scores|several|few|"
                          r"couple|handful|tens|half|third|thirds|quarter|quarters|twice|\w+fold|decade|century|"
                          r"(?:doubl|tripl|trebl|quadrupl|halv)(?:ed|ing))\b",
                          re.IGNORECASE)
_WORDS = re.compile(r"[a-z]+")
# Words that can begin a certainty cue or an attribution; a sentence with none skips those scans.
_CERTAINTY_WORDS = frozenset("""almost remote remotely highly very extremely improbable unlikely
probably doubtful not little virtually nearly most even may might could possible possibly
possibility perhaps potential potentially uncertain unknowable if supposed supposedly alleged
allegedly rumor rumors rumour rumours rumored rumoured likely probable reportedly seemingly seem
seems seemed appear appears appeared appearing apparently suggest suggests suggested suggesting
presumably expected believed""".split())
_CERTAINTY_PREFIXES = ("rumor", "rumour")  # rumou?r\w*: "rumormongering", "rumoring"
_ATTRIBUTION_WORDS = frozenset("""said says say told tells stated states reported reports report
claimed claims claim argued argues warned warns cited cites noted notes wrote writes announced
insisted added according line based citing sources source officials official analysts analyst
experts expert intelligence reportedly allegedly indicate indicates indicated suggest suggests
suggested suggesting emerged show shows showed""".split())
# Words NEGATION_RE needs ("t" ends "n't"); a sentence with none skips the scan unless it holds a
# letter that matches an ASCII one only case-insensitively ("refuſed").
_NEGATION_WORDS = frozenset("""not no never none nobody nothing neither nor without cannot t
denies denied deny refuse refused failed unable""".split())


def extract_features(text: str, offset: int, aliases: AliasTable) -> ClaimFeatures:
    words = set(_WORDS.findall(text.lower()))
    has_numbers = bool(_NUMBER_HINT.search(text))
    dates = find_dates(text, offset)
    date_spans = [(d.span.start - offset, d.span.end - offset) for d in dates if d.year or d.day]
    return ClaimFeatures(
        numbers=tuple(find_numbers(text, offset, date_spans)) if has_numbers else (),
        dates=tuple(dates),
        entities=tuple(find_entities(text, offset, aliases)),
        negations=tuple(find_negations(text, offset))
        if admits(words, _NEGATION_WORDS) or not text.isascii() and any(c in text for c in FOLDED)
        else (),
        attribution=tuple(find_attribution(text, offset, words))
        if admits(words, _ATTRIBUTION_WORDS) else (),
        certainty=sentence_certainty(certainty_cues(text, offset, words)),
    )
