"""Size limits checked before the heavy work (issue 10): one line naming the file and why."""

from __future__ import annotations

import pytest

from compare_app.core import limits
from compare_app.core.compare import compare_texts
from compare_app.core.loading import InputError, load_text
from compare_app.core.multi import compare_many
from compare_app.core.segment import split_sentences


def test_the_estimate_is_close_to_the_segmenter_on_prose(sample_paths):
    for path in sample_paths:
        text = path.read_text(encoding="utf-8")
        assert abs(limits.estimate_units(text) - len(split_sentences(text))) <= 3


def test_too_many_sentences_in_one_document_is_refused_after_segmenting(monkeypatch):
    monkeypatch.setattr(limits, "MAX_UNITS", 50)
    with pytest.raises(InputError, match="has 60 sentences; the limit is 50 per document"):
        compare_texts(load_text("A claim here. " * 60), load_text("Short."))


def test_far_too_many_is_refused_before_segmenting(monkeypatch):
    monkeypatch.setattr(limits, "MAX_UNITS", 50)
    monkeypatch.setattr("compare_app.core.documents.split_sentences",
                        lambda *a, **k: pytest.fail("segmented"))
    with pytest.raises(InputError, match="about 200 sentences"):
        compare_texts(load_text("A claim here. " * 200), load_text("Short."))


def test_two_long_documents_are_refused_one_long_is_not(monkeypatch):
    monkeypatch.setattr(limits, "MAX_SHORTER_UNITS", 30)
    long_a, long_b = load_text("A claim here. " * 40), load_text("Another one. " * 35)
    with pytest.raises(InputError, match="both documents are long"):
        compare_texts(long_a, long_b)
    assert compare_texts(long_a, load_text("Short.")).a.sentences
    with pytest.raises(InputError, match="both documents are long"):
        compare_many([long_a, load_text("Short."), long_b])
