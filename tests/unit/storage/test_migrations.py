import sqlite3
from pathlib import Path

import pytest
from sqlite_utils import Database

from osteodesk.storage import paths
from osteodesk.storage.database import applied_steps, open_database
from osteodesk.storage.migrations import known_steps, migrations
from osteodesk.storage.patients import PatientRepository

SCHEMA_FILE = Path(__file__).parents[3] / "db" / "schema.sql"


def test_steps_are_numbered_in_order():
    names = known_steps()
    assert len(names) >= 4
    assert [n[:4] for n in names] == [f"{i:04d}" for i in range(1, len(names) + 1)]


def test_every_step_says_why():
    for step in migrations._migrations:
        assert (step.fn.__doc__ or "").strip(), step.name


def test_schema_file_matches_the_migrated_schema():
    database = open_database(None)
    assert SCHEMA_FILE.read_text(encoding="utf-8").strip() == database.schema.strip()


def test_empty_file_gets_every_step(db_file):
    db_file.touch()
    database = open_database(db_file)
    assert applied_steps(database) == known_steps()
    assert database.schema.strip() == open_database(None).schema.strip()
    database.close()


@pytest.mark.parametrize("stop_before", known_steps()[1:])
def test_upgrade_from_every_earlier_schema(db_file, stop_before, make_record):
    old = Database(db_file)
    old.execute("PRAGMA foreign_keys = ON")
    migrations.apply(old, stop_before=stop_before)
    assert stop_before not in applied_steps(old)
    # A patient saved under the old schema (only the columns step 0001 defines).
    old.execute(
        "INSERT INTO patients (id, mrn, name, sort_key, sex, birth_date, created_at, updated_at)"
        " VALUES (1, 'MRN-1', '王秀英', 'wangxiuying', 'female', '1954-05-12', 't', 't')"
    )
    old.close()

    upgraded = open_database(db_file)
    assert applied_steps(upgraded) == known_steps()
    assert upgraded.schema.strip() == open_database(None).schema.strip()
    record = PatientRepository(upgraded).get(1)
    assert (record.id, record.name) == ("MRN-1", "王秀英")
    upgraded.close()
    # The file was copied before the pending steps ran.
    backups = list(paths.backup_dir().glob("osteodesk-*-before-migration.sqlite3"))
    assert len(backups) == 1
    conn = sqlite3.connect(backups[0])
    names = [r[0] for r in conn.execute("SELECT name FROM _sqlite_migrations ORDER BY id")]
    conn.close()
    assert stop_before not in names


def test_failed_step_leaves_no_trace():
    database = Database(memory=True)
    broken = type(migrations)("broken")

    @broken(name="0001_ok")
    def ok(db: Database) -> None:
        """Creates a table."""
        db.execute("CREATE TABLE a (x INTEGER)")

    @broken(name="0002_fails")
    def fails(db: Database) -> None:
        """Creates a table, then fails."""
        db.execute("CREATE TABLE b (x INTEGER)")
        raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        broken.apply(database)
    assert database.table_names() == ["_sqlite_migrations", "a"]
    assert [m.name for m in broken.applied(database)] == ["0001_ok"]
