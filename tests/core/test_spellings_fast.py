"""The windowed spelling-variant search finds exactly what the all-pairs reference found."""

from __future__ import annotations

import random
import re
from collections import defaultdict

from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz, process

from compare_app.core import tuning
from compare_app.core.similarity import similar_spellings


def reference_spellings(vocabulary, other=None):
    """The former all-pairs search (quadratic in a bucket), kept as the reference."""
    def initial_buckets(words):
        buckets = defaultdict(list)
        for term in words:
            if len(term) >= tuning.FUZZY_MIN_LEN and term[0].isalpha():
                buckets[term[:2]].append(term)
        for terms in buckets.values():
            terms.sort(key=len)
        return buckets

    buckets = initial_buckets(vocabulary)
    others = buckets if other is None else initial_buckets(other)
    out = {}
    for initial, terms in buckets.items():
        for x in terms:
            near = [y for y in others.get(initial, ()) if y != x and abs(len(x) - len(y)) <= 4]
            for y, r, _ in process.extract(x, near, scorer=fuzz.ratio,
                                           score_cutoff=tuning.FUZZY_CUTOFF, limit=None):
                out.setdefault(x, {})[y] = r
                if other is not None:
                    out.setdefault(y, {})[x] = r
            for y in near:
                short, long_ = (x, y) if len(x) <= len(y) else (y, x)
                if len(short) >= tuning.PREFIX_MIN_LEN and long_.startswith(short):
                    out.setdefault(x, {}).setdefault(y, tuning.PREFIX_CREDIT)
                    if other is not None:
                        out.setdefault(y, {}).setdefault(x, tuning.PREFIX_CREDIT)
    return out


def test_same_as_reference_on_the_samples(sample_paths):
    text = " ".join(p.read_text(encoding="utf-8") for p in sample_paths).lower()
    vocabulary = sorted(set(re.findall(r"[a-z]+", text)))
    assert similar_spellings(vocabulary) == reference_spellings(vocabulary)


def test_same_as_reference_on_a_large_generated_vocabulary():
    rng = random.Random(7)
    vocabulary = set()
    for _ in range(1500):
        stem = "".join(rng.choice("abdeilnorst") for _ in range(rng.randint(4, 11)))
        vocabulary.update(stem + suffix for suffix in ("", "s", "ed", "ing", "ly", "ation")
                          if rng.random() < 0.5)
    vocabulary = sorted(vocabulary)
    assert similar_spellings(vocabulary) == reference_spellings(vocabulary)
    half = vocabulary[::3]
    assert similar_spellings(half, vocabulary) == reference_spellings(half, vocabulary)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(alphabet="aeilnrst", min_size=1, max_size=12), max_size=60),
       st.lists(st.text(alphabet="aeilnrst", min_size=1, max_size=12), max_size=30))
def test_same_as_reference_on_random_words(words, others):
    vocabulary, other = sorted(set(words)), sorted(set(others))
    assert similar_spellings(vocabulary) == reference_spellings(vocabulary)
    assert similar_spellings(vocabulary, other) == reference_spellings(vocabulary, other)


def test_a_bucket_over_the_budget_is_split_and_keeps_its_stems(monkeypatch):
    from compare_app.core import similarity

    vocabulary = sorted({f"word{n:04d}" for n in range(400)} | {"wordsmith", "wordsmiths"})
    full = similar_spellings(vocabulary)
    monkeypatch.setattr(similarity, "SPELLING_BUDGET", 1_000)
    split = similar_spellings(vocabulary)
    assert all(split[x].items() <= full[x].items() for x in split)  # never a new variant
    assert split["wordsmith"] == full["wordsmith"]  # a shared stem survives any split
    assert len(split) > 0.9 * len(full)
    half = vocabulary[::2]
    cross = similar_spellings(half, vocabulary)
    assert all(cross[x].items() <= similar_spellings(vocabulary)[x].items() for x in cross)
