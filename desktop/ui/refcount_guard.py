"""Protect Python 3.10 and 3.11 from reference-counting faults in the Qt bindings.

PySide6 6.12.0 drops one reference to `None` on every Qt call that returns nothing
(`setText`, `setEnabled`, …), and one reference to `True` on every `Signal.emit()` made
from Python (each page's requests, a worker's progress). From Python 3.12 these objects
are immortal and this is harmless; on 3.10 and 3.11 a count reaches zero after a few
hundred or thousand calls and Python aborts with "deallocating None" or "deallocating
True or False". The guard probes for each fault once at start-up and, only where one is
present, gives the object so many references that no session can use them up.
"""

from __future__ import annotations

import ctypes
import sys

PROBE_CALLS = 64
RESERVE = sys.maxsize // 4  # far more calls than any session makes, far from overflow


def _loses(target: object, call) -> bool:
    before = sys.getrefcount(target)
    for _ in range(PROBE_CALLS):
        call()
    return sys.getrefcount(target) <= before - PROBE_CALLS // 2


def bindings_drop_none() -> bool:
    """True when a Qt call that returns nothing loses a reference to None."""
    from PySide6.QtCore import QObject

    probe = QObject()
    return _loses(None, lambda: probe.setObjectName(""))


def bindings_drop_true() -> bool:
    """True when emitting a signal from Python loses a reference to True."""
    from PySide6.QtCore import QObject, Signal

    class Probe(QObject):
        happened = Signal()

    probe = Probe()
    return _loses(True, probe.happened.emit)


def guard() -> list[str]:
    """Apply the guard where it is needed; returns what it was applied to."""
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return []  # immortal there (or not reference-counted at all)
    guarded: list[bool | None] = []
    if bindings_drop_none():
        guarded.append(None)
    if bindings_drop_true():
        guarded += [True, False]  # False too: whatever else returns a bool may do the same
    for target in guarded:
        # ob_refcnt is the first field of every object in CPython's non-debug builds.
        ctypes.c_ssize_t.from_address(id(target)).value += RESERVE
    return [repr(target) for target in guarded]
