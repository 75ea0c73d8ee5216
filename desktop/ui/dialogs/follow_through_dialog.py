"""After a 'not selected': offer to refer others forward, thank and keep in touch."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core import follow_through
from desktop.core.follow_through import Suggestion
from desktop.ui import errors
from desktop.ui.plain import counted, heading, plain_label, short, tooltip

SUGGESTION_ROLE = Qt.ItemDataRole.UserRole


class FollowThroughDialog(QDialog):
    """Checkable suggestions in three groups; each checked one becomes a given action.

    'Not now' closes it for good for this opportunity (the offer is made once); the
    opportunity's 'Refer forward…' button brings it back on purpose.
    """

    def __init__(self, parent: QWidget | None, opportunity_id: int):
        super().__init__(parent)
        self.opportunity_id = opportunity_id
        self.logged: list[int] = []
        self.offer = follow_through.offer(opportunity_id)
        self.setWindowTitle("Keep giving")
        self.heading = heading(f"Not selected for {short(self.offer.title, 60)}", 1.2)
        self.explanation = plain_label(
            "The need behind this role is still there, and the people you met are worth "
            "keeping. Tick what you have done or are doing now: each becomes an action on "
            "your timeline, dated today."
        )
        self.list = QTreeWidget()
        self.list.setAccessibleName("Suggestions")
        self.list.setHeaderLabels(["What to do", "Why"])
        self.list.setColumnWidth(0, 500)
        self.list.header().setStretchLastSection(True)
        self.list.setMinimumHeight(240)
        groups = (
            ("Refer someone who could fill the need", self.offer.referrals, False),
            ("Thank the interviewers", self.offer.thanks, True),
            ("Stay in touch", self.offer.keep_in_touch, True),
        )
        for title, suggestions, checked in groups:
            if not suggestions:
                continue
            group = QTreeWidgetItem([title])
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            font = group.font(0)
            font.setBold(True)
            group.setFont(0, font)
            self.list.addTopLevelItem(group)
            for suggestion in suggestions:
                item = QTreeWidgetItem([suggestion.summary, suggestion.why])
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(0, Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
                item.setData(0, SUGGESTION_ROLE, suggestion)
                item.setToolTip(0, tooltip(suggestion.summary))
                item.setToolTip(1, tooltip(suggestion.why))
                group.addChild(item)
            group.setExpanded(True)
        self.note = plain_label(self.offer.note)
        self.note.setVisible(bool(self.offer.note))
        self.buttons = QDialogButtonBox()
        self.log_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.not_now_button = self.buttons.addButton(
            "Not now", QDialogButtonBox.ButtonRole.RejectRole
        )
        self.not_now_button.setToolTip(
            "Close without logging; 'Refer forward…' on the opportunity brings this back."
        )
        self.not_now_button.setAccessibleName("Not now")
        self.buttons.accepted.connect(self._log)
        self.buttons.rejected.connect(self.reject)
        self.list.itemChanged.connect(lambda *_: self._update_button())
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.explanation)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.note)
        layout.addWidget(self.buttons)
        self.resize(900, 460)
        self._update_button()
        if self.list.topLevelItemCount() == 0:
            self.list.hide()

    def chosen(self) -> list[Suggestion]:
        found = []
        for g in range(self.list.topLevelItemCount()):
            group = self.list.topLevelItem(g)
            assert group is not None  # g is in range
            for c in range(group.childCount()):
                item = group.child(c)
                assert item is not None  # c is in range
                if item.checkState(0) == Qt.CheckState.Checked:
                    found.append(item.data(0, SUGGESTION_ROLE))
        return found

    def _update_button(self) -> None:
        n = len(self.chosen())
        self.log_button.setText(f"Log {counted(n, 'action')}" if n else "Log actions")
        self.log_button.setAccessibleName(self.log_button.text())
        self.log_button.setEnabled(n > 0)

    def _log(self) -> None:
        chosen = self.chosen()

        def log() -> None:
            self.logged = follow_through.accept(self.opportunity_id, chosen)

        if errors.attempt(  # refused: say why, keep the choices
            self,
            log,
            doing="logging the actions",
            failed="Nothing was logged",
            title="Could not log",
        ):
            self.accept()

    def reject(self) -> None:
        """'Not now' or Esc: remember the offer was made; nothing is logged. If that cannot
        be remembered (a full disk), the reason is shown and the dialog closes all the
        same: the offer just comes again next time."""
        errors.attempt(
            self,
            lambda: follow_through.dismiss(self.opportunity_id),
            doing="putting the offer aside",
            failed="Reciprocity could not note that the offer was put aside",
        )
        super().reject()

    @classmethod
    def offer_once(cls, parent: QWidget | None, opportunity_id: int) -> list[int] | None:
        """Open the offer if it is due; returns the logged action ids, or None if the offer
        was not due or was put aside."""
        if not follow_through.is_due(opportunity_id):
            return None
        return cls.run(parent, opportunity_id)

    @classmethod
    def run(cls, parent: QWidget | None, opportunity_id: int) -> list[int] | None:
        dialog = cls(parent, opportunity_id)
        return dialog.logged if dialog.exec() == QDialog.DialogCode.Accepted else None
