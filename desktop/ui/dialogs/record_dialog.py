"""What every record form shares: Save and Cancel, checks as you type, one save call."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHBoxLayout, QVBoxLayout, QWidget

from desktop.core.validation import Problems, ValidationError, web_address
from desktop.ui import busy, errors, plain
from desktop.ui.plain import short, tooltip
from desktop.ui.widgets.date_edit import OptionalDateEdit
from desktop.ui.widgets.form import MessageForm


class RecordDialog(QDialog):
    """Subclasses build their fields into `forms`, then implement the four hooks below.

    Save stays disabled while the record has errors; an error shows under its field once
    the field was touched (or a save was tried). A refused save keeps everything typed.
    """

    noun = "record"

    def __init__(self, parent: QWidget | None, record_id: int | None):
        super().__init__(parent)
        self.record_id = record_id
        self.saved_id: int | None = None
        self.forms: list[MessageForm] = []
        self._touched: set[str] = set()
        self._initial: object | None = None
        self._dates_watched = False
        self._errors: set[str] = set()  # the fields that stop a save now
        self.setWindowTitle(f"Edit {self.noun}" if record_id else f"New {self.noun}")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setDefault(True)
        for button in self.buttons.buttons():
            button.setAccessibleName(button.text().replace("&", ""))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

    def lay_out(self, *columns) -> None:
        """Put the form columns side by side, with Save and Cancel below."""
        row = QHBoxLayout()
        for index, column in enumerate(columns):
            if index:
                row.addSpacing(12)
            row.addLayout(column, 1)
        outer = QVBoxLayout(self)
        outer.addLayout(row)
        outer.addWidget(self.buttons)

    # -- hooks ----------------------------------------------------------------------------
    def data(self) -> object:
        """What the form holds now, comparable with == (a dataclass)."""
        raise NotImplementedError

    def record_name(self) -> str:
        """How the record is named in questions ('Ada Lovelace')."""
        raise NotImplementedError

    def problems(self) -> Problems:
        raise NotImplementedError

    def write(self) -> int:
        """Create or update the record through core; returns its id."""
        raise NotImplementedError

    def notes(self) -> dict[str, str]:
        """Helpful remarks shown under fields that have no error or warning."""
        return {}

    @staticmethod
    def address_note(typed: str) -> str | None:
        """What saving makes of a site name typed without https://, or None."""
        saved = web_address(typed)
        return f"Saved as {saved}." if saved != typed.strip() else None

    def before_save(self) -> None:
        """Last chance to gather half-typed input (such as a tag still being typed)."""

    def confirm_save(self) -> bool:
        """Questions to ask before writing (add this new person?); False stops the save."""
        return True

    def not_saved(self) -> str:
        """How a refused save begins: 'The person was not saved'."""
        return f"The {self.noun} was not saved"

    # -- behaviour ------------------------------------------------------------------------
    def showEvent(self, event) -> None:
        if self._initial is None:
            self._initial = self.data()  # what counts as "unchanged"
        super().showEvent(event)

    def has_changes(self) -> bool:
        return self._initial is not None and self.data() != self._initial

    def reject(self) -> None:
        """Esc or Cancel: ask before throwing away what was typed."""
        if self.has_changes():
            if self.record_id is None:
                question = f"Discard this new {self.noun}?"
            else:
                question = f"Discard your changes to {short(self.record_name())}?"
            if not plain.confirm_discard(self, question):
                return
        super().reject()

    def watch(self, key: str, signal) -> None:
        """Check the record again whenever *signal* says field *key* changed."""
        signal.connect(lambda *_: self._changed(key))

    def _changed(self, key: str) -> None:
        self._touched.add(key)
        self.revalidate()

    def _date_fields(self) -> list[tuple[str, OptionalDateEdit]]:
        return [
            (key, field)
            for form in self.forms
            for key, field in form.fields.items()
            if isinstance(field, OptionalDateEdit)
        ]

    def _watch_dates(self) -> None:
        """Every date field: a committed date counts as a change; typing shows what the
        words are read as, and an error once the field is left or Enter pressed."""
        self._dates_watched = True
        for key, field in self._date_fields():
            self.watch(key, field.dateChanged)
            field.textEdited.connect(lambda *_: self.revalidate())

    def revalidate(self) -> bool:
        if not self._dates_watched:
            self._watch_dates()
        problems = self.problems()
        notes = self.notes()
        for key, field in self._date_fields():
            if problem := field.problem():
                problems.errors[key] = problem
            elif reading := field.reading():
                notes.setdefault(key, reading)
        for form in self.forms:
            form.show_problems(problems, self._touched, notes)
        self.save_button.setEnabled(problems.ok)
        self._errors = set(problems.errors)
        first = next(iter(problems.errors.values()), "")
        self.save_button.setToolTip(tooltip(f"Cannot save yet: {first}") if first else "")
        return problems.ok

    def save(self) -> None:
        self.before_save()
        if not self.revalidate():  # a date typed and never left, say: the form shows why
            self._touched.update(self._errors)
            self.revalidate()
            return
        if not self.confirm_save():
            return
        try:
            with busy.waiting(self):
                self.saved_id = self.write()
        except ValidationError as exc:
            self._touched.update(exc.problems.errors)
            self.revalidate()
            return
        except Exception as exc:  # the disk or the file refused, or a bug: the form stays
            errors.report(
                self,
                exc,
                doing=f"saving the {self.noun}",
                failed=self.not_saved(),
                title="Could not save",
            )
            return
        self.accept()

    @classmethod
    def edit(cls, parent: QWidget | None, *args, **kwargs) -> int | None:
        """Open the form; returns the saved record's id, or None if cancelled."""
        dialog = cls(parent, *args, **kwargs)
        return dialog.saved_id if dialog.exec() == QDialog.DialogCode.Accepted else None
