"""Import people from a file: a preview of what will happen, then the import on a thread
of its own with progress and Cancel. Nothing is written before Import, and a cancelled or
failed import writes nothing at all."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialogButtonBox,
    QProgressBar,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core import people
from desktop.formats import IMPORTERS, importing
from desktop.formats.exported import export_day
from desktop.formats.records import FormatError, Parsed
from desktop.store import backups
from desktop.store.connection import db
from desktop.ui import errors
from desktop.ui.plain import counted, heading, plain_label, show_error, tooltip, wait_cursor
from desktop.ui.worker import WorkerDialog

PREVIEW_ROWS = 500  # rows listed in the preview; the counts cover all


def parser_for(kind: str):
    return IMPORTERS[kind].parse


def notices(plan: importing.Plan, parsed: Parsed) -> list[str]:
    """The sentences about the whole file: the plan's, and the file's own if the plan does
    not already say them."""
    said = list(getattr(plan, "notices", ()))
    return said + [notice for notice in parsed.notices if notice not in said]


class ImportDialog(WorkerDialog):
    """Open with `ImportDialog.run(parent, kind, path)`; returns True once imported."""

    def __init__(self, parent: QWidget | None, kind: str, path: Path, parsed: Parsed):
        super().__init__(parent)
        self.setWindowTitle(f"Import {IMPORTERS[kind].name}")
        self.plan = importing.plan(parsed, origin=kind, as_of=export_day(path))
        self.path = path
        self.imported = False
        new, skipped, merged = self.plan.new, self.plan.skipped, self.plan.merged
        repeats = self.plan.repeats
        self.heading = heading(path.name, 1.2)
        self.counts = plain_label(
            f"{counted(len(new), 'new person', 'new people')}"
            + (
                f" ({self.plan.possible_duplicates:,} possibly already known by name;"
                " Edit › Merge people lists them)"
                if self.plan.possible_duplicates
                else ""
            )
            + f" · {merged:,} to merge with "
            f"people you have (filling empty fields only) · {self.plan.known:,} already known"
            + (f" · {repeats:,} repeated in the file, joined into one" if repeats else "")
            + f" · {len(skipped):,} skipped"
        )
        # Said before the rows, as plain sentences: how the file was read, what was changed.
        self.notices = plain_label("\n".join(notices(self.plan, parsed)))
        self.notices.setAccessibleName("About this file")
        self.notices.setVisible(bool(self.notices.text()))
        self.rows = QTreeWidget()
        self.rows.setAccessibleName("What the import will do")
        self.rows.setHeaderLabels([self.plan.unit.capitalize(), "What happens", "Name", "Company"])
        self.rows.setRootIsDecorated(False)
        self.rows.setColumnWidth(0, 50)
        self.rows.setColumnWidth(1, 400)
        self.rows.setColumnWidth(2, 180)
        entries = self.plan.entries()
        for row, what, name, company in entries[:PREVIEW_ROWS]:
            item = QTreeWidgetItem([str(row), what, name, company])
            for column in range(4):
                item.setToolTip(column, tooltip(item.text(column)))
            self.rows.addTopLevelItem(item)
        self.more = plain_label(
            f"The first {PREVIEW_ROWS:,} rows are listed; the counts above cover all "
            f"{len(entries):,}."
        )
        self.more.setVisible(len(entries) > PREVIEW_ROWS)
        self.progress = QProgressBar()
        self.progress.setAccessibleName("Import progress")
        self.progress.hide()
        self.status = plain_label()
        self.buttons = QDialogButtonBox()
        self.import_button = self.buttons.addButton(
            "&Import", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.import_button.setEnabled(bool(new) or merged > 0)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.import_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        for label in (self.heading, self.notices, self.counts):
            layout.addWidget(label)
        layout.addWidget(self.rows, 1)
        for widget in (self.more, self.progress, self.status, self.buttons):
            layout.addWidget(widget)
        self.resize(820, 520)

    # -- importing ------------------------------------------------------------------------
    def start(self) -> None:
        self.import_button.setEnabled(False)
        self.progress.show()
        self.progress.setRange(0, max(1, len(self.plan.new) + len(self.plan.merges)))
        self.status.setText("Importing… Cancel stops it and leaves your network as it was.")
        plan = self.plan
        self.run_job(
            lambda progress: _back_up_then_apply(plan, progress, self.path.name),
            doing="importing people",
            failed="Nothing was imported, and your network is unchanged",
        )

    def _progressed(self, done: int, _total: int) -> None:
        self.progress.setValue(done)

    def _succeeded(self, result: object) -> None:
        self.imported = True
        self.accept()

    def _failed(self, reason: str | None) -> None:
        if reason:
            show_error(self, "Import failed", reason)
        self.progress.hide()
        self.status.setText("Cancelled: nothing was imported." if reason == "" else "")
        self.import_button.setEnabled(True)

    @classmethod
    def run(cls, parent: QWidget | None, kind: str, path: Path) -> bool:
        """Read *path*, show the preview, import if asked; True when people were imported.

        A bug on the way (a parser that fails) reaches the "Something went wrong" dialog
        through the excepthook, named as reading the file, with the cursor back to normal.
        """
        try:
            with errors.doing(f"reading {path.name} to import it"), wait_cursor():
                parsed = parser_for(kind)(path.read_bytes(), path.name)
                dialog = cls(parent, kind, path, parsed)
        except (OSError, FormatError) as exc:
            show_error(parent, "Cannot import this file", str(exc))
            return False
        dialog.exec()
        return dialog.imported


def _back_up_then_apply(plan: importing.Plan, progress, source: str) -> importing.Applied:
    """Into a network that has people, a backup comes first (on the worker's thread)."""
    if people.person_count():
        backups.create(Path(db.database), "before-import")
    return importing.apply(plan, progress, source=source)
