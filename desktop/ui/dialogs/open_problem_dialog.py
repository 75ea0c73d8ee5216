"""When the network cannot be opened as it is (damaged, read-only, another program's):
say what was found and offer what can be done, never changing the file."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from desktop import APP_NAME
from desktop.store.connection import DatabaseError
from desktop.ui.plain import heading, plain_label

#: What the person chose.
OPEN_BACKUP, VIEW, RETRY, OTHER, QUIT = "backup", "view", "retry", "other", "quit"
#: Refusals of the disk or of another program, not of the file: trying again may work.
PASSING = ("full", "busy", "io", "gone", "open-elsewhere")


class OpenProblemDialog(QDialog):
    """Ask with `OpenProblemDialog.ask(parent, error, backup_words)`; returns a choice."""

    def __init__(self, parent: QWidget | None, error: DatabaseError, backup_words: str | None):
        super().__init__(parent)
        self.setWindowTitle(APP_NAME)
        self.choice = QUIT
        damaged = error.kind == "damaged"
        title = {
            "damaged": "Your network's file is damaged",
            "read-only": "Your network can only be read",
            "full": "The disk is full",
            "busy": "Your network is busy",
        }.get(error.kind, "Reciprocity could not open this network")
        layout = QVBoxLayout(self)
        layout.addWidget(heading(title, 1.3))
        self.message = plain_label(str(error))
        layout.addWidget(self.message)
        if damaged and backup_words:
            layout.addWidget(
                plain_label(
                    f"The newest backup that passes the check is from {backup_words}. "
                    "Opening it puts it in place of the damaged file, which is kept beside "
                    "it, unchanged, with “damaged” in its name."
                )
            )
        elif damaged:
            layout.addWidget(
                plain_label(
                    "There is no backup of it that passes the check. Keep the damaged file: "
                    "a data recovery tool for SQLite may still read part of it."
                )
            )
        self.buttons = QDialogButtonBox()
        self.backup_button = None
        if damaged and backup_words:
            self.backup_button = self._button("Open the &backup", OPEN_BACKUP)
        self.view_button = None
        if error.kind == "read-only":
            self.view_button = self._button("Open for &viewing", VIEW)
        self.retry_button = None
        if error.kind in PASSING:
            self.retry_button = self._button("Try &again", RETRY)
        self.other_button = self._button("Open &another file…", OTHER)
        self.quit_button = self._button("&Quit", QUIT, QDialogButtonBox.ButtonRole.RejectRole)
        first = self.backup_button or self.view_button or self.retry_button or self.other_button
        first.setDefault(True)
        first.setFocus()
        layout.addWidget(self.buttons)
        # Wrapped labels need a width to work out their height from.
        self.setMinimumWidth(600)
        self.resize(600, layout.totalHeightForWidth(600))

    def _button(self, text: str, choice: str, role=QDialogButtonBox.ButtonRole.AcceptRole):
        button = self.buttons.addButton(text, role)
        button.setAccessibleName(text.replace("&", ""))
        button.clicked.connect(lambda: self._choose(choice))
        return button

    def _choose(self, choice: str) -> None:
        self.choice = choice
        if choice == QUIT:
            self.reject()
        else:
            self.accept()

    def reject(self) -> None:
        self.choice = QUIT
        super().reject()

    @classmethod
    def ask(
        cls, parent: QWidget | None, error: DatabaseError, backup_words: str | None = None
    ) -> str:
        dialog = cls(parent, error, backup_words)
        dialog.exec()
        return dialog.choice
