"""What the CSV importers share: reading the text whatever the spreadsheet saved it as
(UTF-8 with or without a byte-order mark, UTF-16, Windows-1252; comma, semicolon or tab
between values), records with their spreadsheet row numbers, and the limit on a field's
length.

The encoding is decided by rules rather than by a statistical detector: a byte-order mark
says it outright; text that decodes as UTF-8 is UTF-8 (other encodings almost never do by
chance); anything else is what Excel on Windows writes, Windows-1252, and the preview says
so. A detector guesses wrongly on files as short as a contacts export with a few accented
names (it calls "Zoë Ångström" in Windows-1252 Central European, Mac Icelandic or Big5).

The delimiter is the one under which the reader finds its header row: only the reader
knows its columns, and the header may come after a preamble of prose full of commas.
"""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Generic, TypeVar

from desktop.formats.records import MAX_FIELD, FormatError, ImportedPerson, Parsed, Skipped

WINDOWS_1252 = "Read as Windows-1252; check the accented names."
DELIMITERS = (",", ";", "\t")
#: The header must be among this many records from the top (LinkedIn's is the fourth).
HEADER_WITHIN = 100

Header = TypeVar("Header")
Rows = Iterator[tuple[int, list[str]]]


@dataclass
class Table(Generic[Header]):
    """A CSV file's header, as the reader understood it, and the records after it."""

    header: Header
    rows: Rows
    notices: list[str]
    delimiter: str


def read_table(
    data: bytes,
    name: str,
    find_header: Callable[[list[str]], Header | None],
    *,
    refusal: str,
    writer: str,
    fresh_copy: str,
) -> Table[Header]:
    """The table in *data*: decoded, with the delimiter under which *find_header* (given a
    record's cells, returns the header's meaning or None) accepts a record. Raises
    FormatError: *refusal* when no record is a header; a decoding error that says how to
    get a readable file (*writer*: who writes the file; *fresh_copy*: where to get another).
    """
    text, notices = decode(data, name, writer, fresh_copy)
    found: list[tuple[int, int, str, Header]] = []  # (row, order, delimiter, header)
    damage: FormatError | None = None
    for order, delimiter in enumerate(DELIMITERS):
        # Only a header earlier than the one found could win.
        within = min([HEADER_WITHIN, *(f[0] - 1 for f in found)])
        try:
            for row, cells in records(text, name, delimiter):
                if row > within:
                    break
                header = find_header(cells)
                if header is not None:
                    found.append((row, order, delimiter, header))
                    break
        except FormatError as exc:  # may be only the wrong delimiter's reading
            damage = damage or exc
    if not found:
        raise damage or FormatError(refusal)
    row, _order, delimiter, header = min(found, key=lambda f: (f[0], f[1]))
    rows = records(text, name, delimiter)
    for _ in range(row):  # up to and with the header
        next(rows)
    return Table(header, rows, notices, delimiter)


def people_in(
    table: Table[Header],
    person: Callable[[int, list[str], Header], ImportedPerson | None],
    no_name: str,
) -> Parsed:
    """The people *person* makes of the table's rows (given the row number, the cells and
    the header); a row it makes no one of is skipped for having *no_name*."""
    parsed = Parsed(notices=table.notices)
    for row, cells in table.rows:
        if not any(cell.strip() for cell in cells):
            continue
        found = person(row, cells, table.header)
        if found is None:
            parsed.skipped.append(Skipped(row, no_name))
        else:
            parsed.people.append(found)
    return parsed


def decode(data: bytes, name: str, writer: str, fresh_copy: str) -> tuple[str, list[str]]:
    """*data* as text, and the notices to show about how it was read; else a FormatError
    that says how to get UTF-8."""
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ):
        if data.startswith(bom):
            return _strict(data[len(bom) :], encoding, name, writer, fresh_copy), []
    if (endian := _bomless_utf16(data)) is not None:
        return _strict(data, endian, name, writer, fresh_copy), []
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError as exc:
        if any(ord(c) > 127 and c != "\ufffd" for c in data.decode("utf-8", "replace")):
            # Good UTF-8 beside bad bytes is damaged UTF-8, not Windows-1252, which would
            # garble every name that was right.
            raise FormatError(_not_readable(name, "UTF-8", exc.start, writer, fresh_copy)) from exc
    try:
        return data.decode("cp1252"), [WINDOWS_1252]
    except UnicodeDecodeError as exc:  # five bytes mean nothing in Windows-1252
        raise FormatError(
            _not_readable(name, "UTF-8 or Windows-1252", exc.start, writer, fresh_copy)
        ) from exc


def _bomless_utf16(data: bytes) -> str | None:
    """'utf-16-le' or '-be' for text that starts with two ASCII characters in UTF-16."""
    if len(data) < 4 or len(data) % 2:
        return None
    head = data[:4]
    if head[1] == head[3] == 0 and 0 < head[0] < 128 and 0 < head[2] < 128:
        return "utf-16-le"
    if head[0] == head[2] == 0 and 0 < head[1] < 128 and 0 < head[3] < 128:
        return "utf-16-be"
    return None


def _strict(data: bytes, encoding: str, name: str, writer: str, fresh_copy: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        words = "UTF-16" if encoding.startswith("utf-16") else "UTF-8"
        raise FormatError(_not_readable(name, words, exc.start, writer, fresh_copy)) from exc


def _not_readable(name: str, encoding: str, at: int, writer: str, fresh_copy: str) -> str:
    return (
        f"{name} is not {encoding} text (the first unreadable byte is at position {at}). "
        f"{writer} writes UTF-8; if the file was saved again from a spreadsheet, save it "
        f'as "CSV UTF-8", or {fresh_copy}.'
    )


def records(text: str, name: str, delimiter: str = ",") -> Rows:
    """The CSV records with their spreadsheet row numbers."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    row = 0
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            if "field larger than field limit" in str(exc):
                raise FormatError(too_long(name, row + 1)) from exc
            raise FormatError(f"{name} could not be read as CSV at row {row + 1}: {exc}.") from exc
        row += 1
        if any(len(cell) > MAX_FIELD for cell in cells):
            raise FormatError(too_long(name, row))
        yield row, cells


def too_long(name: str, row: int) -> str:
    return (
        f"{name}, row {row}: a value is longer than {MAX_FIELD:,} characters, "
        "so the file is damaged or is not a contacts export."
    )


def column_name(cell: str) -> str:
    """A header cell as readers compare it: one line, lower case, without a stray
    byte-order mark (a file saved twice may carry a second one)."""
    return line(cell.replace("\ufeff", "")).casefold()


def line(text: str) -> str:
    """One line of text: trimmed, with each run of spaces or line breaks made one space."""
    return " ".join(text.split())
