"""What the importers' fuzz tests share: damaged copies of good files, and the one outcome
allowed besides people, a FormatError that names the file."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from hypothesis import strategies as st

from desktop.formats.records import FormatError, Parsed


def parses_or_refuses(parse: Callable[[bytes, str], Parsed], data: bytes) -> Parsed | None:
    """Parse, allowing only a FormatError that names the file; None when refused."""
    try:
        parsed = parse(data, "fuzz.csv")
    except FormatError as error:
        assert "fuzz.csv" in str(error)
        return None
    assert isinstance(parsed, Parsed)
    return parsed


@st.composite
def mutated(draw, originals: Sequence[bytes], specials: Sequence[bytes]) -> bytes:
    """A valid file with a few bytes inserted, deleted or replaced, favouring *specials*:
    the bytes that mean something in its format."""
    data = bytearray(draw(st.sampled_from(list(originals))))
    chunks = st.one_of(st.binary(min_size=1, max_size=4), st.sampled_from(list(specials)))
    for _ in range(draw(st.integers(1, 6))):
        start = draw(st.integers(0, len(data)))
        end = draw(st.integers(start, min(len(data), start + 8)))
        data[start:end] = draw(chunks) if draw(st.booleans()) else b""
    return bytes(data)
