"""What the machine lets a comparison use: how many cores, and whether its memory is capped."""

from __future__ import annotations

import os


def usable_cores() -> int:
    """The cores this process may run on (its CPU affinity), not all the machine has."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # no affinity on this system (macOS, Windows)
        return os.cpu_count() or 1


def memory_capped() -> bool:
    """Whether this process runs under a cap on its address space (`ulimit -v`): a second
    process would need as much memory again."""
    try:
        import resource  # POSIX only
    except ImportError:
        return False
    try:
        soft, _hard = resource.getrlimit(resource.RLIMIT_AS)
    except (OSError, ValueError, AttributeError):
        return False
    return soft != resource.RLIM_INFINITY
