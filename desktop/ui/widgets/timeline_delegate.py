"""Draws timeline rows: date, direction arrow, kind icon, summary, who, follow-up badge."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFont, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
)

from desktop.core.timeline import TimelineRow
from desktop.ui.icons import icon
from desktop.ui.models.timeline_model import HeaderRole, RowRole, TimelineModel

ICON = 18
PAD = 6


def who_line(row: TimelineRow) -> str:
    way = "to" if row.direction == "given" else "from"
    text = f"{way} {row.counterpart}"
    if row.beneficiary:
        text += f" · for {row.beneficiary}"
    if row.company:
        text += f" · {row.company}"
    return text


def badge_text(row: TimelineRow, today: date) -> str:
    if not row.follow_up_on:
        return ""
    if row.follow_up_done:
        return "Followed up"
    due = date.fromisoformat(row.follow_up_on)
    if due < today:
        return f"Overdue {due:%b} {due.day}"
    if due == today:
        return "Follow up today"
    return f"Follow up {due:%b} {due.day}"


class TimelineDelegate(QStyledItemDelegate):
    """Plain drawText only: user text is never interpreted as markup."""

    def __init__(self, parent=None, today: date | None = None):
        super().__init__(parent)
        self._today = today

    def today(self) -> date:
        return self._today or date.today()

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        height = option.fontMetrics.height()
        if index.data(HeaderRole):
            return QSize(200, height + 14)
        return QSize(200, 2 * height + 3 * PAD // 2 + 4)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        header = index.data(HeaderRole)
        painter.save()
        if header:
            self._paint_header(painter, option, header)
        else:
            row = index.data(RowRole)
            if row is not None:
                self._paint_row(painter, option, row)
        painter.restore()

    def _paint_header(self, painter: QPainter, option: QStyleOptionViewItem, text: str) -> None:
        font = QFont(option.font)
        font.setBold(True)
        painter.setFont(font)
        rect = option.rect.adjusted(PAD, 4, -PAD, 0)
        painter.setPen(option.palette.color(QPalette.ColorRole.WindowText))
        painter.drawText(rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)
        painter.setPen(option.palette.color(QPalette.ColorRole.Mid))
        y = option.rect.bottom() - 1
        painter.drawLine(option.rect.left() + PAD, y, option.rect.right() - PAD, y)

    def _paint_row(self, painter: QPainter, option: QStyleOptionViewItem, row: TimelineRow) -> None:
        style = option.widget.style() if option.widget else None
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        if style is not None:
            style.drawPrimitive(
                QStyle.PrimitiveElement.PE_PanelItemViewItem, option, painter, option.widget
            )
        text_role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        muted = option.palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.PlaceholderText
        )
        metrics = option.fontMetrics
        line = metrics.height()
        rect = option.rect.adjusted(PAD, PAD // 2 + 2, -PAD, -PAD // 2)
        day = date.fromisoformat(row.occurred_on)
        # Column 1: the date.
        date_width = metrics.horizontalAdvance("Wed 30") + PAD
        painter.setPen(option.palette.color(text_role))
        painter.drawText(
            QRect(rect.left(), rect.top(), date_width, line),
            Qt.AlignmentFlag.AlignLeft,
            f"{day:%a} {day.day}",
        )
        # Column 2: direction arrow over kind icon (shapes differ, not only colours).
        x = rect.left() + date_width
        icon(f"direction-{row.direction}").paint(painter, QRect(x, rect.top(), ICON, ICON))
        icon(f"kind-{row.kind}").paint(painter, QRect(x, rect.top() + line + 2, ICON, ICON))
        x += ICON + PAD
        # Badge on the right.
        badge = badge_text(row, self.today())
        right = rect.right()
        if badge:
            width = metrics.horizontalAdvance(badge) + ICON + 3 * PAD
            badge_rect = QRect(right - width, rect.top(), width, line + 4)
            overdue = badge.startswith("Overdue")
            painter.setPen(muted if row.follow_up_done else option.palette.color(text_role))
            if overdue and not selected:
                painter.setPen(Qt.GlobalColor.darkRed)
            icon("follow-up").paint(
                painter, QRect(badge_rect.left() + PAD, badge_rect.top(), ICON - 2, ICON - 2)
            )
            painter.drawText(
                badge_rect.adjusted(ICON + PAD, 0, 0, 0), Qt.AlignmentFlag.AlignLeft, badge
            )
            right = badge_rect.left() - PAD
        # Summary, then who and where.
        width = max(10, right - x)
        font = QFont(option.font)
        font.setWeight(QFont.Weight.DemiBold)
        painter.setFont(font)
        painter.setPen(option.palette.color(text_role))
        summary = painter.fontMetrics().elidedText(row.summary, Qt.TextElideMode.ElideRight, width)
        painter.drawText(QRect(x, rect.top(), width, line), Qt.AlignmentFlag.AlignLeft, summary)
        painter.setFont(option.font)
        painter.setPen(muted)
        who = metrics.elidedText(who_line(row), Qt.TextElideMode.ElideRight, rect.right() - x)
        painter.drawText(
            QRect(x, rect.top() + line + 2, rect.right() - x, line), Qt.AlignmentFlag.AlignLeft, who
        )


def timeline_view(model: TimelineModel, name: str) -> QListView:
    """A list that draws actions with the timeline delegate and fetches pages as it scrolls."""
    view = QListView()
    view.setAccessibleName(name)
    view.setModel(model)
    view.setItemDelegate(TimelineDelegate(view))
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    view.setMouseTracking(True)
    return view
