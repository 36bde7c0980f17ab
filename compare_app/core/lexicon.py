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


def is_common_word(word: str) -> bool:
    """Whether `word` (any case; hyphenated parts each) is an ordinary lower-case English word."""
    parts = [p for p in word.lower().replace("’", "'").split("-") if p]
    words = _words()
    return bool(parts) and all(p in words for p in parts)
