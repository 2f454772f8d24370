"""The patient list as a Qt model: a window onto the database, never all rows at once.

The list must stay quick with 100,000 patients, so the model knows only how many rows there
are and reads pages of `PAGE_SIZE` summaries when the view asks for a row it has not seen
(a small least-recently-used cache of pages). Sorting is done by the database (ORDER BY on
an indexed column) because a proxy cannot sort rows that were never fetched: the proxy model
forwards `sort()` to this model, which re-reads its pages in the new order. A search shows at
most `SEARCH_LIMIT` best matches, held in memory and sorted in memory.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Mapping, Sequence
from enum import IntEnum
from typing import Any, Final

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor, QFont
from typing_extensions import override

from osteodesk.storage.patients import PatientSummary
from osteodesk.ui.patients.labels import catalogue_label, drug_label, format_date, format_number
from osteodesk.ui.session import PatientSession

PAGE_SIZE: Final = 200
MAX_CACHED_PAGES: Final = 12  # 2,400 summaries at most: a few screens either way
SEARCH_LIMIT: Final = 200  # with their list lines: ~4 ms at 100,000 patients
SEARCH_PAGES: Final = 3  # pages read either way when looking for a patient to select

PatientRole: Final = Qt.ItemDataRole.UserRole + 1  # the PatientSummary of the row
PatientIdRole: Final = Qt.ItemDataRole.UserRole + 2  # its internal number
RiskRole: Final = Qt.ItemDataRole.UserRole + 3  # the risk category code, or None

# Risk colours (background, text): red, orange, yellow, green, readable in both themes.
RISK_COLOURS: Final[dict[str, tuple[str, str]]] = {
    "very_high": ("#d32f2f", "#ffffff"),
    "high": ("#f57c00", "#000000"),
    "moderate": ("#fbc02d", "#000000"),
    "low": ("#388e3c", "#ffffff"),
}
ARCHIVED_COLOUR: Final = "#808080"

NextDueProvider = Callable[[Sequence[int]], Mapping[int, str]]
RiskProvider = Callable[[Sequence[int]], Mapping[int, str]]


def no_next_due(patient_ids: Sequence[int]) -> Mapping[int, str]:
    """The next-due column's hook until the worklist issue adds a table of due items.

    TODO(worklist issue): replace with a provider that reads the due table in one query per
    page; `PatientListModel.set_next_due_provider` plugs it in.
    """
    return {}


class Column(IntEnum):
    """The columns of the patient list, in display order."""

    NAME = 0
    SEX = 1
    AGE = 2
    CLINIC_ID = 3
    LOWEST_T = 4
    RISK = 5
    TREATMENT = 6
    NEXT_DUE = 7


# Column -> (storage order, whether ascending in the column means descending in storage).
SORTABLE_COLUMNS: Final[dict[Column, tuple[str, bool]]] = {
    Column.NAME: ("name", False),
    Column.AGE: ("birth_date", True),  # older first = earlier birth date first
    Column.LOWEST_T: ("lowest_t", False),
}
DEFAULT_SORT: Final = (Column.NAME, Qt.SortOrder.AscendingOrder)


def latest_risk_categories(session: PatientSession) -> RiskProvider:
    """A risk provider reading each patient's latest saved assessment (blank when none)."""

    def provide(patient_ids: Sequence[int]) -> Mapping[int, str]:
        found: dict[int, str] = {}
        for patient_id in patient_ids:
            assessment = session.assessments.latest(patient_id)
            if assessment is None:
                continue
            category = assessment.evaluation_json.get("risk", {}).get("category")
            if isinstance(category, str):
                found[patient_id] = category
        return found

    return provide


class PatientListModel(QAbstractTableModel):
    """The patients of the open database, one row each, read a page at a time.

    Args:
        session: the open database's session (repositories and today's date).
        risk_provider: risk categories for a page of ids (default: latest saved assessment).
        parent: the Qt parent.
    """

    def __init__(
        self,
        session: PatientSession,
        *,
        risk_provider: RiskProvider | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._risk_provider = risk_provider or latest_risk_categories(session)
        self._next_due_provider: NextDueProvider = no_next_due
        self._query = ""
        self._include_archived = False
        self._list_sort: tuple[Column, Qt.SortOrder] = DEFAULT_SORT
        self._count = 0
        self._pages: OrderedDict[int, list[PatientSummary]] = OrderedDict()
        self._search_rows: list[PatientSummary] | None = None
        self._search_sort: tuple[Column, Qt.SortOrder] | None = None  # None: best match first
        self._risk: dict[int, str] = {}
        self._next_due: dict[int, str] = {}
        self._next_due_stale = False  # texts of another language, to be asked for again
        self._as_of = session.today()
        self._count = self._read_count()

    # --- state ---------------------------------------------------------------------------

    @property
    def query(self) -> str:
        """The search text (empty: the whole list)."""
        return self._query

    @property
    def include_archived(self) -> bool:
        """Whether archived patients are listed."""
        return self._include_archived

    @property
    def list_sort(self) -> tuple[Column, Qt.SortOrder]:
        """The order of the whole list (column, Qt order)."""
        return self._list_sort

    @property
    def is_searching(self) -> bool:
        """Whether the rows are search results rather than the whole list."""
        return self._search_rows is not None

    def loaded_row_count(self) -> int:
        """How many summaries are in memory now (the rest is still in the database)."""
        if self._search_rows is not None:
            return len(self._search_rows)
        return sum(len(page) for page in self._pages.values())

    def set_next_due_provider(self, provider: NextDueProvider) -> None:
        """Plug in the source of the next-due column (the worklist issue)."""
        self._next_due_provider = provider
        self.refresh()

    def set_query(self, text: str) -> None:
        """Show the best matches for `text`, or the whole list when it is blank."""
        text = text.strip()
        if text == self._query:
            return
        self._query = text
        self._search_sort = None
        self.refresh()

    def set_include_archived(self, include: bool) -> None:
        """List archived patients too, or not."""
        if include == self._include_archived:
            return
        self._include_archived = include
        self.refresh()

    def refresh(self) -> None:
        """Read everything again (patients were added, changed, archived or deleted)."""
        self.beginResetModel()
        self._pages.clear()
        self._risk.clear()
        self._next_due.clear()
        self._next_due_stale = False
        self._as_of = self._session.today()
        if self._query:
            self._search_rows = self._session.search.search(
                self._query,
                limit=SEARCH_LIMIT,
                include_archived=self._include_archived,
                as_of=self._as_of,
            )
            if self._search_sort is not None:
                self._sort_search_rows(*self._search_sort)
            self._annotate(self._search_rows)
            self._count = len(self._search_rows)
        else:
            self._search_rows = None
            self._count = self._read_count()
        self.endResetModel()

    def relabel(self) -> None:
        """Show the text again in the language showing now (no re-read of the patients).

        The "Next due" texts are sentences, not codes: they are asked for again when next shown
        (not here: a language change also arrives while the window closes its database).
        """
        self._next_due_stale = bool(self._next_due)
        if self.rowCount() > 0:
            last = self.index(self.rowCount() - 1, self.columnCount() - 1)
            self.dataChanged.emit(self.index(0, 0), last)
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)

    def summary(self, row: int) -> PatientSummary | None:
        """The summary at `row` (reads its page if needed); None when out of range."""
        if row < 0 or row >= self._count:
            return None
        if self._search_rows is not None:
            return self._search_rows[row]
        number, offset = divmod(row, PAGE_SIZE)
        page = self._pages.get(number)
        if page is None:
            page = self._load_page(number)
        else:
            self._pages.move_to_end(number)
        return page[offset] if offset < len(page) else None

    def row_of(self, patient_id: int) -> int | None:
        """The row of a patient among the rows in memory (None if not loaded or not listed)."""
        if self._search_rows is not None:
            rows = enumerate(self._search_rows)
            return next((row for row, s in rows if s.id == patient_id), None)
        for number, page in self._pages.items():
            for offset, item in enumerate(page):
                if item.id == patient_id:
                    return number * PAGE_SIZE + offset
        return None

    def find_row(
        self, patient_id: int, *, near_row: int = 0, max_pages: int = SEARCH_PAGES
    ) -> int | None:
        """The row of a patient, reading up to `max_pages` pages around `near_row` if needed.

        Bounded on purpose: on a long list a patient far from `near_row` is not worth reading
        thousands of rows for (None is returned and nothing is selected).
        """
        found = self.row_of(patient_id)
        if found is not None or self._search_rows is not None or self._count == 0:
            return found
        centre = min(max(near_row, 0), self._count - 1) // PAGE_SIZE
        last_page = (self._count - 1) // PAGE_SIZE
        for distance in range(max_pages):
            for number in {centre - distance, centre + distance}:
                if 0 <= number <= last_page and number not in self._pages:
                    page = self._load_page(number)
                    for offset, item in enumerate(page):
                        if item.id == patient_id:
                            return number * PAGE_SIZE + offset
        return None

    def _read_count(self) -> int:
        return self._session.patients.count(include_archived=self._include_archived)

    def _load_page(self, number: int) -> list[PatientSummary]:
        column, order = self._list_sort
        storage_order, inverted = SORTABLE_COLUMNS[column]
        descending = (order == Qt.SortOrder.DescendingOrder) != inverted
        page = self._session.patients.list_summaries(
            offset=number * PAGE_SIZE,
            limit=PAGE_SIZE,
            order=storage_order,
            descending=descending,
            include_archived=self._include_archived,
            as_of=self._as_of,
        )
        self._pages[number] = page
        while len(self._pages) > MAX_CACHED_PAGES:
            _, dropped = self._pages.popitem(last=False)
            for item in dropped:
                self._risk.pop(item.id, None)
                self._next_due.pop(item.id, None)
        self._annotate(page)
        return page

    def _annotate(self, rows: Sequence[PatientSummary]) -> None:
        ids = [item.id for item in rows]
        self._risk.update(self._risk_provider(ids))
        self._next_due.update(self._next_due_provider(ids))

    # Model interface ####

    @override
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else self._count

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
        if role == Qt.ItemDataRole.DisplayRole:
            return self._header_text(Column(section))
        if role == Qt.ItemDataRole.ToolTipRole and Column(section) in SORTABLE_COLUMNS:
            return self.tr("Click to sort by this column")
        return None

    def _header_text(self, column: Column) -> str:
        headers = {
            Column.NAME: self.tr("Name"),
            Column.SEX: self.tr("Sex"),
            Column.AGE: self.tr("Age"),
            Column.CLINIC_ID: self.tr("Clinic ID"),
            Column.LOWEST_T: self.tr("Lowest T-score"),
            Column.RISK: self.tr("Risk"),
            Column.TREATMENT: self.tr("Current treatment"),
            Column.NEXT_DUE: self.tr("Next due"),
        }
        return headers[column]

    @override
    def data(
        self,
        index: QModelIndex | QPersistentModelIndex,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if not index.isValid() or index.column() >= len(Column):
            return None
        item = self.summary(index.row())
        if item is None:
            return None
        column = Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(item, column)
        if role == PatientRole:
            return item
        if role == PatientIdRole:
            return item.id
        if role == RiskRole:
            return self._risk.get(item.id)
        if role == Qt.ItemDataRole.BackgroundRole and column == Column.RISK:
            colours = RISK_COLOURS.get(self._risk.get(item.id, ""))
            return QColor(colours[0]) if colours else None
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == Column.RISK and item.id in self._risk:
                colours = RISK_COLOURS.get(self._risk[item.id])
                return QColor(colours[1]) if colours else None
            return QColor(ARCHIVED_COLOUR) if item.archived else None
        if role == Qt.ItemDataRole.FontRole and item.archived:
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (Column.AGE, Column.LOWEST_T):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(item, column)
        return None

    def _display(self, item: PatientSummary, column: Column) -> str:
        if column == Column.NAME:
            return item.name or ""
        if column == Column.SEX:
            return self.tr("Female") if item.sex == "female" else self.tr("Male")
        if column == Column.AGE:
            return str(item.age)
        if column == Column.CLINIC_ID:
            return item.display_id
        if column == Column.LOWEST_T:
            return format_number(item.lowest_t, 1)
        if column == Column.RISK:
            risk = self._risk.get(item.id)
            return catalogue_label(f"risk.{risk}") if risk else ""
        if column == Column.TREATMENT:
            return drug_label(item.current_drug) if item.current_drug else ""
        if self._next_due_stale:
            self._next_due_stale = False
            self._next_due = dict(self._next_due_provider(list(self._next_due)))
        return self._next_due.get(item.id, "")

    def _tooltip(self, item: PatientSummary, column: Column) -> str | None:
        if item.archived:
            return self.tr("Archived")
        if column == Column.LOWEST_T and item.lowest_t_date is not None:
            return self.tr("DXA of {date}").format(date=format_date(item.lowest_t_date))
        if column == Column.RISK and item.id in self._risk:
            return self.tr("From the latest saved assessment")
        return None

    @override
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if column not in SORTABLE_COLUMNS:
            return
        key = Column(column)
        # A reset rather than a layout change: in list mode every row is a different patient.
        self.beginResetModel()
        if self._search_rows is not None:
            self._search_sort = (key, order)
            self._sort_search_rows(key, order)
        else:
            self._list_sort = (key, order)
            self._pages.clear()
        self.endResetModel()

    def _sort_search_rows(self, column: Column, order: Qt.SortOrder) -> None:
        assert self._search_rows is not None
        self._search_rows.sort(
            key=_memory_sort_key(column), reverse=order == Qt.SortOrder.DescendingOrder
        )


def _memory_sort_key(column: Column) -> Callable[[PatientSummary], Any]:
    """Sort keys for search results, agreeing with the storage orders of the whole list."""
    if column == Column.NAME:
        return lambda s: ((s.name_pinyin or s.name or "").casefold(), s.id)
    if column == Column.AGE:
        return lambda s: (s.age, s.id)
    # Unknown T-scores first, as SQLite orders NULL first.
    return lambda s: (s.lowest_t is not None, s.lowest_t or 0.0, s.id)


class PatientProxyModel(QSortFilterProxyModel):
    """Sits between the list model and the view; sorting is delegated to the database.

    A proxy sorts the rows it holds; the list model holds a few pages only, so `sort()` is
    passed to the source model (ORDER BY in storage) and the proxy keeps the source order.
    """

    def __init__(self, source: PatientListModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setSourceModel(source)
        self._source = source

    @override
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._source.sort(column, order)
