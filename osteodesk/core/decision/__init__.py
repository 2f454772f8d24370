"""The decision module (clinical-rules Part A): a record and a date in, an Evaluation out.

Order of evaluation (A3): safety gates, treatment state, diagnosis and risk, options, then
monitoring and supportive care. Pure functions: no I/O and no clock; `as_of` is always passed in.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from typing import Any, Final

from osteodesk.core import codes
from osteodesk.core.constants import RULES_VERSION
from osteodesk.core.decision.dates import add_months
from osteodesk.core.decision.facts import gather
from osteodesk.core.decision.gates import apply_gates
from osteodesk.core.decision.monitoring import plan_monitoring
from osteodesk.core.decision.options import decide
from osteodesk.core.decision.reasons import note, reason
from osteodesk.core.decision.rheumatology import rheumatology_notes
from osteodesk.core.decision.risk import assess_risk, diagnose
from osteodesk.core.decision.scores import compute_scores
from osteodesk.core.decision.settings import RuleSettings
from osteodesk.core.decision.state import DENOSUMAB_DOSE_ALERTS, DRUG_CLASS, assess_treatment
from osteodesk.core.decision.supportive import supportive_care
from osteodesk.core.evaluation import Alert, Evaluation, Reason, Step, evaluation_to_json
from osteodesk.core.record import PatientRecord, parse_record

__all__ = [
    "RuleSettings",
    "check_regimen",
    "evaluate",
    "evaluate_json",
]

_SEVERITY_ORDER: Final = {s: i for i, s in enumerate(codes.SEVERITIES)}
CORRECT_CALCIUM_THEN_DOSE: Final = "correct calcium, then dose without delay"


def _merge_alerts(alerts: Sequence[Alert], hypocalcemia: bool) -> tuple[Alert, ...]:
    """One alert per code (the first raised), urgent first; denosumab dose alerts keep calcium."""
    seen: dict[str, Alert] = {}
    for item in alerts:
        if item.code in seen:
            continue
        if hypocalcemia and item.code in DENOSUMAB_DOSE_ALERTS:
            item = replace(item, detail=CORRECT_CALCIUM_THEN_DOSE)
        seen[item.code] = item
    return tuple(sorted(seen.values(), key=lambda a: _SEVERITY_ORDER[a.severity]))


def evaluate(
    record: PatientRecord,
    *,
    as_of: date,
    framework: str = codes.DEFAULT_FRAMEWORK,
    settings: RuleSettings | None = None,
) -> Evaluation:
    """Evaluate one record on `as_of` under the governing `framework`.

    Args:
        record: a validated record (`parse_record`); dates after `as_of` are not allowed.
        as_of: the day of the evaluation (never read from the clock here).
        framework: ``cn2022`` (default) or ``aace2020``; ACR-GIOP 2022 is applied on top.
        settings: clinician overrides of the [U] defaults; None uses constants.py.

    Returns:
        The Evaluation of contract section 2.

    Raises:
        ValueError: for an unknown framework.
    """
    if framework not in codes.FRAMEWORKS:
        raise ValueError(
            f"framework must be one of {', '.join(codes.FRAMEWORKS)} (got {framework!r})"
        )
    settings = settings or RuleSettings()
    facts = gather(record, as_of)
    status = assess_treatment(facts, settings)
    scored = compute_scores(facts)
    gates = apply_gates(facts, scored.renal, status)
    diagnosis, diagnosis_alerts = diagnose(facts)
    risk = assess_risk(
        facts,
        diagnosis=diagnosis,
        status=status,
        frax=scored.scores.frax_adjusted,
        osta=scored.scores.osta,
        framework=framework,
        settings=settings,
    )
    decision = decide(facts, gates, status, risk, settings)
    monitoring, monitoring_alerts, monitoring_notes = plan_monitoring(
        facts, status=status, gates=gates, risk=risk, decision=decision, settings=settings
    )
    rheum_alerts, rheum_notes = rheumatology_notes(record)

    notes: list[Reason] = [*scored.notes, *decision.notes, *monitoring_notes, *rheum_notes]
    if scored.renal.kind == "egfr":
        notes.append(note("renal_measure_egfr_stand_in", missing=", ".join(scored.renal.missing)))
    if scored.scores.ost is not None:
        notes.append(note("ost_men_shown_only", band=scored.scores.ost_band or ""))
    if (
        gates.hypocalcemia
        and status.state == "on_denosumab"
        and any(a.code in DENOSUMAB_DOSE_ALERTS for a in status.alerts)
    ):
        notes.append(note("correct_calcium_then_dose"))

    alerts = _merge_alerts(
        [
            *gates.alerts,
            *status.alerts,
            *diagnosis_alerts,
            *risk.alerts,
            *decision.alerts,
            *monitoring_alerts,
            *rheum_alerts,
        ],
        gates.hypocalcemia,
    )
    return Evaluation(
        rules_version=RULES_VERSION,
        as_of=as_of,
        framework=framework,
        diagnosis=diagnosis,
        risk=risk.risk,
        scores=scored.scores,
        treatment_state=status.state,
        options=decision.options,
        avoid=gates.avoid,
        alerts=alerts,
        monitoring=monitoring,
        supportive=supportive_care(),
        notes=tuple(notes),
    )


def evaluate_json(
    data: dict[str, Any], *, as_of: date, framework: str = codes.DEFAULT_FRAMEWORK
) -> dict[str, Any]:
    """Parse, evaluate and serialise one record (the contract JSON of section 2).

    Raises:
        RecordError: when the record is not valid (names every wrong field).
        ValueError: for an unknown framework.
    """
    record = parse_record(data, as_of=as_of)
    return evaluation_to_json(evaluate(record, as_of=as_of, framework=framework))


def check_regimen(
    evaluation: Evaluation,
    record: PatientRecord,
    steps: Sequence[Step],
    *,
    settings: RuleSettings | None = None,
) -> tuple[Reason, ...]:
    """Warnings for a clinician-composed regimen; an empty tuple means nothing to warn about.

    Checks: a step that is avoided (with the avoid reasons); an anabolic step not followed by an
    antiresorptive; a bisphosphonate overlapping a PTH analogue; a course beyond its limit
    (teriparatide + abaloparatide lifetime, romosozumab 12 doses or months, calcitonin 1 month).
    """
    settings = settings or RuleSettings()
    warnings: list[Reason] = []
    avoided = {a.drug: a for a in evaluation.avoid}
    for step in steps:
        entry = avoided.get(step.drug)
        if entry is not None:
            warnings.append(
                reason(
                    "regimen_avoided_drug",
                    drug=step.drug,
                    reasons=", ".join(r.code for r in entry.reasons),
                )
            )
            warnings.extend(r for r in entry.reasons if r not in warnings)
    for index, step in enumerate(steps):
        if step.drug in codes.ANABOLICS:
            following = steps[index + 1] if index + 1 < len(steps) else None
            if following is None or following.drug not in codes.ANTIRESORPTIVES:
                warnings.append(reason("regimen_anabolic_without_antiresorptive", drug=step.drug))
    spans = _step_spans(steps, evaluation.as_of)
    for (first, start_a, end_a), (second, start_b, end_b) in _pairs(spans):
        kinds = {DRUG_CLASS[first.drug], DRUG_CLASS[second.drug]}
        if kinds == {"bisphosphonate", "pth"} and _overlap(start_a, end_a, start_b, end_b):
            warnings.append(
                reason("regimen_bisphosphonate_with_pth", first=first.drug, second=second.drug)
            )
    status = assess_treatment(gather(record, evaluation.as_of), settings)
    pth_planned = sum(s.months or 0 for s in steps if s.drug in codes.PTH_ANALOGUES)
    # Whole months used, as the options count them (AnabolicCourse.remaining_months).
    if pth_planned and math.floor(status.pth.months) + pth_planned > status.pth.limit_months:
        warnings.append(
            reason(
                "regimen_exceeds_pth_limit",
                planned=pth_planned,
                used=round(status.pth.months, 1),
                limit=status.pth.limit_months,
            )
        )
    romo_planned = sum(s.months or 0 for s in steps if s.drug == "romosozumab")
    romo = status.romosozumab
    used = max(math.floor(romo.months), romo.doses or 0)
    if romo_planned and used + romo_planned > romo.limit_months:
        warnings.append(
            reason(
                "regimen_exceeds_romosozumab_limit",
                planned=romo_planned,
                used=round(used, 1),
                limit=romo.limit_months,
            )
        )
    for step in steps:
        if step.drug == "calcitonin" and (step.months is None or step.months > 1):
            warnings.append(reason("regimen_calcitonin_beyond_one_month"))
            break
    return tuple(warnings)


def _step_spans(steps: Sequence[Step], as_of: date) -> list[tuple[Step, date, date | None]]:
    """Each step's start and end: explicit start dates, else after the previous step."""
    spans: list[tuple[Step, date, date | None]] = []
    cursor: date | None = as_of
    for step in steps:
        start = step.start_date or cursor or as_of
        end = None if step.months is None else add_months(start, step.months)
        spans.append((step, start, end))
        cursor = end
    return spans


def _pairs(
    spans: list[tuple[Step, date, date | None]],
) -> list[tuple[tuple[Step, date, date | None], tuple[Step, date, date | None]]]:
    return [(a, b) for i, a in enumerate(spans) for b in spans[i + 1 :]]


def _overlap(start_a: date, end_a: date | None, start_b: date, end_b: date | None) -> bool:
    """Whether two spans share a day (an open end runs on indefinitely)."""
    return (end_b is None or start_a < end_b) and (end_a is None or start_b < end_a)
