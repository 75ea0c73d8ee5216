"""Tag entry: typed words become removable chips, with completion from known words."""

from __future__ import annotations

from typing import cast

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QFrame,
    QLineEdit,
    QSizePolicy,
    QStyle,
    QToolButton,
    QWidget,
)

from desktop.ui.widgets.completion import popup_of, set_words, word_completer
from desktop.ui.widgets.flow_layout import FlowLayout

SEPARATORS = (",", ";")


class TagEdit(QFrame):
    """Enter, comma or leaving the field turns the text into a chip; Backspace removes one."""

    tags_changed = Signal()

    def __init__(self, parent: QWidget | None = None, placeholder: str = "Type and press Enter"):
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self._tags: list[str] = []
        self._chips: list[QToolButton] = []
        self._layout = FlowLayout(self, spacing=4)
        self._layout.setContentsMargins(4, 4, 4, 4)
        self.editor = QLineEdit(self)
        self.editor.setFrame(False)
        self.editor.setPlaceholderText(placeholder)
        self.editor.setMinimumWidth(160)
        self.editor.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._layout.addWidget(self.editor)
        self.setFocusProxy(self.editor)
        # A label's Alt+letter gives focus only to a buddy that takes focus; Tab still
        # stops once, in the editor (a widget with a focus proxy is skipped by Tab).
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.editor.setCompleter(word_completer(self, [], self._completion_chosen))
        self.editor.textEdited.connect(self._text_edited)
        self.editor.installEventFilter(self)

    # -- public API ---------------------------------------------------------------------
    def tags(self) -> list[str]:
        """The chips, plus whatever is still being typed (so nothing typed is lost)."""
        pending = self.editor.text().strip()
        return [*self._tags, pending] if pending and not self._has(pending) else list(self._tags)

    def set_tags(self, tags: list[str]) -> None:
        for chip in self._chips:
            chip.deleteLater()
        self._chips.clear()
        self._tags.clear()
        for tag in tags:
            self._add(tag, notify=False)
        self.tags_changed.emit()

    def set_completions(self, words: list[str]) -> None:
        set_words(self.editor.completer(), words)

    def setAccessibleName(self, name: str) -> None:
        super().setAccessibleName(name)
        self.editor.setAccessibleName(name)

    # -- behaviour ----------------------------------------------------------------------
    def commit_pending(self) -> bool:
        """Turn the typed text into a chip; True if there was text."""
        text = self.editor.text().strip()
        if not text:
            return False
        self.editor.clear()
        self._add(text)
        return True

    def _has(self, tag: str) -> bool:
        return tag.casefold() in (t.casefold() for t in self._tags)

    def _add(self, tag: str, *, notify: bool = True) -> None:
        tag = " ".join(tag.split())
        if not tag or self._has(tag):
            return
        chip = QToolButton(self)
        chip.setText(tag)
        chip.setAccessibleName(tag)
        chip.setAccessibleDescription(f"Remove {tag}")
        chip.setToolTip("Click to remove")
        chip.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_LineEditClearButton))
        chip.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        chip.setAutoRaise(False)
        chip.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        chip.clicked.connect(lambda: self._remove(chip))
        self._layout.insertWidget(len(self._chips), chip)
        self._chips.append(chip)
        self._tags.append(tag)
        self.updateGeometry()
        if notify:
            self.tags_changed.emit()

    def _remove(self, chip: QToolButton) -> None:
        index = self._chips.index(chip)
        self._chips.pop(index)
        self._tags.pop(index)
        chip.hide()
        chip.deleteLater()
        self.updateGeometry()
        self.tags_changed.emit()

    def _text_edited(self, text: str) -> None:
        """A separator (typed or pasted) ends a tag; what follows it keeps being typed."""
        for separator in SEPARATORS[1:]:
            text = text.replace(separator, SEPARATORS[0])
        if SEPARATORS[0] not in text:
            self.tags_changed.emit()
            return
        *done, pending = text.split(SEPARATORS[0])
        for tag in done:
            self._add(tag)
        self.editor.setText(pending.lstrip())

    def _completion_chosen(self, text: str) -> None:
        self.editor.clear()
        self._add(text)
        # A click on a suggestion makes the completer write it back afterwards; clear then.
        QTimer.singleShot(0, self.editor.clear)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.editor and event.type() == QEvent.Type.KeyPress:
            key = cast(QKeyEvent, event).key()
            popup_open = popup_of(self.editor.completer()).isVisible()
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not popup_open:
                # With text: make a chip and stay. Empty: let the dialog's default button act.
                return self.commit_pending()
            if key == Qt.Key.Key_Backspace and not self.editor.text() and self._chips:
                self._remove(self._chips[-1])
                return True
        elif watched is self.editor and event.type() == QEvent.Type.FocusOut:
            popup = popup_of(self.editor.completer())
            if not popup.isVisible():
                self.commit_pending()
        return super().eventFilter(watched, event)
