"""Keyword prefilters against their reference: every gated pattern scanned on every sentence.

The reference lives here, not in production: `admits` (the prefilter) and the hint that a
sentence holds a figure are replaced by gates that let everything through, and the result must
not change. Sentences are drawn from each
pattern's own vocabulary (its literal words, with endings and glued together), which is where a
hand-kept keyword list drifts from the regex it guards ("rumormongering" matched `rumou?r\\w*`
while the list knew only "rumor", "rumors", ...).
"""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from compare_app.core import claims, kinds, quantities, reading
from compare_app.core.compare import build_aliases
from compare_app.core.distancing import DISTANCING
from compare_app.core.models import Kind, Sentence

ALIASES = build_aliases("")
PATTERNS = [p for p, _ in claims._CERTAINTY_CUES] + [rx.pattern for rx in claims.ATTRIBUTION_RES] \
    + [claims.NEGATION_RE.pattern] \
    + [kinds.CAPTION_RE.pattern, kinds.PRESCRIPTION_RE.pattern, kinds._REPORTED_TAIL.pattern,
       kinds._REPORTED_BEFORE.pattern,
       kinds.OPINION_RE.pattern,
       kinds.BOILERPLATE_RE.pattern, kinds.CREDIT_RE.pattern] \
    + [quantities.NUMBER_RE.pattern, quantities._MULTIPLE_RE.pattern]
VOCABULARY = sorted({w for p in PATTERNS for w in re.findall(r"[a-z]{2,}", p.lower())}
                    - {"ix", "lt"})
ENDINGS = ("", "", "s", "ed", "ing", "ly", "mongering", "er")
FILLER = ("the", "troops", "Kursk", "in", "2024", "were", "North", "Korean", "a", "to", "that")
SEPARATORS = (" ", " ", " ", "", ": ", "-", ", ")


def _scan_everything(monkeypatch: pytest.MonkeyPatch) -> None:
    for module in (claims, kinds):
        monkeypatch.setattr(module, "admits", lambda *_args: True)
    for gate in ("_may_be_boilerplate", "_may_be_credit"):  # the text gates of long inputs
        monkeypatch.setattr(kinds, gate, lambda *_args: True)
    monkeypatch.setattr(claims, "_NUMBER_HINT", re.compile(""))  # figures: "doubled", "fivefold"


words = st.one_of(
    st.builds(lambda w, e: w + e, st.sampled_from(VOCABULARY), st.sampled_from(ENDINGS)),
    st.sampled_from(FILLER),
)
sentences = st.builds(
    lambda ws, seps, cap: (("".join(w + s for w, s in zip(ws, seps))).strip() + ".").capitalize()
    if cap else ("".join(w + s for w, s in zip(ws, seps))).strip() + ".",
    st.lists(words, min_size=1, max_size=10), st.lists(st.sampled_from(SEPARATORS), min_size=10,
                                                        max_size=10),
    st.booleans())


def _features(text: str):
    return claims.extract_features(text, 0, ALIASES)


def _kinds(text: str):
    return kinds.classify_units(text, [(0, len(text))])


@pytest.mark.parametrize("read", [_features, _kinds], ids=["claim features", "kinds"])
@settings(max_examples=400, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(text=sentences)
def test_prefilters_equal_the_full_scan(read, text, monkeypatch):
    fast = read(text)
    with monkeypatch.context() as m:
        _scan_everything(m)
        assert read(text) == fast, text


@pytest.mark.parametrize("text", ["Rumormongering about a deployment spread.",
                                  "Officials were rumoring a deployment.",
                                  "The rumoured deployment began."])
def test_rumour_words_are_hedges(text):
    assert _features(text).certainty.cue is not None


@pytest.mark.parametrize("text", ["He didn’t go.", "THEY DON'T AGREE.", "He refuſed to go.",
                                  "Nothıng was found.", "Officials were on track."])
def test_negation_prefilter_equals_the_full_scan(text, monkeypatch):
    fast = _features(text)
    _scan_everything(monkeypatch)
    assert _features(text) == fast
    assert bool(fast.negations) is (text != "Officials were on track.")


@pytest.mark.parametrize("text", ["Prices are the highest in nearly a decade.",
                                  "The bridge stood for a century."])
def test_a_span_written_without_a_number_word_is_still_a_figure(text, monkeypatch):
    fast = _features(text)
    _scan_everything(monkeypatch)
    assert _features(text) == fast
    assert fast.numbers


def test_sample_pair_prefilters_equal_the_full_scan(sample_comparison, monkeypatch):
    docs = (sample_comparison.a, sample_comparison.b)
    aliases = build_aliases(*(d.text for d in docs))
    fast = [[claims.extract_features(s.text, s.start, aliases) for s in d.sentences] for d in docs]
    spans = [[(s.start, s.end) for s in d.sentences] for d in docs]
    fast_kinds = [kinds.classify_units(d.text, sp) for d, sp in zip(docs, spans)]
    _scan_everything(monkeypatch)
    assert fast == [[claims.extract_features(s.text, s.start, aliases) for s in d.sentences]
                    for d in docs]
    assert fast_kinds == [kinds.classify_units(d.text, sp) for d, sp in zip(docs, spans)]


# The cue lists `read` reacts to (not the derived CUE_WORDS), with words cues look at.
CUE_VOCABULARY = sorted(reading.NEGATIONS | reading.HEDGES | reading.HEDGES_BEFORE_TO
                        | DISTANCING | reading._MODAL_NEGATIVES) + [
    "don't", "isn’t", "May", "to", "on", "track", "only", "reports", "said", "deployed", "1,200"]


@settings(max_examples=300, deadline=None)
@given(ws=st.lists(st.sampled_from(CUE_VOCABULARY + list(FILLER)), min_size=1, max_size=14),
       seps=st.lists(st.sampled_from(SEPARATORS), min_size=14, max_size=14))
def test_reading_cues_equal_every_word_tried(ws, seps):
    """`read` looks for cues only at words `word_info` marks; trying every word finds the same."""
    text = ("".join(w + s for w, s in zip(ws, seps))).strip() + "."
    sentence = Sentence("A1", "A", 1, 10, 10 + len(text), text, Kind.CLAIM)
    fast = reading.read(sentence)
    every = reading.word_info.__wrapped__
    with pytest.MonkeyPatch.context() as m:
        m.setattr(reading, "word_info", lambda word: every(word)[:3] + (True,))
        assert reading.read(sentence) == fast, text


@pytest.mark.parametrize("word", sorted(
    {w + end for w in quantities._MULTIPLES if len(w) < 9 and not w.endswith("fold")
     and w != "twice" for end in ("ed", "ing")}
    | {w for w in quantities._MULTIPLES if w.endswith("fold") or w == "twice"}))
def test_every_multiple_passes_the_figure_hint(word):
    """The hint that a sentence holds a figure knows every multiple the figure reader does."""
    text = "Twice as many cars were sold." if word == "twice" else f"Sales {word} last year."
    assert claims._NUMBER_HINT.search(text)
    assert [n.unit for n in quantities.find_numbers(text, 0, [])] == [quantities.FOLD]
