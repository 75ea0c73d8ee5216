"""Google Contacts CSV: what lands in the import, the rows left out, and the refusals."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import fuzzing
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from saved_as import DELIMITERS, ENCODINGS, encode, written

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
            given_name="Ada",
            middle_name="Augusta",
            family_name="Lovelace",
        ),
        ImportedPerson(
            3,
            "Zoë Ångström",
            company="Smith, Jones & Co",
            title='Head of "Growth"',
            phone="+46 18 000 00",
            linkedin_url="https://WWW.LinkedIn.com/in/zoe-angstrom",
            location="Uppsala, Sweden",
            given_name="Zoë",
            family_name="Ångström",
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
            given_name="José",
            family_name="O'Brien-Núñez",
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
                given_name="Grace",
                middle_name="Brewster",
                family_name="Hopper",
            ),
            # No Given or Family Name: the old export's full Name column is used, and
            # never split into parts.
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


@pytest.mark.parametrize(
    ("prefix", "suffix", "parts"),
    [
        ("Name Prefix", "Name Suffix", ("First Name", "Middle Name", "Last Name")),
        ("Name Prefix", "Name Suffix", ("Given Name", "Additional Name", "Family Name")),
        ("Prefix", "Suffix", ("First Name", "Middle Name", "Last Name")),
    ],
)
def test_the_name_parts_come_from_their_columns_old_and_new(prefix, suffix, parts):
    columns = [prefix, *parts, suffix, "Labels"]
    data = (",".join(columns) + "\nDr.,Ada,Augusta,King,FRS,* myContacts\n").encode()

    [ada] = google.parse(data, "contacts.csv").people
    assert (ada.name_prefix, ada.given_name, ada.middle_name, ada.family_name) == (
        "Dr.",
        "Ada",
        "Augusta",
        "King",
    )
    assert (ada.name, ada.name_suffix) == ("Ada Augusta King", "FRS")


def test_a_name_from_file_as_is_never_split_into_parts():
    data = (HEADER + ",,,,Mary Smith (Initech)\n").encode()

    [mary] = google.parse(data, "contacts.csv").people
    assert mary.name == "Mary Smith (Initech)"
    assert (mary.given_name, mary.middle_name, mary.family_name) == ("", "", "")


def test_excel_unicode_text_utf_16_with_tabs_and_a_two_line_note():
    parsed = google.parse((DATA / "google_unicode_text.txt").read_bytes(), "contacts.txt")

    assert parsed.notices == []
    assert [(p.row, p.name, p.linkedin_url, p.notes) for p in parsed.people] == [
        (2, "Łukasz Wróbel", "https://www.linkedin.com/in/lukasz-wrobel",
         "Hiring for platform roles.\nLikes tea."),
        (3, "Ada Augusta Lovelace", "", ""),
        (4, "Acme Recruiting Desk", "", ""),
    ]  # fmt: skip
    assert (parsed.people[1].name_prefix, parsed.people[1].name_suffix) == ("Dr.", "FRS")


def test_a_copy_saved_in_windows_1252_with_semicolons_is_read_and_said():
    text = HEADER.replace(",", ";") + 'Zoë;;Ångström;;;"Smith; Jones";;“Met” at €vent\n'

    parsed = google.parse(text.encode("cp1252"), "contacts.csv")
    assert [(p.name, p.company, p.notes) for p in parsed.people] == [
        ("Zoë Ångström", "Smith; Jones", "“Met” at €vent")
    ]
    assert parsed.notices == ["Read as Windows-1252; check the accented names."]


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
    assert str(error.value).endswith('"Outlook CSV" is imported as Outlook contacts.')


@pytest.mark.parametrize("length", [MAX_FIELD + 1, 200_000])  # ours, and past the csv limit
def test_an_overlong_value_is_refused_naming_the_file_and_row(length):
    data = (HEADER + "Ada\n" + 'Bob,,Smith,,,,,"' + "x" * length + '"\n').encode()

    with pytest.raises(FormatError, match=r"^contacts\.csv, row 3: a value is longer than"):
        google.parse(data, "contacts.csv")


def parses_or_refuses(data: bytes) -> Parsed | None:
    return fuzzing.parses_or_refuses(google.parse, data)


def mutated(originals: list[bytes]):
    """A valid file with a few bytes changed, favouring CSV's own."""
    return fuzzing.mutated(
        originals, [b'"', b",", b"\r\n", b"\n", b"\x00", b" ::: ", b":::", b"\xc3"]
    )


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


@settings(max_examples=200, deadline=None, database=None)
@given(
    st.lists(st.lists(st.text(max_size=20), min_size=3, max_size=3), max_size=8),
    st.sampled_from(DELIMITERS),
    st.sampled_from(ENCODINGS),
)
def test_any_names_saved_by_any_spreadsheet_read_back_the_same(names, delimiter, encoding):
    rows = [["First Name", "Middle Name", "Last Name", "Labels"], *names]
    data = encode(written(rows, delimiter), encoding)
    assume(data is not None)
    parsed = parses_or_refuses(data)
    if parsed is None:  # Windows-1252 that holds a valid UTF-8 sequence: damaged, refused
        assert encoding == "cp1252"
        return

    def line(text: str) -> str:
        return " ".join(text.split())

    expected = [tuple(map(line, parts)) for parts in names if any(map(line, parts))]
    assert [(p.given_name, p.middle_name, p.family_name) for p in parsed.people] == expected
