"""The decision module (clinical-rules Part A): a record and a date in, an Evaluation out.

Work in progress: `evaluate_json` exists early so vignette tests can run against it.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from osteodesk.core import codes
from osteodesk.core.constants import RULES_VERSION
from osteodesk.core.evaluation import (
    Diagnosis,
    Evaluation,
    Risk,
    Scores,
    evaluation_to_json,
)
from osteodesk.core.record import PatientRecord, parse_record


def evaluate(record: PatientRecord, *, as_of: date, framework: str = "cn2022") -> Evaluation:
    """Evaluate one record on `as_of` under `framework` (placeholder until the rules land)."""
    if framework not in codes.FRAMEWORKS:
        raise ValueError(f"framework must be one of {', '.join(codes.FRAMEWORKS)}")
    return Evaluation(
        rules_version=RULES_VERSION,
        as_of=as_of,
        framework=framework,
        diagnosis=Diagnosis("not_assessable"),
        risk=Risk("low"),
        scores=Scores(),
        treatment_state="naive",
        options=(),
        avoid=(),
        alerts=(),
        monitoring=(),
        supportive=(),
    )


def evaluate_json(data: dict[str, Any], *, as_of: date, framework: str = "cn2022") -> dict[str, Any]:
    """Parse, evaluate and serialise one record (the contract JSON of section 2)."""
    record = parse_record(data, as_of=as_of)
    return evaluation_to_json(evaluate(record, as_of=as_of, framework=framework))
