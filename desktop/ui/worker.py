"""Long database work (an import of thousands of rows) on a thread of its own, so the
window keeps answering; with progress, and a Cancel that leaves nothing half done."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal
from PySide6.QtWidgets import QDialog, QLabel

from desktop.store.connection import db
from desktop.store.progress import Cancelled, Progress
from desktop.ui import errors
from desktop.ui.dialogs import bug_dialog


class Worker(QObject):
    """Runs `job(progress)` on its own thread and connection. The job must do its writes in
    one transaction: `cancel()` makes the next progress call raise `Cancelled`, which
    rolls it back. *doing* ('importing people') names the work if a bug stops it; *failed*
    ('Nothing was imported') begins the words when the disk or the file refuses it."""

    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(str)  # the reason in words; '' when cancelled
    crashed = Signal(object)  # a bug_dialog.Bug, logged already: not the user's doing
    done = Signal()

    def __init__(
        self,
        job: Callable[[Progress], object],
        *,
        uses_database: bool = True,
        doing: str = "working in the background",
        failed: str = "",
    ):
        super().__init__()
        self._job = job
        self.doing = doing
        self.failed_words = failed
        # A job that replaces the database file (a restore) must not hold it open.
        self.uses_database = uses_database
        self._cancel = threading.Event()
        #: ("succeeded", result), ("failed", reason) or ("crashed", bug), set before the
        #: signal is sent, so whoever waits for the thread can read it without the signal.
        self.outcome: tuple[str, object] | None = None
        self._thread = QThread()
        self.moveToThread(self._thread)
        self._thread.started.connect(self._run)

    def start(self) -> None:
        self._thread.start()

    def cancel(self) -> None:
        self._cancel.set()

    def wait(self) -> None:
        """Block until the work is over (for closing the window or a test)."""
        self._thread.wait()

    def _progress(self, done: int, total: int) -> None:
        if self._cancel.is_set():
            raise Cancelled
        self.progressed.emit(done, total)

    def _run(self) -> None:
        if self.uses_database:
            db.connect(reuse_if_open=True)  # this thread's own connection to the same file
        try:
            result = self._job(self._progress)
        except Cancelled:
            self.outcome = ("failed", "")
            self.failed.emit("")
        except Exception as exc:  # the job's writes were rolled back: say why, or log a bug
            words = errors.explain(exc, self.failed_words)
            if words is not None:
                self.outcome = ("failed", words)
                self.failed.emit(words)
            else:
                bug = errors.record_bug(self.doing, exc, saved_nothing=True)
                self.outcome = ("crashed", bug)
                self.crashed.emit(bug)
        else:
            self.outcome = ("succeeded", result)
            self.succeeded.emit(result)
        finally:
            if self.uses_database:
                db.close()
            self._thread.quit()
            self.done.emit()


class WorkerDialog(QDialog):
    """A dialog whose long job runs on an `ops.Op`. While it runs, Cancel stops the job
    (which then keeps nothing) instead of closing; closing the window waits for it.
    Subclasses have a `status` label and answer `_progressed`, `_succeeded` and `_failed`.
    A bug in the job is shown in the "Something went wrong" dialog, then `_failed(None)`."""

    op: Any = None  # the running ops.Op, if any
    status: QLabel

    @property
    def worker(self) -> Worker | None:
        return self.op.worker if self.op is not None else None

    def run_job(
        self,
        job: Callable[[Progress], object],
        *,
        uses_database: bool = True,
        doing: str | None = None,
        failed: str = "",
    ) -> None:
        """Start *job*; *doing* and *failed* are the Op's."""
        from desktop.ui import ops

        self.op = ops.run(
            self,
            job,
            doing=doing or f"working in “{self.windowTitle()}”",
            failed=failed,
            uses_database=uses_database,
            on_progress=self._progressed,
            on_success=self._job_succeeded,
            on_failure=self._job_failed,
            on_crash=self._job_crashed,
        )

    def _job_succeeded(self, result: object) -> None:
        self.op = None
        self._succeeded(result)

    def _job_failed(self, reason: str | None) -> None:
        self.op = None
        self._failed(reason)

    def _job_crashed(self, bug: bug_dialog.Bug) -> None:
        self.op = None
        bug_dialog.show_bug(self, bug)
        self._failed(None)

    def _progressed(self, done: int, total: int) -> None:
        raise NotImplementedError

    def _succeeded(self, result: object) -> None:
        raise NotImplementedError

    def _failed(self, reason: str | None) -> None:
        """*reason* in words, '' when cancelled, None after a bug (the dialog has said so)."""
        raise NotImplementedError

    def reject(self) -> None:
        """Cancel: while the job runs, stop it (nothing is kept); else close."""
        if self.op is not None:
            self.status.setText("Cancelling…")
            self.op.cancel()
            return
        super().reject()

    def closeEvent(self, event) -> None:
        """Closing the window cancels the job; if it had already finished, its outcome
        stands (a restore that committed is reported as done, not lost)."""
        op = self.op
        if op is not None:
            op.drop()
            op.worker.wait()
            self.op = None
            outcome = op.worker.outcome
            if outcome is not None and outcome[0] == "succeeded":
                self._succeeded(outcome[1])
        super().closeEvent(event)
