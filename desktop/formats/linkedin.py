"""Reads LinkedIn's Connections.csv (from "Get a copy of your data") into people.

Row numbers count CSV records from the top of the file, starting at 1, the way a
spreadsheet numbers its rows: the "Notes:" preamble and blank lines count, and a quoted
value that spans several lines is still one row. In LinkedIn's usual file the header is
row 4 and the first person row 5; in the older layout without a preamble they are 1 and 2.

LinkedIn writes UTF-8 with commas; a copy saved again from a spreadsheet may have
semicolons or tabs, UTF-16 or Windows-1252 (see csvtable), and is read as well.
"""

from __future__ import annotations

import re
from datetime import date

from desktop.formats.csvtable import column_name, line, read_table
from desktop.formats.records import FormatError, ImportedPerson, Parsed, Skipped

HOW_MET = "Connected on LinkedIn"

_FIRST, _LAST, _URL, _EMAIL = "first name", "last name", "url", "email address"
_COMPANY, _POSITION, _CONNECTED = "company", "position", "connected on"
_COLUMNS = (_FIRST, _LAST, _URL, _EMAIL, _COMPANY, _POSITION, _CONNECTED)

_MONTH_NAMES = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
)  # fmt: skip
_MONTHS = {
    **{month: number for number, month in enumerate(_MONTH_NAMES, start=1)},
    **{month[:3]: number for number, month in enumerate(_MONTH_NAMES, start=1)},
    "sept": 9,
}
# Month names are matched here rather than with strptime's %b, which follows the process
# locale (Qt sets it from the desktop), so "14 Mar 2025" would fail under a German desktop.
_DAY_MONTH_YEAR = re.compile(r"(\d{1,2})[ -]([A-Za-z]{3,9})\.?[ -](\d{4}|\d{2})", re.ASCII)
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})", re.ASCII)
# LinkedIn's 2018 layout: US month/day/year, often with the time ("1/8/18, 6:14 PM").
_MONTH_DAY_YEAR = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})", re.ASCII)
# A copy saved again from a spreadsheet in much of Europe: day.month.year.
_DOTTED = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})", re.ASCII)
_WITH_TIME = re.compile(r"(.+?)\s*(?:,\s*|\s+)(\d{1,2}:.*)", re.ASCII)
_TIME = re.compile(r"(\d{1,2}):(\d{2})(?::\d{2})?(?:\s*([AaPp])\.?[Mm]\.?)?", re.ASCII)


def parse(data: bytes, name: str) -> Parsed:
    """The people in a Connections.csv file; raises FormatError for a file that is not one."""
    _refuse_zip(data, name)
    table = read_table(
        data,
        name,
        _header,
        refusal=_refusal(name),
        writer="LinkedIn",
        fresh_copy="download a fresh copy from LinkedIn",
    )
    columns = table.header
    parsed = Parsed(notices=table.notices)
    for row, cells in table.rows:
        if not any(cell.strip() for cell in cells):
            continue
        values = dict.fromkeys(_COLUMNS, "")
        values.update({column: cells[i] for column, i in columns.items() if i < len(cells)})
        first, last = line(values[_FIRST]), line(values[_LAST])
        full_name = f"{first} {last}" if first and last else first or last
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
                given_name=first,
                family_name=last,
            )
        )
    return parsed


def parse_date(text: str) -> date | None:
    """The date in "14 Mar 2025", "14-Mar-25", "2025-03-14", "1/8/18, 6:14 PM" and
    "1/8/2018" (month first, as LinkedIn's 2018 layout wrote it), or "14.03.2025" (day
    first, as a spreadsheet in much of Europe saves it again); None for anything else.
    A time after the date must be a time, or the whole is not taken for a date."""
    text = text.strip()
    if ":" in text and (match := _WITH_TIME.fullmatch(text)):
        text, time = match.groups()
        if not _is_time(time):
            return None
    try:  # today's layout first: it is tried for every row of a 30,000-row file
        if match := _DAY_MONTH_YEAR.fullmatch(text):
            day, month_text, year = match.groups()
            named = _MONTHS.get(month_text.lower())
            return None if named is None else date(_year(year), named, int(day))
        if match := _MONTH_DAY_YEAR.fullmatch(text):
            month, day, year = match.groups()
            return date(_year(year), int(month), int(day))
        if match := _DOTTED.fullmatch(text):
            day, month, year = match.groups()
            return date(_year(year), int(month), int(day))
        if match := _ISO.fullmatch(text):
            year, month, day = (int(part) for part in match.groups())
            return date(year, month, day)
    except ValueError:  # 31 Feb, month 13, year 0
        return None
    return None


def _year(text: str) -> int:
    """The year of '2025' or '25': LinkedIn began in 2003, so two digits are this century."""
    return int(text) + (2000 if len(text) == 2 else 0)


def _is_time(text: str) -> bool:
    """Whether *text* is a clock time: '6:14 PM', '18:14', '6:14:09 p.m.'."""
    match = _TIME.fullmatch(text)
    if match is None:
        return False
    hour, minute = int(match.group(1)), int(match.group(2))
    twelve = match.group(3) is not None
    return minute < 60 and (1 <= hour <= 12 if twelve else hour < 24)


def _refuse_zip(data: bytes, name: str) -> None:
    if data.startswith(b"PK\x03\x04"):
        raise FormatError(
            f"{name} is a ZIP archive. Unzip the archive LinkedIn sent you and choose "
            "the Connections.csv file inside it."
        )


def _header(cells: list[str]) -> dict[str, int] | None:
    """Column positions by name, if *cells* are LinkedIn's header."""
    names = [column_name(cell) for cell in cells]
    if _FIRST in names and _LAST in names and (_CONNECTED in names or _POSITION in names):
        return {column: names.index(column) for column in _COLUMNS if column in names}
    return None


def _refusal(name: str) -> str:
    return (
        f"{name} does not look like LinkedIn's Connections.csv: no row has the columns "
        "First Name, Last Name and Connected On or Position. Choose Connections.csv from "
        "the archive LinkedIn sends you (Settings, Data privacy, Get a copy of your data)."
    )
