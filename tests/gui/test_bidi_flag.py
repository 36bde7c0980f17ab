"""The detail panel flags a sentence that held hidden direction controls (issue 10)."""

from __future__ import annotations

from compare_app.core.compare import compare_texts
from compare_app.core.loading import load_text
from compare_app.gui.detail_panel import DetailPanel


def test_detail_panel_warns_about_direction_controls(qtbot):
    c = compare_texts(load_text("Officials said \u202e1,200\u202c troops crossed."),
                      load_text("Officials said 1,200 troops crossed."))
    panel = DetailPanel()
    qtbot.addWidget(panel)
    panel.show_key(c, c.pairs[0].id)
    assert "direction controls" in panel.toPlainText()
    panel.show_key(c, c.b.sentences[0].id)
    assert "direction controls" not in panel.toPlainText()
