"""What every part of the sample generator shares: one random source, the days of the
period, weighted picks, and bulk inserts that report progress.

Days are offsets from the first day of the period: 0 .. ndays-1, where ndays-1 is today.
"""

from __future__ import annotations

import calendar
import random
from bisect import bisect
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from datetime import date
from itertools import accumulate, islice
from typing import Generic, TypeVar

from desktop.store import query
from desktop.store.progress import Progress
from desktop.store.sqltypes import Database

CHUNK = 50_000
T = TypeVar("T")
#: A row to insert, its values in the order of the columns named with it.
Row = tuple[object, ...]


class Picker(Generic[T]):
    """Weighted choice by bisecting cumulative weights (what random.choices does inside)."""

    def __init__(self, items: Sequence[T], weights: Iterable[float]):
        self.items, self.cum = items, list(accumulate(weights))
        self.total, self.hi = self.cum[-1], len(items) - 1

    def __call__(self, rnd: Callable[[], float]) -> T:
        return self.items[bisect(self.cum, rnd() * self.total, 0, self.hi)]

    @classmethod
    def of(cls, weights: Mapping[T, float]) -> Picker[T]:
        return cls(list(weights), weights.values())


def months_before(day: date, months: int) -> date:
    year, month0 = divmod(day.year * 12 + day.month - 1 - months, 12)
    return date(year, month0 + 1, min(day.day, calendar.monthrange(year, month0 + 1)[1]))


def _chunks(rows: Iterable[Row], size: int) -> Iterator[list[Row]]:
    iterator = iter(rows)
    while chunk := list(islice(iterator, size)):
        yield chunk


class Run:
    """One generation: the database, the random source, the period and the progress."""

    def __init__(
        self,
        database: Database,
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

    def insert(self, table: str, columns: str, rows: Iterable[Row], counted: bool = False) -> int:
        """Insert *rows* in chunks; *counted* rows advance the progress. By executemany, not
        the models' insert_many, which takes many times as long for a million actions."""
        marks = ", ".join("?" * (columns.count(",") + 1))
        sql = f"INSERT INTO {table} ({columns}) VALUES ({marks})"
        n = 0
        for chunk in _chunks(rows, CHUNK):
            query.execute_many(sql, chunk, database=self.database)
            n += len(chunk)
            if counted:
                self.done += len(chunk)
                if self.progress:
                    self.progress(self.done, self.total)
        return n
