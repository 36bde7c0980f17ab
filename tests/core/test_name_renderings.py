"""One actor named two ways is no conflict of names: a wire credit, a state's abbreviation, a
people's adjective, a spelling, a hyphenated descriptor, half of a longer name, a pronoun; and a
name only conflicts in the same place of the claim, next to the claim's own words."""

from __future__ import annotations

import pytest

from compare_app.core.models import ReasonKind
from sentence_pairs import assert_kind, assert_no_kind


@pytest.mark.parametrize("a, b", [
    ("WASHINGTON (AP) — The Tessel council approved the harbour budget on Monday.",
     "VARNO (Reuters) - The Tessel council approved the harbour budget on Monday."),
    ("Washington (CNN)The Tessel council approved the harbour budget on Monday.",
     "The Tessel council approved the harbour budget on Monday, (AP) reported."),
    ("A gunman opened fire at a naval air station in Pensacola, Fla., on Monday.",
     "A gunman opened fire at a naval air station in Pensacola, Florida, on Monday."),
    ("The U.S. Senate passed the anti-lynching bill on Wednesday.",
     "The United States Senate passed the anti-lynching bill on Wednesday."),
    ("The president discussed the inquiry in a call with Ukraine's president on Sunday.",
     "The president discussed the inquiry in a call with Ukrainian President Volodymyr "
     "Zelensky on Sunday."),
    ("The FBI found a link between the gunman and an al-Qaida operative on Monday.",
     "The FBI found a link between the gunman and an al Qaeda operative on Monday."),
    ("The Republican-led Tessel state House repealed the emergency law on Wednesday.",
     "The Republican-controlled state House repealed the emergency law on Wednesday."),
    ("An independent Food and Drug Administration advisory committee endorsed the shot.",
     "The independent Vaccines and Related Biological Products Advisory Committee endorsed "
     "the shot."),
    ("He'll appear on the network on Wednesday to analyse the debate.",
     "Yang will appear on the network on Wednesday to analyse the debate."),
    ("Police officer Jeronimo Yanez was acquitted of manslaughter on Friday.",
     "Police officer Jeromino Yanez was acquitted of manslaughter on Friday."),
])
def test_one_actor_named_two_ways_is_no_conflict(a, b):
    assert_no_kind(a, b, ReasonKind.ENTITY)


def test_names_in_other_places_of_the_claim_do_not_conflict():
    a = ("The president's comments came after the army announced the death of a soldier in "
         "Tessel.")
    b = "The president spoke with soldiers via video from his golf club in Varno."
    assert_no_kind(a, b, ReasonKind.ENTITY)


@pytest.mark.parametrize("a, b", [
    ("The relief effort is led by the Red Cross.", "The relief effort is led by UNICEF."),
    ("A ceasefire between Israel and Hamas took effect on Friday.",
     "A ceasefire between Israel and Hezbollah took effect on Friday."),
    ("The Tessel senator Marta Kowalczyk resigned on Monday.",
     "The Tessel senator Marek Kowalczyk resigned on Monday."),
])
def test_another_name_in_the_same_place_still_conflicts(a, b):
    assert_kind(a, b, ReasonKind.ENTITY)
