"""A7 monitoring dates and on-treatment response alerts (bone turnover markers, BMD loss)."""

from datetime import date

import pytest

from osteodesk.core.decision import RuleSettings, evaluate
from osteodesk.core.record import parse_record

AS_OF = date(2026, 11, 25)
HIGH = {"dxa": [{"date": "2026-10-01", "femoral_neck_t": -2.8}]}
VERY_HIGH = {"dxa": [{"date": "2026-10-01", "femoral_neck_t": -2.4, "lumbar_spine_t": -3.2}]}
RENAL_OK = [
    {"date": "2026-11-01", "test": "egfr", "value": 70, "unit": "mL/min/1.73m2"},
    {"date": "2026-11-01", "test": "calcium", "value": 2.3, "unit": "mmol/L"},
    {"date": "2026-11-01", "test": "vitamin_d_25oh", "value": 30, "unit": "ng/mL"},
]


def woman(age: int = 68, **fields):
    data = {"sex": "female", "birth_date": f"{AS_OF.year - age}-03-14", "menopausal_status": "post"}
    return data | {"labs": RENAL_OK} | fields


def run(data, **kwargs):
    return evaluate(parse_record(data, as_of=AS_OF), as_of=AS_OF, **kwargs)


def schedule(ev):
    return {(m.item, m.due_date) for m in ev.monitoring}


def items(ev, item):
    return sorted(m.due_date for m in ev.monitoring if m.item == item)


def alert_codes(ev):
    return {a.code for a in ev.alerts}


def test_starting_alendronate():
    ev = run(woman(**HIGH))
    assert ev.options[0].drugs == ("alendronate",)
    assert items(ev, "dxa") == [date(2027, 11, 25)]
    assert items(ev, "ctx") == [AS_OF, date(2027, 2, 25)]
    assert items(ev, "p1np") == []
    assert items(ev, "dental_exam") == [AS_OF]
    assert items(ev, "renal_function") == [date(2027, 11, 1)]  # yearly from the latest eGFR
    assert items(ev, "vfa") == [AS_OF]  # T <= -2.5


def test_starting_romosozumab_then_denosumab():
    ev = run(woman(**VERY_HIGH))
    assert ev.options[0].drugs == ("romosozumab", "denosumab")
    assert items(ev, "p1np") == [AS_OF, date(2027, 2, 25)]
    assert items(ev, "cv_review") == [AS_OF]
    # dental review before romosozumab now and before denosumab after 12 months
    assert items(ev, "dental_exam") == [AS_OF, date(2027, 11, 25)]
    assert ("vitamin_d_25oh", date(2027, 11, 25)) in schedule(ev)
    # A7: calcium 14 days before each denosumab dose, the first one included
    assert items(ev, "serum_calcium") == [date(2027, 11, 11)]
    assert items(ev, "vfa") == [AS_OF]  # lowest T -3.2 is at or below -2.5


def test_vfa_when_a_t_score_is_at_or_below_minus_2_5():
    assert items(run(woman(dxa=[{"date": "2026-10-01", "femoral_neck_t": -2.5}])), "vfa") == [AS_OF]
    assert items(run(woman(dxa=[{"date": "2026-10-01", "femoral_neck_t": -2.4}])), "vfa") == []


def test_vfa_and_yearly_dxa_on_glucocorticoids():
    ev = run(
        woman(
            dxa=[{"date": "2026-03-01", "femoral_neck_t": -0.5}],
            frax=[{"date": "2026-03-01", "major_osteoporotic_pct": 8.0, "hip_pct": 0.5}],
            glucocorticoid={"dose_mg_per_day": 5, "start_date": "2026-01-01"},
        )
    )
    assert items(ev, "vfa") == [AS_OF]
    assert ev.risk.by_framework["acr_giop2022"] == "low"
    assert ev.options == ()
    assert items(ev, "dxa") == [date(2027, 3, 1)]


def test_starting_teriparatide_needs_baseline_calcium():
    ev = run(woman(**VERY_HIGH, conditions=["high_cv_risk"]))
    ev = run(woman(**VERY_HIGH, events=[{"type": "stroke", "date": "2026-06-01"}]))
    assert ev.options[0].drugs[0] == "teriparatide"
    assert ("serum_calcium", AS_OF) in schedule(ev)


def test_on_denosumab_calcium_before_the_dose_and_dxa_from_the_latest_scan():
    ev = run(
        woman(
            dxa=[{"date": "2025-06-01", "femoral_neck_t": -2.8}],
            treatments=[
                {"drug": "denosumab", "start_date": "2022-01-10", "last_dose_date": "2026-09-01"}
            ],
        )
    )
    assert items(ev, "serum_calcium") == [date(2027, 2, 15)]  # 14 days before 2027-03-01
    assert items(ev, "dxa") == [date(2027, 6, 1)]
    assert items(ev, "dental_exam") == []  # not a new start


def test_on_denosumab_in_severe_ckd_calcium_weekly_then_monthly():
    labs = [{"date": "2026-11-01", "test": "egfr", "value": 25, "unit": "mL/min/1.73m2"}]
    ev = run(
        woman(
            **HIGH,
            labs=labs,
            treatments=[
                {"drug": "denosumab", "start_date": "2022-01-10", "last_dose_date": "2026-11-10"}
            ],
        )
    )
    # weekly after the 10 November dose: 17, 24 November, 1 December ...
    assert date(2026, 12, 1) in items(ev, "serum_calcium")
    ev = run(
        woman(
            **HIGH,
            labs=labs,
            treatments=[
                {"drug": "denosumab", "start_date": "2022-01-10", "last_dose_date": "2026-09-01"}
            ],
        )
    )
    # weekly to 29 September, then monthly: 29 October, 29 November
    assert date(2026, 11, 29) in items(ev, "serum_calcium")


def test_continuing_zoledronic_acid_checks_renal_function_before_the_next_infusion():
    ev = run(
        woman(
            dxa=[{"date": "2024-10-01", "femoral_neck_t": -2.8}],
            treatments=[
                {
                    "drug": "zoledronic_acid",
                    "start_date": "2025-01-15",
                    "last_dose_date": "2026-01-15",
                }
            ],
        )
    )
    assert items(ev, "renal_function") == [date(2027, 1, 15)]
    assert items(ev, "dxa") == [date(2026, 1, 15)]  # 12 months after starting; no DXA since


def test_untreated_moderate_dxa_after_24_months_or_now():
    recent = run(woman(dxa=[{"date": "2026-01-01", "femoral_neck_t": -2.0}]))
    assert recent.risk.category == "moderate"
    assert items(recent, "dxa") == [date(2028, 1, 1)]
    old = run(woman(dxa=[{"date": "2023-01-01", "femoral_neck_t": -2.0}]))
    assert items(old, "dxa") == [AS_OF]


def test_untreated_low_risk_has_no_dxa_date():
    assert items(run(woman(dxa=[{"date": "2026-01-01", "femoral_neck_t": -0.5}])), "dxa") == []


def test_gate_without_a_drug_reassesses_in_three_months():
    ev = run(woman(**HIGH, conditions=["pregnant_or_breastfeeding"], menopausal_status="pre"))
    assert items(ev, "risk_reassessment") == [date(2027, 2, 25)]


def test_low_vitamin_d_is_rechecked_three_months_after_repletion():
    labs = [{"date": "2026-11-01", "test": "vitamin_d_25oh", "value": 10, "unit": "ng/mL"}]
    ev = run(woman(**HIGH, labs=labs))
    assert date(2027, 2, 25) in items(ev, "vitamin_d_25oh")


def test_unknown_renal_function_is_due_now():
    ev = run(woman(**HIGH, labs=[]))
    assert AS_OF in items(ev, "renal_function")


# --- bone turnover markers ----------------------------------------------------------------


def btm_case(ctx=None, p1np=None, *, baseline_day="2026-05-25", follow_day="2026-09-01"):
    """Alendronate from 2026-06-01: baseline <= 30 days before, follow-up 3 months +- 6 weeks."""
    labs = list(RENAL_OK)
    for test, values in (("ctx", ctx), ("p1np", p1np)):
        if values is not None:
            labs.append({"date": baseline_day, "test": test, "value": values[0], "unit": "ng/mL"})
            labs.append({"date": follow_day, "test": test, "value": values[1], "unit": "ng/mL"})
    return run(
        woman(
            **HIGH,
            labs=labs,
            treatments=[{"drug": "alendronate", "start_date": "2026-06-01"}],
        )
    )


@pytest.mark.parametrize(
    ("ctx", "p1np", "no_response"),
    [
        ((0.50, 0.30), None, True),  # 40 % fall: not > 56 %
        ((0.50, 0.20), None, False),  # 60 %
        ((0.50, 0.22), None, True),  # exactly 56 %: not more than 56
        ((0.50, 0.2199), None, False),  # 56.02 %
        (None, (60.0, 36.0), False),  # P1NP 40 % > 38 %
        (None, (50.0, 31.0), True),  # exactly 38 %: not more than 38
        ((0.50, 0.40), (60.0, 30.0), False),  # either marker is enough
    ],
)
def test_btm_response_on_oral_bisphosphonate(ctx, p1np, no_response):
    ev = btm_case(ctx, p1np)
    assert ("btm_no_response" in alert_codes(ev)) is no_response


def test_btm_baseline_must_be_within_30_days_before_the_start():
    assert "btm_no_response" in alert_codes(btm_case((0.5, 0.4), baseline_day="2026-05-02"))
    assert "btm_no_response" not in alert_codes(btm_case((0.5, 0.4), baseline_day="2026-05-01"))


def test_btm_follow_up_must_be_at_three_months_plus_or_minus_six_weeks():
    assert "btm_no_response" in alert_codes(btm_case((0.5, 0.4), follow_day="2026-10-13"))
    assert "btm_no_response" not in alert_codes(btm_case((0.5, 0.4), follow_day="2026-10-14"))
    assert "btm_no_response" in alert_codes(btm_case((0.5, 0.4), follow_day="2026-07-21"))
    assert "btm_no_response" not in alert_codes(btm_case((0.5, 0.4), follow_day="2026-07-20"))


def test_ongoing_oral_bisphosphonate_three_month_marker_is_scheduled_until_done():
    ev = run(woman(**HIGH, treatments=[{"drug": "alendronate", "start_date": "2026-09-01"}]))
    assert items(ev, "ctx") == [date(2026, 12, 1)]
    assert items(btm_case((0.5, 0.2)), "ctx") == []


# --- BMD loss on treatment ----------------------------------------------------------------


def bmd_case(first, second, *, devices=("Hologic", "Hologic"), site="lumbar_spine", settings=None):
    scans = [
        {"date": "2025-03-01", f"{site}_bmd": first, "femoral_neck_t": -2.8},
        {"date": "2026-10-01", f"{site}_bmd": second, "femoral_neck_t": -2.8},
    ]
    for scan, device in zip(scans, devices, strict=True):
        if device:
            scan["device"] = device
    data = woman(dxa=scans, treatments=[{"drug": "alendronate", "start_date": "2025-01-01"}])
    return run(data, settings=settings)


def test_bmd_loss_larger_than_the_spine_lsc_alerts():
    assert "bmd_loss_on_treatment" not in alert_codes(bmd_case(0.800, 0.770))  # exactly 0.03
    assert "bmd_loss_on_treatment" in alert_codes(bmd_case(0.800, 0.769))


def test_bmd_loss_needs_the_same_device():
    assert "bmd_loss_on_treatment" not in alert_codes(
        bmd_case(0.8, 0.7, devices=("Hologic", "Lunar"))
    )
    unknown = bmd_case(0.8, 0.7, devices=(None, None))
    assert "bmd_loss_on_treatment" not in alert_codes(unknown)
    assert "bmd_device_unknown" in {n.code for n in unknown.notes}


def test_hip_has_no_lsc_unless_the_centre_sets_one():
    assert "bmd_loss_on_treatment" not in alert_codes(bmd_case(0.8, 0.7, site="total_hip"))
    settings = RuleSettings(lsc_total_hip=0.02)
    assert "bmd_loss_on_treatment" in alert_codes(
        bmd_case(0.8, 0.77, site="total_hip", settings=settings)
    )


def test_bmd_before_the_treatment_started_is_not_a_loss_on_treatment():
    scans = [
        {"date": "2024-03-01", "lumbar_spine_bmd": 0.9, "device": "H", "femoral_neck_t": -2.8},
        {"date": "2025-03-01", "lumbar_spine_bmd": 0.8, "device": "H"},
    ]
    ev = run(woman(dxa=scans, treatments=[{"drug": "alendronate", "start_date": "2025-01-01"}]))
    assert "bmd_loss_on_treatment" not in alert_codes(ev)


# --- third reading of A7 (2026-11-25) ---------------------------------------------------------


def test_oral_bisphosphonate_after_an_anabolic_gets_its_ctx_pair_when_it_starts():
    """A7 p1np/ctx: baseline at start and 3 months after starting an oral bisphosphonate; a
    follow-on step starts after the steps before it (ambiguity 44)."""
    ev = run(
        woman(
            age=66,
            glucocorticoid={"dose_mg_per_day": 10, "start_date": "2026-01-01", "end_date": None},
            fractures=[{"site": "vertebra", "date": "2025-06-01", "fragility": True}],
            dxa=[{"date": "2026-10-01", "lumbar_spine_t": -2.7, "femoral_neck_t": -2.2}],
        )
    )
    assert ev.options[0].drugs == ("teriparatide", "alendronate")
    assert items(ev, "p1np") == [AS_OF, date(2027, 2, 25)]
    assert items(ev, "ctx") == [date(2028, 11, 25), date(2029, 2, 25)]


def test_calcium_before_a_follow_on_denosumab_is_14_days_before_its_first_dose():
    ev = run(woman(**VERY_HIGH))
    assert ev.options[0].drugs == ("romosozumab", "denosumab")
    assert ("serum_calcium", date(2027, 11, 11)) in schedule(ev)
    assert ("serum_calcium", date(2027, 11, 25)) not in schedule(ev)


def test_on_denosumab_with_low_calcium_the_dose_still_asked_for_gets_its_calcium_check():
    """A4: a patient on denosumab keeps the dose alert under the hypocalcaemia gate; A7: calcium
    14 days before each denosumab dose, and 1 month after the gate."""
    ev = run(
        woman(
            age=76,
            dxa=[{"date": "2026-01-01", "lumbar_spine_t": -2.6}],
            labs=[
                {"date": "2026-11-20", "test": "calcium", "value": 2.0, "unit": "mmol/L"},
                {"date": "2026-11-20", "test": "egfr", "value": 60, "unit": "mL/min/1.73m2"},
            ],
            treatments=[
                {"drug": "denosumab", "start_date": "2022-01-01", "last_dose_date": "2026-06-10"}
            ],
        )
    )
    assert ev.options == ()
    assert {"hypocalcemia_correct_first", "denosumab_dose_due"} <= alert_codes(ev)
    # next dose 2026-12-10: the check 14 days before it is tomorrow; the gate's a month on
    assert items(ev, "serum_calcium") == [date(2026, 11, 26), date(2026, 12, 25)]


def test_continuing_denosumab_gets_one_pre_dose_calcium_check():
    """The option that continues denosumab schedules the check; the no-option path adds none."""
    ev = run(
        woman(
            age=70,
            dxa=[{"date": "2026-01-01", "lumbar_spine_t": -1.2, "femoral_neck_t": -1.3}],
            treatments=[
                {"drug": "denosumab", "start_date": "2020-01-01", "last_dose_date": "2026-06-10"}
            ],
        )
    )
    assert ev.options[0].drugs == ("denosumab",)
    assert [(m.due_date, m.reason) for m in ev.monitoring if m.item == "serum_calcium"] == [
        (date(2026, 11, 26), "calcium_before_denosumab")
    ]
