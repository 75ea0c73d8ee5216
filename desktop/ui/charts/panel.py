"""A chart with its title, a 'Show as table' switch and Save as PNG or SVG.

The only module that uses QtCharts. Bars tell their value on hover, and clicking one
says which category and series it was, so a page can open the matching timeline.
"""

from __future__ import annotations

import math
from pathlib import Path

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QCategoryAxis,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QHorizontalStackedBarSeries,
    QLineSeries,
    QValueAxis,
)
from PySide6.QtCore import (
    QBuffer,
    QIODevice,
    QMargins,
    QPointF,
    QRect,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QCursor, QImage, QPainter, QPalette, QPen
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QSizePolicy,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from desktop import private_files
from desktop.ui.charts.data import ChartData, Series, number
from desktop.ui.plain import plain_label, show_error

SAVE_SIZE = QSize(960, 560)  # the picture's size in points; PNGs are drawn at twice that
MANY = 12  # more categories than this along the bottom: their labels stand upright


def thinned(labels: tuple[str, ...], most: int = 2 * MANY) -> list[str]:
    """At most about *most* labels shown along an axis, evenly spread (always the first and
    last): the rest become distinct invisible strings, as the axis wants each once. The
    tooltips and the table keep every label."""
    if len(labels) <= most:
        return list(labels)
    every = math.ceil(len(labels) / most)
    last = len(labels) - 1
    return [
        label if index % every == 0 or index == last else "\u200b" * (index + 1)
        for index, label in enumerate(labels)
    ]


def nice_step(rough: float) -> float:
    """1, 2 or 5 times a power of ten, at least *rough*: 3.4 → 5, 12 → 20, 0.3 → 0.5."""
    power = 10 ** math.floor(math.log10(rough)) if rough > 0 else 1
    for factor in (1, 2, 5, 10):
        if factor * power >= rough:
            return factor * power
    return 10 * power


class ChartPanel(QWidget):
    """Draws a `ChartData`; `clicked` gives the category's key and the series' name."""

    clicked = Signal(object, str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.data: ChartData | None = None
        self._top_down = False
        self._laid_out_width = 0
        self.title = plain_label()  # wraps rather than widen a narrow window
        self.title.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.title.setMinimumWidth(80)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.table_button = QToolButton()
        self.table_button.setText("Show as table")
        self.table_button.setCheckable(True)
        self.table_button.toggled.connect(self._show_table)
        self.save_button = QToolButton()
        self.save_button.setText("Save…")
        self.save_button.setToolTip("Save the chart as a PNG picture or an SVG drawing")
        self.save_button.clicked.connect(self.ask_and_save)
        self.chart = self._new_chart()
        self.view = QChartView(self.chart)
        self.view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.view.setMinimumHeight(220)
        self.table = QTableWidget()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.cellActivated.connect(self._cell_activated)  # Enter or double-click
        self.empty = plain_label("Nothing to show for these dates yet.")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack = QStackedWidget()
        for widget in (self.view, self.table, self.empty):
            self.stack.addWidget(widget)
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.table_button)
        top.addWidget(self.save_button)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(top)
        column.addWidget(self.stack, 1)

    # -- drawing ----------------------------------------------------------------------
    @staticmethod
    def _new_chart() -> QChart:
        chart = QChart()
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        chart.setMargins(QMargins(4, 4, 4, 4))
        chart.setBackgroundVisible(False)
        return chart

    def set_data(self, data: ChartData) -> None:
        self.data = data
        self.title.setText(data.title)
        self.view.setAccessibleName(data.title)
        self.table.setAccessibleName(f"{data.title} (table)")
        self.save_button.setAccessibleName(f"Save {data.title}")
        self.table_button.setAccessibleName(f"Show {data.title} as a table")
        old = self.chart
        self.chart = self._new_chart()
        self.view.setChart(self.chart)  # a fresh chart: no series or axes left over
        old.deleteLater()
        self._fill_table(data)
        self._top_down = data.kind in ("hbars", "diverging")  # QtCharts draws bottom-up
        if not data.empty:
            {
                "bars": self._bars,
                "histogram": self._bars,
                "hbars": self._hbars,
                "diverging": self._diverging,
            }[data.kind](data)
            self._colour_text()
        self.chart.legend().setVisible(len(data.series) + bool(data.line) > 1)
        self.chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self._show_table(self.table_button.isChecked())

    def _bar_sets(self, data: ChartData, series: tuple[Series, ...], sign: int = 1) -> list:
        """One bar set per series; lying charts list their first category at the top."""
        sets = []
        for one in series:
            bar_set = QBarSet(one.name)
            values = [sign * float(v) for v in one.values]
            bar_set.append(values[::-1] if self._top_down else values)
            bar_set.setColor(QColor(one.color))
            bar_set.setBorderColor(QColor(one.color))
            bar_set.hovered.connect(lambda status, index, one=one: self._hover(status, index, one))
            bar_set.clicked.connect(lambda index, one=one: self._clicked(index, one))
            sets.append(bar_set)
        return sets

    def _bars(self, data: ChartData) -> None:
        series = QBarSeries()
        series.append(self._bar_sets(data, data.series))
        self.chart.addSeries(series)
        categories = QBarCategoryAxis()
        categories.append(thinned(data.categories))
        categories.setTitleText(data.category_title)
        if len(data.categories) > MANY:
            categories.setLabelsAngle(-90)
        values = self._value_axis(data.value_title, data.series)
        self.chart.addAxis(categories, Qt.AlignmentFlag.AlignBottom)
        self.chart.addAxis(values, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(categories)
        series.attachAxis(values)
        if data.line is not None:
            line = QLineSeries()
            line.setName(data.line.name)
            line.setPen(QPen(QColor(data.line.color), 2.5))
            for index, value in enumerate(data.line.values):
                line.append(QPointF(index, float(value)))
            line.hovered.connect(lambda point, state: self._hover_line(point, state))
            self.chart.addSeries(line)
            right = self._value_axis(
                data.line_title or data.line.name, (data.line,), allow_negative=True
            )
            self.chart.addAxis(right, Qt.AlignmentFlag.AlignRight)
            line.attachAxis(categories)
            line.attachAxis(right)

    def _hbars(self, data: ChartData) -> None:
        series = QHorizontalBarSeries()
        series.append(self._bar_sets(data, data.series))
        self._lying(series, data, self._value_axis(data.value_title, data.series))

    def _diverging(self, data: ChartData) -> None:
        right, left = data.series
        series = QHorizontalStackedBarSeries()
        series.append(self._bar_sets(data, (right,)) + self._bar_sets(data, (left,), sign=-1))
        reach = max(1.0, *(float(v) for one in data.series for v in one.values))
        step = nice_step(reach / 2)
        ticks = math.ceil(reach / step)
        values = QCategoryAxis()
        values.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
        values.setRange(-ticks * step, ticks * step)
        for tick in range(-ticks, ticks + 1):
            # Amounts either way of zero; a category axis wants each label once, so the
            # left-hand ones carry an invisible mark.
            label = number(abs(tick) * step) + ("\u2060" if tick < 0 else "")
            values.append(label, tick * step)
        values.setTitleText(data.value_title)
        self._lying(series, data, values)

    def _lying(self, series, data: ChartData, values) -> None:
        self.chart.addSeries(series)
        categories = QBarCategoryAxis()
        categories.append(list(data.categories)[::-1])
        categories.setTitleText(data.category_title)
        self.chart.addAxis(categories, Qt.AlignmentFlag.AlignLeft)
        self.chart.addAxis(values, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(categories)
        series.attachAxis(values)

    @staticmethod
    def _value_axis(title: str, series, allow_negative: bool = False) -> QValueAxis:
        values = [float(v) for one in series for v in one.values]
        axis = QValueAxis()
        low = min(0.0, *values) if allow_negative else 0.0
        axis.setRange(low, max(1.0, *values))
        axis.applyNiceNumbers()
        axis.setLabelFormat("%.0f")
        axis.setTitleText(title)
        return axis

    def _colour_text(self) -> None:
        """Axis labels, titles and legend in the palette's text colour (light or dark)."""
        text = self.palette().color(QPalette.ColorRole.WindowText)
        grid = self.palette().color(QPalette.ColorRole.Mid)
        for axis in self.chart.axes():
            axis.setLabelsColor(text)
            axis.setTitleBrush(text)
            axis.setGridLineColor(grid)
            axis.setLinePenColor(grid)
        self.chart.legend().setLabelColor(text)

    def resizeEvent(self, event) -> None:
        """Draw again at a new width: QtCharts keeps axis labels cut to the width they
        were first laid out at (a chart filled while hidden shows only '...')."""
        super().resizeEvent(event)
        if self.data is not None and abs(event.size().width() - self._laid_out_width) > 24:
            self._laid_out_width = event.size().width()
            self.set_data(self.data)

    # -- hover and click ----------------------------------------------------------------
    def _index(self, drawn: int) -> int:
        """The category's place in the data, from its place in the drawing."""
        assert self.data is not None  # something is drawn, so there is data
        return len(self.data.categories) - 1 - drawn if self._top_down else drawn

    def _describe(self, index: int, one: Series) -> str:
        category = self.data.categories[index] if self.data else ""
        return f"{category}\n{one.name}: {number(one.values[index])}"

    def _hover(self, status: bool, index: int, one: Series) -> None:
        if status:
            QToolTip.showText(QCursor.pos(), self._describe(self._index(index), one), self.view)
        else:
            QToolTip.hideText()

    def _hover_line(self, point: QPointF, state: bool) -> None:
        if state and self.data and self.data.line:
            index = max(0, min(round(point.x()), len(self.data.categories) - 1))
            QToolTip.showText(QCursor.pos(), self._describe(index, self.data.line), self.view)
        else:
            QToolTip.hideText()

    def _clicked(self, index: int, one: Series) -> None:
        QToolTip.hideText()  # the page may change under the pointer
        if self.data is None:
            return
        index = self._index(index)
        key = self.data.keys[index] if self.data.keys else index
        self.clicked.emit(key, one.name)

    def _cell_activated(self, row: int, column: int) -> None:
        """A number in the table opens what it counts, as its bar does."""
        if self.data is None or not 1 <= column <= len(self.data.series):
            return
        key = self.data.keys[row] if self.data.keys else row
        self.clicked.emit(key, self.data.series[column - 1].name)

    # -- table ----------------------------------------------------------------------------
    def _fill_table(self, data: ChartData) -> None:
        headers, rows = data.table()
        self.table.clear()
        self.table.setColumnCount(len(headers))
        self.table.setRowCount(len(rows))
        self.table.setHorizontalHeaderLabels(headers)
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                item = QTableWidgetItem(text)
                if c:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(r, c, item)

    def _show_table(self, as_table: bool) -> None:
        self.table_button.setText("Show as chart" if as_table else "Show as table")
        if self.data is not None and self.data.empty:
            self.stack.setCurrentWidget(self.empty)
        else:
            self.stack.setCurrentWidget(self.table if as_table else self.view)

    # -- saving -----------------------------------------------------------------------
    def save(self, path: str | Path) -> Path:
        """Write the chart to *path*: SVG for '.svg', else PNG. Raises OSError on failure."""
        path = Path(path)
        if path.suffix.lower() not in (".png", ".svg"):
            path = path.with_name(path.name + ".png")
        if path.suffix.lower() == ".svg":
            self._write_svg(path)
        else:
            self._write_png(path)
        return path

    def _render(self, painter: QPainter, size: QSize) -> None:
        """The title (and the note, such as the dates) over the chart, at *size*; drawn
        from the chart's scene, so it works while the table is on show."""
        painter.fillRect(QRect(0, 0, size.width(), size.height()), self.palette().base())
        painter.setPen(self.palette().color(QPalette.ColorRole.WindowText))
        header = QRect(12, 6, size.width() - 24, 28)
        left = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        painter.drawText(header, left, self.data.title if self.data else "")
        painter.drawText(header, right, self.data.note if self.data else "")
        area = QRectF(0, 0, size.width(), size.height() - 36)
        old = self.chart.size()
        self.chart.resize(area.size())
        self.chart.scene().render(painter, QRectF(0, 36, area.width(), area.height()), area)
        self.chart.resize(old)

    def _write_png(self, path: Path) -> None:
        image = QImage(SAVE_SIZE * 2, QImage.Format.Format_ARGB32)
        image.setDevicePixelRatio(2)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self._render(painter, SAVE_SIZE)
        painter.end()
        buffer = QBuffer()
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        # PySide6's stubs ask for the format as bytes, but it only takes a str.
        if not image.save(buffer, "PNG"):  # type: ignore[call-overload]
            raise OSError(f"The picture could not be made for {path}.")
        # QByteArray has the buffer protocol, which PySide6's stubs do not declare.
        self._write_file(path, bytes(buffer.data()))  # type: ignore[call-overload]

    def _write_svg(self, path: Path) -> None:
        buffer = QBuffer()
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        generator = QSvgGenerator()
        generator.setOutputDevice(buffer)
        generator.setSize(SAVE_SIZE)
        generator.setViewBox(QRect(0, 0, SAVE_SIZE.width(), SAVE_SIZE.height()))
        generator.setTitle(self.data.title if self.data else "")
        painter = QPainter(generator)
        self._render(painter, SAVE_SIZE)
        painter.end()
        # QByteArray has the buffer protocol, which PySide6's stubs do not declare.
        self._write_file(path, bytes(buffer.data()))  # type: ignore[call-overload]

    @staticmethod
    def _write_file(path: Path, data: bytes) -> None:
        """Write the file ourselves rather than let Qt: private (0600), and whole."""
        if not path.parent.is_dir():
            raise OSError(f"There is no folder {path.parent}.")
        if not data:
            raise OSError(f"The chart could not be drawn for {path}.")
        private_files.write_bytes(path, data)

    def ask_and_save(self) -> Path | None:
        """Ask where and in which format, then save; the path written, or None."""
        name = (self.data.title if self.data else "chart").replace("/", "-")
        chosen, chosen_filter = QFileDialog.getSaveFileName(
            self,
            "Save the chart",
            str(Path.home() / f"{name}.png"),
            "PNG picture (*.png);;SVG drawing (*.svg)",
        )
        if not chosen:
            return None
        path = Path(chosen)
        if path.suffix.lower() not in (".png", ".svg"):
            path = path.with_name(path.name + (".svg" if "svg" in chosen_filter else ".png"))
        try:
            return self.save(path)
        except OSError as exc:
            show_error(self, "Chart not saved", f"{exc} Choose another folder.")
            return None
