"""The import dialog: the preview's counts, progress, Cancel that writes nothing."""

from __future__ import annotations

from pathlib import Path

from desktop.core import people
from desktop.formats.records import ImportedPerson, Parsed, Skipped
from desktop.store.connection import db
from desktop.ui.dialogs.import_dialog import ImportDialog


def count() -> int:
    return db.execute_sql("SELECT count(*) FROM person").fetchone()[0]


def parsed(n: int) -> Parsed:
    return Parsed(
        people=[
            ImportedPerson(2, "Ada Lovelace", email="ada@example.com", title="Countess"),
            *(ImportedPerson(row, f"Person {row}", company="Acme") for row in range(3, 3 + n)),
        ],
        skipped=[Skipped(3 + n, "No name.")],
    )


def test_preview_counts_before_anything_is_written(qtbot, database):
    people.create_person(people.PersonData(name="Ada Lovelace", email="ADA@example.com"))
    dialog = ImportDialog(None, "linkedin", Path("Connections.csv"), parsed(3))
    qtbot.addWidget(dialog)
    assert dialog.counts.text() == (
        "3 new people · 1 to merge with people you have (filling empty fields only) · "
        "0 already known · 1 skipped"
    )
    rows = [
        [dialog.rows.topLevelItem(i).text(c) for c in range(3)]
        for i in range(dialog.rows.topLevelItemCount())
    ]
    assert rows[0] == ["2", "Merged: fills title", "Ada Lovelace"]
    assert rows[-1] == ["6", "Skipped — No name.", ""]
    assert count() == 1


def test_import_runs_on_its_own_thread_with_progress(qtbot, database):
    dialog = ImportDialog(None, "linkedin", Path("Connections.csv"), parsed(1200))
    qtbot.addWidget(dialog)
    seen = []
    dialog.import_button.click()
    dialog.worker.progressed.connect(lambda done, total: seen.append((done, total)))
    qtbot.waitUntil(lambda: dialog.imported, timeout=20000)
    assert count() == 1201
    assert seen and seen[-1] == (1201, 1201)
    assert people.person_ids("person 700")  # searchable


def test_cancel_writes_nothing_and_allows_another_try(qtbot, database, monkeypatch):
    from desktop.ui import worker

    class CancelledAtOnce(worker.Worker):
        """Cancel lands before the first progress step, whatever the machine's speed."""

        def start(self):
            self.cancel()
            super().start()

    monkeypatch.setattr(worker, "Worker", CancelledAtOnce)
    dialog = ImportDialog(None, "linkedin", Path("Connections.csv"), parsed(1200))
    qtbot.addWidget(dialog)
    dialog.import_button.click()
    assert dialog.status.text().startswith("Importing")
    dialog.reject()  # Cancel during the import stops it rather than closing the dialog
    assert dialog.status.text() == "Cancelling…"
    qtbot.waitUntil(lambda: dialog.worker is None, timeout=20000)
    assert count() == 0
    assert dialog.status.text() == "Cancelled: nothing was imported."
    assert dialog.import_button.isEnabled()
