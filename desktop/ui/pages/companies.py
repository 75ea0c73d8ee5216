"""The Companies page: every company, its facts and its people."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from desktop.core import companies
from desktop.core.timeline import TimelineFilter
from desktop.ui.dialogs.company_dialog import CompanyDialog
from desktop.ui.dialogs.person_dialog import PersonDialog
from desktop.ui.icons import icon
from desktop.ui.models.companies_model import CompaniesModel
from desktop.ui.pages.detail_pane import DetailPane, PaneTimeline
from desktop.ui.pages.list_page import EmptyState, ListPage, heading, push_button
from desktop.ui.plain import confirm_delete, counted, short


class CompanyPane(DetailPane):
    """The selected company and the people who work there."""

    person_activated = Signal(int)
    person_added = Signal(int)
    timeline_requested = Signal(int)
    log_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__("Select a company to see its details and its people.", parent)
        self.add_person_button = push_button("Add a &person here")
        self.add_person_button.clicked.connect(self._add_person)
        self.log_button = push_button("&Log action")
        self.log_button.setIcon(icon("log-action"))
        self.log_button.clicked.connect(lambda: self.log_requested.emit(self._company_id))
        self.actions.addWidget(self.log_button)
        self.actions.addWidget(self.add_person_button)
        self.actions.addStretch(1)
        for key, label, link in (
            ("website", "Website", "Open"),
            ("industry", "Industry", ""),
            ("location", "Location", ""),
            ("target", "Target", ""),
            ("notes", "Notes", ""),
        ):
            self.add_fact(key, label, link)
        self.people_heading = heading("", 1.1)
        self.people = QListWidget()
        self.people.setAccessibleName("People")
        self.people.setMinimumHeight(160)
        self.people.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.people.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.people.itemActivated.connect(self._person_activated)
        self.add_section(self.people_heading)
        self.add_section(self.people, 100)
        self.history = PaneTimeline(self, lambda: self.timeline_requested.emit(self._company_id))
        self._company_id: int | None = None
        self._name = ""
        self.show_company(None)

    def show_company(self, company_id: int | None) -> None:
        self._company_id = company_id
        self.show_placeholder(company_id is None)
        self.people_heading.setVisible(company_id is not None)
        self.people.setVisible(company_id is not None)
        self.people.clear()
        self.history.show_for(TimelineFilter(company_id=company_id) if company_id else None)
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
        staff = companies.company_people(company_id)
        self.people_heading.setText(
            f"People at {data.name} ({len(staff)})" if staff else f"No one at {data.name} yet"
        )
        for person_id, name, title in staff:
            item = QListWidgetItem(f"{name} — {title}" if title else name)
            item.setData(Qt.ItemDataRole.UserRole, person_id)
            self.people.addItem(item)

    def _person_activated(self, item: QListWidgetItem) -> None:
        self.person_activated.emit(item.data(Qt.ItemDataRole.UserRole))

    def _add_person(self) -> None:
        saved = PersonDialog.edit(self, None, company=self._name)
        if saved is not None:
            self.show_company(self._company_id)
            self.person_added.emit(saved)


class CompaniesPage(ListPage):
    def __init__(self, parent: QWidget | None = None):
        empty = EmptyState(
            "No companies yet",
            "Add the companies you are curious about. Companies are also added for you "
            "when you type a new one on a person.",
        )
        self.add_first = empty.add_button("&Add a company")
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
        self.pane.person_added.connect(lambda _id: self._written(None))
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
        companies.delete_company(item_id)
        return True

    def show_in_pane(self, item_id: int | None) -> None:
        self.pane.show_company(item_id)
