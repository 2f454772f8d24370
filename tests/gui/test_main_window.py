"""The window shell: title, tabs, menus, shortcuts, status bar, geometry, database switching."""

from datetime import date

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QKeySequence

from osteodesk import __version__
from osteodesk.core.constants import RULES_VERSION
from osteodesk.storage.database import open_database
from osteodesk.storage.patients import PatientRepository
from osteodesk.ui.app import DEMO_PATIENT_COUNT, create_main_window
from osteodesk.ui.assessment.assessment_tab import AssessmentTab
from osteodesk.ui.database_session import DatabaseInUseError, open_session
from osteodesk.ui.database_shell import BackupJob
from osteodesk.ui.patients.patients_tab import PatientsTab
from osteodesk.ui.plan.plan_tab import PlanTab
from osteodesk.ui.worklist.worklist_tab import WorklistTab

DISCLAIMER_EN = (
    "OsteoDesk supports clinical decisions; it does not replace the clinician's judgement. "
    "Check every recommendation against the patient and current guidelines."
)


def menu_titles(window):
    return [action.text() for action in window.menuBar().actions()]


def test_title_and_four_tabs_in_order(main_window):
    assert main_window.windowTitle() == "OsteoDesk"
    tabs = main_window.tabs
    assert [tabs.tabText(i) for i in range(tabs.count())] == [
        "Patients",
        "Assessment",
        "Plan",
        "Worklist",
    ]
    assert isinstance(tabs.widget(0), PatientsTab)
    # The other three are built on first use, on the page their tab shows (issue 8).
    assert isinstance(main_window.assessment_tab, AssessmentTab)
    assert isinstance(main_window.plan_tab, PlanTab)
    assert isinstance(main_window.worklist_tab, WorklistTab)
    assert tabs.widget(1).isAncestorOf(main_window.assessment_tab)
    assert tabs.widget(2).isAncestorOf(main_window.plan_tab)
    assert tabs.widget(3).isAncestorOf(main_window.worklist_tab)


def test_menus_and_their_shortcuts(main_window):
    assert menu_titles(main_window) == ["&File", "&Edit", "&View", "&Help"]
    w = main_window
    assert w.new_patient_action.shortcut() == QKeySequence(QKeySequence.StandardKey.New)
    assert w.new_patient_action.isEnabled()
    assert w.quit_action.shortcut() == QKeySequence("Ctrl+Q")
    assert w.find_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Find)
    assert [a.shortcut().toString() for a in w.tab_actions] == [
        "Ctrl+1",
        "Ctrl+2",
        "Ctrl+3",
        "Ctrl+4",
    ]
    assert [a.text() for a in w.file_menu.actions() if not a.isSeparator()] == [
        "&New patient",
        "&Open database…",
        "&Backup…",
        "&Test restore",
        "&Quit",
    ]
    assert [a.text() for a in w.help_menu.actions() if not a.isSeparator()] == [
        "&Drug reference",
        "&About OsteoDesk",
    ]
    languages = w.language_menu.actions()
    assert [a.text() for a in languages] == ["中文", "English"]
    assert all(a.isCheckable() for a in languages)
    assert w.language_group.isExclusive()


def test_ctrl_digit_switches_tabs(qtbot, main_window):
    with qtbot.waitExposed(main_window):
        main_window.show()
    main_window.activateWindow()
    qtbot.waitActive(main_window)
    for key, index in ((Qt.Key.Key_4, 3), (Qt.Key.Key_3, 2), (Qt.Key.Key_2, 1), (Qt.Key.Key_1, 0)):
        qtbot.keyClick(main_window, key, Qt.KeyboardModifier.ControlModifier)
        assert main_window.tabs.currentIndex() == index


def test_find_goes_to_the_patients_tab(main_window):
    main_window.show_tab(2)
    main_window.find_action.trigger()
    assert main_window.tabs.currentIndex() == 0


def test_status_bar_names_the_database(main_window, db_path):
    label = main_window.database_label
    assert label.text() == f"Database: {db_path}"
    assert main_window.statusBar().isAncestorOf(label)


def test_about_shows_versions_database_and_disclaimer(qtbot, main_window, db_path):
    dialog = main_window.show_about()
    qtbot.wait_until(dialog.isVisible)
    assert dialog.windowTitle() == "About OsteoDesk"
    assert dialog.version_label.text() == f"Version {__version__}, clinical rules {RULES_VERSION}"
    assert dialog.database_label.text() == f"Database: {db_path}"
    assert dialog.disclaimer_label.text() == DISCLAIMER_EN


def test_about_action_opens_the_dialog(qtbot, main_window):
    main_window.about_action.trigger()
    assert main_window.about_dialog is not None
    qtbot.wait_until(main_window.about_dialog.isVisible)


def test_geometry_is_remembered(qtbot, make_window, tmp_path, settings):
    first = make_window(tmp_path / "a.sqlite3")
    with qtbot.waitExposed(first):
        first.show()
    first.resize(640, 480)  # the offscreen screen is 800x600
    qtbot.wait_until(lambda: first.size().width() == 640)
    first.close()
    second = make_window(tmp_path / "a.sqlite3")
    assert (second.width(), second.height()) == (640, 480)


def test_quit_closes_the_window_and_frees_the_database(qtbot, main_window, db_path):
    with qtbot.waitExposed(main_window):
        main_window.show()
    with qtbot.wait_signal(main_window.window_closed):
        main_window.quit_action.trigger()
    assert not main_window.isVisible()
    open_session(db_path).close()  # the lock is free again


def test_open_database_switches_file_and_lock(qtbot, main_window, db_path, tmp_path):
    other = tmp_path / "other.sqlite3"
    main_window.open_database_requested.emit(str(other))
    assert main_window.database_path == other
    assert main_window.database_label.text() == f"Database: {other}"
    with pytest.raises(DatabaseInUseError):
        open_session(other)
    open_session(db_path).close()  # the first file was released


def test_open_database_in_use_keeps_the_current_one(
    qtbot, main_window, db_path, tmp_path, monkeypatch
):
    other = tmp_path / "busy.sqlite3"
    holder = open_session(other)
    shown = []
    monkeypatch.setattr(main_window, "show_error", lambda title, text: shown.append(text))
    try:
        main_window.open_database_requested.emit(str(other))
    finally:
        holder.close()
    assert shown == ["This database is already open in another OsteoDesk window."]
    assert main_window.database_path == db_path
    with pytest.raises(DatabaseInUseError):
        open_session(db_path)


def test_settings_file_is_the_injected_one(main_window, settings_path):
    main_window.close()
    assert settings_path.is_file()
    stored = QSettings(str(settings_path), QSettings.Format.IniFormat)
    assert stored.value("main_window/geometry") is not None


def test_backup_writes_a_verified_copy_off_the_gui_thread(qtbot, main_window, tmp_path):
    target = tmp_path / "copy.sqlite3"
    main_window.backup_requested.emit(str(target))
    message = f"Backup written and verified: {target}"
    # The job may finish before a wait_signal could connect: wait for its effect instead.
    qtbot.wait_until(lambda: main_window.statusBar().currentMessage() == message, timeout=10_000)
    assert main_window.findChild(BackupJob) is not None
    open_session(target).close()  # a real, openable OsteoDesk database


def test_backup_job_reports_through_its_signal(qtbot, tmp_path, db_path):
    session = open_session(db_path)
    job = BackupJob()
    try:
        with qtbot.wait_signal(job.succeeded, timeout=10_000) as blocker:
            job.start(db_path, tmp_path / "copy.sqlite3")
    finally:
        job.wait()
        session.close()
    assert blocker.args == [str(tmp_path / "copy.sqlite3")]


def test_backup_failure_is_shown_not_raised(qtbot, main_window, tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr(main_window, "show_error", lambda title, text: shown.append((title, text)))
    main_window.backup_requested.emit(str(tmp_path / "no-such-folder" / "copy.sqlite3"))
    qtbot.wait_until(lambda: bool(shown), timeout=10_000)
    assert shown == [("Backup", f"folder {tmp_path / 'no-such-folder'} does not exist")]


def test_demo_fills_the_database_with_sample_patients(qtbot, settings, tmp_path):
    demo_db = tmp_path / "demo.sqlite3"
    window = create_main_window(demo_db, settings=settings, language="en", demo=True)
    qtbot.add_widget(window)
    reader = open_database(demo_db)
    try:
        assert PatientRepository(reader).count() == DEMO_PATIENT_COUNT
    finally:
        reader.close()


def test_the_last_patient_is_open_again_after_a_restart(make_window, db_path):
    from osteodesk.core.record import parse_record
    from osteodesk.storage.database import open_database
    from osteodesk.storage.patients import PatientRepository

    database = open_database(db_path)
    record = {"sex": "female", "birth_date": "1950-01-01", "name": "王秀英", "id": "MRN-1"}
    patient_id = PatientRepository(database).add(parse_record(record, as_of=date.today()))
    database.close()
    first = make_window(db_path)
    assert first.session.patient_id is None
    first.session.open_patient(patient_id)
    first.close()
    second = make_window(db_path)
    assert second.session.patient_id == patient_id
    assert second.session.record is not None
    assert second.session.record.name == "王秀英"
