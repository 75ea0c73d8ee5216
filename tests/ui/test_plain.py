"""Plain text in message boxes: both texts show exactly what was written."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox

from desktop.ui.plain import message_box


def shown_texts(box: QMessageBox) -> dict[str, str]:
    """What the box's labels show a person (plain labels show their text as it is)."""
    labels = {label.objectName(): label for label in box.findChildren(QLabel)}
    out = {}
    for name in ("qt_msgbox_label", "qt_msgbox_informativelabel"):
        label = labels[name]
        assert label.textFormat() == Qt.TextFormat.PlainText
        out[name] = label.text()
    return out


def test_both_texts_show_quotes_brackets_and_lines_as_written(qtbot):
    box = message_box(
        None, QMessageBox.Icon.Warning, "Title", "Delete <b>Ann</b>?", "It's Ann's.\nTwo lines."
    )
    qtbot.addWidget(box)
    box.show()
    texts = shown_texts(box)
    assert texts["qt_msgbox_label"] == "Delete <b>Ann</b>?"
    assert texts["qt_msgbox_informativelabel"] == "It's Ann's.\nTwo lines."
