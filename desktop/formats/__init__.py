"""Importers and exporters, one module per file format, and the one table of them that the
command line, the menus and the import dialog all read. Never imports Qt.

The modules are imported only when a format is used, so naming the formats costs nothing.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desktop.formats.records import Parsed
    from desktop.store.progress import Progress


@dataclass(frozen=True)
class Importer:
    """A contacts file Reciprocity reads: what it is called, and which files it comes in."""

    key: str
    name: str  # as the menus and titles say it: "Import LinkedIn connections"
    module: str
    patterns: tuple[str, ...]  # the file dialog's, e.g. ("Connections.csv", "*.csv")

    def parse(self, data: bytes, file_name: str) -> Parsed:
        parse: Callable[[bytes, str], Parsed] = _module(self.module).parse
        return parse(data, file_name)


@dataclass(frozen=True)
class Exporter:
    """A file Reciprocity writes."""

    key: str
    menu: str  # the File › Export item, with its mnemonic
    default_name: str  # "" for a folder of files
    description: str  # the file dialog's name for the kind

    @property
    def into_folder(self) -> bool:
        return not self.default_name


# Excel saves "Unicode text" (UTF-16, tabs) as .txt, which the CSV readers take too.
IMPORTERS: dict[str, Importer] = {
    i.key: i
    for i in (
        Importer(
            "linkedin", "LinkedIn connections", "linkedin", ("Connections.csv", "*.csv", "*.txt")
        ),
        Importer("vcard", "vCard contacts", "vcard", ("*.vcf", "*.vcard")),
        Importer("google", "Google Contacts", "google", ("*.csv", "*.txt")),
        Importer("outlook", "Outlook contacts", "outlook", ("*.csv", "*.txt")),
    )
}
#: The full archive is restored, not merged: the command line lists it with the importers.
ARCHIVE = "archive"

EXPORTERS: dict[str, Exporter] = {
    e.key: e
    for e in (
        Exporter("csv", "&CSV files (people, companies, needs, actions)…", "", "CSV files"),
        Exporter("vcard", "&vCard contacts…", "contacts.vcf", "vCard (*.vcf)"),
        Exporter("ics", "Ca&lendar of follow-ups…", "follow-ups.ics", "iCalendar (*.ics)"),
        Exporter("archive", "Full &archive…", "reciprocity-archive.json",
                 "Reciprocity archive (*.json)"),
    )
}  # fmt: skip


def export(
    key: str,
    target: Path,
    *,
    people: Sequence[int] | None = None,
    today: date | None = None,
    progress: Progress | None = None,
) -> list[Path]:
    """Write the *key* export to *target* (a folder for CSV), of *people* for vCard (all
    when None); return the files written. The archive, the one export that can take
    seconds, tells *progress* how far it is, and stops if it raises `Cancelled`."""
    from desktop import private_files

    if key == "csv":
        return list(_module("csv_export").export_all(target))
    if key == "vcard":
        if people is None:
            from desktop.core.people import person_ids

            people = person_ids()
        private_files.write_text(target, _module("vcard").export(list(people)), newline="")
    elif key == "ics":
        calendar = _module("icalendar_export").export(today or date.today())
        private_files.write_bytes(target, calendar)
    elif key == "archive":
        _module("archive").export(target, progress=progress)
    else:
        raise ValueError(f"no exporter {key!r}")
    return [target]


def _module(name: str) -> ModuleType:
    return importlib.import_module(f"desktop.formats.{name}")
