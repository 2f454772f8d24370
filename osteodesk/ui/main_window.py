"""The main window: four tabs, the menus and the status bar. No SQL, no clinical rules.

The window is the only object that knows all four tabs (style.md B5). What it cannot do itself
(open another database, back up) it asks for through signals that the composition root in
``app.py`` answers.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QEvent, QSettings, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

from osteodesk.ui.i18n import LANGUAGE_NAMES, LANGUAGES, LanguageController

if TYPE_CHECKING:
    from osteodesk.ui.about_dialog import AboutDialog

    # Imported where first used: the window paints before the database opens, and the three
    # tabs and the reference are built on first show, which takes their imports (and the
    # storage layer's) off the start-up path (issue 8).
    from osteodesk.ui.assessment.assessment_tab import AssessmentTab
    from osteodesk.ui.patients.patients_tab import PatientsTab
    from osteodesk.ui.plan.plan_tab import PlanTab
    from osteodesk.ui.reference.reference_dialog import ReferenceDialog
    from osteodesk.ui.session import PatientSession
    from osteodesk.ui.worklist.worklist_tab import WorklistTab

WINDOW_TITLE = "OsteoDesk"
GEOMETRY_KEY = "main_window/geometry"
LAST_PATIENT_KEY = "main_window/last_patient"  # "<id>|<database path>"
STATE_KEY = "main_window/state"
DEFAULT_SIZE = (1280, 720)  # fits a 1366x768 screen with a task bar
BACKUP_MESSAGE_MS = 10_000
DATABASE_FILTER = "OsteoDesk (*.sqlite3 *.sqlite *.db);;*"
ASSESSMENT_INDEX, PLAN_INDEX, WORKLIST_INDEX = 1, 2, 3


class _TabPage(QWidget):
    """A tab page that receives its tab when the tab is first needed (a faster first paint)."""

    def __init__(self) -> None:
        super().__init__()
        self.tab: QWidget | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

    def hold(self, tab: QWidget) -> None:
        self.tab = tab
        layout = self.layout()
        assert layout is not None
        layout.addWidget(tab)
        tab.show()  # shown with the page (at once if the page is showing)


class MainWindow(QMainWindow):
    """Patients, Assessment, Plan and Worklist tabs with the File, Edit, View and Help menus.

    Built without a session, the window shows "Opening the database…" with the tabs and the
    actions that need the database disabled, until set_session() gives it one.

    Signals:
        open_database_requested(str): the user chose another database file.
        backup_requested(str): the user chose where to write a backup.
        test_restore_requested(): File > Test restore (restore the latest backup on trial).
        settings_requested(): Edit > Settings (passphrase, idle lock).
        window_closed(): the window has saved its settings and is closing.
    """

    open_database_requested = Signal(str)
    backup_requested = Signal(str)
    test_restore_requested = Signal()
    settings_requested = Signal()
    window_closed = Signal()

    def __init__(
        self,
        *,
        database_path: Path,
        languages: LanguageController,
        settings: QSettings,
        session: PatientSession | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("main_window")
        self._database_path = database_path
        self._languages = languages
        self._settings = settings
        self.about_dialog: AboutDialog | None = None
        self.restore_test_box: QMessageBox | None = None
        self._closed = False
        self._session: PatientSession | None = None
        self._patients_tab: PatientsTab | None = None
        self._overdue_count = 0
        self._shortcuts_assigned = False
        self.opening_label: QLabel | None = None

        self.tabs = QTabWidget()
        self.tabs.setObjectName("main_tabs")
        self.tabs.setDocumentMode(True)
        self._pages: dict[int, _TabPage] = {}
        self.tabs.currentChanged.connect(self._on_tabs_current_changed)
        self.setCentralWidget(self.tabs)

        self.database_label = QLabel()
        self.database_label.setObjectName("database_label")
        self.statusBar().addPermanentWidget(self.database_label)

        self._create_actions()
        self._create_menus()
        self._connect_signals()
        if session is None:
            self._install_opening_page()
        else:
            self._install_tabs(session)
        self._restore_geometry()
        self.retranslate_ui()
        self._check_language(languages.language)

    @property
    def database_path(self) -> Path:
        """The database the window shows."""
        return self._database_path

    def set_database_path(self, path: Path) -> None:
        """Name another database (the composition root has opened it)."""
        self._database_path = path
        if self.about_dialog is not None:
            self.about_dialog.set_database_path(path)
        self.retranslate_ui()

    @property
    def session(self) -> PatientSession:
        """The open database's patient session that every tab shares."""
        if self._session is None:
            raise RuntimeError("the database is not open yet")
        return self._session

    @property
    def patients_tab(self) -> PatientsTab:
        """The Patients tab (there is one once the database is open)."""
        if self._patients_tab is None:
            raise RuntimeError("the database is not open yet")
        return self._patients_tab

    @property
    def has_session(self) -> bool:
        """Whether a database is open (False while the window shows "Opening the database…")."""
        return self._session is not None

    def set_session(self, session: PatientSession) -> None:
        """Show another database: the tabs are rebuilt on its session."""
        self._install_tabs(session)
        self.retranslate_ui()
        self.show_tab(0)

    def release_session(self) -> None:
        """Drop the tabs and the session (its database is about to close): the opening page shows.

        set_session() installs the tabs again.
        """
        self._drop_tabs()
        if self._session is not None:
            self._session.deleteLater()
        self._session = None
        self._patients_tab = None
        self._install_opening_page()
        self.retranslate_ui()

    def _drop_tabs(self) -> None:
        old_tabs = [self.tabs.widget(index) for index in range(self.tabs.count())]
        self._pages = {}  # nothing to build while the old tabs go
        self.tabs.clear()
        for tab in old_tabs:
            if tab is not None:
                tab.deleteLater()

    def _install_opening_page(self) -> None:
        """What the window shows from its first paint until the database is open."""
        self.opening_label = QLabel()
        self.opening_label.setObjectName("opening_label")
        page = QWidget()
        # Centred by stretches: the Qt enum namespace alone costs ~14 ms to load (issue 8).
        row = QHBoxLayout()
        row.addStretch()
        row.addWidget(self.opening_label)
        row.addStretch()
        column = QVBoxLayout(page)
        column.addStretch()
        column.addLayout(row)
        column.addStretch()
        self.tabs.addTab(page, "")
        for index in (ASSESSMENT_INDEX, PLAN_INDEX, WORKLIST_INDEX):
            self.tabs.addTab(QWidget(), "")
            self.tabs.setTabEnabled(index, False)
        self._set_database_actions_enabled(False)

    def _set_database_actions_enabled(self, enabled: bool) -> None:
        for action in (
            self.new_patient_action,
            self.open_database_action,
            self.backup_action,
            self.test_restore_action,
            self.find_action,
            self.settings_action,
            *self.tab_actions,
        ):
            action.setEnabled(enabled)

    def _install_tabs(self, session: PatientSession) -> None:
        # New tabs rather than a set_session() on each: no tab can keep a stale patient or a
        # repository of the database that is about to close. The window owns the session.
        from osteodesk.ui.assessment.preferences import apply_saved_preferences
        from osteodesk.ui.patients.patients_tab import PatientsTab
        from osteodesk.ui.worklist.worklist_model import bring_due_up_to_date, next_due_provider

        old_session = self._session
        self._session = session
        session.setParent(self)
        self._drop_tabs()
        if old_session is not None and old_session is not session:
            old_session.deleteLater()
        self.opening_label = None
        patients_tab = PatientsTab(session, settings=self._settings)
        self._patients_tab = patients_tab
        # The other three tabs are built when first shown or asked for (the properties below);
        # each shows the session's current patient when built. What they would have done to
        # the session at start is done here: the LSC and framework, and the worklist's badge.
        self.tabs.addTab(patients_tab, "")
        pages = {index: _TabPage() for index in (ASSESSMENT_INDEX, PLAN_INDEX, WORKLIST_INDEX)}
        for page in pages.values():
            self.tabs.addTab(page, "")
        self._pages = pages
        self._set_database_actions_enabled(True)
        self._assign_shortcuts()
        self.statusBar().clearMessage()
        self._overdue_count = 0
        self.retranslate_ui()  # the tab titles, shown while the worklist may be brought up to date
        apply_saved_preferences(session, self._settings)
        bring_due_up_to_date(session, parent=self)
        self._overdue_count = session.due.overdue_count(session.today())
        patients_tab.patient_activated.connect(self._on_patients_tab_patient_activated)
        patients_tab.model.set_next_due_provider(next_due_provider(session))
        session.patients_changed.connect(self._on_session_due_changed)
        session.plans_changed.connect(self._on_session_due_changed)
        session.patient_opened.connect(self._on_session_patient_opened)
        self._reopen_last_patient()
        self._build_tab(self.tabs.currentIndex())

    @property
    def assessment_tab(self) -> AssessmentTab:
        """The Assessment tab (built now if it has not been shown yet)."""
        from osteodesk.ui.assessment.assessment_tab import AssessmentTab

        tab = self._build_tab(ASSESSMENT_INDEX)
        assert isinstance(tab, AssessmentTab)
        return tab

    @property
    def plan_tab(self) -> PlanTab:
        """The Plan tab (built now if it has not been shown yet)."""
        from osteodesk.ui.plan.plan_tab import PlanTab

        tab = self._build_tab(PLAN_INDEX)
        assert isinstance(tab, PlanTab)
        return tab

    @property
    def worklist_tab(self) -> WorklistTab:
        """The Worklist tab (built now if it has not been shown yet)."""
        from osteodesk.ui.worklist.worklist_tab import WorklistTab

        tab = self._build_tab(WORKLIST_INDEX)
        assert isinstance(tab, WorklistTab)
        return tab

    def _build_tab(self, index: int) -> QWidget | None:
        """The tab at `index`, built on its page the first time (None for the Patients tab)."""
        page = self._pages.get(index)
        if page is None:
            return None
        if page.tab is not None:
            return page.tab
        session = self.session
        if index == ASSESSMENT_INDEX:
            from osteodesk.ui.assessment.assessment_tab import AssessmentTab

            page.hold(AssessmentTab(session, settings=self._settings))
        elif index == PLAN_INDEX:
            from osteodesk.ui.plan.plan_tab import PlanTab

            page.hold(PlanTab(session, settings=self._settings))
        else:
            from osteodesk.ui.worklist.worklist_tab import WorklistTab

            worklist_tab = WorklistTab(session, settings=self._settings)
            page.hold(worklist_tab)
            worklist_tab.patient_open_requested.connect(
                self._on_worklist_tab_patient_open_requested
            )
            worklist_tab.overdue_count_changed.connect(self._on_worklist_tab_overdue_count_changed)
            self._on_worklist_tab_overdue_count_changed(worklist_tab.overdue_count)
        return page.tab

    def show_tab(self, index: int) -> None:
        """Bring the tab at `index` (0 Patients, 1 Assessment, 2 Plan, 3 Worklist) to the front."""
        self.tabs.setCurrentIndex(index)

    def show_drug_reference(self) -> ReferenceDialog:
        """Open (or raise) the drug reference window (Help > Drug reference); non-modal."""
        from osteodesk.ui.reference.reference_dialog import open_reference

        return open_reference(self)

    def show_about(self) -> AboutDialog:
        """Open (or raise) the About dialog; it is window-modal, so the call returns at once."""
        from osteodesk.ui.about_dialog import AboutDialog

        if self.about_dialog is None:
            self.about_dialog = AboutDialog(self._database_path, self)
        self.about_dialog.open()
        self.about_dialog.raise_()
        return self.about_dialog

    def show_backup_written(self, path: str) -> None:
        """Confirm a finished backup in the status bar."""
        self.statusBar().showMessage(
            self.tr("Backup written and verified: {path}").format(path=path), BACKUP_MESSAGE_MS
        )

    def show_restore_test_result(self, passed: bool, text: str) -> QMessageBox:
        """Report File > Test restore in a window-modal box (returns at once)."""
        if self.restore_test_box is not None:
            self.restore_test_box.close()
        icon = QMessageBox.Icon.Information if passed else QMessageBox.Icon.Warning
        box = QMessageBox(icon, self.tr("Test restore"), text, QMessageBox.StandardButton.Ok, self)
        box.setObjectName("restore_test_box")
        box.open()
        self.restore_test_box = box
        return box

    def show_error(self, title: str, text: str) -> None:
        """Tell the user something could not be done (a message box, not a crash report)."""
        QMessageBox.warning(self, title, text)

    def retranslate_ui(self) -> None:
        """Set every visible string in the current language."""
        self.setWindowTitle(WINDOW_TITLE)
        self.tabs.setTabText(0, self.tr("Patients"))
        self.tabs.setTabText(1, self.tr("Assessment"))
        self.tabs.setTabText(2, self.tr("Plan"))
        self._show_worklist_badge()

        self.file_menu.setTitle(self.tr("&File"))
        self.new_patient_action.setText(self.tr("&New patient"))
        self.open_database_action.setText(self.tr("&Open database…"))
        self.backup_action.setText(self.tr("&Backup…"))
        self.test_restore_action.setText(self.tr("&Test restore"))
        self.test_restore_action.setStatusTip(
            self.tr("Restore the latest automatic backup on trial and compare it with the database")
        )
        self.quit_action.setText(self.tr("&Quit"))

        self.edit_menu.setTitle(self.tr("&Edit"))
        self.find_action.setText(self.tr("&Find patient"))
        self.settings_action.setText(self.tr("&Settings…"))

        self.view_menu.setTitle(self.tr("&View"))
        self.language_menu.setTitle(self.tr("&Language"))
        self.tab_actions[0].setText(self.tr("&Patients"))
        self.tab_actions[1].setText(self.tr("&Assessment"))
        self.tab_actions[2].setText(self.tr("P&lan"))
        self.tab_actions[3].setText(self.tr("&Worklist"))

        self.help_menu.setTitle(self.tr("&Help"))
        self.drug_reference_action.setText(self.tr("&Drug reference"))
        self.about_action.setText(self.tr("&About OsteoDesk"))

        self.database_label.setText(
            self.tr("Database: {path}").format(path=str(self._database_path))
        )
        self.database_label.setToolTip(str(self._database_path))
        if self.opening_label is not None:
            self.opening_label.setText(self.tr("Opening the database…"))

    # Actions and menus ####

    def _create_actions(self) -> None:
        self.new_patient_action = QAction(self)
        self.open_database_action = QAction(self)
        self.backup_action = QAction(self)
        self.test_restore_action = QAction(self)
        self.quit_action = QAction(self)
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)

        self.find_action = QAction(self)
        self.settings_action = QAction(self)
        self.settings_action.setMenuRole(QAction.MenuRole.PreferencesRole)

        self.language_group = QActionGroup(self)
        self.language_group.setExclusive(True)
        self.language_actions: dict[str, QAction] = {}
        for code in LANGUAGES:
            action = QAction(LANGUAGE_NAMES[code], self.language_group)
            action.setCheckable(True)
            action.setData(code)
            self.language_actions[code] = action

        self.tab_actions: list[QAction] = []
        for index in range(4):
            action = QAction(self)
            action.setData(index)
            self.tab_actions.append(action)

        self.drug_reference_action = QAction(self)
        self.about_action = QAction(self)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)

    def _assign_shortcuts(self) -> None:
        """Keyboard shortcuts, set once the database is open.

        Not at construction: the first QKeySequence loads Qt's enum namespace (~15 ms) before
        the first paint, and until the database is open these actions are disabled anyway.
        """
        if self._shortcuts_assigned:
            return
        self._shortcuts_assigned = True
        self.new_patient_action.setShortcut(QKeySequence.StandardKey.New)
        self.open_database_action.setShortcut(QKeySequence.StandardKey.Open)
        self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        self.find_action.setShortcut(QKeySequence.StandardKey.Find)
        self.settings_action.setShortcut(QKeySequence("Ctrl+,"))
        for index, action in enumerate(self.tab_actions):
            action.setShortcut(QKeySequence(f"Ctrl+{index + 1}"))

    def _create_menus(self) -> None:
        menu_bar = self.menuBar()
        self.file_menu = QMenu(self)
        self.file_menu.addAction(self.new_patient_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.open_database_action)
        self.file_menu.addAction(self.backup_action)
        self.file_menu.addAction(self.test_restore_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)

        self.edit_menu = QMenu(self)
        self.edit_menu.addAction(self.find_action)
        self.edit_menu.addSeparator()
        self.edit_menu.addAction(self.settings_action)

        self.view_menu = QMenu(self)
        self.language_menu = QMenu(self)
        for action in self.language_actions.values():
            self.language_menu.addAction(action)
        self.view_menu.addMenu(self.language_menu)
        self.view_menu.addSeparator()
        for action in self.tab_actions:
            self.view_menu.addAction(action)

        self.help_menu = QMenu(self)
        self.help_menu.addAction(self.drug_reference_action)
        self.help_menu.addSeparator()
        self.help_menu.addAction(self.about_action)

        for menu in (self.file_menu, self.edit_menu, self.view_menu, self.help_menu):
            menu_bar.addMenu(menu)

    def _connect_signals(self) -> None:
        self.new_patient_action.triggered.connect(self._on_new_patient_action_triggered)
        self.open_database_action.triggered.connect(self._on_open_database_action_triggered)
        self.backup_action.triggered.connect(self._on_backup_action_triggered)
        self.test_restore_action.triggered.connect(self.test_restore_requested)
        self.settings_action.triggered.connect(self.settings_requested)
        self.quit_action.triggered.connect(self.close)
        self.find_action.triggered.connect(self._on_find_action_triggered)
        self.language_group.triggered.connect(self._on_language_group_triggered)
        for action in self.tab_actions:
            action.triggered.connect(self._on_tab_action_triggered)
        self.drug_reference_action.triggered.connect(self.show_drug_reference)
        self.about_action.triggered.connect(self.show_about)
        self._languages.language_changed.connect(self._check_language)

    # Slots ####

    def _on_new_patient_action_triggered(self) -> None:
        self.show_tab(0)
        self.patients_tab.new_patient()

    def _on_open_database_action_triggered(self) -> None:
        path, _selected = QFileDialog.getOpenFileName(
            self, self.tr("Open database"), str(self._database_path.parent), DATABASE_FILTER
        )
        if path and self.patients_tab.confirm_leave():
            self.open_database_requested.emit(path)

    def _on_backup_action_triggered(self) -> None:
        suggested = self._database_path.with_name(self._database_path.stem + "-backup.sqlite3")
        path, _selected = QFileDialog.getSaveFileName(
            self, self.tr("Back up the database"), str(suggested), DATABASE_FILTER
        )
        if path:
            self.backup_requested.emit(path)

    def _on_find_action_triggered(self) -> None:
        self.show_tab(0)
        self.patients_tab.focus_search()

    def _on_patients_tab_patient_activated(self, _patient_id: int) -> None:
        self.show_tab(1)

    def _on_worklist_tab_patient_open_requested(self, patient_id: int, page: str) -> None:
        session = self.session
        if patient_id != session.patient_id:
            if not self.patients_tab.confirm_leave():
                return
            session.open_patient(patient_id)
        self.show_tab(2 if page == "plan" else 1)

    def _on_worklist_tab_overdue_count_changed(self, count: int) -> None:
        self._overdue_count = count
        self._show_worklist_badge()

    def _on_session_due_changed(self, *_args: object) -> None:
        # Once built, the Worklist tab counts (and tells us); until then the window does.
        if self._pages[WORKLIST_INDEX].tab is None:
            self._overdue_count = self.session.due.overdue_count(self.session.today())
            self._show_worklist_badge()

    def _on_tabs_current_changed(self, index: int) -> None:
        self._build_tab(index)

    def _show_worklist_badge(self) -> None:
        """The Worklist tab's text carries today's overdue count."""
        count = self._overdue_count
        text = self.tr("Worklist ({count})").format(count=count) if count else self.tr("Worklist")
        self.tabs.setTabText(3, text)
        self.tabs.setTabToolTip(
            3, self.tr("{count} items overdue today").format(count=count) if count else ""
        )

    def _on_language_group_triggered(self, action: QAction) -> None:
        self._languages.apply(str(action.data()), persist=True)

    def _on_tab_action_triggered(self) -> None:
        action = self.sender()
        if isinstance(action, QAction):
            self.show_tab(int(action.data()))

    def _check_language(self, language: str) -> None:
        action = self.language_actions.get(language)
        if action is not None:
            action.setChecked(True)

    # Settings ####

    def _on_session_patient_opened(self, patient_id: int) -> None:
        self._settings.setValue(LAST_PATIENT_KEY, f"{patient_id}|{self._database_path}")

    def _reopen_last_patient(self) -> None:
        """Open the patient that was open when this database was last closed (if still listed)."""
        value = self._settings.value(LAST_PATIENT_KEY)
        if not isinstance(value, str) or "|" not in value:
            return
        number, _, path = value.partition("|")
        if path != str(self._database_path) or not number.isdigit():
            return
        patient_id = int(number)
        patients = self.session.patients
        if not patients.exists(patient_id) or patients.is_archived(patient_id):
            return
        self.session.open_patient(patient_id)

    def _restore_geometry(self) -> None:
        geometry = self._settings.value(GEOMETRY_KEY)
        if not (isinstance(geometry, QByteArray) and self.restoreGeometry(geometry)):
            self.resize(*DEFAULT_SIZE)
        state = self._settings.value(STATE_KEY)
        if isinstance(state, QByteArray):
            self.restoreState(state)

    def _save_geometry(self) -> None:
        self._settings.setValue(GEOMETRY_KEY, self.saveGeometry())
        self._settings.setValue(STATE_KEY, self.saveState())
        self._settings.sync()

    # Qt overrides ####

    @override
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    @override
    def closeEvent(self, event: QCloseEvent) -> None:
        # Only a window someone can see asks about unsaved changes (a hidden one cannot answer).
        if (
            not self._closed
            and self.isVisible()
            and self._patients_tab is not None
            and not self._patients_tab.confirm_leave()
        ):
            event.ignore()
            return
        if not self._closed:
            self._closed = True
            self._save_geometry()
            self.window_closed.emit()
        event.accept()
