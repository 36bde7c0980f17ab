"""The `compare-app` command installed in the environment running the tests.

CLI tests run the installed entry point (the console script that `pip install` wrote next to
this interpreter), not the source tree through PYTHONPATH, so the packaging is tested too.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path


def compare_app_command() -> str:
    """The path of the environment's `compare-app` script; fails clearly when not installed."""
    folders = [sysconfig.get_path("scripts"), str(Path(sys.executable).parent)]
    for folder in folders:
        found = shutil.which("compare-app", path=folder)
        if found:
            return found
    raise RuntimeError(f"compare-app is not installed in {folders[0]}; run "
                       "`pip install -e '.[test]'` (or install the wheel) first")


def run_cli(*args: str, cwd: str | os.PathLike[str] | None = None, timeout: float = 180,
            **env: str) -> subprocess.CompletedProcess:
    """Run `compare-app ARGS` as a user would, offscreen, outside the source tree by default."""
    environ = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    environ.update({"QT_QPA_PLATFORM": "offscreen", **env})
    return subprocess.run([compare_app_command(), *args], capture_output=True, text=True,
                          cwd=cwd or Path.home(), env=environ, timeout=timeout, check=False)
