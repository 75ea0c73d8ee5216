"""What the CSV importers share: UTF-8 decoding that says what to do, records with their
spreadsheet row numbers, and the limit on a field's length."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

from desktop.formats.records import MAX_FIELD, FormatError


def decode(data: bytes, name: str, writer: str, fresh_copy: str) -> str:
    """*data* as UTF-8 text (a byte-order mark allowed); else a FormatError that says how
    to get UTF-8 (*writer*: who writes the file; *fresh_copy*: where to get another)."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise FormatError(
            f"{name} is not UTF-8 text (the first unreadable byte is at position {exc.start}). "
            f"{writer} writes UTF-8; if the file was saved again from a spreadsheet, save it "
            f'as "CSV UTF-8", or {fresh_copy}.'
        ) from exc


def records(text: str, name: str) -> Iterator[tuple[int, list[str]]]:
    """The CSV records with their spreadsheet row numbers."""
    reader = csv.reader(io.StringIO(text, newline=""))
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


def line(text: str) -> str:
    """One line of text: trimmed, with each run of spaces or line breaks made one space."""
    return " ".join(text.split())
