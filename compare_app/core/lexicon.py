"""Ordinary English words (SCOWL, see resources/lexicon/SCOWL-COPYRIGHT.txt).

A capitalised word that opens a sentence is a name only if it is not an ordinary word: "Rescue
teams…" and "More than…" name nobody, "Shoigu signed…" does.
"""

from __future__ import annotations

import logging
from functools import lru_cache
from pathlib import Path

log = logging.getLogger(__name__)

WORDS_FILE = Path(__file__).resolve().parents[2] / "resources" / "lexicon" / "english-words.txt"


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
