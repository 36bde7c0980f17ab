"""Three or more sources: claim clusters, conflicts inside a cluster, shared wire copy and the
independent count, with texts written for the tests."""

from __future__ import annotations

import json

from compare_app.core.clusters import CellState
from compare_app.core.compare import compare_texts
from compare_app.core.loading import load_text
from compare_app.core.multi import compare_many
from compare_app.core.reports.multi import (
    multi_csv,
    multi_html,
    multi_json,
    multi_markdown,
    multi_text,
)

WIRE = ("Flooding in the Arlen river valley killed at least 42 people on Monday, officials said. "
        "The governor declared a state of emergency across the valley. "
        "Rescue teams evacuated about 3,000 residents from the northern villages. ")
A = WIRE + "Engineers blamed the collapse of an old irrigation dam upstream."
B = ("At least 42 people died in floods in the Arlen river valley on Monday. "
     "A state of emergency was declared by the governor for the whole valley. "
     "Some 3,000 residents of northern villages were moved to safety by rescue teams. "
     "Schools in the region will remain closed for the rest of the week.")
C = ("Floods in the Arlen river valley killed at least 14 people on Monday. "
     "The governor declared a state of emergency across the valley. "
     "The army sent four helicopters and two hundred soldiers to the region.")
D = WIRE + "Insurers expect claims to run into the hundreds of millions."


def _many(*texts: str):
    return compare_many([load_text(t, name=f"Source {n}") for n, t in enumerate(texts, 1)])


def _cluster_of(m, sentence_words: str):
    for c in m.clusters:
        for cell in c.cells:
            if any(sentence_words in m.sentence_text(s) for s in cell.sentences):
                return c
    raise AssertionError(sentence_words)


def test_claims_shared_by_three_sources_and_a_conflict_inside_the_cluster():
    m = _many(A, B, C)
    toll = _cluster_of(m, "killed at least 42")
    assert toll.support == 3 and toll.conflict
    assert toll.cell("C").state is CellState.DIFFERENT
    assert toll.cell("A").state is CellState.STATED and toll.cell("B").state is CellState.STATED
    assert any(r.kind.value == "number" for r in toll.cell("C").reasons)
    said = {r.explanation for r in toll.cell("C").reasons}  # each source named, never "A"/"B"
    assert said == {"Different figures: A says “at least 42 people”; C says “at least 14 people”.",
                    "Different figures: B says “At least 42 people”; C says “at least 14 people”."}
    emergency = _cluster_of(m, "state of emergency")
    assert set(emergency.sources) == {"A", "B", "C"} and not emergency.conflict
    army = _cluster_of(m, "helicopters")
    assert army.sources == ("C",)
    assert army.cell("A").state is CellState.SILENT
    dam = _cluster_of(m, "irrigation dam")
    assert dam.support == 1 and m.statuses[dam.cell("A").sentences[0]].value == "unsupported"


def test_shared_wire_copy_is_one_origin_not_two_confirmations():
    m = _many(A, C, D)  # D carries A's wire copy; C wrote its own story
    assert [(s.sources, s.claims) for s in m.shared_copy] == [(("A", "C"), 3)]
    toll = _cluster_of(m, "killed at least 42")
    assert toll.support == 3 and toll.independent == 2  # A and its copy count once
    evacuation = _cluster_of(m, "evacuated about 3,000")
    assert evacuation.sources == ("A", "C") and evacuation.independent == 1
    assert "A and C share wire copy for 3 claims" in multi_text(m)


def test_two_sources_give_the_pairwise_comparison_unchanged():
    m = _many(A, B)
    pairwise = compare_texts(load_text(A, name="Source 1"), load_text(B, name="Source 2"))
    got = m.pairwise[("A", "B")]
    assert [(p.id, p.a, p.b, p.score, p.relation) for p in got.pairs] == \
        [(p.id, p.a, p.b, p.score, p.relation) for p in pairwise.pairs]


def test_every_cluster_holds_only_plausible_pairs_and_each_sentence_once():
    m = _many(A, B, C, D)
    seen: dict[str, str] = {}
    for c in m.clusters:
        own = [s for cell in c.cells for s in cell.sentences]
        sources = [s[:1] for s in own]
        assert len(sources) == len(set(sources))  # one sentence per source and claim
        for s in own:
            seen.setdefault(s, c.id)
    compared = {s.id for d in m.documents for s in d.sentences if not s.excluded}
    assert compared <= set(seen)  # every claim of every source is in the matrix


def test_reports_show_the_matrix_in_every_format():
    m = _many(A, B, C)
    data = json.loads(multi_json(m))
    assert data["version"] == 2 and len(data["documents"]) == 3
    assert {(c["a"], c["b"]) for c in data["comparisons"]} == {("A", "B"), ("A", "C"),
                                                               ("B", "C")}
    toll = next(c for c in data["claims"] if c["conflict"])
    assert [cell["state"] for cell in toll["cells"]] == ["stated", "stated", "different"]
    text = multi_text(m)
    assert "Conflicts" in text and "C ≠" in text
    md = multi_markdown(m)
    assert "## Corroboration matrix" in md and "| ● | ● | ≠ |" in md
    assert "different" in multi_html(m) and "≠" in multi_html(m)
    rows = multi_csv(m).splitlines()
    assert rows[0].lstrip("\ufeff").split(",")[-5:] == ["A", "B", "C", "verdict", "note"]


def test_pairs_linked_in_worker_processes_give_the_same_result(monkeypatch):
    from compare_app.core import multi, tuning

    texts = [load_text(t, name=f"Source {n}") for n, t in enumerate((A, B, C, D), 1)]
    alone = compare_many(texts, parallel=False)
    monkeypatch.setattr(tuning, "PARALLEL_MIN_SENTENCES", 0)  # four short sources: six pairs
    monkeypatch.setattr(tuning, "PARALLEL_MIN_PAIRS", 2)
    spawned = []
    original = multi._link_in_processes
    monkeypatch.setattr(multi, "_link_in_processes",
                        lambda *a: spawned.append(a[4]) or original(*a))
    together = compare_many(texts)
    assert spawned and spawned[0] >= 2  # the worker processes did run
    assert set(together.pairwise) == set(alone.pairwise)
    for key, c in alone.pairwise.items():
        assert together.pairwise[key].pairs == c.pairs
        assert together.pairwise[key].suggestions == c.suggestions
        assert together.pairwise[key].statuses == c.statuses
    assert together.clusters == alone.clusters and together.statuses == alone.statuses


def test_reports_list_each_sources_own_claims_with_what_is_related_elsewhere():
    """The single-source section names each claim in its own source's words (not a count), in
    reading order, and says where another source tells something related."""
    m = _many(A + " Power was restored to most homes by Monday evening.",
              B, C + " Power was cut to some 20,000 homes in the valley.")
    md = multi_markdown(m)
    single = md[md.index("## Single-source claims"):]
    assert "### A (" in single and "### C (" in single
    assert "Engineers blamed the collapse of an old irrigation dam upstream." in single
    assert "Power was restored to most homes by Monday evening. (related in C)" in single
    assert "Power was cut to some 20,000 homes in the valley. (related in A)" in single
    assert single.index("The army sent four helicopters") < single.index("Power was cut")
    html = multi_html(m)
    assert "Power was cut to some 20,000 homes in the valley." in html
    assert '<span class="muted"> (related in A)</span>' in html
