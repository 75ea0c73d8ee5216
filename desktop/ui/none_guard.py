"""Protect Python 3.10 and 3.11 from a reference-counting fault in the Qt bindings.

PySide6 6.12.0 drops one reference to `None` on every Qt call that returns nothing
(`setText`, `setEnabled`, …). From Python 3.12 `None` is immortal and this is harmless;
on 3.10 and 3.11 the count reaches zero after a few thousand calls and Python aborts
with "deallocating None". The guard probes for the fault once at start-up and, only if
it is present, gives `None` so many references that no session can use them up.
"""

from __future__ import annotations

import ctypes
import sys

PROBE_CALLS = 64
RESERVE = sys.maxsize // 4  # far more calls than any session makes, far from overflow


def bindings_drop_none() -> bool:
    """True when a Qt call that returns nothing loses a reference to None."""
    from PySide6.QtCore import QObject

    probe = QObject()
    before = sys.getrefcount(None)
    for _ in range(PROBE_CALLS):
        probe.setObjectName("")
    return sys.getrefcount(None) <= before - PROBE_CALLS // 2


def guard_none() -> bool:
    """Apply the guard where it is needed; returns whether it was applied."""
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return False  # None is immortal there (or not reference-counted at all)
    if not bindings_drop_none():
        return False
    # ob_refcnt is the first field of every object in CPython's non-debug builds.
    ctypes.c_ssize_t.from_address(id(None)).value += RESERVE
    return True
