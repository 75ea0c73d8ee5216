"""The Opportunities page: the pipeline, each role's history and people, and what to do
after a 'not selected'."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QToolButton,
    QWidget,
)

from desktop.core import companies, needs, opportunities
from desktop.core.changes import SKILLS, Changed
from desktop.core.opportunities import PART_LABELS, STATUS_LABELS
from desktop.core.timeline import TimelineFilter
from desktop.ui import errors
from desktop.ui.dialogs.follow_through_dialog import FollowThroughDialog
from desktop.ui.dialogs.opportunity_dialog import OpportunityDialog
from desktop.ui.icons import icon
from desktop.ui.models.opportunities_model import OpportunitiesModel
from desktop.ui.pages.detail_pane import DetailPane, PaneTimeline
from desktop.ui.pages.list_page import EmptyState, ListPage, company_filter
from desktop.ui.plain import confirm_delete, counted, heading, push_button, short, tooltip
from desktop.ui.read_only import mark_writes
from desktop.ui.widgets.completion import set_words
from desktop.ui.widgets.flow_layout import FlowLayout
from desktop.ui.widgets.row_height import fit_rows
from desktop.ui.widgets.warm_paths_view import WarmPathsView


def history_text(opportunity_id: int) -> str:
    """'Interested 2026-03-01 → Applied 2026-03-04 → …'"""
    return " → ".join(
        f"{STATUS_LABELS[change.status]} {change.changed_on.isoformat()}"
        for change in opportunities.history(opportunity_id)
    )


class OpportunityPane(DetailPane):
    """One opportunity: where it stands, its history, its people and its actions."""

    status_chosen = Signal(int, str)  # opportunity id, new status
    follow_through_requested = Signal(int)
    person_activated = Signal(int)
    need_activated = Signal(int)
    log_requested = Signal(int)
    brief_requested = Signal(int)
    timeline_requested = Signal(int)
    introduction_requested = Signal(dict)

    def __init__(self, parent: QWidget | None = None):
        super().__init__("Select an opportunity to see its history and its people.", parent)
        self.move_button = QToolButton()
        self.move_button.setText("Mo&ve to")
        self.move_button.setAccessibleName("Move to")
        self.move_button.setToolTip("Change the status; the day of the change is kept")
        self.move_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.move_menu = QMenu(self.move_button)
        self.move_actions: dict[str, QAction] = {}
        for status, label in STATUS_LABELS.items():
            action = self.move_menu.addAction(label)
            action.triggered.connect(lambda _=False, s=status: self.status_chosen.emit(self._id, s))
            self.move_actions[status] = action
        self.move_button.setMenu(self.move_menu)
        self.log_button = push_button("&Log action")
        self.log_button.setIcon(icon("log-action"))
        self.log_button.clicked.connect(lambda: self.log_requested.emit(self._id))
        self.forward_button = push_button("Refer fo&rward…")
        mark_writes(self.move_button, self.log_button, self.forward_button)
        self.forward_button.setIcon(icon("kind-referral"))
        self.forward_button.setToolTip(
            "Refer others for the need behind it, thank the interviewers, keep in touch"
        )
        self.forward_button.clicked.connect(lambda: self.follow_through_requested.emit(self._id))
        self.brief_button = push_button("&Brief…")
        self.brief_button.setToolTip("A one- or two-page brief to read before the interview")
        self.brief_button.clicked.connect(lambda: self.brief_requested.emit(self._id))
        bar = QWidget()
        buttons = FlowLayout(bar, spacing=6)  # wraps in a narrow pane
        for widget in (self.move_button, self.log_button, self.forward_button, self.brief_button):
            buttons.addWidget(widget)
        self.button_row.addWidget(bar, 1)
        self.add_fact("need", "Need it serves", "Open", self._open_need)
        for key, label, link in (
            ("url", "Posting", "Open"),
            ("applied_on", "Applied on", ""),
            ("history", "History", ""),
            ("notes", "Notes", ""),
        ):
            self.add_fact(key, label, link)
        self.people_heading = heading("", 1.1)
        self.people = QListWidget()
        self.people.setAccessibleName("People involved")
        self.people.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.people.itemActivated.connect(
            lambda item: self.person_activated.emit(item.data(Qt.ItemDataRole.UserRole))
        )
        self.add_section(self.people_heading)
        self.add_section(self.people, 40)
        self.warm = WarmPathsView(explain_empty=False)
        self.warm.person_activated.connect(self.person_activated)
        self.warm.introduction_requested.connect(self.introduction_requested)
        self.add_section(self.warm)  # as tall as its rows: the room is the lists'
        self.history = PaneTimeline(self, lambda: self.timeline_requested.emit(self._id))
        self._id: int | None = None
        self.show_opportunity(None)

    def _open_need(self) -> None:
        need_id = opportunities.get_opportunity(self._id).need_id if self._id else None
        if need_id is not None:
            self.need_activated.emit(need_id)

    def show_opportunity(self, opportunity_id: int | None) -> None:
        self._id = opportunity_id
        self.show_placeholder(opportunity_id is None)
        self.people_heading.setVisible(opportunity_id is not None)
        self.people.setVisible(opportunity_id is not None)
        self.people.clear()
        self.history.show_for(
            TimelineFilter(opportunity_id=opportunity_id) if opportunity_id else None
        )
        if opportunity_id is None:
            self.warm.show_company(None)
            return
        data = opportunities.get_opportunity(opportunity_id)
        self.warm.show_company(
            companies.find_company(data.company),
            need_id=data.need_id,
            opportunity_id=opportunity_id,
        )
        self.title.setText(data.title)
        since = f" since {data.status_on.isoformat()}" if data.status_on else ""
        self.subtitle.setText(f"{data.company} · {STATUS_LABELS[data.status]}{since}")
        for status, action in self.move_actions.items():
            action.setEnabled(status != data.status)
        self.forward_button.setVisible(data.status == "not_selected")
        need_title = needs.need_title(data.need_id) if data.need_id is not None else ""
        self.set_fact("need", need_title, "need" if need_title else "")
        self.set_fact("url", data.url, data.url)
        self.set_fact("applied_on", data.applied_on.isoformat() if data.applied_on else "")
        self.set_fact("history", history_text(opportunity_id))
        self.set_fact("notes", data.notes)
        involved = opportunities.people_of(opportunity_id)
        self.people_heading.setText(
            f"People involved ({len(involved)})" if involved else "No people added yet"
        )
        for person_id, part, name in involved:
            item = QListWidgetItem(f"{name} — {PART_LABELS[part]}")
            item.setData(Qt.ItemDataRole.UserRole, person_id)
            item.setToolTip(tooltip(item.text()))
            self.people.addItem(item)
        self.people.setVisible(bool(involved))  # none: the heading says so
        fit_rows(self.people, len(involved))


class OpportunitiesPage(ListPage):
    """Every opportunity, the latest change first, filtered by where it stands."""

    pane: OpportunityPane
    model: OpportunitiesModel
    shows = Changed.EVERYTHING & ~SKILLS
    saves = Changed.OPPORTUNITIES | Changed.COMPANIES | Changed.PEOPLE | Changed.ACTIONS
    deletes = Changed.OPPORTUNITIES | Changed.ACTIONS

    message = Signal(str)  # for the status bar

    def __init__(self, parent: QWidget | None = None):
        empty = EmptyState(
            "No opportunities yet",
            "Add the roles you are interested in or have applied for. Each keeps its "
            "history, the people you meet, and the need it serves.",
        )
        self.add_first = empty.add_button("&Add an opportunity")
        mark_writes(self.add_first)
        empty.finish()
        super().__init__(
            "Opportunities",
            OpportunitiesModel(),
            OpportunityPane(),
            ("opportunity", "opportunities"),
            "&New opportunity",
            empty,
            parent,
        )
        self.search.setPlaceholderText("Title, company or notes (Ctrl+F)")
        self.status = self.add_filter("S&tatus", QComboBox())
        self.status.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.status.currentIndexChanged.connect(
            lambda: self.refilter(lambda: self.model.set_status(self.status.currentData()))
        )
        self.company = self.add_filter("C&ompany", company_filter(self))
        self.company.textChanged.connect(
            lambda: self.refilter(lambda: self.model.set_company(self.company.text()))
        )
        self._fill_statuses()
        self.add_first.clicked.connect(self.new_item)
        self.pane.status_chosen.connect(self.move_to)
        self.pane.follow_through_requested.connect(self.follow_through)
        header = self.table.horizontalHeader()
        for column, width in enumerate((200, 140, 95, 85, 85)):
            header.resizeSection(column, width)

    def _fill_statuses(self) -> None:
        """'All', 'In progress' and each status, with how many are at it now."""
        counts = opportunities.status_counts()
        active = sum(counts.get(s, 0) for s in opportunities.ACTIVE)
        keep = self.status.currentData() if self.status.count() else None
        self.status.blockSignals(True)
        self.status.clear()
        self.status.addItem("All opportunities", None)
        self.status.addItem(f"In progress ({active:,})", "active")
        for status, label in STATUS_LABELS.items():
            self.status.addItem(f"{label} ({counts.get(status, 0):,})", status)
        self.status.setCurrentIndex(max(0, self.status.findData(keep)))
        self.status.blockSignals(False)

    def refresh(self, select: int | None = None) -> None:
        self._fill_statuses()
        set_words(self.company.completer(), companies.company_names())
        super().refresh(select)

    def total_count(self) -> int:
        return opportunities.opportunity_count()

    def open_editor(self, item_id: int | None) -> int | None:
        return OpportunityDialog.edit(self, item_id)

    def after_save(self, item_id: int) -> None:
        self._after_status_change(item_id)

    def new_for(self, company: str = "", need_id: int | None = None) -> int | None:
        """A new opportunity at a company, or for a need (from the company or need panes);
        its id, once saved. The follow-up on a save comes once this page is shown."""
        saved = OpportunityDialog.edit(self.window(), None, company=company, need_id=need_id)
        if saved is not None:
            self._written(saved)
        return saved

    def move_to(self, opportunity_id: int, status: str) -> None:
        if not errors.attempt(
            self,
            lambda: opportunities.set_status(opportunity_id, status),
            doing="moving the opportunity",
            failed="The opportunity was not moved",
            title="Could not move",
        ):
            return
        self._written(opportunity_id)
        self._after_status_change(opportunity_id)

    def _after_status_change(self, opportunity_id: int) -> None:
        """Once, after a 'not selected': offer to keep giving."""
        logged = FollowThroughDialog.offer_once(self, opportunity_id)
        self._logged(opportunity_id, logged)

    def follow_through(self, opportunity_id: int) -> None:
        self._logged(opportunity_id, FollowThroughDialog.run(self, opportunity_id))

    def _logged(self, opportunity_id: int, logged: list[int] | None) -> None:
        if logged:
            self._written(opportunity_id)
            self.message.emit(f"{counted(len(logged), 'action')} logged.")

    def confirm_and_delete(self, item_id: int) -> bool:
        data = opportunities.get_opportunity(item_id)
        if not confirm_delete(
            self,
            "Delete opportunity",
            f"Delete “{short(data.title)}” at {short(data.company, 60)}?",
            "Its history and list of people go with it; actions that mention it stay on "
            "the timeline.",
        ):
            return False
        return errors.attempt_delete(
            self, "opportunity", lambda: opportunities.delete_opportunity(item_id)
        )

    def show_in_pane(self, item_id: int | None) -> None:
        self.pane.show_opportunity(item_id)
