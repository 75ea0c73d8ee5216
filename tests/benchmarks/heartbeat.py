"""The window's heartbeat: a 5 ms timer on the GUI thread, and the longest gap between its
beats while something runs. Works with or without pytest-qt."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QElapsedTimer, QEventLoop, QTimer
from PySide6.QtWidgets import QApplication


def application() -> QApplication:
    return QApplication.instance() or QApplication([])


def gaps_until(until: Callable[[], bool], timeout_s: float = 300) -> list[int]:
    """Gaps in ms between beats of a 5 ms timer while the event loop runs, until
    *until()* is true. Raises TimeoutError after *timeout_s*."""
    application()
    clock, gaps = QElapsedTimer(), []
    clock.start()
    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(lambda: gaps.append(clock.restart()))
    timer.start()
    deadline = time.monotonic() + timeout_s
    try:
        while not until():
            if time.monotonic() > deadline:
                raise TimeoutError(f"still running after {timeout_s:.0f} s")
            QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
            time.sleep(0.001)
        # The time since the last beat counts too: work that ends the wait (a stall that
        # outlasts it) would otherwise never be followed by a beat.
        gaps.append(clock.elapsed())
    finally:
        timer.stop()
    return gaps


def quiet_gaps(seconds: float) -> list[int]:
    """The floor: the heartbeat's gaps over *seconds* with nothing running."""
    stop = time.perf_counter() + seconds
    return gaps_until(lambda: time.perf_counter() >= stop)
