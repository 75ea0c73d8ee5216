"""Reads the contacts CSV that Outlook (File, Open & Export, Import/Export, "Comma Separated
Values"), Outlook.com and Microsoft 365 ("Manage contacts", Export) write, into people.

Their columns are Outlook's contact fields by their English names: "Title" (Mr., Dr.),
"First Name", "Middle Name", "Last Name", "Suffix", "Company", "Department", "Job Title",
the Business, Home and Other addresses in parts, about twenty phones, "E-mail Address"
with "E-mail 2 Address" and "E-mail 3 Address", "Notes" and "Web Page". Classic Outlook
names them in the language it runs in; the German names are read too (Anrede, Vorname,
Nachname, E-Mail-Adresse, …), other languages are refused with what to do. The two
programs differ in the order of the columns and in a few names, which is why columns are
found by name.

Classic Outlook writes the file in the Windows code page (Windows-1252 in Western Europe
and the Americas) with the list separator of the Windows region (a semicolon in much of
Europe), and Outlook.com writes UTF-8; csvtable reads all of them.

Row numbers count CSV records from the top, as a spreadsheet does: the header is row 1,
and a note of several lines is still one row.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop.formats.csvtable import column_name, line, people_in, read_table
from desktop.formats.records import ImportedPerson, Parsed

NO_NAME = "No name: the row has no first, middle or last name, no nickname and no company."

#: Each field this reader takes, by Outlook's English column name and the German one.
_NAMES = {
    "title": ("title", "anrede"),
    "first": ("first name", "vorname"),
    "middle": ("middle name", "weitere vornamen"),
    "last": ("last name", "nachname"),
    "suffix": ("suffix",),
    "nickname": ("nickname", "spitzname"),
    "company": ("company", "firma"),
    "department": ("department", "abteilung"),
    "job title": ("job title", "position"),
    "notes": ("notes", "notizen"),
}
_EMAILS = (
    ("e-mail address", "e-mail-adresse"),
    ("e-mail 2 address", "e-mail 2: adresse"),
    ("e-mail 3 address", "e-mail 3: adresse"),
)
#: What kind each e-mail is: "SMTP", or "EX" for an Exchange directory path (not an address).
_EMAIL_TYPES = (
    ("e-mail type", "e-mail-typ"),
    ("e-mail 2 type", "e-mail 2: typ"),
    ("e-mail 3 type", "e-mail 3: typ"),
)
#: The phones in the order the first is chosen: the one marked primary, then the mobile.
_PHONES = (
    ("primary phone", "haupttelefon"),
    ("mobile phone", "mobiltelefon"),
    ("business phone", "telefon geschäftlich"),
    ("business phone 2", "telefon geschäftlich 2"),
    ("home phone", "telefon privat"),
    ("home phone 2", "telefon privat 2"),
    ("company main phone", "telefon firma"),
    ("other phone", "weiteres telefon"),
    ("car phone", "autotelefon"),
    ("assistant's phone", "telefon assistent"),
    ("callback", "rückmeldung"),
    ("pager",),
    ("radio phone", "funkruf"),
    ("isdn",),
)
_WEBSITES = (("web page", "webseite"), ("personal web page", "persönliche webseite"))
#: City, state and country of the business, home and other addresses, tried in that order.
_ADDRESSES = (
    (
        ("business city", "ort geschäftlich"),
        ("business state", "region geschäftlich", "bundesland/kanton geschäftlich"),
        ("business country/region", "business country", "land/region geschäftlich"),
    ),
    (
        ("home city", "ort privat"),
        ("home state", "region privat", "bundesland/kanton privat"),
        ("home country/region", "home country", "land/region privat"),
    ),
    (
        ("other city", "weiterer ort"),
        ("other state", "weitere region", "weiteres/r bundesland/kanton"),
        ("other country/region", "other country", "weiteres/r land/region"),
    ),
)


@dataclass
class _Columns:
    """Where each value is in a row: column positions, None when the file lacks one."""

    fields: dict[str, int | None]
    emails: list[tuple[int | None, int | None]]  # (address, type)
    phones: list[int | None]
    websites: list[int | None]
    addresses: list[tuple[int | None, ...]]


def parse(data: bytes, name: str) -> Parsed:
    """The people in an Outlook contacts CSV file; raises FormatError for a file that is
    not one."""
    table = read_table(
        data,
        name,
        _header,
        refusal=_refusal(name),
        writer="Outlook",
        fresh_copy="export the contacts again",
    )
    return people_in(table, _person, NO_NAME)


def _person(row: int, cells: list[str], columns: _Columns) -> ImportedPerson | None:
    def cell(index: int | None) -> str:
        return cells[index] if index is not None and index < len(cells) else ""

    def field(key: str) -> str:
        return line(cell(columns.fields[key]))

    given, middle, family = field("first"), field("middle"), field("last")
    company = field("company")
    full_name = line(f"{given} {middle} {family}") or field("nickname") or company
    if not full_name:
        return None

    emails: dict[str, str] = {}  # by casefolded address, first spelling kept
    for address, kind in columns.emails:
        email = line(cell(address))
        if email and line(cell(kind)).casefold() != "ex":
            emails.setdefault(email.casefold(), email)
    first_email, *extra_emails = emails.values() or [""]

    phones: dict[str, str] = {}  # by their digits: one number written twice is one
    for index in columns.phones:
        if phone := line(cell(index)):
            phones.setdefault("".join(c for c in phone if c.isdigit()) or phone, phone)
    first_phone, *extra_phones = phones.values() or [""]

    websites = [site for site in (line(cell(index)) for index in columns.websites) if site]
    linkedin = [site for site in websites if "linkedin.com" in site.casefold()]

    location = ""
    for parts in columns.addresses:
        location = location or ", ".join(p for p in (line(cell(i)) for i in parts) if p)

    # What has no field of its own is kept in the notes, as the Google reader does.
    kept = [f"Department: {field('department')}"] if field("department") else []
    kept += [f"Website: {site}" for site in websites if site not in linkedin[:1]]
    kept += [f"Phone: {phone}" for phone in extra_phones]
    notes = cell(columns.fields["notes"]).replace("\r\n", "\n").replace("\r", "\n").strip()
    return ImportedPerson(
        row=row,
        name=full_name,
        company=company,
        title=field("job title"),
        email=first_email,
        phone=first_phone,
        linkedin_url=linkedin[0] if linkedin else "",
        location=location,
        notes="\n".join(text for text in (notes, *kept) if text),
        extra_emails=extra_emails,
        given_name=given,
        middle_name=middle,
        family_name=family,
        name_prefix=field("title"),
        name_suffix=field("suffix"),
    )


def _header(cells: list[str]) -> _Columns | None:
    """Column positions, if *cells* are Outlook's header (in English or German)."""
    names = [column_name(cell).replace("_", " ") for cell in cells]

    def index(aliases: tuple[str, ...]) -> int | None:
        return next((names.index(alias) for alias in aliases if alias in names), None)

    fields = {key: index(aliases) for key, aliases in _NAMES.items()}
    emails = [
        (index(address), index(kind)) for address, kind in zip(_EMAILS, _EMAIL_TYPES, strict=True)
    ]
    if fields["first"] is None or fields["last"] is None or emails[0][0] is None:
        return None
    others = (fields["job title"], fields["company"], *(index(p) for p in _PHONES[:3]))
    if all(other is None for other in others):
        return None
    return _Columns(
        fields=fields,
        emails=emails,
        phones=[index(phone) for phone in _PHONES],
        websites=[index(site) for site in _WEBSITES],
        addresses=[tuple(index(part) for part in parts) for parts in _ADDRESSES],
    )


def _refusal(name: str) -> str:
    return (
        f"{name} does not look like an Outlook contacts export: no row has Outlook's "
        "columns (First Name, Last Name, E-mail Address, Job Title or Company …). In "
        'Outlook choose File, Open & Export, Import/Export, "Export to a file", then '
        '"Comma Separated Values"; in Outlook.com, Contacts, "Manage contacts", Export. '
        "Outlook names the columns in its own language: English and German are read; "
        "for another, switch Outlook to English for the export or export from Outlook.com."
    )
