"""Large vCard files: a card with a 10 MB photo in each vCard version, and 50 MB of
26,666 cards read, planned and written into a new network, for the time and the peak
memory, against a floor of reading the same file and splitting it into lines, measured
in the same run (each in a process of its own, so its peak memory is its own)."""

from __future__ import annotations

import base64
import json
import os
import subprocess
import sys
import time
from pathlib import Path

from desktop.formats import vcard

from .table import Row

PHOTO_MB = 10
PHOTO_BUDGET_S = 1.0
CARDS = 26_666
FILE_MB = 50
FILE_BUDGET_S = 8.0
PEAK_BUDGET_MB = 200
ROOT = Path(__file__).resolve().parents[2]


def _photo(size: int, seed: int = 0) -> str:
    """*size* bytes of picture as base64 text, one long line."""
    block = bytes((seed + n * 7) % 256 for n in range(3 * 1024))
    return base64.b64encode(block * (size // len(block) + 1))[: size * 4 // 3].decode()


def _fold(text: str, width: int = 74, indent: str = " ") -> str:
    return f"\r\n{indent}".join(text[i : i + width] for i in range(0, len(text), width))


def photo_cards(size: int) -> dict[str, bytes]:
    """One card with a photo of *size* bytes in each vCard version's form."""
    data = _photo(size)
    photos = {
        "3.0": f"PHOTO;ENCODING=b;TYPE=JPEG:{_fold(data)}",
        "4.0": f"PHOTO:data:image/jpeg;base64,{_fold(data)}",
        "2.1": f"PHOTO;ENCODING=BASE64;TYPE=JPEG:{_fold(data, 76, '    ')}\r\n",
    }
    head = ["BEGIN:VCARD", "VERSION:{}", "FN:Ann Lee, PhD"]
    tail = ["TITLE:VP, Sales", "END:VCARD", ""]
    return {
        version: "\r\n".join([*head, photo, *tail]).format(version).encode()
        for version, photo in photos.items()
    }


def address_book(cards: int = CARDS) -> bytes:
    """A file of *cards* cards, about 1.9 kB each with their photos, in all three versions,
    with accented names, emoji and unescaped commas."""
    out = []
    photo = _photo(1_200)
    for n in range(cards):
        first, last = ("Zoë", "Ångström") if n % 3 else ("Felix", "Werdermann 🔸")
        version = ("2.1", "3.0", "4.0")[n % 3]
        lines = [
            "BEGIN:VCARD",
            f"VERSION:{version}",
            f"N:{last}{n};{first};;;",
            f"FN:{first} {last}{n}, PhD",
            f"ORG:Company {n % 900}",
            "TITLE:VP, Sales",
            f"EMAIL;TYPE=INTERNET:person{n}@example.com",
            f"TEL;TYPE=CELL:+1 555 {n:07d}",
            f"URL:https://www.linkedin.com/in/person-{n}",
            "ADR;TYPE=WORK:;;Unter den Linden 1;Berlin;;10117;Germany",
        ]
        if version == "2.1":
            lines += [
                "NOTE;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:met at PyCon, Berlin=0D=0A=",
                "Gr=C3=BC=C3=9Fe",
                f"PHOTO;ENCODING=BASE64;TYPE=JPEG:{_fold(photo, 76, '    ')}",
                "",
            ]
        elif version == "3.0":
            lines += ["NOTE:met at PyCon, Berlin\\nGrüße", f"PHOTO;ENCODING=b:{_fold(photo)}"]
        else:
            lines += [
                "NOTE:met at PyCon, Berlin\\nGrüße",
                f"PHOTO:data:image/jpeg;base64,{_fold(photo)}",
            ]
        out.append("\r\n".join([*lines, "END:VCARD", ""]))
    return "".join(out).encode()


_PEAK = "from tests.benchmarks.memory import peak_rss_mb as peak_mb\n"

_IMPORT = (
    _PEAK
    + """
import json, sys, time
from pathlib import Path
from desktop.formats import importing, vcard
from desktop.store import connection
path, database = Path(sys.argv[1]), Path(sys.argv[2])
connection.open_database(database)
started = time.perf_counter()
data = path.read_bytes()
parsed = vcard.parse(data, path.name)
parsed_at = time.perf_counter()
plan = importing.plan(parsed)
planned_at = time.perf_counter()
importing.apply(plan)
done_at = time.perf_counter()
connection.close_database()
print(json.dumps({
    "people": len(plan.new), "parse": parsed_at - started, "plan": planned_at - parsed_at,
    "write": done_at - planned_at, "all": done_at - started,
    "peak_mb": peak_mb(),
}))
"""
)

_FLOOR = (
    _PEAK
    + """
import json, sys, time
from pathlib import Path
from desktop.formats import importing, vcard
from desktop.store import connection
started = time.perf_counter()
lines = Path(sys.argv[1]).read_bytes().splitlines()
elapsed = time.perf_counter() - started
print(json.dumps({
    "lines": len(lines), "all": elapsed, "peak_mb": peak_mb(),
}))
"""
)


def _run(script: str, *args: str) -> dict:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", script, *args], capture_output=True, text=True, env=env, check=True
    )
    return json.loads(done.stdout)


def photo_cards_read() -> list[Row]:
    rows = []
    for version, data in photo_cards(PHOTO_MB * 1024 * 1024).items():
        started = time.perf_counter()
        parsed = vcard.parse(data, "photo.vcf")
        elapsed = time.perf_counter() - started
        assert [(p.name, p.title) for p in parsed.people] == [("Ann Lee, PhD", "VP, Sales")]
        rows.append(
            Row(
                f"vCard {version} card with a {PHOTO_MB} MB photo",
                elapsed,
                unit="s",
                limit=PHOTO_BUDGET_S,
            )
        )
    return rows


def address_book_import(folder: Path, cards: int = CARDS) -> list[Row]:
    """*cards* cards into a new network; about 1.9 kB each, so 50 MB at the full count."""
    path = folder / "contacts.vcf"
    path.write_bytes(address_book(cards))
    megabytes = path.stat().st_size / 1024 / 1024
    floor = _run(_FLOOR, str(path))
    run = _run(_IMPORT, str(path), str(folder / "network.sqlite3"))
    assert run["people"] == cards
    share = cards / CARDS
    return [
        Row(
            f"vCard import, {megabytes:.0f} MB ({cards:,} cards)",
            run["all"],
            unit="s",
            floor=floor["all"],
            limit=FILE_BUDGET_S * share + 0.5,
            floor_is="read and split into lines",
        ),
        Row(
            f"vCard import, peak memory ({megabytes:.0f} MB)",
            run["peak_mb"],
            unit="MB",
            floor=floor["peak_mb"],
            limit=PEAK_BUDGET_MB,
            floor_is="read and split into lines",
        ),
    ]
