"""The DXA trend chart: T-score or BMD over time per site, changes beyond the LSC marked.

QtCharts is imported on the first show, not at start-up: most sessions never open the chart,
and the module costs start-up time.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime, time
from typing import Any, Final

from PySide6.QtCore import QDateTime, QEvent, QMargins, QPointF, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

from osteodesk.core import codes
from osteodesk.core.record import DxaScan
from osteodesk.ui.assessment.trend import SignificantChange, series_points, significant_changes
from osteodesk.ui.reference.catalogue import date_format, label

MEASURES: Final = ("t", "bmd")
SITE_COLOURS: Final = {
    "lumbar_spine": "#1f5a96",
    "femoral_neck": "#b34700",
    "total_hip": "#2e6b30",
    "radius_33": "#6a3d9a",
}
LOSS_COLOUR: Final = "#b3261e"
GAIN_COLOUR: Final = "#2e6b30"
MARKER_SIZE: Final = 14.0
POINT_SIZE: Final = 7.0
MIN_T_MARGIN: Final = 0.2  # axis padding only (display)
MIN_BMD_MARGIN: Final = 0.02


def _msecs(day: date) -> float:
    """Local noon of `day` in ms since the epoch, as QDateTimeAxis reads it.

    Plain Python: going through QDateTime cost ~30 µs a point (issue 8).
    """
    return datetime.combine(day, time(12)).timestamp() * 1000.0


class TrendChart(QWidget):
    """A line per DXA site; red/green rings where BMD changed by more than the site's LSC.

    Signals:
        lsc_edit_requested(): the clinician wants to set the least significant change.
    """

    lsc_edit_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("trend_chart")
        self._scans: tuple[DxaScan, ...] = ()
        self._lsc: dict[str, float | None] = {}
        self.changes: list[SignificantChange] = []
        self.chart_view: Any = None  # QChartView once shown
        self.chart: Any = None
        self.x_axis: Any = None
        self.y_axis: Any = None

        self.measure_label = QLabel()
        self.measure_combo = QComboBox()
        self.measure_label.setBuddy(self.measure_combo)
        self.lsc_button = QPushButton()
        self.lsc_label = QLabel()
        self.lsc_label.setWordWrap(True)
        self.placeholder = QLabel(alignment=Qt.AlignmentFlag.AlignCenter)
        controls = QHBoxLayout()
        controls.addWidget(self.measure_label)
        controls.addWidget(self.measure_combo)
        controls.addWidget(self.lsc_button)
        controls.addWidget(self.lsc_label, 1)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.addLayout(controls)
        self._layout.addWidget(self.placeholder, 1)

        self.measure_combo.currentIndexChanged.connect(self._on_measure_combo_changed)
        self.lsc_button.clicked.connect(self.lsc_edit_requested)
        self.retranslate_ui()

    @property
    def measure(self) -> str:
        """``t`` (T-score) or ``bmd`` (g/cm²)."""
        data = self.measure_combo.currentData()
        return str(data) if data in MEASURES else "t"

    def set_measure(self, measure: str) -> None:
        """Plot T-scores (``t``) or BMD (``bmd``)."""
        self.measure_combo.setCurrentIndex(max(0, self.measure_combo.findData(measure)))

    def set_data(self, scans: Sequence[DxaScan], lsc_by_site: Mapping[str, float | None]) -> None:
        """Plot these scans with these least significant changes."""
        self._scans = tuple(scans)
        self._lsc = dict(lsc_by_site)
        self.changes = significant_changes(self._scans, self._lsc)
        self._update_lsc_label()
        self._refresh()

    def marked_points(self) -> list[tuple[str, date]]:
        """The (site, date) of every point marked in the measure shown now."""
        marked = []
        for change in self.changes:
            values = dict(series_points(self._scans, change.site, self.measure))
            if change.date in values:
                marked.append((change.site, change.date))
        return marked

    def retranslate_ui(self) -> None:
        """Set every visible string in the current language."""
        current = self.measure
        self.measure_combo.blockSignals(True)
        self.measure_combo.clear()
        self.measure_combo.addItem(self.tr("T-score"), "t")
        self.measure_combo.addItem(self.tr("BMD (g/cm²)"), "bmd")
        self.measure_combo.setCurrentIndex(max(0, self.measure_combo.findData(current)))
        self.measure_combo.blockSignals(False)
        self.measure_label.setText(self.tr("&Plot:"))
        self.lsc_button.setText(self.tr("Least significant change…"))
        self.placeholder.setText(self.tr("The trend chart appears when it is shown."))
        self._update_lsc_label()
        self._refresh()

    def _update_lsc_label(self) -> None:
        parts = [
            f"{label('site', site)} {value:.3f}"
            for site, value in self._lsc.items()
            if value is not None
        ]
        if parts:
            text = self.tr("Rings: BMD change larger than the LSC ({sites} g/cm²)").format(
                sites="; ".join(parts)
            )
        else:
            text = self.tr("No least significant change set: changes are not judged.")
        self.lsc_label.setText(text)

    def _ensure_chart(self) -> None:
        if self.chart_view is not None:
            return
        from PySide6.QtCharts import QChart, QChartView, QDateTimeAxis, QValueAxis

        self.chart = QChart()
        # The axes live as long as the chart: removed axes would leave their drawing behind.
        self.x_axis = QDateTimeAxis()
        self.y_axis = QValueAxis()
        self.chart.addAxis(self.x_axis, Qt.AlignmentFlag.AlignBottom)
        self.chart.addAxis(self.y_axis, Qt.AlignmentFlag.AlignLeft)
        self.chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.chart.setMargins(QMargins(4, 4, 4, 4))
        self.chart_view = QChartView(self.chart)
        self.chart_view.setObjectName("trend_chart_view")
        self.chart_view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.chart_view.setMinimumHeight(180)
        self._layout.replaceWidget(self.placeholder, self.chart_view)
        self.placeholder.hide()

    def _refresh(self) -> None:
        if self.chart is None:
            return
        from PySide6.QtCharts import QLineSeries, QScatterSeries

        chart = self.chart
        chart.removeAllSeries()
        measure = self.measure
        x_axis, y_axis = self.x_axis, self.y_axis
        x_axis.setFormat(date_format())
        y_axis.setTitleText(self.tr("T-score") if measure == "t" else self.tr("BMD (g/cm²)"))
        all_points: list[tuple[date, float]] = []
        for site in codes.DXA_SITES:
            points = series_points(self._scans, site, measure)
            if not points:
                continue
            series = QLineSeries()
            series.setName(label("site", site))
            series.setColor(QColor(SITE_COLOURS[site]))
            series.setPointsVisible(True)
            series.setMarkerSize(POINT_SIZE)
            series.append([QPointF(_msecs(day), value) for day, value in points])
            chart.addSeries(series)
            series.attachAxis(x_axis)
            series.attachAxis(y_axis)
            all_points.extend(points)
        for loss in (True, False):
            marks = [c for c in self.changes if c.is_loss is loss]
            values = [
                (c.date, dict(series_points(self._scans, c.site, measure)).get(c.date))
                for c in marks
            ]
            shown = [(day, value) for day, value in values if value is not None]
            if not shown:
                continue
            scatter = QScatterSeries()
            scatter.setName(self.tr("Loss beyond LSC") if loss else self.tr("Gain beyond LSC"))
            scatter.setMarkerSize(MARKER_SIZE)
            scatter.setColor(QColor(0, 0, 0, 0))
            scatter.setBorderColor(QColor(LOSS_COLOUR if loss else GAIN_COLOUR))
            scatter.append(
                [QPointF(_msecs(day), float(value)) for day, value in shown]  # type: ignore[arg-type]
            )
            chart.addSeries(scatter)
            scatter.attachAxis(x_axis)
            scatter.attachAxis(y_axis)
        self._fit_axes(x_axis, y_axis, all_points, measure)

    @staticmethod
    def _fit_axes(x_axis: Any, y_axis: Any, points: list[tuple[date, float]], measure: str) -> None:
        if not points:
            return
        days = [day for day, _ in points]
        first, last = min(days), max(days)
        # One scan: show a month either side so the point is not on the frame.
        pad = 31 if first == last else max(15, (last - first).days // 20)
        x_axis.setRange(
            QDateTime.fromMSecsSinceEpoch(int(_msecs(first) - pad * 86_400_000)),
            QDateTime.fromMSecsSinceEpoch(int(_msecs(last) + pad * 86_400_000)),
        )
        values = [value for _, value in points]
        low, high = min(values), max(values)
        margin = max((high - low) * 0.15, MIN_T_MARGIN if measure == "t" else MIN_BMD_MARGIN)
        y_axis.setRange(low - margin, high + margin)
        x_axis.setTickCount(min(6, max(2, len(set(days)))))

    def _on_measure_combo_changed(self, _index: int) -> None:
        self._refresh()

    @override
    def showEvent(self, event: QShowEvent) -> None:
        self._ensure_chart()
        self._refresh()
        super().showEvent(event)

    @override
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
