"""Long database work (an import of thousands of rows) on a thread of its own, so the
window keeps answering; with progress, and a Cancel that leaves nothing half done."""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, QThread, Signal
from PySide6.QtWidgets import QDialog, QLabel

from desktop.formats.importing import Cancelled
from desktop.store.connection import db

Progress = Callable[[int, int], None]


class Worker(QObject):
    """Runs `job(progress)` on its own thread and connection. The job must do its writes in
    one transaction: `cancel()` makes the next progress call raise `Cancelled`, which
    rolls it back."""

    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(str)  # the reason in words; '' when cancelled
    done = Signal()

    def __init__(self, job: Callable[[Progress], object]):
        super().__init__()
        self._job = job
        self._cancel = threading.Event()
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
        db.connect(reuse_if_open=True)  # this thread's own connection to the same file
        try:
            result = self._job(self._progress)
        except Cancelled:
            self.failed.emit("")
        except Exception as exc:  # the job's writes were rolled back; say why
            self.failed.emit(str(exc) or type(exc).__name__)
        else:
            self.succeeded.emit(result)
        finally:
            db.close()
            self.thread.quit()
            self.done.emit()


class WorkerDialog(QDialog):
    """A dialog whose long job runs on a Worker. While it runs, Cancel stops the job (which
    then keeps nothing) instead of closing; closing the window waits for it. Subclasses
    have a `status` label and answer `_progressed`, `_succeeded` and `_failed`."""

    worker: Worker | None = None
    status: QLabel

    def run_job(self, job: Callable[[Progress], object]) -> None:
        self.worker = Worker(job)
        # Bound methods of this dialog, so Qt queues the calls onto the window's thread
        # (a plain lambda would run on the worker's thread and touch widgets from there).
        self.worker.progressed.connect(self._progressed)
        self.worker.succeeded.connect(self._job_succeeded)
        self.worker.failed.connect(self._job_failed)
        self.worker.start()

    def _job_succeeded(self, result: object) -> None:
        self._end_job()
        self._succeeded(result)

    def _job_failed(self, reason: str) -> None:
        self._end_job()
        self._failed(reason)

    def _end_job(self) -> None:
        if self.worker is not None:
            self.worker.wait()
            self.worker = None

    def _progressed(self, done: int, total: int) -> None:
        raise NotImplementedError

    def _succeeded(self, result: object) -> None:
        raise NotImplementedError

    def _failed(self, reason: str) -> None:
        """*reason* in words, or '' when cancelled."""
        raise NotImplementedError

    def reject(self) -> None:
        """Cancel: while the job runs, stop it (nothing is kept); else close."""
        if self.worker is not None:
            self.status.setText("Cancelling…")
            self.worker.cancel()
            return
        super().reject()

    def closeEvent(self, event) -> None:
        if self.worker is not None:
            self.worker.cancel()
            self.worker.wait()
            self.worker = None
        super().closeEvent(event)
