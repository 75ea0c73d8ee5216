"""The properties of a .vcf file, one card at a time.

The bytes are never decoded as a whole. A card is read whole when it can be, by a few
searches over all of it (`whole_card`), and line by line otherwise: folded lines joined,
quoted-printable ones decoded in their character set, the data of pictures, sounds and
keys (PHOTO, LOGO, SOUND, KEY) passed over unread, so that a large or damaged photo costs
nothing and refuses nothing. Both readings give the same cards; the tests hold them to it.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from desktop.formats.vcard.properties import (
    NO_PARAMS,
    Line,
    LineError,
    base64_text,
    parameters,
    parse_line,
    quoted_printable,
)

#: Properties whose data Reciprocity never uses; their values are not even decoded.
BINARY = ("PHOTO", "LOGO", "SOUND", "KEY")

_BINARY_START = re.compile(
    rb"[ \t]*(?:[A-Za-z0-9_-]+\.)?(?:" + "|".join(BINARY).encode() + rb")[ \t]*[;:]",
    re.IGNORECASE,
)
_FOLD = (b" ", b"\t")
#: A BEGIN or END line inside a card's text (in upper case).
_NESTED = re.compile(rb"\n[ \t]*(?:BEGIN|END)[ \t]*:")
#: A quoted-printable property with the lines its soft line breaks ('=' at the end) join.
_QUOTED_PROPERTY = re.compile(
    rb"^[^ \t:\n][^:\n]*QUOTED-PRINTABLE[^:\n]*:(?:[^\n]*=\r?\n)*[^\n]*",
    re.IGNORECASE | re.MULTILINE,
)
_SOFT_BREAK = re.compile(rb"=\r?\n")
#: A picture's property with its data, up to the next line that begins a property.
_BINARY_DATA = re.compile(
    rb"^(?:[A-Za-z0-9_-]+\.)?(?:" + "|".join(BINARY).encode() + rb")[ \t]*[;:][^\n]*"
    rb"(?:\n(?![^ \t\r\n][^:\r\n]*:)[^\n]*)*",
    re.IGNORECASE | re.MULTILINE,
)
_UNFOLD = re.compile(r"\n[ \t]")
#: A property's line (group, name, parameters, value), or any other line that is not blank.
_PROPERTY = re.compile(
    r'^(?:(?:([A-Za-z0-9_-]+)\.)?([A-Za-z0-9_-]+)((?:;(?:[^";:\n]|"[^"\n]*")*)*):([^\n]*)'
    r"|([^\n]*\S[^\n]*))$",
    re.MULTILINE,
)
#: The line ending before a line that begins a property: not indented, not blank, a colon.
_NEXT_PROPERTY = re.compile(rb"\n(?=[^ \t\r\n][^:\r\n]*:)")


class Undecodable(Exception):
    """The file is not text in the character set being tried; *position* counts from 1."""

    def __init__(self, position: int):
        super().__init__(position)
        self.position = position


@dataclass
class Card:
    """A card's properties by name, each list in file order."""

    row: int
    version: str = ""
    properties: dict[str, list[Line]] = field(default_factory=dict)

    def get(self, name: str) -> list[Line]:
        return self.properties.get(name, [])


def cards(data: bytes, encoding: str) -> Iterator[Card]:
    """Every card in *data*, read as *encoding*.

    Raises CardError for a card that cannot be read and Undecodable for bytes that are
    not *encoding*; the caller words both for the user.
    """
    if b"\n" not in data and b"\r" in data:  # old Macs ended lines with CR alone
        data = data.replace(b"\r", b"\n")
    reader = _Reader(encoding)
    pieces: list[bytes] = []  # the physical lines of the logical line being read
    starts: list[int] = []  # where each of them starts in the file
    first = 0  # the line number where it starts
    quoted = False  # it is quoted-printable, whose lines end in '=' when they go on
    number = 0
    pos = len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
    size, find = len(data), data.find
    while pos < size:
        end = find(b"\n", pos)
        if end < 0:
            end = size
        line = data[pos:end].rstrip(b"\r")
        offset, pos = pos, end + 1
        number += 1
        if pieces:
            if quoted and pieces[-1].endswith(b"="):
                pieces[-1] = pieces[-1][:-1]  # a soft line break
                pieces.append(line)
                starts.append(offset)
                continue
            if line.startswith(_FOLD):
                pieces.append(line[1:])
                starts.append(offset + 1)
                continue
            if (card := reader.logical(first, pieces, starts)) is not None:
                yield card
            pieces, starts = [], []
            begun = reader.card if reader.begun else None
            if begun is not None:  # a card begins with this line: read it whole if it can be
                reader.begun = False
                if (stop := whole_card(data, offset, begun, encoding)) is not None:
                    number += data.count(b"\n", offset, stop) - 1
                    pos = stop
                    reader.card = None
                    yield begun
                    continue
        if not line.strip():
            continue
        if _BINARY_START.match(line):
            if reader.card is None:  # outside a card it is a stray line like any other
                reader.outside(number, line.decode(encoding, "replace"))
            if _is_quoted(line):
                while line.endswith(b"=") and pos < size:  # soft line breaks
                    end = find(b"\n", pos)
                    end = size if end < 0 else end
                    line, pos = data[pos:end].rstrip(b"\r"), end + 1
                    number += 1
            # Its data goes on to the next line that begins a property: folded lines begin
            # with a space, vCard 2.1 base64 may have no indent but never has a colon.
            found = _NEXT_PROPERTY.search(data, pos - 1)
            stop = found.start() + 1 if found else size
            number += data.count(b"\n", pos, stop)
            pos = stop
            continue
        pieces, starts, first = [line], [offset], number
        quoted = (b"uoted" in line or b"UOTED" in line) and _is_quoted(line)
    if pieces and (card := reader.logical(first, pieces, starts)) is not None:
        yield card
    if reader.card is not None:
        raise CardError(reader.card.row, LineError(number, "the card is never closed"))
    if reader.row == 0:
        raise CardError(0, LineError(number, "no cards"))


def _is_quoted(line: bytes) -> bool:
    """Whether a property's first line says it is quoted-printable."""
    return b"QUOTED-PRINTABLE" in line.split(b":", 1)[0].upper()


class CardError(Exception):
    """Card *row* cannot be read, for the reason *cause* gives."""

    def __init__(self, row: int, cause: LineError, what: str = ""):
        super().__init__(cause.detail)
        self.row = row
        self.cause = cause
        self.what = what  # 'a VCALENDAR block': something that is not a card at all


def whole_card(data: bytes, start: int, card: Card, encoding: str) -> int | None:
    """Read the rest of *card*, from *start* to its END:VCARD line, by a few searches over
    all of it rather than line by line, and return where the line after it begins.

    The same as the line by line reading, a third faster. None, and the card left empty,
    for a card that needs that reading: one with nested components, or with anything that
    cannot be read (the line by line reading then says where).
    """
    end = data.find(b"\nEND:VCARD", start - 1)
    stop = data.find(b"\n", end + 1) + 1 or len(data)
    if end < 0 or data[end + 10 : stop].strip() or data[stop : stop + 1] in _FOLD:
        return None  # END:VCARD folded on or absent: the line by line reading says so
    raw = data[start - 1 : end + 1]  # from the line ending before the card's first line
    shouting = raw.upper()
    if (b"BEGIN" in shouting or b"END" in shouting) and _NESTED.search(shouting):
        return None
    if b"QUOTED-PRINTABLE" in shouting:
        if raw.rstrip(b"\r\n").endswith(b"="):  # a soft line break into END:VCARD
            return None
        raw = _QUOTED_PROPERTY.sub(lambda m: _SOFT_BREAK.sub(b"", m.group()), raw)
    if any(name.encode() in shouting for name in BINARY):
        raw = _BINARY_DATA.sub(b"", raw)
    try:
        text = raw.decode(encoding)
    except UnicodeDecodeError:
        return None
    text = _UNFOLD.sub("", text.replace("\r\n", "\n"))
    if "\r" in text:
        return None
    properties = card.properties
    try:
        for group, name, raw_params, value, other in _PROPERTY.findall(text):
            if other:
                raise LineError(0, "")
            if "_" in name:
                name = name.replace("_", "-")
            name = name.upper()
            params, types, coding = parameters(raw_params) if raw_params else NO_PARAMS
            if name == "VERSION":
                card.version = value.strip()
                continue
            if name == "PROFILE":  # Lotus Notes writes PROFILE:VCard
                continue
            if coding == "quoted-printable":
                value = quoted_printable(value, params, 0, encoding)
            elif coding == "base64":
                value = base64_text(value, params, card.version)
            properties.setdefault(name, []).append(Line(group, name, params, types, value))
    except LineError:
        properties.clear()
        card.version = ""
        return None
    return stop


class _Reader:
    """Turns logical lines into cards: BEGIN and END, nesting, VERSION."""

    def __init__(self, encoding: str):
        self.encoding = encoding
        self.card: Card | None = None
        self.row = 0
        self.depth = 0  # inside a component nested in the card (ignored)
        self.begun = False  # a card has just begun

    def logical(self, number: int, pieces: list[bytes], starts: list[int]) -> Card | None:
        raw = pieces[0] if len(pieces) == 1 else b"".join(pieces)
        try:
            text = raw.decode(self.encoding)
        except UnicodeDecodeError as exc:
            raise Undecodable(_position(exc.start, pieces, starts)) from exc
        if self.card is None:
            self.outside(number, text)
            self.row += 1
            self.card = Card(self.row)
            self.begun = True
            return None
        try:
            line = parse_line(text, number, self.encoding, self.card.version)
        except LineError as exc:
            raise CardError(self.card.row, exc) from exc
        if line.name == "BEGIN":
            self.depth += 1
        elif line.name == "END" and self.depth:
            self.depth -= 1
        elif line.name == "END":
            if line.value.strip().upper() != "VCARD":
                detail = f"END:{line.value.strip()} where END:VCARD was expected"
                raise CardError(self.card.row, LineError(number, detail))
            card, self.card = self.card, None
            return card
        elif self.depth or line.name == "PROFILE":  # Lotus Notes writes PROFILE:VCard
            pass
        elif line.name == "VERSION":
            self.card.version = line.value.strip()
        else:
            self.card.properties.setdefault(line.name, []).append(line)
        return None

    def outside(self, number: int, text: str) -> None:
        """Check that a line outside every card begins one."""
        row = self.row + 1
        try:
            line = parse_line(text, number, self.encoding)
        except LineError as exc:
            raise CardError(row, exc) from exc
        if line.name != "BEGIN":
            raise CardError(row, LineError(number, ""), "lines outside BEGIN:VCARD/END:VCARD")
        if line.value.strip().upper() != "VCARD":
            raise CardError(row, LineError(number, ""), f"a {line.value.strip()} block")


def _position(index: int, pieces: list[bytes], starts: list[int]) -> int:
    """The file's byte (from 1) at *index* of the joined *pieces*."""
    for piece, start in zip(pieces, starts, strict=True):
        if index < len(piece):
            return start + index + 1
        index -= len(piece)
    return starts[-1] + 1
