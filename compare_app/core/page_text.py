"""Join the text of paginated pages (a PDF) into one flowing text without page furniture.

Intent: a report's running header ("ACME Quarterly Report"), its footer ("Confidential —
page 3") and bare page numbers repeat on every page; left in, they cut sentences that cross a
page break and show up as noise in the comparison. Pure Python, so the Qt-based PDF reader
outside the core only has to hand over one string per page.

Rules (only the first and last EDGE_LINES non-blank lines of each page are ever removed; one
each on pages of fewer than 3 * EDGE_LINES lines):
  * a page number alone on a line ("3", "- 3 -", "Page 3", "Page 3 of 10", "3/10", "iv");
  * a running line: the same line, with digits ignored, at an edge of at least
    RUNNING_SHARE of the pages of a document of at least MIN_PAGES pages (or of the odd or even
    pages alone, for books with alternating headers, from 2 * MIN_PAGES pages).
Pages are then joined with a single line break and wrapped lines are rejoined.
"""

from __future__ import annotations

import logging
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from compare_app.core.rewrap import rejoin_lines

log = logging.getLogger(__name__)

EDGE_LINES = 2
MIN_PAGES = 3
RUNNING_SHARE = 0.6

_ROMAN = r"(?=[ivxlcdm])m{0,3}(?:cm|cd|d?c{0,3})(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})"
_PAGE_NUMBER = re.compile(
    r"^(?:(?:page|p\.|pg\.?|seite|página|pagina)\s*)?[-–—(\[]?\s*"
    rf"(?:\d{{1,4}}|{_ROMAN})\s*[-–—)\]]?"
    r"(?:\s*(?:of|/|von|de|sur)\s*\d{1,4})?$",
    re.IGNORECASE)
_DIGITS = re.compile(r"\d+")
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class PagesText:
    """Flowing text of all pages, and how many header/footer/page-number lines were dropped."""

    text: str
    removed_lines: int


def is_page_number(line: str) -> bool:
    """A line that is only a page number, in the usual spellings."""
    return bool(_PAGE_NUMBER.match(line.strip()))


def _key(line: str) -> str:
    """A line with digits and spacing normalised, so "Page 3" and "Page 4" compare equal."""
    return _SPACE.sub(" ", _DIGITS.sub("#", line.strip().casefold()))


def _edges(lines: list[str]) -> list[int]:
    """Indices of the first and last EDGE_LINES non-blank lines (one each on short pages)."""
    filled = [i for i, line in enumerate(lines) if line.strip()]
    k = EDGE_LINES if len(filled) >= 3 * EDGE_LINES else 1
    return sorted(set(filled[:k] + filled[-k:]))


def _running_keys(pages: list[list[str]]) -> set[str]:
    """Edge lines repeated on enough pages (all pages, or odd/even pages alone)."""
    groups = [list(range(len(pages)))] if len(pages) >= MIN_PAGES else []
    if len(pages) >= 2 * MIN_PAGES:
        groups += [list(range(0, len(pages), 2)), list(range(1, len(pages), 2))]
    running: set[str] = set()
    for group in groups:
        counts: Counter[str] = Counter()
        for index in group:
            counts.update({_key(pages[index][i]) for i in _edges(pages[index])})
        needed = max(2, math.ceil(RUNNING_SHARE * len(group)))
        running.update(key for key, n in counts.items() if n >= needed and key.strip("# "))
    return running


def strip_page_furniture(pages: Sequence[str]) -> tuple[list[str], int]:
    """Remove running headers/footers and page numbers from each page's edge lines."""
    split = [page.replace("\r\n", "\n").replace("\r", "\n").split("\n") for page in pages]
    running = _running_keys(split)
    cleaned: list[str] = []
    removed = 0
    for lines in split:
        drop = {i for i in _edges(lines) if is_page_number(lines[i]) or _key(lines[i]) in running}
        removed += len(drop)
        cleaned.append("\n".join(line for i, line in enumerate(lines) if i not in drop))
    return cleaned, removed


def join_pages(pages: Sequence[str]) -> PagesText:
    """One text from per-page texts: page furniture dropped, wrapped lines and hyphens rejoined."""
    cleaned, removed = strip_page_furniture(pages)
    # A single line break between pages lets a paragraph continue onto the next page.
    flowing = "\n".join(page.strip("\n") for page in cleaned if page.strip())
    text = rejoin_lines(flowing).strip()
    log.debug("joined %d pages, %d furniture lines dropped", len(pages), removed)
    return PagesText(text=text, removed_lines=removed)
