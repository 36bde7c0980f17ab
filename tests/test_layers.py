"""The layers as declared in pyproject.toml ([tool.importlinter]), and the package data a wheel
must carry. import-linter reads the import graph, so a lazy import inside a function counts."""

from __future__ import annotations

import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

from compare_app.core import lexicon, samples

ROOT = Path(__file__).resolve().parents[1]


def test_import_contracts_are_kept():
    folders = f"{sysconfig.get_path('scripts')}:{Path(sys.executable).parent}"
    command = shutil.which("lint-imports", path=folders)
    assert command, "import-linter is a test dependency: pip install -e '.[test]'"
    result = subprocess.run([command, "--config", str(ROOT / "pyproject.toml")], cwd=ROOT,
                            capture_output=True, text=True, timeout=300, check=False)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    assert "0 broken" in result.stdout


def test_run_time_data_is_package_data():
    """Everything read at run time lives inside the package (a wheel ships only that)."""
    package = Path(samples.__file__).resolve().parents[1]
    for path in (*samples.sample_paths(), lexicon.WORDS_FILE,
                 lexicon.WORDS_FILE.with_name("SCOWL-COPYRIGHT.txt"), package / "py.typed"):
        assert path.is_file() and package in path.resolve().parents, path
    assert lexicon.is_common_word("rescue") and not lexicon.is_common_word("Shoigu")


def test_repository_samples_are_the_package_samples():
    """The top-level sample_docs/ (for people browsing the repository) is the package copy."""
    top = ROOT / "sample_docs"
    if top.exists():
        for path in samples.sample_paths():
            assert (top / path.name).read_bytes() == path.read_bytes()
