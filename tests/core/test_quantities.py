"""Figures as written, and when two of them conflict."""

from __future__ import annotations

import pytest

from compare_app.core.quantities import compatible, find_numbers, parse_figure


def one(text: str):
    found = find_numbers(text, 0, [])
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize("token, value", [
    ("194,000", 194_000), ("194K", 194_000), ("1.2 million", 1_200_000), ("forty-two", 42),
    ("Fourteen", 14), ("a dozen", 12), ("twenty one", 21), ("3.5", 3.5), ("$3.04", 3.04),
])
def test_written_figures_are_read(token, value):
    assert parse_figure(token) == pytest.approx(value)


@pytest.mark.parametrize("text, stated, qualifier, unit", [
    ("At least 42 people have died.", 42, "at least", "people"),
    ("More than 36,000 people were evacuated.", 36_000, "more than", "people"),
    ("roughly 700,000 households", 700_000, "roughly", "household"),
    ("Prices rose 5.4 percent in June.", 5.4, "", "percent"),
    ("the economy added 194K jobs", 194_000, "", "job"),
    ("between 1.5 and 2 million voters", 1_500_000, "", "voter"),
    ("the council approved $2.5 million in financing", 2_500_000, "", "money"),
    ("a deal worth 40 million euros", 40_000_000, "", "money"),
])
def test_mentions_keep_the_figure_as_stated(text, stated, qualifier, unit):
    n = one(text)
    assert (n.stated, n.qualifier, n.unit) == (pytest.approx(stated), qualifier, unit)


def test_vague_magnitudes_are_ranges():
    n = one("could affect tens of thousands of families")
    assert n.vague and (n.low, n.high) == (20_000, 99_999)
    garbled = one("tens of million of drivers")  # a typo in the source still reads
    assert garbled.vague and garbled.low == 20_000_000


def test_clock_times_and_years_are_not_counts():
    assert find_numbers("The truce began at 2 a.m. on Friday in 2021.", 0, []) == []


@pytest.mark.parametrize("a, b, same", [
    ("at least 42 people", "at least 14 people", False),
    # open ranges overlap, figures differ
    ("more than 180 people", "at least 150 people", False),
    ("roughly 700,000 people", "750,000 people", False),
    ("roughly 700,000 people", "720,000 people", True),          # within the hedge
    ("47 percent", "46.7 percent", True),                        # rounding
    ("53 percent", "just over 53 percent", True),
    ("tens of thousands of people", "thousands of people", False),
    ("hundreds of people", "about 330 people", True),
    ("194,000 jobs", "194K jobs", True),
    ("nine people", "eight people", False),
    ("$75 million in funding", "$150 million in financing", False),
])
def test_compatibility_of_two_figures(a, b, same):
    assert compatible(one(a), one(b)) is same
    assert compatible(one(b), one(a)) is same


def test_hyphenated_figures_count_their_noun():
    n = one("why the 15-storey tower was targeted")
    assert (n.stated, n.unit) == (15, "story")
    assert compatible(n, one("an 11-story tower")) is False
    assert find_numbers("Hodgkins, a 38-year-old man", 0, []) == []  # an age, not a count


@pytest.mark.parametrize("a, b, same", [
    ("1.24 million people", "1.2 million people", True),    # to the coarser figure's precision
    ("$2.47bn", "$2.5bn", True),
    ("1.2 million people", "1.4 million people", False),
])
def test_rounding_follows_the_written_digits(a, b, same):
    assert compatible(one(a), one(b)) is same


def test_a_scale_after_a_range_applies_to_both_ends():
    n = one("between 1.5 and 2bn dollars")
    assert (n.low, n.high, n.unit) == (1.5e9, 2e9, "money")
    assert not compatible(n, one("900 million dollars"))
