"""Reading one large JSON document from a stream, a piece at a time (for the archive)."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from typing import Any, TextIO

READ_CHUNK = 1 << 20  # characters read at a time, unless the caller says otherwise


SPACE = re.compile(r"[ \t\n\r]*")


def no_constant(text: str) -> None:
    raise ValueError(f"{text} is not a number JSON allows")


class JsonReader:
    """One JSON document read from a text stream a piece at a time: its outline by hand,
    each value inside it (a row, a name) with the json module. *name* is the file's, for
    messages. *invalid*(why) makes the
    error for a malformed document; *unreadable*(exc) the one for a failing stream."""

    def __init__(
        self,
        stream: TextIO,
        name: str,
        invalid: Callable[[str], Exception],
        unreadable: Callable[[OSError], Exception],
        chunk: int = READ_CHUNK,
    ):
        self.stream, self.name, self.chunk = stream, name, chunk
        self.invalid, self.unreadable = invalid, unreadable
        self.text, self.pos, self.eof, self.line = "", 0, False, 1  # line of text[0]
        self.before = 0  # characters read and let go before text[0]
        self.decode = json.JSONDecoder(parse_constant=no_constant).raw_decode

    def more(self) -> None:
        """Read on, keeping what is not consumed yet (and at least doubling it)."""
        self.line += self.text.count("\n", 0, self.pos)
        self.before += self.pos
        rest = self.text[self.pos :]
        try:
            added = self.stream.read(max(self.chunk, len(rest)))
        except UnicodeDecodeError as exc:
            raise self.error("it is not UTF-8 text", len(rest)) from exc
        except OSError as exc:
            raise self.unreadable(exc) from exc
        self.text, self.pos, self.eof = rest + added, 0, not added

    def consumed(self) -> int:
        """How many characters of the document have been read through."""
        return self.before + self.pos

    def error(self, why: str, pos: int | None = None) -> Exception:
        line = self.line + self.text.count("\n", 0, self.pos if pos is None else pos)
        return self.invalid(f"{why} (line {line:,})")

    def peek(self) -> str:
        """Skip white space; the next character, or '' at the end of the file."""
        while True:
            space = SPACE.match(self.text, self.pos)
            assert space is not None  # the pattern matches nothing at all, too
            self.pos = space.end()
            if self.pos < len(self.text):
                return self.text[self.pos]
            if self.eof:
                return ""
            self.more()

    def take(self, allowed: str, what: str) -> str:
        """Consume the next character, one of *allowed*."""
        char = self.peek()
        if not char:
            raise self.error(f"the file ends inside {what}; is it cut short?")
        if char not in allowed:
            listed = " or ".join(f"'{c}'" for c in allowed)
            raise self.error(f"expected {listed} in {what}, found '{char}'")
        self.pos += 1
        return char

    def value(self) -> Any:
        self.peek()
        while True:
            try:
                value, end = self.decode(self.text, self.pos)
            except json.JSONDecodeError as exc:
                # Ran out of text, or the text is wrong? Only more text can tell.
                cut = exc.msg.startswith("Unterminated") or exc.pos >= len(self.text) - 8
                if self.eof and cut:
                    raise self.error("the file ends inside a value; is it cut short?") from None
                if not cut:
                    raise self.error(exc.msg[0].lower() + exc.msg[1:], exc.pos) from None
            except RecursionError:
                raise self.error("it nests too deeply") from None
            except ValueError as exc:  # NaN, Infinity, a number of a thousand digits
                raise self.error(str(exc)) from None
            else:
                if end < len(self.text) or self.eof:  # a number may go on past the end
                    self.pos = end
                    return value
            self.more()

    def members(self, what: str) -> Iterator[str]:
        """The names in the object that starts here; the caller reads each value."""
        self.take("{", what)
        if self.peek() == "}":
            self.pos += 1
            return
        while True:
            if self.peek() != '"':
                self.take('"', what)
            name = self.value()  # a string, for it starts with "
            self.take(":", what)
            yield name  # the caller reads the value before asking for the next name
            if self.take(",}", what) == "}":
                return

    def items(self, what: str) -> Iterator[None]:
        """Step through the array that starts here; the caller reads each value."""
        self.take("[", what)
        if self.peek() == "]":
            self.pos += 1
            return
        while True:
            yield
            if self.take(",]", what) == "]":
                return

    def finish(self) -> None:
        if self.peek():
            raise self.error("there is more after the end of the archive")
