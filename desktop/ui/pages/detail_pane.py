"""A scrolling pane of labelled, plain-text facts with optional link buttons."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.models.timeline_model import TimelineModel
from desktop.ui.plain import heading, open_link, plain_label, tooltip
from desktop.ui.widgets.timeline_delegate import timeline_view


class DetailPane(QScrollArea):
    """Title, subtitle and a form of facts; rows with no value are hidden."""

    def __init__(self, placeholder: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setMinimumWidth(260)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        body = QWidget()
        self.body = QVBoxLayout(body)
        self.placeholder = plain_label(placeholder)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title = heading("", 1.35)
        self.subtitle = plain_label()
        self.button_row = QHBoxLayout()
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.body.addWidget(self.placeholder)
        self.body.addWidget(self.title)
        self.body.addWidget(self.subtitle)
        self.body.addLayout(self.button_row)
        self.body.addSpacing(8)
        self.body.addLayout(self.form)
        self.body.addStretch(1)
        self._values: dict[str, QLabel] = {}
        self._links: dict[str, tuple[QToolButton, str]] = {}
        self.setWidget(body)

    def add_fact(self, key: str, label: str, link_text: str = "", on_link=None) -> None:
        """A labelled value; with *link_text*, a button that opens the link set with the
        value (or calls *on_link* instead)."""
        value = plain_label()
        # Ignored width: long values wrap (or clip, for one long word) instead of widening.
        value.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        value.setObjectName(f"fact_{key}")
        value.setAccessibleName(label)
        row: QWidget | QLabel = value
        if link_text:
            row = QWidget()
            line = QHBoxLayout(row)
            line.setContentsMargins(0, 0, 0, 0)
            line.addWidget(value, 1)
            button = QToolButton()
            button.setText(link_text)
            button.setAccessibleName(link_text)
            button.clicked.connect(on_link or (lambda: open_link(self._links[key][1])))
            line.addWidget(button)
            self._links[key] = (button, "")
        self.form.addRow(label, row)
        self._values[key] = value

    def add_section(self, widget: QWidget, stretch: int = 0) -> None:
        """Add a widget below the facts (before the closing stretch)."""
        self.body.insertWidget(self.body.count() - 1, widget, stretch)

    def value(self, key: str) -> QLabel:
        return self._values[key]

    def set_fact(self, key: str, text: str, link: str = "") -> None:
        self._values[key].setText(text)
        self._values[key].setToolTip(tooltip(text) if len(text) > 30 else "")
        value = self._values[key]
        row = value if key not in self._links else value.parentWidget()
        self.form.setRowVisible(
            row if row is not None else value,
            bool(text),
        )
        if key in self._links:
            button, _ = self._links[key]
            self._links[key] = (button, link)
            button.setEnabled(bool(link))

    def show_placeholder(self, shown: bool) -> None:
        self.placeholder.setVisible(shown)
        for widget in (self.title, self.subtitle):
            widget.setVisible(not shown)
        for index in range(self.button_row.count()):
            item = self.button_row.itemAt(index)
            button = item.widget() if item is not None else None
            if button is not None:
                button.setVisible(not shown)
        if shown:
            for key in self._values:
                self.set_fact(key, "")


class PaneTimeline:
    """A pane's own short timeline: the timeline model, filtered to one person or company."""

    def __init__(self, pane: DetailPane, show_all) -> None:
        self.heading = heading("", 1.1)
        self.model = TimelineModel(pane)
        self.view = timeline_view(self.model, "Actions")
        self.view.setMinimumHeight(220)
        self.all_button = QToolButton()
        self.all_button.setText("Show in timeline")
        self.all_button.setAccessibleName("Show in timeline")
        self.all_button.clicked.connect(show_all)
        line = QWidget()
        row = QHBoxLayout(line)
        row.setContentsMargins(0, 8, 0, 0)
        row.addWidget(self.heading, 1)
        row.addWidget(self.all_button)
        pane.add_section(line)
        pane.add_section(self.view, 100)
        self._line = line

    def show_for(self, flt) -> None:
        shown = flt is not None
        self._line.setVisible(shown)
        self.view.setVisible(shown)
        if not shown:
            return
        self.model.set_filter(flt)
        total = self.model.total()
        self.heading.setText(f"Actions ({total:,})" if total else "No actions logged yet")
        self.all_button.setEnabled(total > 0)
        self.view.setVisible(total > 0)  # nothing logged: the heading says so, no empty box
