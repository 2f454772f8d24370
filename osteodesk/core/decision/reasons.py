"""Every reason, alert and note code the decision module emits, each with its source.

`reason()` and `alert()` build the evaluation's `Reason` and `Alert` objects from these tables,
so a code cannot be emitted without a source, and the message catalogue can be checked against
the complete list (tests/unit/core/test_messages.py).
"""

from __future__ import annotations

from datetime import date
from typing import Final

from osteodesk.core import constants as k
from osteodesk.core.evaluation import Alert, ParamValue, Reason

_LABEL: Final = "product label (Part B §4.1)"
_ACR: Final = "ACR 2022 GIOP (Part B §2.1)"
_TIER_NOTE: Final = "ES 2019; BHOF 2022 (CN 2022 keeps only high and very high)"

# code -> source. Reasons explain a diagnosis, a risk category, an option, an avoid entry or a
# monitoring item; the sentence for each is `reason.<code>` in messages/clinical.py.
REASON_SOURCES: Final[dict[str, str]] = {
    # A0 conventions
    "fracture_fragility_assumed": "clinical-rules A0",
    "menopause_assumed_from_age": "clinical-rules A1 (OsteoDesk convention)",
    # A1 diagnosis
    "t_score_le_-2.5": "WHO 1994",
    "prior_t_score_le_-2.5": "AACE 2020",
    "hip_or_vertebral_fragility_fracture": "AACE 2020; BHOF 2022",
    "fragility_fracture_with_osteopenia": "clinical-rules A1; AACE 2020",
    "t_score_and_fragility_fracture": "WHO 1994",
    "osteopenia_t_score": "WHO 1994",
    "normal_t_scores": "WHO 1994",
    "no_usable_dxa": "clinical-rules A0/A1",
    "t_scores_not_used": "ISCD 2005",
    "z_score_low_for_age": "ISCD 2005",
    "z_score_within_range": "ISCD 2005",
    "no_z_score": "ISCD 2005",
    # A1 risk, governing framework
    "osteoporosis_diagnosis": "CN 2022; AACE 2020",
    "osteopenia_frax_high": "BHOF 2022; ES 2019",
    "osteopenia_frax_below_threshold": _TIER_NOTE,
    "osteopenia_no_frax": _TIER_NOTE,
    "osta_no_dxa": "clinical-rules A1; Koh 2001 (OSTA is screening only)",
    "no_risk_criteria": _TIER_NOTE,
    "recent_fragility_fracture": "CN 2022; AACE 2020",
    "fracture_on_treatment": "CN 2022; AACE 2020",
    "multiple_fragility_fractures": "CN 2022; AACE 2020",
    "fracture_on_glucocorticoids": "CN 2022; AACE 2020",
    "t_score_very_low": "seed; CN 2022 [U]",
    "high_fall_risk": "CN 2022; AACE 2020",
    "frax_very_high": "CN 2022; AACE 2020",
    "trigger_without_high_risk": "clinical-rules A1",
    "young_hip_or_vertebral_fracture": "clinical-rules A1; ISCD 2005",
    "young_fracture_trigger": "clinical-rules A1",
    "young_no_qualifying_fracture": "clinical-rules A1",
    "category_from_acr_giop": "clinical-rules A1",
    # A1 ACR-GIOP 2022
    "acr_prior_fracture": _ACR,
    "acr_t_score_very_low": _ACR,
    "acr_frax_very_high": _ACR,
    "acr_high_dose_glucocorticoid": _ACR,
    "acr_t_score_high": _ACR,
    "acr_frax_high": _ACR,
    "acr_frax_moderate": _ACR,
    "acr_t_score_moderate": _ACR,
    "acr_hip_exactly_one_flagged": _ACR + "; boundary gap mapped to moderate",
    "acr_t_score_gap_flagged": _ACR + "; boundary gap mapped to moderate",
    "acr_low": _ACR,
    "acr_frax_missing": _ACR,
    "acr_dxa_missing": _ACR,
    "acr_young_t_score": _ACR,
    "acr_young_moderate": _ACR,
    "acr_young_low": _ACR,
    # A4 gates (avoid reasons)
    "hypocalcemia": "clinical-rules A4; labels (Part B §4.2)",
    "hypercalcemia": "teriparatide/abaloparatide labels",
    "primary_hyperparathyroidism": "teriparatide/abaloparatide labels",
    "paget_disease": "teriparatide/abaloparatide labels",
    "unexplained_high_alp": "teriparatide/abaloparatide labels",
    "skeletal_radiation": "teriparatide/abaloparatide labels",
    "skeletal_malignancy": "teriparatide/abaloparatide labels",
    "open_epiphyses": "teriparatide/abaloparatide labels",
    "crcl_below_limit": _LABEL + "; FDA Reclast 2011",
    "egfr_below_limit_no_crcl": _LABEL + "; clinical-rules A2 (eGFR stands in)",
    "dialysis": _LABEL + " (dialysis: renal function below every limit)",
    "esophageal_disorder": _LABEL,
    "cannot_stay_upright": _LABEL,
    "recent_mi_or_stroke": "FDA Evenity boxed warning",
    "vte_history": "raloxifene boxed warning; ES 2019",
    "cv_event_history": "ES 2019 rec 5.1/6.1; raloxifene label",
    "high_cv_risk": "ES 2019 rec 6.1; ES 2020",
    "breast_cancer_history": "ES 2019 rec 6.1; ESCEO 2020",
    "endometrial_cancer_history": "ES 2019 rec 6.1; ESCEO 2020",
    "hrt_age_and_menopause": "ESCEO 2020; NAMS 2021",
    "male_sex": _LABEL,
    "premenopausal": _LABEL,
    "perimenopausal": _LABEL,
    "pregnant_or_breastfeeding": _LABEL,
    "onj_history": _LABEL + "; clinical-rules A4",
    "atypical_femoral_fracture_history": _LABEL + "; clinical-rules A4",
    "pth_lifetime_limit_reached": "teriparatide/abaloparatide labels",
    "romosozumab_course_complete": "Evenity label",
    "allergy": "patient record",
    # options
    "very_high_risk_anabolic_first": "seed; AACE 2020",
    "very_high_risk_antiresorptive": "AACE 2020; seed",
    "high_risk_first_line": "ES 2019; BHOF 2022; seed",
    "high_risk_parenteral_alternative": "ES 2019; AACE 2020",
    "raloxifene_breast_cancer_risk": "ES 2019 rec 5.1; seed",
    "hrt_vasomotor_symptoms": "ES 2019 rec 6.1; ESCEO 2020; NAMS 2021",
    "ibandronate_vertebral_only": "ES 2019",
    "acr_giop_pth_preferred": _ACR,
    "acr_giop_pth_or_denosumab_preferred": _ACR,
    "acr_giop_oral_bisphosphonate": _ACR,
    "acr_giop_iv_bisphosphonate": _ACR,
    "acr_giop_denosumab": _ACR,
    "acr_giop_moderate": _ACR,
    "acr_giop_last_resort": _ACR,
    "acr_sequence_after_glucocorticoids": _ACR,
    "young_adult_specialist_decision": _ACR,
    "continue_current": "clinical-rules A5",
    "continue_bisphosphonate_before_review": "clinical-rules A5; ASBMR 2016",
    "continue_bisphosphonate_high_risk": "clinical-rules A5; ASBMR 2016; NOGG",
    "holiday_exception_very_high_trigger": "clinical-rules A5; ASBMR 2016",
    "holiday_exception_hip_t_score": "clinical-rules A5; ASBMR 2016",
    "holiday_exception_fracture_on_treatment": "clinical-rules A5; NOGG",
    "holiday_exception_glucocorticoid": "clinical-rules A5; NOGG",
    "holiday_exception_age": "clinical-rules A5; NOGG",
    "bisphosphonate_holiday": "clinical-rules A5; ES 2019; ASBMR 2016",
    "bisphosphonate_max_duration_reached": "clinical-rules A5; ASBMR 2016",
    "holiday_restart": "clinical-rules A5; ES 2019",
    "restart_new_fracture": "clinical-rules A5; ES 2019",
    "restart_bmd_loss": "clinical-rules A5; ES 2019",
    "restart_new_glucocorticoid": "clinical-rules A5; NOGG",
    "restart_very_high_trigger": "clinical-rules A5",
    "restart_age": "clinical-rules A5; NOGG",
    "continue_denosumab": "clinical-rules A5; Prolia label; ECTS 2021",
    "denosumab_give_now": "clinical-rules A5; Lyu 2020",
    "denosumab_transition_zoledronic_acid": "clinical-rules A5; ECTS 2021; Everts-Graber 2020",
    "denosumab_transition_oral": "clinical-rules A5; ECTS 2021",
    "denosumab_no_follow_on": "clinical-rules A5 (never no option); ECTS 2021",
    "finish_anabolic_course": "clinical-rules A5; seed",
    "antiresorptive_after_anabolic": "clinical-rules A5; ES 2019 rec 4.2; ES 2020 A.2; seed",
    "raloxifene_only_if_all_avoided": "clinical-rules A5",
    "continue_serm_or_hrt_not_high": "clinical-rules A5",
    "current_drug_last": "clinical-rules A5",
    "fracture_on_treatment_change_class": "clinical-rules A5; ACR 2022; AACE 2020",
    "fracture_on_treatment_check_adherence": "clinical-rules A5",
    "switch_when_denosumab_due": "clinical-rules A5",
    "previous_treatment_ended": "clinical-rules A5",
    "calcitonin_last_resort": "ES 2019 rec 7.1; EMA 2012",
    "vitamin_d_replete_first": "clinical-rules A4; HORIZON-RFT",
    "denosumab_ckd_specialist": "FDA Prolia boxed warning 2024",
    "missing_calcium": "clinical-rules A0",
    "missing_vitamin_d": "clinical-rules A0",
    "missing_renal_function": "clinical-rules A0/A2",
    # check_regimen (a clinician-composed regimen)
    "regimen_avoided_drug": "clinical-rules A4",
    "regimen_anabolic_without_antiresorptive": "clinical-rules A5; ES 2019 rec 4.2; seed",
    "regimen_bisphosphonate_with_pth": "clinical-rules A4; PaTH (Black 2003); ACR 2022",
    "regimen_exceeds_pth_limit": "teriparatide/abaloparatide labels",
    "regimen_exceeds_romosozumab_limit": "Evenity label",
    "regimen_calcitonin_beyond_one_month": "clinical-rules A4; EMA 2012",
    # A7 monitoring
    "dxa_after_start": "clinical-rules A7; ES 2019",
    "dxa_interval": "clinical-rules A7; ES 2019",
    "dxa_interval_glucocorticoid": "clinical-rules A7; ACR 2022",
    "dxa_untreated": "clinical-rules A7",
    "dxa_holiday": "clinical-rules A7; ES 2019",
    "vfa_low_t_score": "clinical-rules A7",
    "vfa_glucocorticoid": "clinical-rules A7; ACR 2022",
    "btm_baseline": "clinical-rules A7; IOF/ECTS TRIO",
    "btm_three_months": "clinical-rules A7; IOF/ECTS TRIO",
    "calcium_before_denosumab": "clinical-rules A7",
    "calcium_ckd_after_denosumab": "clinical-rules A7; Prolia label",
    "calcium_baseline_pth": "clinical-rules A7",
    "calcium_after_hypocalcemia": "clinical-rules A7",
    "vitamin_d_before_start": "clinical-rules A7; HORIZON-RFT",
    "vitamin_d_after_repletion": "clinical-rules A7",
    "renal_before_zoledronic_acid": "clinical-rules A7; FDA Reclast 2011",
    "renal_yearly_oral_bisphosphonate": "clinical-rules A7",
    "renal_unknown": "clinical-rules A2",
    "dental_before_start": "clinical-rules A7; labels",
    "cv_before_romosozumab": "clinical-rules A7; FDA Evenity boxed warning",
    "reassess_at_review_point": "clinical-rules A7",
    "reassess_holiday": "clinical-rules A7; ES 2019",
    "reassess_after_no_drug_gate": "clinical-rules A7",
}

ALERT_SOURCES: Final[dict[str, str]] = {
    "denosumab_dose_due": "clinical-rules A5; Prolia label",
    "denosumab_dose_late": "clinical-rules A5; Lyu 2020",
    "denosumab_last_dose_unknown": "clinical-rules A0/A5",
    "denosumab_transition_required": "clinical-rules A5; ECTS 2021",
    "anabolic_course_ending": "clinical-rules A5; labels",
    "anabolic_course_complete": "clinical-rules A5; ES 2019 rec 4.2",
    "bisphosphonate_review_due": "clinical-rules A5; ASBMR 2016; ES 2019",
    "fracture_on_treatment": "clinical-rules A5; AACE 2020",
    "hypocalcemia_correct_first": "clinical-rules A4; labels",
    "vitamin_d_insufficient": "clinical-rules A4; HORIZON-RFT; BHOF 2022",
    "renal_limit": "clinical-rules A4; labels",
    "denosumab_severe_ckd": "FDA Prolia boxed warning 2024",
    "romosozumab_cv_exclusion": "FDA Evenity boxed warning",
    "dental_review": "clinical-rules A4; labels",
    "glucocorticoid_osteoporosis": _ACR,
    "high_dose_glucocorticoid": _ACR,
    "jak_inhibitor_fracture_signal": "seed [6]: Martinez de la Torre, Drug Saf 2025",
    "biologic_not_bone_therapy": "seed 二 [5]: Kim & Kim, J Rheum Dis 2023",
    "secondary_cause_workup": "ISCD 2005; clinical-rules A1",
    "screening_only_refer_dxa": "clinical-rules A2; Koh 2001",
    "denosumab_to_pth_hip_loss": "DATA-Switch (Leder 2015); seed",
    "prior_bisphosphonate_blunts_anabolic": "Lyu 2019; seed",
    "falls_assessment": "clinical-rules A1; seed",
    "btm_no_response": "clinical-rules A7; IOF/ECTS TRIO",
    "bmd_loss_on_treatment": "clinical-rules A7; ISCD",
    "calcitonin_last_resort": "ES 2019 rec 7.1; EMA 2012",
    "no_drug_pregnancy": _LABEL,
    "no_suitable_option": "clinical-rules A3",
}

# Information for the clinician that is neither a reason nor an alert (Evaluation.notes).
NOTE_SOURCES: Final[dict[str, str]] = {
    "biologic_tnf": "seed 二 01; [5] Kim & Kim, J Rheum Dis 2023",
    "biologic_il6": "seed 二 02; [5] Kim & Kim, J Rheum Dis 2023",
    "biologic_abatacept": "seed 二 03; [5] Kim & Kim, J Rheum Dis 2023",
    "biologic_rituximab": "seed 二 04; [5] Kim & Kim, J Rheum Dis 2023",
    "biologic_il17": "seed 二 05; [5] Kim & Kim, J Rheum Dis 2023",
    "biologic_il23": "seed 二 06; [5] Kim & Kim, J Rheum Dis 2023",
    "biologic_jak": "seed 二 07; [6] Martinez de la Torre, Drug Saf 2025",
    "biologic_il1b": "seed 二 08; [5] Kim & Kim, J Rheum Dis 2023",
    "inflammation_control_base": "seed 二 (summary)",
    "bisphosphonate_holiday": "clinical-rules A5; ES 2019; ASBMR 2016",
    "correct_calcium_then_dose": "clinical-rules A4",
    "bmd_device_unknown": "clinical-rules A0/A7",
    "young_adult_specialist_decision": _ACR,
    "ost_men_shown_only": "clinical-rules A2; Adler 2003",
    "renal_measure_egfr_stand_in": "clinical-rules A2",
    "frax_glucocorticoid_dose_unknown": "clinical-rules A2",
}


def reason(
    code: str, *, detail: str | None = None, source: str | None = None, **params: ParamValue
) -> Reason:
    """A `Reason` for `code` with its registered source (KeyError for an unknown code)."""
    registered = REASON_SOURCES[code]
    return Reason(code, source or registered, detail, params)


def note(code: str, *, detail: str | None = None, **params: ParamValue) -> Reason:
    """A note (information) with its registered source."""
    return Reason(code, NOTE_SOURCES[code], detail, params)


def alert(
    code: str,
    *,
    due_date: date | None = None,
    detail: str | None = None,
    severity: str | None = None,
    **params: ParamValue,
) -> Alert:
    """An `Alert` for `code` with its registered source and severity (constants.ALERT_SEVERITY)."""
    return Alert(
        code=code,
        severity=severity or k.ALERT_SEVERITY[code],
        source=ALERT_SOURCES[code],
        detail=detail,
        due_date=due_date,
        params=params,
    )
