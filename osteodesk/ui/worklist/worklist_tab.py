"""The Worklist tab: the day's due items, done and snooze, printing, CSV and a patient's calendar.

Everything goes through the session (``session.due``, ``session.mark_due_done``,
``session.snooze_due``), whose ``patients_changed`` then reaches every tab. The list is read
again when it is shown after a change; the overdue count for the tab's badge is one indexed
count and is kept current even while another tab is showing.
"""

from __future__ import annotations

import html
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Final

from PySide6.QtCore import QEvent, QModelIndex, QSettings, Qt, Signal
from PySide6.QtGui import QShowEvent, QTextDocument
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QVBoxLayout, QWidget
from typing_extensions import override

from osteodesk.core.icalendar import schedule_calendar
from osteodesk.core.worklist import DUE_CODES, STATUSES, code_label, csv_text
from osteodesk.storage.due import DueItemNotFoundError, WorklistEntry
from osteodesk.ui.patients.labels import catalogue_language, format_date
from osteodesk.ui.session import PatientSession
from osteodesk.ui.worklist import dialogs
from osteodesk.ui.worklist.worklist_model import (
    Column,
    WorklistModel,
    WorklistProxyModel,
    bring_due_up_to_date,
    status_label,
    target_page,
)
from osteodesk.ui.worklist.worklist_view import DEFAULT_WITHIN_DAYS, WorklistView

WITHIN_KEY: Final = "worklist/within_days"
CSV_FILTER: Final = "CSV (*.csv)"
ICS_FILTER: Final = "iCalendar (*.ics)"
PRINT_FONT_PT: Final = 9


class WorklistTab(QWidget):
    """Who is due, who is late, and what for.

    Signals:
        patient_open_requested(int, str): open this patient (internal id) on a tab, ``plan``
            (doses, courses, reviews) or ``assessment`` (DXA, labs, reassessment).
        overdue_count_changed(int): items overdue today (snoozed left out): the tab's badge.
    """

    patient_open_requested = Signal(int, str)
    overdue_count_changed = Signal(int)

    def __init__(
        self,
        session: PatientSession,
        *,
        settings: QSettings | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("worklist_tab")
        self.session = session
        self._settings = settings
        self._stale = True
        self.overdue_count = 0
        self.view = WorklistView()
        self.model = WorklistModel(self)
        self.proxy = WorklistProxyModel(self.model, self)
        self.view.table.setModel(self.proxy)
        self.view.size_columns()
        # The list arrives most urgent first: the Status column's ascending order.
        self.view.table.horizontalHeader().setSortIndicator(
            int(Column.STATUS), Qt.SortOrder.AscendingOrder
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        if settings is not None:
            saved = settings.value(WITHIN_KEY, DEFAULT_WITHIN_DAYS)
            self.view.within_spin.setValue(_int(saved, DEFAULT_WITHIN_DAYS))
        self._connect_signals()
        self.retranslate_ui()
        bring_due_up_to_date(session)
        self.update_badge()

    # --- queries -------------------------------------------------------------------------

    @property
    def within_days(self) -> int:
        """How far ahead "due" reaches (the spin box)."""
        return self.view.within_spin.value()

    def selected_entry(self) -> WorklistEntry | None:
        """The line selected in the list."""
        index = self.view.table.currentIndex()
        if not index.isValid():
            return None
        return self.model.entry(self.proxy.mapToSource(index).row())

    def visible_entries(self) -> list[WorklistEntry]:
        """The lines shown (after the type filter), in the order shown."""
        out: list[WorklistEntry] = []
        for row in range(self.proxy.rowCount()):
            source = self.proxy.mapToSource(self.proxy.index(row, 0)).row()
            entry = self.model.entry(source)
            if entry is not None:
                out.append(entry)
        return out

    # --- operations ----------------------------------------------------------------------

    def reload(self) -> None:
        """Read the day's worklist again."""
        entries = self.session.due.worklist(
            self.session.today(),
            self.within_days,
            include_snoozed=self.view.show_snoozed_check.isChecked(),
        )
        selected = self.selected_entry()
        self.model.set_entries(entries)
        self._select(selected)
        self._stale = False
        self._update_counts()
        self._update_actions()
        self.update_badge()

    def update_badge(self) -> None:
        """Count today's overdue items and tell the window."""
        self.overdue_count = self.session.due.overdue_count(self.session.today())
        self.overdue_count_changed.emit(self.overdue_count)

    def open_selected(self) -> None:
        """Ask for the selected line's patient on the tab its item belongs to."""
        entry = self.selected_entry()
        if entry is not None:
            self.patient_open_requested.emit(entry.patient_id, target_page(entry))

    def mark_selected_done(self) -> None:
        """Ask for the date (and a note) and record the selected item as done."""
        entry = self.selected_entry()
        if entry is None:
            return
        if entry.patient_id == self.session.patient_id and self.session.has_unsaved_changes:
            dialogs.tell(
                self,
                self.tr("Unsaved changes"),
                self.tr("Save or discard the open patient's changes first."),
            )
            return
        answer = dialogs.ask_done(self, entry, self.session.today())
        if answer is None:
            return
        try:
            self.session.mark_due_done(entry, answer.day, answer.note)
        except (ValueError, DueItemNotFoundError, RuntimeError) as exc:
            dialogs.tell(self, self.tr("Not recorded"), str(exc))
        self.reload()

    def snooze_selected(self) -> None:
        """Ask until when and why, then hide the selected item until that day."""
        entry = self.selected_entry()
        if entry is None:
            return
        answer = dialogs.ask_snooze(self, entry, self.session.today())
        if answer is None:
            return
        try:
            self.session.snooze_due(entry, answer.until, answer.reason)
        except (ValueError, DueItemNotFoundError) as exc:
            dialogs.tell(self, self.tr("Not snoozed"), str(exc))
        self.reload()

    def print_list(self) -> None:
        """Print the lines shown (the print dialog chooses the printer or a PDF file)."""
        printer = dialogs.ask_printer(self)
        if printer is not None:
            self.print_to(printer)

    def print_to(self, printer: QPrinter) -> None:
        """Render the lines shown on `printer` (a table, one line per item)."""
        document = QTextDocument()
        font = document.defaultFont()
        font.setPointSize(PRINT_FONT_PT)
        document.setDefaultFont(font)
        document.setHtml(self.print_html())
        document.print_(printer)

    def print_html(self) -> str:
        """The printed list as HTML (title, counts, the table)."""
        language = catalogue_language()
        today = self.session.today()
        headers = [self.model.headerData(c, Qt.Orientation.Horizontal) for c in range(len(Column))]
        rows = []
        for entry in self.visible_entries():
            cells = [
                format_date(entry.due_date),
                status_label(entry.status, language),
                entry.name or "",
                entry.display_id,
                entry.what(language),
                entry.detail(language),
            ]
            rows.append("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in cells) + "</tr>")
        title = self.tr("Follow-up worklist, {date}: due within {days} days").format(
            date=format_date(today), days=self.within_days
        )
        head = "".join(f"<th align='left'>{html.escape(str(h))}</th>" for h in headers)
        return (
            f"<h3>{html.escape(title)}</h3><p>{html.escape(self.view.count_label.text())}</p>"
            f"<table border='1' cellspacing='0' cellpadding='3' width='100%'>"
            f"<tr>{head}</tr>{''.join(rows)}</table>"
        )

    def export_csv(self) -> Path | None:
        """Save the lines shown as CSV (UTF-8 with the byte-order mark Excel needs)."""
        suggested = Path.home() / f"worklist-{self.session.today().isoformat()}.csv"
        path = dialogs.ask_save_path(self, self.tr("Export the worklist"), suggested, CSV_FILTER)
        if path is None:
            return None
        language = catalogue_language()
        text = csv_text(entry.line(language) for entry in self.visible_entries())
        path.write_text("\ufeff" + text, encoding="utf-8", newline="")
        return path

    def export_calendar(self) -> Path | None:
        """Save the selected patient's schedule as an iCalendar file (.ics) for a phone."""
        entry = self.selected_entry()
        if entry is None:
            return None
        suggested = Path.home() / f"osteodesk-{entry.display_id}.ics"
        path = dialogs.ask_save_path(
            self, self.tr("Save the patient's calendar"), suggested, ICS_FILTER
        )
        if path is None:
            return None
        record = self.session.patients.get(entry.patient_id)
        language = record.language if record.language in ("zh_CN", "en") else None
        text = schedule_calendar(
            self.session.due.schedule(entry.patient_id),
            patient=entry.display_id,
            name=entry.name,
            lang=language or catalogue_language(),
            stamp=datetime.now(UTC),
        )
        path.write_text(text, encoding="utf-8", newline="")
        return path

    def retranslate_ui(self) -> None:
        """Every visible string in the interface language."""
        self.view.retranslate_ui()
        combo = self.view.type_combo
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(self.tr("All types"), None)
        language = catalogue_language()
        for code in DUE_CODES:
            combo.addItem(code_label(code, language), code)
        found = combo.findData(current)
        combo.setCurrentIndex(max(found, 0))
        combo.blockSignals(False)
        self.model.relabel()
        self._update_counts()

    # --- internals -----------------------------------------------------------------------

    def _select(self, previous: WorklistEntry | None) -> None:
        """Select the line of the same patient and item again, else the first line."""
        row = 0
        if previous is not None:
            wanted = previous.key
            row = next(
                (i for i, entry in enumerate(self.model.entries()) if entry.key == wanted), 0
            )
        source = self.model.index(row, 0)
        proxy_index = self.proxy.mapFromSource(source)
        if not proxy_index.isValid():
            proxy_index = self.proxy.index(0, 0)
        if proxy_index.isValid():
            self.view.table.setCurrentIndex(proxy_index)

    def _update_counts(self) -> None:
        counts = self.model.status_counts()
        shown = self.proxy.rowCount()
        parts = [f"{counts[s]} {status_label(s)}" for s in STATUSES]
        text = self.tr("{shown} items shown: {counts}").format(
            shown=shown, counts=" · ".join(parts)
        )
        self.view.count_label.setText(text)

    def _update_actions(self) -> None:
        entry = self.selected_entry()
        for button in (
            self.view.open_button,
            self.view.done_button,
            self.view.snooze_button,
            self.view.calendar_button,
        ):
            button.setEnabled(entry is not None)
        has_rows = self.proxy.rowCount() > 0
        self.view.print_button.setEnabled(has_rows)
        self.view.export_button.setEnabled(has_rows)

    def _connect_signals(self) -> None:
        view = self.view
        view.within_spin.valueChanged.connect(self._on_within_spin_value_changed)
        view.type_combo.currentIndexChanged.connect(self._on_type_combo_current_index_changed)
        view.show_snoozed_check.toggled.connect(self._on_show_snoozed_check_toggled)
        view.table.doubleClicked.connect(self._on_table_double_clicked)
        view.table.selectionModel().currentChanged.connect(self._on_table_current_changed)
        view.open_button.clicked.connect(self.open_selected)
        view.done_button.clicked.connect(self.mark_selected_done)
        view.snooze_button.clicked.connect(self.snooze_selected)
        view.print_button.clicked.connect(self.print_list)
        view.export_button.clicked.connect(self.export_csv)
        view.calendar_button.clicked.connect(self.export_calendar)
        self.session.patients_changed.connect(self._on_session_changed)
        self.session.plans_changed.connect(self._on_session_changed)

    # Slots ####

    def _on_within_spin_value_changed(self, value: int) -> None:
        if self._settings is not None:
            self._settings.setValue(WITHIN_KEY, value)
        self.reload()

    def _on_type_combo_current_index_changed(self, _index: int) -> None:
        code = self.view.type_combo.currentData()
        self.proxy.set_code(code if isinstance(code, str) else None)
        self._update_counts()
        self._update_actions()

    def _on_show_snoozed_check_toggled(self, _checked: bool) -> None:
        self.reload()

    def _on_table_double_clicked(self, _index: QModelIndex) -> None:
        self.open_selected()

    def _on_table_current_changed(self, _current: QModelIndex, _previous: QModelIndex) -> None:
        self._update_actions()

    def _on_session_changed(self, *_args: Any) -> None:
        if self.isVisible():
            self.reload()
        else:
            self._stale = True
            self.update_badge()

    # Qt overrides ####

    @override
    def showEvent(self, event: QShowEvent) -> None:
        if self._stale:
            self.reload()
        super().showEvent(event)

    @override
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


def _int(value: object, default: int) -> int:
    try:
        return int(str(value))
    except ValueError:
        return default
