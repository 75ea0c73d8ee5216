"""The command line: import (with --dry-run), export and demo; failures say why and write
nothing."""

from __future__ import annotations

import shutil
import sqlite3
import sys
from pathlib import Path

import pytest

from desktop import app, cli

DATA = Path(__file__).parent / "formats" / "data"


def people_in(path: Path) -> int:
    con = sqlite3.connect(path)
    try:
        return con.execute("SELECT count(*) FROM person").fetchone()[0]
    finally:
        con.close()


def test_import_linkedin_dry_run_then_for_real(tmp_path, capsys):
    database = tmp_path / "net.sqlite3"
    source = DATA / "linkedin_connections.csv"
    assert (
        app.main(["import", "linkedin", str(source), "--database", str(database), "--dry-run"]) == 0
    )
    first = capsys.readouterr().out.splitlines()
    assert first[0].endswith("1 skipped") and first[-1] == "Nothing was written (--dry-run)."
    assert not database.exists()  # not even an empty database
    assert cli.main(["import", "linkedin", str(source), "--database", str(database)]) == 0
    new = int(first[0].split()[0])
    assert people_in(database) == new > 0
    assert cli.main(["import", "linkedin", str(source), "--database", str(database)]) == 0
    again = capsys.readouterr().out.splitlines()
    assert f"0 new, 0 merged, {new} already known, 1 skipped" in again
    assert people_in(database) == new  # nobody twice


def test_a_wrong_file_fails_in_words_and_writes_nothing(tmp_path, capsys):
    database = tmp_path / "net.sqlite3"
    wrong = tmp_path / "photo.csv"
    wrong.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    assert cli.main(["import", "linkedin", str(wrong), "--database", str(database)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("Reciprocity: ") and "photo.csv" in err
    assert not database.exists()
    assert cli.main(["import", "vcard", str(tmp_path / "missing.vcf"), "--database",
                     str(database)]) == 1  # fmt: skip
    assert "There is no file" in capsys.readouterr().err


def test_demo_writes_a_network_once(tmp_path, capsys):
    database = tmp_path / "demo.sqlite3"
    assert (
        cli.main(["demo", "--people", "40", "--actions", "200", "--database", str(database)]) == 0
    )
    assert "40 people" in capsys.readouterr().out
    assert people_in(database) == 40
    assert cli.main(["demo", "--database", str(database)]) == 1
    assert "empty database" in capsys.readouterr().err


def test_help_names_every_format(capsys):
    with pytest.raises(SystemExit):
        cli.main(["import", "--help"])
    text = capsys.readouterr().out
    assert all(kind in text for kind in cli.IMPORTS) and "--dry-run" in text


def test_own_database_is_used_without_database(tmp_path, monkeypatch, capsys):
    from desktop import paths

    own = tmp_path / "mine.sqlite3"
    monkeypatch.setattr(paths, "default_database_path", lambda: own)
    shutil.copy(DATA / "linkedin_connections.csv", tmp_path / "c.csv")
    assert cli.main(["import", "linkedin", str(tmp_path / "c.csv")]) == 0
    assert people_in(own) > 0


def test_export_csv_vcard_and_calendar(tmp_path, capsys):
    database = tmp_path / "demo.sqlite3"
    assert (
        cli.main(["demo", "--people", "30", "--actions", "150", "--database", str(database)]) == 0
    )
    folder = tmp_path / "csv"
    assert cli.main(["export", "csv", str(folder), "--database", str(database)]) == 0
    assert sorted(p.name for p in folder.iterdir()) == [
        "actions.csv", "companies.csv", "needs.csv", "people.csv",
    ]  # fmt: skip
    cards = tmp_path / "all.vcf"
    assert cli.main(["export", "vcard", str(cards), "--database", str(database)]) == 0
    assert cards.read_text("utf-8").count("BEGIN:VCARD") == 30
    calendar = tmp_path / "follow-ups.ics"
    assert cli.main(["export", "ics", str(calendar), "--database", str(database)]) == 0
    assert calendar.read_bytes().startswith(b"BEGIN:VCALENDAR")
    # What went out as vCard comes back in as the same 30 people, merged not doubled.
    assert cli.main(["import", "vcard", str(cards), "--database", str(database)]) == 0
    assert people_in(database) == 30


def test_archive_out_and_back_into_a_new_database_only(tmp_path, capsys):
    source, copy = tmp_path / "a.sqlite3", tmp_path / "b.sqlite3"
    assert cli.main(["demo", "--people", "30", "--actions", "150", "--database", str(source)]) == 0
    archive = tmp_path / "net.json"
    assert cli.main(["export", "archive", str(archive), "--database", str(source)]) == 0
    assert cli.main(["import", "archive", str(archive), "--database", str(copy)]) == 0
    assert "Restored 30 people, 6 companies" in capsys.readouterr().out
    assert people_in(copy) == 30
    assert cli.main(["import", "archive", str(archive), "--database", str(copy)]) == 1
    assert "already holds" in capsys.readouterr().err
    assert people_in(copy) == 30


def test_a_dry_run_or_a_failure_leaves_no_new_database_behind(tmp_path, capsys):
    source = DATA / "linkedin_connections.csv"
    fresh = tmp_path / "never.sqlite3"
    assert cli.main(["import", "linkedin", str(source), "--database", str(fresh), "--dry-run"]) == 0
    assert not fresh.exists()
    broken = tmp_path / "cut.json"
    broken.write_text('{"format": "reciprocity-archive", "version": 1, "tab', "utf-8")
    assert cli.main(["import", "archive", str(broken), "--database", str(fresh)]) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cut.json"]
    capsys.readouterr()
    missing = tmp_path / "n.sqlite3"
    assert cli.main(["export", "ics", str(tmp_path / "x.ics"), "--database", str(missing)]) == 1
    assert capsys.readouterr().err == (
        f"Reciprocity: There is no database at {missing}, so there is nothing to export.\n"
    )
    assert not missing.exists() and not (tmp_path / "x.ics").exists()
    made = tmp_path / "made.sqlite3"
    assert cli.main(["demo", "--people", "3", "--actions", "3", "--database", str(made)]) == 0
    capsys.readouterr()
    assert cli.main(["export", "ics", str(tmp_path / "no" / "x.ics"), "--database",
                     str(made)]) == 1  # fmt: skip
    assert capsys.readouterr().err == (
        f"Reciprocity: There is no folder {tmp_path / 'no'} to write x.ics into.\n"
    )


def test_demo_never_goes_into_your_own_network(capsys, monkeypatch, tmp_path):
    own = tmp_path / "own.sqlite3"
    monkeypatch.setattr(cli.paths, "default_database_path", lambda: own)
    assert cli.main(["demo", "--people", "3"]) == 1
    assert "needs a new file of its own: add --database PATH" in capsys.readouterr().err
    assert not own.exists()


def test_output_cut_short_after_an_import_keeps_what_was_imported(tmp_path, monkeypatch, capsys):
    """As `| head -1` closing before the last line: the import still happens, and quietly."""
    import os

    reader, writer = os.pipe()
    os.close(reader)  # whoever reads the output has gone already
    closed = open(writer, "w", encoding="utf-8")  # noqa: SIM115 (closed below)
    monkeypatch.setattr(sys, "stdout", closed)
    database = tmp_path / "net.sqlite3"
    source = DATA / "linkedin_connections.csv"
    try:
        args = ["import", "linkedin", str(source), "--database", str(database), "--list"]
        assert cli.main(args) == 0
    finally:
        monkeypatch.undo()
        closed.close()
    assert capsys.readouterr().err == ""
    assert people_in(database) == 7  # committed, so kept


def test_list_says_what_happens_to_every_row(tmp_path, capsys):
    database = tmp_path / "net.sqlite3"
    source = DATA / "linkedin_connections.csv"
    assert cli.main(["import", "linkedin", str(source), "--database", str(database)]) == 0
    capsys.readouterr()
    args = ["import", "linkedin", str(source), "--database", str(database), "--list", "--dry-run"]
    assert cli.main(args) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "0 new, 0 merged, 7 already known, 1 skipped"
    assert (
        lines[1] == "  row 5: Ada Lovelace at Analytical Engines Ltd — Already known: nothing new"
    )
    assert lines[3].startswith("  row 8: Skipped — No name")
    assert len(lines) == 1 + 8 + 1
    other = str(tmp_path / "other.sqlite3")
    assert cli.main(["import", "archive", str(source), "--list", "--database", other]) == 1
    assert "do not apply" in capsys.readouterr().err


def test_a_missing_archive_is_named_once(tmp_path, capsys):
    fresh = str(tmp_path / "new.sqlite3")
    assert cli.main(["import", "archive", str(tmp_path / "gone.json"), "--database", fresh]) == 1
    said = capsys.readouterr().err.strip()
    assert said == "Reciprocity could not read gone.json: No such file or directory."
