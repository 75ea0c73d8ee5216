"""The day a contacts file was exported, from its name, its folder's, or its time."""

from __future__ import annotations

import os
from datetime import date, datetime

from desktop.formats.exported import export_day

TODAY = date(2026, 12, 3)


def test_linkedins_export_folder_names_the_day_month_first(tmp_path):
    folder = tmp_path / "Basic_LinkedInDataExport_11-20-2026"
    folder.mkdir()
    path = folder / "Connections.csv"
    path.write_text("x")
    assert export_day(path, TODAY) == date(2026, 11, 20)


def test_an_iso_day_in_the_name_is_taken(tmp_path):
    path = tmp_path / "contacts-2026-10-01.vcf"
    path.write_text("x")
    assert export_day(path, TODAY) == date(2026, 10, 1)


def test_otherwise_the_day_it_was_written_and_never_a_day_to_come(tmp_path):
    path = tmp_path / "Connections.csv"
    path.write_text("x")
    written = datetime(2026, 6, 7, 12, 0).timestamp()
    os.utime(path, (written, written))
    assert export_day(path, TODAY) == date(2026, 6, 7)
    later = tmp_path / "export-2027-01-01.csv"  # a name that is no day yet: not believed
    later.write_text("x")
    os.utime(later, (written, written))
    assert export_day(later, TODAY) == date(2026, 6, 7)
    assert export_day(tmp_path / "gone.csv", TODAY) is None
    assert export_day(tmp_path / "99-99-2026.csv", TODAY) is None  # no such day, no file
