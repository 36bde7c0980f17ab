"""The core must run without Qt: the CLI and scripts use it on machines with no display."""

import subprocess
import sys


def test_core_does_not_import_qt():
    code = ("import sys, compare_app.core.compare, compare_app.core.serialize, compare_app.cli; "
            "from compare_app.core.compare import compare_files; "
            "from compare_app.core.samples import sample_paths; "
            "compare_files(*map(str, sample_paths())); "
            "assert not [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))], 'Qt "
            "imported'")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
