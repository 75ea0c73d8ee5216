"""Reading .vcf files: which property of a card becomes which field of a person.

Only N, ADR and ORG are structured (cut at ';'); every other text property keeps its
whole value, because vCard 2.1 writers (Android, Outlook) never escape a comma.
"""

from __future__ import annotations

import contextlib
import re
from datetime import date
from operator import attrgetter

from desktop.core.people import MAX_CADENCE_DAYS, ROLE_LABELS
from desktop.formats.records import MAX_FIELD, FormatError, ImportedPerson, Parsed, Skipped
from desktop.formats.vcard.lines import Card, CardError, Undecodable, cards
from desktop.formats.vcard.properties import Line, split, unescape
from desktop.store.models import ROLES

#: A URL with this TYPE is the person's LinkedIn page even when its host says otherwise.
LINKEDIN_TYPE = "linkedin"
NO_NAME = "No name: the card has neither a full name (FN) nor a structured name (N)."
COMPANY_CARD = (
    "A company, not a person: the card is marked as one (Apple's X-ABShowAs or KIND:org)."
    " Companies are added with the people who work there."
)
#: Reciprocity's own properties, which other programs keep and ignore.
X_HOW_MET = "X-RECIPROCITY-HOW-MET"
X_MET_ON = "X-RECIPROCITY-MET-ON"
X_CADENCE = "X-RECIPROCITY-CADENCE-DAYS"
X_ROLES = "X-RECIPROCITY-ROLES"
X_SEEKS = "X-RECIPROCITY-SEEKS"
X_OFFERS = "X-RECIPROCITY-OFFERS"

_PREF_NONE = 101  # vCard 4.0 PREF runs from 1 (most preferred) to 100
_ROLE_BY_LABEL = {label.casefold(): key for key, label in ROLE_LABELS.items()}
#: The host of a URL, with or without its scheme: 'www.linkedin.com' of 'https://u@www.…/in'.
_HOST = re.compile(r"(?:[A-Za-z][A-Za-z0-9+.-]*://)?(?:[^@/?#]*@)?([^:/?#\[\]@\s]+)(?:[:/?#]|$)")
_DECLARED = re.compile(rb";CHARSET=([A-Za-z0-9_.-]+)", re.IGNORECASE)


def parse(data: bytes, name: str) -> Parsed:
    """The people in a .vcf file of one or many cards (vCard 2.1, 3.0 or 4.0).

    Raises FormatError, naming *name* and the card when known, for anything unreadable.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 with a byte-order mark
        try:
            data = data.decode("utf-16").encode("utf-8")
        except UnicodeDecodeError as exc:
            raise FormatError(
                f"{name} is not UTF-16 text (byte {exc.start + 1:,} cannot be read). "
                "Export the contacts again as UTF-8 vCard."
            ) from exc
    if not re.search(rb"BEGIN[ \t]*:[ \t]*VCARD", data, re.IGNORECASE):
        raise FormatError(
            f"{name} is not a vCard file: it has no BEGIN:VCARD line. "
            "Choose a .vcf file exported from your address book."
        )
    try:
        return _read(data, "utf-8", name)
    except Undecodable as exc:
        declared = {m.group(1).decode("ascii").lower() for m in _DECLARED.finditer(data)}
        if len(declared) == 1:
            # Older Outlook writes CHARSET=Windows-1252 on every card: the whole file is that.
            charset = declared.pop()
            with contextlib.suppress(LookupError, Undecodable, FormatError):
                parsed = _read(data, charset, name)
                parsed.notices.append(
                    f"Read as {charset}, the character set the cards declare; "
                    "check the accented names."
                )
                return parsed
        raise FormatError(
            f"{name} is not UTF-8 text (byte {exc.position:,} cannot be read). "
            "Export the contacts again as UTF-8 vCard."
        ) from None


def _read(data: bytes, encoding: str, name: str) -> Parsed:
    parsed = Parsed(unit="card")
    try:
        for card in cards(data, encoding):
            if _is_company_card(card):
                parsed.skipped.append(Skipped(card.row, COMPANY_CARD))
                continue
            person = _person(card, name)
            if person is None:
                parsed.skipped.append(Skipped(card.row, NO_NAME))
            else:
                parsed.people.append(person)
    except CardError as exc:
        if exc.row == 0:
            raise FormatError(f"{name} holds no contacts.") from None
        if exc.what:
            raise FormatError(
                f"Card {exc.row} of {name} is not a vCard: the file has {exc.what} there."
            ) from None
        detail = f"line {exc.cause.number}: {exc.cause.detail}"
        raise FormatError(
            f"Card {exc.row} of {name} cannot be read ({detail}). "
            "Export the contacts again, or remove that card and try again."
        ) from None
    return parsed


def _rank(line: Line) -> int:
    """How preferred a property is: vCard 4.0 PREF=1..100, 2.1/3.0 TYPE=pref counts as 1."""
    for value in line.params.get("PREF", []):
        if value.strip().isdigit():
            return int(value)
    return 1 if "pref" in line.types else _PREF_NONE


def _ranked(card: Card, key: str) -> list[Line]:
    """The card's *key* properties, most preferred first, in file order otherwise."""
    found = card.get(key)
    return sorted(found, key=_rank) if len(found) > 1 else found


def _text(card: Card, line: Line) -> str:
    """A text property's whole value: escapes undone, unescaped commas kept."""
    return unescape(line.value, card.version).strip()


def _list(card: Card, line: Line) -> list[str]:
    """A list property (CATEGORIES and ours): its values, cut at unescaped commas."""
    values = (unescape(v, card.version).strip() for v in split(line.value, ","))
    return [v for v in values if v]


def _components(card: Card, line: Line, count: int) -> list[str]:
    """A structured property's components (cut at unescaped ';'), *count* of them."""
    parts = [unescape(p, card.version).strip() for p in split(line.value, ";")]
    return (parts + [""] * count)[:count]


def _label(card: Card, line: Line) -> str:
    """Apple's label for a grouped property (item1.X-ABLabel), e.g. 'Blog'."""
    if not line.group:
        return ""
    for other in card.get("X-ABLABEL"):
        if other.group.lower() == line.group.lower():
            return _text(card, other).removeprefix("_$!<").removesuffix(">!$_")
    return ""


def _is_linkedin(url: str, line: Line) -> bool:
    if LINKEDIN_TYPE in line.types:
        return True
    host = _HOST.match(url)
    name = host.group(1).lower() if host else ""
    return name == "linkedin.com" or name.endswith(".linkedin.com")


#: N's components in the order of the card, as the fields they fill.
_N_ORDER = ("family_name", "given_name", "middle_name", "name_prefix", "name_suffix")


def _name_parts(card: Card) -> dict[str, str]:
    """The parts of the structured name (N), exactly as the card gives them."""
    for line in card.get("N"):
        parts = dict(zip(_N_ORDER, _components(card, line, 5), strict=True))
        if any(parts.values()):
            return parts
    return dict.fromkeys(_N_ORDER, "")


def _full_name(card: Card, parts: dict[str, str]) -> str:
    for line in card.get("FN"):
        if full := " ".join(_text(card, line).split()):
            return full
    order = ("name_prefix", "given_name", "middle_name", "family_name", "name_suffix")
    return " ".join(" ".join(parts[p] for p in order).split())


def _location(card: Card) -> str:
    for line in _ranked(card, "ADR"):
        parts = _components(card, line, 7)
        if place := ", ".join(p for p in (parts[3], parts[4], parts[6]) if p):
            return place
    return ""


def _company(card: Card) -> str:
    for line in card.get("ORG"):
        if company := _components(card, line, 1)[0]:
            return company
    return ""


def _is_company_card(card: Card) -> bool:
    """Apple's 'show as company' card, or a vCard 4.0 KIND:org."""
    marks = [*card.get("X-ABSHOWAS"), *card.get("KIND")]
    return any(_text(card, line).upper() in ("COMPANY", "ORG") for line in marks)


def _roles(card: Card) -> tuple[str, ...]:
    """Our own roles property; without it, the categories named like one of our roles
    (what an earlier Reciprocity wrote, or a label the user gave in their address book)."""
    ours = card.get(X_ROLES)
    if ours:
        held = {value for line in ours for value in _list(card, line)}
    else:
        labels = (v.casefold() for line in card.get("CATEGORIES") for v in _list(card, line))
        held = {_ROLE_BY_LABEL[label] for label in labels if label in _ROLE_BY_LABEL}
    return tuple(role for role in ROLES if role in held)


def _met_on(card: Card) -> date | None:
    for line in card.get(X_MET_ON):
        with contextlib.suppress(ValueError):
            return date.fromisoformat(_text(card, line))
    return None


def _cadence(card: Card) -> int | None:
    for line in card.get(X_CADENCE):
        value = _text(card, line)
        if value.isascii() and value.isdigit() and 0 < int(value) <= MAX_CADENCE_DAYS:
            return int(value)
    return None


def _person(card: Card, file_name: str) -> ImportedPerson | None:
    parts = _name_parts(card)
    full_name = _full_name(card, parts)
    if not full_name:
        return None
    known = [part for part, value in parts.items() if value]
    if known == ["given_name"] and " ".join(parts["given_name"].split()) == full_name:
        # 'N:;Ann Lee;;;' is how a writer (our export too) says it does not know the parts.
        parts = dict.fromkeys(_N_ORDER, "")
    unique: dict[str, str] = {}  # one spelling of each address: case makes no other one
    for line in _ranked(card, "EMAIL"):
        if email := _text(card, line).removeprefix("mailto:").strip():
            unique.setdefault(email.casefold(), email)
    emails = list(unique.values())
    phones = [_text(card, line).removeprefix("tel:").strip() for line in _ranked(card, "TEL")]
    phones = [p for p in phones if p]
    notes = [
        _text(card, line).replace("\r\n", "\n").replace("\r", "\n") for line in card.get("NOTE")
    ]
    notes = [n for n in notes if n]
    linkedin = ""
    urls = [*_ranked(card, "URL"), *card.get("X-SOCIALPROFILE")]
    for line in urls:
        url = _text(card, line)  # Google's http\://… is unescaped like any other text
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
    titles = (_text(card, line) for line in card.get("TITLE"))
    how_met = (_text(card, line) for line in card.get(X_HOW_MET))
    person = ImportedPerson(
        row=card.row,
        name=full_name,
        company=_company(card),
        title=next((t for t in titles if t), ""),
        email=emails[0] if emails else "",
        phone=phones[0] if phones else "",
        linkedin_url=linkedin,
        location=_location(card),
        how_met=next((h for h in how_met if h), ""),
        met_on=_met_on(card),
        notes="\n".join(notes).strip(),
        extra_emails=emails[1:],
        **parts,
        roles=_roles(card),
        seeks=[v for line in card.get(X_SEEKS) for v in _list(card, line)],
        offers=[v for line in card.get(X_OFFERS) for v in _list(card, line)],
        cadence_days=_cadence(card),
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
    "how_met": "how you met",
    "notes": "note",
    "given_name": "given name",
    "middle_name": "middle name",
    "family_name": "family name",
    "name_prefix": "name prefix",
    "name_suffix": "name suffix",
}


_fields_of = attrgetter(*_FIELD_NAMES)


def _check_lengths(person: ImportedPerson, file_name: str) -> None:
    texts = (*_fields_of(person), *person.extra_emails, *person.seeks, *person.offers)
    if max(map(len, texts)) <= MAX_FIELD:
        return
    values = [(label, getattr(person, field)) for field, label in _FIELD_NAMES.items()]
    values += [("email address", email) for email in person.extra_emails]
    values += [("skill", skill) for skill in (*person.seeks, *person.offers)]
    for label, value in values:
        if len(value) > MAX_FIELD:
            raise FormatError(
                f"Card {person.row} of {file_name} has a {label} of {len(value):,} characters; "
                f"the most Reciprocity reads is {MAX_FIELD:,}. The file looks damaged."
            )
