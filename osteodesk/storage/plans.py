"""The only module that reads or writes the plans table (regimens clinicians chose)."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, datetime
from typing import Any

from sqlite_utils import Database

from osteodesk.core.evaluation import Step
from osteodesk.core.plan import PLAN_STATUSES, Plan
from osteodesk.storage.audit import AuditLog, Clock, timestamp, utc_now
from osteodesk.storage.due import refresh_due_for_patient
from osteodesk.storage.errors import PatientNotFoundError, StorageError


class PlanNotFoundError(StorageError, LookupError):
    """No plan with that number."""


def steps_to_json(steps: tuple[Step, ...]) -> list[dict[str, Any]]:
    """The stored form of a regimen (contract step fields plus an optional start date)."""
    out: list[dict[str, Any]] = []
    for step in steps:
        item: dict[str, Any] = {"drug": step.drug}
        if step.months is not None:
            item["months"] = step.months
        if step.start_date is not None:
            item["start_date"] = step.start_date.isoformat()
        out.append(item)
    return out


def steps_from_json(items: list[dict[str, Any]]) -> tuple[Step, ...]:
    """Steps back from their stored form."""
    return tuple(
        Step(
            drug=item["drug"],
            months=item.get("months"),
            start_date=date.fromisoformat(item["start_date"]) if item.get("start_date") else None,
        )
        for item in items
    )


class PlanRepository:
    """Save chosen regimens and move them through their statuses (audited)."""

    def __init__(self, db: Database, *, source: str = "ui", now: Clock = utc_now) -> None:
        self._db = db
        self._now = now
        self._audit = AuditLog(db, source=source, now=now)

    def add(self, plan: Plan, *, supersede_active: bool = True) -> Plan:
        """Save a plan; by default the patient's active plans become ``superseded``.

        Raises:
            ValueError: no steps, an unknown status, or no override reason when the choice is
                not the rank-1 option.
            PatientNotFoundError: the patient does not exist.
        """
        _validate(plan)
        created = plan.created_at or self._now()
        with self._db.atomic():
            if not self._db.execute(
                "SELECT 1 FROM patients WHERE id = ?", [plan.patient_id]
            ).fetchone():
                raise PatientNotFoundError(plan.patient_id)
            if supersede_active and plan.status == "active":
                for active in self.for_patient(plan.patient_id, status="active"):
                    assert active.id is not None
                    self.set_status(active.id, "superseded")
            cursor = self._db.execute(
                "INSERT INTO plans (patient_id, assessment_id, steps_json, start_date, framework,"
                " rules_version, chosen_rank, override_reason, status, created_at, updated_at)"
                " VALUES (:patient_id, :assessment_id, :steps_json, :start_date, :framework,"
                " :rules_version, :chosen_rank, :override_reason, :status, :at, :at)",
                {
                    "patient_id": plan.patient_id,
                    "assessment_id": plan.assessment_id,
                    "steps_json": json.dumps(steps_to_json(plan.steps), sort_keys=True),
                    "start_date": plan.start_date.isoformat(),
                    "framework": plan.framework,
                    "rules_version": plan.rules_version,
                    "chosen_rank": plan.chosen_rank,
                    "override_reason": plan.override_reason,
                    "status": plan.status,
                    "at": timestamp(created),
                },
            )
            new_id = cursor.lastrowid
            assert new_id is not None
            self._audit.append(
                entity="plan",
                action="create",
                patient_id=plan.patient_id,
                entity_id=new_id,
                new_value={
                    "steps": steps_to_json(plan.steps),
                    "start_date": plan.start_date.isoformat(),
                    "chosen_rank": plan.chosen_rank,
                    "override_reason": plan.override_reason,
                    "status": plan.status,
                },
            )
            self._refresh_due(plan.patient_id)
        return self.get(new_id)

    def set_status(self, plan_id: int, status: str) -> Plan:
        """Move a plan to another status (completed, cancelled, ...), audited.

        Raises:
            ValueError: unknown status.
            PlanNotFoundError: no such plan.
        """
        if status not in PLAN_STATUSES:
            raise ValueError(f"status must be one of {', '.join(PLAN_STATUSES)} (got {status!r})")
        with self._db.atomic():
            plan = self.get(plan_id)
            if plan.status == status:
                return plan
            self._db.execute(
                "UPDATE plans SET status = :status, updated_at = :at WHERE id = :id",
                {"status": status, "at": timestamp(self._now()), "id": plan_id},
            )
            self._audit.append(
                entity="plan",
                action="status",
                patient_id=plan.patient_id,
                entity_id=plan_id,
                field="status",
                old_value=plan.status,
                new_value=status,
            )
            self._refresh_due(plan.patient_id)
        return replace(plan, status=status)

    def get(self, plan_id: int) -> Plan:
        """One plan.

        Raises:
            PlanNotFoundError: no such plan.
        """
        found = self._select("WHERE id = :id", {"id": plan_id})
        if not found:
            raise PlanNotFoundError(f"no plan {plan_id}")
        return found[0]

    def for_patient(self, patient_id: int, *, status: str | None = None) -> list[Plan]:
        """A patient's plans, newest first (optionally only those with `status`)."""
        clause = "WHERE patient_id = :pid"
        if status is not None:
            clause += " AND status = :status"
        return self._select(
            clause + " ORDER BY created_at DESC, id DESC", {"pid": patient_id, "status": status}
        )

    def active(self, patient_id: int) -> Plan | None:
        """The patient's current plan, if any."""
        found = self.for_patient(patient_id, status="active")
        return found[0] if found else None

    def _refresh_due(self, patient_id: int) -> None:
        """The worklist's stored items follow the active plan (issue 7)."""
        refresh_due_for_patient(self._db, patient_id, as_of=self._now().astimezone().date())

    def _select(self, clause: str, params: dict[str, Any]) -> list[Plan]:
        rows = self._db.query(
            "SELECT id, patient_id, assessment_id, steps_json, start_date, framework,"
            " rules_version, chosen_rank, override_reason, status, created_at"
            f" FROM plans {clause}",
            params,
        )
        return [
            Plan(
                patient_id=row["patient_id"],
                steps=steps_from_json(json.loads(row["steps_json"])),
                start_date=date.fromisoformat(row["start_date"]),
                framework=row["framework"],
                rules_version=row["rules_version"],
                chosen_rank=row["chosen_rank"],
                override_reason=row["override_reason"],
                status=row["status"],
                assessment_id=row["assessment_id"],
                created_at=datetime.fromisoformat(row["created_at"]),
                id=row["id"],
            )
            for row in rows
        ]


def _validate(plan: Plan) -> None:
    if not plan.steps:
        raise ValueError("a plan needs at least one step")
    if plan.status not in PLAN_STATUSES:
        raise ValueError(f"status must be one of {', '.join(PLAN_STATUSES)} (got {plan.status!r})")
    if plan.needs_override_reason and not (plan.override_reason or "").strip():
        raise ValueError("override_reason is required when the choice is not the rank-1 option")
