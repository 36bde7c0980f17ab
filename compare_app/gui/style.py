"""Status colours (Okabe–Ito, colour-blind safe) and the non-colour cue for each status."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette, QTextCharFormat

from ..core.models import Relation, Status

# Okabe & Ito (2008) palette: fills (tints, bands, underlines)...
STATUS_COLORS: dict[Status, str] = {
    Status.AGREE: "#009E73",        # bluish green
    Status.DIVERGE: "#D55E00",      # vermillion
    Status.RELATED: "#56B4E9",      # sky blue
    Status.UNSUPPORTED: "#F0E442",  # yellow
    Status.EXCLUDED: "#999999",     # grey
}
# ...and darker inks of the same hues for text on light or dark backgrounds.
INK_COLORS: dict[Status, str] = {
    Status.AGREE: "#008060",
    Status.DIVERGE: "#D55E00",
    Status.RELATED: "#0072B2",
    Status.UNSUPPORTED: "#A08C00",
    Status.EXCLUDED: "#888888",
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


def ink(status: Status) -> QColor:
    return QColor(INK_COLORS[status])


def tint(status: Status, palette: QPalette, strength: int = 60) -> QColor:
    """A background tint readable on both light and dark bases."""
    c = color(status)
    light = palette.base().color().lightness() > 128
    if status is Status.UNSUPPORTED and light:
        strength += 30  # yellow is faint on white
    c.setAlpha(strength if light else strength + 20)
    return c


def sentence_format(status: Status, palette: QPalette) -> QTextCharFormat:
    fmt = QTextCharFormat()
    if status is Status.EXCLUDED:
        fmt.setForeground(palette.placeholderText().color())
        return fmt
    fmt.setBackground(tint(status, palette))
    fmt.setUnderlineStyle(UNDERLINES[status])
    fmt.setUnderlineColor(ink(status))
    return fmt


def selected_format(status: Status, palette: QPalette) -> QTextCharFormat:
    fmt = sentence_format(status, palette)
    fmt.setBackground(tint(status, palette, 150))
    fmt.setFontWeight(600)
    return fmt
