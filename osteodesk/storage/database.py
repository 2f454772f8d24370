"""Opening the database: file checks, connection settings, refusal of newer files, migrations.

Every caller (window, commands, tests) gets its connection from `open_database`, so the
durability settings and the schema version are the same everywhere.
"""

from __future__ import annotations

from pathlib import Path

from sqlite_utils import Database

from osteodesk.storage import crypto
from osteodesk.storage.errors import (
    DatabaseCorruptError,
    ForeignDatabaseError,
    NewerDatabaseError,
    NotADatabaseError,
)
from osteodesk.storage.migrations import MIGRATION_SET, known_steps, migrations

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5000


def open_database(
    path: str | Path | None, *, migrate: bool = True, passphrase: str | None = None
) -> Database:
    """Open (creating if needed) the OsteoDesk database at `path`; None means in memory.

    Files get WAL with ``synchronous=FULL``: in WAL mode NORMAL may lose the last commits on
    power loss, FULL syncs the log on every commit, so a commit that returned is on disk.
    Foreign keys are on and a busy connection waits up to 5 s instead of failing at once.
    Pending migrations run after an automatic backup of an existing, non-empty file.

    Args:
        path: the file, or None for a database in memory.
        migrate: apply pending schema steps.
        passphrase: opens an encrypted (SQLCipher) file, and makes a new file encrypted.
            A plain existing file is opened as it is (see `crypto.convert` to encrypt it).

    Raises:
        NotADatabaseError: the file is not SQLite.
        DatabaseCorruptError: SQLite reports the file damaged (e.g. truncated).
        NewerDatabaseError: written by a newer OsteoDesk; nothing was changed.
        ForeignDatabaseError: an SQLite file of another program; nothing was changed.
        EncryptedDatabaseError: the file is encrypted and no passphrase was given.
        WrongPassphraseError: the passphrase does not open the file.
        StorageError: another fault (disk full, read-only, locked; see `faults`).
    """
    if path is None:
        db = Database(memory=True, execute_plugins=False)
        _configure(db)
        if migrate:
            migrations.apply(db)
        return db
    file = Path(path)
    try:
        return _open_file(file, migrate=migrate, passphrase=passphrase)
    except (NotADatabaseError, DatabaseCorruptError) as exc:
        from osteodesk.storage import faults

        if file.is_file() and faults.needs_backup_hint(exc):
            raise faults.with_backup_hint(exc, file, passphrase=passphrase) from exc.__cause__
        raise


def _open_file(file: Path, *, migrate: bool, passphrase: str | None) -> Database:
    encrypted = _check_header(file, passphrase)
    existing = file.exists() and file.stat().st_size > 0
    try:
        if encrypted or (passphrase is not None and not existing):
            db: Database = crypto.open_keyed(file, passphrase or "")
        else:
            db = Database(file, execute_plugins=False)
    except crypto.DATABASE_ERRORS as exc:
        raise _classify(file, exc) from exc
    try:
        _configure(db)  # WAL is a write: only after the checks below
        _check_versions(db, file)
        _enable_wal(db)
        if migrate:
            apply_migrations(db)
    except crypto.DRIVER_ERRORS as exc:
        db.close()
        raise _classify(file, exc) from exc
    except BaseException:
        db.close()
        raise
    return db


def needs_backup_before_migration(db: Database) -> bool:
    """Whether `db` (opened with ``migrate=False``) holds data and has steps pending.

    The window then makes that backup on a worker thread (seconds for a large file) and calls
    ``apply_migrations(db, backed_up=True)``.
    """
    return not db.memory and bool(pending_steps(db)) and _has_tables(db)


def apply_migrations(db: Database, *, backed_up: bool = False) -> None:
    """Run the pending steps of `db`, after an automatic backup unless the caller made one.

    Raises:
        StorageError: a fault while migrating (disk full, read-only; see `faults`).
    """
    if not pending_steps(db):
        return
    file = database_path(db)
    if file is None:  # in memory: nothing to back up, nothing to name in a message
        migrations.apply(db)
        return
    try:
        if not backed_up and needs_backup_before_migration(db):
            from osteodesk.storage.backup import auto_backup

            auto_backup(file, "before-migration", db=db)
        migrations.apply(db)
    except crypto.DRIVER_ERRORS as exc:
        raise _classify(file, exc) from exc


def database_path(db: Database) -> Path | None:
    """The file behind a connection, or None for an in-memory database."""
    for row in db.execute("PRAGMA database_list").fetchall():
        if row[1] == "main":
            return Path(row[2]) if row[2] else None
    return None


def pending_steps(db: Database) -> list[str]:
    """Migration steps not yet applied to `db` (read-only)."""
    return [m.name for m in migrations.pending(db)]


def applied_steps(db: Database) -> list[str]:
    """Migration steps recorded in `db`, in the order they were applied (read-only)."""
    return [m.name for m in migrations.applied(db)]


def unknown_steps(db: Database) -> list[str]:
    """Steps recorded in `db` that this version does not know (a newer OsteoDesk wrote them)."""
    known = set(known_steps())
    return [name for name in applied_steps(db) if name not in known]


def _configure(db: Database) -> None:
    db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    db.execute("PRAGMA foreign_keys = ON")
    db.execute("PRAGMA synchronous = FULL")


def _enable_wal(db: Database) -> None:
    if not db.memory:
        db.enable_wal()


def _check_header(file: Path, passphrase: str | None = None) -> bool:
    """Refuse what cannot be an OsteoDesk database; True when the file is encrypted."""
    if not file.exists():
        if not file.parent.exists():
            raise NotADatabaseError(file, f"folder {file.parent} does not exist")
        return False
    if file.is_dir():
        raise NotADatabaseError(file, "it is a folder")
    size = file.stat().st_size
    if size == 0:
        return False
    with file.open("rb") as handle:
        header = handle.read(100)
    if not header.startswith(SQLITE_HEADER):
        if crypto.looks_encrypted(file):
            if passphrase is None:
                raise crypto.EncryptedDatabaseError(file)
            return True
        raise NotADatabaseError(file, "the file does not start with the SQLite header")
    if len(header) < 100:
        raise DatabaseCorruptError(file, f"the file is truncated ({size} bytes)")
    # The header states the page count when the change counter (24) equals the
    # version-valid-for number (92); a file shorter than that has been cut off. Not while a
    # WAL holds frames: a checkpoint stopped by a full disk leaves a header that counts pages
    # which are still only in the WAL (found by the tmpfs test of issue 9).
    if _has_wal_frames(file):
        return False
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    page_count = int.from_bytes(header[28:32], "big")
    if header[24:28] == header[92:96] and page_count and page_count * page_size > size:
        raise DatabaseCorruptError(
            file, f"the file is truncated ({size} of {page_count * page_size} bytes)"
        )
    return False


def _has_wal_frames(file: Path) -> bool:
    wal = file.with_name(file.name + "-wal")
    try:
        return wal.stat().st_size > 32  # more than the WAL header
    except OSError:
        return False


def _check_versions(db: Database, file: Path) -> list[str]:
    """Refuse newer or foreign files before anything is written; return the pending steps."""
    tables = db.table_names()
    if tables == ["_sqlite_migrations"] and not _count(db, "_sqlite_migrations"):
        # Killed while the first open created the file: the steps table exists, nothing else.
        return pending_steps(db)
    if tables and "_sqlite_migrations" not in tables:
        raise ForeignDatabaseError(file, tables)
    if "_sqlite_migrations" in tables:
        ours = db.execute(
            "SELECT count(*) FROM _sqlite_migrations WHERE migration_set = ?", [MIGRATION_SET]
        ).fetchone()[0]
        if ours == 0:
            raise ForeignDatabaseError(file, tables)
    newer = unknown_steps(db)
    if newer:
        raise NewerDatabaseError(file, newer)
    return pending_steps(db)


def _has_tables(db: Database) -> bool:
    return bool(db.table_names())


def _count(db: Database, table: str) -> int:
    return int(db.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0])


def _classify(file: Path, exc: Exception) -> Exception:
    text = str(exc)
    if "malformed" in text or "disk image" in text or "corrupt" in text:
        return DatabaseCorruptError(file, text)
    from osteodesk.storage import faults

    described = faults.describe(exc, file)
    return described if described is not None else exc
