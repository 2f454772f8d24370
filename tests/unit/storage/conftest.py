"""Storage fixtures: real databases (in memory, or a temporary file) with the full schema."""

from datetime import UTC, datetime, timedelta

import pytest

from osteodesk.storage.database import open_database
from osteodesk.storage.patients import PatientRepository


@pytest.fixture
def db():
    database = open_database(None)
    yield database
    database.close()


@pytest.fixture
def db_file(tmp_path):
    return tmp_path / "osteodesk.sqlite3"


@pytest.fixture
def file_db(db_file):
    database = open_database(db_file)
    yield database
    database.close()


@pytest.fixture
def clock():
    """A clock that advances one second per reading (distinct, ordered timestamps)."""
    state = {"now": datetime(2026, 11, 25, 9, 0, tzinfo=UTC)}

    def now() -> datetime:
        state["now"] += timedelta(seconds=1)
        return state["now"]

    return now


@pytest.fixture
def patients(db, clock):
    return PatientRepository(db, now=clock)
