"""A date field that may be left empty."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDateEdit, QWidget

NO_DATE = QDate(1900, 1, 1)


class OptionalDateEdit(QDateEdit):
    """'Not set' (its lowest value) until used.

    Opening the calendar or stepping from 'Not set' starts at today, not at the year 1900;
    Delete empties the field again.
    """

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat("yyyy-MM-dd")
        self.setMinimumDate(NO_DATE)
        self.setSpecialValueText("Not set")
        self.setDate(NO_DATE)

    def value(self) -> date | None:
        chosen = self.date()
        return None if chosen == NO_DATE else date(chosen.year(), chosen.month(), chosen.day())

    def set_value(self, value: date | None) -> None:
        self.setDate(QDate(value.year, value.month, value.day) if value else NO_DATE)

    def _start_today(self) -> None:
        if self.date() == NO_DATE:
            self.setDate(QDate.currentDate())

    def mousePressEvent(self, event) -> None:
        self._start_today()
        super().mousePressEvent(event)

    def stepBy(self, steps: int) -> None:
        if self.date() == NO_DATE:
            self._start_today()
            return
        super().stepBy(steps)

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Delete:
            self.setDate(NO_DATE)
            return
        super().keyPressEvent(event)

    def focusNextPrevChild(self, forward: bool) -> bool:
        """Tab leaves the field. (A date field's Tab walks its year, month and day first;
        showing 'Not set', there are no parts to walk and Tab stayed put.)"""
        if self.date() == NO_DATE:
            return QWidget.focusNextPrevChild(self, forward)
        return super().focusNextPrevChild(forward)
