"""A2 scores: OSTA/OST, FRAX adjustments, Cockcroft-Gault with the eGFR stand-in; constants."""

from datetime import date

import pytest

from osteodesk.core import constants
from osteodesk.core.decision import evaluate
from osteodesk.core.decision.scores import cockcroft_gault, ost_band_men, osta, osta_band
from osteodesk.core.evaluation import evaluation_to_json
from osteodesk.core.record import parse_record

AS_OF = date(2026, 11, 25)


def woman(age: int = 68, **fields):
    data = {"sex": "female", "birth_date": f"{AS_OF.year - age}-03-14", "menopausal_status": "post"}
    return data | fields


def man(age: int = 70, **fields):
    return {"sex": "male", "birth_date": f"{AS_OF.year - age}-03-14"} | fields


def run(data, **kwargs):
    return evaluate(parse_record(data, as_of=AS_OF), as_of=AS_OF, **kwargs)


def lab(test, value, unit, day="2026-11-01"):
    return {"date": day, "test": test, "value": value, "unit": unit}


# --- OSTA / OST --------------------------------------------------------------------------


def test_osta_is_exact_and_unrounded():
    assert osta(48.0, 72) == -4.8
    assert osta(55.5, 60) == -0.9
    ev = run(woman(72, weight_kg=48.0))
    assert ev.scores.osta == -4.8
    assert evaluation_to_json(ev)["scores"]["osta"] == -4.8


@pytest.mark.parametrize(
    ("score", "band"),
    [(-0.8, "low"), (-1.0, "moderate"), (-1.2, "moderate"), (-4.0, "moderate"), (-4.2, "high")],
)
def test_osta_bands_at_both_boundaries(score, band):
    assert osta_band(score) == band


@pytest.mark.parametrize(
    ("score", "band"),
    [
        (4.0, "low"),
        (3.6, "moderate"),
        (3.0, "moderate"),
        (-1.0, "moderate"),
        (-1.4, "high"),
        (-2.0, "high"),
    ],
)
def test_ost_bands_for_men(score, band):
    assert ost_band_men(score) == band


def test_men_get_the_ost_band_shown_only():
    ev = run(man(70, weight_kg=72.0))
    assert ev.scores.osta is None
    assert ev.scores.ost == 0.4
    assert ev.scores.ost_band == "moderate"
    assert "ost_men_shown_only" in {n.code for n in ev.notes}
    assert ev.risk.category == "low"  # OST never sets a category


def test_osta_never_sets_high_and_refers_for_dxa():
    ev = run(woman(80, weight_kg=45.0))  # OSTA -7: high band
    assert ev.scores.ost_band == "high"
    assert ev.risk.category == "moderate"
    assert ev.options == ()
    assert "screening_only_refer_dxa" in {a.code for a in ev.alerts}
    dxa = [m for m in ev.monitoring if m.item == "dxa"]
    assert dxa
    assert dxa[0].due_date == AS_OF


def test_osta_above_minus_one_without_dxa_is_low():
    ev = run(woman(60, weight_kg=60.0))  # OSTA 0
    assert ev.risk.category == "low"
    assert "screening_only_refer_dxa" not in {a.code for a in ev.alerts}


# --- Cockcroft-Gault ---------------------------------------------------------------------


def test_cockcroft_gault_in_both_units():
    female = cockcroft_gault(age=80, weight_kg=60, creatinine=1.0, unit="mg/dL", female=True)
    assert female == pytest.approx(42.5)
    assert cockcroft_gault(age=80, weight_kg=60, creatinine=88.4, unit="umol/L", female=True) == (
        pytest.approx(42.5)
    )
    assert cockcroft_gault(age=80, weight_kg=60, creatinine=1.0, unit="mg/dL", female=False) == (
        pytest.approx(50.0)
    )


def test_crcl_uses_the_latest_creatinine_and_actual_weight():
    data = woman(
        80,
        weight_kg=60.0,
        labs=[lab("creatinine", 2.0, "mg/dL", "2025-01-01"), lab("creatinine", 88.4, "µmol/L")],
    )
    ev = run(data)
    assert ev.scores.crcl_ml_min == pytest.approx(42.5)


def test_egfr_stands_in_when_weight_is_missing_and_the_reason_says_so():
    ev = run(woman(80, labs=[lab("creatinine", 1.0, "mg/dL"), lab("egfr", 33, "mL/min/1.73m2")]))
    assert ev.scores.crcl_ml_min is None
    avoid = {a.drug: a for a in ev.avoid}
    assert "alendronate" in avoid
    assert "risedronate" not in avoid
    why = avoid["alendronate"].reasons[0]
    assert why.code == "egfr_below_limit_no_crcl"
    assert why.params["missing"] == "weight"
    assert "renal_measure_egfr_stand_in" in {n.code for n in ev.notes}


def test_without_creatinine_or_egfr_no_renal_gate_and_renal_function_due_now():
    ev = run(woman(80, weight_kg=50.0))
    assert not any(r.code.startswith(("crcl", "egfr")) for a in ev.avoid for r in a.reasons)
    assert ("renal_function", AS_OF) in {(m.item, m.due_date) for m in ev.monitoring}


# --- FRAX ---------------------------------------------------------------------------------


def frax_case(dose, *, ticked=True, mof=20.0, hip=2.0, course="current", ls=None, fn=None):
    data = woman(60)
    data["frax"] = [
        {"date": "2026-10-01", "major_osteoporotic_pct": mof, "hip_pct": hip, "with_bmd": True}
        | ({"glucocorticoid_ticked": ticked} if ticked is not None else {})
    ]
    if dose is not None:
        item = {"dose_mg_per_day": dose, "start_date": "2026-01-01", "end_date": None}
        if course == "current":
            data["glucocorticoid"] = item
        else:
            data["glucocorticoid_past"] = [item | {"end_date": "2026-10-15"}]
    if ls is not None:
        data["dxa"] = [{"date": "2026-10-01", "lumbar_spine_t": ls, "femoral_neck_t": fn}]
    return run(data).scores.frax_adjusted


@pytest.mark.parametrize(
    ("dose", "mof", "hip", "adjusted"),
    [
        (10.0, 23.0, 2.4, True),
        (7.6, 23.0, 2.4, True),
        (7.5, 20.0, 2.0, False),  # 7.5 itself: unchanged (2.5-7.5 inclusive)
        (2.5, 20.0, 2.0, False),
        (2.4, 16.0, 1.3, True),  # low dose: MOF x 0.80, hip x 0.65
    ],
)
def test_glucocorticoid_dose_adjustment_boundaries(dose, mof, hip, adjusted):
    result = frax_case(dose)
    assert result.major_osteoporotic_pct == pytest.approx(mof)
    assert result.hip_pct == pytest.approx(hip)
    assert ("glucocorticoid_dose" in result.adjustments) is adjusted


def test_glucocorticoid_adjustment_only_with_the_box_ticked():
    assert frax_case(10.0, ticked=False).adjustments == ()
    assert frax_case(10.0, ticked=None).adjustments == ()


def test_glucocorticoid_dose_on_the_frax_date_comes_from_a_past_course():
    result = frax_case(10.0, course="past")
    assert result.adjustments == ("glucocorticoid_dose",)


def test_ticked_frax_without_a_known_dose_is_unchanged_and_noted():
    ev = run(
        woman(
            60,
            frax=[
                {
                    "date": "2026-10-01",
                    "major_osteoporotic_pct": 20.0,
                    "glucocorticoid_ticked": True,
                }
            ],
        )
    )
    assert ev.scores.frax_adjusted.major_osteoporotic_pct == 20.0
    assert "frax_glucocorticoid_dose_unknown" in {n.code for n in ev.notes}


@pytest.mark.parametrize(
    ("ls", "fn", "factor"),
    [
        (-3.5, -1.0, 1.3),  # offset 2.5 rounds half away from zero to 3
        (-3.1, -2.6, 1.1),  # 0.5 -> 1
        (-2.4, -2.0, 1.0),  # 0.4 -> 0: nothing added
        (-1.0, -2.0, 1.0),  # LS above FN: no downward adjustment
        (-3.0, -1.6, 1.1),  # 1.4 -> 1
    ],
)
def test_leslie_offset_is_rounded_half_away_from_zero(ls, fn, factor):
    result = frax_case(None, ticked=None, mof=15.0, hip=2.0, ls=ls, fn=fn)
    assert result.major_osteoporotic_pct == pytest.approx(15.0 * factor)
    assert result.hip_pct == 2.0  # hip never adjusted
    assert ("lumbar_spine_offset" in result.adjustments) is (factor != 1.0)


def test_leslie_offset_only_for_a_frax_with_bmd():
    data = woman(
        60,
        dxa=[{"date": "2026-10-01", "lumbar_spine_t": -3.5, "femoral_neck_t": -1.0}],
        frax=[{"date": "2026-10-01", "major_osteoporotic_pct": 15.0, "with_bmd": False}],
    )
    assert run(data).scores.frax_adjusted.adjustments == ()


def test_both_adjustments_are_flagged_not_validated():
    result = frax_case(10.0, mof=20.0, hip=2.0, ls=-3.1, fn=-2.6)
    assert result.adjustments == (
        "glucocorticoid_dose",
        "lumbar_spine_offset",
        "combined_not_validated",
    )
    assert result.major_osteoporotic_pct == pytest.approx(20.0 * 1.15 * 1.1)


def test_exact_products_decide_strict_thresholds():
    # hip 3.75 x 1.20 = 4.5 exactly: not above 4.5, so no FRAX very-high trigger
    result = frax_case(10.0, mof=10.0, hip=3.75)
    assert result.hip_pct == 4.5


def test_the_latest_frax_is_used():
    ev = run(
        woman(
            60,
            frax=[
                {"date": "2026-10-01", "major_osteoporotic_pct": 12.0},
                {"date": "2025-10-01", "major_osteoporotic_pct": 40.0},
            ],
        )
    )
    assert ev.scores.frax_adjusted.major_osteoporotic_pct == 12.0


# --- the constants table ------------------------------------------------------------------


def test_every_constant_has_a_unit_source_and_tag():
    assert constants.REGISTRY
    for name, entry in constants.REGISTRY.items():
        assert entry.tag in ("C", "S", "U"), name
        assert entry.source.strip(), name
        assert entry.unit.strip(), name
        assert getattr(constants, name) == entry.value, name


def test_every_numeric_module_constant_is_registered():
    for name in dir(constants):
        value = getattr(constants, name)
        if name.isupper() and isinstance(value, int | float) and not isinstance(value, bool):
            assert name in constants.REGISTRY, name


def test_unconfirmed_rules_are_the_overridable_settings():
    from osteodesk.core.decision import RuleSettings

    defaults = RuleSettings()
    assert defaults.cn2022_very_high_t_score == constants.CN2022_VERY_HIGH_T_SCORE == -3.0
    assert defaults.falls_high_risk_proxy == constants.FALLS_HIGH_RISK_PROXY == 2
    assert defaults.lsc_lumbar_spine == 0.03
    assert defaults.lsc_total_hip is None
    assert defaults.teriparatide_lifetime_months == 24
    unconfirmed = {n for n, c in constants.REGISTRY.items() if c.tag == "U"}
    assert unconfirmed == {
        "CN2022_VERY_HIGH_T_SCORE",
        "FALLS_HIGH_RISK_PROXY",
        "PTH_LIFETIME_MONTHS",
        "LSC_LUMBAR_SPINE_G_CM2",
    }


def test_every_alert_code_has_a_severity():
    from osteodesk.core.decision.reasons import ALERT_SOURCES

    assert set(ALERT_SOURCES) == set(constants.ALERT_SEVERITY)
    assert set(constants.ALERT_SEVERITY.values()) <= {"urgent", "warning", "info"}
