"""What a chart shows, as plain data: categories along one axis and named series of values.

Pages build a `ChartData`; `desktop.ui.charts.panel` draws it (with QtCharts today) and
shows the same numbers as a table. Nothing else in the program touches QtCharts, which Qt
marks as deprecated in favour of the QML-only QtGraphs: a later move changes this package.
"""

from __future__ import annotations

from dataclasses import dataclass, field

GIVEN = "#2e7d32"  # the colours of given and received everywhere, light and dark alike
RECEIVED = "#1565c0"
OTHER = "#8a5300"
LINE = "#e65100"  # deep orange: stands out from both bars on light and dark alike


@dataclass(frozen=True)
class Series:
    name: str
    values: tuple[float, ...]
    color: str = OTHER


@dataclass(frozen=True)
class ChartData:
    """One chart. `kind` is how it is drawn:

    - 'bars': grouped bars per category (vertical);
    - 'hbars': grouped bars per category, lying down (for long category names);
    - 'diverging': per category, the first series to the right and the second to the left
      (values are given as positive numbers);
    - 'histogram': one series of counts per bin.

    `line`, for 'bars', is drawn over the bars against its own axis on the right.
    """

    title: str
    kind: str
    categories: tuple[str, ...]
    series: tuple[Series, ...]
    line: Series | None = None
    line_title: str = ""  # the line's axis title; its name when empty
    value_title: str = ""
    category_title: str = ""
    keys: tuple[object, ...] = field(default=())  # what each category stands for, for clicks
    note: str = ""  # printed beside the title in saved pictures, such as the dates shown

    def __post_init__(self) -> None:
        for one in (*self.series, *([self.line] if self.line else [])):
            if len(one.values) != len(self.categories):
                raise ValueError(
                    f"{one.name!r} has {len(one.values)} values for "
                    f"{len(self.categories)} categories"
                )
        if self.kind == "diverging" and len(self.series) != 2:
            raise ValueError("A diverging chart shows two series, right and left.")

    @property
    def empty(self) -> bool:
        return not self.categories or not any(value for one in self.series for value in one.values)

    def table(self) -> tuple[list[str], list[list[str]]]:
        """Headers and rows: the numbers the picture shows, readable without it."""
        headers = [self.category_title or "", *(s.name for s in self.series)]
        if self.line:
            headers.append(self.line.name)
        rows = []
        for index, category in enumerate(self.categories):
            row = [category, *(number(s.values[index]) for s in self.series)]
            if self.line:
                row.append(number(self.line.values[index]))
            rows.append(row)
        return headers, rows


def number(value: float) -> str:
    """12 → '12', 1234 → '1,234', 2.5 → '2.5'."""
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"
