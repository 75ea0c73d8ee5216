"""Text saved as spreadsheets save CSV: the encodings and delimiters the readers take."""

from __future__ import annotations

import codecs
import csv
import io

#: 'utf-16' is Python's own: the machine's byte order, with its mark.
ENCODINGS = ("utf-8", "utf-8-sig", "utf-16", "utf-16-le-bom", "utf-16-be-bom", "cp1252")
DELIMITERS = (",", ";", "\t")


def written(rows: list[list[str]], delimiter: str = ",") -> str:
    """*rows* as CSV text with *delimiter*, CRLF between records as Excel writes."""
    buffer = io.StringIO(newline="")
    csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    return buffer.getvalue()


def encode(text: str, encoding: str) -> bytes | None:
    """*text* in *encoding*; None when it cannot be so, or when it is Windows-1252 that is
    also valid UTF-8 with other letters (which is read as UTF-8, rightly)."""
    if encoding == "utf-16-le-bom":
        return codecs.BOM_UTF16_LE + text.encode("utf-16-le")
    if encoding == "utf-16-be-bom":
        return codecs.BOM_UTF16_BE + text.encode("utf-16-be")
    if encoding != "cp1252":
        return text.encode(encoding)
    try:
        data = text.encode("cp1252")
    except UnicodeEncodeError:
        return None
    return data if text.isascii() or not is_utf8(data) else None


def is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True
