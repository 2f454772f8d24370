import sqlite3

import pytest

from osteodesk.storage import paths
from osteodesk.storage.backup import (
    AUTO_BACKUPS_KEPT,
    BackupError,
    DatabaseInUseError,
    auto_backup,
    backup_database,
    check_file,
    compare,
    list_auto_backups,
    read_only,
    restore_database,
    verify_restorable,
)
from osteodesk.storage.database import open_database
from osteodesk.storage.errors import NewerDatabaseError, NotADatabaseError
from osteodesk.storage.patients import PatientRepository


@pytest.fixture
def filled(db_file, make_record):
    database = open_database(db_file)
    repo = PatientRepository(database)
    for i in range(25):
        repo.add(
            make_record(
                id=f"MRN-{i}",
                name="王秀英",
                labs=[
                    {"date": "2026-01-01", "test": "egfr", "value": 40 + i, "unit": "mL/min/1.73m2"}
                ],
            )
        )
    yield database
    database.close()


def test_backup_of_an_open_database_is_verified(filled, tmp_path):
    report = backup_database(filled, tmp_path / "copy.sqlite3")
    assert report.row_counts["patients"] == 25
    assert report.row_counts["labs"] == 25
    check = check_file(report.target)
    assert check.ok
    assert check.row_counts == report.row_counts
    assert not list(tmp_path.glob(".copy.sqlite3.partial-*"))


def test_backup_includes_uncheckpointed_commits(filled, db_file, make_record, tmp_path):
    PatientRepository(filled).add(make_record(id="LATE"))
    assert db_file.with_name(db_file.name + "-wal").stat().st_size > 0
    backup_database(filled, tmp_path / "copy.sqlite3")
    with read_only(tmp_path / "copy.sqlite3") as conn:
        assert conn.execute("SELECT count(*) FROM patients WHERE mrn = 'LATE'").fetchone()[0] == 1


def test_backup_to_a_missing_folder_fails_cleanly(filled, tmp_path):
    with pytest.raises(BackupError, match="does not exist"):
        backup_database(filled, tmp_path / "nope" / "copy.sqlite3")


def test_auto_backup_rotates_keeping_ten(filled, db_file):
    made = [auto_backup(db_file, "on close", db=filled) for _ in range(AUTO_BACKUPS_KEPT + 3)]
    kept = list_auto_backups(db_file.stem)
    assert len(kept) == AUTO_BACKUPS_KEPT
    assert set(kept) == set(made[-AUTO_BACKUPS_KEPT:])
    assert all(p.parent == paths.backup_dir() and "on-close" in p.name for p in kept)
    assert check_file(kept[0]).ok


def test_auto_backup_of_nothing(tmp_path):
    assert auto_backup(tmp_path / "never-created.sqlite3", "on-close") is None


def test_restore_replaces_and_keeps_the_old_database(filled, db_file, make_record, tmp_path):
    backup = tmp_path / "monday.sqlite3"
    backup_database(filled, backup)
    PatientRepository(filled).add(make_record(id="AFTER-BACKUP"))
    filled.close()

    report = restore_database(backup, db_file)
    assert report.kept_previous is not None
    assert report.kept_previous.exists()
    assert report.kept_previous.name.startswith("osteodesk.sqlite3.replaced-")
    restored = open_database(db_file)
    repo = PatientRepository(restored)
    assert repo.count() == 25
    assert repo.find_by_mrn("AFTER-BACKUP") is None
    restored.close()
    with read_only(report.kept_previous) as conn:
        assert conn.execute("SELECT count(*) FROM patients").fetchone()[0] == 26


def test_restore_refuses_a_database_in_use(filled, db_file, tmp_path):
    backup = tmp_path / "b.sqlite3"
    backup_database(filled, backup)
    with pytest.raises(DatabaseInUseError):
        restore_database(backup, db_file)  # `filled` is still open
    assert PatientRepository(filled).count() == 25


def test_restore_checks_the_file_first(filled, db_file, tmp_path):
    filled.close()
    before = db_file.read_bytes()
    text = tmp_path / "notes.txt"
    text.write_text("not a database")
    with pytest.raises(NotADatabaseError):
        restore_database(text, db_file)
    other = tmp_path / "other.sqlite3"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    with pytest.raises(NotADatabaseError, match="no OsteoDesk schema"):
        restore_database(other, db_file)
    assert db_file.read_bytes() == before


def test_restore_refuses_a_newer_backup(filled, tmp_path):
    newer = tmp_path / "newer.sqlite3"
    backup_database(filled, newer)
    conn = sqlite3.connect(newer)
    conn.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at)"
        " VALUES ('osteodesk', '9999_future', 'x')"
    )
    conn.commit()
    conn.close()
    with pytest.raises(NewerDatabaseError):
        verify_restorable(newer)


def test_compare_live_with_backup(filled, make_record, tmp_path):
    backup = tmp_path / "b.sqlite3"
    backup_database(filled, backup)
    with read_only(backup) as conn:
        assert compare(filled.conn, conn).same
    PatientRepository(filled).add(make_record(id="NEW"))
    with read_only(backup) as conn:
        diff = compare(filled.conn, conn)
    assert diff.only_in_live == ["NEW"]
    assert diff.count_differences["patients"] == (26, 25)
