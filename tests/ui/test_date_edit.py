"""Date fields typed into as a person types: full dates, the desktop's own order, words,
offsets, steps, a calendar on Alt+Down, Delete to empty, Esc to undo the typing."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QDate, QEvent, Qt
from PySide6.QtGui import QFocusEvent, QPalette
from PySide6.QtWidgets import QApplication

from desktop.core.dates import add_months, parse_date
from desktop.ui.widgets import date_edit
from desktop.ui.widgets.date_edit import OptionalDateEdit


@pytest.fixture
def field(qtbot):
    made = OptionalDateEdit()
    qtbot.addWidget(made)
    made.show()
    return made


def typed(qtbot, field, text: str) -> None:
    """Type *text* as a person does, then press Enter."""
    qtbot.keyClicks(field, text, delay=1)
    qtbot.keyClick(field, Qt.Key.Key_Return)


def test_a_full_date_typed_into_an_empty_field_is_taken_whole(qtbot, field):
    assert field.text() == "" and field.placeholderText() == "Not set"
    with qtbot.waitSignal(field.dateChanged):
        typed(qtbot, field, "2026-12-05")
    assert field.value() == date(2026, 12, 5) and field.text() == "2026-12-05"
    assert field.problem() == ""


@pytest.mark.parametrize(
    "text, lean",
    [
        ("today", "past"),
        ("tomorrow", "past"),
        ("+7", "past"),
        ("-3", "past"),
        ("next monday", "future"),
        ("in 2 weeks", "future"),
        ("friday", "past"),
        ("friday", "future"),
        ("5 dec", "future"),
        ("12", "past"),
    ],
)
def test_words_offsets_and_partial_dates_are_shown_back_as_dates(qtbot, text, lean):
    field = OptionalDateEdit(lean=lean)
    qtbot.addWidget(field)
    expected = parse_date(text, today=date.today(), lean=lean)
    assert expected is not None
    qtbot.keyClicks(field, text)
    assert field.value() == expected  # read as typed, before Enter
    assert field.reading().startswith(f"{expected:%A} {expected.day} ")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert field.text() == expected.isoformat() and field.reading() == ""


def test_the_desktop_short_format_is_read_in_its_order(qtbot, field, monkeypatch):
    monkeypatch.setattr(date_edit, "desktop_reading", lambda: ("DMY", ("en",)))
    typed(qtbot, field, "05/12/2026")
    assert field.value() == date(2026, 12, 5)
    monkeypatch.setattr(date_edit, "desktop_reading", lambda: ("MDY", ("en",)))
    field.set_value(None)
    typed(qtbot, field, "12/05/2026")
    assert field.value() == date(2026, 12, 5)


def test_the_desktop_reading_comes_from_the_system_locale():
    order, languages = date_edit.desktop_reading()
    assert order in ("DMY", "MDY", "YMD") and languages[0] == "en"


def test_typing_over_a_selected_date_replaces_all_of_it_year_too(qtbot, field):
    field.set_value(date(2025, 3, 1))
    field.selectAll()
    typed(qtbot, field, "2026-12-05")
    assert field.value() == date(2026, 12, 5)


def test_tabbing_in_selects_the_whole_date_so_typing_replaces_it(qtbot, field):
    field.set_value(date(2025, 3, 1))
    QApplication.sendEvent(field, QFocusEvent(QEvent.Type.FocusIn, Qt.FocusReason.TabFocusReason))
    qtbot.waitUntil(lambda: field.selectedText() == "2025-03-01")


def test_what_is_not_a_date_is_refused_in_words_and_kept_to_correct(qtbot, field):
    typed(qtbot, field, "Not set0261205")
    assert field.value() is None
    assert "does not read as a date" in field.problem()
    assert field.text() == "Not set0261205"  # nothing typed is thrown away
    assert field.palette().color(QPalette.ColorRole.Text).name() == date_edit.ERROR_COLOUR
    field.selectAll()
    typed(qtbot, field, "2026-12-05")
    assert field.problem() == "" and field.palette().color(QPalette.ColorRole.Text).name() != (
        date_edit.ERROR_COLOUR
    )


def test_up_and_down_step_a_day_from_today_page_keys_a_month(qtbot, field):
    today = date.today()
    qtbot.keyClick(field, Qt.Key.Key_Up)
    assert field.value() == today + timedelta(days=1)
    qtbot.keyClick(field, Qt.Key.Key_Down)
    qtbot.keyClick(field, Qt.Key.Key_Down)
    assert field.value() == today - timedelta(days=1)
    qtbot.keyClick(field, Qt.Key.Key_PageUp)
    assert field.value() == add_months(today - timedelta(days=1), 1)


def test_delete_or_backspace_on_a_whole_date_empties_an_optional_field(qtbot, field):
    for key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
        field.set_value(date(2026, 5, 2))
        field.setCursorPosition(len(field.text()))
        with qtbot.waitSignal(field.dateChanged):
            qtbot.keyClick(field, key)
        assert field.value() is None and field.text() == ""


def test_backspace_while_typing_takes_one_character(qtbot, field):
    qtbot.keyClicks(field, "2026-12-055")
    qtbot.keyClick(field, Qt.Key.Key_Backspace)
    assert field.text() == "2026-12-05"


def test_a_required_date_is_not_emptied_and_says_so_when_empty(qtbot):
    field = OptionalDateEdit(optional=False)
    qtbot.addWidget(field)
    field.set_value(date(2026, 5, 2))
    qtbot.keyClick(field, Qt.Key.Key_Delete)
    assert field.value() == date(2026, 5, 2)
    field.setText("")
    assert field.problem().startswith("Give a date.")


def test_escape_undoes_the_typing_before_it_closes_anything(qtbot, field):
    field.set_value(date(2026, 5, 2))
    field.selectAll()
    qtbot.keyClicks(field, "next fri")
    qtbot.keyClick(field, Qt.Key.Key_Escape)
    assert field.text() == "2026-05-02"


def test_alt_down_opens_a_calendar_that_the_arrow_keys_and_enter_pick_from(qtbot, field):
    field.set_value(date(2026, 5, 2))
    qtbot.keyClick(field, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    popup = field._popup
    assert popup is not None and popup.isVisible()
    assert popup.calendar.selectedDate() == QDate(2026, 5, 2)
    days = popup.calendar.focusProxy()  # the grid of days, where the keys go
    qtbot.keyClick(days, Qt.Key.Key_Right)
    with qtbot.waitSignal(field.dateChanged):
        qtbot.keyClick(days, Qt.Key.Key_Return)
    assert not popup.isVisible() and field.value() == date(2026, 5, 3)


def test_escape_closes_the_calendar_and_keeps_the_date(qtbot, field):
    field.set_value(date(2026, 5, 2))
    field.open_calendar()
    days = field._popup.calendar.focusProxy()
    qtbot.keyClick(days, Qt.Key.Key_Right)
    qtbot.keyClick(days, Qt.Key.Key_Escape)
    assert not field._popup.isVisible() and field.value() == date(2026, 5, 2)


def test_the_calendar_opens_at_today_and_its_buttons_pick_today_or_nothing(qtbot, field):
    field.calendar_action.trigger()
    popup = field._popup
    assert popup.calendar.selectedDate() == QDate.currentDate()
    popup.today_button.click()
    assert field.value() == date.today()
    field.open_calendar()
    popup.clear_button.click()
    assert field.value() is None


def test_the_calendar_of_a_required_date_offers_no_empty_choice(qtbot):
    field = OptionalDateEdit(optional=False)
    qtbot.addWidget(field)
    field.open_calendar()
    assert field._popup.clear_button.isHidden()
