"""Fixtures for the window tests: a temporary database file and settings file per test."""

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication

from osteodesk.storage.database import open_database
from osteodesk.ui.app import create_main_window
from osteodesk.ui.patients import dialogs
from osteodesk.ui.session import PatientSession

HERE = Path(__file__).parent


def pytest_collection_modifyitems(items):
    """Every test in this folder needs a QApplication: mark it `gui`."""
    for item in items:
        if HERE in item.path.parents:
            item.add_marker(pytest.mark.gui)


@pytest.fixture
def settings_path(tmp_path) -> Path:
    return tmp_path / "settings" / "osteodesk.ini"


@pytest.fixture
def settings(settings_path) -> QSettings:
    """Settings in a temporary ini file: tests never read or write the user's settings."""
    return QSettings(str(settings_path), QSettings.Format.IniFormat)


@pytest.fixture
def db_path(tmp_path) -> Path:
    return tmp_path / "clinic.sqlite3"


@pytest.fixture
def make_window(qtbot, settings):
    """Build main windows on temporary files; each is closed (and its lock freed) afterwards."""

    def make(db_path: Path, *, language: str | None = "en", window_settings=None):
        window = create_main_window(
            db_path,
            settings=window_settings if window_settings is not None else settings,
            language=language,
        )
        qtbot.add_widget(window)
        return window

    return make


@pytest.fixture
def main_window(make_window, db_path):
    """The English window on an empty database file."""
    return make_window(db_path)


@pytest.fixture(autouse=True)
def unsaved_prompts(monkeypatch) -> list[str]:
    """Answer the unsaved-changes box with Discard (a modal box offscreen would wait for ever).

    The names asked about are recorded; a test that wants another answer patches
    `dialogs.ask_save_changes` itself.
    """
    asked: list[str] = []

    def discard(_parent, name):
        asked.append(name)
        return dialogs.UnsavedChoice.DISCARD

    monkeypatch.setattr(dialogs, "ask_save_changes", discard)
    return asked


@pytest.fixture
def clinic_today() -> date:
    """The fixed clinic date of the tab tests' session (a folder may override it)."""
    return date(2026, 11, 25)


@pytest.fixture
def database(tmp_path):
    db = open_database(tmp_path / "clinic.sqlite3")
    yield db
    db.close()


@pytest.fixture
def session(qtbot, database, clinic_today):
    return PatientSession(database, today=lambda: clinic_today)


@pytest.fixture
def tab_settings(tmp_path) -> QSettings:
    return QSettings(str(tmp_path / "tab.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def open_patient(session, make_record):
    """Save a record (keyword fields as in the root `make_record`) and open it."""

    def open_(**fields) -> int:
        if session.patient_id is not None:
            session.close_patient()  # else save_record would overwrite the open patient
        patient_id = session.save_record(make_record(**fields))
        session.open_patient(patient_id)
        return patient_id

    return open_


@pytest.fixture
def fresh_event_loop_afterwards():
    """run_gui quits the application; spin one more loop so later tests get a working one."""
    yield
    app = QApplication.instance()
    if app is not None:
        QTimer.singleShot(0, app.quit)
        app.exec()
