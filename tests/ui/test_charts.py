"""The chart layer: every kind draws, shows its numbers as a table, saves PNG and SVG,
and says which bar was clicked."""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree

import pytest
from PySide6.QtCharts import QBarSeries, QHorizontalStackedBarSeries, QLineSeries
from PySide6.QtGui import QImage

from desktop.ui.charts import GIVEN, RECEIVED, ChartData, ChartPanel, Series

MONTHS = ("2026-01", "2026-02", "2026-03")


def monthly() -> ChartData:
    return ChartData(
        "Given and received by month",
        "bars",
        MONTHS,
        (Series("Given", (3, 0, 5), GIVEN), Series("Received", (1, 2, 0), RECEIVED)),
        line=Series("Balance", (2, 0, 5)),
        value_title="Actions",
        category_title="Month",
        keys=MONTHS,
    )


@pytest.fixture
def panel(qtbot):
    widget = ChartPanel()
    qtbot.addWidget(widget)
    widget.resize(700, 420)
    widget.show()
    return widget


def test_bars_with_a_line_and_the_same_numbers_as_a_table(panel):
    panel.set_data(monthly())
    kinds = [type(s) for s in panel.chart.series()]
    assert kinds == [QBarSeries, QLineSeries]
    bars = panel.chart.series()[0]
    assert [[s.at(i) for i in range(3)] for s in bars.barSets()] == [[3, 0, 5], [1, 2, 0]]
    assert panel.stack.currentWidget() is panel.view
    panel.table_button.setChecked(True)
    assert panel.stack.currentWidget() is panel.table
    cells = [
        [panel.table.item(r, c).text() for c in range(panel.table.columnCount())]
        for r in range(panel.table.rowCount())
    ]
    assert cells == [
        ["2026-01", "3", "1", "2"],
        ["2026-02", "0", "2", "0"],
        ["2026-03", "5", "0", "5"],
    ]
    assert panel.table.horizontalHeaderItem(3).text() == "Balance"


def test_diverging_puts_the_second_series_to_the_left(panel, qtbot):
    panel.set_data(
        ChartData(
            "Top exchanges",
            "diverging",
            ("Ada", "Bob"),
            (Series("Given", (4, 1), GIVEN), Series("Received", (2, 6), RECEIVED)),
        )
    )
    [series] = panel.chart.series()
    assert isinstance(series, QHorizontalStackedBarSeries)
    given, received = series.barSets()
    # Drawn from the bottom up, so the first person (Ada) is the last bar: at the top.
    assert [given.at(1), received.at(1), received.at(0)] == [4, -2, -6]
    with qtbot.waitSignal(panel.clicked) as signal:
        received.clicked.emit(1)
    assert signal.args == [0, "Received"]  # Ada's bar: index 0 in the data
    panel.table_button.setChecked(True)
    assert panel.table.item(1, 2).text() == "6"  # the table shows plain amounts


def test_clicking_a_bar_names_its_category_and_series(panel, qtbot):
    panel.set_data(monthly())
    received = panel.chart.series()[0].barSets()[1]
    with qtbot.waitSignal(panel.clicked) as signal:
        received.clicked.emit(1)
    assert signal.args == ["2026-02", "Received"]


def test_nothing_to_show_says_so(panel):
    panel.set_data(ChartData("Lag", "histogram", ("0–7 days",), (Series("People", (0,)),)))
    assert panel.stack.currentWidget() is panel.empty


def test_saves_a_valid_png_and_svg(panel, tmp_path):
    panel.set_data(monthly())
    png = panel.save(tmp_path / "monthly.png")
    image = QImage(str(png))
    assert not image.isNull() and image.width() >= 1000
    svg = panel.save(tmp_path / "monthly.svg")
    root = ElementTree.parse(svg).getroot()
    assert root.tag.endswith("svg")
    assert "Given and received by month" in svg.read_text("utf-8")
    assert panel.save(tmp_path / "no-suffix").suffix == ".png"


def test_mismatched_data_is_refused_in_words():
    with pytest.raises(ValueError, match="has 2 values for 3 categories"):
        ChartData("x", "bars", MONTHS, (Series("Given", (1, 2)),))


def test_many_categories_show_a_readable_share_of_their_labels():
    from desktop.ui.charts.panel import thinned

    weeks = tuple(f"W{n}" for n in range(52))
    shown = thinned(weeks)
    visible = [label for label in shown if label.strip("\u200b")]
    assert visible[0] == "W0" and visible[-1] == "W51"
    assert len(visible) <= 27 and len(set(shown)) == 52  # each label still distinct
    assert thinned(weeks[:10]) == list(weeks[:10])


def test_saving_while_the_table_shows_still_draws_the_whole_chart(panel, tmp_path):
    from PySide6.QtGui import QColor

    panel.set_data(monthly())
    panel.table_button.setChecked(True)
    image = QImage(str(panel.save(tmp_path / "from-table.png")))
    green = QColor(GIVEN).rgb()
    rows_with_green = {
        y
        for y in range(0, image.height(), 8)
        for x in range(0, image.width(), 8)
        if image.pixel(x, y) == green
    }
    # The bars reach the bottom of the plot: green is found low in the picture too.
    assert rows_with_green and max(rows_with_green) > image.height() * 0.7


def test_a_number_in_the_table_opens_what_it_counts_like_its_bar(panel, qtbot):
    panel.set_data(monthly())
    panel.table_button.setChecked(True)
    with qtbot.waitSignal(panel.clicked) as signal:
        panel.table.cellActivated.emit(2, 1)  # March, Given
    assert signal.args == ["2026-03", "Given"]
    with qtbot.assertNotEmitted(panel.clicked):
        panel.table.cellActivated.emit(0, 3)  # the balance column: nothing behind it
