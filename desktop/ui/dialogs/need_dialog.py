"""The need form: what a company must solve, for whom, and the skills it calls for."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QComboBox, QFormLayout, QLineEdit, QPlainTextEdit, QWidget

from desktop.core import companies, needs, skills
from desktop.core.validation import Problems
from desktop.ui.dialogs.record_dialog import RecordDialog
from desktop.ui.widgets.completion import word_completer
from desktop.ui.widgets.date_edit import OptionalDateEdit
from desktop.ui.widgets.form import MessageForm
from desktop.ui.widgets.person_picker import PersonPicker
from desktop.ui.widgets.tag_edit import TagEdit

FIT_CHOICES = (
    ("Work it out from my skills", None),
    ("Strong (set by hand)", "strong"),
    ("Partial (set by hand)", "partial"),
    ("None (set by hand)", "none"),
)


def choice_combo(choices) -> QComboBox:
    combo = QComboBox()
    for label, value in choices:
        combo.addItem(label, value)
    return combo


class NeedDialog(RecordDialog):
    """Add or edit one need. A new company name adds the company."""

    noun = "need"

    def __init__(
        self, parent: QWidget | None = None, need_id: int | None = None, company: str = ""
    ):
        super().__init__(parent, need_id)
        left, right = QFormLayout(), QFormLayout()
        main, more = MessageForm(left), MessageForm(right)
        self.forms += [main, more]
        self.form, self.more_form = main, more
        self.company = main.add("company", "&Company", QLineEdit())
        self.company.setCompleter(
            word_completer(self, companies.company_names(), self.company.setText)
        )
        self.title = main.add("title", "&Title", QLineEdit())
        self.title.setPlaceholderText("e.g. Tame the data pipeline before the Q3 launch")
        self.problem = main.add("problem", "The &problem", QPlainTextEdit())
        self.problem.setTabChangesFocus(True)
        self.problem.setPlaceholderText("What must the hiring manager solve, and why now?")
        self.for_whom = main.add(
            "for_whom",
            "For &whom",
            choice_combo([("Not known", ""), *((v, k) for k, v in needs.FOR_WHOM_LABELS.items())]),
        )
        self.skills = main.add("skills", "S&kills it calls for", TagEdit())
        self.skills.set_completions(skills.all_skill_names())
        self.source = more.add("source_person_id", "Told &me", PersonPicker())
        self.source.setPlaceholderText("Who told you about it (optional)")
        self.learned_on = more.add("learned_on", "&Learned on", OptionalDateEdit())
        self.status = more.add(
            "status", "&Status", choice_combo((v, k) for k, v in needs.STATUS_LABELS.items())
        )
        self.urgency = more.add(
            "urgency", "&Urgency", choice_combo((v, k) for k, v in needs.URGENCY_LABELS.items())
        )
        self.fit = more.add("fit_override", "My &fit", choice_combo(FIT_CHOICES))
        self.notes_edit = more.add("notes", "N&otes", QPlainTextEdit())
        self.notes_edit.setTabChangesFocus(True)
        self.lay_out(left, right)
        self.resize(900, 460)
        if need_id is not None:
            self.set_data(needs.get_need(need_id))
        else:
            self.company.setText(company)
            self.urgency.setCurrentIndex(self.urgency.findData(2))
            self.learned_on.set_value(date.today())  # most needs are heard of the day logged
        self.watch("company", self.company.textChanged)
        self.watch("title", self.title.textChanged)
        self.watch("source_person_id", self.source.person_changed)
        self.revalidate()
        (self.title if company else self.company).setFocus()

    def data(self) -> needs.NeedData:
        return needs.NeedData(
            company=self.company.text(),
            title=self.title.text(),
            problem=self.problem.toPlainText(),
            for_whom=self.for_whom.currentData(),
            skills=self.skills.tags(),
            source_person_id=self.source.person_id(),
            learned_on=self.learned_on.value(),
            status=self.status.currentData(),
            urgency=self.urgency.currentData(),
            fit_override=self.fit.currentData(),
            notes=self.notes_edit.toPlainText(),
        )

    def set_data(self, data: needs.NeedData) -> None:
        self.company.setText(data.company)
        self.title.setText(data.title)
        self.problem.setPlainText(data.problem)
        self.for_whom.setCurrentIndex(max(0, self.for_whom.findData(data.for_whom)))
        self.skills.set_tags(data.skills)
        self.source.set_person(data.source_person_id)
        self.learned_on.set_value(data.learned_on)
        self.status.setCurrentIndex(max(0, self.status.findData(data.status)))
        self.urgency.setCurrentIndex(max(0, self.urgency.findData(data.urgency)))
        self.fit.setCurrentIndex(max(0, self.fit.findData(data.fit_override)))
        self.notes_edit.setPlainText(data.notes)

    def record_name(self) -> str:
        return self.title.text().strip() or "this need"

    def problems(self) -> Problems:
        problems = needs.validate_need(self.data(), self.record_id)
        if self.source.typed_name() and self.source.person_id() is None:
            problems.errors["source_person_id"] = (
                "Pick the person from the suggestions, or leave this empty."
            )
        return problems

    def notes(self) -> dict[str, str]:
        name = " ".join(self.company.text().split())
        if name and companies.find_company(name) is None:
            return {"company": f"There is no company called '{name}' yet; saving adds it."}
        return {}

    def before_save(self) -> None:
        self.skills.commit_pending()
        self.source.resolve()

    def write(self) -> int:
        if self.record_id is None:
            return needs.create_need(self.data())
        needs.update_need(self.record_id, self.data())
        return self.record_id
