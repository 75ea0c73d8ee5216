"""The company form, checked as you type."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from desktop.core import companies, company_names
from desktop.core.validation import Problems
from desktop.ui.dialogs.record_dialog import RecordDialog
from desktop.ui.plain import tooltip
from desktop.ui.widgets.form import MessageForm
from desktop.ui.widgets.tag_edit import TagEdit


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
        self.aliases = form.add("aliases", "Also &known as", TagEdit())
        self.aliases.setToolTip(
            tooltip(
                "Other names it goes by (Facebook for Meta): people at those count as"
                " warm paths here, and a re-import showing one is no move."
            )
        )
        self.notes_edit = form.add("notes", "N&otes", QPlainTextEdit())
        self.notes_edit.setTabChangesFocus(True)
        self.lay_out(layout)
        self.resize(520, 420)
        if company_id is not None:
            self.set_data(companies.get_company(company_id))
            self.aliases.set_tags(company_names.aliases_of(company_id))
        self.watch("name", self.name.textChanged)
        self.watch("aliases", self.aliases.tags_changed)
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
        problems = companies.validate_company(self.data(), self.record_id)
        named = company_names.alias_problems(self.aliases.tags(), self.name.text(), self.record_id)
        problems.errors.update(named.errors)
        return problems

    def before_save(self) -> None:
        self.aliases.commit_pending()

    def has_changes(self) -> bool:
        before = company_names.aliases_of(self.record_id) if self.record_id else []
        return super().has_changes() or self.aliases.tags() != before

    def write(self) -> int:
        return company_names.save_company(self.record_id, self.data(), self.aliases.tags())
