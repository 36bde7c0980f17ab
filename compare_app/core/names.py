"""Whether two names name one actor: spellings, titles, short forms, a people and its country.

"Shoygu" / "Shoigu", "Qassem Soleimani" / "Qassim Suleimani", "Gov. Andrew Cuomo" / "Mr. Cuomo",
"Mike Flynn" / "Michael Flynn", "Turkish president Erdogan" / "Turkey" are one actor each; the
entity check and the owners of figures ask here before they call two names different.
"""

from __future__ import annotations

import unicodedata

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from . import tuning
from .normalize import stem
from .segment import untitled


def same_entity(x: str, y: str) -> bool:
    """Whether two name keys name one actor: equal, one a word of the other ("cuomo" / "andrew
    cuomo"), spelled alike ("shoygu" / "shoigu"), or so once titles are set aside ("mr cuomo" /
    "gov andrew cuomo", "gop sen john warner" / "senator john warner")."""
    x, y = _as_named(x.replace(".", "")), _as_named(y.replace(".", ""))
    if x == y or x in y.split() or y in x.split() or fuzz.ratio(x, y) >= tuning.SAME_NAME_RATIO:
        return True
    bx, by = untitled(x), untitled(y)
    if bool(bx and by) and (bx != x or by != y) and (
            bx == by or bx in by.split() or by in bx.split()):
        return True
    return _spelled_alike(bx or x, by or y) or _pet_named(bx or x, by or y)


def _spelled_alike(x: str, y: str) -> bool:
    """Whether the last two words of two names are one name in two spellings, as a name from
    another alphabet is ("Qassem Soleimani" / "Qassim Suleimani")."""
    xs, ys = x.split()[-2:], y.split()[-2:]
    return len(xs) == len(ys) == 2 and fuzz.ratio(xs[1], ys[1]) >= tuning.SAME_NAME_RATIO and (
        fuzz.ratio(xs[0], ys[0]) >= tuning.SAME_NAME_RATIO - 5) and xs[0][0] == ys[0][0]


def _pet_named(x: str, y: str) -> bool:
    """Whether two names differ only in a given name and its usual short form ("mike flynn" /
    "michael flynn")."""
    xs, ys = x.split(), y.split()
    return len(xs) == len(ys) >= 2 and xs[1:] == ys[1:] and xs[0] != ys[0] and same_given_name(
        xs[0], ys[0])


# A people's adjective and its country name one actor ("American" / "U.S."); only those whose
# spellings are too far apart to match on their own ("Russian" / "Russia" already do).
_NATIONS = {stem(adjective): stem(country) for adjective, country in (
    ("american", "us"), ("british", "uk"), ("britain", "uk"), ("chinese", "china"),
    ("french", "france"), ("dutch", "netherlands"), ("afghan", "afghanistan"),
    ("turkish", "turkey"), ("polish", "poland"), ("swiss", "switzerland"), ("greek", "greece"),
    ("spanish", "spain"), ("danish", "denmark"), ("swedish", "sweden"), ("norwegian", "norway"),
    ("finnish", "finland"), ("irish", "ireland"), ("welsh", "wales"), ("scottish", "scotland"),
    ("filipino", "philippines"), ("thai", "thailand"), ("emirati", "uae"), ("european", "eu"),
    ("soviet", "ussr"), ("saudi", "saudi arabia"), ("kuwaiti", "kuwait"),
    ("peruvian", "peru"), ("chilean", "chile"), ("argentine", "argentina"))}


# Two descriptions of one group of people ("the first Black secretary of state" / "the first
# African American secretary of state"), keyed as one.
_ONE_GROUP = {stem("african") + " " + stem("american"): stem("black")}


def _as_named(key: str) -> str:
    """A name key with a people's adjective read as its country, word by word where the country
    is one word ("turkish president erdogan" / "turkey"), and one group's two descriptions as
    one."""
    if key in _NATIONS:
        return _NATIONS[key]
    for phrase, same in _ONE_GROUP.items():
        key = key.replace(phrase, same)
    return " ".join(w if " " in _NATIONS.get(w, "") else _NATIONS.get(w, w) for w in key.split())


# English given names and their usual short forms, which name one person ("Mike Flynn" /
# "Michael Flynn"): each short form maps to its full names ("Steve": Stephen or Steven).
_PET_PAIRS = tuple((short, full) for full, shorts in (
    ("michael", "mike mick"), ("jacob", "jake"), ("joseph", "joe"), ("james", "jim jimmy"),
    ("william", "bill billy will"), ("robert", "bob bobby rob"), ("thomas", "tom tommy"),
    ("richard", "dick rick"), ("charles", "chuck charlie"), ("edward", "ed ted eddie"),
    ("daniel", "dan danny"), ("david", "dave"), ("anthony", "tony"), ("benjamin", "ben"),
    ("samuel", "sam"), ("matthew", "matt"), ("peter", "pete"), ("andrew", "andy"),
    ("alexander", "alex"), ("gregory", "greg"), ("lawrence", "larry"), ("nicholas", "nick"),
    ("patrick", "pat"), ("ronald", "ron"), ("donald", "don"), ("raymond", "ray"),
    ("frederick", "fred"), ("gerald", "jerry"), ("john", "jack"), ("henry", "hank harry"),
    ("elizabeth", "liz beth betsy"), ("katherine", "kate katie kathy"), ("jennifer", "jen jenny"),
    ("margaret", "maggie peggy"), ("susan", "sue"), ("deborah", "debbie deb"),
    ("christopher", "chris"), ("timothy", "tim"), ("kenneth", "ken"), ("stephen", "steve"),
    ("steven", "steve"), ("jeffrey", "jeff"), ("jonathan", "jon"), ("joshua", "josh"))
    for short in shorts.split())
_PET_NAMES: dict[str, frozenset[str]] = {
    short: frozenset(full for s, full in _PET_PAIRS if s == short) for short, _ in _PET_PAIRS}


def folded(name: str) -> str:
    """A name lower-cased, without accents or periods ("Guantánamo" → "guantanamo")."""
    decomposed = unicodedata.normalize("NFKD", name.replace(".", "").lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def same_given_name(x: str, y: str) -> bool:
    """Whether two given names (lower case) are one name and its usual short form."""
    return x == y or not _PET_NAMES.get(x, frozenset({x})).isdisjoint(
        _PET_NAMES.get(y, frozenset({y})))


def same_name_word(u: str, v: str) -> bool:
    """Two words of names that are one name: one spelling a letter apart ("Qaida" / "Qaeda"),
    or a country and its people's adjective ("Ukraine" / "Ukrainian")."""
    short, long = sorted((u, v), key=len)
    if len(short) < 4 or u[0] != v[0]:
        return False
    if len(short) >= 5 and Levenshtein.distance(u, v) <= 1:
        return True
    return len(long) - len(short) <= 4 and long.startswith(short[:-1]) and (
        long[len(short) - 1:] in _PEOPLE_ENDINGS or (
            long.startswith(short) and long[len(short):] in _PEOPLE_ENDINGS))


_PEOPLE_ENDINGS = frozenset("ian ean an ese ish i ani ic".split())
