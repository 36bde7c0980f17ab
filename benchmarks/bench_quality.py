"""Judgement quality on real, hand-labelled same-story news pairs, against the first engine.

Runs the engine (in process, the same `compare_texts` the CLI and the window use) on every pair
of a labelled set, scores the JSON it would write with the set's own scorer (`score.py` beside
`gold.json`), and prints the figures next to the baseline the first engine scored on the
development set (measured with the same scorer, default settings; see the issue that set the
targets). Then it sweeps the sensitivity and draws the precision/recall trade-off as a PNG.

    python benchmarks/bench_quality.py --devset DIR [--texts DIR] [--gold FILE] [--png FILE]

DIR is the development-set folder (gold.json, score.py); the texts are the ones its build.py
wrote (default /tmp/news-dev). `--gold/--texts` score another labelled set in the same format.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from compare_app.core import tuning
from compare_app.core.compare import compare_texts
from compare_app.core.loading import load_text
from compare_app.core.models import CompareOptions
from compare_app.core.serialize import comparison_json
from labelled_sets import load_set

# The first engine on the development set, default settings (threshold 30 on its own scale).
BASELINE = {"alignment_F1": 0.373, "alignment_precision": 1.00, "alignment_recall": 0.23,
            "divergence_recall": 0.0, "divergence_precision": 0.0, "unsupported_F1": 0.517,
            "unsupported_precision": 0.36, "exclusion_recall": 0.0}
TARGETS = {"alignment_F1": 0.75, "alignment_precision": 0.80, "divergence_recall": 0.60,
           "divergence_precision": 0.60, "unsupported_F1": 0.75}
SWEEP = (10, 20, 30, 40, 50, 60, 70, 80, 90)
SHOWN = ("alignment_precision", "alignment_recall", "alignment_F1", "relation_accuracy",
         "divergence_recall", "divergence_precision", "reason_kind_accuracy",
         "unsupported_precision", "unsupported_recall", "unsupported_F1", "exclusion_precision",
         "exclusion_recall")


def score(scorer: Path, gold: Path, texts: Path, threshold: float) -> tuple[dict, dict]:
    """The scorer's metrics and per-story counts for one sensitivity."""
    stories = load_set(gold, texts)
    with tempfile.TemporaryDirectory() as out:
        for st in stories:
            c = compare_texts(load_text(st.a_text, name=st.gold["a_file"]),
                              load_text(st.b_text, name=st.gold["b_file"]),
                              CompareOptions(threshold=threshold))
            Path(out, st.id + ".json").write_text(json.dumps(comparison_json(c)), encoding="utf-8")
        result = Path(out, "metrics.json")
        subprocess.run([sys.executable, str(scorer), out, "--gold", str(gold),
                        "--texts", str(texts), "--json", str(result)],
                       check=True, capture_output=True)
        data = json.loads(result.read_text(encoding="utf-8"))
    return data["metrics"], data["per_story"]


def story_f1(counts: dict) -> float:
    tp, fp, fn = counts["align_tp"], counts["align_fp"], counts["align_fn"]
    return 2 * tp / (2 * tp + fp + fn) if tp else (1.0 if not (fp or fn) else 0.0)


def draw_curve(points: list[tuple[float, float, float]], default: float, path: Path) -> None:
    """Precision against recall over the sensitivity range, the default marked (Qt, offscreen)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QPointF, QRectF, Qt
    from PySide6.QtGui import QColor, QFont, QGuiApplication, QImage, QPainter, QPen

    app = QGuiApplication.instance() or QGuiApplication([])  # noqa: F841 (fonts need it)
    w, h, m = 640, 480, 64
    img = QImage(w, h, QImage.Format.Format_ARGB32)
    img.fill(QColor("white"))
    p = QPainter(img)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setFont(QFont("DejaVu Sans", 10))

    def at(recall: float, precision: float) -> QPointF:
        return QPointF(m + recall * (w - 2 * m), h - m - precision * (h - 2 * m))

    p.setPen(QPen(QColor("#dddddd"), 1))
    for k in range(11):
        p.drawLine(at(k / 10, 0), at(k / 10, 1))
        p.drawLine(at(0, k / 10), at(1, k / 10))
    p.setPen(QPen(QColor("#333333"), 1))
    p.drawRect(QRectF(at(0, 1), at(1, 0)))
    for k in range(0, 11, 2):
        p.drawText(QRectF(at(k / 10, 0) + QPointF(-20, 6), at(k / 10, 0) + QPointF(20, 24)),
                   Qt.AlignmentFlag.AlignCenter, f"{k / 10:.1f}")
        p.drawText(QRectF(at(0, k / 10) + QPointF(-48, -9), at(0, k / 10) + QPointF(-6, 9)),
                   Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, f"{k / 10:.1f}")
    p.drawText(QRectF(0, h - 28, w, 20), Qt.AlignmentFlag.AlignCenter, "alignment recall")
    p.save()
    p.translate(16, h / 2)
    p.rotate(-90)
    p.drawText(QRectF(-100, -10, 200, 20), Qt.AlignmentFlag.AlignCenter, "alignment precision")
    p.restore()
    p.drawText(QRectF(0, 14, w, 22), Qt.AlignmentFlag.AlignCenter,
               "Sensitivity trade-off on the news development set (20 real story pairs)")
    p.setPen(QPen(QColor("#0072B2"), 2.5))
    pts = sorted(((r, pr, t) for t, pr, r in points), key=lambda x: x[2])
    for (r1, p1, _), (r2, p2, _) in zip(pts, pts[1:]):
        p.drawLine(at(r1, p1), at(r2, p2))
    for r, pr, t in pts:
        is_default = t == default
        p.setPen(QPen(QColor("#D55E00" if is_default else "#0072B2"), 2))
        p.setBrush(QColor("#D55E00" if is_default else "#0072B2"))
        radius = 6 if is_default else 3.5
        p.drawEllipse(at(r, pr), radius, radius)
        p.setPen(QPen(QColor("#D55E00" if is_default else "#333333"), 1))
        label = f"{t:g} (default)" if is_default else f"{t:g}"
        p.drawText(at(r, pr) + QPointF(8, -6), label)
    p.end()
    img.save(str(path))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--devset", type=Path, required=True, help="folder with gold.json and score.py")
    ap.add_argument("--gold", type=Path, default=None,
                    help="another labelled set (default: the devset's)")
    ap.add_argument("--texts", type=Path, default=Path("/tmp/news-dev"))
    ap.add_argument("--png", type=Path, default=None, help="write the precision/recall curve here")
    ap.add_argument("--no-sweep", action="store_true")
    args = ap.parse_args()
    scorer, gold = args.devset / "score.py", args.gold or args.devset / "gold.json"
    default = tuning.DEFAULT_THRESHOLD
    metrics, per_story = score(scorer, gold, args.texts, default)
    print(f"labelled set: {gold} ({len(per_story)} stories), sensitivity {default:g} (default)")
    own = args.gold is None
    print(f"{'metric':24} {'now':>6} {'first engine':>13} {'target':>8}"
          + ("" if own else "   (first-engine figures are for the development set)"))
    for key in SHOWN:
        base = BASELINE.get(key) if own else None
        target = TARGETS.get(key)
        print(f"{key:24} {metrics[key]:6.3f} {'' if base is None else f'{base:.3f}':>13} "
              f"{'' if target is None else f'>= {target:.2f}':>8}")
    zero = [sid for sid, c in per_story.items() if story_f1(c) == 0.0]
    print(f"stories with alignment F1 0: {len(zero)} {' '.join(zero)}")
    held = [k for k, t in TARGETS.items() if metrics[k] >= t] + ([] if zero else ["no F1 0"])
    print(f"targets held: {len(held)} of {len(TARGETS) + 1}"
          + "".join(f"; {k} {metrics[k]:.3f} < {t}" for k, t in TARGETS.items() if metrics[k] < t)
          + (f"; {len(zero)} stories at F1 0" if zero else ""))
    if args.no_sweep:
        return
    print("\nsensitivity sweep")
    print(f"{'sensitivity':>11} {'align P':>8} {'align R':>8} {'F1':>6} {'div P':>6} "
          f"{'div R':>6} {'unsup F1':>8}")
    points = []
    for t in SWEEP:
        m = metrics if t == default else score(scorer, gold, args.texts, t)[0]
        points.append((t, m["alignment_precision"], m["alignment_recall"]))
        print(f"{t:11g} {m['alignment_precision']:8.3f} {m['alignment_recall']:8.3f} "
              f"{m['alignment_F1']:6.3f} {m['divergence_precision']:6.3f} "
              f"{m['divergence_recall']:6.3f} "
              f"{m['unsupported_F1']:8.3f}" + ("   <- default" if t == default else ""))
    if args.png:
        draw_curve(points, default, args.png)
        print(f"curve written to {args.png}")


if __name__ == "__main__":
    main()
