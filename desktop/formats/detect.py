"""Which importer reads a file opened from the desktop (double-clicked, or dropped on the
program), when no menu said what it is: the first reader that finds its own header."""

from __future__ import annotations

from pathlib import Path

from desktop.formats import google, linkedin, outlook, vcard
from desktop.formats.records import FormatError

VCARD_SUFFIXES = (".vcf", ".vcard")
# Each CSV reader refuses a file without its own header, so at most one accepts a file.
_CSV_READERS = (("linkedin", linkedin.parse), ("outlook", outlook.parse), ("google", google.parse))

WHAT_WE_READ = (
    "Reciprocity imports LinkedIn's Connections.csv, vCard files (.vcf) from any address "
    "book, and Google or Outlook contacts saved as CSV."
)


def kind_of(path: Path, data: bytes) -> str | None:
    """'vcard', 'linkedin', 'outlook' or 'google' for the reader that takes *data*; None
    when none does."""
    readers = list(_CSV_READERS)
    vcard_reader = ("vcard", vcard.parse)
    if path.suffix.lower() in VCARD_SUFFIXES:
        readers.insert(0, vcard_reader)
    else:
        readers.append(vcard_reader)
    for kind, parse in readers:
        try:
            parse(data, path.name)
        except FormatError:
            continue
        return kind
    return None
