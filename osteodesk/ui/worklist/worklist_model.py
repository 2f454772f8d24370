"""The worklist as a Qt model: one row per due item, coloured by status, filtered by type.

The rows are `WorklistEntry`s read by one query (tens of thousands at 100,000 patients); each
keeps its database row and the model turns it into text only for the cells the view paints.
The list comes most urgent first, which is the Status column's ascending order; sorting by a
column is done here in Python (one key per row), not by the proxy (a proxy would call back
into Python for every comparison).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from enum import IntEnum
from typing import Any, Final

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor, QGuiApplication
from PySide6.QtWidgets import QProgressDialog, QWidget
from typing_extensions import override

from osteodesk.core.constants import RULES_VERSION
from osteodesk.core.worklist import STATUSES, what_text
from osteodesk.storage.due import WorklistEntry
from osteodesk.ui.background import blocking_input
from osteodesk.ui.patients.labels import catalogue_label, catalogue_language, format_date
from osteodesk.ui.session import PatientSession

EntryRole: Final = Qt.ItemDataRole.UserRole + 1  # the WorklistEntry of the row
CodeRole: Final = Qt.ItemDataRole.UserRole + 2  # its contract code on the day shown
StatusRole: Final = Qt.ItemDataRole.UserRole + 3  # overdue, due or upcoming

# Row colours (background, text): overdue red, due within N days amber; upcoming plain.
STATUS_COLOURS: Final[dict[str, tuple[str, str]]] = {
    "overdue": ("#f8c4c4", "#5c0000"),
    "due": ("#ffe3a3", "#4a3300"),
}
URGENT_MARK: Final = "!"
REFRESH_PROGRESS_AFTER_MS: Final = 500  # brief: "show progress for anything over half a second"

# Codes whose patient opens on the Plan tab (doses, courses, reviews, planned starts); the
# rest (DXA, labs, reassessment) open on the Assessment tab.
_PLAN_CODES: Final = frozenset(
    {
        "denosumab_dose_due",
        "denosumab_dose_late",
        "denosumab_last_dose_unknown",
        "denosumab_transition_required",
        "anabolic_course_ending",
        "anabolic_course_complete",
        "bisphosphonate_review_due",
    }
)


class Column(IntEnum):
    """The columns of the worklist, in display order."""

    DUE_DATE = 0
    STATUS = 1
    PATIENT = 2
    CLINIC_ID = 3
    WHAT = 4
    DETAIL = 5


def target_page(entry: WorklistEntry) -> str:
    """Which tab shows what an item is about: ``plan`` or ``assessment``."""
    if entry.code in _PLAN_CODES:
        return "plan"
    if entry.code == "visit_due" and entry.subject.startswith(("dose:", "start:")):
        return "plan"
    return "assessment"


def status_label(status: str, language: str | None = None) -> str:
    """Overdue / due / upcoming in the interface language."""
    return catalogue_label(f"worklist.status.{status}", language)


class WorklistModel(QAbstractTableModel):
    """The worklist lines of one day, most urgent first.

    Args:
        parent: the Qt parent.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._entries: list[WorklistEntry] = []
        self._all: list[WorklistEntry] = []
        self._sort: tuple[int, Qt.SortOrder] | None = None  # None: most urgent first
        self._urgency: list[WorklistEntry] = []
        self._rank: dict[int, int] = {}  # id(entry) -> its place in the urgency order
        self._code: str | None = None  # show only this type

    # --- state ---------------------------------------------------------------------------

    def set_entries(self, entries: Sequence[WorklistEntry]) -> None:
        """Show these lines (in the worklist's order, or the chosen column order)."""
        self.beginResetModel()
        self._all = list(entries)
        self._arrange()
        self.endResetModel()

    def set_code(self, code: str | None) -> None:
        """Show only the lines of this type (a contract code; None: every type)."""
        if code == self._code:
            return
        self.beginResetModel()
        self._code = code
        self._arrange()
        self.endResetModel()

    @property
    def code(self) -> str | None:
        """The type shown (None: every type)."""
        return self._code

    def _arrange(self) -> None:
        code = self._code
        shown = self._all if code is None else [e for e in self._all if e.code == code]
        self._urgency = shown
        self._rank = {id(entry): rank for rank, entry in enumerate(shown)}
        if self._sort is not None:
            self._sort_entries(*self._sort)
        else:
            self._entries = list(shown)

    def entry(self, row: int) -> WorklistEntry | None:
        """The line at `row` (None when out of range)."""
        return self._entries[row] if 0 <= row < len(self._entries) else None

    def entries(self) -> list[WorklistEntry]:
        """Every line, in the order shown."""
        return list(self._entries)

    def status_counts(self) -> dict[str, int]:
        """How many lines of each status."""
        found = dict.fromkeys(STATUSES, 0)
        for item in self._entries:
            found[item.status] += 1
        return found

    def relabel(self) -> None:
        """Show the text again in the language showing now."""
        if self._entries:
            last = self.index(len(self._entries) - 1, len(Column) - 1)
            self.dataChanged.emit(self.index(0, 0), last)
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(Column) - 1)

    def reset_order(self) -> None:
        """Back to most urgent first."""
        self.beginResetModel()
        self._sort = None
        self._entries = list(self._urgency)
        self.endResetModel()

    def all_status_counts(self) -> dict[str, int]:
        """How many lines of each status before the type filter."""
        found = dict.fromkeys(STATUSES, 0)
        for item in self._all:
            found[item.status] += 1
        return found

    # Model interface ####

    @override
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._entries)

    @override
    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(Column)

    @override
    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(Column):
            return None
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        headers = {
            Column.DUE_DATE: self.tr("Due"),
            Column.STATUS: self.tr("Status"),
            Column.PATIENT: self.tr("Patient"),
            Column.CLINIC_ID: self.tr("Clinic ID"),
            Column.WHAT: self.tr("What"),
            Column.DETAIL: self.tr("Details"),
        }
        return headers[Column(section)]

    @override
    def data(
        self,
        index: QModelIndex | QPersistentModelIndex,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if not index.isValid():
            return None
        item = self.entry(index.row())
        if item is None:
            return None
        column = Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(item, column)
        if role == EntryRole:
            return item
        if role == CodeRole:
            return item.code
        if role == StatusRole:
            return item.status
        if role == Qt.ItemDataRole.BackgroundRole:
            colours = STATUS_COLOURS.get(item.status)
            return QColor(colours[0]) if colours else None
        if role == Qt.ItemDataRole.ForegroundRole:
            colours = STATUS_COLOURS.get(item.status)
            return QColor(colours[1]) if colours else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return item.detail(catalogue_language())
        return None

    def _display(self, item: WorklistEntry, column: Column) -> str:
        language = catalogue_language()
        if column == Column.DUE_DATE:
            return format_date(item.due_date)
        if column == Column.STATUS:
            label = status_label(item.status, language)
            return f"{URGENT_MARK} {label}" if item.severity == "urgent" else label
        if column == Column.PATIENT:
            return item.name or ""
        if column == Column.CLINIC_ID:
            return item.display_id
        if column == Column.WHAT:
            return item.what(language)
        return item.detail(language)

    @override
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(Column):
            return
        self.layoutAboutToBeChanged.emit()
        self._sort = (column, order)
        self._sort_entries(column, order)
        self.layoutChanged.emit()

    def _sort_entries(self, column: int, order: Qt.SortOrder) -> None:
        self._entries = list(self._urgency)
        if column == Column.STATUS and order == Qt.SortOrder.AscendingOrder:
            return  # the worklist's own order
        self._entries.sort(
            key=self._sort_key(Column(column)), reverse=order == Qt.SortOrder.DescendingOrder
        )

    def _sort_key(self, column: Column) -> Callable[[WorklistEntry], Any]:
        """Sort keys per column; ties keep the worklist's own (urgency) order (a stable sort)."""
        if column == Column.STATUS:
            rank = self._rank
            return lambda e: rank[id(e)]  # most urgent first: status, severity, due date
        return _sort_key(column)


def _sort_key(column: Column) -> Callable[[WorklistEntry], Any]:
    language = catalogue_language()
    if column == Column.DUE_DATE:
        return lambda e: e.due_date
    if column == Column.PATIENT:
        return lambda e: (e.name or "").casefold()
    if column == Column.CLINIC_ID:
        return lambda e: e.display_id
    if column == Column.WHAT:
        return lambda e: e.what(language)
    return lambda e: e.detail(language)


class WorklistProxyModel(QSortFilterProxyModel):
    """Between the worklist model and the view: type filter and sorting go to the source."""

    def __init__(self, source: WorklistModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setSourceModel(source)
        self._source = source

    def set_code(self, code: str | None) -> None:
        """Show only items of this type (None: every type).

        The source model filters its own list: a proxy filter asks Python about every row
        (0.1-0.3 s for 50,000 lines), one list comprehension takes a few milliseconds.
        """
        self._source.set_code(code)

    @override
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._source.sort(column, order)


NextDueProvider = Callable[[Sequence[int]], Mapping[int, str]]


def next_due_provider(session: PatientSession) -> NextDueProvider:
    """The patient list's "Next due" column: each patient's earliest item not snoozed."""

    def provide(patient_ids: Sequence[int]) -> Mapping[int, str]:
        today = session.today()
        language = catalogue_language()
        found = session.due.next_due(patient_ids, today)
        out: dict[int, str] = {}
        for patient_id, item in found.items():
            what = what_text(item.code_on(today), item.subject, item.params, language)
            out[patient_id] = f"{format_date(item.due_date)} {what}"
        return out

    return provide


def bring_due_up_to_date(session: PatientSession, parent: QWidget | None = None) -> None:
    """Compute the items of patients from before the worklist or under older rules.

    Run once when a database is shown, before the first overdue count (the tab's badge).
    After a rules upgrade that is every patient, some 40 s for 100,000: a modal progress
    dialog shows it (from half a second on) and keeps the window painting.
    """
    if not session.due.has_stale():
        return
    dialog = QProgressDialog(parent)
    dialog.setObjectName("worklist_refresh_progress")
    dialog.setWindowTitle("OsteoDesk")
    dialog.setLabelText(
        QCoreApplication.translate(
            "WorklistModel",
            "Updating the follow-up worklist for the current rules ({version})…",
        ).format(version=RULES_VERSION)
    )
    dialog.setCancelButton(None)  # the worklist must be complete before it is shown
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    dialog.setMinimumDuration(REFRESH_PROGRESS_AFTER_MS)

    def progress(done: int, total: int) -> None:
        dialog.setMaximum(total)
        dialog.setValue(done)  # modal: this also processes events, so the window repaints

    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        with blocking_input():  # setValue runs the event loop: no click may reach the tabs
            session.due.refresh_stale(session.today(), progress=progress)
    finally:
        QGuiApplication.restoreOverrideCursor()
        dialog.close()
        dialog.deleteLater()
