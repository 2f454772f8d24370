"""Failures of the disk and of SQLite as messages a clinic can act on, with the backup to use.

SQLite reports a full disk, a read-only file, a lock held by another program or a damaged file
as an exception with an error code; the file system does the same with an errno. `describe`
turns both into a `StorageError` that names the file, says what happened and what to do, and
says that nothing was lost (a failed transaction leaves the database as it was). Where restoring
is the fix, `with_backup_hint` adds the latest automatic backup that passes verification.
"""

from __future__ import annotations

import errno
import os
from datetime import datetime
from pathlib import Path
from typing import Final

from osteodesk.storage import crypto, paths
from osteodesk.storage.errors import DatabaseCorruptError, NotADatabaseError, StorageError

# Primary SQLite result codes (sqlite3.h): the low byte of an extended code.
SQLITE_BUSY: Final = 5
SQLITE_LOCKED: Final = 6
SQLITE_READONLY: Final = 8
SQLITE_IOERR: Final = 10
SQLITE_CORRUPT: Final = 11
SQLITE_FULL: Final = 13
SQLITE_CANTOPEN: Final = 14
SQLITE_NOTADB: Final = 26

_DISK_FULL_ERRNOS: Final = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG}
_READ_ONLY_ERRNOS: Final = {errno.EROFS, errno.EACCES, errno.EPERM}
_CHECK_ERRORS: Final[tuple[type[Exception], ...]] = (StorageError, OSError, *crypto.DRIVER_ERRORS)


class DiskFullError(StorageError):
    """No space left (or the database reached its size limit): the change was not written."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        where = str(path) if path else "the database"
        super().__init__(
            f"cannot write {where}: the disk is full. Free some space (or move the data folder"
            " to a larger disk) and try again; nothing was lost: everything saved before is"
            " intact"
        )


class ReadOnlyDatabaseError(StorageError):
    """The file or its folder cannot be written."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        where = str(path) if path else "the database"
        super().__init__(
            f"cannot write {where}: the file or its folder is read-only. Make both writable"
            " (SQLite keeps its -wal and -shm files beside the database) or copy the file to"
            " a writable folder; nothing was changed"
        )


class DatabaseLockedError(StorageError):
    """Another program holds a lock on the database for longer than the busy timeout."""

    def __init__(self, path: Path | None) -> None:
        from osteodesk.storage.database import BUSY_TIMEOUT_MS

        self.path = path
        where = str(path) if path else "the database"
        super().__init__(
            f"{where} is busy: another program (an OsteoDesk window or command) kept it locked"
            f" for more than {BUSY_TIMEOUT_MS / 1000:g} s. Close the other program and try"
            " again; nothing was changed"
        )


class CannotOpenDatabaseError(StorageError):
    """SQLite could not open or create the file (missing folder, no permission)."""

    def __init__(self, path: Path | None, detail: str) -> None:
        self.path = path
        where = str(path) if path else "the database"
        super().__init__(
            f"cannot open {where}: {detail}. Check that the folder exists and that you may"
            " read and write it; nothing was changed"
        )


class DiskIOError(StorageError):
    """The operating system reported a read or write error (a failing disk or a lost drive)."""

    def __init__(self, path: Path | None, detail: str) -> None:
        self.path = path
        where = str(path) if path else "the database"
        super().__init__(
            f"reading or writing {where} failed ({detail}): the disk or drive may be failing"
            " or was disconnected. Nothing was saved by this change; check the drive, then run"
            " `osteodesk check`"
        )


def describe(exc: BaseException, path: Path | None) -> StorageError | None:
    """The storage error a low-level failure stands for, or None if it is not a known fault.

    Args:
        exc: an sqlite3 / sqlcipher3 error or an OSError (already-described StorageErrors are
            returned unchanged).
        path: the database (or other file) that was being used.
    """
    if isinstance(exc, StorageError):
        return exc
    if isinstance(exc, OSError):
        if exc.errno in _DISK_FULL_ERRNOS:
            return DiskFullError(Path(exc.filename) if exc.filename else path)
        if exc.errno in _READ_ONLY_ERRNOS:
            return ReadOnlyDatabaseError(Path(exc.filename) if exc.filename else path)
        if exc.errno == errno.EIO:
            return DiskIOError(path, exc.strerror or "input/output error")
        return None
    if not isinstance(exc, crypto.DRIVER_ERRORS):
        return None
    code = getattr(exc, "sqlite_errorcode", None)
    text = str(exc)
    primary = code & 0xFF if isinstance(code, int) else None
    if primary == SQLITE_FULL or "database or disk is full" in text:
        return DiskFullError(path)
    if primary == SQLITE_READONLY or "readonly database" in text:
        return ReadOnlyDatabaseError(path)
    if primary in (SQLITE_BUSY, SQLITE_LOCKED) or "database is locked" in text:
        return DatabaseLockedError(path)
    if primary == SQLITE_CANTOPEN or "unable to open database file" in text:
        # In a read-only place SQLite cannot create the -wal/-shm files: say read-only.
        if path is not None and _read_only_place(path):
            return ReadOnlyDatabaseError(path)
        return CannotOpenDatabaseError(path, text)
    if primary == SQLITE_NOTADB or "not a database" in text:
        if path is not None and crypto.looks_encrypted(path):
            return crypto.EncryptedDatabaseError(path)
        return NotADatabaseError(path, text) if path is not None else None
    if primary == SQLITE_CORRUPT or "malformed" in text:
        return DatabaseCorruptError(path, text)
    if primary == SQLITE_IOERR or "disk I/O error" in text:
        return DiskIOError(path, text)
    return None


def _read_only_place(path: Path) -> bool:
    """Whether `path` or its folder cannot be written (file modes or a read-only mount)."""
    folder = path.parent if str(path.parent) else Path(".")
    try:
        if os.statvfs(folder).f_flag & os.ST_RDONLY:
            return True
    except (OSError, AttributeError):  # AttributeError: no statvfs (Windows)
        pass
    if not os.access(folder, os.W_OK):
        return True
    return path.exists() and not os.access(path, os.W_OK)


def latest_verified_backup(
    db_path: Path, *, passphrase: str | None = None
) -> tuple[Path, datetime] | None:
    """The newest automatic backup of `db_path` that passes verification, and when it was made.

    Backups live in the data folder's ``backups/`` and are named after the database's file
    name; each candidate is checked (SQLite, intact, ours, not newer) before it is offered.
    """
    from osteodesk.storage.backup import list_auto_backups, made_at, verify_restorable

    try:
        candidates = list_auto_backups(Path(db_path).stem)
    except OSError:
        return None
    for candidate in candidates:
        try:
            verify_restorable(candidate, passphrase=passphrase)
        except _CHECK_ERRORS:
            continue
        return candidate, made_at(candidate, Path(db_path).stem)
    return None


def backup_hint(db_path: Path | None, *, passphrase: str | None = None) -> str:
    """A sentence naming the latest verified backup and how to restore it ('' when none)."""
    if db_path is None:
        return ""
    found = latest_verified_backup(db_path, passphrase=passphrase)
    if found is None:
        return f"No verified automatic backup was found in {_backup_folder()}."
    backup, made = found
    return (
        f"The latest verified backup is {backup} ({made:%Y-%m-%d %H:%M});"
        f" restore it with `osteodesk restore {backup}`."
    )


def with_backup_hint(
    exc: StorageError, db_path: Path | None, *, passphrase: str | None = None
) -> StorageError:
    """`exc` with the backup sentence appended to its message (and as ``latest_backup``)."""
    if getattr(exc, "backup_hint_added", False):
        return exc
    hint = backup_hint(db_path, passphrase=passphrase)
    exc.backup_hint_added = True  # type: ignore[attr-defined]
    if hint:
        exc.args = (f"{exc} {hint}",)
    return exc


def needs_backup_hint(exc: StorageError) -> bool:
    """Whether restoring a backup is a fix for `exc` (a damaged or unreadable file)."""
    return isinstance(exc, (DatabaseCorruptError, NotADatabaseError)) and not isinstance(
        exc, crypto.EncryptedDatabaseError
    )


def _backup_folder() -> Path:
    return paths.data_dir() / "backups"
