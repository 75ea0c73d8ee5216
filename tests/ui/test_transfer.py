"""File ▸ Import and File ▸ Export through the main window."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from desktop.core import people
from desktop.formats import IMPORTERS
from desktop.ui import transfer
from desktop.ui.dialogs.import_dialog import ImportDialog

DATA = Path(__file__).parent.parent / "formats" / "data"


def test_import_linkedin_from_the_file_menu(qtbot, window, on_next_dialog, monkeypatch):
    titles = [a.text() for a in window.import_menu.actions() if not a.isSeparator()]
    assert titles[:4] == [
        "LinkedIn connections…",
        "vCard contacts…",
        "Google Contacts…",
        "Outlook contacts…",
    ]
    source = DATA / "linkedin_connections.csv"
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(source), ""))

    def import_all(dialog):
        assert isinstance(dialog, ImportDialog)
        dialog.import_button.click()

    on_next_dialog(import_all)
    assert transfer.import_people(window, "linkedin")
    assert people.person_count() == window.people_page.model.rowCount() > 0


@pytest.mark.parametrize(
    ("kind", "file", "names"),
    [
        ("outlook", "outlook_contacts.csv", ["Acme Recruiting Desk", "Ada Augusta Lovelace"]),
        ("google", "google_unicode_text.txt", ["Acme Recruiting Desk", "Ada Augusta Lovelace"]),
    ],
)
def test_import_a_spreadsheets_file_from_the_file_menu(
    qtbot, window, on_next_dialog, monkeypatch, kind, file, names
):
    source = DATA / file
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(source), ""))
    seen = []

    def import_all(dialog):
        seen.append((dialog.windowTitle(), dialog.notices.text()))
        dialog.import_button.click()

    on_next_dialog(import_all)
    assert transfer.import_people(window, kind)
    notice = "Read as Windows-1252; check the accented names." if kind == "outlook" else ""
    assert seen == [(f"Import {IMPORTERS[kind].name}", notice)]
    found = sorted(people.get_person(i).name for i in people.person_ids())
    assert found[:2] == names


def test_a_file_that_cannot_be_read_is_explained(qtbot, window, monkeypatch, tmp_path):
    wrong = tmp_path / "notes.txt"
    wrong.write_text("hello", "utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(wrong), ""))
    errors = []
    monkeypatch.setattr(
        "desktop.ui.dialogs.import_dialog.show_error",
        lambda parent, title, text: errors.append(text),
    )
    assert not transfer.import_people(window, "vcard")
    assert "notes.txt" in errors[0]
    assert people.person_count() == 0


def test_export_from_the_file_menu(qtbot, window, monkeypatch, tmp_path):
    people.create_person(people.PersonData(name="Ada Lovelace", email="ada@example.com"))
    target = tmp_path / "contacts.vcf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    assert transfer.export(window, "vcard") == target
    assert "FN:Ada Lovelace" in target.read_text("utf-8")
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(tmp_path / "c"))
    assert transfer.export(window, "csv") == tmp_path / "c"
    assert "Ada Lovelace" in (tmp_path / "c" / "people.csv").read_text("utf-8-sig")


def test_export_the_archive_from_the_file_menu(qtbot, window, monkeypatch, tmp_path):
    import json

    people.create_person(people.PersonData(name="Zoë"))
    target = tmp_path / "all.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    assert transfer.export(window, "archive") == target
    document = json.loads(target.read_text("utf-8"))
    assert document["format"] == "reciprocity-archive"
    names = [row[document["tables"]["person"]["columns"].index("name")]
             for row in document["tables"]["person"]["rows"]]  # fmt: skip
    assert names == ["Zoë"]


def test_the_archive_export_shows_its_progress_and_can_be_cancelled(
    qtbot, window, monkeypatch, tmp_path
):
    import threading

    from desktop.formats import archive
    from desktop.ui.dialogs.wait_dialog import WaitDialog

    people.create_person(people.PersonData(name="Zoë"))
    target = tmp_path / "all.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    seen, pressed = [], threading.Event()
    real_progressed, real_tell = WaitDialog._progressed, archive._tell_from

    def progressed(dialog, done, total):
        real_progressed(dialog, done, total)
        seen.append((dialog.bar.value(), dialog.bar.maximum()))
        if not dialog.cancelled:  # the person presses Esc part way
            qtbot.keyClick(dialog, Qt.Key.Key_Escape)
            pressed.set()

    def slow_tell(*args):  # the export goes on only once Esc was pressed
        pressed.wait(10)
        real_tell(*args)

    monkeypatch.setattr(WaitDialog, "_progressed", progressed)
    monkeypatch.setattr(archive, "_tell_from", slow_tell)
    assert transfer.export(window, "archive") is None
    assert seen and seen[0][1] > 0  # a bar that fills, not one that only moves
    assert not target.exists()  # nothing half written is left
    assert "cancelled" in window.statusBar().currentMessage().lower()


def test_csv_export_asks_before_replacing_files(qtbot, window, monkeypatch, tmp_path):
    people.create_person(people.PersonData(name="Ada Lovelace"))
    (tmp_path / "people.csv").write_text("last week's", "utf-8")
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(tmp_path))
    asked = []

    def answer(parent, title, question, yes):
        asked.append(question)
        return len(asked) > 1  # no the first time, yes the second

    monkeypatch.setattr(transfer, "confirm", answer)
    assert transfer.export(window, "csv") is None
    assert (tmp_path / "people.csv").read_text("utf-8") == "last week's"
    assert asked[0] == f"{tmp_path} already holds people.csv. Replace them with this export?"
    assert transfer.export(window, "csv") == tmp_path
    assert "Ada Lovelace" in (tmp_path / "people.csv").read_text("utf-8-sig")


def test_an_export_to_a_full_disk_is_said_in_words(qtbot, window, monkeypatch, on_next):
    import disks

    people.create_person(people.PersonData(name="Ada Lovelace", notes="x" * 5000))
    shown = []

    def read(box):
        shown.append(box.text())
        box.accept()

    with disks.small_disk(256) as folder:
        disks.fill(folder)
        target = folder / "contacts.vcf"
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
        on_next(QMessageBox, read)  # after the wait while it is written
        assert transfer.export(window, "vcard") is None
        assert not target.exists()
    assert "is full" in shown[0] and str(target) in shown[0]
    assert "Errno" not in shown[0] and "bug" not in shown[0]
