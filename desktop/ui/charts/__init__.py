"""Charts behind one thin layer: plain chart data in, a drawn panel out (see data.py)."""

from desktop.ui.charts.data import GIVEN, LINE, OTHER, RECEIVED, ChartData, Series, number
from desktop.ui.charts.panel import ChartPanel

__all__ = ["GIVEN", "LINE", "OTHER", "RECEIVED", "ChartData", "ChartPanel", "Series", "number"]
