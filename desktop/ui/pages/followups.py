"""The Follow-ups page: what is overdue, due today, due this week, and who to reach out to."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCalendarWidget,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core import actions, followups
from desktop.ui import errors, plain
from desktop.ui.dialogs.action_dialog import ActionDialog
from desktop.ui.icons import icon
from desktop.ui.pages.lazy import ShownOnly
from desktop.ui.plain import heading, push_button
from desktop.ui.read_only import mark_writes
from desktop.ui.widgets.flow_layout import FlowLayout

KIND_ROLE = Qt.ItemDataRole.UserRole + 1  # "follow_up" or "reach_out"
ID_ROLE = Qt.ItemDataRole.UserRole + 2  # action id or person id
SECTIONS = ("overdue", "today", "this_week", "reach_out", "later")
TITLES = {
    "overdue": "Overdue",
    "today": "Due today",
    "this_week": "Due in the next 7 days",
    "reach_out": "Time to reach out",
    "later": "Later",
}


def pick_date(parent: QWidget | None, start: date) -> date | None:
    """A calendar in a small dialog; None when cancelled."""
    dialog = QDialog(parent)
    dialog.setWindowTitle("Snooze until")
    calendar = QCalendarWidget()
    calendar.setSelectedDate(start)
    calendar.setMinimumDate(date.today())
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addWidget(calendar)
    layout.addWidget(buttons)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return calendar.selectedDate().toPython()


class FollowUpsPage(ShownOnly, QWidget):
    """Done records when; snooze moves the date; reaching out starts a new action."""

    data_changed = Signal()

    def __init__(self, parent: QWidget | None = None, today=date.today):
        super().__init__(parent)
        self._today = today
        self.title = heading("Follow-ups")
        self.summary_label = plain.plain_label(wrap=False)
        self.tree = QTreeWidget()
        self.tree.setAccessibleName("Follow-ups")
        self.tree.setHeaderLabels(["When", "Who", "What", "Company"])
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setAlternatingRowColors(True)
        for column, width in enumerate((200, 180, 420)):
            self.tree.setColumnWidth(column, width)
        self.done_button = push_button("Mark &done")
        self.day_button = push_button("Snooze a d&ay")
        self.week_button = push_button("Snooze a &week")
        self.pick_button = push_button("Snooze &until…")
        self.open_button = push_button("&Open action")
        self.log_button = push_button("&Log action")
        self.log_button.setIcon(icon("log-action"))
        self.undo_button = push_button("U&ndo done")
        mark_writes(
            self.done_button,
            self.day_button,
            self.week_button,
            self.pick_button,
            self.open_button,
            self.log_button,
            self.undo_button,
        )
        self.undo_button.setEnabled(False)
        self._last_done: int | None = None

        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addSpacing(12)
        top.addWidget(self.summary_label, 1)
        bar = QWidget()
        buttons = FlowLayout(bar, spacing=6)  # wraps on narrow windows
        for button in (
            self.done_button,
            self.undo_button,
            self.day_button,
            self.week_button,
            self.pick_button,
            self.open_button,
            self.log_button,
        ):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(bar)
        layout.addWidget(self.tree, 1)

        self.done_button.clicked.connect(self.mark_done)
        self.undo_button.clicked.connect(self.undo_done)
        self.day_button.clicked.connect(lambda: self.snooze(timedelta(days=1)))
        self.week_button.clicked.connect(lambda: self.snooze(timedelta(weeks=1)))
        self.pick_button.clicked.connect(self.snooze_until)
        self.open_button.clicked.connect(self.open_current)
        self.log_button.clicked.connect(self.log_for_current)
        self.tree.itemActivated.connect(lambda _item, _column: self.open_current())
        self.tree.itemSelectionChanged.connect(self._selection_changed)
        self.sections: dict[str, QTreeWidgetItem] = {}
        self.refresh()  # worked out when first shown: a pass over the open follow-ups

    def today(self) -> date:
        return self._today()

    # -- contents -------------------------------------------------------------------------
    def recompute(self) -> None:
        keep = self.current()
        today = self.today()
        found = followups.buckets(today)
        self.tree.clear()
        bold = QFont(self.tree.font())
        bold.setBold(True)
        self.sections = {}
        for key in SECTIONS:
            entries = getattr(found, key)
            section = QTreeWidgetItem([f"{TITLES[key]} ({len(entries)})"])
            section.setFont(0, bold)
            section.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.tree.addTopLevelItem(section)
            section.setFirstColumnSpanned(True)  # only once the item is in the tree
            self.sections[key] = section
            for entry in entries:
                section.addChild(self._item(key, entry, today))
            section.setExpanded(key != "later")  # what is not due yet waits folded
        counts = {key: self.sections[key].childCount() for key in SECTIONS}
        parts = [
            f"{counts['overdue']:,} overdue",
            f"{counts['today']:,} due today",
            f"{counts['this_week']:,} in the next 7 days",
            plain.counted(counts["reach_out"], "person", "people") + " to reach out to",
            f"{counts['later']:,} later",
        ]
        self.summary_label.setText(" · ".join(parts))
        if keep:
            self.select(*keep)
        self._selection_changed()

    def _item(self, key: str, entry, today: date) -> QTreeWidgetItem:
        if key == "reach_out":
            when = f"{plain.counted(entry.days_overdue, 'day')} late"
            last = entry.last_contact.isoformat() if entry.last_contact else "never"
            what = f"Keep in touch every {entry.cadence_days} days · last contact {last}"
            item = QTreeWidgetItem([when, entry.person, what, entry.company])
            item.setData(0, KIND_ROLE, "reach_out")
            item.setData(0, ID_ROLE, entry.person_id)
        else:
            late = (today - entry.due_on).days
            when = entry.due_on.isoformat() + (
                f" · {plain.counted(late, 'day')} late" if late > 0 else ""
            )
            what = f"{actions.KIND_LABELS[entry.kind]}: {entry.summary}"
            item = QTreeWidgetItem([when, entry.person, what, entry.company])
            item.setIcon(2, icon(f"kind-{entry.kind}"))
            item.setData(0, KIND_ROLE, "follow_up")
            item.setData(0, ID_ROLE, entry.action_id)
        for column in range(4):
            item.setToolTip(column, plain.tooltip(item.text(column)))
        return item

    def current(self) -> tuple[str, int] | None:
        item = self.tree.currentItem()
        if item is None or item.data(0, KIND_ROLE) is None or not item.isSelected():
            return None
        return item.data(0, KIND_ROLE), item.data(0, ID_ROLE)

    def _find(self, kind: str, item_id: int) -> tuple[str, QTreeWidgetItem] | None:
        """The section key and the row showing this follow-up or person, if listed."""
        for key, section in self.sections.items():
            for index in range(section.childCount()):
                child = section.child(index)
                if child.data(0, KIND_ROLE) == kind and child.data(0, ID_ROLE) == item_id:
                    return key, child
        return None

    def select(self, kind: str, item_id: int) -> bool:
        found = self._find(kind, item_id)
        if found is not None:
            self.tree.setCurrentItem(found[1])
        return found is not None

    def section_of(self, kind: str, item_id: int) -> str | None:
        found = self._find(kind, item_id)
        return found[0] if found is not None else None

    # -- actions --------------------------------------------------------------------------
    def _follow_up_id(self) -> int | None:
        current = self.current()
        return current[1] if current and current[0] == "follow_up" else None

    def mark_done(self) -> None:
        action_id = self._follow_up_id()
        if action_id is not None and self._apply(
            lambda: actions.mark_follow_up_done(action_id), "marking the follow-up done"
        ):
            self._last_done = action_id
            self.undo_button.setEnabled(True)

    def undo_done(self) -> None:
        """Open the follow-up marked done last, and select it again."""
        action_id, self._last_done = self._last_done, None
        self.undo_button.setEnabled(False)
        if action_id is not None and self._apply(
            lambda: actions.reopen_follow_up(action_id), "opening the follow-up again"
        ):
            self.select("follow_up", action_id)

    def snooze(self, by: timedelta) -> None:
        action_id = self._follow_up_id()
        if action_id is not None:
            self._apply(
                lambda: actions.snooze_follow_up(
                    action_id, max(self.today(), self._due(action_id)) + by
                ),
                "snoozing the follow-up",
            )

    def snooze_until(self) -> None:
        action_id = self._follow_up_id()
        if action_id is None:
            return
        chosen = pick_date(self, self.today() + timedelta(days=1))
        if chosen is not None:
            self._apply(
                lambda: actions.snooze_follow_up(action_id, chosen), "snoozing the follow-up"
            )

    def _apply(self, change, doing: str) -> bool:
        """Make the change, then keep the place: the next item of the same section. False
        when it was refused (and the reason shown)."""
        item = self.tree.currentItem()
        section = item.parent() if item is not None else None
        place = (
            (next(k for k, s in self.sections.items() if s is section), section.indexOfChild(item))
            if section is not None
            else None
        )
        if not errors.attempt(
            self,
            change,
            doing=doing,
            failed="The follow-up was not changed",
            title="Could not change the follow-up",
        ):
            return False
        self._changed()
        if place is not None and self.current() is None:
            key, index = place
            section = self.sections[key]
            if section.childCount():
                self.tree.setCurrentItem(section.child(min(index, section.childCount() - 1)))
        return True

    def _due(self, action_id: int) -> date:
        return actions.get_action(action_id).follow_up_on or self.today()

    def open_current(self) -> None:
        current = self.current()
        if current is None or not self.open_button.isEnabled():  # read-only: no forms
            return
        kind, item_id = current
        if kind == "follow_up":
            saved = ActionDialog.edit(self, item_id)
        else:
            saved = ActionDialog.edit(self, None, counterpart_id=item_id)
        if saved is not None:
            self._changed()

    def log_for_current(self) -> None:
        current = self.current()
        prefill = {}
        if current is not None and current[0] == "reach_out":
            prefill["counterpart_id"] = current[1]
        elif current is not None:
            prefill["counterpart_id"] = actions.get_action(current[1]).counterpart_id
        if ActionDialog.edit(self, None, **prefill) is not None:
            self._changed()

    def _changed(self) -> None:
        self.refresh()
        self.data_changed.emit()

    def _selection_changed(self) -> None:
        current = self.current()
        is_follow_up = current is not None and current[0] == "follow_up"
        for button in (self.done_button, self.day_button, self.week_button, self.pick_button):
            button.setEnabled(is_follow_up)
        self.open_button.setEnabled(current is not None)
        self.open_button.setText(
            "&Open action" if is_follow_up or current is None else "&Reach out…"
        )
        self.open_button.setAccessibleName(self.open_button.text().replace("&", ""))
