"""Different names in the same place of a shared claim: "led by the Red Cross" / "led by UNICEF".

Only names of the claim itself count: not the cited source or a wire service's credit ("WASHINGTON
(AP) —", "(Reuters) -", "(CNN)"), not days, party tags or a descriptor written with a hyphen
("Republican-led", "Houston-area"). Two renderings of one name are one actor: spellings, short
forms, initials, a state's abbreviation ("Fla."), a people and its country ("Ukrainian
President Zelensky" / "Ukraine's president"); see also `names`.
"""

from __future__ import annotations

import re
from dataclasses import replace

from rapidfuzz.distance import Levenshtein

from .lexicon import is_common_word
from .models import EntityMention, Reason, ReasonKind, Span
from .names import folded, same_entity, same_given_name, same_name_word
from .normalize import AliasTable, stem
from .pair_view import PairView, both_say
from .quantities import within_spans
from .reading import Reading
from .segment import TITLE_WORDS
from .slot_reasons import MAX_MENTIONS
from .slots import DATE_WORDS

# A party and state tag after a lawmaker's name ("D-Mass.", "R-Ky.", "D-N.Y."): no actor of
# its own ("D-Day" is a day).
_PARTY_TAG = re.compile(r"[DRI]-(?:(?!Day\b)[A-Z][a-z]{1,11}\.?|[A-Z]\.[A-Z]\.?)")


# A wire dateline and its credit at the start of a story ("WASHINGTON (AP) —", "(Reuters) -",
# "Washington (CNN)"), and a name in parentheses (a credit or an abbreviation: "(CDC)").
_DATELINE = re.compile(r"\W*(?:[A-Z][\w.’'-]*(?:,?\s+[A-Z][\w.’'-]*){0,3},?\s*)?"
                       r"\([A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,2}\)(?:\s*[-—–]+\s*|(?=[A-Z]))")
# A descriptor written with a hyphen before a name or alone ("Republican-led Michigan",
# "Houston-area", "Democratic-majority"): it describes, it names no other actor.
_DESCRIPTOR = re.compile(r"[A-Z][\w’']*-[a-z][\w-]*\s*")


_PRONOUN = re.compile(r"(?i)(?:i|he|she|we|they|you|it)[’'](?:ll|s|d|m|re|ve)")  # "He'll"
_AND_BEFORE = re.compile(r"([A-Z][a-z]+),?\s+and\s+$")
_AND_AFTER = re.compile(r"\s+and\s+([A-Z][a-z]+)")
_NAME_RUN = re.compile(r"(?:\s+(?:of\s+|for\s+)?[A-Z][a-z]+)*")
_BODY_WORDS = frozenset("""administration committee committees department agency commission council
board bureau office service services institute institutes authority prevention control affairs
security development management budget products agriculture commerce justice labor labour
education energy health defense defence transportation treasury reform oversight protection
relations resources safety welfare""".split())


def _conjoined(text: str, start: int, end: int) -> bool:
    """Whether a name is one half of a longer name joined by "and" with an everyday word
    ("Centers for Disease Control and Prevention", "Food and Drug Administration", "the
    Oversight and Reform Committee"): a fragment, not an actor of its own."""
    if not all(is_common_word(w) for w in re.findall(r"[a-z]+", text[start:end].lower())):
        return False  # "Donald Trump and Xi Jinping": two actors
    before = _AND_BEFORE.search(text, max(0, start - 30), start)
    after = _AND_AFTER.match(text, end)
    if not any(m is not None and is_common_word(m.group(1).lower()) for m in (before, after)):
        return False
    # the whole name ends in a word for a body or its field ("… Drug Administration", "…
    # Control and Prevention"); "Apple and Amazon", "Ford and General Motors" are two actors
    tail = _NAME_RUN.match(text, after.end(1) if after else end).group().split()
    last = tail[-1] if tail else (after.group(1) if after else text[start:end].split()[-1])
    return last.lower() in _BODY_WORDS


def _claim_entities(reading: Reading) -> list[EntityMention]:
    """Names of places and actors in the claim itself: not the cited source, not a dateline or
    a name in parentheses, not days or months, not a party tag, without a hyphenated
    descriptor."""
    s = reading.sentence
    cited = within_spans([(a.span.start, a.span.end) for a in s.features.attribution])
    dateline = _DATELINE.match(s.text)
    lead = s.start + dateline.end() if dateline else s.start
    out = []
    for e in s.features.entities:
        at = e.span.start - s.start
        if (cited(e.span.start) or e.span.start < lead or e.key in DATE_WORDS
                or e.key.lower() in DATE_WORDS or _PARTY_TAG.fullmatch(e.span.text)
                or s.text[at - 1:at] == "(" and s.text[at + len(e.span.text):][:1] == ")"):
            continue
        if _PRONOUN.fullmatch(e.span.text) or _conjoined(s.text, at, at + len(e.span.text)):
            continue
        descriptor = _DESCRIPTOR.match(e.span.text)
        if descriptor:
            rest = e.span.text[descriptor.end():]
            if not rest:
                continue
            cut = descriptor.end()
            e = replace(e, span=Span(e.span.start + cut, e.span.end, rest),
                        key=" ".join(e.key.split()[len(descriptor.group().split("-")):]) or rest)
        out.append(e)
    return out


def entity_reasons(p: PairView) -> list[Reason]:
    """A different name in the same place of the claim: "led by the Red Cross" / "led by UNICEF"."""
    a_ents, b_ents = _claim_entities(p.a)[:MAX_MENTIONS], _claim_entities(p.b)[:MAX_MENTIONS]
    a_text, b_text = p.a.sentence.text.lower(), p.b.sentence.text.lower()
    a_only = [e for e in a_ents if not any(same_entity(e.key, f.key)
                                           and not _other_given_name(e, f) for f in b_ents)
              and not _named_there(e, b_text)]
    b_only = [e for e in b_ents if not any(same_entity(e.key, f.key)
                                           and not _other_given_name(f, e) for f in a_ents)
              and not _named_there(e, a_text)]
    a_only = [e for e in a_only if not _addressee(p.a, e) and not _epithet(e)]
    b_only = [e for e in b_only if not _addressee(p.b, e) and not _epithet(e)]
    for x in a_only:
        for y in b_only:
            if (p.aligned(x.span, y.span, exactly=True, anchored=True)
                    and not _one_name(p, x, y)) or (
                    _other_given_name(x, y)):
                return [Reason(ReasonKind.ENTITY, x.span, y.span,
                               both_say(p, "Different names", x.span, y.span))]
    return []


_NAME_GLUE = frozenset("of for the and on".split())


def _named_there(e: EntityMention, other: str) -> bool:
    """Whether the other sentence (lower-cased) names it too, as written or by all its words
    in its own order ("the department's Office for Civil Rights" / "its civil rights office")."""
    name = e.span.text.lower()
    words = [w for w in re.findall(r"[\w’'-]+", name) if w not in _NAME_GLUE]
    return name in other or (len(words) >= 2 and all(
        re.search(rf"\b{re.escape(w)}\b", other) for w in words))


def _epithet(e: EntityMention) -> bool:
    """A second reference by description, not a name: a place or a party before a title or a
    party word ("the Kentucky Republican", "the Texas senator", "the Ohio Democrat")."""
    words = folded(e.span.text).split()
    return 2 <= len(words) <= 3 and words[-1] in TITLE_WORDS and words[0] not in TITLE_WORDS


_SPEECH_BEFORE = frozenset("""told tell tells confirmed indicated said says wrote speaking spoke
interview interviews statement""".split())


def _addressee(reading: Reading, e: EntityMention) -> bool:
    """Whether a name is who a source spoke to ("told CNN", "confirmed to The Post", "in an
    interview with NPR"): part of the credit, not an actor of the claim."""
    before = [w.text.lower() for w in reading.words_between(
        reading.sentence.start, e.span.start)][-4:]
    if before[-1:] == ["told"] or (before[-1:] == ["the"] and before[-2:-1] == ["told"]):
        return True
    return bool(before) and before[-1] in ("to", "with") and not _SPEECH_BEFORE.isdisjoint(
        before[:-1])


def _name_as_written(reading: Reading, e: EntityMention) -> str:
    """A name with the capitalised words just before it ("Central" of "Central Intelligence
    Agency", which a sentence's first word may lose)."""
    before = reading.sentence.text[:e.span.start - reading.sentence.start].split()
    lead = []
    while before and before[-1][:1].isupper() and before[-1][-1:].isalpha():
        lead.insert(0, before.pop())
    return " ".join([*lead, e.span.text])


def _one_name(p: PairView, x: EntityMention, y: EntityMention) -> bool:
    """Two renderings of one name: they share a word that is not a title or an office ("US
    Capitol" / "United States Capitol", "Gen. Frank McKenzie" / "Kenneth F. McKenzie Jr."), or
    one is the other's initials ("CIA" / "Central Intelligence Agency")."""
    xs = set(_spelled_out(folded(x.span.text)).split()) - _NOT_GIVEN_NAMES
    ys = set(_spelled_out(folded(y.span.text)).split()) - _NOT_GIVEN_NAMES
    if not xs or not ys or not xs.isdisjoint(ys):
        return True  # a title or a party alone ("GOP") names nobody in particular
    if any(same_name_word(u, v) for u in xs for v in ys):
        return True
    wx, wy = _name_as_written(p.a, x), _name_as_written(p.b, y)
    for short, long in ((x.span.text, wy), (y.span.text, wx)):
        letters = short.replace(".", "")
        if 2 <= len(letters) <= 5 and letters.isupper():
            initials = "".join(w[0] for w in long.split() if w[:1].isupper())
            if letters in initials:
                return True
    return False


# Initials and abbreviations written for a name ("U.S. Senate" / "United States Senate",
# "Pensacola, Fla." / "Pensacola, Florida"): the AP's abbreviations of the US states.
# Abbreviations written for a name ("Pensacola, Fla." / "Pensacola, Florida"): the AP's
# abbreviations of the US states, and "USA"; long forms with a known short one ("United
# States" / "U.S.") go through the project's alias table.
_ABBREVIATED = {"usa": "us", **{
    short: full for full, shorts in (
        ("alabama", "ala"), ("arizona", "ariz"), ("arkansas", "ark"),
        ("california", "calif cal"), ("colorado", "colo"), ("connecticut", "conn"),
        ("delaware", "del"), ("florida", "fla"), ("georgia", "ga"), ("illinois", "ill"),
        ("indiana", "ind"), ("kansas", "kan kans"), ("kentucky", "ky"), ("louisiana", "la"),
        ("maryland", "md"), ("massachusetts", "mass"), ("michigan", "mich"),
        ("minnesota", "minn"), ("mississippi", "miss"), ("missouri", "mo"), ("montana", "mont"),
        ("nebraska", "neb"), ("nevada", "nev"), ("oklahoma", "okla"), ("oregon", "ore"),
        ("pennsylvania", "pa"), ("tennessee", "tenn"), ("vermont", "vt"), ("virginia", "va"),
        ("washington", "wash"), ("wisconsin", "wis"), ("wyoming", "wyo"))
    for short in shorts.split()}}
_KNOWN_ALIASES = AliasTable()


def _spelled_out(name: str) -> str:
    """A folded name in one spelling: long forms as their known short form ("united states" →
    "us"), abbreviations written out, hyphens as spaces."""
    words = name.replace("-", " ").split()
    for start, end, key in reversed(_KNOWN_ALIASES.resolve([stem(w) for w in words])):
        words[start:end] = [key]
    return " ".join(_ABBREVIATED.get(w, w) for w in words)


# First words that make a place, a body or a time of a name ("North Korea", "House Republicans",
# "Monday Carlson"), like the titles: not a given name.
_NOT_GIVEN_NAMES = TITLE_WORDS | DATE_WORDS | frozenset("""
north south east west northern southern eastern western new old upper lower central greater san
santa saint st fort port lake mount father sister brother house senate congress parliament
federal state national first second third fourth fifth last next
""".split())


def _other_given_name(x: EntityMention, y: EntityMention) -> bool:
    """One surname with another given name ("Marta Kowalczyk" / "Marek Kowalczyk"): a different
    person, or the same one misnamed by a source; either way the analyst should know. Only
    plain two-word personal names count, compared as written without accents: not a title, a
    place, a body or a date before the surname, not two ordinary words ("House" / "Senate"),
    and not an initial, a short form or another spelling of one name ("J. Smith", "Steve" /
    "Stephen", "Sergei" / "Sergey")."""
    xs, ys = folded(x.span.text).split(), folded(y.span.text).split()
    if len(xs) != 2 or len(ys) != 2 or xs[1] != ys[1] or len(xs[1]) < 3:
        return False
    gx, gy = xs[0], ys[0]
    short_form = gx.startswith(gy) or gy.startswith(gx) or (
        gx[:3] == gy[:3] and abs(len(gx) - len(gy)) >= 2) or (
        same_given_name(gx, gy))  # "Mike" / "Michael"
    spelling = Levenshtein.distance(gx, gy) <= (1 if min(len(gx), len(gy)) < 6 else 2)
    # "Sergei" / "Sergey", "Mohammed" / "Mohamed", "Jeronimo" / "Jeromino"
    if short_form or spelling or gx in _NOT_GIVEN_NAMES or gy in _NOT_GIVEN_NAMES:
        return False
    return gx.isalpha() and gy.isalpha() and not (is_common_word(gx) and is_common_word(gy)) and (
        gx[0] == gy[0])  # "Raide" / "Ray": one person misnamed; "Joe" / "Hunter": two people


def different_events(p: PairView, reasons: list[Reason]) -> bool:
    """Both sides name places or actors, none is shared, and at least two of name, figure and
    date differ: two look-alike events ("a landslide struck Manila on Saturday, injuring 350" /
    "… Harare on Monday, injuring 150"), not one event told with one detail wrong."""
    a_keys = {e.key for e in _claim_entities(p.a)}
    b_keys = {e.key for e in _claim_entities(p.b)}
    if not a_keys or not b_keys or any(same_entity(x, y) for x in a_keys for y in b_keys):
        return False
    kinds = {r.kind for r in reasons} & {ReasonKind.NUMBER, ReasonKind.DATE, ReasonKind.ENTITY}
    return len(kinds) >= 2
