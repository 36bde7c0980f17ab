"""Screenshot the real window on the bundled samples with a divergent pair selected.

Run under a virtual display of the size to check, e.g.
    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python tools/screenshot_window.py out.png
`--grey` also writes a greyscale copy (out-grey.png) to check the non-colour cues; `--small`
reduces the PNGs to a 128-colour palette (needs Pillow) for the README.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtGui import QGuiApplication, QImage
from PySide6.QtWidgets import QApplication

from compare_app.core.models import Status
from compare_app.gui.app import create_window


def _wait(ms: int) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def shrink(paths: list[str]) -> None:
    from PIL import Image  # a tool for the screenshots only, not a dependency of the app

    for path in paths:
        with Image.open(path) as im:
            small = im.convert("RGB").quantize(128, dither=Image.Dither.NONE)
        small.save(path, optimize=True)


def log_sizes(window) -> None:
    for name in ("main_splitter", "text_splitter", "bottom_splitter"):
        print(name, getattr(window, name).sizes())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out")
    parser.add_argument("--grey", action="store_true", help="also save a greyscale copy")
    parser.add_argument("--small", action="store_true", help="palette PNGs (needs Pillow)")
    parser.add_argument("--pair", type=int, default=0, help="which divergent pair (0 = first)")
    parser.add_argument("--sources", nargs="+", default=(), metavar="FILE",
                        help="documents to open (three or more: the claims matrix is shown with "
                             "its first claim selected); default: the bundled sample pair")
    args = parser.parse_args(argv)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as tmp:
        window = create_window(tuple(args.sources), str(Path(tmp) / "settings.ini"))
        window.show()
        loop = QEventLoop()
        signal = (window.controller.multi_changed if len(args.sources) > 2
                  else window.controller.comparison_finished)
        signal.connect(lambda *_: loop.quit())
        QTimer.singleShot(60000, loop.quit)
        if window.comparison is None or (len(args.sources) > 2 and window.controller.multi is None):
            loop.exec()
        if len(args.sources) > 2 and window.controller.multi is not None:
            window.bottom_tabs.setCurrentWidget(window.matrix)
            window.matrix.select(window.controller.multi.clusters[0].id)
        else:
            keys = [r.key for r in window.model.rows if r.status is Status.DIVERGE]
            if keys:
                window.select_key(keys[min(args.pair, len(keys) - 1)])
        _wait(500)
        screen = QGuiApplication.primaryScreen()
        print(f"screen {screen.size().toTuple()} available {screen.availableGeometry().getRect()} "
              f"window {window.frameGeometry().getRect()}")
        log_sizes(window)
        image = window.grab().toImage()
        outputs = [args.out]
        image.save(args.out)
        if args.grey:
            grey = image.convertToFormat(QImage.Format.Format_Grayscale8)
            outputs.append(str(Path(args.out).with_name(Path(args.out).stem + "-grey.png")))
            grey.save(outputs[-1])
        if args.small:
            shrink(outputs)
        window.controller.runner.wait(5000)
        window.close()
    app.processEvents()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
