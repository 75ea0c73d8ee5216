"""The Timeline page: every action given and received, newest first, with filters."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.core import actions, companies, needs, opportunities, people, timeline
from desktop.core.changes import ACTION_WRITE, SKILLS, Changed
from desktop.core.timeline import TimelineFilter
from desktop.ui import errors, plain
from desktop.ui.dialogs.action_dialog import ActionDialog
from desktop.ui.icons import icon
from desktop.ui.models.timeline_model import TimelineModel
from desktop.ui.pages.lazy import ShownOnly
from desktop.ui.pages.list_page import EmptyState
from desktop.ui.plain import heading, push_button
from desktop.ui.read_only import mark_writes
from desktop.ui.widgets.completion import set_words, word_completer
from desktop.ui.widgets.date_edit import OptionalDateEdit
from desktop.ui.widgets.list_keys import bind_list_keys
from desktop.ui.widgets.person_picker import PersonPicker
from desktop.ui.widgets.timeline_delegate import timeline_view


def labelled(text: str, field: QWidget) -> tuple[QLabel, QWidget]:
    label = QLabel(text)
    label.setBuddy(field)
    field.setAccessibleName(text.replace("&", ""))
    return label, field


class TimelinePage(ShownOnly, QWidget):
    """Filters combine; the count says how many actions match."""

    read_only = False  # a network opened for viewing: no forms, no deletes
    shows = Changed.EVERYTHING & ~SKILLS
    _stale = True  # read when first shown: counting a million actions takes a fifth of a second

    data_changed = Signal(object)  # the Changed this page's write touched

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.model = TimelineModel(self)
        self.title = heading("Timeline")
        self.count_label = plain.plain_label(wrap=False)
        self.log_button = push_button("&Log action")
        self.log_button.setIcon(icon("log-action"))
        self.edit_button = push_button("Ed&it")
        self.delete_button = push_button("&Delete")
        mark_writes(self.log_button, self.edit_button, self.delete_button)

        self.text = QLineEdit()
        self.text.setClearButtonEnabled(True)
        self.text.setPlaceholderText("Words in the summary or notes (Ctrl+F)")
        self.person = PersonPicker()
        self.person.setPlaceholderText("Anyone")
        self.company = QLineEdit()
        self.company.setPlaceholderText("Any company")
        self.company.setClearButtonEnabled(True)
        self.company.setCompleter(word_completer(self, [], self.company.setText))
        self.kind = QComboBox()
        self.kind.addItem("All kinds", None)
        for kind, label in actions.KIND_LABELS.items():
            self.kind.addItem(icon(f"kind-{kind}"), label, kind)
        self.direction = QComboBox()
        for label, value in (
            ("Both ways", None),
            ("Given by me", "given"),
            ("Received by me", "received"),
        ):
            self.direction.addItem(label, value)
        for combo in (self.kind, self.direction):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(8)
        self.start = OptionalDateEdit()
        self.end = OptionalDateEdit()
        self.clear_button = push_button("Clear filters")
        # Set from an opportunity's or a need's pane: shown as words, cleared with the rest.
        self.scope: dict[str, Any] = {}  # ids, a role's key, or whether as counterpart
        self.scope_label = plain.plain_label(wrap=False)
        self.scope_label.setAccessibleName("Showing only")
        self.scope_label.hide()

        filters = QGridLayout()
        cells = [
            labelled("&Search", self.text),
            labelled("&Person", self.person),
            labelled("C&ompany", self.company),
            labelled("&Kind", self.kind),
            labelled("Dire&ction", self.direction),
            labelled("F&rom", self.start),
            labelled("&To", self.end),
        ]
        for position, (caption, field) in enumerate(cells):
            row, column = divmod(position, 3)
            filters.addWidget(caption, row, 2 * column)
            filters.addWidget(field, row, 2 * column + 1)
        filters.addWidget(self.scope_label, 2, 2, 1, 3)
        filters.addWidget(self.clear_button, 2, 5)
        for column in (1, 3, 5):
            filters.setColumnStretch(column, 1)

        self.view = timeline_view(self.model, "Timeline")
        self.empty = EmptyState(
            "Nothing logged yet",
            "Every act of service is worth a line: a referral, a job lead, an introduction, "
            "a check-in, a thank-you, given or received. Log one with Ctrl+L.",
        )
        first = self.empty.add_button("Log an &action")
        first.clicked.connect(self.new_action)
        mark_writes(first)
        self.empty.finish()
        self.stack = QStackedWidget()
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.empty)

        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addStretch(1)
        top.addWidget(self.count_label)
        top.addSpacing(8)
        for button in (self.log_button, self.edit_button, self.delete_button):
            top.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addWidget(self.stack, 1)

        self.text.textChanged.connect(self.apply_filters)
        self.text.installEventFilter(self)
        self.person.person_changed.connect(self._person_filter_changed)
        self.company.textChanged.connect(self.apply_filters)
        for combo in (self.kind, self.direction):
            combo.currentIndexChanged.connect(self.apply_filters)
        for edit in (self.start, self.end):
            edit.dateChanged.connect(self.apply_filters)
        self.clear_button.clicked.connect(self.clear_filters)
        self.log_button.clicked.connect(self.new_action)
        self.edit_button.clicked.connect(self.edit_current)
        self.delete_button.clicked.connect(self.delete_current)
        self.view.doubleClicked.connect(lambda _index: self.edit_current())
        bind_list_keys(self.view, self.edit_current, self.delete_current)
        self.model.modelReset.connect(self._after_reset)
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)

    # -- filters --------------------------------------------------------------------------
    def current_filter(self) -> TimelineFilter:
        company_name = self.company.text().strip()
        company_id = companies.find_company(company_name) if company_name else None
        kind = self.kind.currentData()
        return TimelineFilter(
            person_id=self.person.person_id(),
            company_id=company_id if company_id is not None else (-1 if company_name else None),
            kinds=frozenset({kind}) if kind else frozenset(),
            direction=self.direction.currentData(),
            start=self.start.value(),
            end=self.end.value(),
            text=self.text.text(),
            opportunity_id=self.scope.get("opportunity_id"),
            need_id=self.scope.get("need_id"),
            role=self.scope.get("role"),
            as_counterpart=bool(self.scope.get("as_counterpart")),
        )

    def apply_filters(self) -> None:
        if self.current_filter() != self.model.filter():
            self.model.set_filter(self.current_filter())

    def _person_filter_changed(self) -> None:
        # A half-typed name filters nothing yet; a chosen person (or an empty box) does.
        if "as_counterpart" in self.scope:  # said of the person who was chosen before
            self.scope = {}
            self.scope_label.hide()
        if self.person.person_id() is not None or not self.person.typed_name():
            self.apply_filters()

    def show_filtered(self, **changes) -> None:
        """Clear the filters, then apply these (person_id=…, company_id=…, kinds=…)."""
        self.clear_filters()
        flt = replace(TimelineFilter(), **changes)
        if flt.person_id:
            self.person.set_person(flt.person_id)
        if flt.company_id:
            self.company.setText(companies.get_company(flt.company_id).name)
        if len(flt.kinds) == 1:
            self.kind.setCurrentIndex(self.kind.findData(next(iter(flt.kinds))))
        if flt.direction:
            self.direction.setCurrentIndex(self.direction.findData(flt.direction))
        if flt.opportunity_id:
            self.scope = {"opportunity_id": flt.opportunity_id}
            title = opportunities.opportunity_title(flt.opportunity_id)
            self.scope_label.setText(
                f"Only actions about the opportunity “{plain.short(title, 50)}”"
            )
        elif flt.need_id:
            self.scope = {"need_id": flt.need_id}
            title = needs.need_title(flt.need_id)
            self.scope_label.setText(f"Only actions about the need “{plain.short(title, 50)}”")
        elif flt.as_counterpart and flt.person_id:
            self.scope = {"as_counterpart": 1}
            name = people.person_name(flt.person_id)
            self.scope_label.setText(
                f"Only actions with {plain.short(name, 40)} as the other person"
            )
        elif flt.role:
            self.scope = {"role": flt.role}
            role = people.ROLE_LABELS.get(flt.role, flt.role).lower()
            self.scope_label.setText(f"Only actions with people whose role is {role}")
        for edit, day in ((self.start, flt.start), (self.end, flt.end)):
            if day is not None:
                edit.set_value(day)
        self.scope_label.setVisible(bool(self.scope))
        self.apply_filters()

    def clear_filters(self) -> None:
        self.scope = {}
        self.scope_label.hide()
        for widget in (self.text, self.company):
            widget.blockSignals(True)
            widget.clear()
            widget.blockSignals(False)
        self.person.blockSignals(True)
        self.person.set_person(None)
        self.person.blockSignals(False)
        for combo in (self.kind, self.direction):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        for edit in (self.start, self.end):
            edit.blockSignals(True)
            edit.set_value(None)
            edit.blockSignals(False)
        self.apply_filters()

    # -- behaviour ------------------------------------------------------------------------
    def focus_start(self) -> None:
        self.text.setFocus()

    def focus_search(self) -> None:
        self.text.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.text.selectAll()

    def recompute(self) -> None:
        self.refresh()

    def refresh(self) -> None:
        set_words(self.company.completer(), companies.company_names())
        keep = self.current_id()
        self.model.reload()
        self.select_action(keep)

    def current_id(self) -> int | None:
        row = self.model.action_at(self.view.currentIndex().row())
        selected = self.view.selectionModel().selectedIndexes()
        return row.id if row is not None and selected else None

    def select_action(self, action_id: int | None, max_pages: int = 50) -> bool:
        """Select an action, reading further pages (a bounded number) to reach it."""
        if not action_id:
            return False
        row = self.model.row_of(action_id)
        while row < 0 and max_pages > 0 and self.model.canFetchMore():
            self.model.fetchMore()
            max_pages -= 1
            row = self.model.row_of(action_id)
        if row < 0:
            return False
        index = self.model.index(row)
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index)
        return True

    def new_action(self, **prefill) -> None:
        if self.read_only:
            return
        saved = ActionDialog.edit(self, None, **prefill)
        if saved is not None:
            self._written(saved)

    def edit_current(self) -> None:
        action_id = self.current_id()
        if self.read_only or action_id is None:
            return
        if ActionDialog.edit(self, action_id) is not None:
            self._written(action_id)

    def delete_current(self) -> None:
        action_id = self.current_id()
        if self.read_only or action_id is None:
            return
        row = self.model.action_at(self.view.currentIndex().row())
        if row is None:
            return
        if not plain.confirm_delete(
            self,
            "Delete action",
            f"Delete “{plain.short(row.summary)}”?",
            f"Logged on {row.occurred_on} with {plain.short(row.counterpart)}.",
        ):
            return
        if errors.attempt_delete(self, "action", lambda: actions.delete_action(action_id)):
            self._written(None)

    def _written(self, select: int | None) -> None:
        self.model.reload()
        self.select_action(select)
        self.data_changed.emit(ACTION_WRITE)

    def _after_reset(self) -> None:
        total = self.model.total()
        filtered = self.model.filter() != TimelineFilter()
        everything = timeline.count(TimelineFilter()) if filtered else total
        if filtered:
            self.count_label.setText(f"{total:,} of {plain.counted(everything, 'action')}")
        else:
            self.count_label.setText(plain.counted(total, "action"))
        self.stack.setCurrentWidget(self.empty if everything == 0 else self.view)
        self._selection_changed()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Down or Enter in the search box moves into the list, on the first action."""
        if (
            watched is self.text
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            first = next((r for r in range(self.model.rowCount()) if self.model.action_at(r)), None)
            if first is not None:
                if self.current_id() is None:
                    self.view.setCurrentIndex(self.model.index(first))
                self.view.setFocus(Qt.FocusReason.OtherFocusReason)
                return True
        return super().eventFilter(watched, event)

    def _selection_changed(self) -> None:
        has = self.current_id() is not None
        self.edit_button.setEnabled(has)
        self.delete_button.setEnabled(has)
