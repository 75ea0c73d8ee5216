"""Keys that text is compared and sorted by, the same in Python and in SQL."""

from __future__ import annotations

import unicodedata

# Letters that Unicode does not decompose into a base letter and an accent.
_BASE_LETTERS = str.maketrans(
    {
        "ø": "o",
        "Ø": "o",
        "ł": "l",
        "Ł": "l",
        "đ": "d",
        "Đ": "d",
        "ħ": "h",
        "ı": "i",
        "æ": "ae",
        "Æ": "ae",
        "œ": "oe",
        "Œ": "oe",
        "ß": "ss",
        "þ": "th",
        "Þ": "th",
    }
)


def _visible(text: str) -> str:
    """Drop invisible format characters (zero-width spaces, direction marks)."""
    if text.isascii():  # ASCII has none: the common case, at once
        return text
    return "".join(ch for ch in text if unicodedata.category(ch) != "Cf")


# ASCII's invisible characters: the controls (category Cc) and the space (Zs).
_ASCII_INVISIBLE = dict.fromkeys([*range(33), 127])


def has_visible_text(text: str) -> bool:
    if text.isascii():  # the common case, in one pass in C
        return bool(text.translate(_ASCII_INVISIBLE))
    return any(not unicodedata.category(ch).startswith(("C", "Z")) for ch in text)


def name_key(name: str) -> str:
    """What makes two names the same name: case, width, spacing and invisibles ignored.

    Accents count ('Cörp' is not 'Corp'); composed and decomposed spellings are equal.
    """
    if name.isascii():  # NFKC leaves ASCII as it is, and it holds no invisibles
        return " ".join(name.split()).casefold()
    return " ".join(_visible(unicodedata.normalize("NFKC", name)).split()).casefold()


def fold(text: str | None) -> str:
    """Sort and search key: like `name_key`, but accents are ignored too ('Émile' ~ 'emile')."""
    if not text:
        return ""
    if text.isascii():  # no accents, invisibles or special letters to take apart
        return " ".join(text.split()).casefold()
    decomposed = unicodedata.normalize("NFKD", _visible(text).translate(_BASE_LETTERS))
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(bare.split()).casefold()


# Words that say what kind of legal body a company is, not which company: 'Contoso, Ltd.'
# and 'Contoso' are one company. Only these, and only at the end of the name; words that
# tell companies apart ('Group', 'Systems', 'Holdings') stay.
LEGAL_SUFFIXES = frozenset(
    {
        "inc", "incorporated", "corp", "corporation", "co", "company", "cos", "ltd",
        "limited", "llc", "llp", "lp", "plc", "gmbh", "mbh", "ag", "kg", "se", "sa", "sas",
        "sarl", "srl", "spa", "sl", "bv", "nv", "oy", "oyj", "ab", "as", "asa", "aps", "pty",
        "pte", "kk", "ulc", "lda", "ltda", "sro", "kft", "zrt", "pvt",
    }
)  # fmt: skip
# Punctuation that only spells a name differently: dots close up ('S.A.' is 'SA'), the
# rest part words ('Coca-Cola' is 'Coca Cola'), '&' is 'and'.
_CLOSED_UP = str.maketrans({".": None, "\u2024": None})
_PARTED = str.maketrans(
    dict.fromkeys(",;:!?()[]{}'\"\u2018\u2019\u201c\u201d/\\-\u2010\u2013\u2014", " ")
    | {"&": " and ", "+": " and "}
)


def company_key(name: str) -> str:
    """What makes two company names one company's: `fold` (case, accents, width, spacing),
    punctuation, a leading 'The' and legal suffixes at the end ignored. 'The Coca-Cola
    Company' and 'Coca Cola' are one; 'Apex Systems' and 'Apex Group' are two."""
    words = fold(name).translate(_CLOSED_UP).translate(_PARTED).split()
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    while len(words) > 1 and words[-1] in LEGAL_SUFFIXES:
        words.pop()
        if len(words) > 1 and words[-1] == "and":
            words.pop()  # 'Smith & Co.', 'Müller GmbH & Co. KG'
    return " ".join(words)
