"""A4 safety gates: which drugs must not be started now, and why.

Each gate adds reason codes to the drugs it blocks; a drug with at least one reason is in
`avoid`. A missing fact never blocks a drug (A0): without a calcium value there is no calcium
gate, without creatinine, weight and eGFR there is no renal gate.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Final

from osteodesk.core import codes
from osteodesk.core import constants as k
from osteodesk.core.decision.dates import in_last_months
from osteodesk.core.decision.facts import Facts
from osteodesk.core.decision.reasons import alert, reason
from osteodesk.core.decision.scores import RenalMeasure
from osteodesk.core.decision.state import TreatmentStatus
from osteodesk.core.evaluation import Alert, Avoid, Reason

_HYPOCALCEMIA_BLOCKS: Final = (*codes.BISPHOSPHONATES, "denosumab", "romosozumab", "calcitonin")
_PTH_CONDITIONS: Final = (
    "primary_hyperparathyroidism",
    "paget_disease",
    "unexplained_high_alp",
    "skeletal_radiation",
    "skeletal_malignancy",
    "open_epiphyses",
)
_RENAL_35: Final = ("alendronate", "zoledronic_acid")
_RENAL_30: Final = ("risedronate", "ibandronate", "teriparatide", "raloxifene", "bazedoxifene")
_ORAL_POSTURE_CONDITIONS: Final = ("esophageal_disorder", "cannot_stay_upright")
_ESTROGENIC: Final = ("raloxifene", "bazedoxifene", "hrt")
_MALE_BLOCKS: Final = ("raloxifene", "bazedoxifene", "hrt", "romosozumab")
_PREMENOPAUSAL_BLOCKS: Final = ("romosozumab", "raloxifene", "bazedoxifene", "abaloparatide")
_ONJ_BLOCKS: Final = (*codes.BISPHOSPHONATES, "denosumab", "romosozumab")
_AFF_BLOCKS: Final = (*codes.BISPHOSPHONATES, "denosumab")


@dataclass(frozen=True, slots=True)
class Gates:
    """What the gates decided, for the options and monitoring stages."""

    avoid: tuple[Avoid, ...]
    alerts: tuple[Alert, ...]
    hypocalcemia: bool
    pregnancy: bool
    severe_ckd: bool  # denosumab_severe_ckd applies
    vitamin_d_low: bool
    calcium_known: bool
    vitamin_d_known: bool
    renal_known: bool

    @property
    def avoided(self) -> frozenset[str]:
        return frozenset(a.drug for a in self.avoid)

    @property
    def no_drug(self) -> bool:
        """A gate that leaves no drug: hypocalcaemia, pregnancy, or every drug avoided."""
        return self.hypocalcemia or self.pregnancy or self.avoided >= set(codes.OSTEOPOROSIS_DRUGS)


class _Collector:
    def __init__(self) -> None:
        self.by_drug: dict[str, list[Reason]] = {}

    def block(self, drugs: Iterable[str], why: Reason) -> None:
        for drug in drugs:
            entries = self.by_drug.setdefault(drug, [])
            if why not in entries:
                entries.append(why)

    def avoid(self) -> tuple[Avoid, ...]:
        return tuple(
            Avoid(drug, tuple(self.by_drug[drug]))
            for drug in codes.OSTEOPOROSIS_DRUGS
            if drug in self.by_drug
        )


def _calcium(facts: Facts) -> tuple[bool, bool]:
    """(hypocalcaemia, hypercalcaemia) from the latest corrected calcium."""
    lab = facts.lab("calcium")
    if lab is None:
        return False, False
    if lab.canonical_unit == "mg/dL":
        return lab.value < k.HYPOCALCEMIA_MG_DL, lab.value > k.HYPERCALCEMIA_MG_DL
    return lab.value < k.HYPOCALCEMIA_MMOL_L, lab.value > k.HYPERCALCEMIA_MMOL_L


def _vitamin_d(facts: Facts) -> tuple[bool, bool]:
    """(insufficient, urgent) from the latest 25(OH)D in ng/mL or nmol/L."""
    lab = facts.lab("vitamin_d_25oh")
    if lab is None:
        return False, False
    if lab.canonical_unit == "nmol/L":
        return lab.value < k.VITAMIN_D_INSUFFICIENT_NMOL_L, lab.value < k.VITAMIN_D_URGENT_NMOL_L
    return lab.value < k.VITAMIN_D_INSUFFICIENT_NG_ML, lab.value < k.VITAMIN_D_URGENT_NG_ML


def _renal(facts: Facts, renal: RenalMeasure, out: _Collector, alerts: list[Alert]) -> None:
    if renal.kind is not None and renal.value is not None:
        code = "crcl_below_limit" if renal.kind == "crcl" else "egfr_below_limit_no_crcl"
        blocked: list[str] = []
        for limit, drugs in (
            (k.RENAL_LIMIT_ALENDRONATE_ZOLEDRONATE, _RENAL_35),
            (k.RENAL_LIMIT_SEVERE, _RENAL_30),
        ):
            if renal.value < limit:
                why = reason(
                    code,
                    value=renal.value,
                    limit=limit,
                    missing=", ".join(renal.missing),
                )
                out.block(drugs, why)
                blocked.extend(drugs)
        if blocked:
            alerts.append(
                alert(
                    "renal_limit",
                    measure=renal.kind,
                    value=renal.value,
                    drugs=", ".join(blocked),
                )
            )
    if "dialysis" in facts.record.conditions:
        why = reason("dialysis")
        out.block((*_RENAL_35, *_RENAL_30), why)
        if not any(a.code == "renal_limit" for a in alerts):
            alerts.append(
                alert("renal_limit", measure="dialysis", drugs=", ".join((*_RENAL_35, *_RENAL_30)))
            )


def _severe_ckd(facts: Facts, renal: RenalMeasure) -> bool:
    """The denosumab CKD warning: eGFR < 30 or dialysis; CrCl < 30 only without an eGFR."""
    if "dialysis" in facts.record.conditions:
        return True
    egfr = facts.lab("egfr")
    if egfr is not None:
        return egfr.value < k.DENOSUMAB_SEVERE_CKD_EGFR
    return (
        renal.kind == "crcl"
        and renal.value is not None
        and (renal.value < k.DENOSUMAB_SEVERE_CKD_EGFR)
    )


def _hrt_age_gate(facts: Facts) -> bool:
    """Age >= 60 and > 10 years after menopause (unknown menopause year: age >= 60 alone)."""
    if facts.age < k.HRT_AGE_LIMIT:
        return False
    year = facts.record.menopause_year
    return year is None or facts.as_of.year - year > k.HRT_YEARS_SINCE_MENOPAUSE


def apply_gates(facts: Facts, renal: RenalMeasure, status: TreatmentStatus) -> Gates:
    """Run every A4 gate over `facts`.

    Args:
        facts: the record's facts at as_of.
        renal: the renal measure of A2 (CrCl, eGFR standing in, or none).
        status: the treatment state, for the cumulative course limits.
    """
    record = facts.record
    conditions = record.conditions
    out = _Collector()
    alerts: list[Alert] = []

    hypo, hyper = _calcium(facts)
    if hypo:
        out.block(_HYPOCALCEMIA_BLOCKS, reason("hypocalcemia", value=facts.labs["calcium"].value))
        alerts.append(alert("hypocalcemia_correct_first", due_date=facts.as_of))
    if hyper:
        out.block(codes.PTH_ANALOGUES, reason("hypercalcemia", value=facts.labs["calcium"].value))
    for condition in _PTH_CONDITIONS:
        if condition in conditions:
            out.block(codes.PTH_ANALOGUES, reason(condition))

    _renal(facts, renal, out, alerts)
    severe_ckd = _severe_ckd(facts, renal)
    if severe_ckd:
        alerts.append(alert("denosumab_severe_ckd"))

    for condition in _ORAL_POSTURE_CONDITIONS:
        if condition in conditions:
            out.block(codes.ORAL_BISPHOSPHONATES, reason(condition))

    for event in record.events:
        if event.type in ("myocardial_infarction", "stroke") and in_last_months(
            event.date, facts.as_of, k.ROMOSOZUMAB_CV_WINDOW_MONTHS
        ):
            out.block(
                ("romosozumab",),
                reason("recent_mi_or_stroke", event=event.type, date=event.date.isoformat()),
            )
            if not any(a.code == "romosozumab_cv_exclusion" for a in alerts):
                alerts.append(
                    alert("romosozumab_cv_exclusion", event=event.type, date=event.date.isoformat())
                )
    for event in record.events:
        code = "vte_history" if event.type == "vte" else "cv_event_history"
        out.block(_ESTROGENIC, reason(code, event=event.type, date=event.date.isoformat()))
    if "high_cv_risk" in conditions:
        out.block(_ESTROGENIC, reason("high_cv_risk"))

    for condition in ("breast_cancer_history", "endometrial_cancer_history"):
        if condition in conditions:
            out.block(("hrt",), reason(condition))
    if facts.female and _hrt_age_gate(facts):
        year = record.menopause_year
        out.block(
            ("hrt",), reason("hrt_age_and_menopause", age=facts.age, menopause_year=year or "")
        )

    if facts.male:
        out.block(_MALE_BLOCKS, reason("male_sex"))
    if facts.female and record.menopausal_status in ("pre", "peri"):
        code = "premenopausal" if record.menopausal_status == "pre" else "perimenopausal"
        out.block(_PREMENOPAUSAL_BLOCKS, reason(code))

    pregnant = "pregnant_or_breastfeeding" in conditions
    if pregnant:
        out.block(codes.OSTEOPOROSIS_DRUGS, reason("pregnant_or_breastfeeding"))
        alerts.append(alert("no_drug_pregnancy"))

    if "onj_history" in conditions:
        out.block(_ONJ_BLOCKS, reason("onj_history"))
    if "onj_history" in conditions or "invasive_dental_work_planned" in conditions:
        alerts.append(alert("dental_review"))
    if "atypical_femoral_fracture_history" in conditions:
        out.block(_AFF_BLOCKS, reason("atypical_femoral_fracture_history"))

    if status.pth.reached:
        out.block(
            codes.PTH_ANALOGUES,
            reason(
                "pth_lifetime_limit_reached",
                months=round(status.pth.months, 1),
                limit=status.pth.limit_months,
            ),
        )
    if status.romosozumab.reached:
        out.block(("romosozumab",), reason("romosozumab_course_complete"))

    for drug in codes.OSTEOPOROSIS_DRUGS:
        if drug in record.allergies:
            out.block((drug,), reason("allergy", drug=drug))

    low_d, urgent_d = _vitamin_d(facts)
    if low_d:
        lab = facts.labs["vitamin_d_25oh"]
        alerts.append(
            alert(
                "vitamin_d_insufficient",
                severity="urgent" if urgent_d else None,
                value=lab.value,
                unit=lab.canonical_unit,
            )
        )

    return Gates(
        avoid=out.avoid(),
        alerts=tuple(alerts),
        hypocalcemia=hypo,
        pregnancy=pregnant,
        severe_ckd=severe_ckd,
        vitamin_d_low=low_d,
        calcium_known=facts.lab("calcium") is not None,
        vitamin_d_known=facts.lab("vitamin_d_25oh") is not None,
        renal_known=renal.kind is not None or "dialysis" in conditions,
    )
