"""Split plain text into sentence-like units, returned as character offsets.

The input is expected to be newline-normalised (``\\n`` only). Units are found in three layers:

1. **Paragraphs.** A blank line (only whitespace) always ends a unit.
2. **Lines.** Between two non-blank lines P and N separated by a single newline:

   a. if P ends with terminal punctuation (``. ! ? …``, optionally followed by closing quotes
      or brackets) the newline is ordinary whitespace and the sentence rules below decide;
   b. otherwise, if N starts with a bullet or list marker, the unit ends;
   c. otherwise, if P is visibly unfinished (ends with ``, ; - – — ( / &`` or with a lowercase
      function word such as "the", "of", "and"), the newline is a soft wrap;
   d. otherwise, if N starts (after opening quotes/brackets) with anything but a lowercase
      letter, the unit ends: headings, captions, bylines and button labels are their own units;
   e. otherwise (N starts lowercase) the unit ends only if P is short (< 60 chars) and looks
      like a heading or fragment (at most three words, or Title Case); else it is a soft wrap.

3. **Sentences** inside each run of joined lines. A candidate is a run of ``. ! ? …`` (or a
   spaced ellipsis ``. . .``) plus closing quotes/brackets, followed by whitespace. It ends a
   sentence unless the next word starts lowercase (``co. at``, ``Yahoo! in``, ``great.' she``),
   the punctuation follows ``[`` / ``(`` (``[...]``), or, for a single period, the preceding token
   is a title (Mr., Dr., Mt.), a reference abbreviation before a number (p. 55, No. 5), an
   abbreviation that never ends a sentence (e.g., vs.), an initial (Jonas E. Smith), or an
   ambiguous abbreviation/acronym (Co., Jr., U.S., a.m.) *not* followed by a common
   sentence-starting word (``U.S. Government`` joins, ``U.S. How`` splits). A short fronted
   prepositional phrase never ends at an abbreviation (``At 5 a.m. Mr. Smith went``).
   Ellipses: a spaced three-dot ellipsis after a space is an omission (no break); four dots end
   the sentence; ``word. . . . Next`` ends after ``word.`` and the ellipsis opens the next unit.
   Numbered/lettered list markers (``1.)``, ``2)``, ``a.``, ``• 9.``) that start a unit, or
   continue a consecutive sequence from one, start a new unit; bullets (``•``, ``⁃``) do too.

Everything is a single left-to-right pass with compiled, backtracking-safe regexes and bounded
look-back windows, so time is linear in the input length.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterator

log = logging.getLogger(__name__)

_CLOSERS = "\"'”’»)]}›"
_OPENERS = "\"'“‘«([{‹¿¡"
_BULLETS = "•◦▪‣⁃●■►▸"
_ENDERS = ".!?…‽"

# Terminal punctuation + closers, followed by whitespace or the end of the chunk. The
# ``(?=(...))\1`` pairs emulate atomic groups (Python 3.10 has none), which together with the
# look-behind keeps matching linear even on megabytes of dots or quotes.
_TERM_RE = re.compile(
    rf"(?<![{_ENDERS}])"
    rf"(?=(\.(?:[ \u00a0]\.){{2,8}}|[{_ENDERS}]+))\1"
    rf"(?=([{re.escape(_CLOSERS)}]*))\2"
    r"(?=\s|\Z)"
)
_LIST_MARKER_RE = re.compile(rf"(?<![^\s{_BULLETS}])(\d{{1,3}}|[a-zA-Z])(\.\)|\.|\))(?=\s)")
_BULLET_RE = re.compile(rf"(?<=\s)[{_BULLETS}]")
_LINE_END_TERM_RE = re.compile(rf"[{_ENDERS}][{re.escape(_CLOSERS)}]*\Z")
_LINE_LIST_START_RE = re.compile(
    rf"(?:[-*+–—](?:\s|\Z)|[{_BULLETS}]|\(?(?:\d{{1,3}}|[a-zA-Z])[.)]\s)"
)
_NONSPACE_RE = re.compile(r"\S")
_SPACE_RUN_RE = re.compile(r"\s*")
_WORD_RE = re.compile(r"[^\W\d_]+")
_CAMEL_RE = re.compile(r"[a-z]+[A-Z]")
_ACRONYM_RE = re.compile(r"(?:[A-Za-z]{1,2}\.)+[A-Za-z]{1,2}")

# Titles and prefixes that precede a name: a period after them never ends a sentence.
NAME_TITLES = frozenset(
    "mr mrs ms mx messrs mme mlle dr prof gen sen rep gov pres lt col capt cpt cmdr adm maj "
    "sgt cpl pvt brig lieut rev hon rt msgr fr supt insp det amb atty mt ft".split()
)
# Titles, offices and party words that may stand before a name ("Gov.", "GOP Sen."): the
# abbreviations the sentence splitter knows, and the words written out.
TITLE_WORDS = NAME_TITLES | frozenset("""
miss sir dame lord lady president vice prime minister governor senator representative general
colonel major captain admiral judge justice chief king queen prince princess pope mayor secretary
ambassador chancellor officer deputy former late acting gop republican republicans democrat
democrats democratic conservative liberal labour labor
""".split())


def untitled(key: str) -> str:
    """A name key without the titles, offices and party words before the name."""
    words = key.split()
    while len(words) > 1 and words[0] in TITLE_WORDS:
        words = words[1:]
    return " ".join(words)


# Abbreviations that introduce what follows and essentially never end a sentence.
_NEVER_FINAL = frozenset("e.g i.e cf vs v viz approx incl esp resp".split())
# Reference abbreviations: no break when a number follows (p. 55, No. 5, Jan. 6).
_NUMBER_ABBREVS = frozenset(
    "no nos nr n° № p pp vol vols fig figs ch chap sec sect art arts para paras pt pts ed op c ca "
    "tel ext ref eq tab jan feb mar apr jun jul aug sep sept oct nov dec".split()
)
# Abbreviations that may end a sentence but often sit inside one (Pitt & Co. at noon).
_AMBIGUOUS = frozenset(
    "co corp inc ltd llc plc jr sr bros al st ave blvd rd hwy dept univ assn est mfg intl govt"
    .split()
)
# Capitalised words that typically open a sentence; after an ambiguous abbreviation they signal
# a break, whereas any other capitalised word is taken as a continuing proper noun.
_STARTERS = frozenset(
    """i you he she it we they this that these those there here his her its our their my your
    the a an some many most all each every any both such several few no none one another
    but and or so yet however meanwhile then also still now thus therefore moreover furthermore
    although though while when where why how what who whom whose which if as after before since
    because in on at for from by with to of under over during according last next today
    yesterday tomorrow earlier later instead even only not nevertheless nonetheless indeed
    is are was were do does did can could will would should shall may might must have has had
    let please perhaps maybe yes mr mrs ms dr prof""".split()
)
# Prepositions that open a fronted adverbial ("At 5 a.m. Mr. Smith went ...").
_PREPOSITIONS = frozenset(
    "at by around about before after until till from since near in on".split()
)
# Lowercase words that cannot end a heading or a complete line of prose.
_FUNCTION_WORDS = frozenset(
    "the a an of and or nor but to in on at by for with from into onto that as than its their "
    "his her our your my is are was were be been has have had will would can could should".split()
)
_UNFINISHED_END = ",;-–—(/&"
_SHORT_LINE = 60


def split_sentences(text: str,
                    tick: Callable[[int], None] | None = None) -> list[tuple[int, int]]:
    """Sentence (or unit) spans as (start, end) character offsets into `text`.

    Spans are ordered, non-overlapping, non-empty and stripped of surrounding whitespace, and
    together they cover every non-whitespace character. See the module docstring for the rules.
    `tick(offset)` is told how far the work has come (it may raise to stop it).
    """
    if not text:
        return []
    breaks: list[int] = [0, len(text)]
    n_chunks = 0
    bullets = any(c in text for c in _BULLETS)  # most texts have none: no need to look for them
    for a, b in _chunks(text):
        n_chunks += 1
        if tick is not None:
            tick(a)
        breaks.append(a)
        breaks.append(b)
        _sentence_breaks(text, a, b, breaks, bullets)
    spans = _spans(text, breaks)
    log.debug("segmented %d chars: %d line runs, %d units", len(text), n_chunks, len(spans))
    return spans


def _spans(text: str, breaks: list[int]) -> list[tuple[int, int]]:
    """Cut `text` at `breaks` and strip each piece; whitespace-only pieces are dropped."""
    out: list[tuple[int, int]] = []
    prev = -1
    for cut in sorted(set(breaks)):
        if prev >= 0 and cut > prev:
            piece = text[prev:cut]
            lead = len(piece) - len(piece.lstrip())
            if lead < len(piece):
                out.append((prev + lead, prev + len(piece.rstrip())))
        prev = cut
    return out


# --------------------------------------------------------------------------- lines


def _chunks(text: str) -> Iterator[tuple[int, int]]:
    """Yield stripped (start, end) ranges of runs of lines joined by soft wraps."""
    n = len(text)
    pos = 0
    run_start = -1
    prev: tuple[int, int] | None = None
    while True:
        nl = text.find("\n", pos)
        line_end = n if nl == -1 else nl
        m = _NONSPACE_RE.search(text, pos, line_end)
        if m is None:  # blank line: paragraph break
            if prev is not None:
                yield run_start, prev[1]
                prev = None
        else:
            cs, ce = m.start(), line_end
            while text[ce - 1].isspace():
                ce -= 1
            if prev is None:
                run_start = cs
            elif _hard_line_break(text, prev, (cs, ce)):
                yield run_start, prev[1]
                run_start = cs
            prev = (cs, ce)
        if nl == -1:
            break
        pos = nl + 1
    if prev is not None:
        yield run_start, prev[1]


def _hard_line_break(text: str, p: tuple[int, int], n: tuple[int, int]) -> bool:
    """Whether the single newline between stripped lines `p` and `n` ends a unit."""
    tail = text[max(p[0], p[1] - 80) : p[1]]
    if _LINE_END_TERM_RE.search(tail):
        return False  # the sentence rules treat the newline as a space
    head = text[n[0] : n[0] + 40]
    if _LINE_LIST_START_RE.match(head):
        return True
    last_word = tail.split()[-1]
    if tail[-1] in _UNFINISHED_END or last_word in _FUNCTION_WORDS:
        return False
    first = head.lstrip(_OPENERS)[:1]
    if not first.islower():
        return True
    if p[1] - p[0] >= _SHORT_LINE:
        return False
    words = text[p[0] : p[1]].split()
    return len(words) <= 3 or all(w[0].isupper() for w in words if len(w) > 3 and w[0].isalpha())


# --------------------------------------------------------------------------- sentences


def _sentence_breaks(text: str, a: int, b: int, out: list[int], bullets: bool = True) -> None:
    """Append the sentence boundaries inside the chunk text[a:b] to `out` (`bullets`: whether
    the text has any bullet characters)."""
    protected = _list_breaks(text, a, b, out)
    if bullets:
        out.extend(m.start() for m in _BULLET_RE.finditer(text, a, b))
    unit_start = a
    for m in _TERM_RE.finditer(text, a, b):
        s, e = m.start(), m.end()
        if e >= b:
            break
        if s in protected:
            continue
        cut = _decide(text, a, b, s, e, m.group(1), unit_start)
        if cut is not None:
            out.append(cut)
            unit_start = cut


def _list_breaks(text: str, a: int, b: int, out: list[int]) -> set[int]:
    """Append breaks before list markers; return positions of marker punctuation to ignore."""
    protected: set[int] = set()
    expected: dict[tuple[str, str], int] = {}
    for m in _LIST_MARKER_RE.finditer(text, a, b):
        label, punct = m.group(1), m.group(2)
        if label.isdigit():
            kind, value = "d", int(label)
        else:
            kind, value = ("l" if label.islower() else "L"), ord(label.lower()) - ord("a") + 1
        k = m.start() - 1
        while k >= a and text[k].isspace() and m.start() - k < 8:
            k -= 1
        head = k < a or text[k] in _BULLETS or (text[k] == ":" and value == 1)
        style = (kind, punct)
        if head or (kind != "L" and expected.get(style) == value):
            expected[style] = value + 1
            protected.add(m.start(2))
            if k >= a and text[k] not in _BULLETS:
                out.append(m.start())
    return protected


def _next_word(text: str, e: int, b: int) -> str:
    """Up to 40 characters of the next token after position `e`, opening quotes skipped."""
    j = _SPACE_RUN_RE.match(text, e, b).end()
    k = j
    while k < b and k - j < 8 and text[k] in _OPENERS:
        k += 1
    return text[k : min(b, k + 40)]


def _decide(text: str, a: int, b: int, s: int, e: int, core: str, unit_start: int) -> int | None:
    """Cut position for the terminator text[s:e] (punctuation `core`), or None for no break."""
    nxt = _next_word(text, e, b)
    if not nxt:
        return e
    if nxt[0].islower() and not _CAMEL_RE.match(nxt):
        return None
    if s > a and text[s - 1] in "[(":
        return None  # bracketed omission such as [...]
    if any(c in core for c in "!?‽"):
        return e
    dots = core.count(".") + 3 * core.count("…")
    attached = s > a and not text[s - 1].isspace()
    if dots >= 2:
        if " " in core or "\u00a0" in core:  # spaced ellipsis
            if attached:
                return s + 1 if dots >= 4 else e
            return e if dots >= 4 else None
        return e if attached or dots >= 4 else None
    return e if _period_ends(text, a, s, nxt, unit_start) else None


def _period_ends(text: str, a: int, s: int, nxt: str, unit_start: int) -> bool:
    """Whether a single period at `s`, followed by the non-lowercase `nxt`, ends a sentence."""
    before = text[max(a, s - 80) : s]
    words = before.split()
    if not words or before[-1].isspace():
        return True
    word = words[-1].strip(_OPENERS + _CLOSERS)
    low = word.lower()
    m = _WORD_RE.match(nxt)
    starter = m is not None and m.group().lower() in _STARTERS
    if low in NAME_TITLES or low in _NEVER_FINAL:
        return False
    if low in _NUMBER_ABBREVS and nxt[0].isdigit():
        return False
    if len(word) == 1 and word.isupper():  # an initial, or the pronoun I
        if word == "I" and len(words) > 1 and words[-2].lstrip(_OPENERS)[:1].islower():
            return True
        return starter
    if low in _AMBIGUOUS or _ACRONYM_RE.fullmatch(word):
        if s - unit_start <= 40:
            phrase = text[unit_start:s].split()
            if len(phrase) <= 4 and phrase[0].strip(_OPENERS).lower() in _PREPOSITIONS:
                return False
        return starter
    return True
