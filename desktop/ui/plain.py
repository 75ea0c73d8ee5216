"""Showing user data as plain text, whatever characters it holds."""

from __future__ import annotations

import html
from contextlib import contextmanager

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QFont
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QPushButton, QWidget

SAFE_SCHEMES = ("http", "https", "mailto")


def counted(number: int, singular: str, plural: str | None = None) -> str:
    """'1 need', '2 needs', '1,204 actions'."""
    word = singular if number == 1 else (plural or singular + "s")
    return f"{number:,} {word}"


def plain_label(text: str = "", parent: QWidget | None = None, *, wrap: bool = True) -> QLabel:
    """A label that never interprets its text as HTML, selectable for copying."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(wrap)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setText(text)
    return label


MAX_TOOLTIP = 1500


def short(text: str, limit: int = 80) -> str:
    """*text* cut to *limit* characters with an ellipsis, for titles and questions."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def tooltip(text: str) -> str:
    """Tooltips guess at rich text, so user text is escaped and wrapped to stay literal."""
    if not text:
        return ""
    return "<p style='white-space:pre-wrap'>" + html.escape(short(text, MAX_TOOLTIP)) + "</p>"


def message_box(
    parent: QWidget | None,
    icon: QMessageBox.Icon,
    title: str,
    text: str,
    informative: str = "",
) -> QMessageBox:
    """A message box whose texts are plain, so names with angle brackets show as typed."""
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.NoButton, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    if informative:
        set_plain_informative(box, informative)
    return box


def set_plain_informative(box: QMessageBox, text: str) -> None:
    """The box's second text, shown as written (escaping it for rich text showed
    '&#x27;' and '<br>': Qt shows it in the box's own text format, plain here)."""
    box.setInformativeText(text)
    label = box.findChild(QLabel, "qt_msgbox_informativelabel")
    if label is not None:
        label.setTextFormat(Qt.TextFormat.PlainText)


def show_error(parent: QWidget | None, title: str, text: str) -> None:
    box = message_box(parent, QMessageBox.Icon.Warning, title, text)
    box.addButton(QMessageBox.StandardButton.Ok)
    box.exec()


def confirm_delete(parent: QWidget | None, title: str, text: str, informative: str = "") -> bool:
    """Ask before deleting; Delete is the default so the keyboard flow is Delete, Enter."""
    box = message_box(parent, QMessageBox.Icon.Question, title, text, informative)
    delete = box.addButton("Delete", QMessageBox.ButtonRole.DestructiveRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(delete)
    box.exec()
    return box.clickedButton() is delete


def confirm(parent: QWidget | None, title: str, question: str, yes: str = "&Add") -> bool:
    """A yes/no question whose yes button says what it does."""
    box = message_box(parent, QMessageBox.Icon.Question, title, question)
    accept = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(accept)
    box.exec()
    return box.clickedButton() is accept


def confirm_discard(parent: QWidget | None, question: str) -> bool:
    """Ask before throwing away typed changes; Keep editing is the safe default."""
    box = message_box(parent, QMessageBox.Icon.Question, "Discard changes", question)
    discard = box.addButton("&Discard", QMessageBox.ButtonRole.DestructiveRole)
    keep = box.addButton("&Keep editing", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(keep)
    box.setEscapeButton(keep)
    box.exec()
    return box.clickedButton() is discard


def open_link(url: str) -> bool:
    """Open a web or mail link in the user's programs; anything else is refused."""
    qurl = QUrl(url)
    if qurl.scheme().lower() not in SAFE_SCHEMES or not qurl.isValid():
        return False
    return QDesktopServices.openUrl(qurl)


@contextmanager
def wait_cursor():
    """The busy cursor while something the person waits for runs on this thread."""
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QApplication.restoreOverrideCursor()


def push_button(text: str, parent: QWidget | None = None) -> QPushButton:
    """A button whose accessible name is its visible label."""
    button = QPushButton(text, parent)
    button.setAccessibleName(text.replace("&", ""))
    return button


def heading(text: str, scale: float = 1.5) -> QLabel:
    label = plain_label(text)
    font = QFont(label.font())
    font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(True)
    label.setFont(font)
    return label
