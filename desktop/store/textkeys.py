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
