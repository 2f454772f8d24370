import sqlite3

import pytest

from osteodesk.storage import paths
from osteodesk.storage.database import applied_steps, database_path, open_database
from osteodesk.storage.errors import (
    DatabaseCorruptError,
    ForeignDatabaseError,
    NewerDatabaseError,
    NotADatabaseError,
)
from osteodesk.storage.migrations import known_steps
from osteodesk.storage.patients import PatientRepository


def test_file_database_is_durable_and_strict(file_db):
    assert file_db.journal_mode == "wal"
    assert file_db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert file_db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert file_db.execute("PRAGMA busy_timeout").fetchone()[0] == 5000


def test_in_memory_database_is_migrated(db):
    assert applied_steps(db) == known_steps()
    assert database_path(db) is None
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_reopening_applies_nothing_new(db_file, make_record):
    first = open_database(db_file)
    PatientRepository(first).add(make_record(name="王秀英"))
    first.close()
    again = open_database(db_file)
    assert applied_steps(again) == known_steps()
    assert PatientRepository(again).count() == 1
    again.close()
    assert list(paths.backup_dir().iterdir()) == []  # nothing pending, so no backup


def test_text_file_is_refused_with_a_clear_error(tmp_path):
    bogus = tmp_path / "notes.sqlite3"
    bogus.write_text("patient list\n", encoding="utf-8")
    with pytest.raises(NotADatabaseError, match="not an OsteoDesk database"):
        open_database(bogus)
    assert bogus.read_text(encoding="utf-8") == "patient list\n"


def test_folder_is_refused(tmp_path):
    with pytest.raises(NotADatabaseError, match="folder"):
        open_database(tmp_path)


def test_missing_folder_is_refused(tmp_path):
    with pytest.raises(NotADatabaseError, match="does not exist"):
        open_database(tmp_path / "nowhere" / "db.sqlite3")


def test_truncated_file_is_reported_as_damaged(db_file, make_record):
    database = open_database(db_file)
    repo = PatientRepository(database)
    for i in range(200):
        repo.add(make_record(id=f"MRN-{i}", notes="x" * 500))
    database.close()
    data = db_file.read_bytes()
    db_file.write_bytes(data[: len(data) // 2])
    with pytest.raises(DatabaseCorruptError, match="truncated"):
        open_database(db_file)


def test_header_only_file_is_reported_as_damaged(db_file):
    db_file.write_bytes(b"SQLite format 3\x00" + b"\x00" * 10)
    with pytest.raises(DatabaseCorruptError):
        open_database(db_file)


def test_database_from_a_newer_version_is_refused_and_untouched(db_file):
    database = open_database(db_file)
    database.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at)"
        " VALUES ('osteodesk', '9999_from_the_future', '2030-01-01')"
    )
    database.close()
    before = db_file.read_bytes()
    with pytest.raises(NewerDatabaseError, match="newer OsteoDesk") as caught:
        open_database(db_file)
    assert caught.value.unknown_steps == ["9999_from_the_future"]
    assert db_file.read_bytes() == before
    assert list(paths.backup_dir().iterdir()) == []


def test_foreign_sqlite_file_is_refused_and_untouched(db_file):
    conn = sqlite3.connect(db_file)
    conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)")
    conn.commit()
    conn.close()
    before = db_file.read_bytes()
    with pytest.raises(ForeignDatabaseError, match="another program"):
        open_database(db_file)
    assert db_file.read_bytes() == before


def test_committed_data_survives_another_connection(db_file, make_record):
    writer = open_database(db_file)
    pid = PatientRepository(writer).add(make_record(name="李"))
    reader = open_database(db_file)
    assert PatientRepository(reader).get(pid).name == "李"
    writer.close()
    reader.close()
