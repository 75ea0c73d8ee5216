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
            figures = getattr(window.pages[k], "figures", None)
            busy = figures is not None and figures.busy  # until its figures are filled in
            return bool(shown) and time.perf_counter() >= due + 0.4 and not busy

        gaps = heartbeat.gaps_until(show)
        stalls[key] = max(gaps)
    logged = log_one_action(window)
    window.close()
    connection.close_database()
    del app
    print(
        json.dumps(
            {
                "first_paint_ms": painted[0],
                "stalls_ms": stalls,
                "peak_rss_mb": peak_rss_mb(),
                **logged,
            }
        )
    )
    return 0


def log_one_action(window) -> dict[str, float]:
    """The window's time after logging one action from the People page: what the pages
    read again, told what changed; and, for comparison, every list page reading again at
    once, as after every write before. Medians of five, the write itself left out."""
    from datetime import date

    from desktop.core import actions
    from desktop.core.changes import ACTION_WRITE

    window.show_page("people")
    page = window.people_page
    page.select_id(page.model.id_at(0))
    person = page.current_id()

    def write() -> None:
        actions.create_action(
            actions.ActionData(occurred_on=date.today(), counterpart_id=person, summary="Note")
        )

    def told() -> None:
        window.note_changes(ACTION_WRITE)

    def every_page() -> None:
        for shown in window.pages.values():
            if hasattr(shown, "model") and hasattr(shown.model, "reload"):
                shown.refresh()  # the list pages read again at once, shown or not
            else:
                shown.note_changes(ACTION_WRITE)

    timings = {}
    for name, run in (("log_action_ms", told), ("log_action_every_page_ms", every_page)):
        taken = []
        for _ in range(5):
            write()  # the same write each time; what is timed is what the pages do after it
            started = time.perf_counter()
            run()
            taken.append((time.perf_counter() - started) * 1000)
        timings[name] = sorted(taken)[len(taken) // 2]
    return timings


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
