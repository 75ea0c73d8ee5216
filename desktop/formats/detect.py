"""Which importer reads a file opened from the desktop (double-clicked, or dropped on the
program), when no menu said what it is: the first reader that finds its own header."""

from __future__ import annotations

from pathlib import Path

from desktop.formats import IMPORTERS
from desktop.formats.records import FormatError

VCARD_SUFFIXES = (".vcf", ".vcard")

WHAT_WE_READ = (
    "Reciprocity imports LinkedIn's Connections.csv, vCard files (.vcf) from any address "
    "book, and Google or Outlook contacts saved as CSV."
)


def kind_of(path: Path, data: bytes) -> str | None:
    """'vcard', 'linkedin', 'outlook' or 'google' for the reader that takes *data*; None
    when none does."""
    # Each CSV reader refuses a file without its own header, so at most one takes a file;
    # the vCard reader goes first for a file named as a vCard.
    named_vcard = path.suffix.lower() in VCARD_SUFFIXES
    kinds = sorted(IMPORTERS, key=lambda kind: (kind == "vcard") != named_vcard)
    for kind in kinds:
        try:
            IMPORTERS[kind].parse(data, path.name)
        except FormatError:
            continue
        return kind
    return None
