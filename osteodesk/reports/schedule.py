"""Dates a printout shows: the regimen timeline and the next doses, by calendar months.

This is date arithmetic on decisions already made (the plan, the evaluation's monitoring list),
not clinical reasoning: which drug and when to start it come from the decision module and the
clinician. Months are whole calendar months with the day clamped to the month's end
(clinical-rules.md A0), by the decision module's own `add_months`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Final

from osteodesk.core import constants as k
from osteodesk.core.decision.dates import add_months
from osteodesk.core.evaluation import Step
from osteodesk.core.record import PatientRecord

__all__ = [
    "DOSE_INTERVAL_MONTHS",
    "DoseDate",
    "TimelineRow",
    "add_months",
    "denosumab_card_dates",
    "planned_doses",
    "regimen_timeline",
]

# Label dose intervals of the drugs given at the clinic (constants.py, all [C]); the others are
# taken at home daily, weekly or monthly and get no dated dose list.
DOSE_INTERVAL_MONTHS: Final = {
    "denosumab": k.DENOSUMAB_INTERVAL_MONTHS,
    "zoledronic_acid": k.ZOLEDRONIC_ACID_INTERVAL_MONTHS,
    "romosozumab": k.ROMOSOZUMAB_INTERVAL_MONTHS,
}
WALLET_CARD_DOSES: Final = 4  # the next four denosumab dates: two years ahead
DOSE_HORIZON_MONTHS: Final = 24  # the handout lists doses up to two years ahead


@dataclass(frozen=True, slots=True)
class TimelineRow:
    """One dated step of a regimen; `end` None when the course has no fixed length."""

    number: int
    drug: str
    start: date
    months: int | None
    end: date | None
    next_drug: str | None


def regimen_timeline(steps: Sequence[Step], start: date) -> list[TimelineRow]:
    """Date each step: a step starts on its own start date, else when the one before ends.

    A step with no course length ends nothing, so the steps after it keep their own start date
    or, lacking one, start with it (the hand-over then needs the clinician's date).
    """
    rows: list[TimelineRow] = []
    cursor = start
    for number, step in enumerate(steps, start=1):
        step_start = step.start_date or cursor
        end = add_months(step_start, step.months) if step.months is not None else None
        next_drug = steps[number].drug if number < len(steps) else None
        rows.append(TimelineRow(number, step.drug, step_start, step.months, end, next_drug))
        cursor = end or step_start
    return rows


def _ongoing_course(record: PatientRecord, drug: str) -> tuple[date, int] | None:
    """The last dose and the doses given of an ongoing course of `drug`, if any."""
    found: tuple[date, int] | None = None
    for treatment in record.treatments:
        if treatment.drug != drug or treatment.end_date is not None:
            continue
        dose = treatment.latest_dose
        if dose is not None and (found is None or dose > found[0]):
            found = (dose, treatment.dose_count or 0)
    return found


def _first_dose(record: PatientRecord, row: TimelineRow, interval: int) -> tuple[date, int]:
    """When a step's first listed dose falls and how many doses came before it.

    Only the regimen's first step can continue a course already running (the next dose is the
    last one plus the interval); any later step is a new start on its own date.
    """
    if row.number == 1:
        ongoing = _ongoing_course(record, row.drug)
        if ongoing is not None:
            last, given = ongoing
            return add_months(last, interval), given
    return row.start, 0


@dataclass(frozen=True, slots=True)
class DoseDate:
    """One dated dose of an injected or infused drug; `number` counts doses of the course."""

    drug: str
    when: date
    number: int


def planned_doses(
    record: PatientRecord, timeline: Sequence[TimelineRow], *, horizon_end: date
) -> list[DoseDate]:
    """The dated doses of each injected or infused step up to `horizon_end`.

    A course already running continues from its last dose plus the interval; a new drug starts
    on its step's start date. A limited course stops at its end date.
    """
    doses: list[DoseDate] = []
    for row in timeline:
        interval = DOSE_INTERVAL_MONTHS.get(row.drug)
        if interval is None:
            continue
        first, given = _first_dose(record, row, interval)
        count = 0
        when = first
        while when <= horizon_end and (row.end is None or when < row.end):
            count += 1
            doses.append(DoseDate(row.drug, when, given + count))
            when = add_months(first, interval * count)
    return sorted(doses, key=lambda d: (d.when, d.drug))


def denosumab_card_dates(
    record: PatientRecord, timeline: Sequence[TimelineRow], count: int = WALLET_CARD_DOSES
) -> list[date]:
    """The next `count` denosumab dates for the wallet card (empty when not on the plan)."""
    row = next((row for row in timeline if row.drug == "denosumab"), None)
    if row is None:
        return []
    interval = DOSE_INTERVAL_MONTHS["denosumab"]
    first, _ = _first_dose(record, row, interval)
    return [add_months(first, interval * n) for n in range(count)]
