"""Restore a full archive into the open network, which must be empty: on a thread of its
own, with progress and a Cancel that leaves the network exactly as it was."""

from __future__ import annotations

from pathlib import Path
from typing import cast

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QDialogButtonBox, QProgressBar, QVBoxLayout, QWidget

from desktop.formats import archive
from desktop.ui.plain import heading, plain_label, show_error
from desktop.ui.worker import WorkerDialog


class RestoreDialog(WorkerDialog):
    """Open with `RestoreDialog.run(parent, path)`; returns the rows per table once restored."""

    def __init__(self, parent: QWidget | None, path: Path):
        super().__init__(parent)
        self.setWindowTitle("Restore an archive")
        self.path = path
        self.counts: dict[str, int] | None = None
        self.heading = heading(path.name, 1.2)
        try:
            size = QLocale().formattedDataSize(
                path.stat().st_size, 1, QLocale.DataSizeFormat.DataSizeSIFormat
            )
            size = f"{size}, in {path.parent}"
        except OSError:
            size = str(path.parent)
        self.where = plain_label(size)
        self.explanation = plain_label(
            "Everything in the archive goes into this network: people, companies, needs, "
            "opportunities, actions, follow-ups and your profile. The whole file is read "
            "and checked before anything is kept, so a damaged archive, or Cancel, leaves "
            "the network as it is now."
        )
        self.progress = QProgressBar()
        self.progress.setAccessibleName("Restore progress")
        self.progress.hide()
        self.status = plain_label()
        self.buttons = QDialogButtonBox()
        self.restore_button = self.buttons.addButton(
            "&Restore", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.restore_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (self.heading, self.where, self.explanation, self.progress, self.status):
            layout.addWidget(widget)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.resize(520, 220)

    def start(self) -> None:
        self.restore_button.setEnabled(False)
        self.progress.setRange(0, 1000)
        self.progress.setValue(0)
        self.progress.show()
        self.status.setText("Reading the archive… Cancel stops and keeps nothing.")
        path = self.path
        self.run_job(
            lambda progress: archive.import_into(path, progress=progress),
            doing="restoring an archive",
            failed="Nothing was restored, and your network is as it was",
        )

    def _progressed(self, done: int, total: int) -> None:
        if done >= total:  # all read: the indexes and the search are built next
            self.progress.setRange(0, 0)
            self.status.setText("Building the indexes and the search… Cancel still keeps nothing.")
        else:
            self.progress.setValue(int(1000 * done / max(total, 1)))

    def _succeeded(self, result: object) -> None:
        self.counts = cast(dict[str, int], result)  # what archive.import_into returns
        self.accept()

    def _failed(self, reason: str | None) -> None:
        self.progress.hide()
        self.restore_button.setEnabled(True)
        if reason == "":
            self.status.setText("Cancelled: nothing was restored.")
            return
        self.status.setText("")
        if reason:
            show_error(self, "The archive was not restored", reason)

    @classmethod
    def run(cls, parent: QWidget | None, path: Path) -> dict[str, int] | None:
        dialog = cls(parent, path)
        dialog.exec()
        return dialog.counts
