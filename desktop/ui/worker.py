"""Long database work (an import of thousands of rows) on a thread of its own, so the
window keeps answering; with progress, and a Cancel that leaves nothing half done."""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, QThread, Signal

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
