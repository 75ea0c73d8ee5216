"""The action form: log a service given or received in a few keystrokes."""

from __future__ import annotations

from datetime import date
from typing import cast

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QWidget,
)

from desktop.core import actions, companies, logbook, people
from desktop.core.validation import Problems
from desktop.ui import plain
from desktop.ui.dialogs.record_dialog import RecordDialog
from desktop.ui.icons import icon
from desktop.ui.widgets.completion import word_completer
from desktop.ui.widgets.date_edit import OptionalDateEdit
from desktop.ui.widgets.form import MessageForm
from desktop.ui.widgets.person_picker import PersonPicker

WEIGHTS = ("1 — a small favour", "2 — real effort", "3 — made a difference")


class ActionDialog(RecordDialog):
    """With whom, which way, what kind, one line of summary; Enter saves. Ctrl+D flips
    the direction. A name nobody has yet is added as a new person (after asking)."""

    noun = "action"

    def __init__(
        self,
        parent: QWidget | None = None,
        action_id: int | None = None,
        *,
        counterpart_id: int | None = None,
        company_id: int | None = None,
        need_id: int | None = None,
        opportunity_id: int | None = None,
        beneficiary_id: int | None = None,
        direction: str = "given",
        kind: str = "check_in",
        prefill: actions.ActionData | None = None,
    ):
        super().__init__(parent, action_id)
        self._auto_company = ""  # the company filled in from the person, not typed
        self._build()
        if action_id is not None:
            self.set_data(actions.get_action(action_id))
        elif prefill is not None:  # a whole action offered, to save as it is or change
            self.set_data(prefill)
        else:
            self.set_data(
                actions.ActionData(
                    occurred_on=date.today(),
                    direction=direction,
                    kind=kind,
                    counterpart_id=counterpart_id,
                    beneficiary_id=beneficiary_id,
                    company_id=company_id,
                    need_id=need_id,
                    opportunity_id=opportunity_id,
                )
            )
        self.counterpart.person_changed.connect(self._counterpart_changed)
        if action_id is None and company_id is None and prefill is None:
            self._counterpart_changed()
        for key, signal in (
            ("counterpart_id", self.counterpart.person_changed),
            ("beneficiary_id", self.beneficiary.person_changed),
            ("summary", self.summary.textChanged),
            ("company_id", self.company.textChanged),
        ):
            self.watch(key, signal)
        self.company.textChanged.connect(self._fill_company_lists)
        self.revalidate()
        offered = prefill is not None or counterpart_id
        (self.summary if offered and action_id is None else self.counterpart).setFocus()

    # -- layout -------------------------------------------------------------------------
    def _build(self) -> None:
        left, right = QFormLayout(), QFormLayout()
        main, more = MessageForm(left), MessageForm(right)
        self.forms += [main, more]
        self.form, self.more_form = main, more
        self.counterpart = main.add("counterpart_id", "&With", PersonPicker())
        self.counterpart.installEventFilter(self)  # Enter on a new name goes on to the kind
        self.kind = main.add("kind", "&Kind", QComboBox())
        for kind, label in actions.KIND_LABELS.items():
            self.kind.addItem(icon(f"kind-{kind}"), label, kind)
        self.summary = main.add("summary", "&Summary", QLineEdit())
        self.summary.setPlaceholderText("One line: what happened")
        # After the summary, not before the kind: logging quickly is person, Tab, kind, Tab,
        # summary, Enter; given by me is the usual way, and Ctrl+D flips it.
        direction = QWidget()
        row = QHBoxLayout(direction)
        row.setContentsMargins(0, 0, 0, 0)
        self.given = QRadioButton("&Given by me")
        self.received = QRadioButton("&Received by me")
        self.directions = QButtonGroup(self)
        for button in (self.given, self.received):
            button.setAccessibleName(button.text().replace("&", ""))
            self.directions.addButton(button)
            row.addWidget(button)
        row.addStretch(1)
        main.add("direction", "Direction", direction)
        self.flip_shortcut = QShortcut(QKeySequence("Ctrl+D"), self)
        self.flip_shortcut.activated.connect(self.flip_direction)
        self.occurred_on = main.add("occurred_on", "&Date", OptionalDateEdit(optional=False))
        self.weight = main.add("weight", "W&eight", QComboBox())
        for number, label in enumerate(WEIGHTS, start=1):
            self.weight.addItem(label, number)
        self.follow_up_on = main.add(
            "follow_up_on", "&Follow up on", OptionalDateEdit(lean="future")
        )

        self.beneficiary = more.add("beneficiary_id", "For w&hom", PersonPicker())
        self.beneficiary.setPlaceholderText("Whom it helped, if someone else (optional)")
        self.company = more.add("company_id", "&Company", QLineEdit())
        self.company.setPlaceholderText("Optional")
        self.company.setCompleter(
            word_completer(self, companies.company_names(), self.company.setText)
        )
        self.need = more.add("need_id", "&Need", QComboBox())
        self.opportunity = more.add("opportunity_id", "&Opportunity", QComboBox())
        self.notes_edit = more.add("notes", "No&tes", QPlainTextEdit())
        self.notes_edit.setTabChangesFocus(True)

        self.lay_out(left, right)
        self.resize(880, 420)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Enter on a typed name, before there is a summary, moves on to the kind (a name
        nobody has yet is added, after asking, when the form is saved) rather than trying
        to save a form still being filled in."""
        if (
            watched is self.counterpart
            and event.type() == QEvent.Type.KeyPress
            and cast(QKeyEvent, event).key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and self.counterpart.typed_name()
            and not self.summary.text().strip()
        ):
            self.counterpart.resolve()  # a name typed out in full is that person
            self.kind.setFocus(Qt.FocusReason.TabFocusReason)
            return True
        return super().eventFilter(watched, event)

    # -- data ---------------------------------------------------------------------------
    def _company_id(self) -> int | None:
        name = self.company.text().strip()
        return companies.find_company(name) if name else None

    def _fill_company_lists(self) -> None:
        company_id = self._company_id()
        for combo, rows in (
            (self.need, companies.needs_of(company_id) if company_id else []),
            (self.opportunity, companies.opportunities_of(company_id) if company_id else []),
        ):
            keep = combo.currentData()
            combo.clear()
            combo.addItem("None", None)
            for item_id, title in rows:
                combo.addItem(title, item_id)
            combo.setCurrentIndex(max(0, combo.findData(keep)))
            combo.setEnabled(bool(rows))

    def _counterpart_changed(self) -> None:
        """Fill the company from the person, unless the user typed one of their own."""
        person_id = self.counterpart.person_id()
        typed = self.company.text().strip()
        if person_id and (not typed or typed == self._auto_company):
            company = people.get_person(person_id).company
            self._auto_company = company
            self.company.setText(company)

    def flip_direction(self) -> None:
        (self.received if self.given.isChecked() else self.given).setChecked(True)

    def data(self) -> actions.ActionData:
        return actions.ActionData(
            # Not a date yet: the field says so and keeps Save from running.
            occurred_on=self.occurred_on.value() or date.today(),
            direction="received" if self.received.isChecked() else "given",
            kind=self.kind.currentData(),
            counterpart_id=self.counterpart.person_id(),
            beneficiary_id=self.beneficiary.person_id(),
            company_id=self._company_id(),
            need_id=self.need.currentData(),
            opportunity_id=self.opportunity.currentData(),
            summary=self.summary.text(),
            notes=self.notes_edit.toPlainText(),
            weight=self.weight.currentData(),
            follow_up_on=self.follow_up_on.value(),
        )

    def set_data(self, data: actions.ActionData) -> None:
        self.occurred_on.set_value(data.occurred_on)
        (self.received if data.direction == "received" else self.given).setChecked(True)
        self.kind.setCurrentIndex(max(0, self.kind.findData(data.kind)))
        self.counterpart.set_person(data.counterpart_id)
        self.beneficiary.set_person(data.beneficiary_id)
        self.company.setText(companies.get_company(data.company_id).name if data.company_id else "")
        self._fill_company_lists()
        self.need.setCurrentIndex(max(0, self.need.findData(data.need_id)))
        self.opportunity.setCurrentIndex(max(0, self.opportunity.findData(data.opportunity_id)))
        self.summary.setText(data.summary)
        self.notes_edit.setPlainText(data.notes)
        self.weight.setCurrentIndex(max(0, self.weight.findData(data.weight)))
        self.follow_up_on.set_value(data.follow_up_on)

    def record_name(self) -> str:
        return self.summary.text().strip() or "this action"

    def _new_names(self) -> tuple[str, str]:
        """Names typed for people nobody has yet."""
        counterpart_id, beneficiary_id = self.counterpart.resolve(), self.beneficiary.resolve()
        return (
            self.counterpart.typed_name() if counterpart_id is None else "",
            self.beneficiary.typed_name() if beneficiary_id is None else "",
        )

    def problems(self) -> Problems:
        problems = actions.validate_action(self.data())
        new_counterpart, new_beneficiary = (
            self.counterpart.typed_name() if self.counterpart.person_id() is None else "",
            self.beneficiary.typed_name() if self.beneficiary.person_id() is None else "",
        )
        for key, name in (("counterpart_id", new_counterpart), ("beneficiary_id", new_beneficiary)):
            if not name:
                continue
            problems.errors.pop(key, None)
            namesakes = len(people.people_named(name))
            if namesakes > 1:
                problems.errors[key] = (
                    f"{namesakes} people are called {name}; pick one from the suggestions."
                )
        company = self._new_company()
        if company:
            company_problems = companies.validate_company(companies.CompanyData(name=company))
            if "name" in company_problems.errors:
                problems.errors["company_id"] = company_problems.errors["name"]
        return problems

    def _new_company(self) -> str:
        """A typed company name nobody has yet (saving offers to add it)."""
        name = " ".join(self.company.text().split())
        return name if name and self._company_id() is None else ""

    def notes(self) -> dict[str, str]:
        remarks = {}
        if company := self._new_company():
            remarks["company_id"] = f"There is no company called '{company}' yet; saving adds it."
        pickers = (("counterpart_id", self.counterpart), ("beneficiary_id", self.beneficiary))
        for key, picker in pickers:
            if picker.person_id() is None and picker.typed_name():
                name = picker.typed_name()
                if people.people_named(name):
                    continue
                remarks[key] = f"{name} is not in your network yet; saving adds them."
        return remarks

    def confirm_save(self) -> bool:
        """Ask before adding the people and the company typed that nobody has yet."""
        for name in self._new_names():
            if name and not plain.confirm(
                self, "Add a person", f"Add {plain.short(name)} to your network as a new person?"
            ):
                return False
        new_company = self._new_company()
        return not new_company or plain.confirm(
            self, "Add a company", f"Add {plain.short(new_company)} as a new company?"
        )

    def write(self) -> int:
        new_counterpart, new_beneficiary = self._new_names()
        new_company = self._new_company()
        return logbook.log_action(
            self.data(),
            action_id=self.record_id,
            new_counterpart=new_counterpart,
            new_beneficiary=new_beneficiary,
            new_company=new_company,
        )
