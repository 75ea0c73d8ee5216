"""The person form: every field of a person, checked as you type.

The parts of the name (prefix, given, middle, family, suffix) are folded under the name:
most people are known by a name alone, and the parts matter only where a source gave
them or the user wants them for a formal letter or a vCard. The form unfolds them when
the person has any, so what is stored is never hidden; folded, a summary says what they
hold. Nothing fills them from the name: "Lisette Schutte, PhD" has no parts until typed.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QSpinBox,
    QWidget,
)

from desktop.core import companies, people, skills, ties
from desktop.core.validation import Problems
from desktop.ui.dialogs.record_dialog import RecordDialog
from desktop.ui.plain import plain_label, short, tooltip
from desktop.ui.widgets.completion import word_completer
from desktop.ui.widgets.date_edit import OptionalDateEdit
from desktop.ui.widgets.disclosure import Disclosure
from desktop.ui.widgets.form import NOTE_STYLE, MessageForm
from desktop.ui.widgets.tag_edit import TagEdit

#: The name parts in the order a name is read, with their labels and examples.
NAME_PART_FIELDS = (
    ("name_prefix", "Prefi&x", "Dr, Ms, Prof…"),
    ("given_name", "&Given name", ""),
    ("middle_name", "Mi&ddle name", ""),
    ("family_name", "&Family name", ""),
    ("name_suffix", "S&uffix", "Jr, III, PhD…"),
)
assert {key for key, _, _ in NAME_PART_FIELDS} == set(people.NAME_PARTS)


class PersonDialog(RecordDialog):
    """Add or edit one person. Saving writes through `desktop.core.people` in one go."""

    noun = "person"

    def __init__(
        self, parent: QWidget | None = None, person_id: int | None = None, company: str = ""
    ):
        super().__init__(parent, person_id)
        self._saved: people.PersonData | None = None  # as stored, when editing
        self._build()
        if person_id is not None:
            self._saved = people.get_person(person_id)
            self.set_data(self._saved)
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
        self._build_name_parts(left)
        self.company = self.form.add("company", "&Company", QLineEdit())
        self.company.setCompleter(
            word_completer(self, companies.company_names(), self.company.setText)
        )
        self.title = self.form.add("title", "T&itle", QLineEdit())
        # Shown when an edit changes the company or title: a move keeps the old one.
        self.moved = QCheckBox()
        self.moved.setObjectName("moved")
        self._moved_chosen = False  # the person ticked or cleared it: their word stands
        self.moved.clicked.connect(self._moved_clicked)
        left.addRow("", self.moved)
        self._moved_row = left.rowCount() - 1
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
        self.tiers = {tier.name: tier for tier in ties.list_tiers()}
        self.tier = more.add("tier", "Or &by tier", QComboBox())
        self.tier.addItem("No tier", "")
        for tier in self.tiers.values():
            self.tier.addItem(
                f"{tier.name}: every {tier.ideal_days} days, at most {tier.longest_days}", tier.name
            )
        self.longest_gap = more.add("longest_gap_days", "O&verdue after", QSpinBox())
        self.longest_gap.setRange(0, people.MAX_CADENCE_DAYS)
        self.longest_gap.setSpecialValueText("Not set")
        self.longest_gap.setSuffix(" days")
        self.longest_gap.valueChanged.connect(
            lambda days: self.longest_gap.setSuffix(" day" if days == 1 else " days")
        )
        # The box grows, so that the note under the field has the column's width to wrap in;
        # the field keeps its own.
        gap_box = self.longest_gap.parentWidget()
        gap_column = gap_box.layout() if gap_box is not None else None
        assert gap_box is not None and gap_column is not None  # MessageForm's box
        gap_box.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        gap_column.setAlignment(self.longest_gap, Qt.AlignmentFlag.AlignLeft)
        known = skills.all_skill_names()
        self.offers = more.add("offers", "Skills &offered", TagEdit())
        self.seeks = more.add("seeks", "Skills &sought", TagEdit())
        for tags in (self.offers, self.seeks):
            tags.set_completions(known)
        self.notes_edit = more.add("notes", "No&tes", QPlainTextEdit())
        self.notes_edit.setTabChangesFocus(True)
        self.notes_edit.setMinimumHeight(90)

        self.lay_out(left, right)
        # The fields stay put as the parts fold: the labels keep the widest one's width.
        captions = [
            left.itemAt(row, QFormLayout.ItemRole.LabelRole) for row in range(left.rowCount())
        ]
        labels = [item.widget() for item in captions if item]
        widest = max(label.sizeHint().width() for label in labels if label)
        name_box = self.name.parentWidget()
        assert name_box is not None  # MessageForm puts each field in a box with its message
        self.form.layout.labelForField(name_box).setMinimumWidth(widest)
        self.resize(860, 520)

    def _build_name_parts(self, form: QFormLayout) -> None:
        """The disclosure under the name, and the five part fields it shows or hides."""
        self.name_parts_toggle = Disclosure("Name pa&rts")
        self.name_parts_toggle.setAccessibleDescription(
            "Shows the prefix, given, middle and family name and suffix."
        )
        self.name_parts_summary = plain_label()
        self.name_parts_summary.setObjectName("name_parts_summary")
        self.name_parts_summary.setStyleSheet(NOTE_STYLE)
        self.name_parts_summary.hide()
        row = QWidget()
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(self.name_parts_toggle)
        line.addWidget(self.name_parts_summary, 1)
        line.addStretch()
        form.addRow("", row)
        self.name_parts: dict[str, QLineEdit] = {}
        self._name_part_rows: list[int] = []
        for key, label, example in NAME_PART_FIELDS:
            edit = self.form.add(key, label, QLineEdit())
            edit.setPlaceholderText(example)
            self.name_parts[key] = edit
            self._name_part_rows.append(form.rowCount() - 1)
        self.name_parts_toggle.toggled.connect(self._show_name_parts)
        self._show_name_parts(False)

    def _show_name_parts(self, unfolded: bool) -> None:
        for row in self._name_part_rows:
            self.form.layout.setRowVisible(row, unfolded)
        summary = self.name_parts_text()
        self.name_parts_summary.setText(summary)
        self.name_parts_summary.setVisible(bool(summary) and not unfolded)
        self.name_parts_toggle.setToolTip(tooltip(summary) if not unfolded else "")

    def name_parts_text(self) -> str:
        """'Prefix: Dr · Given: Lisette · Family: Schutte': what the parts hold."""
        return " · ".join(
            f"{label.replace('&', '').split()[0]}: {short(' '.join(text.split()), 40)}"
            for key, label, _ in NAME_PART_FIELDS
            if (text := self.name_parts[key].text()).strip()
        )

    def _connect_checks(self) -> None:
        for key, edit in (
            ("name", self.name),
            ("company", self.company),
            ("email", self.email),
            ("linkedin_url", self.linkedin_url),
        ):
            self.watch(key, edit.textChanged)
        self.watch("cadence_days", self.cadence.valueChanged)
        self.watch("tier", self.tier.currentIndexChanged)
        self.watch("longest_gap_days", self.longest_gap.valueChanged)
        for edit in (self.company, self.title):
            edit.textChanged.connect(self._offer_move)
        self._offer_move()

    def _moved_clicked(self) -> None:
        self._moved_chosen = True

    def _offer_move(self) -> None:
        """Editing someone's company or title: ask whether they moved (the old position
        stays in their history, ended) or the old one was a mistake (corrected)."""
        before = self._saved
        company, title = " ".join(self.company.text().split()), " ".join(self.title.text().split())
        changed = (
            before is not None
            and bool(before.company)
            and (company.casefold() != before.company.casefold() or title != before.title)
        )
        self.form.layout.setRowVisible(self._moved_row, changed)
        if not changed or before is None:
            return
        was = f"{before.title} at {before.company}" if before.title else before.company
        self.moved.setText(f"They moved on: keep “{short(was, 50)}” in their history")
        self.moved.setToolTip(
            tooltip("Clear it if the old company or title was a mistake: it is corrected.")
        )
        if not self._moved_chosen:  # a new company is a move; a new title may be a typo
            self.moved.setChecked(company.casefold() != before.company.casefold())

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
            tier=self.tier.currentData() or "",
            longest_gap_days=self.longest_gap.value() or None,
            **{key: edit.text() for key, edit in self.name_parts.items()},
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
        if data.tier and self.tier.findData(data.tier) < 0:  # gone since: shown, and refused
            self.tier.addItem(data.tier, data.tier)
        self.tier.setCurrentIndex(max(0, self.tier.findData(data.tier)))
        self.longest_gap.setValue(data.longest_gap_days or 0)
        for key, edit in self.name_parts.items():
            edit.setText(getattr(data, key))
        self.name_parts_toggle.setChecked(any(getattr(data, k) for k in people.NAME_PARTS))
        self._show_name_parts(self.name_parts_toggle.isChecked())

    def record_name(self) -> str:
        return self.name.text().strip() or f"this {self.noun}"

    def problems(self) -> Problems:
        return people.validate_person(self.data(), self.record_id)

    def notes(self) -> dict[str, str]:
        found = {}
        company = " ".join(self.company.text().split())
        if company and companies.find_company(company) is None:
            found["company"] = f"There is no company called '{company}' yet; saving adds it."
        if note := self.address_note(self.linkedin_url.text()):
            found["linkedin_url"] = note
        if note := self.gaps_note():
            found["longest_gap_days"] = note
        return found

    def gaps_note(self) -> str:
        """'Due after 14 days, overdue after 21 (the ‘Close’ tier).': what the fields make."""
        gaps = ties.effective_gaps(
            self.cadence.value() or None,
            self.longest_gap.value() or None,
            self.tiers.get(self.tier.currentData() or ""),
        )
        if gaps is None:
            return "Choose how often to keep in touch, or a tier, to be reminded."
        where = (
            f" ({gaps.longest_from})"
            if gaps.longest_from == gaps.ideal_from
            else f" ({gaps.ideal_from}; the longest {gaps.longest_from})"
        )
        return f"Due after {gaps.ideal_days} days, overdue after {gaps.longest_days}{where}."

    def before_save(self) -> None:
        self.offers.commit_pending()
        self.seeks.commit_pending()

    def write(self) -> int:
        if self.record_id is None:
            return people.create_person(self.data())
        moved = self.form.layout.isRowVisible(self._moved_row) and self.moved.isChecked()
        people.update_person(self.record_id, self.data(), moved=moved)
        return self.record_id
