"""My profile: the skills and roles each need is compared with, checked as you type."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget

from desktop.core import profile, skills
from desktop.core.validation import Problems
from desktop.ui.dialogs.record_dialog import RecordDialog
from desktop.ui.plain import plain_label
from desktop.ui.widgets.form import MessageForm
from desktop.ui.widgets.tag_edit import TagEdit

PROFILE_ID = 1  # the profile table holds one row

EXPLANATION = (
    "Reciprocity compares these skills with what each company need calls for,"
    " to show whether you are right for it."
)


class ProfileDialog(RecordDialog):
    """Edit my one profile (there is always exactly one, so this never says 'New')."""

    noun = "profile"

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent, PROFILE_ID)  # always 'Edit', never 'New'
        self.setWindowTitle("My profile")
        self.explanation = plain_label(EXPLANATION)
        layout = QFormLayout()
        layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form = MessageForm(layout)
        self.forms.append(form)
        self.form = form
        self.name = form.add("name", "&Name", QLineEdit())
        self.skills = form.add("skills", "&Skills I offer", TagEdit())
        self.skills.set_completions(skills.all_skill_names())
        self.target_roles = form.add(
            "target_roles",
            "&Roles I am targeting",
            TagEdit(placeholder="For example: Data engineer"),
        )
        self.pitch = form.add("pitch", "&Pitch", QPlainTextEdit())
        self.pitch.setTabChangesFocus(True)
        self.pitch.setPlaceholderText("A sentence or two on what you do best")
        column = QVBoxLayout()
        column.addWidget(self.explanation)
        column.addLayout(layout)
        self.lay_out(column)
        self.resize(560, 440)
        self.set_data(profile.get_profile())
        self.watch("name", self.name.textChanged)
        self.watch("skills", self.skills.tags_changed)
        self.watch("target_roles", self.target_roles.tags_changed)
        self.watch("pitch", self.pitch.textChanged)
        self.revalidate()
        self.name.setFocus()

    def data(self) -> profile.ProfileData:
        return profile.ProfileData(
            name=self.name.text(),
            skills=self.skills.tags(),
            target_roles=self.target_roles.tags(),
            pitch=self.pitch.toPlainText(),
        )

    def set_data(self, data: profile.ProfileData) -> None:
        self.name.setText(data.name)
        self.skills.set_tags(data.skills)
        self.target_roles.set_tags(data.target_roles)
        self.pitch.setPlainText(data.pitch)

    def record_name(self) -> str:
        return "your profile"

    def problems(self) -> Problems:
        return profile.validate_profile(self.data())

    def before_save(self) -> None:
        self.skills.commit_pending()
        self.target_roles.commit_pending()

    def write(self) -> int:
        profile.save_profile(self.data())
        return PROFILE_ID
