"""What address books really write: unescaped commas, pictures that are not base64, Lotus
Notes' PROFILE line, control bytes, and Reciprocity's own X-RECIPROCITY-… properties."""

from __future__ import annotations

import base64
from datetime import date
from pathlib import Path

import pytest

from desktop.formats import vcard
from desktop.formats.records import NAME_PARTS, FormatError, ImportedPerson, Parsed

DATA = Path(__file__).parent / "data"


def read(name: str) -> Parsed:
    return vcard.parse((DATA / name).read_bytes(), name)


def card(*lines: str, version: str = "3.0") -> bytes:
    return "\r\n".join(("BEGIN:VCARD", f"VERSION:{version}", *lines, "END:VCARD", "")).encode()


def one(*lines: str, version: str = "3.0") -> ImportedPerson:
    (person,) = vcard.parse(card(*lines, version=version), "a.vcf").people
    return person


# --- every text property keeps its whole value ---


def test_android_21_commas_are_text_not_separators():
    ann, felix = read("android_21.vcf").people
    assert ann == ImportedPerson(
        row=1,
        name="Ann Lee, PhD",
        company="Acme, Inc.",
        title="VP, Sales",
        email="ann@example.com",
        phone="+1 555 0101, ext. 4",
        location="Berlin, Mitte, Germany",
        notes="met at PyCon, Berlin, 2019\nWebsite: https://example.com/ann?a=1,2",
        given_name="Ann",
        family_name="Lee",
        name_suffix="PhD",
    )
    # Quoted-printable over three lines (one a soft break before ' und'); vCard 2.1 has no
    # backslash escapes, so the path keeps its backslashes.
    assert felix.name == "Felix Werdermann 🔸"
    assert felix.notes == "Journalist, Berlin\nSchreibt über Arbeit, Geld und Glück; C:\\new\\path"
    assert (felix.given_name, felix.family_name) == ("Felix", "Werdermann")


@pytest.mark.parametrize("version", ["2.1", "3.0", "4.0"])
@pytest.mark.parametrize(
    ("line", "field", "value"),
    [
        ("FN:Ann Lee, PhD", "name", "Ann Lee, PhD"),
        ("TITLE:VP, Sales, EMEA", "title", "VP, Sales, EMEA"),
        ("NOTE:met at PyCon, Berlin, 2019", "notes", "met at PyCon, Berlin, 2019"),
        ("TEL:+1 555 0101, ext. 4", "phone", "+1 555 0101, ext. 4"),
        ("EMAIL:odd,address@example.com", "email", "odd,address@example.com"),
        ("URL:https://example.com/a,b", "notes", "Website: https://example.com/a,b"),
        ("X-RECIPROCITY-HOW-MET:PyCon, Berlin", "how_met", "PyCon, Berlin"),
        ("ORG:Acme, Inc.;Sales, EMEA", "company", "Acme, Inc."),
        ("ADR:;;1 Main St, Apt 3;Berlin, Mitte;;;Germany", "location", "Berlin, Mitte, Germany"),
    ],
)
def test_an_unescaped_comma_is_kept_as_written(version, line, field, value):
    lines = [line] if line.startswith("FN:") else ["FN:A", line]
    assert getattr(one(*lines, version=version), field) == value


@pytest.mark.parametrize("version", ["3.0", "4.0"])
def test_escapes_are_undone_in_vcard_3_and_4(version):
    person = one(
        "FN:Lee\\, Ann",
        "TITLE:R\\&D\\; Ops\\, EMEA",
        "NOTE:line one\\nline two\\Nthree\\, \\; \\\\ C:\\\\x \\q",
        "URL:http\\://www.linkedin.com/in/ann",
        "X-RECIPROCITY-HOW-MET:a\\, b\\nc",
        version=version,
    )
    assert person.name == "Lee, Ann"
    assert person.title == "R\\&D; Ops, EMEA"  # an unknown escape stays as written
    assert person.notes == "line one\nline two\nthree, ; \\ C:\\x \\q"
    assert person.linkedin_url == "http://www.linkedin.com/in/ann"
    assert person.how_met == "a, b\nc"


@pytest.mark.parametrize("version", ["2.1", "3.0", "4.0"])
def test_a_text_property_in_base64_is_read_as_its_text(version):
    note = "a, b; c\\d\nnew line"
    encoded = base64.b64encode(note.encode()).decode()
    person = one("FN:A", f"NOTE;ENCODING=b:{encoded}", f"TITLE;BASE64:{encoded}", version=version)
    assert person.notes == note
    assert person.title == note


def test_structured_values_are_cut_only_at_unescaped_semicolons():
    person = one("FN:A", "ORG:Smith\\; Sons\\, Ltd;Dept", "ADR:;;;Paris\\; Centre;IDF;;France")
    assert person.company == "Smith; Sons, Ltd"
    assert person.location == "Paris; Centre, IDF, France"


def test_categories_are_a_list_and_those_named_like_our_roles_are_roles():
    person = one("FN:A", "CATEGORIES:myContacts,recruiter,Hiring manager,Mentors,Colleague")
    assert person.roles == ("hiring_manager", "recruiter", "colleague")
    assert one("FN:A", "CATEGORIES:Recruiter\\, Tech").roles == ()  # one category, not two


def test_our_roles_property_wins_over_categories():
    person = one("FN:A", "CATEGORIES:Recruiter", "X-RECIPROCITY-ROLES:mentor,nonsense,job_seeker")
    assert person.roles == ("job_seeker", "mentor")


def test_our_own_properties_are_read_back():
    person = one(
        "FN:A",
        "X-RECIPROCITY-HOW-MET:PyCon\\, Berlin",
        "X-RECIPROCITY-MET-ON:2019-05-04",
        "X-RECIPROCITY-CADENCE-DAYS:30",
        "X-RECIPROCITY-SEEKS:Python,C\\, C++,Data\\; ML",
        "X-RECIPROCITY-OFFERS:Mentoring",
        version="4.0",
    )
    assert (person.how_met, person.met_on, person.cadence_days) == (
        "PyCon, Berlin",
        date(2019, 5, 4),
        30,
    )
    assert (person.seeks, person.offers) == (["Python", "C, C++", "Data; ML"], ["Mentoring"])


@pytest.mark.parametrize(
    "lines",
    [
        ["X-RECIPROCITY-MET-ON:2019-13-01", "X-RECIPROCITY-CADENCE-DAYS:0"],
        ["X-RECIPROCITY-MET-ON:soon", "X-RECIPROCITY-CADENCE-DAYS:99999"],
        ["X-RECIPROCITY-MET-ON:", "X-RECIPROCITY-CADENCE-DAYS:-3"],
        ["X-RECIPROCITY-CADENCE-DAYS:٣"],  # a digit, but not one we write
    ],
)
def test_unusable_dates_and_cadences_are_left_empty(lines):
    person = one("FN:A", *lines)
    assert (person.met_on, person.cadence_days) == (None, None)


# --- names ---


def test_the_name_parts_are_as_the_card_gives_them():
    person = one("FN:Dr. Ann B. Lee, PhD", "N:Lee;Ann;B.;Dr.;PhD\\, MBA")
    assert (person.name, person.given_name, person.middle_name, person.family_name) == (
        "Dr. Ann B. Lee, PhD",
        "Ann",
        "B.",
        "Lee",
    )
    assert (person.name_prefix, person.name_suffix) == ("Dr.", "PhD, MBA")


def test_without_n_no_part_is_guessed_from_the_name():
    person = one("FN:Felix Werdermann 🔸")
    assert person.name == "Felix Werdermann 🔸"
    assert [getattr(person, part) for part in NAME_PARTS] == [""] * 5
    assert one("FN:Lee, Ann").family_name == ""


def test_the_whole_name_as_the_given_one_means_the_parts_are_not_known():
    person = one("FN:Felix Werdermann 🔸", "N:;Felix  Werdermann 🔸;;;", version="4.0")
    assert [getattr(person, part) for part in NAME_PARTS] == [""] * 5
    assert one("FN:Ann Lee", "N:;Ann;;;").given_name == "Ann"


def test_a_card_with_only_n_is_named_from_its_parts():
    person = one("N:van Beethoven;Ludwig;;;", version="4.0")
    assert (person.name, person.family_name, person.given_name) == (
        "Ludwig van Beethoven",
        "van Beethoven",
        "Ludwig",
    )


# --- pictures, sounds and keys are never read ---


def test_a_photo_that_is_not_base64_skips_the_photo_not_the_file():
    parsed = read("six_with_a_bad_photo.vcf")
    assert parsed.skipped == []
    assert [(p.name, p.email, p.notes) for p in parsed.people] == [
        (f"{first} Example", f"{first.lower()}@example.com", "")
        for first in ("Ada", "Bea", "Cem", "Dan", "Eve", "Fay")
    ]


@pytest.mark.parametrize("name", ["PHOTO", "LOGO", "SOUND", "KEY", "item2.photo", "Logo"])
@pytest.mark.parametrize(
    "data",
    [
        ["{};ENCODING=b;TYPE=JPEG:!!!%%", " more!!", "\tand more"],  # 3.0, folded
        ["{}:data:image/png;base64,@@@", " ###"],  # 4.0 data URI
        ["{};ENCODING=BASE64;TYPE=GIF:R0lG", "ODlh", "  AQAB", ""],  # 2.1, blank line ends it
        ["{};ENCODING=QUOTED-PRINTABLE:=47=49=", "=46=38=", "END:VCARD"],  # 2.1 QP
    ],
)
def test_binary_properties_and_their_lines_are_passed_over(name, data):
    lines = [line.format(name) for line in data]
    parsed = vcard.parse(card("FN:A", *lines, "NOTE:after, the picture"), "a.vcf")
    assert [(p.name, p.notes) for p in parsed.people] == [("A", "after, the picture")]


def test_a_large_photo_is_passed_over_and_the_cards_after_it_are_read():
    photo = base64.encodebytes(bytes(range(256)) * 8192).decode()  # 2 MB, lines of 76
    folded = "\r\n ".join(photo.splitlines())
    data = card("FN:A", f"PHOTO;ENCODING=b;TYPE=JPEG:{folded}", "TITLE:VP, Sales") + card("FN:B")
    parsed = vcard.parse(data, "big.vcf")
    assert [(p.row, p.name, p.title) for p in parsed.people] == [
        (1, "A", "VP, Sales"),
        (2, "B", ""),
    ]


# --- Lotus Notes, control bytes, where errors point ---


def test_lotus_notes_profile_line_is_read():
    (hans,) = read("lotus_notes.vcf").people
    assert (hans.name, hans.company, hans.title, hans.email) == (
        "Hans Gruber",
        "Nakatomi Trading Corp.",
        "Director, Acquisitions",
        "hans@nakatomi.example",
    )


PROPERTIES = ["FN", "N", "ORG", "TITLE", "EMAIL", "TEL", "URL", "ADR", "NOTE", "CATEGORIES",
              "NICKNAME", "X-ABLabel", "X-RECIPROCITY-ROLES", "X-RECIPROCITY-SEEKS",
              "X-RECIPROCITY-MET-ON", "X-RECIPROCITY-CADENCE-DAYS", "X-ABShowAs", "VERSION",
              "KIND"]  # fmt: skip


@pytest.mark.parametrize("name", PROPERTIES)
@pytest.mark.parametrize("version", ["2.1", "4.0"])
def test_control_bytes_in_any_property_do_not_stop_the_reading(name, version):
    controls = "".join(map(chr, [0, 1, 7, 8, 11, 12, 27, 127, 0x85, 0x2028]))
    lines = ["FN:Ann", f"{name}:x{controls};\\{controls},y"]
    parsed = vcard.parse(card(*lines, version=version), "ctl.vcf")
    assert [p.row for p in parsed.people] + [s.row for s in parsed.skipped] == [1]
    qp = "".join(f"={b:02X}" for b in controls.encode())
    parsed = vcard.parse(card("FN:Ann", f"{name};ENCODING=QUOTED-PRINTABLE:{qp}"), "ctl.vcf")
    assert len(parsed.people) + len(parsed.skipped) == 1


def test_errors_name_the_card_and_the_line_of_the_file():
    data = card("FN:A") + card("FN:B", "PHOTO;ENCODING=b:xx", " yy") + card("FN:C", "NOTE C")
    with pytest.raises(FormatError, match=r"Card 3 of x\.vcf cannot be read \(line 14: "):
        vcard.parse(data, "x.vcf")


def test_a_card_ended_by_another_component_is_refused():
    with pytest.raises(FormatError, match=r"Card 1 .*END:VCALENDAR where END:VCARD"):
        vcard.parse(b"BEGIN:VCARD\r\nFN:A\r\nEND:VCALENDAR\r\n", "x.vcf")


def test_a_component_inside_a_card_is_passed_over():
    person = one("FN:A", "BEGIN:X-AGENT", "FN:Someone else", "END:X-AGENT", "TITLE:T")
    assert (person.name, person.title) == ("A", "T")


def test_lines_ending_in_cr_alone_are_lines():
    data = card("FN:Old Mac", "TITLE:VP, Sales").replace(b"\r\n", b"\r")
    (person,) = vcard.parse(data, "mac.vcf").people
    assert (person.name, person.title) == ("Old Mac", "VP, Sales")


def test_a_file_read_in_its_declared_character_set_says_so():
    parsed = read("outlook_1252.vcf")
    assert parsed.notices == [
        "Read as windows-1252, the character set the cards declare; check the accented names."
    ]
    assert read("google.vcf").notices == []


def test_a_byte_that_is_not_utf8_is_counted_from_the_start_of_the_file():
    data = card("FN:A", "NOTE:folded", " line").replace(b" line", b" li\xe9ne")
    at = data.index(b"\xe9") + 1
    with pytest.raises(FormatError, match=f"byte {at}"):
        vcard.parse(data, "x.vcf")
