"""Hidden characters made visible, so text reads as it is compared: direction controls, and
control characters a terminal would act on (see `reveal_controls`).

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


# Control characters other than line and page layout (escape codes, bells, C1 controls): a
# terminal would act on them when a report is printed ("\x1b[2J" clears the screen). Each is
# shown as one visible symbol, so offsets stay put: U+2400 + code for C0 ("␛", "␇"), "␡" for
# DEL, "�" for C1.
_LAYOUT = "\t\n\r\x0b\x0c"
_CONTROL_TABLE = str.maketrans(
    {**{chr(c): chr(0x2400 + c) for c in range(0x20) if chr(c) not in _LAYOUT},
     "\x7f": "\u2421", **{chr(c): "\ufffd" for c in range(0x80, 0xa0)}})
_CONTROL_SET = frozenset(chr(c) for c in _CONTROL_TABLE)


def control_warning(count: int) -> str:
    return (f"{count} control character(s) (such as terminal escape codes) are shown as symbols "
            "(␛, ␇, …)")


def reveal_controls(text: str) -> tuple[str, int]:
    """`text` with every control character but layout (tab, line and page breaks) replaced by
    a visible symbol, and how many there were."""
    if _CONTROL_SET.isdisjoint(text):
        return text, 0
    count = sum(text.count(ch) for ch in _CONTROL_SET)
    return text.translate(_CONTROL_TABLE), count
