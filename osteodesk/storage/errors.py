"""Why a database could not be opened or used: one exception per thing the user must act on."""

from __future__ import annotations

from pathlib import Path


class StorageError(Exception):
    """Base class: the message says what is wrong and what to do."""


class NotADatabaseError(StorageError):
    """The file is not an SQLite database (wrong file, or damaged beyond its header)."""

    def __init__(self, path: Path, detail: str) -> None:
        self.path = path
        super().__init__(f"{path} is not an OsteoDesk database: {detail}")


class DatabaseCorruptError(StorageError):
    """SQLite reports damage (truncated file, failed integrity check)."""

    def __init__(self, path: Path | None, detail: str) -> None:
        self.path = path
        where = str(path) if path else "the database"
        super().__init__(
            f"{where} is damaged: {detail}. Restore the latest backup (osteodesk restore FILE)."
        )


class NewerDatabaseError(StorageError):
    """The database was written by a newer OsteoDesk; opening it here could lose data."""

    def __init__(self, path: Path | None, unknown_steps: list[str]) -> None:
        self.path = path
        self.unknown_steps = unknown_steps
        where = str(path) if path else "the database"
        super().__init__(
            f"{where} comes from a newer OsteoDesk (unknown schema steps: "
            f"{', '.join(unknown_steps)}). Update OsteoDesk; the file was not changed."
        )


class ForeignDatabaseError(StorageError):
    """An SQLite file of some other program: never migrate it into ours."""

    def __init__(self, path: Path, tables: list[str]) -> None:
        self.path = path
        shown = ", ".join(tables[:5]) + (", ..." if len(tables) > 5 else "")
        super().__init__(
            f"{path} is an SQLite database of another program (tables: {shown}); "
            "it was not changed."
        )


class PatientNotFoundError(StorageError, LookupError):
    """No patient with that internal number (or clinic id)."""

    def __init__(self, ref: int | str) -> None:
        self.ref = ref
        super().__init__(f"no patient {ref!r}")


class DuplicateClinicIdError(StorageError, ValueError):
    """Another patient already has this clinic id (`mrn` is unique)."""

    def __init__(self, mrn: str) -> None:
        self.mrn = mrn
        super().__init__(f"clinic id {mrn!r} already belongs to another patient")
