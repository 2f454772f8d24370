"""A6 options (naive patients), ACR-GIOP lists, switch alerts, and check_regimen."""

from datetime import date

import pytest

from osteodesk.core.decision import check_regimen, evaluate
from osteodesk.core.evaluation import Step
from osteodesk.core.record import parse_record

AS_OF = date(2026, 11, 25)
HIGH = {"dxa": [{"date": "2026-10-01", "femoral_neck_t": -2.8}]}
VERY_HIGH = {"dxa": [{"date": "2026-10-01", "femoral_neck_t": -2.8, "lumbar_spine_t": -3.2}]}
GC10 = {"glucocorticoid": {"dose_mg_per_day": 10, "start_date": "2026-05-01", "end_date": None}}


def woman(age: int = 68, **fields):
    data = {"sex": "female", "birth_date": f"{AS_OF.year - age}-03-14", "menopausal_status": "post"}
    return data | fields


def man(age: int = 70, **fields):
    return {"sex": "male", "birth_date": f"{AS_OF.year - age}-03-14"} | fields


def run(data, **kwargs):
    return parse_record(data, as_of=AS_OF), evaluate(
        parse_record(data, as_of=AS_OF), as_of=AS_OF, **kwargs
    )


def plan(ev):
    return [tuple((s.drug, s.months) for s in o.steps) for o in ev.options]


def first_drugs(ev):
    return [o.drugs[0] for o in ev.options]


def alert_codes(ev):
    return {a.code for a in ev.alerts}


# --- A6, governing framework ---------------------------------------------------------------


def test_very_high_postmenopausal_woman_starts_with_romosozumab():
    _, ev = run(woman(**VERY_HIGH))
    assert ev.risk.category == "very_high"
    assert plan(ev) == [
        (("romosozumab", 12), ("denosumab", None)),
        (("teriparatide", 24), ("denosumab", None)),
        (("abaloparatide", 24), ("denosumab", None)),
        (("zoledronic_acid", None),),
        (("denosumab", None),),
    ]
    assert "very_high_risk_anabolic_first" in {r.code for r in ev.options[0].reasons}


def test_very_high_man_starts_at_teriparatide():
    _, ev = run(man(**VERY_HIGH))
    assert first_drugs(ev) == ["teriparatide", "abaloparatide", "zoledronic_acid", "denosumab"]


def test_romosozumab_cv_exclusion_moves_teriparatide_first():
    _, ev = run(
        woman(**VERY_HIGH, events=[{"type": "myocardial_infarction", "date": "2026-03-25"}])
    )
    assert first_drugs(ev)[0] == "teriparatide"
    assert "romosozumab_cv_exclusion" in alert_codes(ev)


def test_premenopausal_very_high_starts_at_teriparatide_without_abaloparatide():
    _, ev = run(
        woman(
            35,
            menopausal_status="pre",
            fractures=[
                {"site": "vertebra", "date": "2026-06-01", "fragility": True},
            ],
        )
    )
    assert ev.risk.category == "very_high"
    assert first_drugs(ev) == ["teriparatide", "zoledronic_acid", "denosumab"]
    assert "secondary_cause_workup" in alert_codes(ev)


def test_follow_on_after_an_anabolic_falls_back_in_order():
    # denosumab allergy: zoledronic acid follows; all three avoided: the A5 order, then raloxifene
    _, ev = run(woman(**VERY_HIGH, allergies=["denosumab"]))
    assert ev.options[0].steps[1].drug == "zoledronic_acid"
    _, ev = run(woman(**VERY_HIGH, conditions=["atypical_femoral_fracture_history"]))
    assert plan(ev)[0] == (("romosozumab", 12), ("raloxifene", None))


def test_no_anabolic_without_an_antiresorptive_to_follow():
    _, ev = run(
        woman(
            **VERY_HIGH,
            conditions=["atypical_femoral_fracture_history"],
            events=[{"type": "vte", "date": "2010-01-01"}],
        )
    )
    # no bisphosphonate, denosumab, SERM or HRT: nothing can follow an anabolic
    assert ev.options == ()
    assert "no_suitable_option" in alert_codes(ev)


def test_high_list_order_with_ibandronate_last():
    _, ev = run(woman(**HIGH))
    assert first_drugs(ev) == [
        "alendronate",
        "risedronate",
        "zoledronic_acid",
        "denosumab",
        "ibandronate",
    ]
    assert "ibandronate_vertebral_only" in {r.code for r in ev.options[-1].reasons}


def test_raloxifene_only_with_breast_cancer_risk():
    _, ev = run(woman(**HIGH, conditions=["breast_cancer_high_risk"]))
    assert first_drugs(ev)[4] == "raloxifene"


@pytest.mark.parametrize(
    ("age", "menopause_year", "offered"),
    [(55, None, True), (62, 2019, True), (62, 2016, False), (61, None, False)],
)
def test_hrt_only_with_vasomotor_symptoms_young_or_recent_menopause(age, menopause_year, offered):
    fields = dict(HIGH, conditions=["vasomotor_symptoms"])
    if menopause_year:
        fields["menopause_year"] = menopause_year
    _, ev = run(woman(age, **fields))
    assert ("hrt" in first_drugs(ev)) is offered
    _, without = run(woman(age, **HIGH))
    assert "hrt" not in first_drugs(without)


def test_moderate_and_low_get_no_drug():
    _, moderate = run(woman(**{"dxa": [{"date": "2026-10-01", "femoral_neck_t": -2.0}]}))
    assert moderate.risk.category == "moderate"
    assert moderate.options == ()
    _, low = run(woman(**{"dxa": [{"date": "2026-10-01", "femoral_neck_t": -0.5}]}))
    assert low.risk.category == "low"
    assert low.options == ()
    assert {s.code for s in low.supportive} >= {"calcium_intake", "vitamin_d", "exercise"}


def test_a_fall_with_normal_bmd_is_listed_but_not_very_high():
    _, ev = run(woman(falls_past_year=3, dxa=[{"date": "2026-10-01", "femoral_neck_t": 0.2}]))
    assert ev.risk.category == "low"
    codes_ = [r.code for r in ev.risk.reasons]
    assert "high_fall_risk" in codes_
    assert "trigger_without_high_risk" in codes_
    assert "falls_assessment" in alert_codes(ev)


# --- ACR-GIOP -----------------------------------------------------------------------------


def test_acr_very_high_list_puts_pth_analogues_first():
    _, ev = run(
        woman(
            **GC10, **HIGH, fractures=[{"site": "wrist", "date": "2020-01-01", "fragility": True}]
        )
    )
    assert ev.risk.by_framework["acr_giop2022"] == "very_high"
    assert plan(ev) == [
        (("teriparatide", 24), ("alendronate", None)),
        (("abaloparatide", 24), ("alendronate", None)),
        (("alendronate", None),),
        (("risedronate", None),),
        (("zoledronic_acid", None),),
        (("denosumab", None),),
    ]
    assert "glucocorticoid_osteoporosis" in alert_codes(ev)


def test_acr_high_list_prefers_pth_or_denosumab():
    _, ev = run(woman(**GC10, **HIGH))
    assert ev.risk.category == "high"
    assert first_drugs(ev) == [
        "teriparatide",
        "abaloparatide",
        "denosumab",
        "alendronate",
        "risedronate",
        "zoledronic_acid",
    ]
    assert ev.options[0].steps[1].drug == "denosumab"


def test_acr_moderate_list_applies_to_the_final_category():
    _, ev = run(woman(**GC10, dxa=[{"date": "2026-10-01", "femoral_neck_t": -1.5}]))
    assert ev.risk.category == "moderate"
    assert first_drugs(ev) == [
        "alendronate",
        "risedronate",
        "denosumab",
        "teriparatide",
        "abaloparatide",
    ]


def test_case_seven_ra_on_prednisolone_is_acr_high():
    _, ev = run(
        woman(
            58,
            **GC10,
            conditions=["rheumatoid_arthritis"],
            dxa=[{"date": "2026-10-01", "femoral_neck_t": -2.0}],
            frax=[
                {
                    "date": "2026-10-01",
                    "major_osteoporotic_pct": 18.0,
                    "hip_pct": 2.1,
                    "with_bmd": True,
                    "glucocorticoid_ticked": True,
                }
            ],
        )
    )
    frax = ev.scores.frax_adjusted
    assert frax.major_osteoporotic_pct == pytest.approx(20.7)
    assert frax.hip_pct == pytest.approx(2.52)
    assert ev.risk.by_framework == {"cn2022": "high", "acr_giop2022": "high"}
    assert "romosozumab" not in first_drugs(ev)
    assert "raloxifene" not in first_drugs(ev)


def test_acr_romosozumab_and_raloxifene_only_when_the_list_is_avoided():
    allergies = [
        "alendronate",
        "risedronate",
        "zoledronic_acid",
        "denosumab",
        "teriparatide",
        "abaloparatide",
    ]
    _, ev = run(woman(**GC10, **HIGH, allergies=allergies))
    assert first_drugs(ev) == ["romosozumab", "raloxifene"]
    assert plan(ev)[0] == (("romosozumab", 12), ("raloxifene", None))
    assert "acr_giop_last_resort" in {r.code for r in ev.options[0].reasons}


def test_high_dose_glucocorticoids_are_acr_very_high():
    _, ev = run(
        woman(
            glucocorticoid={"dose_mg_per_day": 40, "start_date": "2026-10-01"},
            dxa=[{"date": "2026-10-01", "femoral_neck_t": -0.5}],
        )
    )
    assert ev.risk.category == "very_high"
    assert {"high_dose_glucocorticoid", "glucocorticoid_osteoporosis"} <= alert_codes(ev)
    assert first_drugs(ev)[0] == "teriparatide"


@pytest.mark.parametrize(("start", "high_dose"), [("2026-10-25", True), ("2026-10-26", False)])
def test_high_dose_means_more_than_30_days(start, high_dose):
    _, ev = run(woman(glucocorticoid={"dose_mg_per_day": 30, "start_date": start}))
    assert ("high_dose_glucocorticoid" in alert_codes(ev)) is high_dose


def test_acr_under_40_keeps_bisphosphonate_pth_or_denosumab_with_a_specialist_note():
    _, ev = run(
        woman(
            35,
            menopausal_status="pre",
            **GC10,
            fractures=[{"site": "wrist", "date": "2020-01-01", "fragility": True}],
        )
    )
    assert ev.risk.by_framework["acr_giop2022"] == "very_high"
    assert set(d for o in ev.options for d in o.drugs) <= {
        "alendronate",
        "risedronate",
        "ibandronate",
        "zoledronic_acid",
        "teriparatide",
        "abaloparatide",
        "denosumab",
    }
    assert all("young_adult_specialist_decision" in {r.code for r in o.reasons} for o in ev.options)
    assert "young_adult_specialist_decision" in {n.code for n in ev.notes}


def test_acr_does_not_apply_below_2_5_mg_or_after_the_course_ends():
    for course in (
        {"dose_mg_per_day": 2.4, "start_date": "2026-01-01"},
        {"dose_mg_per_day": 10, "start_date": "2025-01-01", "end_date": "2026-06-01"},
    ):
        _, ev = run(woman(**HIGH, glucocorticoid=course))
        assert "acr_giop2022" not in ev.risk.by_framework
        assert first_drugs(ev)[0] == "alendronate"


# --- frameworks ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("t", "framework", "category"),
    [
        (-3.0, "cn2022", "very_high"),
        (-3.0, "aace2020", "high"),  # strict < -3.0
        (-3.01, "aace2020", "very_high"),
        (-2.99, "cn2022", "high"),
    ],
)
def test_t_score_trigger_operators_by_framework(t, framework, category):
    _, ev = run(woman(dxa=[{"date": "2026-10-01", "femoral_neck_t": t}]), framework=framework)
    assert ev.framework == framework
    assert ev.risk.category == category


@pytest.mark.parametrize(
    ("day", "cn", "aace"),
    [
        ("2024-11-25", "very_high", "high"),
        ("2025-11-25", "very_high", "very_high"),
        ("2024-11-24", "high", "high"),
    ],
)
def test_recent_fracture_windows(day, cn, aace):
    data = woman(**HIGH, fractures=[{"site": "wrist", "date": day, "fragility": True}])
    assert run(data)[1].risk.category == cn
    assert run(data, framework="aace2020")[1].risk.category == aace


def test_unknown_framework_is_refused():
    with pytest.raises(ValueError, match="framework"):
        run(woman(), framework="nogg")


def test_settings_override_the_unconfirmed_defaults():
    from osteodesk.core.decision import RuleSettings

    data = woman(dxa=[{"date": "2026-10-01", "femoral_neck_t": -3.2}], falls_past_year=2)
    record = parse_record(data, as_of=AS_OF)
    strict = RuleSettings(cn2022_very_high_t_score=-3.5, falls_high_risk_proxy=3)
    assert evaluate(record, as_of=AS_OF).risk.category == "very_high"
    assert evaluate(record, as_of=AS_OF, settings=strict).risk.category == "high"


def test_teriparatide_product_override_shortens_the_course():
    from osteodesk.core.decision import RuleSettings

    data = woman(
        **VERY_HIGH,
        treatments=[{"drug": "teriparatide", "start_date": "2025-11-25", "product": "Brand18"}],
    )
    record = parse_record(data, as_of=AS_OF)
    settings = RuleSettings(teriparatide_product_months={"brand18": 18})
    ev = evaluate(record, as_of=AS_OF, settings=settings)
    assert ev.options[0].steps[0].months == 6
    assert evaluate(record, as_of=AS_OF).options[0].steps[0].months == 12


# --- rheumatology -------------------------------------------------------------------------


def test_biologics_are_information_only_and_never_change_the_category():
    base = woman(**HIGH)
    _, plain = run(base)
    _, with_jak = run(
        base
        | {
            "biologics": [
                {"drug": "tofacitinib", "start_date": "2024-01-01"},
                {"drug": "adalimumab", "start_date": "2020-01-01", "end_date": "2023-01-01"},
            ]
        }
    )
    assert with_jak.risk == plain.risk
    assert with_jak.options == plain.options
    severities = {a.code: a.severity for a in with_jak.alerts}
    assert severities["biologic_not_bone_therapy"] == "info"
    assert severities["jak_inhibitor_fracture_signal"] == "info"
    notes = {n.code: n.source for n in with_jak.notes}
    assert {"biologic_jak", "biologic_tnf", "inflammation_control_base"} <= set(notes)
    assert "[6]" in notes["biologic_jak"]
    assert "[5]" in notes["biologic_tnf"]


def test_non_jak_biologic_has_no_fracture_signal_alert():
    _, ev = run(woman(**HIGH, biologics=[{"drug": "tocilizumab", "start_date": "2024-01-01"}]))
    assert "biologic_not_bone_therapy" in alert_codes(ev)
    assert "jak_inhibitor_fracture_signal" not in alert_codes(ev)
    assert "biologic_il6" in {n.code for n in ev.notes}


# --- check_regimen ------------------------------------------------------------------------


def test_check_regimen_accepts_the_engines_own_options():
    record, ev = run(woman(**VERY_HIGH))
    for option in ev.options:
        assert check_regimen(ev, record, option.steps) == ()


def test_check_regimen_warns_about_an_avoided_step_with_its_reasons():
    record, ev = run(woman(**HIGH, conditions=["esophageal_disorder"]))
    warnings = check_regimen(ev, record, [Step("alendronate")])
    codes_ = [w.code for w in warnings]
    assert codes_[0] == "regimen_avoided_drug"
    assert "esophageal_disorder" in codes_


def test_check_regimen_wants_an_antiresorptive_after_an_anabolic():
    record, ev = run(woman(**VERY_HIGH))
    assert [w.code for w in check_regimen(ev, record, [Step("teriparatide", 24)])] == [
        "regimen_anabolic_without_antiresorptive"
    ]
    assert check_regimen(ev, record, [Step("teriparatide", 24), Step("denosumab")]) == ()


def test_check_regimen_refuses_a_bisphosphonate_with_a_pth_analogue():
    record, ev = run(woman(**VERY_HIGH))
    together = [Step("teriparatide", 24, AS_OF), Step("alendronate", None, AS_OF)]
    assert "regimen_bisphosphonate_with_pth" in {
        w.code for w in check_regimen(ev, record, together)
    }
    overlapping = [
        Step("alendronate", 12, AS_OF),
        Step("teriparatide", 24, date(2027, 6, 1)),
        Step("denosumab"),
    ]
    assert "regimen_bisphosphonate_with_pth" in {
        w.code for w in check_regimen(ev, record, overlapping)
    }


def test_check_regimen_limits():
    record, ev = run(
        woman(
            **VERY_HIGH,
            treatments=[
                {"drug": "teriparatide", "start_date": "2020-01-01", "end_date": "2021-01-01"}
            ],
        )
    )
    assert {
        w.code for w in check_regimen(ev, record, [Step("abaloparatide", 13), Step("denosumab")])
    } == {"regimen_exceeds_pth_limit"}
    assert check_regimen(ev, record, [Step("abaloparatide", 12), Step("denosumab")]) == ()
    assert {
        w.code for w in check_regimen(ev, record, [Step("romosozumab", 13), Step("denosumab")])
    } == {"regimen_exceeds_romosozumab_limit"}
    assert {w.code for w in check_regimen(ev, record, [Step("calcitonin", 3)])} == {
        "regimen_calcitonin_beyond_one_month"
    }


def test_rule_settings_are_hashable_and_fold_product_names():
    from osteodesk.core.decision import RuleSettings

    settings = RuleSettings(teriparatide_product_months={"Brand-18": 18})
    assert hash(settings) == hash(RuleSettings(teriparatide_product_months={"Brand-18": 18}))
    assert settings.pth_limit_months(("brand 18",)) == 18
    assert settings.pth_limit_months(("Forteo",)) == 24
    assert RuleSettings().lsc("lumbar_spine") == 0.03
    assert RuleSettings().lsc("total_hip") is None
