"""Google Contacts CSV: what lands in the import, the rows left out, and the refusals."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.formats import google
from desktop.formats.records import MAX_FIELD, FormatError, ImportedPerson, Parsed, Skipped

DATA = Path(__file__).parent / "data"
CONTACTS = (DATA / "google_contacts.csv").read_bytes()
OLD_CONTACTS = (DATA / "google_contacts_old.csv").read_bytes()
HEADER = (
    "First Name,Middle Name,Last Name,Nickname,File As,Organization Name,Organization Title,"
    "Notes,Labels,E-mail 1 - Label,E-mail 1 - Value,Phone 1 - Label,Phone 1 - Value,"
    "Address 1 - Formatted,Address 1 - City,Website 1 - Label,Website 1 - Value\n"
)
NO_NAME = "No name: the row has no first, middle or last name, no File As and no nickname."


def test_the_current_export_with_numbered_groups_and_joined_values():
    parsed = google.parse(CONTACTS, "contacts.csv")

    assert parsed.people == [
        ImportedPerson(
            2,
            "Ada Augusta Lovelace",
            company="Analytical Engines Ltd",
            title="Mathematician",
            email="ada@example.com",
            # "ADA@example.com" in E-mail 2 is the first address again and is dropped.
            extra_emails=["ada.l@example.org", "countess@example.net"],
            phone="+44 20 7946 0000",
            linkedin_url="https://www.linkedin.com/in/ada-lovelace",
            location="12 St James's Square, London SW1Y 4JH, UK",
            notes='Met at the "Difference Engine" meetup, London.\nFollow up about Babbage.\n'
            "Website: https://ada.example.com\nPhone: +44 20 7946 0001",  # kept, not dropped
        ),
        ImportedPerson(
            3,
            "Zoë Ångström",
            company="Smith, Jones & Co",
            title='Head of "Growth"',
            phone="+46 18 000 00",
            linkedin_url="https://WWW.LinkedIn.com/in/zoe-angstrom",
            location="Uppsala, Sweden",
        ),
        ImportedPerson(4, "Acme Recruiting Desk", email="desk@acme.example"),
        ImportedPerson(5, "Tiny"),
        # Row 6 is blank and left out without a word; Ada's two-line note and
        # three-line address keep her on row 2.
        ImportedPerson(
            8,
            "José O'Brien-Núñez",
            email="jose@example.com",
            notes="Recruiter, fintech.\nAsked for: CV, portfolio, references.",
        ),
    ]
    assert parsed.skipped == [Skipped(7, NO_NAME)]


def test_the_older_export_with_given_and_family_names():
    parsed = google.parse(OLD_CONTACTS, "google.csv")

    assert parsed == Parsed(
        people=[
            ImportedPerson(
                2,
                "Grace Brewster Hopper",
                company="US Navy",
                title="Rear Admiral",
                email="grace@navy.example",
                extra_emails=["grace@home.example"],
                phone="+1 202 555 0100",
                linkedin_url="http://linkedin.com/in/grace-hopper",
                location="Arlington, VA, USA",
            ),
            # No Given or Family Name: the old export's full Name column is used.
            ImportedPerson(3, "Alan Turing", notes="Enigma, Bombe."),
        ]
    )


def test_numbered_groups_are_read_in_number_order_not_column_order():
    data = (
        b"First Name,Last Name,E-mail 10 - Value,E-mail 2 - Value,Website 3 - Value,"
        b"Website 1 - Value\n"
        b"Ada,Lovelace,ten@example.com,two@example.com,https://linkedin.com/in/b,"
        b"https://linkedin.com/in/a\n"
    )

    [ada] = google.parse(data, "contacts.csv").people
    assert (ada.email, ada.extra_emails) == ("two@example.com", ["ten@example.com"])
    assert ada.linkedin_url == "https://linkedin.com/in/a"


@pytest.mark.parametrize(
    ("cells", "name"),
    [
        ("  Mary ,Ann  ,  Smith,Tiny,Smith Mary", "Mary Ann Smith"),
        (",,,Tiny,Mary Smith (Initech)", "Mary Smith (Initech)"),
        (",,,Tiny,", "Tiny"),
    ],
)
def test_the_name_comes_from_the_name_columns_then_file_as_then_nickname(cells, name):
    data = (HEADER + cells + "\n").encode()

    assert [p.name for p in google.parse(data, "contacts.csv").people] == [name]


def test_a_formatted_address_with_windows_line_breaks_becomes_one_line():
    data = (HEADER + 'Ada,,,,,,,,,,,,,"1 Main St\r\n\r\nSpringfield ::: 2 Side St",,,\n').encode()

    assert google.parse(data, "contacts.csv").people[0].location == "1 Main St, Springfield"


def test_a_file_in_another_encoding_is_refused_with_what_to_do():
    data = (HEADER + "Zoë,,Ångström\n").encode("cp1252")

    with pytest.raises(FormatError, match=r"^contacts\.csv is not UTF-8 text") as error:
        google.parse(data, "contacts.csv")
    assert "CSV UTF-8" in str(error.value)


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"\x00\x01\x02",
        # LinkedIn's file has First Name and Last Name but none of Google's other columns.
        (DATA / "linkedin_connections.csv").read_bytes(),
        # Google's "Outlook CSV" export, which this reader does not take.
        b"First Name,Middle Name,Last Name,Title,E-mail Address,E-mail 2 Address,Company\n"
        b"Ada,,Lovelace,,ada@example.com,,\n",
    ],
)
def test_a_file_without_googles_columns_is_refused(data):
    with pytest.raises(FormatError) as error:
        google.parse(data, "contacts.csv")
    assert str(error.value).startswith(
        "contacts.csv does not look like a Google Contacts export: no row has Google's columns"
    )
    assert '"Google CSV"' in str(error.value)


@pytest.mark.parametrize("length", [MAX_FIELD + 1, 200_000])  # ours, and past the csv limit
def test_an_overlong_value_is_refused_naming_the_file_and_row(length):
    data = (HEADER + "Ada\n" + 'Bob,,Smith,,,,,"' + "x" * length + '"\n').encode()

    with pytest.raises(FormatError, match=r"^contacts\.csv, row 3: a value is longer than"):
        google.parse(data, "contacts.csv")


def parses_or_refuses(data: bytes) -> Parsed | None:
    """Parse, allowing only a FormatError that names the file; None when refused."""
    try:
        parsed = google.parse(data, "fuzz.csv")
    except FormatError as error:
        assert "fuzz.csv" in str(error)
        return None
    assert isinstance(parsed, Parsed)
    return parsed


@st.composite
def mutated(draw, originals: list[bytes]) -> bytes:
    """A valid file with a few bytes inserted, deleted or replaced, favouring CSV's own."""
    data = bytearray(draw(st.sampled_from(originals)))
    chunks = st.one_of(
        st.binary(min_size=1, max_size=4),
        st.sampled_from([b'"', b",", b"\r\n", b"\n", b"\x00", b" ::: ", b":::", b"\xc3"]),
    )
    for _ in range(draw(st.integers(1, 6))):
        start = draw(st.integers(0, len(data)))
        end = draw(st.integers(start, min(len(data), start + 8)))
        data[start:end] = draw(chunks) if draw(st.booleans()) else b""
    return bytes(data)


@settings(max_examples=200, deadline=None, database=None)
@given(st.binary(max_size=2000))
def test_any_bytes_parse_or_are_refused(data):
    parses_or_refuses(data)


@settings(max_examples=200, deadline=None, database=None)
@given(mutated([CONTACTS, OLD_CONTACTS]))
def test_damaged_exports_parse_or_are_refused(data):
    parses_or_refuses(data)


@settings(max_examples=200, deadline=None, database=None)
@given(st.lists(st.lists(st.text(max_size=30), max_size=18), max_size=12))
def test_any_rows_under_the_header_give_named_people_in_row_order(rows):
    buffer = io.StringIO(newline="")
    csv.writer(buffer).writerows(rows)
    parsed = parses_or_refuses((HEADER + buffer.getvalue()).encode())

    assert parsed is not None
    assert all(p.name and p.name == " ".join(p.name.split()) for p in parsed.people)
    assert all(p.email not in p.extra_emails and "\n" not in p.location for p in parsed.people)
    found = sorted([p.row for p in parsed.people] + [s.row for s in parsed.skipped])
    assert len(set(found)) == len(found)
    assert all(2 <= row <= len(rows) + 1 for row in found)  # one record per written row
