"""Form rows with a label, a field and a message under it that explains what is wrong."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtWidgets import QAbstractButton, QFormLayout, QLabel, QVBoxLayout, QWidget

from desktop.core.validation import Problems
from desktop.ui.plain import plain_label

ERROR_STYLE = "color: #b3261e;"
WARNING_STYLE = "color: #8a5300;"
NOTE_STYLE = "color: palette(placeholder-text);"

W = TypeVar("W", bound=QWidget)


def accessible_text(label: str) -> str:
    """The label as read aloud: without the '&' that marks its keyboard shortcut."""
    return label.replace("&&", "\0").replace("&", "").replace("\0", "&")


class MessageForm:
    """A QFormLayout whose fields each have a message line for errors, warnings and notes."""

    def __init__(self, layout: QFormLayout):
        self.layout = layout
        self._messages: dict[str, QLabel] = {}
        self.fields: dict[str, QWidget] = {}

    def add(self, key: str, label: str, field: W) -> W:
        caption = QLabel(label)
        caption.setBuddy(field)
        if isinstance(field, QAbstractButton) and field.text():
            field.setAccessibleName(accessible_text(field.text()))  # its own label is visible
        else:
            field.setAccessibleName(accessible_text(label))
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(field)
        message = plain_label()
        message.setObjectName(f"message_{key}")
        message.hide()
        column.addWidget(message)
        self._messages[key] = message
        self.fields[key] = field
        self.layout.addRow(caption, box)
        return field

    def message(self, key: str) -> QLabel:
        return self._messages[key]

    def show(self, key: str, text: str, style: str) -> None:
        label = self._messages[key]
        label.setText(text)
        label.setStyleSheet(style)
        label.setVisible(bool(text))

    def show_problems(
        self, problems: Problems, shown: set[str], notes: dict[str, str] | None = None
    ) -> None:
        """Errors for fields in *shown* (touched ones), all warnings, and notes elsewhere."""
        notes = notes or {}
        for key in self._messages:
            if key in problems.errors and key in shown:
                self.show(key, problems.errors[key], ERROR_STYLE)
            elif key in problems.warnings:
                self.show(key, problems.warnings[key], WARNING_STYLE)
            else:
                self.show(key, notes.get(key, ""), NOTE_STYLE)
