"""The People page: everyone in the network, searchable, with a detail pane."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListWidget,
    QListWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from desktop.core import followups, matching, opportunities, people, reciprocity, ties
from desktop.core.changes import CASCADE, PERSON_WRITE, SKILLS, Changed
from desktop.core.reciprocity.person import person_months
from desktop.core.timeline import TimelineFilter
from desktop.ui import errors
from desktop.ui.charts.sparkline import Sparkline
from desktop.ui.icons import icon
from desktop.ui.models.people_model import PeopleModel
from desktop.ui.pages.detail_pane import DetailPane, PaneTimeline
from desktop.ui.pages.list_page import EmptyState, ListPage
from desktop.ui.pages.positions_section import PositionsSection
from desktop.ui.pages.tie_section import TieSection
from desktop.ui.plain import confirm_delete, counted, heading, push_button, short, tooltip
from desktop.ui.read_only import mark_writes
from desktop.ui.widgets.row_height import fit_rows


def lag_text(found: reciprocity.PersonBalance) -> str:
    """When their help came back after mine, in words; who went first when it was them."""
    first_given, first_received = found.first_given, found.first_received
    if first_given is None:
        return f"They helped first, on {first_received.isoformat()}" if first_received else ""
    if found.lag_days is not None:
        text = f"{counted(found.lag_days, 'day')} after I first helped"
    else:
        text = f"Not yet since I first helped, on {first_given.isoformat()}"
    if first_received is not None and first_received <= first_given:
        text += f" (they helped first, on {first_received.isoformat()})"
    return text


class PersonPane(DetailPane):
    """Everything known about the selected person."""

    company_activated = Signal(int)
    log_requested = Signal(int)
    timeline_requested = Signal(int)
    need_activated = Signal(int)
    opportunity_activated = Signal(int)
    positions_written = Signal(int)  # the person whose history changed

    def __init__(self, parent: QWidget | None = None):
        super().__init__("Select a person to see what they seek, offer and told you.", parent)
        self.log_button = push_button("&Log action")
        mark_writes(self.log_button)
        self.log_button.setIcon(icon("log-action"))
        self.log_button.clicked.connect(lambda: self.log_requested.emit(self._person_id))
        self.company_button = push_button("Show &company")
        self.company_button.clicked.connect(self._show_company)
        self.button_row.addWidget(self.log_button)
        self.button_row.addWidget(self.company_button)
        self.button_row.addStretch(1)
        self.positions = PositionsSection()
        self.positions.written.connect(lambda: self.positions_written.emit(self._person_id))
        self.add_section(self.positions)
        self.tie = TieSection()
        self.add_section(self.tie)
        self.fitting_heading = heading("", 1.1)
        self.fitting = QTreeWidget()
        self.fitting.setAccessibleName("Needs that fit them")
        self.fitting.setHeaderLabels(["Need", "Why", "Company"])
        self.fitting.setRootIsDecorated(False)
        self.fitting.setColumnWidth(0, 150)
        self.fitting.setColumnWidth(1, 170)
        self.fitting.setMinimumHeight(120)
        self.fitting.itemActivated.connect(
            lambda item, _column: self.need_activated.emit(item.data(0, Qt.ItemDataRole.UserRole))
        )
        self.add_section(self.fitting_heading)
        self.add_section(self.fitting, 30)
        self.involved_heading = heading("", 1.1)
        self.involved = QListWidget()
        self.involved.setAccessibleName("Opportunities they take part in")
        self.involved.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.involved.itemActivated.connect(
            lambda item: self.opportunity_activated.emit(item.data(Qt.ItemDataRole.UserRole))
        )
        self.add_section(self.involved_heading)
        self.add_section(self.involved, 20)
        self.history = PaneTimeline(self, lambda: self.timeline_requested.emit(self._person_id))
        for key, label, link in (
            ("roles", "Roles", ""),
            ("email", "Email", "Write"),
            ("phone", "Phone", ""),
            ("linkedin_url", "LinkedIn", "Open"),
            ("location", "Location", ""),
            ("how_met", "How we met", ""),
            ("met_on", "Met on", ""),
            ("cadence", "Keep in touch", ""),
            ("next_contact", "Next contact", ""),
            ("offers", "Offers", ""),
            ("seeks", "Seeks", ""),
            ("notes", "Notes", ""),
            ("exchange", "Exchange", ""),
            ("lag", "Help came back", ""),
        ):
            self.add_fact(key, label, link)
        self.spark = Sparkline(height=30)
        self.spark.setAccessibleName("Given and received with them, last 12 months")
        self.form.addRow("Last 12 months", self.spark)
        self._company_id: int | None = None
        self._person_id: int | None = None
        self.show_person(None)

    def show_person(self, person_id: int | None) -> None:
        self._person_id = person_id
        self.show_placeholder(person_id is None)
        self.history.show_for(TimelineFilter(person_id=person_id) if person_id else None)
        self._show_fitting_needs(None)
        self._show_involvement(person_id)
        self.positions.show_person(person_id)
        self.form.setRowVisible(self.spark, False)
        self.tie.show_for(person_id, date.today())
        if person_id is None:
            return
        data = people.get_person(person_id)
        self._company_id = people.person_company_id(person_id)
        self.title.setText(data.name)
        if data.title and data.company:
            self.subtitle.setText(f"{data.title} at {data.company}")
        else:
            self.subtitle.setText(data.title or data.company)
        self.subtitle.setVisible(bool(self.subtitle.text()))
        self.company_button.setVisible(self._company_id is not None)
        self.set_fact("roles", ", ".join(people.ROLE_LABELS[r] for r in data.roles))
        self._show_fitting_needs(person_id if "job_seeker" in data.roles else None)
        self.set_fact("email", data.email, f"mailto:{data.email}" if data.email else "")
        self.set_fact("phone", data.phone)
        self.set_fact("linkedin_url", data.linkedin_url, data.linkedin_url)
        self.set_fact("location", data.location)
        self.set_fact("how_met", data.how_met)
        self.set_fact("met_on", data.met_on.isoformat() if data.met_on else "")
        gaps = ties.gaps_of(person_id)
        self.set_fact("cadence", ties.gaps_text(gaps))
        next_contact = followups.next_contact(person_id) if gaps else None
        self.set_fact("next_contact", next_contact.isoformat() if next_contact else "")
        self.set_fact("offers", ", ".join(data.offers))
        self.set_fact("seeks", ", ".join(data.seeks))
        self.set_fact("notes", data.notes)
        self._show_exchange(person_id)

    def _show_fitting_needs(self, person_id: int | None) -> None:
        """For a job seeker (else pass None): open needs their skills fit, with reasons."""
        self.fitting.clear()
        found = matching.needs_for_person(person_id, limit=20) if person_id else []
        shown = bool(found)
        self.fitting_heading.setVisible(shown)
        self.fitting.setVisible(shown)
        self.fitting_heading.setText(f"Needs that fit them ({len(found)})")
        for need_id, title, company, reasons in found:
            item = QTreeWidgetItem([title, reasons, company])
            item.setData(0, Qt.ItemDataRole.UserRole, need_id)
            for column in range(3):
                item.setToolTip(column, tooltip(item.text(column)))
            self.fitting.addTopLevelItem(item)

    def _show_exchange(self, person_id: int) -> None:
        """What I gave them and they gave me, when their help came back, and the months."""
        found = reciprocity.person_balance(person_id)
        if found.given or found.received:
            sign = "+" if found.balance > 0 else ""
            self.set_fact(
                "exchange",
                f"Gave {found.given:,} (weight {found.given_weight:,}) · received "
                f"{found.received:,} (weight {found.received_weight:,}) · balance "
                f"{sign}{found.balance:,}",
            )
        else:
            self.set_fact("exchange", "")
        self.set_fact("lag", lag_text(found))
        months = person_months(person_id, date.today())
        self.spark.set_values(
            [m.given for m in months],
            [m.received for m in months],
            [m.start.strftime("%Y-%m") for m in months],
        )
        self.form.setRowVisible(self.spark, bool(found.given or found.received))

    def _show_involvement(self, person_id: int | None) -> None:
        """The opportunities the person takes part in, with their part; hidden when none."""
        self.involved.clear()
        found = opportunities.involving(person_id) if person_id else []
        self.involved_heading.setVisible(bool(found))
        self.involved.setVisible(bool(found))
        self.involved_heading.setText(f"Opportunities ({len(found)})")
        for entry in found:
            text = (
                f"{opportunities.PART_LABELS[entry.part]} for {entry.title} at {entry.company}"
                f" · {opportunities.STATUS_LABELS[entry.status]}"
            )
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, entry.opportunity_id)
            item.setToolTip(tooltip(text))
            self.involved.addItem(item)
        fit_rows(self.involved, len(found))

    def _show_company(self) -> None:
        if self._company_id is not None:
            self.company_activated.emit(self._company_id)


class PeoplePage(ListPage):
    """Search as you type; Enter edits, Delete deletes, Ctrl+N adds. Several people can be
    selected (Shift or Ctrl with the arrows or a click) to set their tier at once (Ctrl+T);
    the pane shows the one with the cursor."""

    pane: PersonPane
    shows = Changed.EVERYTHING & ~SKILLS  # a person's pane shows all that is theirs
    saves = PERSON_WRITE  # their company may be new
    deletes = CASCADE  # their actions and parts in opportunities go with them

    sample_requested = Signal()

    def __init__(self, parent: QWidget | None = None, *, offer_sample: bool = True):
        empty = EmptyState(
            "Your network starts here",
            "Add the people you meet in your search: hiring managers, recruiters, "
            "interviewers and fellow job seekers, with what they seek and what they offer. "
            "Or look around a made-up sample network first; it lives in a file of its own "
            "and never mixes with yours.",
        )
        self.add_first = empty.add_button("&Add a person")
        mark_writes(self.add_first)
        self.open_sample = empty.add_button("Open the &sample network")
        self.open_sample.setVisible(offer_sample)
        empty.finish()
        super().__init__(
            "People",
            PeopleModel(),
            PersonPane(),
            ("person", "people"),
            "&New person",
            empty,
            parent,
        )
        self.search.setPlaceholderText(
            "Name, company, title, email, place, notes or skill (Ctrl+F)"
        )
        self.add_first.clicked.connect(self.new_item)
        self.open_sample.clicked.connect(self.sample_requested)
        self.pane.positions_written.connect(lambda pid: self._written(pid, PERSON_WRITE))
        header = self.table.horizontalHeader()
        for column, width in enumerate((170, 140, 170, 140, 90, 170)):
            header.resizeSection(column, width)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tier_action = QAction("Set keep-in-touch &tier…", self)
        self.tier_action.setShortcut(QKeySequence("Ctrl+T"))
        self.tier_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.tier_action.setToolTip("Set the tier of every person selected (Ctrl+T)")
        self.tier_action.triggered.connect(self.set_tier)
        self.addAction(self.tier_action)
        self.tier_button = push_button("Set &tier…")
        self.tier_button.setToolTip(self.tier_action.toolTip())
        self.tier_button.clicked.connect(self.set_tier)
        self.top.insertWidget(self.top.indexOf(self.delete_button) + 1, self.tier_button)
        # The list's context menu: what the keys do, for the selected rows.
        self.edit_action = QAction("Ed&it…", self)
        self.edit_action.triggered.connect(self.edit_current)
        self.delete_action = QAction("&Delete…", self)
        self.delete_action.triggered.connect(self.delete_current)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        for action in (self.edit_action, self.tier_action, self.delete_action):
            self.table.addAction(action)
        mark_writes(self.tier_action, self.tier_button, self.edit_action, self.delete_action)
        self.table.selectionModel().selectionChanged.connect(self._tier_enabled)
        self._tier_enabled()

    def total_count(self) -> int:
        return people.person_count()

    def current_id(self) -> int | None:
        """The person with the cursor, if selected; else the first selected."""
        index = self.table.currentIndex()
        if index.isValid() and self.table.selectionModel().isRowSelected(index.row()):
            return self.model.id_at(index.row())
        return super().current_id()

    def selected_ids(self) -> list[int]:
        """Every person selected, in the list's order."""
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        return [found for row in rows if (found := self.model.id_at(row)) is not None]

    def _tier_enabled(self, *_args) -> None:
        chosen = bool(self.table.selectionModel().selectedRows())
        for control in (self.tier_action, self.tier_button, self.edit_action, self.delete_action):
            control.setEnabled(chosen and not self.read_only)

    def set_tier(self) -> None:
        """Ctrl+T: ask for a tier and give it to every person selected, as one step."""
        chosen_ids = self.selected_ids()
        if self.read_only or not chosen_ids:
            return
        from desktop.ui.dialogs.tier_choice import TierChoiceDialog  # when first asked for

        current = people.get_person(chosen_ids[0]).tier if len(chosen_ids) == 1 else ""
        chosen = TierChoiceDialog.choose(self, len(chosen_ids), current)
        if chosen is None:
            return
        keep = self.current_id()
        if errors.attempt(
            self,
            lambda: ties.assign_tier(chosen_ids, chosen.tier_id),
            doing="setting the keep-in-touch tier",
            failed="No one's tier was changed",
            title="Could not set the tier",
        ):
            self.model.reload()
            self.select_ids(chosen_ids, keep)
            self.data_changed.emit(Changed.PEOPLE | Changed.FOLLOW_UPS)

    def select_ids(self, ids: list[int], current: int | None) -> None:
        """Select these people again (those still listed), the cursor on *current*."""
        self.select_id(current if current is not None else (ids[0] if ids else None))
        selection = self.table.selectionModel()
        for person_id in ids:
            row = self.model.row_of(person_id)
            if row >= 0 and person_id != current:
                selection.select(
                    self.model.index(row, 0),
                    QItemSelectionModel.SelectionFlag.Select
                    | QItemSelectionModel.SelectionFlag.Rows,
                )
        self.show_in_pane(self.current_id())

    def open_editor(self, item_id: int | None) -> int | None:
        from desktop.ui.dialogs.person_dialog import PersonDialog  # when first asked for

        return PersonDialog.edit(self, item_id)

    def confirm_and_delete(self, item_id: int) -> bool:
        name = people.get_person(item_id).name
        actions = people.action_count(item_id)
        details = "Their roles and skills are removed with them."
        if actions:
            details += f" The {counted(actions, 'action')} logged with them will be deleted too."
        if not confirm_delete(self, "Delete person", f"Delete {short(name)}?", details):
            return False
        return errors.attempt_delete(self, "person", lambda: people.delete_person(item_id))

    def show_in_pane(self, item_id: int | None) -> None:
        self.pane.show_person(item_id)
