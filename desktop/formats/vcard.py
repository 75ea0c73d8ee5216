"""vCard files (.vcf): reading contacts from any address book, writing people as vCard 4.0.

Folding, escaping, groups and quoted-printable are left to `vobject`; this module only
decides which property becomes which field.
"""

from __future__ import annotations

import codecs
import contextlib
import re
from urllib.parse import urlsplit

import vobject
from vobject.vcard import Address, Name

from desktop.core.people import ROLE_LABELS
from desktop.formats.records import MAX_FIELD, FormatError, ImportedPerson, Parsed, Skipped
from desktop.store.batches import id_chunks
from desktop.store.connection import db
from desktop.store.models import ROLES

PRODID = "-//Reciprocity//EN"
#: A URL with this TYPE is the person's LinkedIn page even when its host says otherwise.
LINKEDIN_TYPE = "linkedin"
NO_NAME = "No name: the card has neither a full name (FN) nor a structured name (N)."
COMPANY_CARD = (
    "A company, not a person: the card is marked as one (Apple's X-ABShowAs or KIND:org)."
    " Companies are added with the people who work there."
)

_PREF_NONE = 101  # vCard 4.0 PREF runs from 1 (most preferred) to 100


def parse(data: bytes, name: str) -> Parsed:
    """The people in a .vcf file of one or many cards (vCard 2.1, 3.0 or 4.0).

    Raises FormatError, naming *name* and the card when known, for anything unreadable.
    """
    text = _decode(data, name)
    if "BEGIN:VCARD" not in text.upper():
        raise FormatError(
            f"{name} is not a vCard file: it has no BEGIN:VCARD line. "
            "Choose a .vcf file exported from your address book."
        )
    parsed = Parsed(unit="card")
    for row, card in enumerate(_cards(text, name), start=1):
        if _is_company_card(card):
            parsed.skipped.append(Skipped(row, COMPANY_CARD))
            continue
        person = _person(card, row, name)
        if person is None:
            parsed.skipped.append(Skipped(row, NO_NAME))
        else:
            parsed.people.append(person)
    return parsed


_DECLARED = re.compile(rb";CHARSET=([A-Za-z0-9_.-]+)", re.IGNORECASE)


def _decode(data: bytes, name: str) -> str:
    """The file as text: UTF-8 (with or without a byte-order mark), UTF-16 with one, or
    the one character set its cards declare (older Outlook writes CHARSET=Windows-1252)."""
    encoding = "utf-16" if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) else None
    try:
        return data.decode(encoding or "utf-8-sig")
    except UnicodeDecodeError as exc:
        declared = {m.group(1).decode("ascii").lower() for m in _DECLARED.finditer(data)}
        if encoding is None and len(declared) == 1:
            with contextlib.suppress(LookupError, UnicodeDecodeError):
                return data.decode(declared.pop())
        raise FormatError(
            f"{name} is not {'UTF-16' if encoding else 'UTF-8'} text (byte {exc.start + 1:,}"
            " cannot be read). Export the contacts again as UTF-8 vCard."
        ) from exc


def _cards(text: str, name: str):
    """Yield the top-level components of *text*, each checked to be a vCard."""
    cards = vobject.readComponents(text, allowQP=True)
    row = 0
    while True:
        row += 1
        try:
            card = next(cards)
        except StopIteration:
            break
        # vobject reports malformed input with many exception types (ParseError, but also
        # UnicodeDecodeError, LookupError for an unknown CHARSET, AttributeError for stray
        # lines); all of them mean the same thing to the user: this card cannot be read.
        except Exception as exc:
            raise FormatError(
                f"Card {row} of {name} cannot be read ({_detail(exc)}). "
                "Export the contacts again, or remove that card and try again."
            ) from exc
        if (card.name or "").upper() != "VCARD":
            what = f"a {card.name} block" if card.name else "lines outside BEGIN:VCARD/END:VCARD"
            raise FormatError(f"Card {row} of {name} is not a vCard: the file has {what} there.")
        yield card
    if row == 1:
        raise FormatError(f"{name} holds no contacts.")


def _detail(exc: Exception) -> str:
    if isinstance(exc, vobject.base.VObjectError):
        # vobject counts the file's first line as line 0 and every later one from 1.
        line = getattr(exc, "lineNumber", None)
        detail = f"line {max(line, 1)}: {exc.msg}" if line is not None else str(exc.msg)
    else:
        detail = str(exc)
    detail = " ".join(detail.split()) or type(exc).__name__
    return detail if len(detail) <= 200 else detail[:199] + "…"


def _text(value: object, sep: str = ", ") -> str:
    """A property value as one line of text; lists (unescaped commas) are joined."""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, (list, tuple)):
        return sep.join(part for part in (_text(v, sep) for v in value) if part)
    return ""  # bytes (base64 data) and anything else carry no text we use


def _rank(line) -> int:
    """How preferred a property is: vCard 4.0 PREF=1..100, 2.1/3.0 TYPE=pref counts as 1."""
    for value in line.params.get("PREF", []):
        if value.strip().isdigit():
            return int(value)
    types = [t.lower() for t in line.params.get("TYPE", []) + line.singletonparams]
    return 1 if "pref" in types else _PREF_NONE


def _lines(card, key: str) -> list:
    """The card's *key* properties, most preferred first, in file order otherwise."""
    return sorted(card.contents.get(key, []), key=_rank)


def _label(card, line) -> str:
    """Apple's label for a grouped property (item1.X-ABLabel), e.g. 'Blog'."""
    if not line.group:
        return ""
    for other in card.contents.get("x-ablabel", []):
        if other.group == line.group:
            label = _text(other.value)
            return label.removeprefix("_$!<").removesuffix(">!$_")
    return ""


def _is_linkedin(url: str, line) -> bool:
    types = {t.lower() for t in line.params.get("TYPE", []) + line.singletonparams}
    if LINKEDIN_TYPE in types:
        return True
    try:
        host = urlsplit(url if "://" in url else "https://" + url).hostname or ""
    except ValueError:  # 'http://[::1': not a URL urlsplit accepts, so not LinkedIn's
        return False
    return host == "linkedin.com" or host.endswith(".linkedin.com")


def _name(card) -> str:
    for line in card.contents.get("fn", []):
        if full := " ".join(_text(line.value).split()):
            return full
    for line in card.contents.get("n", []):
        value = line.value
        if isinstance(value, Name):
            parts = (value.prefix, value.given, value.additional, value.family, value.suffix)
            return " ".join(" ".join(_text(p, " ") for p in parts).split())
        return " ".join(_text(value, " ").replace(";", " ").split())
    return ""


def _location(card) -> str:
    for line in _lines(card, "adr"):
        value = line.value
        if isinstance(value, Address):
            parts = (_text(value.city), _text(value.region), _text(value.country))
            return ", ".join(p for p in parts if p)
    return ""


def _company(card) -> str:
    for line in card.contents.get("org", []):
        value = line.value
        first = value[0] if isinstance(value, list) and value else value
        if company := _text(first):
            return company
    return ""


def _is_company_card(card) -> bool:
    """Apple's 'show as company' card, or a vCard 4.0 KIND:org."""
    marks = [*card.contents.get("x-abshowas", []), *card.contents.get("kind", [])]
    return any(_text(line.value).strip().upper() in ("COMPANY", "ORG") for line in marks)


def _person(card, row: int, file_name: str) -> ImportedPerson | None:
    full_name = _name(card)
    if not full_name:
        return None
    found = [_text(line.value).removeprefix("mailto:") for line in _lines(card, "email")]
    unique: dict[str, str] = {}  # one spelling of each address: case makes no other one
    for email in found:
        if email:
            unique.setdefault(email.casefold(), email)
    emails = list(unique.values())
    phones = [_text(line.value).removeprefix("tel:") for line in _lines(card, "tel")]
    phones = [p for p in phones if p]
    notes = [
        _text(line.value).replace("\r\n", "\n").replace("\r", "\n")
        for line in card.contents.get("note", [])
    ]
    notes = [n for n in notes if n]
    linkedin = ""
    urls = [(line, _text(line.value)) for line in _lines(card, "url")]
    urls += [(line, _text(line.value)) for line in card.contents.get("x-socialprofile", [])]
    for line, raw in urls:
        url = raw.replace("\\:", ":")  # Google escapes the colon: http\://
        if not url:
            continue
        if not linkedin and _is_linkedin(url, line):
            linkedin = url if "://" in url else "https://" + url
        elif line.name == "URL":
            label = _label(card, line)
            notes.append(f"Website ({label}): {url}" if label else f"Website: {url}")
        else:  # Apple's X-SOCIALPROFILE;type=twitter:…
            kind = ", ".join(line.params.get("TYPE", []))
            notes.append(f"Profile ({kind}): {url}" if kind else f"Profile: {url}")
    notes += [f"Phone: {phone}" for phone in phones[1:]]
    titles = [_text(line.value) for line in card.contents.get("title", [])]
    person = ImportedPerson(
        row=row,
        name=full_name,
        company=_company(card),
        title=next((t for t in titles if t), ""),
        email=emails[0] if emails else "",
        phone=phones[0] if phones else "",
        linkedin_url=linkedin,
        location=_location(card),
        notes="\n".join(notes).strip(),
        extra_emails=emails[1:],
    )
    _check_lengths(person, file_name)
    return person


_FIELD_NAMES = {
    "name": "name",
    "company": "company",
    "title": "title",
    "email": "email address",
    "phone": "phone number",
    "linkedin_url": "LinkedIn address",
    "location": "location",
    "notes": "note",
}


def _check_lengths(person: ImportedPerson, file_name: str) -> None:
    values = [(label, getattr(person, field)) for field, label in _FIELD_NAMES.items()]
    values += [("email address", email) for email in person.extra_emails]
    for label, value in values:
        if len(value) > MAX_FIELD:
            raise FormatError(
                f"Card {person.row} of {file_name} has a {label} of {len(value):,} characters; "
                f"the most Reciprocity reads is {MAX_FIELD:,}. The file looks damaged."
            )


# ---------------------------------------------------------------------------------------
# Export


def export(people: list[int]) -> str:
    """The given people as vCard 4.0 text (CRLF line endings), in the order given.

    Ids of people who no longer exist are left out.
    """
    rows: dict[int, tuple] = {}
    for marks, chunk in id_chunks(people):
        for row in db.execute_sql(
            "SELECT p.id, p.name, coalesce(c.name, ''), p.title, p.email, p.phone,"
            " p.linkedin_url, p.location, p.notes,"
            " (SELECT group_concat(role, ',') FROM person_role WHERE person_id = p.id)"
            f" FROM person p LEFT JOIN company c ON c.id = p.company_id WHERE p.id IN ({marks})",
            chunk,
        ).fetchall():
            rows[row[0]] = row[1:]
    return "".join(_card(*rows[pid]) for pid in people if pid in rows)


def split_name(name: str) -> Name:
    """A best-effort structured name: the last word (with lower-case particles such as
    'van' or 'de' before it) is the family name, the rest the given names."""
    words = name.split()
    if len(words) < 2:
        return Name(given=name.strip())
    start = len(words) - 1
    while start > 1 and words[start - 1].islower():
        start -= 1
    return Name(family=" ".join(words[start:]), given=" ".join(words[:start]))


def _card(name, company, title, email, phone, linkedin, location, notes, roles) -> str:
    card = vobject.vCard()
    card.add("version").value = "4.0"
    card.add("prodid").value = PRODID
    card.add("fn").value = name
    card.add("n").value = split_name(name)
    for key, value in (("title", title), ("email", email), ("tel", phone), ("note", notes)):
        if value:
            card.add(key).value = value
    if company:
        card.add("org").value = [company]
    if linkedin:
        url = card.add("url")
        url.value = linkedin
        url.params["TYPE"] = [LINKEDIN_TYPE]
    if location:
        card.add("adr").value = Address(city=location)
    if roles:
        held = set(roles.split(","))
        card.add("categories").value = [ROLE_LABELS[r] for r in ROLES if r in held]
    return card.serialize()
