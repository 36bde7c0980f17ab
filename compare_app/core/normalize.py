"""Word normalisation for matching: tokens, stop words, light stemming, synonyms, acronym aliases.

Two sentences that say the same thing in other words should reduce to overlapping term sets:
"mutual assistance if either country is attacked" and "mutual military support in the event of
an attack" share `mutual`, `support` and `attack`.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Iterator, Mapping
from functools import lru_cache
from typing import NamedTuple

log = logging.getLogger(__name__)

# Names with a number ("COVID-19", "S-400") are one word; so are figures with separators.
WORD_RE = re.compile(r"[^\W\d_]+-\d+\b|\d+(?:[.,]\d+)*|[^\W_]+(?:['’][^\W_]+)*", re.UNICODE)

STOP_WORDS = frozenset("""
a about above after again against all also am an and any are aren't as at be because been before
being below between both but by can could did do does doing down during each either even ever
every few for from further had has have having he her here hers herself him himself his how i if
in into is it its itself just let me more most my myself no nor not of off on once one only or
other our ours ourselves out over own same she should so some such than that the their theirs
them themselves then there these they this those through thus to too under until up upon us very
was we were what when where which while who whom why will with would you your yours yourself
yourselves may might must shall also yet still however therefore moreover nevertheless
furthermore additionally likewise similarly indeed fact course already around among amid per via
within without across toward towards onto whether though although unless since become became
whose s t ll re ve d m
""".split())

# Verbs that report what someone said (lower case: "States" or "Told" would be names); a past
# one states nothing as done. Advising verbs report advice but are acts themselves
# ("the panel recommended approval" is done).
REPORTING_VERBS = frozenset("""said says say told tell tells stated announced added noted claimed
argued argue argues warned warn warns wrote insisted reported""".split())
ADVISING_VERBS = frozenset("""recommended recommend recommends advised advise advises urged urge
urges""".split())
# The reporting words that are never a claim's own word, so two sentences that both use one
# share no claim by it (not "reported": "the jobs report"; not "stated": "the state").
CREDIT_WORDS = frozenset("said says say told tell according announced".split())

# Words that report the same thing in other terms map to one canonical stem.
SYNONYMS: Mapping[str, str] = {
    "assistance": "support", "assist": "support", "aid": "support", "help": "support",
    "backing": "support",
    "soldier": "troop", "personnel": "troop", "servicemen": "troop",
    "send": "deploy", "sent": "deploy", "dispatch": "deploy",
    "treaty": "agreement", "pact": "agreement", "deal": "agreement",
    "assault": "attack",
    "hit": "strike", "struck": "strike",
    "begin": "start", "began": "start", "commence": "start",
    "create": "establish",
    "armed": "military", "army": "military",
    "nation": "country",
    "approximately": "about", "roughly": "about",
    "suggest": "indicate", "show": "indicate", "signal": "indicate",
    "emerging": "emerge", "surface": "emerge",
    "enlist": "recruit",
    "weaponry": "weapon", "arms": "weapon", "armament": "weapon",
    "detain": "arrest", "detained": "arrest",
    "hurt": "injure", "wound": "injure", "wounded": "injure",
    "displace": "evacuate", "displaced": "evacuate",
    "suspect": "people",
    # Ordinary paraphrase in reporting: death and injury, law and courts, deals and votes.
    "died": "die", "dies": "die", "dying": "die", "dead": "die", "death": "die", "deaths": "die",
    "kill": "die", "killed": "die", "killing": "die", "fatal": "die", "fatality": "die",
    "fatalities": "die", "toll": "die",
    "injury": "injure", "injuries": "injure", "casualty": "injure",
    "unlawfully": "illegal", "unlawful": "illegal", "illegally": "illegal",
    "authorize": "approve", "authorization": "approve", "authorise": "approve",
    "authorisation": "approve", "approval": "approve", "clearance": "approve",
    "truce": "ceasefire", "cease": "ceasefire", "armistice": "ceasefire",
    "broker": "mediate", "brokered": "mediate", "mediated": "mediate",
    "demolish": "destroy", "demolished": "destroy", "flatten": "destroy", "raze": "destroy",
    "physician": "doctor", "legislator": "lawmaker", "congressman": "lawmaker",
    "congresswoman": "lawmaker", "kid": "child", "youngster": "child", "firm": "company",
    "purchase": "buy", "acquire": "buy", "jobless": "unemployment", "unemployed": "unemployment",
    "hire": "employ", "hired": "employ", "hiring": "employ", "employer": "employ",
    "payroll": "employ", "payrolls": "employ",
    "ruling": "rule", "ruled": "rule", "verdict": "rule",
    "won": "win", "beat": "win", "defeat": "win", "defeated": "win", "victory": "win",
    "election": "vote", "ballot": "vote", "poll": "vote",
    "medicine": "drug", "medication": "drug", "pill": "drug", "treatment": "drug",
    "mistake": "error", "blunder": "error", "wrong": "error",
    "admit": "acknowledge", "admitted": "acknowledge", "concede": "acknowledge",
    "conceded": "acknowledge", "concur": "acknowledge", "concurred": "acknowledge",
    "halve": "half", "halved": "half", "storey": "story", "storeys": "story",
    "immigrant": "migrant", "emigrant": "migrant",
    "automobile": "car", "vehicle": "car",
    "gasoline": "gas", "petrol": "gas", "fuel": "gas",
    "missile": "rocket", "airstrike": "strike", "bombing": "bomb",
    "covid": "coronavirus", "covid-19": "coronavirus", "sars-cov-2": "coronavirus",
    "expect": "forecast", "expected": "forecast", "estimate": "forecast", "projected": "forecast",
    "predicted": "forecast", "anticipate": "forecast", "anticipated": "forecast",
}

# Everyday words that carry little of a claim's identity even when a document uses them rarely.
GENERIC_WORDS = frozenset("""
recent recently new old current currently former latest early late last next first second third
final good bad better best worse worst great big small large little long short high low many much
several various different same certain clear real true full whole main major minor key important
significant serious simple common general particular specific possible likely able ready due
able make made take took give gave get got go went come came see saw know knew think thought say
said tell told ask asked use used find found want need seem show put keep let begin help turn
start run move live believe bring happen write provide sit stand lose pay meet include continue
set learn change lead understand watch follow stop create speak read allow add spend grow open
walk win offer remember consider appear buy wait serve die send expect build stay fall cut reach
remain suggest raise pass sell require report decide pull way time year day thing man world life
hand part place case week point number group problem fact area kind side head house service
friend hour game line end member law car city name team minute idea kid body information back
parent face others level office door health person art war history party result change morning
reason research girl guy moment air teacher force education writing term terms today instance
example extent degree matter sort type form lot bit view hope hopes issue issues question
questions account accounts aspect aspects effort efforts ability way ways within among along
despite towards nearly almost perhaps quite rather really simply just even ever never also
""".split())

# Well-known aliases (stem sequences) that texts rarely define; documents add their own.
BUILTIN_ALIASES: Mapping[tuple[str, ...], str] = {
    ("north", "korea"): "dprk",
    ("democratic", "people", "republic", "korea"): "dprk",
    ("south", "korea"): "rok",
    ("republic", "korea"): "rok",
    ("united", "state"): "us",
    ("united", "state", "america"): "us",
    ("u", "s"): "us",
    ("united", "kingdom"): "uk",
    ("european", "union"): "eu",
    ("united", "nation"): "un",
    ("russian", "federation"): "russia",
    ("soviet", "union"): "ussr",
    ("north", "atlantic", "treaty", "organization"): "nato",
    ("people", "republic", "china"): "prc",
}

_IRREGULAR = {"children": "child", "men": "man", "women": "woman", "people": "people",
              "was": "was", "has": "has", "is": "is", "news": "news", "series": "series",
              "us": "us", "its": "its", "this": "this", "analysis": "analysis",
              "crisis": "crisis", "basis": "basis", "thus": "thus", "status": "status",
              # words the suffix rules would fold onto another common word: "plane" / "plan",
              # "department" / "depart", "apartment" / "apart", "state" / "stated", "white" /
              # "whittle" (through the word-meaning table), "median" / "media"
              "plane": "plane", "planes": "plane", "department": "department",
              "departments": "department", "apartment": "apartment", "apartments": "apartment",
              "state": "state", "states": "state", "white": "white", "whites": "white",
              "median": "median", "medians": "median"}  # "median income" is no "media"


class Token(NamedTuple):
    """A word of a sentence with its offsets relative to the sentence start."""

    text: str
    start: int
    end: int
    stem: str


# The plain form of irregular past verbs, so that "plans to build" meets "built" and "wrote" /
# "writing" share a term.
IRREGULAR_BASE = dict(pair.split(":") for pair in """began:begin won:win lost:lose led:lead
held:hold struck:strike sold:sell bought:buy built:build paid:pay met:meet sent:send
spent:spend brought:bring caught:catch fought:fight broke:break chose:choose drove:drive
froze:freeze overtook:overtake shot:shoot swept:sweep threw:throw wrote:write hid:hide
written:write chosen:choose broken:break hidden:hide begun:begin beaten:beat found:find
withdrew:withdraw withdrawn:withdraw upheld:uphold sought:seek fled:flee drew:draw drawn:draw
flew:fly flown:fly hung:hang shook:shake shaken:shake spoke:speak spoken:speak stole:steal
stolen:steal swore:swear sworn:swear tore:tear torn:tear understood:understand
forgave:forgive forgiven:forgive overcame:overcome overthrew:overthrow overthrown:overthrow
rebuilt:rebuild stuck:stick""".split())
# (not the light verbs "took", "made", "came", "went", "gave": "could take weeks" and "took a
# victory lap" share no act)
# "a vaccine shot" is no "shooting": that form keeps its own term
_VERB_BASE = {past: base for past, base in IRREGULAR_BASE.items() if past != "shot"}


_CODE = re.compile(r"[a-z]{1,5}-\d+$")


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """Crude suffix stripping; consistent rather than linguistically exact."""
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    w = w.rstrip("'")
    if w in _IRREGULAR:
        return _IRREGULAR[w]
    w = _VERB_BASE.get(w, w)
    if _CODE.match(w):  # a model or code is written with or without its hyphen: "C-17" / "C17"
        w = w.replace("-", "")
    if w[:1].isdigit():
        return w.replace(",", "")
    if len(w) <= 3 or not w.isalpha():
        return w
    if w.endswith("ies") and len(w) > 4:
        w = w[:-3] + "y"
    elif w.endswith("sses"):
        w = w[:-2]
    elif w.endswith("s") and not w.endswith(("ss", "us", "is")):
        w = w[:-1]
    for suffix in ("ments", "ment", "ing", "ed"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 4:
            w = w[: -len(suffix)]
            if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "lsz":
                w = w[:-1]
            break
    if (w.endswith("ian") or w.endswith("ean")) and len(w) > 5:
        w = w[:-1]
    if w.endswith("e") and len(w) > 4:
        w = w[:-1]
    return w


_SYNONYM_STEMS = {stem(k): stem(v) for k, v in SYNONYMS.items()}
GENERIC_STEMS = frozenset(_SYNONYM_STEMS.get(stem(w), stem(w)) for w in GENERIC_WORDS)


@lru_cache(maxsize=200_000)
def canonical(word: str) -> str:
    """The matching key of one word: stemmed, then folded onto its synonym group."""
    s = stem(word)
    return _SYNONYM_STEMS.get(s, s)


def tokenize(text: str) -> list[Token]:
    return [Token(m.group(), m.start(), m.end(), stem(m.group())) for m in WORD_RE.finditer(text)]


def stem_sequence(phrase: str) -> tuple[str, ...]:
    """Stems of a multi-word name, skipping connectors, for alias lookup."""
    return tuple(stem(m.group()) for m in WORD_RE.finditer(phrase)
                 if m.group().lower() not in ("of", "the", "and", "for"))


class AliasTable:
    """Maps stem sequences of long forms ("korean people army") to one acronym key ("kpa")."""

    def __init__(self, extra: Mapping[tuple[str, ...], str] | None = None) -> None:
        self._map: dict[tuple[str, ...], str] = {tuple(stem(w) for w in k): v
                                                 for k, v in BUILTIN_ALIASES.items()}
        if extra:
            self._map.update(extra)
        self._longest = max((len(k) for k in self._map), default=1)
        self._keys = set(self._map.values())
        self._key_cache: dict[str, str] = {}
        self.memo: dict[str, dict] = {}  # derived lookups of one comparison (e.g. entity splits)
        self._firsts = {k[0] for k in self._map}

    def is_alias_key(self, key: str) -> bool:
        return key in self._keys

    def add(self, long_form: str, acronym: str) -> None:
        key = stem_sequence(long_form)
        if key:
            self._put(key, acronym.lower().replace(".", ""))
            self._keys.add(self._map[key])

    def add_compound(self, first: str, second: str, term: str) -> None:
        """Two words that one word of the texts writes closed ("health care" / "healthcare",
        "cease-fire" / "ceasefire") read as that word's term (not as a name's key)."""
        key = (stem(first), stem(second))
        if key not in self._map:
            self._put(key, term)

    def _put(self, key: tuple[str, ...], value: str) -> None:
        self._map[key] = value
        self._key_cache.clear()
        self.memo.clear()
        self._firsts.add(key[0])
        self._longest = max(self._longest, len(key))

    @property
    def mapping(self) -> dict[tuple[str, ...], str]:
        return dict(self._map)

    def resolve(self, stems: list[str]) -> list[tuple[int, int, str]]:
        """Non-overlapping alias hits (first index, index after, key), longest first."""
        hits: list[tuple[int, int, str]] = []
        i = 0
        firsts = self._firsts
        if firsts.isdisjoint(stems):  # most sentences: no alias can start anywhere
            return hits
        while i < len(stems):
            if stems[i] not in firsts:
                i += 1
                continue
            for size in range(min(self._longest, len(stems) - i), 1, -1):
                key = self._map.get(tuple(stems[i:i + size]))
                if key:
                    hits.append((i, i + size, key))
                    i += size
                    break
            else:
                i += 1
        return hits

    def key_of(self, phrase: str) -> str:
        """Canonical key of an entity name: its acronym when one is known."""
        cached = self._key_cache.get(phrase)
        if cached is None:
            cached = self._key_cache[phrase] = self._compute_key(phrase)
        return cached

    def _compute_key(self, phrase: str) -> str:
        stems = stem_sequence(phrase)
        joined = " ".join(stems)
        found = self._map.get(stems)
        if found:
            return found
        if len(stems) == 1:
            single = stems[0].replace(".", "")
            return single
        return joined


_CONNECTORS = {"of", "the", "and", "for"}


@lru_cache(maxsize=200_000)
def _word_info(word: str) -> tuple[str, str] | None:
    """(stem used for alias lookup, matching term or "" for a stop word); None for connectors."""
    low = word.lower()
    if low in _CONNECTORS:
        return None
    is_acronym = word.isupper() and len(word) >= 2
    stopped = (low in STOP_WORDS and not is_acronym) or (
        len(word) < 2 and not word.isdigit() and not word.isupper())
    s = stem(word)
    return s, "" if stopped else _SYNONYM_STEMS.get(s, s)


# "A record low" and "the lowest since officials started tracking it" state one fact: a level
# beyond any measured before. Such a sentence gets the term "record" however it says it.
RECORD_LEVEL = re.compile(
    r"\b(?:all[- ]time|record)[- ](?:low|high)|\b(?:low|high)est\b[^.;:]{0,80}?\b(?:on record"
    r"|ever (?:recorded|measured)|since (?:records|record[- ]keeping|(?:[\w’'-]+ ){0,5}?"
    r"(?:start|began|begun|beg[ai]n|starting|started)\w* (?:to )?(?:track|keep|record|measur)))",
    re.IGNORECASE)
# Not a word any text can spell: a record level is a value of the claim, like a figure.
RECORD_TERM = "*record"


def content_terms(text: str, aliases: AliasTable) -> list[str]:
    """Ordered matching terms of a sentence: canonical stems without stop words, aliases folded,
    and `RECORD_TERM` for a record level however it is worded."""
    terms = _content_terms(text, aliases)
    lowered = text.lower()
    if ("low" in lowered or "high" in lowered) and RECORD_LEVEL.search(text):
        terms.append(RECORD_TERM)
    return terms


_ORDINAL_SUFFIXES = frozenset(("st", "nd", "rd", "th"))
_ORDINAL = re.compile(r"\d(?:st|nd|rd|th)\b", re.IGNORECASE)


def _words(text: str) -> Iterable[str]:
    """The words of a text, without the suffix of a written ordinal ("30th" is the figure 30,
    not also a word "th" that every other ordinal would share)."""
    if not _ORDINAL.search(text):
        return WORD_RE.findall(text)  # the usual case, at C speed
    return _unsuffixed(text)


def _unsuffixed(text: str) -> Iterator[str]:
    """`WORD_RE`'s words, leaving out an ordinal suffix right after a figure."""
    after_digit = -1
    for m in WORD_RE.finditer(text):
        word = m.group()
        if m.start() == after_digit and word.lower() in _ORDINAL_SUFFIXES:
            continue
        after_digit = m.end() if word[-1].isdigit() else -1
        yield word


def _content_terms(text: str, aliases: AliasTable) -> list[str]:
    infos = [info for info in map(_word_info, _words(text)) if info is not None]
    hits = aliases.resolve([stem_ for stem_, _ in infos])
    if not hits:
        return [term for _, term in infos if term]
    terms: list[str] = []
    i = 0
    for first, after, key in hits + [(len(infos), len(infos), "")]:
        terms.extend(term for _, term in infos[i:first] if term)
        if key:
            terms.append(key)
        i = after
    return terms


def unique(items: Iterable[str]) -> list[str]:
    seen: set[str] = set()
    out = []
    for item in items:
        if item not in seen:
            seen.add(item)
            out.append(item)
    return out


_PLAIN_WORD = re.compile(r"[^\W\d_]+")
_PUNCTUATION = re.compile(r"[.,;:!?()\[\]\"“”]")
MIN_COMPOUND = 7  # letters in a closed compound ("airstrike"); shorter joins are chance ("into")


def compounds(*texts: str) -> list[tuple[str, str, str]]:
    """Pairs of adjacent words (also hyphenated) that a single word of the texts writes closed,
    with that word's matching term: ("health", "care", "healthcar") when one text has
    "healthcare". Neither part nor the whole may be a stop word ("may be" / "maybe")."""
    tokens = [_PLAIN_WORD.findall(part) for text in texts  # no pair across punctuation
              for part in _PUNCTUATION.split(text.lower())]
    singles = {w for words in tokens for w in words
               if len(w) >= MIN_COMPOUND and w not in STOP_WORDS}
    found: dict[tuple[str, str], str] = {}
    for words in tokens:
        for first, second in zip(words, words[1:]):
            whole = first + second
            if (whole in singles and (first, second) not in found and len(first) >= 2
                    and len(second) >= 2 and first not in STOP_WORDS
                    and second not in STOP_WORDS):
                info = _word_info(whole)
                if info is not None and info[1]:
                    found[first, second] = info[1]
    return [(first, second, term) for (first, second), term in found.items()]
