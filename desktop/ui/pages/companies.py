"""The Companies page: every company, its facts and its people."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from desktop.core import companies, needs, opportunities
from desktop.core.changes import CASCADE, PERSON_WRITE, Changed
from desktop.core.dossier import dossier
from desktop.core.timeline import TimelineFilter
from desktop.ui import errors
from desktop.ui.dialogs.company_dialog import CompanyDialog
from desktop.ui.dialogs.person_dialog import PersonDialog
from desktop.ui.icons import icon
from desktop.ui.models.companies_model import CompaniesModel
from desktop.ui.pages.detail_pane import DetailPane, PaneTimeline
from desktop.ui.pages.list_page import EmptyState, ListPage
from desktop.ui.plain import confirm_delete, counted, heading, push_button, short, tooltip
from desktop.ui.read_only import mark_writes
from desktop.ui.widgets.flow_layout import FlowLayout
from desktop.ui.widgets.row_height import fit_rows
from desktop.ui.widgets.warm_paths_view import WarmPathsView


def dossier_list(name: str) -> QListWidget:
    widget = QListWidget()
    widget.setAccessibleName(name)
    widget.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    widget.setTextElideMode(Qt.TextElideMode.ElideRight)
    return widget


def add_item(widget: QListWidget, text: str, item_id: int, tip: str = "") -> None:
    item = QListWidgetItem(text)
    item.setData(Qt.ItemDataRole.UserRole, item_id)
    item.setToolTip(tooltip(tip or text))
    widget.addItem(item)


class CompanyPane(DetailPane):
    """The company's dossier: its facts, its needs, its people with their roles, its
    opportunities, and the actions that involve it, newest first."""

    _name = ""  # the company shown, by name
    person_activated = Signal(int)
    person_added = Signal(int)
    need_activated = Signal(int)
    opportunity_activated = Signal(int)
    need_requested = Signal(str)  # the company's name
    opportunity_requested = Signal(str)
    brief_requested = Signal(int)
    timeline_requested = Signal(int)
    log_requested = Signal(int)
    introduction_requested = Signal(dict)

    def __init__(self, parent: QWidget | None = None):
        super().__init__("Select a company to see its dossier.", parent)
        self.log_button = push_button("&Log action")
        self.log_button.setIcon(icon("log-action"))
        self.log_button.clicked.connect(lambda: self.log_requested.emit(self._company_id))
        self.add_person_button = push_button("Add a &person here")
        self.add_person_button.clicked.connect(self._add_person)
        self.add_need_button = push_button("&Add a need")
        self.add_need_button.clicked.connect(lambda: self.need_requested.emit(self._name))
        self.add_opportunity_button = push_button("Add an opport&unity")
        mark_writes(
            self.log_button,
            self.add_person_button,
            self.add_need_button,
            self.add_opportunity_button,
        )
        self.add_opportunity_button.clicked.connect(
            lambda: self.opportunity_requested.emit(self._name)
        )
        self.brief_button = push_button("&Brief…")
        self.brief_button.setToolTip("A one- or two-page brief to read before an interview")
        self.brief_button.clicked.connect(lambda: self.brief_requested.emit(self._company_id))
        bar = QWidget()
        buttons = FlowLayout(bar, spacing=6)  # wraps in a narrow pane
        for button in (
            self.log_button,
            self.brief_button,
            self.add_person_button,
            self.add_need_button,
            self.add_opportunity_button,
        ):
            buttons.addWidget(button)
        self.button_row.addWidget(bar, 1)
        for key, label, link in (
            ("website", "Website", "Open"),
            ("industry", "Industry", ""),
            ("location", "Location", ""),
            ("target", "Target", ""),
            ("notes", "Notes", ""),
        ):
            self.add_fact(key, label, link)
        self.needs_heading = heading("", 1.1)
        self.needs = dossier_list("Needs")
        self.needs.itemActivated.connect(
            lambda item: self.need_activated.emit(item.data(Qt.ItemDataRole.UserRole))
        )
        self.opportunities_heading = heading("", 1.1)
        self.opportunities = dossier_list("Opportunities")
        self.opportunities.itemActivated.connect(
            lambda item: self.opportunity_activated.emit(item.data(Qt.ItemDataRole.UserRole))
        )
        self.people_heading = heading("", 1.1)
        self.people = dossier_list("People")
        self.people.itemActivated.connect(self._person_activated)
        self.sections = (
            (self.needs_heading, self.needs),
            (self.opportunities_heading, self.opportunities),
            (self.people_heading, self.people),
        )
        for title, widget in self.sections:
            self.add_section(title)
            self.add_section(widget, 30)
        self.warm = WarmPathsView()
        self.warm.person_activated.connect(self.person_activated)
        self.warm.introduction_requested.connect(self.introduction_requested)
        self.add_section(self.warm)  # as tall as its rows: the room is the lists'
        self.history = PaneTimeline(self, lambda: self.timeline_requested.emit(self._company_id))
        self._company_id: int | None = None
        self._name = ""
        self.show_company(None)

    def show_company(self, company_id: int | None) -> None:
        self._company_id = company_id
        self.show_placeholder(company_id is None)
        for title, widget in self.sections:
            title.setVisible(company_id is not None)
            widget.setVisible(company_id is not None)
            widget.clear()
        self.history.show_for(TimelineFilter(company_id=company_id) if company_id else None)
        self.warm.show_company(company_id)
        if company_id is None:
            return
        data = companies.get_company(company_id)
        self._name = data.name
        self.title.setText(data.name)
        self.subtitle.setText(" · ".join(t for t in (data.industry, data.location) if t))
        self.subtitle.setVisible(bool(self.subtitle.text()))
        self.set_fact("website", data.website, data.website)
        self.set_fact("industry", data.industry)
        self.set_fact("location", data.location)
        self.set_fact("target", "I want to work here" if data.is_target else "")
        self.set_fact("notes", data.notes)
        found = dossier(company_id)
        self.needs_heading.setText(
            f"Needs ({len(found.needs)})" if found.needs else "No needs recorded yet"
        )
        for need in found.needs:
            state = needs.STATUS_LABELS[need.status]
            if need.status == "open":
                state = f"{needs.URGENCY_LABELS[need.urgency].lower()} urgency"
            add_item(self.needs, f"{need.title} — {state}", need.id)
        self.opportunities_heading.setText(
            f"Opportunities ({len(found.opportunities)})"
            if found.opportunities
            else "No opportunities yet"
        )
        for opportunity in found.opportunities:
            state = opportunities.STATUS_LABELS[opportunity.status]
            since = f" since {opportunity.status_on}" if opportunity.status_on else ""
            add_item(self.opportunities, f"{opportunity.title} — {state}{since}", opportunity.id)
        staff = sum(1 for person in found.people if person.works_here)
        others = len(found.people) - staff
        self.people_heading.setText(
            f"No one at {data.name} yet"
            if not found.people
            else f"People ({staff})"
            if not others
            # The Companies list counts the staff; say who else is here, and why.
            else f"People ({staff} on staff, {others} through its opportunities)"
        )
        for person in found.people:
            about = ", ".join(t for t in (person.title, person.roles) if t)
            if not person.works_here:
                about = ", ".join(t for t in (about, "not on staff") if t)
            add_item(self.people, f"{person.name} — {about}" if about else person.name, person.id)
        for _title, widget in self.sections:  # an empty one is its heading alone
            widget.setVisible(widget.count() > 0)
            fit_rows(widget, widget.count())

    def _person_activated(self, item: QListWidgetItem) -> None:
        self.person_activated.emit(item.data(Qt.ItemDataRole.UserRole))

    def _add_person(self) -> None:
        saved = PersonDialog.edit(self, None, company=self._name)
        if saved is not None:
            self.show_company(self._company_id)
            self.person_added.emit(saved)


class CompaniesPage(ListPage):
    pane: CompanyPane
    shows = Changed.EVERYTHING  # a dossier holds it all, and the fit with my profile
    saves = Changed.COMPANIES
    deletes = CASCADE  # its needs and opportunities go with it

    def __init__(self, parent: QWidget | None = None):
        empty = EmptyState(
            "No companies yet",
            "Add the companies you are curious about. Companies are also added for you "
            "when you type a new one on a person.",
        )
        self.add_first = empty.add_button("&Add a company")
        mark_writes(self.add_first)
        empty.finish()
        super().__init__(
            "Companies",
            CompaniesModel(),
            CompanyPane(),
            ("company", "companies"),
            "&New company",
            empty,
            parent,
        )
        self.search.setPlaceholderText("Name, industry or location (Ctrl+F)")
        self.add_first.clicked.connect(self.new_item)
        self.pane.person_added.connect(lambda _id: self._written(None, PERSON_WRITE))
        header = self.table.horizontalHeader()
        for column, width in enumerate((200, 150, 150, 60)):
            header.resizeSection(column, width)

    def total_count(self) -> int:
        return companies.company_count()

    def open_editor(self, item_id: int | None) -> int | None:
        return CompanyDialog.edit(self, item_id)

    def confirm_and_delete(self, item_id: int) -> bool:
        name = companies.get_company(item_id).name
        impact = companies.delete_impact(item_id)
        parts = []
        if impact.people:
            parts.append(
                f"{impact.people:,} {'person stays' if impact.people == 1 else 'people stay'} "
                "in your network without a company."
            )
        going = [
            counted(n, word, words)
            for n, word, words in (
                (impact.needs, "need", None),
                (impact.opportunities, "opportunity", "opportunities"),
            )
            if n
        ]
        if going:
            verb = "is" if len(going) == 1 and going[0].startswith("1 ") else "are"
            parts.append(f"Its {' and '.join(going)} {verb} deleted with it.")
        if not confirm_delete(self, "Delete company", f"Delete {short(name)}?", " ".join(parts)):
            return False
        return errors.attempt_delete(self, "company", lambda: companies.delete_company(item_id))

    def show_in_pane(self, item_id: int | None) -> None:
        self.pane.show_company(item_id)
