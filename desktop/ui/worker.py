"""Long database work (an import of thousands of rows) on a thread of its own, so the
window keeps answering; with progress, and a Cancel that leaves nothing half done."""

from __future__ import annotations

import threading
from collections.abc import Callable

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
        self._uses_database = uses_database
        self._cancel = threading.Event()
        #: ("succeeded", result), ("failed", reason) or ("crashed", bug), set before the
        #: signal is sent, so whoever waits for the thread can read it without the signal.
        self.outcome: tuple[str, object] | None = None
        self.thread = QThread()
        self.moveToThread(self.thread)
        self.thread.started.connect(self._run)

    def start(self) -> None:
        self.thread.start()

    def cancel(self) -> None:
        self._cancel.set()

    def wait(self) -> None:
        """Block until the work is over (for closing the window or a test)."""
        self.thread.wait()

    def _progress(self, done: int, total: int) -> None:
        if self._cancel.is_set():
            raise Cancelled
        self.progressed.emit(done, total)

    def _run(self) -> None:
        if self._uses_database:
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
            if self._uses_database:
                db.close()
            self.thread.quit()
            self.done.emit()


class WorkerDialog(QDialog):
    """A dialog whose long job runs on a Worker. While it runs, Cancel stops the job (which
    then keeps nothing) instead of closing; closing the window waits for it. Subclasses
    have a `status` label and answer `_progressed`, `_succeeded` and `_failed`. A bug in
    the job is shown in the "Something went wrong" dialog, then `_failed(None)` is called."""

    worker: Worker | None = None
    status: QLabel

    def run_job(
        self,
        job: Callable[[Progress], object],
        *,
        uses_database: bool = True,
        doing: str | None = None,
        failed: str = "",
    ) -> None:
        """Start *job*; *doing* and *failed* are the Worker's."""
        doing = doing or f"working in “{self.windowTitle()}”"
        self.worker = Worker(job, uses_database=uses_database, doing=doing, failed=failed)
        # Bound methods of this dialog, so Qt queues the calls onto the window's thread
        # (a plain lambda would run on the worker's thread and touch widgets from there).
        self.worker.progressed.connect(self._progressed)
        self.worker.succeeded.connect(self._job_succeeded)
        self.worker.failed.connect(self._job_failed)
        self.worker.crashed.connect(self._job_crashed)
        self.worker.start()

    def _job_succeeded(self, result: object) -> None:
        if self.worker is not None:  # else closing the window has handled it
            self._end_job()
            self._succeeded(result)

    def _job_failed(self, reason: str) -> None:
        if self.worker is not None:
            self._end_job()
            self._failed(reason)

    def _job_crashed(self, bug: bug_dialog.Bug) -> None:
        if self.worker is not None:
            self._end_job()
            bug_dialog.show_bug(self, bug)
            self._failed(None)

    def _end_job(self) -> None:
        if self.worker is not None:
            self.worker.wait()
            self.worker = None

    def _progressed(self, done: int, total: int) -> None:
        raise NotImplementedError

    def _succeeded(self, result: object) -> None:
        raise NotImplementedError

    def _failed(self, reason: str | None) -> None:
        """*reason* in words, '' when cancelled, None after a bug (the dialog has said so)."""
        raise NotImplementedError

    def reject(self) -> None:
        """Cancel: while the job runs, stop it (nothing is kept); else close."""
        if self.worker is not None:
            self.status.setText("Cancelling…")
            self.worker.cancel()
            return
        super().reject()

    def closeEvent(self, event) -> None:
        """Closing the window cancels the job; if it had already finished, its outcome
        stands (a restore that committed is reported as done, not lost)."""
        worker = self.worker
        if worker is not None:
            worker.cancel()
            worker.wait()
            self.worker = None  # the queued signals of this worker are ignored
            if worker.outcome is not None and worker.outcome[0] == "succeeded":
                self._succeeded(worker.outcome[1])
        super().closeEvent(event)
