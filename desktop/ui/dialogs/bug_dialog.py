"""'Something went wrong': a bug in Reciprocity, said as one, with the log and its details."""

from __future__ import annotations

import platform
import sys
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QUrl, qVersion
from PySide6.QtGui import QDesktopServices, QFont, QGuiApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QStyle, QVBoxLayout, QWidget

from desktop import APP_NAME, __version__
from desktop.ui.plain import plain_label


@dataclass(frozen=True)
class Bug:
    """One unexpected error, already logged: what was being done and its traceback.

    `saved_nothing` is True when the work was one transaction that was rolled back, None
    when it is not known what was kept.
    """

    doing: str
    details: str
    log_file: Path | None
    saved_nothing: bool | None = None
    happened: datetime | None = None


def environment() -> str:
    """The versions and system a developer needs beside a traceback."""
    return (
        f"{APP_NAME} {__version__}\n"
        f"Python {platform.python_version()} ({sys.implementation.name})\n"
        f"Qt {qVersion()}, PySide6 {pyside_version}\n"
        f"{platform.platform()}"
    )


def details_text(bug: Bug) -> str:
    """What Copy details puts on the clipboard."""
    when = f"When: {bug.happened.isoformat(timespec='seconds')}\n" if bug.happened else ""
    log = f"Log: {bug.log_file}\n" if bug.log_file else ""
    return f"{environment()}\n\nWhile: {bug.doing}\n{when}{log}\n{bug.details.rstrip()}\n"


SAVED_NOTHING = (
    "Nothing was saved: the change was undone as a whole, so your network is as it was before."
)


class BugDialog(QDialog):
    """Says it is a bug, not the user's doing; points to the log; copies the details."""

    def __init__(self, parent: QWidget | None, bug: Bug):
        super().__init__(parent)
        self.bug = bug
        self.setWindowTitle("Something went wrong")
        self.heading = plain_label(f"Something went wrong while {bug.doing}.")
        font = QFont(self.heading.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.heading.setFont(font)
        saved = f" {SAVED_NOTHING}" if bug.saved_nothing else ""
        self.explanation = plain_label(
            f"This is a bug in {APP_NAME}, not something you did.{saved} You can keep working."
        )
        if bug.log_file is not None:
            where = (
                "The details were written to the log file, which you can send to whoever "
                f"helps you with {APP_NAME}:\n{bug.log_file}"
            )
        else:
            where = "The details could not be written to a log file; Copy details has them."
        self.where = plain_label(where)
        self.copied = plain_label()
        self.buttons = QDialogButtonBox()
        self.folder_button = self.buttons.addButton(
            "Show &log folder", QDialogButtonBox.ButtonRole.ActionRole
        )
        self.folder_button.setEnabled(bug.log_file is not None)
        self.copy_button = self.buttons.addButton(
            "&Copy details", QDialogButtonBox.ButtonRole.ActionRole
        )
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        for button in (self.folder_button, self.copy_button, self.close_button):
            button.setAutoDefault(False)
            button.setAccessibleName(button.text().replace("&", ""))
        self.close_button.setDefault(True)  # Enter or Esc closes; nothing is lost by it
        self.folder_button.clicked.connect(self.show_log_folder)
        self.copy_button.clicked.connect(self.copy_details)
        self.close_button.clicked.connect(self.accept)

        icon = plain_label()
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_MessageBoxIconSize)
        icon.setPixmap(
            self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical).pixmap(size)
        )
        layout = QVBoxLayout(self)
        layout.addWidget(icon)
        for widget in (self.heading, self.explanation, self.where, self.copied):
            layout.addWidget(widget)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.resize(560, 260)
        self.close_button.setFocus()

    def show_log_folder(self) -> bool:
        """Open the log's folder in the file manager."""
        if self.bug.log_file is None:
            return False
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.bug.log_file.parent)))

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(details_text(self.bug))
        self.copied.setText("The details are on the clipboard, ready to paste.")


def show_bug(parent: QWidget | None, bug: Bug) -> None:
    """Show the dialog and wait until it is closed (tests replace or drive this)."""
    dialog = BugDialog(parent, bug)
    dialog.exec()
    dialog.deleteLater()
