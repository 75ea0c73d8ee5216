"""Which backups to keep: restic's "newest of each of the last N hours, days, weeks and
months that have backups", a month's grace for backups that mark a change, and a size cap.

Pure: it looks only at the times, reasons and sizes it is given, so a simulated year of
backups can be checked against it without writing a single file.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Protocol, TypeVar

GB = 1_000_000_000

#: Reasons a person chose or a change of the whole file caused: kept a while whatever the
#: buckets say, so a restore of the wrong backup or an import gone wrong can be undone.
MARKED = frozenset(
    (
        "by-hand",
        "before-restore",
        "before-merge",
        "before-import",
        "before-upgrade",
        "before-repair",
    )
)


class Dated(Protocol):
    """What the policy reads of a backup."""

    @property
    def taken_at(self) -> datetime: ...
    @property
    def reason(self) -> str: ...
    @property
    def size(self) -> int: ...


B = TypeVar("B", bound=Dated)


@dataclass(frozen=True)
class Policy:
    """How many of each bucket to keep, for how long marked backups stay, and the cap."""

    hourly: int = 12
    daily: int = 10
    weekly: int = 8
    monthly: int = 12
    marked_for: timedelta = timedelta(days=30)
    min_cap_bytes: int = 2 * GB
    cap_times_database: int = 5
    keep_at_least: int = 3

    def cap_bytes(self, database_size: int) -> int:
        """The most all backups together may take beside a database of this size."""
        return max(self.min_cap_bytes, self.cap_times_database * database_size)


POLICY = Policy()


def _hour(when: datetime) -> Hashable:
    return (when.year, when.month, when.day, when.hour)


def _day(when: datetime) -> Hashable:
    return when.date()


def _week(when: datetime) -> Hashable:
    return tuple(when.isocalendar())[:2]


def _month(when: datetime) -> Hashable:
    return (when.year, when.month)


def _bucket_rules(policy: Policy) -> tuple[tuple[Callable[[datetime], Hashable], int], ...]:
    return (
        (_hour, policy.hourly),
        (_day, policy.daily),
        (_week, policy.weekly),
        (_month, policy.monthly),
    )


def to_keep(
    backups: Sequence[B], *, now: datetime, database_size: int, policy: Policy = POLICY
) -> list[B]:
    """The backups the policy keeps, newest first (the rest may be removed)."""
    newest_first = sorted(backups, key=lambda b: b.taken_at, reverse=True)
    keep: set[int] = set()
    for bucket_of, count in _bucket_rules(policy):
        seen: set[Hashable] = set()
        for index, backup in enumerate(newest_first):
            bucket = bucket_of(backup.taken_at)
            if bucket in seen:
                continue
            if len(seen) == count:
                break
            seen.add(bucket)
            keep.add(index)  # the first met in a bucket is its newest
    for index, backup in enumerate(newest_first):
        if backup.reason in MARKED and backup.taken_at >= now - policy.marked_for:
            keep.add(index)
    if newest_first:
        keep.add(0)
    kept = [newest_first[i] for i in sorted(keep)]
    # Past the cap the oldest go first, so a large network cannot fill the disk.
    cap = policy.cap_bytes(database_size)
    total = sum(b.size for b in kept)
    while total > cap and len(kept) > policy.keep_at_least:
        total -= kept.pop().size
    return kept


def words(policy: Policy = POLICY, database_size: int | None = None) -> str:
    """The policy in sentences, for the Backups dialog and `reciprocity backup --list`."""
    cap = (
        f"{policy.min_cap_bytes / GB:g} GB or {policy.cap_times_database} times the size of "
        "the database, whichever is more"
    )
    if database_size is not None:
        cap += f" (here {policy.cap_bytes(database_size) / GB:.1f} GB)"
    return (
        f"Reciprocity keeps the newest backup of each of the last {policy.hourly} hours, "
        f"{policy.daily} days, {policy.weekly} weeks and {policy.monthly} months that have "
        "backups, and every backup made by hand or before a restore, merge, import, "
        f"upgrade or repair for at least {policy.marked_for.days} days. The newest backup "
        f"is never removed. All backups together take at most {cap}: past that the oldest "
        f"go first, but the newest {policy.keep_at_least} always stay. An automatic backup "
        "is skipped while the disk has less free space than twice the size of the database."
    )
