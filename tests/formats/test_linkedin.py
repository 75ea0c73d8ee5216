"""LinkedIn's Connections.csv: what lands in the import, the rows left out, and the refusals."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

import fuzzing
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from saved_as import DELIMITERS, ENCODINGS, encode, written

from desktop.formats import linkedin
from desktop.formats.records import MAX_FIELD, FormatError, ImportedPerson, Parsed, Skipped

DATA = Path(__file__).parent / "data"
CONNECTIONS = (DATA / "linkedin_connections.csv").read_bytes()
OLD_LAYOUT = (DATA / "linkedin_old_layout.csv").read_bytes()
HEADER = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n"
NO_NAME = "No name: the row has neither a first nor a last name."


def person(row: int, given: str, family: str = "", **fields) -> ImportedPerson:
    """Someone as LinkedIn gives them: the name is the first and last name, kept as parts."""
    fields.setdefault("how_met", "Connected on LinkedIn")
    name = f"{given} {family}".strip()
    return ImportedPerson(row, name, given_name=given, family_name=family, **fields)


def test_the_current_export_with_its_notes_preamble_bom_and_crlf():
    parsed = linkedin.parse(CONNECTIONS, "Connections.csv")

    # Rows as a spreadsheet shows them: "Notes:" is 1, the paragraph (two lines) 2, the
    # blank line 3, the header 4; the quoted two-line Position keeps Li Wei on one row.
    assert parsed.people == [
        person(
            5,
            "Ada",
            "Lovelace",
            company="Analytical Engines Ltd",
            title="Mathematician",
            linkedin_url="https://www.linkedin.com/in/ada-lovelace",
            met_on=date(2025, 3, 14),
        ),
        person(
            6,
            "Zoë",
            "Ångström",
            company="Smith, Jones & Co",
            title='Head of "Growth"',
            email="zoe@example.se",
            linkedin_url="https://www.linkedin.com/in/zoe-angstrom",
            met_on=date(2025, 3, 14),
        ),
        person(
            9,
            "Mary Ann",
            "Smith",
            company="Initech",
            title="Analyst",
            linkedin_url="https://www.linkedin.com/in/maryann",
            met_on=date(2025, 3, 14),
        ),
        person(
            10,
            "Cher",
            title="Singer",
            linkedin_url="https://www.linkedin.com/in/cher",
            how_met="Connected on LinkedIn on Spring 2024",
        ),
        person(12, "José", "O'Brien-Núñez", company="ACME, Inc.", email="jose@example.com"),
        person(
            13,
            "Li",
            "Wei",
            company="Globex",
            title='Engineer, "Platform" team',
            linkedin_url="https://www.linkedin.com/in/li-wei",
            met_on=date(2023, 9, 3),
        ),
        person(
            14,
            "Bob",
            "Smith",
            linkedin_url="https://www.linkedin.com/in/bob-smith",
            how_met="Connected on LinkedIn on 31 Feb 2025",
        ),
    ]
    # Rows 7 (blank line) and 11 (only commas) are left out without a word.
    assert parsed.skipped == [Skipped(8, NO_NAME)]


def test_the_older_layout_without_url_or_preamble():
    parsed = linkedin.parse(OLD_LAYOUT, "Connections.csv")

    assert parsed == Parsed(
        people=[
            person(
                2,
                "Grace",
                "Hopper",
                company="US Navy",
                title="Rear Admiral",
                email="grace@navy.example",
                met_on=date(2019, 12, 9),
            ),
            person(
                3,
                "Alan",
                "Turing",
                company="Bletchley Park, Hut 8",
                title="Cryptanalyst",
                met_on=date(2018, 6, 23),
            ),
        ],
        skipped=[Skipped(4, NO_NAME)],
    )


def test_the_header_is_found_whatever_its_case_and_spacing():
    data = b"Notes:\n\n first name ,LAST NAME, Connected On \nAda,Lovelace,1 Jan 2024\n"

    assert linkedin.parse(data, "c.csv").people == [
        person(4, "Ada", "Lovelace", met_on=date(2024, 1, 1))
    ]


def test_a_short_row_leaves_the_missing_columns_empty():
    data = (HEADER + "Ada\r\n").encode()

    assert linkedin.parse(data, "c.csv").people == [person(2, "Ada")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("14 Mar 2025", date(2025, 3, 14)),
        ("4 mar 2025", date(2025, 3, 4)),
        ("14-Mar-25", date(2025, 3, 14)),
        ("2025-03-14", date(2025, 3, 14)),
        ("3 September 2023", date(2023, 9, 3)),
        ("3 Sept 2023", date(2023, 9, 3)),
        (" 09 Dec 2019 ", date(2019, 12, 9)),
        ("", None),
        ("Spring 2024", None),
        ("03/14/2025", date(2025, 3, 14)),
        # LinkedIn's 2018 layout: month first, a two-digit year, the time after a comma.
        ("1/8/18, 6:14 PM", date(2018, 1, 8)),
        ("12/31/17, 11:59 am", date(2017, 12, 31)),
        ("1/8/2018", date(2018, 1, 8)),
        ("1/8/2018 18:14", date(2018, 1, 8)),
        ("1/8/18,6:14:09 P.M.", date(2018, 1, 8)),
        # Saved again from a spreadsheet in much of Europe: day first, with dots.
        ("14.03.2025", date(2025, 3, 14)),
        ("3.9.23", date(2023, 9, 3)),
        ("2025-03-14 18:14:00", date(2025, 3, 14)),
        ("13/1/2018", None),  # no month 13: not guessed to be day first
        ("2/30/18, 9:00 AM", None),
        ("1/8/18, 13:14 PM", None),
        ("1/8/18, 6:14 XM", None),
        ("1/8/18, soon", None),
        ("31 Feb 2025", None),
        ("14 Marzipan 2025", None),
        ("2025-13-01", None),
    ],
)
def test_connection_dates(text, expected):
    assert linkedin.parse_date(text) == expected


def test_the_2018_layout_with_us_dates_and_times():
    parsed = linkedin.parse((DATA / "linkedin_2018.csv").read_bytes(), "Connections.csv")

    assert [(p.name, p.met_on, p.how_met) for p in parsed.people] == [
        ("Grace Hopper", date(2018, 1, 8), "Connected on LinkedIn"),
        ("Alan Turing", date(2017, 12, 31), "Connected on LinkedIn"),
        ("Katherine Johnson", date(2018, 6, 23), "Connected on LinkedIn"),
        # 30 February is no date: kept in words rather than lost.
        ("Margaret Hamilton", None, "Connected on LinkedIn on 2/30/18, 9:00 AM"),
    ]


def test_a_copy_saved_by_excel_in_europe_semicolons_windows_1252_and_dotted_dates():
    data = (DATA / "linkedin_excel_semicolon.csv").read_bytes()

    parsed = linkedin.parse(data, "Connections.csv")
    assert parsed.notices == ["Read as Windows-1252; check the accented names."]
    assert parsed.people == [
        person(
            5,
            "Zoë",
            "Ångström",
            company="Smith, Jones & Co",
            title="Head of “Growth”; EMEA",
            email="zoe@example.se",
            linkedin_url="https://www.linkedin.com/in/zoe-angstrom",
            met_on=date(2025, 3, 14),
        ),
        person(
            6,
            "José",
            "O'Brien-Núñez",
            company="ACME, Inc.",
            email="jose@example.com",
            met_on=date(2023, 9, 3),
        ),
        person(
            7,
            "François",
            "Lefèvre",
            company="Société Générale",
            title="Analyste",
            linkedin_url="https://www.linkedin.com/in/flefevre",
            met_on=date(2025, 3, 14),
        ),
    ]


def test_excel_unicode_text_utf_16_with_tabs_is_read():
    text = (HEADER + "Łukasz,Wróbel,,,Globex,Recruiter,14 Mar 2025\r\n").replace(",", "\t")

    parsed = linkedin.parse(b"\xff\xfe" + text.encode("utf-16-le"), "Connections.csv")
    assert parsed.people == [
        person(2, "Łukasz", "Wróbel", company="Globex", title="Recruiter",
               met_on=date(2025, 3, 14)),
    ]  # fmt: skip
    assert parsed.notices == []


def test_the_first_and_last_name_are_kept_as_the_name_parts():
    data = (HEADER + '"  Mary   Ann ", van der Berg ,,,,,\r\n').encode()

    [mary] = linkedin.parse(data, "c.csv").people
    assert (mary.name, mary.given_name, mary.family_name) == (
        "Mary Ann van der Berg",
        "Mary Ann",
        "van der Berg",
    )
    assert (mary.middle_name, mary.name_prefix, mary.name_suffix) == ("", "", "")


def test_the_zip_archive_itself_is_refused_with_what_to_do():
    with pytest.raises(FormatError, match=r"Basic_LinkedInDataExport\.zip is a ZIP archive"):
        linkedin.parse(b"PK\x03\x04\x14\x00rest of the archive", "Basic_LinkedInDataExport.zip")


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"\n\n",
        b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada Lovelace\r\nEND:VCARD\r\n",
        # Google's export has First Name and Last Name but none of LinkedIn's other columns.
        (DATA / "google_contacts.csv").read_bytes(),
    ],
)
def test_a_file_without_linkedins_columns_is_refused(data):
    with pytest.raises(FormatError) as error:
        linkedin.parse(data, "contacts.csv")
    assert str(error.value).startswith(
        "contacts.csv does not look like LinkedIn's Connections.csv: "
        "no row has the columns First Name, Last Name"
    )


@pytest.mark.parametrize("length", [MAX_FIELD + 1, 200_000])  # ours, and past the csv limit
def test_an_overlong_value_is_refused_naming_the_file_and_row(length):
    data = (HEADER + "Ada,Lovelace,,,,,\r\n" + "Bob," + "x" * length + ",,,,,\r\n").encode()

    with pytest.raises(FormatError, match=r"^Connections\.csv, row 3: a value is longer than"):
        linkedin.parse(data, "Connections.csv")


def test_a_value_of_exactly_the_limit_is_kept():
    data = (HEADER + "Ada," + "x" * MAX_FIELD + ",,,,,\r\n").encode()

    assert len(linkedin.parse(data, "c.csv").people[0].name) == MAX_FIELD + 4


def parses_or_refuses(data: bytes) -> Parsed | None:
    return fuzzing.parses_or_refuses(linkedin.parse, data)


def mutated(originals: list[bytes]):
    """A valid file with a few bytes changed, favouring CSV's own."""
    return fuzzing.mutated(
        originals, [b'"', b",", b"\r\n", b"\n", b"\r", b"\x00", b"\xef\xbb\xbf", b"\xc3"]
    )


@settings(max_examples=200, deadline=None, database=None)
@given(st.binary(max_size=2000))
def test_any_bytes_parse_or_are_refused(data):
    parses_or_refuses(data)


@settings(max_examples=200, deadline=None, database=None)
@given(mutated([CONNECTIONS, OLD_LAYOUT]))
def test_damaged_exports_parse_or_are_refused(data):
    parses_or_refuses(data)


@settings(max_examples=200, deadline=None, database=None)
@given(st.lists(st.lists(st.text(max_size=30), max_size=9), max_size=12))
def test_any_rows_under_the_header_give_named_people_in_row_order(rows):
    buffer = io.StringIO(newline="")
    csv.writer(buffer).writerows(rows)
    parsed = parses_or_refuses((HEADER + buffer.getvalue()).encode())

    assert parsed is not None
    assert all(p.name and p.name == " ".join(p.name.split()) for p in parsed.people)
    found = sorted([p.row for p in parsed.people] + [s.row for s in parsed.skipped])
    assert len(set(found)) == len(found)
    assert all(2 <= row <= len(rows) + 1 for row in found)  # one record per written row


@settings(max_examples=200, deadline=None, database=None)
@given(
    st.lists(st.tuples(st.text(max_size=20), st.text(max_size=20)), max_size=8),
    st.sampled_from(DELIMITERS),
    st.sampled_from(ENCODINGS),
)
def test_any_names_saved_by_any_spreadsheet_read_back_the_same(names, delimiter, encoding):
    rows = [["Notes:"], ["A preamble, with commas; semicolons\tand tabs."], []]
    rows += [HEADER.strip().split(","), *([first, last] for first, last in names)]
    data = encode(written(rows, delimiter), encoding)
    assume(data is not None)
    parsed = parses_or_refuses(data)
    if parsed is None:  # Windows-1252 that holds a valid UTF-8 sequence: damaged, refused
        assert encoding == "cp1252"
        return

    def line(text: str) -> str:
        return " ".join(text.split())

    expected = [(line(f), line(last)) for f, last in names if line(f) or line(last)]
    assert [(p.given_name, p.family_name) for p in parsed.people] == expected
    assert parsed.notices == (["Read as Windows-1252; check the accented names."]
                              if encoding == "cp1252" and not data.isascii() else [])  # fmt: skip
