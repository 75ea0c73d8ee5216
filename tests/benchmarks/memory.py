"""The peak memory of this process alone, for measures run in a process of their own."""

from __future__ import annotations

import sys


def peak_rss_mb() -> float:
    """The process's high-water resident memory in MB.

    On Linux from VmHWM: `ru_maxrss` keeps, across exec, the peak of the process this one
    was forked from, so a child of a large benchmark would report its parent's size.
    """
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024 / 1e6
    except OSError:
        pass
    import resource

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1e6 if sys.platform == "darwin" else peak * 1024 / 1e6
