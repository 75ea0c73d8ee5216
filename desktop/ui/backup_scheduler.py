"""Backups that happen by themselves: every 30 minutes while changes are being made, and
when the window closes, each on a worker thread so the window never waits for one."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from desktop import logs
from desktop.store import backups
from desktop.store.connection import ReciprocityDatabase, db
from desktop.store.errors import storage_problem
from desktop.ui.plain import wait_cursor
from desktop.ui.worker import Worker

INTERVAL_MS = 30 * 60 * 1000


class BackupScheduler(QObject):
    """Backs up *path* when something was written since the last backup."""

    backed_up = Signal(object)  # the Backup
    failed = Signal(str)  # why, in words

    def __init__(
        self,
        path: Path,
        database: ReciprocityDatabase = db,
        interval_ms: int = INTERVAL_MS,
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self.path = path
        self.database = database
        self._backed_up_at = database.writes  # the commit count the newest backup holds
        self._pending = self._backed_up_at
        self.worker: Worker | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(lambda: self.back_up("automatic"))

    def start(self) -> None:
        self.timer.start()

    def changed(self) -> bool:
        """Whether anything was committed since the newest backup."""
        return self.database.writes != self._backed_up_at

    def back_up(self, reason: str, *, only_if_changed: bool = True) -> Worker | None:
        """Start a backup on a worker; None when there is nothing new or one is running."""
        if self.worker is not None or (only_if_changed and not self.changed()):
            return None
        self._pending = self.database.writes  # what this backup will hold at least
        self.worker = Worker(
            lambda _progress: backups.create(self.path, reason), doing="making a backup"
        )
        # Bound methods, so Qt queues the calls onto this object's thread (a lambda would
        # run on the worker's thread, which cannot wait for itself).
        self.worker.succeeded.connect(self._succeeded)
        self.worker.failed.connect(self._failed)
        self.worker.crashed.connect(self._crashed)
        self.worker.start()
        return self.worker

    def _succeeded(self, backup) -> None:
        self._end()
        self._backed_up_at = self._pending
        self.backed_up.emit(backup)

    def _failed(self, reason) -> None:
        self._end()
        self.failed.emit(str(reason))

    def _crashed(self, bug) -> None:
        """A bug, logged already: said in the status bar, not in a box every half hour."""
        where = f"; the details are in {bug.log_file}" if bug.log_file else ""
        self._failed(f"a bug in Reciprocity stopped it{where}.")

    def _end(self) -> None:
        if self.worker is not None:
            self.worker.wait()
            self.worker = None

    def finish(self, *, back_up: bool = True) -> None:
        """The window closes: stop the timer, let a running backup end, and back up once
        more if anything changed since (here, on this thread: the window is going)."""
        self.timer.stop()
        worker = self.worker
        if worker is not None:
            worker.wait()
            self.worker = None
            if worker.outcome is not None and worker.outcome[0] == "succeeded":
                self._backed_up_at = self._pending  # what it holds, not what came since
        if not back_up or not self.changed():
            return
        try:
            with wait_cursor():
                backups.create(self.path, "on-close")
            self._backed_up_at = self.database.writes
        except Exception as exc:  # closing must go on; the log keeps why
            problem = storage_problem(exc, self.path, saved_nothing=False)
            logs.log.warning("No backup on close: %s", problem or exc)
            if problem is None:
                logs.log_bug("backing up on close", exc)
