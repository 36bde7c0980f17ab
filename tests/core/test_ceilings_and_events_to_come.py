"""A ceiling written "as much as" is a ceiling like "up to"; an event named after "ahead of",
"before" or "pending", or only "anticipated", is not stated as done."""

from __future__ import annotations

import pytest

from compare_app.core.models import ReasonKind
from sentence_pairs import assert_kind, assert_no_kind

CERTAINTY = ReasonKind.CERTAINTY


def test_two_ceilings_in_other_words_agree():
    assert_no_kind("The audit found the city undercounted repairs by up to 30% last year.",
                   "The audit found the city undercounted repairs by as much as 30 percent last "
                   "year.", CERTAINTY)


def test_as_much_as_is_a_ceiling_against_the_figure_stated():
    assert_kind("The flood damaged as much as 40 percent of the harvest this spring.",
                "The flood damaged 40 percent of the harvest this spring.", CERTAINTY)


@pytest.mark.parametrize("first", [
    "The two ministers spoke briefly on Tuesday ahead of their highly anticipated talks.",
    "The two ministers spoke briefly on Tuesday before their talks.",
])
def test_an_event_still_to_come_is_not_done(first):
    assert_no_kind(first, "The two ministers will hold talks on Tuesday in Vienna.", CERTAINTY)


def test_an_event_held_is_still_done():
    assert_kind("The two ministers held talks on Tuesday in Vienna.",
                "The two ministers will hold talks on Tuesday in Vienna.", CERTAINTY)
