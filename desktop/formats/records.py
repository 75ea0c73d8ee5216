"""What every importer produces: plain records of people, rows skipped with a reason, and
a file-level error that names the file and the row. No database here."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from desktop.core.people import NAME_PARTS

__all__ = ["MAX_FIELD", "NAME_PARTS", "FormatError", "ImportedPerson", "Parsed", "Skipped"]

#: No single field of an import may be longer than this; a longer one is a malformed file.
MAX_FIELD = 100_000


class FormatError(ValueError):
    """A file that cannot be imported at all: wrong type, undecodable, missing columns.

    The message is for the user and names the file (and the row, when there is one).
    """


@dataclass
class ImportedPerson:
    """One person as read from a file. `row` is where they were: the record of a CSV file
    counted from the top of the file, as a spreadsheet numbers its rows (a preamble and the
    header count too), or the number of a card in a vCard file."""

    row: int
    name: str
    company: str = ""
    title: str = ""
    email: str = ""
    phone: str = ""
    linkedin_url: str = ""
    location: str = ""
    how_met: str = ""
    met_on: date | None = None
    notes: str = ""
    extra_emails: list[str] = field(default_factory=list)  # beyond the first; go to notes
    # The parts of the name as the file gives them (never guessed from `name`).
    given_name: str = ""
    middle_name: str = ""
    family_name: str = ""
    name_prefix: str = ""
    name_suffix: str = ""
    # What only Reciprocity's own vCard export carries (X-RECIPROCITY-… properties).
    roles: tuple[str, ...] = ()  # the keys of models.ROLES
    seeks: list[str] = field(default_factory=list)
    offers: list[str] = field(default_factory=list)
    cadence_days: int | None = None


@dataclass
class Skipped:
    row: int
    reason: str  # in words: 'No name: the row has neither a first nor a last name.'


@dataclass
class Parsed:
    """The people a file holds, and the rows left out (with why)."""

    people: list[ImportedPerson] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    unit: str = "row"  # what a number counts in this file: 'row', or 'card' for vCard
    #: Sentences about the whole file for the preview: 'Read as Windows-1252; check the
    #: accented names.'
    notices: list[str] = field(default_factory=list)
