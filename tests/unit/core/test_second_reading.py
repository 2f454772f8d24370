"""A second, independent reading of clinical-rules Part A against the decision module.

Each test names the Part A sentence it checks; each one failed before the matching fix.
All dates are relative to AS_OF = 2026-11-25.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from osteodesk.core.constants import RULES_VERSION
from osteodesk.core.decision import evaluate
from osteodesk.core.evaluation import Evaluation
from osteodesk.core.record import parse_record

AS_OF = date(2026, 11, 25)
OSTEOPOROSIS_DXA = [{"date": "2026-10-01", "femoral_neck_t": -2.6, "lumbar_spine_t": -2.2}]
LABS_OK = [
    {"date": "2026-11-01", "test": "egfr", "value": 70, "unit": "mL/min/1.73m2"},
    {"date": "2026-11-01", "test": "calcium", "value": 2.3, "unit": "mmol/L"},
    {"date": "2026-11-01", "test": "vitamin_d_25oh", "value": 30, "unit": "ng/mL"},
]


def woman(age: int = 70, **fields: Any) -> dict[str, Any]:
    record: dict[str, Any] = {
        "sex": "female",
        "birth_date": f"{AS_OF.year - age}-03-14",
        "menopausal_status": "post",
        "dxa": OSTEOPOROSIS_DXA,
        "labs": LABS_OK,
    }
    return record | fields


def run(data: dict[str, Any]) -> Evaluation:
    return evaluate(parse_record(data, as_of=AS_OF), as_of=AS_OF)


def due(evaluation: Evaluation, item: str) -> list[date]:
    return sorted(m.due_date for m in evaluation.monitoring if m.item == item)


def test_rules_version_bumped_for_the_third_reading() -> None:
    """RULES_VERSION changes whenever a rule changes (clinical-rules, Part B preamble): 2026.2
    for the second reading, 2026.3 for the third (A7 calcium and CTX dates)."""
    assert RULES_VERSION == "2026.3"


def test_baseline_dxa_on_the_start_day_does_not_replace_the_12_month_scan() -> None:
    """A7 `dxa`: "12 months after starting or changing treatment; then latest DXA + 24 months".

    A scan taken on the day the drug started is the baseline, not the 12-month follow-up, so
    denosumab started 2026-10-01 with a DXA that day is rescanned on 2027-10-01.
    """
    data = woman(
        treatments=[
            {"drug": "denosumab", "start_date": "2026-10-01", "last_dose_date": "2026-10-01"}
        ]
    )
    evaluation = run(data)
    assert evaluation.treatment_state == "on_denosumab"
    assert due(evaluation, "dxa") == [date(2027, 10, 1)]


def test_dxa_after_the_start_still_resets_to_latest_plus_24_months() -> None:
    """A7 `dxa`: once a scan on treatment exists, the next is latest DXA + 24 months."""
    data = woman(
        dxa=[*OSTEOPOROSIS_DXA, {"date": "2026-11-01", "femoral_neck_t": -2.6}],
        treatments=[
            {"drug": "denosumab", "start_date": "2025-10-01", "last_dose_date": "2026-10-01"}
        ],
    )
    assert due(run(data), "dxa") == [date(2028, 11, 1)]


def test_new_oral_bisphosphonate_gets_risk_reassessment_at_its_review_point() -> None:
    """A7 `risk_reassessment`: "at the bisphosphonate review point" (oral >= 5 years, A5);
    a proposed option is dated as if started at as_of (A7), so 2031-11-25."""
    evaluation = run(woman())
    assert evaluation.options[0].steps[0].drug == "alendronate"
    assert due(evaluation, "risk_reassessment") == [date(2031, 11, 25)]


def test_new_zoledronic_acid_gets_risk_reassessment_at_three_years() -> None:
    """A7 `risk_reassessment` at the review point; A5: zoledronic acid >= 3 years."""
    evaluation = run(woman(allergies=["alendronate", "risedronate"]))
    assert evaluation.options[0].steps[0].drug == "zoledronic_acid"
    assert due(evaluation, "risk_reassessment") == [date(2029, 11, 25)]


def test_review_point_of_a_new_bisphosphonate_counts_earlier_bisphosphonate_time() -> None:
    """A0: cumulative limits add up every record of the class; A5 review oral >= 5 years.

    Two years of alendronate that ended leave three years to the review point of a restart.
    """
    data = woman(
        treatments=[{"drug": "alendronate", "start_date": "2022-01-10", "end_date": "2024-01-10"}]
    )
    evaluation = run(data)
    assert evaluation.options[0].steps[0].drug == "alendronate"
    assert due(evaluation, "risk_reassessment") == [date(2029, 11, 25)]


def test_dental_exam_before_starting_a_serm() -> None:
    """A7 `dental_exam`: "before starting any antiresorptive or romosozumab" — a SERM is an
    antiresorptive, so a proposed raloxifene is preceded by a dental examination at as_of."""
    data = woman(
        age=66,
        conditions=["breast_cancer_high_risk"],
        allergies=["alendronate", "risedronate", "zoledronic_acid", "denosumab"],
    )
    evaluation = run(data)
    assert evaluation.options[0].steps[0].drug == "raloxifene"
    assert due(evaluation, "dental_exam") == [AS_OF]
