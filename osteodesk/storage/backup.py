"""Safe copies of the database: online backup, verification, restore, checks, rotation.

A copy is made with SQLite's online backup API (consistent even while the window has the
database open), written to a temporary file, verified (integrity check and row counts) and only
then renamed into place, so a backup file is either complete and checked or absent.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import shutil
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Final

from sqlite_utils import Database

from osteodesk.storage import crypto, paths
from osteodesk.storage.errors import (
    DatabaseCorruptError,
    NewerDatabaseError,
    NotADatabaseError,
    StorageError,
)
from osteodesk.storage.migrations import MIGRATION_SET, known_steps

_COPY_ERRORS: Final[tuple[type[Exception], ...]] = (*crypto.DRIVER_ERRORS, StorageError, OSError)
_PARTIAL_RE: Final = re.compile(r"^\..+\.(?:partial|restoring|converting)-(\d+)$")

AUTO_BACKUPS_KEPT: Final = 10
_SAFE_REASON_RE: Final = re.compile(r"[^a-z0-9-]+")


class BackupError(StorageError):
    """A copy could not be made or did not verify; the target was not written."""


class DatabaseInUseError(StorageError):
    """Another program (or window) has the database open, so it cannot be replaced now."""


@dataclass(frozen=True, slots=True)
class CheckReport:
    """What `check` found: integrity, foreign keys, schema steps and row counts."""

    path: Path | None
    integrity: list[str]
    foreign_key_problems: int
    applied_steps: list[str]
    pending_steps: list[str]
    unknown_steps: list[str]
    row_counts: dict[str, int] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return (
            self.integrity == ["ok"] and self.foreign_key_problems == 0 and not self.unknown_steps
        )


@dataclass(frozen=True, slots=True)
class BackupReport:
    """A verified copy: where it is, and the rows it holds per table."""

    target: Path
    row_counts: dict[str, int]
    bytes: int


@dataclass(frozen=True, slots=True)
class Comparison:
    """Live database against a backup, down to the content of every patient's record.

    Attributes:
        count_differences: tables whose row counts differ: (live, backup).
        only_in_live, only_in_backup: patients (clinic id, else ``#number``) on one side only.
        changed: patients on both sides whose whole record (every fact, archived or not)
            differs, found by comparing SHA-256 digests of the records.
        content_differences: tables with the same number of rows but different rows.
    """

    count_differences: dict[str, tuple[int, int]]
    only_in_live: list[str]
    only_in_backup: list[str]
    changed: list[str] = field(default_factory=list)
    content_differences: list[str] = field(default_factory=list)
    patients_compared: int = 0

    @property
    def same(self) -> bool:
        return not (
            self.count_differences
            or self.only_in_live
            or self.only_in_backup
            or self.changed
            or self.content_differences
        )


@dataclass(frozen=True, slots=True)
class TrialRestoreReport:
    """A backup restored into a scratch folder, opened, checked and compared with the live one."""

    backup: Path
    made_at: datetime
    patients: int
    applied_steps: int
    comparison: Comparison


@dataclass(frozen=True, slots=True)
class RestoreReport:
    """A restore: the file now in use and where the replaced database was kept."""

    restored_from: Path
    database: Path
    kept_previous: Path | None
    row_counts: dict[str, int]


# --- reading a file safely --------------------------------------------------------------


@contextlib.contextmanager
def read_only(
    path: Path, *, live: bool = False, passphrase: str | None = None
) -> Iterator[sqlite3.Connection]:
    """A connection that only reads an existing database file (never creates it).

    Args:
        path: the file.
        live: the database in use rather than a backup. A read-only connection cannot remove
            the -wal/-shm files a WAL database needs, so the live database is opened
            normally (and only read), which leaves the folder as it was.
        passphrase: for an encrypted file (a plain file ignores it).

    Raises:
        NotADatabaseError: missing, or not SQLite.
        EncryptedDatabaseError: encrypted, and no passphrase given.
        WrongPassphraseError: the passphrase does not open it.
    """
    if not path.is_file():
        raise NotADatabaseError(path, "no such file")
    with path.open("rb") as handle:
        plain = handle.read(16).startswith(b"SQLite format 3\x00")
    if not plain and not crypto.looks_encrypted(path):
        raise NotADatabaseError(path, "the file does not start with the SQLite header")
    if not plain and passphrase is None:
        raise crypto.EncryptedDatabaseError(path)
    mode = "rw" if live else "ro"
    if plain:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode={mode}", uri=True)
    else:
        conn = crypto.connect(path, passphrase, read_only=not live)
    try:
        conn.execute("PRAGMA busy_timeout = 5000")
        if not plain:
            crypto.verify_key(conn, path)
        yield conn
    except crypto.DATABASE_ERRORS as exc:
        text = str(exc)
        if "not a database" in text:
            raise NotADatabaseError(path, text) from exc
        if "malformed" in text or "disk image" in text:
            raise DatabaseCorruptError(path, text) from exc
        raise
    finally:
        conn.close()


def table_counts(conn: sqlite3.Connection) -> dict[str, int]:
    """Rows per table (every table, sqlite internals excluded)."""
    names = [
        row[0]
        for row in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            " ORDER BY name"
        )
    ]
    return {name: conn.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0] for name in names}


def inspect(conn: sqlite3.Connection, path: Path | None, *, full: bool = True) -> CheckReport:
    """Integrity, foreign keys, schema steps and row counts of an open connection."""
    integrity = [row[0] for row in conn.execute("PRAGMA integrity_check")] if full else ["ok"]
    fk_problems = len(conn.execute("PRAGMA foreign_key_check").fetchall())
    has_steps = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_sqlite_migrations'"
    ).fetchone()
    applied: list[str] = []
    if has_steps:
        applied = [
            row[0]
            for row in conn.execute(
                "SELECT name FROM _sqlite_migrations WHERE migration_set = ? ORDER BY id",
                [MIGRATION_SET],
            )
        ]
    known = known_steps()
    return CheckReport(
        path=path,
        integrity=integrity,
        foreign_key_problems=fk_problems,
        applied_steps=applied,
        pending_steps=[s for s in known if s not in applied],
        unknown_steps=[s for s in applied if s not in known],
        row_counts=table_counts(conn),
    )


def check_file(path: Path, *, passphrase: str | None = None) -> CheckReport:
    """Check a database or backup file without changing it."""
    with read_only(path, passphrase=passphrase) as conn:
        return inspect(conn, path)


def verify_restorable(path: Path, *, passphrase: str | None = None) -> CheckReport:
    """Check that a file can replace the database: SQLite, intact, ours, not newer.

    Raises:
        NotADatabaseError: not SQLite, or not an OsteoDesk database.
        DatabaseCorruptError: the integrity check fails.
        NewerDatabaseError: written by a newer OsteoDesk.
    """
    report = check_file(path, passphrase=passphrase)
    if report.integrity != ["ok"]:
        raise DatabaseCorruptError(path, "; ".join(report.integrity[:5]))
    if report.foreign_key_problems:
        raise DatabaseCorruptError(path, f"{report.foreign_key_problems} broken references")
    if not report.applied_steps:
        raise NotADatabaseError(path, "it holds no OsteoDesk schema")
    if report.unknown_steps:
        raise NewerDatabaseError(path, report.unknown_steps)
    return report


# --- making copies ----------------------------------------------------------------------


def backup_database(
    source: Database | Path, target: Path, *, passphrase: str | None = None
) -> BackupReport:
    """Copy a database with the online backup API and verify the copy before it is kept.

    The copy of an encrypted database is encrypted with the same passphrase.

    Args:
        source: an open database (the window's) or a database file.
        target: where the copy goes; replaced only once the new copy has verified.
        passphrase: for an encrypted source file (an open database knows its own).

    Raises:
        BackupError: the copy failed or did not verify (the target is left as it was).
    """
    target = Path(target)
    if not target.parent.is_dir():
        raise BackupError(f"folder {target.parent} does not exist")
    passphrase = crypto.passphrase_of(source) or passphrase
    temp = target.with_name(f".{target.name}.partial-{os.getpid()}")
    try:
        with _source_connection(source, passphrase) as src:
            key = passphrase if _is_cipher(src) else None
            _copy(src, temp, key)
            source_counts = table_counts(src)
            with read_only(temp, passphrase=key) as copy:
                integrity = [row[0] for row in copy.execute("PRAGMA integrity_check")]
                copy_counts = table_counts(copy)
    except _COPY_ERRORS as exc:
        _remove(temp)
        raise BackupError(f"backup to {target} failed: {_explain(exc, target)}") from exc
    if integrity != ["ok"]:
        _remove(temp)
        raise BackupError(f"the copy failed its integrity check: {'; '.join(integrity[:5])}")
    if copy_counts != source_counts:
        _remove(temp)
        raise BackupError(f"row counts differ: source {source_counts}, copy {copy_counts}")
    try:
        os.replace(temp, target)
    except OSError as exc:
        _remove(temp)
        raise BackupError(f"backup to {target} failed: {_explain(exc, target)}") from exc
    _fsync_dir(target.parent)
    return BackupReport(target=target, row_counts=copy_counts, bytes=target.stat().st_size)


def auto_backup(
    db_path: Path, reason: str, *, db: Database | None = None, passphrase: str | None = None
) -> Path | None:
    """A rotating automatic backup into `paths.backup_dir()` (the last 10 are kept).

    Called when the window closes and before migrations. Returns the new file, or None when
    there is nothing to back up (no file yet).

    Args:
        db_path: the database file.
        reason: a short word for the file name (e.g. ``on-close``, ``before-migration``).
        db: the open connection to copy from, if the caller has one.
    """
    db_path = Path(db_path)
    if db is None and (not db_path.exists() or db_path.stat().st_size == 0):
        return None
    folder = paths.backup_dir()
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    safe_reason = _SAFE_REASON_RE.sub("-", reason.lower()).strip("-") or "auto"
    target = folder / f"{db_path.stem}-{stamp}-{safe_reason}.sqlite3"
    remove_stale_partials(folder)
    backup_database(db if db is not None else db_path, target, passphrase=passphrase)
    rotate(folder, db_path.stem, keep=AUTO_BACKUPS_KEPT)
    return target


def remove_stale_partials(folder: Path) -> list[Path]:
    """Delete half-written copies left by a process that was killed (its pid is gone)."""
    removed: list[Path] = []
    for candidate in folder.iterdir():
        match = _PARTIAL_RE.match(candidate.name)
        if match and not _pid_alive(int(match.group(1))):
            _remove(candidate)
            _remove(candidate.with_name(candidate.name + "-journal"))
            removed.append(candidate)
    return removed


def rotate(folder: Path, stem: str, *, keep: int) -> list[Path]:
    """Delete all but the newest `keep` automatic backups of `stem`; return the deleted."""
    pattern = re.compile(rf"^{re.escape(stem)}-\d{{8}}-\d{{6}}-\d{{6}}-[a-z0-9-]+\.sqlite3$")
    backups = sorted(
        (p for p in folder.iterdir() if pattern.match(p.name)), key=lambda p: p.name[len(stem) :]
    )
    doomed = backups[:-keep] if keep else backups
    for old in doomed:
        _remove(old)
    return doomed


def list_auto_backups(stem: str) -> list[Path]:
    """The automatic backups of a database (by file stem), newest first."""
    folder = paths.backup_dir()
    found = [p for p in folder.glob(f"{stem}-*.sqlite3") if p.is_file()]
    return sorted(found, key=lambda p: p.name, reverse=True)


def restore_database(
    source: Path, db_path: Path, *, passphrase: str | None = None
) -> RestoreReport:
    """Replace the database with a verified backup; the replaced one is kept beside it.

    Steps: verify `source`; copy it to a temporary file next to the database and verify the
    copy; copy the current database (with anything still in its WAL) to
    ``<name>.replaced-<time>``; then rename the new file over the database.

    Raises:
        NotADatabaseError, DatabaseCorruptError, NewerDatabaseError: `source` is unusable.
        DatabaseInUseError: another connection has the database open.
        BackupError: a copy failed.
    """
    source = Path(source)
    db_path = Path(db_path)
    verify_restorable(source, passphrase=passphrase)
    if source.resolve() == db_path.resolve():
        raise BackupError("the backup is the database itself")
    kept: Path | None = None
    if db_path.exists():
        _ensure_not_in_use(db_path, passphrase)
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        kept = db_path.with_name(f"{db_path.name}.replaced-{stamp}")
        try:
            backup_database(db_path, kept, passphrase=passphrase)
        except BackupError:
            # A damaged database (the usual reason to restore) cannot be copied page by
            # page: keep its bytes as they are, for whoever wants to rescue something.
            _copy_file_as_is(db_path, kept)
        _ensure_not_in_use(db_path, passphrase)
    staged = db_path.with_name(f".{db_path.name}.restoring-{os.getpid()}")
    report = backup_database(source, staged, passphrase=passphrase)
    for suffix in ("-wal", "-shm"):
        _remove(db_path.with_name(db_path.name + suffix))
    os.replace(staged, db_path)
    _fsync_dir(db_path.parent)
    return RestoreReport(
        restored_from=source, database=db_path, kept_previous=kept, row_counts=report.row_counts
    )


def trial_restore(
    backup: Path, db_path: Path, *, passphrase: str | None = None
) -> TrialRestoreReport:
    """Prove that `backup` can replace the database, without replacing it.

    The backup is verified, restored into a scratch folder exactly as `restore_database` would
    restore it, opened the way the window opens a database (pending schema steps applied), and
    compared record by record with the live database, which is only read.

    Raises:
        NotADatabaseError, DatabaseCorruptError, NewerDatabaseError, BackupError, ...:
            the backup could not be restored (the message says why).
    """
    import tempfile

    from osteodesk.storage.database import open_database
    from osteodesk.storage.migrations import migrations
    from osteodesk.storage.patients import PatientRepository

    backup = Path(backup)
    verify_restorable(backup, passphrase=passphrase)
    with tempfile.TemporaryDirectory(prefix="osteodesk-trial-restore-") as folder:
        restored = Path(folder) / "trial.sqlite3"
        restore_database(backup, restored, passphrase=passphrase)
        # migrate=False and then the steps by hand: a scratch copy needs no automatic backup.
        db = open_database(restored, migrate=False, passphrase=passphrase)
        try:
            migrations.apply(db)
            patients = PatientRepository(db).count(include_archived=True)
            integrity = [row[0] for row in db.execute("PRAGMA integrity_check")]
            steps = len(migrations.applied(db))
        finally:
            db.close()
        if integrity != ["ok"]:
            raise DatabaseCorruptError(backup, "; ".join(integrity[:5]))
        with (
            read_only(db_path, live=True, passphrase=passphrase) as live,
            read_only(restored, passphrase=passphrase) as copy,
        ):
            comparison = compare(live, copy)
    return TrialRestoreReport(
        backup=backup,
        made_at=made_at(backup, db_path.stem),
        patients=patients,
        applied_steps=steps,
        comparison=comparison,
    )


def made_at(backup: Path, stem: str) -> datetime:
    """When an automatic backup was made (from its name; else the file's time)."""
    stamp = backup.name[len(stem) + 1 : len(stem) + 1 + 22]
    try:
        return datetime.strptime(stamp, "%Y%m%d-%H%M%S-%f")
    except ValueError:
        return datetime.fromtimestamp(backup.stat().st_mtime)


def compare(live: sqlite3.Connection, backup: sqlite3.Connection) -> Comparison:
    """Row counts per table, the set of patients and every patient's record, live vs backup."""
    live_counts = table_counts(live)
    backup_counts = table_counts(backup)
    differences = {
        name: (live_counts.get(name, 0), backup_counts.get(name, 0))
        for name in sorted(set(live_counts) | set(backup_counts))
        if live_counts.get(name, 0) != backup_counts.get(name, 0)
    }
    live_records = record_digests(live)
    backup_records = record_digests(backup)
    live_tables = crypto.table_digests(live)
    backup_tables = crypto.table_digests(backup)
    return Comparison(
        count_differences=differences,
        only_in_live=sorted(set(live_records) - set(backup_records)),
        only_in_backup=sorted(set(backup_records) - set(live_records)),
        changed=sorted(
            key
            for key in set(live_records) & set(backup_records)
            if live_records[key] != backup_records[key]
        ),
        content_differences=sorted(
            name
            for name in set(live_tables) & set(backup_tables)
            if name not in differences and live_tables[name] != backup_tables[name]
        ),
        patients_compared=len(set(live_records) & set(backup_records)),
    )


def record_digests(conn: sqlite3.Connection) -> dict[str, str]:
    """A SHA-256 of every patient's whole record (and archived flag), by clinic id or #number.

    The record is read the way the window reads it (`PatientRepository`), so two databases
    give equal digests exactly when every patient would show the same facts.
    """
    from osteodesk.core.record import record_to_json
    from osteodesk.storage.patients import PatientRepository

    if not _has_table(conn, "patients"):
        return {}
    keys = {
        row[0]: row[1] if row[1] is not None else f"#{row[0]}"
        for row in conn.execute("SELECT id, mrn FROM patients")
    }
    archived = {row[0]: bool(row[1]) for row in conn.execute("SELECT id, archived FROM patients")}
    repo = PatientRepository(Database(conn, execute_plugins=False))
    digests: dict[str, str] = {}
    for patient_id, record in repo.iter_records(include_archived=True):
        payload = {"record": record_to_json(record), "archived": archived[patient_id]}
        text = json.dumps(payload, ensure_ascii=False, sort_keys=True)
        digests[keys[patient_id]] = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return digests


# --- internals --------------------------------------------------------------------------


@contextlib.contextmanager
def _source_connection(
    source: Database | Path, passphrase: str | None
) -> Iterator[sqlite3.Connection]:
    if isinstance(source, Database):
        yield source.conn
        return
    with read_only(Path(source), passphrase=passphrase) as conn:
        yield conn


def _is_cipher(conn: object) -> bool:
    return crypto.cipher is not None and isinstance(conn, crypto.cipher.Connection)


def _explain(exc: BaseException, path: Path) -> str:
    from osteodesk.storage import faults

    described = faults.describe(exc, path)
    return str(described if described is not None else exc)


def _pid_alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True
    return True


def _has_table(conn: sqlite3.Connection, name: str) -> bool:
    found = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", [name]
    ).fetchone()
    return found is not None


def _copy(src: sqlite3.Connection, temp: Path, passphrase: str | None = None) -> None:
    """Online-backup `src` into `temp` (encrypted with `passphrase` when the source is)."""
    _remove(temp)
    dest = crypto.connect(temp, passphrase) if passphrase is not None else sqlite3.connect(temp)
    try:
        src.backup(dest)
        # The copy inherits WAL mode from the source; a backup file must be one
        # self-contained file that read-only readers can open without creating a -wal/-shm.
        dest.execute("PRAGMA journal_mode = DELETE")
    finally:
        dest.close()
    with temp.open("rb+") as handle:
        os.fsync(handle.fileno())


def ensure_not_in_use(db_path: Path, passphrase: str | None = None) -> None:
    """Raise DatabaseInUseError while another connection has `db_path` open."""
    _ensure_not_in_use(db_path, passphrase)


def _ensure_not_in_use(db_path: Path, passphrase: str | None = None) -> None:
    """Fail when another connection holds the file: its -wal/-shm exist only while open."""
    for suffix in ("-wal", "-shm"):
        companion = db_path.with_name(db_path.name + suffix)
        if companion.exists():
            # A cleanly closed WAL database removes both; a crash may leave them, and then
            # opening and closing the database once folds the WAL back in.
            with contextlib.suppress(*crypto.DRIVER_ERRORS, StorageError):
                encrypted = crypto.looks_encrypted(db_path)
                conn = (
                    crypto.connect(db_path, passphrase)
                    if encrypted and passphrase is not None
                    else sqlite3.connect(db_path)
                )
                try:
                    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                finally:
                    conn.close()
            if companion.exists():
                raise DatabaseInUseError(
                    f"{db_path} is open in another program (close OsteoDesk first)"
                )


def _copy_file_as_is(db_path: Path, kept: Path) -> None:
    """Copy the database file and its WAL byte for byte (for a file SQLite cannot read)."""
    for suffix in ("", "-wal"):
        source = db_path.with_name(db_path.name + suffix)
        if source.exists():
            target = kept.with_name(kept.name + suffix)
            shutil.copyfile(source, target)
            with target.open("rb+") as handle:
                os.fsync(handle.fileno())
    _fsync_dir(kept.parent)


def _remove(path: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        path.unlink()


def _fsync_dir(folder: Path) -> None:
    """Make a rename durable (POSIX); a no-op where directories cannot be opened."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
