"""A4 safety gates: each row blocks exactly its drugs, with reason codes, on both sides."""

from datetime import date

import pytest

from osteodesk.core import codes
from osteodesk.core.decision import evaluate
from osteodesk.core.record import parse_record

AS_OF = date(2026, 11, 25)
BPS = set(codes.BISPHOSPHONATES)
PTH = set(codes.PTH_ANALOGUES)
ESTROGENIC = {"raloxifene", "bazedoxifene", "hrt"}
# T-score -2.8 in a 68-year-old postmenopausal woman: high risk, drug therapy indicated.
HIGH = {"dxa": [{"date": "2026-10-01", "femoral_neck_t": -2.8}]}


def woman(age: int = 68, **fields):
    data = {"sex": "female", "birth_date": f"{AS_OF.year - age}-03-14", "menopausal_status": "post"}
    return data | HIGH | fields


def man(age: int = 70, **fields):
    return {"sex": "male", "birth_date": f"{AS_OF.year - age}-03-14"} | HIGH | fields


def run(data):
    return evaluate(parse_record(data, as_of=AS_OF), as_of=AS_OF)


def lab(test, value, unit, day="2026-11-01"):
    return {"date": day, "test": test, "value": value, "unit": unit}


def avoided(ev) -> dict[str, set[str]]:
    return {a.drug: {r.code for r in a.reasons} for a in ev.avoid}


def alerts(ev) -> dict[str, str]:
    return {a.code: a.severity for a in ev.alerts}


def option_drugs(ev) -> set[str]:
    return {d for o in ev.options for d in o.drugs}


# --- calcium ------------------------------------------------------------------------------


@pytest.mark.parametrize(("value", "unit"), [(2.09, "mmol/L"), (8.39, "mg/dL")])
def test_hypocalcaemia_blocks_and_leaves_no_option(value, unit):
    ev = run(woman(labs=[lab("calcium", value, unit)]))
    blocked = {d for d, why in avoided(ev).items() if "hypocalcemia" in why}
    assert blocked == BPS | {"denosumab", "romosozumab", "calcitonin"}
    assert ev.options == ()
    assert alerts(ev)["hypocalcemia_correct_first"] == "urgent"
    due = {(m.item, m.due_date) for m in ev.monitoring}
    assert ("serum_calcium", date(2026, 12, 25)) in due
    assert ("risk_reassessment", date(2027, 2, 25)) in due


@pytest.mark.parametrize(("value", "unit"), [(2.10, "mmol/L"), (8.4, "mg/dL"), (2.60, "mmol/L")])
def test_calcium_at_the_limits_blocks_nothing(value, unit):
    ev = run(woman(labs=[lab("calcium", value, unit)]))
    assert not any("hypocalcemia" in why or "hypercalcemia" in why for why in avoided(ev).values())
    assert ev.options


@pytest.mark.parametrize(("value", "unit"), [(2.61, "mmol/L"), (10.41, "mg/dL")])
def test_hypercalcaemia_blocks_pth_analogues_only(value, unit):
    ev = run(woman(labs=[lab("calcium", value, unit)]))
    assert {d for d, why in avoided(ev).items() if "hypercalcemia" in why} == PTH
    assert "hypocalcemia_correct_first" not in alerts(ev)


def test_hypocalcaemia_on_denosumab_keeps_the_dose_alert_with_calcium_first():
    ev = run(
        woman(
            labs=[lab("calcium", 2.0, "mmol/L")],
            treatments=[
                {"drug": "denosumab", "start_date": "2022-01-10", "last_dose_date": "2026-05-30"}
            ],
        )
    )
    dose = [a for a in ev.alerts if a.code == "denosumab_dose_due"]
    assert dose
    assert dose[0].detail == "correct calcium, then dose without delay"
    assert "correct_calcium_then_dose" in {n.code for n in ev.notes}
    assert ev.options == ()


@pytest.mark.parametrize(
    "condition",
    [
        "primary_hyperparathyroidism",
        "paget_disease",
        "unexplained_high_alp",
        "skeletal_radiation",
        "skeletal_malignancy",
        "open_epiphyses",
    ],
)
def test_conditions_that_block_pth_analogues(condition):
    ev = run(woman(conditions=[condition]))
    assert {d for d, why in avoided(ev).items() if condition in why} == PTH


# --- renal --------------------------------------------------------------------------------


def renal(crcl_target: float | None = None, *, egfr: float | None = None, weight: bool = True):
    """A 80-year-old woman of 60 kg: CrCl = 42.5 / creatinine(mg/dL)."""
    labs = []
    if crcl_target is not None:
        labs.append(lab("creatinine", 42.5 / crcl_target, "mg/dL"))
    if egfr is not None:
        labs.append(lab("egfr", egfr, "mL/min/1.73m2"))
    data = woman(80, labs=labs)
    if weight:
        data["weight_kg"] = 60.0
    return run(data)


def test_crcl_below_35_blocks_alendronate_and_zoledronic_acid():
    ev = renal(34.9)
    blocked = {d for d, why in avoided(ev).items() if "crcl_below_limit" in why}
    assert blocked == {"alendronate", "zoledronic_acid"}
    assert "renal_limit" in alerts(ev)


def test_crcl_of_35_blocks_nothing():
    ev = renal(35.0)
    assert set(avoided(ev)) == {"hrt"}  # age 80: the HRT age gate, nothing renal
    assert "renal_limit" not in alerts(ev)


def test_crcl_below_30_also_blocks_the_severe_renal_drugs():
    ev = renal(29.9)
    blocked = {d for d, why in avoided(ev).items() if "crcl_below_limit" in why}
    assert blocked == {
        "alendronate",
        "zoledronic_acid",
        "risedronate",
        "ibandronate",
        "teriparatide",
        "raloxifene",
        "bazedoxifene",
    }
    assert "denosumab" not in avoided(ev)
    assert "abaloparatide" not in avoided(ev)


def test_crcl_of_30_keeps_risedronate():
    assert "risedronate" not in avoided(renal(30.0))


def test_egfr_stands_in_without_creatinine():
    ev = renal(egfr=28.0)
    assert "egfr_below_limit_no_crcl" in avoided(ev)["risedronate"]
    assert avoided(ev)["risedronate"] == {"egfr_below_limit_no_crcl"}


def test_denosumab_severe_ckd_uses_egfr_and_never_blocks():
    ev = renal(40.0, egfr=29.0)
    assert "denosumab_severe_ckd" in alerts(ev)
    assert "denosumab" not in avoided(ev)
    assert "denosumab" in option_drugs(ev)
    assert "denosumab_severe_ckd" not in alerts(renal(40.0, egfr=30.0))


def test_denosumab_severe_ckd_uses_crcl_only_without_egfr():
    assert "denosumab_severe_ckd" in alerts(renal(25.0))
    # eGFR present and >= 30 decides, whatever the CrCl
    assert "denosumab_severe_ckd" not in alerts(renal(25.0, egfr=45.0))


def test_dialysis_counts_as_severe_ckd():
    ev = run(woman(80, conditions=["dialysis"]))
    assert "denosumab_severe_ckd" in alerts(ev)
    assert "dialysis" in avoided(ev)["alendronate"]


def test_case_four_egfr_25_leaves_denosumab_under_supervision():
    ev = run(
        woman(
            80,
            weight_kg=48.0,
            fractures=[{"site": "wrist", "date": "2023-10-01", "fragility": True}],
            dxa=[{"date": "2026-10-01", "femoral_neck_t": -2.9}],
            labs=[
                lab("egfr", 25, "mL/min/1.73m2"),
                lab("creatinine", 1.6, "mg/dL"),
                lab("calcium", 2.25, "mmol/L"),
                lab("vitamin_d_25oh", 22, "ng/mL"),
            ],
        )
    )
    assert ev.risk.category == "high"
    assert [o.drugs for o in ev.options] == [("denosumab",)]
    assert "denosumab_ckd_specialist" in {r.code for r in ev.options[0].reasons}
    for drug in ("alendronate", "zoledronic_acid", "risedronate", "ibandronate", "teriparatide"):
        assert drug in avoided(ev)


# --- oral, cardiovascular, hormonal -------------------------------------------------------


@pytest.mark.parametrize("condition", ["esophageal_disorder", "cannot_stay_upright"])
def test_oral_bisphosphonates_need_a_healthy_oesophagus_and_posture(condition):
    ev = run(woman(conditions=[condition]))
    assert {d for d, why in avoided(ev).items() if condition in why} == set(
        codes.ORAL_BISPHOSPHONATES
    )
    assert ev.options[0].drugs == ("zoledronic_acid",)


@pytest.mark.parametrize(
    ("day", "blocked"),
    [("2026-01-25", True), ("2025-11-25", True), ("2025-11-24", False)],
)
def test_romosozumab_window_after_mi_or_stroke(day, blocked):
    ev = run(woman(events=[{"type": "stroke", "date": day}]))
    assert ("romosozumab" in avoided(ev)) is blocked
    assert ("romosozumab_cv_exclusion" in alerts(ev)) is blocked
    # any past stroke blocks the oestrogenic drugs whatever its date
    assert {d for d, why in avoided(ev).items() if "cv_event_history" in why} >= ESTROGENIC


def test_vte_and_high_cv_risk_block_serms_and_hrt():
    ev = run(woman(events=[{"type": "vte", "date": "2001-01-01"}], conditions=["high_cv_risk"]))
    assert {d for d, why in avoided(ev).items() if "vte_history" in why} == ESTROGENIC
    assert {d for d, why in avoided(ev).items() if "high_cv_risk" in why} == ESTROGENIC
    assert "romosozumab" not in avoided(ev)


@pytest.mark.parametrize("condition", ["breast_cancer_history", "endometrial_cancer_history"])
def test_hormone_dependent_cancer_blocks_hrt(condition):
    ev = run(woman(55, conditions=[condition]))
    assert {d for d, why in avoided(ev).items() if condition in why} == {"hrt"}


@pytest.mark.parametrize(
    ("age", "menopause_year", "blocked"),
    [
        (62, 2015, True),  # > 10 years after menopause and >= 60
        (62, 2016, False),  # exactly 10 years: not more than 10
        (59, 2000, False),  # under 60
        (60, None, True),  # unknown menopause year: age >= 60 alone
        (59, None, False),
    ],
)
def test_hrt_age_and_time_since_menopause(age, menopause_year, blocked):
    data = woman(age)
    if menopause_year is not None:
        data["menopause_year"] = menopause_year
    assert ("hrt" in avoided(run(data))) is blocked


def test_men_never_get_oestrogenic_drugs_or_romosozumab():
    ev = run(man())
    assert {d for d, why in avoided(ev).items() if "male_sex" in why} == ESTROGENIC | {
        "romosozumab"
    }


@pytest.mark.parametrize(("status", "code"), [("pre", "premenopausal"), ("peri", "perimenopausal")])
def test_pre_and_perimenopausal_women(status, code):
    ev = run(woman(45, menopausal_status=status))
    blocked = {d for d, why in avoided(ev).items() if code in why}
    assert blocked == {"romosozumab", "raloxifene", "bazedoxifene", "abaloparatide"}


def test_unknown_menopausal_status_under_50_blocks_nothing():
    data = woman(45)
    del data["menopausal_status"]
    assert not avoided(run(data))


def test_pregnancy_blocks_every_drug_and_leaves_no_option():
    ev = run(woman(35, menopausal_status="pre", conditions=["pregnant_or_breastfeeding"]))
    assert set(avoided(ev)) == set(codes.OSTEOPOROSIS_DRUGS)
    assert ev.options == ()
    assert "no_drug_pregnancy" in alerts(ev)
    assert ("risk_reassessment", date(2027, 2, 25)) in {(m.item, m.due_date) for m in ev.monitoring}


def test_onj_history_blocks_antiresorptives_and_romosozumab_with_dental_review():
    ev = run(woman(conditions=["onj_history"]))
    assert {d for d, why in avoided(ev).items() if "onj_history" in why} == BPS | {
        "denosumab",
        "romosozumab",
    }
    assert "dental_review" in alerts(ev)


def test_atypical_femoral_fracture_blocks_bisphosphonates_and_denosumab():
    ev = run(woman(conditions=["atypical_femoral_fracture_history"]))
    blocked = {d for d, why in avoided(ev).items() if "atypical_femoral_fracture_history" in why}
    assert blocked == BPS | {"denosumab"}


def test_invasive_dental_work_raises_dental_review_without_blocking():
    ev = run(woman(conditions=["invasive_dental_work_planned"]))
    assert "dental_review" in alerts(ev)
    assert set(avoided(ev)) == {"hrt"}  # age 68, menopause year unknown (A4 HRT row)


# --- course limits and allergies ----------------------------------------------------------


@pytest.mark.parametrize(("start", "blocked"), [("2025-11-25", True), ("2025-11-26", False)])
def test_pth_lifetime_limit_is_teriparatide_plus_abaloparatide(start, blocked):
    ev = run(
        woman(
            treatments=[
                {"drug": "teriparatide", "start_date": "2020-01-01", "end_date": "2021-01-01"},
                # 12 months of teriparatide + 12 months of abaloparatide (or one day less)
                {"drug": "abaloparatide", "start_date": start, "end_date": None},
            ]
        )
    )
    assert ({"teriparatide", "abaloparatide"} <= set(avoided(ev))) is blocked


@pytest.mark.parametrize(("doses", "blocked"), [(12, True), (11, False)])
def test_romosozumab_after_twelve_doses(doses, blocked):
    ev = run(
        woman(
            treatments=[
                {
                    "drug": "romosozumab",
                    "start_date": "2026-01-10",
                    "last_dose_date": "2026-11-10",
                    "doses_given": doses,
                    "end_date": "2026-11-10",
                }
            ]
        )
    )
    assert ("romosozumab" in avoided(ev)) is blocked


def test_allergies_block_the_named_drugs():
    ev = run(woman(allergies=["alendronate", "denosumab"]))
    assert {d for d, why in avoided(ev).items() if "allergy" in why} == {"alendronate", "denosumab"}
    assert "alendronate" not in option_drugs(ev)


# --- vitamin D ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "unit", "severity"),
    [
        (19.9, "ng/mL", "warning"),
        (11.9, "ng/mL", "urgent"),
        (12.0, "ng/mL", "warning"),
        (20.0, "ng/mL", None),
        (49.0, "nmol/L", "warning"),
        (29.0, "nmol/L", "urgent"),
        (50.0, "nmol/L", None),
    ],
)
def test_vitamin_d_thresholds_in_both_units(value, unit, severity):
    ev = run(woman(labs=[lab("vitamin_d_25oh", value, unit)]))
    assert alerts(ev).get("vitamin_d_insufficient") == severity


def test_low_vitamin_d_keeps_zoledronic_acid_and_denosumab_with_repletion_named():
    ev = run(woman(labs=[lab("vitamin_d_25oh", 14, "ng/mL")]))
    assert set(avoided(ev)) == {"hrt"}
    for option in ev.options:
        codes_ = {r.code for r in option.reasons}
        if {"zoledronic_acid", "denosumab"} & set(option.drugs):
            assert "vitamin_d_replete_first" in codes_
        else:
            assert "vitamin_d_replete_first" not in codes_
    assert ("vitamin_d_25oh", date(2027, 2, 25)) in {(m.item, m.due_date) for m in ev.monitoring}


# --- missing facts and the last resort ----------------------------------------------------


def test_missing_facts_never_exclude_a_drug_and_the_reasons_say_what_is_missing():
    ev = run(woman(55))
    assert not avoided(ev)
    first = {r.code for r in ev.options[0].reasons}
    assert {"missing_calcium", "missing_renal_function"} <= first


def test_calcitonin_only_when_every_other_drug_is_avoided():
    others = [
        "alendronate",
        "risedronate",
        "ibandronate",
        "zoledronic_acid",
        "denosumab",
        "teriparatide",
        "abaloparatide",
    ]
    ev = run(man(allergies=others))
    assert [(o.drugs, o.steps[0].months) for o in ev.options] == [(("calcitonin",), 1)]
    assert "calcitonin_last_resort" in alerts(ev)
    # one other drug left: no calcitonin, and that drug is not on the high list -> no option
    ev = run(man(allergies=others[:-1]))
    assert "calcitonin" not in option_drugs(ev)


def test_calcitonin_is_never_offered_when_no_drug_is_indicated():
    others = [d for d in codes.OSTEOPOROSIS_DRUGS if d not in ("calcitonin",)]
    data = {
        "sex": "female",
        "birth_date": "1958-03-14",
        "menopausal_status": "post",
        "allergies": others,
    }
    ev = run(data)
    assert ev.options == ()
