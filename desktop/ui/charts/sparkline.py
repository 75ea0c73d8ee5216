"""A word-sized chart: given and received over the last few periods, as two thin lines."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from desktop.ui.charts.data import GIVEN, RECEIVED


class Sparkline(QWidget):
    """Two lines on a shared scale; the tooltip and accessible description say the numbers
    in words, so nothing depends on seeing the picture."""

    def __init__(self, parent: QWidget | None = None, height: int = 36):
        super().__init__(parent)
        self._given: list[int] = []
        self._received: list[int] = []
        self._height = height
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName("Given and received, recent periods")

    def sizeHint(self) -> QSize:
        return QSize(160, self._height)

    def minimumSizeHint(self) -> QSize:
        return QSize(60, self._height)

    def set_values(self, given: list[int], received: list[int], labels: list[str]) -> None:
        """Values oldest first; *labels* name the periods for the tooltip."""
        self._given, self._received = list(given), list(received)
        lines = [
            f"{label}: gave {g}, received {r}"
            for label, g, r in zip(labels, given, received, strict=True)
        ]
        text = "\n".join(lines)
        self.setToolTip(text)
        self.setAccessibleDescription(text)
        self.update()

    def paintEvent(self, _event) -> None:
        if len(self._given) < 2:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        top = max(1, *self._given, *self._received)
        width, height = self.width() - 4, self.height() - 6
        step = width / (len(self._given) - 1)
        for values, colour in ((self._received, RECEIVED), (self._given, GIVEN)):
            path = QPainterPath()
            for index, value in enumerate(values):
                point = QPointF(2 + index * step, 3 + height - value / top * height)
                if index:
                    path.lineTo(point)
                else:
                    path.moveTo(point)
            painter.setPen(QPen(QColor(colour), 2, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
            painter.drawPath(path)
        painter.end()
