"""One property of a vCard: its line parsed into group, name, parameters and value, the
value decoded from quoted-printable or base64, and the escapes of its text."""

from __future__ import annotations

import base64
import binascii
import codecs
import functools
import re
from dataclasses import dataclass

_NAME = re.compile(r"[ \t]*(?:([A-Za-z0-9_-]+)\.)?([A-Za-z0-9_-]+)[ \t]*")
_HEAD = re.compile(r"(?:([A-Za-z0-9_-]+)\.)?([A-Za-z0-9_-]+)((?:;[^\";:]*)*):")
_PARAM = re.compile(r';((?:[^";:]|"[^"]*")*)')
_PARAM_VALUE = re.compile(r'"([^"]*)"|([^,]+)')
_TOKEN = re.compile(r"\\.|[,;]|[^\\,;]+|\\", re.DOTALL)
_ESCAPE_3 = re.compile(r"\\([\\,;:nN])")
_ESCAPE_21 = re.compile(r"\\([,;])")


class LineError(Exception):
    """A line of a card that cannot be read: *detail* says why, in words."""

    def __init__(self, number: int, detail: str):
        super().__init__(detail)
        self.number = number
        self.detail = detail


@dataclass(slots=True)
class Line:
    """One property of a card, its value still escaped as written."""

    group: str  # Apple's 'item1' of item1.EMAIL, or ''
    name: str  # upper case, Lotus Notes' '_' read as '-'
    params: dict[str, list[str]]  # upper-case names; values without their quotes
    types: frozenset[str]  # TYPE values and vCard 2.1's bare parameters, lower case
    value: str


def parse_line(text: str, number: int, encoding: str, version: str = "") -> Line:
    """A property from its logical line: group, name, parameters and decoded value, in a
    card of *version* (its VERSION line comes first in every card seen so far)."""
    head = _HEAD.match(text)  # most lines: no quoted parameter values
    if head is not None:
        group, name, raw = head.groups()
        value = text[head.end() :]
        params, types, coding = parameters(raw) if raw else NO_PARAMS
    else:
        group, name, raw, value = _quoted_head(text, number)
        params, types, coding = parameters(raw)
    if coding == "quoted-printable":
        value = quoted_printable(value, params, number, encoding)
    elif coding == "base64":
        value = base64_text(value, params, version)
    if "_" in name:
        name = name.replace("_", "-")
    return Line(group or "", name.upper(), params, types, value)


NO_PARAMS: tuple[dict[str, list[str]], frozenset[str], str] = ({}, frozenset(), "")


@functools.lru_cache(maxsize=4096)  # cards repeat a few parameter lists many times
def parameters(raw: str) -> tuple[dict[str, list[str]], frozenset[str], str]:
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


def quoted_printable(value: str, params: dict[str, list[str]], number: int, encoding: str) -> str:
    charset = _charset(params, encoding)
    try:
        codecs.lookup(charset)
    except (LookupError, ValueError):  # ValueError: a name with a NUL in it
        raise LineError(number, f"the character set {charset!r} is not known") from None
    try:
        raw = binascii.a2b_qp(value.encode(encoding))  # what the quopri codec runs
        text = raw.decode(charset)
    except (UnicodeError, ValueError, LookupError):  # LookupError: 'hex', not for text
        raise LineError(number, f"quoted-printable text that is not {charset}") from None
    return text


def base64_text(value: str, params: dict[str, list[str]], version: str) -> str:
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
