"""Cut-off fragments and quoted voices are not claims to compare."""

from __future__ import annotations

import pytest

from compare_app.core.compare import compare_texts
from compare_app.core.kinds import is_fragment, is_quote
from compare_app.core.loading import load_text
from compare_app.core.models import Kind


@pytest.mark.parametrize("text", [
    "The inspectors finished their survey of the harbour around the end of...",
    "Investors polled by the exchange were expecting...",
    "The committee...",
    "The decline in output in the third quarter reflected...",
    "As well as the two ferry operators, the terminal was home to...",
    "“We will not leave until the wages are paid, not one of...",
    "Meanwhile, economists at the central bank still expect that as the currency...",
    "Shipping firms along the northern coast have rerouted their vessels because the strait...",
    "Dealers polled by the exchange showed broadly...",
    "The delegation said the minister would meet the...",
    "The port authority released a notice saying...",
    "Besides the new bridge for the city, two...",
    "While promising to bring the stranded crews home before the winter...",
    "The health minister said at a news conference that the...",
    "The company said on Monday that it had decided to sell its...",
    "Once the flood began spilling over the old harbour wall — two metres at places, even over "
    "the top of the...",
    "Although the company reported record profits last year...",
    "The jobless rate fell during the 2010–2019 expansion to its lowest level in...",
])
def test_cut_off_before_the_claim_is_a_fragment(text):
    assert is_fragment(text)


@pytest.mark.parametrize("text", [
    "The council approved the budget on Monday, and the mayor said she would veto...",
    "Prosecutors said the company stopped the trial early in consultation...",
    "Rail workers walked out in three cities, while bus drivers are...",
    "The storm killed at least four people in the valley.",
    "Judge Ama Owusu, speaking for the panel, said the ruling was “a plain reading” of the "
    "statute, which generally bars a lender from charging fees to...",
    "The bill passed 88-2 with Senator Ida Brandt of Ohio as the lone vote...",
    "The covered market in the old town has been closed since the pandemic...",
    "The curfew came into force...",
    "Union leaders rejected the offer, arguing that the cost of...",
    "Since 2019 the company has cut 4,000 jobs in its European plants...",
    "Until last year the plant employed 900 people in the valley...",
    "In the capital, the council approved the budget on Monday after a long...",
    "Lisbon on Friday responded with anger to the reports that the...",
    "In the capital, the city council approved the new budget on Monday, arguing that the "
    "cost of...",
    "The governor, a former judge, is more exposed than ever — and not...",
    "The bank cut its key rate by a quarter point—and signalled that the...",
    "After the vote the opposition walked out of the chamber in protest...",
    "The protest turned into a rally...",
    "According to the ministry, the grants to each district were paid under the new rural housing "
    "scheme and were...",
    "The delegates said the ministers would travel to the capital on Monday to brief the "
    "president in person on...",
    "The harbour board of the old city published a statement saying the ferries had...",
])
def test_cut_off_after_a_complete_clause_is_kept(text):
    assert not is_fragment(text)


@pytest.mark.parametrize("text, quoted", [
    ("“I ran as fast as I could.", True),
    ("“The river just swallowed the road, it just swallowed it,” said a farmer on the bank.", True),
    ("I saw the water coming through the door,” said Ana Ruiz, who lives nearby.", True),
    ("The river reached its “highest level since records began in 1871,” the agency said.", False),
    ("“Grain exports fell 12% in March,” the ministry said in a statement.", False),
    ("The minister called the report “misleading” and promised a review.", False),
    # a quotation opened with a straight mark and closed with a curly one is this sentence's
    # own, not the end of one opened before it
    ('Eligible groups include "nurses, bus drivers and shop staff, among others,” said the '
     "health minister.", False),
    ("bus drivers and shop staff, among others,” said the health minister.", True),
    # a quotation that announces makes news known: a claim
    ('"Today we are announcing that the port will close to cruise ships," the mayor said.',
     False),
    ("“I'm here to announce the end of our mission in the valley,” the general told reporters.",
     False),
    ("“It was the worst night of my life,” the mayor said as she announced the closure.", True),
])
def test_a_speakers_own_words_are_a_quote(text, quoted):
    assert is_quote(text) is quoted


def test_fragments_and_quotes_are_excluded_and_never_unsupported():
    a = ("Floods cut the coastal highway on Sunday. “We lost everything in one night. "
         "The regional authority said repairs to the...")
    b = "The coastal highway was cut by floods on Sunday."
    c = compare_texts(load_text(a, name="A"), load_text(b, name="B"))
    kinds = [s.kind for s in c.a.sentences]
    assert kinds == [Kind.CLAIM, Kind.QUOTE, Kind.FRAGMENT]
    assert c.summary.unsupported["A"] == 0 and c.summary.excluded["A"] == 2


@pytest.mark.parametrize("text, kind", [
    ("We must raise the dikes before the next storm season.", Kind.PRESCRIPTION),
    ("The council should publish its accounts every quarter.", Kind.PRESCRIPTION),
    ("The agency approved the new ferry on Monday, though it said the crossings should stop "
     "in high winds.", Kind.CLAIM),
    ("Residents must leave the valley by noon, the police said.", Kind.CLAIM),
    ("Parents should ignore what the company said about the safety of its cribs.",
     Kind.PRESCRIPTION),
    ("As the president said last year, the council must act on the housing crisis.",
     Kind.PRESCRIPTION),
    ("According to the new guidelines, children under 12 should wear masks.", Kind.CLAIM),
    ("The agency said on Friday that, with cases rising, people should wear masks.", Kind.CLAIM),
    ("Doctors say parents should keep children home.", Kind.CLAIM),
    ("The report, which the agency said was preliminary, should be withdrawn.",
     Kind.PRESCRIPTION),
    # a word of advice opening a sentence as its subject's noun gives no advice
    ("Support for the governing coalition has climbed to 38 percent.", Kind.CLAIM),
    ("Demand for oil rose 3 percent in May.", Kind.CLAIM),
    ("Support dropped to 31 percent in May.", Kind.CLAIM),
    ("Stop-and-search checks rose 20 percent last year.", Kind.CLAIM),
    ("Support the ceasefire talks in Ormund.", Kind.PRESCRIPTION),
    ("Increase diplomatic pressure on the junta.", Kind.PRESCRIPTION),
])
def test_advice_the_writer_reports_is_a_claim(text, kind):
    c = compare_texts(load_text(text, name="A"), load_text("Nothing else here.", name="B"))
    assert c.a.sentences[0].kind is kind
