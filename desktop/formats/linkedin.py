"""Reads LinkedIn's Connections.csv (from "Get a copy of your data") into people.

Row numbers count CSV records from the top of the file, starting at 1, the way a
spreadsheet numbers its rows: the "Notes:" preamble and blank lines count, and a quoted
value that spans several lines is still one row. In LinkedIn's usual file the header is
row 4 and the first person row 5; in the older layout without a preamble they are 1 and 2.

The file must be UTF-8 (a byte-order mark is fine). Other encodings are refused rather
than guessed: cp1252 would "decode" almost any bytes, and a wrong guess would put
garbled names into the user's database without a word.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from desktop.formats.csvtable import decode, line, records
from desktop.formats.records import FormatError, ImportedPerson, Parsed, Skipped

HOW_MET = "Connected on LinkedIn"

_FIRST, _LAST, _URL, _EMAIL = "first name", "last name", "url", "email address"
_COMPANY, _POSITION, _CONNECTED = "company", "position", "connected on"
_COLUMNS = (_FIRST, _LAST, _URL, _EMAIL, _COMPANY, _POSITION, _CONNECTED)

_MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august")
_MONTH_NAMES += ("september", "october", "november", "december")
_MONTHS = {
    **{month: number for number, month in enumerate(_MONTH_NAMES, start=1)},
    **{month[:3]: number for number, month in enumerate(_MONTH_NAMES, start=1)},
    "sept": 9,
}
# Month names are matched here rather than with strptime's %b, which follows the process
# locale (Qt sets it from the desktop), so "14 Mar 2025" would fail under a German desktop.
_DAY_MONTH_YEAR = re.compile(r"(\d{1,2})[ -]([A-Za-z]{3,9})\.?[ -](\d{4}|\d{2})", re.ASCII)
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})", re.ASCII)


def parse(data: bytes, name: str) -> Parsed:
    """The people in a Connections.csv file; raises FormatError for a file that is not one."""
    rows = records(_decode(data, name), name)
    columns = _find_header(rows, name)
    parsed = Parsed()
    for row, cells in rows:
        if not any(cell.strip() for cell in cells):
            continue
        values = dict.fromkeys(_COLUMNS, "")
        values.update({column: cells[i] for column, i in columns.items() if i < len(cells)})
        full_name = line(f"{values[_FIRST]} {values[_LAST]}")
        if not full_name:
            parsed.skipped.append(
                Skipped(row, "No name: the row has neither a first nor a last name.")
            )
            continue
        connected = line(values[_CONNECTED])
        met_on = parse_date(connected)
        how_met = HOW_MET if met_on or not connected else f"{HOW_MET} on {connected}"
        parsed.people.append(
            ImportedPerson(
                row=row,
                name=full_name,
                company=line(values[_COMPANY]),
                title=line(values[_POSITION]),
                email=line(values[_EMAIL]),
                linkedin_url=line(values[_URL]),
                how_met=how_met,
                met_on=met_on,
            )
        )
    return parsed


def parse_date(text: str) -> date | None:
    """The date in "14 Mar 2025", "14-Mar-25" or "2025-03-14"; None for anything else."""
    text = text.strip()
    try:
        if match := _ISO.fullmatch(text):
            year, month, day = (int(part) for part in match.groups())
            return date(year, month, day)
        if match := _DAY_MONTH_YEAR.fullmatch(text):
            day_text, month_text, year_text = match.groups()
            month = _MONTHS.get(month_text.lower())
            if month is None:
                return None
            # LinkedIn began in 2003, so a two-digit year is always this century.
            year = int(year_text) + (2000 if len(year_text) == 2 else 0)
            return date(year, month, int(day_text))
    except ValueError:  # 31 Feb, month 13, year 0
        return None
    return None


def _decode(data: bytes, name: str) -> str:
    if data.startswith(b"PK\x03\x04"):
        raise FormatError(
            f"{name} is a ZIP archive. Unzip the archive LinkedIn sent you and choose "
            "the Connections.csv file inside it."
        )
    return decode(data, name, "LinkedIn", "download a fresh copy from LinkedIn")


def _find_header(rows: Iterator[tuple[int, list[str]]], name: str) -> dict[str, int]:
    """Column positions by name, from the first row that has LinkedIn's columns."""
    for _row, cells in rows:
        names = [cell.strip().casefold() for cell in cells]
        if _FIRST in names and _LAST in names and (_CONNECTED in names or _POSITION in names):
            return {column: names.index(column) for column in _COLUMNS if column in names}
    raise FormatError(
        f"{name} does not look like LinkedIn's Connections.csv: no row has the columns "
        "First Name, Last Name and Connected On or Position. Choose Connections.csv from "
        "the archive LinkedIn sends you (Settings, Data privacy, Get a copy of your data)."
    )
