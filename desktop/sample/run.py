"""What every part of the sample generator shares: one random source, the days of the
period, weighted picks, and bulk inserts that report progress.

Days are offsets from the first day of the period: 0 .. ndays-1, where ndays-1 is today.
"""

from __future__ import annotations

import calendar
import random
from bisect import bisect
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date
from itertools import accumulate, islice

from peewee import SqliteDatabase

from desktop.store.progress import Progress

CHUNK = 50_000


class Picker:
    """Weighted choice by bisecting cumulative weights (what random.choices does inside)."""

    def __init__(self, items: Sequence, weights: Iterable[float]):
        self.items, self.cum = items, list(accumulate(weights))
        self.total, self.hi = self.cum[-1], len(items) - 1

    def __call__(self, rnd: Callable[[], float]):
        return self.items[bisect(self.cum, rnd() * self.total, 0, self.hi)]

    @classmethod
    def of(cls, weights: dict) -> Picker:
        return cls(list(weights), weights.values())


def months_before(day: date, months: int) -> date:
    year, month0 = divmod(day.year * 12 + day.month - 1 - months, 12)
    return date(year, month0 + 1, min(day.day, calendar.monthrange(year, month0 + 1)[1]))


def _chunks(rows: Iterable[tuple], size: int) -> Iterator[list[tuple]]:
    iterator = iter(rows)
    while chunk := list(islice(iterator, size)):
        yield chunk


class Run:
    """One generation: the database, the random source, the period and the progress."""

    def __init__(
        self,
        database: SqliteDatabase,
        rng: random.Random,
        today: date,
        months: int,
        progress: Progress | None,
    ):
        self.database, self.rng, self.rnd, self.progress = database, rng, rng.random, progress
        self.start = months_before(today, months).toordinal()
        self.ndays = today.toordinal() - self.start + 1  # days are offsets 0 .. ndays-1
        # Every day as ISO text, plus 60 days past today for follow-ups.
        self.iso = [date.fromordinal(self.start + i).isoformat() for i in range(self.ndays + 60)]
        clock = [(h, m) for h in range(8, 22) for m in range(60)]
        self.times = [f"{h:02d}:{m:02d}:{rng.randrange(60):02d}" for h, m in clock]
        self.done = self.total = 0

    def day_iso(self, day: int) -> str:
        if 0 <= day < len(self.iso):
            return self.iso[day]
        return date.fromordinal(self.start + day).isoformat()

    def stamp(self, day: int) -> str:
        """'YYYY-MM-DD HH:MM:SS' at a random daytime on a day offset."""
        return f"{self.day_iso(day)} {self.times[int(self.rnd() * len(self.times))]}"

    def stamps(self, day: int, until: int | None = None, created: str = "") -> tuple[str, str]:
        """created_at on *day* (unless given) and a later updated_at, on *until* or soon."""
        created = created or self.stamp(day)
        updated = self.stamp(self.later(day) if until is None else until)
        return created, max(created, updated)

    def later(self, day: int) -> int:
        """A day between *day* and today, usually soon after."""
        return min(self.ndays - 1, day + int(self.rnd() ** 3 * (self.ndays - day)))

    def some(self, chance: float, options: Sequence[str]) -> str:
        """One of *options* with the given chance, else ''."""
        return self.rng.choice(options) if self.rnd() < chance else ""

    def insert(self, table: str, columns: str, rows: Iterable[tuple], counted=False) -> int:
        """Insert *rows* in chunks; *counted* rows advance the progress."""
        marks = ", ".join("?" * (columns.count(",") + 1))
        sql = f"INSERT INTO {table} ({columns}) VALUES ({marks})"
        connection, n = self.database.connection(), 0
        for chunk in _chunks(rows, CHUNK):
            connection.executemany(sql, chunk)
            n += len(chunk)
            if counted:
                self.done += len(chunk)
                if self.progress:
                    self.progress(self.done, self.total)
        return n
