"""Cycles are collected on the window's thread only: a Qt object collected on a worker's
thread is deleted away from its own and crashes the program."""

from __future__ import annotations

import gc
import threading

from PySide6.QtCore import QObject

from desktop.ui.collector import Collector, collect_as_python_would


def test_the_collector_keeps_collection_off_other_threads_until_it_stops(qtbot):
    collector = Collector(interval_ms=10)
    try:
        assert not gc.isenabled()

        class Cycle(QObject):
            pass

        def make_garbage() -> None:  # on a worker's thread, as a page's figures are
            for _ in range(5000):
                cycle = Cycle()
                cycle.me = cycle

        worker = threading.Thread(target=make_garbage)
        worker.start()
        worker.join()
        assert gc.get_count()[0] > gc.get_threshold()[0]  # nothing collected there
        qtbot.waitUntil(lambda: gc.get_count()[0] <= gc.get_threshold()[0], timeout=2000)
    finally:
        collector.stop()
    assert gc.isenabled()  # stopped: Python collects by itself again


def test_one_pass_collects_the_young_generation_when_it_is_full():
    gc.disable()
    try:
        for _ in range(gc.get_threshold()[0] + 10):
            cycle: list = []
            cycle.append(cycle)
        collect_as_python_would()
        assert gc.get_count()[0] < gc.get_threshold()[0]
    finally:
        gc.enable()
