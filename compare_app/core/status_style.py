"""How each status looks, in one table: the window and every report translate it (Qt formats and
painted marks in the GUI, CSS in the HTML report).

Emphasis follows what the analyst looks for first: divergences (strongest tint, thick wavy line),
then agreements (calm tint, double line), related pairs (faint tint, dotted line), claims only one
source makes (no tint, thin dashed line) and text that is not a claim (grey, no line). The line
styles differ in shape, not only in colour, so the statuses stay apart in greyscale.
"""

from __future__ import annotations

from dataclasses import dataclass

from .models import Status

__all__ = ["BY_EMPHASIS", "STYLES", "StatusStyle", "mix_with_white"]


def mix_with_white(colour: str, percent: int) -> str:
    """`percent` of `colour` over white, as #RRGGBB (0 gives white)."""
    rgb = [int(colour[i:i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(c * percent / 100 + 255 * (100 - percent) / 100):02X}"
                         for c in rgb)


@dataclass(frozen=True)
class StatusStyle:
    """A status's colours, emphasis and non-colour cues."""

    label: str
    glyph: str
    fill: str        # the Okabe–Ito colour of the status (bands, swatches)
    ink: str         # darker ink of the same hue, for text and lines
    strength: int    # percent of `fill` in the background tint; 0 = no tint
    line: str        # line under the text, as CSS text-decoration-style ("" for none)
    thickness: float  # line thickness in pixels at default zoom
    line_ink: str    # colour of that line: the ink, or a paler one for a quiet mark
    line_name: str
    meaning: str
    rank: int        # emphasis order: 0 draws the eye first

    @property
    def tint(self) -> str:
        """The background for black text on white ("" when the status has none)."""
        return mix_with_white(self.fill, self.strength) if self.strength else ""


STYLES: dict[Status, StatusStyle] = {
    Status.AGREE: StatusStyle("Agree", "=", "#009E73", "#007A5A", 18, "double", 1.0, "#007A5A",
                              "double underline", "both sources report it compatibly", 1),
    Status.DIVERGE: StatusStyle("Diverge", "≠", "#D55E00", "#B84F00", 38, "wavy", 2.0, "#B84F00",
                                "thick wavy underline", "both address it but conflict", 0),
    Status.RELATED: StatusStyle("Related", "~", "#56B4E9", "#0072B2", 14, "dotted", 2.0, "#0072B2",
                                "dotted underline", "same subject, not directly comparable", 2),
    Status.UNSUPPORTED: StatusStyle("Unsupported", "+", "#F0E442", "#8C7A00", 0, "dashed", 1.0,
                                    "#BBAE5E",
                                    "thin dashed underline, no tint", "only one source says it",
                                    3),
    Status.EXCLUDED: StatusStyle("Excluded", "·", "#999999", "#767676", 0, "", 0.0, "",
                                 "grey text", "not a claim (heading, caption, boilerplate, "
                                 "cut-off fragment, quoted voice)", 4),
}
# The statuses in the order the eye should take them: divergences first.
BY_EMPHASIS: tuple[Status, ...] = tuple(sorted(STYLES, key=lambda s: STYLES[s].rank))
