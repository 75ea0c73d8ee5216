"""One benchmark result (a row of the table), timing helpers, and the table printed and
saved. No measure here: see reads, writes and processes."""

from __future__ import annotations

import json
import statistics
import time
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass
from pathlib import Path


@dataclass(frozen=True)
class Row:
    """A measure: ours against the floor measured in the same run, and the target.

    The target is `ours <= floor * ratio + slack` when *ratio* is given, and
    `ours <= limit` when *limit* is; both when both are.
    """

    measure: str
    ours: float
    unit: str = "ms"
    floor: float | None = None
    ratio: float | None = None
    slack: float = 0.0
    limit: float | None = None
    floor_is: str = ""  # what the floor is, in words

    @property
    def target(self) -> str:
        said = []
        if self.ratio is not None:
            plus = f" + {self.slack:g} {self.unit}" if self.slack else ""
            said.append(f"≤ {self.ratio:g}× floor{plus}")
        if self.limit is not None:
            said.append(f"≤ {self.limit:.3g} {self.unit}")
        return ", ".join(said) or "reported"

    @property
    def passed(self) -> bool:
        ok = True
        if self.ratio is not None and self.floor is not None:
            ok = self.ours <= self.floor * self.ratio + self.slack
        if self.limit is not None:
            ok = ok and self.ours <= self.limit
        return ok

    @property
    def times_floor(self) -> float | None:
        return self.ours / self.floor if self.floor else None

    def as_dict(self) -> dict:
        return {
            **asdict(self),
            "target": self.target,
            "passed": self.passed,
            "times_floor": self.times_floor,
        }


def median_ms(repeats: int, work: Callable[[], object]) -> float:
    """Median milliseconds of *repeats* runs of *work*, after one warm-up run."""
    work()
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        work()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def seconds(work: Callable[[], object]) -> float:
    started = time.perf_counter()
    work()
    return time.perf_counter() - started


def _number(value: float | None) -> str:
    if value is None:
        return "–"
    if value >= 100:
        return f"{value:,.0f}"
    if value >= 10:
        return f"{value:.1f}"
    return f"{value:.2f}"


def render(rows: Iterable[Row]) -> str:
    """The table: measure | ours | floor | ratio | target | pass."""
    header = ("measure", "ours", "floor", "ratio", "target", "pass")
    lines = []
    for row in rows:
        ratio = row.times_floor
        lines.append(
            (
                row.measure,
                f"{_number(row.ours)} {row.unit}",
                f"{_number(row.floor)} {row.unit}" if row.floor is not None else "–",
                f"{ratio:.2f}×" if ratio is not None else "–",
                row.target,
                "yes" if row.passed else "NO",
            )
        )
    widths = [max(len(str(cells[i])) for cells in [header, *lines]) for i in range(6)]
    align = ["<", ">", ">", ">", "<", "<"]

    def line(cells) -> str:
        return " | ".join(
            f"{c:{a}{w}}" for c, a, w in zip(cells, align, widths, strict=True)
        ).rstrip()

    rule = "-+-".join("-" * w for w in widths)
    return "\n".join([line(header), rule, *(line(cells) for cells in lines)])


def save(rows: list[Row], path: Path, about: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    document = {**about, "rows": [row.as_dict() for row in rows]}
    path.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n", "utf-8")
