"""Long inputs: the fast paths give the same results as their slow references, and the pipeline
reports progress and stops when asked."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from compare_app.core.serialize import _wrap, _wrap_reference

WORDS = st.text(alphabet=st.sampled_from("ab- —.,’\t\n\xa0x"), min_size=0, max_size=30)


@settings(max_examples=400, deadline=None)
@given(st.lists(WORDS, max_size=40), st.sampled_from(["- ", "    A: ", "    [number] ", ""]))
def test_fast_wrap_matches_textwrap(parts, indent):
    text = " ".join(parts)
    assert _wrap(text, indent) == _wrap_reference(text, indent)


@pytest.mark.parametrize("length", [1, 60, 93, 94, 95, 100, 250])
def test_fast_wrap_at_the_line_width(length):
    text = " ".join(["word"] * (length // 5) + ["x" * (length % 5 + 1)])
    for indent in ("- ", "    A: "):
        assert _wrap(text, indent) == _wrap_reference(text, indent)


PHRASES = ["Sign up", "subscribed", "Unsubscribe", "donations", "support us", "your support",
           "privacy policy", "terms of use", "cookies settings", "all rights reserved", "Read more",
           "related articles", "share this", "follow us", "in your inbox", "Remind me later",
           "dear readers", "thank you for reading", "the views expressed", "log in", "sign in",
           "do not necessarily reflect", "a message from", "payment methods", "click here",
           "sponsored content", "create an account", "never miss", "hand-picked selection",
           "not ready to support", "once", "Monthly", "annually", "continue", "back to top",
           "loading...", "advertisement", "troops", "said", "the", "in", "support the Moscow Times",
           "ſign up", "ſhare", "LOG \u0130N", "coo\u212aie policy", "\u0131n"]
TOKENS = st.sampled_from(PHRASES) | st.sampled_from(PHRASES).map(str.upper)


@settings(max_examples=500, deadline=None)
@given(st.lists(TOKENS, min_size=1, max_size=6), st.sampled_from(["", ".", "!!", " —", ":"]))
def test_boilerplate_prefilter_never_hides_a_match(tokens, end):
    from compare_app.core.kinds import BOILERPLATE_RE, _may_be_boilerplate

    flat = " ".join(tokens) + end
    if BOILERPLATE_RE.search(flat):
        assert _may_be_boilerplate(flat)


def test_prefiltered_kinds_match_the_full_scan_on_a_long_text(long_text):
    from compare_app.core.kinds import classify_units
    from compare_app.core.segment import split_sentences

    spans = split_sentences(long_text)
    assert classify_units(long_text, spans) == classify_units(long_text, spans, prefilter=False)


def test_streamed_json_is_the_json_contract_written_whole(sample_comparison):
    import json

    from compare_app.core.serialize import comparison_json, dumps, iter_json

    expected = json.dumps(comparison_json(sample_comparison), ensure_ascii=False, indent=2) + "\n"
    assert dumps(sample_comparison) == expected
    pieces = list(iter_json(sample_comparison))
    assert len(pieces) > len(sample_comparison.a.sentences)  # written a sentence at a time


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("ABZaz /viaAFPReuters.Éİ"), max_size=24))
def test_credit_prefilter_never_hides_a_match(flat):
    from compare_app.core.kinds import CREDIT_RE, _may_be_credit

    if CREDIT_RE.search(flat):
        assert _may_be_credit(flat)
