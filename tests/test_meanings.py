"""Words of close meaning and record levels: paraphrased claims are linked."""

from __future__ import annotations

import pytest

from compare_app.core import meanings, tuning
from compare_app.core.compare import compare_texts
from compare_app.core.loading import load_text
from compare_app.core.normalize import RECORD_TERM, AliasTable, content_terms

A_TEXT = ("The council published its annual budget on Friday. Residents sued the utility over the "
          "explosion that destroyed their homes. The mayor praised the volunteers at the ceremony.")
B_TEXT = ("Forecasters expect a dry summer in the valley. Families filed a lawsuit against the "
          "utility after the blast wrecked their houses. Schools will reopen next week.")


def _links(a: str, b: str) -> list[tuple[str, str]]:
    result = compare_texts(load_text(a, name="A"), load_text(b, name="B"))
    return [p.texts for p in result.pairs]


def test_close_meanings_pairs_terms_both_ways_and_skips_unknown_words() -> None:
    near = meanings.close_meanings({"lawsuit", "xqzzv"}, {"sue", "budget"})
    assert near["lawsuit"]["sue"] == near["sue"]["lawsuit"] >= tuning.MEANING_FLOOR
    assert "xqzzv" not in near and "budget" not in near
    assert meanings.close_meanings({"tower"}, {"tower"}) == {}


def test_a_claim_told_in_other_words_is_linked() -> None:
    links = _links(A_TEXT, B_TEXT)
    assert links == [("Residents sued the utility over the explosion that destroyed their homes.",
                      "Families filed a lawsuit against the utility after the blast wrecked "
                      "their houses.")]


def test_without_the_table_the_paraphrase_is_missed(monkeypatch: pytest.MonkeyPatch) -> None:
    """The link above comes from the meaning table, not from the shared word alone."""
    monkeypatch.setattr(tuning, "MEANING_FLOOR", 101)
    assert _links(A_TEXT, B_TEXT) == []


@pytest.mark.parametrize("text, record", [
    ("The rate fell to a record low.", True),
    ("Prices hit an all-time high in May.", True),
    ("The rate is at the lowest point since officials started tracking it a century ago.", True),
    ("Turnout was the highest on record.", True),
    ("It was the lowest number of births since 1979.", False),
    ("The band released a new record.", False),  # the word itself, not a record level
    ("Rents stayed high in the capital.", False),
])
def test_a_record_level_reads_as_record_however_worded(text: str, record: bool) -> None:
    assert (RECORD_TERM in content_terms(text, AliasTable())) is record


def test_names_match_by_spelling_only_never_by_close_meaning():
    """"Democrats" and "Republicans" are close in a word model, but as names in running text
    they are different actors: the matcher gives them no credit for each other."""
    from compare_app.core.compare import prepare
    from compare_app.core.similarity import Scorer

    a = load_text("The plan was unveiled on Friday by the Democrats in the state senate.", name="A")
    b = load_text("The plan was unveiled on Friday by the Republicans in the state senate.",
                  name="B")
    prep = prepare(a, b)
    assert {"democrat", "republican"} <= prep.weights.names
    assert "republican" not in Scorer(prep.weights).similar.get("democrat", {})
    plain = prepare(load_text("The democrat view won.", name="A"),
                    load_text("The republican view won.", name="B"))
    assert "republican" in Scorer(plain.weights).similar.get("democrat", {})


@pytest.mark.parametrize("x, y", [("win", "lose"), ("buy", "sell"), ("allow", "prohibit"),
                                  ("fertility", "infertility")])
def test_opposites_are_not_close_meanings(x, y):
    from compare_app.core.normalize import canonical

    assert meanings.close_meanings({canonical(x)}, {canonical(y)}) == {}


RECORD_A = ("Officials urged residents to cut their water use. Reservoir levels reached a record "
            "low this week. Farmers expect smaller harvests this autumn.")
RECORD_B = ("The governor signed a drought order on Monday. The lake now stands at its lowest "
            "point since engineers began keeping measurements. Schools will close their "
            "reservoir pools.")


def test_two_sources_stating_a_record_level_in_other_words_are_linked() -> None:
    """A record level is a value of the claim, as specific as a shared figure: the two
    sentences share nothing else, yet both say the level is the lowest ever measured."""
    assert _links(RECORD_A, RECORD_B) == [
        ("Reservoir levels reached a record low this week.",
         "The lake now stands at its lowest point since engineers began keeping measurements.")]
