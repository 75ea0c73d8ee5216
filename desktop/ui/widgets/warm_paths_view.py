"""Warm paths on a pane: who I know at the company, now, before, or through someone, each
with the reason and what we have done for each other; and asking one of them for an
introduction."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core import warm_paths
from desktop.core.warm_paths import WarmPath, WarmPaths
from desktop.ui.plain import heading, plain_label, push_button, tooltip
from desktop.ui.read_only import mark_writes

#: Rows listed at most; the heading counts them all.
SHOWN = 200
#: Rows the list is tall enough for before it scrolls.
TALL = 12
_PERSON = Qt.ItemDataRole.UserRole


class WarmPathsView(QWidget):
    """Open with `show_company(id)`. Enter (or a double click) on a person asks to show
    them; the button (Alt+I) asks to log an introduction request to the selected one."""

    person_activated = Signal(int)
    #: {person_id, company_id, need_id, opportunity_id}: what the request is about.
    introduction_requested = Signal(dict)

    def __init__(self, parent: QWidget | None = None, *, explain_empty: bool = True):
        """*explain_empty*: say how paths are made when there are none (on the dossier;
        a need or an opportunity keeps its room for its own lists, and says it in the
        heading's tooltip)."""
        super().__init__(parent)
        self.explain_empty = explain_empty
        self.heading = heading("", 1.1)
        self.rule = plain_label()
        self.rule.setAccessibleName("How the company is matched")
        self.rule.setWordWrap(True)
        self.empty = plain_label()
        self.empty.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setAccessibleName("Warm paths")
        # Two columns, the reason over the give and take: a pane is narrow.
        self.tree.setHeaderLabels(["Person", "Why"])
        self.tree.setRootIsDecorated(False)
        self.tree.setIndentation(8)  # the headings need little; a pane has little room
        self.tree.setWordWrap(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.tree.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.tree.itemActivated.connect(self._activated)
        self.tree.currentItemChanged.connect(lambda *_: self._enable())
        header = self.tree.header()
        header.setStretchLastSection(True)
        header.resizeSection(0, 120)
        self.ask_button = push_button("As&k for an introduction…")
        self.ask_button.setToolTip(
            "Log that you asked the selected person for an introduction, with a follow-up in a week"
        )
        self.ask_button.clicked.connect(self._ask)
        mark_writes(self.ask_button)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.ask_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.rule)
        layout.addWidget(self.empty)
        layout.addWidget(self.tree)
        layout.addLayout(buttons)
        self._company_id: int | None = None
        self._about: dict[str, int | None] = {}
        self.found: WarmPaths | None = None

    def show_company(
        self,
        company_id: int | None,
        *,
        need_id: int | None = None,
        opportunity_id: int | None = None,
    ) -> None:
        """The paths in at *company_id*; a request logged from here is about the need or
        opportunity given, too."""
        self._company_id = company_id
        self._about = {"need_id": need_id, "opportunity_id": opportunity_id}
        self.tree.clear()
        self.setVisible(company_id is not None)
        if company_id is None:
            self.found = None
            return
        found = self.found = warm_paths.warm_paths(company_id)
        total = len(found.paths)
        self.heading.setText(f"Warm paths ({total:,})" if total else "No warm paths yet")
        self.heading.setToolTip(
            tooltip(
                "People who work there now, who worked there before, and who know someone"
                " there: those you and they have helped first."
            )
        )
        self.rule.setText(found.rule_words())
        self.rule.setVisible(bool(self.rule.text()))
        self.empty.setText(
            f"No one you know works at {found.company}, worked there or knows someone there"
            " yet. A person's company and their earlier positions make the paths; so do"
            " referrals and introductions you log."
        )
        self.empty.setVisible(not total and self.explain_empty)
        if not total:
            self.heading.setToolTip(tooltip(self.empty.text()))
        self.tree.setVisible(bool(total))
        group: QTreeWidgetItem | None = None
        for path in found.paths[:SHOWN]:
            if group is None or group.data(0, _PERSON) != path.kind:
                group = self._group(path.kind, found.count(path.kind))
            self._row(group, path)
        self.tree.expandAll()
        if total > SHOWN:
            more = QTreeWidgetItem(self.tree, [f"and {total - SHOWN:,} more", ""])
            more.setFlags(Qt.ItemFlag.ItemIsEnabled)
        self._fit()
        first = self._first_person()
        if first is not None:
            self.tree.setCurrentItem(first)
        self._enable()

    def _fit(self) -> None:
        """As tall as its rows, up to TALL lines of them; then it scrolls."""
        height = 2 * self.tree.frameWidth() + self.tree.header().sizeHint().height()
        lines = 0
        item = self.tree.topLevelItem(0)
        while item is not None and lines < TALL:
            height += max(
                self.tree.sizeHintForIndex(self.tree.indexFromItem(item, column)).height()
                for column in (0, 1)
            )
            lines += 1 if item.parent() is None else 2  # a heading, or a person's two lines
            item = self.tree.itemBelow(item)
        self.tree.setFixedHeight(height)

    def _group(self, kind: str, count: int) -> QTreeWidgetItem:
        item = QTreeWidgetItem(self.tree, [f"{warm_paths.KIND_WORDS[kind]} ({count:,})", ""])
        item.setData(0, _PERSON, kind)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled)  # a heading, not a choice
        item.setFirstColumnSpanned(True)
        font = item.font(0)
        font.setBold(True)
        item.setFont(0, font)
        return item

    def _row(self, group: QTreeWidgetItem, path: WarmPath) -> None:
        balance = path.balance_words()
        item = QTreeWidgetItem(group, [path.name, f"{path.reason}\n{balance}"])
        item.setData(1, _PERSON, path.person_id)
        last = f"\nLast contact: {path.last_contact}" if path.last_contact else ""
        item.setToolTip(0, tooltip(path.name))
        item.setToolTip(1, tooltip(f"{path.reason}\n{balance}{last}"))

    def _first_person(self) -> QTreeWidgetItem | None:
        for index in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(index)
            if group is not None and group.childCount():
                return group.child(0)
        return None

    def selected_person(self) -> int | None:
        item = self.tree.currentItem()
        found = item.data(1, _PERSON) if item is not None else None
        return int(found) if found is not None else None

    def _enable(self) -> None:
        self.ask_button.setEnabled(self.selected_person() is not None)
        self.ask_button.setVisible(bool(self.found and self.found.paths))

    def _activated(self, item: QTreeWidgetItem) -> None:
        person_id = item.data(1, _PERSON)
        if person_id is not None:
            self.person_activated.emit(int(person_id))

    def _ask(self) -> None:
        person_id = self.selected_person()
        if person_id is not None and self._company_id is not None:
            self.introduction_requested.emit(
                {"person_id": person_id, "company_id": self._company_id, **self._about}
            )
