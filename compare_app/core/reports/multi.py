"""What three or more sources say, as text, JSON (contract version 2), Markdown, CSV and HTML:
the corroboration matrix, one row per claim and one column per source."""

from __future__ import annotations

import csv
import io
import json
import textwrap
from html import escape

from ... import __version__
from ..annotations import RELIABILITY, Annotation, SourceGrade
from ..atomic import write_text_atomic
from ..clusters import CellState, Cluster
from ..ids import sentence_number
from ..multi import MultiComparison
from ..serialize import SCHEMA, document_json, pair_json
from .registry import print_html_pdf
from .text import cell as safe
from .text import md

MULTI_VERSION = 2
Notes = dict[str, Annotation]  # the analyst's note on a claim, by claim id
MARKS = {CellState.STATED: "●", CellState.DIFFERENT: "≠", CellState.RELATED: "~",
         CellState.SILENT: ""}
WORDS = {CellState.STATED: "stated", CellState.DIFFERENT: "stated differently",
         CellState.RELATED: "related", CellState.SILENT: "silent"}


def ordered(m: MultiComparison) -> list[Cluster]:
    """Conflicts first, then by how many independent sources make the claim, then reading order."""
    rank = {c.id: n for n, c in enumerate(m.clusters)}
    return sorted(m.clusters, key=lambda c: (not c.conflict, -c.independent, -c.support,
                                             rank[c.id]))


def best_grade(cluster: Cluster, grades: dict[str, SourceGrade]) -> str:
    """The most reliable Admiralty grade among the sources that make the claim ("" if none)."""
    letters = sorted(g.reliability for s in cluster.sources
                     if (g := grades.get(s)) is not None and g.reliability in "ABCDE"
                     and g.reliability)
    return letters[0] if letters else ""


def claim_text(m: MultiComparison, cluster: Cluster) -> str:
    """The claim in the words of the first source that makes it."""
    for cell in cluster.cells:
        if cell.sentences and cell.state is not CellState.SILENT:
            return " ".join(m.sentence_text(s) for s in cell.sentences)
    return ""


def counts(m: MultiComparison) -> dict[str, int]:
    claims = [c for c in m.clusters if c.support >= 1]
    return {"claims": len(claims),
            "corroborated": sum(1 for c in claims if c.support >= 2),
            "independently": sum(1 for c in claims if c.independent >= 2),
            "conflicts": sum(1 for c in claims if c.conflict),
            "single_source": sum(1 for c in claims if c.support == 1)}


def plural(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


def shared_copy_lines(m: MultiComparison) -> list[str]:
    return [f"{s.sources[0]} and {s.sources[1]} share wire copy for {plural(s.claims, 'claim')}"
            for s in m.shared_copy]


# ---------------------------------------------------------------------------------- text
def _wrap(text: str, indent: str) -> str:
    return textwrap.fill(" ".join(text.split()), width=100, initial_indent=indent,
                         subsequent_indent=" " * len(indent))


def _support(c: Cluster) -> str:
    return (f"{c.support} source{'s' if c.support != 1 else ''}, "
            f"{c.independent} independent")


def multi_text(m: MultiComparison) -> str:
    """The plain-text summary `compare A B C` prints."""
    out = []
    for doc in m.documents:
        compared = sum(1 for s in doc.sentences if not s.excluded)
        out.append(f"{doc.label}: {doc.title}  ({doc.path or 'pasted text'}; {compared} units "
                   f"compared)")
    n = counts(m)
    out += ["", f"Claims: {n['claims']}; made by two or more sources: {n['corroborated']} "
                f"({n['independently']} by independent sources); conflicts: {n['conflicts']}; "
                f"single-source: {n['single_source']}   (threshold {m.options.threshold:g})"]
    out += [f"Shared copy: {line}." for line in shared_copy_lines(m)]
    for title, rows in (("Conflicts", [c for c in ordered(m) if c.conflict]),
                        ("Corroborated", [c for c in ordered(m)
                                          if not c.conflict and c.support >= 2])):
        out += ["", title] + ([] if rows else ["- none"])
        for c in rows:
            out.append(f"- {c.id} ({_support(c)})")
            for cell in c.cells:
                if cell.state is CellState.SILENT:
                    continue
                text = " ".join(m.sentence_text(s) for s in cell.sentences)
                out.append(_wrap(text, f"    {cell.source} {MARKS[cell.state]}: "))
                for r in cell.reasons:
                    out.append(_wrap(r.explanation, f"      [{r.kind.value}] "))
    single = {label: sum(1 for c in m.clusters if c.sources == (label,)) for label in m.labels}
    out += ["", "Single-source claims: " + ", ".join(f"{k} {v}" for k, v in single.items())]
    return "\n".join(out) + "\n"


# ---------------------------------------------------------------------------------- JSON
def _note_json(note: Annotation | None) -> dict | None:
    return None if note is None else {"verdict": note.verdict.value, "note": note.note,
                                      "tags": list(note.tags), "credibility": note.credibility}


def cluster_json(m: MultiComparison, c: Cluster, grades: dict[str, SourceGrade],
                 notes: Notes | None = None) -> dict:
    return {"id": c.id, "annotation": _note_json((notes or {}).get(c.id)), "support": c.support,
            "independent": c.independent,
            "conflict": c.conflict, "best_grade": best_grade(c, grades) or None,
            "origins": [list(g) for g in c.origins],
            "cells": [{"source": cell.source, "state": cell.state.value,
                       "sentences": list(cell.sentences), "against": list(cell.against),
                       "reasons": [r.to_json() for r in cell.reasons]} for cell in c.cells]}


def multi_json_data(m: MultiComparison, grades: dict[str, SourceGrade] | None = None,
                    notes: Notes | None = None) -> dict:
    grades = grades or {}
    return {
        "schema": SCHEMA, "version": MULTI_VERSION,
        "tool": {"name": "compare-app", "version": __version__},
        "settings": m.options.to_json(),
        "documents": [document_json(d, m.statuses) for d in m.documents],
        "comparisons": [{"a": a, "b": b, "pairs": [pair_json(p) for p in c.pairs],
                         "summary": c.summary.to_json()} for (a, b), c in m.pairwise.items()],
        "claims": [cluster_json(m, c, grades, notes) for c in m.clusters],
        "shared_copy": [{"sources": list(s.sources), "claims": s.claims} for s in m.shared_copy],
        "summary": counts(m),
    }


def multi_json(m: MultiComparison, grades: dict[str, SourceGrade] | None = None,
               notes: Notes | None = None) -> str:
    return json.dumps(multi_json_data(m, grades, notes), ensure_ascii=False, indent=2) + "\n"


# ---------------------------------------------------------------------------------- CSV
def multi_csv(m: MultiComparison, grades: dict[str, SourceGrade] | None = None,
              notes: Notes | None = None) -> str:
    """One row per claim, one column per source (state, sentence ids and text)."""

    grades = grades or {}
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(["claim", "support", "independent", "conflict", "best_grade", "text",
                     *m.labels, "verdict", "note"])
    for c in ordered(m):
        per_source = []
        for cell in c.cells:
            if cell.state is CellState.SILENT:
                per_source.append("")
                continue
            why = "; ".join(r.explanation for r in cell.reasons)
            text = " ".join(m.sentence_text(s) for s in cell.sentences)
            per_source.append(f"{WORDS[cell.state]} ({' '.join(cell.sentences)}): {text}"
                              + (f" [{why}]" if why else ""))
        note = (notes or {}).get(c.id)
        row = [c.id, c.support, c.independent, "yes" if c.conflict else "",
               best_grade(c, grades), claim_text(m, c), *per_source,
               note.verdict.value if note else "", note.note if note else ""]
        writer.writerow([safe(v) for v in row])
    return "\ufeff" + buf.getvalue()


# ---------------------------------------------------------------------------------- Markdown
def _md(text: str) -> str:
    return md(text)


def _verdict(note: Annotation | None) -> str:
    if note is None:
        return ""
    return (note.verdict.label if note.verdict.value else "") + (" ✎" if note.note else "")


def multi_markdown(m: MultiComparison, grades: dict[str, SourceGrade] | None = None,
                   notes: Notes | None = None) -> str:
    grades, notes = grades or {}, notes or {}
    n = counts(m)
    titles = " / ".join(d.title or d.label for d in m.documents)
    out = [f"# {_md('Corroboration report: ' + titles)}",
           "", f"compare-app {_md(__version__)}; threshold {m.options.threshold:g}.", "",
           "| Source | Title | File | Grade |", "|---|---|---|---|"]
    for d in m.documents:
        g = grades.get(d.label)
        grade = f"{g.reliability} ({RELIABILITY[g.reliability]})" if g and g.reliability else ""
        out.append(f"| {d.label} | {_md(d.title)} | {_md(d.path or 'pasted text')} | "
                   f"{_md(grade)} |")
    out += ["", "## Summary", "",
            f"- Claims: {n['claims']}; made by two or more sources: {n['corroborated']} "
            f"({n['independently']} independently); conflicts: {n['conflicts']}; "
            f"single-source: {n['single_source']}"]
    out += [f"- Shared copy: {_md(line)}" for line in shared_copy_lines(m)]
    out += ["", "## Corroboration matrix", "",
            "● stated · ≠ stated differently · ~ related · blank: silent. *Independent* counts "
            "sources that share wire copy for a claim once.", "",
            "| Claim | " + " | ".join(m.labels)
            + " | Support | Independent | Best grade | Verdict |",
            "|---|" + "---|" * (len(m.labels) + 4)]
    for c in ordered(m):
        if c.support < 2:
            continue
        marks = " | ".join(MARKS[cell.state] for cell in c.cells)
        out.append(f"| {c.id}: {_md(claim_text(m, c))} | {marks} | {c.support} | "
                   f"{c.independent} | {best_grade(c, grades)} | "
                   f"{_md(_verdict(notes.get(c.id)))} |")
    conflicts = [c for c in ordered(m) if c.conflict]
    out += ["", f"## Conflicts ({len(conflicts)})", ""] + ([] if conflicts else ["None.", ""])
    for c in conflicts:
        out += [f"### {c.id} ({_md(_support(c))})", ""]
        for cell in c.cells:
            if cell.state is CellState.SILENT:
                continue
            text = " ".join(m.sentence_text(s) for s in cell.sentences)
            out.append(f"- **{cell.source}** {MARKS[cell.state]} {_md(text)}")
            out += [f"  - {r.kind.value}: {_md(r.explanation)}" for r in cell.reasons]
        out.append("")
    noted = [c for c in ordered(m) if c.id in notes]
    out += [f"## Analyst notes on claims ({len(noted)})", ""] + ([] if noted else ["None.", ""])
    for c in noted:
        note = notes[c.id]
        out.append(f"- **{c.id}** ({_md(_verdict(note) or 'no verdict')}): "
                   f"{_md(claim_text(m, c))}")
        if note.note.strip():
            out.append(f"  - {_md(note.note)}")
    out.append("")
    by_source = single_by_source(m)
    out += [f"## Single-source claims ({sum(len(mine) for _, mine in by_source)})", ""]
    for label, mine in by_source:
        out += [f"### {label} ({len(mine)})", ""]
        out += [f"- **{c.id}** {_md(own_text(m, c, label) + related_note(c))}" for c in mine]
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


def single_by_source(m: MultiComparison) -> list[tuple[str, list[Cluster]]]:
    """Each source with the claims only it makes, in its reading order."""
    single = [c for c in m.clusters if c.support == 1]
    return [(label, sorted((c for c in single if c.sources == (label,)),
                           key=lambda c, n=n: [sentence_number(s) for s in c.cells[n].sentences]))
            for n, label in enumerate(m.labels)]


def own_text(m: MultiComparison, c: Cluster, label: str) -> str:
    """The claim in the words of one source."""
    return " ".join(m.sentence_text(s) for s in c.cells[m.labels.index(label)].sentences)


def related_note(c: Cluster) -> str:
    """"(related in C)": the sources that say something related but not the same claim."""
    related = [cell.source for cell in c.cells if cell.state is CellState.RELATED]
    return f" (related in {', '.join(related)})" if related else ""


# ---------------------------------------------------------------------------------- HTML
MULTI_CSS = """
body { font-family: system-ui, "DejaVu Sans", sans-serif; max-width: 1200px; margin: 24px auto;
       padding: 0 16px; color: #1A1A1A; line-height: 1.45; }
table { border-collapse: collapse; width: 100%; margin: 6px 0 14px; }
th, td { border: 1px solid #D4D4D4; padding: 5px 8px; text-align: left; vertical-align: top; }
thead th { background: #F3F3F3; }
td.mark { text-align: center; font-size: 1.15em; width: 3.2em; }
td.stated { background: #C6EBDF; } td.different { background: #F8D9C4; font-weight: 700; }
td.related { background: #D3EBF9; } td.silent { color: #999; }
.muted { color: #666; } .reason { font-weight: 600; }
"""


def multi_html(m: MultiComparison, grades: dict[str, SourceGrade] | None = None,
               notes: Notes | None = None) -> str:
    grades, notes = grades or {}, notes or {}
    n = counts(m)
    title = "Corroboration report: " + " / ".join(d.title or d.label for d in m.documents)
    h = ["<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
         "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
         "style-src 'unsafe-inline'\">", f"<title>{escape(title)}</title>",
         f"<style>{MULTI_CSS}</style></head><body>", f"<h1>{escape(title)}</h1>",
         f'<p class="muted">compare-app {escape(__version__)}; threshold '
         f"{m.options.threshold:g}.</p>", "<table><thead><tr><th>Source</th><th>Title</th>"
         "<th>File</th><th>Grade</th></tr></thead>"]
    for d in m.documents:
        g = grades.get(d.label)
        grade = f"{g.reliability} ({RELIABILITY[g.reliability]})" if g and g.reliability else ""
        h.append(f"<tr><td>{d.label}</td><td>{escape(d.title)}</td>"
                 f"<td>{escape(d.path or 'pasted text')}</td><td>{escape(grade)}</td></tr>")
    h.append("</table><h2>Summary</h2><p>")
    h.append(f"Claims: {n['claims']}; made by two or more sources: {n['corroborated']} "
             f"({n['independently']} independently); conflicts: {n['conflicts']}; "
             f"single-source: {n['single_source']}.")
    h += [f"<br>Shared copy: {escape(line)}." for line in shared_copy_lines(m)]
    h.append("</p><h2>Corroboration matrix</h2><p class=\"muted\">● stated · ≠ stated "
             "differently · ~ related · blank: silent. <i>Independent</i> counts sources that "
             "share wire copy for a claim once.</p><table><thead><tr><th>Claim</th>")
    h += [f'<th class="mark">{label}</th>' for label in m.labels]
    h.append("<th>Support</th><th>Independent</th><th>Best grade</th><th>Verdict and note</th>"
             "</tr></thead>")
    for c in ordered(m):
        if c.support < 2:
            continue
        h.append(f"<tr><td><b>{c.id}</b> {escape(claim_text(m, c))}")
        for cell in c.cells:
            if cell.state is CellState.DIFFERENT:
                h += [f'<br><span class="reason">{cell.source} ≠</span> {escape(r.explanation)}'
                      for r in cell.reasons[:2]]
        h.append("</td>")
        h += [f'<td class="mark {cell.state.value}" title="{WORDS[cell.state]}">'
              f"{MARKS[cell.state]}</td>" for cell in c.cells]
        note = notes.get(c.id)
        said = f"<br>{escape(note.note)}" if note and note.note else ""
        h.append(f"<td>{c.support}</td><td>{c.independent}</td>"
                 f"<td>{escape(best_grade(c, grades))}</td>"
                 f"<td>{escape(_verdict(note))}{said}</td></tr>")
    h.append("</table>")
    by_source = single_by_source(m)
    h.append(f"<h2>Single-source claims ({sum(len(mine) for _, mine in by_source)})</h2>")
    for label, mine in by_source:
        h.append(f"<h3>{label} ({len(mine)})</h3><ul>")
        h += [f"<li><b>{c.id}</b> {escape(own_text(m, c, label))}"
              f'<span class="muted">{escape(related_note(c))}</span></li>' for c in mine]
        h.append("</ul>")
    h.append("</body></html>\n")
    return "\n".join(h)


WRITERS = {"html": multi_html, "md": multi_markdown, "csv": multi_csv, "json": multi_json}


def write_multi_report(m: MultiComparison, path: str, fmt: str,
                       grades: dict[str, SourceGrade] | None = None,
                       notes: Notes | None = None) -> None:
    """Write the corroboration report atomically; PDF goes through Qt like the pair report."""
    if fmt == "pdf":
        print_html_pdf(multi_html(m, grades, notes), "Corroboration report", path)
        return
    write_text_atomic(path, WRITERS[fmt](m, grades, notes))
