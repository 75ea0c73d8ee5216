"""The position form: where a person works or worked, with from and to as precisely as
anyone knows them (a year, a month or a day)."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QCheckBox, QFormLayout, QLineEdit, QWidget

from desktop.core import companies, people, positions
from desktop.core.dates import NotADate
from desktop.core.positions import PositionData
from desktop.core.validation import Problems
from desktop.core.when import parse_when, when_words
from desktop.ui.dialogs.record_dialog import RecordDialog
from desktop.ui.widgets.completion import word_completer
from desktop.ui.widgets.form import MessageForm

WHEN_EXAMPLE = "2025-03, Mar 2025 or 2025"


class PositionDialog(RecordDialog):
    """Add a position to a person's history, edit one, or end one (`ending=True` puts the
    cursor in To, with "Works there now" off)."""

    noun = "position"

    def __init__(
        self,
        parent: QWidget | None = None,
        position_id: int | None = None,
        *,
        person_id: int,
        ending: bool = False,
    ):
        super().__init__(parent, position_id)
        self.person_id = person_id
        self.ending = ending
        layout = QFormLayout()
        layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form = MessageForm(layout)
        self.forms.append(form)
        self.company = form.add("company", "&Company", QLineEdit())
        self.company.setCompleter(
            word_completer(self, companies.company_names(), self.company.setText)
        )
        self.title = form.add("title", "T&itle", QLineEdit())
        self.started = form.add("started", "&From", QLineEdit())
        self.ended = form.add("ended", "&To", QLineEdit())
        for field in (self.started, self.ended):
            field.setPlaceholderText(f"{WHEN_EXAMPLE}; empty if not known")
        self.current = QCheckBox("Works there now (their company and title)")
        form.add("current", "&Now", self.current)
        self.current.toggled.connect(self._now_changed)
        self.lay_out(layout)
        self.resize(520, 300)
        name = people.person_name(person_id)
        self._before: positions.PositionRow | None = None
        if position_id is not None:
            self._before = positions.get_position(position_id)
            self.set_data(self._before)
            verb = "End" if ending else "Edit"
            self.setWindowTitle(f"{verb} {name}'s position at {self._before.company}")
        else:
            self.setWindowTitle(f"New position for {name}")
            self.current.setChecked(not people.get_person(person_id).company)
        if ending:
            self.current.setChecked(False)
        for key, signal in (
            ("company", self.company.textChanged),
            ("started", self.started.textChanged),
            ("ended", self.ended.textChanged),
            ("current", self.current.toggled),
        ):
            self.watch(key, signal)
        self.revalidate()
        (self.ended if ending else self.company).setFocus()

    def _now_changed(self, now: bool) -> None:
        self.ended.setEnabled(not now)
        if now:
            self.ended.clear()

    def _when(self, field: QLineEdit) -> str | None:
        try:
            return parse_when(field.text(), today=date.today())
        except NotADate:
            return None

    def data(self) -> PositionData:
        return PositionData(
            company=self.company.text(),
            title=self.title.text(),
            started=self._when(self.started),
            ended=None if self.current.isChecked() else self._when(self.ended),
            current=self.current.isChecked(),
            source=self._before.source if self._before else "typed",
        )

    def set_data(self, row: positions.PositionRow) -> None:
        self.company.setText(row.company)
        self.title.setText(row.title)
        self.started.setText(row.started or "")
        self.ended.setText(row.ended or "")
        self.current.setChecked(bool(row.current))

    def record_name(self) -> str:
        return f"the position at {self.company.text().strip()}".strip()

    def problems(self) -> Problems:
        problems = positions.validate_position(self.data())
        for key, field in (("started", self.started), ("ended", self.ended)):
            if not field.isEnabled():
                continue
            try:
                parse_when(field.text(), today=date.today())
            except NotADate as exc:
                problems.errors[key] = str(exc)
        return problems

    def notes(self) -> dict[str, str]:
        found = {}
        company = " ".join(self.company.text().split())
        if company and companies.find_company(company) is None:
            found["company"] = f"There is no company called '{company}' yet; saving adds it."
        for key, field in (("started", self.started), ("ended", self.ended)):
            read = self._when(field)
            if read and field.text().strip() != read:
                found[key] = f"Read as {when_words(read)}."
        if self.current.isChecked() and self._before is None:
            earlier = people.get_person(self.person_id).company
            if earlier and earlier != company:
                found["current"] = f"Their position at {earlier} ends when this one begins."
        return found

    def write(self) -> int:
        data = self.data()
        if self._before is None:
            return positions.add_position(self.person_id, data)
        before = self._before
        if (
            before.current
            and not data.current
            and (data.company, data.title, data.started)
            == (before.company, before.title, before.started)
        ):
            positions.end_position(before.id, data.ended)  # "left Contoso in 2025-03"
        else:
            positions.update_position(before.id, data)
        return before.id
