"""Words of close meaning ("deaths"/"fatalities", "building"/"tower"), from a bundled table.

Reporters paraphrase: two sources stating one claim often share few words. The table
(`data/lexicon/word-neighbours.tsv`, built by `tools/build_word_neighbours.py` from a sentence
model's view of each word on its own) gives each matching term its nearest terms with their
cosine similarity. The matcher credits such a pair with part of its weight, as it does close
spellings; the slot comparison still decides whether the sentences agree.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from functools import lru_cache

from . import tuning
from .samples import data_path

log = logging.getLogger(__name__)

TABLE_FILE = data_path("lexicon", "word-neighbours.tsv")  # package data: a wheel ships it


@lru_cache(maxsize=1)
def _lines() -> dict[str, str]:
    """Each term's line of the table, not yet parsed (a comparison asks for a few thousand of
    its 26,000 terms)."""
    try:
        text = TABLE_FILE.read_text(encoding="utf-8")
    except OSError as exc:
        log.warning("Word-meaning table not available (%s); paraphrases match less often", exc)
        return {}
    return dict(line.split("\t", 1) for line in text.splitlines()
                if line and line[0] != "#" and "\t" in line)


@lru_cache(maxsize=100_000)
def neighbours(term: str) -> tuple[tuple[str, int], ...]:
    """A term's neighbours in the table with their cosine percent, closest first."""
    rest = _lines().get(term)
    if not rest:
        return ()
    near = []
    for item in rest.split():
        word, _, pct = item.rpartition(":")
        if pct.isdigit():
            near.append((word, int(pct)))
    return tuple(near)


def close_meanings(left: Iterable[str], right: Iterable[str]) -> dict[str, dict[str, float]]:
    """Pairs of a term of `left` and a term of `right` (different terms) that the table calls
    close in meaning, both ways, with the credit (0-100) a match of the two earns."""
    right_set = set(right)
    left_set = set(left)
    out: dict[str, dict[str, float]] = {}
    floor = tuning.MEANING_FLOOR
    for side, other in ((left_set, right_set), (right_set, left_set)):
        for x in side:
            for y, pct in neighbours(x):
                if pct >= floor and y in other and y != x:
                    credit = tuning.MEANING_CREDIT * pct
                    out.setdefault(x, {})[y] = max(out.get(x, {}).get(y, 0.0), credit)
                    out.setdefault(y, {})[x] = max(out.get(y, {}).get(x, 0.0), credit)
    return out


def nothing_in_common(left: set[str], right: set[str]) -> bool:
    """Whether two non-empty sets of terms share nothing, not even words of close meaning: the
    test behind "these name two different things"."""
    return bool(left) and bool(right) and left.isdisjoint(right) and not close_meanings(
        left, right)
