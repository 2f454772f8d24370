"""Rows of one list of the record, edited in place in a table, with per-cell problems.

What the patient form's tables (fractures, treatments, ...) and the Assessment tab's tables
(DXA, labs, FRAX) share: each row is a dict keyed by the column keys, and a problem marks a
cell, or with the key None its whole row.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping, Sequence
from typing import Any, Protocol

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Signal,
)
from typing_extensions import override

ProblemKey = tuple[int, str | None]  # (row, column key); None marks the whole row


class KeyedColumn(Protocol):
    """A column of a row model: the row key it shows."""

    @property
    def key(self) -> str: ...


class EditableRowsModel(QAbstractTableModel):
    """The rows, adding and removing them, and the problems of their cells.

    Subclasses set `columns`, fill a new row in `_complete` and may start new rows with
    `new_row_values`.

    Signals:
        rows_edited(): a cell was edited, or a row added or removed, by the clinician.
    """

    rows_edited = Signal()

    columns: tuple[KeyedColumn, ...] = ()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[dict[str, Any]] = []
        self._problems: dict[ProblemKey, str] = {}

    # --- rows ----------------------------------------------------------------------------

    def rows(self) -> list[dict[str, Any]]:
        """A copy of the rows (dicts of typed values)."""
        return copy.deepcopy(self._rows)

    def set_rows(self, rows: Sequence[Mapping[str, Any]]) -> None:
        """Show these rows (a patient was loaded); not an edit, so no `rows_edited`."""
        self.beginResetModel()
        self._rows = [self._complete(row) for row in rows]
        self._problems.clear()
        self.endResetModel()

    def add_row(self, values: Mapping[str, Any] | None = None) -> int:
        """Append a row (`new_row_values` unless `values`); return its number."""
        row = len(self._rows)
        self.beginInsertRows(QModelIndex(), row, row)
        self._rows.append(self._complete(values or self.new_row_values()))
        self.endInsertRows()
        self.rows_edited.emit()
        return row

    def remove_row(self, row: int) -> None:
        """Remove one row (the problems of the rows below move up with them)."""
        if not 0 <= row < len(self._rows):
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._rows[row]
        self._problems = {
            (r - 1 if r > row else r, key): message
            for (r, key), message in self._problems.items()
            if r != row
        }
        self.endRemoveRows()
        self.rows_edited.emit()

    def new_row_values(self) -> dict[str, Any]:
        """What a new row starts with (subclasses: today's date, the first code, ...)."""
        return {}

    def value(self, row: int, key: str) -> Any:
        """The typed value of one cell."""
        return self._rows[row].get(key)

    def column_of(self, key: str) -> int:
        """The column that shows `key`."""
        for number, column in enumerate(self.columns):
            if column.key == key:
                return number
        raise KeyError(key)

    def problem(self, row: int, key: str | None) -> str | None:
        """Why a cell is rejected: the cell's own reason first, then its row's."""
        return self._problems.get((row, key)) or (
            self._problems.get((row, None)) if key is not None else None
        )

    def _complete(self, values: Mapping[str, Any]) -> dict[str, Any]:
        """A row with every column's key (subclasses: their defaults)."""
        raise NotImplementedError

    # Model interface ####

    @override
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    @override
    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)
