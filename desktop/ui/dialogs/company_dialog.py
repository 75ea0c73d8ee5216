"""The company form, checked as you type."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.core import companies
from desktop.core.validation import ValidationError
from desktop.ui.plain import show_error
from desktop.ui.widgets.form import MessageForm


class CompanyDialog(QDialog):
    """Add or edit one company."""

    def __init__(self, parent: QWidget | None = None, company_id: int | None = None):
        super().__init__(parent)
        self.company_id = company_id
        self.saved_id: int | None = None
        self._touched: set[str] = set()
        self.setWindowTitle("Edit company" if company_id else "New company")
        layout = QFormLayout()
        layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.form = MessageForm(layout)
        self.name = self.form.add("name", "&Name", QLineEdit())
        self.website = self.form.add("website", "&Website", QLineEdit())
        self.website.setPlaceholderText("https://…")
        self.industry = self.form.add("industry", "&Industry", QLineEdit())
        self.location = self.form.add("location", "&Location", QLineEdit())
        self.is_target = QCheckBox("A company I want to work for")
        self.form.add("is_target", "&Target", self.is_target)
        self.notes = self.form.add("notes", "No&tes", QPlainTextEdit())
        self.notes.setTabChangesFocus(True)
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
        outer.addLayout(layout)
        outer.addWidget(self.buttons)
        self.resize(520, 420)
        if company_id is not None:
            self.set_data(companies.get_company(company_id))
        for key, edit in (("name", self.name), ("website", self.website)):
            edit.textChanged.connect(lambda _=None, k=key: self._changed(k))
        self.revalidate()
        self.name.setFocus()

    def data(self) -> companies.CompanyData:
        return companies.CompanyData(
            name=self.name.text(),
            website=self.website.text(),
            industry=self.industry.text(),
            location=self.location.text(),
            notes=self.notes.toPlainText(),
            is_target=self.is_target.isChecked(),
        )

    def set_data(self, data: companies.CompanyData) -> None:
        self.name.setText(data.name)
        self.website.setText(data.website)
        self.industry.setText(data.industry)
        self.location.setText(data.location)
        self.notes.setPlainText(data.notes)
        self.is_target.setChecked(data.is_target)

    def _changed(self, key: str) -> None:
        self._touched.add(key)
        self.revalidate()

    def revalidate(self) -> bool:
        problems = companies.validate_company(self.data(), self.company_id)
        self.form.show_problems(problems, self._touched)
        self.save_button.setEnabled(problems.ok)
        first = next(iter(problems.errors.values()), "")
        self.save_button.setToolTip(f"Cannot save yet: {first}" if first else "")
        return problems.ok

    def save(self) -> None:
        try:
            if self.company_id is None:
                self.saved_id = companies.create_company(self.data())
            else:
                companies.update_company(self.company_id, self.data())
                self.saved_id = self.company_id
        except ValidationError:
            self._touched.update(("name", "website"))
            self.revalidate()
            return
        except Exception as exc:
            show_error(self, "Could not save", f"The company was not saved: {exc}")
            return
        self.accept()

    @classmethod
    def edit(cls, parent: QWidget | None, company_id: int | None = None) -> int | None:
        dialog = cls(parent, company_id)
        return dialog.saved_id if dialog.exec() == QDialog.DialogCode.Accepted else None
