"""The closed vocabularies of the patient record contract (contract/README.md sections 1 and 3).

Every code the record, the evaluation and the command line accept is listed here once; the JSON
Schema, the forms and the validators all read these tables.
"""

from __future__ import annotations

from typing import Final

RECORD_SCHEMA: Final = "osteodesk.patient/1"
EVALUATION_SCHEMA: Final = "osteodesk.evaluation/1"

SEXES: Final = ("female", "male")
MENOPAUSAL_STATUSES: Final = ("pre", "peri", "post")

CONDITIONS: Final = (
    "esophageal_disorder",
    "cannot_stay_upright",
    "primary_hyperparathyroidism",
    "hypoparathyroidism",
    "paget_disease",
    "unexplained_high_alp",
    "skeletal_radiation",
    "skeletal_malignancy",
    "open_epiphyses",
    "urolithiasis",
    "breast_cancer_history",
    "breast_cancer_high_risk",
    "endometrial_cancer_history",
    "pregnant_or_breastfeeding",
    "vasomotor_symptoms",
    "high_cv_risk",
    "onj_history",
    "atypical_femoral_fracture_history",
    "invasive_dental_work_planned",
    "dialysis",
    "ckd_mbd",
    "malabsorption",
    "high_fall_risk",
    "rheumatoid_arthritis",
    "ankylosing_spondylitis",
    "psoriatic_arthritis",
    "sle",
    "polymyalgia_or_gca",
    "type2_diabetes",
    "parental_hip_fracture",
    "current_smoker",
    "alcohol_3plus_units",
)

# Groups for the patient form (issue 5); every condition is in exactly one group.
CONDITION_GROUPS: Final[dict[str, tuple[str, ...]]] = {
    "gastrointestinal": ("esophageal_disorder", "cannot_stay_upright", "malabsorption"),
    "renal": ("dialysis", "ckd_mbd", "urolithiasis"),
    "cardiovascular": ("high_cv_risk",),
    "cancer_radiation": (
        "skeletal_radiation",
        "skeletal_malignancy",
        "breast_cancer_history",
        "breast_cancer_high_risk",
        "endometrial_cancer_history",
    ),
    "calcium_parathyroid": (
        "primary_hyperparathyroidism",
        "hypoparathyroidism",
        "paget_disease",
        "unexplained_high_alp",
        "open_epiphyses",
    ),
    "dental": ("onj_history", "invasive_dental_work_planned", "atypical_femoral_fracture_history"),
    "rheumatology": (
        "rheumatoid_arthritis",
        "ankylosing_spondylitis",
        "psoriatic_arthritis",
        "sle",
        "polymyalgia_or_gca",
    ),
    "pregnancy": ("pregnant_or_breastfeeding", "vasomotor_symptoms"),
    "other_risk": (
        "high_fall_risk",
        "type2_diabetes",
        "parental_hip_fracture",
        "current_smoker",
        "alcohol_3plus_units",
    ),
}

EVENT_TYPES: Final = ("myocardial_infarction", "stroke", "vte")

FRACTURE_SITES: Final = (
    "hip",
    "vertebra",
    "wrist",
    "humerus",
    "pelvis",
    "rib",
    "femur_shaft",
    "ankle",
    "other",
)

DXA_SITES: Final = ("lumbar_spine", "femoral_neck", "total_hip", "radius_33")

# Drug ids (contract section 3).
BISPHOSPHONATES: Final = ("alendronate", "risedronate", "ibandronate", "zoledronic_acid")
ORAL_BISPHOSPHONATES: Final = ("alendronate", "risedronate", "ibandronate")
SERMS: Final = ("raloxifene", "bazedoxifene")
PTH_ANALOGUES: Final = ("teriparatide", "abaloparatide")
ANABOLICS: Final = ("teriparatide", "abaloparatide", "romosozumab")
OSTEOPOROSIS_DRUGS: Final = (
    "alendronate",
    "risedronate",
    "ibandronate",
    "zoledronic_acid",
    "denosumab",
    "raloxifene",
    "bazedoxifene",
    "hrt",
    "calcitonin",
    "teriparatide",
    "abaloparatide",
    "romosozumab",
)
ANTIRESORPTIVES: Final = tuple(d for d in OSTEOPOROSIS_DRUGS if d not in ANABOLICS)

# Rheumatology drugs by class (seed section 二; clinical-rules A6).
BIOLOGIC_CLASSES: Final[dict[str, tuple[str, ...]]] = {
    "tnf": ("adalimumab", "etanercept", "infliximab", "golimumab", "certolizumab"),
    "il6": ("tocilizumab", "sarilumab"),
    "abatacept": ("abatacept",),
    "rituximab": ("rituximab",),
    "il17": ("secukinumab", "ixekizumab"),
    "il23": ("ustekinumab", "guselkumab", "risankizumab"),
    "jak": ("tofacitinib", "baricitinib", "upadacitinib", "filgotinib"),
    "il1b": ("canakinumab",),
}
RHEUMATOLOGY_DRUGS: Final = tuple(d for drugs in BIOLOGIC_CLASSES.values() for d in drugs)


def biologic_class(drug: str) -> str:
    """The seed's class of a rheumatology drug id (``tnf``, ``jak``, ...)."""
    for cls, drugs in BIOLOGIC_CLASSES.items():
        if drug in drugs:
            return cls
    raise KeyError(drug)


# Lab tests with the units each accepts (contract section 1). Units are compared after
# normalise_unit(); the first unit of each tuple is the canonical one the rules use.
LAB_UNITS: Final[dict[str, tuple[str, ...]]] = {
    "egfr": ("mL/min/1.73m2",),
    "creatinine": ("umol/L", "mg/dL"),
    "calcium": ("mmol/L", "mg/dL"),
    "vitamin_d_25oh": ("ng/mL", "nmol/L"),
    "ctx": ("ng/mL",),
    "p1np": ("ng/mL",),
    "pth": ("pg/mL",),
    "alp": ("U/L",),
    "phosphate": ("mmol/L",),
}

# Physically possible ranges per lab and unit (inclusive). A value outside is a typing error,
# not a clinical finding; clinical thresholds live in constants.py.
LAB_RANGES: Final[dict[tuple[str, str], tuple[float, float]]] = {
    ("egfr", "mL/min/1.73m2"): (0.0, 250.0),
    ("creatinine", "umol/L"): (5.0, 3000.0),
    ("creatinine", "mg/dL"): (0.05, 35.0),
    ("calcium", "mmol/L"): (0.5, 5.0),
    ("calcium", "mg/dL"): (2.0, 20.0),
    ("vitamin_d_25oh", "ng/mL"): (0.0, 250.0),
    ("vitamin_d_25oh", "nmol/L"): (0.0, 625.0),
    ("ctx", "ng/mL"): (0.0, 10.0),
    ("p1np", "ng/mL"): (0.0, 2000.0),
    ("pth", "pg/mL"): (0.0, 5000.0),
    ("alp", "U/L"): (0.0, 10000.0),
    ("phosphate", "mmol/L"): (0.0, 10.0),
}

FRAMEWORKS: Final = ("cn2022", "aace2020")
DEFAULT_FRAMEWORK: Final = "cn2022"

DIAGNOSIS_CATEGORIES: Final = (
    "normal",
    "osteopenia",
    "osteoporosis",
    "severe_osteoporosis",
    "low_for_age",
    "not_assessable",
)
RISK_CATEGORIES: Final = ("low", "moderate", "high", "very_high")
TREATMENT_STATES: Final = (
    "naive",
    "on_bisphosphonate",
    "bisphosphonate_holiday",
    "on_denosumab",
    "denosumab_stopped",
    "on_anabolic",
    "post_anabolic",
    "on_serm",
    "on_hrt",
    "other",
)
SEVERITIES: Final = ("urgent", "warning", "info")
MONITORING_ITEMS: Final = (
    "dxa",
    "vfa",
    "serum_calcium",
    "vitamin_d_25oh",
    "renal_function",
    "ctx",
    "p1np",
    "dental_exam",
    "cv_review",
    "risk_reassessment",
)
LANGUAGES: Final = ("zh_CN", "en")


def normalise_unit(unit: str) -> str:
    """Fold a unit for comparison: case-insensitive, with ``u``, ``µ`` and ``μ`` the same prefix."""
    return unit.strip().replace("µ", "u").replace("μ", "u").replace(" ", "").lower()


def canonical_unit(test: str, unit: str) -> str | None:
    """The contract spelling of ``unit`` for ``test``, or None when the test does not take it."""
    folded = normalise_unit(unit)
    for allowed in LAB_UNITS.get(test, ()):
        if normalise_unit(allowed) == folded:
            return allowed
    return None
