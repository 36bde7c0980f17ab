"""Two linked sentences read side by side, and how explanations quote them.

Every reason check (`relations`, `figure_reasons`) works on a `PairView`: the two readings, the
words they share and the short runs the word alignment replaces ("Red Cross" for "UNICEF").
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from functools import cached_property

from .models import Reason, ReasonKind, Span
from .normalize import GENERIC_STEMS
from .reading import Reading, Word

ALIGNED_RUN = 6  # a replaced run longer than this (words, either side) aligns nothing reliably
MAX_ALIGNED_WORDS = 400  # longer sentences are not word-aligned


@dataclass
class PairView:
    """Two linked sentences read side by side."""

    a: Reading
    b: Reading
    memo: dict[str, object] = field(default_factory=dict)  # what several checks work out once

    @property
    def names(self) -> tuple[str, str]:
        """How explanations name the two sides: their documents' labels ("A", "B", "C" …)."""
        return self.a.sentence.doc, self.b.sentence.doc

    @cached_property
    def shared(self) -> set[str]:
        return {k for k in self.a.keys & self.b.keys if k not in GENERIC_STEMS}

    @cached_property
    def replaced(self) -> list[tuple[tuple[int, int], tuple[int, int]]]:
        """Short runs that the word alignment replaces: ((A start, end), (B start, end)) offsets."""
        return [(ra, rb) for ra, rb, _ in self._runs]

    @cached_property
    def anchored(self) -> list[tuple[tuple[int, int], tuple[int, int]]]:
        """The replaced runs next to a shared word of the claim, not only to words like "the",
        "of" or "in" ("led by the Red Cross" / "led by UNICEF"; not "… in Afghanistan" /
        "… from his club in Florida")."""
        return [(ra, rb) for ra, rb, anchored in self._runs if anchored]

    @cached_property
    def _runs(self) -> list[tuple[tuple[int, int], tuple[int, int], bool]]:
        wa, wb = self.a.words, self.b.words
        ka, kb = [w.key for w in wa], [w.key for w in wb]
        if len(ka) > MAX_ALIGNED_WORDS or len(kb) > MAX_ALIGNED_WORDS:
            return []  # word alignment is quadratic; a sentence this long is not one claim
        if ka <= kb:  # align in one canonical order, so swapping A and B mirrors the result
            ops = difflib.SequenceMatcher(None, ka, kb, autojunk=False).get_opcodes()
        else:
            ops = [(tag, i1, i2, j1, j2) for tag, j1, j2, i1, i2 in
                   difflib.SequenceMatcher(None, kb, ka, autojunk=False).get_opcodes()]
        runs = []
        for k, (tag, i1, i2, j1, j2) in enumerate(ops):
            if tag != "replace" or i2 - i1 > ALIGNED_RUN or j2 - j1 > ALIGNED_RUN:
                continue
            # A substitution inside matching context: equal words before it and, unless the
            # sentence ends there, after it.
            before = k == 0 or ops[k - 1][0] == "equal"
            after = k + 1 == len(ops) or ops[k + 1][0] == "equal"
            if before and after:
                anchored = any(self._claim_word(wa[i]) for n in (k - 1, k + 1)
                               if 0 <= n < len(ops) for i in range(ops[n][1], ops[n][2]))
                runs.append(((wa[i1].start, wa[i2 - 1].end), (wb[j1].start, wb[j2 - 1].end),
                             anchored))
        return runs

    @staticmethod
    def _claim_word(w: Word) -> bool:
        return w.content and w.key not in GENERIC_STEMS and w.key[:1] not in "=@"

    def aligned(self, x: Span, y: Span, *, exactly: bool = False,
                anchored: bool = False) -> bool:
        """Whether the word alignment puts span x of A and span y of B in the same place;
        `exactly`: the replaced words are those spans and nothing else that matters;
        `anchored`: next to a shared word of the claim."""
        for ra, rb in self.anchored if anchored else self.replaced:
            if not (ra[0] < x.end and x.start < ra[1] and rb[0] < y.end and y.start < rb[1]):
                continue
            if not exactly or (self._only(self.a, ra, x) and self._only(self.b, rb, y)):
                return True
        return False

    @staticmethod
    def _only(reading: Reading, run: tuple[int, int], span: Span) -> bool:
        return all(span.start <= w.start < span.end or not w.content
                   for w in reading.words if run[0] <= w.start < run[1])


def quote(span: Span) -> str:
    return f"“{span.text}”"


def side_span(reading: Reading, words: list[Word]) -> Span:
    s = reading.sentence
    start, end = words[0].start, words[-1].end
    return Span(start, end, s.text[start - s.start:end - s.start])


def joined(reading: Reading, x: Span, y: Span) -> Span:
    """The text of one sentence from the start of x to the end of y."""
    s = reading.sentence
    return Span(x.start, y.end, s.text[x.start - s.start:y.end - s.start])


def both_say(p: PairView, what: str, x: Span, y: Span) -> str:
    """'Different figures: A says “42 people”; B says “14 people”.' with the sides' own names."""
    name_a, name_b = p.names
    return f"{what}: {name_a} says {quote(x)}; {name_b} says {quote(y)}."


def earliest(p: PairView, reasons: list[Reason]) -> list[Reason]:
    """The reason whose spans come first in both sentences, chosen the same way whichever
    document is A (so swapping the documents quotes the same words)."""
    def key(r: Reason) -> tuple:
        at_a = r.a.start - p.a.sentence.start if r.a else 0
        at_b = r.b.start - p.b.sentence.start if r.b else 0
        texts = sorted((r.a.text if r.a else "", r.b.text if r.b else ""))
        return (at_a + at_b, abs(at_a - at_b), texts)

    return [min(reasons, key=key)] if reasons else []


def against(kind: ReasonKind, mine: Reading, first: bool, cue: Span, other: Reading, word: Word,
             template: str, cue_text: str = "", said_text: str = "") -> list[Reason]:
    """A reason whose cue is on one side (`mine`, the pair's first side when `first`) and whose
    plain statement is `word` on the other, with both sides quoted (the cue and the word, or
    the phrases given) and named."""
    span = side_span(other, [word])
    a, b = (cue, span) if first else (span, cue)
    text = template.format(me=mine.sentence.doc, other=other.sentence.doc,
                           cue=cue_text or quote(cue), said=said_text or quote(span))
    return [Reason(kind, a, b, text)]
