"""What the clinician decided: a saved assessment and the plan chosen from it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Final

from osteodesk.core.evaluation import Step

PLAN_STATUSES: Final = ("active", "completed", "cancelled", "superseded")


@dataclass(frozen=True, slots=True)
class Assessment:
    """An evaluation kept for the record: the input snapshot, the result and the rules used."""

    patient_id: int
    as_of: date
    framework: str
    rules_version: str
    record_json: dict[str, Any]
    evaluation_json: dict[str, Any]
    created_at: datetime | None = None
    id: int | None = None


@dataclass(frozen=True, slots=True)
class Plan:
    """A regimen the clinician chose (an option of the evaluation, or composed by hand).

    `chosen_rank` is the option's rank, or None when the clinician composed the regimen;
    `override_reason` is required whenever the choice is not the rank-1 option.
    """

    patient_id: int
    steps: tuple[Step, ...]
    start_date: date
    framework: str
    rules_version: str
    chosen_rank: int | None = 1
    override_reason: str | None = None
    status: str = "active"
    assessment_id: int | None = None
    created_at: datetime | None = None
    id: int | None = None

    @property
    def needs_override_reason(self) -> bool:
        return self.chosen_rank != 1
