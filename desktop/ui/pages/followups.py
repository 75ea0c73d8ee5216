"""The Follow-ups page: what is overdue, due today, due this week, who to reach out to, and
the dormant ties worth reconnecting with."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCalendarWidget,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.core import actions, followups, reconnect
from desktop.core.changes import ACTION_WRITE, Changed
from desktop.ui import errors, plain
from desktop.ui.dialogs.action_dialog import ActionDialog
from desktop.ui.icons import icon
from desktop.ui.models.followups_model import (
    ID_ROLE,
    KIND_ROLE,
    SECTIONS,
    FollowUpsModel,
)
from desktop.ui.ops import Latest
from desktop.ui.pages.lazy import ShownOnly
from desktop.ui.plain import heading, push_button
from desktop.ui.read_only import mark_writes
from desktop.ui.widgets.flow_layout import FlowLayout


def pick_date(parent: QWidget | None, start: date) -> date | None:
    """A calendar in a small dialog; None when cancelled."""
    dialog = QDialog(parent)
    dialog.setWindowTitle("Snooze until")
    calendar = QCalendarWidget()
    calendar.setSelectedDate(QDate(start.year, start.month, start.day))
    today = date.today()
    calendar.setMinimumDate(QDate(today.year, today.month, today.day))
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
    chosen = calendar.selectedDate()
    return date(chosen.year(), chosen.month(), chosen.day())


class FollowUpsPage(ShownOnly, QWidget):
    """Done records when; snooze moves the date; reaching out starts a new action. The
    buckets are worked out off the window's thread; until they come, the page shows what
    it showed last."""

    shows = Changed.ACTIONS | Changed.FOLLOW_UPS | Changed.PEOPLE | Changed.COMPANIES
    data_changed = Signal(object)

    def __init__(self, parent: QWidget | None = None, today=date.today):
        super().__init__(parent)
        self._today = today
        self.title = heading("Follow-ups")
        self.summary_label = plain.plain_label(wrap=False)
        self.model = FollowUpsModel(self)
        self.tree = QTableView()
        self.tree.setAccessibleName("Follow-ups")
        self.tree.setModel(self.model)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setAlternatingRowColors(True)
        self.tree.setShowGrid(False)
        self.tree.setWordWrap(False)
        self.tree.setTabKeyNavigation(False)
        rows = self.tree.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 8)
        columns = self.tree.horizontalHeader()
        columns.setStretchLastSection(True)
        columns.setHighlightSections(False)
        columns.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        for column, width in enumerate((200, 180, 420)):
            self.tree.setColumnWidth(column, width)
        self.model.modelReset.connect(self._span_headings)
        self._span_headings()
        self.done_button = push_button("Mark &done")
        self.day_button = push_button("Snooze a d&ay")
        self.week_button = push_button("Snooze a &week")
        self.pick_button = push_button("Snooze &until…")
        self.open_button = push_button("&Open action")
        self.log_button = push_button("&Log action")
        self.log_button.setIcon(icon("log-action"))
        self.undo_button = push_button("U&ndo done")
        # Logs the check-in at once: the quickest way through a list of dormant ties.
        self.reconnect_button = push_button("Reach out to re&connect")
        self.reconnect_button.setToolTip(
            "Log that you reached out to them today (Ctrl+R); they leave the list"
        )
        self.reconnect_key = QShortcut(QKeySequence("Ctrl+R"), self)
        self.reconnect_key.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.reconnect_key.activated.connect(self.reach_out_again)
        mark_writes(
            self.reconnect_button,
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
            self.reconnect_button,
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
        self.reconnect_button.clicked.connect(self.reach_out_again)
        self.log_button.clicked.connect(self.log_for_current)
        self.tree.activated.connect(self._activated)
        self.tree.selectionModel().selectionChanged.connect(self._selection_changed)
        self.figures: Latest[followups.Buckets] = Latest(self, "working out the follow-ups")
        self._keep: tuple[str, int] | None = None
        self._place: tuple[int, int] | None = None
        self._filled = False
        self.refresh()  # worked out when first shown: a pass over the open follow-ups

    def today(self) -> date:
        return self._today()

    # -- contents -------------------------------------------------------------------------
    def recompute(self) -> None:
        today = self.today()
        if not self.figures.busy:
            self._keep = self.current()
        if not self._filled:
            self.summary_label.setText("Working out what is due…")
        self.figures.run(
            lambda: followups.buckets(today), lambda found: self._show(found, today), self._failed
        )

    def _failed(self, reason: str | None) -> None:
        self.summary_label.setText(
            f"What is due could not be worked out: {reason}" if reason else ""
        )

    def _show(self, found: followups.Buckets, today: date) -> None:
        keep, self._keep = self._keep or self.current(), None
        self.model.set_buckets(found, today)
        self._filled = True
        counts = {key: self.model.count(key) for key in SECTIONS}
        parts = [
            f"{counts['overdue']:,} overdue",
            f"{counts['today']:,} due today",
            f"{counts['this_week']:,} in the next 7 days",
            plain.counted(counts["reach_out"], "person", "people") + " to reach out to",
            f"{self.model.dormant:,} to reconnect",
            f"{counts['later']:,} later",
        ]
        self.summary_label.setText(" · ".join(parts))
        if keep:
            self.select(*keep)
        if self._last_done is not None and self.model.place_of("follow_up", self._last_done):
            # Open again (Edit › Undo did it): there is no "done" left to undo here.
            self._last_done = None
            self.undo_button.setEnabled(False)
        place, self._place = self._place, None
        if place is not None and self.current() is None:
            section, row = place
            listed = self.model.count(SECTIONS[section])
            if listed:
                self._select_place(section, min(row, listed - 1))
        self._selection_changed()

    def wait(self) -> None:
        """Until the newest figures are shown (a test, or a page asked at once)."""
        self.figures.wait()

    # -- the page protocol ----------------------------------------------------------------
    def focus_start(self) -> None:
        """The list, ready for the arrow keys and Enter."""
        self.tree.setFocus()

    def focus_search(self) -> None:
        self.tree.setFocus()

    # -- what is listed -----------------------------------------------------------------
    def count(self, key: str) -> int:
        return self.model.count(key)

    def section_title(self, key: str) -> str:
        return self.model.section_title(key)

    def is_expanded(self, key: str) -> bool:
        return not self.model.is_folded(key)

    def _span_headings(self) -> None:
        self.tree.clearSpans()
        for row in self.model.heading_rows():
            self.tree.setSpan(row, 0, 1, self.model.columnCount())

    def _activated(self, index: QModelIndex) -> None:
        """Enter or a double-click: a heading folds or unfolds its section; a row opens."""
        key = self.model.heading_at(index.row())
        if key is None:
            self.open_current()
            return
        self.model.set_folded(key, not self.model.is_folded(key))
        self.tree.setCurrentIndex(
            self.model.index(self.model.heading_rows()[SECTIONS.index(key)], 0)
        )

    def row_texts(self, key: str, row: int) -> tuple[str, ...]:
        return self.model.row(SECTIONS.index(key), row).texts

    def current(self) -> tuple[str, int] | None:
        index = self.tree.currentIndex()
        if not index.isValid() or index.data(KIND_ROLE) is None:
            return None
        if not self.tree.selectionModel().isSelected(index.siblingAtColumn(0)):
            return None
        return index.data(KIND_ROLE), index.data(ID_ROLE)

    def _select_place(self, section: int, row: int) -> None:
        index = self.model.index(self.model.flat_row(section, row), 0)
        self.tree.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.tree.scrollTo(index)

    def select(self, kind: str, item_id: int) -> bool:
        """Select the row of this follow-up or person; asked while the list is being
        worked out, it is selected (if listed) once the list is back."""
        if self.figures.busy:
            self._keep = (kind, item_id)
        found = self.model.place_of(kind, item_id)
        if found is not None:
            self._select_place(*found)
        return found is not None

    def section_of(self, kind: str, item_id: int) -> str | None:
        found = self.model.place_of(kind, item_id)
        return SECTIONS[found[0]] if found is not None else None

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

    def reach_out_again(self) -> None:
        """Ctrl+R on a dormant tie: log a check-in given today, as one step; the next tie
        is selected once the list is back."""
        current = self.current()
        if current is None or current[0] != "reconnect":
            return
        if not self.reconnect_button.isEnabled():  # read-only
            return
        person_id, today = current[1], self.today()
        self._apply(
            lambda: reconnect.reach_out(person_id, today),
            "logging that you reached out",
            failed="Nothing was logged",
            title="Could not log the check-in",
        )

    def _apply(
        self,
        change,
        doing: str,
        failed: str = "The follow-up was not changed",
        title: str = "Could not change the follow-up",
    ) -> bool:
        """Make the change, then keep the place: the next item of the same section. False
        when it was refused (and the reason shown)."""
        current = self.current()
        place = self.model.place_of(*current) if current else None
        if not errors.attempt(self, change, doing=doing, failed=failed, title=title):
            return False
        self._place = place  # taken up by the next row of that section once the list is back
        self._changed()
        self.tree.selectionModel().clearSelection()  # nothing to act on until it is back
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
        prefill: dict[str, int | None] = {}
        if current is not None and current[0] in ("reach_out", "reconnect"):
            prefill["counterpart_id"] = current[1]
        elif current is not None:
            prefill["counterpart_id"] = actions.get_action(current[1]).counterpart_id
        if ActionDialog.edit(self, None, **prefill) is not None:
            self._changed()

    def _changed(self) -> None:
        self.refresh()
        self.data_changed.emit(ACTION_WRITE)

    def _selection_changed(self) -> None:
        current = self.current()
        is_follow_up = current is not None and current[0] == "follow_up"
        for button in (self.done_button, self.day_button, self.week_button, self.pick_button):
            button.setEnabled(is_follow_up)
        self.open_button.setEnabled(current is not None)
        self.reconnect_button.setEnabled(current is not None and current[0] == "reconnect")
        self.open_button.setText(
            "&Open action" if is_follow_up or current is None else "&Reach out…"
        )
        self.open_button.setAccessibleName(self.open_button.text().replace("&", ""))
