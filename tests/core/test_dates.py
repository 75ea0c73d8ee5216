"""Typed dates: numbers in the desktop's order, words, offsets, and clear refusals."""

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.core.dates import NotADate, add_months, describe, order_of, parse_date

TODAY = date(2026, 12, 4)  # a Friday


def read(text: str, **options) -> date | None:
    return parse_date(text, today=TODAY, **options)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("2026-12-05", date(2026, 12, 5)),
        (" 2026-12-05 ", date(2026, 12, 5)),
        ("2026/12/5", date(2026, 12, 5)),
        ("20261205", date(2026, 12, 5)),
        ("2026-12", date(2026, 12, 1)),
        ("today", TODAY),
        ("Today", TODAY),
        ("tomorrow", date(2026, 12, 5)),
        ("yesterday", date(2026, 12, 3)),
        ("+7", date(2026, 12, 11)),
        ("+ 7", date(2026, 12, 11)),
        ("-3", date(2026, 12, 1)),
        ("+2w", date(2026, 12, 18)),
        ("+1 month", date(2027, 1, 4)),
        ("+1y", date(2027, 12, 4)),
        ("next monday", date(2026, 12, 7)),
        ("in 2 weeks", date(2026, 12, 18)),
        ("3 days ago", date(2026, 12, 1)),
        ("5 dec", date(2026, 12, 5)),
        ("Dec 5", date(2026, 12, 5)),
        ("5 December 2027", date(2027, 12, 5)),
    ],
)
def test_reads_full_dates_words_and_offsets(text, expected):
    assert read(text) == expected


def test_empty_is_no_date():
    assert read("") is None
    assert read("   ") is None


@pytest.mark.parametrize(
    "text, order, expected",
    [
        ("05/12/2026", "DMY", date(2026, 12, 5)),
        ("12/05/2026", "MDY", date(2026, 12, 5)),
        ("5.12.26", "DMY", date(2026, 12, 5)),
        ("5.12.", "DMY", date(2026, 12, 5)),
        ("12/5/26", "MDY", date(2026, 12, 5)),
        ("26/12/5", "YMD", date(2026, 12, 5)),
        ("25/12", "MDY", date(2026, 12, 25)),  # no 25th month: the day came first
        ("12-25", "YMD", date(2026, 12, 25)),
    ],
)
def test_numbers_follow_the_desktop_order(text, order, expected):
    assert read(text, order=order) == expected


def test_an_unanchored_date_leans_the_way_the_field_does():
    assert read("friday") == date(2026, 12, 11)
    assert read("friday", lean="past") == date(2026, 11, 27)
    assert read("3") == date(2027, 1, 3)  # the next 3rd
    assert read("3", lean="past") == date(2026, 12, 3)
    assert read("4") == TODAY and read("4", lean="past") == TODAY
    assert read("11/20", order="MDY") == date(2027, 11, 20)
    assert read("11/20", order="MDY", lean="past") == date(2026, 11, 20)


def test_a_day_some_months_lack_is_found_in_one_that_has_it():
    assert parse_date("31", today=date(2026, 11, 10)) == date(2026, 12, 31)
    assert parse_date("31", today=date(2026, 11, 10), lean="past") == date(2026, 10, 31)
    assert parse_date("02-29", today=date(2027, 3, 1), lean="past") == date(2024, 2, 29)
    assert parse_date("02-29", today=date(2027, 3, 1)) == date(2028, 2, 29)


@pytest.mark.parametrize(
    "text, words",
    [
        ("Not set0261205", "does not read as a date"),
        ("banana", "does not read as a date"),
        ("2026-02-30", "February 2026 has 28 days, not 30"),
        ("2026-13-01", "no month 13"),
        ("40", "not a day of the month"),
        ("12345", "not a date"),
        ("1850-01-01", "out of range"),
        ("1 2 3 4", "too many numbers"),
    ],
)
def test_what_is_not_a_date_is_refused_in_words(text, words):
    with pytest.raises(NotADate, match=words):
        read(text)


def test_a_language_the_reader_does_not_know_falls_back_to_english():
    assert read("tomorrow", languages=("xx-not-a-language",)) == date(2026, 12, 5)
    assert read("next monday", languages=("en", "xx")) == date(2026, 12, 7)


def test_words_in_the_desktop_language():
    assert read("morgen", languages=("en", "de")) == date(2026, 12, 5)


@pytest.mark.parametrize(
    "pattern, order",
    [
        ("yyyy-MM-dd", "YMD"),
        ("dd/MM/yyyy", "DMY"),
        ("M/d/yy", "MDY"),
        ("d.M.yy", "DMY"),
        ("x", "YMD"),
    ],
)
def test_the_order_is_read_from_the_desktop_pattern(pattern, order):
    assert order_of(pattern) == order


@given(st.dates(min_value=date(1900, 1, 2), max_value=date(2199, 12, 31)))
def test_every_iso_date_reads_back_as_itself(day):
    assert read(day.isoformat()) == day
    assert read(f"{day.day:02}/{day.month:02}/{day.year}", order="DMY") == day
    assert read(f"{day.month}/{day.day}/{day.year}", order="MDY") == day


@given(st.dates(min_value=date(1901, 1, 1), max_value=date(2198, 1, 1)), st.integers(-30, 30))
def test_months_are_added_inside_shorter_months(day, months):
    moved = add_months(day, months)
    assert (moved.year * 12 + moved.month) - (day.year * 12 + day.month) == months
    assert moved.day == day.day or (moved.day < day.day and (moved + timedelta(days=1)).day == 1)


def test_description_says_the_weekday_and_how_far():
    assert describe(date(2026, 12, 7), TODAY) == "Monday 7 December 2026, in 3 days"
    assert describe(TODAY, TODAY) == "Friday 4 December 2026, today"
    assert describe(date(2026, 12, 1), TODAY) == "Tuesday 1 December 2026, 3 days ago"
    assert describe(date(2027, 6, 1), TODAY) == "Tuesday 1 June 2027"
