"""The opportunity form: the role, where it stands in the pipeline, and who is involved."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import cast

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core import companies, needs, opportunities, people
from desktop.core.opportunities import PART_LABELS, STATUS_LABELS, OpportunityData
from desktop.core.validation import Problems
from desktop.ui import plain
from desktop.ui.dialogs.need_dialog import choice_combo
from desktop.ui.dialogs.record_dialog import RecordDialog
from desktop.ui.plain import push_button, tooltip
from desktop.ui.widgets.completion import word_completer
from desktop.ui.widgets.date_edit import OptionalDateEdit
from desktop.ui.widgets.form import MessageForm
from desktop.ui.widgets.list_keys import bind_list_keys
from desktop.ui.widgets.person_picker import PersonPicker

ID_ROLE = Qt.ItemDataRole.UserRole
PART_ROLE = Qt.ItemDataRole.UserRole + 1


class PartDelegate(QStyledItemDelegate):
    """The part column's editor: the parts to choose from, the current one chosen."""

    def createEditor(
        self,
        parent: QWidget,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> QWidget:
        editor = choice_combo((label, key) for key, label in PART_LABELS.items())
        editor.setParent(parent)
        editor.setAccessibleName("Their part")
        return editor  # arrows or letters, then Enter (or leaving it) keeps the choice

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        combo = cast(QComboBox, editor)
        combo.setCurrentIndex(max(0, combo.findData(index.data(PART_ROLE))))

    def setModelData(
        self, editor: QWidget, model: QAbstractItemModel, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        part = cast(QComboBox, editor).currentData()
        model.setData(index, part, PART_ROLE)
        model.setData(index, PART_LABELS[part], Qt.ItemDataRole.DisplayRole)


class PeopleParts(QWidget):
    """The people involved and their part: pick or type a name, choose the part, Add.

    A name nobody in the network has is added as a new person when the form is saved. A
    listed person's part is changed in place: Enter, F2 or a double click on it.
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.list = QTreeWidget()
        self.list.setAccessibleName("People involved")
        self.list.setHeaderLabels(["Person", "Part"])
        self.list.setRootIsDecorated(False)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setColumnWidth(0, 200)
        self.list.setMinimumHeight(110)
        self.list.setItemDelegateForColumn(1, PartDelegate(self.list))
        # Only the part is edited (the name is the person's own): Enter, F2, double click.
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.itemDoubleClicked.connect(lambda *_: self.edit_part())
        rename = QShortcut(QKeySequence(Qt.Key.Key_F2), self.list)
        rename.setContext(Qt.ShortcutContext.WidgetShortcut)
        rename.activated.connect(self.edit_part)
        self.list.itemChanged.connect(self._part_changed)
        self.picker = PersonPicker()
        self.picker.setAccessibleName("Person to add")
        self.part = choice_combo((label, key) for key, label in PART_LABELS.items())
        self.part.setAccessibleName("Their part")
        self.add_button = push_button("A&dd")
        self.remove_button = push_button("Remo&ve")
        self.remove_button.setEnabled(False)
        # Not the dialog's default when focused, so Enter in any field still saves; Enter
        # on Add or Remove with the focus presses that one (see eventFilter).
        for button in (self.add_button, self.remove_button):
            button.setAutoDefault(False)
            button.installEventFilter(self)
        self.setFocusProxy(self.picker)  # the '&People involved' label leads here
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # which a label's Alt+P needs
        self.add_button.clicked.connect(self.add_typed)
        self.remove_button.clicked.connect(self.remove_selected)
        self.picker.installEventFilter(self)
        # The form says what saving does with it, typed or picked from the suggestions.
        self.picker.textEdited.connect(self.changed)
        self.picker.person_changed.connect(self.changed)
        self.list.itemSelectionChanged.connect(
            lambda: self.remove_button.setEnabled(bool(self.list.selectedItems()))
        )
        bind_list_keys(self.list, self.edit_part, self.remove_selected)
        entry = QHBoxLayout()
        entry.addWidget(self.picker, 1)
        entry.addWidget(self.part)
        entry.addWidget(self.add_button)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(entry)
        column.addWidget(self.list, 1)
        remove_row = QHBoxLayout()
        remove_row.addStretch(1)
        remove_row.addWidget(self.remove_button)
        column.addLayout(remove_row)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Enter in the name field adds the person, rather than saving the whole form, and
        Enter on a focused Add or Remove presses it."""
        enter = event.type() == QEvent.Type.KeyPress and cast(QKeyEvent, event).key() in (
            Qt.Key.Key_Return,
            Qt.Key.Key_Enter,
        )
        if enter and watched is self.picker and self.picker.typed_name():
            self.add_typed()
            return True
        if enter and watched is self.add_button:
            self.add_button.click()
            return True
        if enter and watched is self.remove_button:
            self.remove_button.click()
            return True
        return super().eventFilter(watched, event)

    def _append(self, person_id: int | None, name: str, part: str) -> None:
        for index in range(self.list.topLevelItemCount()):
            item = self.list.topLevelItem(index)
            assert item is not None  # index is in range
            if item.data(1, PART_ROLE) == part and (
                item.data(0, ID_ROLE) == person_id
                if person_id is not None
                else item.text(0) == f"{name} (new)"
            ):
                return  # already listed in that part
        label = name if person_id is not None else f"{name} (new)"
        item = QTreeWidgetItem([label, PART_LABELS[part]])
        item.setData(0, ID_ROLE, person_id)
        item.setData(1, PART_ROLE, part)
        item.setData(0, Qt.ItemDataRole.UserRole + 2, name)
        item.setToolTip(0, tooltip(label))
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)  # the part; see edit_part
        self.list.addTopLevelItem(item)

    def add_typed(self) -> None:
        """Add the picked person (or the typed new name) with the chosen part. A name that
        several people have is left to be picked from the suggestions (the form says so)."""
        person_id = self.picker.resolve()
        name = self.picker.typed_name()
        if person_id is None and (not name or self.namesakes() > 1):
            if name:
                self.picker.completer().complete()
            return
        self._append(person_id, name, self.part.currentData())
        self.picker.set_person(None)
        self.changed.emit()

    def pending(self) -> str:
        """A name typed into the picker and not yet added to the list, or ''."""
        return self.picker.typed_name()

    def pending_is_new(self) -> bool:
        """Whether the typed name is nobody's in the network (adding it adds a person)."""
        return bool(self.pending()) and self.picker.resolve() is None and not self.namesakes()

    def namesakes(self) -> int:
        """How many people have the typed name (when none is picked)."""
        if self.picker.person_id() is not None or not self.pending():
            return 0
        return len(people.people_named(self.pending()))

    def part_label(self) -> str:
        return self.part.currentText()

    def edit_part(self) -> None:
        """Change the selected person's part, in place."""
        item = self.list.currentItem()
        if item is not None:
            self.list.setCurrentItem(item, 1)
            self.list.editItem(item, 1)

    def _part_changed(self, item: QTreeWidgetItem, column: int) -> None:
        if column != 1:
            return
        part = item.data(1, PART_ROLE)
        for other in self._items():  # the person already had that part: once is enough
            if (
                other is not item
                and other.data(1, PART_ROLE) == part
                and (
                    other.data(0, ID_ROLE) == item.data(0, ID_ROLE)
                    and other.text(0) == item.text(0)
                )
            ):
                self.list.takeTopLevelItem(self.list.indexOfTopLevelItem(other))
        self.changed.emit()

    def remove_selected(self) -> None:
        for item in self.list.selectedItems():
            self.list.takeTopLevelItem(self.list.indexOfTopLevelItem(item))
        self.changed.emit()

    def set_people(self, people: Sequence[opportunities.Involved]) -> None:
        """Who takes part, and their part."""
        self.list.clear()
        for involved in people:
            self._append(involved.person_id, involved.name, involved.part)

    def known(self) -> list[tuple[int, str]]:
        return [
            (item.data(0, ID_ROLE), item.data(1, PART_ROLE))
            for item in self._items()
            if item.data(0, ID_ROLE) is not None
        ]

    def new(self) -> list[tuple[str, str]]:
        return [
            (item.data(0, Qt.ItemDataRole.UserRole + 2), item.data(1, PART_ROLE))
            for item in self._items()
            if item.data(0, ID_ROLE) is None
        ]

    def _items(self) -> list[QTreeWidgetItem]:
        return [
            item
            for i in range(self.list.topLevelItemCount())
            if (item := self.list.topLevelItem(i)) is not None  # always, i is in range
        ]


class OpportunityDialog(RecordDialog):
    """Add or edit one opportunity. A new company name adds the company."""

    noun = "opportunity"

    def __init__(
        self,
        parent: QWidget | None = None,
        opportunity_id: int | None = None,
        company: str = "",
        need_id: int | None = None,
    ):
        super().__init__(parent, opportunity_id)
        left, right = QFormLayout(), QFormLayout()
        main, more = MessageForm(left), MessageForm(right)
        self.forms += [main, more]
        self.company = main.add("company", "&Company", QLineEdit())
        self.company.setCompleter(
            word_completer(self, companies.company_names(), self.company.setText)
        )
        self.title = main.add("title", "&Title", QLineEdit())
        self.title.setPlaceholderText("The role, e.g. Senior data engineer")
        self.need = main.add("need_id", "&Need it serves", QComboBox())
        self.url = main.add("url", "Posting add&ress", QLineEdit())
        self.url.setPlaceholderText("https://…")
        self.status = main.add(
            "status", "&Status", choice_combo((v, k) for k, v in STATUS_LABELS.items())
        )
        self.status_on = main.add("status_on", "Status s&ince", OptionalDateEdit())
        self.applied_on = main.add("applied_on", "&Applied on", OptionalDateEdit())
        self.people = more.add("people", "&People involved", PeopleParts())
        self.notes_edit = more.add("notes", "N&otes", QPlainTextEdit())
        self.notes_edit.setTabChangesFocus(True)
        self.notes_edit.setPlaceholderText("What you learned, what to ask next time")
        self.lay_out(left, right)
        self.resize(940, 480)
        self._loaded_status = None
        self._fill_needs(need_id)
        if opportunity_id is not None:
            data = opportunities.get_opportunity(opportunity_id)
            self.set_data(data)
            self.people.set_people(opportunities.people_of(opportunity_id))
            self._loaded_status = (data.status, data.status_on)
        else:
            self.company.setText(company)
            self._fill_needs(need_id)
            self.status_on.set_value(date.today())
        self.company.textChanged.connect(lambda: self._fill_needs(self.need.currentData()))
        self.status.currentIndexChanged.connect(self._status_changed)
        self.watch("company", self.company.textChanged)
        self.watch("title", self.title.textChanged)
        self.watch("url", self.url.textChanged)
        self.watch("need_id", self.need.currentIndexChanged)
        self.watch("people", self.people.changed)
        self.revalidate()
        (self.title if company else self.company).setFocus()

    def _fill_needs(self, keep: int | None) -> None:
        """The need choices are the named company's needs."""
        self.need.blockSignals(True)
        self.need.clear()
        self.need.addItem("None", None)
        company_id = companies.find_company(" ".join(self.company.text().split()))
        if company_id is not None:
            choices = companies.needs_of(company_id)
            titles = [title for _id, title in choices]
            for need_id, title in choices:
                label = title
                if titles.count(title) > 1:  # the same title twice: say which is which
                    data = needs.get_need(need_id)
                    learned = f", learned {data.learned_on.isoformat()}" if data.learned_on else ""
                    label = f"{title} ({needs.STATUS_LABELS[data.status].lower()}{learned})"
                self.need.addItem(label, need_id)
        self.need.setCurrentIndex(max(0, self.need.findData(keep)))
        self.need.setEnabled(self.need.count() > 1)
        self.need.setToolTip(
            "" if self.need.count() > 1 else "Needs of the company chosen above appear here."
        )
        self.need.blockSignals(False)

    def _status_changed(self) -> None:
        """A new status starts today (the day can be changed); going back restores it.
        Saving as 'applied' with no 'applied on' takes the status's day."""
        if self._loaded_status and self.status.currentData() == self._loaded_status[0]:
            self.status_on.set_value(self._loaded_status[1])
        else:
            self.status_on.set_value(date.today())

    def data(self) -> OpportunityData:
        return OpportunityData(
            company=self.company.text(),
            title=self.title.text(),
            need_id=self.need.currentData(),
            url=self.url.text(),
            status=self.status.currentData(),
            status_on=self.status_on.value(),
            applied_on=self.applied_on.value(),
            notes=self.notes_edit.toPlainText(),
            people=self.people.known(),
        )

    def set_data(self, data: OpportunityData) -> None:
        self.company.setText(data.company)
        self._fill_needs(data.need_id)
        self.title.setText(data.title)
        self.url.setText(data.url)
        self.status.setCurrentIndex(max(0, self.status.findData(data.status)))
        self.status_on.set_value(data.status_on)
        self.applied_on.set_value(data.applied_on)
        self.notes_edit.setPlainText(data.notes)

    def has_changes(self) -> bool:
        return super().has_changes() or bool(self.people.new())

    def record_name(self) -> str:
        return self.title.text().strip() or "this opportunity"

    def problems(self) -> Problems:
        problems = opportunities.validate_opportunity(self.data())
        if (namesakes := self.people.namesakes()) > 1:
            problems.errors["people"] = (
                f"{namesakes} people are called {self.people.pending()}; pick one from the "
                "suggestions."
            )
        return problems

    def notes(self) -> dict[str, str]:
        found = {}
        name = " ".join(self.company.text().split())
        if name and companies.find_company(name) is None:
            found["company"] = f"There is no company called '{name}' yet; saving adds it."
        words = []
        new = [name for name, _part in self.people.new()]
        if new:
            words.append("Saving adds " + ", ".join(new) + " to your network.")
        if (typed := self.people.pending()) and self.people.namesakes() <= 1:
            part = self.people.part_label().lower()
            words.append(
                f"{typed} is not in your network yet; saving adds them, as {part}."
                if self.people.pending_is_new()
                else f"Saving adds {typed} as {part}."
            )
        if words:
            found["people"] = " ".join(words)
        if note := self.address_note(self.url.text()):
            found["url"] = note
        return found

    def before_save(self) -> None:
        # A name typed but not yet added is meant to be added; a new one after asking.
        if self.people.pending() and not self.people.pending_is_new():
            self.people.add_typed()

    def confirm_save(self) -> bool:
        if not self.people.pending_is_new():
            return True
        name = plain.short(self.people.pending())
        part = self.people.part_label().lower()
        if not plain.confirm(
            self,
            "Add a person",
            f"Add {name} to your network as a new person, as {part} for this opportunity?",
        ):
            return False
        self.people.add_typed()
        return True

    def write(self) -> int:
        return opportunities.save_opportunity(self.data(), self.record_id, self.people.new())
