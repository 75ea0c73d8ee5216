"""The person pane's tie strength: the level, and beside it each input it comes from."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from desktop.core import tie_strength
from desktop.ui.plain import heading, plain_label, tooltip

EXPLANATION = (
    "Worked out from how recent and how frequent your contact is, whether help goes both"
    " ways, how soon it comes back, and the companies you share."
)

PARTS = ("How recent", "How often", "Both ways", "Help came back", "Shared companies")


class TieSection(QWidget):
    """'Tie strength: Moderate', then how recent, how often, both ways, how soon help
    came back and the shared companies, each in words. Never the level alone."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.heading = heading("", 1.1)
        self.heading.setAccessibleDescription(EXPLANATION)
        self.heading.setToolTip(tooltip(EXPLANATION))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(self.heading)
        # One wrapped line a part, 'How recent: …': labels side by side in a form of their
        # own were laid out for the wrong width and clipped their second lines.
        self.parts: dict[str, QLabel] = {}
        self._words: dict[str, str] = {}
        for what in PARTS:
            value = plain_label()
            # Ignored width: long values wrap instead of widening the pane.
            value.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            value.setAccessibleName(what)
            layout.addWidget(value)
            self.parts[what] = value
        self.level = ""

    def show_for(self, person_id: int | None, today: date) -> None:
        """The tie with this person as of *today*; hidden for none."""
        self.setVisible(person_id is not None)
        if person_id is None:
            return
        found = tie_strength.tie_strength(person_id, today)
        self.level = found.level
        self.heading.setText(f"Tie strength: {found.level}")
        for what, words in found.parts():
            self._words[what] = words
            self.parts[what].setText(f"{what}: {words}")
            self.parts[what].setAccessibleDescription(words)

    def texts(self) -> dict[str, str]:
        """What the section says, part by part (for tests and screen readers alike)."""
        return dict(self._words)
