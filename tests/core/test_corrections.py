"""The analyst's corrections: applied over any comparison, anchored to content, never dropped."""

from __future__ import annotations

import json

from compare_app.core.annotations import AnchorIndex
from compare_app.core.compare import compare_texts
from compare_app.core.corrections import Correction, apply_corrections, with_correction
from compare_app.core.loading import load_text
from compare_app.core.models import CompareOptions, ReasonKind, Relation, Status
from compare_app.core.reports import (
    ReportInput,
    csv_report,
    html_report,
    json_report,
    markdown_report,
)
from compare_app.core.session import load_session, save_session, session_of

A = ("The storm made landfall on Tuesday near the port city. "
     "At least 42 people have died in the floods. "
     "The governor asked for federal help after touring the coast. "
     "Schools across the region will stay closed until Monday.")
B = ("Officials said the storm came ashore on Tuesday close to the port city. "
     "The death toll stands at 14, according to the state agency. "
     "Schools across the region will stay closed until next Monday.")


def _compare(a: str = A, b: str = B, threshold: float = 40):
    return compare_texts(load_text(a), load_text(b), CompareOptions(threshold=threshold))


def _find(c, label: str, words: str) -> str:
    return next(s.id for s in c.document(label).sentences if words in s.text)


def _correction(c, a_words: str, b_words: str, **kw) -> Correction:
    index = AnchorIndex(c)
    return Correction(index.anchor(_find(c, "A", a_words)), index.anchor(_find(c, "B", b_words)),
                      **kw)


def test_a_missed_link_is_added_judged_and_counted():
    c = _compare()
    a_id, b_id = _find(c, "A", "42 people"), _find(c, "B", "death toll")
    assert c.statuses[a_id] is Status.UNSUPPORTED  # the engine does not see it
    fixed = apply_corrections(c, (_correction(c, "42 people", "death toll"),)).comparison
    pair = fixed.pair_of(a_id)
    assert pair is not None and pair.b == (b_id,) and pair.linked_by_analyst
    assert pair.relation is Relation.DIVERGE  # the engine still judges what the analyst linked
    assert any(r.kind is ReasonKind.NUMBER for r in pair.reasons)
    assert fixed.statuses[a_id] is Status.DIVERGE and fixed.statuses[b_id] is Status.DIVERGE
    assert fixed.summary.diverge == c.summary.diverge + 1
    assert fixed.summary.unsupported["A"] == c.summary.unsupported["A"] - 1
    assert pair.id.startswith("P") and pair.id not in {p.id for p in c.pairs}


def test_unlink_and_relabel_change_the_pairs_and_every_report():
    c = _compare()
    schools = c.pair_of(_find(c, "A", "Schools"))
    storm = c.pair_of(_find(c, "A", "landfall"))
    assert schools is not None and storm is not None
    corrections = (_correction(c, "Schools", "Schools", linked=False),
                   _correction(c, "landfall", "ashore", relation=Relation.DIVERGE,
                               kind=ReasonKind.ENTITY))
    fixed = apply_corrections(c, corrections).comparison
    assert schools.id not in {p.id for p in fixed.pairs}
    assert fixed.statuses[schools.a[0]] is Status.UNSUPPORTED
    relabelled = fixed.pair(storm.id)
    assert relabelled.relation is Relation.DIVERGE and relabelled.relation_by_analyst
    assert "analyst" in relabelled.reasons[0].explanation and relabelled.reasons[0].kind.value \
        == "entity"
    assert apply_corrections(fixed, corrections).comparison.pairs == fixed.pairs  # idempotent

    report = ReportInput(c, corrections=corrections)
    assert report.comparison.pair(storm.id).relation is Relation.DIVERGE
    md = markdown_report(report)
    assert "Analyst's corrections (2)" in md and "relation set by the analyst" in md
    assert "unlinked" in md
    assert "relation set by the analyst" in html_report(report)
    assert "relation set by the analyst" in csv_report(report)
    data = json.loads(json_report(report))
    assert data["corrections"][0]["linked"] is False and data["corrections"][0]["placed"]
    analyst = [p for p in data["pairs"] if "analyst" in p]
    assert analyst == [p for p in data["pairs"] if p["id"] == storm.id]
    assert analyst[0]["analyst"] == {"linked": False, "relation": True}


def test_corrections_survive_another_sensitivity_an_edit_and_a_session(tmp_path):
    c = _compare()
    link = _correction(c, "42 people", "death toll")
    edited = _compare("A short new opening sentence about the weather. " + A, B, threshold=20)
    pair = apply_corrections(edited, (link,)).comparison.pair_of(_find(edited, "A", "42 people"))
    assert pair is not None and pair.linked_by_analyst
    gone = _compare(A.replace("At least 42 people have died in the floods. ", ""), B)
    result = apply_corrections(gone, (link,))
    assert result.unplaced == (link,)  # listed, never dropped
    assert "not found in these texts" in markdown_report(ReportInput(gone, corrections=(link,)))

    path = tmp_path / "s.cmpsession"
    save_session(path, session_of(c, (), {}, (link,)))
    assert load_session(path).corrections == (link,)


def test_a_decision_replaces_the_earlier_one_and_restating_the_engine_keeps_nothing():
    c = _compare()
    link = _correction(c, "42 people", "death toll")
    relabel = _correction(c, "42 people", "death toll", relation=Relation.RELATED)
    assert with_correction((link,), relabel, engine_linked=False) == (relabel,)
    unlink = _correction(c, "42 people", "death toll", linked=False)
    assert with_correction((link,), unlink, engine_linked=False) == ()
    engine = _correction(c, "Schools", "Schools")
    assert with_correction((), engine, engine_linked=True) == ()
