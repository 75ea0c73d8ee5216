"""A file opened from the desktop is read by the importer whose header it has."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.formats.detect import kind_of

DATA = Path(__file__).parent / "data"


def _expected(name: str) -> str:
    if name.endswith(".vcf"):
        return "vcard"
    return name.split("_")[0]


@pytest.mark.parametrize("path", sorted(DATA.iterdir()), ids=lambda p: p.name)
def test_every_sample_file_goes_to_its_own_reader(path):
    assert kind_of(path, path.read_bytes()) == _expected(path.name)


@pytest.mark.parametrize(
    ("sample", "renamed"),
    [
        ("three_cards.vcf", "contacts.txt"),  # a vCard saved without its suffix
        ("linkedin_connections.csv", "Connections.vcf"),  # a CSV misnamed as a vCard
        ("outlook_contacts.csv", "export"),
        ("google_contacts.csv", "CONTACTS.CSV"),
    ],
)
def test_the_contents_decide_not_the_name(sample, renamed):
    data = (DATA / sample).read_bytes()
    assert kind_of(Path(renamed), data) == _expected(sample)


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"hello\n",
        b"a,b,c\n1,2,3\n",
        b"\x00\xff\xfe" * 100,
        b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n",
    ],
)
@pytest.mark.parametrize("name", ["file.csv", "file.vcf", "file"])
def test_a_file_no_reader_takes_has_no_kind(data, name):
    assert kind_of(Path(name), data) is None
