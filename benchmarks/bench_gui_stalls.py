"""How long the GUI thread stalls while the window compares two 5,000-sentence documents.

A 5 ms QTimer records the gaps between its ticks: a gap is time the event loop could not run
(the window could not repaint or answer input). Measured in the same run:

- **window**: the real MainWindow opening the pair (comparison on the worker thread), then
  showing the result and scrolling both panes from top to bottom;
- **baseline**: the same comparison called directly on the GUI thread, which is what the
  window would do without its background runner.

Run: `QT_QPA_PLATFORM=offscreen python benchmarks/bench_gui_stalls.py [--sentences N]`
Targets: no gap over 100 ms while comparing; showing and scrolling reported separately.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from PySide6.QtCore import QElapsedTimer, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from compare_app.core.compare import compare_texts  # noqa: E402
from compare_app.core.loading import load_document  # noqa: E402
from compare_app.gui.main_window import MainWindow  # noqa: E402
from compare_app.gui.settings import AppSettings  # noqa: E402
from synthetic_docs import generate  # noqa: E402

TICK_MS = 5


class GapRecorder:
    """Records event-loop gaps, tagged with the phase the app was in."""

    def __init__(self, app: QApplication) -> None:
        self.app = app
        self.clock = QElapsedTimer()
        self.clock.start()
        self.last = 0
        self.phase = "idle"
        self.gaps: dict[str, list[float]] = {}
        self.timer = QTimer()
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self._tick)

    def _tick(self) -> None:
        now = self.clock.elapsed()
        self.gaps.setdefault(self.phase, []).append(max(0, now - self.last - TICK_MS))
        self.last = now

    def start(self) -> None:
        self.last = self.clock.elapsed()
        self.timer.start()

    def set_phase(self, phase: str) -> None:
        self._tick()
        self.phase = phase

    def wait(self, condition, timeout_s: float = 120.0) -> None:
        end = time.monotonic() + timeout_s
        while not condition():
            if time.monotonic() > end:
                raise TimeoutError("condition not reached")
            self.app.processEvents()
            time.sleep(0.001)


def summarise(name: str, gaps: list[float]) -> str:
    if not gaps:
        return f"{name:<22} (no ticks)"
    p95 = sorted(gaps)[int(0.95 * (len(gaps) - 1))]
    return (f"{name:<22} ticks {len(gaps):>5}  max gap {max(gaps):7.0f} ms  p95 {p95:5.0f} ms  "
            f"mean {statistics.fmean(gaps):5.1f} ms")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sentences", type=int, default=5000)
    args = parser.parse_args()
    app = QApplication(sys.argv[:1])
    pair = generate(args.sentences, seed=11)
    folder = Path(tempfile.mkdtemp(prefix="bench-gui-"))
    path_a, path_b = folder / "a.txt", folder / "b.txt"
    path_a.write_text(pair.text_a, encoding="utf-8")
    path_b.write_text(pair.text_b, encoding="utf-8")

    rec_holder: dict[str, GapRecorder] = {}
    original_show = MainWindow.show_comparison

    def timed_show(self, comparison):  # tag the display work as its own phase
        rec_holder["rec"].set_phase("showing result")
        original_show(self, comparison)
        rec_holder["rec"].set_phase("idle")

    MainWindow.show_comparison = timed_show
    window = MainWindow(AppSettings(folder / "settings.ini"))
    window.resize(1400, 900)
    window.show()
    paint_started = time.perf_counter()
    for _ in range(5):  # the first paint of the empty window is not part of comparing
        app.processEvents()
    first_paint = time.perf_counter() - paint_started
    rec = GapRecorder(app)
    rec_holder["rec"] = rec
    rec.start()
    rec.set_phase("comparing (window)")
    started = time.perf_counter()
    window.open_pair(str(path_a), str(path_b))
    shown = {"at": None}
    rec.wait(lambda: window.comparison is not None)
    app.processEvents()
    shown["at"] = time.perf_counter() - started
    rec.set_phase("scrolling both panes")
    bar = window.pane_a.view.verticalScrollBar()
    for value in range(0, bar.maximum() + 1, max(1, bar.maximum() // 200)):
        bar.setValue(value)
        app.processEvents()
    rec.set_phase("baseline (GUI thread)")
    base_started = time.perf_counter()
    compare_texts(load_document(path_a), load_document(path_b))
    app.processEvents()
    base_time = time.perf_counter() - base_started
    rec.set_phase("idle")
    rec.timer.stop()

    c = window.comparison
    print(f"first paint of the window: {first_paint * 1000:.0f} ms")
    print(f"documents: {len(c.a.sentences)} + {len(c.b.sentences)} sentences, "
          f"{len(c.pairs)} pairs; open-to-shown {shown['at']:.2f} s; baseline compare "
          f"{base_time:.2f} s")
    for phase in ("comparing (window)", "showing result", "scrolling both panes",
                  "baseline (GUI thread)"):
        print(summarise(phase, rec.gaps.get(phase, [])))
    worst = max(rec.gaps.get("comparing (window)", [0]))
    base_worst = max(rec.gaps.get("baseline (GUI thread)", [0]))
    print(f"worst stall while comparing: {worst:.0f} ms vs {base_worst:.0f} ms on the GUI thread "
          f"({base_worst / max(worst, 1):.0f}x shorter); target < 100 ms: "
          f"{'met' if worst < 100 else 'NOT met'}")
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
