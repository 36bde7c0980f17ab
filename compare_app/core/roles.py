"""Who did what to whom: the same two actors on both sides, in each other's places.

"Arsenal beat Chelsea" and "Chelsea beat Arsenal" share every word, yet say opposite things.
Two names on each side with the same act between them are compared by the part each plays:
the one before the act does it, unless a passive ("was beaten by") turns the order round. Acts
both parties do alike ("met", "played", "and") have no sides to swap.
"""

from __future__ import annotations

from .cue_reach import IRREGULAR_BASE
from .models import Reason, ReasonKind, Span
from .normalize import canonical
from .pair_view import PairView, both_say
from .quantities import within_spans
from .reading import Reading, Word, word_key
from .segment import untitled

# Acts two parties do together, so that either may be named first.
_MUTUAL = frozenset(canonical(w) for w in """meet met meets meeting play played plays face faced
faces marry married tie tied draw drew talk talked spoke speak negotiate negotiated clash clashed
merge merged partner partnered debate debated join joined ally allied trade traded border
bordered fight fought battle battled hug hugged embrace embraced kiss kissed""".split())
# Words that join the two names instead of setting one against the other.
_JOINING = frozenset("and or nor with against versus vs between both".split())
_BE = frozenset("is are was were be been being get gets got gotten getting".split())
_PLACING = frozenset("in of at from for near outside inside across".split())
_MOST_BETWEEN = 5  # words from the first name to the second: a short, direct clause


def role_reasons(p: PairView) -> list[Reason]:
    """The same two names with the same act between them, the doer on one side the one done
    to on the other: "Arsenal beat Chelsea" / "Chelsea beat Arsenal" (but "Chelsea were beaten
    by Arsenal" agrees)."""
    names_a, names_b = _names(p.a), _names(p.b)
    known_a = {k for k, _ in names_a} | _capitals(p.a)
    known_b = {k for k, _ in names_b} | _capitals(p.b)
    a_acts = _acts(p.a, _with_opener(p.a, names_a, known_b))
    b_acts = _acts(p.b, _with_opener(p.b, names_b, known_a))
    for (first, second), (a_keys, a_doer, a_span) in a_acts.items():
        found = b_acts.get((first, second)) or b_acts.get((second, first))
        if found is None:
            continue
        b_keys, b_doer, b_span = found
        if a_keys & b_keys and a_doer != b_doer:
            return [Reason(ReasonKind.ENTITY, a_span, b_span,
                           both_say(p, "Roles reversed", a_span, b_span))]
    return []


def _names(reading: Reading) -> list[tuple[str, Span]]:
    """The names of a sentence's claim (not its credited source), each keyed without its
    title ("President Orlov" and "Orlov" are one actor)."""
    s = reading.sentence
    cited = within_spans([(c.span.start, c.span.end) for c in s.features.attribution])
    return [(untitled(e.key.lower().replace(".", "")), e.span) for e in s.features.entities
            if not cited(e.span.start)]


def _capitals(reading: Reading) -> set[str]:
    """The capitalised content words of a sentence, in lower case."""
    return {w.text.lower() for w in reading.words if w.content and w.text[:1].isupper()}


def _with_opener(reading: Reading, names: list[tuple[str, Span]], other: set[str]
                 ) -> list[tuple[str, Span]]:
    """The names, and the sentence's first word when the other side names it: a capital that
    opens a sentence says nothing on its own ("Rescue teams …"), but "Arsenal beat Chelsea"
    against "Arsenal were beaten by Chelsea" or "… beat Arsenal" makes Arsenal a name."""
    first = reading.words[0] if reading.words else None
    if first is None or not first.content or not first.text[:1].isupper() or any(
            span.start <= first.start < span.end for _, span in names):
        return names
    key = first.text.lower()
    return [(key, Span(first.start, first.end, first.text))] + names if key in other else names


def _acts(reading: Reading, names: list[tuple[str, Span]]
          ) -> dict[tuple[str, str], tuple[frozenset[str], str, Span]]:
    """Each two names next to each other in one clause with an act between them (keys in order
    of place): the act's words, the name that does it, and the words from one to the other."""
    out: dict[tuple[str, str], tuple[frozenset[str], str, Span]] = {}
    for (key_x, x), (key_y, y) in zip(names, names[1:]):
        if key_x == key_y or reading.clause_at(x.start) != reading.clause_at(y.start):
            continue
        between = reading.words_between(x.end, y.start)
        after_x = reading.sentence.text[x.end - reading.sentence.start:][:2]
        if after_x in ("'s", "’s") or (between and between[-1].text.lower() in _PLACING):
            continue  # "Gaza's militant Hamas", "Hamas militants in Gaza": who, not an act
        act = _act(between)
        if act:
            lows = [w.text.lower() for w in between]  # "was beaten by (challenger) Y"
            passive = "by" in lows and not _BE.isdisjoint(lows[:lows.index("by")])
            out[key_x, key_y] = (act, key_y if passive else key_x, _from_to(reading, x, y))
    return out


def _act(between: list[Word]) -> frozenset[str]:
    """The content words of an act that sets one name against the other (irregular forms read
    as their plain verb: "beaten" / "beat"); none when the words join the names or name an act
    done together."""
    if not 0 < len(between) <= _MOST_BETWEEN:
        return frozenset()
    lowered = {w.text.lower() for w in between}
    keys = frozenset(w.key for w in between if w.content) | frozenset(
        word_key(IRREGULAR_BASE[w]) for w in lowered if w in IRREGULAR_BASE)
    if lowered & _JOINING or keys & _MUTUAL:
        return frozenset()
    return keys


def _from_to(reading: Reading, x: Span, y: Span) -> Span:
    """The words from the first name to the end of the second name's phrase ("Brix Energy
    bought the Halden terminal"), for quoting."""
    s = reading.sentence
    end = y.end
    for w in reading.words_between(y.end, s.end, first=2):
        if not w.content or w.key[:1] in "=@#^" or s.text[end - s.start:w.start - s.start] != " ":
            break
        end = w.end
    return Span(x.start, end, s.text[x.start - s.start:end - s.start])
