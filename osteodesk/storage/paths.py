"""Where OsteoDesk keeps its files: the per-user data folder, unless told otherwise.

Order: an explicit ``--db`` path, then ``$OSTEODESK_DB``, then ``osteodesk.sqlite3`` in the
per-user data folder (``$OSTEODESK_DATA_DIR`` overrides the folder, for tests and portable use).
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "OsteoDesk"
DB_FILENAME = "osteodesk.sqlite3"


def data_dir() -> Path:
    """The per-user data folder (created on first use)."""
    override = os.environ.get("OSTEODESK_DATA_DIR")
    folder = Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, False))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def default_db_path() -> Path:
    """The database used when no ``--db`` is given."""
    env = os.environ.get("OSTEODESK_DB")
    return Path(env) if env else data_dir() / DB_FILENAME


def resolve_db_path(explicit: str | os.PathLike[str] | None) -> Path:
    """The database path for a command: the explicit one if given, else the default."""
    return Path(explicit) if explicit else default_db_path()


def log_dir() -> Path:
    """Folder for the rotating log (no patient data is ever logged)."""
    folder = data_dir() / "logs"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def backup_dir() -> Path:
    """Folder for automatic backups (on close and before migrations)."""
    folder = data_dir() / "backups"
    folder.mkdir(parents=True, exist_ok=True)
    return folder
