"""Claim features from literal sentences: numbers, dates, names, negation, attribution,
certainty."""

from __future__ import annotations

import math

import pytest

from compare_app.core.acronyms import spelled_acronyms
from compare_app.core.claims import extract_features, find_acronyms
from compare_app.core.compare import build_aliases
from compare_app.core.models import CERTAINTY_LABELS

ALIASES = build_aliases("The Korean People’s Army (KPA) and the National Intelligence Service "
                        "(NIS).")


def features(text: str):
    return extract_features(text, 0, ALIASES)


@pytest.mark.parametrize("text, low, high, unit", [
    ("put at anywhere between 1,500 to 12,000 troops", 1500, 12000, "troop"),
    ("with approximately 1 million active personnel", 850_000, 1_150_000, "troop"),
    ("males serve 7–8 years", 7, 8, "year"),
    ("over a thousand of these troops belong", 1000, math.inf, "troop"),
    ("a dozen soldiers were seen", 12, 12, "troop"),
    ("it cost $100.00 in all", 100, 100, "in"),
    ("3.5 percent of the vote", 3.5, 3.5, "percent"),
])
def test_numbers_are_normalised(text, low, high, unit):
    nums = features(text).numbers
    assert len(nums) == 1, nums
    n = nums[0]
    assert (n.low, n.high) == pytest.approx((low, high))
    if unit != "in":
        assert n.unit == unit


def test_years_are_dates_not_numbers():
    f = features("The KPA was established in 1948 but traces its lineage to 1932, when Koreans "
                 "fought.")
    assert [d.year for d in f.dates] == [1948, 1932]
    assert f.numbers == ()


@pytest.mark.parametrize("text, year, month, relative", [
    ("signed an agreement in June 2024 when", 2024, 6, ""),
    ("Similarly, in 2023 Aleksander Sladkov said", 2023, None, ""),
    ("Putin’s visit to North Korea this year seemed", None, None, "this year"),
    ("rebuild parts of the east in June of this year.", None, 6, "this year"),
])
def test_dates(text, year, month, relative):
    d = features(text).dates[0]
    assert (d.year, d.month, d.relative) == (year, month, relative)


def test_acronym_definitions_link_long_and_short_forms():
    pairs = find_acronyms("members of the Korean People’s Army (KPA) and the Russia-Democratic "
                          "People’s Republic of Korea (DPRK) agreement")
    assert ("Korean People’s Army", "KPA") in pairs
    assert ("Democratic People’s Republic of Korea", "DPRK") in pairs
    f = features("The Korean People’s Army (KPA) has integrated troops.")
    assert {e.key for e in f.entities} == {"kpa"}


def test_an_acronym_no_text_defines_is_spelled_by_the_name_whose_initials_it_is():
    found = spelled_acronyms("Advisers to the FDA met. The CDC agreed. BREAKING NEWS. The FTC "
                             "sued.",
                             "The Food and Drug Administration. The Centers for Disease Control "
                             "and Prevention said so. The Federal Trade Commission’s complaint "
                             "was dismissed. New England Water Services.")
    assert set(found) == {("Food and Drug Administration", "FDA"),
                          ("Centers for Disease Control", "CDC"),
                          ("Federal Trade Commission", "FTC")}
    # an ordinary word in capitals is no acronym, and lower-case words spell nothing
    assert spelled_acronyms("NEWS of the day", "New England Water Services") == []
    assert spelled_acronyms("The FDA met.", "the food and drug administration met.") == []


def test_an_acronym_is_spelled_only_where_the_name_is_sure():
    # possessive and hyphenated uses count; "of" may give its letter; "&" joins
    assert set(spelled_acronyms("The FDA’s panel and FDA-approved pills. The DOJ sued.",
                                "The Department of Justice. Food & Drug Administration.")) == {
        ("Department of Justice", "DOJ"), ("Food & Drug Administration", "FDA")}
    # two names that spell it, words across a full stop, a headline's title case, mid-word
    assert spelled_acronyms("The DNC chose the city.", "The Democratic National Committee "
                            "met. It is not the Democratic National Convention.") == []
    assert spelled_acronyms("The WPD said so.", "They marched in Washington. Police "
                            "Department officials said so.") == []
    assert spelled_acronyms("The GOP won.", "Government Orders Probe Into Crash") == []
    assert spelled_acronyms("The PSD report.", "The iPhone Sales Data") == []
    assert spelled_acronyms("Gov. Hochul and the NYS", "New York State") == [
        ("New York State", "NYS")]


def test_an_opener_made_of_a_prefix_and_an_ordinary_word_is_no_name():
    # "nonfarm" is in no word list, yet "non" + "farm" is an ordinary word: no actor to compare
    for text in ("Nonfarm payrolls rose by 150,000 in May, the ministry said.",
                 "Unvaccinated patients filled the wards in May, the ministry said."):
        assert [e.span.text for e in features(text).entities] == []
    assert [e.span.text for e in features("Nunes said payrolls rose in May.").entities] == [
        "Nunes"]


def test_entities_skip_sentence_openers_and_split_possessives():
    f = features("In line with assessments from South Korea’s National Intelligence Service, "
                 "Putin met Kim Jong Un in Moscow.")
    names = [e.span.text for e in f.entities]
    assert names == ["South Korea", "National Intelligence Service", "Putin", "Kim Jong Un",
                     "Moscow"]
    assert f.entities[1].key == "nis"


@pytest.mark.parametrize("text, negated", [
    ("These reports did not stand up to scrutiny.", True),
    ("Moscow cannot necessarily be trusted.", True),
    ("NATO and South Korea will never forget it.", True),
    ("The DPRK is not merely a regional threat but a global one.", False),
    ("The reports stood up to scrutiny.", False),
])
def test_negation(text, negated):
    assert bool(features(text).negations) is negated


@pytest.mark.parametrize("text, source", [
    ("According to the Pentagon, 10,000 troops arrived.", "the Pentagon"),
    ("Emerging media reports indicate that troops have been sent.", "Emerging media reports"),
    ("Putin has repeatedly warned South Korea not to arm Ukraine.", "Putin"),
    ("Troops have reportedly arrived in Kursk.", "reportedly"),
])
def test_attribution(text, source):
    attributions = features(text).attribution
    assert attributions and attributions[0].source == source


def test_plain_statement_has_no_attribution():
    assert features("The KPA serves as an arm of the party.").attribution == ()


@pytest.mark.parametrize("text, label, cue", [
    ("Troops were sent ahead of a likely deployment to Ukraine.", "likely", "likely"),
    ("Pyongyang may provide Russia with military assistance.", "roughly even chance", "may"),
    ("The speculation has seemingly ended.", "likely", "seemingly"),
    ("Reports emerged suggesting that troops had been deployed.", "likely", "suggesting"),
    ("Should North Korea not have responded, it would have been ample ground for doubt.",
     "roughly even chance", "Should"),
    ("It is very unlikely that the treaty survives.", "very unlikely", "very unlikely"),
    ("Kim almost certainly approved the plan.", "almost certain", "almost certainly"),
    ("The KPA was established in 1948.", "asserted", None),
])
def test_certainty_on_the_icd_203_scale(text, label, cue):
    c = features(text).certainty
    assert c.label == label
    assert (c.cue.text if c.cue else None) == cue
    assert label in CERTAINTY_LABELS


def test_month_may_is_a_date_not_a_hedge():
    f = features("The treaty was signed in May 2024.")
    assert f.dates[0].month == 5
    assert f.certainty.label == "asserted"
