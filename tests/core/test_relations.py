"""Typed reasons on literal sentence pairs: each conflict kind, and agreement when nothing
conflicts."""

from __future__ import annotations

import pytest

from compare_app.core.compare import compare_texts
from compare_app.core.loading import load_text
from compare_app.core.models import ReasonKind, Relation, Status
from sentence_pairs import compare_alone

FILLER_A = ("Farmers in the valley planted barley after the spring floods receded. "
            "The regional museum reopened its gallery of bronze tools.")
FILLER_B = ("A chess tournament drew players from eleven provinces. "
            "Engineers tested a tidal turbine off the rocky northern coast.")


def compare_one(a: str, b: str):
    c = compare_texts(load_text(f"{a}\n\n{FILLER_A}", name="A"),
                      load_text(f"{b}\n\n{FILLER_B}", name="B"))
    pair = c.pair_of("A1")
    assert pair is not None and pair.b == ("B1",), f"not aligned: {c.pairs}"
    return c, pair


def reading_of(text: str):
    """How the engine reads a one-sentence document."""
    from compare_app.core.compare import prepare
    from compare_app.core.reading import read

    prep = prepare(load_text(text, name="A"), load_text("Nothing else here.", name="B"))
    return read(prep.a.sentences[0])


def kinds(pair) -> set[ReasonKind]:
    return {r.kind for r in pair.reasons}


def test_identical_claims_agree():
    c, pair = compare_one("The ministry said 1,200 troops crossed the Dnipro river in March 2024.",
                          "The ministry said 1,200 troops crossed the Dnipro river in March 2024.")
    assert pair.relation is Relation.AGREE and pair.reasons == ()
    assert pair.score == 100
    assert all(op.op == "equal" for op in pair.diff)


def test_different_number_diverges():
    c, pair = compare_one("Officials counted 1,500 troops near the Kursk border crossing.",
                          "Officials counted 12,000 troops near the Kursk border crossing.")
    assert pair.relation is Relation.DIVERGE and kinds(pair) == {ReasonKind.NUMBER}
    reason = pair.reasons[0]
    assert (reason.a.text, reason.b.text) == ("1,500 troops", "12,000 troops")
    assert "1,500" in reason.explanation and "12,000" in reason.explanation


def test_overlapping_ranges_are_compatible():
    c, pair = compare_one("Between 1,500 and 12,000 troops reached the Kursk border crossing.",
                          "About 10,000 troops reached the Kursk border crossing.")
    assert ReasonKind.NUMBER not in kinds(pair)


def test_different_date_diverges():
    c, pair = compare_one("Putin and Kim signed the mutual defence treaty in June 2024 in "
                          "Pyongyang.",
                          "Putin and Kim signed the mutual defence treaty in October 2024 in "
                          "Pyongyang.")
    assert kinds(pair) == {ReasonKind.DATE}
    assert pair.reasons[0].a.text == "June 2024" and pair.reasons[0].b.text == "October 2024"


def test_different_actor_diverges():
    c, pair = compare_one("Shoigu signed the artillery shell supply contract in Pyongyang "
                          "yesterday.",
                          "Lavrov signed the artillery shell supply contract in Pyongyang "
                          "yesterday.")
    assert kinds(pair) == {ReasonKind.ENTITY}
    assert "Shoigu" in pair.reasons[0].explanation and "Lavrov" in pair.reasons[0].explanation


def test_negation_diverges():
    c, pair = compare_one("The engineers rebuilt the damaged railway bridge near Donetsk.",
                          "The engineers never rebuilt the damaged railway bridge near Donetsk.")
    assert kinds(pair) == {ReasonKind.NEGATION}
    assert pair.reasons[0].b.text == "never"


def test_hedged_versus_stated_diverges_on_certainty():
    c, pair = compare_one("Artillery units will redeploy ahead of a likely offensive near Kharkiv.",
                          "Artillery units redeployed and the offensive was launched near Kharkiv.")
    assert ReasonKind.CERTAINTY in kinds(pair)


def test_reported_at_a_distance_versus_asserted_diverges():
    c, pair = compare_one("The brigade reportedly lost forty armoured vehicles near the reservoir.",
                          "The brigade lost forty armoured vehicles near the reservoir.")
    assert kinds(pair) == {ReasonKind.ATTRIBUTION}
    assert "“reportedly”" in pair.reasons[0].explanation


def test_routine_credit_to_a_named_source_is_not_a_divergence():
    c, pair = compare_one("According to Ukrainian intelligence, the brigade lost forty armoured "
                          "vehicles.",
                          "The brigade lost forty armoured vehicles near the reservoir, the "
                          "ministry said.")
    assert pair.relation is Relation.AGREE


def test_prescription_and_claim_are_only_related():
    c, pair = compare_one("Allied navies deployed missile defence frigates to the Baltic Sea.",
                          "Allied navies should deploy missile defence frigates to the Baltic Sea.")
    assert pair.relation is Relation.RELATED and pair.reasons == ()
    assert c.statuses["A1"] is Status.RELATED


@pytest.mark.parametrize("a, b", [
    ("One of the aspects was the agreement to provide “mutual assistance” if either country is "
     "attacked.",
     "This agreement stipulates mutual military support in the event of an attack."),
])
def test_paraphrase_with_synonyms_agrees(a, b):
    c, pair = compare_one(a, b)
    assert pair.relation is Relation.AGREE


def test_word_diff_marks_insertions_and_deletions():
    c, pair = compare_one("The convoy reached Kursk at dawn on Monday after a long march.",
                          "The convoy finally reached Kursk at dawn on Monday after a march.")
    ops = [(op.op, op.a_text, op.b_text) for op in pair.diff if op.op != "equal"]
    assert ("insert", "", "finally") in ops
    assert ("delete", "long", "") in ops


def test_same_source_credited_in_other_words_agrees():
    c, pair = compare_one(
        "Tobacco exports in Oslo climbed by 12 percent in March, the farmers union reported.",
        "In March, the farmers union stated tobacco exports in Oslo climbed by 12 per cent.")
    assert pair.relation is Relation.AGREE, [r.explanation for r in pair.reasons]


def test_look_alike_events_in_different_places_are_only_related():
    c, pair = compare_one(
        "A landslide struck Manila on Saturday, injuring 350 people, the Red Cross said.",
        "A landslide struck Harare on Monday, injuring 150 people, the Red Cross said.")
    assert pair.relation is not Relation.DIVERGE


@pytest.mark.parametrize("a, b, kind, quoted", [
    ("At least 31 people have drowned in the flash floods.",
     "At least 13 people have drowned in the flash floods.", ReasonKind.NUMBER, ("31", "13")),
    ("The typhoon came ashore on August 9, 2023.", "The typhoon came ashore on August 19, 2023.",
     ReasonKind.DATE, ("August 9, 2023", "August 19, 2023")),
    ("Rents climbed by 7 percent over the year.", "Rents dropped by 7 percent over the year.",
     ReasonKind.DIRECTION, ("climbed", "dropped")),
    ("Roughly 8,000 residents were evacuated.", "More than 25,000 residents were evacuated.",
     ReasonKind.NUMBER, ("8,000", "25,000")),
    ("Thirty-one miners were rescued.", "Seventeen miners were rescued.", ReasonKind.NUMBER,
     ("Thirty-one", "Seventeen")),
    ("The governor stepped down on Thursday.", "The governor stepped down on Friday.",
     ReasonKind.DATE, ("Thursday", "Friday")),
    ("The vaccination drive is run by Oxfam.", "The vaccination drive is run by the World Food "
                                               "Programme.",
     ReasonKind.ENTITY, ("Oxfam", "World Food Programme")),
    ("The death toll has climbed to 23, police said.", "At least 57 people were killed, the "
                                                       "ministry said.",
     ReasonKind.NUMBER, ("23", "57")),
])
def test_plain_conflicts_diverge(a, b, kind, quoted):
    pair = compare_alone(a, b)
    assert pair.relation is Relation.DIVERGE, [r.explanation for r in pair.reasons]
    assert kind in kinds(pair)
    reason = next(r for r in pair.reasons if r.kind is kind)
    assert quoted[0] in reason.explanation and quoted[1] in reason.explanation


@pytest.mark.parametrize("a, b", [
    ("Unemployment fell to 4.1% in May, the statistics office said.",
     "Unemployment fell to 4.1% in May, according to a government spokesman."),
    ("Tenants who arrived after 2015 may not apply for the housing grant.",
     "Tenants who arrived after 2015 may not apply for the housing grant, officials said."),
    ("The bridge reopened to traffic on Monday after repairs.",
     "The bridge reopened to traffic on Monday after repairs. No injuries were reported during "
     "the works."),
])
def test_routine_sourcing_shared_modals_and_stray_negations_still_agree(a, b):
    c = compare_texts(load_text(a, name="A"), load_text(b, name="B"))
    pair = c.pair_of("A1")
    assert pair is not None and pair.relation is Relation.AGREE, \
        [r.explanation for r in pair.reasons]


@pytest.mark.parametrize("a, b, cue, said", [
    ("The curfew would begin at 10 p.m. on Saturday, the council said.",
     "The curfew began at 10 p.m. on Saturday.", "would begin", "began"),
    ("The country will pass 50,000 recorded cases within days.",
     "The country recorded more than 50,000 cases on Tuesday.", "will pass 50,000",
     "recorded more than 50,000"),
    ("A new filter appears to halve the pollution from the plant.",
     "The new filter cut the pollution from the plant in half.", "appears to halve", "cut"),
])
def test_expected_against_done_diverges_on_certainty(a, b, cue, said):
    """The explanation quotes the hedge with what it governs, and the words that state it done."""
    pair = compare_alone(a, b)
    assert ReasonKind.CERTAINTY in kinds(pair), [r.explanation for r in pair.reasons]
    reason = next(r for r in pair.reasons if r.kind is ReasonKind.CERTAINTY)
    assert reason.explanation == (f"Certainty differs: A presents it as expected or possible "
                                  f"(“{cue}”); B states it as fact (“{said}”).")


def test_future_plans_told_in_present_and_future_agree():
    pair = compare_alone("The city will require masks on buses from next month.",
                         "The city requires masks on buses from next month.")
    assert ReasonKind.CERTAINTY not in kinds(pair)


def test_negation_of_the_shared_claim_diverges_but_of_another_clause_does_not():
    pair = compare_alone("The mayor never approved the stadium contract.",
                         "The mayor approved the stadium contract.")
    assert kinds(pair) == {ReasonKind.NEGATION}
    pair = compare_alone("The mayor approved the stadium contract and did not comment further.",
                         "The mayor approved the stadium contract.")
    assert ReasonKind.NEGATION not in kinds(pair)


def test_explanations_quote_the_sources_words():
    pair = compare_alone("At least 31 people have drowned in the flash floods.",
                         "At least 13 people have drowned in the flash floods.")
    assert pair.reasons[0].explanation == (
        "Different figures: A says “At least 31 people”; B says “At least 13 people”.")


def test_swapping_the_documents_mirrors_relations_and_reasons():
    a = ("On Friday, the health agency stated Commissioner Ilse Varga held talks with officials "
         "in Lusaka to discuss seed supplies.")
    b = ("According to General Omar Varga, General Pedro Lindqvist held talks with officials in "
         "Lusaka to discuss seed supplies on Tuesday.")
    forward, backward = compare_alone(a, b), compare_alone(b, a)
    assert forward.relation is backward.relation
    assert {r.kind for r in forward.reasons} == {r.kind for r in backward.reasons}


@pytest.mark.parametrize("a, b", [
    ("The benefit increase will translate to an addition of $92 to the average monthly payment.",
     "The increase amounts to $92 a month for the average retiree, the agency said."),
])
def test_an_estimated_amount_is_no_conflict_with_the_amount_stated(a, b):
    assert ReasonKind.CERTAINTY not in kinds(compare_alone(a, b))


@pytest.mark.parametrize("a, b", [
    ("The ceasefire would begin at 2 a.m. on Friday, the mediators said.",
     "The ceasefire took effect at 2 a.m. on Friday."),  # one act in other words
    ("The death toll will surpass 600,000 in the next few days.",
     "The country recorded more than 600,000 deaths on Tuesday."),
])
def test_a_hedged_act_still_conflicts_with_the_same_act_in_other_words(a, b):
    assert ReasonKind.CERTAINTY in kinds(compare_alone(a, b))


def test_a_figure_with_a_thousands_comma_is_still_stated_as_done():
    pair = compare_alone("The toll will reach 1,600 people in the valley.",
                         "In the valley 1,600 people were killed.")
    assert ReasonKind.CERTAINTY in kinds(pair)


def test_number_words_ending_in_ed_are_not_past_verbs():
    pair = compare_alone("The agency will send two hundred pumps to the delta next week.",
                         "Two hundred pumps are to arrive in the delta next week, the agency says.")
    assert ReasonKind.CERTAINTY not in kinds(pair)


def test_a_day_of_the_month_is_a_date_not_a_count():
    pair = compare_alone("Voting in the district ended on May 3, officials said.",
                         "Voting in the district ended on May 4, officials said.")
    assert kinds(pair) == {ReasonKind.DATE}


def test_opposite_directions_are_found_when_each_side_has_both():
    pair = compare_alone("Rents climbed in the capital while wages dropped in the north.",
                         "Rents dropped in the capital while wages climbed in the north.")
    assert ReasonKind.DIRECTION in kinds(pair)
    pair = compare_alone("Rents climbed in the capital while wages dropped in the north.",
                         "Rents climbed in the capital while wages dropped in the north, "
                         "officials said.")
    assert ReasonKind.DIRECTION not in kinds(pair)


@pytest.mark.parametrize("a, b, conflict", [
    ("The lake level reached a record high this week.",
     "The lake level reached a record low this week.", True),
    ("The lake level is at its highest since engineers began keeping measurements.",
     "The lake level reached an all-time low this week.", True),
    ("The lake level reached a record low this week.",
     "The lake level is at its lowest point since engineers began keeping measurements.", False),
    ("The lake level fell from a record high this week.",
     "The lake level fell this week.", False),
])
def test_opposite_ends_of_a_record_level_are_opposite_directions(a, b, conflict):
    """"A record high" and "a record low" say which way the measure went, as "rose" and
    "fell" do; two wordings of one end agree, and a record the other side leaves out is no
    conflict."""
    pair = compare_alone(a, b)
    assert pair.relation is (Relation.DIVERGE if conflict else Relation.AGREE)
    assert (ReasonKind.DIRECTION in kinds(pair)) is conflict


@pytest.mark.parametrize("a, b, conflict", [
    ("The harbour index gained 2 percent over the week.",
     "The harbour index lost 2 percent over the week.", True),
    ("Shares of the ferry company rose 4% on Monday.",
     "Shares of the ferry company lost nearly 4% on Monday.", True),
    ("Shares of the ferry company fell 4% on Monday.",
     "Shares of the ferry company lost 4% on Monday.", False),
    ("The ferry company won the harbour contract on Monday.",
     "The ferry company lost the harbour contract on Monday.", True),  # an outcome, not a fall
])
def test_losing_a_figure_is_a_fall(a, b, conflict):
    """"Lost 2 percent" goes down as "fell 2 percent" does; "lost the contract" is the
    outcome check's, not a direction."""
    pair = compare_alone(a, b)
    assert pair.relation is (Relation.DIVERGE if conflict else Relation.AGREE)
    assert (ReasonKind.DIRECTION in kinds(pair)) is (conflict and "contract" not in a)


@pytest.mark.parametrize("a, b, conflict", [
    ("The harbour treaty was signed in 1998.", "The harbour treaty was signed in 1989.", True),
    ("The bridge will reopen in early 2026.", "The bridge will reopen in 2027.", True),
    ("He ran the 2016 campaign of the mayor and was arrested on Tuesday.",
     "He chaired the 2017 inaugural fund of the mayor and was arrested on Tuesday.", False),
    ("There were 4,900 more thefts in 2020 than in 2019, the largest leap since 1960.",
     "There were 4,900 more thefts in 2020, the largest leap since records began in 1950.",
     False),
])
def test_a_bare_year_that_dates_the_claim_is_compared(a, b, conflict):
    """"Signed in 1998" / "in 1989" is a date conflict; a year that names an event ("the 2016
    campaign") or a baseline ("than in 2019"), or beside a year both sides give, is not."""
    pair = compare_alone(a, b)
    assert (ReasonKind.DATE in kinds(pair)) is conflict


@pytest.mark.parametrize("a, b, conflict", [
    ("The ferry company no longer runs the night service.",
     "The ferry company runs the night service.", True),
    ("The night crossing is no longer than an hour.",
     "The night crossing lasts an hour.", False),  # a comparison, not a denial
    ("The review board said the detention of the fisherman no longer remained necessary.",
     "The review board said the fisherman remained at the harbour prison.", False),
])
def test_no_longer_denies_what_follows(a, b, conflict):
    """"No longer runs" denies the running; "no longer than an hour" compares; and a denied
    "remained necessary" says nothing of where he "remained at": after a copula, the place is
    what is said."""
    pair = compare_alone(a, b)
    assert (ReasonKind.NEGATION in kinds(pair)) is conflict


@pytest.mark.parametrize("a, b", [
    ("Ferry exports were up 5 percent in March.", "Ferry exports were down 5 percent in March."),
    ("The harbour index closed up 1.2%.", "The harbour index closed down 1.2%."),
    ("Fish prices were higher on Tuesday.", "Fish prices were lower on Tuesday."),
    ("The trade deficit widened to $40 billion in May.",
     "The trade deficit narrowed to $40 billion in May."),
    ("The island economy expanded in the second quarter.",
     "The island economy contracted in the second quarter."),
    ("Inflation on the island accelerated in June.", "Inflation on the island slowed in June."),
    ("Ferry shares rallied on Wednesday.", "Ferry shares tumbled on Wednesday."),
    ("The krone strengthened against the euro on Friday.",
     "The krone weakened against the euro on Friday."),
    ("The ferry company reported a gain of $3 million.",
     "The ferry company reported a loss of $3 million."),
])
def test_other_words_of_change_go_up_or_down(a, b):
    assert ReasonKind.DIRECTION in kinds(compare_alone(a, b))


@pytest.mark.parametrize("text, word", [
    ("Fares may go up to 5 euros next year.", "up"),  # a ceiling
    ("She signed up for the course.", "up"),
    ("He studied higher education in the capital.", "higher"),
    ("The club signed a new contract with the coach.", "contract"),
])
def test_words_of_change_elsewhere_name_no_direction(text, word):
    reading = reading_of(text)
    assert next(w.key for w in reading.words if w.text == word)[:1] != "^"


def test_a_record_level_is_quoted_with_its_record_word():
    pair = compare_alone("The lake level reached a record high this week.",
                         "The lake level reached an all-time low this week.")
    assert pair.reasons[0].explanation == (
        "Opposite directions: A says “record high”; B says “all-time low”.")


def test_high_as_a_plain_word_names_no_direction():
    pair = compare_alone("Students at the high school in the valley planted trees on Friday.",
                         "Students at the school in the valley planted trees on Friday, "
                         "after the water fell to a low level.")
    assert ReasonKind.DIRECTION not in kinds(pair)


def test_swapping_the_documents_quotes_the_same_words():
    a = "The council did not approve the levy, and the mayor confirmed the closure."
    b = "The council approved the levy, and the mayor did not confirm the closure."
    forward, backward = compare_alone(a, b), compare_alone(b, a)
    quoted = {(r.kind, r.a.text, r.b.text) for r in forward.reasons}
    mirrored = {(r.kind, r.b.text, r.a.text) for r in backward.reasons}
    assert quoted == mirrored and ReasonKind.NEGATION in kinds(forward)


def test_one_surname_with_another_given_name_diverges_on_the_name():
    c, pair = compare_one(
        "Marta Kowalczyk, the deputy harbour master, said 40 containers fell into the bay.",
        "Marek Kowalczyk, who runs the harbour, said 40 containers fell into the bay.")
    assert pair.relation is Relation.DIVERGE and kinds(pair) == {ReasonKind.ENTITY}
    assert "“Marta Kowalczyk”" in pair.reasons[0].explanation
    assert "“Marek Kowalczyk”" in pair.reasons[0].explanation


@pytest.mark.parametrize("a_name, b_name", [
    ("President Lena Ostrova", "Ms. Ostrova"),       # a title, not a given name
    ("L. Ostrova", "Lena Ostrova"),                   # an initial
    ("Steve Marlow", "Stephen Marlow"),               # a short form of one name
    ("Sergei Marlow", "Sergey Marlow"),               # another spelling of one name
    ("North Dakota", "South Dakota"),                 # places are not persons
    ("Guantánamo Bay", "Guantanamo Bay"),             # an accent only
    ("House Republicans", "Senate Republicans"),      # bodies, not given names
    ("Monday Ostrova", "Lena Ostrova"),               # a day before a name
    ("Liberal Ostrova", "Lena Ostrova"),              # a party word before a name
])
def test_titles_initials_places_and_bodies_are_not_another_given_name(a_name, b_name):
    from compare_app.core.models import EntityMention, Span
    from compare_app.core.name_reasons import _other_given_name

    def mention(name: str) -> EntityMention:
        return EntityMention(Span(0, len(name), name), name.lower().replace(".", ""))

    assert not _other_given_name(mention(a_name), mention(b_name))


def test_a_total_and_its_parts_agree_and_parts_that_do_not_add_up_diverge():
    c, pair = compare_one("The landslide killed 12 people in the mountain village on Sunday.",
                          "The landslide killed five soldiers and seven civilians in the "
                          "mountain village on Sunday.")
    assert pair.relation is Relation.AGREE, pair.reasons
    c, pair = compare_one("The landslide killed 12 people in the mountain village on Sunday.",
                          "The landslide killed five soldiers and nine civilians in the "
                          "mountain village on Sunday.")
    assert kinds(pair) == {ReasonKind.NUMBER}


@pytest.mark.parametrize("b, said", [
    ("The ferry fire injured 40 passengers near the harbour, officials confirmed.",
     "“40 passengers”"),
    ("The ferry fire injured 31 passengers and nine crew members near the harbour, officials "
     "confirmed.", "“31 passengers and nine crew members”"),
])
def test_a_mere_ceiling_against_the_stated_count_diverges_on_certainty(b, said):
    c, pair = compare_one("The ferry fire injured as many as 40 people near the harbour, "
                          "officials confirmed.", b)
    assert kinds(pair) == {ReasonKind.CERTAINTY}
    assert pair.reasons[0].explanation == (
        f"Certainty differs: A gives only a maximum (“as many as 40 people”); B states the figure "
        f"({said}).")


@pytest.mark.parametrize("a, b", [
    # the end of a movement, not a ceiling
    ("The jobless rate ticked up to 6.1% in March, the bureau said.",
     "The jobless rate rose to 6.1% in March, the bureau said."),
    # a limit a rule sets on money is a fact
    ("The grant pays up to $300 to each household in the county.",
     "The grant pays $300 to each household in the county."),
])
def test_a_movement_or_a_rule_limit_is_not_a_mere_ceiling(a, b):
    pair = compare_alone(a, b)
    assert ReasonKind.CERTAINTY not in kinds(pair), [r.explanation for r in pair.reasons]


def test_an_open_bound_or_money_is_never_a_total_of_parts():
    pair = compare_alone("More than 12 people were killed in the landslide on Sunday.",
                         "Five soldiers and seven civilians were killed in the landslide on "
                         "Sunday.")
    assert kinds(pair) == {ReasonKind.NUMBER}
    pair = compare_alone("The storm caused $5 million in damage to the port on Sunday.",
                         "The storm caused $2 million and $3 million in damage to the port on "
                         "Sunday.")
    assert kinds(pair) == {ReasonKind.NUMBER}


def test_an_aim_in_an_infinitive_is_not_stated_as_done():
    """"a bill to ban" states the bill's aim, as "would ban" does: no certainty difference."""
    pair = compare_alone("A new bill would ban fireworks in the old town from next summer.",
                         "The council unveiled a bill to ban fireworks in the old town from next "
                         "summer.")
    assert ReasonKind.CERTAINTY not in kinds(pair), [r.explanation for r in pair.reasons]


def test_a_title_before_a_name_is_not_another_name():
    pair = compare_alone("Mr. Halvorsen signed the port contract in Bergen on Monday.",
                         "Gov. Erik Halvorsen signed the port contract in Bergen on Monday.")
    assert pair.relation is Relation.AGREE, [r.explanation for r in pair.reasons]


@pytest.mark.parametrize("text, hedged", [
    ("Retail sales in May rose slightly to 9.2 percent.", False),     # the month
    ("The council’s plans to widen the road were shelved.", False),   # a noun after a possessive
    ("The firm has no plans to close the plant.", False),             # a noun after "no"
    ("Would-be buyers queued outside the showroom.", False),          # an adjective
    ("The firm plans to close the plant.", True),
    ("The bridge would be closed for a week.", True),
])
def test_words_that_only_look_like_hedges_are_not_hedges(text, hedged):
    assert bool(reading_of(text).hedged) is hedged


@pytest.mark.parametrize("text", [
    "Not all of the stations reopened on Monday.",     # a part, not a denial
    "Not because the budget passed, the mayor said.",  # a reason denied, not the claim
])
def test_not_before_a_quantifier_or_a_reason_denies_nothing(text):
    assert not reading_of(text).negated


def test_a_peoples_adjective_and_its_country_are_one_actor():
    pair = compare_alone("American officials signed the grain deal in Geneva on Monday.",
                         "U.S. officials signed the grain deal in Geneva on Monday.")
    assert pair.relation is Relation.AGREE, [r.explanation for r in pair.reasons]


def test_reasons_point_at_their_own_documents_words_whichever_side_hedges():
    for a, b in (("The new law began in March.", "The new law would begin in March."),
                 ("The new law would begin in March.", "The new law began in March.")):
        c = compare_texts(load_text(f"Officials agreed. {a}", name="A"), load_text(b, name="B"))
        reasons = [r for p in c.pairs for r in p.reasons]
        assert [r.kind for r in reasons] == [ReasonKind.CERTAINTY]
        r = reasons[0]
        assert c.a.text[r.a.start:r.a.end] == r.a.text and c.b.text[r.b.start:r.b.end] == r.b.text


def test_a_sentence_agrees_with_itself_when_it_hedges_a_figure_it_also_states():
    text = "Three people were hurt on Monday, and the toll could rise to 3 by evening."
    assert compare_alone(text, text).relation is Relation.AGREE


def test_parts_listed_before_the_verb_still_make_the_total():
    pair = compare_alone("Ten people were killed in the attack on the market on Friday.",
                         "Three adults and seven children were killed in the attack on the "
                         "market on Friday.")
    assert pair.relation is Relation.AGREE, [r.explanation for r in pair.reasons]


def test_a_ceiling_after_a_verb_that_is_no_movement_is_still_a_ceiling():
    pair = compare_alone("The blast in the port injured up to 40 people on Sunday.",
                         "The blast in the port injured 40 people on Sunday.")
    assert kinds(pair) == {ReasonKind.CERTAINTY}


@pytest.mark.parametrize("text", ["The plan doesn’t necessarily cut the fares this year.",
                                  "The plan does not necessarily cut the fares this year."])
def test_not_necessarily_denies_nothing_however_contracted(text):
    assert not reading_of(text).negated


def test_a_year_that_names_an_event_is_no_date_a_hedge_makes_uncertain():
    pair = compare_alone("The statistics office will publish the tables from the 2021 census "
                         "on Friday, and towns that grew in the 2021 census will get funds.",
                         "Towns that grew in the 2021 census received the first funds, and "
                         "the statistics office will publish the tables on Friday.")
    assert ReasonKind.CERTAINTY not in kinds(pair), [r.explanation for r in pair.reasons]
    assert "=2021" not in reading_of("The office will publish data from the 2021 census.").hedged
    assert "=2021" in reading_of("The office will publish the data in 2021.").hedged


# (kind, a look-alike that is no conflict, the same shape that is one)
LOOK_ALIKES = [
    (ReasonKind.DIRECTION,  # directions offered as alternatives name no direction
     ("The tables show which towns gained or lost the most residents in the census.",
      "The tables show that the coastal towns are declining in the census."),
     ("Fares rose by 4 percent in the capital last year.",
      "Fares fell by 4 percent in the capital last year.")),
    (ReasonKind.DIRECTION,  # opposite directions of different things
     ("The economy added 90,000 jobs in May and the jobless rate fell to 4%, the statistics "
      "office said on Friday.",
      "Hiring rose in May at its fastest pace in a year, the statistics office said on Friday."),
     ("There was a sharp rise in fares in the capital last year.",
      "Fares in the capital fell last year.")),
    (ReasonKind.NUMBER,  # sums for different things
     ("Critics attacked the provincial plan's $400 million to expand care for the elderly.",
      "The provincial plan's $290 million over five years goes to repaving roads."),
     ("The council set aside $40 million to repair the harbour wall.",
      "The council set aside $25 million to repair the harbour wall.")),
    (ReasonKind.NUMBER,  # a forecast and the outcome; two forecasts do conflict
     ("The jobless rate fell to 4.8% in September, the statistics office said.",
      "Economists polled by the bank had been looking for 90,000 new jobs and a jobless rate of "
      "5.1% in September."),
     ("Economists had expected a jobless rate of 4.8% in September.",
      "Economists had expected a jobless rate of 5.1% in September.")),
    (ReasonKind.NUMBER,  # a yearly average against one year's change; two single years conflict
     ("Ferry traffic on the lake has fallen for six years in a row, down an average of 2% per "
      "year, the port authority said.",
      "Ferry traffic on the lake fell 5% last year, the port authority said."),
     ("Ferry traffic on the lake fell 2% last year, the port authority said.",
      "Ferry traffic on the lake fell 5% last year, the port authority said.")),
    (ReasonKind.NUMBER,  # the same, with a decimal point in the average's figure
     ("The rise ends a long lull that saw cost-of-living adjustments averaging just 1.65% a year "
      "over the past ten years.",
      "Next year's cost-of-living adjustment, or COLA, will be 5.9%, the agency said on "
      "Wednesday."),
     ("The rise ends a long lull that saw a cost-of-living adjustment of just 1.65% last year.",
      "Last year's cost-of-living adjustment, or COLA, was 5.9%, the agency said on Wednesday.")),
    (ReasonKind.CERTAINTY,  # a hedge's reach ends where another clause opens
     ("The union won't take part after the board rejected two of its members.",
      "The board rejected two of the union's members on Monday."),
     ("The board will reject two of the union's members on Monday.",
      "The board rejected two of the union's members on Monday.")),
    (ReasonKind.CERTAINTY,  # a date that marks a target is intended, whatever the clause's verb
     ("The minister said Thursday that the peacekeeping mission in the north is on track to end "
      "on Aug. 31, arguing that the troops had achieved the objectives they set out years ago.",
      "The minister answered questions from reporters following remarks outlining the new "
      "Aug. 31 withdrawal completion target and said he is confident the local forces will cope."),
     ("The minister said Thursday that the peacekeeping mission in the north is on track to end "
      "on Aug. 31, arguing that the troops had achieved the objectives they set out years ago.",
      "The minister answered questions from reporters after the peacekeeping mission in the "
      "north ended on Aug. 31 as planned.")),
    (ReasonKind.CERTAINTY,  # a hedged act's length of time against a time since: no same act
     ("Residents should not have to live in fear of rockets raining down, which killed a dozen "
      "people since fighting broke out 11 days ago.",
      "The truce that took effect Friday appears to have halted 11 days of fighting between the "
      "two sides, without resolving any of the underlying issues."),
     ("The truce that took effect on Friday halted 11 days of fighting between the two sides, "
      "officials said.",
      "The truce that took effect Friday appears to have halted 11 days of fighting between the "
      "two sides, without resolving any of the underlying issues.")),
    (ReasonKind.NEGATION,  # a denied light verb with other words after it is another act
     ("A fact sheet released by the previous government in January said that the researchers "
      "had gotten sick in autumn 2019 but did not go as far as to say they had been "
      "hospitalized.",
      "The details of the new reporting go beyond a fact sheet issued by the previous "
      "government, which said that several researchers at the lab became sick in autumn 2019."),
     ("A fact sheet released by the previous government in January did not go beyond the "
      "earlier report on the researchers who became sick in autumn 2019.",
      "A fact sheet issued by the previous government went beyond the earlier report on the "
      "researchers who became sick in autumn 2019.")),
    (ReasonKind.ATTRIBUTION,  # a quoted speaker does not state it as established
     ("The Kelvale police are investigating an attack on Tuesday night where witness reports "
      "said Jewish people dining at a restaurant were targeted by a group of men driving past "
      "in vehicles.",
      "\"Our people are being targeted across the United States in broad daylight."),
     ("The Kelvale police are investigating an attack on Tuesday night where witness reports "
      "said Jewish people dining at a restaurant were targeted by a group of men driving past "
      "in vehicles.",
      "Our people are being targeted across the United States in broad daylight.")),
    (ReasonKind.CERTAINTY,  # an irregular past after "being" is no deed done
     ("The memorial service for the former mayor is being held at the city hall in Kelvale on "
      "Tuesday at noon.",
      "The former mayor will be buried in Kelvale on Tuesday, two weeks after his death, after a "
      "memorial service at the city hall."),
     ("The memorial service for the former mayor was held at the city hall in Kelvale on "
      "Tuesday at noon.",
      "The memorial service for the former mayor will be held at the city hall in Kelvale on "
      "Tuesday at noon.")),
    (ReasonKind.NEGATION,  # after a bare "be" nothing is stated
     ("The mayor said on Friday that the city did not pay any money to the contractor, which "
      "had issued a $2 million bill for the bridge repairs.",
      "The contractor had demanded the bill be paid before the bridge could reopen."),
     ("The mayor said on Friday that the city did not pay any money to the contractor, which "
      "had issued a $2 million bill for the bridge repairs.",
      "The city paid the contractor's $2 million bill for the bridge repairs before the bridge "
      "could reopen.")),
    (ReasonKind.NEGATION,  # a gerund after "of" names a thing ("spending cuts"), no act
     ("The council is preparing to send the assembly a $15 million package of spending cuts on "
      "Tuesday to rescind unused funds.",
      "Many of the cuts the council will request involve money authorized by the assembly but "
      "not spent."),
     ("The council spent $15 million of the unused funds on Tuesday.",
      "Many of the cuts the council will request involve money authorized by the assembly but "
      "not spent.")),
    (ReasonKind.NEGATION,  # "will not let X block" denies no word of X's claim
     ("The mayor will not let the protesters block the vote on the bridge.",
      "The protesters blocked the vote on the bridge."),
     ("The protesters did not block the vote on the bridge.",
      "The protesters blocked the vote on the bridge.")),
    (ReasonKind.NEGATION,  # a negation that describes someone in a relative clause
     ("The senator has kept his seat at a club that admits nobody who is not from the old "
      "families of the town.", "The senator kept his seat at the club of the old families of "
      "the town."),
     ("The senator has not kept his seat at the club of the old families of the town.",
      "The senator kept his seat at the club of the old families of the town.")),
    (ReasonKind.CERTAINTY,  # a past verb with an aim between states the aim's object as no fact
     ("The ministry told the mayors how many families they can expect to be resettled in their "
      "towns.", "The minister appointed an envoy on Friday to oversee the resettlement of "
      "families in the towns."),
     ("The ministry said the families will be resettled in the towns.",
      "The ministry resettled the families in the towns on Friday.")),
    (ReasonKind.CERTAINTY,  # the end of a compound adjective ("long-awaited") is no past verb
     ("From November, visitors will be allowed to enter the country if they are vaccinated.",
      "The change, which takes effect in November, will let families plan long-awaited reunions "
      "and allow visitors to enter the country."),
     ("Visitors will be allowed to enter the country from November.",
      "Visitors were allowed to enter the country in November.")),
    (ReasonKind.NEGATION,  # not confirming reports, or not denying, denies nothing
     ("The ministry did not confirm reports that 30 soldiers had died in the raid.",
      "Thirty soldiers died in the raid."),
     ("The ministry denied that 30 soldiers had died in the raid.",
      "Thirty soldiers died in the raid.")),
    (ReasonKind.NEGATION,
     ("The ministry did not deny that 30 soldiers had died in the raid.",
      "Thirty soldiers died in the raid."),
     ("The ministry denied that 30 soldiers had died in the raid.",
      "Thirty soldiers died in the raid.")),
    (ReasonKind.ATTRIBUTION,  # reports an official is said to confirm are no distance
     ("The governor concurred with earlier media reports that the storm destroyed 40 homes in "
      "the bay on Sunday.", "The storm destroyed 40 homes in the bay on Sunday."),
     ("Earlier media reports said the storm destroyed 40 homes in the bay on Sunday.",
      "The storm destroyed 40 homes in the bay on Sunday.")),
]


@pytest.mark.parametrize("kind, calm, clash", LOOK_ALIKES)
def test_a_look_alike_is_no_conflict_where_the_same_shape_is_one(kind, calm, clash):
    pair = compare_alone(*calm)
    assert kind not in kinds(pair), [r.explanation for r in pair.reasons]
    assert kinds(compare_alone(*clash)) == {kind}


@pytest.mark.parametrize("kind, a, b", [
    # a denied light verb with the same words after it, articles aside, or with its own form
    (ReasonKind.NEGATION, "The board did not make a decision on the merger on Monday.",
     "The board made the decision on the merger on Monday."),
    (ReasonKind.NEGATION, "The senator did not take the lead on the bill, aides said.",
     "The senator took a lead on the bill, aides said."),
    # a count of goals is no goal; a mark met is a deed; a limit against a length may be one
    (ReasonKind.CERTAINTY, "The striker could end the season with 40 goals, his coach said.",
     "The striker finished the season with 40 goals, his coach said."),
    (ReasonKind.CERTAINTY, "The last troops are expected to leave the country by Aug. 31.",
     "The last troops met the Aug. 31 deadline to leave the country."),
    (ReasonKind.CERTAINTY, "The last troops may pull out of the city within 30 days, the "
     "ministry said.", "The last troops left the city in 30 days, the ministry said."),
])
def test_the_look_alike_rules_leave_real_conflicts_alone(kind, a, b):
    assert kind in kinds(compare_alone(a, b))


def test_a_sentence_that_opens_with_a_quoted_name_still_states_its_claim():
    pair = compare_alone("Witness reports said the convoy of Operation Ember delivered 100,000 "
                         "doses to the northern region on Tuesday.",
                         "“Operation Ember” delivered 100,000 doses to the northern region on "
                         "Tuesday.")
    assert kinds(pair) == {ReasonKind.ATTRIBUTION}


def test_a_figure_both_sides_state_makes_them_agree_whatever_their_side_figures():
    pair = compare_alone("Employers added 250,000 jobs in March, well above the average of the "
                         "previous three months, the bureau said.",
                         "The economy rebounded and added 250,000 new jobs in March, a welcome "
                         "result after two months of weak growth.")
    assert pair.relation is Relation.AGREE, [r.explanation for r in pair.reasons]


@pytest.mark.parametrize("b, relation", [
    # "the project" names whatever the story is about: its figure may be the pipeline's
    ("The decision to walk away from the $8 billion project was confirmed on Wednesday and came "
     "at a heavy cost to towns along the route.", Relation.DIVERGE),
    ("The decision to walk away from the $8 billion in subsidies was confirmed on Wednesday and "
     "came at a heavy cost to towns along the route.", Relation.RELATED),
])
def test_a_figure_of_a_generic_thing_may_be_the_other_sides_thing(b, relation):
    pair = compare_alone("A $9 billion gas pipeline that became a symbol of the climate debate "
                         "was officially canceled on Wednesday.", b)
    assert pair.relation is relation, [r.explanation for r in pair.reasons]


def test_a_rate_against_a_count_is_two_measures_and_says_so():
    # (this was "more than ten times apart", true but beside the point)
    pair = compare_alone("The clinic recorded 3,605,201 visits in 2020, down from the year before.",
                         "The visit rate was 55.8 visits per 1,000 residents, a record low.")
    assert "B a rate (“55.8 visits per 1,000 residents”)" in pair.reasons[0].explanation
    pair = compare_alone("The agency reported 3,605,201 births in 2020, down from 3,747,540 the "
                         "year before, based on provisional data.",
                         "The general fertility rate was 55.8 births per 1,000 women ages 15 to "
                         "44, a record low, according to the provisional data.")
    assert pair.relation is Relation.RELATED
    assert [r.explanation for r in pair.reasons] == [
        "Two measures, not a conflict: A gives a count (“3,605,201 births”); B a rate (“55.8 "
        "births per 1,000 women”)."]
    # a price is a rate however it is written: no rate against a count
    pair = compare_alone("The average price of gasoline is $3.04 per gallon, the auto club said.",
                         "An average gallon of gasoline is costing drivers $2.90, the auto club "
                         "said.")
    assert "a rate" not in " ".join(r.explanation for r in pair.reasons)


def test_a_denied_light_verb_in_its_past_form_with_other_words_is_another_act():
    pair = compare_alone("The senator never took part in the talks on the budget.",
                         "The senator took office after the talks on the budget.")
    assert ReasonKind.NEGATION not in kinds(pair)


def test_a_part_named_inside_a_ceiling_keeps_the_ceiling_a_ceiling():
    pair = compare_alone("The blast in the depot killed as many as 12 people, including five "
                         "children.",
                         "Twelve people were killed by the blast in the depot.")
    assert kinds(pair) == {ReasonKind.CERTAINTY}, [r.explanation for r in pair.reasons]


@pytest.mark.parametrize("text, denied", [
    ("The rule holds even if a passenger has not bought a return ticket.", set()),
    ("The network will stop paying for videos that deny the safety of the vaccines.", set()),
    ("The mayor denied that her decision to close the bridge went against the engineers.",
     {"went"}),
])
def test_a_supposition_an_aside_or_a_denied_clause_denies_only_what_it_says(text, denied):
    assert set(reading_of(text).negated) == denied


def test_a_denial_of_a_clause_denies_its_verb():
    pair = compare_alone("The minister denied that he had signed the contract with the firm.",
                         "The minister signed the contract with the firm.")
    assert kinds(pair) == {ReasonKind.NEGATION}


@pytest.mark.parametrize("a, b", [
    ("Continuing claims for jobless benefits fell to 2.1 million in the week to May 3.",
     "New claims for jobless benefits rose by 12,000 to 380,000 in the week to May 10."),
    ("Bread prices rose 0.8% from the previous month in April.",
     "Bread prices rose 6.1% from a year earlier in April."),
    ("The jobless rate fell to 4.8% in September, the statistics office said.",
     "Economists polled by the bank had been looking for a jobless rate of 5.1% in September."),
    ("The plan's $40 billion would go for road and bridge repairs.",
     "The plan's $65 billion would go for broadband internet."),
    ("New jobless claims rose to 231,000 last week.",
     "Continuing jobless claims rose to 1.86 million last week."),
])
def test_figures_of_two_measures_are_related_not_a_conflict(a, b):
    c = compare_texts(load_text(a, name="A"), load_text(b, name="B"))
    pair = c.pairs[0]
    assert pair.relation is Relation.RELATED
    [why] = pair.reasons  # the analyst is told why: each side's measure, quoted from its text
    assert why.kind is ReasonKind.MEASURE and why.explanation.startswith("Two measures")
    assert c.a.text[why.a.start:why.a.end] == why.a.text and why.a.text in why.explanation
    assert c.b.text[why.b.start:why.b.end] == why.b.text and why.b.text in why.explanation


@pytest.mark.parametrize("a, b", [
    ("The drug brought in $3.5 billion in sales in the first three months of the year.",
     "Across all its medicines, the company expects to make $70 billion in revenue this year."),
    ("In March, 35 House Republicans joined Democrats to back an independent inquiry.",
     "In July, only two Republicans backed the select panel."),
])
def test_figures_far_apart_in_other_words_are_two_measures(a, b):
    pair = compare_alone(a, b)
    assert pair.relation is Relation.RELATED, [r.explanation for r in pair.reasons]
    [why] = pair.reasons
    assert why.kind is ReasonKind.MEASURE and "more than ten times apart" in why.explanation


@pytest.mark.parametrize("a, b", [
    ("About 1,500 harbour workers remain on the island, the minister said on Wednesday.",
     "The minister said the navy has evacuated 2,300 people since the storm began."),
    ("Officials spent more than $18 million last year on ferry engines, an effort that gave "
     "the Valletta harbour five new boats.",
     "The ministry will invest more than $3 million in electric pumps, the Valletta harbour "
     "master said."),
])
def test_figures_with_nothing_in_common_around_them_are_two_measures(a, b):
    pair = compare_alone(a, b)
    assert ReasonKind.NUMBER not in kinds(pair), [r.explanation for r in pair.reasons]


def test_a_change_and_a_level_are_two_measures_but_two_levels_conflict():
    pair = compare_alone("The harbour deficit grew $205 million in the past year, the board said.",
                         "The harbour deficit now stands at $984 million, the board said.")
    assert pair.relation is Relation.RELATED and "how much it moved" in pair.reasons[0].explanation
    assert kinds(compare_alone(
        "The harbour deficit rose to $905 million in the past year, the board said.",
        "The harbour deficit now stands at $984 million, the board said.")) == {ReasonKind.NUMBER}


def test_a_docket_number_and_another_unit_in_a_list_are_no_count():
    pair = compare_alone("The case, Ruiz v. Port Authority, No. 20-315, could affect thousands of "
                         "dock workers.",
                         "The ruling could affect tens of thousands of dock workers.")
    [why] = pair.reasons
    assert why.kind is ReasonKind.NUMBER and why.a.text.startswith("thousands")  # not "20-315"
    restated = compare_alone("The harbour index fell 186 points, or 6.9%, on Thursday.",
                             "The harbour index fell 186 points on Thursday.")
    assert ReasonKind.NUMBER not in kinds(restated), [r.explanation for r in restated.reasons]


def test_a_forecast_in_the_present_tense_is_a_forecast():
    pair = compare_alone("The vaccine brought in $3.5 billion in sales in the first quarter.",
                         "The company expects the vaccine to generate about $26 billion in sales "
                         "this year.")
    assert pair.relation is Relation.RELATED, [r.explanation for r in pair.reasons]


def test_figures_of_one_count_in_other_words_still_conflict():
    pair = compare_alone("The storm killed 14 people in the harbour town on Monday.",
                         "At least 42 people died in the harbour town on Monday.")
    assert kinds(pair) == {ReasonKind.NUMBER}


@pytest.mark.parametrize("a, b", [
    ("The company expects $3.5 billion in vaccine revenue this year.",
     "The company expects $70 billion in vaccine revenue this year."),  # the same words
    ("The storm killed 8 people in the port on Sunday, officials said.",
     "The storm killed 800 people in the harbour town on Sunday, officials said."),  # nearly
    ("The port finished harbour projects worth $30 million last year.",
     "The port finished harbour repairs worth $45 million last year."),  # "projects" a noun
    ("The storm killed 8 people in the port on Sunday, officials said.",
     "The storm killed 80 people in the port on Sunday, the agency said."),  # an extra zero
])
def test_figures_far_apart_for_the_same_count_still_conflict(a, b):
    assert kinds(compare_alone(a, b)) == {ReasonKind.NUMBER}


def test_one_sum_given_for_two_things_is_one_sum():
    pair = compare_alone("The gang demanded a $70 million payment for a decryption key.",
                         "The hackers demanded $70 million to restore the stolen files.")
    assert pair.relation is Relation.AGREE


def test_a_qualifier_of_another_noun_is_no_other_measure():
    pair = compare_alone("The new mayor said 40 people died in the floods on Monday.",
                         "Continued flooding killed 14 people on Monday, the mayor said.")
    assert kinds(pair) == {ReasonKind.NUMBER}, [r.explanation for r in pair.reasons]


def test_the_same_measure_with_other_figures_still_conflicts():
    pair = compare_alone("Bread prices rose 0.8% from the previous month in April.",
                         "Bread prices rose 1.5% from the previous month in April.")
    assert kinds(pair) == {ReasonKind.NUMBER}


@pytest.mark.parametrize("a, b, kind", [
    ("Police said the driver, who was not armed, was stopped by an officer on Sunday.",
     "Police said the driver, who was armed, was stopped by an officer on Sunday.",
     ReasonKind.NEGATION),  # an aside set off by commas still denies
    ("The spokesman declined to confirm media reports that the minister resigned on Monday.",
     "The minister resigned on Monday.", ReasonKind.ATTRIBUTION),  # a confirmation withheld
    ("Officials could not confirm that 40 sailors were rescued off the cape.",
     "40 sailors were rescued off the cape.", ReasonKind.CERTAINTY),  # "that 40" is no label;
    # not confirming it is no denial, but leaves it uncertain
    ("Lena Ortiz co-founded the shelter in 2010.", "Lena Ortiz will found the shelter in 2010.",
     ReasonKind.CERTAINTY),  # a prefixed verb is no compound adjective
    ("The firm denied that it lied to investors about the merger.",
     "The firm lied to investors about the merger.", ReasonKind.NEGATION),
    ("The firm denies that it is a monopoly in the ferry market.",
     "The firm is a monopoly in the ferry market.", ReasonKind.NEGATION),
    ("The club denied that the meeting took place in March.", "The meeting took place in March.",
     ReasonKind.NEGATION),
    ("The museum will not open until 2027, the city said.",
     "The museum opened in 2027, the city said.", ReasonKind.CERTAINTY),  # a date is no clause
    ("Police estimated the crowd at 5,000 people on Saturday.",
     "Organisers said 20,000 people marched on Saturday.", ReasonKind.NUMBER),  # no forecast
    ("Unemployment fell more than expected in March to 4.8%.",
     "Unemployment fell in March to 5.2%.", ReasonKind.NUMBER),  # "than expected" is no forecast
    ("The regulator fined the bank $5 million on Tuesday for violating privacy rules.",
     "The regulator fined the bank $50 million on Tuesday for breaching data laws.",
     ReasonKind.NUMBER),  # a reason reworded is no other budget line
    ("The city will spend $400 million on road repairs.",
     "The city will spend $290 million over five years to fix its highways.",
     ReasonKind.NUMBER),  # a purpose reworded is one purpose
    ("Forecasters had predicted the storm that killed 12 people on the coast.",
     "The storm killed 15 people on the coast.", ReasonKind.NUMBER),  # the figure is no forecast
    ("Police anticipating unrest deployed 3,000 officers in the capital.",
     "Police deployed 5,000 officers in the capital.", ReasonKind.NUMBER),
    ("Prices rose 3.2% in March from a year earlier, the office said.",
     "Prices rose 3.6% in March, according to the department's monthly report.",
     ReasonKind.NUMBER),  # a monthly report is no monthly change
    ("Continued shelling killed 12 civilians in the town.",
     "New shelling killed 19 civilians in the town.", ReasonKind.NUMBER),  # no measure
    ("The party denied that it had any role in the attack on the depot.",
     "The party had a role in the attack on the depot.", ReasonKind.NEGATION),
    ("The club denied that Ahmed met the minister in March.", "Ahmed met the minister in March.",
     ReasonKind.NEGATION),
    ("The party denied that the leader's son, who was arrested last week, had received payments.",
     "The leader's son received payments.", ReasonKind.NEGATION),
    ("The operator denied the dam had been breached on Monday.",
     "The operator confirmed the dam had been breached on Monday.", ReasonKind.NEGATION),
    ("An advisory panel recommended approval of the pill on Friday.",
     "An advisory panel could recommend approval of the pill on Friday.", ReasonKind.CERTAINTY),
    ("The government set aside $3 billion for disaster relief.",
     "The government set aside $5 billion to help storm victims.",
     ReasonKind.NUMBER),  # a short purpose reworded may be one sum
    ("The city denied that it would raise fares in May.", "The city will raise fares in May.",
     ReasonKind.NEGATION),  # a modal before the denied verb
    ("The mayor denied that Ruiz, her chief of staff, signed the contract.",
     "Ruiz signed the contract.", ReasonKind.NEGATION),  # an aside after a name
    ("The share index closed at 4,200 on Friday.", "The share index closed at 4,150 on Friday.",
     ReasonKind.NUMBER),  # a bare figure counts what its clause is about
    ("Jobless claims stood at 231,000 last week.", "Jobless claims stood at 290,000 last week.",
     ReasonKind.NUMBER),
])
def test_a_conflict_the_new_rules_must_not_hide(a, b, kind):
    assert kind in kinds(compare_alone(a, b))


def test_a_hedge_does_not_reach_a_figure_in_a_later_clause():
    pair = compare_alone("The union will not return after the board cut 40 jobs.",
                         "The board cut 40 jobs at the plant.")
    assert ReasonKind.CERTAINTY not in kinds(pair), [r.explanation for r in pair.reasons]


def test_a_side_that_hedges_its_own_sentence_reports_it_as_done_rather_than_as_fact():
    pair = compare_alone("The curfew would begin at 10 p.m. on Saturday, the council said.",
                         "Reports suggested the curfew began at 10 p.m. on Saturday.")
    reason = next(r for r in pair.reasons if r.kind is ReasonKind.CERTAINTY)
    assert "B reports it as done (“began”), under its own hedge (“suggested”)" in \
        reason.explanation, reason.explanation


def test_a_side_that_only_distances_the_word_reports_it_as_done_without_a_hedge():
    pair = compare_alone("The curfew would begin at 10 p.m. on Saturday.",
                         "Media reports said the curfew began at 10 p.m. on Saturday.")
    reason = next(r for r in pair.reasons if r.kind is ReasonKind.CERTAINTY)
    assert "B reports it as done (“began”)." in reason.explanation, reason.explanation


def test_a_figure_is_quoted_with_its_noun_past_an_adjective():
    pair = compare_alone("Employers added 90,000 new jobs in May, the statistics office said.",
                         "Employers added 60,000 new jobs in May, the statistics office said.")
    [reason] = pair.reasons
    assert reason.a.text == "90,000 new jobs" and reason.b.text == "60,000 new jobs"


def test_measure_words_are_quoted_from_next_to_each_sides_figures():
    pair = compare_alone("Continuing claims fell to 1.8 million in the week to June 7, the "
                         "department said in a report that also tracks new claims.",
                         "New claims fell to 229,000 in the week to June 14.")
    [why] = pair.reasons
    assert (why.a.text, why.b.text) == ("Continuing claims", "New claims"), why.explanation


def test_a_hedge_after_the_word_leaves_it_stated_as_fact():
    pair = compare_alone("The plant would close on Friday.",
                         "The plant closed on Friday and may reopen next year.")
    reason = next(r for r in pair.reasons if r.kind is ReasonKind.CERTAINTY)
    assert "B states it as fact (“closed”)" in reason.explanation, reason.explanation



@pytest.mark.parametrize("a, b, said", [
    ("The council will vote this week on a $40 million harbour repair bill.",
     "The council insists it first pass a $95 million school building bill this week.",
     "a sum for one thing"),
    ("The ferry accident rate, which includes groundings, inched up around 5 percent.",
     "The ferry fire rate on the lake increased nearly 30% last year.",
     "a percentage of one thing"),
])
def test_figures_of_other_things_are_two_measures_not_a_conflict(a, b, said):
    pair = compare_alone(a, b)
    assert pair.relation is Relation.RELATED, [r.explanation for r in pair.reasons]
    assert [r.kind for r in pair.reasons] == [ReasonKind.MEASURE]
    assert said in pair.reasons[0].explanation


@pytest.mark.parametrize("a, b", [
    ("Unemployment fell more than expected in March to 4.8%.",
     "The jobless rate fell in March to 5.2%."),
    ("A $9 billion oil pipeline across the border was canceled on Wednesday.",
     "The decision to walk away from the $8 billion project across the border came Wednesday."),
    ("In July, border agents apprehended 212,672 people, up from June.",
     "Border agents apprehended over 212,000 migrants in July."),
])
def test_one_quantity_told_in_other_words_still_compares(a, b):
    pair = compare_alone(a, b)
    numbers = [r for r in pair.reasons if r.kind is ReasonKind.NUMBER]
    if "212,672" in a:  # an exact figure the other side rounds down: agreement
        assert not numbers, [r.explanation for r in pair.reasons]
    else:
        assert numbers, [r.explanation for r in pair.reasons]


def test_a_ratio_a_name_or_a_tally_is_no_count_of_the_thing_after_it():
    pair = compare_alone("Some 1 in 5 renters are behind on payments, and the Group of Seven "
                         "met on 9/11 to discuss it.",
                         "About 5 renters in the building are behind on payments, and seven "
                         "nations met to discuss it.")
    assert ReasonKind.NUMBER not in kinds(pair), [r.explanation for r in pair.reasons]
    tally = compare_alone("The harbour bill passed 220-190 in the lower house.",
                          "The harbour bill passed 222-190 in the lower house.")
    assert ReasonKind.NUMBER in kinds(tally)


def test_a_tally_written_with_to_conflicts_and_stands_beside_two_measures():
    # "220-to-190" was no figure at all; and two counts far apart elsewhere in the pair made
    # the whole pair "two measures", hiding the vote
    assert kinds(compare_alone("The harbour bill passed 220-to-190 in the lower house.",
                               "The harbour bill passed 222-190 in the lower house.")) == {
        ReasonKind.NUMBER}
    pair = compare_alone("The 220-to-190 party-line vote on the harbour bill stands in contrast "
                         "to a vote in May, when 35 members of the opposition backed it.",
                         "The harbour bill vote was 222-190 with two members of the opposition "
                         "backing it.")
    assert pair.relation is Relation.DIVERGE
    assert pair.reasons[0].explanation == (
        "Different figures: A says “220-to-190”; B says “222-190”.")


@pytest.mark.parametrize("a, b", [
    # a figure cut short on one side
    ("The governor released $138.7 million of funding for the harbour.",
     "The governor announced $138 million for the harbour."),
    # spans of time counted from different events
    ("The new harbour board was formed three weeks after the storm hit the coast.",
     "The new harbour board was announced one week after the navy completed its withdrawal."),
    ("Eight months after first licensing the Ostrava ferry, the agency gave its full approval.",
     "The approval came less than four months after Ostrava Lines filed its application."),
    # a date a record is counted from is no date of the event
    ("Ferry fares rose 9% in June, the biggest jump since late March.",
     "Ferry fares rose 9% in June, the harbour office said."),
    # an aim, not an act
    ("The ferry bill now goes to the governor, who is expected to sign it on Thursday.",
     "The ferry bill now heads to the governor's desk to be signed."),
])
def test_figures_dates_and_acts_that_only_look_like_conflicts_agree(a, b):
    pair = compare_alone(a, b)
    assert pair.relation is not Relation.DIVERGE, [r.explanation for r in pair.reasons]


def test_a_forecast_in_a_that_clause_is_a_forecast():
    pair = compare_alone("Harbour traffic grew by just 266,000 passengers last month.",
                         "Forecasters had anticipated that harbour traffic would grow by nearly "
                         "1 million passengers last month.")
    assert pair.relation is Relation.RELATED
    assert "a forecast" in pair.reasons[0].explanation


@pytest.mark.parametrize("a, b", [
    ("Ferry operators will add 40 night crossings, the harbour office said Friday.",
     "Ferry operators are set to add 40 night crossings, the mayor said Thursday."),
    ("The host accused the agency of staging the Jan. 6 protest on his show on June 15, 2021.",
     "Questions remain about the agency's role in the protest of January 6, 2021."),
])
def test_a_reporting_day_or_a_date_both_sides_give_is_no_date_conflict(a, b):
    pair = compare_alone(a, b)
    assert ReasonKind.DATE not in kinds(pair), [r.explanation for r in pair.reasons]
