"""A comparison uses the cores it is allowed, not all the machine has."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from compare_app.core import multi
from compare_app.core.machine import usable_cores


@pytest.mark.skipif(not hasattr(os, "sched_setaffinity"), reason="no CPU affinity here")
def test_a_process_held_to_one_core_counts_one():
    code = ("import os; os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]}); "
            "from compare_app.core.machine import usable_cores; print(usable_cores())")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    assert out.strip() == "1"
    assert 1 <= usable_cores() <= (os.cpu_count() or 1)


def test_sources_are_not_linked_in_parallel_on_one_usable_core(monkeypatch):
    long_docs = [type("Doc", (), {"sentences": range(5000)})() for _ in range(4)]
    monkeypatch.setattr(multi, "usable_cores", lambda: 1)
    assert multi._workers(long_docs, 6) == 0
    monkeypatch.setattr(multi, "usable_cores", lambda: 4)
    assert multi._workers(long_docs, 6) == 4
