"""Helpers of the reliability tests: record digests and integrity checks read from files."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from osteodesk.core.record import PatientRecord, record_to_json
from osteodesk.storage.backup import read_only
from osteodesk.storage.patients import PatientRepository


def record_hash(record: PatientRecord) -> str:
    """SHA-256 of a record's contract JSON (what a save must give back unchanged).

    Numbers are hashed as floats: a REAL column gives back 2.0 for 2 and 0.0 for -0.0, which are
    the same values (the records compare equal) but not the same JSON text.
    """
    text = json.dumps(
        _numbers_as_floats(record_to_json(record)), ensure_ascii=False, sort_keys=True
    )
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _numbers_as_floats(value: Any) -> Any:
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return value
    if isinstance(value, int | float):
        return float(value) + 0.0  # -0.0 + 0.0 is 0.0
    if isinstance(value, dict):
        return {key: _numbers_as_floats(item) for key, item in value.items()}
    return [_numbers_as_floats(item) for item in value]


def digests_of(path: Path, passphrase: str | None = None) -> dict[str, str]:
    """Clinic id (or #number) -> `record_hash` of every patient, read from the file."""
    with read_only(path, live=True, passphrase=passphrase) as conn:
        repo = PatientRepository(Database(conn, execute_plugins=False))
        keys = {
            row[0]: row[1] if row[1] is not None else f"#{row[0]}"
            for row in conn.execute("SELECT id, mrn FROM patients")
        }
        return {keys[pid]: record_hash(record) for pid, record in repo.iter_records()}


def integrity(path: Path) -> list[str]:
    """PRAGMA integrity_check of a plain database file (recovering its WAL like any reader)."""
    conn = sqlite3.connect(path)
    try:
        return [row[0] for row in conn.execute("PRAGMA integrity_check")]
    finally:
        conn.close()
