"""The person form: every field of a person, checked as you type."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGridLayout,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from desktop.core import companies, people, skills
from desktop.core.validation import Problems
from desktop.ui.dialogs.record_dialog import RecordDialog
from desktop.ui.widgets.completion import word_completer
from desktop.ui.widgets.date_edit import OptionalDateEdit
from desktop.ui.widgets.form import MessageForm
from desktop.ui.widgets.tag_edit import TagEdit


class PersonDialog(RecordDialog):
    """Add or edit one person. Saving writes through `desktop.core.people` in one go."""

    noun = "person"

    def __init__(
        self, parent: QWidget | None = None, person_id: int | None = None, company: str = ""
    ):
        super().__init__(parent, person_id)
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
        self.company.setCompleter(
            word_completer(self, companies.company_names(), self.company.setText)
        )
        self.title = self.form.add("title", "T&itle", QLineEdit())
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
        self.location = self.form.add("location", "Loc&ation", QLineEdit())

        more = MessageForm(right)
        self.more_form = more
        self.forms += [self.form, more]
        self.how_met = more.add("how_met", "How we &met", QLineEdit())
        self.how_met.setPlaceholderText("Introduced by…, met at…")
        self.met_on = more.add("met_on", "&When we met", OptionalDateEdit())
        self.cadence = more.add("cadence_days", "&Keep in touch", QSpinBox())
        self.cadence.setRange(0, people.MAX_CADENCE_DAYS)
        self.cadence.setSpecialValueText("Not set")
        self.cadence.setPrefix("every ")
        self.cadence.setSuffix(" days")
        self.cadence.valueChanged.connect(
            lambda days: self.cadence.setSuffix(" day" if days == 1 else " days")
        )
        known = skills.all_skill_names()
        self.offers = more.add("offers", "Skills &offered", TagEdit())
        self.seeks = more.add("seeks", "Skills &sought", TagEdit())
        for tags in (self.offers, self.seeks):
            tags.set_completions(known)
        self.notes_edit = more.add("notes", "No&tes", QPlainTextEdit())
        self.notes_edit.setTabChangesFocus(True)
        self.notes_edit.setMinimumHeight(90)

        self.lay_out(left, right)
        self.resize(860, 520)

    def _connect_checks(self) -> None:
        for key, edit in (
            ("name", self.name),
            ("company", self.company),
            ("email", self.email),
            ("linkedin_url", self.linkedin_url),
        ):
            self.watch(key, edit.textChanged)
        self.watch("cadence_days", self.cadence.valueChanged)

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
            met_on=self.met_on.value(),
            notes=self.notes_edit.toPlainText(),
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
        self.met_on.set_value(data.met_on)
        self.notes_edit.setPlainText(data.notes)
        for role, box in self.role_boxes.items():
            box.setChecked(role in data.roles)
        self.seeks.set_tags(data.seeks)
        self.offers.set_tags(data.offers)
        self.cadence.setValue(data.cadence_days or 0)

    def record_name(self) -> str:
        return self.name.text().strip() or f"this {self.noun}"

    def problems(self) -> Problems:
        return people.validate_person(self.data(), self.record_id)

    def notes(self) -> dict[str, str]:
        company = " ".join(self.company.text().split())
        if company and companies.find_company(company) is None:
            return {"company": f"There is no company called '{company}' yet; saving adds it."}
        return {}

    def before_save(self) -> None:
        self.offers.commit_pending()
        self.seeks.commit_pending()

    def write(self) -> int:
        if self.record_id is None:
            return people.create_person(self.data())
        people.update_person(self.record_id, self.data())
        return self.record_id
