"""The result of evaluating a record (`osteodesk.evaluation/1`, contract section 2).

Everything the clinician sees is a code with parameters; `osteodesk.core.messages` turns each
code into a sentence in zh_CN or en. `evaluation_to_json` writes the contract JSON.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from osteodesk.core import codes

ParamValue = str | int | float


@dataclass(frozen=True, slots=True)
class Reason:
    """Why: a code, its source, an optional human detail and the parameters of its sentence."""

    code: str
    source: str
    detail: str | None = None
    params: Mapping[str, ParamValue] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Diagnosis:
    """Densitometric diagnosis (A1)."""

    category: str
    reasons: tuple[Reason, ...] = ()


@dataclass(frozen=True, slots=True)
class Risk:
    """Fracture-risk category under the governing framework, ACR-GIOP applied on top (A1)."""

    category: str
    reasons: tuple[Reason, ...] = ()
    # The category each framework alone gives, e.g. {"cn2022": "very_high", "acr_giop2022": "high"}.
    by_framework: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class FraxAdjusted:
    """FRAX after the A2 adjustments; percentages unrounded."""

    major_osteoporotic_pct: float | None
    hip_pct: float | None
    adjustments: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Scores:
    """Computed scores, unrounded; None when they cannot be computed (A2)."""

    osta: float | None = None
    crcl_ml_min: float | None = None
    frax_adjusted: FraxAdjusted | None = None
    egfr: float | None = None
    ost_band: str | None = None
    ost: float | None = None  # men: the OST index (same formula as OSTA), shown only (A2)


@dataclass(frozen=True, slots=True)
class Step:
    """One drug in a regimen; `months` None when the course is not time-limited."""

    drug: str
    months: int | None = None
    start_date: date | None = None


@dataclass(frozen=True, slots=True)
class Option:
    """A ranked regimen: a sequence of steps with its reasons."""

    rank: int
    steps: tuple[Step, ...]
    reasons: tuple[Reason, ...] = ()

    @property
    def drugs(self) -> tuple[str, ...]:
        return tuple(step.drug for step in self.steps)


@dataclass(frozen=True, slots=True)
class Avoid:
    """A drug that must not be started now, with every reason."""

    drug: str
    reasons: tuple[Reason, ...]


@dataclass(frozen=True, slots=True)
class Alert:
    """Something that needs action; severity is urgent, warning or info."""

    code: str
    severity: str
    source: str = ""
    detail: str | None = None
    due_date: date | None = None
    params: Mapping[str, ParamValue] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class MonitoringItem:
    """A test or review with the date it falls due (A7)."""

    item: str
    due_date: date
    reason: str | None = None
    detail: str | None = None
    params: Mapping[str, ParamValue] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Supportive:
    """Supportive care that always applies (A8)."""

    code: str
    detail: str | None = None


@dataclass(frozen=True, slots=True)
class Evaluation:
    """Everything the decision module says about one record on one day."""

    rules_version: str
    as_of: date
    framework: str
    diagnosis: Diagnosis
    risk: Risk
    scores: Scores
    treatment_state: str
    options: tuple[Option, ...]
    avoid: tuple[Avoid, ...]
    alerts: tuple[Alert, ...]
    monitoring: tuple[MonitoringItem, ...]
    supportive: tuple[Supportive, ...]
    notes: tuple[Reason, ...] = ()  # rheumatology class notes and other information

    @property
    def avoided_drugs(self) -> frozenset[str]:
        return frozenset(a.drug for a in self.avoid)


# --- JSON ---------------------------------------------------------------------------------


def _reason_json(reason: Reason) -> dict[str, Any]:
    out: dict[str, Any] = {"code": reason.code, "source": reason.source}
    if reason.detail is not None:
        out["detail"] = reason.detail
    if reason.params:
        out["params"] = dict(reason.params)
    return out


def evaluation_to_json(ev: Evaluation) -> dict[str, Any]:
    """The contract JSON of an evaluation (scores unrounded)."""
    frax = ev.scores.frax_adjusted
    return {
        "schema": codes.EVALUATION_SCHEMA,
        "rules_version": ev.rules_version,
        "as_of": ev.as_of.isoformat(),
        "framework": ev.framework,
        "diagnosis": {
            "category": ev.diagnosis.category,
            "reasons": [_reason_json(r) for r in ev.diagnosis.reasons],
        },
        "risk": {
            "category": ev.risk.category,
            "reasons": [_reason_json(r) for r in ev.risk.reasons],
            "by_framework": dict(ev.risk.by_framework),
        },
        "scores": {
            "osta": ev.scores.osta,
            "crcl_ml_min": ev.scores.crcl_ml_min,
            "egfr": ev.scores.egfr,
            "ost_band": ev.scores.ost_band,
            "ost": ev.scores.ost,
            "frax_adjusted": None
            if frax is None
            else {
                "major_osteoporotic_pct": frax.major_osteoporotic_pct,
                "hip_pct": frax.hip_pct,
                "adjustments": list(frax.adjustments),
            },
        },
        "treatment_state": ev.treatment_state,
        "options": [
            {
                "rank": o.rank,
                "steps": [_step_json(s) for s in o.steps],
                "reasons": [_reason_json(r) for r in o.reasons],
            }
            for o in ev.options
        ],
        "avoid": [
            {"drug": a.drug, "reasons": [_reason_json(r) for r in a.reasons]} for a in ev.avoid
        ],
        "alerts": [_alert_json(a) for a in ev.alerts],
        "monitoring": [_monitoring_json(m) for m in ev.monitoring],
        "supportive": [_supportive_json(s) for s in ev.supportive],
        "notes": [_reason_json(r) for r in ev.notes],
    }


def _step_json(step: Step) -> dict[str, Any]:
    out: dict[str, Any] = {"drug": step.drug}
    if step.months is not None:
        out["months"] = step.months
    if step.start_date is not None:
        out["start_date"] = step.start_date.isoformat()
    return out


def _alert_json(alert: Alert) -> dict[str, Any]:
    out: dict[str, Any] = {"code": alert.code, "severity": alert.severity}
    if alert.source:
        out["source"] = alert.source
    if alert.detail is not None:
        out["detail"] = alert.detail
    if alert.due_date is not None:
        out["due_date"] = alert.due_date.isoformat()
    if alert.params:
        out["params"] = dict(alert.params)
    return out


def _monitoring_json(item: MonitoringItem) -> dict[str, Any]:
    out: dict[str, Any] = {"item": item.item, "due_date": item.due_date.isoformat()}
    if item.reason is not None:
        out["reason"] = item.reason
    if item.detail is not None:
        out["detail"] = item.detail
    if item.params:
        out["params"] = dict(item.params)
    return out


def _supportive_json(item: Supportive) -> dict[str, Any]:
    out: dict[str, Any] = {"code": item.code}
    if item.detail is not None:
        out["detail"] = item.detail
    return out
