"""The one status table: emphasis by importance, and the HTML report drawing what it says."""

from __future__ import annotations

import re

from compare_app.core.models import Status
from compare_app.core.reports import ReportInput, html_report
from compare_app.core.status_style import BY_EMPHASIS, STYLES, mix_with_white


def test_mix_with_white():
    assert mix_with_white("#D55E00", 0) == "#FFFFFF"
    assert mix_with_white("#D55E00", 100) == "#D55E00"
    assert mix_with_white("#000000", 50) == "#808080"


def test_findings_first_and_one_source_claims_quiet():
    assert BY_EMPHASIS == (Status.DIVERGE, Status.AGREE, Status.RELATED, Status.UNSUPPORTED,
                           Status.EXCLUDED)
    strengths = [STYLES[s].strength for s in BY_EMPHASIS]
    assert strengths == sorted(strengths, reverse=True)
    assert STYLES[Status.UNSUPPORTED].tint == "" and STYLES[Status.EXCLUDED].tint == ""
    assert len({(st.line, st.thickness) for st in STYLES.values()}) == len(STYLES)
    assert STYLES[Status.DIVERGE].thickness == max(st.thickness for st in STYLES.values())


def test_report_css_follows_the_table(sample_comparison):
    page = html_report(ReportInput(sample_comparison, (), {}, "2025-01-15T10:30:00+00:00"))
    for status, st in STYLES.items():
        rule = re.search(rf"\.{status.value} {{([^}}]*)}}", page).group(1)
        if st.line:
            assert f"underline {st.line} {st.line_ink}" in rule
        assert ("background-color" in rule) == bool(st.tint)
    legend = page[page.index('<table class="legend">'):]
    order = [legend.index(f'class="s {s.value}"') for s in BY_EMPHASIS]
    assert order == sorted(order)
