"""Sentence kinds: which units are claims worth matching and which are page furniture.

Boilerplate is recognised two ways: a unit that matches a known pattern (newsletter, donation,
privacy, "Read more"), and a trailing block of the document where such units are dense, so a
donation letter's ordinary-looking sentences ("We are facing unprecedented challenges.") are
excluded with it.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable

from .models import Kind
from .normalize import ADVISING_VERBS, REPORTING_VERBS

log = logging.getLogger(__name__)

BOILERPLATE_RE = re.compile(r"""(?ix)
    \b(?:sign\s+up|subscribe[sd]?|subscription|subscribers?|newsletters?|unsubscribe
    |donat(?:e|ion|ions|ing)|support\s+(?:us|our|the\s+\w+\s+times|independent)|your\s+support
    |contribution|privacy\s+policy|terms\s+of\s+(?:use|service)|cookie[s]?\s+(?:policy|settings)
    |all\s+rights\s+reserved|copyright|read\s+more|related\s+articles?|share\s+this|follow\s+us
    |in\s+your\s+(?:mailbox|inbox)|remind\s+me\s+later|dear\s+readers|thank\s+you\s+for\s+(?:reading|standing|your)
    |the\s+views\s+expressed|do\s+not\s+necessarily\s+reflect|a\s+message\s+from|payment\s+methods?|paiment
    |click\s+here|advertisement|sponsored\s+content|log\s+in|sign\s+in|create\s+an\s+account
    |never\s+miss|hand-picked\s+selection|not\s+ready\s+to\s+support)\b
    |^(?:once|monthly|annual(?:ly)?|continue|preview|share|tweet|print|email|menu|search|close|
       next|previous|back\s+to\s+top|advertisement|loading\.*)\W*$
""")
# "Photo: AP" ends in a colon and a space: no word boundary after the colon, so it stands apart.
CAPTION_RE = re.compile(r"""(?ix)
    \b(?:posing\s+for\s+a\s+photo|pictured|photo(?:graph)?\s*(?:by|credit)|image\s*(?:by|credit)
    |file\s+photo|courtesy\s+of|getty\s+images)\b
    |\b(?:photo(?:graph)?|image)\s*:
""")
CREDIT_RE = re.compile(r"^[A-Z]{2,}(?:[ /]+(?:VIA|[A-Z]{2,}))*$|\bvia [A-Z]{2,}"
                       r"|/ ?(?:AFP|AP|Reuters|EPA|TASS)\b")
_AGENCY_LINE = re.compile(r"^[A-Z0-9 /&.,'’-]{3,}$")
PRESCRIPTION_RE = re.compile(r"""(?ix)
    (?<!^)\b(?:must|should|ought\s+to)\s+(?!have\b|not\s+have\b|be\s+(?:noted|said)\b)
    |\b(?:we|they|you|governments?|countries|allies)\s+(?:need|needs|have)\s+to\b
    |\bit\s+is\s+(?:imperative|essential|vital|crucial|necessary|time)\s+(?:to|that|for)\b
    |^(?:(?:finally|also|additionally|first|second|third|lastly|instead),?\s+)?
      (?:prioriti[sz]e|ensure|increase|strengthen|stop|let\s+us|let's|consider|remember|
       support|encourage|impose|demand|urge)\b(?!-|\s+(?:for|in|of|among|from|at|on|has|
      have|had|is|was|were|are|remains?|rose|fell|grew|dropped|surged|jumped|slipped|climbed|
      declined|increased|soared|plunged|eased|stood)\b)
""")  # ... not a noun that is the subject: "Support for the coalition has climbed"
OPINION_RE = re.compile(r"""(?ix)
    \b(?:I|we)\s+(?:think|believe|feel|argue|suspect|doubt|contend)\b|\bin\s+my\s+(?:view|opinion)\b
    |\bit\s+is\s+hard\s+to\s+believe\b|\bto\s+be\s+sure\b|\bfor\s+sure\b|\bof\s+course\b
    |\b(?:alarming|troubling|eerily|brilliant|shameful|disgraceful|remarkable|astonishing|
       far-fetched|perfect\s+opportunity|proverbial|surprising|unknowable)\b
""")
# Final punctuation, allowing a footnote marker after it ("…in 2024.[1]", "…in 2024.¹").
_TERMINAL = re.compile(r"[.!?…][\"'”’)\]]*(?:\[\d{1,3}\]|[⁰¹²³⁴⁵⁶⁷⁸⁹]+)?$")


def _paragraph_starts(text: str) -> list[int]:
    starts = [0]
    for m in re.finditer(r"\n[ \t]*\n\s*", text):
        starts.append(m.end())
    return starts


def _is_heading(unit: str, alone_on_line: bool, first: bool = False) -> bool:
    """A short line of its own without end punctuation: in title case, or very short, or the
    document's first line (a headline in sentence case: "Floods kill dozens as dam gives way")."""
    words = unit.split()
    if not alone_on_line or _TERMINAL.search(unit) or not words or len(words) > 14:
        return False
    if first:
        return True
    capitalised = sum(1 for w in words if w[:1].isupper() or not w[:1].isalpha())
    return capitalised >= max(1, len(words) * 0.5) or len(words) <= 4


def _alone_on_line(text: str, start: int, end: int) -> bool:
    before = text.rfind("\n", 0, start)
    line_start = before + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    return not text[line_start:start].strip() and not text[end:line_end].strip()


def _trailer_start(flags: list[bool]) -> int:
    """Index where a closing run dense in boilerplate begins (len(flags) when there is none)."""
    n = len(flags)
    best = n
    hits = 0
    for i in range(n - 1, max(-1, n // 3 - 1), -1):
        if flags[i]:
            hits += 1
            if hits >= 3 and hits / (n - i) >= 0.3:
                best = i
    return best


_WORDS = re.compile(r"[a-z']+")
# Words without which the caption, prescription and opinion patterns cannot match.
_CAPTION_WORDS = frozenset("posing pictured photo photograph image file courtesy getty".split())
_PRESCRIPTION_WORDS = frozenset("""must should ought need needs have imperative essential vital
crucial necessary time prioritize prioritise ensure increase strengthen stop let let's consider
remember support encourage impose demand urge""".split())
# Advice the writer reports rather than gives: a claim about what someone said.
_REPORTING_WORDS = REPORTING_VERBS | ADVISING_VERBS | {"according"}
_REPORTING = "(?:" + "|".join(sorted(REPORTING_VERBS | ADVISING_VERBS)) + ")"
_REPORTED_TAIL = re.compile(  # "…, the police said."
    rf",\s+[^,]{{0,80}}\b{_REPORTING}\b[^,]{{0,40}}$")
_REPORTED_BEFORE = re.compile(rf"\b{_REPORTING}\b")
_IN_AN_ASIDE = re.compile(r",\s+(?:which|who|whom|whose)\b[^,]*$")
_NOT_REPORTING = re.compile(r"^As\b|\bwhat\s+(?:\S+\s+){0,3}$")


def _reported_advice(flat: str, advice: re.Match[str]) -> bool:
    """Whether the advice in a sentence (PRESCRIPTION_RE's match) is someone else's, reported: a
    reporting clause closes it ("…must leave by noon, the police said."), it opens on "According
    to …", or a reporting verb comes before the advice ("Doctors say parents should …"); not "As
    the president said last year, Congress must act" nor "ignore what the company said"."""
    if _REPORTED_TAIL.search(flat[advice.end():]) or flat.lower().startswith("according to"):
        return True
    verb = _REPORTED_BEFORE.search(flat, 0, advice.start())
    return verb is not None and not _NOT_REPORTING.search(flat[:verb.start()]) and not (
        _IN_AN_ASIDE.search(flat[:verb.start()]))  # "The report, which the agency said …,"


_OPINION_WORDS = frozenset("""i we my hard sure course alarming troubling eerily brilliant shameful
disgraceful remarkable astonishing far-fetched far perfect proverbial surprising
unknowable""".split())


# Text that every match of BOILERPLATE_RE contains (lowercased; `\s+` is one space in a flattened
# unit), and the words its second branch must start with.
_BOILERPLATE_KEYS = (
    "sign up", "subscri", "newsletter", "donat", "support us", "support our", "support the ",
    "support independent", "your support", "contribution", "privacy policy",
    "terms of", "cookie", "rights reserved", "copyright", "read more", "related article",
    "share this", "follow us", "in your", "remind me later", "dear readers", "thank you for",
    "the views expressed", "do not necessarily reflect", "a message from", "payment", "paiment",
    "click here", "advertisement", "sponsored content", "log in", "sign in", "create an account",
    "never miss", "hand-picked selection", "not ready to support")
_BOILERPLATE_STARTS = (
    "once", "monthly", "annual", "continue", "preview", "share", "tweet", "print", "email", "menu",
    "search", "close", "next", "previous", "back", "advertisement", "loading")
FOLDED = "\u0130\u0131\u017f\u212a"  # İ ı ſ and the Kelvin sign: they match ASCII letters
# case-insensitively but lowercase to other characters


def _may_be_boilerplate(flat: str) -> bool:
    """False when BOILERPLATE_RE cannot match the flattened unit: a cheap test that spares the
    slow pattern almost every sentence of a long text."""
    low = flat.lower()
    return (low.startswith(_BOILERPLATE_STARTS) or any(k in low for k in _BOILERPLATE_KEYS)
            or (not flat.isascii() and any(c in flat for c in FOLDED)))


def _may_be_credit(flat: str) -> bool:
    """False when CREDIT_RE cannot match: it needs two capitals first, "via " or a slash."""
    head = flat[:2]
    return ("/" in flat or "via " in flat
            or (len(head) == 2 and head.isascii() and head.isalpha() and head.isupper()))


_CUT_OFF = re.compile(r"(?:\.\.\.|…)[\"'”’]?\s*$")
# Words after which a cut-off sentence cannot have finished its claim.
_OPEN_ENDED = frozenset("""a an the this that these those his her its their our my your of to in on
at by for from with about into over under than as and or but nor if while when where because
although though after before during since until whether which who whom whose what how he she it
they we i you there is are was were be been being has have had do does did will would can could
shall should may might must not no very more most so such""".split())
_BE = frozenset("is are was were be been being am get got gets".split())
_QUOTES_OPEN = "“‘\""
_QUOTE_PAIRS = (("“", "”", 0), ('"', '"', 0), ("‘", "’", 12))


def _quote_spans(flat: str) -> list[str]:
    """Each closed quotation (“…”, "…", and ‘…’ of 12 characters or more), found in one pass per
    kind of mark, so a text full of unclosed quotes costs no more than a short one."""
    found = []
    for opening, closing, least in _QUOTE_PAIRS:
        pos = 0
        while True:
            start = flat.find(opening, pos)
            if start < 0:
                break
            end = flat.find(closing, start + 1)
            if end < 0:
                break  # no later closing mark: no other opening can close either
            if end - start - 1 >= least:
                found.append((start, flat[start:end + 1]))
            pos = end + 1
    return [text for _, text in sorted(found)]


def _complete_first_clause(body: str) -> bool:
    """Whether the text before the first comma or semicolon reads as a whole clause: long enough,
    not a quotation's tail, and not an opening phrase ("As well as …,", "In addition to …,")."""
    m = re.search(r"[,;]\s", body)
    if not m:
        return False
    head = body[:m.start()]
    words = re.findall(r"[\w’'-]+", head)
    return (len(words) >= 6 and "”" not in head and "“" not in head
            and words[0].lower() not in _CLAUSE_OPENERS)


# Openers that make a subordinate clause, not a phrase: without a comma closing it, the main
# clause never came ("Although the company reported record profits last year...").
_SUBORDINATING = frozenset("""as while when whereas although though because if unless once
since until""".split())
_TIME_WORDS = frozenset("last this next early late then now".split())


def _time_phrase(opener: str, word: str) -> bool:
    """ "Since 2019 …", "Until last year …", "Since Monday …": a time, not a clause."""
    return opener in ("since", "until", "once", "as") and (
        word[:1].isdigit() or word[:1].isupper() or word.lower() in _TIME_WORDS)


_CLAUSE_OPENERS = frozenset("""as in on at by for from with after before during since until while
when whereas although though because if unless despite amid among according besides once""".split())


# Words that open a clause whatever follows ("since", "until" and "once" also open a mere phrase:
# "closed since the pandemic..."); "as" opens one only after a conjunction ("that as the
# economy...", not "known as the", "with Hawley as the lone vote...").
_SUBORDINATORS = frozenset("that because if when while whether although though unless".split())
_BEFORE_AS = frozenset("that and but or so yet even just".split())
_SUBJECT_OPENERS = frozenset("the a an this that these those its their his her our".split())
# A trailing clause set off by a comma or a dash that adds to a complete sentence: ", which …",
# ", who …", ", arguing that …", " — and not …"
_ASIDE = re.compile(r",\s+(?:which|who|whose|whom|where|including|includ\w*|as well as|"
                    r"[a-z]{3,}ing)\s|\s[—–]\s|(?<!\d)[—–](?!\d)|\s--\s")
# Where a second part starts after a whole clause: a noun's own "that" clause ("the
# announcements that …") or the report it gives ("a statement saying …"), a second predicate
# ("… under the new programme and were …") or a purpose ("… on Thursday to brief …").
_NOUN_THAT = r"[a-z]+(?:ments?|tions?|sions?|nces?|ports?|ims?|als?)"
_SECOND_PART = re.compile(
    rf"\s(?:{_NOUN_THAT}(?P<noun>) (?:that|(?:say|stat|claim|call|argu|warn|announc)ing)|"
    r"and (?:was|were|is|are|has|have|had|will|would)|"
    r"to (?!(?:the|a|an|be|this|that|these|those|its|their|his|her|our|my|your|all|some|each|"
    r"every|any|no)\b)[a-z]+)(?:\s|$)")


def _whole_before(body: str, cut: int, least: int) -> bool:
    """Whether the text before `cut` reads as a whole clause: long enough once an opening phrase
    ("According to the official, …") is set aside, and not itself only an opening phrase."""
    head = body[:cut]
    words = re.findall(r"[\w’'-]+", head)
    if words and words[0].lower() in _CLAUSE_OPENERS:
        comma = head.find(", ")
        if comma < 0:
            return False
        words = re.findall(r"[\w’'-]+", head[comma:])
    return len(words) >= least


def _cut_in_an_aside(body: str) -> bool:
    """Cut inside a trailing aside ("… of U.S. law, which generally requires …") when the
    sentence before the aside is whole."""
    starts = [m.start() for m in _ASIDE.finditer(body)]
    return bool(starts) and _whole_before(body, starts[-1], 5)


def _cut_in_a_second_part(body: str) -> bool:
    """Cut inside a second part that follows a whole clause: a noun's "that" clause, a second
    predicate or a purpose; not the object of a reporting verb ("said at a news conference
    that the...") nor a verb's own infinitive ("had decided to sell...")."""
    starts = []
    for m in _SECOND_PART.finditer(body):
        before = body[:m.start()].split()
        if m.group("noun") is not None:
            if _REPORTED_BEFORE_NOUN.search(body[:m.start()]):
                continue
            starts.append(m.start("noun"))
        elif m.group().lstrip().startswith("to ") and before and (
                before[-1].lower() in _TAKES_AN_INFINITIVE):
            continue
        else:
            starts.append(m.start())
    return bool(starts) and _whole_before(body, starts[-1], 8)


# A reporting verb a few words before a noun's "that": the "that" is the verb's ("said in a
# statement that …").
_REPORTED_BEFORE_NOUN = re.compile(rf"\b{_REPORTING}\b(?:\s+\S+){{0,6}}\s*$")
_TAKES_AN_INFINITIVE = frozenset("""decided decide decides planned plan plans agreed agree agrees
expected expect expects wanted want wants hoped hope hopes failed fail fails refused refuse
refuses tried try tries sought seek seeks voted vote votes promised promise promises pledged
pledge pledges vowed vow vows threatened threaten threatens continued continue continues began
begin begins started start starts going needed need needs used""".split())


def _clause_before_its_verb(words: list[str]) -> bool:
    """A subordinate clause cut before its verb: "… predict that as the economy...",
    "… closed because the company...": a subordinator, a determiner and at most two words."""
    tail = [w.lower() for w in words[-5:]]
    for k in range(max(1, len(tail) - 4), len(tail) - 1):
        w = tail[k]
        opens = (w in _SUBORDINATORS and not (w == "that" and re.fullmatch(_NOUN_THAT, tail[k - 1]))
                 ) or (w == "as" and tail[k - 1] in _BEFORE_AS)
        if opens and tail[k + 1] in _SUBJECT_OPENERS:
            return True
    return False


def is_fragment(unit: str) -> bool:
    """A sentence cut off ("...") before its first clause makes a complete claim: it ends on a
    word that needs more (an article, a preposition, a verb still waiting for its object), it
    is too short to hold a claim, or it is an unclosed quotation. A cut inside an aside or a
    second part that follows a whole clause leaves the claim whole."""
    if not _CUT_OFF.search(unit):
        return False
    body = _CUT_OFF.sub("", unit).rstrip()
    if body.endswith((",", ";", ":")) or _complete_first_clause(body) or _cut_in_an_aside(body):
        return False
    words = re.findall(r"[\w’'-]+", body)
    if len(words) < 5 or (unit.lstrip()[:1] in _QUOTES_OPEN and not _closes_quote(body)):
        return True
    first = words[0].lower()
    if first in _CLAUSE_OPENERS and (
            not _whole_before(body, len(body), 4) if ", " in body
            else words[1].lower().endswith("ing") or (
                first in _SUBORDINATING and not _time_phrase(first, words[1]))):
        return True  # an opening phrase cut before its main clause ("Besides the gain, five...",
        # "While pledging to bring the crews home...")
    if _clause_before_its_verb(words):
        return True
    if _cut_in_a_second_part(body):
        return False
    last = words[-1].lower()
    if last in _OPEN_ENDED:
        return True
    if len(words) >= 12 or len(last) <= 4:
        return False
    # A verb still waiting for its object: "…reflected...", "…were expecting...", but not a
    # complete passive ("…was trapped..."); an adverb waiting for its word ("…showed virtually...")
    adverb = (last.endswith("ly") and words[-1][:1].islower() and last not in _LY_NOUNS
              and words[-2].lower() not in _DETERMINERS)
    return last.endswith("ing") or adverb or (last.endswith("ed") and words[-2].lower() not in _BE)


_LY_NOUNS = frozenset("""rally ally family assembly supply reply belly july italy anomaly monopoly
folly jelly lily bully tally homily melancholy""".split())
_DETERMINERS = _SUBJECT_OPENERS | {"my", "your"}


def _closes_quote(text: str) -> bool:
    return "”" in text or text.count('"') >= 2


_PERSONAL = re.compile(r"\b(?:I|I’m|I'm|we|We|my|My|our|Our|me|us|you|You|your)\b")


def _continued(flat: str) -> bool:
    """Whether a quotation opened in an earlier sentence closes in this one. A closing mark
    after an opening one of another style ('"…”', common in copied text) closes a quotation of
    this sentence."""
    close = flat.find("”")
    return close >= 0 and "“" not in flat[:close] and '"' not in flat[:close]


def _quoted_text(flat: str) -> str:
    """The quoted words of a sentence, including the tail of a quotation opened before it and
    the start of one it leaves open."""
    parts = _quote_spans(flat)
    close = flat.find("”")
    if _continued(flat):
        parts.append(flat[:close])
    elif close > 0 and "“" not in flat[:close]:  # '"…”': one quotation in mixed marks
        parts.append(flat[flat.index('"'):close])
    if flat.rfind("“") > flat.rfind("”"):
        parts.append(flat[flat.rfind("“"):])
    return " ".join(parts)


def is_quote(unit: str) -> bool:
    """A speaker's own words rather than a reported fact: the sentence is led by a quotation
    without figures that fills most of it or speaks in the first or second person (an opinion,
    an eyewitness)."""
    flat = unit.strip()
    if not (flat[:1] in _QUOTES_OPEN or _continued(flat)):
        return False
    quoted = _quoted_text(flat)
    if not quoted or re.search(r"\d", quoted) or _ANNOUNCES.search(quoted):
        return False
    return len(quoted) >= 0.5 * len(flat) or bool(_PERSONAL.search(quoted))


# A quotation that announces ("Today we are announcing…", "I'm here to announce the completion
# of our withdrawal") makes the speaker's decision or news known: a claim, not an opinion.
_ANNOUNCES = re.compile(r"(?i)\bannounc(?:e|es|ed|ing|ement)\b")


def admits(words: set[str], gate: frozenset[str], prefixes: tuple[str, ...] = ()) -> bool:
    """The keyword prefilter: False only when no word can start a match of the gated pattern.
    Tests replace it with `lambda *_: True` to get the reference (every pattern scanned)."""
    return not words.isdisjoint(gate) or (bool(prefixes) and
                                          any(w.startswith(prefixes) for w in words))


def classify_units(text: str, spans: list[tuple[int, int]], *,
                   tick: Callable[[int], None] | None = None) -> list[Kind]:
    """The kind of each unit, in order. Patterns whose key words are absent are skipped
    (`admits`, `_may_be_boilerplate`, `_may_be_credit`; the tests compare this with every
    pattern scanned). `tick(units done)` is called for each unit (it may raise to stop)."""
    units = [text[s:e] for s, e in spans]
    kinds: list[Kind] = []
    boiler_flags: list[bool] = []
    for n, ((start, end), unit) in enumerate(zip(spans, units)):
        if tick is not None:
            tick(n)
        alone = _alone_on_line(text, start, end)
        flat = " ".join(unit.split())
        words = set(_WORDS.findall(flat.lower()))
        if _may_be_boilerplate(flat) and BOILERPLATE_RE.search(flat):
            kind = Kind.BOILERPLATE
        elif (admits(words, _CAPTION_WORDS) and CAPTION_RE.search(flat)) \
                or (_may_be_credit(flat) and CREDIT_RE.search(flat)) \
                or (alone is False and _AGENCY_LINE.match(flat) and len(flat.split()) <= 6):
            kind = Kind.CAPTION
        elif _is_heading(flat, alone, first=not kinds):
            kind = Kind.HEADING
        elif is_fragment(flat):
            kind = Kind.FRAGMENT
        elif is_quote(flat):
            kind = Kind.QUOTE
        elif flat.endswith("?"):
            kind = Kind.QUESTION
        elif (admits(words, _PRESCRIPTION_WORDS) and (advice := PRESCRIPTION_RE.search(flat))
              and not re.match(r"(?i)^should\s+\w+\s+\w+", flat)
              and not (admits(words, _REPORTING_WORDS) and _reported_advice(flat, advice))):
            kind = Kind.PRESCRIPTION
        elif admits(words, _OPINION_WORDS) and OPINION_RE.search(flat):
            kind = Kind.OPINION
        else:
            kind = Kind.CLAIM
        kinds.append(kind)
        boiler_flags.append(kind == Kind.BOILERPLATE)
    _mark_caption_paragraphs(text, spans, kinds)
    trailer = _trailer_start(boiler_flags)
    for i in range(trailer, len(kinds)):
        kinds[i] = Kind.BOILERPLATE
    return kinds


def _mark_caption_paragraphs(text: str, spans: list[tuple[int, int]], kinds: list[Kind]) -> None:
    """A paragraph ending in a photo credit is a caption as a whole."""
    starts = _paragraph_starts(text)
    paragraph_of = []
    p = 0
    for start, _ in spans:
        while p + 1 < len(starts) and starts[p + 1] <= start:
            p += 1
        paragraph_of.append(p)
    for i, kind in enumerate(kinds):
        if kind != Kind.CAPTION:
            continue
        for j in range(i - 1, -1, -1):
            if paragraph_of[j] != paragraph_of[i] or kinds[j].excluded:
                break
            kinds[j] = Kind.CAPTION
