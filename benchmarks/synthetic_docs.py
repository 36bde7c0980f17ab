"""Deterministic synthetic news documents with planted, paraphrased matches.

`generate(n, seed)` builds two English-like news documents A and B of `n` sentences each.
About a third of A's sentences ("planted") have a paraphrased counterpart somewhere in B:
synonym swaps, an added or dropped modifier, the attribution and the time phrase moved, and in
some a changed number (a divergence the app should report). B also holds distractors, which
reuse two slots (two to four content words: a place, a date, a source, ...) of a planted A
sentence but report something else, and both documents are padded with unrelated filler built
from the same templates. Apart from a planted pair, no two claims of one template share more
than two identity slots, so chance near-duplicates cannot blur the ground truth.

Every sentence ends with a period and starts with a capital letter; paragraphs of 5-10
sentences are separated by blank lines and each document opens with a headline. The character
offsets of every sentence are recorded while the text is concatenated, so the ground truth can
be mapped onto whatever sentence spans the app's segmenter produces.
"""

from __future__ import annotations

import itertools
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

# --------------------------------------------------------------------------- vocabulary

PLACES = """Lisbon Nairobi Jakarta Lima Oslo Dakar Manila Quito Hanoi Tbilisi Almaty Tunis Accra
Bogota Riga Vilnius Sofia Zagreb Baku Yerevan Kigali Lusaka Harare Maputo Luanda Bamako Niamey
Muscat Doha Amman Beirut Ankara Izmir Gdansk Krakow Porto Seville Marseille Lyon Turin Naples
Bergen Tampere Tartu Kaunas Chisinau Odesa Lviv Mombasa Durban Kampala Arusha Dodoma Windhoek
Gaborone Maseru Blantyre Kisumu Asmara Djibouti Aden Basra Mosul Tabriz Herat Quetta Multan Sylhet
Chittagong Mandalay Yangon Cebu Davao Medan Surabaya Makassar Kupang Dili Suva Apia""".split()
FIRST_NAMES = """Elena Marco Amina Pavel Sofia Kwame Ines Tomas Leila Arjun Nadia Victor Hana
Omar Greta Jonas Mirela Samuel Yusuf Clara Dmitri Aisha Pedro Ingrid Farid Lucia Emeka Katya
Rafael Selin""".split()
LAST_NAMES = """Varga Okafor Lindqvist Moreau Haddad Novak Petrov Mensah Castillo Rahman Kowalski
Demir Silva Nakamura Osei Horvat Brennan Ivanova Sato Delgado Achebe Fischer Karimi Lopes Berg
Nowak Costa Yilmaz Mwangi Duarte Popescu Jensen Farah Rossi Abara Larsen Weber Toure Gallo
Kaya""".split()
ROLES = ["Minister", "Deputy Minister", "Governor", "Mayor", "General", "Commissioner"]
ORGS = """the defence ministry|the finance ministry|the central bank|the health agency|the port
authority|the election commission|the interior ministry|the grid operator|the state railway|the
energy regulator|the coast guard|the border police|the statistics office|the supreme court|the
regional parliament|the city council|the farmers union|the teachers union|the mining company|the
shipping firm|the national airline|the refugee agency|the weather service|the customs service|the
audit office|the trade ministry|the foreign ministry|the development bank|the water utility|the
transport ministry""".replace("\n", " ").split("|")
UNITS = ["troops", "tanks", "armoured vehicles", "artillery units", "police officers",
         "medical teams", "rescue workers", "engineers", "air defence units", "border guards"]
COMMODITIES = """wheat rice diesel coffee copper steel cement fertiliser sugar timber cotton cocoa
maize barley tobacco aluminium nickel salt petrol soybean""".split()
ECON = ["prices", "exports", "imports", "output", "sales", "shipments"]
FACILITIES = ["schools", "hospitals", "bridges", "power plants", "wind farms", "clinics",
              "railway stations", "water plants", "housing blocks", "grain silos",
              "ferry terminals",
              "solar parks", "fire stations", "border crossings", "data centres"]
TOPICS = ["fishing rights", "water sharing", "debt relief", "energy supply", "grain exports",
          "migration controls", "customs rules", "air traffic", "rail freight", "mining licences",
          "port fees", "cross-border trade", "vaccine supplies", "refugee returns",
          "electricity prices", "road tolls", "wildfire prevention", "cyber security",
          "flood defences", "wage talks", "pension reform", "drought relief", "bus services",
          "fuel subsidies", "fishing quotas", "school meals"]
EVENTS = ["storm", "flood", "fire", "earthquake", "landslide", "explosion", "heatwave",
          "mudslide", "cyclone", "blizzard"]
CRIMES = ["fuel smuggling", "bank fraud", "illegal logging", "arms trafficking", "tax evasion",
          "cattle theft", "bribery", "money laundering", "people smuggling", "vote buying",
          "customs fraud", "drug trafficking", "poaching", "extortion", "looting", "arson",
          "ticket fraud", "insurance fraud"]
MODS = ["northern", "southern", "eastern", "western", "central", "remote", "coastal", "disputed",
        "rural", "industrial", "mountainous", "densely populated", "isolated"]
PLACE_NOUNS = ["border", "coast", "district", "port", "airport", "highway", "valley", "refinery",
               "depot", "garrison"]
REGIONS = ["province", "region", "district", "county"]
MONTHS = """January February March April May June July August September October November
December""".split()
WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()

# Paraphrase table: words in a group are interchangeable in rendered sentences. Only some of
# these (troops/soldiers, sent/deployed, deal/accord/agreement) are known to the app.
SYNONYM_GROUPS: list[tuple[str, ...]] = [
    ("troops", "soldiers"), ("said", "stated", "reported"), ("moved", "deployed", "sent"),
    ("border", "frontier"), ("signed", "concluded"), ("agreement", "deal", "accord"),
    ("rose", "increased", "climbed"), ("fell", "dropped", "declined"), ("build", "construct"),
    ("met", "held talks with"), ("discuss", "review"), ("injured", "wounded", "hurt"),
    ("evacuated", "displaced"), ("arrested", "detained"), ("approved", "authorised", "cleared"),
    ("funding", "financing"), ("percent", "per cent"), ("hit", "struck"),
    ("suspects", "people"), ("new", "additional"),
]
_GROUP_OF = {w: g for g in SYNONYM_GROUPS for w in g}
# Slots that hold a value of this kind in several templates; distractors copy some of them.
SHARED_SLOTS = ("source", "place", "when", "org", "facility", "topic", "qty")


class Zipf:
    """Draws from a word list with probability ~ 1 / rank (ranks shuffled by the seed)."""

    def __init__(self, words: Sequence[str], rng: random.Random, s: float = 1.0) -> None:
        self.words = list(words)
        rng.shuffle(self.words)
        self.cum = list(itertools.accumulate(1.0 / (r + 1) ** s for r in range(len(self.words))))

    def __call__(self, rng: random.Random, exclude: object = None) -> str:
        while True:
            word = rng.choices(self.words, cum_weights=self.cum)[0]
            if word != exclude:
                return word


# --------------------------------------------------------------------------- claims


@dataclass
class Claim:
    """A template id and its slot values; `render` turns it into one sentence."""

    tpl: str
    slots: dict[str, str]
    attr_form: int  # 0 "X said ...", 1 "..., X said", 2 "According to X, ...", 3 no attribution
    front_time: bool = False


def _fmt_qty(value: int) -> str:
    return f"{value:,}"


def _draw_qty(rng: random.Random) -> str:
    base = rng.choice([12, 15, 20, 25, 30, 40, 45, 60, 75, 80, 120, 150, 200, 250, 300, 350,
                       400, 600, 800, 1200, 1500, 2400, 3000, 4500, 6000, 12000])
    return _fmt_qty(base)


class Vocabulary:
    """Zipf samplers for each slot kind."""

    def __init__(self, rng: random.Random) -> None:
        self.place = Zipf(PLACES, rng)
        self.first = Zipf(FIRST_NAMES, rng)
        self.last = Zipf(LAST_NAMES, rng)
        self.org = Zipf(ORGS, rng)
        self.unit = Zipf(UNITS, rng)
        self.commodity = Zipf(COMMODITIES, rng)
        self.econ = Zipf(ECON, rng)
        self.facility = Zipf(FACILITIES, rng)
        self.topic = Zipf(TOPICS, rng)
        self.event = Zipf(EVENTS, rng)
        self.crime = Zipf(CRIMES, rng)
        self.mod = Zipf(MODS, rng)
        self.placenoun = Zipf(PLACE_NOUNS, rng)

    def person(self, rng: random.Random) -> str:
        return f"{rng.choice(ROLES)} {self.first(rng)} {self.last(rng)}"

    def source(self, rng: random.Random) -> str:
        return self.person(rng) if rng.random() < 0.35 else self.org(rng)


def new_claim(tpl: str, v: Vocabulary, rng: random.Random) -> Claim:
    """A fresh claim of template `tpl` with random slot values."""
    month, day = rng.choice(MONTHS), rng.choice(WEEKDAYS)
    mod = v.mod(rng) if rng.random() < 0.6 else ""
    s: dict[str, str] = {"source": v.source(rng), "say": rng.choice(_GROUP_OF["said"]),
                         "place": v.place(rng), "mod": mod}
    if tpl == "move":
        s.update(qty=_draw_qty(rng), unit=v.unit(rng), verb=rng.choice(_GROUP_OF["moved"]),
                 placenoun=v.placenoun(rng), when=f"in {month}")
    elif tpl == "deal":
        s.update(org=v.place(rng, exclude=s["place"]), verb=rng.choice(_GROUP_OF["signed"]),
                 agreement=rng.choice(_GROUP_OF["agreement"]), topic=v.topic(rng),
                 when=f"on {day}")
    elif tpl == "prices":
        s.update(commodity=v.commodity(rng), econ=v.econ(rng),
                 verb=rng.choice(_GROUP_OF["rose"] + _GROUP_OF["fell"]),
                 qty=str(rng.choice([2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 14, 18, 22, 35])),
                 percent=rng.choice(_GROUP_OF["percent"]), when=f"in {month}")
    elif tpl == "build":
        s.update(org=v.org(rng, exclude=s["source"]), verb=rng.choice(_GROUP_OF["build"]),
                 qty=_draw_qty(rng),
                 new=rng.choice(_GROUP_OF["new"]), facility=v.facility(rng),
                 region=rng.choice(REGIONS), when=f"by {rng.randint(2026, 2034)}")
    elif tpl == "meet":
        s.update(person=v.person(rng), verb=rng.choice(_GROUP_OF["met"]),
                 discuss=rng.choice(_GROUP_OF["discuss"]), topic=v.topic(rng), when=f"on {day}")
    elif tpl == "casualty":
        outcome = rng.choice(SYNONYM_GROUPS[11] + SYNONYM_GROUPS[12])
        s.update(qty=_draw_qty(rng), outcome=outcome, event=v.event(rng),
                 hit=rng.choice(_GROUP_OF["hit"]), when=f"on {day}")
    elif tpl == "funding":
        s.update(org=v.org(rng, exclude=s["source"]), verb=rng.choice(_GROUP_OF["approved"]),
                 qty=f"${rng.choice([1.2, 2.5, 4, 15, 40, 75, 120, 300, 650])} million",
                 funding=rng.choice(_GROUP_OF["funding"]), facility=v.facility(rng),
                 when=f"in {month}")
    elif tpl == "arrest":
        s.update(verb=rng.choice(_GROUP_OF["arrested"]), qty=_draw_qty(rng),
                 who=rng.choice(_GROUP_OF["suspects"]), crime=v.crime(rng), when=f"on {day}")
    else:
        raise ValueError(tpl)
    return Claim(tpl, s, attr_form=rng.choice([0, 0, 1, 1, 2, 3]), front_time=rng.random() < 0.2)


TEMPLATES = ("move", "deal", "prices", "build", "meet", "casualty", "funding", "arrest")


def _core(c: Claim) -> str:
    """The claim's main clause, lowercase-initial where possible, without the time phrase."""
    s = c.slots
    m = f"{s['mod']} " if s["mod"] else ""
    if c.tpl == "move":
        return (f"{s['qty']} {s['unit']} were {s['verb']} to the {m}{s['placenoun']} "
                f"near {s['place']}")
    if c.tpl == "deal":
        return f"{s['place']} {s['verb']} {_an(s['agreement'])} with {s['org']} on {s['topic']}"
    if c.tpl == "prices":
        return (f"{s['commodity']} {s['econ']} in {s['place']} {s['verb']} by {s['qty']} "
                f"{s['percent']}")
    if c.tpl == "build":
        return (f"{s['org']} plans to {s['verb']} {s['qty']} {s['new']} {s['facility']} in the "
                f"{m}{s['region']} of {s['place']}")
    if c.tpl == "meet":
        return f"{s['person']} {s['verb']} officials in {s['place']} to {s['discuss']} {s['topic']}"
    if c.tpl == "casualty":
        return (f"{s['qty']} people were {s['outcome']} after {_an(m + s['event'])} "
                f"{s['hit']} {s['place']}")
    if c.tpl == "funding":
        return (f"{s['org']} {s['verb']} {s['qty']} in {s['funding']} for {s['facility']} "
                f"in {s['place']}")
    return f"police in {s['place']} {s['verb']} {s['qty']} {s['who']} accused of {s['crime']}"


def _an(phrase: str) -> str:
    """The phrase with its indefinite article."""
    return ("an " if phrase[0] in "aeiou" else "a ") + phrase


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def render(c: Claim) -> str:
    """One sentence: attribution, time phrase and clause in the claim's arrangement."""
    core, when, src = _core(c), c.slots["when"], c.slots["source"]
    clause = core if c.front_time else f"{core} {when}"
    form = c.attr_form
    if form == 1 and clause[0].isdigit() and not c.front_time:
        form = 0  # never open a sentence with a digit
    if form == 0:
        body = f"{src} {c.slots['say']} {clause}"
    elif form == 1:
        body = f"{clause}, {src} {c.slots['say']}"
    elif form == 2:
        body = f"according to {src}, {clause}"
    else:
        body = clause if not clause[0].isdigit() or c.front_time else f"officially, {clause}"
    if c.front_time:
        body = f"{when}, {body}"
    return _cap(body) + "."


def _bump(qty: str, rng: random.Random) -> str:
    """A clearly different quantity in the same format."""
    if qty.startswith("$"):
        value = float(qty[1:].split()[0])
        return f"${round(value * rng.choice([2, 3, 0.5]), 1):g} million"
    value = int(qty.replace(",", ""))
    new = value * rng.choice([2, 3]) if rng.random() < 0.6 else max(1, value // 2)
    return _fmt_qty(new) if new != value else _fmt_qty(value + 1)


def paraphrase(c: Claim, v: Vocabulary, rng: random.Random, change_number: bool) -> Claim:
    """Same claim in other words: synonyms, modifier, arrangement; optionally a new number."""
    s = dict(c.slots)
    for key, word in c.slots.items():
        group = _GROUP_OF.get(word)
        if group and rng.random() < 0.6:
            s[key] = rng.choice([w for w in group if w != word])
    if c.tpl in ("move", "build", "casualty") and rng.random() < 0.4:
        s["mod"] = "" if s["mod"] else v.mod(rng)
    if change_number and "qty" in s:
        s["qty"] = _bump(s["qty"], rng)
    form = c.attr_form
    if form != 3 and rng.random() < 0.7:
        form = rng.choice([f for f in (0, 1, 2) if f != form])
    front = (not c.front_time) if rng.random() < 0.4 else c.front_time
    return Claim(c.tpl, s, form, front)


def distractor(c: Claim, v: Vocabulary, rng: random.Random) -> Claim:
    """A claim sharing two slot values (two to four content words) with `c`, half the time in
    the same template, but reporting something else."""
    same_tpl = rng.random() < 0.5
    tpl = c.tpl if same_tpl else rng.choice([t for t in TEMPLATES if t != c.tpl])
    while True:
        d = new_claim(tpl, v, rng)
        shared = [k for k in SHARED_SLOTS if k in d.slots and k in c.slots
                  and _same_shape(d.slots[k], c.slots[k]) and (k != "source" or c.attr_form != 3)]
        copy = rng.sample(shared, min(len(shared), MAX_SHARED))
        for k in copy:
            d.slots[k] = c.slots[k]
        if "source" in copy and d.attr_form == 3:
            d.attr_form = rng.choice([0, 1, 2])
        shared = set(identity(d)) & set(identity(c))
        if len(shared) <= MAX_SHARED and render(d) != render(c):
            return d


def _same_shape(x: str, y: str) -> bool:
    """Whether a slot value can replace another: same preposition ("in March" / "on Monday"),
    same kind of amount ("$4 million" / "1,200" / "7")."""
    if x[:1].isdigit() or x[:1] == "$" or y[:1].isdigit() or y[:1] == "$":
        return x[:1] == "$" and y[:1] == "$" or (x[:1].isdigit() and y[:1].isdigit()
                                                 and (len(x) > 2) == (len(y) > 2))
    return x.split()[0] == y.split()[0] if x.islower() and y.islower() else True


# Slots whose value is only a wording choice (every option means the same); "verb" is one too,
# except in "prices" where it gives the direction (rose / fell).
_STYLE_SLOTS = {"say", "agreement", "percent", "hit", "funding", "discuss", "new", "who"}
_CANON = {w: g[0] for g in SYNONYM_GROUPS for w in g}
MAX_SHARED = 2  # two claims of one template (other than a planted pair) share at most this


def identity(c: Claim) -> list[tuple[str, str]]:
    """What makes a claim this claim: its rendered content slots, synonyms folded."""
    return sorted((k, _CANON.get(v, v)) for k, v in c.slots.items()
                  if v and k not in _STYLE_SLOTS and (k != "verb" or c.tpl == "prices")
                  and (k != "source" or c.attr_form != 3))


class Distinctness:
    """Rejects a claim sharing more than MAX_SHARED identity items with an earlier one of the
    same template, so unrelated sentences never become near-duplicates by chance."""

    def __init__(self) -> None:
        self.seen: set[tuple] = set()

    def _keys(self, c: Claim) -> list[tuple]:
        return [(c.tpl, *combo) for combo in itertools.combinations(identity(c), MAX_SHARED + 1)]

    def admit(self, c: Claim) -> bool:
        keys = self._keys(c)
        if any(k in self.seen for k in keys):
            return False
        self.seen.update(keys)
        return True


# --------------------------------------------------------------------------- documents


@dataclass
class SyntheticPair:
    """Two documents and the planted truth as character spans."""

    text_a: str
    text_b: str
    # (A span, B span, number changed) for every planted pair.
    planted: list[tuple[tuple[int, int], tuple[int, int], bool]] = field(default_factory=list)
    # Role of every generated B sentence: "planted", "distractor" or "filler".
    b_roles: list[tuple[tuple[int, int], str]] = field(default_factory=list)


def _assemble(headline: str, sentences: list[str],
              rng: random.Random) -> tuple[str, list[tuple[int, int]]]:
    """Headline, then paragraphs of 5-10 sentences; returns text and each sentence's span."""
    parts = [headline, "\n\n"]
    pos = len(headline) + 2
    spans: list[tuple[int, int]] = []
    left = rng.randint(5, 10)
    for k, sentence in enumerate(sentences):
        if k:
            sep = " " if left else "\n\n"
            if not left:
                left = rng.randint(5, 10)
            parts.append(sep)
            pos += len(sep)
        spans.append((pos, pos + len(sentence)))
        parts.append(sentence)
        pos += len(sentence)
        left -= 1
    return "".join(parts), spans


def generate(n: int = 5000, seed: int = 1, planted_share: float = 0.35,
             distractor_share: float = 0.15, changed_share: float = 0.2) -> SyntheticPair:
    """Two documents of `n` sentences each with planted matches at known offsets."""
    rng = random.Random(seed)
    v = Vocabulary(rng)
    used: set[str] = set()
    distinct = Distinctness()

    def fresh(make: Callable[[], Claim], planted: bool = False) -> tuple[Claim, str]:
        """A new claim and its sentence, unique in both documents; all but planted
        paraphrases must also be distinct from every earlier claim."""
        while True:
            claim = make()
            text = render(claim)
            if text not in used and (planted or distinct.admit(claim)):
                used.add(text)
                return claim, text

    n_planted = round(n * planted_share)
    n_distract = min(round(n * distractor_share), n - n_planted)
    a_claims = [fresh(lambda: new_claim(rng.choice(TEMPLATES), v, rng)) for _ in range(n)]
    planted_rows = set(rng.sample(range(n), n_planted))
    b_items: list[tuple[str, str, int, bool]] = []  # (text, role, A row, number changed)
    for row in sorted(planted_rows):
        changed = rng.random() < changed_share and "qty" in a_claims[row][0].slots
        def planted(row: int = row, changed: bool = changed) -> Claim:
            return paraphrase(a_claims[row][0], v, rng, changed)

        _, text = fresh(planted, planted=True)
        b_items.append((text, "planted", row, changed))
    for row in rng.sample(sorted(planted_rows), n_distract):
        _, text = fresh(lambda row=row: distractor(a_claims[row][0], v, rng))
        b_items.append((text, "distractor", row, False))
    while len(b_items) < n:
        _, text = fresh(lambda: new_claim(rng.choice(TEMPLATES), v, rng))
        b_items.append((text, "filler", -1, False))
    rng.shuffle(b_items)
    text_a, spans_a = _assemble("Regional news digest", [t for _, t in a_claims], rng)
    text_b, spans_b = _assemble("World briefing", [t for t, *_ in b_items], rng)
    pair = SyntheticPair(text_a, text_b)
    for (_text, role, row, changed), span in zip(b_items, spans_b):
        pair.b_roles.append((span, role))
        if role == "planted":
            pair.planted.append((spans_a[row], span, changed))
    pair.planted.sort()
    return pair


if __name__ == "__main__":
    demo = generate(40, seed=3)
    for a_span, b_span, changed in demo.planted[:8]:
        print("A:", demo.text_a[slice(*a_span)])
        print("B:", demo.text_b[slice(*b_span)], "(number changed)" if changed else "")
        print()
