"""Fallback fonts for scripts the base font lacks (Korean in the sample op-ed)."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6.QtGui")

from PySide6.QtGui import QFont, QFontDatabase

from compare_app.qt.fonts import fallback_families, scripts_in, with_fallbacks


def test_scripts_are_found_by_code_point():
    assert [n for n, _ in scripts_in("Kim Jong Un (김정은) met Шойгу in 平壤.")] == \
        ["Korean", "Chinese", "Cyrillic"]
    assert scripts_in("Plain English, café, naïve — “quotes”.") == []


def test_each_script_gets_an_installed_family_or_is_reported(qapp):
    text = "김정은 Шойгу"
    base = QFont("DejaVu Sans")
    font, missing = with_fallbacks(base, text)
    extra, missing_again = fallback_families(text, base.family())
    assert missing == missing_again
    for name, ws in scripts_in(text):
        has_font = bool(QFontDatabase.families(ws))
        covered = ws in QFontDatabase.writingSystems(base.family())
        assert (name in missing) == (not has_font and not covered), name
    assert font.families()[: len(base.families())] == base.families()
    assert all(f in font.families() for f in extra)


def test_window_names_a_missing_script(window):
    doc = window.comparison.a  # the op-ed quotes Korean
    _, missing = with_fallbacks(window.pane_a.view.font(), doc.text)
    label = window.pane_a.file_label.text()
    assert ("no installed font for" in label) == bool(missing)


def test_latin_text_beside_korean_keeps_the_base_font(window):
    """The sample's B text quotes Korean: its pane adds a CJK fallback, but English words (and
    their curly apostrophes, full-width in CJK fonts: "People’ s") still render in the base font."""
    from PySide6.QtGui import QFontInfo, QFontMetricsF

    pane_a, pane_b = window.pane_a.view, window.pane_b.view
    assert scripts_in(window.comparison.b.text)  # the pane does get a fallback
    assert QFontInfo(pane_b.font()).family() == QFontInfo(pane_a.font()).family()
    word = "People’s Army"
    width_a = QFontMetricsF(pane_a.font()).horizontalAdvance(word)
    assert QFontMetricsF(pane_b.font()).horizontalAdvance(word) == pytest.approx(width_a)
