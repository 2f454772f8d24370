"""The only module that writes or reads the append-only audit_log table."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlite_utils import Database

Clock = Callable[[], datetime]


def utc_now() -> datetime:
    """The current time in UTC (the default clock of every repository)."""
    return datetime.now(UTC)


def timestamp(moment: datetime) -> str:
    """The stored form of a time: ISO 8601 in UTC with milliseconds (sorts as text)."""
    return moment.astimezone(UTC).isoformat(timespec="milliseconds")


@dataclass(frozen=True, slots=True)
class AuditEntry:
    """One change: when, by which path (ui, import, cli), to what, and the old and new value."""

    id: int
    at: datetime
    source: str
    entity: str
    entity_id: int | None
    patient_id: int | None
    action: str
    field: str | None
    old_value: Any
    new_value: Any


def to_text(value: Any) -> str | None:
    """A value as the audit log keeps it: JSON, so numbers, lists and text stay distinct."""
    if value is None:
        return None
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _from_text(text: str | None) -> Any:
    return None if text is None else json.loads(text)


class AuditLog:
    """Appends entries (never changes them; the table's triggers refuse UPDATE and DELETE)."""

    def __init__(self, db: Database, *, source: str = "ui", now: Clock = utc_now) -> None:
        self._db = db
        self.source = source
        self._now = now

    def append(
        self,
        *,
        entity: str,
        action: str,
        patient_id: int | None,
        entity_id: int | None = None,
        field: str | None = None,
        old_value: Any = None,
        new_value: Any = None,
    ) -> None:
        """Write one entry (inside the caller's transaction when one is open)."""
        self.append_many([(entity, action, patient_id, entity_id, field, old_value, new_value)])

    def append_many(
        self, entries: list[tuple[str, str, int | None, int | None, str | None, Any, Any]]
    ) -> None:
        """Write several entries: (entity, action, patient_id, entity_id, field, old, new)."""
        at = timestamp(self._now())
        with self._db.atomic():
            self._db.conn.executemany(
                "INSERT INTO audit_log (at, source, entity, entity_id, patient_id, action, field,"
                " old_value, new_value) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    (at, self.source, ent, ent_id, pid, action, fld, to_text(old), to_text(new))
                    for ent, action, pid, ent_id, fld, old, new in entries
                ],
            )

    def for_patient(self, patient_id: int) -> list[AuditEntry]:
        """Every entry about a patient, oldest first."""
        return self._entries("WHERE patient_id = :pid ORDER BY id", {"pid": patient_id})

    def recent(self, limit: int = 100) -> list[AuditEntry]:
        """The latest entries, newest first."""
        return self._entries("ORDER BY id DESC LIMIT :limit", {"limit": limit})

    def count(self) -> int:
        """How many entries the log holds."""
        return int(self._db.execute("SELECT count(*) FROM audit_log").fetchone()[0])

    def _entries(self, clause: str, params: dict[str, Any]) -> list[AuditEntry]:
        rows = self._db.query(
            "SELECT id, at, source, entity, entity_id, patient_id, action, field, old_value,"
            f" new_value FROM audit_log {clause}",
            params,
        )
        return [
            AuditEntry(
                id=row["id"],
                at=datetime.fromisoformat(row["at"]),
                source=row["source"],
                entity=row["entity"],
                entity_id=row["entity_id"],
                patient_id=row["patient_id"],
                action=row["action"],
                field=row["field"],
                old_value=_from_text(row["old_value"]),
                new_value=_from_text(row["new_value"]),
            )
            for row in rows
        ]
