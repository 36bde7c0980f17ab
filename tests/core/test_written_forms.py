"""One thing written two ways matches; a written form that is not a word matches nothing.

A model or code is spelled with or without its hyphen ("C-17" / "C17", "S-400" / "S400"); the
suffix of a written ordinal ("30th", "21st") is part of the figure, not a word of its own that
every other ordinal in the other text would share."""

from __future__ import annotations

import pytest

from compare_app.core.compare import compare_texts
from compare_app.core.loading import load_text
from compare_app.core.normalize import AliasTable, content_terms


def _pairs(a: str, b: str):
    return compare_texts(load_text(a, name="A"), load_text(b, name="B")).pairs


@pytest.mark.parametrize("closed, hyphenated", [("C17", "C-17"), ("S400", "S-400"),
                                                ("MH17", "MH-17"), ("F35", "F-35")])
def test_a_code_reads_the_same_with_or_without_its_hyphen(closed, hyphenated):
    aliases = AliasTable()
    assert content_terms(f"The {closed} landed.", aliases) == \
        content_terms(f"The {hyphenated} landed.", aliases)


def test_a_sentence_naming_the_code_either_way_links_to_its_counterpart():
    a = ("The last C-17 lifted off from the capital's airport on Monday night. "
         "Schools in the north will stay closed until the end of the month.")
    b = ("Officials said the last C17 departed the capital's airport after midnight. "
         "The harvest festival drew record crowds to the coastal towns this year.")
    pairs = _pairs(a, b)
    assert [(p.a, p.b) for p in pairs] == [(("A1",), ("B1",))], pairs


@pytest.mark.parametrize("text, terms", [
    ("on the 30th of June", ["30", "june"]),
    ("the 21st century", ["21", "century"]),
    ("his 2nd term and her 3rd", ["2", "term", "3"]),
    ("the 5th-largest city", ["5", "largest", "city"]),
])
def test_an_ordinal_suffix_is_no_word(text, terms):
    assert content_terms(text, AliasTable()) == terms


def test_two_sentences_sharing_only_an_ordinal_are_not_linked():
    # before, the shared "th" (a word found in these two sentences only) and the shared figure
    # linked them as agreeing at 83
    assert not _pairs("Voting ends on the 30th of June in most states.",
                      "The union held its 30th annual congress in Lyon.")
