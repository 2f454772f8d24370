"""A5 treatment state: detection, course limits, reviews, denosumab dates, fracture on treatment."""

from datetime import date

import pytest

from osteodesk.core.decision import evaluate
from osteodesk.core.record import parse_record

AS_OF = date(2026, 11, 25)
LOW_T = {"dxa": [{"date": "2026-10-01", "femoral_neck_t": -2.8}]}  # high risk, no trigger
MILD_T = {"dxa": [{"date": "2026-10-01", "femoral_neck_t": -2.1, "lumbar_spine_t": -2.0}]}


def woman(age: int = 68, **fields):
    data = {"sex": "female", "birth_date": f"{AS_OF.year - age}-03-14", "menopausal_status": "post"}
    return data | LOW_T | fields


def run(data, **kwargs):
    return evaluate(parse_record(data, as_of=AS_OF), as_of=AS_OF, **kwargs)


def drugs(ev):
    return [o.drugs for o in ev.options]


def alert(ev, code):
    found = [a for a in ev.alerts if a.code == code]
    return found[0] if found else None


def due(ev, item):
    return sorted(m.due_date for m in ev.monitoring if m.item == item)


def rx(drug, start, end=None, **extra):
    return {"drug": drug, "start_date": start, "end_date": end} | extra


def test_no_drug_on_record_is_naive():
    assert run(woman()).treatment_state == "naive"


# --- bisphosphonates ----------------------------------------------------------------------


def test_before_the_review_point_the_bisphosphonate_continues():
    ev = run(woman(treatments=[rx("alendronate", "2021-11-26")]))  # one day short of 5 years
    assert ev.treatment_state == "on_bisphosphonate"
    assert drugs(ev) == [("alendronate",)]
    assert alert(ev, "bisphosphonate_review_due") is None
    assert due(ev, "risk_reassessment") == [date(2026, 11, 26)]


def test_at_five_years_of_oral_bisphosphonate_a_low_risk_patient_takes_a_holiday():
    ev = run(woman(**MILD_T, treatments=[rx("alendronate", "2021-11-25")]))
    assert ev.treatment_state == "on_bisphosphonate"
    review = alert(ev, "bisphosphonate_review_due")
    assert review is not None
    assert review.due_date == date(2026, 11, 25)
    assert ev.options == ()
    assert due(ev, "risk_reassessment") == [date(2028, 11, 25)]
    assert due(ev, "dxa") == [date(2028, 11, 25)]
    assert "bisphosphonate_holiday" in {n.code for n in ev.notes}


def test_zoledronic_acid_review_point_is_three_years():
    early = run(
        woman(
            **MILD_T, treatments=[rx("zoledronic_acid", "2023-11-26", last_dose_date="2025-11-26")]
        )
    )
    assert drugs(early) == [("zoledronic_acid",)]
    review = run(
        woman(
            **MILD_T, treatments=[rx("zoledronic_acid", "2023-11-25", last_dose_date="2025-11-25")]
        )
    )
    assert review.options == ()
    assert alert(review, "bisphosphonate_review_due") is not None


@pytest.mark.parametrize(
    ("extra", "exception"),
    [
        ({"dxa": [{"date": "2026-10-01", "total_hip_t": -2.5}]}, "holiday_exception_hip_t_score"),
        ({"birth_date": "1951-03-14"}, "holiday_exception_age"),  # 75
        (
            {"glucocorticoid": {"dose_mg_per_day": 7.5, "start_date": "2026-01-01"}},
            "holiday_exception_glucocorticoid",
        ),
        ({"falls_past_year": 2}, "holiday_exception_very_high_trigger"),
        (
            {"dxa": [{"date": "2026-10-01", "lumbar_spine_t": -3.0}]},
            "holiday_exception_very_high_trigger",
        ),
    ],
)
def test_holiday_exceptions_continue_the_bisphosphonate(extra, exception):
    ev = run(woman(**(MILD_T | extra), treatments=[rx("alendronate", "2021-11-25")]))
    assert drugs(ev) == [("alendronate",)]
    assert exception in {r.code for r in ev.options[0].reasons}
    assert alert(ev, "bisphosphonate_review_due") is not None


def test_holiday_exception_boundaries_do_not_continue():
    for extra in (
        {"dxa": [{"date": "2026-10-01", "total_hip_t": -2.4}]},
        {"birth_date": "1951-11-26"},  # 74 until tomorrow
        {"glucocorticoid": {"dose_mg_per_day": 7.4, "start_date": "2026-01-01"}},
        {"falls_past_year": 1},
    ):
        ev = run(woman(**(MILD_T | extra), treatments=[rx("alendronate", "2021-11-25")]))
        assert ev.options == (), extra


def test_the_review_repeats_every_two_years_while_continued():
    ev = run(woman(80, treatments=[rx("alendronate", "2019-06-01")]))  # 7.5 years
    review = alert(ev, "bisphosphonate_review_due")
    assert review is not None
    assert review.due_date == date(2026, 6, 1)
    assert due(ev, "risk_reassessment") == [date(2028, 6, 1)]


def test_at_ten_years_oral_the_bisphosphonate_changes_class():
    ev = run(woman(80, treatments=[rx("alendronate", "2016-11-25")]))
    assert ev.options
    assert not any(
        d in ("alendronate", "risedronate", "ibandronate", "zoledronic_acid")
        for o in ev.options
        for d in o.drugs
    )
    assert "bisphosphonate_max_duration_reached" in {r.code for r in ev.options[0].reasons}


def test_review_time_adds_every_bisphosphonate_record():
    ev = run(
        woman(
            **MILD_T,
            treatments=[
                rx("alendronate", "2018-01-01", "2021-01-01"),
                rx("risedronate", "2024-11-25"),
            ],
        )
    )
    assert alert(ev, "bisphosphonate_review_due") is not None  # 3 + 2 years


def test_a_bisphosphonate_ended_after_its_review_point_is_a_holiday():
    ev = run(woman(**MILD_T, treatments=[rx("alendronate", "2018-01-10", "2024-01-10")]))
    assert ev.treatment_state == "bisphosphonate_holiday"
    assert ev.options == ()
    assert due(ev, "risk_reassessment") == [date(2026, 1, 10)]
    assert due(ev, "dxa") == [date(2026, 1, 10)]


def test_a_new_fracture_restarts_treatment_after_a_holiday():
    ev = run(
        woman(
            **MILD_T,
            treatments=[rx("alendronate", "2018-01-10", "2024-01-10")],
            fractures=[{"site": "wrist", "date": "2026-05-01", "fragility": True}],
        )
    )
    assert ev.treatment_state == "bisphosphonate_holiday"
    assert ev.options
    codes_ = {r.code for r in ev.options[0].reasons}
    assert {"holiday_restart", "restart_new_fracture"} <= codes_


def test_age_75_restarts_by_a6_only_when_a6_gives_a_drug():
    high = run(woman(76, treatments=[rx("alendronate", "2018-01-10", "2024-01-10")]))
    assert high.options
    assert "restart_age" in {r.code for r in high.options[0].reasons}
    moderate = run(woman(76, **MILD_T, treatments=[rx("alendronate", "2018-01-10", "2024-01-10")]))
    assert moderate.options == ()


def test_a_bisphosphonate_stopped_before_its_review_point_is_other():
    ev = run(woman(treatments=[rx("alendronate", "2022-01-10", "2024-01-10")]))
    assert ev.treatment_state == "other"
    assert drugs(ev)[0] == ("alendronate",)
    assert "previous_treatment_ended" in {r.code for r in ev.options[0].reasons}


# --- denosumab ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("last", "code"),
    [
        ("2026-06-24", None),  # next dose 2026-12-24: 28 days before it is tomorrow
        ("2026-06-23", "denosumab_dose_due"),  # exactly 28 days before the dose
        ("2026-04-25", "denosumab_dose_due"),  # exactly 7 months: not yet late
        ("2026-04-24", "denosumab_dose_late"),  # more than 7 months
    ],
)
def test_denosumab_dose_alerts(last, code):
    ev = run(woman(treatments=[rx("denosumab", "2020-01-10", last_dose_date=last)]))
    assert ev.treatment_state == "on_denosumab"
    found = {a.code for a in ev.alerts} & {"denosumab_dose_due", "denosumab_dose_late"}
    assert found == ({code} if code else set())
    if code == "denosumab_dose_late":
        assert alert(ev, code).severity == "urgent"
        assert "denosumab_give_now" in {r.code for r in ev.options[0].reasons}
    assert drugs(ev) == [("denosumab",)]


def test_denosumab_next_dose_date_is_last_dose_plus_six_months():
    ev = run(woman(treatments=[rx("denosumab", "2020-01-10", last_dose_date="2026-06-10")]))
    assert alert(ev, "denosumab_dose_due").due_date == date(2026, 12, 10)
    assert ev.options[0].steps[0].start_date == date(2026, 12, 10)


def test_denosumab_never_takes_a_holiday():
    ev = run(
        woman(**MILD_T, treatments=[rx("denosumab", "2014-01-10", last_dose_date="2026-09-01")])
    )
    assert drugs(ev) == [("denosumab",)]


@pytest.mark.parametrize("planned", [False, True])
def test_stopping_denosumab_needs_zoledronic_acid_six_months_after_the_last_dose(planned):
    treatment = rx("denosumab", "2020-01-10", last_dose_date="2026-09-01")
    if planned:
        treatment |= {"planned_stop": True, "end_date": "2027-03-01"}
    else:
        treatment |= {"end_date": "2026-10-01"}
    ev = run(woman(**MILD_T, treatments=[treatment]))
    assert ev.treatment_state == "denosumab_stopped"
    transition = alert(ev, "denosumab_transition_required")
    assert transition.due_date == date(2027, 3, 1)
    assert drugs(ev) == [("zoledronic_acid",), ("alendronate",), ("risedronate",)]
    assert ev.options[0].steps[0].start_date == date(2027, 3, 1)


def test_stopped_denosumab_is_never_left_without_an_option():
    # CrCl < 30 rules out every bisphosphonate: resume denosumab rather than nothing
    ev = run(
        woman(
            80,
            weight_kg=50.0,
            labs=[{"date": "2026-11-01", "test": "creatinine", "value": 2.0, "unit": "mg/dL"}],
            treatments=[rx("denosumab", "2020-01-10", "2026-10-01", last_dose_date="2026-04-01")],
        )
    )
    assert ev.treatment_state == "denosumab_stopped"
    assert drugs(ev) == [("denosumab",)]
    assert "denosumab_no_follow_on" in {r.code for r in ev.options[0].reasons}


def test_a_late_transition_is_dated_now():
    ev = run(
        woman(treatments=[rx("denosumab", "2020-01-10", "2026-01-01", last_dose_date="2025-12-01")])
    )
    assert alert(ev, "denosumab_transition_required").due_date == date(2026, 6, 1)
    assert ev.options[0].steps[0].start_date == AS_OF


# --- anabolics ----------------------------------------------------------------------------


def test_mid_course_teriparatide_finishes_then_an_antiresorptive():
    ev = run(woman(treatments=[rx("teriparatide", "2026-01-25")]))
    assert ev.treatment_state == "on_anabolic"
    assert [(o.steps[0].drug, o.steps[0].months, o.steps[1].drug) for o in ev.options] == [
        ("teriparatide", 14, "alendronate"),
        ("teriparatide", 14, "risedronate"),
        ("teriparatide", 14, "zoledronic_acid"),
        ("teriparatide", 14, "denosumab"),
    ]
    assert alert(ev, "anabolic_course_ending") is None


@pytest.mark.parametrize(
    ("start", "ending"), [("2024-11-25", False), ("2025-02-25", True), ("2025-02-26", False)]
)
def test_anabolic_course_ending_within_three_months_of_the_limit(start, ending):
    ev = run(woman(treatments=[rx("teriparatide", start)]))
    found = alert(ev, "anabolic_course_ending")
    assert (found is not None) is ending
    if ending:
        assert found.due_date == date(2027, 2, 25)
        assert ev.options[0].steps[0].months == 3


def test_teriparatide_at_its_limit_is_post_anabolic():
    ev = run(woman(treatments=[rx("teriparatide", "2024-11-25")]))
    assert ev.treatment_state == "post_anabolic"
    assert drugs(ev) == [("alendronate",), ("risedronate",), ("zoledronic_acid",), ("denosumab",)]
    assert alert(ev, "anabolic_course_complete") is not None
    assert {"teriparatide", "abaloparatide"} <= {a.drug for a in ev.avoid}


def test_an_ended_anabolic_course_is_post_anabolic_whatever_its_length():
    ev = run(woman(treatments=[rx("abaloparatide", "2025-01-01", "2026-07-01")]))
    assert ev.treatment_state == "post_anabolic"
    assert drugs(ev)[0] == ("alendronate",)


def test_post_anabolic_raloxifene_only_when_every_antiresorptive_is_avoided():
    ev = run(
        woman(
            allergies=["alendronate", "risedronate", "zoledronic_acid", "denosumab"],
            treatments=[rx("teriparatide", "2024-01-01", "2026-01-01")],
        )
    )
    assert drugs(ev) == [("raloxifene",)]
    assert "raloxifene_only_if_all_avoided" in {r.code for r in ev.options[0].reasons}


@pytest.mark.parametrize(("doses", "ending"), [(8, False), (9, True)])
def test_romosozumab_course_ending_from_nine_doses(doses, ending):
    ev = run(
        woman(
            treatments=[
                rx("romosozumab", "2026-03-01", last_dose_date="2026-11-01", doses_given=doses)
            ]
        )
    )
    assert ev.treatment_state == "on_anabolic"
    assert (alert(ev, "anabolic_course_ending") is not None) is ending
    assert ev.options[0].steps[0].months == 12 - doses


def test_romosozumab_after_twelve_doses_is_post_anabolic():
    ev = run(
        woman(
            treatments=[
                rx("romosozumab", "2025-12-20", last_dose_date="2026-11-20", doses_given=12)
            ]
        )
    )
    assert ev.treatment_state == "post_anabolic"


# --- SERM and HRT -------------------------------------------------------------------------


def test_serm_continues_when_not_high_risk():
    ev = run(woman(**MILD_T, treatments=[rx("raloxifene", "2024-01-01")]))
    assert ev.treatment_state == "on_serm"
    assert drugs(ev) == [("raloxifene",)]


def test_serm_at_high_risk_moves_to_a6_with_the_current_drug_last():
    ev = run(woman(treatments=[rx("raloxifene", "2024-01-01")]))
    assert drugs(ev)[0] == ("alendronate",)
    assert drugs(ev)[-1] == ("raloxifene",)
    assert "current_drug_last" in {r.code for r in ev.options[-1].reasons}


def test_hrt_is_its_own_state():
    ev = run(woman(55, **MILD_T, treatments=[rx("hrt", "2022-01-01")]))
    assert ev.treatment_state == "on_hrt"
    assert drugs(ev) == [("hrt",)]


# --- fracture on treatment ----------------------------------------------------------------


def test_case_ten_fracture_on_alendronate_changes_class():
    ev = run(
        woman(
            69,
            dxa=[{"date": "2026-10-01", "femoral_neck_t": -2.7}],
            treatments=[rx("alendronate", "2020-11-01")],
            fractures=[{"site": "vertebra", "date": "2026-01-25", "fragility": True}],
        )
    )
    assert ev.risk.category == "very_high"
    first_drugs = [o.drugs[0] for o in ev.options]
    assert first_drugs[:3] == ["teriparatide", "abaloparatide", "romosozumab"]
    assert "denosumab" in first_drugs
    assert "alendronate" not in first_drugs
    for option in ev.options:
        assert "fracture_on_treatment_change_class" in {r.code for r in option.reasons}
    assert alert(ev, "fracture_on_treatment") is not None
    assert alert(ev, "prior_bisphosphonate_blunts_anabolic") is not None


def test_fracture_in_the_first_year_continues_with_an_adherence_check():
    ev = run(
        woman(
            treatments=[rx("alendronate", "2026-01-01")],
            fractures=[{"site": "wrist", "date": "2026-09-01", "fragility": True}],
        )
    )
    assert drugs(ev) == [("alendronate",)]
    assert "fracture_on_treatment_check_adherence" in {r.code for r in ev.options[0].reasons}


@pytest.mark.parametrize(
    ("drug", "last", "fracture", "on_treatment"),
    [
        ("denosumab", "2025-06-10", "2026-01-10", True),  # last dose + 7 months
        ("denosumab", "2025-06-10", "2026-01-11", False),
        ("zoledronic_acid", "2025-06-10", "2026-06-10", True),  # + 12 months
        ("zoledronic_acid", "2025-06-10", "2026-06-11", False),
        ("romosozumab", "2025-06-10", "2025-07-10", True),  # + 1 month
        ("romosozumab", "2025-06-10", "2025-07-11", False),
    ],
)
def test_fracture_on_treatment_windows_after_the_last_dose(drug, last, fracture, on_treatment):
    ev = run(
        woman(
            treatments=[rx(drug, "2024-06-10", "2025-06-10", last_dose_date=last)],
            fractures=[{"site": "rib", "date": fracture}],
        )
    )
    assert (alert(ev, "fracture_on_treatment") is not None) is on_treatment


def test_oral_drugs_are_active_until_their_end_date():
    base = woman(treatments=[rx("risedronate", "2022-01-01", "2025-01-01")])
    inside = run(base | {"fractures": [{"site": "hip", "date": "2025-01-01"}]})
    after = run(base | {"fractures": [{"site": "hip", "date": "2025-01-02"}]})
    assert alert(inside, "fracture_on_treatment") is not None
    assert alert(after, "fracture_on_treatment") is None


def test_fracture_on_denosumab_switches_when_the_next_dose_falls_due():
    ev = run(
        woman(
            treatments=[rx("denosumab", "2022-01-10", last_dose_date="2026-09-10")],
            fractures=[{"site": "vertebra", "date": "2026-10-01", "fragility": True}],
        )
    )
    assert [o.drugs for o in ev.options] == [
        ("romosozumab", "denosumab"),
        ("teriparatide", "denosumab"),
        ("abaloparatide", "denosumab"),
    ]
    assert all(o.steps[0].start_date == date(2027, 3, 10) for o in ev.options)
    assert alert(ev, "denosumab_to_pth_hip_loss") is not None


def test_fracture_on_a_serm_goes_to_the_very_high_list():
    ev = run(
        woman(
            treatments=[rx("raloxifene", "2020-01-01")],
            fractures=[{"site": "vertebra", "date": "2026-10-01", "fragility": True}],
        )
    )
    assert [o.drugs[0] for o in ev.options] == [
        "romosozumab",
        "teriparatide",
        "abaloparatide",
        "zoledronic_acid",
        "denosumab",
    ]


def test_fracture_after_a_year_of_teriparatide_moves_to_an_antiresorptive():
    ev = run(
        woman(
            treatments=[rx("teriparatide", "2025-06-01")],
            fractures=[{"site": "wrist", "date": "2026-10-01", "fragility": True}],
        )
    )
    assert drugs(ev) == [("alendronate",), ("risedronate",), ("zoledronic_acid",), ("denosumab",)]


def test_an_answered_fracture_on_treatment_no_longer_decides():
    ev = run(
        woman(
            treatments=[
                rx("alendronate", "2018-01-01", "2024-06-01"),
                rx("denosumab", "2024-06-01", last_dose_date="2026-09-01"),
            ],
            fractures=[{"site": "vertebra", "date": "2024-05-01", "fragility": True}],
        )
    )
    assert ev.treatment_state == "on_denosumab"
    assert drugs(ev) == [("denosumab",)]
    assert alert(ev, "fracture_on_treatment") is not None  # still a very-high trigger


# --- switch alerts ------------------------------------------------------------------------


@pytest.mark.parametrize(("end", "alerted"), [("2024-11-25", True), ("2024-11-24", False)])
def test_prior_bisphosphonate_blunts_anabolic_only_if_ended_within_24_months(end, alerted):
    ev = run(
        woman(
            fractures=[{"site": "vertebra", "date": "2026-06-01", "fragility": True}],
            treatments=[rx("alendronate", "2020-01-01", end)],
        )
    )
    assert (alert(ev, "prior_bisphosphonate_blunts_anabolic") is not None) is alerted


def test_denosumab_to_pth_alert_within_12_months_of_stopping():
    def case(end):
        return run(
            woman(
                dxa=[{"date": "2026-10-01", "lumbar_spine_t": -3.2}],  # very high: A6 anabolics
                treatments=[
                    rx("denosumab", "2020-01-01", end, last_dose_date="2025-05-25"),
                    rx("raloxifene", end),
                ],
            )
        )

    near = case("2025-11-25")
    assert near.treatment_state == "on_serm"
    assert "teriparatide" in {o.drugs[0] for o in near.options}
    assert alert(near, "denosumab_to_pth_hip_loss") is not None
    assert alert(case("2025-11-24"), "denosumab_to_pth_hip_loss") is None


# --- the hand-over after denosumab (decision-ambiguities 52) ----------------------------------

DENOSUMAB_STOPPED = rx("denosumab", "2021-01-01", "2025-11-01", last_dose_date="2025-11-01")


def test_an_ended_hand_over_still_leaves_the_denosumab_stop_in_charge():
    """A5 denosumab_stopped: zoledronic acid at last dose + 6 months, "then alendronate or
    risedronate; never no option". Given and ended early, the next step follows."""
    ev = run(
        woman(
            **MILD_T,
            treatments=[DENOSUMAB_STOPPED, rx("zoledronic_acid", "2026-05-01", "2026-05-01")],
        )
    )
    assert ev.treatment_state == "denosumab_stopped"
    assert drugs(ev) == [("alendronate",), ("risedronate",)]
    assert all(o.steps[0].start_date == AS_OF for o in ev.options)
    assert alert(ev, "denosumab_transition_required") is None  # it was given


def test_no_hand_over_yet_asks_for_zoledronic_acid_at_last_dose_plus_6_months():
    ev = run(woman(**MILD_T, treatments=[DENOSUMAB_STOPPED]))
    assert ev.treatment_state == "denosumab_stopped"
    assert drugs(ev)[0] == ("zoledronic_acid",)
    assert alert(ev, "denosumab_transition_required").due_date == date(2026, 5, 1)


def test_an_ongoing_hand_over_is_an_ongoing_bisphosphonate():
    ev = run(woman(**MILD_T, treatments=[DENOSUMAB_STOPPED, rx("zoledronic_acid", "2026-05-01")]))
    assert ev.treatment_state == "on_bisphosphonate"
    assert drugs(ev) == [("zoledronic_acid",)]
    assert alert(ev, "denosumab_transition_required") is None
