"""The import dialog: the preview's counts, progress, Cancel that writes nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

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


WINDOWS_1252 = "Read as Windows-1252; check the accented names."


def test_the_files_notices_are_said_above_the_rows(qtbot, database):
    dialog = ImportDialog(None, "linkedin", Path("Connections.csv"), parsed_with(WINDOWS_1252))
    qtbot.addWidget(dialog)
    dialog.show()

    assert dialog.notices.text() == WINDOWS_1252
    assert not dialog.notices.isHidden()
    layout = dialog.layout()
    assert layout.indexOf(dialog.heading) < layout.indexOf(dialog.notices)
    assert layout.indexOf(dialog.notices) < layout.indexOf(dialog.rows)


def test_no_notice_no_line(qtbot, database):
    dialog = ImportDialog(None, "linkedin", Path("Connections.csv"), parsed(1))
    qtbot.addWidget(dialog)

    assert dialog.notices.isHidden()


def test_the_plans_notices_are_said_once_with_the_files(qtbot, database, monkeypatch):
    from desktop.formats import importing

    planned = importing.plan

    def plan_with_a_notice(parsed, **options):
        found = planned(parsed, **options)
        found.notices = [*parsed.notices, "Removed 2 control characters."]
        return found

    monkeypatch.setattr(importing, "plan", plan_with_a_notice)
    dialog = ImportDialog(None, "linkedin", Path("Connections.csv"), parsed_with(WINDOWS_1252))
    qtbot.addWidget(dialog)

    assert dialog.notices.text() == f"{WINDOWS_1252}\nRemoved 2 control characters."


@pytest.mark.parametrize("size", [(1024, 700), (1600, 1000), (640, 420)])
def test_long_notices_wrap_without_clipping_or_overlapping(qtbot, database, size):
    long = "Removed 3 control characters from names and notes in rows 2, 5 and 6; " * 3
    dialog = ImportDialog(None, "linkedin", Path("Connections.csv"), parsed_with(long.strip()))
    qtbot.addWidget(dialog)
    dialog.resize(*size)
    dialog.show()
    qtbot.waitExposed(dialog)

    label = dialog.notices
    assert (dialog.width(), dialog.height()) == size  # the sentences do not widen it
    assert label.height() >= label.heightForWidth(label.width())  # every line shows
    assert label.geometry().bottom() < dialog.counts.geometry().top()
    assert dialog.counts.geometry().bottom() < dialog.rows.geometry().top()
    assert label.geometry().right() <= dialog.width()


def parsed_with(notice: str) -> Parsed:
    found = parsed(1)
    found.notices = [notice]
    return found
