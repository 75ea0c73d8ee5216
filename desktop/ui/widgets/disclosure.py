"""A flat toggle with an arrow that shows or hides a few optional fields below it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QStyle, QStyleOptionFocusRect, QStylePainter, QToolButton, QWidget

from desktop.ui.widgets.form import accessible_text


class Disclosure(QToolButton):
    """'▸ Name parts' when folded, '▾ Name parts' when unfolded. Space, a click or the
    mnemonic toggles it; `toggled(bool)` says whether it is now unfolded."""

    def __init__(self, text: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setText(text)
        self.setAccessibleName(accessible_text(text))
        self.setCheckable(True)
        self.setAutoRaise(True)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # reached by Tab; a click leaves focus be
        # Unfolded is shown by the arrow, not by a sunken button.
        self.setStyleSheet("QToolButton:checked { background: transparent; border: none; }")
        self.toggled.connect(self._point)
        self._point(False)

    def _point(self, unfolded: bool) -> None:
        self.setArrowType(Qt.ArrowType.DownArrow if unfolded else Qt.ArrowType.RightArrow)

    def is_unfolded(self) -> bool:
        return self.isChecked()

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        if self.hasFocus():  # a flat tool button draws no focus of its own in most styles
            painter = QStylePainter(self)
            option = QStyleOptionFocusRect()
            option.initFrom(self)
            option.rect = self.rect().adjusted(1, 1, -1, -1)
            painter.drawPrimitive(QStyle.PrimitiveElement.PE_FrameFocusRect, option)
