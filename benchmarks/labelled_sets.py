"""Labelled same-story pairs and the NeuS stories, for the quality benchmarks and calibration.

A labelled set is a `gold.json` in the development-set format (sentence spans, sure pairs,
related pairs, unsupported and excluded sentences) with a folder of texts. The NeuS stories come
from a fetched snapshot of HLTCHKUST/framing-bias-metric (read with `git show`, never copied into
the project: the excerpts remain their publishers' copyright).
"""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

NEUS_FILE = "data/raw_crawled/headline_11_2021-10-19_crawled_all.jsonl"


@dataclass(frozen=True)
class Story:
    id: str
    a_text: str
    b_text: str
    gold: dict  # the story's labels as stored in gold.json


def load_set(gold: Path, texts: Path) -> list[Story]:
    data = json.loads(Path(gold).read_text(encoding="utf-8"))
    return [Story(st["id"], (Path(texts) / st["a_file"]).read_text(encoding="utf-8"),
                  (Path(texts) / st["b_file"]).read_text(encoding="utf-8"), st)
            for st in data["stories"]]


def gold_index(spans: list[list[int]], start: int, end: int) -> int | None:
    """The gold sentence a tool sentence overlaps most (as the development-set scorer maps)."""
    best, most = None, 0
    for k, (s, e) in enumerate(spans):
        overlap = min(end, e) - max(start, s)
        if overlap > most:
            best, most = k, overlap
    return best


def neus_records(repo: Path) -> list[dict]:
    """The NeuS clusters as stored: one dict per line of the dataset."""
    raw = subprocess.run(["git", "--git-dir", str(repo), "show", "HEAD:" + NEUS_FILE],
                         check=True, capture_output=True).stdout.decode("utf-8")
    return [json.loads(line) for line in raw.splitlines() if line.strip()]


def neus_stories(repo: Path) -> list[dict]:
    """Every NeuS cluster with at least two outlets: {id, topic, date, a, b} (texts joined as the
    development set joins them)."""
    out = []
    for d in neus_records(repo):
        sides = [s for s in ("left", "center", "right") if (d["news"].get(s) or {}).get("newBody")]
        if len(sides) >= 2:
            out.append({"id": f"allsides-{d['id']}", "topic": d.get("topic", ""),
                        "issue": d.get("issue", ""),
                        "date": (d.get("date") or "")[:10],
                        "a": "\n\n".join(d["news"][sides[0]]["newBody"]),
                        "b": "\n\n".join(d["news"][sides[1]]["newBody"])})
    return out


def default_neus_repo() -> Path:
    """Where the search tool's fetch leaves the snapshot, beside the project checkout."""
    here = Path(__file__).resolve()
    for up in here.parents:
        candidate = up / ".mirror" / "HLTCHKUST+framing-bias-metric" / "repo"
        if candidate.is_dir():
            return candidate
    return here.parents[2] / ".mirror" / "HLTCHKUST+framing-bias-metric" / "repo"


def rebuild_texts(labels: Path, out: Path, repo: Path | None = None) -> int:
    """Write the texts a label file (`benchmarks/labels/*.json`) indexes, from the NeuS snapshot,
    checking each against its sha256; returns how many did not match."""
    import hashlib

    raw = subprocess.run(["git", "--git-dir", str(repo or default_neus_repo()), "show",
                          "HEAD:" + NEUS_FILE], check=True,
                         capture_output=True).stdout.decode("utf-8")
    clusters = {f"allsides-{d['id']}": d
                for d in map(json.loads, filter(str.strip, raw.splitlines()))}
    out.mkdir(parents=True, exist_ok=True)
    bad = 0
    for st in json.loads(labels.read_text(encoding="utf-8"))["stories"]:
        for k in ("a", "b"):
            text = "\n\n".join(clusters[st["id"]]["news"][st[k + "_side"]]["newBody"])
            bad += hashlib.sha256(text.encode("utf-8")).hexdigest() != st[k + "_sha256"]
            (out / st[k + "_file"]).write_text(text, encoding="utf-8", newline="")
    return bad


if __name__ == "__main__":
    # python benchmarks/labelled_sets.py LABELS.json OUT_DIR [NEUS_GIT_DIR]
    problems = rebuild_texts(Path(sys.argv[1]), Path(sys.argv[2]),
                             Path(sys.argv[3]) if len(sys.argv) > 3 else None)
    print(f"texts written to {sys.argv[2]}, {problems} not matching their sha256")
    sys.exit(1 if problems else 0)
