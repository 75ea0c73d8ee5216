"""A short job the person waits for, on a worker so the window keeps painting: a
heading, a moving bar and a sentence, closing itself when the job is done."""

from __future__ import annotations

from collections.abc import Callable
from typing import cast

from PySide6.QtWidgets import QDialog, QHBoxLayout, QProgressBar, QVBoxLayout, QWidget

from desktop.store.progress import Progress
from desktop.ui.plain import heading, plain_label, push_button, show_error
from desktop.ui.worker import WorkerDialog

CANCELLED = object()  # the outcome of a job the person stopped


class WaitDialog(WorkerDialog):
    """`WaitDialog.run(...)` returns (done, result). A job such as a restore must not stop
    half way, so Esc waits for it; a refusal is shown in words, a bug as a bug.

    With *steps*, the job is given the progress callback: the bar fills as it reports, and
    a Cancel button (or Esc) stops it, keeping nothing it had begun."""

    def __init__(
        self,
        parent: QWidget | None,
        title: str,
        what: str,
        doing: str,
        job: Callable[[], object] | Callable[[Progress], object],
        *,
        failed: str,
        uses_database: bool,
        steps: bool = False,
    ):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.job, self.failed, self.uses_database = job, failed, uses_database
        self.steps = steps
        self.started = False
        self.cancelled = False
        self.outcome: object = None
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)  # moving, until the job says how far it is
        self.bar.setAccessibleName(title)
        self.status = plain_label(doing)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(what, 1.2))
        layout.addWidget(self.bar)
        layout.addWidget(self.status)
        if steps:
            self.cancel_button = push_button("Cancel")
            self.cancel_button.clicked.connect(self.reject)
            row = QHBoxLayout()
            row.addStretch(1)
            row.addWidget(self.cancel_button)
            layout.addLayout(row)
        self.setMinimumWidth(520)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self.started:
            self.started = True
            job = self.job
            if self.steps:
                self.run_job(
                    cast(Callable[[Progress], object], job), uses_database=self.uses_database
                )
            else:
                plain_job = cast(Callable[[], object], job)
                self.run_job(lambda _progress: plain_job(), uses_database=self.uses_database)

    def reject(self) -> None:
        if self.worker is None:
            super().reject()
        elif self.steps:  # stop it: nothing it began is kept
            self.cancelled = True
            self.outcome = CANCELLED
            self.cancel_button.setEnabled(False)
            super().reject()

    def _progressed(self, done: int, total: int) -> None:
        if total > 0:
            self.bar.setRange(0, total)
            self.bar.setValue(done)

    def _succeeded(self, result: object) -> None:
        self.outcome = result
        self.accept()

    def _failed(self, reason: str | None) -> None:
        if reason:  # None: a bug, which the "Something went wrong" dialog told
            show_error(self, self.windowTitle(), f"{self.failed}: {reason}")
        super().reject()

    @classmethod
    def run(
        cls,
        parent: QWidget | None,
        title: str,
        what: str,
        doing: str,
        job: Callable[[], object] | Callable[[Progress], object],
        *,
        failed: str,
        uses_database: bool = True,
        steps: bool = False,
    ) -> tuple[bool, object]:
        dialog = cls(
            parent,
            title,
            what,
            doing,
            job,
            failed=failed,
            uses_database=uses_database,
            steps=steps,
        )
        dialog.exec()
        return dialog.result() == QDialog.DialogCode.Accepted, dialog.outcome
