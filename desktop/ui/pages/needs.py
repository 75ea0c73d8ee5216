"""The Needs page: what companies must solve, my fit, and who in my network could help."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from desktop.core import companies, matching, needs, people
from desktop.core.changes import Changed
from desktop.core.timeline import TimelineFilter
from desktop.ui import errors
from desktop.ui.dialogs.need_dialog import NeedDialog
from desktop.ui.icons import icon
from desktop.ui.models.needs_model import FIT_FILTERS, FIT_WORDS, NeedsModel
from desktop.ui.pages.detail_pane import DetailPane, PaneTimeline
from desktop.ui.pages.list_page import EmptyState, ListPage, company_filter
from desktop.ui.plain import confirm_delete, heading, plain_label, push_button, short, tooltip
from desktop.ui.read_only import mark_writes
from desktop.ui.widgets.completion import set_words
from desktop.ui.widgets.flow_layout import FlowLayout
from desktop.ui.widgets.warm_paths_view import WarmPathsView


def fit_text(fit: matching.Fit) -> str:
    """'Strong: you have Python, SQL; missing Go' (and whether it was set by hand)."""
    words = FIT_WORDS[fit.level]
    if fit.overridden:
        words += " (set by hand)"
    details = []
    if fit.matched:
        details.append("you have " + ", ".join(fit.matched))
    if fit.missing:
        details.append("missing " + ", ".join(fit.missing))
    if not fit.matched and not fit.missing:
        details.append("the need names no skills yet")
    return f"{words}: " + "; ".join(details)


class NeedPane(DetailPane):
    """The need, my fit, and a ranked list of people who could fill it."""

    refer_requested = Signal(dict)
    timeline_requested = Signal(int)
    opportunity_requested = Signal(str, int)  # company name, need id
    person_activated = Signal(int)
    introduction_requested = Signal(dict)

    def __init__(self, parent: QWidget | None = None):
        super().__init__("Select a need to see your fit and who could fill it.", parent)
        for key, label in (
            ("fit", "My fit"),
            ("problem", "Problem"),
            ("for_whom", "For whom"),
            ("skills", "Skills"),
            ("source", "Told me"),
            ("learned_on", "Learned on"),
            ("urgency", "Urgency"),
            ("notes", "Notes"),
        ):
            self.add_fact(key, label)
        self.candidates_heading = heading("", 1.1)
        self.explain = plain_label(
            "Job seekers first, then by the skills they offer and seek. Refer one to log the "
            "referral."
        )
        self.candidates = QTreeWidget()
        self.candidates.setAccessibleName("Who could fill this")
        self.candidates.setHeaderLabels(["Person", "Why", "Company"])
        self.candidates.setRootIsDecorated(False)
        self.candidates.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.candidates.setColumnWidth(0, 130)
        self.candidates.setColumnWidth(1, 250)
        self.candidates.setMinimumHeight(200)
        self.refer_button = push_button("&Refer…")
        self.refer_button.setIcon(icon("kind-referral"))
        self.refer_button.setEnabled(False)
        self.refer_button.clicked.connect(self._refer)
        self.candidates.itemSelectionChanged.connect(
            lambda: self.refer_button.setEnabled(bool(self.candidates.selectedItems()))
        )
        self.candidates.itemActivated.connect(lambda _item, _column: self._refer())
        self.profile_button = push_button("My &profile…")
        self.profile_button.setToolTip("Your skills, which each need's fit is worked out from")
        self.opportunity_button = push_button("Add an opport&unity")
        mark_writes(self.refer_button, self.profile_button, self.opportunity_button)
        self.opportunity_button.setToolTip("An opening that serves this need")
        self.opportunity_button.clicked.connect(self._new_opportunity)
        bar = QWidget()
        buttons = FlowLayout(bar, spacing=6)  # wraps in a narrow pane
        for button in (self.refer_button, self.opportunity_button, self.profile_button):
            buttons.addWidget(button)
        self.button_row.addWidget(bar, 1)
        self.add_section(self.candidates_heading)
        self.add_section(self.explain)
        self.add_section(self.candidates, 100)
        self.warm = WarmPathsView(explain_empty=False)
        self.warm.person_activated.connect(self.person_activated)
        self.warm.introduction_requested.connect(self.introduction_requested)
        self.add_section(self.warm)  # as tall as its rows: the room is the lists'
        self.history = PaneTimeline(self, lambda: self.timeline_requested.emit(self._need_id))
        self._need_id: int | None = None
        self.show_need(None)

    def show_need(self, need_id: int | None) -> None:
        self._need_id = need_id
        self.show_placeholder(need_id is None)
        for widget in (self.candidates_heading, self.explain, self.candidates):
            widget.setVisible(need_id is not None)
        self.candidates.clear()
        self.refer_button.setEnabled(False)
        self.history.show_for(TimelineFilter(need_id=need_id) if need_id else None)
        if need_id is None:
            self.warm.show_company(None)
            return
        data = needs.get_need(need_id)
        self.warm.show_company(companies.find_company(data.company), need_id=need_id)
        self.title.setText(data.title)
        self.subtitle.setText(f"{data.company} · {needs.STATUS_LABELS[data.status]}")
        self.set_fact("fit", fit_text(matching.my_fit(need_id)))
        self.set_fact("problem", data.problem)
        self.set_fact("for_whom", needs.FOR_WHOM_LABELS.get(data.for_whom, ""))
        self.set_fact("skills", ", ".join(data.skills))
        source = people.person_name(data.source_person_id) if data.source_person_id else ""
        self.set_fact("source", source)
        self.set_fact("learned_on", data.learned_on.isoformat() if data.learned_on else "")
        self.set_fact("urgency", needs.URGENCY_LABELS.get(data.urgency, ""))
        self.set_fact("notes", data.notes)
        found = matching.candidates(need_id)
        self.candidates_heading.setText(
            f"Who could fill this ({len(found)})" if found else "No one in your network matches yet"
        )
        for candidate in found:
            item = QTreeWidgetItem([candidate.name, candidate.reasons, candidate.company])
            item.setData(0, Qt.ItemDataRole.UserRole, candidate.person_id)
            for column in range(3):
                item.setToolTip(column, tooltip(item.text(column)))
            self.candidates.addTopLevelItem(item)

    def _new_opportunity(self) -> None:
        if self._need_id is not None:
            self.opportunity_requested.emit(needs.get_need(self._need_id).company, self._need_id)

    def _refer(self) -> None:
        items = self.candidates.selectedItems()
        if not items or self._need_id is None:
            return
        data = needs.get_need(self._need_id)
        self.refer_requested.emit(
            {
                "direction": "given",
                "kind": "referral",
                "counterpart_id": data.source_person_id,
                "beneficiary_id": items[0].data(0, Qt.ItemDataRole.UserRole),
                "company_id": companies.find_company(data.company),
                "need_id": self._need_id,
            }
        )


class NeedsPage(ListPage):
    """Every need I have learned, newest first."""

    pane: NeedPane
    model: NeedsModel
    shows = Changed.EVERYTHING  # fit with my profile, who could fill it, what was done
    saves = Changed.NEEDS | Changed.COMPANIES  # a company typed in is made
    deletes = Changed.NEEDS | Changed.ACTIONS | Changed.OPPORTUNITIES  # their links to it

    def __init__(self, parent: QWidget | None = None):
        empty = EmptyState(
            "No needs recorded yet",
            "A company hires because someone must solve a problem. Write down each need you "
            "learn about: whether you are right for it, and who in your network could be.",
        )
        self.add_first = empty.add_button("&Add a need")
        mark_writes(self.add_first)
        empty.finish()
        super().__init__(
            "Needs", NeedsModel(), NeedPane(), ("need", "needs"), "&New need", empty, parent
        )
        self.search.setPlaceholderText("Title, problem, company or skill (Ctrl+F)")
        self.status = self.add_filter("S&tatus", QComboBox())
        self.status.addItem("All needs", None)
        for status, label in needs.STATUS_LABELS.items():
            self.status.addItem(f"{label} only", status)
        self.status.currentIndexChanged.connect(
            lambda: self.refilter(lambda: self.model.set_status(self.status.currentData()))
        )
        self.company = self.add_filter("C&ompany", company_filter(self))
        self.company.textChanged.connect(
            lambda: self.refilter(lambda: self.model.set_company(self.company.text()))
        )
        self.fit = self.add_filter("M&y fit", QComboBox())
        for label, levels in FIT_FILTERS:
            self.fit.addItem(label, levels)
        self.fit.setToolTip("How well your profile's skills match each need's")
        self.fit.currentIndexChanged.connect(
            lambda: self.refilter(lambda: self.model.set_fits(self.fit.currentData()))
        )
        self.profile_button = self.pane.profile_button
        self.add_first.clicked.connect(self.new_item)
        header = self.table.horizontalHeader()
        for column, width in enumerate((220, 140, 70, 70, 110, 90)):
            header.resizeSection(column, width)

    def refresh(self, select: int | None = None) -> None:
        set_words(self.company.completer(), companies.company_names())
        super().refresh(select)

    def total_count(self) -> int:
        return needs.need_count()

    def open_editor(self, item_id: int | None) -> int | None:
        return NeedDialog.edit(self, item_id)

    def new_for(self, company: str) -> int | None:
        """A new need at a company (from the company's dossier); its id, once saved."""
        saved = NeedDialog.edit(self.window(), None, company=company)
        if saved is not None:
            self._written(saved)
        return saved

    def confirm_and_delete(self, item_id: int) -> bool:
        title = needs.get_need(item_id).title
        if not confirm_delete(
            self,
            "Delete need",
            f"Delete “{short(title)}”?",
            "Actions that mention it stay on the timeline.",
        ):
            return False
        return errors.attempt_delete(self, "need", lambda: needs.delete_need(item_id))

    def show_in_pane(self, item_id: int | None) -> None:
        self.pane.show_need(item_id)
