"""The one-time warning for a network kept in a cloud-synced folder or on a network drive."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop import APP_NAME
from desktop.ui import plain

#: What the person chose: move the file, keep it where it is, or decide next time.
MOVE, KEEP, LATER = "move", "keep", "later"

RISK = (
    "A sync program or a network drive can copy or lock the file while Reciprocity is "
    "writing to it, and a copy taken halfway through can damage your network. SQLite, "
    "which keeps Reciprocity's data, warns against using a database in such a folder."
)


class LocationWarning(QMessageBox):
    """Ask with `LocationWarning.ask(parent, path, reason, folder)`; returns a choice."""

    def __init__(self, parent: QWidget | None, path: Path, reason: str, folder: Path | None):
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)  # the path is shown as it is spelled
        self.setIcon(QMessageBox.Icon.Warning)
        self.setWindowTitle(APP_NAME)
        self.setText(f"Your network {path} {reason}.")
        offer = (
            f"Reciprocity can move it to its own folder on this computer, {folder}, and open "
            "it from there. "
            if folder is not None
            else ""
        )
        informative = f"{RISK}\n\n{offer}If you keep it here, you will not be asked again."
        plain.set_plain_informative(self, informative)
        self.move_button = None
        if folder is not None:
            self.move_button = self.addButton(
                "&Move it to this computer", QMessageBox.ButtonRole.AcceptRole
            )
        self.keep_button = self.addButton("&Keep it here", QMessageBox.ButtonRole.DestructiveRole)
        self.later_button = self.addButton("Ask me &later", QMessageBox.ButtonRole.RejectRole)
        self.setDefaultButton(self.move_button or self.later_button)
        self.setEscapeButton(self.later_button)

    def choice(self) -> str:
        clicked = self.clickedButton()
        if clicked is not None and clicked is self.move_button:
            return MOVE
        return KEEP if clicked is self.keep_button else LATER

    @classmethod
    def ask(cls, parent: QWidget | None, path: Path, reason: str, folder: Path | None) -> str:
        dialog = cls(parent, path, reason, folder)
        dialog.exec()
        return dialog.choice()
