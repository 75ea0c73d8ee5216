"""The person form: every field of a person, checked as you type."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QStringListModel, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QCompleter,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.core import companies, people, skills
from desktop.core.validation import ValidationError
from desktop.ui.plain import show_error
from desktop.ui.widgets.form import MessageForm
from desktop.ui.widgets.tag_edit import TagEdit

NO_DATE = QDate(1900, 1, 1)


class OptionalDateEdit(QDateEdit):
    """A date field that can also be empty: 'Not set' (its lowest value) until used.

    Opening the calendar or stepping from 'Not set' starts at today, not at the year 1900;
    Delete empties the field again.
    """

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat("yyyy-MM-dd")
        self.setMinimumDate(NO_DATE)
        self.setSpecialValueText("Not set")
        self.setDate(NO_DATE)

    def _start_today(self) -> None:
        if self.date() == NO_DATE:
            self.setDate(QDate.currentDate())

    def mousePressEvent(self, event) -> None:
        self._start_today()
        super().mousePressEvent(event)

    def stepBy(self, steps: int) -> None:
        if self.date() == NO_DATE:
            self._start_today()
            return
        super().stepBy(steps)

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Delete:
            self.setDate(NO_DATE)
            return
        super().keyPressEvent(event)


def date_of(edit: QDateEdit) -> date | None:
    value = edit.date()
    return None if value == NO_DATE else date(value.year(), value.month(), value.day())


def set_date(edit: QDateEdit, value: date | None) -> None:
    edit.setDate(QDate(value.year, value.month, value.day) if value else NO_DATE)


class PersonDialog(QDialog):
    """Add or edit one person. Saving writes through `desktop.core.people` in one go."""

    def __init__(
        self, parent: QWidget | None = None, person_id: int | None = None, company: str = ""
    ):
        super().__init__(parent)
        self.person_id = person_id
        self.saved_id: int | None = None
        self._touched: set[str] = set()
        self.setWindowTitle("Edit person" if person_id else "New person")
        self._build()
        if person_id is not None:
            self.set_data(people.get_person(person_id))
        elif company:
            self.company.setText(company)
        self._connect_checks()
        self.revalidate()
        self.name.setFocus()

    # -- layout -------------------------------------------------------------------------
    def _build(self) -> None:
        left, right = QFormLayout(), QFormLayout()
        for form in (left, right):
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.form = MessageForm(left)
        self.name = self.form.add("name", "&Name", QLineEdit())
        self.company = self.form.add("company", "&Company", QLineEdit())
        self._company_names = companies.company_names()
        completer = QCompleter(QStringListModel(self._company_names, self), self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.company.setCompleter(completer)
        self.title = self.form.add("title", "&Title", QLineEdit())
        self.role_boxes: dict[str, QCheckBox] = {}
        roles_widget = QWidget()
        grid = QGridLayout(roles_widget)
        grid.setContentsMargins(0, 0, 0, 0)
        for index, (role, label) in enumerate(people.ROLE_LABELS.items()):
            box = QCheckBox(label)
            box.setAccessibleName(label)
            self.role_boxes[role] = box
            grid.addWidget(box, index // 2, index % 2)
        self.form.add("roles", "Roles", roles_widget)
        self.email = self.form.add("email", "&Email", QLineEdit())
        self.phone = self.form.add("phone", "&Phone", QLineEdit())
        self.linkedin_url = self.form.add("linkedin_url", "&LinkedIn", QLineEdit())
        self.linkedin_url.setPlaceholderText("https://www.linkedin.com/in/…")
        self.location = self.form.add("location", "Locat&ion", QLineEdit())

        more = MessageForm(right)
        self.more_form = more
        self.how_met = more.add("how_met", "How we &met", QLineEdit())
        self.how_met.setPlaceholderText("Introduced by…, met at…")
        self.met_on = more.add("met_on", "Met o&n", OptionalDateEdit())
        self.cadence = more.add("cadence_days", "&Keep in touch", QSpinBox())
        self.cadence.setRange(0, people.MAX_CADENCE_DAYS)
        self.cadence.setSpecialValueText("Not set")
        self.cadence.setPrefix("every ")
        self.cadence.setSuffix(" days")
        known = skills.all_skill_names()
        self.offers = more.add("offers", "Skills &offered", TagEdit())
        self.seeks = more.add("seeks", "Skills &sought", TagEdit())
        for tags in (self.offers, self.seeks):
            tags.set_completions(known)
        self.notes = more.add("notes", "No&tes", QPlainTextEdit())
        self.notes.setTabChangesFocus(True)
        self.notes.setMinimumHeight(90)

        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        columns.addSpacing(12)
        columns.addLayout(right, 1)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setDefault(True)
        for button in self.buttons.buttons():
            button.setAccessibleName(button.text().replace("&", ""))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        outer = QVBoxLayout(self)
        outer.addLayout(columns)
        outer.addWidget(self.buttons)
        self.resize(860, 520)

    def _connect_checks(self) -> None:
        for key, edit in (
            ("name", self.name),
            ("company", self.company),
            ("email", self.email),
            ("linkedin_url", self.linkedin_url),
        ):
            edit.textChanged.connect(lambda _=None, k=key: self._changed(k))
        self.cadence.valueChanged.connect(lambda _=None: self._changed("cadence_days"))

    def _changed(self, key: str) -> None:
        self._touched.add(key)
        self.revalidate()

    # -- data -------------------------------------------------------------------------
    def data(self) -> people.PersonData:
        return people.PersonData(
            name=self.name.text(),
            company=self.company.text(),
            title=self.title.text(),
            email=self.email.text(),
            phone=self.phone.text(),
            linkedin_url=self.linkedin_url.text(),
            location=self.location.text(),
            how_met=self.how_met.text(),
            met_on=date_of(self.met_on),
            notes=self.notes.toPlainText(),
            roles=tuple(role for role, box in self.role_boxes.items() if box.isChecked()),
            seeks=self.seeks.tags(),
            offers=self.offers.tags(),
            cadence_days=self.cadence.value() or None,
        )

    def set_data(self, data: people.PersonData) -> None:
        self.name.setText(data.name)
        self.company.setText(data.company)
        self.title.setText(data.title)
        self.email.setText(data.email)
        self.phone.setText(data.phone)
        self.linkedin_url.setText(data.linkedin_url)
        self.location.setText(data.location)
        self.how_met.setText(data.how_met)
        set_date(self.met_on, data.met_on)
        self.notes.setPlainText(data.notes)
        for role, box in self.role_boxes.items():
            box.setChecked(role in data.roles)
        self.seeks.set_tags(data.seeks)
        self.offers.set_tags(data.offers)
        self.cadence.setValue(data.cadence_days or 0)

    def revalidate(self) -> bool:
        data = self.data()
        problems = people.validate_person(data, self.person_id)
        notes = {}
        company = " ".join(data.company.split())
        if company and companies.find_company(company) is None:
            notes["company"] = f"There is no company called '{company}' yet; saving adds it."
        self.form.show_problems(problems, self._touched, notes)
        self.more_form.show_problems(problems, self._touched)
        self.save_button.setEnabled(problems.ok)
        if not problems.ok:
            first = next(iter(problems.errors.values()))
            self.save_button.setToolTip(f"Cannot save yet: {first}")
        else:
            self.save_button.setToolTip("")
        return problems.ok

    def save(self) -> None:
        """Write the person; on a refusal keep the dialog open with everything typed."""
        self.offers.commit_pending()
        self.seeks.commit_pending()
        data = self.data()
        try:
            if self.person_id is None:
                self.saved_id = people.create_person(data)
            else:
                people.update_person(self.person_id, data)
                self.saved_id = self.person_id
        except ValidationError:
            self._touched.update(("name", "email", "linkedin_url", "cadence_days"))
            self.revalidate()
            return
        except Exception as exc:  # a database refusal: say so, keep what was typed
            show_error(self, "Could not save", f"The person was not saved: {exc}")
            return
        self.accept()

    @classmethod
    def edit(
        cls, parent: QWidget | None, person_id: int | None = None, company: str = ""
    ) -> int | None:
        """Open the form; returns the saved person's id, or None if cancelled."""
        dialog = cls(parent, person_id, company)
        return dialog.saved_id if dialog.exec() == QDialog.DialogCode.Accepted else None
