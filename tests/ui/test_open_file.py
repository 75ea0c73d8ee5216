"""A contacts file opened from the desktop (double-click, Open With, the Finder) is
imported through the same preview as File › Import."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QFileOpenEvent

from desktop import app
from desktop.core import people
from desktop.formats import IMPORTERS
from desktop.ui import application, transfer
from desktop.ui.dialogs.import_dialog import ImportDialog

DATA = Path(__file__).parent.parent / "formats" / "data"


@pytest.fixture
def errors_said(monkeypatch):
    said = []
    monkeypatch.setattr(transfer, "show_error", lambda parent, title, text: said.append(text))
    return said


@pytest.mark.parametrize(
    ("file", "kind"),
    [
        ("three_cards.vcf", "vcard"),
        ("linkedin_connections.csv", "linkedin"),
        ("google_contacts.csv", "google"),
        ("outlook_contacts.csv", "outlook"),
    ],
)
def test_the_file_is_previewed_as_its_own_kind_and_imported(
    qtbot, window, on_next_dialog, file, kind
):
    seen = []

    def import_all(dialog):
        assert isinstance(dialog, ImportDialog)
        seen.append(dialog.windowTitle())
        qtbot.wait(150)  # a person reads the preview first
        dialog.import_button.click()

    on_next_dialog(import_all)
    assert transfer.open_file(window, DATA / file)
    assert seen == [f"Import {IMPORTERS[kind].name}"]
    assert people.person_count() > 0
    assert window.people_page.model.rowCount() == people.person_count()


def test_cancelling_the_preview_imports_nothing(qtbot, window, on_next_dialog):
    on_next_dialog(lambda dialog: dialog.reject())
    assert not transfer.open_file(window, DATA / "three_cards.vcf")
    assert people.person_count() == 0


def test_a_file_no_importer_reads_is_explained(qtbot, window, errors_said, tmp_path):
    notes = tmp_path / "shopping list.csv"
    notes.write_text("item,price\nmilk,1\n", "utf-8")
    assert not transfer.open_file(window, notes)
    assert len(errors_said) == 1
    assert "shopping list.csv is not a contacts file" in errors_said[0]
    assert "LinkedIn's Connections.csv" in errors_said[0]
    assert people.person_count() == 0


def test_a_file_that_cannot_be_read_is_explained(qtbot, window, errors_said, tmp_path):
    assert not transfer.open_file(window, tmp_path / "gone.vcf")
    assert "could not read" in errors_said[0] and "gone.vcf" in errors_said[0]
    assert "Nothing was imported" in errors_said[0]


def test_a_network_open_for_viewing_only_takes_no_import(session, qtbot):
    session.open(session.own_path)
    session.window.close()
    window = session.open(session.own_path, read_only=True)
    qtbot.addWidget(window)
    session.import_file(DATA / "three_cards.vcf")
    assert "three_cards.vcf was not imported" in window.statusBar().currentMessage()
    assert people.person_count() == 0


def test_the_finders_open_event_imports_the_file(session, qtbot, on_next_dialog):
    window = session.open(session.own_path)
    qtbot.addWidget(window)
    opener = application._FileOpenEvents(session)
    QCoreApplication.instance().installEventFilter(opener)
    try:
        on_next_dialog(lambda dialog: dialog.import_button.click())
        event = QFileOpenEvent(QUrl.fromLocalFile(str(DATA / "three_cards.vcf")))
        QCoreApplication.sendEvent(QCoreApplication.instance(), event)
        qtbot.waitUntil(lambda: people.person_count() > 0, timeout=10_000)
        assert sorted(people.get_person(i).name for i in people.person_ids()) == [
            "Hiroshi Takahashi",
            "Zoë Ångström-Núñez",
        ]
    finally:
        QCoreApplication.instance().removeEventFilter(opener)


def test_the_command_line_takes_a_file_to_import():
    args = app.parse_args(["--database", "mine.sqlite3", "Connections.csv"])
    assert args.file == Path("Connections.csv")
    assert app.parse_args([]).file is None
