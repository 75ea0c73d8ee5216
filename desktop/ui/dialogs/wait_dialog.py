"""A short job the person waits for, on a worker so the window keeps painting: a
heading, a moving bar and a sentence, closing itself when the job is done."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QProgressBar, QVBoxLayout, QWidget

from desktop.ui.plain import heading, plain_label, show_error
from desktop.ui.worker import WorkerDialog


class WaitDialog(WorkerDialog):
    """`WaitDialog.run(...)` returns (done, result). A job such as a restore must not stop
    half way, so Esc waits for it; a refusal is shown in words, a bug as a bug."""

    def __init__(
        self,
        parent: QWidget | None,
        title: str,
        what: str,
        doing: str,
        job: Callable[[], object],
        *,
        failed: str,
        uses_database: bool,
    ):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.job, self.failed, self.uses_database = job, failed, uses_database
        self.started = False
        self.outcome: object = None
        bar = QProgressBar()
        bar.setRange(0, 0)
        bar.setAccessibleName(title)
        self.status = plain_label(doing)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(what, 1.2))
        layout.addWidget(bar)
        layout.addWidget(self.status)
        self.setMinimumWidth(520)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self.started:
            self.started = True
            job = self.job
            self.run_job(lambda _progress: job(), uses_database=self.uses_database)

    def reject(self) -> None:
        if self.worker is None:
            super().reject()

    def _progressed(self, done: int, total: int) -> None:
        """These jobs report no steps."""

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
        job: Callable[[], object],
        *,
        failed: str,
        uses_database: bool = True,
    ) -> tuple[bool, object]:
        dialog = cls(parent, title, what, doing, job, failed=failed, uses_database=uses_database)
        dialog.exec()
        return dialog.result() == QDialog.DialogCode.Accepted, dialog.outcome
