"""The HTML report: one self-contained page that runs nothing and loads nothing.

Every piece of document text and every annotation goes through `html.escape(quote=True)`; the
page carries a Content-Security-Policy that forbids scripts and external resources, and holds no
URLs of its own. With `for_qt` the same content is laid out for Qt's rich-text engine (tables and
single-class selectors only), which is how the PDF is made.
"""

from __future__ import annotations

import logging
from html import escape

from ... import __version__
from ..annotations import Annotation
from ..models import Comparison, Document, Status
from ..serialize import support_share
from ..status_style import BY_EMPHASIS, STYLES, mix_with_white
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

CSP = "default-src 'none'; style-src 'unsafe-inline'"


def esc(text: object) -> str:
    return escape(str(text), quote=True)


def esc_lines(text: str) -> str:
    """Escaped text whose line breaks survive (notes, document texts)."""
    return esc(text).replace("\n", "<br>")


def _css_thickness(line: str, px: float) -> str:
    """Browsers draw a double line as two strokes inside the thickness: give it room for both."""
    return f"{px * 3 if line == 'double' else px * 1.25:g}px"


def _status_css(for_qt: bool) -> str:
    rules = []
    for status, st in STYLES.items():
        name = status.value
        fill = f"background-color: {st.tint}; " if st.tint else ""
        if not st.line:
            rules.append(f".{name} {{ color: {st.ink}; }}")
        elif for_qt:  # Qt draws only plain underlines from CSS; report_pdf restyles them by colour
            rules.append(f".{name} {{ {fill}text-decoration: underline; "
                         f"text-decoration-color: {st.line_ink}; }}")
        else:
            rules.append(f".{name} {{ {fill}text-decoration: underline {st.line} {st.line_ink}; "
                         f"text-decoration-thickness: {_css_thickness(st.line, st.thickness)}; }}")
        rules.append(f".g-{name} {{ color: {st.ink}; font-weight: bold; }}")
        band = st.tint or mix_with_white(st.fill, 20)
        rules.append(f".band-{name} {{ background-color: {band}; }}")
    return "\n".join(rules)


BROWSER_CSS = """
:root { color-scheme: light; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans",
       sans-serif; color: #1A1A1A; background: #FFFFFF; max-width: 1320px; margin: 24px auto;
       padding: 0 24px; }
h1 { font-size: 1.7em; margin: 0 0 4px; }
h2 { font-size: 1.25em; margin: 28px 0 10px; padding-bottom: 4px; border-bottom: 2px solid #DDD; }
h3 { font-size: 1.05em; margin: 18px 0 6px; }
.sub { color: #555; margin: 0 0 14px; }
table { border-collapse: collapse; width: 100%; margin: 6px 0 12px; }
th, td { text-align: left; vertical-align: top; padding: 5px 9px; border: 1px solid #D4D4D4; }
thead th, th.rowhead { background: #F3F3F3; }
th.rowhead { width: 10em; font-weight: 600; }
.mono { font-family: ui-monospace, "DejaVu Sans Mono", Consolas, monospace; font-size: 0.85em;
        word-break: break-all; }
.muted { color: #666; }
.counts td { text-align: center; font-size: 0.95em; }
.counts td { width: 16%; }
.counts .n { font-size: 1.6em; font-weight: 700; line-height: 1.3; }
.legend td { padding: 4px 9px; }
.pair { break-inside: avoid; page-break-inside: avoid; }
.pair th.side { width: 5.5em; }
.pair th.head { font-weight: 600; }
.reason-kind { font-weight: 600; }
.analyst { font-weight: 600; color: #5A2D82; }
.verdict { font-weight: 600; }
.cue { font-weight: 700; }
.texts { table-layout: fixed; }
.texts td { width: 50%; font-size: 0.93em; line-height: 1.6; }
.s { text-underline-offset: 3px; text-decoration-skip-ink: none;
     -webkit-box-decoration-break: clone; box-decoration-break: clone; }
.g { display: inline-block; font-size: 0.78em; }
.sample { padding: 1px 4px; }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 10pt; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  @page { size: A4; margin: 15mm; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
  .pair, .legend, .counts, .docs tr, .lone tr { break-inside: avoid; page-break-inside: avoid; }
  .texts tr { break-inside: auto; page-break-inside: auto; }
  .texts td { font-size: 8.5pt; }
  .side-by-side { break-before: page; page-break-before: always; }
}
"""

QT_CSS = """
body { font-size: 9pt; color: #1A1A1A; }
h1 { font-size: 17pt; }
h2 { font-size: 13pt; margin-top: 16px; }
h3 { font-size: 10.5pt; margin-top: 10px; }
th { background-color: #F3F3F3; text-align: left; }
.mono { font-family: "DejaVu Sans Mono", monospace; font-size: 7.5pt; }
.muted { color: #666666; }
.sub { color: #555555; }
.n { font-size: 15pt; font-weight: bold; }
.reason-kind { font-weight: bold; }
.analyst { font-weight: bold; color: #5A2D82; }
.verdict { font-weight: bold; }
.cue { font-weight: bold; }
.g { font-size: 7pt; }
.texts { font-size: 8pt; }
.newpage { page-break-before: always; }
"""


class _Html:
    """Collects the page; `table()` gives Qt the attributes it needs and browsers the classes."""

    def __init__(self, for_qt: bool) -> None:
        self.for_qt = for_qt
        self.parts: list[str] = []

    def add(self, *chunks: str) -> None:
        self.parts.extend(chunks)

    def table(self, cls: str, padding: int = 4) -> str:
        if self.for_qt:
            return (f'<table class="{cls}" width="100%" border="1" cellspacing="0" '
                    f'cellpadding="{padding}" style="border-collapse: collapse; '
                    f'border-style: solid; border-color: #C8C8C8;">')
        return f'<table class="{cls}">'


def _with_cues(doc: Document, ids: tuple[str, ...], cues: list[tuple[int, int]]) -> str:
    """The sentences' text, escaped, with the spans a reason points at in bold."""
    out: list[str] = []
    for sid in ids:
        s = doc.sentence(sid)
        inside = sorted((max(a, s.start), min(b, s.end)) for a, b in cues
                        if a < s.end and b > s.start)
        pos = s.start
        chunk: list[str] = []
        for a, b in inside:
            a = max(a, pos)
            if a >= b:
                continue
            chunk.append(esc(doc.text[pos:a]))
            chunk.append(f'<span class="cue">{esc(doc.text[a:b])}</span>')
            pos = b
        chunk.append(esc(doc.text[pos:s.end]))
        out.append("".join(chunk))
    return " ".join(out)


def _annotation_cells(note: Annotation | None) -> str:
    if note is None:
        return '<span class="muted">no verdict</span>'
    bits = [f'<span class="verdict">{esc(note.verdict.label)}</span>']
    if note.credibility is not None:
        bits.append(f"credibility {esc(credibility_text(note.credibility))}")
    if note.tags:
        bits.append("tags: " + esc(", ".join(note.tags)))
    text = " · ".join(bits)
    if note.note.strip():
        text += f"<br>{esc_lines(note.note.strip())}"
    return text


def _header(h: _Html, r: ReportInput) -> None:
    c = r.comparison
    h.add("<h1>Comparison report</h1>",
          f'<p class="sub">A: {esc(c.a.title or "(untitled)")} &nbsp;|&nbsp; '
          f'B: {esc(c.b.title or "(untitled)")}</p>', h.table("docs"),
          '<thead><tr><th></th><th>A</th><th>B</th></tr></thead><tbody>')
    grades = [r.grades.get(d.label) for d in (c.a, c.b)]
    facts = [
        ("Title", [esc(d.title or "(untitled)") for d in (c.a, c.b)]),
        ("File", [f'<span class="mono">{esc(where(d))}</span>' for d in (c.a, c.b)]),
        ("SHA-256", [f'<span class="mono">{esc(d.sha256)}</span>' for d in (c.a, c.b)]),
        ("Encoding", [esc(d.encoding) for d in (c.a, c.b)]),
        ("Source grade", [esc(grade_text(g)) for g in grades]),
        ("Provenance", [esc_lines(g.provenance) if g and g.provenance else "" for g in grades]),
        ("Sentences", [f"{sum(1 for s in d.sentences if not s.excluded)} compared, "
                       f"{c.summary.excluded[d.label]} excluded" for d in (c.a, c.b)]),
    ]
    if c.a.warnings or c.b.warnings:
        facts.append(("Warnings", [esc("; ".join(d.warnings)) for d in (c.a, c.b)]))
    for name, cells in facts:
        h.add(f'<tr><th class="rowhead">{name}</th><td>{cells[0]}</td><td>{cells[1]}</td></tr>')
    h.add("</tbody></table>",
          f'<p class="muted">Generated {esc(when_text(r.generated_at))} by compare-app '
          f"{esc(__version__)}; "
          f"settings: {esc(settings_text(c.options))}.</p>")


def _summary(h: _Html, r: ReportInput, prep: Prepared) -> None:
    c = r.comparison
    s = c.summary
    cells = [(Status.AGREE, s.agree, "pairs agree"), (Status.DIVERGE, s.diverge, "pairs diverge"),
             (Status.RELATED, s.related, "pairs related"),
             (Status.UNSUPPORTED, s.unsupported["A"], "only in A"),
             (Status.UNSUPPORTED, s.unsupported["B"], "only in B"),
             (Status.EXCLUDED, s.excluded["A"] + s.excluded["B"], "excluded (A + B)")]
    h.add("<h2>Summary</h2>", h.table("counts", 6), "<tr>")
    for status, n, what in cells:
        h.add(f'<td class="band-{status.value}" align="center"><span class="n">{n}</span>'
              f"<br>{STYLES[status].glyph} {esc(what)}</td>")
    h.add("</tr></table><p>")
    for label in ("A", "B"):
        got, total = support_share(c, label)
        pct = 100 * got / total if total else 0
        h.add(f"{label}: {got} of {total} compared sentences have a counterpart in the other "
              f"source ({pct:.0f}%).<br>")
    annotated = sum(1 for _, key in prep.placed if key is not None)
    h.add(f"Analyst annotations: {annotated} on rows, {len(prep.orphans)} orphaned.</p>")


def _legend(h: _Html) -> None:
    h.add("<h3>Legend</h3>", h.table("legend"))
    for status in BY_EMPHASIS:  # as the window's legend
        st = STYLES[status]
        h.add(f'<tr><td width="22%"><span class="s {status.value}">'
              f'<span class="g g-{status.value}">'
              f'{st.glyph}</span> {esc(st.label)}</span></td>'
              f"<td>{esc(st.line_name)}, glyph {st.glyph}</td><td>{esc(st.meaning)}</td></tr>")
    h.add("</table>")


def _pair(h: _Html, c: Comparison, row: Row) -> None:
    st = STYLES[row.status]
    cues_a = [(x.a.start, x.a.end) for x in row.reasons if x.a]
    cues_b = [(x.b.start, x.b.end) for x in row.reasons if x.b]
    head = (f'<span class="g-{row.status.value}">{st.glyph}</span> {esc(row.key)} · '
            f"{esc(st.label)} · score {row.score:g}")
    if row.analyst:
        head += f' · <span class="analyst">✎ {esc(row.analyst)}</span>'
    lines = [("A", esc(" ".join(row.a_ids)), _with_cues(c.a, row.a_ids, cues_a)),
             ("B", esc(" ".join(row.b_ids)), _with_cues(c.b, row.b_ids, cues_b))]
    if row.reasons:
        lines.append(("Reasons", "", "<br>".join(
            f'<span class="reason-kind">{esc(x.kind.value)}</span>: {esc(x.explanation)}'
            for x in row.reasons)))
    lines.append(("Verdict", "", _annotation_cells(row.annotation)))
    h.add(h.table("pair"),
          f'<tr><th colspan="2" class="head band-{row.status.value}">{head}</th></tr>')
    for name, ids, body in lines:
        sub = f'<br><span class="muted">{ids}</span>' if ids else ""
        h.add(f'<tr><th class="side" width="11%">{name}{sub}</th><td>{body}</td></tr>')
    h.add("</table>")


def _pairs(h: _Html, c: Comparison, prep: Prepared) -> None:
    diverging = prep.of(Status.DIVERGE)
    h.add(f"<h2>Divergences ({len(diverging)})</h2>")
    if not diverging:
        h.add('<p class="muted">No divergences found.</p>')
    for row in diverging:
        _pair(h, c, row)
    others = prep.of(Status.AGREE) + prep.of(Status.RELATED)
    h.add(f"<h2>Agreements and related pairs ({len(others)})</h2>")
    if not others:
        h.add('<p class="muted">None.</p>')
    for row in others:
        _pair(h, c, row)


def _unsupported(h: _Html, c: Comparison, prep: Prepared) -> None:
    h.add("<h2>Unsupported claims</h2>")
    for doc in (c.a, c.b):
        rows = prep.of(Status.UNSUPPORTED, doc.label)
        h.add(f"<h3>Only in {doc.label} ({len(rows)})</h3>")
        if not rows:
            h.add('<p class="muted">None.</p>')
            continue
        h.add(h.table("lone"), '<thead><tr><th width="8%">Row</th><th width="11%">Kind</th>'
                               '<th>Sentence</th><th width="28%">Verdict and note</th>'
                               "</tr></thead>")
        for row in rows:
            text = row.a_text or row.b_text
            h.add(f'<tr><td>{esc(row.key)}</td><td>{esc(row.kind)}</td><td>{esc(text)}</td>'
                  f"<td>{_annotation_cells(row.annotation) if row.annotation else ''}</td></tr>")
        h.add("</table>")


def _notes(h: _Html, prep: Prepared) -> None:
    noted = [row for row in prep.rows if row.annotation is not None]
    h.add(f"<h2>Analyst notes ({len(noted)})</h2>")
    if not noted:
        h.add('<p class="muted">No annotations.</p>')
    else:
        h.add(h.table("notes"), '<thead><tr><th width="8%">Row</th><th width="12%">Status</th>'
                                "<th>Verdict and note</th></tr></thead>")
        for row in noted:
            st = STYLES[row.status]
            h.add(f"<tr><td>{esc(row.key)}</td><td>{st.glyph} {esc(st.label)}</td>"
                  f"<td>{_annotation_cells(row.annotation)}</td></tr>")
        h.add("</table>")
    orphans = prep.orphans
    if orphans:
        h.add(f"<h3>Orphaned annotations ({len(orphans)})</h3>",
              '<p class="muted">Their sentences are no longer found in these texts.</p>',
              h.table("orphans"), '<thead><tr><th width="45%">Attached to</th>'
                                  "<th>Verdict and note</th></tr></thead>")
        for note in orphans:
            attached = "<br>".join(f"{esc(a.doc)}: “{esc(a.text)}”" for a in note.anchors)
            h.add(f"<tr><td>{attached}</td><td>{_annotation_cells(note)}</td></tr>")
        h.add("</table>")


def _corrections(h: _Html, r: ReportInput) -> None:
    lines = r.correction_lines()
    if not lines:
        return
    h.add(f"<h2>Analyst's corrections ({len(lines)})</h2>",
          '<p class="muted">Links the analyst made, removed or judged by hand; they override '
          "the engine.</p>",
          h.table("corrections"), '<thead><tr><th width="16%">Sentences</th>'
                                  '<th width="18%">Decision</th><th>A</th><th>B</th></tr></thead>')
    for line in lines:
        where = esc(line.where) if line.placed else f'<span class="muted">{esc(line.where)}</span>'
        h.add(f'<tr><td>{where}</td><td><span class="analyst">✎ {esc(line.what)}</span></td>'
              f"<td>{esc(line.a_text)}</td><td>{esc(line.b_text)}</td></tr>")
    h.add("</table>")


def marked_text(c: Comparison, doc: Document) -> str:
    """The whole document, escaped, each sentence tinted and underlined with its glyph in front."""
    out: list[str] = []
    pos = 0
    pair_of = {sid: c.pair_of(sid).id for p in c.pairs for sid in p.a + p.b}  # type: ignore[union-attr]
    for s in doc.sentences:
        out.append(esc_lines(doc.text[pos:s.start]))
        status = c.statuses[s.id]
        st = STYLES[status]
        pair = pair_of.get(s.id, "")
        tip = f"{s.id}: {st.label}" + (f" in {pair}" if pair else "")
        mark = st.glyph + pair
        out.append(f'<span class="s {status.value}" title="{esc(tip)}">'
                   f'<span class="g g-{status.value}">{esc(mark)}\u2009</span>'
                   f"{esc_lines(doc.text[s.start:s.end])}</span>")
        pos = s.end
    out.append(esc_lines(doc.text[pos:]))
    return "".join(out)


def _texts(h: _Html, c: Comparison) -> None:
    h.add('<div class="side-by-side"><h2 class="newpage">The two texts</h2>',
          '<p class="muted">Each sentence carries its status glyph, and its pair id where it has '
          "one; the tint and underline follow the legend.</p>")
    _legend(h)
    h.add(h.table("texts", 6),
          f'<thead><tr><th width="50%">A: {esc(c.a.title or "(untitled)")}</th>'
          f'<th width="50%">B: {esc(c.b.title or "(untitled)")}</th></tr></thead>',
          f'<tr><td class="text-a" width="50%">{marked_text(c, c.a)}</td>'
          f'<td class="text-b" width="50%">{marked_text(c, c.b)}</td></tr></table></div>')


def html_report(r: ReportInput, *, for_qt: bool = False) -> str:
    """The full page; see the module docstring for what makes it safe."""
    c = r.comparison
    prep = prepare(r)
    css = (QT_CSS if for_qt else BROWSER_CSS) + _status_css(for_qt)
    h = _Html(for_qt)
    h.add("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">",
          f'<meta http-equiv="Content-Security-Policy" content="{esc(CSP)}">',
          '<meta name="viewport" content="width=device-width, initial-scale=1">',
          '<meta name="referrer" content="no-referrer">',
          f"<title>{esc(title_of(r))}</title><style>{css}</style></head><body>")
    _header(h, r)
    _summary(h, r, prep)
    _legend(h)
    _pairs(h, c, prep)
    _unsupported(h, c, prep)
    _notes(h, prep)
    _corrections(h, r)
    _texts(h, c)
    h.add("</body></html>\n")
    return "".join(h.parts) if for_qt else "\n".join(h.parts)

