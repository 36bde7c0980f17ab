"""Markdown, CSV and JSON reports: the same rows and annotations as the HTML report.

Markdown escapes every character that could start markup or raw HTML; CSV is UTF-8 with a BOM and
CRLF for spreadsheets, with a leading apostrophe on cells a spreadsheet would run as a formula.
"""

from __future__ import annotations

import csv
import io
import json
import logging
import re

from ... import __version__
from ..annotations import Annotation
from ..models import Comparison, Status
from ..serialize import comparison_json, support_share
from ..status_style import STYLES
from .common import (
    Prepared,
    ReportInput,
    Row,
    credibility_text,
    grade_text,
    prepare,
    settings_text,
    title_of,
    when_text,
    where,
)

log = logging.getLogger(__name__)

CSV_HEADER = ("row", "status", "a_ids", "b_ids", "a_text", "b_text", "score", "reasons", "verdict",
              "note", "tags", "credibility", "analyst")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~&])")
_LINE_START = re.compile(r"^(\d*)([-+=.)])")
_HEX_DIGEST = re.compile(r"[0-9a-fA-F]{8,128}")


def md(text: str) -> str:
    """Inline Markdown: whitespace collapsed, every punctuation mark that means markup escaped."""
    return _MD_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def digest_md(digest: str) -> str:
    """A file digest as code, or escaped text if it is not one (a session is only a file: a
    backtick in a crafted "sha256" would end the code span and let markup through)."""
    return f"`{digest}`" if _HEX_DIGEST.fullmatch(digest) else md(digest)


def md_block(text: str, indent: str) -> str:
    """A multi-line note kept as lines, each escaped and indented under its list item."""
    lines = [_LINE_START.sub(r"\1\\\2", md(line)) for line in text.strip().splitlines()]
    return "\n".join(f"{indent}{line}" if line else "" for line in lines)


def _verdict_md(note: Annotation | None) -> str:
    if note is None:
        return "no verdict"
    bits = [f"**{md(note.verdict.label)}**"]
    if note.credibility is not None:
        bits.append(f"credibility {md(credibility_text(note.credibility))}")
    if note.tags:
        bits.append("tags: " + md(", ".join(note.tags)))
    return " · ".join(bits)


def _pair_md(out: list[str], row: Row) -> None:
    st = STYLES[row.status]
    out.append(f"### {st.glyph} {row.key} · {st.label} · score {row.score:g}")
    out.append("")
    out.append(f"- **A** ({', '.join(row.a_ids)}): {md(row.a_text)}")
    out.append(f"- **B** ({', '.join(row.b_ids)}): {md(row.b_text)}")
    if row.analyst:
        out.append(f"- **Analyst**: {md(row.analyst)}")
    for reason in row.reasons:
        out.append(f"- **{reason.kind.value}**: {md(reason.explanation)}")
    out.append(f"- Verdict: {_verdict_md(row.annotation)}")
    if row.annotation and row.annotation.note.strip():
        out.append("- Note:")
        out.append(md_block(row.annotation.note, "  "))
    out.append("")


def _header_md(out: list[str], r: ReportInput, prep: Prepared) -> None:
    c = r.comparison
    s = c.summary
    out += [f"# {md(title_of(r))}", "",
            (f"Generated {md(when_text(r.generated_at))} by compare-app {md(__version__)}; "
             f"settings: {md(settings_text(c.options))}."), "",
            "| | A | B |", "|---|---|---|"]
    grades = [r.grades.get(d.label) for d in (c.a, c.b)]
    rows = [("Title", [md(d.title or "(untitled)") for d in (c.a, c.b)]),
            ("File", [md(where(d)) for d in (c.a, c.b)]),
            ("SHA-256", [digest_md(d.sha256) for d in (c.a, c.b)]),
            ("Encoding", [md(d.encoding) for d in (c.a, c.b)]),
            ("Source grade", [md(grade_text(g)) for g in grades]),
            ("Provenance", [md(g.provenance) if g else "" for g in grades])]
    if c.a.warnings or c.b.warnings:
        rows.append(("Warnings", [md("; ".join(d.warnings)) for d in (c.a, c.b)]))
    out += [f"| {name} | {cells[0]} | {cells[1]} |" for name, cells in rows]
    out += ["", "## Summary", "",
            f"- Pairs: {s.agree} agree, {s.diverge} diverge, {s.related} related",
            f"- Unsupported: {s.unsupported['A']} only in A, {s.unsupported['B']} only in B",
            f"- Excluded (not claims): {s.excluded['A']} in A, {s.excluded['B']} in B"]
    for label in ("A", "B"):
        got, total = support_share(c, label)
        pct = 100 * got / total if total else 0
        out.append(f"- {label}: {got} of {total} compared sentences have a counterpart "
                   f"({pct:.0f}%)")
    annotated = sum(1 for _, key in prep.placed if key is not None)
    out += [f"- Analyst annotations: {annotated} on rows, {len(prep.orphans)} orphaned", "",
            "Legend: " + "; ".join(f"{st.glyph} {st.label}: {st.meaning}"
                                   for st in STYLES.values()), ""]


def _lone_md(out: list[str], c: Comparison, prep: Prepared) -> None:
    out += ["## Unsupported claims", ""]
    for doc in (c.a, c.b):
        rows = prep.of(Status.UNSUPPORTED, doc.label)
        out += [f"### Only in {doc.label} ({len(rows)})", ""]
        if not rows:
            out += ["None.", ""]
            continue
        out += ["| Row | Kind | Sentence | Verdict | Note |", "|---|---|---|---|---|"]
        for row in rows:
            note = row.annotation
            out.append(f"| {row.key} | {md(row.kind)} | {md(row.a_text or row.b_text)} | "
                       f"{_verdict_md(note) if note else ''} | {md(note.note) if note else ''} |")
        out.append("")


def _notes_md(out: list[str], prep: Prepared) -> None:
    noted = [row for row in prep.rows if row.annotation is not None]
    out += [f"## Analyst notes ({len(noted)})", ""]
    if not noted:
        out += ["No annotations.", ""]
    for row in noted:
        out.append(f"- **{row.key}** ({STYLES[row.status].label}): {_verdict_md(row.annotation)}")
        if row.annotation and row.annotation.note.strip():
            out.append(md_block(row.annotation.note, "  "))
    if prep.orphans:
        out += ["", f"### Orphaned annotations ({len(prep.orphans)})", "",
                "Their sentences are no longer found in these texts.", ""]
        for note in prep.orphans:
            attached = "; ".join(f"{a.doc}: “{md(a.text)}”" for a in note.anchors)
            out.append(f"- {_verdict_md(note)}; attached to {attached}")
            if note.note.strip():
                out.append(md_block(note.note, "  "))
    out.append("")


def _corrections_md(out: list[str], r: ReportInput) -> None:
    lines = r.correction_lines()
    if not lines:
        return
    out += [f"## Analyst's corrections ({len(lines)})", "",
            "Links the analyst made, removed or judged by hand; they override the engine.", ""]
    for line in lines:
        out.append(f"- **{md(line.where)}**: {md(line.what)}")
        out.append(f"  - A: {md(line.a_text)}")
        out.append(f"  - B: {md(line.b_text)}")
    out.append("")


def markdown_report(r: ReportInput) -> str:
    c = r.comparison
    prep = prepare(r)
    out: list[str] = []
    _header_md(out, r, prep)
    diverging = prep.of(Status.DIVERGE)
    out += [f"## Divergences ({len(diverging)})", ""]
    if not diverging:
        out += ["No divergences found.", ""]
    for row in diverging:
        _pair_md(out, row)
    others = prep.of(Status.AGREE) + prep.of(Status.RELATED)
    out += [f"## Agreements and related pairs ({len(others)})", ""]
    if not others:
        out += ["None.", ""]
    for row in others:
        _pair_md(out, row)
    _lone_md(out, c, prep)
    _notes_md(out, prep)
    _corrections_md(out, r)
    return "\n".join(out).rstrip("\n") + "\n"


def cell(value: object) -> str:
    """A spreadsheet-safe cell: text a spreadsheet would evaluate gets a leading apostrophe."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def csv_report(r: ReportInput) -> str:
    """One row per pair and unsupported sentence; UTF-8 BOM and CRLF so Excel opens it cleanly."""
    prep = prepare(r)
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(CSV_HEADER)
    for row in prep.rows:
        note = row.annotation
        reasons = " | ".join(f"{x.kind.value}: {x.explanation}" for x in row.reasons)
        values = (row.key, row.status.value, " ".join(row.a_ids), " ".join(row.b_ids), row.a_text,
                  row.b_text, "" if row.score is None else f"{row.score:g}", reasons,
                  note.verdict.value if note else "", note.note if note else "",
                  ", ".join(note.tags) if note else "",
                  "" if note is None or note.credibility is None else note.credibility,
                  row.analyst)
        writer.writerow([cell(v) for v in values])
    return "\ufeff" + buf.getvalue()


def json_report(r: ReportInput) -> str:
    """The engine's JSON contract, plus the annotations (with their rows) and the source grades."""
    prep = prepare(r)
    data = comparison_json(r.comparison)
    data["generated_at"] = r.generated_at
    data["grades"] = {k: g.to_json() for k, g in sorted(r.grades.items())}
    data["annotations"] = [
        {"row": key, "orphaned": key is None, "verdict": note.verdict.value, "note": note.note,
         "tags": list(note.tags), "credibility": note.credibility,
         "anchors": [a.to_json() for a in note.anchors]}
        for note, key in prep.placed]
    data["corrections"] = [
        {**line.correction.to_json(), "placed": line.placed,
         "ids": line.where.split(" ↔ ") if line.placed else None}
        for line in r.correction_lines()]
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
