"""What the bundled sample pair must show: the findings an analyst would check first."""

from __future__ import annotations

from compare_app.core.compare import compare_files
from compare_app.core.models import Kind, ReasonKind, Relation, Status


def find(doc, fragment: str):
    hits = [s for s in doc.sentences if fragment in s.text]
    assert len(hits) == 1, f"{fragment!r} found {len(hits)} times"
    return hits[0]


def pair_between(c, a_id: str, b_id: str):
    return next((p for p in c.pairs_of(a_id) if b_id in p.b), None)


def test_mutual_assistance_agrees_with_mutual_support(sample_comparison):
    c = sample_comparison
    a = find(c.a, "“mutual assistance” if either country is attacked")
    b = find(c.b, "mutual military support in the event of an attack")
    pair = pair_between(c, a.id, b.id)
    assert pair is not None
    assert pair.relation is Relation.AGREE
    assert c.statuses[a.id] is Status.AGREE and c.statuses[b.id] is Status.AGREE


def test_deployment_status_diverges_on_certainty(sample_comparison):
    c = sample_comparison
    a = find(c.a, "ahead of a likely deployment to Ukraine")
    b = find(c.b, "had been deployed in significant numbers")
    pair = pair_between(c, a.id, b.id)
    assert pair is not None and pair.relation is Relation.DIVERGE
    certainty = [r for r in pair.reasons if r.kind is ReasonKind.CERTAINTY]
    assert certainty, pair.reasons
    reason = certainty[0]
    assert "likely" in reason.a.text and "deploy" in reason.b.text
    assert c.a.text[reason.a.start:reason.a.end] == reason.a.text
    assert c.b.text[reason.b.start:reason.b.end] == reason.b.text
    assert "likely" in reason.explanation and "as done" in reason.explanation
    # B's own sentence is hedged ("suggesting"): the reason must not call it a plain fact
    assert b.features.certainty.hedged and "states it as fact" not in reason.explanation


def test_s400_is_not_an_agreement_with_missile_defense_capabilities(sample_comparison):
    c = sample_comparison
    a = find(c.a, "deploy its S-400 missile defense system")
    b = find(c.b, "missile defense capabilities, to deter DPRK provocations")
    pair = pair_between(c, a.id, b.id)
    assert pair is None or pair.relation is not Relation.AGREE
    assert c.statuses[a.id] is not Status.AGREE


def test_kpa_history_is_unsupported_by_the_op_ed(sample_comparison):
    c = sample_comparison
    founded = find(c.b, "The KPA was established in 1948")
    size = find(c.b, "approximately 1 million active personnel")
    assert c.statuses[founded.id] is Status.UNSUPPORTED
    assert c.statuses[size.id] is Status.UNSUPPORTED
    assert founded.kind is Kind.CLAIM and size.kind is Kind.CLAIM


def test_closing_newsletter_and_donation_lines_are_not_claims(sample_comparison):
    c = sample_comparison
    views = find(c.a, "The views expressed in opinion pieces")
    trailer = [s for s in c.a.sentences if s.start >= views.start]
    assert len(trailer) >= 25
    assert all(s.kind is Kind.BOILERPLATE for s in trailer), [
        (s.text, s.kind) for s in trailer if s.kind is not Kind.BOILERPLATE]
    assert all(c.statuses[s.id] is Status.EXCLUDED for s in trailer)
    header = find(c.a, "Support The Moscow Times!")
    assert header.kind is Kind.BOILERPLATE
    # The unsupported count covers only real content of the op-ed.
    unsupported = [s for s in c.a.sentences if c.statuses[s.id] is Status.UNSUPPORTED]
    assert all(s.start < views.start for s in unsupported)


def test_headings_and_photo_caption_are_excluded(sample_comparison):
    c = sample_comparison
    assert find(c.b, "Kim’s Private Army").kind is Kind.HEADING
    assert find(c.b, "Looking Ahead").kind is Kind.HEADING
    assert find(c.a, "North Koreans Fighting for Russia Put Warm Words").kind is Kind.HEADING
    assert find(c.a, "posing for a photo with soldiers").kind is Kind.CAPTION
    assert find(c.a, "KCNA VIA KNS / AFP").kind is Kind.CAPTION


def test_prescriptions_are_recognised(sample_comparison):
    c = sample_comparison
    assert find(c.b, "We must increase diplomatic pressure").kind is Kind.PRESCRIPTION
    assert find(c.b, "The free world should enhance military readiness").kind is Kind.PRESCRIPTION


def test_summary_counts_match_statuses(sample_comparison):
    c = sample_comparison
    s = c.summary
    assert s.agree == sum(p.relation is Relation.AGREE for p in c.pairs)
    assert s.diverge == sum(p.relation is Relation.DIVERGE for p in c.pairs)
    for doc in (c.a, c.b):
        assert s.unsupported[doc.label] == sum(
            c.statuses[x.id] is Status.UNSUPPORTED for x in doc.sentences)
        assert s.excluded[doc.label] == sum(x.excluded for x in doc.sentences)


def test_swapping_documents_mirrors_the_result(sample_paths):
    forward = compare_files(str(sample_paths[0]), str(sample_paths[1]))
    backward = compare_files(str(sample_paths[1]), str(sample_paths[0]))

    def key(c, flip):
        out = set()
        for p in c.pairs:
            a = tuple(i[1:] for i in p.a)
            b = tuple(i[1:] for i in p.b)
            out.add(((b, a) if flip else (a, b), p.score, p.relation))
        return out

    assert key(forward, False) == key(backward, True)
    assert forward.summary.unsupported["A"] == backward.summary.unsupported["B"]


def test_comparison_is_deterministic(sample_paths):
    one = compare_files(str(sample_paths[0]), str(sample_paths[1]))
    two = compare_files(str(sample_paths[0]), str(sample_paths[1]))
    assert one.pairs == two.pairs and one.statuses == two.statuses


def test_every_sentence_offset_points_into_the_shown_text(sample_comparison):
    for doc in (sample_comparison.a, sample_comparison.b):
        for s in doc.sentences:
            assert doc.text[s.start:s.end] == s.text
            for n in s.features.numbers:
                assert doc.text[n.span.start:n.span.end] == n.span.text
            for e in s.features.entities:
                assert doc.text[e.span.start:e.span.end] == e.span.text


def test_claim_ending_in_a_footnote_marker_is_not_a_heading():
    from compare_app.core.kinds import classify_units
    from compare_app.core.segment import split_sentences

    text = ("Troops arrived in Kursk in October 2024.[1]\n\nTroops left Kursk in May 2025.¹\n\n"
            "Looking Ahead")
    kinds = classify_units(text, split_sentences(text))
    assert kinds == [Kind.CLAIM, Kind.CLAIM, Kind.HEADING]
