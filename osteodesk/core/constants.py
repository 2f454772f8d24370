"""The one table of clinical constants: value, unit, source and confidence tag for each.

Confidence tags (clinical-rules.md B0): C confirmed, S secondary summary, U unconfirmed (shipped
only as a labelled, clinician-overridable default; see ``decision.settings.RuleSettings``).
RULES_VERSION changes whenever a rule changes and is stored with every saved assessment.

Every threshold the decision module compares against is registered here with `_const`, which
records it in `REGISTRY` and returns the bare value for the module-level name the rules import.
The comparison operator of each threshold is part of its name or its unit text ("<", "<=", ">").
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final, TypeVar

RULES_VERSION: Final = "2026.3"

TAGS: Final = ("C", "S", "U")

_T = TypeVar("_T")


@dataclass(frozen=True, slots=True)
class Constant:
    """A clinical constant with its unit, its source (Part A / Part B section) and its tag."""

    value: object
    unit: str
    source: str
    tag: str


REGISTRY: dict[str, Constant] = {}


def _const(name: str, value: _T, unit: str, source: str, tag: str) -> _T:
    """Register one constant and hand back its value for the module-level name."""
    if tag not in TAGS:
        raise ValueError(f"{name}: tag must be one of {TAGS}")
    if name in REGISTRY:
        raise ValueError(f"{name} registered twice")
    REGISTRY[name] = Constant(value, unit, source, tag)
    return value


# --- A1 diagnosis ---------------------------------------------------------------------------
OSTEOPOROSIS_T_SCORE: Final = _const(
    "OSTEOPOROSIS_T_SCORE", -2.5, "T-score, <=", "A1; WHO 1994 (Part B §1.1)", "C"
)
NORMAL_T_SCORE: Final = _const(
    "NORMAL_T_SCORE", -1.0, "T-score, >= is normal", "A1; WHO 1994 (Part B §1.1)", "C"
)
LOW_FOR_AGE_Z_SCORE: Final = _const(
    "LOW_FOR_AGE_Z_SCORE", -2.0, "Z-score, <=", "A1; ISCD 2005 (Part B §1.2)", "C"
)
WHO_CRITERIA_MIN_AGE_MEN: Final = _const(
    "WHO_CRITERIA_MIN_AGE_MEN", 50, "years, >=", "A1; ISCD 2005 (Part B §1.2)", "C"
)
ASSUMED_POSTMENOPAUSAL_AGE: Final = _const(
    "ASSUMED_POSTMENOPAUSAL_AGE",
    50,
    "years, >= (woman without menopausal_status)",
    "A1 (OsteoDesk convention)",
    "S",
)

# --- A1 frameworks -------------------------------------------------------------------------
CN2022_RECENT_FRACTURE_MONTHS: Final = _const(
    "CN2022_RECENT_FRACTURE_MONTHS",
    24,
    "months (on or after as_of - N)",
    "A1; CN 2022 interpretation (Part B §1.6)",
    "S",
)
AACE2020_RECENT_FRACTURE_MONTHS: Final = _const(
    "AACE2020_RECENT_FRACTURE_MONTHS", 12, "months", "A1; AACE 2020 (Part B §1.3)", "S"
)
CN2022_VERY_HIGH_T_SCORE: Final = _const(
    "CN2022_VERY_HIGH_T_SCORE",
    -3.0,
    "T-score, <= (clinician-editable setting)",
    "A1; seed; CN 2022 from memory (Part B §1.6)",
    "U",
)
AACE2020_VERY_HIGH_T_SCORE: Final = _const(
    "AACE2020_VERY_HIGH_T_SCORE", -3.0, "T-score, < (strict)", "A1; AACE 2020 (Part B §1.3)", "S"
)
VERY_HIGH_FRAX_MOF_PCT: Final = _const(
    "VERY_HIGH_FRAX_MOF_PCT", 30.0, "%, > (strict)", "A1; AACE 2020 (Part B §1.3)", "S"
)
VERY_HIGH_FRAX_HIP_PCT: Final = _const(
    "VERY_HIGH_FRAX_HIP_PCT", 4.5, "%, > (strict)", "A1; AACE 2020 (Part B §1.3)", "S"
)
HIGH_FRAX_MOF_PCT: Final = _const(
    "HIGH_FRAX_MOF_PCT", 20.0, "%, >= (with osteopenia)", "A1; BHOF 2022 (Part B §1.5)", "S"
)
HIGH_FRAX_HIP_PCT: Final = _const(
    "HIGH_FRAX_HIP_PCT", 3.0, "%, >= (with osteopenia)", "A1; BHOF 2022 (Part B §1.5)", "S"
)
MULTIPLE_FRACTURES_COUNT: Final = _const(
    "MULTIPLE_FRACTURES_COUNT", 2, "fragility fractures, >=", "A1; AACE 2020; CN 2022", "S"
)
FALLS_HIGH_RISK_PROXY: Final = _const(
    "FALLS_HIGH_RISK_PROXY",
    2,
    "falls in the past year, >= (clinician-editable setting)",
    "A1 (OsteoDesk proxy)",
    "U",
)
FALLS_ASSESSMENT_MIN: Final = _const(
    "FALLS_ASSESSMENT_MIN", 1, "falls in the past year, >=", "A1; BHOF 2022", "S"
)

# --- A1 glucocorticoids and ACR-GIOP 2022 (Part B §2.1) ------------------------------------
GC_ACR_MIN_DOSE_MG: Final = _const(
    "GC_ACR_MIN_DOSE_MG", 2.5, "mg/day prednisone-equivalent, >=", "A1; ACR 2022", "C"
)
GC_ACR_MIN_MONTHS: Final = _const(
    "GC_ACR_MIN_MONTHS", 3, "months lasted or planned, >=", "A1; ACR 2022", "C"
)
GC_HIGH_DOSE_MG: Final = _const(
    "GC_HIGH_DOSE_MG", 30.0, "mg/day, >=", "A1; ACR 2022 high-dose", "C"
)
GC_HIGH_DOSE_DAYS: Final = _const(
    "GC_HIGH_DOSE_DAYS", 30, "days taken, > (strict)", "A1; ACR 2022 high-dose", "C"
)
GC_HIGH_CUMULATIVE_MG: Final = _const(
    "GC_HIGH_CUMULATIVE_MG", 5000.0, "mg in the window, >=", "A1; ACR 2022 high-dose (5 g)", "C"
)
GC_CUMULATIVE_WINDOW_DAYS: Final = _const(
    "GC_CUMULATIVE_WINDOW_DAYS", 365, "days before as_of", "A1; ACR 2022 high-dose", "C"
)
ACR_ADULT_AGE: Final = _const(
    "ACR_ADULT_AGE", 40, "years, >= uses the adult FRAX table", "ACR 2022 (Part B §2.1)", "C"
)
ACR_VERY_HIGH_T_SCORE: Final = _const(
    "ACR_VERY_HIGH_T_SCORE", -3.5, "T-score, <=", "ACR 2022 (Part B §2.1)", "C"
)
ACR_HIGH_T_SCORE: Final = _const(
    "ACR_HIGH_T_SCORE", -2.5, "T-score, <=", "ACR 2022 (Part B §2.1)", "C"
)
ACR_MODERATE_T_SCORE_UPPER: Final = _const(
    "ACR_MODERATE_T_SCORE_UPPER", -1.0, "T-score, <= (low is > -1.0)", "ACR 2022", "C"
)
ACR_MODERATE_T_SCORE_LOWER: Final = _const(
    "ACR_MODERATE_T_SCORE_LOWER",
    -2.4,
    "T-score, >= (-2.41..-2.49 unassigned: moderate, flagged)",
    "ACR 2022 (Part B §2.1 boundary gap)",
    "C",
)
ACR_VERY_HIGH_FRAX_MOF_PCT: Final = _const(
    "ACR_VERY_HIGH_FRAX_MOF_PCT", 30.0, "%, >=", "ACR 2022 (Part B §2.1)", "C"
)
ACR_VERY_HIGH_FRAX_HIP_PCT: Final = _const(
    "ACR_VERY_HIGH_FRAX_HIP_PCT", 4.5, "%, >=", "ACR 2022 (Part B §2.1)", "C"
)
ACR_HIGH_FRAX_MOF_PCT: Final = _const(
    "ACR_HIGH_FRAX_MOF_PCT", 20.0, "%, >=", "ACR 2022 (Part B §2.1)", "C"
)
ACR_HIGH_FRAX_HIP_PCT: Final = _const(
    "ACR_HIGH_FRAX_HIP_PCT", 3.0, "%, >=", "ACR 2022 (Part B §2.1)", "C"
)
ACR_MODERATE_FRAX_MOF_PCT: Final = _const(
    "ACR_MODERATE_FRAX_MOF_PCT", 10.0, "%, >=", "ACR 2022 (Part B §2.1)", "C"
)
ACR_MODERATE_FRAX_HIP_PCT: Final = _const(
    "ACR_MODERATE_FRAX_HIP_PCT",
    1.0,
    "%, > (exactly 1.0 unassigned: moderate, flagged)",
    "ACR 2022 (Part B §2.1 boundary gap)",
    "C",
)
ACR_YOUNG_MODERATE_GC_MG: Final = _const(
    "ACR_YOUNG_MODERATE_GC_MG", 7.5, "mg/day, >= (adults < 40)", "ACR 2022 (Part B §2.1)", "C"
)
ACR_YOUNG_MODERATE_GC_MONTHS: Final = _const(
    "ACR_YOUNG_MODERATE_GC_MONTHS", 6, "months, >= (adults < 40)", "ACR 2022 (Part B §2.1)", "C"
)
ACR_YOUNG_MODERATE_Z_SCORE: Final = _const(
    "ACR_YOUNG_MODERATE_Z_SCORE", -3.0, "Z-score, < (adults < 40)", "ACR 2022 (Part B §2.1)", "C"
)

# --- A2 scores -----------------------------------------------------------------------------
OSTA_FACTOR: Final = _const(
    "OSTA_FACTOR", 0.2, "per (kg - years)", "A2; Koh 2001 (Part B §3.1)", "C"
)
OSTA_LOW_ABOVE: Final = _const(
    "OSTA_LOW_ABOVE", -1.0, "OSTA, > is low; <= refers to DXA", "A2; Koh 2001 (Part B §3.1)", "C"
)
OSTA_HIGH_BELOW: Final = _const(
    "OSTA_HIGH_BELOW", -4.0, "OSTA, < is high (-4 itself moderate)", "A2; Part B §3.1", "C"
)
OST_MEN_LOW_FROM: Final = _const(
    "OST_MEN_LOW_FROM", 4.0, "OST, >= is low", "A2; Adler 2003 (Part B §3.2)", "C"
)
OST_MEN_MODERATE_FROM: Final = _const(
    "OST_MEN_MODERATE_FROM",
    -1.0,
    "OST, >= is moderate; below is high (gap -2..-1 mapped high)",
    "A2; Adler 2003 (Part B §3.2)",
    "C",
)
FRAX_GC_HIGH_DOSE_ABOVE_MG: Final = _const(
    "FRAX_GC_HIGH_DOSE_ABOVE_MG", 7.5, "mg/day, > (7.5 itself unchanged)", "A2; Kanis 2011", "C"
)
FRAX_GC_LOW_DOSE_BELOW_MG: Final = _const(
    "FRAX_GC_LOW_DOSE_BELOW_MG", 2.5, "mg/day, < (2.5 itself unchanged)", "A2; Kanis 2011", "C"
)
FRAX_GC_HIGH_MOF_FACTOR: Final = _const(
    "FRAX_GC_HIGH_MOF_FACTOR", 1.15, "multiplier", "A2; Kanis 2011; ACR", "C"
)
FRAX_GC_HIGH_HIP_FACTOR: Final = _const(
    "FRAX_GC_HIGH_HIP_FACTOR", 1.20, "multiplier", "A2; Kanis 2011; ACR", "C"
)
FRAX_GC_LOW_MOF_FACTOR: Final = _const(
    "FRAX_GC_LOW_MOF_FACTOR", 0.80, "multiplier", "A2; Kanis 2011", "C"
)
FRAX_GC_LOW_HIP_FACTOR: Final = _const(
    "FRAX_GC_LOW_HIP_FACTOR", 0.65, "multiplier", "A2; Kanis 2011", "C"
)
LESLIE_MOF_PER_T_UNIT: Final = _const(
    "LESLIE_MOF_PER_T_UNIT",
    0.10,
    "fraction of MOF per whole T-score unit (offset rounded half away from zero)",
    "A2; Leslie 2011 (Part B §2.3)",
    "C",
)
CG_AGE_CONSTANT: Final = _const(
    "CG_AGE_CONSTANT", 140, "years", "A2; Cockcroft-Gault 1976 (Part B §7)", "C"
)
CG_DIVISOR: Final = _const("CG_DIVISOR", 72, "per mg/dL", "A2; Cockcroft-Gault 1976", "C")
CG_FEMALE_FACTOR: Final = _const(
    "CG_FEMALE_FACTOR", 0.85, "multiplier", "A2; Cockcroft-Gault 1976", "C"
)
CREATININE_UMOL_PER_MG_DL: Final = _const(
    "CREATININE_UMOL_PER_MG_DL", 88.4, "µmol/L per mg/dL", "A2", "C"
)

# --- A4 safety gates -----------------------------------------------------------------------
HYPOCALCEMIA_MMOL_L: Final = _const(
    "HYPOCALCEMIA_MMOL_L", 2.10, "mmol/L corrected calcium, <", "A4; labels (Part B §4.2)", "C"
)
HYPOCALCEMIA_MG_DL: Final = _const(
    "HYPOCALCEMIA_MG_DL", 8.4, "mg/dL corrected calcium, <", "A4; labels (Part B §4.2)", "C"
)
HYPERCALCEMIA_MMOL_L: Final = _const(
    "HYPERCALCEMIA_MMOL_L", 2.60, "mmol/L, >", "A4; teriparatide/abaloparatide labels", "C"
)
HYPERCALCEMIA_MG_DL: Final = _const(
    "HYPERCALCEMIA_MG_DL", 10.4, "mg/dL, >", "A4; teriparatide/abaloparatide labels", "C"
)
RENAL_LIMIT_ALENDRONATE_ZOLEDRONATE: Final = _const(
    "RENAL_LIMIT_ALENDRONATE_ZOLEDRONATE",
    35.0,
    "mL/min CrCl, < (eGFR stands in)",
    "A4; alendronate label; FDA Reclast 2011",
    "C",
)
RENAL_LIMIT_SEVERE: Final = _const(
    "RENAL_LIMIT_SEVERE",
    30.0,
    "mL/min CrCl, < (eGFR stands in)",
    "A4; risedronate/ibandronate/teriparatide/raloxifene labels (Part B §4.1)",
    "S",
)
DENOSUMAB_SEVERE_CKD_EGFR: Final = _const(
    "DENOSUMAB_SEVERE_CKD_EGFR",
    30.0,
    "mL/min/1.73m2, < (CrCl < 30 without eGFR)",
    "A4; FDA Prolia boxed warning 2024",
    "C",
)
ROMOSOZUMAB_CV_WINDOW_MONTHS: Final = _const(
    "ROMOSOZUMAB_CV_WINDOW_MONTHS", 12, "months (MI or stroke)", "A4; FDA Evenity boxed", "C"
)
HRT_AGE_LIMIT: Final = _const(
    "HRT_AGE_LIMIT", 60, "years (gate >=; option <)", "A4/A6; ESCEO 2020; NAMS 2021", "C"
)
HRT_YEARS_SINCE_MENOPAUSE: Final = _const(
    "HRT_YEARS_SINCE_MENOPAUSE",
    10,
    "years (gate >; option <)",
    "A4/A6; ESCEO 2020; NAMS 2021",
    "C",
)
VITAMIN_D_INSUFFICIENT_NG_ML: Final = _const(
    "VITAMIN_D_INSUFFICIENT_NG_ML", 20.0, "ng/mL, <", "A4; IOM 2011 (Part B §5)", "C"
)
VITAMIN_D_INSUFFICIENT_NMOL_L: Final = _const(
    "VITAMIN_D_INSUFFICIENT_NMOL_L", 50.0, "nmol/L, <", "A4; IOM 2011 (Part B §5)", "C"
)
VITAMIN_D_URGENT_NG_ML: Final = _const(
    "VITAMIN_D_URGENT_NG_ML", 12.0, "ng/mL, < (urgent)", "A4", "S"
)
VITAMIN_D_URGENT_NMOL_L: Final = _const(
    "VITAMIN_D_URGENT_NMOL_L", 30.0, "nmol/L, < (urgent)", "A4", "S"
)
CALCITONIN_STEP_MONTHS: Final = _const(
    "CALCITONIN_STEP_MONTHS", 1, "months (last resort)", "A4; ES 2019 rec 7.1; EMA 2012", "S"
)

# --- A5 treatment state --------------------------------------------------------------------
PTH_LIFETIME_MONTHS: Final = _const(
    "PTH_LIFETIME_MONTHS",
    24,
    "months teriparatide + abaloparatide (clinician-editable; product override)",
    "A4/A5; teriparatide/abaloparatide labels (Part B §4.1)",
    "U",
)
ROMOSOZUMAB_MAX_DOSES: Final = _const(
    "ROMOSOZUMAB_MAX_DOSES", 12, "monthly doses", "A4/A5; Evenity label", "C"
)
ROMOSOZUMAB_MAX_MONTHS: Final = _const(
    "ROMOSOZUMAB_MAX_MONTHS", 12, "months", "A4/A5; Evenity label", "C"
)
ANABOLIC_ENDING_WARNING_MONTHS: Final = _const(
    "ANABOLIC_ENDING_WARNING_MONTHS", 3, "months before the limit", "A5", "S"
)
ROMOSOZUMAB_ENDING_FROM: Final = _const(
    "ROMOSOZUMAB_ENDING_FROM", 9, "doses or months, >=", "A5", "S"
)
DENOSUMAB_INTERVAL_MONTHS: Final = _const(
    "DENOSUMAB_INTERVAL_MONTHS", 6, "months between doses", "A5; Prolia label", "C"
)
DENOSUMAB_DUE_NOTICE_DAYS: Final = _const(
    "DENOSUMAB_DUE_NOTICE_DAYS", 28, "days before the next dose", "A5", "S"
)
DENOSUMAB_LATE_MONTHS: Final = _const(
    "DENOSUMAB_LATE_MONTHS", 7, "months since last dose, > (strict)", "A5; Lyu 2020", "C"
)
DENOSUMAB_TRANSITION_MONTHS: Final = _const(
    "DENOSUMAB_TRANSITION_MONTHS",
    6,
    "months after the last dose (zoledronic acid)",
    "A5; ECTS 2021 (Tsourdi)",
    "C",
)
DENOSUMAB_PTH_SWITCH_MONTHS: Final = _const(
    "DENOSUMAB_PTH_SWITCH_MONTHS",
    12,
    "months off denosumab, <=",
    "A5; DATA-Switch (Leder 2015)",
    "S",
)
PRIOR_BISPHOSPHONATE_MONTHS: Final = _const(
    "PRIOR_BISPHOSPHONATE_MONTHS", 24, "months of bisphosphonate, >=", "A5; Lyu 2019", "S"
)
PRIOR_BISPHOSPHONATE_RECENT_MONTHS: Final = _const(
    "PRIOR_BISPHOSPHONATE_RECENT_MONTHS", 24, "months since it ended, <=", "A5; Lyu 2019", "S"
)
BP_REVIEW_ORAL_YEARS: Final = _const(
    "BP_REVIEW_ORAL_YEARS", 5, "years, >=", "A5; ASBMR 2016; ES 2019; NOGG", "C"
)
BP_REVIEW_IV_YEARS: Final = _const(
    "BP_REVIEW_IV_YEARS", 3, "years, >= (zoledronic acid)", "A5; ASBMR 2016; ES 2019", "C"
)
BP_REVIEW_REPEAT_YEARS: Final = _const(
    "BP_REVIEW_REPEAT_YEARS", 2, "years between repeated reviews", "A5; ES 2019 (2-4 y)", "S"
)
BP_MAX_ORAL_YEARS: Final = _const(
    "BP_MAX_ORAL_YEARS", 10, "years (high-risk continuation)", "A5; ASBMR 2016", "C"
)
BP_MAX_IV_YEARS: Final = _const(
    "BP_MAX_IV_YEARS", 6, "years (high-risk continuation)", "A5; ASBMR 2016", "C"
)
BP_CONTINUE_HIP_T_SCORE: Final = _const(
    "BP_CONTINUE_HIP_T_SCORE", -2.5, "hip T-score, <=", "A5; ASBMR 2016 (Part B §4.3)", "C"
)
BP_CONTINUE_GC_MG: Final = _const(
    "BP_CONTINUE_GC_MG", 7.5, "mg/day ongoing, >=", "A5; NOGG (Part B §4.3)", "S"
)
BP_CONTINUE_AGE: Final = _const("BP_CONTINUE_AGE", 75, "years, >=", "A5; NOGG", "C")
HOLIDAY_REASSESS_MONTHS: Final = _const(
    "HOLIDAY_REASSESS_MONTHS", 24, "months into the holiday", "A5; ES 2019 (2-4 y)", "C"
)
FRACTURE_ON_TREATMENT_CHANGE_MONTHS: Final = _const(
    "FRACTURE_ON_TREATMENT_CHANGE_MONTHS",
    12,
    "months on the drug at the fracture, >=",
    "A5; ACR 2022 (Part B §2.1)",
    "C",
)
DENOSUMAB_ACTIVE_MONTHS: Final = _const(
    "DENOSUMAB_ACTIVE_MONTHS", 7, "months after the last dose", "A5", "S"
)
ZOLEDRONIC_ACID_ACTIVE_MONTHS: Final = _const(
    "ZOLEDRONIC_ACID_ACTIVE_MONTHS", 12, "months after the last dose", "A5", "S"
)
ROMOSOZUMAB_ACTIVE_MONTHS: Final = _const(
    "ROMOSOZUMAB_ACTIVE_MONTHS", 1, "months after the last dose", "A5", "S"
)
ADULT_YOUNG_AGE: Final = _const(
    "ADULT_YOUNG_AGE", 40, "years, < (ACR list limits)", "A6; ACR 2022 (Part B §2.1)", "C"
)

# --- A7 monitoring -------------------------------------------------------------------------
DXA_AFTER_START_MONTHS: Final = _const(
    "DXA_AFTER_START_MONTHS", 12, "months after starting or changing", "A7; ES 2019", "S"
)
DXA_INTERVAL_MONTHS: Final = _const(
    "DXA_INTERVAL_MONTHS", 24, "months after the latest DXA", "A7; ES 2019", "C"
)
DXA_INTERVAL_GC_MONTHS: Final = _const(
    "DXA_INTERVAL_GC_MONTHS", 12, "months after the latest DXA on glucocorticoids", "A7; ACR", "C"
)
VFA_INTERVAL_GC_MONTHS: Final = _const(
    "VFA_INTERVAL_GC_MONTHS", 12, "months on glucocorticoids", "A7; ACR 2022", "C"
)
BTM_RECHECK_MONTHS: Final = _const(
    "BTM_RECHECK_MONTHS", 3, "months after starting", "A7; IOF/ECTS TRIO", "C"
)
BTM_BASELINE_MAX_DAYS: Final = _const(
    "BTM_BASELINE_MAX_DAYS", 30, "days before the start, <=", "A7", "S"
)
BTM_WINDOW_DAYS: Final = _const(
    "BTM_WINDOW_DAYS", 42, "days either side of 3 months (6 weeks)", "A7", "S"
)
CTX_RESPONSE_FALL_PCT: Final = _const(
    "CTX_RESPONSE_FALL_PCT", 56.0, "% fall, >", "A7; IOF/ECTS TRIO", "C"
)
P1NP_RESPONSE_FALL_PCT: Final = _const(
    "P1NP_RESPONSE_FALL_PCT", 38.0, "% fall, >", "A7; IOF/ECTS TRIO", "C"
)
LSC_LUMBAR_SPINE_G_CM2: Final = _const(
    "LSC_LUMBAR_SPINE_G_CM2",
    0.03,
    "g/cm2, loss > (centre setting; default)",
    "A7; Nelson 2010 (Part B §5)",
    "U",
)
CALCIUM_BEFORE_DENOSUMAB_DAYS: Final = _const(
    "CALCIUM_BEFORE_DENOSUMAB_DAYS", 14, "days before each dose", "A7; Prolia practice", "S"
)
CKD_CALCIUM_WEEKLY_CHECKS: Final = _const(
    "CKD_CALCIUM_WEEKLY_CHECKS", 4, "weekly checks after each dose (then monthly)", "A7", "C"
)
DAYS_PER_WEEK: Final = _const("DAYS_PER_WEEK", 7, "days", "calendar", "C")
CALCIUM_AFTER_HYPOCALCEMIA_MONTHS: Final = _const(
    "CALCIUM_AFTER_HYPOCALCEMIA_MONTHS", 1, "months after the gate", "A7", "S"
)
VITAMIN_D_RECHECK_MONTHS: Final = _const(
    "VITAMIN_D_RECHECK_MONTHS", 3, "months after repletion", "A7", "S"
)
RENAL_ORAL_BP_MONTHS: Final = _const(
    "RENAL_ORAL_BP_MONTHS", 12, "months (yearly on oral bisphosphonate)", "A7", "S"
)
ZOLEDRONIC_ACID_INTERVAL_MONTHS: Final = _const(
    "ZOLEDRONIC_ACID_INTERVAL_MONTHS", 12, "months between infusions", "A7; Reclast label", "C"
)
ROMOSOZUMAB_INTERVAL_MONTHS: Final = _const(
    "ROMOSOZUMAB_INTERVAL_MONTHS", 1, "months between doses", "A7; Evenity label", "C"
)
RISK_REASSESS_NO_DRUG_MONTHS: Final = _const(
    "RISK_REASSESS_NO_DRUG_MONTHS", 3, "months after a gate that leaves no drug", "A7", "S"
)

# --- A8 supportive care --------------------------------------------------------------------
CALCIUM_INTAKE_MG: Final = _const(
    "CALCIUM_INTAKE_MG", (1000, 1200), "mg/day, diet first", "A8; seed; BHOF 2022", "C"
)
VITAMIN_D_IU: Final = _const("VITAMIN_D_IU", (800, 1000), "IU/day", "A8; seed; BHOF 2022", "C")

# --- alert severities ----------------------------------------------------------------------
# One severity per alert code (contract section 2 plus OsteoDesk additions). Urgent: delay risks
# harm within weeks. Warning: the plan must deal with it. Info: background for the clinician.
# vitamin_d_insufficient is the one code whose severity depends on the value (urgent < 12 ng/mL).
ALERT_SEVERITY: Final[dict[str, str]] = {
    "hypocalcemia_correct_first": "urgent",
    "denosumab_dose_late": "urgent",
    "denosumab_transition_required": "urgent",
    "denosumab_dose_due": "warning",
    "denosumab_last_dose_unknown": "warning",
    "anabolic_course_ending": "warning",
    "anabolic_course_complete": "warning",
    "bisphosphonate_review_due": "warning",
    "fracture_on_treatment": "warning",
    "vitamin_d_insufficient": "warning",
    "renal_limit": "warning",
    "denosumab_severe_ckd": "warning",
    "romosozumab_cv_exclusion": "warning",
    "dental_review": "warning",
    "glucocorticoid_osteoporosis": "warning",
    "high_dose_glucocorticoid": "warning",
    "secondary_cause_workup": "warning",
    "screening_only_refer_dxa": "warning",
    "denosumab_to_pth_hip_loss": "warning",
    "prior_bisphosphonate_blunts_anabolic": "warning",
    "falls_assessment": "warning",
    "btm_no_response": "warning",
    "bmd_loss_on_treatment": "warning",
    "calcitonin_last_resort": "warning",
    "no_drug_pregnancy": "warning",
    "no_suitable_option": "warning",
    "jak_inhibitor_fracture_signal": "info",
    "biologic_not_bone_therapy": "info",
}
