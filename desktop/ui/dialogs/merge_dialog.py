"""Merge people: two records of one person become one, field by field as the user picks."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHeaderView,
    QLabel,
    QRadioButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core import merging, people
from desktop.store import backups
from desktop.store.connection import db
from desktop.store.errors import storage_problem
from desktop.ui import errors
from desktop.ui.plain import (
    confirm,
    counted,
    plain_label,
    short,
    show_error,
    tooltip,
    wait_cursor,
)
from desktop.ui.widgets.person_picker import PersonPicker

FIELD_LABELS = {
    "name": "Name",
    "company": "Company",
    "title": "Title",
    "email": "Email",
    "phone": "Phone",
    "linkedin_url": "LinkedIn",
    "location": "Location",
    "how_met": "How we met",
    "met_on": "When we met",
    "notes": "Notes",
    "cadence_days": "Keep in touch (days)",
    "tier": "Keep-in-touch tier",
    "longest_gap_days": "Overdue after (days)",
    "given_name": "Given name",
    "middle_name": "Middle name",
    "family_name": "Family name",
    "name_prefix": "Prefix",
    "name_suffix": "Suffix",
}
DUPLICATE_ROWS = 6  # rows of the possible duplicates shown without scrolling


class MergeDialog(QDialog):
    """Pick the record to keep and the one to merge into it; where both have a different
    value, pick which one stays. Everything else is joined."""

    def __init__(self, parent: QWidget | None = None, keep_id: int | None = None):
        super().__init__(parent)
        self.setWindowTitle("Merge people")
        self.merged = False
        self.keep = PersonPicker()
        self.other = PersonPicker()
        form = QFormLayout()
        self.about: dict[PersonPicker, QLabel] = {}
        for text, picker in (("&Keep", self.keep), ("&Merge into it", self.other)):
            label = QLabel(text)
            label.setBuddy(picker)
            picker.setAccessibleName(text.replace("&", ""))
            form.addRow(label, picker)
            about = plain_label()
            about.setStyleSheet("color: palette(placeholder-text);")
            form.addRow("", about)
            self.about[picker] = about
        self.duplicates_label, self.duplicates = self._duplicates()
        self.explain = plain_label(
            "Their actions, the needs they told you about and their parts in opportunities "
            "move to the person you keep; roles and skills are joined. Where both have a "
            "value, choose which stays: the value not chosen, and the other's notes, are "
            "kept in the notes."
        )
        self.choices = QGridLayout()
        self.choice_box = QWidget()
        self.choice_box.setLayout(self.choices)
        self.groups: dict[str, QButtonGroup] = {}
        self.buttons = QDialogButtonBox()
        self.merge_button = self.buttons.addButton("Mer&ge", QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.merge)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.duplicates_label)
        layout.addWidget(self.duplicates)
        layout.addWidget(self.explain)
        layout.addWidget(self.choice_box)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        for picker in (self.keep, self.other):
            picker.person_changed.connect(self._update)
        if keep_id is not None:
            self.keep.set_person(keep_id)
        self.resize(640, 360)
        self._update()

    def _duplicates(self) -> tuple[QLabel, QTreeWidget]:
        """The people who share a name, to pick a pair from (an import keeps people of
        one name apart when an email or LinkedIn address differs, and says so)."""
        found = merging.possible_duplicates()
        tree = QTreeWidget()
        tree.setAccessibleName("Possible duplicates")
        tree.setHeaderLabels(["Name", "First", "Other"])
        tree.setRootIsDecorated(False)
        tree.setUniformRowHeights(True)
        for pair in found:
            item = QTreeWidgetItem([pair.name, pair.first_about, pair.other_about])
            item.setData(0, Qt.ItemDataRole.UserRole, (pair.first_id, pair.other_id))
            for column in range(3):
                item.setToolTip(column, tooltip(item.text(column)))
            tree.addTopLevelItem(item)
        tree.header().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        row = tree.sizeHintForRow(0) if found else 0
        tree.setFixedHeight(tree.header().sizeHint().height() + row * DUPLICATE_ROWS + 4)
        tree.currentItemChanged.connect(self._duplicate_chosen)
        if not found:
            label = plain_label("No two people share a name: pick the two records below.")
            tree.hide()
        else:
            more = len(found) == merging.POSSIBLE_DUPLICATES_SHOWN
            label = QLabel(
                f"&Possible duplicates: {len(found):,}{'+' if more else ''} "
                f"pair{'s' * (len(found) != 1)} of people with the same name"
            )
            label.setBuddy(tree)
        return label, tree

    def _duplicate_chosen(self, item: QTreeWidgetItem | None, _previous=None) -> None:
        if item is None:
            return
        first, other = item.data(0, Qt.ItemDataRole.UserRole)
        self.keep.set_person(first)
        self.other.set_person(other)

    def _pair(self) -> tuple[int, int] | None:
        keep, other = self.keep.person_id(), self.other.person_id()
        return (keep, other) if keep is not None and other is not None and keep != other else None

    def _describe(self) -> None:
        """Under each name, what tells two records of one name apart."""
        for picker, about in self.about.items():
            person_id = picker.person_id()
            if person_id is None:
                about.setText("")
                continue
            data = people.get_person(person_id)
            facts = [f for f in (data.company, data.email, data.phone) if f]
            facts.append(counted(people.action_count(person_id), "action"))
            about.setText(" · ".join(facts))

    def _update(self) -> None:
        self._describe()
        while (item := self.choices.takeAt(0)) is not None:
            widget = item.widget()
            if widget is not None:
                widget.deleteLater()
        self.groups = {}
        pair = self._pair()
        self.merge_button.setEnabled(pair is not None)
        if pair is None:
            return
        found = merging.differences(*pair)
        if not found:
            self.choices.addWidget(plain_label("Nothing differs: every value is kept."), 0, 0)
        else:
            for column, text in ((1, "Keep's value"), (2, "The other's value")):
                header = plain_label(text)
                font = header.font()
                font.setBold(True)
                header.setFont(font)
                self.choices.addWidget(header, 0, column)
        for row, (name, (mine, theirs)) in enumerate(found.items(), start=1):
            group = QButtonGroup(self)
            self.choices.addWidget(QLabel(FIELD_LABELS.get(name, name)), row, 0)
            for column, value in ((1, mine), (2, theirs)):
                shown = value.isoformat() if hasattr(value, "isoformat") else str(value)
                button = QRadioButton(short(shown, 60).replace("&", "&&"))  # & as typed
                button.setToolTip(tooltip(shown))
                button.setAccessibleName(f"{FIELD_LABELS.get(name, name)}: {value}")
                group.addButton(button, column)
                self.choices.addWidget(button, row, column)
            group.button(1).setChecked(True)
            self.groups[name] = group
        # Grow to show every row: the window was sized before the choices were known.
        self.choice_box.adjustSize()
        layout = self.layout()
        assert layout is not None  # made in __init__
        wanted = layout.sizeHint().height()
        if wanted > self.height():
            self.resize(self.width(), wanted)

    def take_other(self) -> set[str]:
        return {name for name, group in self.groups.items() if group.checkedId() == 2}

    def merge(self) -> None:
        pair = self._pair()
        if pair is None:
            return
        other_name = people.person_name(pair[1])
        if not confirm(
            self,
            "Merge people",
            f"Merge {short(other_name)} into {short(people.person_name(pair[0]))}?"
            " The second record goes; this cannot be undone.",
            "&Merge",
        ):
            return
        try:
            with wait_cursor():
                backups.create(Path(db.database), "before-merge")
        except Exception as exc:
            problem = storage_problem(exc, Path(db.database), saved_nothing=False)
            if problem is None:
                raise  # a bug: the "Something went wrong" path
            show_error(self, "Could not merge", f"No backup could be made first: {problem}")
            return
        if not errors.attempt(
            self,
            lambda: merging.merge_people(*pair, take_other=self.take_other()),
            doing="merging two people",
            failed="The two records were not merged",
            title="Could not merge",
        ):
            return
        self.merged = True
        self.accept()

    @classmethod
    def run(cls, parent: QWidget | None, keep_id: int | None = None) -> bool:
        dialog = cls(parent, keep_id)
        dialog.exec()
        return dialog.merged
