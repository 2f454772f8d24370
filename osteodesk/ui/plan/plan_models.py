"""Table models of the Plan tab: monitoring, drugs to avoid, plan history, composed steps."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Final

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QFont
from typing_extensions import override

from osteodesk.core import codes
from osteodesk.core.evaluation import Avoid, MonitoringItem, Step
from osteodesk.core.plan import Plan
from osteodesk.ui.assessment.table_models import AssessmentTableModel, CellKind, Column
from osteodesk.ui.reference.catalogue import (
    drug_name,
    format_date,
    label,
    monitoring_sentence,
    reason_sentence,
    ui_language,
)

DrugRole: Final = Qt.ItemDataRole.UserRole + 1
PlanRole: Final = Qt.ItemDataRole.UserRole + 2
LINK_COLOUR: Final = "#1f5a96"


def months_text(months: int) -> str:
    """The words for a number of months in the interface language."""
    return QCoreApplication.translate("PlanModels", "{months} months").format(months=months)


def regimen_text(steps: Sequence[Step], lang: str | None = None) -> str:
    """A regimen on one line: Romosozumab (12 months) → Denosumab."""
    parts = []
    for step in steps:
        name = drug_name(step.drug, lang)
        parts.append(f"{name} ({months_text(step.months)})" if step.months else name)
    return " → ".join(parts)


class _ReadOnlyTable(QAbstractTableModel):
    """Rows of plain objects shown in fixed columns (subclasses fill `_cell`)."""

    headers: tuple[object, ...] = ()  # QT_TRANSLATE_NOOP marks; translated when shown

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._items: list[Any] = []
        self._language = ui_language()

    def _set_items(self, items: Sequence[Any]) -> None:
        self.beginResetModel()
        self._items = list(items)
        self._language = ui_language()
        self.endResetModel()

    def relabel(self) -> None:
        """The interface language changed: show the text in the new one."""
        self._set_items(self._items)

    def _cell(self, item: Any, column: int, role: int) -> Any:
        raise NotImplementedError

    # Model interface ####

    @override
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._items)

    @override
    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.headers)

    @override
    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self.headers)
        ):
            return QCoreApplication.translate("PlanModels", str(self.headers[section]))
        return None

    @override
    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid():
            return None
        return self._cell(self._items[index.row()], index.column(), role)


class MonitoringTableModel(_ReadOnlyTable):
    """The monitoring schedule: due date (locale format), item and why, soonest first."""

    headers = (
        QT_TRANSLATE_NOOP("PlanModels", "Due"),
        QT_TRANSLATE_NOOP("PlanModels", "Test or review"),
        QT_TRANSLATE_NOOP("PlanModels", "Why"),
    )

    def set_items(self, items: Sequence[MonitoringItem]) -> None:
        """Show these items, soonest first."""
        self._set_items(sorted(items, key=lambda item: item.due_date))

    def items(self) -> list[MonitoringItem]:
        """The items in the order shown."""
        return list(self._items)

    @override
    def _cell(self, item: Any, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return format_date(item.due_date)
            if column == 1:
                return label("monitoring", item.item, self._language)
            return monitoring_sentence(item, self._language)
        if role == Qt.ItemDataRole.ToolTipRole and column == 2:
            return monitoring_sentence(item, self._language)
        return None


class AvoidTableModel(_ReadOnlyTable):
    """Drugs that must not be started now, each with every reason and its source."""

    headers = (
        QT_TRANSLATE_NOOP("PlanModels", "Drug"),
        QT_TRANSLATE_NOOP("PlanModels", "Why not"),
    )

    def set_avoid(self, avoid: Sequence[Avoid]) -> None:
        """Show these drugs."""
        self._set_items(avoid)

    def _reasons(self, entry: Avoid) -> str:
        return "\n".join(
            f"{reason_sentence(r, self._language)} [{r.source}]" for r in entry.reasons
        )

    @override
    def _cell(self, item: Any, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return drug_name(item.drug, self._language) if column == 0 else self._reasons(item)
        if role == Qt.ItemDataRole.ForegroundRole and column == 0:
            return QColor(LINK_COLOUR)
        if role == Qt.ItemDataRole.ToolTipRole:
            return (
                QCoreApplication.translate("PlanModels", "Open the drug reference")
                if column == 0
                else self._reasons(item)
            )
        if role == DrugRole:
            return item.drug
        return None


class PlanHistoryModel(_ReadOnlyTable):
    """Earlier plans, newest first: saved, status, start, regimen, choice, override reason."""

    headers = (
        QT_TRANSLATE_NOOP("PlanModels", "Saved"),
        QT_TRANSLATE_NOOP("PlanModels", "Status"),
        QT_TRANSLATE_NOOP("PlanModels", "Start"),
        QT_TRANSLATE_NOOP("PlanModels", "Regimen"),
        QT_TRANSLATE_NOOP("PlanModels", "Choice"),
        QT_TRANSLATE_NOOP("PlanModels", "Reason for the choice"),
    )

    def set_plans(self, plans: Sequence[Plan]) -> None:
        """Show these plans (as the repository returns them, newest first)."""
        self._set_items(plans)

    def plans(self) -> list[Plan]:
        """The plans shown."""
        return list(self._items)

    def _status(self, status: str) -> str:
        names = {
            "active": QCoreApplication.translate("PlanModels", "active"),
            "completed": QCoreApplication.translate("PlanModels", "completed"),
            "cancelled": QCoreApplication.translate("PlanModels", "cancelled"),
            "superseded": QCoreApplication.translate("PlanModels", "superseded"),
        }
        return names.get(status, status)

    @override
    def _cell(self, item: Any, column: int, role: int) -> Any:
        plan: Plan = item
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return format_date(plan.created_at.date()) if plan.created_at else ""
            if column == 1:
                return self._status(plan.status)
            if column == 2:
                return format_date(plan.start_date)
            if column == 3:
                return regimen_text(plan.steps, self._language)
            if column == 4:
                if plan.chosen_rank is None:
                    return QCoreApplication.translate("PlanModels", "composed")
                return QCoreApplication.translate("PlanModels", "option {rank}").format(
                    rank=plan.chosen_rank
                )
            return plan.override_reason or ""
        if role == Qt.ItemDataRole.ToolTipRole and column == 5:
            return plan.override_reason or None
        if role == Qt.ItemDataRole.FontRole and plan.status == "active":
            font = QFont()
            font.setBold(True)
            return font
        if role == PlanRole:
            return plan
        return None


class StepsModel(AssessmentTableModel):
    """The steps of a regimen the clinician composes: a drug and its months (empty = open)."""

    columns = (Column("drug", CellKind.CODE), Column("months", CellKind.NUMBER, decimals=0))

    def set_steps(self, steps: Sequence[Step]) -> None:
        """Start from these steps."""
        self.set_rows(
            [
                {"drug": step.drug, "months": float(step.months) if step.months else None}
                for step in steps
            ]
        )

    def steps(self) -> tuple[Step, ...]:
        """The steps as typed; rows with a problem are left out."""
        problems = self.local_problems()
        out = []
        for row, values in enumerate(self._rows):
            if (row, "months") in problems or not values["drug"]:
                continue
            months = values["months"]
            out.append(Step(drug=values["drug"], months=int(months) if months else None))
        return tuple(out)

    @override
    def new_row_values(self) -> dict[str, Any]:
        return {"drug": codes.OSTEOPOROSIS_DRUGS[0]}

    @override
    def choices(self, row: int, key: str) -> list[tuple[str, str]]:
        if key != "drug":
            return []
        return [(drug, drug_name(drug)) for drug in codes.OSTEOPOROSIS_DRUGS]

    @override
    def local_problems(self) -> dict[tuple[int, str | None], str]:
        found = super().local_problems()
        for row, values in enumerate(self._rows):
            months = values["months"]
            if isinstance(months, float) and (months < 1 or not months.is_integer()):
                found[(row, "months")] = QCoreApplication.translate(
                    "PlanModels", "months must be a whole number of 1 or more"
                )
        return found

    @override
    def to_json(self) -> list[dict[str, Any]]:
        return [
            {"drug": step.drug, **({"months": step.months} if step.months else {})}
            for step in self.steps()
        ]
