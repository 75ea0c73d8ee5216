"""Whom to export: everyone, the people the People page lists now, or the one selected."""

from __future__ import annotations

from PySide6.QtWidgets import QButtonGroup, QDialog, QDialogButtonBox, QRadioButton, QVBoxLayout

from desktop.core import people
from desktop.ui.plain import counted, plain_label


def _literal(text: str) -> str:
    """User text in a button label: an & is shown, not taken as a shortcut key."""
    return text.strip().replace("&", "&&")


class PeopleChoice(QDialog):
    """Offers only the choices that differ from everyone; `chosen()` gives the ids."""

    def __init__(self, parent, shown: list[int], search: str, selected: int | None):
        super().__init__(parent)
        self.setWindowTitle("Export vCard contacts")
        everyone = people.person_ids()
        self.choices: list[tuple[QRadioButton, list[int]]] = []
        self.group = QButtonGroup(self)
        layout = QVBoxLayout(self)
        layout.addWidget(plain_label("Whom should the vCard file hold?"))
        self._offer(layout, f"&Everyone ({counted(len(everyone), 'person', 'people')})", everyone)
        if search.strip() and 0 < len(shown) < len(everyone):
            self._offer(
                layout,
                f"The {counted(len(shown), 'person', 'people')} &found by “{_literal(search)}”",
                shown,
            )
        if selected is not None and len(everyone) > 1:
            name = people.get_person(selected).name
            self._offer(layout, f"&Only {_literal(name)}, selected on the People page", [selected])
        self.choices[0][0].setChecked(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("E&xport…")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _offer(self, layout: QVBoxLayout, label: str, ids: list[int]) -> None:
        button = QRadioButton(label)
        self.group.addButton(button)
        layout.addWidget(button)
        self.choices.append((button, ids))

    def chosen(self) -> list[int]:
        return next(ids for button, ids in self.choices if button.isChecked())

    @classmethod
    def ask(cls, parent, shown: list[int], search: str, selected: int | None) -> list[int] | None:
        """The ids to export; None if cancelled. Asks only when there is a choice."""
        dialog = cls(parent, shown, search, selected)
        if len(dialog.choices) == 1:
            return dialog.chosen()
        return dialog.chosen() if dialog.exec() == QDialog.DialogCode.Accepted else None
