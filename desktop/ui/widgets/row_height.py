"""Lists sized by their rows: a short list takes little room, a long one grows with the
pane, and none is drawn over what sits below it."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView


def row_height(view: QAbstractItemView) -> int:
    """One row's height, also when the list is empty (Qt says -1 then)."""
    measured = view.sizeHintForRow(0) if view.model() and view.model().rowCount() else -1
    return measured if measured > 0 else view.fontMetrics().height() + 4


def fit_rows(
    view: QAbstractItemView, rows: int, *, fewest: int = 3, most: int | None = None
) -> None:
    """Let *view* be as tall as its *rows* (up to *most*) and never shorter than *fewest* of
    them (or all, when there are fewer): the minimum and maximum always agree, so the
    layout gives the list exactly the room it is drawn in."""
    row = row_height(view)
    frame = 2 * view.frameWidth()
    shown = rows if most is None else min(rows, most)
    view.setMinimumHeight(min(max(rows, 1), fewest) * row + frame)
    view.setMaximumHeight(max(shown, 1) * row + frame)
