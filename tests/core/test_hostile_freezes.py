"""Hostile text must not freeze: scans that were quadratic are linear (issue 10).

Linear work is shown by a generous subprocess timeout on input the old code needed minutes
for (marked `slow`; it still runs by default), and each fast path is checked against the
pattern it replaced on ordinary text.
"""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from compare_app.core import claims, loading
from compare_app.core.html_text import bound_markup, html_to_text

# Old reference patterns (quadratic on long tokens / long runs of spaces).
_OLD_CAP = r"[A-Z][\w’'.&-]*"
OLD_ACRONYM_DEF_RE = re.compile(
    rf"(?P<long>(?:{_OLD_CAP}\s+(?:(?:of|the|and|for)\s+)*){{1,7}}{_OLD_CAP})"
    r"\s*\((?P<short>[A-Z][A-Z.&]{1,9})\)")
OLD_MD_HEADING = re.compile(r"^#{1,6}\s*|\s+#+$")


def run_within(code: str, seconds: float = 60) -> str:
    """Run `code` in a fresh interpreter; fail (not hang) if it takes longer than `seconds`."""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=seconds, check=True)
    return done.stdout


@pytest.mark.slow
@pytest.mark.parametrize("unit", ["A", "Aa", "A.", "A-", "A’", "FDA A"])
def test_long_capitalised_token_is_linear(unit):
    # 400k characters: the old regex needed about 17 minutes for "A" alone.
    code = ("from compare_app.core.compare import compare_texts, warm\n"
            "from compare_app.core.loading import load_text\n"
            f"t = load_text({unit!r} * (400_000 // {len(unit)}))\n"
            "warm(compare_texts(t, load_text('The army said 1,200 troops crossed.')))\n"
            "print('ok')")
    assert run_within(code).strip() == "ok"


@pytest.mark.slow
@pytest.mark.parametrize("markup", [
    "'<!--' + 'a' * 3_000_000", "'<!--x ' * 500_000", "'<p>a</p><a href=\"' + 'a' * 5_000_000",
    "'<a ' * 300_000", "'<a x=' * 300_000", "'</' * 300_000", "'A' + ' ' * 2_000_000 + 'b'"])
def test_malformed_html_is_linear(markup):
    code = ("from compare_app.core.html_text import html_to_text\n"
            "from compare_app.core.loading import guess_title\n"
            f"m = {markup}\nhtml_to_text(m); guess_title(m, 'x'); print('ok')")
    assert run_within(code).strip() == "ok"


words = st.sampled_from(["Korean", "People’s", "Army", "of", "the", "and", "for", "(KPA)",
                         "(PA)", "(K.P.A.)", "said", "National", "Intelligence", "Service",
                         "(NIS)", "U.S.", "A-B", "(AB)", "\n", "  ", "X" * 70, "(XX)"])


@settings(max_examples=300, deadline=None)
@given(st.lists(words, max_size=40))
def test_bounded_acronym_pattern_matches_the_old_one_on_ordinary_text(parts):
    text = " ".join(parts)
    ordinary = all(len(w) <= 64 for w in re.findall(r"[\w’'.&-]+", text))
    old = [m.group() for m in OLD_ACRONYM_DEF_RE.finditer(text)]
    new = [m.group() for m in claims.ACRONYM_DEF_RE.finditer(text)]
    if ordinary:
        assert new == old
    assert claims.find_acronyms(text) is not None


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="# \tab*_\n", max_size=30))
def test_heading_strip_matches_the_old_pattern(raw):
    assert loading._heading_text(raw) == OLD_MD_HEADING.sub("", raw.strip())


def test_acronym_still_found():
    assert claims.find_acronyms("the Korean People’s Army (KPA) moved") == [
        ("Korean People’s Army", "KPA")]


@pytest.mark.parametrize(("markup", "cut"), [
    ("<p>Kept.</p><!-- never closed", "comment"),
    ('<p>Kept.</p><a href="never closed', "tag"),
    ("<p>Kept.</p><a <a <a", "tag"),
    ("<p>Kept.</p><!DOCTYPE", "tag"),
])
def test_unterminated_constructs_are_cut_with_a_warning(markup, cut):
    bounded, what = bound_markup(markup)
    assert bounded == "<p>Kept.</p>" and what == cut
    result = html_to_text(markup)
    assert result.text == "Kept."
    assert any("unterminated" in w for w in result.warnings)


@pytest.mark.parametrize("markup", [
    "<p title='a>b'>x</p><!-- c -->", "<script>if (a<b) x = '<!--';</script><p>y</p>",
    "<p>1 < 2 and 3 > 2</p>", "<style>p{}</STYLE><p>z</p>", "a < b", "<p>x</p>"])
def test_well_formed_markup_is_untouched(markup):
    assert bound_markup(markup) == (markup, None)


@pytest.mark.slow
def test_a_sentence_of_thousands_of_years_is_linear():
    # 60,000 years in one sentence: each figure used to scan every date span (20 s and more).
    code = ("from compare_app.core.compare import compare_texts, warm\n"
            "from compare_app.core.loading import load_text\n"
            "t = load_text('2020 ' * 60_000 + 'troops 1,200 and 2021.')\n"
            "warm(compare_texts(t, load_text('The army said 1,200 troops crossed.')))\n"
            "print('ok')")
    assert run_within(code).strip() == "ok"


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 50), st.integers(0, 20)), max_size=8),
       st.integers(-2, 80))
def test_position_in_spans_matches_the_scan(raw, position):
    from compare_app.core.quantities import within_spans

    spans = [(s, s + n) for s, n in raw]
    assert within_spans(spans)(position) == any(s <= position < e for s, e in spans)


@pytest.mark.slow
def test_a_pair_of_long_sentences_is_linear():
    # Two linked sentences of thousands of dates, names, sources and directions: the pairwise
    # checks used to compare every mention of one with every mention of the other.
    code = ("from compare_app.core.compare import compare_texts, warm\n"
            "from compare_app.core.loading import load_text\n"
            "t = 'Kim said on June 2, 2020 that Korea rose ' * 6_000\n"
            "c = compare_texts(load_text(t), load_text(t.replace('2', '3')))\n"
            "warm(c); assert c.pairs; print('ok')")
    assert run_within(code).strip() == "ok"
