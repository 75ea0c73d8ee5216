"""The optional date field: Tab leaves it even while it says 'Not set'."""

from __future__ import annotations

from datetime import date

from desktop.ui.widgets import date_edit
from desktop.ui.widgets.date_edit import OptionalDateEdit


def test_tab_leaves_an_empty_date_field(qtbot, monkeypatch):
    """Empty, Tab goes to the next widget (QWidget's move); with a date, the date field
    keeps its own Tab through year, month and day. (Offscreen windows cannot take focus,
    so the move itself is watched rather than the focus.)"""
    field = OptionalDateEdit()
    qtbot.addWidget(field)
    moves = []

    class Widget:
        @staticmethod
        def focusNextPrevChild(widget, forward):
            moves.append((widget, forward))
            return True

    monkeypatch.setattr(date_edit, "QWidget", Widget)
    assert field.focusNextPrevChild(True) is True
    assert moves == [(field, True)]
    field.set_value(date(2026, 5, 1))
    field.focusNextPrevChild(True)
    assert len(moves) == 1  # a set date walks its own parts
