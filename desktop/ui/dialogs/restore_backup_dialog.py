"""Putting a backup in place of the network, with the window closed: the network as it
is is backed up first, then the file is replaced in one step."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog, QProgressBar, QVBoxLayout, QWidget

from desktop.store import backups
from desktop.ui.dialogs.backups_dialog import when_words
from desktop.ui.pages.list_page import heading
from desktop.ui.plain import plain_label, show_error
from desktop.ui.worker import WorkerDialog


class RestoreBackupDialog(WorkerDialog):
    """`RestoreBackupDialog.run(parent, path, backup)`: True once the backup is in place.

    Every connection to *path* must be closed before; the job opens only its own."""

    def __init__(self, parent: QWidget | None, path: Path, backup: backups.Backup):
        super().__init__(parent)
        self.setWindowTitle("Restore a backup")
        self.path, self.backup = path, backup
        self.finished_job = False
        self.safety: backups.Backup | None = None
        progress = QProgressBar()
        progress.setRange(0, 0)
        progress.setAccessibleName("Restoring")
        self.status = plain_label(
            "Backing up your network as it is now, then putting the backup in its place…"
        )
        layout = QVBoxLayout(self)
        layout.addWidget(heading(f"Restoring the backup of {when_words(backup)}", 1.2))
        layout.addWidget(progress)
        layout.addWidget(self.status)
        self.resize(520, 0)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self.worker is None and not self.finished_job:
            path, backup = self.path, self.backup
            self.run_job(lambda _p: backups.restore(path, backup), uses_database=False)

    def reject(self) -> None:
        """A restore is short and must not stop half way: Esc waits for it."""
        if self.worker is None:
            super().reject()

    def _progressed(self, done: int, total: int) -> None:
        """The restore reports no steps."""

    def _succeeded(self, safety) -> None:
        self.finished_job, self.safety = True, safety
        self.accept()

    def _failed(self, reason: str | None) -> None:
        self.finished_job = True
        if reason is not None:  # None: a bug, which the "Something went wrong" dialog told
            show_error(self, "The backup was not restored", f"{reason} Your network is as it was.")
        super().reject()

    @classmethod
    def run(cls, parent: QWidget | None, path: Path, backup: backups.Backup):
        """(restored, the backup of the network as it was)."""
        dialog = cls(parent, path, backup)
        dialog.exec()
        return dialog.result() == QDialog.DialogCode.Accepted, dialog.safety
