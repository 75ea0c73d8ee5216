"""Choosing the keep-in-touch tier for the people selected in the list."""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QVBoxLayout

from desktop.core import ties
from desktop.ui.plain import counted, plain_label


class Chosen(NamedTuple):
    tier_id: int | None  # None: no tier


class TierChoiceDialog(QDialog):
    """One list to choose from (no tier, or one of the tiers), OK and Cancel."""

    def __init__(self, parent, how_many: int, current: str = ""):
        super().__init__(parent)
        self.setWindowTitle("Set keep-in-touch tier")
        people = counted(how_many, "person", "people")
        self.explanation = plain_label(
            f"Every one of the {people} selected takes the tier's gaps, unless they have"
            " their own. Edit › Keep-in-touch tiers names the tiers."
            if how_many > 1
            else "They take the tier's gaps, unless they have their own."
        )
        self.tier = QComboBox()
        self.tier.setAccessibleName("Tier")
        self.tier.addItem("No tier", None)
        for tier in ties.list_tiers():
            self.tier.addItem(
                f"{tier.name}: every {tier.ideal_days} days, at most {tier.longest_days}", tier.id
            )
            if tier.name == current:
                self.tier.setCurrentIndex(self.tier.count() - 1)
        form = QFormLayout()
        form.addRow(f"&Tier for {people}", self.tier)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText("Set tier")
        ok.setAccessibleName("Set tier")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.explanation)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.tier.setFocus()

    def chosen(self) -> Chosen:
        return Chosen(self.tier.currentData())

    @classmethod
    def choose(cls, parent, how_many: int, current: str = "") -> Chosen | None:
        """Ask; the tier chosen (perhaps none), or None when cancelled."""
        dialog = cls(parent, how_many, current)
        return dialog.chosen() if dialog.exec() == QDialog.DialogCode.Accepted else None
