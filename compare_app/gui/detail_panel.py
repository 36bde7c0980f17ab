"""Details of the selected pair or sentence: word diff, reasons in plain English, features."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from PySide6.QtWidgets import QTextBrowser, QWidget

from ..core.bidi import SENTENCE_WARNING, has_bidi_marker
from ..core.ids import is_pair_id
from ..core.models import Comparison, DiffOp, Pair, Sentence, Status
from .style import INK_COLORS, LABELS, status_of_relation

_INS = "background-color:#CDE8F6;color:#000000;text-decoration:underline;"
_DEL = "background-color:#F6D3BF;color:#000000;text-decoration:line-through;"


def diff_html(pair: Pair) -> str:
    """Both sides' text with insertions (B only) underlined and deletions (A only) struck out."""
    return ops_html(pair.diff)


def ops_html(ops: Sequence[DiffOp]) -> str:
    """A word diff as rich text: the second text's words underlined, the first's struck out."""
    parts = []
    for op in ops:
        if op.op == "equal":
            parts.append(escape(op.a_text))
        if op.op in ("delete", "replace") and op.a_text:
            parts.append(f'<span style="{_DEL}" title="only in A">{escape(op.a_text)}</span>')
        if op.op in ("insert", "replace") and op.b_text:
            parts.append(f'<span style="{_INS}" title="only in B">{escape(op.b_text)}</span>')
    return " ".join(p for p in parts if p)


def _features(s: Sentence, status: Status) -> str:
    f = s.features
    rows = [f"<b>{s.id}</b> · {escape(s.kind.value)} · {LABELS[status].lower()}",
            f"certainty: {escape(f.certainty.label)}"
            + (f" (“{escape(f.certainty.cue.text)}”)" if f.certainty.cue else "")]
    if has_bidi_marker(s.text):
        rows.insert(1, f"<b style='color:#B00020'>⚠ {escape(SENTENCE_WARNING)}</b>")
    if f.attribution:
        rows.append("attributed to: " + "; ".join(escape(a.source) for a in f.attribution))
    if f.numbers:
        rows.append("numbers: " + ", ".join(escape(n.span.text) for n in f.numbers))
    if f.dates:
        rows.append("dates: " + ", ".join(escape(d.span.text) for d in f.dates))
    if f.negations:
        rows.append("negation: " + ", ".join(escape(n.text) for n in f.negations))
    return "<br>".join(rows)


CLOSEST_MIN_SCORE = 10.0  # a candidate this likely (%) is named beside "no sentence makes it"


def _none_said(c: Comparison, key: str) -> str:
    """That the other side makes no such claim, at the comparison's sensitivity, with the
    closest candidate when there is a plausible one (the analyst may link it under Links)."""
    other = "B" if key.startswith("A") else "A"
    if c.statuses.get(key) is not Status.UNSUPPORTED:
        return f"No sentence of {other} makes this claim."
    best = max(c.suggestions.get(key, ()), key=lambda cand: cand[1], default=None)
    if best is None or best[1] < CLOSEST_MIN_SCORE:
        return f"No sentence of {other} makes this claim."
    near_id, score = best
    near = c.sentence(near_id).text
    shown = near if len(near) <= 90 else near[:89].rstrip() + "…"
    return (f"No sentence of {other} makes this claim at match sensitivity "
            f"{c.options.threshold:g}. The closest is {near_id} (score {score:g}), listed under "
            f"Links to link by hand: “{escape(shown)}”")


class DetailPanel(QTextBrowser):
    """Read-only rich text; rebuilt on each selection (cheap: one pair)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setPlaceholderText("Select a pair or a sentence to see why it is marked as it is.")

    def show_key(self, comparison: Comparison, key: str | None) -> None:
        if not key:
            self.clear()
            return
        if is_pair_id(key):
            pair = comparison.pair(key)
            self.setHtml(self._pair_html(comparison, pair))
        else:
            s = comparison.sentence(key)
            status = comparison.statuses[key]
            self.setHtml(f"<h3 style='color:{INK_COLORS[status]}'>{LABELS[status]}: only in "
                         f"{s.doc}</h3><p>{escape(s.text)}</p><p>{_none_said(comparison, key)}"
                         f"</p><p style='font-size:small'>{_features(s, status)}</p>")

    def _pair_html(self, c: Comparison, pair: Pair) -> str:
        status = status_of_relation(pair.relation)
        mark = f" · <i>{escape(pair.analyst_mark)}</i>" if pair.analyst_mark else ""
        head = (f"<h3 style='color:{INK_COLORS[status]}'>{LABELS[status]} · {pair.id} · "
                f"score {pair.score:g}{mark}</h3>")
        if pair.reasons:
            reasons = "<ul>" + "".join(
                f"<li><b>{escape(r.kind.value)}</b>: {escape(r.explanation)}</li>"
                for r in pair.reasons) + "</ul>"
        elif status is Status.RELATED:
            reasons = "<p>Same subject, but not a directly comparable claim.</p>"
        else:
            reasons = ("<p>No conflicting number, date, actor, negation, certainty or "
                       "attribution.</p>")
        a = "<br>".join(_features(c.sentence(i), c.statuses[i]) for i in pair.a)
        b = "<br>".join(_features(c.sentence(i), c.statuses[i]) for i in pair.b)
        return (f"{head}{reasons}<p><b>Word diff</b> (<span style='{_DEL}'>only A</span>, "
                f"<span style='{_INS}'>only B</span>)<br>{diff_html(pair)}</p>"
                f"<table width='100%' cellspacing='4'><tr><td valign='top' width='50%'><b>A</b><br>"
                f"<small>{a}</small></td><td valign='top'><b>B</b><br><small>{b}</small></td>"
                f"</tr></table>")
