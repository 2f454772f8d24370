"""Fixtures for the Patients tab: a session on a real database file, sample patients, the tab."""

import pytest
from patient_samples import SAMPLE_PATIENTS, TODAY, sample_record
from PySide6.QtCore import QLocale

from osteodesk.storage.database import open_database
from osteodesk.ui.patients import dialogs
from osteodesk.ui.patients.patients_tab import PatientsTab
from osteodesk.ui.session import PatientSession


@pytest.fixture
def db(tmp_path):
    """A migrated database file, closed after the test."""
    database = open_database(tmp_path / "clinic.sqlite3")
    yield database
    database.close()


@pytest.fixture
def session(db):
    """The tabs' shared session, with a fixed today."""
    return PatientSession(db, today=lambda: TODAY)


@pytest.fixture
def patient_ids(session) -> dict[str, int]:
    """The sample patients saved; clinic id -> internal number."""
    return {
        mrn: session.patients.add(sample_record(mrn, name, sex, birth, extra))
        for mrn, name, sex, birth, extra in SAMPLE_PATIENTS
    }


@pytest.fixture
def make_tab(qtbot, settings):
    """Build Patients tabs on a session (same settings file unless given)."""

    def make(session, *, tab_settings=None) -> PatientsTab:
        tab = PatientsTab(session, settings=tab_settings if tab_settings is not None else settings)
        qtbot.add_widget(tab)
        tab.resize(1200, 700)
        return tab

    return make


@pytest.fixture
def tab(make_tab, session, patient_ids):
    """The tab on the sample patients, shown."""
    widget = make_tab(session)
    widget.show()
    return widget


@pytest.fixture(autouse=True)
def _no_unexpected_delete_box(monkeypatch):
    """A delete confirmation nobody answers would wait for ever: tests say what to answer."""

    def unexpected(_parent, name):
        pytest.fail(f"unexpected delete confirmation for {name!r}")

    monkeypatch.setattr(dialogs, "confirm_delete", unexpected)


@pytest.fixture(autouse=True)
def _english_locale():
    """Dates and numbers as the English interface shows them (en_US), whatever the machine's."""
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    yield
    QLocale.setDefault(before)
