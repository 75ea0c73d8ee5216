"""Charts behind one thin layer: plain chart data in, a drawn panel out (see data.py).

The panel, and QtCharts with it, is imported when first asked for, so a page that only
draws a sparkline starts without it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from desktop.ui.charts.data import GIVEN, LINE, OTHER, RECEIVED, ChartData, Series, number

if TYPE_CHECKING:
    from desktop.ui.charts.panel import ChartPanel

__all__ = ["GIVEN", "LINE", "OTHER", "RECEIVED", "ChartData", "ChartPanel", "Series", "number"]


def __getattr__(name: str) -> Any:
    if name == "ChartPanel":
        from desktop.ui.charts.panel import ChartPanel

        return ChartPanel
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
