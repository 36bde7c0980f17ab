"""Acronyms that no text defines, read as the name whose initials they are.

A report writes "the FDA" where another writes "the Food and Drug Administration", with no
"Food and Drug Administration (FDA)" anywhere to link them. An acronym of three to six capitals
(not an ordinary word in capitals, such as a heading's "NEWS") is linked to a run of
capitalised words in either text whose initials spell it; "of", "the", "and", "for" and "&"
between them are skipped ("Centers for Disease Control"), though "of" may give its letter
("Department of Justice", DOJ). The link is left out when it is unsure: two names spelling one
acronym ("Democratic National Committee" / "Democratic National Convention", DNC), a run in a
headline's title case ("Government Orders Probe Into Crash"), or words across a full stop.
"""

from __future__ import annotations

import re

from .claims import CAP_WORD_BOUNDED  # bounded: a run of capitals in one token stays linear
from .lexicon import is_common_word
from .normalize import stem_sequence

# An acronym, also as a possessive or before a hyphen ("the FDA’s panel", "FDA-approved")
_ACRONYM = re.compile(r"(?<![\w.’'&-])([A-Z]{3,6})(?:(?=[’']s\b)|(?=-[a-z])|(?![\w’'&-]))")
# Runs of capitalised words with up to two joining words between them; a run starts at a word's
# start only, and is never longer than a name
_CAP_RUN = re.compile(rf"(?<![\w’'.&-]){CAP_WORD_BOUNDED}(?:[ \t]+(?:(?:of|the|and|for|&)[ \t]+)"
                      rf"{{0,2}}{CAP_WORD_BOUNDED}){{1,9}}")
_JOINERS = frozenset("of the and for &".split())
_POSSESSIVE = re.compile(r"[’']s$")
# Words that only a headline capitalises inside a run: such a run is a headline, not a name
_HEADLINE_WORDS = frozenset("""A An The And Or But Of In On At To For With From Into About As By
Over After Before Against Up Down Out Is Are Was Were Be Has Have Will""".split())
# Abbreviations whose full stop ends no sentence ("Gov. Andrew Cuomo")
_ABBREVIATIONS = frozenset("""Gov Sen Rep Dr St Mt Ft Gen Col Lt Sgt Jr Sr Mr Mrs Ms Prof Dept
Corp Inc Co Adm Capt Maj Rev""".split())


def spelled_acronyms(*texts: str) -> list[tuple[str, str]]:
    """(long form, acronym) pairs that no definition gives but whose initials match, each
    acronym with one long form at most (see the module's notes)."""
    wanted = {a for text in texts for a in _ACRONYM.findall(text) if not is_common_word(a)}
    if not wanted:
        return []
    longest = max(map(len, wanted))
    forms: dict[str, dict[tuple[str, ...], str]] = {}
    for text in texts:
        for m in _CAP_RUN.finditer(text):
            for words in _name_runs(m.group().split()):
                for start, first in enumerate(words):
                    if first in _JOINERS or first.isupper():
                        continue
                    for end, letters in _initials(words, start, longest):
                        if letters in wanted:
                            long_form = " ".join(words[start:end + 1])
                            forms.setdefault(letters, {})[stem_sequence(long_form)] = long_form
    return [(next(iter(spelled.values())), acronym) for acronym, spelled in forms.items()
            if len(spelled) == 1]


def _name_runs(words: list[str]) -> list[list[str]]:
    """The stretches of a run that can be names: split where a full stop ends a sentence ("… in
    Washington. Police Department officials …"), without possessives; a stretch in a headline's
    title case is dropped."""
    runs: list[list[str]] = [[]]
    for word in words:
        bare = word.rstrip(".")
        runs[-1].append(_POSSESSIVE.sub("", bare))
        if word.endswith(".") and len(bare) > 1 and bare not in _ABBREVIATIONS:
            runs.append([])
    return [run for run in runs if run and not any(w in _HEADLINE_WORDS for w in run[1:])]


def _initials(words: list[str], start: int, longest: int) -> list[tuple[int, str]]:
    """(last word, initials) for each stretch from `start`: a joining word is skipped, and "of"
    may also give its letter."""
    spelled = {""}
    out = []
    for end in range(start, len(words)):
        word = words[end]
        if word in _JOINERS:
            if word == "of":
                spelled |= {s + "O" for s in spelled}
            continue
        if word.isupper() or not word[0].isupper():
            break
        spelled = {s + word[0] for s in spelled if len(s) < longest}
        if not spelled:
            break
        out.extend((end, s) for s in sorted(spelled))
    return out
