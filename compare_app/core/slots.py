"""Slots: the parts of a claim that can differ while the claim stays the same one.

Figures, dates and directions of change are masked to their type for matching ("#num", "#date",
"#dir") and kept as typed values ("=42", "@monday", "^up"). Two sentences that differ only in a
slot value then still look alike, and the relation check reports the difference.
"""

from __future__ import annotations

import math
import re

from .normalize import stem
from .quantities import TENS_WORDS, UNIT_WORDS

TYPE_OF_PREFIX = {"=": "#num", "@": "#date", "^": "#dir"}

# Number words that stand alone as a figure ("eight", "forty", "a dozen"); "one" reads as a pronoun.
WORD_VALUES = {**{w: v for w, v in {**UNIT_WORDS, **TENS_WORDS}.items() if v >= 2},
               "hundred": 100, "thousand": 1000, "million": 1e6, "billion": 1e9, "dozen": 12}
DATE_WORDS = frozenset("""january february march april june july august september october november
december monday tuesday wednesday thursday friday saturday sunday""".split())
_UP = """rise rises rose risen rising increase increased increases increasing climb climbed climbs
climbing jump jumped jumps soar soared soaring surge surged surging gain gained gains grew grow
grows growing grown rebound rebounded raise raised raises spike spiked spikes spiking hike hiked
hikes skyrocket skyrocketed doubled tripled""".split()
_DOWN = """fall falls fell fallen falling decline declined declines declining drop dropped drops
dropping decrease decreased decreases decreasing dip dipped plunge plunged plunging slump slumped
tumble tumbled sink sank slid slide shrink shrank shrunk lower lowered cut cuts halve halved
reduce reduced reduces reducing plummet plummeted slash slashed""".split()
# Words of change whose stem is also a common noun or adjective ("a contract", "a slow start",
# "a narrow win", "a rally", "loss of life"): read as directions word by word, in the relation
# checks only, and left as plain terms for matching.
_UP_WORDS = """widened widens widening expanded expands expanding accelerated accelerates
accelerating rallied strengthened strengthens strengthening recovered recovers recovering
lengthened lengthens outpaced outpaces""".split()
_DOWN_WORDS = """narrowed narrows narrowing contracted slowed slows slowing weakened weakens
weakening loss losses eased eases easing receded recedes receding subsided subsides lagged lags
shortened shortens collapsed collapses collapsing slipped slips slipping""".split()
DIRECTION_OF_STEM = {**{stem(w): "up" for w in _UP}, **{stem(w): "down" for w in _DOWN}}
DIRECTION_OF_WORD = {**{w: "up" for w in _UP + _UP_WORDS},
                     **{w: "down" for w in _DOWN + _DOWN_WORDS}}
FIGURE = re.compile(r"\d+(?:\.\d+)?")
YEAR = re.compile(r"(?:1[5-9]|20)\d\d")


def is_value(term: str) -> bool:
    return term[:1] in TYPE_OF_PREFIX


def number_key(digits: str) -> str:
    """The typed value of a written figure ("194000" → "=194000", "5.40" → "=5.4"); a figure too
    large for a float keeps its digits."""
    value = float(digits)
    if not math.isfinite(value):
        return "=" + digits.lstrip("0")
    return f"={value:g}" if value != int(value) else f"={int(value)}"


def mask_terms(terms: list[str]) -> list[str]:
    """Content terms with slot words replaced by their type token and typed value."""
    out: list[str] = []
    for t in terms:
        if YEAR.fullmatch(t) or t in DATE_WORDS:
            out += ["#date", "@" + t]
        elif FIGURE.fullmatch(t):
            out += ["#num", number_key(t)]
        elif t in WORD_VALUES:
            out += ["#num", f"={WORD_VALUES[t]:g}"]
        elif t in DIRECTION_OF_STEM:
            out += ["#dir", "^" + DIRECTION_OF_STEM[t]]
        else:
            out.append(t)
    return out
