"""Status colours (Okabe–Ito, colour-blind safe) and the non-colour cue for each status."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette, QTextCharFormat

from ..core.models import Relation, Status

# Okabe & Ito (2008) palette.
STATUS_COLORS: dict[Status, str] = {
    Status.AGREE: "#009E73",        # bluish green
    Status.DIVERGE: "#D55E00",      # vermillion
    Status.RELATED: "#0072B2",      # blue
    Status.UNSUPPORTED: "#E69F00",  # orange
    Status.EXCLUDED: "#999999",     # grey
}
# Second cue, independent of colour: underline style in the text, glyph in the margin and table.
UNDERLINES: dict[Status, QTextCharFormat.UnderlineStyle] = {
    Status.AGREE: QTextCharFormat.UnderlineStyle.SingleUnderline,
    Status.DIVERGE: QTextCharFormat.UnderlineStyle.WaveUnderline,
    Status.RELATED: QTextCharFormat.UnderlineStyle.DotLine,
    Status.UNSUPPORTED: QTextCharFormat.UnderlineStyle.DashUnderline,
    Status.EXCLUDED: QTextCharFormat.UnderlineStyle.NoUnderline,
}
GLYPHS: dict[Status, str] = {
    Status.AGREE: "=",
    Status.DIVERGE: "≠",
    Status.RELATED: "~",
    Status.UNSUPPORTED: "+",
    Status.EXCLUDED: "·",
}
LABELS: dict[Status, str] = {
    Status.AGREE: "Agree",
    Status.DIVERGE: "Diverge",
    Status.RELATED: "Related",
    Status.UNSUPPORTED: "Unsupported",
    Status.EXCLUDED: "Excluded",
}
UNDERLINE_NAMES: dict[Status, str] = {
    Status.AGREE: "solid underline",
    Status.DIVERGE: "wavy underline",
    Status.RELATED: "dotted underline",
    Status.UNSUPPORTED: "dashed underline",
    Status.EXCLUDED: "greyed text",
}


def status_of_relation(relation: Relation) -> Status:
    return Status(relation.value)


def color(status: Status) -> QColor:
    return QColor(STATUS_COLORS[status])


def tint(status: Status, palette: QPalette, strength: int = 55) -> QColor:
    """A background tint readable on both light and dark bases."""
    c = color(status)
    c.setAlpha(strength if palette.base().color().lightness() > 128 else strength + 25)
    return c


def sentence_format(status: Status, palette: QPalette) -> QTextCharFormat:
    fmt = QTextCharFormat()
    if status is Status.EXCLUDED:
        fmt.setForeground(palette.placeholderText().color())
        return fmt
    fmt.setBackground(tint(status, palette))
    fmt.setUnderlineStyle(UNDERLINES[status])
    fmt.setUnderlineColor(color(status))
    return fmt


def selected_format(status: Status, palette: QPalette) -> QTextCharFormat:
    fmt = sentence_format(status, palette)
    fmt.setBackground(tint(status, palette, 150))
    fmt.setFontWeight(600)
    return fmt
