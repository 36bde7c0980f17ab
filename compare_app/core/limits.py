"""Size limits checked before the heavy work, so what is accepted compares in bounded time and
memory (under a minute and 1.5 GB on a laptop, see benchmarks/hostile_inputs.py).

The unit of work is the sentence: each costs about the same to segment, annotate and link,
whatever its length. A document may hold up to MAX_UNITS sentences (a 19 MB article has about
140,000); when both documents are long, linking grows with both, so the shorter of the two
may hold at most MAX_SHORTER_UNITS. The counts are estimated in one C-level pass over the text
(sentence ends and line breaks) before anything is segmented: far too many sentences in one
document, or two long documents, are refused then; the exact count of each document is checked
again right after segmentation.
"""

from __future__ import annotations

import re

from .loading import InputError, LoadedText

MAX_UNITS = 200_000
MAX_SHORTER_UNITS = 20_000
# A sentence end (with closing quotes or brackets) before a space, or a run of line breaks;
# each match starts at a character that ends it, so the scan stays linear.
_BREAK = re.compile(r"[.!?…][\"'”’»)\]]*[ \t]+|\n\s*")


def estimate_units(text: str) -> int:
    """About how many sentences `text` splits into (never far below the segmenter's count)."""
    return _BREAK.subn("", text)[1] + 1 if text else 0


def _name(doc: LoadedText) -> str:
    return doc.path or doc.title or "pasted text"


def check_units(doc: LoadedText, count: int, *, about: bool = False) -> None:
    """Refuse one document with more sentences than any comparison may hold."""
    if count > MAX_UNITS:
        raise InputError(_name(doc), f"has {'about ' if about else ''}{count:,} sentences; "
                                     f"the limit is {MAX_UNITS:,} per document")


def check_sizes(*docs: LoadedText) -> None:
    """Refuse, before any segmenting, documents whose comparison would exceed the limits (for
    three or more, every pair is linked: the two longest must pass)."""
    counts = [estimate_units(doc.text) for doc in docs]
    for doc, count in zip(docs, counts):
        if count > 2 * MAX_UNITS:  # the estimate can double a Markdown text's line breaks
            check_units(doc, count, about=True)
    longest = sorted(range(len(docs)), key=lambda k: -counts[k])[:2]
    if len(longest) == 2 and counts[longest[1]] > MAX_SHORTER_UNITS:
        first, second = sorted(longest)
        raise InputError(f"{_name(docs[first])} and {_name(docs[second])}",
                         f"both documents are long (about {counts[first]:,} and "
                         f"{counts[second]:,} sentences); when both are, the shorter may have "
                         f"at most {MAX_SHORTER_UNITS:,}")
