"""Files the program writes are its owner's alone (0600, folders 0700) whatever the umask,
and a file is replaced only by a complete new one."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from desktop import app, cli, private_files

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture(autouse=True)
def open_umask():
    """An umask that would leave files readable by everyone: the helpers must not rely on
    the program's own umask (0o077)."""
    before = os.umask(0o022)
    yield
    os.umask(before)


def test_a_new_folder_and_its_new_parents_are_private(tmp_path):
    made = private_files.make_folder(tmp_path / "a" / "b" / "c")
    assert [mode(p) for p in (made.parent.parent, made.parent, made)] == [0o700] * 3


def test_a_folder_already_there_keeps_its_mode(tmp_path):
    documents = tmp_path / "Documents"
    documents.mkdir(mode=0o755)
    private_files.make_folder(documents / "export")
    assert mode(documents) == 0o755 and mode(documents / "export") == 0o700
    (tmp_path / "a-file").write_text("")
    with pytest.raises(NotADirectoryError):
        private_files.make_folder(tmp_path / "a-file" / "inside")


def test_an_existing_file_is_private_before_anything_is_written_into_it(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("old words, anyone may read")
    path.chmod(0o644)
    with private_files.open_private(path, "w", encoding="utf-8") as out:
        assert mode(path) == 0o600 and path.read_text() == ""
        out.write("new")
    assert path.read_text() == "new"
    with private_files.open_private(tmp_path / "log", "a", encoding="utf-8") as out:
        out.write("one\n")
    with private_files.open_private(tmp_path / "log", "a", encoding="utf-8") as out:
        out.write("two\n")
    assert (tmp_path / "log").read_text() == "one\ntwo\n" and mode(tmp_path / "log") == 0o600


def test_a_replaced_file_is_private_and_whole(tmp_path):
    path = tmp_path / "contacts.vcf"
    path.write_text("last week's contacts")
    path.chmod(0o644)
    private_files.write_text(path, "this week's contacts")
    assert path.read_text() == "this week's contacts" and mode(path) == 0o600
    private_files.write_bytes(tmp_path / "brief.pdf", b"%PDF-1.4")
    assert mode(tmp_path / "brief.pdf") == 0o600


def test_a_failed_write_leaves_the_old_file_and_no_partial_one(tmp_path):
    path = tmp_path / "contacts.vcf"
    path.write_text("last week's contacts")
    with pytest.raises(OSError) as failed, private_files.replacing(path) as out:
        out.write("half of this week's")
        raise OSError(28, "No space left on device")
    assert failed.value.filename == str(path)  # named as the file, not its temporary twin
    assert path.read_text() == "last week's contacts"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["contacts.vcf"]


def test_a_missing_folder_is_named_as_the_file_it_would_hold(tmp_path):
    target = tmp_path / "gone" / "contacts.vcf"
    with pytest.raises(FileNotFoundError) as failed:
        private_files.write_text(target, "x")
    assert failed.value.filename == str(target)


def test_the_program_sets_a_private_umask(tmp_path, capsys):
    assert app.main(["demo", "--people", "2", "--database", str(tmp_path / "d.sqlite3")]) == 0
    assert os.umask(0o022) == 0o077


@pytest.fixture
def demo(tmp_path, capsys):
    database = tmp_path / "demo.sqlite3"
    assert cli.main(["demo", "--people", "20", "--actions", "60", "--database", str(database)]) == 0
    capsys.readouterr()
    return database


@pytest.mark.parametrize("kind", ["vcard", "ics", "archive"])
def test_every_export_is_private(demo, tmp_path, kind):
    target = tmp_path / f"export.{kind}"
    target.write_text("an older export that anyone could read")
    target.chmod(0o644)
    assert cli.main(["export", kind, str(target), "--database", str(demo)]) == 0
    assert mode(target) == 0o600
    assert "anyone could read" not in target.read_text("utf-8")


def test_csv_files_and_the_folders_made_for_them_are_private(demo, tmp_path):
    folder = tmp_path / "exports" / "csv"
    assert cli.main(["export", "csv", str(folder), "--database", str(demo)]) == 0
    assert mode(folder) == mode(folder.parent) == 0o700
    assert {p.name: mode(p) for p in folder.iterdir()} == {
        "people.csv": 0o600, "companies.csv": 0o600, "needs.csv": 0o600, "actions.csv": 0o600,
        "opportunities.csv": 0o600,
    }  # fmt: skip
