"""The lock that keeps a second window off a database, and the open database it guards.

Cheap to import on purpose: the window takes the lock before its first paint and opens the
database (sqlite-utils, SQLCipher, migrations) only afterwards (issue 8), so the storage
modules are imported inside the functions that need them.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QLockFile
from PySide6.QtWidgets import QApplication, QWidget

from osteodesk.storage.errors import StorageError

_log = logging.getLogger(__name__)

LOCK_SUFFIX = ".lock"
PASSPHRASE_ATTEMPTS = 5

# Asks for the passphrase of a database: (path, why the last one failed or None) -> it, or None.
PassphrasePrompt = Callable[[Path, "str | None"], "str | None"]


class DatabaseInUseError(Exception):
    """Another OsteoDesk window (this process or another) has the database open."""

    def __init__(self, path: Path) -> None:
        self.path = path
        super().__init__(f"{path} is already open in another OsteoDesk window")


def storage_faults() -> tuple[type[Exception], ...]:
    """What a storage operation may raise that the window reports instead of crashing."""
    from osteodesk.storage import crypto

    return (StorageError, OSError, *crypto.DRIVER_ERRORS)


@dataclass
class DatabaseSession:
    """An open database and the lock that keeps a second window off it."""

    path: Path
    database: Any  # sqlite_utils.Database: only the composition root holds it (style.md B4)
    lock: QLockFile
    closed: bool = field(default=False)
    passphrase: str | None = None  # of an encrypted database (issue 9)
    backup_on_close: bool = True  # an automatic backup when the session ends (not for --demo)

    def close(self) -> None:
        """Back up (if wanted), close the connection and release the lock (idempotent)."""
        if self.closed:
            return
        self.closed = True
        try:
            if self.backup_on_close:
                self.make_close_backup(own_connection=False)
            self.database.close()
        finally:
            self.lock.unlock()

    def make_close_backup(self, *, own_connection: bool) -> None:
        """The automatic backup on close; a failure is logged (type only) and never blocks.

        With `own_connection` the copy reads the file through a connection of its own, so it
        may run on a worker thread (the window's connection belongs to the GUI thread).
        """
        from osteodesk.storage.backup import auto_backup

        try:
            if own_connection:
                auto_backup(self.path, "close", passphrase=self.passphrase)
            else:
                auto_backup(self.path, "close", db=self.database)
        except storage_faults() as exc:
            _log.warning("automatic backup on close failed (%s)", type(exc).__name__)


def lock_path(db_path: Path) -> Path:
    """The lock file that marks a database as open: ``<db>.lock`` beside it."""
    return db_path.with_name(db_path.name + LOCK_SUFFIX)


def acquire_lock(db_path: Path) -> QLockFile:
    """Take the lock of `db_path` (its folder is created if needed).

    Raises:
        DatabaseInUseError: another window holds the lock.
    """
    db_path.parent.mkdir(parents=True, exist_ok=True)
    lock = QLockFile(str(lock_path(db_path)))
    # Never stale by age: the window may stay open for days. A lock left by a crashed process
    # is still taken over, because QLockFile checks whether its owner is running.
    lock.setStaleLockTime(0)
    if not lock.tryLock(0):
        if lock.error() == QLockFile.LockError.LockFailedError:
            raise DatabaseInUseError(db_path)
        # A folder we cannot write to: opening will say what is wrong, more precisely.
        _log.warning("could not create the lock file (%s)", lock.error().name)
    return lock


def open_session(
    db_path: Path,
    passphrase: str | None = None,
    *,
    lock: QLockFile | None = None,
    parent: QWidget | None = None,
) -> DatabaseSession:
    """Lock `db_path` (unless `lock` already holds it), then open, create or migrate it.

    A lock taken here is released again if opening fails; a `lock` passed in stays with the
    caller (who may try another passphrase). Before a migration the automatic backup is made
    beside the window (`parent`), which keeps painting: seconds for a large practice.

    Raises:
        DatabaseInUseError: another window holds the lock.
        StorageError: the file is not a usable OsteoDesk database (from storage), is
            encrypted and `passphrase` is None, or `passphrase` is wrong.
    """
    from osteodesk.storage import crypto
    from osteodesk.storage.database import open_database

    db_path = Path(db_path).absolute()
    own_lock = lock is None
    held = acquire_lock(db_path) if lock is None else lock
    try:
        database = open_database(db_path, passphrase=passphrase, migrate=False)
        try:
            _migrate(database, db_path, passphrase, parent)
        except BaseException:
            database.close()
            raise
    except BaseException:
        if own_lock:
            held.unlock()
        raise
    return DatabaseSession(db_path, database, held, passphrase=crypto.passphrase_of(database))


def _migrate(database: Any, db_path: Path, passphrase: str | None, parent: QWidget | None) -> None:
    """Apply pending steps; the backup before them runs on a worker thread (its own connection)."""
    from osteodesk.storage.database import apply_migrations, needs_backup_before_migration

    if not needs_backup_before_migration(database):
        apply_migrations(database)
        return
    from osteodesk.storage.backup import auto_backup
    from osteodesk.ui.background import run_in_background

    run_in_background(
        lambda: auto_backup(db_path, "before-migration", passphrase=passphrase),
        label=QApplication.translate(
            "OsteoDesk", "Backing up the database before updating it for this version…"
        ),
        parent=parent,
        object_name="migration-backup",
    )
    apply_migrations(database, backed_up=True)


def open_with_passphrase(
    db_path: Path,
    prompt: PassphrasePrompt | None,
    *,
    lock: QLockFile | None = None,
    parent: QWidget | None = None,
) -> DatabaseSession:
    """open_session, asking `prompt` for the passphrase of an encrypted file (again if wrong).

    Raises:
        EncryptedDatabaseError: the prompt gave no passphrase (the user cancelled).
        WrongPassphraseError: still wrong after PASSPHRASE_ATTEMPTS tries.
        DatabaseInUseError, StorageError: as open_session.
    """
    from osteodesk.storage import crypto

    if prompt is None or not crypto.looks_encrypted(db_path):
        return open_session(db_path, lock=lock, parent=parent)
    error: str | None = None
    for attempt in range(PASSPHRASE_ATTEMPTS):
        passphrase = prompt(db_path, error)
        if passphrase is None:
            break
        try:
            return open_session(db_path, passphrase, lock=lock, parent=parent)
        except crypto.WrongPassphraseError:
            if attempt == PASSPHRASE_ATTEMPTS - 1:
                raise
            error = wrong_passphrase_text(db_path)
    raise crypto.EncryptedDatabaseError(db_path)


def wrong_passphrase_text(path: Path) -> str:
    """What the passphrase dialog says after a wrong passphrase."""
    return QApplication.translate(
        "OsteoDesk", "Wrong passphrase for {path}. Passphrases are case-sensitive; try again."
    ).format(path=str(path))
