"""A patient session on a temporary database file, with a fixed clinic date."""

from datetime import date

import pytest
from PySide6.QtCore import QSettings

from osteodesk.storage.database import open_database
from osteodesk.ui.session import PatientSession

AS_OF = date(2026, 11, 25)


@pytest.fixture
def database(tmp_path):
    db = open_database(tmp_path / "clinic.sqlite3")
    yield db
    db.close()


@pytest.fixture
def session(qtbot, database):
    return PatientSession(database, today=lambda: AS_OF)


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
