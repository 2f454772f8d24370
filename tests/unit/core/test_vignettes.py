"""Independent clinical vignettes for the decision module, written from clinical-rules Part A only.

Each case is a small patient, the Part A rule it exercises, and what Part A fixes about the
answer. Expectations assert only what Part A determines; where Part A is exact (a threshold, a
date, an order) the case is exact too. Part C worked cases appear reconciled to the cn2022
default. Every case also passes the generic invariants of A3/A4/A5 and contract section 2.

All dates are relative to AS_OF = 2026-11-25 unless a case says otherwise; month arithmetic is
calendar months (A0): as_of - 12 months = 2025-11-25, - 24 months = 2024-11-25,
+ 1 month = 2026-12-25, + 3 months = 2027-02-25, + 12 months = 2027-11-25, + 24 months = 2028-11-25.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

import pytest

from osteodesk.core import codes
from osteodesk.core.record import parse_record

AS_OF = date(2026, 11, 25)
TODAY = AS_OF.isoformat()
PLUS_1M = "2026-12-25"
PLUS_3M = "2027-02-25"
PLUS_12M = "2027-11-25"
PLUS_24M = "2028-11-25"

ALL_DRUGS = list(codes.OSTEOPOROSIS_DRUGS)
BPS = ["alendronate", "risedronate", "ibandronate", "zoledronic_acid"]
ORAL_BPS = ["alendronate", "risedronate", "ibandronate"]
PTH = ["teriparatide", "abaloparatide"]
ANABOLICS = ["teriparatide", "abaloparatide", "romosozumab"]
SERM_HRT = ["raloxifene", "bazedoxifene", "hrt"]
# The cn2022 naive high list (A6), ranks 1-4 and 7 (5 and 6 need their conditions).
HIGH_ORDER = [["alendronate"], ["risedronate"], ["zoledronic_acid"], ["denosumab"], ["ibandronate"]]
# The cn2022 naive very-high list (A6).
VERY_HIGH_ORDER = [
    ["romosozumab"],
    ["teriparatide"],
    ["abaloparatide"],
    ["zoledronic_acid"],
    ["denosumab"],
]
# ACR-GIOP lists (A6): very high / high-dose, and high.
ACR_VERY_HIGH_ORDER = [PTH, ORAL_BPS, ["zoledronic_acid"], ["denosumab"]]
ACR_HIGH_ORDER = [PTH, ["denosumab"], ORAL_BPS, ["zoledronic_acid"]]
ACR_MODERATE_FIRST = [*ORAL_BPS, "denosumab", *PTH]
# Change of class after a fracture on a bisphosphonate for >= 12 months (A5).
BP_FAILURE_FIRST = ["teriparatide", "abaloparatide", "romosozumab", "denosumab"]
POST_ANABOLIC_FIRST = ["alendronate", "risedronate", "zoledronic_acid", "denosumab"]


# --- record builders ----------------------------------------------------------------------


def woman(age: int, *, status: str | None = "post", **fields: Any) -> dict[str, Any]:
    """A woman of `age` completed years at AS_OF (birthday 14 March)."""
    record: dict[str, Any] = {"sex": "female", "birth_date": f"{AS_OF.year - age}-03-14"}
    if status is not None:
        record["menopausal_status"] = status
    record.update(fields)
    return record


def man(age: int, **fields: Any) -> dict[str, Any]:
    """A man of `age` completed years at AS_OF (birthday 14 March)."""
    record: dict[str, Any] = {"sex": "male", "birth_date": f"{AS_OF.year - age}-03-14"}
    record.update(fields)
    return record


_SITES = {"ls": "lumbar_spine", "fn": "femoral_neck", "th": "total_hip", "r33": "radius_33"}


def dxa(day: str, **values: float) -> dict[str, Any]:
    """A DXA visit: ls/fn/th/r33 are T-scores, ls_z/fn_z... Z-scores."""
    scan: dict[str, Any] = {"date": day}
    for key, value in values.items():
        site, _, kind = key.partition("_")
        scan[f"{_SITES[site]}_{kind or 't'}"] = value
    return scan


def frax(
    day: str, mof: float, hip: float, *, bmd: bool = True, gc: bool | None = None
) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "date": day,
        "major_osteoporotic_pct": mof,
        "hip_pct": hip,
        "with_bmd": bmd,
    }
    if gc is not None:
        entry["glucocorticoid_ticked"] = gc
    return entry


def lab(test: str, value: float, unit: str, day: str = "2026-11-01") -> dict[str, Any]:
    return {"date": day, "test": test, "value": value, "unit": unit}


def egfr(value: float) -> dict[str, Any]:
    return lab("egfr", value, "mL/min/1.73m2")


def creat_mg(value: float, day: str = "2026-11-01") -> dict[str, Any]:
    return lab("creatinine", value, "mg/dL", day)


def calcium(value: float, unit: str = "mmol/L") -> dict[str, Any]:
    return lab("calcium", value, unit)


def vit_d(value: float, unit: str = "ng/mL") -> dict[str, Any]:
    return lab("vitamin_d_25oh", value, unit)


def fx(site: str, day: str, fragility: bool | None = True) -> dict[str, Any]:
    entry: dict[str, Any] = {"site": site, "date": day}
    if fragility is not None:
        entry["fragility"] = fragility
    return entry


def tx(
    drug: str,
    start: str,
    end: str | None = None,
    *,
    last: str | None = None,
    doses: int | None = None,
    planned_stop: bool | None = None,
) -> dict[str, Any]:
    entry: dict[str, Any] = {"drug": drug, "start_date": start, "end_date": end}
    if last is not None:
        entry["last_dose_date"] = last
    if doses is not None:
        entry["doses_given"] = doses
    if planned_stop is not None:
        entry["planned_stop"] = planned_stop
    return entry


def gc(dose: float, start: str, end: str | None = None) -> dict[str, Any]:
    return {"dose_mg_per_day": dose, "start_date": start, "end_date": end}


def event(kind: str, day: str) -> dict[str, Any]:
    return {"type": kind, "date": day}


def alert(code: str, severity: str | None = None, due: str | None = None, **extra: str) -> dict:
    out: dict[str, Any] = {"code": code}
    if severity is not None:
        out["severity"] = severity
    if due is not None:
        out["due_date"] = due
    out.update(extra)
    return out


# A standing DXA for cases that need a diagnosis but are about something else.
OP_DXA = [dxa("2026-10-01", fn=-2.6, ls=-2.2)]  # osteoporosis, no very-high T (A1)
VH_DXA = [dxa("2026-10-01", ls=-3.2, fn=-2.6)]  # T <= -3.0: very high under cn2022 (A1)
PENIA_DXA = [dxa("2026-10-01", fn=-2.0, ls=-1.8)]  # osteopenia (A1)


# --- the case type ------------------------------------------------------------------------

_EXPECT_KEYS = frozenset(
    {
        "risk",
        "diagnosis",
        "state",
        "no_options",
        "top_first_drug_in",
        "top_steps",
        "top_first_step_months",
        "top_first_step_start",
        "options_include",
        "options_include_any",
        "all_first_drugs_in",
        "first_drug_order",
        "last_option_first_drug",
        "never_offered",
        "avoid_includes",
        "avoid_excludes",
        "alerts_include",
        "alerts_exclude",
        "monitoring_includes",
        "osta",
        "crcl",
        "frax_mof",
        "frax_hip",
        "frax_adjustments_include",
        "frax_adjustments_exclude",
        "frax_adjustment_count",
    }
)


@dataclass(frozen=True)
class Vignette:
    id: str
    rule: str
    record: dict[str, Any]
    expect: dict[str, Any]
    framework: str = "cn2022"
    as_of: date = AS_OF


def V(  # noqa: N802 - a table constructor reads better short and capitalised
    case_id: str,
    rule: str,
    record: dict[str, Any],
    *,
    framework: str = "cn2022",
    as_of: date = AS_OF,
    **expect: Any,
) -> Any:
    unknown = set(expect) - _EXPECT_KEYS
    assert not unknown, f"{case_id}: unknown expectation keys {unknown}"
    assert "risk" in expect, f"{case_id}: every case states the exact risk category"
    return pytest.param(Vignette(case_id, rule, record, expect, framework, as_of), id=case_id)


# --- the table ----------------------------------------------------------------------------

CASES = [
    # ===== A1 diagnosis, cn2022 default =====================================================
    V(
        "dx_fn_t_-2.5_osteoporosis_high_naive_order",
        "A1 T <= -2.5 at femoral neck = osteoporosis = high; A6 high order; A7 dates from as_of; "
        "A2 no creatinine/eGFR -> renal_function due at as_of",
        woman(68, dxa=[dxa("2026-10-01", fn=-2.5, ls=-1.8)]),
        risk="high",
        diagnosis="osteoporosis",
        state="naive",
        top_first_drug_in=["alendronate"],
        first_drug_order=HIGH_ORDER,
        never_offered=[*ANABOLICS, *SERM_HRT, "calcitonin"],
        monitoring_includes=[
            ("dxa", PLUS_12M),
            ("vfa", TODAY),
            ("renal_function", TODAY),
            ("ctx", PLUS_3M),
            ("dental_exam", TODAY),
        ],
        crcl=None,
    ),
    V(
        "dx_t_-2.4_osteopenia_moderate_no_drug",
        "A1 lowest T -2.4 = osteopenia; no FRAX -> moderate; A6 moderate: no drug; "
        "A7 untreated moderate dxa = latest DXA + 24 months",
        woman(68, dxa=[dxa("2026-01-10", fn=-2.4, ls=-1.5)]),
        risk="moderate",
        diagnosis="osteopenia",
        no_options=True,
        monitoring_includes=[("dxa", "2028-01-10")],
    ),
    V(
        "dx_untreated_moderate_dxa_overdue_due_today",
        "A7 untreated moderate: latest DXA + 24 months, at as_of if already past",
        woman(68, dxa=[dxa("2023-05-01", fn=-1.9)]),
        risk="moderate",
        diagnosis="osteopenia",
        no_options=True,
        monitoring_includes=[("dxa", TODAY)],
    ),
    V(
        "dx_t_-1.0_normal_low",
        "A1 normal when every T >= -1.0 (-1.0 included); low: none of the above",
        woman(68, dxa=[dxa("2026-10-01", fn=-1.0, ls=-0.5)]),
        risk="low",
        diagnosis="normal",
        no_options=True,
        alerts_exclude=["screening_only_refer_dxa"],
    ),
    V(
        "dx_t_-1.1_osteopenia",
        "A1 lowest T between -1.0 and -2.5 = osteopenia -> moderate without FRAX",
        woman(68, dxa=[dxa("2026-10-01", fn=-1.1, ls=-0.5)]),
        risk="moderate",
        diagnosis="osteopenia",
        no_options=True,
    ),
    V(
        "dx_radius33_t_-2.6_osteoporosis",
        "A1 T <= -2.5 at the 1/3 radius counts",
        woman(68, dxa=[dxa("2026-10-01", r33=-2.6, fn=-1.5)]),
        risk="high",
        diagnosis="osteoporosis",
        top_first_drug_in=["alendronate"],
    ),
    V(
        "dx_old_hip_fragility_fracture_osteoporosis",
        "A1 hip fragility fracture = osteoporosis whatever the T; single fracture > 24 months ago "
        "is no very-high trigger",
        woman(70, fractures=[fx("hip", "2019-05-01")], dxa=[dxa("2026-10-01", fn=-1.5)]),
        risk="high",
        diagnosis="osteoporosis",
        top_first_drug_in=["alendronate"],
    ),
    V(
        "dx_wrist_fracture_with_osteopenia_osteoporosis",
        "A1 wrist fragility fracture with osteopenia = osteoporosis",
        woman(70, fractures=[fx("wrist", "2020-02-01")], dxa=[dxa("2026-10-01", fn=-1.8)]),
        risk="high",
        diagnosis="osteoporosis",
        top_first_drug_in=["alendronate"],
    ),
    V(
        "dx_wrist_fracture_normal_bmd_not_osteoporosis",
        "A1 wrist fracture only qualifies with osteopenia; every T >= -1.0 = normal -> low",
        woman(70, fractures=[fx("wrist", "2020-02-01")], dxa=[dxa("2026-10-01", fn=-0.8, ls=-0.5)]),
        risk="low",
        diagnosis="normal",
        no_options=True,
    ),
    V(
        "dx_severe_osteoporosis_rib_fracture",
        "A1 severe_osteoporosis = T <= -2.5 and a fragility fracture (every site counts, A0)",
        woman(70, fractures=[fx("rib", "2019-01-01")], dxa=[dxa("2026-10-01", fn=-2.6)]),
        risk="high",
        diagnosis="severe_osteoporosis",
        top_first_drug_in=["alendronate"],
    ),
    V(
        "dx_fracture_without_fragility_flag_counts",
        "A0 a fracture without `fragility` counts as fragility -> vertebral = osteoporosis",
        woman(70, fractures=[fx("vertebra", "2019-01-01", None)], dxa=[dxa("2026-10-01", fn=-1.6)]),
        risk="high",
        diagnosis="osteoporosis",
    ),
    V(
        "dx_high_trauma_fracture_not_counted",
        "A0/A1 fragility false: the vertebral fracture neither diagnoses nor triggers",
        woman(
            70,
            fractures=[fx("vertebra", "2026-05-01", False)],
            dxa=[dxa("2026-10-01", fn=-1.6)],
        ),
        risk="moderate",
        diagnosis="osteopenia",
        no_options=True,
    ),
    V(
        "dx_recent_high_trauma_fracture_no_window_trigger",
        "A1 window trigger is a fragility fracture: a high-trauma one leaves T -2.6 at high",
        woman(70, fractures=[fx("hip", "2026-05-01", False)], dxa=OP_DXA),
        risk="high",
        diagnosis="osteoporosis",
        top_first_drug_in=["alendronate"],
    ),
    V(
        "dx_osteoporosis_stands_after_t_improves",
        "A1 a diagnosis of osteoporosis once made stands when a later T improves (AACE 2020)",
        woman(68, dxa=[dxa("2022-03-01", fn=-2.7), dxa("2026-09-01", fn=-2.2)]),
        risk="high",
        diagnosis="osteoporosis",
        top_first_drug_in=["alendronate"],
    ),
    V(
        "dx_latest_dxa_per_site_decides_t_trigger",
        "A0 latest DXA per site: LS -3.2 in 2023 then -2.7 in 2026 -> no T <= -3.0 trigger",
        woman(68, dxa=[dxa("2023-03-01", ls=-3.2), dxa("2026-09-01", ls=-2.7)]),
        risk="high",
        diagnosis="osteoporosis",
        top_first_drug_in=["alendronate"],
    ),
    V(
        "dx_no_data_not_assessable_low",
        "A1 no DXA, no fracture = not_assessable; no weight -> no OSTA; low",
        woman(68),
        risk="low",
        diagnosis="not_assessable",
        no_options=True,
        alerts_exclude=["screening_only_refer_dxa"],
    ),
    V(
        "dx_woman_52_without_menopausal_status_counts_post",
        "A1 a woman with no menopausal_status counts as postmenopausal from 50",
        woman(52, status=None, dxa=[dxa("2026-10-01", fn=-2.6)]),
        risk="high",
        diagnosis="osteoporosis",
        top_first_drug_in=["alendronate"],
        avoid_excludes=["romosozumab", "raloxifene", "abaloparatide"],
    ),
    # ===== A1 premenopausal women and men < 50 =============================================
    V(
        "pre_z_-2.0_low_for_age_workup",
        "A1 premenopausal: no T diagnosis; Z <= -2.0 -> low_for_age + secondary_cause_workup; "
        "T not used for risk",
        woman(40, status="pre", dxa=[dxa("2026-10-01", fn=-2.8, fn_z=-2.0)]),
        risk="low",
        diagnosis="low_for_age",
        alerts_include=["secondary_cause_workup"],
        no_options=True,
    ),
    V(
        "pre_z_-1.9_normal_t_-3.2_ignored",
        "A1 premenopausal: Z -1.9 -> normal; T -3.2 is not used (no very-high, no high)",
        woman(40, status="pre", dxa=[dxa("2026-10-01", fn=-3.2, fn_z=-1.9)]),
        risk="low",
        diagnosis="normal",
        alerts_exclude=["secondary_cause_workup"],
        no_options=True,
    ),
    V(
        "man_45_z_-2.1_low_for_age",
        "A1 man < 50: Z <= -2.0 -> low_for_age + secondary_cause_workup",
        man(45, dxa=[dxa("2026-10-01", fn=-2.4, fn_z=-2.1)]),
        risk="low",
        diagnosis="low_for_age",
        alerts_include=["secondary_cause_workup"],
        no_options=True,
    ),
    V(
        "man_49_t_-2.6_no_t_diagnosis",
        "A1 man one day short of 50: no T-score diagnosis; Z -1.2 -> normal, low",
        {
            "sex": "male",
            "birth_date": "1976-11-26",
            "dxa": [dxa("2026-10-01", fn=-2.6, fn_z=-1.2)],
        },
        risk="low",
        diagnosis="normal",
        no_options=True,
    ),
    V(
        "man_50_today_t_-2.6_osteoporosis",
        "A1 men >= 50 (50th birthday at as_of, A0 completed years): T -2.6 = osteoporosis; "
        "A4 male gates",
        {"sex": "male", "birth_date": "1976-11-25", "dxa": [dxa("2026-10-01", fn=-2.6)]},
        risk="high",
        diagnosis="osteoporosis",
        top_first_drug_in=["alendronate"],
        avoid_includes=["raloxifene", "bazedoxifene", "hrt", "romosozumab"],
    ),
    V(
        "pre_old_vertebral_fracture_high",
        "A1 premenopausal: hip/vertebral fragility fracture -> high (+ workup); A4 pre gates; "
        "A6 high list",
        woman(42, status="pre", fractures=[fx("vertebra", "2022-01-01")]),
        risk="high",
        top_first_drug_in=["alendronate"],
        avoid_includes=["romosozumab", "raloxifene", "bazedoxifene", "abaloparatide"],
        alerts_include=["secondary_cause_workup"],
    ),
    V(
        "pre_vertebral_fracture_18m_cn2022_very_high",
        "A1 premenopausal very_high for a window trigger with a vertebral fracture (cn2022: 24 "
        "months); A6 premenopausal women start at 2 (teriparatide)",
        woman(42, status="pre", fractures=[fx("vertebra", "2025-05-25")]),
        risk="very_high",
        top_first_drug_in=["teriparatide"],
        never_offered=["romosozumab", "abaloparatide"],
        alerts_include=["secondary_cause_workup"],
    ),
    V(
        "pre_vertebral_fracture_18m_aace2020_high",
        "A1 aace2020 window is 12 months: the same woman is high",
        woman(42, status="pre", fractures=[fx("vertebra", "2025-05-25")]),
        framework="aace2020",
        risk="high",
        top_first_drug_in=["alendronate"],
        alerts_include=["secondary_cause_workup"],
    ),
    V(
        "pre_two_wrist_fractures_low",
        "A1 premenopausal: >= 2 fractures but none hip/vertebral -> low; any fragility fracture "
        "adds secondary_cause_workup",
        woman(
            42,
            status="pre",
            fractures=[fx("wrist", "2020-02-01"), fx("wrist", "2025-06-01")],
        ),
        risk="low",
        no_options=True,
        alerts_include=["secondary_cause_workup"],
    ),
    V(
        "man_45_recent_hip_fracture_very_high",
        "A1 man < 50, hip fracture within 24 months -> very_high; A6 men start at 2",
        man(45, fractures=[fx("hip", "2026-05-25")]),
        risk="very_high",
        top_first_drug_in=["teriparatide"],
        never_offered=["romosozumab"],
        alerts_include=["secondary_cause_workup"],
    ),
    # ===== A1 very-high triggers: T-score, both frameworks ==================================
    V(
        "cn_t_-3.0_very_high_romosozumab_first",
        "A1 cn2022 T <= -3.0 (-3.0 included) -> very_high; A6 very-high order; A7 p1np 3 months "
        "after an anabolic, cv_review before the romosozumab dose",
        woman(68, dxa=[dxa("2026-10-01", ls=-3.0, fn=-2.2)]),
        risk="very_high",
        diagnosis="osteoporosis",
        top_first_drug_in=["romosozumab"],
        top_first_step_months=12,
        first_drug_order=VERY_HIGH_ORDER,
        never_offered=["calcitonin", *SERM_HRT],
        monitoring_includes=[
            ("p1np", PLUS_3M),
            ("cv_review", TODAY),
            ("dxa", PLUS_12M),
            ("vfa", TODAY),
        ],
    ),
    V(
        "aace_t_-3.0_high",
        "A1 aace2020 T < -3.0 is strict: -3.0 stays high",
        woman(68, dxa=[dxa("2026-10-01", ls=-3.0, fn=-2.2)]),
        framework="aace2020",
        risk="high",
        top_first_drug_in=["alendronate"],
    ),
    V(
        "aace_t_-3.1_very_high",
        "A1 aace2020 T -3.1 < -3.0 -> very_high",
        woman(68, dxa=[dxa("2026-10-01", ls=-3.1, fn=-2.2)]),
        framework="aace2020",
        risk="very_high",
        top_first_drug_in=["romosozumab"],
    ),
    V(
        "cn_t_-2.9_high",
        "A1 cn2022 T -2.9 is above -3.0 -> high",
        woman(68, dxa=[dxa("2026-10-01", ls=-2.9, fn=-2.2)]),
        risk="high",
        top_first_drug_in=["alendronate"],
    ),
    # ===== A1 fracture windows ============================================================
    V(
        "cn_fracture_exactly_24m_very_high",
        "A0/A1 'in the last 24 months' = on or after as_of - 24 months (2024-11-25)",
        woman(70, fractures=[fx("wrist", "2024-11-25")], dxa=OP_DXA),
        risk="very_high",
        diagnosis="severe_osteoporosis",
        top_first_drug_in=["romosozumab"],
    ),
    V(
        "cn_fracture_24m_plus_1d_high",
        "A0/A1 a fracture on 2024-11-24 is outside the cn2022 24-month window",
        woman(70, fractures=[fx("wrist", "2024-11-24")], dxa=OP_DXA),
        risk="high",
        top_first_drug_in=["alendronate"],
    ),
    V(
        "aace_fracture_exactly_12m_very_high",
        "A1 aace2020 window 12 months, boundary day 2025-11-25 included",
        woman(70, fractures=[fx("wrist", "2025-11-25")], dxa=OP_DXA),
        framework="aace2020",
        risk="very_high",
        top_first_drug_in=["romosozumab"],
    ),
    V(
        "aace_fracture_12m_plus_1d_high",
        "A1 aace2020: a fracture on 2025-11-24 is outside 12 months",
        woman(70, fractures=[fx("wrist", "2025-11-24")], dxa=OP_DXA),
        framework="aace2020",
        risk="high",
        top_first_drug_in=["alendronate"],
    ),
    V(
        "cn_fracture_12m_plus_1d_still_very_high",
        "A1 the same fracture is inside the cn2022 24-month window",
        woman(70, fractures=[fx("wrist", "2025-11-24")], dxa=OP_DXA),
        risk="very_high",
        top_first_drug_in=["romosozumab"],
    ),
    V(
        "cn_two_old_fractures_very_high",
        "A1 >= 2 fragility fractures at any time; wrist + osteopenia = osteoporosis (high)",
        woman(
            72,
            fractures=[fx("wrist", "2015-03-01"), fx("humerus", "2019-06-01")],
            dxa=[dxa("2026-10-01", fn=-1.8)],
        ),
        risk="very_high",
        diagnosis="osteoporosis",
    ),
    V(
        "cn_fracture_during_past_glucocorticoid_course_very_high",
        "A1 fragility fracture while on glucocorticoids; the course has ended, so ACR-GIOP does "
        "not apply and A6 cn2022 very-high list decides",
        woman(
            70,
            glucocorticoid_past=[gc(10, "2018-01-01", "2018-12-31")],
            fractures=[fx("vertebra", "2018-09-01")],
            dxa=[dxa("2026-10-01", fn=-1.9)],
        ),
        risk="very_high",
        diagnosis="osteoporosis",
        top_first_drug_in=["romosozumab"],
        alerts_exclude=["glucocorticoid_osteoporosis", "high_dose_glucocorticoid"],
    ),
    # ===== A1 falls ==========================================================================
    V(
        "cn_high_fall_risk_condition_very_high",
        "A1 high fall risk (condition high_fall_risk) is a very-high trigger",
        woman(78, conditions=["high_fall_risk"], dxa=OP_DXA),
        risk="very_high",
        top_first_drug_in=["romosozumab"],
    ),
    V(
        "cn_two_falls_very_high_falls_assessment",
        "A1 falls_past_year >= 2 = high fall risk; any fall adds falls_assessment",
        woman(78, falls_past_year=2, dxa=OP_DXA),
        risk="very_high",
        alerts_include=["falls_assessment"],
    ),
    V(
        "cn_one_fall_high_falls_assessment",
        "A1 one fall is not high fall risk but adds falls_assessment",
        woman(78, falls_past_year=1, dxa=OP_DXA),
        risk="high",
        top_first_drug_in=["alendronate"],
        alerts_include=["falls_assessment"],
    ),
    V(
        "cn_no_falls_no_falls_assessment",
        "A1 falls_past_year 0: no falls_assessment",
        woman(78, falls_past_year=0, dxa=OP_DXA),
        risk="high",
        alerts_exclude=["falls_assessment"],
    ),
    V(
        "cn_falls_with_normal_bmd_low",
        "A1 a fall with normal BMD is not very high (trigger without high risk does not raise)",
        woman(
            78,
            falls_past_year=3,
            conditions=["high_fall_risk"],
            dxa=[dxa("2026-10-01", fn=-0.5, ls=-0.2)],
        ),
        risk="low",
        diagnosis="normal",
        no_options=True,
        alerts_include=["falls_assessment"],
    ),
    V(
        "cn_high_fall_risk_osteopenia_moderate",
        "A1 high fall risk with osteopenia and no FRAX stays moderate",
        woman(78, conditions=["high_fall_risk"], dxa=PENIA_DXA),
        risk="moderate",
        no_options=True,
    ),
    # ===== A1 FRAX thresholds ================================================================
    V(
        "cn_frax_mof_30.0_high",
        "A1 osteopenia + MOF >= 20 -> high; MOF > 30 is strict, 30.0 is not very high",
        woman(68, dxa=[dxa("2026-10-01", fn=-2.0)], frax=[frax("2026-10-01", 30.0, 2.0)]),
        risk="high",
        frax_mof=30.0,
        frax_hip=2.0,
        frax_adjustment_count=0,
        top_first_drug_in=["alendronate"],
    ),
    V(
        "cn_frax_mof_30.1_very_high",
        "A1 FRAX MOF 30.1 > 30 -> very high trigger",
        woman(68, dxa=[dxa("2026-10-01", fn=-2.0)], frax=[frax("2026-10-01", 30.1, 2.0)]),
        risk="very_high",
        top_first_drug_in=["romosozumab"],
    ),
    V(
        "aace_frax_mof_30.1_very_high",
        "A1 aace2020 shares the FRAX trigger MOF > 30",
        woman(68, dxa=[dxa("2026-10-01", fn=-2.0)], frax=[frax("2026-10-01", 30.1, 2.0)]),
        framework="aace2020",
        risk="very_high",
    ),
    V(
        "cn_frax_hip_4.5_high",
        "A1 osteopenia + hip >= 3 -> high; hip > 4.5 strict, 4.5 is not very high",
        woman(68, dxa=[dxa("2026-10-01", fn=-2.0)], frax=[frax("2026-10-01", 10.0, 4.5)]),
        risk="high",
    ),
    V(
        "cn_frax_hip_4.6_very_high",
        "A1 FRAX hip 4.6 > 4.5 -> very high",
        woman(68, dxa=[dxa("2026-10-01", fn=-2.0)], frax=[frax("2026-10-01", 10.0, 4.6)]),
        risk="very_high",
    ),
    V(
        "cn_frax_mof_20_high",
        "A1 osteopenia with MOF >= 20 (20 included) -> high",
        woman(68, dxa=[dxa("2026-10-01", fn=-2.0)], frax=[frax("2026-10-01", 20.0, 1.0)]),
        risk="high",
    ),
    V(
        "cn_frax_hip_3_high",
        "A1 osteopenia with hip >= 3 (3 included) -> high",
        woman(68, dxa=[dxa("2026-10-01", fn=-2.0)], frax=[frax("2026-10-01", 10.0, 3.0)]),
        risk="high",
    ),
    V(
        "cn_frax_below_thresholds_moderate",
        "A1 osteopenia with MOF 19.9 and hip 2.9 -> moderate; no drug",
        woman(68, dxa=[dxa("2026-10-01", fn=-2.0)], frax=[frax("2026-10-01", 19.9, 2.9)]),
        risk="moderate",
        no_options=True,
    ),
    V(
        "cn_frax_high_with_normal_bmd_low",
        "A1 high = osteoporosis or osteopenia+FRAX; normal BMD with MOF 35 is a trigger without "
        "high risk, so it does not raise the category",
        woman(68, dxa=[dxa("2026-10-01", fn=-0.5)], frax=[frax("2026-10-01", 35.0, 5.0)]),
        risk="low",
        diagnosis="normal",
        no_options=True,
    ),
    # ===== A2 OSTA =========================================================================
    V(
        "osta_-1.0_moderate_refer",
        "A2 OSTA 0.2*(65-70) = -1.0 <= -1 with no DXA -> moderate + screening_only_refer_dxa, "
        "never a drug on OSTA alone",
        woman(70, weight_kg=65),
        risk="moderate",
        diagnosis="not_assessable",
        osta=-1.0,
        no_options=True,
        alerts_include=["screening_only_refer_dxa"],
    ),
    V(
        "osta_-0.8_low",
        "A2 OSTA 0.2*(66-70) = -0.8 > -1 -> low band, no referral alert",
        woman(70, weight_kg=66),
        risk="low",
        osta=-0.8,
        no_options=True,
        alerts_exclude=["screening_only_refer_dxa"],
    ),
    V(
        "osta_-4.0_moderate",
        "A2 OSTA 0.2*(60-80) = -4.0 (moderate band, -4 included)",
        woman(80, weight_kg=60),
        risk="moderate",
        osta=-4.0,
        no_options=True,
        alerts_include=["screening_only_refer_dxa"],
    ),
    V(
        "osta_-4.2_never_sets_high",
        "A2 OSTA 0.2*(59-80) = -4.2 (high band) but OSTA never sets high: moderate, no drug",
        woman(80, weight_kg=59),
        risk="moderate",
        osta=-4.2,
        no_options=True,
        alerts_include=["screening_only_refer_dxa"],
    ),
    V(
        "osta_low_with_dxa_uses_dxa",
        "A1/A2 OSTA matters only with no DXA: OSTA -4 but normal DXA -> low, no referral",
        woman(70, weight_kg=50, dxa=[dxa("2026-10-01", fn=-0.5)]),
        risk="low",
        diagnosis="normal",
        osta=-4.0,
        alerts_exclude=["screening_only_refer_dxa"],
    ),
    # ===== A2 FRAX adjustments ============================================================
    V(
        "partc7_ra_prednisolone_10mg_acr_high",
        "Part C 7 / A2: GC 10 mg > 7.5 with GC box ticked -> MOF 18*1.15=20.7, hip 2.1*1.2=2.52; "
        "cn2022 osteopenia+MOF>=20 high; ACR high; A6 ACR high list decides; A7 vfa on GC",
        woman(
            58,
            conditions=["rheumatoid_arthritis"],
            glucocorticoid=gc(10, "2026-07-25"),
            dxa=[dxa("2026-11-01", fn=-2.0)],
            frax=[frax("2026-11-01", 18.0, 2.1, gc=True)],
        ),
        risk="high",
        frax_mof=20.7,
        frax_hip=2.52,
        frax_adjustments_include=["glucocorticoid_dose"],
        frax_adjustment_count=1,
        top_first_drug_in=PTH,
        first_drug_order=ACR_HIGH_ORDER,
        never_offered=["romosozumab", "raloxifene", "bazedoxifene", "calcitonin"],
        alerts_include=[alert("glucocorticoid_osteoporosis", "warning")],
        monitoring_includes=[("vfa", TODAY)],
    ),
    V(
        "frax_gc_7.5_unchanged_high",
        "A2 GC 2.5-7.5 (7.5 included) leaves FRAX unchanged: MOF 27 stays 27 -> high",
        woman(
            66,
            glucocorticoid=gc(7.5, "2026-05-01"),
            dxa=[dxa("2026-11-01", fn=-2.0)],
            frax=[frax("2026-11-01", 27.0, 2.0, gc=True)],
        ),
        risk="high",
        frax_mof=27.0,
        frax_hip=2.0,
        frax_adjustments_exclude=["glucocorticoid_dose"],
        alerts_include=[alert("glucocorticoid_osteoporosis", "warning")],
        top_first_drug_in=PTH,
    ),
    V(
        "frax_gc_7.6_raised_very_high",
        "A2 GC 7.6 > 7.5: MOF 27*1.15 = 31.05 > 30 -> very high (cn2022 and ACR); ACR very-high "
        "list decides",
        woman(
            66,
            glucocorticoid=gc(7.6, "2026-05-01"),
            dxa=[dxa("2026-11-01", fn=-2.0)],
            frax=[frax("2026-11-01", 27.0, 2.0, gc=True)],
        ),
        risk="very_high",
        frax_mof=31.05,
        frax_hip=2.4,
        frax_adjustments_include=["glucocorticoid_dose"],
        top_first_drug_in=PTH,
        first_drug_order=ACR_VERY_HIGH_ORDER,
        never_offered=["romosozumab", "raloxifene"],
    ),
    V(
        "frax_gc_2.4_lowered_no_acr",
        "A2 GC 2.4 < 2.5: MOF 22*0.80 = 17.6, hip 3.5*0.65 = 2.275 -> moderate; ACR-GIOP needs "
        ">= 2.5 mg so it does not apply",
        woman(
            66,
            glucocorticoid=gc(2.4, "2026-01-01"),
            dxa=[dxa("2026-11-01", fn=-2.0)],
            frax=[frax("2026-11-01", 22.0, 3.5, gc=True)],
        ),
        risk="moderate",
        frax_mof=17.6,
        frax_hip=2.275,
        frax_adjustments_include=["glucocorticoid_dose"],
        no_options=True,
        alerts_exclude=["glucocorticoid_osteoporosis"],
    ),
    V(
        "frax_gc_2.5_unchanged_acr_applies",
        "A2 GC 2.5 unchanged (MOF 22 -> high); A1 ACR-GIOP applies from 2.5 mg -> ACR high list",
        woman(
            66,
            glucocorticoid=gc(2.5, "2026-01-01"),
            dxa=[dxa("2026-11-01", fn=-2.0)],
            frax=[frax("2026-11-01", 22.0, 3.5, gc=True)],
        ),
        risk="high",
        frax_mof=22.0,
        frax_hip=3.5,
        frax_adjustments_exclude=["glucocorticoid_dose"],
        alerts_include=[alert("glucocorticoid_osteoporosis", "warning")],
        top_first_drug_in=PTH,
    ),
    V(
        "frax_gc_not_ticked_not_adjusted",
        "A2 GC adjustment only when the FRAX was done with the GC box ticked; ACR moderate "
        "list (oral BP, denosumab, PTH analogue) decides",
        woman(
            66,
            glucocorticoid=gc(10, "2026-01-01"),
            dxa=[dxa("2026-11-01", fn=-2.0)],
            frax=[frax("2026-11-01", 18.0, 2.0, gc=False)],
        ),
        risk="moderate",
        frax_mof=18.0,
        frax_adjustments_exclude=["glucocorticoid_dose"],
        no_options=False,
        all_first_drugs_in=ACR_MODERATE_FIRST,
        never_offered=["romosozumab", "raloxifene", "calcitonin"],
    ),
    V(
        "frax_gc_dose_of_course_on_frax_date",
        "A2 the dose is that of the course on the FRAX date (a past 10 mg course) -> x1.15/x1.20; "
        "no course now, so no ACR-GIOP",
        woman(
            66,
            glucocorticoid_past=[gc(10, "2025-01-01", "2025-12-31")],
            dxa=[dxa("2025-06-01", fn=-2.0)],
            frax=[frax("2025-06-01", 18.0, 2.1, gc=True)],
        ),
        risk="high",
        frax_mof=20.7,
        frax_hip=2.52,
        frax_adjustments_include=["glucocorticoid_dose"],
        top_first_drug_in=["alendronate"],
        alerts_exclude=["glucocorticoid_osteoporosis"],
    ),
    V(
        "partc1_leslie_offset_0.6_rounds_to_1",
        "Part C 1 / A2 Leslie: FN -2.6 - LS -3.2 = 0.6 -> 1 -> MOF 16*1.1 = 17.6, hip unchanged; "
        "cn2022 T <= -3.0 very high; never calcitonin; A7 vfa at as_of",
        woman(
            68,
            labs=[egfr(72)],
            dxa=[dxa("2026-10-01", ls=-3.2, fn=-2.6)],
            frax=[frax("2026-10-01", 16.0, 2.0)],
        ),
        risk="very_high",
        diagnosis="osteoporosis",
        frax_mof=17.6,
        frax_hip=2.0,
        frax_adjustment_count=1,
        frax_adjustments_exclude=["glucocorticoid_dose", "combined_not_validated"],
        top_first_drug_in=["romosozumab"],
        never_offered=["calcitonin"],
        monitoring_includes=[("vfa", TODAY)],
    ),
    V(
        "partc1_aace2020_t_-3.2_very_high",
        "Part C 1 under aace2020: -3.2 < -3.0 -> very high too",
        woman(
            68,
            labs=[egfr(72)],
            dxa=[dxa("2026-10-01", ls=-3.2, fn=-2.6)],
            frax=[frax("2026-10-01", 16.0, 2.0)],
        ),
        framework="aace2020",
        risk="very_high",
        frax_mof=17.6,
        top_first_drug_in=["romosozumab"],
    ),
    V(
        "frax_leslie_offset_0.5_rounds_away_from_zero",
        "A0/A2 rounding half away from zero: offset 0.5 -> 1 -> MOF 19*1.1 = 20.9 -> high",
        woman(68, dxa=[dxa("2026-10-01", fn=-1.5, ls=-2.0)], frax=[frax("2026-10-01", 19.0, 2.0)]),
        risk="high",
        frax_mof=20.9,
        frax_hip=2.0,
        frax_adjustment_count=1,
        top_first_drug_in=["alendronate"],
    ),
    V(
        "frax_leslie_offset_2.5_rounds_to_3",
        "A0/A2 offset 2.5 -> 3 (half away from zero) -> MOF 10*1.3 = 13.0",
        woman(68, dxa=[dxa("2026-10-01", fn=-0.5, ls=-3.0)], frax=[frax("2026-10-01", 10.0, 1.0)]),
        risk="very_high",
        frax_mof=13.0,
        frax_hip=1.0,
        frax_adjustment_count=1,
    ),
    V(
        "frax_leslie_offset_0.4_adds_nothing",
        "A2 offset 0.4 rounds to 0: adds nothing (no adjustment listed); MOF 19.5 -> moderate",
        woman(68, dxa=[dxa("2026-10-01", fn=-1.2, ls=-1.6)], frax=[frax("2026-10-01", 19.5, 2.0)]),
        risk="moderate",
        frax_mof=19.5,
        frax_adjustment_count=0,
        no_options=True,
    ),
    V(
        "frax_leslie_needs_frax_with_bmd",
        "A2 the offset applies only to a FRAX with BMD",
        woman(
            68,
            dxa=[dxa("2026-10-01", fn=-1.5, ls=-2.4)],
            frax=[frax("2026-10-01", 19.0, 2.0, bmd=False)],
        ),
        risk="moderate",
        frax_mof=19.0,
        frax_adjustment_count=0,
        no_options=True,
    ),
    V(
        "frax_leslie_ls_higher_no_adjustment",
        "A2 only when LS T < FN T: no downward offset",
        woman(68, dxa=[dxa("2026-10-01", fn=-2.0, ls=-0.5)], frax=[frax("2026-10-01", 25.0, 2.0)]),
        risk="high",
        frax_mof=25.0,
        frax_adjustment_count=0,
    ),
    V(
        "frax_leslie_pushes_osteopenia_to_high",
        "A2 offset 1.1 -> 1: MOF 18.5*1.1 = 20.35 >= 20 -> high",
        woman(68, dxa=[dxa("2026-10-01", fn=-1.3, ls=-2.4)], frax=[frax("2026-10-01", 18.5, 2.0)]),
        risk="high",
        frax_mof=20.35,
        top_first_drug_in=["alendronate"],
    ),
    V(
        "frax_gc_and_leslie_combined_not_validated",
        "A2 both adjustments: MOF 15*1.15*1.1 = 18.975, hip 1.5*1.2 = 1.8; adjustments list "
        "combined_not_validated; ACR moderate (T -2.4), cn2022 moderate",
        woman(
            64,
            glucocorticoid=gc(10, "2026-05-01"),
            dxa=[dxa("2026-11-01", fn=-1.5, ls=-2.4)],
            frax=[frax("2026-11-01", 15.0, 1.5, gc=True)],
        ),
        risk="moderate",
        frax_mof=18.975,
        frax_hip=1.8,
        frax_adjustments_include=["glucocorticoid_dose", "combined_not_validated"],
        frax_adjustment_count=3,
        no_options=False,
        all_first_drugs_in=ACR_MODERATE_FIRST,
        alerts_include=[alert("glucocorticoid_osteoporosis", "warning")],
    ),
    # ===== A1 glucocorticoids / ACR-GIOP on top =============================================
    V(
        "acr_prior_fracture_very_high_uses_acr_list",
        "A1 ACR-GIOP prior osteoporotic fracture = very high; final = higher (cn2022 high); "
        "A6 ACR very-high list; romosozumab/raloxifene only if all else avoided",
        woman(
            66,
            glucocorticoid=gc(5, "2026-02-01"),
            fractures=[fx("wrist", "2018-04-01")],
            dxa=[dxa("2026-10-01", fn=-1.8)],
        ),
        risk="very_high",
        top_first_drug_in=PTH,
        first_drug_order=ACR_VERY_HIGH_ORDER,
        never_offered=["romosozumab", "raloxifene", "bazedoxifene", "calcitonin"],
        alerts_include=[alert("glucocorticoid_osteoporosis", "warning")],
        alerts_exclude=["high_dose_glucocorticoid"],
    ),
    V(
        "acr_list_decides_when_cn2022_sets_very_high",
        "A6 the ACR list decides for the final category whichever framework set it: cn2022 "
        "T -3.2 very high, ACR high -> ACR very-high list, no romosozumab",
        woman(66, glucocorticoid=gc(5, "2026-02-01"), dxa=[dxa("2026-10-01", ls=-3.2, fn=-2.0)]),
        risk="very_high",
        top_first_drug_in=PTH,
        first_drug_order=ACR_VERY_HIGH_ORDER,
        never_offered=["romosozumab", "raloxifene"],
    ),
    V(
        "acr_high_dose_30mg_45_days",
        "A1 >= 30 mg/day for > 30 days (45 days since 2026-10-11) -> high_dose_glucocorticoid, ACR "
        "very high over cn2022 moderate",
        woman(60, glucocorticoid=gc(30, "2026-10-11"), dxa=[dxa("2026-10-01", fn=-1.5)]),
        risk="very_high",
        top_first_drug_in=PTH,
        first_drug_order=ACR_VERY_HIGH_ORDER,
        alerts_include=[
            alert("high_dose_glucocorticoid", "warning"),
            alert("glucocorticoid_osteoporosis", "warning"),
        ],
        never_offered=["romosozumab"],
        monitoring_includes=[("vfa", TODAY)],
    ),
    V(
        "acr_30mg_20_days_not_high_dose",
        "A1 30 mg/day for 20 days (0.6 g) is not high dose; ACR moderate by T -1.5 -> ACR "
        "moderate list",
        woman(60, glucocorticoid=gc(30, "2026-11-05"), dxa=[dxa("2026-10-01", fn=-1.5)]),
        risk="moderate",
        alerts_exclude=["high_dose_glucocorticoid"],
        alerts_include=[alert("glucocorticoid_osteoporosis", "warning")],
        no_options=False,
        all_first_drugs_in=ACR_MODERATE_FIRST,
    ),
    V(
        "acr_29mg_45_days_not_high_dose",
        "A1 29 mg/day is below the 30 mg high-dose limit (1.3 g in 45 days)",
        woman(60, glucocorticoid=gc(29, "2026-10-11"), dxa=[dxa("2026-10-01", fn=-1.5)]),
        risk="moderate",
        alerts_exclude=["high_dose_glucocorticoid"],
    ),
    V(
        "acr_cumulative_5.4g_high_dose",
        "A1 >= 5 g in the last 365 days: 20 mg/day since 2026-02-28 (270 days, 5.4 g)",
        woman(60, glucocorticoid=gc(20, "2026-02-28"), dxa=[dxa("2026-10-01", fn=-1.5)]),
        risk="very_high",
        alerts_include=[alert("high_dose_glucocorticoid", "warning")],
        top_first_drug_in=PTH,
    ),
    V(
        "acr_cumulative_4.6g_not_high_dose",
        "A1 20 mg/day since 2026-04-09 (230 days, 4.6 g) is below 5 g",
        woman(60, glucocorticoid=gc(20, "2026-04-09"), dxa=[dxa("2026-10-01", fn=-1.5)]),
        risk="moderate",
        alerts_exclude=["high_dose_glucocorticoid"],
    ),
    V(
        "acr_2.4mg_does_not_apply",
        "A1 ACR-GIOP needs >= 2.5 mg/day: 2.4 mg -> cn2022 moderate, no drug, no GC alert",
        woman(66, glucocorticoid=gc(2.4, "2026-01-01"), dxa=[dxa("2026-10-01", fn=-2.0)]),
        risk="moderate",
        no_options=True,
        alerts_exclude=["glucocorticoid_osteoporosis"],
    ),
    V(
        "acr_2.5mg_new_ongoing_course_applies",
        "A1 2.5 mg ongoing (no end date) counts as planned >= 3 months even after 1 month; ACR "
        "moderate (T -2.0) -> ACR moderate list gives options",
        woman(66, glucocorticoid=gc(2.5, "2026-10-25"), dxa=[dxa("2026-10-01", fn=-2.0)]),
        risk="moderate",
        alerts_include=[alert("glucocorticoid_osteoporosis", "warning")],
        no_options=False,
        all_first_drugs_in=ACR_MODERATE_FIRST,
        never_offered=["romosozumab", "raloxifene", "calcitonin"],
    ),
    V(
        "acr_course_ended_does_not_apply",
        "A1 ACR-GIOP applies while a course is ongoing; a course ended in June does not",
        woman(66, glucocorticoid=gc(10, "2026-01-01", "2026-06-30"), dxa=PENIA_DXA),
        risk="moderate",
        no_options=True,
        alerts_exclude=["glucocorticoid_osteoporosis"],
    ),
    V(
        "acr_man_35_prior_fracture_under_40_drug_set",
        "A1 man < 50 takes the ACR category (< 40: prior fracture = very high); A6 adults < 40: "
        "bisphosphonate, PTH analogue or denosumab only",
        man(35, glucocorticoid=gc(10, "2025-11-01"), fractures=[fx("vertebra", "2023-03-01")]),
        risk="very_high",
        no_options=False,
        all_first_drugs_in=[*BPS, *PTH, "denosumab"],
        never_offered=["romosozumab", *SERM_HRT, "calcitonin"],
        alerts_include=["secondary_cause_workup", alert("glucocorticoid_osteoporosis", "warning")],
    ),
    V(
        "acr_pre_woman_35_high_dose_teriparatide",
        "A1 premenopausal woman 35 on 40 mg for 45 days: ACR very high; A4 premenopausal gates "
        "remove abaloparatide; A6 < 40 drug set",
        woman(35, status="pre", glucocorticoid=gc(40, "2026-10-11")),
        risk="very_high",
        options_include=["teriparatide"],
        all_first_drugs_in=[*BPS, *PTH, "denosumab"],
        never_offered=["romosozumab", "abaloparatide", *SERM_HRT, "calcitonin"],
        avoid_includes=["abaloparatide", "romosozumab"],
        alerts_include=[alert("high_dose_glucocorticoid", "warning")],
    ),
    # ===== A2 CrCl / A4 renal gates ========================================================
    # Cockcroft-Gault, woman: (140 - age) * kg / (72 * SCr mg/dL) * 0.85.
    V(
        "crcl_35.4_above_35_no_limit",
        "A2 80 F 50 kg SCr 1.00 mg/dL: 60*50/(72*1.00)*0.85 = 35.42 -> no renal limit",
        woman(80, weight_kg=50, labs=[creat_mg(1.00)], dxa=OP_DXA),
        risk="high",
        crcl=35.416666666666664,
        top_first_drug_in=["alendronate"],
        avoid_excludes=["alendronate", "zoledronic_acid"],
        alerts_exclude=["renal_limit"],
    ),
    V(
        "crcl_34.7_below_35_alendronate_za_avoided",
        "A2/A4 SCr 1.02: 60*50/(72*1.02)*0.85 = 34.72 < 35 -> avoid alendronate, zoledronic acid "
        "(renal_limit); risedronate next in the A6 high list",
        woman(80, weight_kg=50, labs=[creat_mg(1.02)], dxa=OP_DXA),
        risk="high",
        crcl=34.72222222222222,
        avoid_includes=["alendronate", "zoledronic_acid"],
        avoid_excludes=["risedronate", "ibandronate", "teriparatide", "denosumab"],
        alerts_include=["renal_limit"],
        alerts_exclude=["denosumab_severe_ckd"],
        top_first_drug_in=["risedronate"],
    ),
    V(
        "crcl_umol_per_l_conversion_below_35",
        "A2 creatinine 91 umol/L / 88.4 = 1.0294 mg/dL -> 60*50/(72*1.0294)*0.85 = 34.40 < 35",
        woman(80, weight_kg=50, labs=[lab("creatinine", 91, "umol/L")], dxa=OP_DXA),
        risk="high",
        crcl=34.404761904761905,
        avoid_includes=["alendronate", "zoledronic_acid"],
        alerts_include=["renal_limit"],
    ),
    V(
        "crcl_30.0_above_30",
        "A2/A4 SCr 1.18: 60*50/(72*1.18)*0.85 = 30.01 >= 30: only the < 35 limits",
        woman(80, weight_kg=50, labs=[creat_mg(1.18)], dxa=OP_DXA),
        risk="high",
        crcl=30.01412429378531,
        avoid_includes=["alendronate", "zoledronic_acid"],
        avoid_excludes=["risedronate", "ibandronate", "teriparatide", "raloxifene"],
        top_first_drug_in=["risedronate"],
        alerts_exclude=["denosumab_severe_ckd"],
    ),
    V(
        "crcl_29.8_below_30_no_egfr",
        "A2/A4 SCr 1.19: 60*50/(72*1.19)*0.85 = 29.76 < 30 -> also risedronate, ibandronate, "
        "teriparatide, SERMs; not abaloparatide/denosumab; no eGFR so CrCl < 30 fires the "
        "denosumab CKD warning; denosumab is the first A6 high drug left",
        woman(80, weight_kg=50, labs=[creat_mg(1.19)], dxa=OP_DXA),
        risk="high",
        crcl=29.761904761904763,
        avoid_includes=[
            "alendronate",
            "zoledronic_acid",
            "risedronate",
            "ibandronate",
            "teriparatide",
            "raloxifene",
            "bazedoxifene",
        ],
        avoid_excludes=["abaloparatide", "denosumab"],
        alerts_include=["renal_limit", "denosumab_severe_ckd"],
        top_first_drug_in=["denosumab"],
    ),
    V(
        "crcl_below_30_with_egfr_45_no_ckd_warning",
        "A2 renal limits use CrCl (29.76) but the denosumab CKD warning uses eGFR (45)",
        woman(80, weight_kg=50, labs=[creat_mg(1.19), egfr(45)], dxa=OP_DXA),
        risk="high",
        crcl=29.761904761904763,
        avoid_includes=["risedronate", "teriparatide"],
        alerts_include=["renal_limit"],
        alerts_exclude=["denosumab_severe_ckd"],
    ),
    V(
        "egfr_28_stands_in_without_creatinine",
        "A2 without creatinine eGFR stands in: 28 < 30 -> all CrCl < 30 limits; crcl null; "
        "eGFR < 30 -> denosumab_severe_ckd, denosumab stays possible",
        woman(80, weight_kg=50, labs=[egfr(28)], dxa=OP_DXA),
        risk="high",
        crcl=None,
        avoid_includes=["alendronate", "zoledronic_acid", "risedronate", "ibandronate"],
        avoid_excludes=["denosumab", "abaloparatide"],
        alerts_include=["renal_limit", "denosumab_severe_ckd"],
        top_first_drug_in=["denosumab"],
    ),
    V(
        "egfr_30_boundary",
        "A2/A4 eGFR 30 stands in: < 35 limits only; eGFR 30 is not < 30 (no CKD warning)",
        woman(80, labs=[egfr(30)], dxa=OP_DXA),
        risk="high",
        crcl=None,
        avoid_includes=["alendronate", "zoledronic_acid"],
        avoid_excludes=["risedronate", "denosumab"],
        alerts_exclude=["denosumab_severe_ckd"],
        top_first_drug_in=["risedronate"],
    ),
    V(
        "creatinine_without_weight_egfr_stands_in",
        "A2 creatinine but no weight: CrCl not computed (null), eGFR 33 stands in -> < 35 limits",
        woman(80, labs=[creat_mg(1.0), egfr(33)], dxa=OP_DXA),
        risk="high",
        crcl=None,
        avoid_includes=["alendronate", "zoledronic_acid"],
        avoid_excludes=["risedronate"],
    ),
    V(
        "latest_creatinine_used",
        "A0 latest lab: SCr 2.0 (2025) then 0.8 (2026) -> 60*50/(72*0.8)*0.85 = 44.27, no limit",
        woman(
            80,
            weight_kg=50,
            labs=[creat_mg(2.0, "2025-06-01"), creat_mg(0.8, "2026-11-01")],
            dxa=OP_DXA,
        ),
        risk="high",
        crcl=44.27083333333333,
        alerts_exclude=["renal_limit"],
        top_first_drug_in=["alendronate"],
    ),
    V(
        "dialysis_denosumab_possible_with_warning",
        "A4 dialysis -> denosumab_severe_ckd; denosumab stays possible",
        woman(70, weight_kg=55, conditions=["dialysis"], labs=[egfr(8)], dxa=OP_DXA),
        risk="high",
        alerts_include=["denosumab_severe_ckd"],
        avoid_excludes=["denosumab"],
        options_include=["denosumab"],
    ),
    V(
        "partc4_egfr_25_crcl_22_denosumab",
        "Part C 4: 80 F 45 kg SCr 1.45: 60*45/(72*1.45)*0.85 = 21.98; wrist fracture 3 y ago, FN "
        "-2.9 -> high; BPs, teriparatide, raloxifene avoided; denosumab with CKD warning",
        woman(
            80,
            weight_kg=45,
            fractures=[fx("wrist", "2023-09-01")],
            labs=[egfr(25), creat_mg(1.45), calcium(2.25), vit_d(22)],
            dxa=[dxa("2026-10-01", fn=-2.9)],
        ),
        risk="high",
        crcl=21.982758620689655,
        top_first_drug_in=["denosumab"],
        avoid_includes=[*BPS, "teriparatide", "raloxifene"],
        never_offered=[*BPS, "teriparatide", "raloxifene"],
        alerts_include=["renal_limit", "denosumab_severe_ckd"],
        alerts_exclude=["vitamin_d_insufficient", "hypocalcemia_correct_first"],
    ),
    # ===== A4 calcium ======================================================================
    V(
        "hypocalcaemia_no_option_urgent",
        "A4 corrected Ca 2.05 < 2.10: BPs, denosumab, romosozumab, calcitonin avoided, no option "
        "until corrected, urgent alert; A7 calcium 1 month and reassessment 3 months after",
        woman(70, labs=[calcium(2.05)], dxa=OP_DXA),
        risk="high",
        no_options=True,
        avoid_includes=[*BPS, "denosumab", "romosozumab", "calcitonin"],
        alerts_include=[alert("hypocalcemia_correct_first", "urgent")],
        monitoring_includes=[("serum_calcium", PLUS_1M), ("risk_reassessment", PLUS_3M)],
    ),
    V(
        "calcium_2.10_no_gate",
        "A4 the gate is < 2.10: 2.10 itself passes",
        woman(70, labs=[calcium(2.10)], dxa=OP_DXA),
        risk="high",
        top_first_drug_in=["alendronate"],
        alerts_exclude=["hypocalcemia_correct_first"],
    ),
    V(
        "hypocalcaemia_mg_dl",
        "A4 8.3 mg/dL < 8.4 mg/dL",
        woman(70, labs=[calcium(8.3, "mg/dL")], dxa=OP_DXA),
        risk="high",
        no_options=True,
        alerts_include=[alert("hypocalcemia_correct_first", "urgent")],
    ),
    V(
        "calcium_8.4_mg_dl_no_gate",
        "A4 8.4 mg/dL is not below 8.4",
        woman(70, labs=[calcium(8.4, "mg/dL")], dxa=OP_DXA),
        risk="high",
        alerts_exclude=["hypocalcemia_correct_first"],
        top_first_drug_in=["alendronate"],
    ),
    V(
        "hypocalcaemia_on_denosumab_keeps_dose_alert",
        "A4 a patient on denosumab keeps the dose alert (next dose 2026-11-20 is due) while the "
        "gate leaves no option",
        woman(
            70,
            labs=[calcium(2.0)],
            treatments=[tx("denosumab", "2023-05-20", last="2026-05-20")],
            dxa=OP_DXA,
        ),
        risk="high",
        state="on_denosumab",
        no_options=True,
        alerts_include=[
            alert("hypocalcemia_correct_first", "urgent"),
            alert("denosumab_dose_due", due="2026-11-20"),
        ],
    ),
    V(
        "hypercalcaemia_2.61_pth_avoided",
        "A4 Ca 2.61 > 2.60 -> teriparatide, abaloparatide avoided; romosozumab still first",
        woman(68, labs=[calcium(2.61)], dxa=VH_DXA),
        risk="very_high",
        avoid_includes=PTH,
        never_offered=PTH,
        top_first_drug_in=["romosozumab"],
    ),
    V(
        "calcium_2.60_pth_allowed_teriparatide_first_after_mi",
        "A4 Ca 2.60 is not > 2.60; MI 6 months ago removes romosozumab -> teriparatide (rank 2)",
        woman(
            68,
            labs=[calcium(2.60)],
            events=[event("myocardial_infarction", "2026-05-25")],
            dxa=VH_DXA,
        ),
        risk="very_high",
        avoid_excludes=PTH,
        avoid_includes=["romosozumab"],
        top_first_drug_in=["teriparatide"],
    ),
    *[
        V(
            f"pth_gate_{condition}",
            f"A4 {condition} -> teriparatide, abaloparatide avoided; with MI 6 months ago "
            "romosozumab is out too, so the A6 very-high list starts at zoledronic acid (rank 4)",
            woman(
                68,
                conditions=[condition],
                events=[event("myocardial_infarction", "2026-05-25")],
                dxa=VH_DXA,
            ),
            risk="very_high",
            avoid_includes=[*PTH, "romosozumab"],
            never_offered=ANABOLICS,
            top_first_drug_in=["zoledronic_acid"],
        )
        for condition in (
            "primary_hyperparathyroidism",
            "paget_disease",
            "unexplained_high_alp",
            "skeletal_radiation",
            "skeletal_malignancy",
            "open_epiphyses",
        )
    ],
    # ===== A4 other gates ==================================================================
    V(
        "esophageal_disorder_oral_bp_avoided",
        "A4 esophageal_disorder -> oral BPs avoided; A6 high list starts at zoledronic acid",
        woman(70, conditions=["esophageal_disorder"], dxa=OP_DXA),
        risk="high",
        avoid_includes=ORAL_BPS,
        never_offered=ORAL_BPS,
        top_first_drug_in=["zoledronic_acid"],
        avoid_excludes=["zoledronic_acid"],
    ),
    V(
        "cannot_stay_upright_oral_bp_avoided",
        "A4 cannot_stay_upright -> oral BPs avoided",
        woman(70, conditions=["cannot_stay_upright"], dxa=OP_DXA),
        risk="high",
        avoid_includes=ORAL_BPS,
        top_first_drug_in=["zoledronic_acid"],
    ),
    V(
        "partc3_mi_8_months_ago_romosozumab_excluded",
        "Part C 3 / A4 MI in the last 12 months -> romosozumab avoided (romosozumab_cv_exclusion); "
        "any past MI -> SERMs/HRT; 3 VFs, LS -3.4 very high; teriparatide first",
        woman(
            72,
            labs=[egfr(60)],
            events=[event("myocardial_infarction", "2026-03-25")],
            fractures=[
                fx("vertebra", "2019-04-01"),
                fx("vertebra", "2021-07-01"),
                fx("vertebra", "2024-02-01"),
            ],
            dxa=[dxa("2026-10-01", ls=-3.4, fn=-2.4)],
        ),
        risk="very_high",
        diagnosis="severe_osteoporosis",
        avoid_includes=["romosozumab", *SERM_HRT],
        never_offered=["romosozumab", *SERM_HRT],
        alerts_include=["romosozumab_cv_exclusion"],
        top_first_drug_in=["teriparatide"],
    ),
    V(
        "mi_exactly_12_months_ago_romosozumab_excluded",
        "A0/A4 MI on as_of - 12 months (2025-11-25) is in the last 12 months",
        woman(68, events=[event("myocardial_infarction", "2025-11-25")], dxa=VH_DXA),
        risk="very_high",
        avoid_includes=["romosozumab"],
        alerts_include=["romosozumab_cv_exclusion"],
        top_first_drug_in=["teriparatide"],
    ),
    V(
        "mi_12_months_and_1_day_ago_romosozumab_allowed",
        "A0/A4 MI on 2025-11-24 is outside 12 months: romosozumab allowed (first); raloxifene "
        "still avoided for any past MI",
        woman(68, events=[event("myocardial_infarction", "2025-11-24")], dxa=VH_DXA),
        risk="very_high",
        avoid_excludes=["romosozumab"],
        avoid_includes=SERM_HRT,
        alerts_exclude=["romosozumab_cv_exclusion"],
        top_first_drug_in=["romosozumab"],
    ),
    V(
        "stroke_6_months_ago_romosozumab_excluded",
        "A4 stroke in the last 12 months -> romosozumab avoided; SERMs/HRT avoided",
        woman(68, events=[event("stroke", "2026-05-20")], dxa=VH_DXA),
        risk="very_high",
        avoid_includes=["romosozumab", *SERM_HRT],
        alerts_include=["romosozumab_cv_exclusion"],
        top_first_drug_in=["teriparatide"],
    ),
    V(
        "vte_history_serm_hrt_avoided",
        "A4 any past VTE -> raloxifene, bazedoxifene, hrt avoided even with their A6 conditions",
        woman(
            55,
            menopause_year=2022,
            conditions=["vasomotor_symptoms", "breast_cancer_high_risk"],
            events=[event("vte", "2015-01-01")],
            dxa=OP_DXA,
        ),
        risk="high",
        avoid_includes=SERM_HRT,
        never_offered=SERM_HRT,
        avoid_excludes=["romosozumab"],
        top_first_drug_in=["alendronate"],
    ),
    V(
        "high_cv_risk_serm_hrt_avoided",
        "A4 high_cv_risk -> raloxifene, bazedoxifene, hrt avoided",
        woman(
            55, menopause_year=2022, conditions=["high_cv_risk", "vasomotor_symptoms"], dxa=OP_DXA
        ),
        risk="high",
        avoid_includes=SERM_HRT,
        never_offered=SERM_HRT,
    ),
    V(
        "breast_cancer_history_hrt_avoided",
        "A4 breast_cancer_history -> hrt avoided (raloxifene not by this rule)",
        woman(
            55,
            menopause_year=2022,
            conditions=["breast_cancer_history", "vasomotor_symptoms"],
            dxa=OP_DXA,
        ),
        risk="high",
        avoid_includes=["hrt"],
        avoid_excludes=["raloxifene"],
        never_offered=["hrt"],
    ),
    V(
        "endometrial_cancer_history_hrt_avoided",
        "A4 endometrial_cancer_history -> hrt avoided",
        woman(
            55,
            menopause_year=2022,
            conditions=["endometrial_cancer_history", "vasomotor_symptoms"],
            dxa=OP_DXA,
        ),
        risk="high",
        avoid_includes=["hrt"],
        never_offered=["hrt"],
    ),
    V(
        "hrt_offered_with_vasomotor_age_55",
        "A6 high: HRT (rank 6) with vasomotor_symptoms and age < 60; ibandronate (rank 7) after it",
        woman(55, menopause_year=2022, conditions=["vasomotor_symptoms"], dxa=OP_DXA),
        risk="high",
        options_include=["hrt"],
        avoid_excludes=["hrt"],
        top_first_drug_in=["alendronate"],
        first_drug_order=[["alendronate"], ["denosumab"], ["hrt"], ["ibandronate"]],
        never_offered=["raloxifene"],
    ),
    V(
        "hrt_age_62_16_years_after_menopause_avoided",
        "A4 age >= 60 and > 10 years after menopause (2010) -> hrt avoided",
        woman(62, menopause_year=2010, conditions=["vasomotor_symptoms"], dxa=OP_DXA),
        risk="high",
        avoid_includes=["hrt"],
        never_offered=["hrt"],
    ),
    V(
        "hrt_age_62_6_years_after_menopause_offered",
        "A4/A6 age 62 but 6 years after menopause (2020): not avoided; offered with vasomotor "
        "symptoms (< 10 years after menopause)",
        woman(62, menopause_year=2020, conditions=["vasomotor_symptoms"], dxa=OP_DXA),
        risk="high",
        avoid_excludes=["hrt"],
        options_include=["hrt"],
    ),
    V(
        "hrt_age_60_menopause_year_unknown_avoided",
        "A4 menopause_year unknown -> age >= 60 alone avoids hrt",
        woman(60, conditions=["vasomotor_symptoms"], dxa=OP_DXA),
        risk="high",
        avoid_includes=["hrt"],
        never_offered=["hrt"],
    ),
    V(
        "hrt_age_59_menopause_year_unknown_offered",
        "A4/A6 age 59 (< 60) with vasomotor symptoms: hrt not avoided, offered",
        woman(59, conditions=["vasomotor_symptoms"], dxa=OP_DXA),
        risk="high",
        avoid_excludes=["hrt"],
        options_include=["hrt"],
    ),
    V(
        "raloxifene_offered_with_breast_cancer_high_risk",
        "A6 high: raloxifene (rank 5) only with breast_cancer_high_risk, after denosumab",
        woman(66, conditions=["breast_cancer_high_risk"], dxa=OP_DXA),
        risk="high",
        options_include=["raloxifene"],
        first_drug_order=[["alendronate"], ["denosumab"], ["raloxifene"], ["ibandronate"]],
        never_offered=["hrt"],
    ),
    V(
        "partc5_man_70_high_male_gates",
        "Part C 5 / A4 male: raloxifene, bazedoxifene, hrt, romosozumab avoided; FN -2.6 high; "
        "A6 alendronate first",
        man(70, weight_kg=72, labs=[egfr(80)], dxa=[dxa("2026-10-01", fn=-2.6)]),
        risk="high",
        diagnosis="osteoporosis",
        avoid_includes=["raloxifene", "bazedoxifene", "hrt", "romosozumab"],
        never_offered=["raloxifene", "bazedoxifene", "hrt", "romosozumab"],
        top_first_drug_in=["alendronate"],
        first_drug_order=HIGH_ORDER,
    ),
    V(
        "man_70_very_high_starts_at_teriparatide",
        "A6 very high: men start at 2 (teriparatide up to 24 months)",
        man(70, fractures=[fx("vertebra", "2026-05-01")], dxa=[dxa("2026-10-01", fn=-2.8)]),
        risk="very_high",
        top_first_drug_in=["teriparatide"],
        top_first_step_months=24,
        never_offered=["romosozumab"],
    ),
    V(
        "perimenopausal_diagnosis_and_gates",
        "A1 perimenopausal women get the T diagnosis; A4 peri -> romosozumab, SERMs, abaloparatide",
        woman(49, status="peri", dxa=OP_DXA),
        risk="high",
        diagnosis="osteoporosis",
        avoid_includes=["romosozumab", "raloxifene", "bazedoxifene", "abaloparatide"],
        top_first_drug_in=["alendronate"],
    ),
    V(
        "pregnancy_no_option",
        "A4 pregnant_or_breastfeeding -> every osteoporosis drug avoided, no option (A3 (1)); A1 "
        "premenopausal recent hip fracture = very high; A7 reassess 3 months after the gate",
        woman(
            32,
            status="pre",
            conditions=["pregnant_or_breastfeeding"],
            fractures=[fx("hip", "2026-08-01")],
        ),
        risk="very_high",
        no_options=True,
        avoid_includes=ALL_DRUGS,
        alerts_include=["secondary_cause_workup"],
        monitoring_includes=[("risk_reassessment", PLUS_3M)],
    ),
    V(
        "onj_history_avoids_and_dental_review",
        "A4 onj_history -> bisphosphonates, denosumab, romosozumab avoided + dental_review",
        woman(70, conditions=["onj_history"], dxa=OP_DXA),
        risk="high",
        avoid_includes=[*BPS, "denosumab", "romosozumab"],
        never_offered=[*BPS, "denosumab", "romosozumab"],
        alerts_include=["dental_review"],
    ),
    V(
        "atypical_femoral_fracture_history_avoids",
        "A4 atypical_femoral_fracture_history -> bisphosphonates, denosumab avoided",
        woman(70, conditions=["atypical_femoral_fracture_history"], dxa=VH_DXA),
        risk="very_high",
        avoid_includes=[*BPS, "denosumab"],
        never_offered=[*BPS, "denosumab"],
        avoid_excludes=["romosozumab", "teriparatide"],
    ),
    V(
        "allergy_alendronate_risedronate_first",
        "A4 allergies: the named drug is avoided; A6 high list continues with risedronate",
        woman(70, allergies=["alendronate"], dxa=OP_DXA),
        risk="high",
        avoid_includes=["alendronate"],
        never_offered=["alendronate"],
        top_first_drug_in=["risedronate"],
    ),
    V(
        "calcitonin_only_when_everything_else_avoided",
        "A4 man (SERMs, hrt, romosozumab) + onj (BPs, denosumab) + Ca 2.65 (PTH analogues): every "
        "other drug avoided -> calcitonin as a one-month step",
        man(70, conditions=["onj_history"], labs=[calcium(2.65)], dxa=OP_DXA),
        risk="high",
        avoid_includes=[d for d in ALL_DRUGS if d != "calcitonin"],
        avoid_excludes=["calcitonin"],
        top_steps=["calcitonin"],
        top_first_step_months=1,
        alerts_include=["dental_review"],
    ),
    V(
        "everything_avoided_no_option",
        "A3 (1) a gate that leaves no drug: allergies to all twelve -> no option; A7 reassess "
        "3 months later",
        woman(70, allergies=ALL_DRUGS, dxa=OP_DXA),
        risk="high",
        no_options=True,
        avoid_includes=ALL_DRUGS,
        monitoring_includes=[("risk_reassessment", PLUS_3M)],
    ),
    V(
        "vitamin_d_11_urgent_keeps_za_and_denosumab",
        "A4 25(OH)D 11 < 12 ng/mL -> vitamin_d_insufficient urgent; not an avoid: zoledronic acid "
        "and denosumab stay in the very-high options",
        woman(68, labs=[vit_d(11)], dxa=VH_DXA),
        risk="very_high",
        alerts_include=[alert("vitamin_d_insufficient", "urgent")],
        avoid_excludes=["zoledronic_acid", "denosumab"],
        options_include=["zoledronic_acid", "denosumab"],
        first_drug_order=VERY_HIGH_ORDER,
    ),
    V(
        "vitamin_d_19.9_insufficient_not_urgent",
        "A4 25(OH)D 19.9 < 20 -> vitamin_d_insufficient, not urgent (>= 12)",
        woman(70, labs=[vit_d(19.9)], dxa=OP_DXA),
        risk="high",
        alerts_include=[alert("vitamin_d_insufficient", severity_not="urgent")],
    ),
    V(
        "vitamin_d_20_sufficient",
        "A4 25(OH)D 20 ng/mL is not below 20",
        woman(70, labs=[vit_d(20)], dxa=OP_DXA),
        risk="high",
        alerts_exclude=["vitamin_d_insufficient"],
    ),
    V(
        "vitamin_d_45_nmol_insufficient",
        "A4 45 nmol/L < 50 nmol/L -> insufficient",
        woman(70, labs=[vit_d(45, "nmol/L")], dxa=OP_DXA),
        risk="high",
        alerts_include=["vitamin_d_insufficient"],
    ),
    V(
        "vitamin_d_55_nmol_sufficient",
        "A4 55 nmol/L (22 ng/mL) is sufficient",
        woman(70, labs=[vit_d(55, "nmol/L")], dxa=OP_DXA),
        risk="high",
        alerts_exclude=["vitamin_d_insufficient"],
    ),
    V(
        "partc2_hip_fracture_last_month",
        "Part C 2: 78 F 50 kg SCr 0.9: 62*50/(72*0.9)*0.85 = 40.66; hip fracture 4 weeks ago -> "
        "very high; 25(OH)D 14 -> alert but ZA/denosumab stay; romosozumab first (no MI)",
        woman(
            78,
            weight_kg=50,
            fractures=[fx("hip", "2026-10-28")],
            labs=[egfr(55), creat_mg(0.9), vit_d(14), calcium(2.3)],
            dxa=[dxa("2026-11-10", fn=-2.8)],
        ),
        risk="very_high",
        crcl=40.66358024691358,
        top_first_drug_in=["romosozumab"],
        options_include=["zoledronic_acid", "denosumab"],
        alerts_include=[alert("vitamin_d_insufficient", severity_not="urgent")],
        alerts_exclude=["renal_limit"],
    ),
    V(
        "invasive_dental_work_planned_dental_review",
        "A4 invasive_dental_work_planned -> dental_review",
        woman(70, conditions=["invasive_dental_work_planned"], dxa=OP_DXA),
        risk="high",
        alerts_include=["dental_review"],
    ),
    # ===== A5 on_bisphosphonate =============================================================
    V(
        "alendronate_4y_364d_continue",
        "A5 oral review point is >= 5 years: started 2021-11-26, before it -> continue; A7 "
        "risk_reassessment at the review point (start + 5 years = 2026-11-26)",
        woman(70, treatments=[tx("alendronate", "2021-11-26")], dxa=[dxa("2026-10-01", fn=-2.2)]),
        risk="moderate",
        state="on_bisphosphonate",
        top_first_drug_in=["alendronate"],
        alerts_exclude=["bisphosphonate_review_due"],
        monitoring_includes=[("risk_reassessment", "2026-11-26")],
    ),
    V(
        "alendronate_5y_review_holiday",
        "A5 oral >= 5 years (2021-11-25) -> bisphosphonate_review_due; no exception -> holiday, "
        "no option, risk_reassessment in 24 months",
        woman(70, treatments=[tx("alendronate", "2021-11-25")], dxa=[dxa("2026-10-01", fn=-2.2)]),
        risk="moderate",
        state="on_bisphosphonate",
        no_options=True,
        alerts_include=["bisphosphonate_review_due"],
        monitoring_includes=[("risk_reassessment", PLUS_24M)],
    ),
    V(
        "zoledronic_acid_3y_review_holiday",
        "A5 zoledronic acid >= 3 years (2023-11-25) -> review due, holiday",
        woman(
            70,
            treatments=[tx("zoledronic_acid", "2023-11-25", last="2025-11-25", doses=3)],
            dxa=[dxa("2026-10-01", fn=-2.2)],
        ),
        risk="moderate",
        state="on_bisphosphonate",
        no_options=True,
        alerts_include=["bisphosphonate_review_due"],
    ),
    V(
        "zoledronic_acid_2y_364d_continue",
        "A5 zoledronic acid started 2023-11-26: before the 3-year review -> continue; A7 "
        "risk_reassessment at the review point (2026-11-26), renal function before the infusion",
        woman(
            70,
            treatments=[tx("zoledronic_acid", "2023-11-26", last="2025-11-26", doses=3)],
            dxa=[dxa("2026-10-01", fn=-2.2)],
        ),
        risk="moderate",
        state="on_bisphosphonate",
        top_first_drug_in=["zoledronic_acid"],
        alerts_exclude=["bisphosphonate_review_due"],
        monitoring_includes=[("risk_reassessment", "2026-11-26"), ("renal_function", None)],
    ),
    V(
        "review_age_75_today_continue",
        "A5 review-point exception age >= 75 (75th birthday at as_of) -> continue",
        {
            "sex": "female",
            "birth_date": "1951-11-25",
            "menopausal_status": "post",
            "treatments": [tx("alendronate", "2021-11-25")],
            "dxa": [dxa("2026-10-01", fn=-2.2)],
        },
        risk="moderate",
        state="on_bisphosphonate",
        top_first_drug_in=["alendronate"],
        alerts_include=["bisphosphonate_review_due"],
    ),
    V(
        "review_age_74_holiday",
        "A5 one day short of 75 -> no exception -> holiday",
        {
            "sex": "female",
            "birth_date": "1951-11-26",
            "menopausal_status": "post",
            "treatments": [tx("alendronate", "2021-11-25")],
            "dxa": [dxa("2026-10-01", fn=-2.2)],
        },
        risk="moderate",
        state="on_bisphosphonate",
        no_options=True,
        alerts_include=["bisphosphonate_review_due"],
    ),
    V(
        "review_total_hip_-2.5_continue",
        "A5 exception: any hip T <= -2.5 (total hip -2.5) -> continue",
        woman(
            70,
            treatments=[tx("alendronate", "2021-11-25")],
            dxa=[dxa("2026-10-01", fn=-2.2, th=-2.5)],
        ),
        risk="high",
        state="on_bisphosphonate",
        top_first_drug_in=["alendronate"],
    ),
    V(
        "review_glucocorticoid_7.5_continue",
        "A5 exception: ongoing glucocorticoid >= 7.5 mg/day (7.5) -> continue; ACR moderate",
        woman(
            70,
            glucocorticoid=gc(7.5, "2026-01-01"),
            treatments=[tx("alendronate", "2021-11-25")],
            dxa=[dxa("2026-10-01", fn=-2.2)],
        ),
        risk="moderate",
        state="on_bisphosphonate",
        top_first_drug_in=["alendronate"],
        alerts_include=[alert("glucocorticoid_osteoporosis", "warning")],
    ),
    V(
        "review_glucocorticoid_7.0_holiday",
        "A5 7.0 mg/day is below the 7.5 exception; A3 (7) review point decides -> holiday",
        woman(
            70,
            glucocorticoid=gc(7.0, "2026-01-01"),
            treatments=[tx("alendronate", "2021-11-25")],
            dxa=[dxa("2026-10-01", fn=-2.2)],
        ),
        risk="moderate",
        state="on_bisphosphonate",
        no_options=True,
        alerts_include=["bisphosphonate_review_due"],
    ),
    V(
        "review_very_high_trigger_continue",
        "A5 exception: a very-high trigger (LS -3.1 <= -3.0) -> continue",
        woman(
            70,
            treatments=[tx("alendronate", "2021-11-25")],
            dxa=[dxa("2026-10-01", fn=-2.2, ls=-3.1)],
        ),
        risk="very_high",
        state="on_bisphosphonate",
        top_first_drug_in=["alendronate"],
    ),
    V(
        "partc9_alendronate_6y_low_risk_holiday",
        "Part C 9 / A5: 74 F, alendronate 6 years, FN -2.1, FRAX 12/2.0 -> moderate; past the "
        "oral review point, no exception -> holiday, no option, reassess in 24 months",
        woman(
            74,
            treatments=[tx("alendronate", "2020-11-01")],
            dxa=[dxa("2026-10-01", fn=-2.1)],
            frax=[frax("2026-10-01", 12.0, 2.0)],
        ),
        risk="moderate",
        state="on_bisphosphonate",
        no_options=True,
        never_offered=["denosumab"],
        alerts_include=["bisphosphonate_review_due"],
        monitoring_includes=[("risk_reassessment", PLUS_24M)],
    ),
    # ===== A5 bisphosphonate_holiday =======================================================
    V(
        "holiday_no_option_reassess_at_end_plus_24m",
        "A5 alendronate 2020-01-01..2025-06-01 (past review point), no later drug -> holiday: no "
        "option; risk_reassessment and DXA at end + 24 months (2027-06-01)",
        woman(
            72,
            treatments=[tx("alendronate", "2020-01-01", "2025-06-01")],
            dxa=[dxa("2026-10-01", fn=-2.3)],
        ),
        risk="moderate",
        state="bisphosphonate_holiday",
        no_options=True,
        monitoring_includes=[("risk_reassessment", "2027-06-01"), ("dxa", "2027-06-01")],
    ),
    V(
        "holiday_new_fracture_restart_a6_very_high",
        "A5 holiday restart on a new fragility fracture -> A6 very high (romosozumab first); "
        "A5 prior_bisphosphonate_blunts_anabolic (5.4 y of BP, ended 18 months ago); not a "
        "fracture on treatment (oral drug ended)",
        woman(
            72,
            treatments=[tx("alendronate", "2020-01-01", "2025-06-01")],
            fractures=[fx("vertebra", "2026-08-01")],
            dxa=[dxa("2026-10-01", fn=-2.3)],
        ),
        risk="very_high",
        state="bisphosphonate_holiday",
        top_first_drug_in=["romosozumab"],
        alerts_include=["prior_bisphosphonate_blunts_anabolic"],
        alerts_exclude=["fracture_on_treatment"],
    ),
    V(
        "holiday_age_75_restart",
        "A5 holiday restart at age >= 75: high (LS -2.6) -> A6 high list",
        woman(
            75,
            treatments=[tx("alendronate", "2020-01-01", "2025-06-01")],
            dxa=[dxa("2026-10-01", fn=-2.0, ls=-2.6)],
        ),
        risk="high",
        state="bisphosphonate_holiday",
        top_first_drug_in=["alendronate"],
    ),
    V(
        "holiday_age_74_stays_on_holiday",
        "A5 the same woman at 74: no restart trigger -> no option",
        woman(
            74,
            treatments=[tx("alendronate", "2020-01-01", "2025-06-01")],
            dxa=[dxa("2026-10-01", fn=-2.0, ls=-2.6)],
        ),
        risk="high",
        state="bisphosphonate_holiday",
        no_options=True,
    ),
    # ===== A5 on_denosumab =================================================================
    V(
        "denosumab_dose_due_from_28_days_before",
        "A5 last dose 2026-06-23 -> next 2026-12-23 = as_of + 28 days -> denosumab_dose_due; "
        "continue with the next dose at last + 6 months; A7 serum calcium 14 days before it",
        woman(70, treatments=[tx("denosumab", "2022-06-23", last="2026-06-23")], dxa=OP_DXA),
        risk="high",
        state="on_denosumab",
        top_first_drug_in=["denosumab"],
        top_first_step_start="2026-12-23",
        alerts_include=[alert("denosumab_dose_due", due="2026-12-23")],
        alerts_exclude=["denosumab_dose_late"],
        monitoring_includes=[("serum_calcium", "2026-12-09")],
    ),
    V(
        "denosumab_29_days_before_not_yet_due",
        "A5 next dose 2026-12-24 = as_of + 29 days: no dose alert yet; A7 calcium 2026-12-10; DXA "
        "latest + 24 months",
        woman(
            70,
            treatments=[tx("denosumab", "2022-06-24", last="2026-06-24")],
            dxa=[dxa("2025-10-01", fn=-2.6)],
        ),
        risk="high",
        state="on_denosumab",
        top_first_drug_in=["denosumab"],
        alerts_exclude=["denosumab_dose_due", "denosumab_dose_late"],
        monitoring_includes=[("serum_calcium", "2026-12-10"), ("dxa", "2027-10-01")],
    ),
    V(
        "denosumab_late_after_7_months",
        "A5 last dose 2026-04-24: more than 7 months -> denosumab_dose_late (urgent); continue",
        woman(70, treatments=[tx("denosumab", "2022-04-24", last="2026-04-24")], dxa=OP_DXA),
        risk="high",
        state="on_denosumab",
        top_first_drug_in=["denosumab"],
        alerts_include=[alert("denosumab_dose_late", "urgent")],
    ),
    V(
        "denosumab_overdue_but_not_late",
        "A5 last dose 2026-04-26: next dose 2026-10-26 passed (due) but 7 months not yet over",
        woman(70, treatments=[tx("denosumab", "2022-04-26", last="2026-04-26")], dxa=OP_DXA),
        risk="high",
        state="on_denosumab",
        alerts_include=[alert("denosumab_dose_due", due="2026-10-26")],
        alerts_exclude=["denosumab_dose_late"],
    ),
    V(
        "partc8_denosumab_8_months_late",
        "Part C 8 / A5: last dose 8 months ago -> late (urgent); never a holiday: give denosumab "
        "now; T now -1.8 but osteoporosis (-2.7 in 2022) stands -> high",
        woman(
            62,
            treatments=[tx("denosumab", "2022-03-25", last="2026-03-25")],
            dxa=[dxa("2022-03-01", fn=-2.7), dxa("2026-10-01", fn=-1.8)],
        ),
        risk="high",
        diagnosis="osteoporosis",
        state="on_denosumab",
        top_first_drug_in=["denosumab"],
        alerts_include=[alert("denosumab_dose_late", "urgent")],
        no_options=False,
    ),
    # ===== A5 denosumab_stopped ============================================================
    V(
        "denosumab_stopped_zoledronic_acid_at_6_months",
        "A5 denosumab ended: zoledronic acid at last dose + 6 months (2027-01-01), "
        "denosumab_transition_required due that date",
        woman(
            70,
            treatments=[tx("denosumab", "2022-01-10", "2026-07-01", last="2026-07-01")],
            dxa=OP_DXA,
        ),
        risk="high",
        state="denosumab_stopped",
        top_first_drug_in=["zoledronic_acid"],
        top_first_step_start="2027-01-01",
        alerts_include=[alert("denosumab_transition_required", due="2027-01-01")],
    ),
    V(
        "denosumab_planned_stop",
        "A5 planned_stop (end 2027-01-20 allowed after as_of, A0): transition at last dose + 6 "
        "months = 2027-01-20",
        woman(
            70,
            treatments=[
                tx("denosumab", "2022-01-20", "2027-01-20", last="2026-07-20", planned_stop=True)
            ],
            dxa=OP_DXA,
        ),
        risk="high",
        state="denosumab_stopped",
        top_first_drug_in=["zoledronic_acid"],
        alerts_include=[alert("denosumab_transition_required", due="2027-01-20")],
    ),
    V(
        "denosumab_stopped_crcl_below_35_never_no_option",
        "A5 never 'no option': CrCl 34.72 (80 F 50 kg SCr 1.02) avoids zoledronic acid and "
        "alendronate, so risedronate carries the transition",
        woman(
            80,
            weight_kg=50,
            labs=[creat_mg(1.02)],
            treatments=[tx("denosumab", "2022-01-10", "2026-07-01", last="2026-07-01")],
            dxa=OP_DXA,
        ),
        risk="high",
        state="denosumab_stopped",
        no_options=False,
        options_include=["risedronate"],
        never_offered=["zoledronic_acid", "alendronate"],
        alerts_include=[alert("denosumab_transition_required", due="2027-01-01")],
    ),
    # ===== A5 on_anabolic / post_anabolic ================================================
    V(
        "teriparatide_6_months_finish_course",
        "A5 on_anabolic: finish the course (24 - 6 = 18 months), then an antiresorptive in the "
        "post_anabolic A6 high order (alendronate)",
        woman(70, treatments=[tx("teriparatide", "2026-05-25")], dxa=VH_DXA),
        risk="very_high",
        state="on_anabolic",
        top_steps=["teriparatide", "alendronate"],
        top_first_step_months=18,
        alerts_exclude=["anabolic_course_ending", "anabolic_course_complete"],
    ),
    V(
        "teriparatide_22_months_course_ending",
        "A5 anabolic_course_ending within 3 months of the 24-month limit; 2 months remain",
        woman(70, treatments=[tx("teriparatide", "2025-01-25")], dxa=VH_DXA),
        risk="very_high",
        state="on_anabolic",
        top_first_drug_in=["teriparatide"],
        top_first_step_months=2,
        alerts_include=["anabolic_course_ending"],
    ),
    V(
        "teriparatide_20_months_not_ending",
        "A5 20 months in (limit 2027-03-25): more than 3 months remain, no ending alert",
        woman(70, treatments=[tx("teriparatide", "2025-03-25")], dxa=VH_DXA),
        risk="very_high",
        state="on_anabolic",
        top_first_drug_in=["teriparatide"],
        alerts_exclude=["anabolic_course_ending"],
    ),
    V(
        "teriparatide_one_day_short_of_24_months",
        "A5/A4 started 2024-11-26: under 24 months -> still on_anabolic, not avoided",
        woman(70, treatments=[tx("teriparatide", "2024-11-26")], dxa=VH_DXA),
        risk="very_high",
        state="on_anabolic",
        avoid_excludes=["teriparatide"],
        top_first_drug_in=["teriparatide"],
        alerts_include=["anabolic_course_ending"],
    ),
    V(
        "teriparatide_24_months_post_anabolic",
        "A5/A4 started 2024-11-25: 24 months reached -> post_anabolic, PTH analogues avoided, "
        "antiresorptives only in A6 high order, anabolic_course_complete",
        woman(70, treatments=[tx("teriparatide", "2024-11-25")], dxa=VH_DXA),
        risk="very_high",
        state="post_anabolic",
        avoid_includes=PTH,
        top_first_drug_in=["alendronate"],
        all_first_drugs_in=POST_ANABOLIC_FIRST,
        never_offered=[*ANABOLICS, "raloxifene"],
        alerts_include=["anabolic_course_complete"],
    ),
    V(
        "teriparatide_plus_abaloparatide_cumulative_24",
        "A0/A4 cumulative: teriparatide 12 months (2022) + abaloparatide 12 months (ongoing since "
        "2025-11-25) = 24 -> both avoided, post_anabolic",
        woman(
            70,
            treatments=[
                tx("teriparatide", "2022-01-01", "2023-01-01"),
                tx("abaloparatide", "2025-11-25"),
            ],
            dxa=VH_DXA,
        ),
        risk="very_high",
        state="post_anabolic",
        avoid_includes=PTH,
        top_first_drug_in=["alendronate"],
        never_offered=ANABOLICS,
        alerts_include=["anabolic_course_complete"],
    ),
    V(
        "teriparatide_plus_abaloparatide_cumulative_23",
        "A0/A5 teriparatide 12 + abaloparatide 11 (since 2025-12-25) = 23 months -> on_anabolic, "
        "course ending, abaloparatide continues",
        woman(
            70,
            treatments=[
                tx("teriparatide", "2022-01-01", "2023-01-01"),
                tx("abaloparatide", "2025-12-25"),
            ],
            dxa=VH_DXA,
        ),
        risk="very_high",
        state="on_anabolic",
        avoid_excludes=PTH,
        top_first_drug_in=["abaloparatide"],
        alerts_include=["anabolic_course_ending"],
    ),
    V(
        "romosozumab_12_doses_post_anabolic",
        "A4/A5 romosozumab 12 doses -> avoided, post_anabolic, antiresorptive next",
        woman(
            70,
            treatments=[tx("romosozumab", "2025-12-01", last="2026-11-01", doses=12)],
            dxa=VH_DXA,
        ),
        risk="very_high",
        state="post_anabolic",
        avoid_includes=["romosozumab"],
        top_first_drug_in=["alendronate"],
        all_first_drugs_in=POST_ANABOLIC_FIRST,
        never_offered=ANABOLICS,
        alerts_include=["anabolic_course_complete"],
    ),
    V(
        "romosozumab_9_doses_course_ending",
        "A5 romosozumab from 9 doses -> anabolic_course_ending; finish the course",
        woman(
            70, treatments=[tx("romosozumab", "2026-02-20", last="2026-10-20", doses=9)], dxa=VH_DXA
        ),
        risk="very_high",
        state="on_anabolic",
        top_first_drug_in=["romosozumab"],
        alerts_include=["anabolic_course_ending"],
        monitoring_includes=[("cv_review", None)],
    ),
    V(
        "romosozumab_8_doses_not_ending",
        "A5 8 doses in under 8 months: no ending alert yet",
        woman(
            70, treatments=[tx("romosozumab", "2026-03-26", last="2026-10-26", doses=8)], dxa=VH_DXA
        ),
        risk="very_high",
        state="on_anabolic",
        top_first_drug_in=["romosozumab"],
        alerts_exclude=["anabolic_course_ending"],
    ),
    V(
        "teriparatide_course_ended_post_anabolic",
        "A5 course ended (21 months, 2024-01-01..2025-10-01) -> post_anabolic; not 24 months so "
        "PTH not avoided, but antiresorptives only",
        woman(70, treatments=[tx("teriparatide", "2024-01-01", "2025-10-01")], dxa=OP_DXA),
        risk="high",
        state="post_anabolic",
        avoid_excludes=["teriparatide"],
        top_first_drug_in=["alendronate"],
        all_first_drugs_in=POST_ANABOLIC_FIRST,
        never_offered=[*ANABOLICS, "raloxifene"],
        alerts_include=["anabolic_course_complete"],
    ),
    V(
        "post_anabolic_raloxifene_only_when_all_avoided",
        "A5 post_anabolic: raloxifene only if alendronate, risedronate, zoledronic acid and "
        "denosumab are all avoided (onj_history)",
        woman(
            66,
            conditions=["onj_history"],
            treatments=[tx("teriparatide", "2024-01-01", "2025-10-01")],
            dxa=OP_DXA,
        ),
        risk="high",
        state="post_anabolic",
        top_first_drug_in=["raloxifene"],
        never_offered=[*BPS, "denosumab", *ANABOLICS],
    ),
    # ===== A5 fracture on treatment ======================================================
    V(
        "partc10_fracture_on_alendronate_change_class",
        "Part C 10 / A5: VF 10 months ago on 6 years of alendronate (>= 12 months) -> "
        "fracture_on_treatment, very high, change class (anabolic or denosumab), never continue "
        "unchanged; prior_bisphosphonate_blunts_anabolic",
        woman(
            69,
            treatments=[tx("alendronate", "2020-11-25")],
            fractures=[fx("vertebra", "2026-01-25")],
            dxa=[dxa("2026-10-01", fn=-2.7)],
        ),
        risk="very_high",
        state="on_bisphosphonate",
        all_first_drugs_in=BP_FAILURE_FIRST,
        options_include_any=ANABOLICS,
        alerts_include=["fracture_on_treatment", "prior_bisphosphonate_blunts_anabolic"],
        monitoring_includes=[("dxa", PLUS_12M)],
    ),
    V(
        "fracture_on_alendronate_exactly_12_months_change_class",
        "A5 >= 12 months on the drug at the fracture (2025-10-01 -> 2026-10-01) -> change class; "
        "13 months of BP < 24 -> no blunting alert",
        woman(
            69,
            treatments=[tx("alendronate", "2025-10-01")],
            fractures=[fx("vertebra", "2026-10-01")],
            dxa=[dxa("2026-10-15", fn=-2.7)],
        ),
        risk="very_high",
        state="on_bisphosphonate",
        all_first_drugs_in=BP_FAILURE_FIRST,
        options_include_any=ANABOLICS,
        alerts_include=["fracture_on_treatment"],
        alerts_exclude=["prior_bisphosphonate_blunts_anabolic"],
    ),
    V(
        "fracture_on_alendronate_under_12_months_continue",
        "A5 under 12 months at the fracture (2025-10-02 -> 2026-10-01) -> continue",
        woman(
            69,
            treatments=[tx("alendronate", "2025-10-02")],
            fractures=[fx("vertebra", "2026-10-01")],
            dxa=[dxa("2026-10-15", fn=-2.7)],
        ),
        risk="very_high",
        state="on_bisphosphonate",
        top_first_drug_in=["alendronate"],
        alerts_include=["fracture_on_treatment"],
    ),
    V(
        "fracture_on_zoledronic_acid_within_12_months_of_dose",
        "A5 zoledronic acid active until last dose + 12 months: VF 2025-05-01 after dose "
        "2024-06-01 is on treatment; >= 12 months -> change class; >= 24 months of BP -> blunting",
        woman(
            70,
            treatments=[tx("zoledronic_acid", "2022-06-01", last="2024-06-01", doses=3)],
            fractures=[fx("vertebra", "2025-05-01")],
            dxa=[dxa("2026-10-01", fn=-2.6)],
        ),
        risk="very_high",
        state="on_bisphosphonate",
        all_first_drugs_in=BP_FAILURE_FIRST,
        alerts_include=["fracture_on_treatment", "prior_bisphosphonate_blunts_anabolic"],
    ),
    V(
        "fracture_after_zoledronic_acid_effect_window",
        "A5 VF 2025-08-01 is after last dose (2024-06-01) + 12 months: not on treatment; the "
        "fracture is still a cn2022 window trigger -> very high, so at the 3-year review ZA "
        "continues (A5 exception)",
        woman(
            70,
            treatments=[tx("zoledronic_acid", "2022-06-01", last="2024-06-01", doses=3)],
            fractures=[fx("vertebra", "2025-08-01")],
            dxa=[dxa("2026-10-01", fn=-2.6)],
        ),
        risk="very_high",
        state="on_bisphosphonate",
        alerts_exclude=["fracture_on_treatment"],
        top_first_drug_in=["zoledronic_acid"],
    ),
    V(
        "fracture_on_denosumab_romosozumab_at_next_dose",
        "A5 fracture on denosumab >= 12 months -> romosozumab preferred or PTH analogue, started "
        "when the next dose falls due (2026-07-01 + 6 months = 2027-01-01); "
        "denosumab_to_pth_hip_loss; never continue unchanged",
        woman(
            70,
            treatments=[tx("denosumab", "2023-01-01", last="2026-07-01")],
            fractures=[fx("vertebra", "2026-09-01")],
            dxa=OP_DXA,
        ),
        risk="very_high",
        state="on_denosumab",
        top_first_drug_in=["romosozumab"],
        top_first_step_start="2027-01-01",
        all_first_drugs_in=ANABOLICS,
        options_include_any=PTH,
        alerts_include=["fracture_on_treatment", "denosumab_to_pth_hip_loss"],
    ),
    V(
        "fracture_on_denosumab_under_12_months_continue",
        "A5 fracture 9 months into denosumab -> continue (check adherence/secondary causes)",
        woman(
            70,
            treatments=[tx("denosumab", "2026-01-10", last="2026-07-10")],
            fractures=[fx("vertebra", "2026-10-01")],
            dxa=OP_DXA,
        ),
        risk="very_high",
        state="on_denosumab",
        top_first_drug_in=["denosumab"],
        alerts_include=["fracture_on_treatment"],
    ),
    V(
        "fracture_on_raloxifene_a6_very_high_list",
        "A5 fracture on a SERM >= 12 months -> the A6 very-high list",
        woman(
            67,
            treatments=[tx("raloxifene", "2023-01-01")],
            fractures=[fx("vertebra", "2026-06-01")],
            dxa=[dxa("2026-10-01", fn=-2.3)],
        ),
        risk="very_high",
        state="on_serm",
        top_first_drug_in=["romosozumab"],
        first_drug_order=VERY_HIGH_ORDER,
        alerts_include=["fracture_on_treatment"],
    ),
    # ===== A5 SERM / HRT ===================================================================
    V(
        "on_raloxifene_moderate_continue",
        "A5 on_serm and not high -> continue raloxifene",
        woman(66, treatments=[tx("raloxifene", "2024-01-01")], dxa=PENIA_DXA),
        risk="moderate",
        state="on_serm",
        top_first_drug_in=["raloxifene"],
    ),
    V(
        "on_raloxifene_high_a6_with_current_last",
        "A5 on_serm and high -> A6 options with raloxifene last",
        woman(66, treatments=[tx("raloxifene", "2024-01-01")], dxa=OP_DXA),
        risk="high",
        state="on_serm",
        top_first_drug_in=["alendronate"],
        last_option_first_drug="raloxifene",
    ),
    V(
        "on_hrt_moderate_continue",
        "A5 on_hrt and not high -> continue HRT",
        woman(55, menopause_year=2022, treatments=[tx("hrt", "2024-01-01")], dxa=PENIA_DXA),
        risk="moderate",
        state="on_hrt",
        top_first_drug_in=["hrt"],
    ),
    V(
        "on_hrt_high_a6_with_current_last",
        "A5 on_hrt and high -> A6 options with HRT last",
        woman(55, menopause_year=2022, treatments=[tx("hrt", "2024-01-01")], dxa=OP_DXA),
        risk="high",
        state="on_hrt",
        top_first_drug_in=["alendronate"],
        last_option_first_drug="hrt",
    ),
    # ===== A6 rheumatology biologics =====================================================
    V(
        "tofacitinib_information_only_category_unchanged",
        "A6 JAK inhibitor: biologic_not_bone_therapy + jak_inhibitor_fracture_signal (info); never "
        "a bone treatment, category unchanged (high)",
        woman(
            66,
            conditions=["rheumatoid_arthritis"],
            biologics=[{"drug": "tofacitinib", "start_date": "2024-02-01", "end_date": None}],
            dxa=OP_DXA,
        ),
        risk="high",
        top_first_drug_in=["alendronate"],
        alerts_include=[
            alert("biologic_not_bone_therapy", "info"),
            alert("jak_inhibitor_fracture_signal", "info"),
        ],
    ),
    V(
        "adalimumab_biologic_note_no_jak_signal",
        "A6 TNF inhibitor: biologic_not_bone_therapy (info) only; osteopenia stays moderate",
        woman(
            66,
            conditions=["rheumatoid_arthritis"],
            biologics=[{"drug": "adalimumab", "start_date": "2023-02-01", "end_date": None}],
            dxa=PENIA_DXA,
        ),
        risk="moderate",
        no_options=True,
        alerts_include=[alert("biologic_not_bone_therapy", "info")],
        alerts_exclude=["jak_inhibitor_fracture_signal"],
    ),
    V(
        "ended_upadacitinib_still_listed",
        "A6 'whenever one is listed': an ended JAK inhibitor still gets both info alerts",
        woman(
            66,
            biologics=[
                {"drug": "upadacitinib", "start_date": "2023-02-01", "end_date": "2025-06-01"}
            ],
            dxa=VH_DXA,
        ),
        risk="very_high",
        alerts_include=[
            alert("biologic_not_bone_therapy", "info"),
            alert("jak_inhibitor_fracture_signal", "info"),
        ],
    ),
]


# --- checking -----------------------------------------------------------------------------
#
# Each check is a small function; a case runs every check that applies and reports all the
# failures together, so one wrong field does not hide the others.


def _ranked(result: dict[str, Any]) -> list[dict[str, Any]]:
    return sorted(result["options"], key=lambda option: option["rank"])


def _first_drugs(result: dict[str, Any]) -> list[str]:
    return [option["steps"][0]["drug"] for option in _ranked(result)]


def _step_drugs(result: dict[str, Any]) -> set[str]:
    return {step["drug"] for option in result["options"] for step in option["steps"]}


def _avoided(result: dict[str, Any]) -> set[str]:
    return {a["drug"] for a in result["avoid"]}


def _find_alerts(result: dict[str, Any], code: str) -> list[dict[str, Any]]:
    return [a for a in result["alerts"] if a["code"] == code]


def _frax_adjusted(result: dict[str, Any]) -> dict[str, Any]:
    frax_adj = result["scores"]["frax_adjusted"]
    assert frax_adj is not None, "scores.frax_adjusted is null"
    return frax_adj


# Invariants (A3, A4, A5, A8, contract section 2) ------------------------------------------


def _inv_vocabulary(result: dict[str, Any], vignette: Vignette) -> None:
    assert result["framework"] == vignette.framework
    assert result["risk"]["category"] in codes.RISK_CATEGORIES
    assert result["diagnosis"]["category"] in codes.DIAGNOSIS_CATEGORIES
    assert result["treatment_state"] in codes.TREATMENT_STATES
    for item in result["alerts"]:
        assert item["severity"] in codes.SEVERITIES, item
    for item in result["monitoring"]:
        assert item["item"] in codes.MONITORING_ITEMS, item


def _inv_ranks(result: dict[str, Any], vignette: Vignette) -> None:
    ranks = [o["rank"] for o in _ranked(result)]
    assert ranks == list(range(1, len(ranks) + 1)), f"ranks {ranks} are not 1..n"
    for option in result["options"]:
        assert option["steps"], f"option {option['rank']} has no step"


def _inv_no_avoided_step(result: dict[str, Any], vignette: Vignette) -> None:
    avoided = _avoided(result)
    for option in _ranked(result):
        drugs = [step["drug"] for step in option["steps"]]
        clash = set(drugs) & avoided
        assert not clash, f"option {option['rank']} {drugs} contains avoided {clash} (A3)"


def _inv_anabolic_then_antiresorptive(result: dict[str, Any], vignette: Vignette) -> None:
    for option in _ranked(result):
        drugs = [step["drug"] for step in option["steps"]]
        for index, drug in enumerate(drugs):
            if drug in ANABOLICS:
                later = drugs[index + 1 :]
                assert any(d in codes.ANTIRESORPTIVES for d in later), (
                    f"option {option['rank']} {drugs}: anabolic {drug} not followed by an "
                    "antiresorptive (A5/A6, contract 2)"
                )


def _inv_calcitonin_last_resort(result: dict[str, Any], vignette: Vignette) -> None:
    if "calcitonin" in _step_drugs(result):
        others = set(codes.OSTEOPOROSIS_DRUGS) - {"calcitonin"}
        missing = others - _avoided(result)
        assert not missing, f"calcitonin offered while {sorted(missing)} are not avoided (A4)"


def _inv_supportive(result: dict[str, Any], vignette: Vignette) -> None:
    supportive = {s["code"] for s in result["supportive"]}
    missing = {"calcium_intake", "vitamin_d", "exercise", "falls_prevention"} - supportive
    assert not missing, f"A8 supportive care is always given; missing {sorted(missing)}"


INVARIANTS = [
    _inv_vocabulary,
    _inv_ranks,
    _inv_no_avoided_step,
    _inv_anabolic_then_antiresorptive,
    _inv_calcitonin_last_resort,
    _inv_supportive,
]


# Expectations, one function per key -------------------------------------------------------


def _exp_risk(result: dict[str, Any], wanted: str) -> None:
    assert result["risk"]["category"] == wanted, f"risk reasons {result['risk']['reasons']}"


def _exp_diagnosis(result: dict[str, Any], wanted: str) -> None:
    assert result["diagnosis"]["category"] == wanted


def _exp_state(result: dict[str, Any], wanted: str) -> None:
    assert result["treatment_state"] == wanted


def _exp_no_options(result: dict[str, Any], wanted: bool) -> None:
    if wanted:
        assert result["options"] == [], f"expected no option, got {_first_drugs(result)}"
    else:
        assert result["options"], "expected at least one option (never 'no option')"


def _exp_top_first_drug_in(result: dict[str, Any], wanted: list[str]) -> None:
    firsts = _first_drugs(result)
    assert firsts, "expected options"
    assert firsts[0] in wanted, f"rank-1 first drug {firsts[0]!r}; options {firsts}"


def _exp_top_steps(result: dict[str, Any], wanted: list[str]) -> None:
    options = _ranked(result)
    assert options, "expected options"
    assert [s["drug"] for s in options[0]["steps"]] == wanted


def _exp_top_first_step_months(result: dict[str, Any], wanted: int) -> None:
    options = _ranked(result)
    assert options, "expected options"
    assert options[0]["steps"][0].get("months") == wanted, options[0]


def _exp_top_first_step_start(result: dict[str, Any], wanted: str) -> None:
    options = _ranked(result)
    assert options, "expected options"
    assert options[0]["steps"][0].get("start_date") == wanted, options[0]


def _exp_options_include(result: dict[str, Any], wanted: list[str]) -> None:
    firsts = _first_drugs(result)
    missing = [d for d in wanted if d not in firsts]
    assert not missing, f"{missing} should start an option; options {firsts}"


def _exp_options_include_any(result: dict[str, Any], wanted: list[str]) -> None:
    firsts = _first_drugs(result)
    assert set(firsts) & set(wanted), f"none of {wanted} starts an option; options {firsts}"


def _exp_all_first_drugs_in(result: dict[str, Any], wanted: list[str]) -> None:
    firsts = _first_drugs(result)
    assert firsts, "expected options"
    stray = [d for d in firsts if d not in wanted]
    assert not stray, f"options may only start with {wanted}: {stray}"


def _exp_first_drug_order(result: dict[str, Any], wanted: list[list[str]]) -> None:
    firsts = _first_drugs(result)
    ranks = []
    for group in wanted:
        found = [i for i, d in enumerate(firsts) if d in group]
        assert found, f"no option starts with any of {group}; options {firsts}"
        ranks.append(min(found))
    assert ranks == sorted(set(ranks)), f"order {wanted} not kept; options {firsts}"


def _exp_last_option_first_drug(result: dict[str, Any], wanted: str) -> None:
    firsts = _first_drugs(result)
    assert firsts, "expected options"
    assert firsts[-1] == wanted, f"options {firsts}"


def _exp_never_offered(result: dict[str, Any], wanted: list[str]) -> None:
    offered = _step_drugs(result) & set(wanted)
    assert not offered, f"{sorted(offered)} must not be offered; options {_first_drugs(result)}"


def _exp_avoid_includes(result: dict[str, Any], wanted: list[str]) -> None:
    missing = [d for d in wanted if d not in _avoided(result)]
    assert not missing, f"{missing} should be avoided; avoid {sorted(_avoided(result))}"


def _exp_avoid_excludes(result: dict[str, Any], wanted: list[str]) -> None:
    extra = [d for d in wanted if d in _avoided(result)]
    assert not extra, f"{extra} should not be avoided; {result['avoid']}"


def _exp_alerts_include(result: dict[str, Any], wanted: list[Any]) -> None:
    seen = [(a["code"], a["severity"], a.get("due_date")) for a in result["alerts"]]
    for entry in wanted:
        entry = {"code": entry} if isinstance(entry, str) else entry
        found = _find_alerts(result, entry["code"])
        assert found, f"alert {entry['code']} missing; alerts {seen}"
        if "severity" in entry:
            assert any(a["severity"] == entry["severity"] for a in found), f"{entry}; {found}"
        if "severity_not" in entry:
            assert all(a["severity"] != entry["severity_not"] for a in found), f"{entry}; {found}"
        if "due_date" in entry:
            assert any(a.get("due_date") == entry["due_date"] for a in found), f"{entry}; {found}"


def _exp_alerts_exclude(result: dict[str, Any], wanted: list[str]) -> None:
    raised = [code for code in wanted if _find_alerts(result, code)]
    assert not raised, f"alerts {raised} should not be raised"


def _exp_monitoring_includes(result: dict[str, Any], wanted: list[tuple[str, str | None]]) -> None:
    seen = [(m["item"], m["due_date"]) for m in result["monitoring"]]
    for item, due in wanted:
        found = [m for m in result["monitoring"] if m["item"] == item]
        assert found, f"monitoring {item} missing; have {seen}"
        if due is not None:
            assert any(m["due_date"] == due for m in found), f"{item} due {due}; have {seen}"


def _exp_osta(result: dict[str, Any], wanted: float) -> None:
    assert result["scores"]["osta"] == pytest.approx(wanted)


def _exp_crcl(result: dict[str, Any], wanted: float | None) -> None:
    if wanted is None:
        assert result["scores"]["crcl_ml_min"] is None
    else:
        assert result["scores"]["crcl_ml_min"] == pytest.approx(wanted, rel=1e-6)


def _exp_frax_mof(result: dict[str, Any], wanted: float) -> None:
    assert _frax_adjusted(result)["major_osteoporotic_pct"] == pytest.approx(wanted)


def _exp_frax_hip(result: dict[str, Any], wanted: float) -> None:
    assert _frax_adjusted(result)["hip_pct"] == pytest.approx(wanted)


def _exp_frax_adjustments_include(result: dict[str, Any], wanted: list[str]) -> None:
    adjustments = _frax_adjusted(result)["adjustments"]
    missing = [code for code in wanted if code not in adjustments]
    assert not missing, f"adjustments {adjustments} lack {missing}"


def _exp_frax_adjustments_exclude(result: dict[str, Any], wanted: list[str]) -> None:
    frax_adj = result["scores"]["frax_adjusted"]
    adjustments = frax_adj["adjustments"] if frax_adj else []
    extra = [code for code in wanted if code in adjustments]
    assert not extra, f"adjustments {adjustments} should not list {extra}"


def _exp_frax_adjustment_count(result: dict[str, Any], wanted: int) -> None:
    adjustments = _frax_adjusted(result)["adjustments"]
    assert len(adjustments) == wanted, f"adjustments {adjustments}"


EXPECTATIONS: dict[str, Callable[[dict[str, Any], Any], None]] = {
    "risk": _exp_risk,
    "diagnosis": _exp_diagnosis,
    "state": _exp_state,
    "no_options": _exp_no_options,
    "top_first_drug_in": _exp_top_first_drug_in,
    "top_steps": _exp_top_steps,
    "top_first_step_months": _exp_top_first_step_months,
    "top_first_step_start": _exp_top_first_step_start,
    "options_include": _exp_options_include,
    "options_include_any": _exp_options_include_any,
    "all_first_drugs_in": _exp_all_first_drugs_in,
    "first_drug_order": _exp_first_drug_order,
    "last_option_first_drug": _exp_last_option_first_drug,
    "never_offered": _exp_never_offered,
    "avoid_includes": _exp_avoid_includes,
    "avoid_excludes": _exp_avoid_excludes,
    "alerts_include": _exp_alerts_include,
    "alerts_exclude": _exp_alerts_exclude,
    "monitoring_includes": _exp_monitoring_includes,
    "osta": _exp_osta,
    "crcl": _exp_crcl,
    "frax_mof": _exp_frax_mof,
    "frax_hip": _exp_frax_hip,
    "frax_adjustments_include": _exp_frax_adjustments_include,
    "frax_adjustments_exclude": _exp_frax_adjustments_exclude,
    "frax_adjustment_count": _exp_frax_adjustment_count,
}
assert set(EXPECTATIONS) == _EXPECT_KEYS


def collect_problems(result: dict[str, Any], vignette: Vignette) -> list[str]:
    """Run every invariant and every expectation of the case; return all failures."""
    problems = []
    for invariant in INVARIANTS:
        try:
            invariant(result, vignette)
        except AssertionError as exc:
            problems.append(f"invariant {invariant.__name__[5:]}: {exc}")
    for key, wanted in vignette.expect.items():
        try:
            EXPECTATIONS[key](result, wanted)
        except AssertionError as exc:
            problems.append(f"{key}: {exc}")
    return problems


# --- tests --------------------------------------------------------------------------------


def test_table_is_large_and_ids_unique():
    ids = [param.id for param in CASES]
    assert len(ids) >= 60
    assert len(set(ids)) == len(ids)


@pytest.mark.parametrize("vignette", CASES)
def test_vignette_record_is_valid(vignette: Vignette):
    """Every record is a valid contract record, so a failure below is about the rules."""
    parse_record(vignette.record, as_of=vignette.as_of)


@pytest.mark.parametrize("vignette", CASES)
def test_vignette(vignette: Vignette):
    from osteodesk.core.decision import evaluate_json

    result = evaluate_json(vignette.record, as_of=vignette.as_of, framework=vignette.framework)
    problems = collect_problems(result, vignette)
    if problems:
        pytest.fail(f"{vignette.id} ({vignette.rule}):\n  " + "\n  ".join(problems), pytrace=False)
