"""File › Check database…: SQLite's own checks and the program's rules, in plain words,
with the repairs that can be made (after a backup)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialogButtonBox,
    QPlainTextEdit,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from desktop.store import check
from desktop.ui.plain import heading, plain_label, show_error
from desktop.ui.worker import WorkerDialog


class CheckDialog(WorkerDialog):
    """Open with `CheckDialog.run(parent, path)`; the check starts at once. Returns True
    when the person asked to see the backups (for a problem only a backup can mend)."""

    def __init__(self, parent: QWidget | None, path: Path, *, read_only: bool = False):
        super().__init__(parent)
        self.setWindowTitle("Check database")
        self.path = path
        self.read_only = read_only
        self.report: check.Report | None = None
        self.wants_backups = False
        self.heading = heading("Check database", 1.3)
        self.explanation = plain_label(
            "Reciprocity reads every page of the file, checks that every record's links "
            "lead somewhere, and compares the timeline summaries and the search indexes "
            "with the records they are made from. A large network takes a minute or so."
        )
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.setAccessibleName("Checking")
        self.status = plain_label()
        self.report_view = QPlainTextEdit()
        self.report_view.setReadOnly(True)
        self.report_view.setAccessibleName("Check report")
        self.report_view.hide()
        self.buttons = QDialogButtonBox()
        self.repair_button = self.buttons.addButton(
            "&Repair", QDialogButtonBox.ButtonRole.ActionRole
        )
        self.backups_button = self.buttons.addButton(
            "Open &backups…", QDialogButtonBox.ButtonRole.ActionRole
        )
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.repair_button.hide()
        self.backups_button.hide()
        self.repair_button.clicked.connect(self.repair)
        self.backups_button.clicked.connect(self._open_backups)
        self.close_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (self.heading, self.explanation, self.progress, self.status):
            layout.addWidget(widget)
        layout.addWidget(self.report_view, 1)
        layout.addWidget(self.buttons)
        self.resize(620, 320)

    def start(self) -> None:
        self._running("Checking the database…")
        self.run_job(lambda _progress: ("checked", check.run_check()))

    def repair(self) -> None:
        if self.read_only or self.worker is not None:
            return
        self._running("Backing up, then rebuilding the summaries and the search indexes…")
        path = self.path
        self.run_job(lambda _progress: ("repaired", *check.repair(path)))

    def _running(self, text: str) -> None:
        self.progress.show()
        self.status.setText(text)
        self.repair_button.hide()
        self.backups_button.hide()

    def _progressed(self, done: int, total: int) -> None:
        """The checks report no steps; the bar just shows they are working."""

    def _succeeded(self, result) -> None:
        self.progress.hide()
        what, *rest = result
        report: check.Report = rest[-1]
        self.report = report
        if what == "repaired":
            backup = rest[0]
            self.status.setText(
                f"Repaired. The network as it was before is kept in a backup ({backup.path.name})."
                if report.ok
                else "Some problems remain after the repair."
            )
        else:
            self.status.setText(f"Checked in {report.seconds:.1f} s.")
        self.report_view.setPlainText(report.words())
        self.report_view.show()
        can_repair = not report.ok and report.repairable and not self.read_only
        self.repair_button.setVisible(can_repair)
        self.backups_button.setVisible(not report.ok and not report.repairable)
        (self.repair_button if can_repair else self.close_button).setFocus()

    def _failed(self, reason: str | None) -> None:
        self.progress.hide()
        self.status.setText("")
        if reason:
            show_error(self, "The check did not finish", str(reason))

    def _open_backups(self) -> None:
        self.wants_backups = True
        self.accept()

    @classmethod
    def run(cls, parent: QWidget | None, path: Path, *, read_only: bool = False) -> bool:
        dialog = cls(parent, path, read_only=read_only)
        dialog.start()
        dialog.exec()
        return dialog.wants_backups
