"""vCard files (.vcf): reading contacts from any address book, writing people as vCard 4.0.

`lines` reads a file's bytes card by card into properties, `read` turns them into people,
`write` writes people back. The reading is our own rather than a general vCard library's:
address books write commas unescaped, photos of many megabytes and Lotus Notes' PROFILE
lines, and a person's fields need the whole text of each property.
"""

from desktop.formats.vcard.read import COMPANY_CARD, LINKEDIN_TYPE, NO_NAME, parse
from desktop.formats.vcard.write import PRODID, export

__all__ = ["COMPANY_CARD", "LINKEDIN_TYPE", "NO_NAME", "PRODID", "export", "parse"]
