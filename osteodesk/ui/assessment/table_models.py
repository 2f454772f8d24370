"""Editable tables of the Assessment tab: DXA measurements, lab results and FRAX results.

Each model holds plain rows (dicts of typed values) and turns them into the record's JSON lists;
`osteodesk.core.record.parse_record` judges them, and the cells it rejects are painted red with
its message (the allowed range) as tooltip. A number cell keeps text that is not a number, so
the clinician sees what was typed and why it was not applied.

DXA is shown one measurement per row (date, device, site, T, Z, BMD): rows with the same date
and device form one scan of the record. That keeps the table narrow enough for the window.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from enum import Enum
from typing import Any, Final

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor
from typing_extensions import override

from osteodesk.core import codes
from osteodesk.core import constants as k
from osteodesk.core.record import DxaScan, FraxResult, LabResult, Problem
from osteodesk.ui.editable_rows import EditableRowsModel, ProblemKey
from osteodesk.ui.reference.catalogue import (
    INVALID_BACKGROUND,
    OUT_OF_RANGE_COLOUR,
    format_date,
    format_number,
    from_qdate,
    label,
    parse_number,
    to_qdate,
)

ChoicesRole: Final = Qt.ItemDataRole.UserRole + 10  # [(code, label), ...] for a code cell
KindRole: Final = Qt.ItemDataRole.UserRole + 11  # the CellKind of a cell

_PATH_RE: Final = re.compile(r"^(?P<list>[a-z]+)\[(?P<index>\d+)\](?:\.(?P<key>[a-z0-9_]+))?$")


class CellKind(Enum):
    """What a cell holds: it decides how the cell is shown and edited."""

    DATE = "date"
    TEXT = "text"
    CODE = "code"
    NUMBER = "number"
    FLAG = "flag"


@dataclass(frozen=True, slots=True)
class Column:
    """One column: the row key it shows, its kind, and for numbers the display decimals."""

    key: str
    kind: CellKind
    decimals: int = 1


class AssessmentTableModel(EditableRowsModel):
    """Rows of one list of the record, editable in place, with per-cell problems.

    Signals:
        rows_edited(): a cell was edited, or a row added or removed, by the clinician.
    """

    columns: tuple[Column, ...] = ()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers: dict[str, str] = {}

    def set_headers(self, headers: Mapping[str, str]) -> None:
        """Column titles in the interface language (the tab translates them)."""
        self._headers = dict(headers)
        if self.columns:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.columns) - 1)

    def relabel(self) -> None:
        """Codes and dates are shown in another language now: repaint every cell."""
        if self._rows and self.columns:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._rows) - 1, len(self.columns) - 1)
            )

    # --- problems --------------------------------------------------------------------------

    def set_problems(self, problems: Mapping[ProblemKey, str]) -> None:
        """Mark cells as rejected (red, message as tooltip); an empty mapping clears them."""
        if not problems and not self._problems:
            return
        self._problems = dict(problems)
        self.relabel()

    @property
    def has_problems(self) -> bool:
        """Whether any cell is rejected."""
        return bool(self._problems)

    def local_problems(self) -> dict[ProblemKey, str]:
        """Problems found without the record gate: number cells holding text."""
        found: dict[ProblemKey, str] = {}
        for row, values in enumerate(self._rows):
            for column in self.columns:
                if column.kind is CellKind.NUMBER and isinstance(values.get(column.key), str):
                    found[(row, column.key)] = QCoreApplication.translate(
                        "AssessmentTableModel", "must be a number"
                    )
        return found

    def map_problems(self, problems: Sequence[Problem], list_name: str) -> dict[ProblemKey, str]:
        """The record gate's problems of `list_name` (``dxa[2].hip_pct``) as cell problems."""
        found: dict[ProblemKey, str] = {}
        for problem in problems:
            match = _PATH_RE.match(problem.field)
            if match is None or match["list"] != list_name:
                continue
            found.update(self.cells_of(int(match["index"]), match["key"], problem.message))
        return found

    def cells_of(self, item: int, key: str | None, message: str) -> dict[ProblemKey, str]:
        """The cells showing field `key` of the record list's item `item` (1:1 by default)."""
        if key is not None and key not in {c.key for c in self.columns}:
            key = None
        return {(item, key): message}

    # --- record JSON -------------------------------------------------------------------------

    def to_json(self) -> list[dict[str, Any]]:
        """The record list these rows make (subclasses)."""
        raise NotImplementedError

    # --- display (subclasses refine) -----------------------------------------------------

    def choices(self, row: int, key: str) -> list[tuple[str, str]]:
        """The (code, label) pairs a code cell offers."""
        return []

    def display(self, row: int, column: Column) -> str:
        """The text of one cell."""
        value = self._rows[row].get(column.key)
        if value is None:
            return ""
        if column.kind is CellKind.DATE:
            return format_date(value) if isinstance(value, date) else str(value)
        if column.kind is CellKind.NUMBER:
            return value if isinstance(value, str) else format_number(value, column.decimals)
        if column.kind is CellKind.CODE:
            labels = dict(self.choices(row, column.key))
            return labels.get(str(value), str(value))
        return str(value)

    def foreground(self, row: int, column: Column) -> QColor | None:
        """A text colour for the cell (values outside a reference range)."""
        return None

    def tooltip(self, row: int, column: Column) -> str | None:
        """A tooltip for the cell besides its problem."""
        return None

    def _complete(self, values: Mapping[str, Any]) -> dict[str, Any]:
        row = {column.key: None for column in self.columns}
        row.update(values)
        return row

    def _store(self, row: int, column: Column, value: Any) -> bool:
        """Put an edited value into the row; subclasses keep dependent cells consistent."""
        self._rows[row][column.key] = value
        return True

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
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
            key = self.columns[section].key
            return self._headers.get(key, key)
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        return None

    @override
    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.columns[index.column()].kind is CellKind.FLAG:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base | Qt.ItemFlag.ItemIsEditable

    @override
    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid():
            return None
        row, column = index.row(), self.columns[index.column()]
        value = self._rows[row].get(column.key)
        if role == Qt.ItemDataRole.DisplayRole:
            return None if column.kind is CellKind.FLAG else self.display(row, column)
        if role == Qt.ItemDataRole.EditRole:
            if column.kind is CellKind.DATE:
                return to_qdate(value) if isinstance(value, date) else None
            if column.kind is CellKind.NUMBER and isinstance(value, float):
                return format_number(value, 3).rstrip("0").rstrip(".,")
            return value
        if role == Qt.ItemDataRole.CheckStateRole and column.kind is CellKind.FLAG:
            return Qt.CheckState.Checked if value else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.BackgroundRole and self.problem(row, column.key):
            return QColor(INVALID_BACKGROUND)
        if role == Qt.ItemDataRole.ForegroundRole:
            return self.foreground(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.problem(row, column.key) or self.tooltip(row, column)
        if role == ChoicesRole:
            return self.choices(row, column.key) if column.kind is CellKind.CODE else None
        if role == KindRole:
            return column.kind.value
        if role == Qt.ItemDataRole.TextAlignmentRole and column.kind is CellKind.NUMBER:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    @override
    def setData(
        self,
        index: QModelIndex | QPersistentModelIndex,
        value: Any,
        role: int = Qt.ItemDataRole.EditRole,
    ) -> bool:
        if not index.isValid():
            return False
        row, column = index.row(), self.columns[index.column()]
        if role == Qt.ItemDataRole.CheckStateRole and column.kind is CellKind.FLAG:
            typed: Any = _check_state(value) == Qt.CheckState.Checked
        elif role == Qt.ItemDataRole.EditRole:
            typed = _typed(column, value)
        else:
            return False
        if typed == self._rows[row].get(column.key) and type(typed) is type(
            self._rows[row].get(column.key)
        ):
            return False
        if not self._store(row, column, typed):
            return False
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.columns) - 1))
        self.rows_edited.emit()
        return True


def _check_state(value: Any) -> Qt.CheckState:
    if isinstance(value, Qt.CheckState):
        return value
    return Qt.CheckState(int(value))


def _typed(column: Column, value: Any) -> Any:
    """An edited value as the row stores it."""
    if column.kind is CellKind.DATE:
        if isinstance(value, QDate):
            return from_qdate(value) if value.isValid() else None
        if isinstance(value, date):
            return value
        if isinstance(value, str) and value.strip():
            try:
                return date.fromisoformat(value.strip())
            except ValueError:
                return None
        return None
    if column.kind is CellKind.NUMBER:
        if value is None:
            return None
        if isinstance(value, bool):
            return str(value)
        if isinstance(value, int | float):
            return float(value)
        text = str(value).strip()
        if not text:
            return None
        number = parse_number(text)
        return text if number is None else number
    if column.kind is CellKind.FLAG:
        return bool(value)
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def _iso(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value


# --- DXA ----------------------------------------------------------------------------------


class DxaTableModel(AssessmentTableModel):
    """One measurement per row (date, device, site, T, Z, BMD); same date and device = one scan."""

    columns = (
        Column("date", CellKind.DATE),
        Column("device", CellKind.TEXT),
        Column("site", CellKind.CODE),
        Column("t", CellKind.NUMBER),
        Column("z", CellKind.NUMBER),
        Column("bmd", CellKind.NUMBER, decimals=3),
    )

    def __init__(self, today: Callable[[], date], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._today = today
        self._scan_of_row: list[int] = []

    def set_scans(self, scans: Sequence[DxaScan]) -> None:
        """Show a record's scans, one row per site that has a value."""
        rows = []
        for scan in scans:
            for site in codes.DXA_SITES:
                if site in scan.t or site in scan.z or site in scan.bmd:
                    rows.append(
                        {
                            "date": scan.date,
                            "device": scan.device,
                            "site": site,
                            "t": scan.t.get(site),
                            "z": scan.z.get(site),
                            "bmd": scan.bmd.get(site),
                        }
                    )
        self.set_rows(rows)

    @override
    def new_row_values(self) -> dict[str, Any]:
        # A new row continues the last scan with the next site not yet measured in it.
        if self._rows:
            last = self._rows[-1]
            taken = {r["site"] for r in self._rows if _same_scan(r, last)}
            free = [s for s in codes.DXA_SITES if s not in taken]
            if free:
                return {"date": last["date"], "device": last["device"], "site": free[0]}
        return {"date": self._today(), "site": codes.DXA_SITES[0]}

    @override
    def choices(self, row: int, key: str) -> list[tuple[str, str]]:
        return [(site, label("site", site)) for site in codes.DXA_SITES] if key == "site" else []

    @override
    def to_json(self) -> list[dict[str, Any]]:
        scans: list[dict[str, Any]] = []
        keys: list[tuple[Any, Any]] = []
        self._scan_of_row = []
        for row in self._rows:
            scan_key = (row["date"], row["device"])
            if scan_key not in keys:
                keys.append(scan_key)
                scan: dict[str, Any] = {"date": _iso(row["date"])}
                if row["device"] is not None:
                    scan["device"] = row["device"]
                scans.append(scan)
            number = keys.index(scan_key)
            self._scan_of_row.append(number)
            site = row["site"]
            for kind in ("t", "z", "bmd"):
                if row[kind] is not None and site is not None:
                    scans[number][f"{site}_{kind}"] = row[kind]
        return scans

    @override
    def local_problems(self) -> dict[ProblemKey, str]:
        found = super().local_problems()
        seen: dict[tuple[Any, Any, Any], int] = {}
        for row, values in enumerate(self._rows):
            if values["site"] is None:
                found[(row, "site")] = self.tr("choose a site")
                continue
            key = (values["date"], values["device"], values["site"])
            if key in seen:
                found[(row, "site")] = self.tr("this site is already in row {row}").format(
                    row=seen[key] + 1
                )
            else:
                seen[key] = row
            if all(values[kind] is None for kind in ("t", "z", "bmd")):
                found[(row, "t")] = self.tr("needs a T-score, Z-score or BMD")
        return found

    @override
    def cells_of(self, item: int, key: str | None, message: str) -> dict[ProblemKey, str]:
        if not self._scan_of_row:
            self.to_json()
        rows = [row for row, scan in enumerate(self._scan_of_row) if scan == item]
        if key in ("date", "device"):
            return {(row, key): message for row in rows}
        if key is not None:
            site, _, kind = key.rpartition("_")
            return {(row, kind): message for row in rows if self._rows[row]["site"] == site} or {
                (row, None): message for row in rows
            }
        return {(row, None): message for row in rows}


def _same_scan(a: Mapping[str, Any], b: Mapping[str, Any]) -> bool:
    return bool(a["date"] == b["date"] and a["device"] == b["device"])


# --- labs ---------------------------------------------------------------------------------

# Reference limits of the labs whose limits clinical-rules Part A states (A4), per unit:
# (low, high, constant names); a value below `low` or above `high` is shown in colour.
REFERENCE_LIMITS: Final[dict[tuple[str, str], tuple[float | None, float | None, str]]] = {
    ("calcium", "mmol/L"): (
        k.HYPOCALCEMIA_MMOL_L,
        k.HYPERCALCEMIA_MMOL_L,
        "HYPOCALCEMIA_MMOL_L, HYPERCALCEMIA_MMOL_L",
    ),
    ("calcium", "mg/dL"): (k.HYPOCALCEMIA_MG_DL, k.HYPERCALCEMIA_MG_DL, "HYPOCALCEMIA_MG_DL"),
    ("vitamin_d_25oh", "ng/mL"): (
        k.VITAMIN_D_INSUFFICIENT_NG_ML,
        None,
        "VITAMIN_D_INSUFFICIENT_NG_ML",
    ),
    ("vitamin_d_25oh", "nmol/L"): (
        k.VITAMIN_D_INSUFFICIENT_NMOL_L,
        None,
        "VITAMIN_D_INSUFFICIENT_NMOL_L",
    ),
}


def outside_reference(test: str, unit: str, value: float) -> str | None:
    """``low`` or ``high`` when `value` lies outside the A4 limits of `test` in `unit`."""
    canonical = codes.canonical_unit(test, unit)
    limits = REFERENCE_LIMITS.get((test, canonical or ""))
    if limits is None:
        return None
    low, high, _names = limits
    if low is not None and value < low:
        return "low"
    if high is not None and value > high:
        return "high"
    return None


class LabTableModel(AssessmentTableModel):
    """Lab results with the unit as entered; the unit list follows the test."""

    columns = (
        Column("date", CellKind.DATE),
        Column("test", CellKind.CODE),
        Column("value", CellKind.NUMBER, decimals=2),
        Column("unit", CellKind.CODE),
    )

    def __init__(self, today: Callable[[], date], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._today = today
        self._test_labels: dict[str, str] = {}

    def set_labs(self, labs: Sequence[LabResult]) -> None:
        """Show a record's lab results."""
        self.set_rows(
            [{"date": r.date, "test": r.test, "value": r.value, "unit": r.unit} for r in labs]
        )

    def set_test_labels(self, labels: Mapping[str, str]) -> None:
        """Names of the tests in the interface language (the tab translates them)."""
        self._test_labels = dict(labels)
        self.relabel()

    @override
    def new_row_values(self) -> dict[str, Any]:
        test = next(iter(codes.LAB_UNITS))
        return {"date": self._today(), "test": test, "unit": codes.LAB_UNITS[test][0]}

    @override
    def choices(self, row: int, key: str) -> list[tuple[str, str]]:
        if key == "test":
            return [(test, self._test_labels.get(test, test)) for test in codes.LAB_UNITS]
        if key == "unit":
            test = self._rows[row]["test"]
            units = codes.LAB_UNITS.get(test, ())
            current = self._rows[row]["unit"]
            shown = [(unit, unit) for unit in units]
            if current and codes.canonical_unit(test, current) is None:
                shown.insert(0, (current, current))
            return shown
        return []

    @override
    def display(self, row: int, column: Column) -> str:
        if column.key == "unit":
            return str(self._rows[row]["unit"] or "")
        return super().display(row, column)

    @override
    def _store(self, row: int, column: Column, value: Any) -> bool:
        values = self._rows[row]
        values[column.key] = value
        if column.key == "test":
            # Keep the unit when the new test takes it, else offer the test's canonical unit.
            unit = values["unit"]
            if value in codes.LAB_UNITS and (not unit or codes.canonical_unit(value, unit) is None):
                values["unit"] = codes.LAB_UNITS[value][0]
        return True

    @override
    def foreground(self, row: int, column: Column) -> QColor | None:
        if column.key == "value" and self._direction(row) is not None:
            return QColor(OUT_OF_RANGE_COLOUR)
        return None

    @override
    def tooltip(self, row: int, column: Column) -> str | None:
        direction = self._direction(row) if column.key == "value" else None
        if direction is None:
            return None
        values = self._rows[row]
        canonical = codes.canonical_unit(values["test"], values["unit"]) or ""
        low, high, _names = REFERENCE_LIMITS[(values["test"], canonical)]
        if direction == "low":
            return self.tr("Below {limit} {unit} (clinical-rules A4)").format(
                limit=format_number(low, 2), unit=canonical
            )
        return self.tr("Above {limit} {unit} (clinical-rules A4)").format(
            limit=format_number(high, 2), unit=canonical
        )

    def _direction(self, row: int) -> str | None:
        values = self._rows[row]
        value = values["value"]
        if not isinstance(value, float) or not values["test"] or not values["unit"]:
            return None
        return outside_reference(values["test"], values["unit"], value)

    @override
    def to_json(self) -> list[dict[str, Any]]:
        return [
            {
                "date": _iso(row["date"]),
                "test": row["test"],
                "value": row["value"],
                "unit": row["unit"],
            }
            for row in self._rows
        ]


# --- FRAX ---------------------------------------------------------------------------------


class FraxTableModel(AssessmentTableModel):
    """FRAX results as typed in from the official calculator (never computed here)."""

    columns = (
        Column("date", CellKind.DATE),
        Column("model", CellKind.TEXT),
        Column("major_osteoporotic_pct", CellKind.NUMBER),
        Column("hip_pct", CellKind.NUMBER),
        Column("with_bmd", CellKind.FLAG),
        Column("glucocorticoid_ticked", CellKind.FLAG),
    )

    def __init__(self, today: Callable[[], date], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._today = today

    def set_frax(self, results: Sequence[FraxResult]) -> None:
        """Show a record's FRAX results."""
        self.set_rows(
            [
                {
                    "date": f.date,
                    "model": f.model,
                    "major_osteoporotic_pct": f.major_osteoporotic_pct,
                    "hip_pct": f.hip_pct,
                    "with_bmd": f.with_bmd,
                    "glucocorticoid_ticked": f.glucocorticoid_ticked,
                }
                for f in results
            ]
        )

    @override
    def new_row_values(self) -> dict[str, Any]:
        return {"date": self._today(), "model": "China"}

    @override
    def to_json(self) -> list[dict[str, Any]]:
        out = []
        for row in self._rows:
            item: dict[str, Any] = {"date": _iso(row["date"])}
            for key in ("major_osteoporotic_pct", "hip_pct", "with_bmd", "glucocorticoid_ticked"):
                if row[key] is not None:
                    item[key] = row[key]
            if row["model"] is not None:
                item["model"] = row["model"]
            out.append(item)
        return out
