"""The retention policy over a simulated year: exactly what it promises is kept."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from desktop.store import retention
from desktop.store.retention import GB, POLICY


@dataclass(frozen=True)
class Fake:
    taken_at: datetime
    reason: str = "automatic"
    size: int = 1_000_000


def working_year(seed: int = 3) -> list[datetime]:
    """Every 30 minutes from 09:00 to 17:30 on working days, with holidays and sick days."""
    rng = random.Random(seed)
    start = date(2026, 1, 1)
    days = [start + timedelta(days=n) for n in range(365)]
    off = {d for d in days if d.weekday() >= 5}
    off |= {date(2026, 8, 3) + timedelta(days=n) for n in range(14)}  # a summer holiday
    off |= set(rng.sample(days, 20))
    return [
        datetime(d.year, d.month, d.day, 9) + timedelta(minutes=30 * slot)
        for d in days
        if d not in off
        for slot in range(18)
    ]


def promised(times: list[datetime]) -> set[datetime]:
    """Worked out afresh from the whole history, as the policy is stated in words."""
    buckets = (
        (lambda t: (t.year, t.month, t.day, t.hour), 12),
        (lambda t: t.date(), 10),
        (lambda t: t.isocalendar()[:2], 8),
        (lambda t: (t.year, t.month), 12),
    )
    kept = {max(times)}
    for bucket, count in buckets:
        newest: dict = {}
        for t in times:
            newest[bucket(t)] = max(newest.get(bucket(t), t), t)
        kept |= {newest[b] for b in sorted(newest, reverse=True)[:count]}
    return kept


def test_a_year_of_backups_thinned_after_each_keeps_what_the_policy_promises():
    times = working_year()
    assert len(times) > 4000
    kept: list[Fake] = []
    for n, when in enumerate(times):
        kept = retention.to_keep([*kept, Fake(when)], now=when, database_size=10_000_000)
        if n % 97 == 0 or n == len(times) - 1:  # now and then along the way, and at the end
            assert {b.taken_at for b in kept} == promised(times[: n + 1]), when
    final = {b.taken_at for b in kept}
    assert max(times) in final
    assert len(final) <= 12 + 10 + 8 + 12
    # The newest of each of the last 12 hours that have backups: the last day's nine (9:30
    # to 17:30), then the last three of the working day before it.
    last_day, day_before = sorted({t.date() for t in times})[-1:-3:-1]
    hours = sorted(t for t in final if t.date() in (last_day, day_before) and t.minute == 30)
    assert [(t.date(), t.hour) for t in hours] == [(day_before, h) for h in (15, 16, 17)] + [
        (last_day, h) for h in range(9, 18)
    ]
    months = {(t.year, t.month) for t in final}
    assert len(months) == 12  # one for each month of the year


def test_backups_made_by_hand_or_before_a_change_stay_for_thirty_days():
    start = datetime(2026, 3, 2, 9)
    by_hand = Fake(start, "by-hand")
    kept = [by_hand]
    when = start
    for _ in range(24 * 40):  # hourly automatic backups for 40 days
        when += timedelta(hours=1)
        kept = retention.to_keep([*kept, Fake(when)], now=when, database_size=0)
        # No bucket keeps it after its first 12 hours (newer backups share its day, week
        # and month): only the 30 days do.
        assert (by_hand in kept) == (when - start <= timedelta(days=30))
    assert by_hand not in kept


def test_the_size_cap_drops_the_oldest_but_keeps_the_newest_three():
    when = datetime(2026, 5, 1, 9)
    big = [Fake(when - timedelta(days=n), size=600_000_000) for n in range(40)]
    database = 570_000_000  # the large sample network: the cap is 5 x 570 MB = 2.85 GB
    kept = retention.to_keep(big, now=when, database_size=database)
    assert POLICY.cap_bytes(database) == 2_850_000_000
    assert [b.taken_at for b in kept] == [when - timedelta(days=n) for n in range(4)]
    small = retention.to_keep(
        [Fake(b.taken_at, size=1000) for b in big], now=when, database_size=1000
    )
    assert POLICY.cap_bytes(1000) == 2 * GB and len(small) > 4
    huge = [Fake(b.taken_at, size=3 * GB) for b in big]
    assert [b.taken_at for b in retention.to_keep(huge, now=when, database_size=GB)] == [
        when - timedelta(days=n) for n in range(3)
    ]


def test_the_newest_backup_is_kept_whatever_else_happens():
    when = datetime(2026, 5, 1, 9)
    lone = [Fake(when, size=100 * GB)]
    assert retention.to_keep(lone, now=when, database_size=1) == lone
    assert retention.to_keep([], now=when, database_size=1) == []


def test_the_policy_in_words_names_every_number():
    said = retention.words(database_size=570_000_000)
    for part in ("12 hours", "10 days", "8 weeks", "12 months", "30 days", "2 GB", "newest 3"):
        assert part in said
    assert "(here 2.9 GB)" in said and "twice the size" in said
