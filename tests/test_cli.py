"""The command line: import (with --dry-run), export and demo; failures say why and write
nothing."""

from __future__ import annotations

import shutil
import sqlite3
import sys
from pathlib import Path

import pytest

from desktop import app, cli
from desktop.store import backups

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
        "actions.csv", "companies.csv", "needs.csv", "opportunities.csv", "people.csv",
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


def test_import_outlook_says_how_the_file_was_read_before_the_summary(tmp_path, capsys):
    database = tmp_path / "net.sqlite3"
    source = DATA / "outlook_contacts.csv"
    args = ["import", "outlook", str(source), "--database", str(database)]
    assert cli.main([*args, "--dry-run"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[:2] == [
        "Read as Windows-1252; check the accented names.",
        "4 new, 0 merged, 0 already known, 1 skipped",
    ]
    assert cli.main([*args, "--list"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "Read as Windows-1252; check the accented names."
    assert "  row 6: Zoë Ångström at Smith, Jones & Co — New" in lines
    assert people_in(database) == 4


def test_the_notices_of_the_plan_are_said_once_with_the_files(tmp_path, capsys, monkeypatch):
    from desktop.formats import importing

    planned = importing.plan

    def plan_with_a_notice(parsed, **options):
        found = planned(parsed, **options)
        found.notices = [*parsed.notices, "Removed 2 control characters."]
        return found

    monkeypatch.setattr(importing, "plan", plan_with_a_notice)
    source = DATA / "linkedin_excel_semicolon.csv"
    args = ["import", "linkedin", str(source), "--database", str(tmp_path / "n.sqlite3")]
    assert cli.main([*args, "--dry-run"]) == 0
    assert capsys.readouterr().out.splitlines()[:3] == [
        "Read as Windows-1252; check the accented names.",
        "Removed 2 control characters.",
        "3 new, 0 merged, 0 already known, 0 skipped",
    ]


def test_the_import_time_counts_reading_and_planning(tmp_path, capsys, monkeypatch):
    clock = [100.0]
    monkeypatch.setattr(cli.time, "perf_counter", lambda: clock[0])
    read = cli.read

    def slow_read(path):
        clock[0] += 4.0  # a slow disk
        return read(path)

    monkeypatch.setattr(cli, "read", slow_read)
    source = DATA / "linkedin_connections.csv"
    assert cli.main(["import", "linkedin", str(source), "--database", str(tmp_path / "n")]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "Imported in 4.0 s."


def test_a_missing_archive_is_named_once(tmp_path, capsys):
    fresh = str(tmp_path / "new.sqlite3")
    assert cli.main(["import", "archive", str(tmp_path / "gone.json"), "--database", fresh]) == 1
    said = capsys.readouterr().err.strip()
    assert said == "Reciprocity could not read gone.json: No such file or directory."


# -- backup, check and restore ---------------------------------------------------------


def demo_network(tmp_path: Path, name: str = "net.sqlite3") -> Path:
    database = tmp_path / name
    assert (
        cli.main(["demo", "--people", "30", "--actions", "150", "--database", str(database)]) == 0
    )
    return database


def run(capsys, *argv: str) -> tuple[int, str, str]:
    """Run the command line; nothing it prints may be a traceback."""
    code = app.main(list(argv))
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err and 'File "' not in out + err
    return code, out, err


def test_backup_says_where_and_what_it_holds_and_list_shows_them_newest_first(tmp_path, capsys):
    database = demo_network(tmp_path)
    capsys.readouterr()
    code, out, _ = run(capsys, "backup", "--database", str(database))
    (made,) = backups.list_backups(database)
    assert code == 0
    assert out.splitlines() == [
        f"Backed up {database} to {made.path}.",
        f"It holds 30 people and 150 actions ({backups.size_words(made.size)}).",
    ]
    code, out, _ = run(capsys, "backup", "--list", "--database", str(database))
    lines = out.splitlines()
    assert code == 0
    assert lines[0] == (
        f"1 backup of {database} in {tmp_path / 'backups'} ({backups.size_words(made.size)}),"
        " newest first:"
    )
    assert lines[1] == f"  {made.words()}" and lines[2] == f"    {made.path.name}"
    assert lines[3] == backups.retention_words(database)


def test_backup_of_nothing_or_of_another_programs_file_is_refused(tmp_path, capsys):
    missing = tmp_path / "none.sqlite3"
    code, out, err = run(capsys, "backup", "--database", str(missing))
    assert code == 1 and out == ""
    assert (
        err == f"Reciprocity: There is no database at {missing}, so there is nothing to back up.\n"
    )
    assert sorted(tmp_path.iterdir()) == []
    code, out, _ = run(capsys, "backup", "--list", "--database", str(missing))
    assert code == 0 and out.startswith(f"There are no backups of {missing} yet; they will be")
    photos = tmp_path / "photos.sqlite3"
    con = sqlite3.connect(photos)
    con.execute("CREATE TABLE photo (id INTEGER PRIMARY KEY)")
    con.close()
    code, _, err = run(capsys, "backup", "--database", str(photos))
    assert code == 1 and "is a database of another program" in err
    assert not (tmp_path / "backups").exists()


def test_check_passes_a_sound_network(tmp_path, capsys):
    database = demo_network(tmp_path)
    capsys.readouterr()
    for quick in ([], ["--quick"]):
        code, out, err = run(capsys, "check", "--database", str(database), *quick)
        assert code == 0 and err == "" and out.startswith("No problems found")


def break_summaries(database: Path) -> None:
    con = sqlite3.connect(database)
    with con:
        con.execute("UPDATE action_day SET n = n + 1 WHERE day = (SELECT min(day) FROM action_day)")
        con.execute("DELETE FROM person_search WHERE rowid = 3")
    con.close()


def test_check_finds_what_is_out_of_step_and_repairs_it_after_a_backup(tmp_path, capsys):
    database = demo_network(tmp_path)
    break_summaries(database)
    capsys.readouterr()
    code, out, _ = run(capsys, "check", "--database", str(database))
    lines = out.splitlines()
    assert code == 1
    assert lines[0] == "Found 2 problems:"
    assert lines[1].startswith("• The timeline summaries are out of step")
    assert lines[-1] == "Run “reciprocity check --repair” to repair what can be repaired."
    assert backups.list_backups(database) == []  # a check alone writes nothing
    code, out, _ = run(capsys, "check", "--repair", "--database", str(database))
    (saved,) = backups.list_backups(database)
    assert code == 0 and saved.reason == "before-repair"
    assert f"Backed up first, to {saved.path}." in out.splitlines()
    assert out.splitlines()[-1].startswith("Repaired. Checked again: No problems found")
    assert run(capsys, "check", "--database", str(database))[0] == 0


def test_check_of_a_damaged_file_says_restore_and_exits_with_1(tmp_path, capsys):
    database = demo_network(tmp_path)
    size = database.stat().st_size
    with open(database, "r+b") as handle:
        handle.seek((size // 4096 // 2) * 4096)
        handle.write(b"\xa5" * 4096)
    capsys.readouterr()
    for repair in ([], ["--repair"]):
        code, out, err = run(capsys, "check", "--database", str(database), *repair)
        said = out + err
        assert code == 1
        assert "damaged" in said and "restore" in said.lower()


def test_check_with_a_dangling_reference_exits_with_1_even_with_repair(tmp_path, capsys):
    database = demo_network(tmp_path)
    con = sqlite3.connect(database)
    with con:
        con.execute("INSERT INTO person_role (person_id, role) VALUES (99999, 'mentor')")
    con.close()
    capsys.readouterr()
    code, out, _ = run(capsys, "check", "--repair", "--database", str(database))
    assert code == 1 and "1 role of a person refers to a person that is not there." in out
    assert out.splitlines()[-1] == (
        "Repairing cannot mend this: restore a backup from before it happened."
    )


def test_check_or_restore_of_a_missing_database_is_refused(tmp_path, capsys):
    missing = tmp_path / "none.sqlite3"
    code, _, err = run(capsys, "check", "--database", str(missing))
    assert code == 1 and "nothing to check" in err
    code, _, err = run(capsys, "restore", str(tmp_path / "b.sqlite3"), "--database", str(missing))
    assert code == 1 and "There is no file" in err
    assert sorted(tmp_path.iterdir()) == []


def test_restore_backs_up_the_current_file_then_restores(tmp_path, capsys):
    database = demo_network(tmp_path)
    assert run(capsys, "backup", "--database", str(database))[0] == 0
    (old,) = backups.list_backups(database)
    con = sqlite3.connect(database)
    with con:
        con.execute("INSERT INTO person (name, created_at, updated_at) VALUES ('New', '', '')")
    con.close()
    code, out, _ = run(capsys, "restore", old.path.name, "--database", str(database))
    saved = next(b for b in backups.list_backups(database) if b.reason == "before-restore")
    assert code == 0
    assert out.splitlines() == [
        f"Backed up the database as it was first, to {saved.path}.",
        f"Restored {database} from {old.path}: 30 people and 150 actions.",
    ]
    assert people_in(database) == 30 and people_in(saved.path) == 31


def test_restore_of_a_file_that_is_not_a_backup_changes_nothing(tmp_path, capsys):
    database = demo_network(tmp_path)
    notes = tmp_path / "notes.sqlite3"
    notes.write_text("my notes\n" * 100)
    before = database.read_bytes()
    capsys.readouterr()
    code, out, err = run(capsys, "restore", str(notes), "--database", str(database))
    assert code == 1 and out == ""
    assert err == (
        "Reciprocity did not restore notes.sqlite3: notes.sqlite3 is not a backup of "
        "Reciprocity: it is not a database file at all. Your database has not been changed.\n"
    )
    assert database.read_bytes() == before and not (tmp_path / "backups").exists()


def test_restore_waits_until_the_window_is_closed(tmp_path, capsys, monkeypatch):
    database = demo_network(tmp_path)
    assert run(capsys, "backup", "--database", str(database))[0] == 0
    (old,) = backups.list_backups(database)
    from desktop.store import instance

    monkeypatch.setattr(instance.InstanceLock, "acquire", lambda self: False)
    before = database.read_bytes()
    code, _, err = run(capsys, "restore", str(old.path), "--database", str(database))
    assert code == 1
    assert err.startswith(f"Reciprocity: {database} is open in the Reciprocity window, so it")
    assert database.read_bytes() == before and backups.list_backups(database) == [old]


_HOLD_LOCK = """
import sys
from desktop.store import instance
assert instance.InstanceLock(sys.argv[1]).acquire()
print("held", flush=True)
sys.stdin.read()  # until the test is done
"""


def test_restore_is_refused_while_a_window_holds_the_database(tmp_path, capsys, monkeypatch):
    import subprocess

    from desktop.store import instance

    monkeypatch.setenv(instance.STATE_DIR_VARIABLE, str(tmp_path / "state"))
    database = demo_network(tmp_path)
    assert run(capsys, "backup", "--database", str(database))[0] == 0
    (old,) = backups.list_backups(database)
    window = subprocess.Popen(
        [sys.executable, "-c", _HOLD_LOCK, str(database)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert window.stdout.readline() == "held\n"
        code, _, err = run(capsys, "restore", str(old.path), "--database", str(database))
        assert code == 1 and "is open in the Reciprocity window" in err
    finally:
        window.communicate("")
    assert backups.list_backups(database) == [old]
    assert run(capsys, "restore", str(old.path), "--database", str(database))[0] == 0


def test_an_import_into_a_network_with_people_backs_it_up_first(tmp_path, capsys):
    database = tmp_path / "net.sqlite3"
    source = DATA / "linkedin_connections.csv"
    assert cli.main(["import", "linkedin", str(source), "--database", str(database)]) == 0
    assert backups.list_backups(database) == []  # it was empty: nothing to lose
    cards = DATA / "three_cards.vcf"
    args = ["import", "vcard", str(cards), "--database", str(database)]
    assert cli.main([*args, "--dry-run"]) == 0
    assert backups.list_backups(database) == []
    capsys.readouterr()
    assert cli.main(args) == 0
    (made,) = backups.list_backups(database)
    assert made.reason == "before-import" and made.people == 7
    assert f"Backed up the network first, to {made.path}." in capsys.readouterr().out.splitlines()


def test_a_bug_while_backing_up_is_one_sentence_not_a_traceback(tmp_path, capsys, monkeypatch):
    database = demo_network(tmp_path)
    capsys.readouterr()

    def broken(*_args, **_kwargs):
        raise RuntimeError("a slip in the code")

    monkeypatch.setattr(backups, "create", broken)
    code, out, err = run(capsys, "backup", "--database", str(database))
    assert code == 1 and out == "" and "bug" in err and len(err.strip().splitlines()) == 1


def test_paths_lists_who_you_know_at_a_company_in_words_and_as_columns(tmp_path, capsys):
    from desktop.core import people, positions
    from desktop.core.people import PersonData
    from desktop.core.positions import PositionData
    from desktop.store import connection

    database = tmp_path / "paths.sqlite3"
    connection.open_database(database)
    try:
        people.create_person(PersonData(name="Ana Abel", company="Contoso, Ltd.", title="Lead"))
        finn = people.create_person(PersonData(name="Finn Fox", company="Globex"))
        positions.add_position(finn, PositionData(company="Contoso", ended="2023"))
    finally:
        connection.close_database()
    assert cli.main(["paths", "contoso inc", "--database", str(database)]) == 1
    assert "could be any of: Contoso; Contoso, Ltd." in capsys.readouterr().err
    assert cli.main(["paths", "Contoso", "--database", str(database)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "Warm paths at Contoso: 2"
    assert out[1].startswith("Also counted as Contoso: Contoso, Ltd. (the same name apart")
    assert out[2:] == [
        "Works there (1):",
        out[3],
        "Worked there (1):",
        "  Finn Fox — Worked at Contoso, until 2023. No help logged yet.",
    ]
    assert out[3].startswith("  Ana Abel — Works at Contoso, Ltd. (")
    assert cli.main(["paths", "Contoso", "--tsv", "--database", str(database)]) == 0
    table = capsys.readouterr().out.splitlines()
    assert table[0].split("\t") == [
        "kind", "name", "reason", "you helped", "helped you", "last contact",
    ]  # fmt: skip
    assert table[2].split("\t") == ["former", "Finn Fox", "Worked at Contoso, until 2023",
                                    "0", "0", ""]  # fmt: skip
    assert cli.main(["paths", "Nobody Corp", "--database", str(database)]) == 1
    assert "There is no company called “Nobody Corp”" in capsys.readouterr().err
