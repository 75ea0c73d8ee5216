"""Measures in fresh processes: start-up to first paint against a bare Qt window's, and
the memory and GUI stalls of visiting every page. Each program runs with a home folder
of its own, so nothing of the user's is read or written."""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from .table import Row

ROOT = Path(__file__).resolve().parents[2]
STALL_MS = 100  # the longest the window may freeze when a page is first shown
PEAK_RSS_MB = 250

# A bare QMainWindow, shown and painted: the floor of any Qt program's start-up.
BARE_QT = """
import json, sys
from desktop import startup
start = startup.start_perf_counter()
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.resize(1280, 800)
said = {}
def finish():
    from tests.benchmarks.memory import peak_rss_mb
    said["ms"] = startup.milliseconds_since_start(start)
    said["rss_mb"] = peak_rss_mb()
    app.quit()
class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and not said:
            said["painted"] = True
            QTimer.singleShot(0, finish)
        return False
watcher = FirstPaint()
window.installEventFilter(watcher)
window.show()
app.exec()
print(json.dumps(said))
"""


def _environment(home: Path) -> dict[str, str]:
    """The programs' environment. Bytecode is written (to a cache in *home*) and used even
    where the caller's environment says not to: an installed program runs from compiled
    modules, so compiling every source at each start would measure the wrong thing."""
    inherited = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    return dict(
        inherited,
        PYTHONPYCACHEPREFIX=str(home / "bytecode"),
        QT_QPA_PLATFORM="offscreen",
        HOME=str(home),
        XDG_DATA_HOME=str(home / "data"),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_STATE_HOME=str(home / "state"),
        XDG_CACHE_HOME=str(home / "cache"),
        XDG_RUNTIME_DIR=str(home / "run"),
        PYTHONPATH=str(ROOT),
    )


def _run(arguments: list[str], home: Path) -> str:
    (home / "run").mkdir(parents=True, exist_ok=True, mode=0o700)
    done = subprocess.run(
        [sys.executable, *arguments],
        env=_environment(home),
        capture_output=True,
        text=True,
        timeout=300,
        cwd=ROOT,
    )
    if done.returncode:
        raise RuntimeError(f"{arguments} failed: {done.stdout}{done.stderr}")
    return done.stdout.strip().splitlines()[-1]


def _bare_qt(home: Path) -> dict:
    return json.loads(_run(["-c", BARE_QT], home))


def _smoke_test_ms(database: Path, home: Path) -> int:
    said = _run(["-m", "desktop", "--smoke-test", "--database", str(database)], home)
    if not said.startswith("ok "):
        raise RuntimeError(f"the smoke test said {said!r}")
    return int(said.split()[1])


def startup(network: Path | None, runs: int = 5) -> list[Row]:
    """Start-up to first paint, median of *runs*, ours and the bare window's side by side,
    on an empty database and on *network*."""
    with tempfile.TemporaryDirectory(prefix="reciprocity-bench-") as scratch:
        home = Path(scratch)
        floors, empty, large = [], [], []
        # One uncounted run of each writes the bytecode and warms the file cache.
        _bare_qt(home)
        _smoke_test_ms(home / "warm-up.sqlite3", home)
        for run in range(runs):
            floors.append(_bare_qt(home)["ms"])
            empty.append(_smoke_test_ms(home / f"empty-{run}.sqlite3", home))
            if network is not None:
                large.append(_smoke_test_ms(network, home))
    floor = statistics.median(floors)
    rows = [
        Row("start-up to first paint, bare QMainWindow", floor, floor_is="—"),
        Row(
            "start-up to first paint, empty network",
            statistics.median(empty),
            floor=floor,
            ratio=1.5,
            floor_is="bare QMainWindow",
        ),
    ]
    if large:
        rows.append(
            Row(
                "start-up to first paint, this network",
                statistics.median(large),
                floor=floor,
                ratio=1.5,
                floor_is="bare QMainWindow",
            )
        )
    return rows


def visit_every_page(network: Path) -> list[Row]:
    """Peak memory after showing every page, and each page's longest GUI stall."""
    with tempfile.TemporaryDirectory(prefix="reciprocity-bench-") as scratch:
        home = Path(scratch)
        bare = _bare_qt(home)
        said = json.loads(_run(["-m", "tests.benchmarks.visit", str(network), scratch], home))
    rows = [
        Row(
            "peak memory after every page",
            said["peak_rss_mb"],
            unit="MB",
            floor=bare["rss_mb"],
            limit=PEAK_RSS_MB,
            floor_is="bare QMainWindow",
        ),
    ]
    for page, stall in said["stalls_ms"].items():
        rows.append(Row(f"GUI stall, first showing of {page}", stall, limit=STALL_MS))
    rows.append(
        Row(
            "GUI time after logging one action (People page)",
            said["log_action_ms"],
            floor=said["log_action_every_page_ms"],
            floor_is="every list page read again",
            limit=STALL_MS,
        )
    )
    return rows
