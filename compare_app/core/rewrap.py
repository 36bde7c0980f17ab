"""Rejoin hard-wrapped lines into paragraphs (PDF extracts, e-mails, text copied from a viewer).

Intent: a line that was broken only because the page or the mail client ran out of width is
joined to the next one; a line that ended on purpose (a short last line of a paragraph, a
heading, a list item, a quoted e-mail line) keeps its break. Hyphenated breaks are joined
("deploy-\\nment" → "deployment") unless the next part is capitalised ("Korea-\\nRussia") or the
hyphenated spelling is used elsewhere in the same text ("well-known").

The result is the text the user sees, so offsets computed later index the rejoined text.
Decisions use only the two lines around each break plus the text's typical line width:
  * width = the 80th percentile of non-blank line lengths; a line is *full* when it reaches
    FULL_RATIO of that width (and the width is at least MIN_WIDTH, so short address or list
    lines are never merged);
  * a full line is joined to the next when the next starts in lower case or the full line does
    not end a sentence. A sentence that happens to end exactly at a full line keeps its break
    (the paragraph looks split, but no two paragraphs are ever merged on that ground).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable

log = logging.getLogger(__name__)

FULL_RATIO = 0.7
MIN_WIDTH = 40
# looks_hard_wrapped: most lines in a band around a width typical of mail clients and PDFs.
WRAP_WIDTH_RANGE = (40, 110)
MIN_LINES = 6

_BULLETS = "-*+•◦▪‣⁃●■►▸–—"
_LIST_ITEM = re.compile(rf"(?:[{_BULLETS}](?:\s|$)|\(?(?:\d{{1,3}}|[a-zA-Z]|[ivxlcdm]{{2,5}})"
                        r"[.)](?:\s|$))")
_SENTENCE_END = re.compile(r"[.!?…:][\"'”’»)\]]*$")
_HYPHEN_END = re.compile(r"([A-Za-zÀ-ÖØ-öø-ÿ]+(?:-[A-Za-zÀ-ÖØ-öø-ÿ]+)*)-$")
_WORD_START = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿ]+")
_HYPHENATED = re.compile(r"\b[A-Za-zÀ-ÖØ-öø-ÿ]+-[A-Za-zÀ-ÖØ-öø-ÿ]+\b")
_WORD = re.compile(r"\b[A-Za-zÀ-ÖØ-öø-ÿ]+\b")


def _percentile(values: list[int], fraction: float) -> int:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * (len(ordered) - 1) + 0.5))]


def line_width(lines: Iterable[str]) -> int:
    """The typical full-line length: the 80th percentile of non-blank line lengths (0 if none)."""
    lengths = [len(line.strip()) for line in lines if line.strip()]
    return _percentile(lengths, 0.8) if lengths else 0


def looks_hard_wrapped(text: str) -> bool:
    """Whether paragraphs were broken into lines of a fixed width (an e-mail, a PDF copy).

    True when there are at least MIN_LINES non-blank lines, the typical width lies in
    WRAP_WIDTH_RANGE, most lines sit close to it, hardly any line is much longer, and many
    lines stop mid-sentence. Ordinary files with one long line per paragraph are never wrapped.
    """
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    if len(lines) < MIN_LINES:
        return False
    width = line_width(lines)
    if not WRAP_WIDTH_RANGE[0] <= width <= WRAP_WIDTH_RANGE[1]:
        return False
    band = [line for line in lines if FULL_RATIO * width <= len(line) <= width * 1.15 + 2]
    too_long = sum(1 for line in lines if len(line) > width * 1.5 + 10)
    if len(band) < 0.5 * len(lines) or too_long > 0.05 * len(lines):
        return False
    open_ended = sum(1 for line in band if not _SENTENCE_END.search(line))
    return open_ended >= 0.4 * len(band)


def _vocabulary(text: str) -> tuple[set[str], set[str]]:
    """Lower-cased words and hyphenated compounds used in the text (outside line ends)."""
    words = {m.group().lower() for m in _WORD.finditer(text)}
    compounds = {m.group().lower() for m in _HYPHENATED.finditer(text)}
    return words, compounds


def _join_hyphen(left: str, right: str, words: set[str], compounds: set[str]) -> str | None:
    """The joined text for `left` ending "word-" and `right`, or None if it is not a word break."""
    if left[-2:-1].isdigit() and left.endswith("-") and right[:1].isdigit():
        return left + right  # a range broken after its dash: "1990-\n1995"
    end = _HYPHEN_END.search(left)
    start = _WORD_START.match(right)
    if not end or not start:
        return None
    head = end.group(1).rsplit("-", 1)[-1].lower()
    tail = start.group().lower()
    # Capitalised continuations are compounds of names ("Korea-Russia"); otherwise the text's
    # own usage decides, and an unknown word is assumed to be a syllable break.
    keep = right[0].isupper() or (head + tail not in words and (
        f"{head}-{tail}" in compounds or "-" in end.group(1)))
    return left + right if keep else left[:-1] + right


def _is_list_item(line: str) -> bool:
    return bool(_LIST_ITEM.match(line))


def rejoin_lines(text: str) -> str:
    """Join hyphenated and hard-wrapped line breaks; keep blank lines, lists, headings, quotes.

    Lines are right-stripped; a joined line loses its leading indentation. Blank-line runs are
    kept as they are (only trailing spaces removed), so paragraph breaks never move.
    """
    lines = [line.rstrip() for line in text.split("\n")]
    width = line_width(lines)
    full_at = FULL_RATIO * width if width >= MIN_WIDTH else float("inf")
    words, compounds = _vocabulary(text)
    out: list[str] = []
    last_len = 0  # length of the last physical line inside out[-1]
    joined = 0
    for line in lines:
        stripped = line.strip()
        merged = None
        if out and stripped and out[-1].strip() and not (
                _is_list_item(stripped) or stripped.startswith(">")
                or out[-1].lstrip().startswith(">")):
            prev = out[-1]
            merged = _join_hyphen(prev, stripped, words, compounds)
            if merged is None and last_len >= full_at and (
                    stripped[0].islower() or not _SENTENCE_END.search(prev)):
                merged = f"{prev} {stripped}"
        if merged is None:
            out.append(line)
            last_len = len(stripped)
        else:
            out[-1] = merged
            last_len = len(stripped)
            joined += 1
    if joined:
        log.debug("rejoined %d wrapped line break(s)", joined)
    return "\n".join(out)
