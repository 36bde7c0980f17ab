"""Words that say which way something moved only in some places.

"Lost 2 percent" and "up 5 percent" are a fall and a rise, "closed higher" and "edged down" say
where a level went, and "a record high" is the top end of a measure; elsewhere the same words are
an outcome ("lost the vote"), a particle ("set up"), a kind ("higher education") or a name ("high
school"). Each such word gets the direction key ("^up", "^down") of a plain word of change.
"""

from __future__ import annotations

from .cue_reach import Word
from .normalize import RECORD_LEVEL

_POLES = {"high": "^up", "highest": "^up", "low": "^down", "lowest": "^down"}
_WITH_FIGURE = {"lose": "^down", "loses": "^down", "lost": "^down", "losing": "^down",
                "up": "^up", "down": "^down"}
_COMPARATIVES = {"higher": "^up", "lower": "^down"}
# Verbs after which "higher" or "lower" tells where a level moved ("closed higher", "were lower").
_MOVED = frozenset("""closed close closes ended end ends finished finish opened traded trade trades
moved edged inched was were is are be been""".split())


# Verbs after which "up" or "down" tells which way something moved ("edged up", "picked up");
# "ended up", "shut down" or "stepped down" name no change of a level, and "was down" may be a
# site out of service (with a figure on, "were down 3%", it is a fall).
_MOVED_BY_PARTICLE = frozenset("""edged edges edging ticked ticks ticking inched inches inching
crept creeps creeping went moved moves moving picked picks picking drifted drifts
drifting""".split())


# Verbs that make a phrase of their own with "up" or "down" ("take up two cases", "set up
# three panels", "voted down two bills"): no rise or fall even with a figure after.
_PHRASE_HEADS = frozenset("""take takes took taken taking set sets setting sign signs signed
make makes made making shut shuts turn turns turned step steps stepped vote votes voted
put puts putting give gives gave bring brings brought sum sums summed line lines
lined hold holds held""".split())
# "Lower" after a determiner, a possessive or a year is an adjective ("a 2019 lower court
# ruling", "the lower house"), not the verb.
_BEFORE_ADJECTIVE = frozenset("a an the its their his her our this that these those".split())

# Words after a verb of change that make an idiom, not a move of a level ("talks fell apart",
# "the deal fell through", "fell ill", "fell short of a majority").
_IDIOM_AFTER = frozenset("apart through ill silent asleep victim prey short behind".split())


def changes_in_context(words: list[Word]) -> None:
    """Words that go up or down only in some places. "Lost 2 percent" is a fall and "up 5
    percent" a rise, with a figure at most one word on ("down nearly 2 percent"; not "up to 5",
    a ceiling), and so are "up" and "down" after a verb of moving or being ("edged up", "were
    down"); otherwise "lost the vote" is an outcome and "up" a particle. "Higher" and
    "lower" after a verb of closing, trading or being ("closed higher", "prices were lower")
    tell where a level moved; before a noun ("higher education") they name a kind. A verb of
    change in an idiom ("fell apart", "fell short") moves nothing."""
    for k, w in enumerate(words):
        low = w.text.lower()
        key = _WITH_FIGURE.get(low)
        if key is None and low not in _COMPARATIVES:
            if w.key[:1] == "^" and k + 1 < len(words) and words[k + 1].text.lower() in (
                    _IDIOM_AFTER):
                words[k] = w._replace(key=w.stem)  # "negotiations fell apart": no fall
            continue  # the usual word: none of the tests below can apply
        before = words[k - 1] if k else None
        if low == "lower" and before is not None and (
                before.text.lower() in _BEFORE_ADJECTIVE or before.key[:1] == "="
                or before.text.endswith(("'s", "’s"))):
            words[k] = w._replace(key=w.stem)  # "a 2019 lower court ruling": a kind of court
            continue
        if low in ("up", "down") and before is not None and before.text.lower() in _PHRASE_HEADS:
            continue  # "will take up two key cases"
        particle = low in ("up", "down") and k and words[k - 1].text.lower() in _MOVED_BY_PARTICLE
        before_to = k + 1 < len(words) and words[k + 1].text.lower() == "to" and not (
            particle)  # "edged up to 3.2%" moved
        figure_on = any(x.key[:1] == "=" for x in words[k + 1:k + 3])
        if key and not before_to and (particle or figure_on):
            words[k] = w._replace(key=key)
        elif low in _COMPARATIVES and k and words[k - 1].text.lower() in _MOVED and (
                k + 1 == len(words) or not words[k + 1].content
                or words[k + 1].text.lower() in ("than", "on", "in", "at", "after", "for")):
            words[k] = w._replace(key=_COMPARATIVES[low])


def record_poles(words: list[Word], text: str, base: int) -> None:
    """A record level says which way the measure went: "a record high" and "the lowest since
    records began" are opposite ends, as "rose" and "fell" are (the word alone, as in "high
    school", names no direction)."""
    lowered = text.lower()
    if "low" not in lowered and "high" not in lowered:
        return
    for m in RECORD_LEVEL.finditer(text):
        for k, w in enumerate(words):
            pole = _POLES.get(w.text.lower())
            if pole and base + m.start() <= w.start < base + m.end():
                words[k] = w._replace(key=pole)
