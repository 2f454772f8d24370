"""Optional encryption at rest with SQLCipher: keyed connections and verified conversions.

An encrypted database is a SQLCipher 4 file: every page (and the WAL) is encrypted with a key
derived from the passphrase, so the file starts with random bytes instead of "SQLite format 3".
Nothing here stores the passphrase; the caller keeps it for as long as the database is open.

Setting, changing or removing the passphrase never edits the file in place: the database is
exported into a new file (`sqlcipher_export`), the copy is verified (integrity check and a
digest of every table's rows), then swapped in with a rename while the original is still kept,
and only after the swapped-in file opens with the new key is the original overwritten and
removed. The automatic backups are converted the same way, so no plain copy stays behind.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any, Final

from sqlite_utils import Database

from osteodesk.storage.errors import StorageError

try:  # an optional dependency: without it databases simply stay plain
    import sqlcipher3 as _sqlcipher
except ImportError:  # pragma: no cover - sqlcipher3-binary is a declared dependency
    _sqlcipher = None

cipher: ModuleType | None = _sqlcipher

PASSPHRASE_ENV: Final = "OSTEODESK_PASSPHRASE"
SQLITE_HEADER: Final = b"SQLite format 3\x00"
MIN_PASSPHRASE_LENGTH: Final = 8  # our choice: short enough to type, long enough not to guess
_WIPE_CHUNK: Final = 1 << 20

# Every driver error, whichever library made the connection (their classes are unrelated).
DRIVER_ERRORS: Final[tuple[type[Exception], ...]] = (
    (sqlite3.Error, cipher.Error) if cipher is not None else (sqlite3.Error,)
)
DATABASE_ERRORS: Final[tuple[type[Exception], ...]] = (
    (sqlite3.DatabaseError, cipher.DatabaseError)
    if cipher is not None
    else (sqlite3.DatabaseError,)
)
INTEGRITY_ERRORS: Final[tuple[type[Exception], ...]] = (
    (sqlite3.IntegrityError, cipher.IntegrityError)
    if cipher is not None
    else (sqlite3.IntegrityError,)
)


class EncryptionUnavailableError(StorageError):
    """The SQLCipher binding (sqlcipher3) is not installed."""

    def __init__(self) -> None:
        super().__init__(
            "encryption needs the sqlcipher3 package (pip install sqlcipher3-binary); "
            "nothing was changed"
        )


class EncryptedDatabaseError(StorageError):
    """The file is encrypted and no passphrase was given."""

    def __init__(self, path: Path) -> None:
        self.path = path
        super().__init__(
            f"{path} is encrypted: give its passphrase (the window asks for it; commands read "
            f"it from the environment variable {PASSPHRASE_ENV}, never from the command line)"
        )


class WrongPassphraseError(StorageError):
    """The passphrase does not open the file (or the file is not a database at all)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        super().__init__(
            f"wrong passphrase for {path}: it does not open the database (passphrases are "
            "case-sensitive); nothing was changed"
        )


class PassphraseError(StorageError, ValueError):
    """A new passphrase that cannot be used."""


@dataclass(frozen=True, slots=True)
class ConversionReport:
    """One conversion: the database, the tables verified and the backups converted with it."""

    path: Path
    encrypted: bool
    table_digests: dict[str, str]
    backups_converted: list[Path] = field(default_factory=list)
    backups_skipped: list[Path] = field(default_factory=list)


class EncryptedDatabase(Database):
    """A `Database` over a SQLCipher connection; keeps the passphrase for its backups."""

    passphrase: str


def available() -> bool:
    """Whether SQLCipher can be used here."""
    return cipher is not None


def env_passphrase() -> str | None:
    """The passphrase commands take from ``$OSTEODESK_PASSPHRASE`` (empty means none)."""
    value = os.environ.get(PASSPHRASE_ENV, "")
    return value or None


def passphrase_of(db: Any) -> str | None:
    """The passphrase of an open database, or None for a plain one."""
    return db.passphrase if isinstance(db, EncryptedDatabase) else None


def check_new_passphrase(passphrase: str) -> None:
    """Refuse passphrases that are too short or cannot be typed reliably.

    Raises:
        PassphraseError: the message names the rule.
    """
    if len(passphrase) < MIN_PASSPHRASE_LENGTH:
        raise PassphraseError(
            f"passphrase: must have at least {MIN_PASSPHRASE_LENGTH} characters"
            f" (got {len(passphrase)})"
        )
    if any(ord(ch) < 32 for ch in passphrase):
        raise PassphraseError("passphrase: must not contain control characters")


def looks_encrypted(path: Path) -> bool:
    """Whether a file is probably a SQLCipher database (no SQLite header, whole pages).

    An encrypted file cannot be told from random bytes without the key; its size is a multiple
    of the page size (at least 512 bytes) and it is not text, which rules out most other files.
    """
    try:
        size = path.stat().st_size
        if size < 512 or size % 512:
            return False
        with path.open("rb") as handle:
            head = handle.read(64)
    except OSError:
        return False
    if head.startswith(SQLITE_HEADER):
        return False
    printable = sum(1 for b in head if 32 <= b < 127 or b in (9, 10, 13))
    return printable < len(head) * 0.9


def _quote(passphrase: str) -> str:
    return "'" + passphrase.replace("'", "''") + "'"


def connect(path: Path | str, passphrase: str | None, *, read_only: bool = False) -> Any:
    """A SQLCipher connection keyed with `passphrase` (None: an unencrypted file).

    Raises:
        EncryptionUnavailableError: sqlcipher3 is not installed.
    """
    if cipher is None:
        raise EncryptionUnavailableError()
    if read_only:
        conn = cipher.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True)
    else:
        conn = cipher.connect(str(path))
    try:
        # SQLCipher writes failed key checks to stderr unless told not to.
        conn.execute("PRAGMA cipher_log_level = NONE")
        if passphrase is not None:
            conn.execute(f"PRAGMA key = {_quote(passphrase)}")
    except BaseException:
        conn.close()
        raise
    return conn


def verify_key(conn: Any, path: Path) -> None:
    """Read the schema once: the first read is where a wrong key shows.

    Raises:
        WrongPassphraseError: the key does not decrypt the file.
    """
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except DATABASE_ERRORS as exc:
        if "not a database" in str(exc) or "encrypted" in str(exc):
            raise WrongPassphraseError(path) from exc
        raise


def open_keyed(path: Path, passphrase: str) -> EncryptedDatabase:
    """An `EncryptedDatabase` on `path` (created encrypted when new).

    Raises:
        WrongPassphraseError: the passphrase does not open an existing file.
    """
    conn = connect(path, passphrase)
    try:
        verify_key(conn, path)
    except BaseException:
        conn.close()
        raise
    db = EncryptedDatabase(conn, execute_plugins=False)
    db.passphrase = passphrase
    return db


@contextlib.contextmanager
def read_only_connection(path: Path, passphrase: str) -> Iterator[Any]:
    """A read-only keyed connection that is closed afterwards."""
    conn = connect(path, passphrase, read_only=True)
    try:
        verify_key(conn, path)
        yield conn
    finally:
        conn.close()


def table_digests(conn: Any) -> dict[str, str]:
    """A SHA-256 of every table's rows (in primary-key order): equal digests, equal content."""
    names = [
        row[0]
        for row in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            " ORDER BY name"
        )
    ]
    digests: dict[str, str] = {}
    for name in names:
        digest = hashlib.sha256()
        # ORDER BY every column: a stable order for tables with or without rowid.
        columns = [row[1] for row in conn.execute(f'PRAGMA table_info("{name}")')]
        order = ", ".join(f'"{c}"' for c in columns)
        for row in conn.execute(f'SELECT * FROM "{name}" ORDER BY {order}'):
            digest.update(repr(row).encode("utf-8"))
            digest.update(b"\n")
        digests[name] = digest.hexdigest()
    return digests


def convert(
    path: Path,
    old: str | None,
    new: str | None,
    *,
    backups: list[Path] | None = None,
) -> ConversionReport:
    """Encrypt (old None), re-key, or decrypt (new None) a closed database file, verified.

    Args:
        path: the database; no connection may be open on it.
        old: its current passphrase (None: it is plain).
        new: the passphrase it gets (None: make it plain).
        backups: copies to convert along with it (the automatic backups); one that does not
            open with `old` is left as it is and listed as skipped.

    Raises:
        EncryptionUnavailableError, WrongPassphraseError, PassphraseError, StorageError: the
            database was not changed.
    """
    if cipher is None:
        raise EncryptionUnavailableError()
    if new is not None:
        check_new_passphrase(new)
    path = Path(path)
    digests = _convert_file(path, old, new)
    converted: list[Path] = []
    skipped: list[Path] = []
    for copy in backups or []:
        try:
            _convert_file(copy, old, new, fold_wal=False)
        except StorageError:
            skipped.append(copy)
        else:
            converted.append(copy)
    return ConversionReport(path, new is not None, digests, converted, skipped)


def _convert_file(
    path: Path, old: str | None, new: str | None, *, fold_wal: bool = True
) -> dict[str, str]:
    """Export `path` into a new file under the new key, verify it, swap it in; the digests."""
    if not path.is_file():
        raise StorageError(f"no database at {path}")
    if old is None and looks_encrypted(path):
        raise EncryptedDatabaseError(path)
    if fold_wal:
        from osteodesk.storage.backup import ensure_not_in_use

        ensure_not_in_use(path, old)  # the window must close it first
    source = connect(path, old)
    staged = path.with_name(f".{path.name}.converting-{os.getpid()}")
    kept = path.with_name(f".{path.name}.original-{os.getpid()}")
    _unlink(staged)
    try:
        verify_key(source, path)
        if fold_wal:
            # Fold the WAL into the file, so the original leaves no -wal behind after the swap.
            source.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        before = table_digests(source)
        source.execute(f"ATTACH DATABASE ? AS converted KEY {_quote(new or '')}", [str(staged)])
        source.execute("SELECT sqlcipher_export('converted')")
        source.execute("DETACH DATABASE converted")
    except DATABASE_ERRORS as exc:
        _wipe(staged)
        raise StorageError(f"could not convert {path}: {exc}; nothing was changed") from exc
    except BaseException:
        _wipe(staged)
        raise
    finally:
        source.close()
    try:
        _verify_copy(staged, new, before)
    except BaseException:
        _wipe(staged)
        raise
    _fsync_file(staged)
    # Keep the original under a second name, then swap: the database path always names a
    # complete file (the old one or the verified new one).
    _unlink(kept)
    try:
        os.link(path, kept)
    except OSError:  # a file system without hard links
        shutil.copy2(path, kept)
    os.replace(staged, path)
    _fsync_dir(path.parent)
    for suffix in ("-wal", "-shm"):
        _unlink(path.with_name(path.name + suffix))
    try:
        _verify_copy(path, new, before)
    except BaseException:
        os.replace(kept, path)  # put the original back: nothing was lost
        _fsync_dir(path.parent)
        raise
    _wipe(kept)
    return before


def _verify_copy(path: Path, passphrase: str | None, expected: dict[str, str]) -> None:
    conn = connect(path, passphrase)
    try:
        verify_key(conn, path)
        integrity = [row[0] for row in conn.execute("PRAGMA integrity_check")]
        if integrity != ["ok"]:
            raise StorageError(f"the converted copy failed its integrity check: {integrity[:3]}")
        if conn.execute("PRAGMA journal_mode").fetchone()[0] != "delete":
            conn.execute("PRAGMA journal_mode = DELETE")
        if table_digests(conn) != expected:
            raise StorageError("the converted copy does not hold the same rows; nothing changed")
    finally:
        conn.close()


def wipe(path: Path) -> None:
    """Overwrite a file with zeros, sync it and delete it (best effort: see the README).

    On SSDs and copy-on-write file systems old blocks may survive an overwrite; the overwrite
    still keeps the plain text out of the file system's free space in the common case.
    """
    _wipe(path)


def _wipe(path: Path) -> None:
    for target in (path, path.with_name(path.name + "-journal")):
        try:
            size = target.stat().st_size
        except FileNotFoundError:
            continue
        with contextlib.suppress(OSError), target.open("r+b") as handle:
            zeros = bytes(min(_WIPE_CHUNK, max(size, 1)))
            written = 0
            while written < size:
                chunk = zeros[: min(len(zeros), size - written)]
                handle.write(chunk)
                written += len(chunk)
            handle.flush()
            os.fsync(handle.fileno())
        _unlink(target)


def _unlink(path: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        path.unlink()


def _fsync_file(path: Path) -> None:
    with path.open("rb+") as handle:
        os.fsync(handle.fileno())


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(fd)
    finally:
        os.close(fd)
