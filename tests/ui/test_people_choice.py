"""File ▸ Export ▸ vCard: everyone, the people found by the search, or the one selected."""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog

from desktop.core import people
from desktop.ui import transfer
from desktop.ui.dialogs.people_choice import PeopleChoice


def people_shown(window, names, search):
    for name, company in names:
        people.create_person(people.PersonData(name=name, company=company))
    window.refresh_pages()
    window.show_page("people")
    window.people_page.search.setText(search)
    page = window.people_page
    page.select_id(page.model.id_at(0))  # as a click on the first row would


def save_to(monkeypatch, target, suggested):
    def save(parent, caption, where, filters):
        suggested.append(where)
        return str(target), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save)


def test_export_the_people_found(qtbot, window, on_next_dialog, monkeypatch, tmp_path):
    people_shown(
        window,
        [("Ada Lovelace", "Acme"), ("Bob Ng", "Acme"), ("Cy Young", "Initech")],
        "acme",
    )
    target, suggested = tmp_path / "found.vcf", []
    save_to(monkeypatch, target, suggested)

    def choose_found(dialog):
        assert isinstance(dialog, PeopleChoice)
        labels = [button.text() for button, _ids in dialog.choices]
        assert labels == [
            "&Everyone (3 people)",
            "The 2 people &found by “acme”",
            "&Only Ada Lovelace, selected on the People page",
        ]
        assert dialog.choices[0][0].isChecked()
        dialog.choices[1][0].click()
        dialog.accept()

    on_next_dialog(choose_found)
    assert transfer.export(window, "vcard") == target
    text = target.read_text("utf-8")
    assert text.count("BEGIN:VCARD") == 2
    assert "FN:Ada Lovelace" in text and "FN:Bob Ng" in text and "Cy Young" not in text
    assert suggested[0].endswith("contacts.vcf")


def test_export_only_the_selected_person(qtbot, window, on_next_dialog, monkeypatch, tmp_path):
    people_shown(window, [("Smith & Jones: A/B", "Acme"), ("Bob Ng", "Initech")], "")
    window.people_page.select_id(people.person_ids("smith")[0])
    target, suggested = tmp_path / "one.vcf", []
    save_to(monkeypatch, target, suggested)

    def choose_selected(dialog):
        labels = [button.text() for button, _ids in dialog.choices]
        assert labels == [  # no search, so no "found" choice; the & is shown as itself
            "&Everyone (2 people)",
            "&Only Smith && Jones: A/B, selected on the People page",
        ]
        dialog.choices[1][0].click()
        dialog.accept()

    on_next_dialog(choose_selected)
    assert transfer.export(window, "vcard") == target
    assert target.read_text("utf-8").count("BEGIN:VCARD") == 1
    assert suggested[0].endswith("Smith & Jones A B.vcf")


def test_one_person_is_everyone_so_nothing_is_asked(qtbot, window, monkeypatch, tmp_path):
    people_shown(window, [("Ada Lovelace", "Acme")], "")
    assert window.people_page.current_id() is not None
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: (str(tmp_path / "a.vcf"), ""))
    assert transfer.export(window, "vcard") == tmp_path / "a.vcf"
    assert "FN:Ada Lovelace" in (tmp_path / "a.vcf").read_text("utf-8")


def test_cancel_writes_nothing(qtbot, window, on_next_dialog, monkeypatch, tmp_path):
    people_shown(window, [("Ada Lovelace", "Acme"), ("Bob Ng", "")], "")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: (str(tmp_path / "x"), ""))
    on_next_dialog(lambda dialog: dialog.reject())
    assert transfer.export(window, "vcard") is None
    assert not (tmp_path / "x").exists()


def test_a_search_that_found_no_one_is_not_offered(qtbot, window, on_next_dialog, monkeypatch):
    people_shown(window, [("Ada Lovelace", "Acme"), ("Bob Ng", "")], "zzzz")
    dialog = PeopleChoice(window, window.people_page.model.ids(), "zzzz", None)
    assert [button.text() for button, _ids in dialog.choices] == ["&Everyone (2 people)"]


def test_an_empty_network_has_no_one_to_export(qtbot, window, monkeypatch, tmp_path):
    errors = []
    monkeypatch.setattr(transfer, "show_error", lambda parent, title, text: errors.append(text))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: (str(tmp_path / "x"), ""))
    assert transfer.export(window, "vcard") is None
    assert errors == ["There is no one in this network yet."]
    assert not (tmp_path / "x").exists()
