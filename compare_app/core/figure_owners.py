"""Whose figure it is: the name a figure is said of, when a name stands just before it.

"The Dow closed down 1,861 points, or 6.9%" and "the S&P 500 slid 5.9 percent" give figures of
two indexes; "Economists surveyed by Dow Jones had expected 845,000 jobs" and "analysts surveyed
by Refinitiv were expecting 870,000" are two surveys; "37 people were killed in attacks in Egypt"
and "in Alexandria, an explosion killed 13" count in two places. Each side's figures are then of
its own name, not two reports of one count.
"""

from __future__ import annotations

import re

from .models import EntityMention, NumberMention
from .names import same_entity
from .pair_view import PairView
from .reading import Reading
from .slots import DATE_WORDS

OWNER_REACH = 10  # words back from a figure to the name it is said of
# A name after "of" qualifies a noun ("the mother of the Taliban's spokesman killed three"),
# it is not what the figure is said of.
_OF_BEFORE = re.compile(r"\bof\s+(?:the\s+)?$", re.IGNORECASE)


def owned_by_other_names(p: PairView, xs: list[NumberMention], ys: list[NumberMention]) -> bool:
    """Whether every figure of each side has a name just before it, no name of one side's
    figures is one of the other side's, and one side's names are not in the other sentence."""
    found_a = [_owner(p.a, x) for x in xs]
    found_b = [_owner(p.b, y) for y in ys]
    owners_a = [e for e in found_a if e is not None]
    owners_b = [f for f in found_b if f is not None]
    if not owners_a or not owners_b or len(owners_a) < len(xs) or len(owners_b) < len(ys):
        return False
    if any(same_entity(e.key, f.key) for e in owners_a for f in owners_b):
        return False
    # one side's owner must be no name of the other sentence at all: "Judge Kessling sentenced
    # the Trevane mayor to seven years" / "the Trevane mayor was jailed for eleven years by
    # Judge Kessling" name both in both, whatever stands nearest each figure
    return not (all(_named_in(p.b, e) for e in owners_a)
                and all(_named_in(p.a, f) for f in owners_b))


def _named_in(reading: Reading, name: EntityMention) -> bool:
    """Whether a sentence names it too."""
    return any(same_entity(name.key, e.key) for e in reading.sentence.features.entities)


def _owner(reading: Reading, n: NumberMention) -> EntityMention | None:
    """The name nearest before a figure, within `OWNER_REACH` words and with no other figure
    of its unit between (not a day or a month)."""
    s = reading.sentence
    before = reading.words_between(s.start, n.span.start, last=OWNER_REACH)
    if not before:
        return None
    first = before[0].start
    names = [e for e in s.features.entities if first <= e.span.start and e.span.end <= n.span.start
             and e.key.lower() not in DATE_WORDS
             and not _OF_BEFORE.search(reading.text_before(e.span.start, 8))]
    if not names:
        return None
    owner = max(names, key=lambda e: e.span.end)
    if any(owner.span.end <= m.span.start < n.span.start and m.unit == n.unit
           for m in s.features.numbers):
        return None  # "Haiti raised the toll from 1,419 to 1,941": the name owns the first
        # ("the Dow fell 1,861 points, or 6.9%" restates one fall in another unit)
    return owner
