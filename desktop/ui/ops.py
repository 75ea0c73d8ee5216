"""Work done off the window's thread, and its outcome handed back to it.

An `Op` runs a job on a thread of its own with its own connection to the database, and
calls back on the window's thread: progress, success, a refusal in words, or a bug (logged
already, never shown as the person's doing). `cancel()` makes the job's next progress call
raise `Cancelled`, which rolls its transaction back. Dialogs that wait for a job
(`worker.WorkerDialog`), the backups, the exports and the pages' figures all run on it.

`Latest` is for a page's figures: each `run` supersedes the one before, whose outcome is
dropped, so a page shows at once what it last worked out and fills in what is new.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QObject, Signal

from desktop.store.progress import Progress
from desktop.ui.worker import Worker

T = TypeVar("T")

_running: set[Op[Any]] = set()  # kept alive until they end, then let go
#: Told (`notice_own_changes()`, on the window's thread) when a job that used the
#: database has ended, before its outcome is delivered: what it wrote was this program's
#: doing, not another's. Held weakly: a window that is gone is not told.
database_watchers: weakref.WeakSet[Any] = weakref.WeakSet()


class Op(QObject, Generic[T]):
    """*job(progress)* on its own thread; the callbacks run on the thread that made the op.

    *doing* ('exporting the archive') names the work if a bug stops it; *failed* ('Nothing
    was exported') begins the words when the disk or the file refuses it. *on_failure*
    receives those words, '' when cancelled, or None after a bug (which, without
    *on_crash*, is logged and said in the "Something went wrong" dialog over *parent*)."""

    finished = Signal()  # after the outcome's callback, whatever it was

    def __init__(
        self,
        parent: QObject | None,
        job: Callable[[Progress], T],
        *,
        doing: str,
        failed: str = "",
        uses_database: bool = True,
        on_success: Callable[[T], None] | None = None,
        on_failure: Callable[[str | None], None] | None = None,
        on_progress: Callable[[int, int], None] | None = None,
        on_crash: Callable[[Any], None] | None = None,
    ):
        super().__init__()  # owned by whoever holds it, and by `_running` while it runs
        self._parent = parent
        self.on_success, self.on_failure = on_success, on_failure
        self.on_progress, self.on_crash = on_progress, on_crash
        self.worker = Worker(job, uses_database=uses_database, doing=doing, failed=failed)
        # Bound methods of this object, which lives on the window's thread, so Qt queues
        # each call there (a lambda would run on the worker's thread).
        self.worker.progressed.connect(self._progressed)
        self.worker.succeeded.connect(self._succeeded)
        self.worker.failed.connect(self._failed)
        self.worker.crashed.connect(self._crashed)
        self.dropped = False

    def start(self) -> Op[T]:
        _running.add(self)
        self.worker.start()
        return self

    @property
    def running(self) -> bool:
        return self in _running

    def cancel(self) -> None:
        """Stop at the job's next progress call; *on_failure* then receives ''."""
        self.worker.cancel()

    def drop(self) -> None:
        """Let the job end on its own, and call back nothing when it does."""
        self.dropped = True
        self.worker.cancel()

    def wait(self) -> None:
        """Block until the job is over, then deliver its outcome now (closing, tests)."""
        self.worker.wait()
        outcome = self.worker.outcome
        if self.running and outcome is not None:
            {"succeeded": self._succeeded, "failed": self._failed, "crashed": self._crashed}[
                outcome[0]
            ](outcome[1])

    def _progressed(self, done: int, total: int) -> None:
        if self.on_progress is not None and not self.dropped:
            self.on_progress(done, total)

    def _end(self) -> bool:
        """Whether the outcome is still to be delivered (once, and not when dropped)."""
        if self not in _running:
            return False
        self.worker.wait()
        _running.discard(self)
        if self.worker.uses_database:
            for watcher in list(database_watchers):
                watcher.notice_own_changes()
        return not self.dropped

    def _succeeded(self, result: Any) -> None:
        if self._end():
            if self.on_success is not None:
                self.on_success(result)
            self.finished.emit()

    def _failed(self, reason: Any) -> None:
        if self._end():
            if self.on_failure is not None:
                self.on_failure(str(reason))
            self.finished.emit()

    def _crashed(self, bug: Any) -> None:
        if self._end():
            if self.on_crash is not None:
                self.on_crash(bug)
            else:
                from PySide6.QtWidgets import QWidget

                from desktop.ui.dialogs import bug_dialog

                over = self._parent.window() if isinstance(self._parent, QWidget) else None
                bug_dialog.show_bug(over, bug)
                if self.on_failure is not None:
                    self.on_failure(None)
            self.finished.emit()


def run(parent: QObject | None, job: Callable[[Progress], T], **options: Any) -> Op[T]:
    """Start *job* as an `Op` (its options are Op's) and return it."""
    return Op(parent, job, **options).start()


def wait_all() -> None:
    """Let every running op end and deliver its outcome: before the database closes."""
    while _running:
        next(iter(_running)).wait()


def drop_all() -> None:
    """Let every running op end, delivering nothing: the window is going away."""
    for op in list(_running):
        op.drop()
    for op in list(_running):
        op.worker.wait()
        _running.discard(op)


class Latest(QObject, Generic[T]):
    """The newest of a page's computations: `run` drops the one before, so its outcome,
    possibly about data that has changed since, is never shown. `busy` while one runs;
    `settled` once the newest has been shown (or has failed)."""

    settled = Signal()

    def __init__(self, parent: QObject, doing: str):
        super().__init__(parent)
        self.doing = doing
        self.op: Op[T] | None = None

    @property
    def busy(self) -> bool:
        return self.op is not None

    def run(
        self,
        job: Callable[[], T],
        show: Callable[[T], None],
        failed: Callable[[str | None], None],
    ) -> None:
        if self.op is not None:
            self.op.drop()
        op: Op[T] = Op(
            self.parent(),
            lambda _progress: job(),
            doing=self.doing,
            on_success=lambda result: self._done(op, show, result),
            on_failure=lambda reason: self._done(op, failed, reason),
        )
        self.op = op
        op.start()

    def _done(self, op: Op[T], call: Callable[[Any], None], value: Any) -> None:
        if op is not self.op:
            return
        self.op = None
        call(value)
        self.settled.emit()

    def wait(self) -> None:
        """Block until the newest computation is shown (tests, and pages asked at once)."""
        if self.op is not None:
            self.op.wait()
