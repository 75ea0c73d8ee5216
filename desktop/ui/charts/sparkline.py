"""A word-sized chart: given and received over the last few periods, as two thin lines."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from desktop.ui.charts.data import GIVEN, RECEIVED


class Sparkline(QWidget):
    """Two lines on a shared scale; the tooltip and accessible description say the numbers
    in words, so nothing depends on seeing the picture.

    With *scale*, the chart also says what it is drawn against: the highest count and 0 at
    its left, a faint line at each, and the first and last periods under it.
    """

    def __init__(self, parent: QWidget | None = None, height: int = 36, *, scale: bool = False):
        super().__init__(parent)
        self._given: list[int] = []
        self._received: list[int] = []
        self._labels: list[str] = []
        self._height = height
        self._scale = scale
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName("Given and received, recent periods")

    def _text_height(self) -> int:
        """The scale's numbers reach half a line above the chart, its periods a line below."""
        return self.fontMetrics().height() * 3 // 2 if self._scale else 0

    def sizeHint(self) -> QSize:
        return QSize(160, self._height + self._text_height())

    def minimumSizeHint(self) -> QSize:
        return QSize(60, self._height + self._text_height())

    def set_values(self, given: list[int], received: list[int], labels: list[str]) -> None:
        """Values oldest first; *labels* name the periods for the tooltip."""
        self._given, self._received = list(given), list(received)
        self._labels = list(labels)
        lines = [
            f"{label}: gave {g}, received {r}"
            for label, g, r in zip(labels, given, received, strict=True)
        ]
        text = "\n".join(lines)
        self.setToolTip(text)
        self.setAccessibleDescription(text)
        self.update()

    def top(self) -> int:
        """The count the chart's top stands for."""
        return max(1, *self._given, *self._received) if self._given else 1

    def paintEvent(self, _event) -> None:
        if len(self._given) < 2:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        top = self.top()
        left, above, below = 2, 3, 0
        if self._scale:  # room for the numbers beside the lines and the periods under them
            metrics = self.fontMetrics()
            left = metrics.horizontalAdvance(f"{top:,}") + 8
            above = (metrics.height() + 1) // 2
            below = metrics.height()
        width, height = self.width() - left - 2, self.height() - above - below - 3
        if self._scale:
            self._paint_scale(painter, top, left, above, width, height)
        step = width / (len(self._given) - 1)
        for values, colour in ((self._received, RECEIVED), (self._given, GIVEN)):
            path = QPainterPath()
            for index, value in enumerate(values):
                point = QPointF(left + index * step, above + height - value / top * height)
                if index:
                    path.lineTo(point)
                else:
                    path.moveTo(point)
            painter.setPen(QPen(QColor(colour), 2, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
            painter.drawPath(path)
        painter.end()

    def _paint_scale(
        self, painter: QPainter, top: int, left: int, above: int, width: int, height: int
    ) -> None:
        text = self.palette().color(QPalette.ColorRole.PlaceholderText)
        faint = QColor(text)
        faint.setAlpha(70)
        painter.setPen(QPen(faint, 1, Qt.PenStyle.DotLine))
        for y in (above, above + height):
            painter.drawLine(QPointF(left, y), QPointF(left + width, y))
        painter.setPen(text)
        metrics = self.fontMetrics()
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        line = metrics.height()
        painter.drawText(QRectF(0, above - line / 2, left - 4, line), right, f"{top:,}")
        painter.drawText(QRectF(0, above + height - line / 2, left - 4, line), right, "0")
        if self._labels:
            under = above + height + 2
            painter.drawText(
                QRectF(left, under, width, line), Qt.AlignmentFlag.AlignLeft, self._labels[0]
            )
            painter.drawText(
                QRectF(left, under, width, line), Qt.AlignmentFlag.AlignRight, self._labels[-1]
            )
