"""The content lines of a .vcf file, one card at a time.

The bytes are read line by line, never decoded as a whole: a folded line is joined, a
quoted-printable one decoded in its character set, and the data of pictures, sounds and
keys (PHOTO, LOGO, SOUND, KEY) is passed over unread, so a large or damaged photo costs
nothing and refuses nothing.
"""

from __future__ import annotations

import base64
import codecs
import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

#: Properties whose data Reciprocity never uses; their values are not even decoded.
BINARY = ("PHOTO", "LOGO", "SOUND", "KEY")

_BINARY_START = re.compile(
    rb"[ \t]*(?:[A-Za-z0-9_-]+\.)?(?:" + "|".join(BINARY).encode() + rb")[ \t]*[;:]",
    re.IGNORECASE,
)
_NAME = re.compile(r"[ \t]*(?:([A-Za-z0-9_-]+)\.)?([A-Za-z0-9_-]+)[ \t]*")
_HEAD = re.compile(r"(?:([A-Za-z0-9_-]+)\.)?([A-Za-z0-9_-]+)((?:;[^\";:]*)*):")
_NO_TYPES: frozenset[str] = frozenset()
_PARAM = re.compile(r';((?:[^";:]|"[^"]*")*)')
_PARAM_VALUE = re.compile(r'"([^"]*)"|([^,]+)')
_TOKEN = re.compile(r"\\.|[,;]|[^\\,;]+|\\", re.DOTALL)
_ESCAPE_3 = re.compile(r"\\([\\,;:nN])")
_ESCAPE_21 = re.compile(r"\\([,;])")
_FOLD = (b" ", b"\t")
#: The line ending before a line that begins a property: not indented, not blank, a colon.
_NEXT_PROPERTY = re.compile(rb"\n(?=[^ \t\r\n][^:\r\n]*:)")


class LineError(Exception):
    """A line of a card that cannot be read: *detail* says why, in words."""

    def __init__(self, number: int, detail: str):
        super().__init__(detail)
        self.number = number
        self.detail = detail


class Undecodable(Exception):
    """The file is not text in the character set being tried; *position* counts from 1."""

    def __init__(self, position: int):
        super().__init__(position)
        self.position = position


@dataclass(slots=True)
class Line:
    """One property of a card, its value still escaped as written."""

    group: str  # Apple's 'item1' of item1.EMAIL, or ''
    name: str  # upper case, Lotus Notes' '_' read as '-'
    params: dict[str, list[str]]  # upper-case names; values without their quotes
    types: frozenset[str]  # TYPE values and vCard 2.1's bare parameters, lower case
    value: str


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


class _Reader:
    """Turns logical lines into cards: BEGIN and END, nesting, VERSION."""

    def __init__(self, encoding: str):
        self.encoding = encoding
        self.card: Card | None = None
        self.row = 0
        self.depth = 0  # inside a component nested in the card (ignored)

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


def parse_line(text: str, number: int, encoding: str, version: str = "") -> Line:
    """A property from its logical line: group, name, parameters and decoded value, in a
    card of *version* (its VERSION line comes first in every card seen so far)."""
    head = _HEAD.match(text)  # most lines: no quoted parameter values
    if head is not None:
        group, name, raw = head.groups()
        value = text[head.end() :]
        params, types, coding = _params(raw) if raw else _NO_PARAMS
    else:
        group, name, raw, value = _quoted_head(text, number)
        params, types, coding = _params(raw)
    if coding == "quoted-printable":
        value = _quoted_printable(value, params, number, encoding)
    elif coding == "base64":
        value = _base64_text(value, params, version)
    if "_" in name:
        name = name.replace("_", "-")
    return Line(group or "", name.upper(), params, types, value)


_NO_PARAMS: tuple[dict[str, list[str]], frozenset[str], str] = ({}, frozenset(), "")


@functools.lru_cache(maxsize=4096)  # cards repeat a few parameter lists many times
def _params(raw: str) -> tuple[dict[str, list[str]], frozenset[str], str]:
    """Parameters by upper-case name (values without quotes), the types (TYPE values and
    vCard 2.1's bare ones like WORK), and the encoding: 'quoted-printable', 'base64' or ''.

    Shared between lines: never changed by their readers.
    """
    params: dict[str, list[str]] = {}
    types: set[str] = set()
    for param in _PARAM.findall(raw):
        key, sep, values = param.partition("=")
        if sep:
            params.setdefault(key.strip().upper(), []).extend(
                quoted or plain.strip() for quoted, plain in _PARAM_VALUE.findall(values)
            )
        elif key.strip():
            types.add(key.strip().lower())
    types.update(t.strip().lower() for v in params.get("TYPE", ()) for t in v.split(","))
    coding = {v.lower() for v in params.get("ENCODING", ())} | types
    if "quoted-printable" in coding:
        return params, frozenset(types), "quoted-printable"
    if "b" in coding or "base64" in coding:
        return params, frozenset(types), "base64"
    return params, frozenset(types), ""


def _quoted_head(text: str, number: int) -> tuple[str, str, str, str]:
    """The group, name, parameters (as written) and value of any other line: parameter
    values in quotes may hold ';' and ':'."""
    match = _NAME.match(text)
    pos = match.end() if match else 0
    while match and pos < len(text) and text[pos] == ";":
        param = _PARAM.match(text, pos)
        assert param is not None  # ';' alone matches
        pos = param.end()
    if match is None or pos >= len(text) or text[pos] != ":":
        shown = text if len(text) <= 80 else text[:79] + "…"
        raise LineError(number, f"Failed to parse line: {shown}")
    return match.group(1), match.group(2), text[match.end() : pos], text[pos + 1 :]


def _charset(params: dict[str, list[str]], default: str) -> str:
    return next((v for v in params.get("CHARSET", []) if v.strip()), default).strip()


def _quoted_printable(value: str, params: dict[str, list[str]], number: int, encoding: str):
    charset = _charset(params, encoding)
    try:
        codecs.lookup(charset)
    except (LookupError, ValueError):  # ValueError: a name with a NUL in it
        raise LineError(number, f"the character set {charset!r} is not known") from None
    try:
        raw = codecs.decode(value.encode(encoding), "quoted-printable")
        text = raw.decode(charset)
    except (UnicodeError, ValueError, LookupError):  # LookupError: 'hex', not for text
        raise LineError(number, f"quoted-printable text that is not {charset}") from None
    return text


def _base64_text(value: str, params: dict[str, list[str]], version: str) -> str:
    """A text property written in base64: its text, escaped as if written plainly."""
    try:
        text = base64.b64decode("".join(value.split()), validate=True).decode(
            _charset(params, "utf-8")
        )
    except (ValueError, LookupError):  # binascii.Error and UnicodeError are ValueErrors
        return ""
    if version.startswith("2"):  # vCard 2.1 escapes only these
        return text.replace(",", "\\,").replace(";", "\\;")
    return escape(text)


# --- values ---


def escape(text: str) -> str:
    """Text as a vCard 3.0 or 4.0 value: backslash, comma, semicolon and newline escaped."""
    text = text.replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;")
    return text.replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n")


def unescape(value: str, version: str) -> str:
    """The text of a value: '\\,' is a comma, '\\n' a new line (vCard 3.0 and 4.0); other
    backslashes and every unescaped comma stay as written."""
    if "\\" not in value:
        return value
    if version.startswith("2"):  # vCard 2.1 escapes only ';' (and some writers ',')
        return _ESCAPE_21.sub(r"\1", value)
    return _ESCAPE_3.sub(lambda m: "\n" if m.group(1) in "nN" else m.group(1), value)


def split(value: str, separator: str) -> list[str]:
    """*value* cut at every *separator* (',' or ';') that is not escaped, still escaped."""
    if "\\" not in value:
        return value.split(separator)
    parts = [""]
    for token in _TOKEN.findall(value):
        if token == separator:
            parts.append("")
        else:
            parts[-1] += token
    return parts
