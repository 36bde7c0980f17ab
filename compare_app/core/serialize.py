"""The stable, versioned JSON contract and the plain-text summary of a Comparison."""

from __future__ import annotations

import textwrap
from collections.abc import Iterator

from .. import __version__
from .json_text import Streamed, iter_indented
from .models import Comparison, Document, Pair, Relation, Sentence, Status

SCHEMA = "compare-app.comparison"
SCHEMA_VERSION = 1


def sentence_json(s: Sentence, status: Status, *, keep: bool = True) -> dict:
    """`keep=False` reads the claim features without caching them (one pass over a long text)."""
    f = s.features if keep else s.read_features()
    return {
        "id": s.id, "start": s.start, "end": s.end, "text": s.text, "kind": s.kind.value,
        "status": status.value, "certainty": f.certainty.to_json(),
        "numbers": [n.to_json() for n in f.numbers], "dates": [d.to_json() for d in f.dates],
        "entities": [e.to_json() for e in f.entities],
        "attribution": [a.to_json() for a in f.attribution],
        "negations": [n.to_json() for n in f.negations],
    }


def document_json(doc: Document, statuses: dict[str, Status], *, streamed: bool = False) -> dict:
    sentences = (sentence_json(s, statuses[s.id], keep=not streamed) for s in doc.sentences)
    return {
        "label": doc.label, "path": doc.path, "title": doc.title, "sha256": doc.sha256,
        "encoding": doc.encoding, "warnings": list(doc.warnings), "length": len(doc.text),
        "text": doc.text,
        "sentences": Streamed(sentences) if streamed else list(sentences),
    }


def pair_json(p: Pair) -> dict:
    out = {"id": p.id, "a": list(p.a), "b": list(p.b), "score": p.score,
           "relation": p.relation.value, "reasons": [r.to_json() for r in p.reasons],
           "diff": [d.to_json() for d in p.diff]}
    if p.linked_by_analyst or p.relation_by_analyst:  # only on pairs the analyst corrected
        out["analyst"] = {"linked": p.linked_by_analyst, "relation": p.relation_by_analyst}
    return out


def comparison_json(c: Comparison, *, streamed: bool = False) -> dict:
    """The JSON contract as Python data; `streamed` leaves the sentence lists as `Streamed`
    generators for `iter_json`."""
    return {
        "schema": SCHEMA,
        "version": SCHEMA_VERSION,
        "tool": {"name": "compare-app", "version": __version__},
        "settings": c.options.to_json(),
        "documents": [document_json(c.a, c.statuses, streamed=streamed),
                      document_json(c.b, c.statuses, streamed=streamed)],
        "pairs": [pair_json(p) for p in c.pairs],
        "summary": c.summary.to_json(),
    }


def iter_json(c: Comparison) -> Iterator[str]:
    """`dumps(c)` in pieces, one sentence at a time: a long text's JSON is never held whole."""
    yield from iter_indented(comparison_json(c, streamed=True))
    yield "\n"


def dumps(c: Comparison) -> str:
    return "".join(iter_json(c))


def support_share(c: Comparison, label: str) -> tuple[int, int]:
    """(supported, total) claims of one document: supported means agree or diverge with the
    other."""
    doc = c.document(label)
    relevant = [s for s in doc.sentences if c.statuses[s.id] not in (Status.EXCLUDED,)]
    supported = [s for s in relevant if c.statuses[s.id] in (Status.AGREE, Status.DIVERGE)]
    return len(supported), len(relevant)


def _units(n: int) -> str:
    return f"{n} unit" if n == 1 else f"{n} units"


REPORT_WIDTH = 100
_CHUNKS = textwrap.TextWrapper.wordsep_re  # words, spaces and the breakable parts of hyphenations


def _wrap(text: str, indent: str) -> str:
    """`textwrap.fill` of the text with its whitespace collapsed, by a plain greedy pass (several
    times faster: a long text lists thousands of sentences); textwrap itself for a word too long
    for a line."""
    flat = " ".join(text.split())
    width = REPORT_WIDTH - len(indent)
    if len(flat) <= width:
        return indent + flat if flat else ""
    lines = _hyphen_lines(flat, width) if "-" in flat else _space_lines(flat, width)
    if lines is None:
        return _wrap_reference(text, indent)
    return indent + ("\n" + " " * len(indent)).join(lines)


def _space_lines(flat: str, width: int) -> list[str] | None:
    """Lines of words and single spaces: each as many whole words as fit (None: a word does
    not fit on a line)."""
    lines = []
    while len(flat) > width:
        cut = flat.rfind(" ", 0, width + 1)
        if cut < 0:
            return None
        lines.append(flat[:cut])
        flat = flat[cut + 1:]
    lines.append(flat)
    return lines


def _hyphen_lines(flat: str, width: int) -> list[str] | None:
    """Lines over textwrap's own chunks, which may break after a hyphen (None: a chunk does not
    fit on a line)."""
    chunks = [c for c in _CHUNKS.split(flat) if c]
    if max(map(len, chunks)) > width:
        return None
    lines: list[str] = []
    line: list[str] = []
    used = 0
    for chunk in chunks:
        if used + len(chunk) > width:  # the line is full: end it without its trailing space
            lines.append("".join(line[:-1] if line[-1] == " " else line))
            line, used = [], 0
            if chunk == " ":
                continue  # nor does the next line start with one
        line.append(chunk)
        used += len(chunk)
    if line and line[-1] == " ":
        line.pop()
    if line:
        lines.append("".join(line))
    return lines


def _wrap_reference(text: str, indent: str) -> str:
    return textwrap.fill(" ".join(text.split()), width=REPORT_WIDTH, initial_indent=indent,
                         subsequent_indent=" " * len(indent))


def _pair_lines(c: Comparison, p: Pair) -> list[str]:
    mark = f"; {p.analyst_mark}" if p.analyst_mark else ""
    return [f"- {p.id} (score {p.score:g}{mark})",
            _wrap(" ".join(c.sentence(i).text for i in p.a), "    A: "),
            _wrap(" ".join(c.sentence(i).text for i in p.b), "    B: ")]


def text_report(c: Comparison) -> str:
    """A readable terminal summary: documents, counts, divergences with reasons, unsupported
    claims."""
    out: list[str] = []
    for doc in (c.a, c.b):
        n = sum(1 for s in doc.sentences if not s.excluded)
        out.append(f"{doc.label}: {doc.title}  ({doc.path or 'pasted text'}; {_units(n)} compared, "
                   f"{c.summary.excluded[doc.label]} excluded)")
        for warning in doc.warnings:
            out.append(f"   warning: {warning}")
    s = c.summary
    out.append("")
    out.append(f"Pairs: {s.agree} agree, {s.diverge} diverge, {s.related} related   "
               f"(threshold {c.options.threshold:g})")
    out.append(f"Unsupported: {s.unsupported['A']} only in A, {s.unsupported['B']} only in B")
    for label in ("A", "B"):
        got, total = support_share(c, label)
        pct = 100 * got / total if total else 0
        out.append(f"{label}: counterpart in the other source for {got} of {_units(total)} "
                   f"({pct:.0f}%)")
    sections = ((Relation.DIVERGE, "Divergences"), (Relation.AGREE, "Agreements"),
                (Relation.RELATED, "Related (same subject, no directly comparable claim)"))
    for relation, heading in sections:
        pairs = [p for p in c.pairs if p.relation is relation]
        if pairs:
            out.extend(("", heading))
        for p in pairs:
            out.extend(_pair_lines(c, p))
            out.extend(_wrap(r.explanation, f"    [{r.kind.value}] ") for r in p.reasons)
    for doc in (c.a, c.b):
        lonely = [x for x in doc.sentences if c.statuses[x.id] is Status.UNSUPPORTED]
        if lonely:
            out.append("")
            out.append(f"Only in {doc.label} ({len(lonely)})")
            for x in lonely:
                out.append(_wrap(f"{x.id} [{x.kind.value}] {x.text}", "- "))
    return "\n".join(out) + "\n"
