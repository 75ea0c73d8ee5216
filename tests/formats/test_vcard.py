"""Reading .vcf files from real address books, and writing people back as vCard 4.0."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.core import people
from desktop.core.people import PersonData
from desktop.formats import vcard
from desktop.formats.records import MAX_FIELD, FormatError, ImportedPerson, Parsed, Skipped
from desktop.formats.vcard import lines

DATA = Path(__file__).parent / "data"


def read(name: str) -> Parsed:
    return vcard.parse((DATA / name).read_bytes(), name)


def card(*lines: str) -> bytes:
    return "\r\n".join(("BEGIN:VCARD", "VERSION:3.0", *lines, "END:VCARD", "")).encode()


def test_apple_contacts_groups_labels_and_preferred_values():
    assert read("apple_contacts.vcf") == Parsed(
        unit="card",
        people=[
            ImportedPerson(
                row=1,
                name="Ada Lovelace",
                company="Analytical Engines Ltd.",
                title="Chief Mathematician",
                # The work address is marked preferred, so it comes first.
                email="ada@engines.example",
                phone="+44 20 7946 0001",
                linkedin_url="https://www.linkedin.com/in/ada-lovelace",
                location="London, United Kingdom",
                notes="Met at the Babbage salon.\n"
                "Website (Blog): https://ada.example.org/notes\n"
                "Profile (twitter): https://twitter.com/ada\n"
                "Phone: +44 20 7946 0002",
                extra_emails=["ada.home@example.org"],
                given_name="Ada",
                family_name="Lovelace",
                name_prefix="Countess",
            ),
        ],
        skipped=[Skipped(2, vcard.COMPANY_CARD)],  # Apple's "show as company"
    )


def test_google_folded_lines_and_escaped_commas_and_semicolons():
    assert read("google.vcf") == Parsed(
        unit="card",
        people=[
            ImportedPerson(
                row=1,
                name="Grace Brewster Murray Hopper",
                company="Remington Rand, Inc.",
                title="Senior Mathematician; COBOL designer",
                email="grace@example.com",
                phone="(555) 010-4477",
                linkedin_url="http://www.linkedin.com/in/grace-hopper",
                location="Arlington, VA, USA",
                notes='Invented the first compiler, A-0. Coined "debugging"; kept a nanosecond '
                "of wire on her desk.\nLikes: COBOL, FLOW-MATIC; and clocks.",
                extra_emails=["ghopper@navy.example.mil", "amazing.grace@example.net"],
                given_name="Grace",
                middle_name="Brewster Murray",
                family_name="Hopper",
                name_prefix="Rear Admiral",
            )
        ],
    )


def test_vcard_21_quoted_printable_with_utf8_charset():
    assert read("phone_21.vcf") == Parsed(
        unit="card",
        people=[
            ImportedPerson(
                row=1,
                name="Jürgen Müller",
                company="Bäckerei Groß GmbH",
                email="juergen@baeckerei.example.de",
                phone="+49 30 1234567",
                location="München, Bayern, Deutschland",
                notes="Backt die besten Brötchen.\nFragt nach dem Sauerteig.\n"
                "Phone: +49 171 7654321",
                given_name="Jürgen",
                family_name="Müller",
            )
        ],
    )


def test_a_card_without_a_name_is_skipped_and_rows_count_cards():
    assert read("three_cards.vcf") == Parsed(
        unit="card",
        people=[
            ImportedPerson(row=1, name="Zoë Ångström-Núñez", email="zoe@example.se"),
            ImportedPerson(
                row=3,
                # No FN: the structured name is used, given name first.
                name="Hiroshi Takahashi",
                company="株式会社サンプル",
                email="高橋@example.jp",  # PREF=1 beats PREF=2
                phone="+81-90-1234-5678",  # the tel: of a vCard 4.0 URI is dropped
                location="Kyōto, Japan",
                extra_emails=["h.takahashi@example.jp"],
                given_name="Hiroshi",
                family_name="Takahashi",
            ),
        ],
        skipped=[Skipped(2, vcard.NO_NAME)],
    )


def test_byte_order_marks_are_understood():
    data = card("FN:Zoë")
    assert vcard.parse(codecs.BOM_UTF8 + data, "a.vcf").people[0].name == "Zoë"
    utf16 = codecs.BOM_UTF16_LE + data.decode().encode("utf-16-le")
    assert vcard.parse(utf16, "a.vcf").people[0].name == "Zoë"


def test_a_non_linkedin_url_marked_linkedin_is_the_linkedin_address():
    parsed = vcard.parse(card("FN:A", "URL;TYPE=linkedin:https://lnkd.in/abc"), "a.vcf")
    assert parsed.people[0].linkedin_url == "https://lnkd.in/abc"
    assert parsed.people[0].notes == ""


def test_a_linkedin_address_without_scheme_gets_https():
    parsed = vcard.parse(card("FN:A", "URL:www.linkedin.com/in/a"), "a.vcf")
    assert parsed.people[0].linkedin_url == "https://www.linkedin.com/in/a"


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"", ["empty.vcf", "no BEGIN:VCARD"]),
        (b"Name,Email\nAda,ada@example.org\n", ["empty.vcf", "not a vCard file"]),
        (b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n", ["no BEGIN:VCARD"]),
        (b"BEGIN:VCARD\r\nFN:A\r\n", ["Card 1 of empty.vcf", "never closed"]),
        (
            card("FN:A") + b"BEGIN:VCARD\r\nFN B\r\nEND:VCARD\r\n",
            ["Card 2 of", "(line 6: Failed to parse line: FN B)"],
        ),
        (card("FN:A") + b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", ["Card 2", "VCALENDAR"]),
        (b"junk:1\r\nBEGIN:VCARD\r\nFN:A\r\nEND:VCARD\r\n", ["Card 1 of empty.vcf"]),
        (b"FN B\r\nBEGIN:VCARD\r\nEND:VCARD\r\n", ["Card 1", "(line 1: Failed to parse"]),
        (card("FN;ENCODING=QUOTED-PRINTABLE;CHARSET=bogus:A=C3"), ["Card 1", "bogus"]),
        (card("FN;ENCODING=QUOTED-PRINTABLE:A=FF"), ["Card 1", "cannot be read"]),
        (b"BEGIN:VCARD\r\nFN:Jos\xe9\r\nEND:VCARD\r\n", ["empty.vcf", "UTF-8", "byte 20"]),
    ],
)
def test_unreadable_files_raise_a_format_error_naming_the_file_and_card(data, words):
    with pytest.raises(FormatError) as raised:
        vcard.parse(data, "empty.vcf")
    for word in words:
        assert word in str(raised.value)


def test_a_field_longer_than_the_limit_is_a_format_error():
    long_note = "x" * (MAX_FIELD + 1)
    with pytest.raises(FormatError, match=r"Card 2 of big\.vcf has a note of 100,001"):
        vcard.parse(card("FN:A") + card("FN:B", f"NOTE:{long_note}"), "big.vcf")
    assert vcard.parse(card("FN:A", f"NOTE:{'x' * MAX_FIELD}"), "ok.vcf").people


def test_photos_are_ignored():
    parsed = vcard.parse(card("FN:A", "PHOTO;ENCODING=b;TYPE=JPEG:aGVsbG8="), "a.vcf")
    assert parsed == Parsed(people=[ImportedPerson(row=1, name="A")], unit="card")


# --- the fuzz test: any bytes give Parsed or FormatError, never another exception ---

VCARD_LINES = [
    "BEGIN:VCARD", "END:VCARD", "VERSION:2.1", "VERSION:3.0", "VERSION:4.0", "FN:Ada",
    "N:Lovelace;Ada;;;", "N:;;;;", "ORG:Acme;Dept", "ORG:", "ADR:;;;Paris;;;France", "ADR:",
    "EMAIL;TYPE=pref:a@b.c", "EMAIL;PREF=x:a@b.c", "TEL:tel:+1", "URL:linkedin.com/in/a",
    "URL:http://[::1", "item1.URL:x", "item1.X-ABLabel:_$!<Home>!$_", "NOTE:a\\nb\\,c",
    "NOTE;ENCODING=QUOTED-PRINTABLE:=C3=A9=", "FN;ENCODING=QUOTED-PRINTABLE;CHARSET=x:=FF",
    "PHOTO;ENCODING=b:!!", "PHOTO;BASE64:aGk=", "X-SOCIALPROFILE;type=linkedin:x", " folded",
    "BEGIN:X", "END:X", "BEGIN:VCALENDAR", "EMAIL;ENCODING=b:aGk=", "FN;=:x", ":", "",
    "PROFILE:VCard", "FN:Ann Lee, PhD", "N:Lee\\;x;Ann\\,B;;;", "PHOTO:data:x;base64,!!",
    "PHOTO;ENCODING=QUOTED-PRINTABLE:=41=", "KEY;ENCODING=BASE64:", "=42", "  AQAB",
    "NOTE;ENCODING=QUOTED-PRINTABLE;CHARSET=hex:=41", 'NOTE;QUOTED-PRINTABLE;CHARSET="a\x00":x',
    "NOTE;CHARSET=utf-16;ENCODING=b:AAA=", "FN:\x00\x1b\x7f", "TEL;TYPE=\"a,b:c\":1",
    "X-RECIPROCITY-ROLES:mentor,x", "X-RECIPROCITY-MET-ON:2019-02-30",
    "X-RECIPROCITY-CADENCE-DAYS:99999999999999999999", "X-RECIPROCITY-SEEKS:a\\,b,\\",
    "CATEGORIES:Recruiter", "X_LOTUS_X:1", "end:vcard", "begin:vcard",
]  # fmt: skip


PROPERTY = st.one_of(
    st.sampled_from(VCARD_LINES),
    st.builds(
        "{}:{}".format,
        st.sampled_from(
            [
                "FN",
                "N",
                "ORG",
                "ADR",
                "EMAIL",
                "TEL",
                "URL",
                "NOTE",
                "TITLE",
                "PHOTO",
                "X-RECIPROCITY-MET-ON",
                "X-RECIPROCITY-CADENCE-DAYS",
            ]
        ),
        st.text(max_size=20),
    ),
)
CARD = st.lists(PROPERTY, max_size=8).map(lambda lines: ["BEGIN:VCARD", *lines, "END:VCARD"])


@st.composite
def vcard_like(draw) -> bytes:
    """Whole cards of likely and unlikely properties, or loose lines and text."""
    loose = st.lists(st.one_of(st.sampled_from(VCARD_LINES), st.text(max_size=20)))
    cards = st.lists(CARD, min_size=1, max_size=3).map(lambda cs: [x for c in cs for x in c])
    lines = draw(st.one_of(cards, loose))
    newline = draw(st.sampled_from(["\r\n", "\n", "\r"]))
    return newline.join(lines).encode(draw(st.sampled_from(["utf-8", "utf-16"])))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.binary(), vcard_like()))
def test_any_bytes_parse_or_raise_a_format_error(data):
    try:
        result = vcard.parse(data, "fuzz.vcf")
    except FormatError as exc:
        assert "fuzz.vcf" in str(exc)
    else:
        assert isinstance(result, Parsed)
        for person in result.people:
            assert person.name.strip()


# --- reading a card whole is the same as reading it line by line, only faster ---


def _line_by_line(monkeypatch, data: bytes):
    with monkeypatch.context() as patch:
        patch.setattr(lines, "whole_card", lambda *args: None)
        return _outcome(data)


def _outcome(data: bytes):
    try:
        return vcard.parse(data, "same.vcf")
    except FormatError as exc:
        return str(exc)


@pytest.mark.parametrize("name", sorted(p.name for p in DATA.glob("*.vcf")))
def test_every_sample_file_reads_the_same_whole_or_line_by_line(monkeypatch, name):
    data = (DATA / name).read_bytes()
    assert _outcome(data) == _line_by_line(monkeypatch, data)


@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
@given(vcard_like())
def test_any_cards_read_the_same_whole_or_line_by_line(data):
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(lines, "whole_card", lambda *args: None)
        slow = _outcome(data)
    assert _outcome(data) == slow


# --- export ---


PEOPLE = [
    PersonData(
        name="Zoë Ångström-Núñez",
        company="Acme, Inc.; Europe",
        title="Head of Data, EMEA",
        email="zoe@example.se",
        phone="+46 8 123 456",
        linkedin_url="https://www.linkedin.com/in/zoe",
        location="Göteborg, Sweden",
        notes='Met at PyCon; talked about "reciprocity", hiring\nand long walks. ' + "é" * 90,
        roles=("hiring_manager", "mentor"),
        given_name="Zoë",
        family_name="Ångström-Núñez",
    ),
    PersonData(name="Ludwig van Beethoven", linkedin_url="https://lnkd.in/ludwig"),
    PersonData(name="高橋 宏", email="hiroshi@example.jp", notes="=SUM(A1)\\path"),
]


@pytest.fixture
def saved(database):
    return [people.create_person(p) for p in PEOPLE]


def test_export_writes_vcard_40_with_crlf_and_folded_lines(saved):
    text = vcard.export(saved)
    assert text.count("BEGIN:VCARD\r\n") == 3
    assert text.count("VERSION:4.0\r\n") == 3
    assert "\n" not in text.replace("\r\n", "")
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))
    assert "\r\n " in text  # the long note was folded
    assert "CATEGORIES:Hiring manager,Mentor\r\n" in text
    assert "N:Ångström-Núñez;Zoë;;;\r\n" in text
    # No parts known: the whole name is the given one, not split at a guess.
    assert "N:;Ludwig van Beethoven;;;\r\n" in text
    assert "ADR:;;;Göteborg\\, Sweden;;;\r\n" in text
    assert "ORG:Acme\\, Inc.\\; Europe\r\n" in text


def test_export_then_parse_gives_the_same_people(saved):
    parsed = vcard.parse(vcard.export(saved).encode(), "export.vcf")
    assert parsed.skipped == []
    assert [
        (p.row, p.name, p.company, p.title, p.email, p.phone, p.linkedin_url, p.location, p.notes)
        for p in parsed.people
    ] == [
        (i, p.name, p.company, p.title, p.email, p.phone, p.linkedin_url, p.location, p.notes)
        for i, p in enumerate(PEOPLE, start=1)
    ]


def test_export_keeps_the_order_given_and_leaves_out_missing_people(saved):
    parsed = vcard.parse(vcard.export([saved[2], 9999, saved[0]]).encode(), "x.vcf")
    assert [p.name for p in parsed.people] == [PEOPLE[2].name, PEOPLE[0].name]
    assert vcard.export([]) == ""


def test_export_of_everyone_uses_all_ids(saved):
    text = vcard.export(people.person_ids())
    assert text.count("BEGIN:VCARD") == len(PEOPLE)


def test_outlook_cards_in_the_character_set_they_declare():
    parsed = read("outlook_1252.vcf")
    assert [(p.name, p.company) for p in parsed.people] == [
        ("Jürgen Müller", "Café Zentral"),
        ("Ana Peña", ""),
    ]
    assert parsed.people[1].notes == "Café con leche\na las 5"


def test_a_declared_character_set_that_does_not_fit_is_still_refused():
    data = "BEGIN:VCARD\r\nVERSION:2.1\r\nFN;CHARSET=UTF-8:Jürgen\r\nEND:VCARD\r\n"
    with pytest.raises(FormatError, match="not UTF-8 text"):
        vcard.parse(data.encode("latin-1"), "odd.vcf")


def test_a_company_card_is_skipped_and_case_makes_no_second_address():
    data = b"".join(
        (
            card("FN:Babbage & Co", "N:;;;;", "ORG:Babbage & Co", "X-ABShowAs:COMPANY"),
            card(
                "FN:Yuki Tanaka",
                "EMAIL;TYPE=WORK:yuki.tanaka@example.jp",
                "EMAIL;TYPE=HOME:YUKI.TANAKA@example.jp",
                "EMAIL:yuki@home.example",
            ),
        )
    )
    parsed = vcard.parse(data, "contacts.vcf")
    assert [(s.row, s.reason.split(":")[0]) for s in parsed.skipped] == [
        (1, "A company, not a person")
    ]
    (yuki,) = parsed.people
    assert (yuki.email, yuki.extra_emails) == ("yuki.tanaka@example.jp", ["yuki@home.example"])


def test_export_writes_no_guessed_name_parts(database):
    ids = [
        people.create_person(PersonData(name="Ann Lee, PhD")),
        people.create_person(PersonData(name="Felix Werdermann 🔸")),
        people.create_person(
            PersonData(name="Ann Lee", given_name="Ann", family_name="Lee", name_suffix="PhD, MBA")
        ),
    ]
    text = vcard.export(ids)
    assert "FN:Ann Lee\\, PhD\r\nN:;Ann Lee\\, PhD;;;\r\n" in text
    assert "N:;Felix Werdermann 🔸;;;\r\n" in text
    assert "N:Lee;Ann;;;PhD\\, MBA\r\n" in text


def test_export_writes_what_only_reciprocity_knows(database):
    from datetime import date

    person = PersonData(
        name="A",
        how_met="PyCon, Berlin",
        met_on=date(2019, 5, 4),
        cadence_days=30,
        roles=("mentor", "recruiter"),
        seeks=["C, C++", "Data; ML"],
        offers=["back\\slash"],
    )
    text = vcard.export([people.create_person(person)])
    for line in (
        "X-RECIPROCITY-HOW-MET:PyCon\\, Berlin",
        "X-RECIPROCITY-MET-ON:2019-05-04",
        "X-RECIPROCITY-CADENCE-DAYS:30",
        "X-RECIPROCITY-ROLES:recruiter,mentor",
        "CATEGORIES:Recruiter,Mentor",
        "X-RECIPROCITY-SEEKS:C\\, C++,Data\\; ML",
        "X-RECIPROCITY-OFFERS:back\\\\slash",
    ):
        assert f"\r\n{line}\r\n" in text


def test_export_folds_long_lines_between_characters(database):
    notes = "🔸é" * 200 + "x" * 3 + "中文" * 100
    text = vcard.export([people.create_person(PersonData(name="A", notes=notes))])
    folded = text.split("\r\n")
    assert all(len(line.encode()) <= 75 for line in folded)
    assert vcard.parse(text.encode(), "a.vcf").people[0].notes == notes
