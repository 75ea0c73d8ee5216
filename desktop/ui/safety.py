"""The window's part in keeping the network safe: File › Backups… and Check database…,
backups by themselves, the check after an unclean stop, and read-only viewing."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox

from desktop.store import check
from desktop.store.connection import db
from desktop.ui import ops, plain
from desktop.ui.backup_scheduler import BackupScheduler
from desktop.ui.dialogs import bug_dialog
from desktop.ui.dialogs.backups_dialog import BackupsDialog
from desktop.ui.dialogs.check_dialog import CheckDialog
from desktop.ui.plain import message_box
from desktop.ui.read_only import ReadOnlyGuard
from desktop.ui.worker import Worker


class Safety(QObject):
    """Owned by the main window; `finish()` when the window closes."""

    restore_requested = Signal(object)  # the Backup to put in place of this network
    checked = Signal()  # a check or a repair ran: the pages read again
    outside_change = Signal()  # another program wrote to the network: the pages read again

    def __init__(self, window: QMainWindow, path: Path, *, sample: bool, read_only: bool):
        super().__init__(window)
        self.window, self.path, self.read_only = window, path, read_only
        self.backups_action = QAction("&Backups…", window)
        self.backups_action.triggered.connect(self.show_backups)
        self.check_action = QAction("Check &database…", window)
        self.check_action.triggered.connect(self.check_database)
        self._seen_version: int | None = None
        self.notice_outside_changes()  # where the window starts from
        # An import on a worker writes through a connection of its own, which the window's
        # connection sees as another's: not a change made outside this window.
        ops.database_watchers.add(self)
        window.installEventFilter(self)
        self.scheduler: BackupScheduler | None = None
        self.unclean_check: Worker | None = None
        self.guard: ReadOnlyGuard | None = None
        if not read_only and not sample:  # the sample is made up: nothing to keep
            self.scheduler = BackupScheduler(path, parent=self)
            self.scheduler.failed.connect(lambda reason: self._say(f"No backup was made: {reason}"))
            self.scheduler.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Coming back to the window: show what another program wrote meanwhile."""
        if event.type() == QEvent.Type.ActivationChange and self.window.isActiveWindow():
            self.notice_outside_changes()
        return False

    def notice_outside_changes(self) -> bool:
        """Refresh the pages if another program (a command-line import) changed the
        network since the window last looked; True when it had."""
        try:
            version = db.data_version()
        except Exception:  # a closed or vanished file: the next write will say so
            return False
        changed = self._seen_version is not None and version != self._seen_version
        self._seen_version = version
        if changed:  # said first: what follows from it may say more
            self._say("Your network was changed outside this window; the pages show it now.", 8000)
            self.outside_change.emit()
        return changed

    def notice_own_changes(self) -> None:
        """What this program's own workers wrote is not another program's change."""
        try:
            self._seen_version = db.data_version()
        except Exception:  # a closed or vanished file: the next write will say so
            self._seen_version = None

    def _say(self, text: str, timeout: int = 0) -> None:
        self.window.statusBar().showMessage(text, timeout)

    def go_read_only(self) -> str:
        """Disable every write control of the window; returns the reason shown."""
        reason = (
            f"{self.path} is read-only, so this network is open for viewing: nothing can be "
            "changed."
        )
        self.guard = ReadOnlyGuard(reason, self)
        self.guard.apply(self.window)
        note = QLabel("Read-only")
        note.setToolTip(plain.tooltip(reason))
        self.window.statusBar().addPermanentWidget(note)
        self._say(reason)
        return reason

    def show_backups(self) -> None:
        """File › Backups…: the list, Back up now, Restore… (which reopens the network)."""
        chosen = BackupsDialog.run(self.window, self.path, read_only=self.read_only)
        if chosen is not None:
            self.restore_requested.emit(chosen)

    def check_database(self) -> None:
        """File › Check database…: the report, and the repairs that can be made."""
        wants_backups = CheckDialog.run(self.window, self.path, read_only=self.read_only)
        self.checked.emit()
        if wants_backups:
            self.show_backups()

    def check_after_unclean_stop(self) -> Worker:
        """Reciprocity did not close properly last time: run the full check once, on a
        worker, and speak up only about what it finds."""
        self._say("Reciprocity did not close properly last time; checking your network…")
        self.unclean_check = Worker(lambda _progress: check.run_check(full=True))
        self.unclean_check.succeeded.connect(self._unclean_checked)
        self.unclean_check.failed.connect(self._unclean_check_failed)
        self.unclean_check.crashed.connect(self._unclean_check_crashed)
        self.unclean_check.start()
        return self.unclean_check

    def _end_unclean_check(self) -> None:
        if self.unclean_check is not None:
            self.unclean_check.wait()
            self.unclean_check = None

    def _unclean_checked(self, report: check.Report) -> None:
        self._end_unclean_check()
        if report.ok:
            self._say(
                "Reciprocity did not close properly last time, so it checked your network: "
                "no problems found.",
                15000,
            )
            return
        self.window.statusBar().clearMessage()
        box = message_box(
            self.window,
            QMessageBox.Icon.Warning,
            "Your network has problems",
            "Reciprocity did not close properly last time, and the check of your network "
            "found problems.",
            report.words(),
        )
        details = box.addButton("Check &database…", QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Close)
        box.setDefaultButton(details)
        box.exec()
        if box.clickedButton() is details:
            self.check_database()

    def _unclean_check_failed(self, reason) -> None:
        self._end_unclean_check()
        if reason:
            self._say(f"The check after the unclean stop did not finish: {reason}")

    def _unclean_check_crashed(self, bug) -> None:
        self._end_unclean_check()
        self.window.statusBar().clearMessage()
        bug_dialog.show_bug(self.window, bug)

    def finish(self, *, back_up: bool = True) -> None:
        """The window closes: let the check end, and back up what changed (unless the
        file is about to be replaced by a restore)."""
        self._end_unclean_check()
        ops.database_watchers.discard(self)
        if self.scheduler is not None:
            self.scheduler.finish(back_up=back_up)
            self.scheduler = None
