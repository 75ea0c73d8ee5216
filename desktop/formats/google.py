"""Reads a Google Contacts export ("Google CSV", current or older column names) into people.

Google numbers repeated fields in groups ("E-mail 1 - Value", "E-mail 2 - Value", …) as
many as the file needs, and joins several values in one cell with " ::: ".

Row numbers count CSV records from the top of the file, starting at 1, the way a
spreadsheet numbers its rows: the header is row 1, blank lines count, and a quoted value
that spans several lines (a note, an address) is still one row.

Google writes UTF-8 with commas; a copy saved again from a spreadsheet may have
semicolons or tabs, UTF-16 or Windows-1252 (see csvtable), and is read as well.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from desktop.formats.csvtable import column_name, line, people_in, read_table
from desktop.formats.records import ImportedPerson, Parsed

NO_NAME = "No name: the row has no first, middle or last name, no File As and no nickname."

# "E-mail 2 - Value" -> ("e-mail", "2", "value"); matched against lower-cased header names.
_GROUP = re.compile(r"(.+?) (\d+) - (.+)", re.ASCII)
_NAME_PARTS = (
    ("first name", "middle name", "last name"),
    ("given name", "additional name", "family name"),
)
_MARKERS = ("labels", "group membership", "file as")
_PREFIXES, _SUFFIXES = ("name prefix", "prefix"), ("name suffix", "suffix")


@dataclass
class _Columns:
    """Where each value is in a row: column positions, None when the file lacks one."""

    name_parts: list[int | None]  # given, middle, family
    prefix: int | None
    suffix: int | None
    full_name: list[int | None]  # tried in order when the name parts are empty
    notes: int | None
    organizations: list[tuple[int | None, int | None]] = field(default_factory=list)
    emails: list[int] = field(default_factory=list)
    phones: list[int] = field(default_factory=list)
    websites: list[int] = field(default_factory=list)
    addresses: list[tuple[int | None, ...]] = field(default_factory=list)


def parse(data: bytes, name: str) -> Parsed:
    """The people in a Google Contacts CSV file; raises FormatError for a file that is not one."""
    table = read_table(
        data,
        name,
        _header,
        refusal=_refusal(name),
        writer="Google",
        fresh_copy="export a fresh copy from Google Contacts",
    )
    return people_in(table, _person, NO_NAME)


def _person(row: int, cells: list[str], columns: _Columns) -> ImportedPerson | None:
    def cell(index: int | None) -> str:
        return cells[index] if index is not None and index < len(cells) else ""

    given, middle, family = (line(cell(index)) for index in columns.name_parts)
    full_name = line(f"{given} {middle} {family}")
    for index in columns.full_name:
        full_name = full_name or line(cell(index))
    if not full_name:
        return None

    company = title = ""
    for name_index, title_index in columns.organizations:
        company, title = _first(cell(name_index)), _first(cell(title_index))
        if company or title:
            break

    emails: dict[str, str] = {}  # by casefolded address, first spelling kept, in file order
    for index in columns.emails:
        for email in _values(cell(index)):
            emails.setdefault(email.casefold(), email)
    first_email, *extra_emails = emails.values() or [""]

    phones = [phone for index in columns.phones for phone in _values(cell(index))]
    websites = [site for index in columns.websites for site in _values(cell(index))]
    linkedin = [site for site in websites if "linkedin.com" in site.casefold()]

    location = ""
    for formatted, *parts in columns.addresses:
        lines = _multiline(_first_raw(cell(formatted))).split("\n")
        location = ", ".join(line(text) for text in lines if text.strip())
        location = location or ", ".join(p for p in (_first(cell(i)) for i in parts) if p)
        if location:
            break

    # What has no field of its own is kept in the notes, as the vCard reader does.
    kept = [f"Website: {site}" for site in websites if site not in linkedin[:1]]
    kept += [f"Phone: {phone}" for phone in phones[1:]]
    notes = _multiline(cell(columns.notes)).strip()
    return ImportedPerson(
        row=row,
        name=full_name,
        company=company,
        title=title,
        email=first_email,
        phone=phones[0] if phones else "",
        linkedin_url=linkedin[0] if linkedin else "",
        location=location,
        notes="\n".join(text for text in (notes, *kept) if text),
        extra_emails=extra_emails,
        given_name=given,
        middle_name=middle,
        family_name=family,
        name_prefix=line(cell(columns.prefix)),
        name_suffix=line(cell(columns.suffix)),
    )


def _header(cells: list[str]) -> _Columns | None:
    """Column positions, if *cells* are Google's header."""
    names = [column_name(cell) for cell in cells]
    groups = [_GROUP.fullmatch(column) for column in names]
    parts = next((p for p in _NAME_PARTS if p[0] in names and p[2] in names), None)
    if parts and (any(groups) or any(marker in names for marker in _MARKERS)):
        return _columns(names, groups, parts)
    return None


def _refusal(name: str) -> str:
    return (
        f"{name} does not look like a Google Contacts export: no row has Google's columns "
        "(First Name, Last Name, Labels, E-mail 1 - Value …). In Google Contacts choose "
        'Export, then "Google CSV", and import that file; a file exported as "Outlook CSV" '
        "is imported as Outlook contacts."
    )


def _columns(
    names: list[str], groups: list[re.Match[str] | None], parts: tuple[str, ...]
) -> _Columns:
    def index(column: str) -> int | None:
        return names.index(column) if column in names else None

    numbered: dict[tuple[str, int], dict[str, int]] = {}
    for position, match in enumerate(groups):
        if match:
            kind, number, attribute = match.groups()
            numbered.setdefault((kind, int(number)), {}).setdefault(attribute, position)

    def group(kind: str, *attributes: str) -> list[tuple[int | None, ...]]:
        found = sorted((n, g) for (k, n), g in numbered.items() if k == kind)
        return [tuple(g.get(attribute) for attribute in attributes) for _n, g in found]

    organizations = [(index("organization name"), index("organization title"))]
    organizations += [(n, t) for n, t in group("organization", "name", "title")]
    return _Columns(
        name_parts=[index(part) for part in parts],
        prefix=next((index(c) for c in _PREFIXES if c in names), None),
        suffix=next((index(c) for c in _SUFFIXES if c in names), None),
        full_name=[index("name"), index("file as"), index("nickname")],
        notes=index("notes"),
        organizations=organizations,
        emails=[i for (i,) in group("e-mail", "value") if i is not None],
        phones=[i for (i,) in group("phone", "value") if i is not None],
        websites=[i for (i,) in group("website", "value") if i is not None],
        addresses=group("address", "formatted", "city", "region", "country"),
    )


def _values(text: str) -> list[str]:
    """The values Google joined in one cell with " ::: ", each on one line."""
    return [value for value in (line(part) for part in text.split(":::")) if value]


def _first(text: str) -> str:
    values = _values(text)
    return values[0] if values else ""


def _first_raw(text: str) -> str:
    """The first of the values in a cell, keeping its line breaks (for addresses)."""
    return next((part for part in text.split(":::") if part.strip()), "")


def _multiline(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")
