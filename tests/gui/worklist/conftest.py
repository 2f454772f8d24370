"""A patient session on a temporary database with patients due on fixed days."""

import pytest
from PySide6.QtCore import QSettings
from worklist_samples import TODAY, clinic_record, rx

from osteodesk.storage.database import open_database
from osteodesk.ui.session import PatientSession


@pytest.fixture
def database(tmp_path):
    db = open_database(tmp_path / "clinic.sqlite3")
    yield db
    db.close()


@pytest.fixture
def session(qtbot, database):
    return PatientSession(database, today=lambda: TODAY)


@pytest.fixture
def tab_settings(tmp_path) -> QSettings:
    return QSettings(str(tmp_path / "tab.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def clinic(session):
    """Four patients: a late denosumab dose (overdue), a dose due in 6 days, a zoledronic acid
    infusion due in 15 days, and a teriparatide course ending in 46 days (in its notice)."""
    repo = session.patients
    repo.add(
        clinic_record(
            "MRN-1", "王秀英", [rx("denosumab", "2022-01-10", last_dose_date="2026-04-01")]
        )
    )
    repo.add(
        clinic_record(
            "MRN-2", "Mary Smith", [rx("denosumab", "2022-01-10", last_dose_date="2026-06-01")]
        )
    )
    repo.add(clinic_record("MRN-3", "李", [rx("zoledronic_acid", "2025-12-10")]))
    repo.add(clinic_record("MRN-4", "张伟", [rx("teriparatide", "2025-01-10")]))
    return session
