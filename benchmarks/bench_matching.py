"""Speed, memory and accuracy of sentence matching on synthetic news documents.

Compares compare_app's `compare_texts` ("ours") with two all-pairs baselines on two generated
documents of N sentences each whose planted matches are known (see synthetic_docs.py):

* rapidfuzz: token_set_ratio of every A sentence against every B sentence (C++, one thread),
  each A sentence's best B above a cutoff, made one-to-one greedily by score. The cutoff is
  the one that maximises the baseline's F1, found by an untimed sweep.
* difflib: SequenceMatcher.ratio() on a random sample of A rows against all of B; the time is
  extrapolated to all rows and recall/precision are measured on the sampled rows only.

Each timed run happens in a fresh process (multiprocessing "spawn") so that the peak RSS
belongs to one method; it is reported as the absolute peak (imports and input included) and as
the growth over the process's footprint after imports and input. Times are medians of
--repeats runs; ours and rapidfuzz take turns, and the speed-up is the median over the turns of
the two times in one turn. The 2 s target is checked at the speed of the machine it was set on
(see TARGET_MACHINE_BASELINE). tracemalloc peaks come from one more, untimed, run.

    python benchmarks/bench_matching.py [--sentences 5000] [--seed 1] [--quick] [--json FILE]
"""

from __future__ import annotations

import argparse
import bisect
import cProfile
import difflib
import io
import json
import multiprocessing
import pstats
import random
import resource
import statistics
import sys
import threading
import time
import tracemalloc
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass
from pathlib import Path

from rapidfuzz import fuzz, process, utils

sys.path.insert(0, str(Path(__file__).resolve().parent))
from compare_app.core import relate_helper  # noqa: E402
from compare_app.core.compare import compare_texts  # noqa: E402
from compare_app.core.loading import load_text  # noqa: E402
from compare_app.core.models import CompareOptions, Comparison  # noqa: E402
from compare_app.core.segment import split_sentences  # noqa: E402
from synthetic_docs import SyntheticPair, generate  # noqa: E402

Link = tuple[int, int]  # (A sentence index, B sentence index), 1-based as in the app
SWEEP_THRESHOLDS = (20, 25, 30, 35, 40, 45, 50, 55, 60, 65, 70)
RAPIDFUZZ_CUTOFFS = (50, 60, 70, 75, 80, 85, 90, 95)
DIFFLIB_CUTOFFS = (40, 50, 60, 65, 70, 75, 80, 85, 90)


# --------------------------------------------------------------------------- ground truth


def map_spans(planted: Sequence[tuple[int, int]],
              spans: Sequence[tuple[int, int]]) -> tuple[list[int], int]:
    """1-based index of the app sentence that overlaps each planted span most, and how many
    planted sentences were not segmented as exactly one app sentence."""
    starts = [s for s, _ in spans]
    out, mismatches = [], 0
    for start, end in planted:
        k = max(bisect.bisect_right(starts, start) - 1, 0)
        best, best_overlap = k, -1
        while k < len(spans) and spans[k][0] < end:
            overlap = min(end, spans[k][1]) - max(start, spans[k][0])
            if overlap > best_overlap:
                best, best_overlap = k, overlap
            k += 1
        mismatches += spans[best] != (start, end)
        out.append(best + 1)
    return out, mismatches


@dataclass
class Truth:
    links: set[Link]
    changed: set[Link]  # planted pairs whose number was changed (expected "diverge")
    roles_b: dict[int, str]  # B sentence index -> planted / distractor / filler
    segmentation_mismatches: int


def ground_truth(pair: SyntheticPair) -> Truth:
    spans_a, spans_b = split_sentences(pair.text_a), split_sentences(pair.text_b)
    ia, ma = map_spans([a for a, _, _ in pair.planted], spans_a)
    ib, mb = map_spans([b for _, b, _ in pair.planted], spans_b)
    roles, mr = map_spans([s for s, _ in pair.b_roles], spans_b)
    links = set(zip(ia, ib))
    changed = {link for link, (_, _, ch) in zip(zip(ia, ib), pair.planted) if ch}
    return Truth(links, changed, {j: r for j, (_, r) in zip(roles, pair.b_roles)}, ma + mb + mr)


def score(links: set[Link], truth: set[Link]) -> dict[str, float]:
    hit = len(links & truth)
    recall = hit / len(truth) if truth else 0.0
    precision = hit / len(links) if links else 0.0
    f1 = 2 * recall * precision / (recall + precision) if recall + precision else 0.0
    return {"recall": recall, "precision": precision, "f1": f1, "reported": len(links)}


# --------------------------------------------------------------------------- methods


def links_of(comparison: Comparison) -> dict[Link, str]:
    """Every (A, B) sentence combination of a reported pair, with the pair's relation."""
    return {(int(a[1:]), int(b[1:])): p.relation.value
            for p in comparison.pairs for a in p.a for b in p.b}


def run_ours(text_a: str, text_b: str, threshold: float | None = None) -> set[Link]:
    """compare_texts end to end, loading of the text and segmentation included; the app's
    default options unless a threshold is given."""
    options = CompareOptions() if threshold is None else CompareOptions(threshold=threshold)
    comparison = compare_texts(load_text(text_a), load_text(text_b), options)
    return set(links_of(comparison))


def run_ours_alone(text_a: str, text_b: str) -> set[Link]:
    """The same in one process: no helper process judges part of the links (as on one core)."""
    relate_helper.HELPER_MIN_CHARS = sys.maxsize
    return run_ours(text_a, text_b)


def _sentences(text: str) -> list[str]:
    return [utils.default_process(text[s:e]) for s, e in split_sentences(text)]


def _one_to_one(best: Sequence[tuple[float, int, int]], cutoff: float) -> set[Link]:
    """Greedy one-to-one links from (score, a, b) row bests, highest score first."""
    used_b: set[int] = set()
    links: set[Link] = set()
    for s, i, j in sorted(best, key=lambda x: (-x[0], x[1])):
        if s >= cutoff and j not in used_b:
            used_b.add(j)
            links.add((i, j))
    return links


def rapidfuzz_best(text_a: str, text_b: str, cutoff: float) -> list[tuple[float, int, int]]:
    """Each A sentence's best B by token_set_ratio (all pairs, C++), if at least `cutoff`."""
    a_list, b_list = _sentences(text_a), _sentences(text_b)
    best = []
    for i, a in enumerate(a_list, start=1):
        hit = process.extractOne(a, b_list, scorer=fuzz.token_set_ratio, processor=None,
                                 score_cutoff=cutoff)
        if hit:
            best.append((hit[1], i, hit[2] + 1))
    return best


def run_rapidfuzz(text_a: str, text_b: str, cutoff: float) -> set[Link]:
    return _one_to_one(rapidfuzz_best(text_a, text_b, cutoff), cutoff)


def difflib_best(text_a: str, text_b: str, rows: Sequence[int]) -> list[tuple[float, int, int]]:
    """For the sampled A rows (1-based): best B by SequenceMatcher.ratio(), on a 0-100 scale."""
    a_list, b_list = _sentences(text_a), _sentences(text_b)
    best = []
    for i in rows:
        matcher = difflib.SequenceMatcher(None)
        matcher.set_seq2(a_list[i - 1])  # the A sentence's index is built once per row
        top, top_j = -1.0, 0
        for j, b in enumerate(b_list, start=1):
            matcher.set_seq1(b)
            r = matcher.ratio()
            if r > top:
                top, top_j = r, j
        best.append((100.0 * top, i, top_j))
    return best


def _proc_status(field: str) -> float | None:
    """A size field of /proc/self/status in MB (Linux), or None."""
    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith(field + ":"):
                    return int(line.split()[1]) / 1024.0
    except OSError:
        pass
    return None


def _reset_peak() -> float:
    """Reset the peak-RSS mark to the current RSS where Linux allows it; the current RSS in MB.

    ru_maxrss alone cannot be used: Linux carries the parent's peak through fork and exec, so a
    spawned child reports at least the parent's size. VmHWM (the peak of this process's own
    memory), reset through /proc/self/clear_refs, measures the method alone."""
    try:
        with open("/proc/self/clear_refs", "w") as f:
            f.write("5")
    except OSError:
        pass
    rss = _proc_status("VmRSS")
    return rss if rss is not None else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _peak_mb() -> float:
    hwm = _proc_status("VmHWM")
    return hwm if hwm is not None else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure(fn: Callable, args: tuple, trace: bool = False) -> dict:
    """Run fn(*args) in this (fresh) process: time, peak RSS and optional tracemalloc peak."""
    base = _reset_peak()  # after imports and unpickling the input
    if trace:
        tracemalloc.start()
    t0 = time.perf_counter()
    result = fn(*args)
    elapsed = time.perf_counter() - t0
    traced = tracemalloc.get_traced_memory()[1] / 2**20 if trace else None
    tracemalloc.stop()
    peak = _peak_mb()
    for thread in threading.enumerate():  # the helper process is waited for by such a thread
        if thread is not threading.current_thread() and thread.daemon:
            thread.join(2.0)
    helper = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"time": elapsed, "rss_peak": peak, "rss_growth": peak - base, "traced": traced,
            "helper_rss": helper, "result": result}


def in_fresh_process(fn: Callable, *args, trace: bool = False) -> dict:
    ctx = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=1, mp_context=ctx) as pool:
        return pool.submit(measure, fn, args, trace).result()


@dataclass
class Row:
    method: str
    time: float  # seconds, median of the runs (extrapolated for difflib)
    times: list[float]
    rss_peak: float
    rss_growth: float
    traced: float | None
    recall: float
    precision: float
    f1: float
    note: str = ""


def timed(name: str, fn: Callable, args: tuple, repeats: int, trace: bool,
          scale: float = 1.0) -> tuple[list[dict], float | None]:
    runs = []
    for k in range(repeats):
        runs.append(in_fresh_process(fn, *args))
        print(f"  {name}: run {k + 1}/{repeats} {runs[-1]['time'] * scale:.2f} s", flush=True)
    traced = in_fresh_process(fn, *args, trace=True)["traced"] if trace else None
    return runs, traced


def alternating(methods: list[tuple[str, Callable, tuple]], repeats: int, trace: bool
                ) -> list[tuple[list[dict], float | None]]:
    """Timed runs of several methods taking turns (one run of each, `repeats` times), with each
    method's traced peak when asked."""
    runs: list[list[dict]] = [[] for _ in methods]
    for k in range(repeats):
        for (name, fn, args), mine in zip(methods, runs):
            mine.append(in_fresh_process(fn, *args))
            print(f"  {name}: run {k + 1}/{repeats} {mine[-1]['time']:.2f} s", flush=True)
    return [(mine, in_fresh_process(fn, *args, trace=True)["traced"] if trace else None)
            for (_, fn, args), mine in zip(methods, runs)]


def speedup(ours: Row, baseline: Row) -> float:
    """How many times faster ours ran: the median over the turns of the baseline's time over
    ours in the same turn (a slow spell of the shared machine then slows both sides of it)."""
    return statistics.median(b / o for b, o in zip(baseline.times, ours.times))


def summarise(name: str, runs: list[dict], traced: float | None, metrics: dict,
              scale: float = 1.0, note: str = "") -> Row:
    times = [r["time"] * scale for r in runs]
    return Row(name, statistics.median(times), times, max(r["rss_peak"] for r in runs),
               max(r["rss_growth"] for r in runs), traced, metrics["recall"],
               metrics["precision"], metrics["f1"], note)


# --------------------------------------------------------------------------- reporting


def relation_counts(found: dict[Link, str], truth: Truth) -> dict[str, dict[str, int]]:
    """Planted pairs with a changed number should diverge; the others should agree."""
    out: dict[str, dict[str, int]] = {"agree": {}, "diverge": {}}
    for link in truth.links & set(found):
        expected = "diverge" if link in truth.changed else "agree"
        out[expected][found[link]] = out[expected].get(found[link], 0) + 1
    return out


def print_table(rows: list[Row], ours: Row) -> None:
    print(f"\n{'method':<22}{'time s':>9}{'peak MB':>9}{'+MB':>8}{'traced MB':>10}"
          f"{'recall':>8}{'prec.':>7}{'F1':>7}{'ratio':>8}  note")
    for r in rows:
        traced = f"{r.traced:.0f}" if r.traced is not None else "-"
        print(f"{r.method:<22}{r.time:>9.2f}{r.rss_peak:>9.0f}{r.rss_growth:>8.0f}{traced:>10}"
              f"{r.recall:>8.3f}{r.precision:>7.3f}{r.f1:>7.3f}{r.time / ours.time:>7.1f}x"
              f"  {r.note}")


def show_misses(pair: SyntheticPair, truth: Truth, links: set[Link], limit: int) -> None:
    """Categorise missed planted pairs and print a few examples."""
    spans_a, spans_b = split_sentences(pair.text_a), split_sentences(pair.text_b)
    a_to = {i: j for i, j in links}
    b_to = {j: i for i, j in links}
    kinds: dict[str, list[Link]] = {}
    for i, j in sorted(truth.links - links):
        if i not in a_to and j not in b_to:
            kind = "both unpaired"
        elif i in a_to:
            kind = f"A paired with a {truth.roles_b.get(a_to[i], '?')} B sentence"
        else:
            kind = "B taken by another A sentence"
        kinds.setdefault(kind, []).append((i, j))
    print(f"\nmissed planted pairs: {len(truth.links - links)} of {len(truth.links)}")
    for kind, items in sorted(kinds.items(), key=lambda kv: -len(kv[1])):
        print(f"  {len(items):5d}  {kind}")
        for i, j in items[:limit]:
            print(f"         A{i}: {pair.text_a[slice(*spans_a[i - 1])]}")
            print(f"         B{j}: {pair.text_b[slice(*spans_b[j - 1])]}")
            if i in a_to:
                print(f"     paired B{a_to[i]}: {pair.text_b[slice(*spans_b[a_to[i] - 1])]}")


def profile_text(text_a: str, text_b: str, top: int = 15) -> str:
    """cProfile of one compare_texts run, top functions by cumulative time. Run it in a fresh
    process: the app memoises word stems, so a warm process would hide their cost."""
    profiler = cProfile.Profile()
    profiler.runcall(run_ours, text_a, text_b)
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(top)
    return out.getvalue()


def threshold_sweep(a: str, b: str, truth: Truth) -> tuple[dict, dict]:
    """Our recall/precision/F1 per threshold, and the relations at the default threshold."""
    print("\nthreshold sweep (ours):")
    print(f"{'threshold':>10}{'recall':>8}{'prec.':>7}{'F1':>7}{'links':>7}{'related':>9}"
          f"{'prec. agree/diverge':>21}")
    sweep, relations = {}, {}
    for t in SWEEP_THRESHOLDS:
        found = links_of(compare_texts(load_text(a), load_text(b), CompareOptions(threshold=t)))
        m = sweep[t] = score(set(found), truth.links)
        claimed = {link for link, rel in found.items() if rel != "related"}
        m["related"] = len(found) - len(claimed)
        m["precision_agree_diverge"] = score(claimed, truth.links)["precision"]
        if t == CompareOptions().threshold:
            relations = relation_counts(found, truth)
        print(f"{t:>10}{m['recall']:>8.3f}{m['precision']:>7.3f}{m['f1']:>7.3f}{m['reported']:>7}"
              f"{m['related']:>9}{m['precision_agree_diverge']:>21.3f}")
    print("\nrelation of found planted pairs at the default threshold (expected -> reported):")
    for expected, counts in relations.items():
        print(f"  {expected:<8} " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
    return sweep, relations


def best_cutoff(name: str, best: list[tuple[float, int, int]], cutoffs: Sequence[int],
                truth: set[Link]) -> tuple[int, dict]:
    """The baseline's cutoff with the highest F1 (the lower one on a tie) and the whole sweep."""
    sweep = {c: score(_one_to_one(best, c), truth) for c in cutoffs}
    print(f"  {name} cutoff sweep (recall/precision/F1): " + ", ".join(
        f"{c}: {m['recall']:.2f}/{m['precision']:.2f}/{m['f1']:.3f}" for c, m in sweep.items()))
    return max(cutoffs, key=lambda c: (sweep[c]["f1"], -c)), sweep


# The "under 2 s" target was set on a machine where the all-pairs rapidfuzz baseline of this
# benchmark (same documents, same code) took 44.19 s (commit 6542887, median of 3). Machines
# here are shared and their speed moves by half within an hour, so the target is checked at that
# machine's speed: our time scaled by the baseline measured in the same run.
TARGET_SECONDS, TARGET_MACHINE_BASELINE = 2.0, 44.19


def check_targets(ours: Row, rf: Row, n: int, helper_mb: float = 0.0) -> dict[str, bool]:
    ratio = speedup(ours, rf)
    scaled = TARGET_MACHINE_BASELINE / ratio
    checks = {
        "ours >= 20x faster than all-pairs rapidfuzz": ratio >= 20,
        "ours recall >= rapidfuzz recall - 0.01": ours.recall >= rf.recall - 0.01,
        "ours < 2 s at the target machine's speed": scaled < TARGET_SECONDS,
        "ours peak RSS < 400 MB (helper process included)": ours.rss_peak + helper_mb < 400,
    }
    print(f"\nspeed-up {ratio:.1f}x (median over the turns); ours {ours.time:.2f} s here, "
          f"{scaled:.2f} s at the speed of the machine the 2 s target was set on (where "
          f"all-pairs rapidfuzz took {TARGET_MACHINE_BASELINE} s; here {rf.time:.1f} s)")
    print("targets: " + "; ".join(f"{k}: {'yes' if v else 'NO'}" for k, v in checks.items()))
    print(f"TARGETS {'HOLD' if all(checks.values()) else 'DO NOT HOLD'} "
          f"(speed-up {ratio:.1f}x, {ours.time:.2f} s, {ours.rss_peak:.0f} MB, "
          f"recall {ours.recall:.3f} vs {rf.recall:.3f})")
    if n != 5000:
        print("(the targets are set for 2 x 5,000 sentences; at other sizes this is indicative)")
    return checks


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sentences", type=int, default=5000, help="sentences per document")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--quick", action="store_true", help="1,000-sentence smoke run, one repeat")
    ap.add_argument("--repeats", type=int, default=3, help="timed runs per method (median)")
    ap.add_argument("--difflib-rows", type=int, default=50, help="A rows sampled for difflib")
    ap.add_argument("--no-tracemalloc", action="store_true", help="skip the traced runs")
    ap.add_argument("--profile", action="store_true", help="cProfile our method (top 15)")
    ap.add_argument("--misses", type=int, default=3, help="examples per kind of missed pair")
    ap.add_argument("--json", type=Path, help="write the figures to this file")
    args = ap.parse_args(argv)
    n, repeats = (1000, 1) if args.quick else (args.sentences, args.repeats)
    trace = not args.no_tracemalloc

    pair = generate(n, seed=args.seed)
    truth = ground_truth(pair)
    a, b = pair.text_a, pair.text_b
    print(f"documents: {n} sentences each ({len(a):,} / {len(b):,} chars), seed {args.seed}; "
          f"{len(truth.links)} planted pairs ({len(truth.changed)} with a changed number); "
          f"segmentation mismatches: {truth.segmentation_mismatches}")
    sweep, relations = threshold_sweep(a, b, truth)

    best = in_fresh_process(rapidfuzz_best, a, b, min(RAPIDFUZZ_CUTOFFS))["result"]
    cutoff, rf_sweep = best_cutoff("rapidfuzz", best, RAPIDFUZZ_CUTOFFS, truth.links)
    print("\ntimed runs (fresh process each; ours and rapidfuzz take turns, so that both meet "
          "the machine's load alike):")
    (runs, traced), (alone_runs, alone_traced), (rf_runs, rf_traced) = alternating(
        [("ours", run_ours, (a, b)), ("ours in one process", run_ours_alone, (a, b)),
         ("rapidfuzz", run_rapidfuzz, (a, b, cutoff))], repeats, trace)
    ours_links = runs[0]["result"]
    helper_mb = max(r["helper_rss"] for r in runs)
    ours = summarise("ours (compare_texts)", runs, traced, score(ours_links, truth.links),
                     note=f"threshold {CompareOptions().threshold:g}; helper process "
                          f"peak {helper_mb:.0f} MB" if helper_mb else
                          f"threshold {CompareOptions().threshold:g}; no helper process")
    alone = summarise("ours, one process", alone_runs, alone_traced,
                      score(alone_runs[0]["result"], truth.links), note="no helper process")
    rf = summarise("all-pairs rapidfuzz", rf_runs, rf_traced,
                   score(rf_runs[0]["result"], truth.links),
                   note=f"token_set_ratio >= {cutoff}")

    n_a = len(split_sentences(a))
    sample = sorted(random.Random(args.seed).sample(range(1, n_a + 1), min(args.difflib_rows, n_a)))
    rows_set = set(sample)
    sampled_truth = {(i, j) for i, j in truth.links if i in rows_set}
    scale = n_a / len(sample)
    runs, traced = timed("difflib", difflib_best, (a, b, sample), repeats, trace, scale)
    dl_cut, dl_sweep = best_cutoff("difflib", runs[0]["result"], DIFFLIB_CUTOFFS, sampled_truth)
    dl = summarise("all-pairs difflib", runs, traced, dl_sweep[dl_cut], scale,
                   note=f"ratio >= {dl_cut / 100:.2f}; {len(sample)} rows, time extrapolated")

    rows = [ours, alone, rf, dl]
    print_table(rows, ours)
    print(f"in one process (as on a single core): {speedup(alone, rf):.1f}x, "
          f"{TARGET_MACHINE_BASELINE / speedup(alone, rf):.2f} s at the target machine's speed")
    checks = check_targets(ours, rf, n, helper_mb)
    show_misses(pair, truth, ours_links, args.misses)
    if args.profile:
        print("\ncProfile of compare_texts (fresh process), top 15 by cumulative time:")
        print(in_fresh_process(profile_text, a, b)["result"])
    if args.json:
        args.json.write_text(json.dumps({
            "sentences": n, "seed": args.seed, "repeats": repeats,
            "planted": len(truth.links), "changed_numbers": len(truth.changed),
            "rows": [asdict(r) for r in rows], "threshold_sweep": sweep, "relations": relations,
            "rapidfuzz_cutoff_sweep": rf_sweep, "difflib_cutoff_sweep": dl_sweep,
            "speedup_vs_rapidfuzz": speedup(ours, rf),
            "speedup_vs_rapidfuzz_one_process": speedup(alone, rf),
            "helper_process_peak_mb": helper_mb,
            "seconds_at_target_machine_speed": TARGET_MACHINE_BASELINE / speedup(ours, rf),
            "targets": checks,
        }, indent=2) + "\n")
        print(f"\nwrote {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
