"""Keep-in-touch tiers: name them and say how often, and at most how seldom, to be in touch."""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.core import ties
from desktop.core.ties import TierData
from desktop.core.validation import Problems
from desktop.ui import plain
from desktop.ui.dialogs.record_dialog import RecordDialog
from desktop.ui.plain import counted, plain_label
from desktop.ui.widgets.form import ERROR_STYLE, MessageForm
from desktop.ui.widgets.list_keys import bind_list_keys

EXPLANATION = (
    "A person in a tier is due for contact once the first gap has passed since you were"
    " last in touch, and overdue after the second, unless they have gaps of their own."
)
FIELDS = ("name", "ideal_days", "longest_days")
NEW_TIER = TierData("", 30, 45)


class TiersDialog(RecordDialog):
    """The tiers in a list, the selected one's name and gaps beside it; Save writes the
    whole list as one step."""

    noun = "keep-in-touch tiers"

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent, 1)  # the list is edited as one record: never 'New'
        self.setWindowTitle("Keep-in-touch tiers")
        self.explanation = plain_label(EXPLANATION)
        self.tiers = ties.list_tiers()
        self._rows: list[tuple[int | None, TierData]] = [
            (t.id, TierData(t.name, t.ideal_days, t.longest_days)) for t in self.tiers
        ]
        self._people = {t.id: ties.people_in(t.id) for t in self.tiers}

        self.list = QListWidget()
        self.list.setAccessibleName("Tiers")
        self.add_button = self._button("&Add", "Add a tier", self.add_tier)
        self.remove_button = self._button("&Remove", "Remove the selected tier", self.remove_tier)
        fields = QFormLayout()
        self.form = MessageForm(fields)
        self.forms.append(self.form)
        self.name = self.form.add("name", "&Name", QLineEdit())
        self.name.setPlaceholderText("Close, Regular, Occasional…")
        self.ideal = self.form.add("ideal_days", "D&ue after", self._days())
        self.longest = self.form.add("longest_days", "&Overdue after", self._days())
        self.people_note = plain_label()
        fields.addRow("", self.people_note)
        self.message = plain_label()
        self.message.setObjectName("message_tiers")
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.hide()

        left = QVBoxLayout()
        left.addWidget(self.list, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        left.addLayout(buttons)
        right = QVBoxLayout()
        right.addLayout(fields)
        right.addStretch(1)
        row = QHBoxLayout()
        row.addLayout(left, 1)
        row.addSpacing(12)
        row.addLayout(right, 1)
        column = QVBoxLayout()
        column.addWidget(self.explanation)
        column.addLayout(row, 1)
        column.addWidget(self.message)
        self.lay_out(column)
        self.resize(620, 360)

        for index in range(len(self._rows)):
            self.list.addItem(self._item_text(index))
        self.list.currentRowChanged.connect(self._show_row)
        bind_list_keys(self.list, self.name.setFocus, self.remove_tier)  # Enter: to its name
        self.name.textEdited.connect(lambda _text: self._edited("name"))
        self.ideal.valueChanged.connect(lambda _days: self._edited("ideal_days"))
        self.longest.valueChanged.connect(lambda _days: self._edited("longest_days"))
        if self._rows:
            self.list.setCurrentRow(0)
        else:
            self._show_row(-1)
        self.revalidate()
        self.list.setFocus()

    def _button(self, text: str, accessible: str, slot) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(accessible)
        button.setAutoDefault(False)  # Enter belongs to Save
        button.clicked.connect(slot)
        return button

    @staticmethod
    def _days() -> QSpinBox:
        box = QSpinBox()
        box.setRange(1, ties.MAX_GAP_DAYS)
        box.setSuffix(" days")
        box.valueChanged.connect(lambda days: box.setSuffix(" day" if days == 1 else " days"))
        return box

    # -- rows -----------------------------------------------------------------------------
    def _item_text(self, index: int) -> str:
        data = self._rows[index][1]
        name = " ".join(data.name.split()) or "(no name yet)"
        return f"{name}: every {data.ideal_days} days, at most {data.longest_days}"

    def _show_row(self, index: int) -> None:
        """Put the selected tier in the fields (without counting it as an edit)."""
        shown = 0 <= index < len(self._rows)
        for field in (self.name, self.ideal, self.longest):
            field.setEnabled(shown)
        self.remove_button.setEnabled(shown)
        tier_id, data = self._rows[index] if shown else (None, NEW_TIER)
        with QSignalBlocker(self.name), QSignalBlocker(self.ideal), QSignalBlocker(self.longest):
            self.name.setText(data.name)
            self.ideal.setValue(data.ideal_days)
            self.longest.setValue(data.longest_days)
        for box in (self.ideal, self.longest):
            box.setSuffix(" day" if box.value() == 1 else " days")
        held = self._people.get(tier_id, 0) if tier_id is not None else 0
        self.people_note.setText(
            f"{counted(held, 'person', 'people')} in this tier." if held else "No one in it yet."
        )
        self.people_note.setVisible(shown)
        self.revalidate()

    def _edited(self, field: str) -> None:
        index = self.list.currentRow()
        if not 0 <= index < len(self._rows):
            return
        tier_id, _ = self._rows[index]
        self._rows[index] = (
            tier_id,
            TierData(self.name.text(), self.ideal.value(), self.longest.value()),
        )
        item = self.list.item(index)
        if item is not None:
            item.setText(self._item_text(index))
        self._changed(field)

    def add_tier(self) -> None:
        """A new tier at the end, its name open for typing."""
        self._rows.append((None, NEW_TIER))
        self.list.addItem(self._item_text(len(self._rows) - 1))
        self.list.setCurrentRow(len(self._rows) - 1)
        self.name.setFocus()

    def remove_tier(self) -> None:
        index = self.list.currentRow()
        if not 0 <= index < len(self._rows):
            return
        del self._rows[index]
        self.list.takeItem(index)
        self._show_row(self.list.currentRow())

    # -- RecordDialog hooks -----------------------------------------------------------------
    def data(self) -> tuple[tuple[int | None, TierData], ...]:
        return tuple(self._rows)

    def record_name(self) -> str:
        return "the keep-in-touch tiers"

    def problems(self) -> Problems:
        """The selected tier's problems under its fields; the others' in the message."""
        found = ties.validate_tiers(self._rows)
        index = self.list.currentRow()
        problems = Problems()
        for key, message in found.errors.items():
            row, field = key.split(".")
            if int(row) == index:
                problems.errors[field] = message
            else:
                name = " ".join(self._rows[int(row)][1].name.split()) or "A tier with no name"
                problems.errors[f"other.{key}"] = f"{name}: {message}"
        return problems

    def revalidate(self) -> bool:
        if not hasattr(self, "message"):  # still being built
            return True
        ok = super().revalidate()
        others = [m for key, m in self.problems().errors.items() if key.startswith("other.")]
        self.message.setText("\n".join(others))
        self.message.setVisible(bool(others))
        return ok

    def confirm_save(self) -> bool:
        """Say who loses their tier when one with people in it was removed."""
        kept = {tier_id for tier_id, _ in self._rows}
        gone = [t for t in self.tiers if t.id not in kept and self._people.get(t.id)]
        if not gone:
            return True
        held = sum(self._people[t.id] for t in gone)
        names = ", ".join(f"‘{t.name}’" for t in gone)
        return plain.confirm(
            self,
            "Remove tiers",
            f"{counted(held, 'person', 'people')} in {names} will have no tier (their own"
            " gaps stay). Save anyway?",
            "&Save",
        )

    def not_saved(self) -> str:
        return "The keep-in-touch tiers were not saved"

    def write(self) -> int:
        ties.save_tiers(self._rows)
        return len(self._rows)

    @classmethod
    def edit(cls, parent: QWidget | None) -> bool:
        """Open the dialog; True when the tiers were saved."""
        return cls(parent).exec() == QDialog.DialogCode.Accepted
