"""When a position began or ended, as precisely as anyone knows it: a year ('2025'), a
month ('2025-03') or a day ('2025-03-14'). Kept as that ISO text, which sorts in order."""

from __future__ import annotations

import calendar
import re
from datetime import date

from desktop.core.dates import EARLIEST, LATEST, NotADate, parse_date

HOW_TO_TYPE = "Type a year (2025), a month (2025-03 or Mar 2025) or a day (2025-03-14)."

_YEAR = re.compile(r"(\d{4})")
_YEAR_MONTH = re.compile(r"(\d{4})\s*[-/.]\s*(\d{1,2})")
_MONTH_YEAR = re.compile(r"(\d{1,2})\s*[-/.]\s*(\d{4})")
# In English, not from `calendar`, whose names follow the process locale (Qt sets it from
# the desktop's), so that the program's words stay in one language.
MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip
_MONTHS = {
    name.lower(): number
    for number, month in enumerate(MONTH_NAMES, start=1)
    for name in (month, month[:3])
} | {"sept": 9}
_WORD_MONTH = re.compile(r"([a-z]+)\.?,?\s*(\d{4})|(\d{4})\s*([a-z]+)\.?")


def parse_when(text: str, *, today: date) -> str | None:
    """The year, month or day *text* means, as ISO text; None if empty. NotADate says
    why it is not one."""
    cleaned = " ".join(text.split()).lower()
    if not cleaned:
        return None
    if found := _YEAR.fullmatch(cleaned):
        return _year(int(found.group(1)))
    if found := _YEAR_MONTH.fullmatch(cleaned):
        return _month(int(found.group(1)), int(found.group(2)), text)
    if found := _MONTH_YEAR.fullmatch(cleaned):
        return _month(int(found.group(2)), int(found.group(1)), text)
    if (found := _WORD_MONTH.fullmatch(cleaned)) and (
        month := _MONTHS.get(found.group(1) or found.group(4) or "")
    ):
        return _month(int(found.group(2) or found.group(3)), month, text)
    try:
        day = parse_date(text, today=today, lean="past")
    except NotADate:
        words = f"'{text.strip()}' does not read as a year, month or day. {HOW_TO_TYPE}"
        raise NotADate(words) from None
    return day.isoformat() if day else None


def _year(year: int) -> str:
    if not EARLIEST.year <= year <= LATEST.year:
        raise NotADate(f"{year} is out of range: give a year from 1900 to 2199.")
    return f"{year:04d}"


def _month(year: int, month: int, text: str) -> str:
    if not 1 <= month <= 12:
        raise NotADate(f"'{text.strip()}' has no month {month}. {HOW_TO_TYPE}")
    return f"{_year(year)}-{month:02d}"


def when_words(when: str | None) -> str:
    """'Mar 2025', '2025', '14 Mar 2025'; '' when not known."""
    if not when:
        return ""
    parts = when.split("-")
    if len(parts) == 1:
        return when
    month = MONTH_NAMES[int(parts[1]) - 1][:3]
    return f"{month} {parts[0]}" if len(parts) == 2 else f"{int(parts[2])} {month} {parts[0]}"


def span_words(started: str | None, ended: str | None, current: bool) -> str:
    """'Mar 2021 – Jun 2024', 'since Mar 2021', 'until 2024', 'now', ''."""
    start, end = when_words(started), when_words(ended)
    if current:
        return f"since {start}" if start else "now"
    if start and end:
        return start if start == end else f"{start} – {end}"
    if start:
        return f"from {start}"
    return f"until {end}" if end else ""


def first_day(when: str) -> date:
    """The earliest day *when* can mean: '2025-03' is 1 March 2025."""
    parts = [int(p) for p in when.split("-")] + [1, 1]
    return date(parts[0], parts[1], parts[2])


def last_day(when: str) -> date:
    """The latest day *when* can mean: '2025-03' is 31 March 2025."""
    parts = [int(p) for p in when.split("-")]
    if len(parts) == 3:
        return date(*parts)
    month = parts[1] if len(parts) == 2 else 12
    return date(parts[0], month, calendar.monthrange(parts[0], month)[1])
