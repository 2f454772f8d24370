"""The record gate: every contract field is read, checked and written back unchanged."""

from datetime import date

import pytest

from osteodesk.core.record import RecordError, parse_record, record_to_json

AS_OF = date(2026, 11, 25)


def test_contract_example_round_trips(example_record_json):
    record = parse_record(example_record_json, as_of=AS_OF)
    assert record.name == "王秀英"
    assert record.glucocorticoid is not None
    assert record.glucocorticoid.end_date is None
    again = parse_record(record_to_json(record), as_of=AS_OF)
    assert again == record


@pytest.mark.parametrize(
    ("patch", "field", "words"),
    [
        (
            {"dxa": [{"date": "2026-01-01", "lumbar_spine_t": -9.1}]},
            "dxa[0].lumbar_spine_t",
            "-7 and 5",
        ),
        ({"weight_kg": 12}, "weight_kg", "20 and 300"),
        ({"birth_date": "2027-01-01"}, "birth_date", "after 2026-11-25"),
        ({"frax": [{"date": "2026-01-01", "hip_pct": 120}]}, "frax[0].hip_pct", "0 and 100"),
        ({"conditions": ["gout"]}, "conditions[0]", "must be one of"),
        (
            {"labs": [{"date": "2026-01-01", "test": "calcium", "value": 2.2, "unit": "g/L"}]},
            "labs[0].unit",
            "mmol/L, mg/dL",
        ),
        ({"weight_kg": float("nan")}, "weight_kg", "between"),
        ({"sex": "other"}, "sex", "female, male"),
        ({"wieght_kg": 50}, "wieght_kg", "unknown field"),
        ({"birth_date": "1950-02-30"}, "birth_date", "YYYY-MM-DD"),
    ],
)
def test_bad_values_name_the_field_and_range(patch, field, words):
    data = {"sex": "female", "birth_date": "1950-01-01"} | patch
    with pytest.raises(RecordError) as info:
        parse_record(data, as_of=AS_OF)
    problems = {p.field: p.message for p in info.value.problems}
    assert field in problems
    assert words in problems[field]


def test_units_match_without_case_and_micro_sign():
    record = parse_record(
        {
            "sex": "male",
            "birth_date": "1950-01-01",
            "labs": [{"date": "2026-01-01", "test": "creatinine", "value": 90, "unit": "µmol/l"}],
        },
        as_of=AS_OF,
    )
    assert record.labs[0].unit == "µmol/l"
    assert record.labs[0].canonical_unit == "umol/L"


def test_planned_stop_allows_future_end_date():
    treatment = {"drug": "denosumab", "start_date": "2022-01-10", "end_date": "2027-01-10"}
    with pytest.raises(RecordError):
        parse_record(
            {"sex": "female", "birth_date": "1950-01-01", "treatments": [treatment]}, as_of=AS_OF
        )
    treatment["planned_stop"] = True
    record = parse_record(
        {"sex": "female", "birth_date": "1950-01-01", "treatments": [treatment]}, as_of=AS_OF
    )
    assert record.treatments[0].planned_stop
