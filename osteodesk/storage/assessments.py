"""The only module that reads or writes the assessments table (saved evaluations)."""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any

from sqlite_utils import Database

from osteodesk.core.plan import Assessment
from osteodesk.storage.audit import AuditLog, Clock, timestamp, utc_now
from osteodesk.storage.errors import PatientNotFoundError, StorageError


class AssessmentNotFoundError(StorageError, LookupError):
    """No assessment with that number."""


class AssessmentRepository:
    """Keep evaluations with the input they were made from; never changed once saved."""

    def __init__(self, db: Database, *, source: str = "ui", now: Clock = utc_now) -> None:
        self._db = db
        self._now = now
        self._audit = AuditLog(db, source=source, now=now)

    def add(self, assessment: Assessment) -> Assessment:
        """Save an assessment; return it with its number and creation time.

        Raises:
            PatientNotFoundError: the patient does not exist.
        """
        created = assessment.created_at or self._now()
        with self._db.atomic():
            if not self._db.execute(
                "SELECT 1 FROM patients WHERE id = ?", [assessment.patient_id]
            ).fetchone():
                raise PatientNotFoundError(assessment.patient_id)
            cursor = self._db.execute(
                "INSERT INTO assessments (patient_id, as_of, framework, rules_version,"
                " record_json, evaluation_json, created_at)"
                " VALUES (:patient_id, :as_of, :framework, :rules_version, :record_json,"
                " :evaluation_json, :created_at)",
                {
                    "patient_id": assessment.patient_id,
                    "as_of": assessment.as_of.isoformat(),
                    "framework": assessment.framework,
                    "rules_version": assessment.rules_version,
                    "record_json": _dump(assessment.record_json),
                    "evaluation_json": _dump(assessment.evaluation_json),
                    "created_at": timestamp(created),
                },
            )
            new_id = cursor.lastrowid
            assert new_id is not None
            self._audit.append(
                entity="assessment",
                action="create",
                patient_id=assessment.patient_id,
                entity_id=new_id,
                new_value={
                    "as_of": assessment.as_of.isoformat(),
                    "framework": assessment.framework,
                    "rules_version": assessment.rules_version,
                },
            )
        return self.get(new_id)

    def get(self, assessment_id: int) -> Assessment:
        """One assessment.

        Raises:
            AssessmentNotFoundError: no such assessment.
        """
        found = self._select("WHERE id = :id", {"id": assessment_id})
        if not found:
            raise AssessmentNotFoundError(f"no assessment {assessment_id}")
        return found[0]

    def for_patient(self, patient_id: int) -> list[Assessment]:
        """A patient's assessments, newest first."""
        return self._select(
            "WHERE patient_id = :pid ORDER BY created_at DESC, id DESC", {"pid": patient_id}
        )

    def latest(self, patient_id: int) -> Assessment | None:
        """A patient's most recent assessment, if any."""
        found = self._select(
            "WHERE patient_id = :pid ORDER BY created_at DESC, id DESC LIMIT 1",
            {"pid": patient_id},
        )
        return found[0] if found else None

    def _select(self, clause: str, params: dict[str, Any]) -> list[Assessment]:
        rows = self._db.query(
            "SELECT id, patient_id, as_of, framework, rules_version, record_json,"
            f" evaluation_json, created_at FROM assessments {clause}",
            params,
        )
        return [
            Assessment(
                patient_id=row["patient_id"],
                as_of=date.fromisoformat(row["as_of"]),
                framework=row["framework"],
                rules_version=row["rules_version"],
                record_json=json.loads(row["record_json"]),
                evaluation_json=json.loads(row["evaluation_json"]),
                created_at=datetime.fromisoformat(row["created_at"]),
                id=row["id"],
            )
            for row in rows
        ]


def _dump(value: dict[str, Any]) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, allow_nan=False)
