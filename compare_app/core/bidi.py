"""Direction-control characters made visible, so text reads as it is compared.

U+202E (right-to-left override) makes "1,200 troops" display as "002,1 troops" and "gpj.exe" as
"exe.jpg" while the text still holds "1,200": a reader and the comparison would see different
things. Every such control becomes one visible marker character (so all offsets stay put):
an opening control ⟪, a closing one ⟫, an invisible direction mark ⁞. The document gets a
warning, and a sentence holding a marker is flagged in the detail panel and the reports.
"""

from __future__ import annotations

# LRE RLE LRO RLO, LRI RLI FSI: they open; PDF, PDI: they close; LRM RLM ALM: marks.
_OPENING = "\u202a\u202b\u202d\u202e\u2066\u2067\u2068"
_CLOSING = "\u202c\u2069"
_MARKS = "\u200e\u200f\u061c"
OPEN_MARKER, CLOSE_MARKER, MARK_MARKER = "⟪", "⟫", "⁞"
MARKERS = OPEN_MARKER + CLOSE_MARKER + MARK_MARKER
_TABLE = str.maketrans({**dict.fromkeys(_OPENING, OPEN_MARKER),
                        **dict.fromkeys(_CLOSING, CLOSE_MARKER),
                        **dict.fromkeys(_MARKS, MARK_MARKER)})
_CONTROLS = frozenset(_OPENING + _CLOSING + _MARKS)


def bidi_warning(count: int) -> str:
    return (f"{count} hidden text-direction control(s) (which can make text display reversed, "
            f"e.g. 1,200 as 002,1) are shown as {OPEN_MARKER} {CLOSE_MARKER} {MARK_MARKER}; "
            "check the sentences that hold them")


def reveal_bidi(text: str) -> tuple[str, int]:
    """`text` with every direction control replaced by its marker, and how many there were."""
    if _CONTROLS.isdisjoint(text):
        return text, 0
    count = sum(text.count(ch) for ch in _CONTROLS)
    return text.translate(_TABLE), count


def has_bidi_marker(text: str) -> bool:
    """Whether a sentence held a direction control (now shown as a marker)."""
    return not frozenset(MARKERS).isdisjoint(text)


SENTENCE_WARNING = (f"this sentence held hidden text-direction controls (shown as {OPEN_MARKER} "
                    f"{CLOSE_MARKER} {MARK_MARKER}): elsewhere it may display reversed; check its "
                    "figures and names")
