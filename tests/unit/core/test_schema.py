"""The shipped JSON Schemas equal the generated ones, and the contract's examples validate."""

import json
from datetime import date
from pathlib import Path

import jsonschema
import pytest

from osteodesk.core import schema
from osteodesk.core.decision import evaluate_json

ROOT = Path(__file__).resolve().parents[3]
FOLDER = ROOT / "osteodesk" / "resources" / "schema"
AS_OF = date(2026, 11, 25)

# Contract section 2, verbatim.
CONTRACT_EVALUATION = {
    "schema": "osteodesk.evaluation/1",
    "rules_version": "2026.1",
    "as_of": "2026-11-25",
    "framework": "cn2022",
    "diagnosis": {
        "category": "osteoporosis",
        "reasons": [{"code": "t_score_le_-2.5", "source": "WHO 1994"}],
    },
    "risk": {
        "category": "very_high",
        "reasons": [
            {
                "code": "recent_fragility_fracture",
                "source": "CN 2022; AACE 2020",
                "detail": "vertebra 2025-12-01",
            }
        ],
    },
    "scores": {
        "osta": -3.2,
        "crcl_ml_min": 41.5,
        "frax_adjusted": {
            "major_osteoporotic_pct": 25.3,
            "hip_pct": 3.7,
            "adjustments": ["glucocorticoid_dose"],
        },
    },
    "treatment_state": "naive",
    "options": [
        {
            "rank": 1,
            "steps": [{"drug": "romosozumab", "months": 12}, {"drug": "denosumab"}],
            "reasons": [{"code": "very_high_risk_anabolic_first", "source": "seed; AACE 2020"}],
        },
        {
            "rank": 2,
            "steps": [{"drug": "teriparatide", "months": 24}, {"drug": "zoledronic_acid"}],
            "reasons": [],
        },
    ],
    "avoid": [
        {"drug": "alendronate", "reasons": [{"code": "esophageal_disorder", "source": "label"}]}
    ],
    "alerts": [{"code": "vitamin_d_insufficient", "severity": "warning"}],
    "monitoring": [
        {"item": "dxa", "due_date": "2027-11-25"},
        {"item": "p1np", "due_date": "2027-02-25"},
    ],
    "supportive": [
        {"code": "calcium_intake", "detail": "1000-1200 mg/day, diet first"},
        {"code": "vitamin_d", "detail": "800-1000 IU/day"},
        {"code": "exercise"},
        {"code": "falls_prevention"},
    ],
}


@pytest.mark.parametrize(("name", "builder"), sorted(schema.SCHEMA_FILES.items()))
def test_shipped_schema_files_equal_the_generated_schemas(name, builder):
    shipped = json.loads((FOLDER / name).read_text(encoding="utf-8"))
    generated = getattr(schema, builder)()
    assert shipped == generated, f"regenerate: {schema.write_hint()}"
    jsonschema.Draft202012Validator.check_schema(generated)


def test_the_contract_example_record_validates(example_record_json):
    jsonschema.Draft202012Validator(schema.patient_schema()).validate(example_record_json)


def test_the_contract_example_evaluation_validates():
    jsonschema.Draft202012Validator(schema.evaluation_schema()).validate(CONTRACT_EVALUATION)


def test_the_engine_output_for_the_contract_record_validates(example_record_json):
    out = evaluate_json(example_record_json, as_of=AS_OF)
    jsonschema.Draft202012Validator(schema.evaluation_schema()).validate(out)


def test_the_patient_schema_lists_every_record_field():
    from osteodesk.core import record

    assert set(schema.patient_schema()["properties"]) == set(record._PATIENT_FIELDS)


@pytest.mark.parametrize(
    ("patch", "path"),
    [
        ({"dxa": [{"date": "2026-01-01", "lumbar_spine_t": -9.1}]}, ["dxa", 0, "lumbar_spine_t"]),
        (
            {"labs": [{"date": "2026-01-01", "test": "calcium", "value": 9, "unit": "mmol/L"}]},
            ["labs", 0, "value"],
        ),
        (
            {"labs": [{"date": "2026-01-01", "test": "calcium", "value": 2, "unit": "g/L"}]},
            ["labs", 0, "unit"],
        ),
        ({"sex": "other"}, ["sex"]),
        ({"conditions": ["gout"]}, ["conditions", 0]),
        ({"wieght_kg": 50}, []),
    ],
)
def test_the_patient_schema_rejects_bad_values_at_the_field(patch, path):
    data = {"sex": "female", "birth_date": "1950-01-01"} | patch
    errors = list(jsonschema.Draft202012Validator(schema.patient_schema()).iter_errors(data))
    assert [list(e.absolute_path) for e in errors] == [path]


@pytest.mark.parametrize("unit", ["mmol/L", "MMOL/L", " mmol / l ", "mg/dL", "MG/DL"])
def test_units_match_without_regard_to_case_or_spaces(unit):
    data = {
        "sex": "female",
        "birth_date": "1950-01-01",
        "labs": [{"date": "2026-01-01", "test": "calcium", "value": 2.3, "unit": unit}],
    }
    if unit.strip().lower().startswith("mg"):
        data["labs"][0]["value"] = 9.2
    assert not list(jsonschema.Draft202012Validator(schema.patient_schema()).iter_errors(data))


@pytest.mark.parametrize("unit", ["umol/L", "µmol/L", "μmol/l"])
def test_micro_prefixes_are_the_same(unit):
    data = {
        "sex": "male",
        "birth_date": "1950-01-01",
        "labs": [{"date": "2026-01-01", "test": "creatinine", "value": 90, "unit": unit}],
    }
    assert not list(jsonschema.Draft202012Validator(schema.patient_schema()).iter_errors(data))
