"""What a count covers and which version of a figure it is.

"Four people were killed, including the gunman" counts the gunman; "the gunman killed three
people" counts his victims: one toll, told two ways. "Not as bad as the 8.7% initially reported"
gives a figure its own writer says was superseded, so a revised "8.3%" on the other side is no
rival count. "Those expected included two right-wing groups" lists some of a set, not how many
there are ("several right-wing groups"). "A facility designed for 250 people" gives what a
place can hold, not how many are in it ("now holding more than 4,100").
"""

from __future__ import annotations

import re
from dataclasses import replace

from .models import NumberMention
from .pair_view import PairView
from .quantities import compatible
from .reading import Reading

# Who attacked (besides "gunman", whose plural is "gunmen").
_ATTACKERS = "shooter attacker assailant bomber suspect perpetrator killer".split()
# A toll that counts the attacker among the dead: "(including the shooter)", ", including the
# assailant".
_WITH_ATTACKER = re.compile(r"^[^.;]{0,40}?\binclud(?:ing|es|ed)\s+(?:the|a)\s+(?:gunman|"
                            + "|".join(_ATTACKERS) + r")\b", re.IGNORECASE)
# A count of the attackers themselves: "one suspect", "a lone shooter".
_ATTACKER = re.compile(r"\s*(?:[a-z]+\s+)?(?:gunm[ae]n|(?:" + "|".join(_ATTACKERS) + r")s?)\b",
                       re.IGNORECASE)
# A figure its own writer marks as superseded.
_SUPERSEDED = re.compile(r"\b(?:initially|originally|first|previously|earlier)\s+"
                         r"(?:reported|estimated|announced|published|given)\b", re.IGNORECASE)


def counts_the_attacker(p: PairView, xs: list[NumberMention], ys: list[NumberMention]) -> bool:
    """Whether one side's toll includes the attacker and, less him, meets the other's; or one
    side counts only the one attacker ("one suspect was shot and killed by police") and the
    other not (its dead are the victims)."""
    alone = [all(n.stated == 1 and _ATTACKER.match(_after(r, n)) for n in ns)
             for ns, r in ((xs, p.a), (ys, p.b))]
    if alone[0] != alone[1]:
        return True
    for mine, other, reading in ((xs, ys, p.a), (ys, xs, p.b)):
        for n in mine:
            if _with_attacker(reading, n) and any(
                    compatible(_less_one(n), m) for m in other):
                return True
    return False


def superseded(p: PairView, xs: list[NumberMention], ys: list[NumberMention]) -> bool:
    """Whether every figure of one side is one its writer says was first reported and since
    replaced ("not as bad as the 8.7% initially reported")."""
    return any(all(_SUPERSEDED.search(_after(reading, n)) for n in mine)
               for mine, reading in ((xs, p.a), (ys, p.b)))


def _with_attacker(reading: Reading, n: NumberMention) -> bool:
    return bool(_WITH_ATTACKER.match(_after(reading, n)))


def _after(reading: Reading, n: NumberMention) -> str:
    s = reading.sentence
    return s.text[n.span.end - s.start:n.span.end - s.start + 60]


def _less_one(n: NumberMention) -> NumberMention:
    return replace(n, low=n.low - 1, high=n.high - 1, stated=n.stated - 1)


# A figure that lists some members of a set, not how many there are: "included two groups",
# "among them three children".
_LISTED_IN = re.compile(r"\b(?:includ(?:ed|es|ing|e)|among\s+(?:them|those))\s+$", re.IGNORECASE)


def listed_in_part(p: PairView, xs: list[NumberMention], ys: list[NumberMention]) -> bool:
    """Whether one side's figures all list part of a set ("included two right-wing groups")
    while the other side's do not: some of a set against the set."""
    return bool(_one_side_only(p, xs, ys, _LISTED_IN, 30))


# What a place or a vehicle can hold, said before the figure: "designed for 250 people", "built
# to hold 32 children", "a capacity of 19,000".
_CAPACITY = re.compile(r"\b(?:(?:designed|built|meant|intended|made)\s+(?:to\s+(?:hold|house|"
                       r"accommodate|seat|carry|serve)|for)|capacity\s+(?:of|for))\s+"
                       r"(?:up\s+to\s+|about\s+|roughly\s+|around\s+|some\s+)?$", re.IGNORECASE)


def capacity_side(p: PairView, xs: list[NumberMention], ys: list[NumberMention]) -> str:
    """"a" or "b" when that side's figures all give a capacity and the other's none; else ""."""
    return _one_side_only(p, xs, ys, _CAPACITY, 40)


def _one_side_only(p: PairView, xs: list[NumberMention], ys: list[NumberMention],
                   before: re.Pattern[str], width: int) -> str:
    """"a" or "b" when the words just before every figure of that side (`width` characters)
    end as `before` says and before none of the other side's; else ""."""
    a = [bool(before.search(p.a.text_before(x.span.start, width))) for x in xs]
    b = [bool(before.search(p.b.text_before(y.span.start, width))) for y in ys]
    if all(a) and not any(b):
        return "a"
    return "b" if all(b) and not any(a) else ""
