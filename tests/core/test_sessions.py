"""Annotations keyed to content, sessions saved atomically and refused when damaged."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from compare_app.core.annotations import SourceGrade, Verdict, resolve_all, set_annotation
from compare_app.core.compare import compare_texts
from compare_app.core.loading import load_document, load_text
from compare_app.core.models import CompareOptions
from compare_app.core.session import SessionError, load_session, save_session, session_of

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def annotated(sample_paths):
    a, b = (load_document(p) for p in sample_paths)
    c = compare_texts(a, b)
    diverge = next(p for p in c.pairs if p.relation.value == "diverge")
    lonely = next(s for s in c.b.sentences if "established in 1948" in s.text)
    notes = set_annotation(c, (), diverge.id, verdict=Verdict.CONTRADICTION,
                           note="Check the NIS statement of 18 Oct.", tags=("deployment",))
    notes = set_annotation(c, notes, lonely.id, verdict=Verdict.FOLLOW_UP, credibility=2)
    return c, notes, diverge, lonely


def test_annotations_attach_to_rows(annotated):
    c, notes, diverge, lonely = annotated
    resolved = resolve_all(c, notes)
    assert resolved.by_key[diverge.id].verdict is Verdict.CONTRADICTION
    assert resolved.by_key[lonely.id].credibility == 2
    assert resolved.orphans == ()


def test_clearing_every_field_removes_the_annotation(annotated):
    c, notes, diverge, _ = annotated
    notes = set_annotation(c, notes, diverge.id, verdict=Verdict.NONE, note="", tags=())
    assert diverge.id not in resolve_all(c, notes).by_key


def test_annotations_survive_another_threshold(annotated):
    c, notes, diverge, lonely = annotated
    again = compare_texts(load_text(c.a.text), load_text(c.b.text), CompareOptions(threshold=22))
    resolved = resolve_all(again, notes)
    keys = {k: n.verdict for k, n in resolved.by_key.items()}
    assert Verdict.CONTRADICTION in keys.values() and Verdict.FOLLOW_UP in keys.values()
    pair_key = next(k for k, v in keys.items() if v is Verdict.CONTRADICTION)
    pair = next(p for p in again.pairs if p.id == pair_key)
    assert "likely deployment" in again.sentence(pair.a[0]).text


def test_annotations_survive_small_edits_and_orphan_when_removed(annotated):
    c, notes, diverge, lonely = annotated
    edited_b = c.b.text.replace("The KPA was established in 1948", "The KPA was founded in 1948")
    again = compare_texts(load_text(c.a.text), load_text(edited_b))
    resolved = resolve_all(again, notes)
    assert any(n.verdict is Verdict.FOLLOW_UP for n in resolved.by_key.values())
    removed = c.b.text.replace(lonely.text, "")
    third = compare_texts(load_text(c.a.text), load_text(removed))
    resolved = resolve_all(third, notes)
    assert [n.verdict for n in resolved.orphans] == [Verdict.FOLLOW_UP]
    assert resolved.orphans[0].anchors[0].text == lonely.text


def test_session_round_trip_reopens_identically(annotated, tmp_path):
    c, notes, *_ = annotated
    grades = {"A": SourceGrade("C", "The Moscow Times op-ed, 2024"), "B": SourceGrade("B", "")}
    path = tmp_path / "work.cmpsession"
    save_session(path, session_of(c, notes, grades))
    s = load_session(path)
    assert s.sources[0].text == c.a.text and s.sources[1].sha256 == c.b.sha256
    assert s.annotations == notes and s.grades == grades
    again = compare_texts(*s.sources, s.options)
    assert again.pairs == c.pairs
    assert list(tmp_path.iterdir()) == [path]  # no temp files left behind


@pytest.mark.parametrize("content, problem", [
    (b"", "empty"),
    (b"{\"schema\": \"compare-app.session\", \"version\": 1, \"documents\": [", "corrupted or "
                                                                                "truncated"),
    (b"\x89PNG\r\n\x1a\n\x00\x00", "binary"),
    (json.dumps({"schema": "something-else"}).encode(), "not a compare-app session"),
    (json.dumps({"schema": "compare-app.session", "version": 99}).encode(), "newer compare-app"),
    (json.dumps({"schema": "compare-app.session", "version": 1, "documents": [{}]}).encode(),
     "damaged"),
])
def test_bad_session_files_are_refused_and_left_untouched(tmp_path, content, problem):
    path = tmp_path / "bad.cmpsession"
    path.write_bytes(content)
    before = path.stat().st_mtime_ns
    with pytest.raises(SessionError) as err:
        load_session(path)
    assert problem in str(err.value) and "bad.cmpsession" in str(err.value)
    assert "\n" not in str(err.value)
    assert path.read_bytes() == content and path.stat().st_mtime_ns == before


WRITER = """
import sys
from compare_app.core.loading import load_text
from compare_app.core.compare import compare_texts
from compare_app.core.annotations import set_annotation, Verdict
from compare_app.core.session import save_session, session_of
path = sys.argv[1]
c = compare_texts(load_text(" ".join(f"Officials counted {i} troops near Kursk on day {i}."
                                     for i in range(300))),
                  load_text("Officials counted 7 troops near Kursk on day 7."))
notes = ()
i = 0
print("ready", flush=True)
while True:
    i += 1
    notes = set_annotation(c, notes, c.pairs[0].id, note=f"revision {i} " + "x" * (i % 5000))
    save_session(path, session_of(c, notes, {}))
"""


def test_killed_writer_never_leaves_a_corrupt_session(tmp_path):
    path = tmp_path / "killed.cmpsession"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    seen_revisions = set()
    for round_ in range(12):
        proc = subprocess.Popen([sys.executable, "-c", WRITER, str(path)], env=env,
                                stdout=subprocess.PIPE, text=True)
        assert proc.stdout.readline().strip() == "ready"
        time.sleep(0.05 + 0.037 * round_)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        if path.exists():
            session = load_session(path)  # never raises: old or new, never half
            note = session.annotations[0].note
            assert note.startswith("revision ")
            seen_revisions.add(note.split()[1])
    assert seen_revisions  # the writer did get sessions onto disk


def test_saved_files_get_ordinary_permissions(annotated, tmp_path):
    c, notes, *_ = annotated
    path = tmp_path / "shared.cmpsession"
    save_session(path, session_of(c, notes, {}))
    umask = os.umask(0)
    os.umask(umask)
    assert path.stat().st_mode & 0o777 == 0o666 & ~umask
    path.chmod(0o640)
    save_session(path, session_of(c, notes, {}))
    assert path.stat().st_mode & 0o777 == 0o640
