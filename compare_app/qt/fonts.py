"""Fonts for scripts the default font lacks: Korean in the sample op-ed, Chinese, Arabic, ...

Qt falls back through fontconfig for most text, but a default family without the glyphs can
still show empty boxes. The window and the PDF report therefore name, after their own family, an
installed family for each script that occurs in the documents; a script with no installed font
at all is reported, so the analyst knows to install one (e.g. Noto Sans CJK for Korean).
"""

from __future__ import annotations

import logging

from PySide6.QtGui import QFont, QFontDatabase, QFontInfo

log = logging.getLogger(__name__)

WS = QFontDatabase.WritingSystem
# (name shown to the analyst, writing system, code point ranges), scripts people meet in news.
SCRIPTS: tuple[tuple[str, QFontDatabase.WritingSystem, tuple[tuple[int, int], ...]], ...] = (
    ("Korean", WS.Korean, ((0xAC00, 0xD7AF), (0x1100, 0x11FF), (0x3130, 0x318F))),
    ("Japanese", WS.Japanese, ((0x3040, 0x30FF),)),
    ("Chinese", WS.SimplifiedChinese, ((0x4E00, 0x9FFF), (0x3400, 0x4DBF))),
    ("Arabic", WS.Arabic, ((0x0600, 0x06FF), (0x0750, 0x077F))),
    ("Hebrew", WS.Hebrew, ((0x0590, 0x05FF),)),
    ("Cyrillic", WS.Cyrillic, ((0x0400, 0x04FF),)),
    ("Greek", WS.Greek, ((0x0370, 0x03FF),)),
    ("Thai", WS.Thai, ((0x0E00, 0x0E7F),)),
    ("Devanagari", WS.Devanagari, ((0x0900, 0x097F),)),
    ("Georgian", WS.Georgian, ((0x10A0, 0x10FF),)),
    ("Armenian", WS.Armenian, ((0x0530, 0x058F),)),
)
FONT_HINT = "install a font with these glyphs (e.g. Noto Sans CJK for Korean, Chinese, Japanese)"


def scripts_in(text: str) -> list[tuple[str, QFontDatabase.WritingSystem]]:
    """The scripts of SCRIPTS that occur in `text`, in table order."""
    points = {ord(ch) for ch in text if ord(ch) >= 0x0370}
    return [(name, ws) for name, ws, ranges in SCRIPTS
            if any(lo <= p <= hi for p in points for lo, hi in ranges)]


def fallback_families(text: str, family: str) -> tuple[list[str], list[str]]:
    """(installed families to add after `family`, names of scripts no installed font covers)."""
    extra: list[str] = []
    missing: list[str] = []
    for name, ws in scripts_in(text):
        if ws in QFontDatabase.writingSystems(family):
            continue
        found = QFontDatabase.families(ws)
        if found:
            if found[0] not in extra:
                extra.append(found[0])
        else:
            missing.append(name)
    if missing:
        log.info("no installed font for %s; %s", ", ".join(missing), FONT_HINT)
    return extra, missing


def with_fallbacks(font: QFont, text: str) -> tuple[QFont, list[str]]:
    """A copy of `font` whose family list goes on to fonts with the text's other scripts, and
    the scripts that will still show as boxes (no installed font has them).

    The list starts with the family the font really resolves to: a default font is often named
    by an alias ("Sans Serif") that is no installed family, and a list starting with it would
    make the first fallback (a CJK font, with full-width apostrophes) render all the text."""
    primary = QFontInfo(font).family()
    extra, missing = fallback_families(text, primary)
    result = QFont(font)
    if extra:
        named = [primary, *(f for f in font.families() if f != primary)]
        result.setFamilies([*named, *(f for f in extra if f not in named)])
    return result, missing
