"""Run in a fresh process by `processes.visit_every_page`: open the main window on a
network, show every page in turn, and print as JSON the GUI thread's longest stall on each
page's first showing and the process's peak resident memory.

    python -m tests.benchmarks.visit NETWORK.sqlite3
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

from desktop import startup

START = startup.start_perf_counter()


def main(argv: list[str]) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from desktop.store import connection
    from desktop.ui.main_window import PAGES, MainWindow

    from . import heartbeat
    from .memory import peak_rss_mb

    app = QApplication.instance() or QApplication(sys.argv[:1])
    path = Path(argv[0])
    connection.open_database(path)
    settings = QSettings(str(Path(argv[1]) / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(settings, path)
    window.resize(1280, 800)
    painted: list[float] = []
    window.show()
    handle = window.windowHandle
    heartbeat.gaps_until(lambda: handle() is not None and handle().isExposed())  # first paint
    painted.append(startup.milliseconds_since_start(START))
    stalls = {}
    for key in PAGES:
        due = time.perf_counter() + 0.05
        shown: list[bool] = []

        def show(k=key, due=due, shown=shown) -> bool:
            if not shown and time.perf_counter() >= due:
                window.show_page(k)
                shown.append(True)
            return bool(shown) and time.perf_counter() >= due + 0.4

        gaps = heartbeat.gaps_until(show)
        stalls[key] = max(gaps)
    window.close()
    connection.close_database()
    del app
    print(
        json.dumps(
            {"first_paint_ms": painted[0], "stalls_ms": stalls, "peak_rss_mb": peak_rss_mb()}
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
