"""File › Backups…: the backups of this network, Back up now, Restore…, Show in folder."""

from __future__ import annotations

from pathlib import Path
from typing import cast

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QMessageBox,
    QProgressBar,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.store import backup_index, backups
from desktop.ui import plain
from desktop.ui.plain import heading, plain_label, push_button
from desktop.ui.worker import WorkerDialog

COLUMNS = ("Taken", "Why", "People", "Actions", "Size")


def when_words(backup: backups.Backup) -> str:
    """'Thu 3 Dec 2026, 09:15'."""
    return backup_index.when_words(backup.taken_at)


class BackupsDialog(WorkerDialog):
    """Open with `BackupsDialog.run(parent, path)`; returns the backup to restore, if any.

    The restore itself is the caller's: the window that shows this network must close
    before its file is replaced."""

    def __init__(self, parent: QWidget | None, path: Path, *, read_only: bool = False):
        super().__init__(parent)
        self.setWindowTitle("Backups")
        self.path = path
        self.read_only = read_only
        self.to_restore: backups.Backup | None = None
        self.heading = heading("Backups of your network", 1.3)
        self.explanation = plain_label(
            "Reciprocity backs up your network by itself: every 30 minutes while you make "
            "changes, when you close it, and before a restore, a merge, an import into a "
            f"network that has people and an upgrade, in {backups.folder_for(path)}."
        )
        self.kept = plain_label(backups.retention_words(path))
        self.kept.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.list = QTreeWidget()
        self.list.setAccessibleName("Backups")
        self.list.setHeaderLabels(COLUMNS)
        self.list.setRootIsDecorated(False)
        self.list.setAlternatingRowColors(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.list.header().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for column in (2, 3, 4):
            self.list.headerItem().setTextAlignment(column, Qt.AlignmentFlag.AlignRight)
        self.list.itemSelectionChanged.connect(self._selection_changed)
        self.list.itemActivated.connect(lambda *_: self.restore_selected())
        self.total = plain_label()
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.setAccessibleName("Backing up")
        self.progress.hide()
        self.status = plain_label()

        self.back_up_button = push_button("Back up &now")
        self.restore_button = push_button("&Restore…")
        self.folder_button = push_button("Show in &folder")
        self.back_up_button.clicked.connect(self.back_up_now)
        self.restore_button.clicked.connect(self.restore_selected)
        self.folder_button.clicked.connect(self.show_folder)
        if read_only:
            reason = "This network is open for viewing only."
            for button in (self.back_up_button, self.restore_button):
                button.setEnabled(False)
                button.setToolTip(plain.tooltip(reason))
        row = QHBoxLayout()
        for button in (self.back_up_button, self.restore_button, self.folder_button):
            row.addWidget(button)
        row.addStretch(1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        row.addWidget(self.buttons)

        layout = QVBoxLayout(self)
        for label in (self.heading, self.explanation):
            layout.addWidget(label)
        layout.addWidget(self.list, 1)
        for widget in (self.total, self.kept, self.progress, self.status):
            layout.addWidget(widget)
        layout.addLayout(row)
        self.resize(760, 520)
        self.reload()

    # -- the list -----------------------------------------------------------------------
    def reload(self, select: Path | None = None) -> None:
        self.list.clear()
        found = backups.list_backups(self.path)
        for backup in found:
            item = QTreeWidgetItem(
                [
                    when_words(backup),
                    backup.reason_words,
                    "" if backup.people is None else f"{backup.people:,}",
                    "" if backup.actions is None else f"{backup.actions:,}",
                    backup_index.size_words(backup.size),
                ]
            )
            for column in (2, 3, 4):
                item.setTextAlignment(column, Qt.AlignmentFlag.AlignRight)
            item.setData(0, Qt.ItemDataRole.UserRole, backup)
            self.list.addTopLevelItem(item)
            if backup.path == select:
                self.list.setCurrentItem(item)
        first = self.list.topLevelItem(0)  # there is one when a backup was found
        if first is not None and self.list.currentItem() is None:
            self.list.setCurrentItem(first)
        if found:
            used = sum(b.size for b in found)
            self.total.setText(
                f"{plain.counted(len(found), 'backup')}, {backup_index.size_words(used)} in all."
            )
        else:
            self.total.setText("No backups yet. Back up now makes the first one.")
        self._selection_changed()

    def selected(self) -> backups.Backup | None:
        item = self.list.currentItem()
        return item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None

    def _selection_changed(self) -> None:
        busy = self.worker is not None
        self.restore_button.setEnabled(
            not self.read_only and not busy and self.selected() is not None
        )
        self.back_up_button.setEnabled(not self.read_only and not busy)

    # -- actions ------------------------------------------------------------------------
    def back_up_now(self) -> None:
        if self.read_only or self.worker is not None:
            return
        self.progress.show()
        self.status.setText("Backing up…")
        path = self.path
        self.run_job(lambda _progress: backups.create(path, "by-hand"))
        self._selection_changed()

    def _progressed(self, done: int, total: int) -> None:
        """A backup reports no steps; the bar just shows it is working."""

    def _succeeded(self, result: object) -> None:
        backup = cast(backups.Backup, result)  # what backups.create returns
        self.progress.hide()
        self.reload(select=backup.path)
        self.status.setText(
            f"Backed up: {when_words(backup)}, {backup_index.size_words(backup.size)}."
        )

    def _failed(self, reason: str | None) -> None:
        self.progress.hide()
        self.status.setText("")
        self._selection_changed()
        if reason:
            plain.show_error(self, "No backup was made", str(reason))

    def restore_selected(self) -> None:
        backup = self.selected()
        if backup is None or self.read_only or self.worker is not None:
            return
        question = f"Put the backup of {when_words(backup)} in place of your network as it is now?"
        box = plain.message_box(
            self,
            QMessageBox.Icon.Question,
            "Restore a backup",
            question,
            "Your network as it is now is backed up first, so you can come back to it "
            "from this list. Reciprocity then opens the restored network.",
        )
        restore = box.addButton("&Restore", QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(restore)
        box.exec()
        if box.clickedButton() is restore:
            self.to_restore = backup
            self.accept()

    def show_folder(self) -> None:
        folder = backups.folder_for(self.path)
        QDesktopServices.openUrl(
            QUrl.fromLocalFile(str(folder if folder.is_dir() else self.path.parent))
        )

    @classmethod
    def run(
        cls, parent: QWidget | None, path: Path, *, read_only: bool = False
    ) -> backups.Backup | None:
        dialog = cls(parent, path, read_only=read_only)
        dialog.exec()
        return dialog.to_restore
