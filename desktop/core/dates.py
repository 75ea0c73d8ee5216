"""Dates as people type them: 2026-12-05, 5/12, the 5th, today, +7, next monday.

Numbers are read here, in the order the desktop's own short date format puts day, month
and year; words ("tomorrow", "next monday", "in 2 weeks", "3 days ago", "5 dec") go to
dateparser, which knows them in many languages. A field says which way an unanchored
date leans: a follow-up's "friday" is the next one, a meeting's "friday" the last one.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime, timedelta
from typing import Literal

Lean = Literal["future", "past"]
Order = Literal["DMY", "MDY", "YMD"]

EARLIEST, LATEST = date(1900, 1, 2), date(2199, 12, 31)

HOW_TO_TYPE = (
    "Type a date such as 2026-12-05, or words: today, tomorrow, +7, -3, next monday, "
    "in 2 weeks, 5 dec."
)


class NotADate(ValueError):
    """What was typed does not read as a date; the message says so in words."""


_WORDS = {"today": 0, "now": 0, "tod": 0, "tomorrow": 1, "tmrw": 1, "tmr": 1, "yesterday": -1}
_UNITS = {
    "": "d",
    "d": "d",
    "day": "d",
    "days": "d",
    "w": "w",
    "wk": "w",
    "wks": "w",
    "week": "w",
    "weeks": "w",
    "m": "m",
    "mo": "m",
    "month": "m",
    "months": "m",
    "y": "y",
    "yr": "y",
    "yrs": "y",
    "year": "y",
    "years": "y",
}
_OFFSET = re.compile(r"([+-])\s*(\d{1,4})\s*([a-z]*)")
_NUMBERS = re.compile(r"\d+(?:\s*[-/.\s]\s*\d+)*\.?")
_SEPARATOR = re.compile(r"\s*[-/.\s]\s*")


def add_months(day: date, months: int) -> date:
    """The same day *months* later (or earlier), kept inside shorter months."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def _shift(today: date, amount: int, unit: str) -> date:
    if unit == "d":
        return today + timedelta(days=amount)
    if unit == "w":
        return today + timedelta(weeks=amount)
    return add_months(today, amount * (12 if unit == "y" else 1))


def _full_year(number: int, width: int, today: date) -> int:
    """A two-digit year is the one within 20 years ahead or 80 behind."""
    if width > 2:
        return number
    year = today.year // 100 * 100 + number
    if year > today.year + 20:
        year -= 100
    elif year < today.year - 80:
        year += 100
    return year


def _make(year: int, month: int, day: int) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise NotADate(_no_such_day(year, month, day)) from None


def _no_such_day(year: int, month: int, day: int) -> str:
    if not 1 <= month <= 12:
        return f"There is no month {month}; months go from 1 to 12."
    if 1 <= year <= 9999:
        last = calendar.monthrange(year, month)[1]
        return f"{calendar.month_name[month]} {year} has {last} days, not {day}."
    return f"{year} is not a year this program keeps."


def _leaning(candidates: list[date], today: date, lean: Lean) -> date:
    """The first candidate on the field's side of today (today itself counts)."""
    if lean == "future":
        return next((d for d in candidates if d >= today), candidates[-1])
    return next((d for d in reversed(candidates) if d <= today), candidates[0])


def _day_only(number: int, today: date, lean: Lean) -> date:
    """'5': the 5th of this month, or of the next (or last) month that has one."""
    if not 1 <= number <= 31:
        raise NotADate(f"{number} is not a day of the month.")
    candidates = []
    for months in range(-2, 3):
        first = add_months(today.replace(day=1), months)
        if number <= calendar.monthrange(first.year, first.month)[1]:
            candidates.append(first.replace(day=number))
    return _leaning(candidates, today, lean)


def _numbers(parts: list[str], today: date, lean: Lean, order: Order) -> date:
    values = [int(p) for p in parts]
    if len(parts) == 1:
        text = parts[0]
        if len(text) == 8:  # 20261205
            return _make(int(text[:4]), int(text[4:6]), int(text[6:]))
        if len(text) <= 2:
            return _day_only(values[0], today, lean)
        raise NotADate(f"'{text}' is not a date.")
    if len(parts) == 2:
        if len(parts[0]) == 4:  # 2026-12: the first of the month
            return _make(values[0], values[1], 1)
        month, day = (values[1], values[0]) if order == "DMY" else (values[0], values[1])
        if not 1 <= month <= 12 and 1 <= day <= 12:
            month, day = day, month  # 25/12 in a month-first desktop is still clear
        candidates = []
        for year in range(today.year - 4, today.year + 5):  # 29 February is in one
            try:
                candidates.append(date(year, month, day))
            except ValueError:
                continue
        if not candidates:
            raise NotADate(_no_such_day(today.year, month, day))
        return _leaning(candidates, today, lean)
    if len(parts) == 3:
        if len(parts[0]) >= 3 or order == "YMD":
            year, month, day = values
            width = len(parts[0])
        elif order == "DMY":
            day, month, year = values
            width = len(parts[2])
        else:
            month, day, year = values
            width = len(parts[2])
        return _make(_full_year(year, width, today), month, day)
    raise NotADate(f"'{' '.join(parts)}' has too many numbers for a date.")


def _words(text: str, today: date, lean: Lean, order: Order, languages: tuple[str, ...]) -> date:
    import dateparser  # type: ignore[import-untyped]  # its data loads on first use only

    settings = {
        "PREFER_DATES_FROM": lean,
        "RELATIVE_BASE": datetime(today.year, today.month, today.day),
        "DATE_ORDER": order,
        "PARSERS": ["relative-time", "absolute-time"],
    }
    try:
        found = dateparser.parse(text, languages=list(languages), settings=settings)
    except ValueError:  # a language dateparser does not know
        found = dateparser.parse(text, languages=["en"], settings=settings)
    if found is None:
        raise NotADate(f"'{text}' does not read as a date. {HOW_TO_TYPE}")
    return date(found.year, found.month, found.day)


def parse_date(
    text: str,
    *,
    today: date,
    lean: Lean = "future",
    order: Order = "YMD",
    languages: tuple[str, ...] = ("en",),
) -> date | None:
    """The date *text* means, None if it is empty; NotADate says why it is not one.

    *order* is how the desktop writes day, month and year; *languages* the ones words may
    be in (dateparser codes, such as "en" and "de").
    """
    cleaned = " ".join(text.split()).lower()
    if not cleaned:
        return None
    if cleaned in _WORDS:
        found = today + timedelta(days=_WORDS[cleaned])
    elif (offset := _OFFSET.fullmatch(cleaned)) and offset.group(3) in _UNITS:
        sign, amount, unit = offset.groups()
        found = _shift(today, int(amount) * (-1 if sign == "-" else 1), _UNITS[unit])
    elif _NUMBERS.fullmatch(cleaned):
        found = _numbers(_SEPARATOR.split(cleaned.strip(".")), today, lean, order)
    else:
        found = _words(cleaned, today, lean, order, languages)
    if not EARLIEST <= found <= LATEST:
        raise NotADate(f"{found.year} is out of range: give a date from 1900 to 2199.")
    return found


def order_of(pattern: str) -> Order:
    """The order of day, month and year in a date pattern such as 'dd/MM/yyyy'."""
    positions = {key: pattern.find(key) for key in "dMy"}
    if -1 in positions.values():
        return "YMD"
    ranked = "".join(sorted(positions, key=positions.__getitem__))
    orders: dict[str, Order] = {"dMy": "DMY", "Mdy": "MDY"}
    return orders.get(ranked, "YMD")


def describe(day: date, today: date) -> str:
    """'Monday 7 December 2026, in 3 days': what a typed date was read as."""
    words = f"{day:%A} {day.day} {day:%B %Y}"
    delta = (day - today).days
    if delta == 0:
        return f"{words}, today"
    if delta == 1:
        return f"{words}, tomorrow"
    if delta == -1:
        return f"{words}, yesterday"
    if abs(delta) < 60:
        return f"{words}, in {delta} days" if delta > 0 else f"{words}, {-delta} days ago"
    return words
