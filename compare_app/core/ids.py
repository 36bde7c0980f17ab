"""Ids the analyst sees and cites: sentence ids ("A12"), stable pair ids ("Pk7mq"), content
digests for anchors. Ids are made and read here only; elsewhere they are opaque keys.

A pair id is derived from the content of its two sentences, not from its position in a list, so
notes and exported reports that cite "Pk7mq" stay right after a re-comparison at another
sensitivity, after edits elsewhere in either document, and whichever document is A.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Sequence

# Sources in order: A and B side by side, then C, D, … P is left out: "P" starts a pair id, and a
# sentence "P2345" of a sixteenth source could not be told from the pair "P2345".
LABELS = "ABCDEFGHIJKLMNOQRSTUVWXYZ"
ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz"  # no 0/o, 1/l/i: read aloud and retyped safely
SHORT = 4  # 31**4, about 920,000 ids: a clash in one comparison is rare, and then resolved
PAIR_PREFIX = "P"
CLAIM_PREFIX = "C-"  # a claim of three or more sources
_SENTENCE_ID = re.compile(rf"([{LABELS}])([1-9][0-9]*)")


def sentence_id(label: str, number: int) -> str:
    """The id of a document's `number`-th sentence (1-based): "A12"."""
    return f"{label}{number}"


def sentence_number(sentence_id: str) -> int:
    """The 1-based position of a sentence from its id ("A12" -> 12); ValueError if not one."""
    found = _SENTENCE_ID.fullmatch(sentence_id)
    if not found:
        raise ValueError(f"not a sentence id: {sentence_id!r}")
    return int(found.group(2))


def sentence_label(sentence_id: str) -> str:
    """The document label of a sentence id ("A12" -> "A"); ValueError if not one."""
    sentence_number(sentence_id)
    return sentence_id[0]


def claim_id(pair_id: str) -> str:
    """A claim cluster's id from the pair id of its texts: "Pk7mq" -> "C-k7mq" (never a
    sentence id: "C12" would be one)."""
    return CLAIM_PREFIX + pair_id[len(PAIR_PREFIX):]


def is_claim_id(key: str) -> bool:
    """Claim ids read "C-k7mq"; sentence ids "C12" and pair ids "Pk7mq" never have a hyphen."""
    return key.startswith(CLAIM_PREFIX)


def is_pair_id(key: str) -> bool:
    """Whether a row key names a pair (else it names one sentence)."""
    return key.startswith(PAIR_PREFIX)


def normalise(text: str) -> str:
    """Case, punctuation and spacing do not change a sentence's identity."""
    return re.sub(r"\W+", " ", text.lower()).strip()


def content_digest(text: str) -> str:
    """A short hex digest of a sentence's normalised text (the annotation anchors' hash)."""
    return hashlib.sha1(normalise(text).encode("utf-8")).hexdigest()[:16]


def _code(seed: str, length: int) -> str:
    value = int.from_bytes(hashlib.sha1(seed.encode("utf-8")).digest(), "big")
    chars = []
    for _ in range(length):
        value, rest = divmod(value, len(ALPHABET))
        chars.append(ALPHABET[rest])
    return "".join(chars)


def pair_ids(texts: Sequence[tuple[str, str]]) -> list[str]:
    """One id per pair of sentence texts, unique within the list, independent of side order.

    Pairs whose short codes clash get longer codes; pairs of identical texts (a sentence repeated
    in both documents) are numbered in list order."""
    seeds = ["|".join(sorted((content_digest(a), content_digest(b)))) for a, b in texts]
    length = {seed: SHORT for seed in seeds}
    while True:
        groups: dict[str, set[str]] = defaultdict(set)
        codes = {seed: _code(seed, length[seed]) for seed in set(seeds)}
        for seed, code in codes.items():
            groups[code].add(seed)
        clashes = [group for group in groups.values() if len(group) > 1]
        if not clashes:
            break
        for group in clashes:
            for seed in group:
                length[seed] += 1
    seen: dict[str, int] = defaultdict(int)
    out = []
    for seed in seeds:
        seen[seed] += 1
        code = PAIR_PREFIX + codes[seed]  # the lengths of the round without clashes
        out.append(code if seen[seed] == 1 else f"{code}-{seen[seed]}")
    return out
