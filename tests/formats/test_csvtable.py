"""Reading a CSV file as spreadsheets save it: the encodings, the delimiters, the header
after a preamble, and the refusals."""

from __future__ import annotations

import codecs

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from saved_as import DELIMITERS, ENCODINGS, encode
from saved_as import written as csv_text

from desktop.formats import csvtable
from desktop.formats.csvtable import WINDOWS_1252, read_table
from desktop.formats.records import FormatError

HEADER = ["First Name", "Last Name", "Notes"]


def header(cells: list[str]) -> list[str] | None:
    """Accepts the test header, as a reader accepts its own."""
    names = [csvtable.column_name(cell) for cell in cells]
    return names if names[:2] == ["first name", "last name"] else None


def table(data: bytes) -> csvtable.Table:
    return read_table(
        data, "c.csv", header, refusal="c.csv has no header.", writer="We", fresh_copy="retry"
    )


def rows_of(data: bytes) -> list[list[str]]:
    return [cells for _row, cells in table(data).rows]


def written(rows: list[list[str]], delimiter: str = ",") -> str:
    return csv_text([HEADER, *rows], delimiter)


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_every_encoding_a_spreadsheet_saves_in_reads_the_same_names(encoding):
    data = encode(written([["Zoë", "Ångström", "“Quoted” – €5"]]), encoding)

    assert rows_of(data) == [["Zoë", "Ångström", "“Quoted” – €5"]]
    assert table(data).notices == ([WINDOWS_1252] if encoding == "cp1252" else [])


def test_windows_1252_is_not_read_as_latin_1():
    # Excel's quotes, dash and euro are 0x93, 0x94, 0x96 and 0x80: control characters in
    # Latin-1, the letters people typed in Windows-1252.
    data = "First Name,Last Name\r\nAda,“Lovelace” – €\r\n".encode("cp1252")

    assert rows_of(data) == [["Ada", "“Lovelace” – €"]]


@pytest.mark.parametrize("short", ["René", "é", "Ö,ß", "Ñ"])
def test_a_short_windows_1252_file_is_still_read_as_windows_1252(short):
    data = f"First Name,Last Name\n{short}\n".encode("cp1252")

    assert rows_of(data) == [short.split(",")]
    assert table(data).notices == [WINDOWS_1252]


def test_utf_8_without_a_mark_is_utf_8_with_no_notice():
    data = "First Name,Last Name\nZoë,Łukasiewicz\n".encode()

    assert rows_of(data) == [["Zoë", "Łukasiewicz"]]
    assert table(data).notices == []


def test_utf_16_without_a_mark_is_recognised_by_its_zero_bytes():
    data = "First Name\tLast Name\r\nŁukasz\tWróbel\r\n".encode("utf-16-le")

    assert rows_of(data) == [["Łukasz", "Wróbel"]]


def test_utf_8_with_a_bad_byte_is_refused_not_read_as_windows_1252():
    data = "First Name,Last Name\nZoë,Ångström\n".encode() + b"Bad,\xff\n"

    with pytest.raises(FormatError, match=r"^c\.csv is not UTF-8 text \(.* at position 41\)"):
        table(data)


def test_bytes_that_are_neither_utf_8_nor_windows_1252_are_refused_with_what_to_do():
    data = b"First Name,Last Name\nAd\x81,Lovelace\n"

    with pytest.raises(FormatError) as error:
        table(data)
    assert str(error.value).startswith("c.csv is not UTF-8 or Windows-1252 text")
    assert 'save it as "CSV UTF-8", or retry.' in str(error.value)


@pytest.mark.parametrize(
    "data", [codecs.BOM_UTF16_LE + b"F\x00i", codecs.BOM_UTF16_LE + b"\x00\xd8"]
)
def test_broken_utf_16_is_refused(data):
    with pytest.raises(FormatError, match=r"^c\.csv is not UTF-16 text"):
        table(data)


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_the_delimiter_is_the_one_that_gives_the_header(delimiter):
    rows = [["Ada", "Lovelace", "Smith, Jones; Co\tLtd"], ["Zoë", "", ""]]
    data = written(rows, delimiter).encode()

    assert table(data).delimiter == delimiter
    assert rows_of(data) == rows


def test_the_header_after_a_preamble_of_prose_with_commas():
    data = (
        b'Notes:\r\n"When exporting, you may notice, with commas; and semicolons, that"\r\n'
        b"\r\nFirst Name;Last Name\r\nAda;Lovelace, Countess\r\n"
    )

    found = table(data)
    assert (found.delimiter, [(row, cells) for row, cells in found.rows]) == (
        ";",
        [(5, ["Ada", "Lovelace, Countess"])],
    )


@pytest.mark.parametrize(("first", "later"), [(";", ","), (",", ";"), ("\t", ",")])
def test_the_earliest_header_wins_over_a_later_one_under_another_delimiter(first, later):
    data = f"First Name{first}Last Name\nA{later}B{first}C\nFirst Name{later}Last Name\n"

    assert table(data.encode()).delimiter == first
    assert rows_of(data.encode()) == [[f"A{later}B", "C"], [f"First Name{later}Last Name"]]


def test_excels_sep_line_is_a_row_before_the_header():
    data = b"sep=;\r\nFirst Name;Last Name\r\nAda;Lovelace\r\n"

    found = table(data)
    assert (found.delimiter, list(found.rows)) == (";", [(3, ["Ada", "Lovelace"])])


def test_a_header_far_down_the_file_is_not_looked_for():
    data = ("\n" * csvtable.HEADER_WITHIN + "First Name,Last Name\n").encode()

    with pytest.raises(FormatError, match=r"^c\.csv has no header\.$"):
        table(data)


def test_a_stray_second_byte_order_mark_in_the_header_is_ignored():
    data = "\ufeff\ufeffFirst Name,Last Name\nAda,Lovelace\n".encode()

    assert rows_of(data) == [["Ada", "Lovelace"]]


def test_damage_while_looking_for_the_header_is_said_when_no_header_is_found():
    data = ('"' + "x" * (csvtable.MAX_FIELD + 1) + '"\n').encode()

    with pytest.raises(FormatError, match=r"^c\.csv, row 1: a value is longer than"):
        table(data)


@settings(max_examples=300, deadline=None, database=None)
@given(
    st.lists(st.lists(st.text(max_size=20), min_size=1, max_size=5), max_size=8),
    st.sampled_from(DELIMITERS),
    st.sampled_from(ENCODINGS),
)
def test_any_text_in_any_encoding_and_delimiter_reads_back_the_same(rows, delimiter, encoding):
    data = encode(written(rows, delimiter), encoding)
    assume(data is not None)
    try:
        read = rows_of(data)
    except FormatError:
        # Only Windows-1252 that holds a valid UTF-8 sequence may be refused as damaged.
        assert encoding == "cp1252"
        return
    assert read == rows


@settings(max_examples=300, deadline=None, database=None)
@given(st.binary(max_size=600))
def test_any_bytes_read_or_are_refused(data):
    try:
        table(data)
    except FormatError as error:
        assert "c.csv" in str(error)
