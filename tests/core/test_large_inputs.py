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


def test_prefiltered_kinds_match_the_full_scan_on_a_long_text(long_text, monkeypatch):
    from compare_app.core import kinds
    from compare_app.core.segment import split_sentences

    spans = split_sentences(long_text)
    fast = kinds.classify_units(long_text, spans)
    for gate in ("admits", "_may_be_boilerplate", "_may_be_credit"):
        monkeypatch.setattr(kinds, gate, lambda *_args: True)
    assert kinds.classify_units(long_text, spans) == fast


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


def _reference_candidates(a_sets, b_sets, weights, per_unit):
    """candidate_pairs as it was before the shortcut for a short side: keys for every unit,
    postings of every key."""
    import math
    from collections import defaultdict

    from compare_app.core import tuning
    from compare_app.core.align import index_keys

    cap = max(12, int(tuning.INDEX_CAP_ROOTS * math.sqrt(weights.n)))
    ordered = sorted((t for t, c in weights.df.items() if c > 1 and t[:1] != "#"),
                     key=lambda t: (-weights.idf[t], t))
    rank = {t: i for i, t in enumerate(ordered)}
    a_keys = [index_keys(set(t), rank, weights, cap) if t else {} for t in a_sets]
    b_keys = [index_keys(set(t), rank, weights, cap) if t else {} for t in b_sets]
    out = set()

    def postings_of(keyed):
        postings = defaultdict(list)
        for i, keys in enumerate(keyed):
            for k in keys:
                postings[k].append(i)
        return {k: v for k, v in postings.items() if len(v) <= cap}

    def best(keyed, postings, flip):
        for i, keys in enumerate(keyed):
            acc = {}
            for k, w in keys.items():
                for j in postings.get(k, ()):
                    acc[j] = acc.get(j, 0.0) + w
            top = acc.keys() if len(acc) <= per_unit else sorted(
                acc, key=acc.__getitem__, reverse=True)[:per_unit]
            out.update((j, i) if flip else (i, j) for j in top)

    best(a_keys, postings_of(b_keys), False)
    best(b_keys, postings_of(a_keys), True)
    return out


def test_candidates_of_a_long_text_against_a_short_one_match_the_full_index(long_text,
                                                                             sample_paths):
    from compare_app.core.align import candidate_pairs
    from compare_app.core.compare import prepare
    from compare_app.core.loading import load_document, load_text

    short = load_document(str(sample_paths[1]))
    long = load_text(long_text)  # long enough that not every pair sharing a word is scored
    for a, b in ((long, short), (short, long)):
        prep = prepare(a, b)
        fast = candidate_pairs(prep.a_terms, prep.b_terms, prep.weights, 12)
        assert len(fast) > 100
        assert fast == _reference_candidates(prep.a_terms, prep.b_terms, prep.weights, 12)


def test_spelling_variants_between_two_lists_are_those_of_the_whole_vocabulary():
    from compare_app.core.similarity import similar_spellings

    left = ["aleksandr", "hospitalization", "hospitalizations", "unlawful", "kherson"]
    right = ["aleksander", "hospital", "unlawfully", "khersonskaya", "ministers", "zaporizhzhia"]
    whole = similar_spellings(sorted(set(left + right)))
    cross = similar_spellings(left, right)
    for x in left:
        for y in right:
            assert cross.get(x, {}).get(y) == whole.get(x, {}).get(y)
            assert cross.get(y, {}).get(x) == whole.get(y, {}).get(x)
    assert "aleksander" in cross["aleksandr"] and "unlawful" in cross["unlawfully"]
    assert "hospitalizations" in whole["hospitalization"]
    assert "hospitalizations" not in cross.get("hospitalization", {})  # one side: never consulted


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats()
    | st.text(alphabet=st.characters(codec="utf-8"), max_size=8),
    lambda inner: st.lists(inner, max_size=4) | st.tuples(inner, inner)
    | st.dictionaries(st.text(max_size=5), inner, max_size=4)
    | st.dictionaries(st.integers(), inner, max_size=2),
    max_leaves=25)


@settings(max_examples=400, deadline=None)
@given(JSON_VALUES, st.integers(0, 3))
def test_fast_indented_json_is_what_the_json_module_writes(value, level):
    import json

    from compare_app.core.json_text import Streamed, indented, iter_indented

    expected = json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n" + "  " * level)
    assert indented(value, level) == expected
    assert "".join(iter_indented(value, level)) == expected
    if isinstance(value, list):
        assert "".join(iter_indented({"x": Streamed(iter(value))}, level)) == json.dumps(
            {"x": value}, ensure_ascii=False, indent=2).replace("\n", "\n" + "  " * level)
