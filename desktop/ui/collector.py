"""Garbage collection on the window's thread only.

Python collects reference cycles in whichever thread happens to allocate when a threshold
is passed, and a page's figures are worked out on threads of their own. A cycle holding a
Qt object (a closed dialog and a slot that names it, say) collected on such a thread
deletes that object away from the thread that owns it, and Qt crashes. So the automatic
collector is switched off, and the same generational collection runs here, on the window's
thread, from a timer: the approach calibre and Anki take for the same reason.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 1000


def collect_as_python_would() -> None:
    """One pass of the generational collection gc would have done by itself: the young
    generation when its count passes its threshold, the older ones when theirs do."""
    counts, thresholds = gc.get_count(), gc.get_threshold()
    if counts[0] <= thresholds[0]:
        return
    generation = 0
    if counts[1] > thresholds[1]:
        generation = 1
        if counts[2] > thresholds[2]:
            generation = 2
    gc.collect(generation)


class Collector(QObject):
    """While it lives, cycles are collected on its thread only, once a second at most."""

    def __init__(self, parent: QObject | None = None, interval_ms: int = INTERVAL_MS):
        super().__init__(parent)
        gc.disable()
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(collect_as_python_would)
        self.timer.start()
        self.destroyed.connect(lambda *_: gc.enable())

    def stop(self) -> None:
        self.timer.stop()
        gc.collect()
        gc.enable()
