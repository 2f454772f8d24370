"""JSON Schemas (draft 2020-12) of the record and the evaluation, built from the code tables.

Pure: returns dicts. The shipped files ``osteodesk/resources/schema/patient.schema.json`` and
``evaluation.schema.json`` are these dicts written with ``json.dumps(..., indent=2,
ensure_ascii=False)`` plus a newline; tests/unit/core/test_schema.py fails when they drift.
Regenerate with::

    python -c "from osteodesk.core.schema import write_hint; print(write_hint())"

The schema catches shape and range errors early with a message naming the field; cross-field
rules (dates after as_of, end before start, a unit's own range) stay in `record.parse_record`.
"""

from __future__ import annotations

import re
from typing import Any, Final

from osteodesk.core import codes, record
from osteodesk.core.constants import ALERT_SEVERITY

DRAFT: Final = "https://json-schema.org/draft/2020-12/schema"
PATIENT_ID: Final = "https://osteodesk.org/schema/patient.schema.json"
EVALUATION_ID: Final = "https://osteodesk.org/schema/evaluation.schema.json"
SCHEMA_FILES: Final = {
    "patient.schema.json": "patient_schema",
    "evaluation.schema.json": "evaluation_schema",
}
ALERT_CODES: Final = tuple(ALERT_SEVERITY)
FRAX_ADJUSTMENTS: Final = ("glucocorticoid_dose", "lumbar_spine_offset", "combined_not_validated")
OST_BANDS: Final = ("low", "moderate", "high")

_DATE: Final = {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$", "format": "date"}
_DATE_OR_NULL: Final = {**_DATE, "type": ["string", "null"]}


def _nullable(schema: dict[str, Any]) -> dict[str, Any]:
    """`schema` that also accepts null (a missing fact). Keeps one "type" so that errors name
    the failing keyword instead of "not valid under any of the given schemas"."""
    kind = schema["type"]
    kinds = kind if isinstance(kind, list) else [kind]
    return {**schema, "type": [*kinds, "null"]}


def _number(bounds: tuple[float, float]) -> dict[str, Any]:
    return _nullable({"type": "number", "minimum": bounds[0], "maximum": bounds[1]})


def _text(max_length: int) -> dict[str, Any]:
    return _nullable({"type": "string", "maxLength": max_length})


def _enum(values: tuple[str, ...] | list[str], *, nullable: bool = False) -> dict[str, Any]:
    return {"enum": [*values, None]} if nullable else {"enum": list(values)}


def _array(items: dict[str, Any]) -> dict[str, Any]:
    return _nullable({"type": "array", "items": items, "maxItems": record.MAX_LIST_LENGTH})


def _object(properties: dict[str, Any], required: tuple[str, ...] = ()) -> dict[str, Any]:
    out: dict[str, Any] = {
        "type": "object",
        "properties": properties,
        "additionalProperties": False,
    }
    if required:
        out["required"] = list(required)
    return out


def unit_pattern(unit: str) -> str:
    """A regex matching `unit` as `codes.canonical_unit` does: any case, u/µ/μ, spaces ignored."""
    parts = []
    for char in unit:
        if char.lower() == "u":
            parts.append("[uUµμ]")
        elif char.isalpha():
            parts.append(f"[{char.lower()}{char.upper()}]")
        else:
            parts.append(re.escape(char))
    return r"^\s*" + " *".join(parts) + r"\s*$"


def _any_of_patterns(units: tuple[str, ...]) -> str:
    return "|".join(f"(?:{unit_pattern(u)})" for u in units)


def _lab_rules() -> list[dict[str, Any]]:
    """Per test: the units it accepts, and per unit the physical range of the value."""
    rules: list[dict[str, Any]] = []
    for test, units in codes.LAB_UNITS.items():
        rules.append(
            {
                "if": {"properties": {"test": {"const": test}}, "required": ["test"]},
                "then": {
                    "properties": {
                        "unit": {
                            "type": "string",
                            "pattern": _any_of_patterns(units),
                            "description": f"one of {', '.join(units)}",
                        }
                    }
                },
            }
        )
        for unit in units:
            low, high = codes.LAB_RANGES[(test, unit)]
            rules.append(
                {
                    "if": {
                        "properties": {
                            "test": {"const": test},
                            "unit": {"type": "string", "pattern": unit_pattern(unit)},
                        },
                        "required": ["test", "unit"],
                    },
                    "then": {"properties": {"value": {"minimum": low, "maximum": high}}},
                }
            )
    return rules


def _gc_course() -> dict[str, Any]:
    return _object(
        {
            "dose_mg_per_day": {
                "type": "number",
                "minimum": record.GC_DOSE_RANGE[0],
                "maximum": record.GC_DOSE_RANGE[1],
            },
            "start_date": _DATE,
            "end_date": _DATE_OR_NULL,
        },
        ("dose_mg_per_day", "start_date"),
    )


def _dxa_scan() -> dict[str, Any]:
    bounds = {"t": record.T_SCORE_RANGE, "z": record.Z_SCORE_RANGE, "bmd": record.BMD_RANGE}
    properties: dict[str, Any] = {"date": _DATE, "device": _text(80)}
    for site in codes.DXA_SITES:
        for kind in ("t", "z", "bmd"):
            properties[f"{site}_{kind}"] = _number(bounds[kind])
    return _object(properties, ("date",))


def patient_schema() -> dict[str, Any]:
    """The schema of one patient record (`osteodesk.patient/1`, contract section 1)."""
    event = _object({"type": _enum(codes.EVENT_TYPES), "date": _DATE}, ("type", "date"))
    fracture = _object(
        {
            "site": _enum(codes.FRACTURE_SITES),
            "date": _DATE,
            "fragility": _nullable({"type": "boolean"}),
        },
        ("site", "date"),
    )
    frax = _object(
        {
            "date": _DATE,
            "major_osteoporotic_pct": _number(record.PERCENT_RANGE),
            "hip_pct": _number(record.PERCENT_RANGE),
            "with_bmd": _nullable({"type": "boolean"}),
            "glucocorticoid_ticked": _nullable({"type": "boolean"}),
            "model": _text(60),
        },
        ("date",),
    )
    lab = _object(
        {
            "date": _DATE,
            "test": _enum(tuple(codes.LAB_UNITS)),
            "value": {"type": "number"},
            "unit": {"type": "string"},
        },
        ("date", "test", "value", "unit"),
    )
    lab["allOf"] = _lab_rules()
    treatment = _object(
        {
            "drug": _enum(codes.OSTEOPOROSIS_DRUGS),
            "start_date": _DATE,
            "end_date": _DATE_OR_NULL,
            "last_dose_date": _DATE_OR_NULL,
            "doses_given": _nullable(
                {
                    "type": "integer",
                    "minimum": record.DOSES_RANGE[0],
                    "maximum": record.DOSES_RANGE[1],
                }
            ),
            "product": _text(80),
            "planned_stop": _nullable({"type": "boolean"}),
            "dose_dates": _array(_DATE),
        },
        ("drug", "start_date"),
    )
    biologic = _object(
        {"drug": _enum(codes.RHEUMATOLOGY_DRUGS), "start_date": _DATE, "end_date": _DATE_OR_NULL},
        ("drug", "start_date"),
    )
    properties: dict[str, Any] = {
        "schema": _enum((codes.RECORD_SCHEMA,), nullable=True),
        "id": _nullable({"type": "string", "minLength": 1, "maxLength": record.MAX_ID_LENGTH}),
        "name": _text(record.MAX_NAME_LENGTH),
        "phone": _text(40),
        "language": _enum(codes.LANGUAGES, nullable=True),
        "sex": _enum(codes.SEXES),
        "birth_date": _DATE,
        "menopausal_status": _enum(codes.MENOPAUSAL_STATUSES, nullable=True),
        "menopause_year": _nullable({"type": "integer", "minimum": record.OLDEST_BIRTH_DATE.year}),
        "weight_kg": _number(record.WEIGHT_RANGE),
        "height_cm": _number(record.HEIGHT_RANGE),
        "conditions": _array(_enum(codes.CONDITIONS)),
        "allergies": _array(_enum(codes.OSTEOPOROSIS_DRUGS)),
        "events": _array(event),
        "fractures": _array(fracture),
        "falls_past_year": _nullable(
            {"type": "integer", "minimum": record.FALLS_RANGE[0], "maximum": record.FALLS_RANGE[1]}
        ),
        "glucocorticoid": _nullable(_gc_course()),
        "glucocorticoid_past": _array(_gc_course()),
        "dxa": _array(_dxa_scan()),
        "frax": _array(frax),
        "labs": _array(lab),
        "treatments": _array(treatment),
        "biologics": _array(biologic),
        "notes": _text(record.MAX_NOTES_LENGTH),
    }
    schema = _object(properties, ("sex", "birth_date"))
    return {
        "$schema": DRAFT,
        "$id": PATIENT_ID,
        "title": f"OsteoDesk patient record ({codes.RECORD_SCHEMA})",
        "description": "One patient; a file holds one object or a list (contract section 1).",
        **schema,
    }


def evaluation_schema() -> dict[str, Any]:
    """The schema of one evaluation (`osteodesk.evaluation/1`, contract section 2)."""
    param = {"type": ["string", "number"]}
    reason = {
        "type": "object",
        "required": ["code", "source"],
        "properties": {
            "code": {"type": "string", "minLength": 1},
            "source": {"type": "string", "minLength": 1},
            "detail": {"type": "string"},
            "params": {"type": "object", "additionalProperties": param},
        },
    }
    reasons = {"type": "array", "items": {"$ref": "#/$defs/reason"}}
    number_or_null = {"type": ["number", "null"]}
    step = {
        "type": "object",
        "required": ["drug"],
        "properties": {
            "drug": _enum(codes.OSTEOPOROSIS_DRUGS),
            "months": {"type": "integer", "minimum": 1},
            "start_date": _DATE,
        },
    }
    properties: dict[str, Any] = {
        "schema": {"const": codes.EVALUATION_SCHEMA},
        "rules_version": {"type": "string", "minLength": 1},
        "as_of": _DATE,
        "framework": _enum(codes.FRAMEWORKS),
        "diagnosis": {
            "type": "object",
            "required": ["category", "reasons"],
            "properties": {"category": _enum(codes.DIAGNOSIS_CATEGORIES), "reasons": reasons},
        },
        "risk": {
            "type": "object",
            "required": ["category", "reasons"],
            "properties": {
                "category": _enum(codes.RISK_CATEGORIES),
                "reasons": reasons,
                "by_framework": {
                    "type": "object",
                    "additionalProperties": _enum(codes.RISK_CATEGORIES),
                },
            },
        },
        "scores": {
            "type": "object",
            "required": ["osta", "crcl_ml_min", "frax_adjusted"],
            "properties": {
                "osta": number_or_null,
                "crcl_ml_min": number_or_null,
                "egfr": number_or_null,
                "ost": number_or_null,
                "ost_band": _enum(OST_BANDS, nullable=True),
                "frax_adjusted": _nullable(
                    {
                        "type": "object",
                        "required": ["major_osteoporotic_pct", "hip_pct", "adjustments"],
                        "properties": {
                            "major_osteoporotic_pct": number_or_null,
                            "hip_pct": number_or_null,
                            "adjustments": {"type": "array", "items": _enum(FRAX_ADJUSTMENTS)},
                        },
                    }
                ),
            },
        },
        "treatment_state": _enum(codes.TREATMENT_STATES),
        "options": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["rank", "steps", "reasons"],
                "properties": {
                    "rank": {"type": "integer", "minimum": 1},
                    "steps": {"type": "array", "minItems": 1, "items": step},
                    "reasons": reasons,
                },
            },
        },
        "avoid": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["drug", "reasons"],
                "properties": {
                    "drug": _enum(codes.OSTEOPOROSIS_DRUGS),
                    "reasons": {
                        "type": "array",
                        "minItems": 1,
                        "items": {"$ref": "#/$defs/reason"},
                    },
                },
            },
        },
        "alerts": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["code", "severity"],
                "properties": {
                    "code": _enum(ALERT_CODES),
                    "severity": _enum(codes.SEVERITIES),
                    "source": {"type": "string"},
                    "detail": {"type": "string"},
                    "due_date": _DATE,
                    "params": {"type": "object", "additionalProperties": param},
                },
            },
        },
        "monitoring": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["item", "due_date"],
                "properties": {
                    "item": _enum(codes.MONITORING_ITEMS),
                    "due_date": _DATE,
                    "reason": {"type": "string"},
                    "detail": {"type": "string"},
                    "params": {"type": "object", "additionalProperties": param},
                },
            },
        },
        "supportive": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["code"],
                "properties": {
                    "code": {"type": "string", "minLength": 1},
                    "detail": {"type": "string"},
                },
            },
        },
        "notes": reasons,
    }
    return {
        "$schema": DRAFT,
        "$id": EVALUATION_ID,
        "title": f"OsteoDesk evaluation ({codes.EVALUATION_SCHEMA})",
        "description": "The result of `osteodesk evaluate` (contract section 2).",
        "type": "object",
        "required": [
            "schema",
            "rules_version",
            "as_of",
            "framework",
            "diagnosis",
            "risk",
            "scores",
            "treatment_state",
            "options",
            "avoid",
            "alerts",
            "monitoring",
            "supportive",
        ],
        "properties": properties,
        "$defs": {"reason": reason},
    }


def write_hint() -> str:
    """Shell commands that rewrite the shipped schema files from this module."""
    return (
        'cd osteodesk/resources/schema && python -c "import json; '
        "from osteodesk.core import schema as s; "
        "[open(n, 'w', encoding='utf-8').write(json.dumps(getattr(s, f)(), indent=2, "
        "ensure_ascii=False) + '\\n') for n, f in s.SCHEMA_FILES.items()]\""
    )
