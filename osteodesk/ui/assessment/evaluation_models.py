"""Read-only table models of an evaluation: reasons with sources, and alerts by severity.

The Plan tab shows the same alerts, so it uses `AlertTableModel` too.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Final

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QFont
from typing_extensions import override

from osteodesk.core.evaluation import Alert, Reason
from osteodesk.ui.reference.catalogue import (
    SEVERITY_COLOURS,
    alert_sentence,
    format_date,
    label,
    reason_sentence,
    sorted_alerts,
    ui_language,
)

ReasonRole: Final = Qt.ItemDataRole.UserRole + 1
AlertRole: Final = Qt.ItemDataRole.UserRole + 2


class ReasonTableModel(QAbstractTableModel):
    """Reasons of a diagnosis, a risk category or an option: the sentence and its source."""

    REASON, SOURCE = range(2)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._reasons: list[Reason] = []
        self._language = ui_language()

    def set_reasons(self, reasons: Sequence[Reason]) -> None:
        """Show these reasons in the interface language."""
        self.beginResetModel()
        self._reasons = list(reasons)
        self._language = ui_language()
        self.endResetModel()

    def reasons(self) -> list[Reason]:
        """The reasons shown."""
        return list(self._reasons)

    def relabel(self) -> None:
        """The interface language changed: show the sentences in the new one."""
        self.set_reasons(self._reasons)

    # Model interface ####

    @override
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._reasons)

    @override
    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else 2

    @override
    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        return {
            self.REASON: QCoreApplication.translate("EvaluationModels", "Reason"),
            self.SOURCE: QCoreApplication.translate("EvaluationModels", "Source"),
        }.get(section)

    @override
    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid():
            return None
        reason = self._reasons[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == self.REASON:
                return reason_sentence(reason, self._language)
            return reason.source
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{reason_sentence(reason, self._language)}\n[{reason.source}]"
        if role == ReasonRole:
            return reason
        return None


class AlertTableModel(QAbstractTableModel):
    """Alerts sorted urgent, warning, information, coloured by severity."""

    SEVERITY, ALERT, DUE = range(3)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._alerts: list[Alert] = []
        self._language = ui_language()

    def set_alerts(self, alerts: Sequence[Alert]) -> None:
        """Show these alerts, most severe first."""
        self.beginResetModel()
        self._alerts = sorted_alerts(list(alerts))
        self._language = ui_language()
        self.endResetModel()

    def alerts(self) -> list[Alert]:
        """The alerts in the order shown."""
        return list(self._alerts)

    def relabel(self) -> None:
        """The interface language changed: show the sentences in the new one."""
        self.set_alerts(self._alerts)

    # Model interface ####

    @override
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._alerts)

    @override
    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else 3

    @override
    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        return {
            self.SEVERITY: QCoreApplication.translate("EvaluationModels", "Severity"),
            self.ALERT: QCoreApplication.translate("EvaluationModels", "Alert"),
            self.DUE: QCoreApplication.translate("EvaluationModels", "Due"),
        }.get(section)

    @override
    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid():
            return None
        alert = self._alerts[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.SEVERITY:
                return label("severity", alert.severity, self._language)
            if column == self.ALERT:
                return alert_sentence(alert, self._language)
            return format_date(alert.due_date)
        if role == Qt.ItemDataRole.ForegroundRole:
            return QColor(SEVERITY_COLOURS.get(alert.severity, "#000000"))
        if role == Qt.ItemDataRole.FontRole and alert.severity == "urgent":
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            text = alert_sentence(alert, self._language)
            return f"{text}\n[{alert.source}]" if alert.source else text
        if role == AlertRole:
            return alert
        return None
