"""Ordinary English words (SCOWL, see compare_app/data/lexicon/SCOWL-COPYRIGHT.txt).

A capitalised word that opens a sentence is a name only if it is not an ordinary word: "Rescue
teams…" and "More than…" name nobody, "Shoigu signed…" does.
"""

from __future__ import annotations

import logging
from functools import lru_cache

from .samples import data_path

log = logging.getLogger(__name__)

WORDS_FILE = data_path("lexicon", "english-words.txt")  # package data: a wheel ships it


@lru_cache(maxsize=1)
def _words() -> frozenset[str]:
    try:
        return frozenset(WORDS_FILE.read_text(encoding="utf-8").split())
    except OSError as exc:
        log.warning("English word list not available (%s); sentence openers may read as names", exc)
        return frozenset()


# Prefixes that make an ordinary word of an ordinary word, written closed ("nonfarm",
# "unvaccinated", "postpandemic") where a word list may lack the compound; not "co", "re",
# "over", "under", which begin many names ("Cohen", "Reagan", "Underwood")
_PREFIXES = ("counter", "multi", "anti", "post", "semi", "inter", "non", "pre", "sub", "mid", "un")
_PREFIXED_MIN = 4  # letters the rest must have


def is_common_word(word: str) -> bool:
    """Whether `word` (any case; hyphenated parts each) is an ordinary lower-case English word,
    or such a word with a common prefix written closed ("Nonfarm payrolls rose…")."""
    parts = [p for p in word.lower().replace("’", "'").split("-") if p]
    words = _words()
    return bool(parts) and all(p in words or _prefixed(p, words) for p in parts)


def _prefixed(part: str, words: frozenset[str]) -> bool:
    return any(part.startswith(prefix) and len(part) - len(prefix) >= _PREFIXED_MIN
               and part[len(prefix):] in words for prefix in _PREFIXES)
