"""A date field you type into: 2026-12-05, 5/12, tomorrow, +7, next monday.

What was typed is read by `desktop.core.dates` in the desktop's order of day, month and
year and its language, shown back as yyyy-MM-dd when the field is left or Enter pressed.
Up and Down move a day, Page Up and Page Down a month, Alt+Down (or F4, or the calendar
button) opens a calendar; Delete or Backspace on a whole date empties an optional field.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import cache

from PySide6.QtCore import QDate, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QColor, QFocusEvent, QKeyEvent, QPalette
from PySide6.QtWidgets import (
    QCalendarWidget,
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.dates import HOW_TO_TYPE, Lean, NotADate, Order, add_months, describe, order_of
from desktop.core.dates import parse_date as _parse
from desktop.ui.icons import icon
from desktop.ui.plain import tooltip

ERROR_COLOUR = "#b3261e"


@cache
def desktop_reading() -> tuple[Order, tuple[str, ...]]:
    """How this desktop writes short dates, and the languages words may be typed in."""
    from PySide6.QtCore import QLocale

    locale = QLocale.system()
    order = order_of(locale.dateFormat(QLocale.FormatType.ShortFormat))
    language = locale.name().split("_")[0].lower()
    languages = ("en",) if language in ("en", "c", "") else ("en", language)
    return order, languages


def today() -> date:
    return date.today()


class OptionalDateEdit(QLineEdit):
    """A date, or (when *optional*) none: 'Not set'.

    `dateChanged` is emitted when the date the field holds changes: on Enter, on leaving
    the field, on a step or a calendar pick, and by `set_value`. `value()` reads what is
    typed right now, so a form saved with Enter gets the date just typed.
    """

    dateChanged = Signal()

    def __init__(
        self, parent: QWidget | None = None, *, optional: bool = True, lean: Lean = "past"
    ):
        super().__init__(parent)
        self.optional = optional
        self.lean: Lean = lean
        self._held: date | None = None  # the date as of the last commit
        self._popup: CalendarPopup | None = None
        self.setPlaceholderText("Not set" if optional else "A date")
        self.setToolTip(
            tooltip(
                f"{HOW_TO_TYPE} Up and Down move a day; Alt+Down opens a calendar."
                + (" Delete empties the field." if optional else "")
            )
        )
        self.calendar_action = QAction(icon("calendar"), "Choose from a calendar", self)
        self.calendar_action.setToolTip("Choose from a calendar (Alt+Down)")
        self.calendar_action.triggered.connect(self.open_calendar)
        self.addAction(self.calendar_action, QLineEdit.ActionPosition.TrailingPosition)
        self.editingFinished.connect(self.commit)
        self.textChanged.connect(self._show_validity)
        self._text_colour = self.palette().color(QPalette.ColorRole.Text)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("0000-00-00") + 48)

    # -- reading ------------------------------------------------------------------------
    def _read(self) -> date | None:
        order, languages = desktop_reading()
        return _parse(self.text(), today=today(), lean=self.lean, order=order, languages=languages)

    def value(self) -> date | None:
        """The date typed now; None when empty or not a date (see `problem`)."""
        try:
            return self._read()
        except NotADate:
            return None

    def problem(self) -> str:
        """Why what is typed cannot be saved, in words; empty when it can."""
        try:
            found = self._read()
        except NotADate as exc:
            return str(exc)
        if found is None and not self.optional:
            return f"Give a date. {HOW_TO_TYPE}"
        return ""

    def reading(self) -> str:
        """What typed words were read as ('Monday 7 December 2026, in 3 days'), while the
        text is not yet shown as a date; empty otherwise."""
        found = self.value()
        if found is None or self.text().strip() == found.isoformat():
            return ""
        return describe(found, today())

    # -- writing ------------------------------------------------------------------------
    def set_value(self, value: date | None) -> None:
        self.setText(value.isoformat() if value else "")
        self._settle(value)

    def commit(self) -> None:
        """Show what was typed as a date (when it is one) and tell who listens."""
        try:
            found = self._read()
        except NotADate:
            self.dateChanged.emit()  # the form shows why; the text stays to be corrected
            return
        text = found.isoformat() if found else ""
        if self.text() != text:
            self.setText(text)
        self._settle(found)

    def _settle(self, value: date | None) -> None:
        changed = value != self._held
        self._held = value
        if changed:
            self.dateChanged.emit()

    def clear_value(self) -> None:
        if self.optional:
            self.set_value(None)

    def step_days(self, days: int) -> None:
        start = self.value() or today()
        self.set_value(start + timedelta(days=days))
        self.selectAll()

    def step_months(self, months: int) -> None:
        self.set_value(add_months(self.value() or today(), months))
        self.selectAll()

    def _show_validity(self) -> None:
        palette = self.palette()
        bad = bool(self.text().strip()) and self.value() is None
        palette.setColor(
            QPalette.ColorRole.Text, QColor(ERROR_COLOUR) if bad else self._text_colour
        )
        self.setPalette(palette)
        found = self.value()
        self.calendar_action.setToolTip(
            describe(found, today()) if found else "Choose from a calendar (Alt+Down)"
        )

    # -- keys ---------------------------------------------------------------------------
    def _showing_whole_date(self) -> bool:
        text = self.text()
        return bool(text) and (
            self.selectedText() == text
            or (self._held is not None and text == self._held.isoformat())
        )

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, mods = event.key(), event.modifiers()
        alt = Qt.KeyboardModifier.AltModifier
        if key == Qt.Key.Key_F4 or (key == Qt.Key.Key_Down and mods & alt):
            self.open_calendar()
        elif key in (Qt.Key.Key_Up, Qt.Key.Key_Down) and not mods & alt:
            self.step_days(1 if key == Qt.Key.Key_Up else -1)
        elif key in (Qt.Key.Key_PageUp, Qt.Key.Key_PageDown):
            self.step_months(1 if key == Qt.Key.Key_PageUp else -1)
        elif (
            key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)
            and self.optional
            and self._showing_whole_date()
        ):
            self.set_value(None)
        elif key == Qt.Key.Key_Escape and self.text() != (
            self._held.isoformat() if self._held else ""
        ):
            self.set_value(self._held)  # Esc undoes the typing first; a second closes
        else:
            super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        if event.reason() in (
            Qt.FocusReason.TabFocusReason,
            Qt.FocusReason.BacktabFocusReason,
            Qt.FocusReason.ShortcutFocusReason,
        ):
            QTimer.singleShot(0, self.selectAll)  # typing replaces the whole date

    # -- the calendar -------------------------------------------------------------------
    def open_calendar(self) -> None:
        if self._popup is None:
            self._popup = CalendarPopup(self)
        self._popup.show_for(self)

    def calendar_chose(self, chosen: date | None) -> None:
        self.set_value(chosen)
        self.setFocus(Qt.FocusReason.PopupFocusReason)
        self.selectAll()


class CalendarPopup(QFrame):
    """A month to click or walk with the arrow keys; Enter picks, Esc closes."""

    def __init__(self, field: OptionalDateEdit):
        super().__init__(field, Qt.WindowType.Popup)
        self.field = field
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.calendar = QCalendarWidget()
        self.calendar.setGridVisible(True)
        self.calendar.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        self.calendar.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.calendar.activated.connect(self._chose)
        self.calendar.clicked.connect(self._chose)
        self.today_button = QPushButton("&Today")
        self.today_button.clicked.connect(lambda: self._pick(today()))
        self.clear_button = QPushButton("&Not set")
        self.clear_button.clicked.connect(lambda: self._pick(None))
        self.clear_button.setVisible(field.optional)
        buttons = QHBoxLayout()
        buttons.addWidget(self.today_button)
        buttons.addStretch(1)
        buttons.addWidget(self.clear_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.calendar)
        layout.addLayout(buttons)

    def show_for(self, field: OptionalDateEdit) -> None:
        start = field.value() or today()
        self.calendar.setSelectedDate(QDate(start.year, start.month, start.day))
        self.adjustSize()
        below = field.mapToGlobal(QPoint(0, field.height()))
        screen = field.screen().availableGeometry()
        x = min(below.x(), screen.right() - self.width())
        y = (
            below.y()
            if below.y() + self.height() <= screen.bottom()
            else (field.mapToGlobal(QPoint(0, 0)).y() - self.height())
        )
        self.move(max(screen.left(), x), max(screen.top(), y))
        self.show()
        self.calendar.setFocus(Qt.FocusReason.PopupFocusReason)

    def _chose(self, chosen: QDate) -> None:
        self._pick(date(chosen.year(), chosen.month(), chosen.day()))

    def _pick(self, chosen: date | None) -> None:
        self.hide()
        self.field.calendar_chose(chosen)
