"""Editable tables of the patient form (fractures, events, treatments and their doses, biologics).

Each table is a model over plain Python rows (dicts of typed values: code strings, `date`s,
bools, ints), so the form reads them straight into the record JSON and `parse_record` judges
them. A cell the gate rejects is painted red with the reason as its tooltip. One delegate
gives every kind of cell its editor: a combo box for codes, a date editor for dates.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from enum import Enum
from typing import Any, Final

from PySide6.QtCore import (
    QAbstractItemModel,
    QDate,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QLineEdit,
    QSpinBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)
from typing_extensions import override

from osteodesk.core import codes
from osteodesk.core.record import DOSES_RANGE
from osteodesk.ui.editable_rows import EditableRowsModel, ProblemKey
from osteodesk.ui.patients.labels import catalogue_label, date_format, format_date

INVALID_BACKGROUND: Final = "#ffcdd2"
EARLIEST_DATE: Final = QDate(1900, 1, 1)
LATEST_DATE: Final = QDate(2100, 12, 31)


class CellKind(Enum):
    """What a cell holds, which decides how it is shown and edited."""

    CODE = "code"  # one of `choices`; None until chosen
    DATE = "date"  # a required date
    OPTIONAL_DATE = "optional_date"  # a date or None (Delete clears it)
    TEXT = "text"  # free text or None
    COUNT = "count"  # a whole number or None
    FLAG = "flag"  # a check box
    FRAGILITY = "fragility"  # True, False or None (not stated)
    DOSE_LIST = "dose_list"  # the dose dates of a treatment: shown as a count, edited below


@dataclass(frozen=True, slots=True)
class ColumnSpec:
    """One column: the record key it fills, its kind, and its codes with their label prefix."""

    key: str
    kind: CellKind
    choices: tuple[str, ...] = ()
    label_prefix: str = ""

    def label(self, code: str) -> str:
        """The catalogue label of one of `choices`."""
        return catalogue_label(f"{self.label_prefix}{code}")


class RecordTableModel(EditableRowsModel):
    """Rows of one list of the record, editable in place.

    Signals:
        rows_edited(): a cell was edited or a row added or removed.
    """

    columns: tuple[ColumnSpec, ...] = ()

    def set_value(self, row: int, key: str, value: Any) -> None:
        """Change one cell from code (not through the editor)."""
        column = self.column_of(key)
        self.setData(self.index(row, column), value, Qt.ItemDataRole.EditRole)

    def spec(self, column: int) -> ColumnSpec:
        """The column's spec."""
        return self.columns[column]

    def clear_cell(self, index: QModelIndex | QPersistentModelIndex) -> bool:
        """Empty an optional cell (the Delete key); False when the cell cannot be empty."""
        if not index.isValid():
            return False
        spec = self.columns[index.column()]
        if spec.kind not in (CellKind.OPTIONAL_DATE, CellKind.TEXT, CellKind.COUNT):
            return False
        return self.setData(index, None, Qt.ItemDataRole.EditRole)

    def _complete(self, values: Mapping[str, Any]) -> dict[str, Any]:
        row: dict[str, Any] = {}
        for spec in self.columns:
            default: Any = [] if spec.kind == CellKind.DOSE_LIST else None
            if spec.kind == CellKind.FLAG:
                default = False
            row[spec.key] = copy.deepcopy(values.get(spec.key, default))
        return row

    # --- problems ------------------------------------------------------------------------

    def set_problems(self, problems: Mapping[ProblemKey, str]) -> None:
        """Mark the cells (or whole rows) the record gate rejected, with their reasons."""
        if dict(problems) == self._problems:
            return
        self._problems = dict(problems)
        if self._rows:
            last = self.index(len(self._rows) - 1, len(self.columns) - 1)
            self.dataChanged.emit(
                self.index(0, 0),
                last,
                [Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ToolTipRole],
            )

    def has_problems(self) -> bool:
        """Whether any cell is marked invalid."""
        return bool(self._problems)

    # --- headers -------------------------------------------------------------------------

    def header_text(self, key: str) -> str:
        """The column title of a record key (subclasses translate their own)."""
        return key

    # Model interface ####

    @override
    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return (
                self.header_text(self.columns[section].key) if section < len(self.columns) else None
            )
        return str(section + 1)

    @override
    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        kind = self.columns[index.column()].kind
        if kind == CellKind.FLAG:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        if kind == CellKind.DOSE_LIST:
            return base
        return base | Qt.ItemFlag.ItemIsEditable

    @override
    def data(
        self,
        index: QModelIndex | QPersistentModelIndex,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        spec = self.columns[index.column()]
        value = self._rows[index.row()].get(spec.key)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(spec, value)
        if role == Qt.ItemDataRole.EditRole:
            if spec.kind in (CellKind.DATE, CellKind.OPTIONAL_DATE):
                return QDate(value.year, value.month, value.day) if value else QDate()
            return value
        if role == Qt.ItemDataRole.CheckStateRole and spec.kind == CellKind.FLAG:
            return Qt.CheckState.Checked if value else Qt.CheckState.Unchecked
        problem = self.problem(index.row(), spec.key)
        if role == Qt.ItemDataRole.BackgroundRole and problem:
            return QColor(INVALID_BACKGROUND)
        if role == Qt.ItemDataRole.ForegroundRole and problem:
            return QColor("#000000")
        if role == Qt.ItemDataRole.ToolTipRole:
            return problem
        return None

    def _display(self, spec: ColumnSpec, value: Any) -> str:
        if value is None:
            return ""
        if spec.kind == CellKind.CODE:
            return spec.label(value)
        if spec.kind in (CellKind.DATE, CellKind.OPTIONAL_DATE):
            return format_date(value)
        if spec.kind == CellKind.FRAGILITY:
            return self.tr("Fragility") if value else self.tr("High trauma")
        if spec.kind == CellKind.FLAG:
            return ""
        if spec.kind == CellKind.DOSE_LIST:
            return str(len(value))
        return str(value)

    @override
    def setData(
        self,
        index: QModelIndex | QPersistentModelIndex,
        value: Any,
        role: int = Qt.ItemDataRole.EditRole,
    ) -> bool:
        if not index.isValid() or index.row() >= len(self._rows):
            return False
        spec = self.columns[index.column()]
        if role == Qt.ItemDataRole.CheckStateRole and spec.kind == CellKind.FLAG:
            new_value: Any = _is_checked(value)
        elif role == Qt.ItemDataRole.EditRole:
            new_value = _typed(spec, value)
        else:
            return False
        row = self._rows[index.row()]
        if row.get(spec.key) == new_value:
            return True
        row[spec.key] = new_value
        self.dataChanged.emit(index, index)
        self.rows_edited.emit()
        return True


def _is_checked(value: Any) -> bool:
    if isinstance(value, Qt.CheckState):
        return value == Qt.CheckState.Checked
    return bool(value == Qt.CheckState.Checked.value or value is True)


def _typed(spec: ColumnSpec, value: Any) -> Any:
    """The row value of what an editor (or code) put in."""
    if value is None or value == "":
        return [] if spec.kind == CellKind.DOSE_LIST else None
    if spec.kind in (CellKind.DATE, CellKind.OPTIONAL_DATE):
        if isinstance(value, QDate):
            return date(value.year(), value.month(), value.day()) if value.isValid() else None
        return value if isinstance(value, date) else None
    if spec.kind == CellKind.COUNT:
        return int(value)
    if spec.kind == CellKind.TEXT:
        text = str(value).strip()
        return text or None
    return value


# --- the tables of the record ------------------------------------------------------------


class FractureTableModel(RecordTableModel):
    """fractures[]: site, date, fragility."""

    columns = (
        ColumnSpec("site", CellKind.CODE, codes.FRACTURE_SITES, "fracture_site."),
        ColumnSpec("date", CellKind.DATE),
        ColumnSpec("fragility", CellKind.FRAGILITY),
    )

    @override
    def header_text(self, key: str) -> str:
        return {
            "site": self.tr("Site"),
            "date": self.tr("Date"),
            "fragility": self.tr("Kind"),
        }[key]


class EventTableModel(RecordTableModel):
    """events[]: cardiovascular and thrombotic events with dates."""

    columns = (
        ColumnSpec("type", CellKind.CODE, codes.EVENT_TYPES, "event."),
        ColumnSpec("date", CellKind.DATE),
    )

    @override
    def header_text(self, key: str) -> str:
        return {"type": self.tr("Event"), "date": self.tr("Date")}[key]


class TreatmentTableModel(RecordTableModel):
    """treatments[]: osteoporosis drug courses; each row keeps its dose dates."""

    columns = (
        ColumnSpec("drug", CellKind.CODE, codes.OSTEOPOROSIS_DRUGS, "drug."),
        ColumnSpec("product", CellKind.TEXT),
        ColumnSpec("start_date", CellKind.DATE),
        ColumnSpec("end_date", CellKind.OPTIONAL_DATE),
        ColumnSpec("planned_stop", CellKind.FLAG),
        ColumnSpec("last_dose_date", CellKind.OPTIONAL_DATE),
        ColumnSpec("doses_given", CellKind.COUNT),
        ColumnSpec("dose_dates", CellKind.DOSE_LIST),
    )

    @override
    def header_text(self, key: str) -> str:
        return {
            "drug": self.tr("Drug"),
            "product": self.tr("Product"),
            "start_date": self.tr("Start"),
            "end_date": self.tr("End"),
            "planned_stop": self.tr("Planned stop"),
            "last_dose_date": self.tr("Last dose"),
            "doses_given": self.tr("Doses given"),
            "dose_dates": self.tr("Dose dates"),
        }[key]

    def dose_dates(self, row: int) -> list[date]:
        """The recorded dose dates of one treatment."""
        return list(self._rows[row]["dose_dates"])

    def set_dose_dates(self, row: int, dates: Sequence[date | None]) -> None:
        """Replace the dose dates of one treatment (from the dose table)."""
        self.setData(self.index(row, self.column_of("dose_dates")), list(dates))


class DoseTableModel(RecordTableModel):
    """The dose dates of the selected treatment."""

    columns = (ColumnSpec("date", CellKind.DATE),)

    @override
    def header_text(self, key: str) -> str:
        return self.tr("Dose date")

    def dates(self) -> list[date | None]:
        """The dates in table order (None where a row has no date yet)."""
        return [row["date"] for row in self._rows]


class BiologicTableModel(RecordTableModel):
    """biologics[]: rheumatology drugs."""

    columns = (
        ColumnSpec("drug", CellKind.CODE, codes.RHEUMATOLOGY_DRUGS, "drug."),
        ColumnSpec("start_date", CellKind.DATE),
        ColumnSpec("end_date", CellKind.OPTIONAL_DATE),
    )

    @override
    def header_text(self, key: str) -> str:
        return {
            "drug": self.tr("Drug"),
            "start_date": self.tr("Start"),
            "end_date": self.tr("End"),
        }[key]


# --- editing -----------------------------------------------------------------------------


class RecordCellDelegate(QStyledItemDelegate):
    """Editors for the record tables: codes in a combo box, dates in a date editor."""

    @override
    def createEditor(
        self,
        parent: QWidget,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> QWidget:
        spec = _spec_of(index)
        if spec is None:
            return super().createEditor(parent, option, index)
        if spec.kind == CellKind.CODE:
            combo = QComboBox(parent)
            for code in spec.choices:
                combo.addItem(spec.label(code), code)
            return combo
        if spec.kind == CellKind.FRAGILITY:
            combo = QComboBox(parent)
            # Text data: a combo box cannot tell None, False and 0 apart reliably.
            for fragility, label in (
                (None, self.tr("Not stated")),
                (True, self.tr("Fragility")),
                (False, self.tr("High trauma")),
            ):
                combo.addItem(label, _FRAGILITY_DATA[fragility])
            return combo
        if spec.kind in (CellKind.DATE, CellKind.OPTIONAL_DATE):
            editor = QDateEdit(parent)
            editor.setCalendarPopup(True)
            editor.setDisplayFormat(date_format())
            editor.setDateRange(EARLIEST_DATE, LATEST_DATE)
            return editor
        if spec.kind == CellKind.COUNT:
            spin = QSpinBox(parent)
            spin.setRange(DOSES_RANGE[0] - 1, DOSES_RANGE[1])
            spin.setSpecialValueText(self.tr("—"))  # the minimum: not stated
            return spin
        if spec.kind == CellKind.TEXT:
            return QLineEdit(parent)
        return super().createEditor(parent, option, index)

    @override
    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        value = index.data(Qt.ItemDataRole.EditRole)
        spec = _spec_of(index)
        if spec is not None and spec.kind == CellKind.FRAGILITY:
            value = _FRAGILITY_DATA.get(value, "")
        if isinstance(editor, QComboBox):
            found = editor.findData(value)
            editor.setCurrentIndex(max(found, 0))
        elif isinstance(editor, QDateEdit):
            valid = isinstance(value, QDate) and value.isValid()
            editor.setDate(value if valid else QDate.currentDate())
        elif isinstance(editor, QSpinBox):
            editor.setValue(editor.minimum() if value is None else int(value))
        elif isinstance(editor, QLineEdit):
            editor.setText("" if value is None else str(value))
        else:
            super().setEditorData(editor, index)

    @override
    def setModelData(
        self,
        editor: QWidget,
        model: QAbstractItemModel,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        spec = _spec_of(index)
        if isinstance(editor, QComboBox):
            value: Any = editor.currentData()
            if spec is not None and spec.kind == CellKind.FRAGILITY:
                value = {data: flag for flag, data in _FRAGILITY_DATA.items()}.get(value)
            model.setData(index, value, Qt.ItemDataRole.EditRole)
        elif isinstance(editor, QDateEdit):
            model.setData(index, editor.date(), Qt.ItemDataRole.EditRole)
        elif isinstance(editor, QSpinBox):
            value = None if editor.value() == editor.minimum() else editor.value()
            model.setData(index, value, Qt.ItemDataRole.EditRole)
        elif isinstance(editor, QLineEdit):
            model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)
        else:
            super().setModelData(editor, model, index)


_FRAGILITY_DATA: Final[dict[bool | None, str]] = {
    None: "not_stated",
    True: "fragility",
    False: "high_trauma",
}


def _spec_of(index: QModelIndex | QPersistentModelIndex) -> ColumnSpec | None:
    model = index.model()
    return model.spec(index.column()) if isinstance(model, RecordTableModel) else None
