"""Outlook's contacts CSV (classic Outlook, Outlook.com, Microsoft 365): what lands in the
import, the rows left out, and the refusals."""

from __future__ import annotations

from pathlib import Path

import fuzzing
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from saved_as import DELIMITERS, ENCODINGS, encode, written

from desktop.formats import outlook
from desktop.formats.records import MAX_FIELD, FormatError, ImportedPerson, Parsed, Skipped

DATA = Path(__file__).parent / "data"
CLASSIC = (DATA / "outlook_contacts.csv").read_bytes()
OUTLOOK_COM = (DATA / "outlook_com_contacts.csv").read_bytes()
GERMAN = (DATA / "outlook_german.csv").read_bytes()
HEADER = [
    "Title", "First Name", "Middle Name", "Last Name", "Suffix", "Company", "Department",
    "Job Title", "Business City", "Business Phone", "Mobile Phone", "Home Phone",
    "E-mail Address", "E-mail Type", "E-mail 2 Address", "E-mail 3 Address", "Notes",
    "Web Page",
]  # fmt: skip
WINDOWS_1252 = ["Read as Windows-1252; check the accented names."]


def test_the_classic_outlook_export_in_windows_1252_with_every_column_quoted():
    parsed = outlook.parse(CLASSIC, "contacts.csv")

    assert parsed.notices == WINDOWS_1252
    assert parsed.people == [
        ImportedPerson(
            2,
            "Ada Augusta Lovelace",  # "Title" is Dr., the prefix; "Job Title" is the title
            company="Analytical Engines Ltd",
            title="Mathematician",
            email="ada@example.com",
            # "ADA@example.com" in E-mail 2 is the first address again and is dropped.
            extra_emails=["countess@example.net"],
            phone="+44 7700 900123",  # the mobile before the office
            linkedin_url="https://www.linkedin.com/in/ada-lovelace",
            location="London, United Kingdom",
            # The home number is the office's written otherwise: kept once. Windows-1252's
            # quotes, euro and dash are read as the letters typed.
            notes="Met at the “Difference Engine” meetup.\nOwes me €20 – no rush.\n"
            "Department: Research\nPhone: +44 20 7946 0000",
            given_name="Ada",
            middle_name="Augusta",
            family_name="Lovelace",
            name_prefix="Dr.",
        ),
        ImportedPerson(
            3,
            "René Descartes",
            title="Philosopher",
            # The first "address" is an Exchange directory path (E-mail Type EX): left out.
            email="rene@example.fr",
            phone="+33 1 23 45 67 89",
            location="La Haye, France",
            given_name="René",
            family_name="Descartes",
        ),
        # A company's contact has only the company: that is its name.
        ImportedPerson(
            4,
            "Acme Recruiting Desk",
            company="Acme Recruiting Desk",
            email="desk@acme.example",
            phone="+1 212 555 0100",
        ),
        ImportedPerson(
            6,
            "Zoë Ångström",
            company="Smith, Jones & Co",
            title="Head of “Growth”",
            email="zoe@example.se",
            location="Uppsala, Sweden",
            notes="Website: https://zoe.example.se",
            given_name="Zoë",
            family_name="Ångström",
            name_suffix="PhD",
        ),
    ]
    assert parsed.skipped == [Skipped(5, outlook.NO_NAME)]


def test_the_outlook_com_export_in_utf_8_with_its_own_column_order():
    parsed = outlook.parse(OUTLOOK_COM, "contacts.csv")

    assert parsed == Parsed(
        people=[
            ImportedPerson(
                2,
                "Łukasz Wróbel",
                company="Globex",
                title="Recruiter",
                email="lukasz@globex.example",
                phone="+48 22 123 45 67",  # marked primary, so before the mobile
                linkedin_url="linkedin.com/in/lukasz-wrobel",
                location="Kraków, Poland",
                notes="Hiring for platform roles.\nAsked for: CV, portfolio.\n"
                "Phone: +48 600 700 800",
                given_name="Łukasz",
                family_name="Wróbel",
            ),
            ImportedPerson(3, "Tiny", email="tiny@example.com"),  # the nickname alone
            ImportedPerson(
                4,
                "Grace Brewster Hopper",
                company="US Navy",
                location="Arlington, VA, United States of America",  # home, as no business
                notes="Website: https://grace.example",
                given_name="Grace",
                middle_name="Brewster",
                family_name="Hopper",
                name_prefix="RADM",
            ),
        ]
    )


def test_a_german_outlook_export_with_semicolons():
    parsed = outlook.parse(GERMAN, "Kontakte.csv")

    assert parsed.notices == WINDOWS_1252
    assert parsed.people == [
        ImportedPerson(
            2,
            "Jürgen Müller",
            company="Bäckerei Groß GmbH",
            title="Geschäftsführer",
            email="juergen@baeckerei.example",
            extra_emails=["j.mueller@example.de"],
            phone="0171 234 5678",
            location="München, Deutschland",
            notes="Sucht Verstärkung; kennt alle Bäcker der Stadt.\nPhone: +49 89 636 00",
            given_name="Jürgen",
            family_name="Müller",
            name_prefix="Herr",
        )
    ]


def test_googles_outlook_csv_export_is_read_too():
    data = (
        b"First Name,Middle Name,Last Name,Title,E-mail Address,E-mail 2 Address,Company\n"
        b"Ada,,Lovelace,,ada@example.com,ada@home.example,Analytical Engines\n"
    )

    assert outlook.parse(data, "contacts.csv").people == [
        ImportedPerson(
            2,
            "Ada Lovelace",
            company="Analytical Engines",
            email="ada@example.com",
            extra_emails=["ada@home.example"],
            given_name="Ada",
            family_name="Lovelace",
        )
    ]


def test_a_note_of_several_lines_keeps_its_lines_and_its_row():
    ada = dict.fromkeys(HEADER, "") | {"First Name": "Ada", "Notes": "a\r\n\r\nb"}
    rows = [HEADER, list(ada.values()), ["", "Bob"]]
    parsed = outlook.parse(written(rows).encode(), "contacts.csv")

    assert [(p.row, p.name, p.notes) for p in parsed.people] == [
        (2, "Ada", "a\n\nb"),
        (3, "Bob", ""),
    ]


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"\x00\x01\x02",
        (DATA / "linkedin_connections.csv").read_bytes(),
        (DATA / "google_contacts.csv").read_bytes(),
        # French Outlook names its columns in French.
        "Titre,Prénom,Deuxième prénom,Nom,Suffixe,Société,Adresse de messagerie\n".encode(),
    ],
)
def test_a_file_without_outlooks_columns_is_refused_with_what_to_do(data):
    with pytest.raises(FormatError) as error:
        outlook.parse(data, "contacts.csv")
    words = str(error.value)
    assert words.startswith("contacts.csv does not look like an Outlook contacts export")
    assert '"Comma Separated Values"' in words and "English and German are read" in words


@pytest.mark.parametrize("length", [MAX_FIELD + 1, 200_000])  # ours, and past the csv limit
def test_an_overlong_value_is_refused_naming_the_file_and_row(length):
    data = written([HEADER, ["", "Ada"], ["", "Bob", "x" * length]]).encode()

    with pytest.raises(FormatError, match=r"^contacts\.csv, row 3: a value is longer than"):
        outlook.parse(data, "contacts.csv")


def parses_or_refuses(data: bytes) -> Parsed | None:
    return fuzzing.parses_or_refuses(outlook.parse, data)


def mutated(originals: list[bytes]):
    """A valid file with a few bytes changed, favouring CSV's own."""
    return fuzzing.mutated(
        originals, [b'"', b",", b";", b"\t", b"\r\n", b"\n", b"\x00", b"\xef\xbb\xbf"]
    )


@settings(max_examples=200, deadline=None, database=None)
@given(st.binary(max_size=2000))
def test_any_bytes_parse_or_are_refused(data):
    parses_or_refuses(data)


@settings(max_examples=200, deadline=None, database=None)
@given(mutated([CLASSIC, OUTLOOK_COM, GERMAN]))
def test_damaged_exports_parse_or_are_refused(data):
    parses_or_refuses(data)


@settings(max_examples=200, deadline=None, database=None)
@given(
    st.lists(st.lists(st.text(max_size=30), max_size=len(HEADER) + 2), max_size=12),
    st.sampled_from(DELIMITERS),
    st.sampled_from(ENCODINGS),
)
def test_any_rows_saved_by_any_spreadsheet_give_named_people_in_row_order(
    rows, delimiter, encoding
):
    data = encode(written([HEADER, *rows], delimiter), encoding)
    assume(data is not None)
    parsed = parses_or_refuses(data)
    if parsed is None:  # Windows-1252 that holds a valid UTF-8 sequence: damaged, refused
        assert encoding == "cp1252"
        return

    assert all(p.name and p.name == " ".join(p.name.split()) for p in parsed.people)
    assert all(p.email not in p.extra_emails and "\n" not in p.location for p in parsed.people)
    found = sorted([p.row for p in parsed.people] + [s.row for s in parsed.skipped])
    assert len(set(found)) == len(found)
    assert all(2 <= row <= len(rows) + 1 for row in found)  # one record per written row

    def line(text: str) -> str:
        return " ".join(text.split())

    def parts(cells: list[str]) -> tuple[str, ...]:
        return tuple(line(cells[i]) if i < len(cells) else "" for i in (1, 2, 3))

    named = [(p.given_name, p.middle_name, p.family_name) for p in parsed.people]
    assert [n for n in named if any(n)] == [parts(row) for row in rows if any(parts(row))]
