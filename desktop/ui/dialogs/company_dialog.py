"""The company form, checked as you type."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from desktop.core import companies
from desktop.core.validation import Problems
from desktop.ui.dialogs.record_dialog import RecordDialog
from desktop.ui.widgets.form import MessageForm


class CompanyDialog(RecordDialog):
    """Add or edit one company."""

    noun = "company"

    def __init__(self, parent: QWidget | None = None, company_id: int | None = None):
        super().__init__(parent, company_id)
        layout = QFormLayout()
        layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form = MessageForm(layout)
        self.forms.append(form)
        self.form = form
        self.name = form.add("name", "&Name", QLineEdit())
        self.website = form.add("website", "&Website", QLineEdit())
        self.website.setPlaceholderText("https://…")
        self.industry = form.add("industry", "&Industry", QLineEdit())
        self.location = form.add("location", "&Location", QLineEdit())
        self.is_target = QCheckBox("A company I want to work for")
        form.add("is_target", "&Target", self.is_target)
        self.notes_edit = form.add("notes", "N&otes", QPlainTextEdit())
        self.notes_edit.setTabChangesFocus(True)
        self.lay_out(layout)
        self.resize(520, 420)
        if company_id is not None:
            self.set_data(companies.get_company(company_id))
        self.watch("name", self.name.textChanged)
        self.watch("website", self.website.textChanged)
        self.revalidate()
        self.name.setFocus()

    def data(self) -> companies.CompanyData:
        return companies.CompanyData(
            name=self.name.text(),
            website=self.website.text(),
            industry=self.industry.text(),
            location=self.location.text(),
            notes=self.notes_edit.toPlainText(),
            is_target=self.is_target.isChecked(),
        )

    def notes(self) -> dict[str, str]:
        note = self.address_note(self.website.text())
        return {"website": note} if note else {}

    def set_data(self, data: companies.CompanyData) -> None:
        self.name.setText(data.name)
        self.website.setText(data.website)
        self.industry.setText(data.industry)
        self.location.setText(data.location)
        self.notes_edit.setPlainText(data.notes)
        self.is_target.setChecked(data.is_target)

    def record_name(self) -> str:
        return self.name.text().strip() or f"this {self.noun}"

    def problems(self) -> Problems:
        return companies.validate_company(self.data(), self.record_id)

    def write(self) -> int:
        if self.record_id is None:
            return companies.create_company(self.data())
        companies.update_company(self.record_id, self.data())
        return self.record_id
