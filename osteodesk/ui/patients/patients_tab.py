"""The Patients tab: find, add, edit, archive and delete patients (the controller).

Two pages: the patient list (search box, actions, the lazily read list) and the patient form.
Opening a patient (double-click or Enter) asks the main window for the Assessment tab through
`patient_activated`; every change goes through the session, whose `patients_changed` makes
the list read itself again.
"""

from __future__ import annotations

from typing import Final

from PySide6.QtCore import QByteArray, QEvent, QModelIndex, QObject, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QStackedWidget, QVBoxLayout, QWidget
from typing_extensions import override

from osteodesk.storage.patients import PatientSummary
from osteodesk.ui.patients import dialogs
from osteodesk.ui.patients.dialogs import UnsavedChoice
from osteodesk.ui.patients.patient_form import PatientForm
from osteodesk.ui.patients.patients_tab_view import PatientListView
from osteodesk.ui.patients.table_model import (
    SEARCH_LIMIT,
    SORTABLE_COLUMNS,
    Column,
    PatientListModel,
    PatientProxyModel,
    PatientRole,
)
from osteodesk.ui.session import PatientSession

SEARCH_DELAY_MS: Final = 150  # typing pauses longer than this run the search
UNDO_VISIBLE_MS: Final = 10_000
HEADER_STATE_KEY: Final = "patients/list_header"
DEFAULT_COLUMN_WIDTHS: Final[dict[Column, int]] = {
    Column.NAME: 160,
    Column.SEX: 60,
    Column.AGE: 50,
    Column.CLINIC_ID: 120,
    Column.LOWEST_T: 110,
    Column.RISK: 150,
    Column.TREATMENT: 210,
}


class PatientsTab(QWidget):
    """The patient list, its search box and the patient form.

    Signals:
        patient_activated(int): the clinician opened this patient (internal id); it is the
            session's open patient now, and the main window shows the Assessment tab.
    """

    patient_activated = Signal(int)

    def __init__(
        self, session: PatientSession, *, settings: QSettings, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("patients_tab")
        self.session = session
        self._settings = settings

        self.list_page = PatientListView()
        self.form = PatientForm(session)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.list_page)
        self.pages.addWidget(self.form)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)

        self.model = PatientListModel(session, parent=self)
        self.proxy = PatientProxyModel(self.model, parent=self)
        self.list_page.list_view.setModel(self.proxy)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._undo_timer = QTimer(self)
        self._undo_timer.setSingleShot(True)
        self._undo_timer.setInterval(UNDO_VISIBLE_MS)
        self._archived_for_undo: int | None = None
        self._archived_row = 0
        # The arrow the header shows: (column, order), column -1 for none (best match first).
        self._shown_sort: tuple[int, Qt.SortOrder] = (-1, Qt.SortOrder.AscendingOrder)

        self._restore_header()
        self._connect_signals()
        self.retranslate_ui()
        self._update_actions()

    # --- public operations (menus and shortcuts of the main window) ----------------------

    def focus_search(self) -> None:
        """Show the list and put the cursor in the search box, its text selected (Ctrl+F)."""
        if self.pages.currentWidget() is self.form and not self.confirm_leave():
            return
        self.pages.setCurrentWidget(self.list_page)
        self.list_page.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.list_page.search_edit.selectAll()

    def new_patient(self) -> None:
        """Show a blank form for a new patient (Ctrl+N), asking about unsaved changes first."""
        if not self.confirm_leave():
            return
        self.form.start_new()
        self.pages.setCurrentWidget(self.form)
        self.form.view.name_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def edit_patient(self, patient_id: int) -> None:
        """Show a patient in the form."""
        if not self._open(patient_id):
            return
        self.form.edit_open_patient()
        self.pages.setCurrentWidget(self.form)
        self.form.view.name_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def activate_patient(self, patient_id: int) -> None:
        """Open a patient and ask for the Assessment tab (double-click or Enter)."""
        if self._open(patient_id):
            self.patient_activated.emit(patient_id)

    def show_list(self) -> None:
        """Show the patient list (after asking about unsaved changes)."""
        if self.confirm_leave():
            self.pages.setCurrentWidget(self.list_page)
            if self.session.patient_id is not None:
                self._select_patient(self.session.patient_id)
            self.list_page.list_view.setFocus(Qt.FocusReason.OtherFocusReason)

    def confirm_leave(self) -> bool:
        """Ask Save / Discard / Cancel when leaving would lose changes; True to go on."""
        if not self.form.needs_save():
            return True
        record = self.session.record
        name = (record.name or record.id or "") if record is not None else ""
        choice = dialogs.ask_save_changes(self, name)
        if choice == UnsavedChoice.SAVE:
            if self.form.save():
                return True
            self.pages.setCurrentWidget(self.form)  # the form lists what to correct
            return False
        if choice == UnsavedChoice.DISCARD:
            self.form.discard()
            return True
        return False

    def selected_summary(self) -> PatientSummary | None:
        """The patient selected in the list, if any."""
        index = self.list_page.list_view.currentIndex()
        if not index.isValid():
            return None
        item = index.data(PatientRole)
        return item if isinstance(item, PatientSummary) else None

    def archive_selected(self) -> None:
        """Archive the selected patient (or show an archived one again); undo for 10 s."""
        item = self.selected_summary()
        if item is None:
            return
        if item.archived:
            self.session.unarchive_patient(item.id)
            self._hide_undo()
            return
        self._archived_row = self.list_page.list_view.currentIndex().row()
        self.session.archive_patient(item.id)
        self._archived_for_undo = item.id
        self.list_page.undo_label.setText(
            self.tr("{name} was archived.").format(name=item.name or item.display_id)
        )
        self.list_page.undo_bar.show()
        self._undo_timer.start()

    def undo_archive(self) -> None:
        """Show the patient archived last again."""
        if self._archived_for_undo is not None:
            patient_id = self._archived_for_undo
            self._hide_undo()
            self.session.unarchive_patient(patient_id)
            self._select_patient(patient_id, near_row=self._archived_row)

    def delete_selected(self) -> None:
        """Delete the selected patient after a confirmation."""
        item = self.selected_summary()
        if item is None:
            return
        if not dialogs.confirm_delete(self, item.name or item.display_id):
            return
        if item.id == self._archived_for_undo:
            self._hide_undo()
        self.session.delete_patient(item.id)

    def run_search(self) -> None:
        """Search now (the box waits for a pause in typing otherwise)."""
        self._search_timer.stop()
        text = self.list_page.search_edit.text()
        previous_query = self.model.query
        self.model.set_query(text)
        if self.model.query != previous_query:
            if self.model.is_searching:
                # Best match first: no column order applies until a header is clicked.
                self._show_sort_indicator(-1, Qt.SortOrder.AscendingOrder)
            else:
                column, order = self.model.list_sort
                self._show_sort_indicator(int(column), order)
        self._select_first_row()
        self._update_count()

    # --- internals -----------------------------------------------------------------------

    def _open(self, patient_id: int) -> bool:
        if patient_id != self.session.patient_id:
            if not self.confirm_leave():
                return False
            self.session.open_patient(patient_id)
        return True

    def _current_patient_id(self) -> int | None:
        item = self.selected_summary()
        return item.id if item is not None else None

    def _select_patient(self, patient_id: int, *, near_row: int | None = None) -> None:
        """Select a patient if listed; `near_row` says where to read when nothing is loaded."""
        row = self.model.find_row(patient_id, near_row=max(near_row or 0, 0))
        if row is None:
            return
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        self.list_page.list_view.setCurrentIndex(index)
        self.list_page.list_view.scrollTo(index)

    def _select_first_row(self) -> None:
        if self.proxy.rowCount() > 0:
            self.list_page.list_view.setCurrentIndex(self.proxy.index(0, 0))
        self._update_actions()

    def _hide_undo(self) -> None:
        self._archived_for_undo = None
        self._undo_timer.stop()
        self.list_page.undo_bar.hide()

    def _update_count(self) -> None:
        count = self.model.rowCount()
        if self.model.is_searching and count >= SEARCH_LIMIT:
            text = self.tr("The best {count} matches: type more to narrow").format(count=count)
        elif self.model.is_searching:
            text = self.tr("Matches: {count}").format(count=count)
        else:
            text = self.tr("Patients: {count}").format(count=count)
        self.list_page.count_label.setText(text)

    def _update_actions(self) -> None:
        item = self.selected_summary()
        page = self.list_page
        for button in (page.open_button, page.edit_button, page.archive_button, page.delete_button):
            button.setEnabled(item is not None)
        page.archive_button.setText(
            self.tr("Unarchi&ve") if item is not None and item.archived else self.tr("Archi&ve")
        )

    def _restore_header(self) -> None:
        header = self.list_page.list_view.horizontalHeader()
        for column, width in DEFAULT_COLUMN_WIDTHS.items():
            header.resizeSection(int(column), width)
        state = self._settings.value(HEADER_STATE_KEY)
        restored = isinstance(state, QByteArray) and header.restoreState(state)
        # Without a saved state the header's own default (column 0, descending) is no choice.
        section = header.sortIndicatorSection()
        if restored and section in SORTABLE_COLUMNS:
            self.model.sort(section, header.sortIndicatorOrder())
        column, order = self.model.list_sort
        self._show_sort_indicator(int(column), order)

    def _show_sort_indicator(self, section: int, order: Qt.SortOrder) -> None:
        header = self.list_page.list_view.horizontalHeader()
        self._shown_sort = (section, order)
        header.blockSignals(True)
        try:
            header.setSortIndicator(section, order)
        finally:
            header.blockSignals(False)

    def _save_header(self) -> None:
        header = self.list_page.list_view.horizontalHeader()
        self._settings.setValue(HEADER_STATE_KEY, header.saveState())

    def _connect_signals(self) -> None:
        page = self.list_page
        page.search_edit.textChanged.connect(self._on_search_edit_text_changed)
        page.search_edit.installEventFilter(self)
        self._search_timer.timeout.connect(self.run_search)
        page.show_archived_check.toggled.connect(self._on_show_archived_check_toggled)
        page.new_button.clicked.connect(self.new_patient)
        page.open_button.clicked.connect(self._on_open_button_clicked)
        page.edit_button.clicked.connect(self._on_edit_button_clicked)
        page.archive_button.clicked.connect(self.archive_selected)
        page.delete_button.clicked.connect(self.delete_selected)
        page.undo_button.clicked.connect(self.undo_archive)
        self._undo_timer.timeout.connect(self._hide_undo)
        page.list_view.doubleClicked.connect(self._on_list_view_double_clicked)
        page.list_view.installEventFilter(self)
        page.list_view.selectionModel().currentRowChanged.connect(self._on_list_current_changed)
        self.proxy.modelReset.connect(self._update_actions)
        header = page.list_view.horizontalHeader()
        header.sortIndicatorChanged.connect(self._on_header_sort_indicator_changed)
        header.sectionResized.connect(self._save_header)
        header.sectionMoved.connect(self._save_header)
        self.form.back_requested.connect(self.show_list)
        self.form.patient_saved.connect(self._on_form_patient_saved)
        self.session.patients_changed.connect(self._on_session_patients_changed)

    # Slots ####

    def _on_search_edit_text_changed(self, _text: str) -> None:
        self._search_timer.start()

    def _on_show_archived_check_toggled(self, checked: bool) -> None:
        selected = self._current_patient_id()
        self.model.set_include_archived(checked)
        self._update_count()
        if selected is not None:
            self._select_patient(selected)
        self._update_actions()

    def _on_open_button_clicked(self) -> None:
        patient_id = self._current_patient_id()
        if patient_id is not None:
            self.activate_patient(patient_id)

    def _on_edit_button_clicked(self) -> None:
        patient_id = self._current_patient_id()
        if patient_id is not None:
            self.edit_patient(patient_id)

    def _on_list_view_double_clicked(self, index: QModelIndex) -> None:
        item = index.data(PatientRole)
        if isinstance(item, PatientSummary):
            self.activate_patient(item.id)

    def _on_list_current_changed(self, _current: QModelIndex, _previous: QModelIndex) -> None:
        self._update_actions()

    def _on_header_sort_indicator_changed(self, section: int, order: Qt.SortOrder) -> None:
        if section not in SORTABLE_COLUMNS:
            # Only indexed columns sort (the database orders them); put the arrow back.
            self._show_sort_indicator(*self._shown_sort)
            return
        self._shown_sort = (section, order)
        selected = self._current_patient_id()
        self.proxy.sort(section, order)
        self.list_page.list_view.scrollToTop()
        self._save_header()
        if selected is not None:
            self._select_patient(selected)
        if self.list_page.list_view.currentIndex().row() < 0:
            self._select_first_row()

    def _on_form_patient_saved(self, patient_id: int) -> None:
        self._select_patient(patient_id)

    def _on_session_patients_changed(self) -> None:
        selected = self._current_patient_id()
        row = self.list_page.list_view.currentIndex().row()
        self.model.refresh()
        self._update_count()
        if selected is not None:
            self._select_patient(selected, near_row=row)
        self._update_actions()

    # Qt overrides ####

    @override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            page = self.list_page
            key = event.key()
            if watched is page.search_edit:
                if key == Qt.Key.Key_Escape and page.search_edit.text():
                    page.search_edit.clear()
                    self.run_search()
                    return True
                if key in (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter):
                    self.run_search()
                    page.list_view.setFocus(Qt.FocusReason.OtherFocusReason)
                    if not page.list_view.currentIndex().isValid():
                        self._select_first_row()
                    return True
            elif watched is page.list_view:
                return self._on_list_key(key) or super().eventFilter(watched, event)
        return super().eventFilter(watched, event)

    def _on_list_key(self, key: int) -> bool:
        """Enter opens, F2 edits, Delete deletes (after asking) the selected patient."""
        patient_id = self._current_patient_id()
        if patient_id is None:
            return False
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.activate_patient(patient_id)
        elif key == Qt.Key.Key_F2:
            self.edit_patient(patient_id)
        elif key == Qt.Key.Key_Delete:
            self.delete_selected()
        else:
            return False
        return True

    @override
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        """Set every visible string in the current language."""
        self.list_page.retranslate_ui()
        self.model.relabel()
        self._update_count()
        self._update_actions()
