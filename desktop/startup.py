"""When this process started, for the startup time the smoke test reports. No Qt here."""

from __future__ import annotations

import os
import time

_IMPORTED_AT = time.perf_counter()


def process_age_seconds() -> float | None:
    """Seconds since the process began, from /proc where the system has it."""
    try:
        with open("/proc/self/stat") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        started_ticks = int(fields[19])  # field 22 of stat(5): start time since boot
        with open("/proc/uptime") as uptime:
            up = float(uptime.read().split()[0])
        return max(0.0, up - started_ticks / os.sysconf("SC_CLK_TCK"))
    except (OSError, ValueError, IndexError, AttributeError):
        return None


def start_perf_counter() -> float:
    """The process start on the `time.perf_counter()` clock (module import if unknown)."""
    age = process_age_seconds()
    return time.perf_counter() - age if age is not None else _IMPORTED_AT


def milliseconds_since_start(start: float) -> int:
    return round((time.perf_counter() - start) * 1000)
