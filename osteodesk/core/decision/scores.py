"""A2 scores: OSTA (women) and the OST band for men, FRAX adjustments, Cockcroft-Gault CrCl.

Scores are reported unrounded. Arithmetic on typed-in decimals is done in `Decimal` so that a
boundary such as 25 % x 1.20 = 30 % compares exactly; the only rounding is the Leslie offset,
half away from zero.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from osteodesk.core import constants as k
from osteodesk.core.decision.facts import Facts, dec
from osteodesk.core.decision.reasons import note
from osteodesk.core.evaluation import FraxAdjusted, Reason, Scores
from osteodesk.core.record import FraxResult, GlucocorticoidCourse, PatientRecord

# The glucocorticoid FRAX adjustment of A2 lists these codes in `adjustments`.
ADJ_GLUCOCORTICOID = "glucocorticoid_dose"
ADJ_LUMBAR_SPINE_OFFSET = "lumbar_spine_offset"
ADJ_COMBINED = "combined_not_validated"


def osta(weight_kg: float, age: int) -> float:
    """OSTA = 0.2 x (weight kg - age years), unrounded (Koh 2001)."""
    return float(dec(k.OSTA_FACTOR) * (dec(weight_kg) - age))


def osta_band(score: float) -> str:
    """OSTA band for women: > -1 low; -4 <= OSTA <= -1 moderate; < -4 high (A2)."""
    if score > k.OSTA_LOW_ABOVE:
        return "low"
    if score < k.OSTA_HIGH_BELOW:
        return "high"
    return "moderate"


def ost_band_men(score: float) -> str:
    """OST band for men (Adler 2003): >= 4 low, -1 to 3 moderate, <= -2 high.

    The published bands are whole numbers; unrounded scores in the gaps go to the higher-risk
    band (3 < OST < 4 moderate, -2 < OST < -1 high), as the ACR table's gaps are handled.
    """
    if score >= k.OST_MEN_LOW_FROM:
        return "low"
    if score >= k.OST_MEN_MODERATE_FROM:
        return "moderate"
    return "high"


def cockcroft_gault(
    *, age: int, weight_kg: float, creatinine: float, unit: str, female: bool
) -> float:
    """Creatinine clearance in mL/min: (140 - age) x kg / (72 x SCr mg/dL), x 0.85 for women.

    Args:
        age: completed years at as_of.
        weight_kg: actual body weight.
        creatinine: serum creatinine in `unit` (``umol/L`` or ``mg/dL``; 88.4 µmol/L per mg/dL).
        unit: the canonical unit of the value.
        female: applies the 0.85 factor.
    """
    scr = dec(creatinine)
    if unit != "mg/dL":
        scr = scr / dec(k.CREATININE_UMOL_PER_MG_DL)
    if scr <= 0:
        raise ValueError("creatinine must be positive")
    value = (k.CG_AGE_CONSTANT - age) * dec(weight_kg) / (k.CG_DIVISOR * scr)
    if female:
        value *= dec(k.CG_FEMALE_FACTOR)
    return float(value)


@dataclass(frozen=True, slots=True)
class RenalMeasure:
    """The number the renal limits use: CrCl, else eGFR standing in, else nothing.

    Attributes:
        kind: "crcl", "egfr" or None when neither is available.
        value: mL/min (CrCl) or mL/min/1.73m2 (eGFR).
        missing: what prevented CrCl ("creatinine", "weight") when eGFR stands in or neither.
    """

    kind: str | None
    value: float | None
    missing: tuple[str, ...] = ()


def renal_measure(facts: Facts, crcl: float | None) -> RenalMeasure:
    """Which renal value the gates use (A2)."""
    if crcl is not None:
        return RenalMeasure("crcl", crcl)
    missing = tuple(
        name
        for name, known in (
            ("creatinine", facts.lab("creatinine") is not None),
            ("weight", facts.record.weight_kg is not None),
        )
        if not known
    )
    egfr = facts.lab("egfr")
    if egfr is not None:
        return RenalMeasure("egfr", egfr.value, missing)
    return RenalMeasure(None, None, missing)


def _course_on(record: PatientRecord, day: date) -> GlucocorticoidCourse | None:
    """The glucocorticoid course running on `day` (the latest started, if several)."""
    running = [
        c
        for c in record.glucocorticoid_courses
        if c.start_date <= day and (c.end_date is None or c.end_date >= day)
    ]
    return running[-1] if running else None


def adjust_frax(facts: Facts) -> tuple[FraxAdjusted | None, tuple[Reason, ...]]:
    """The latest FRAX with the A2 adjustments, and reasons for adjustments not made.

    Glucocorticoid dose (only for a FRAX done with the glucocorticoid box ticked, using the dose
    of the course on the FRAX date): > 7.5 mg/day MOF x 1.15 and hip x 1.20; < 2.5 mg/day
    MOF x 0.80 and hip x 0.65; 2.5-7.5 unchanged. Leslie offset (FRAX with BMD, LS T < FN T):
    MOF x (1 + 0.1 x round(FN T - LS T)).
    """
    frax: FraxResult | None = facts.frax
    if frax is None:
        return None, ()
    notes: list[Reason] = []
    mof = None if frax.major_osteoporotic_pct is None else dec(frax.major_osteoporotic_pct)
    hip = None if frax.hip_pct is None else dec(frax.hip_pct)
    adjustments: list[str] = []

    if frax.glucocorticoid_ticked:
        course = _course_on(facts.record, frax.date)
        if course is None:
            notes.append(note("frax_glucocorticoid_dose_unknown", date=frax.date.isoformat()))
        else:
            mof_factor = hip_factor = None
            if course.dose_mg_per_day > k.FRAX_GC_HIGH_DOSE_ABOVE_MG:
                mof_factor, hip_factor = k.FRAX_GC_HIGH_MOF_FACTOR, k.FRAX_GC_HIGH_HIP_FACTOR
            elif course.dose_mg_per_day < k.FRAX_GC_LOW_DOSE_BELOW_MG:
                mof_factor, hip_factor = k.FRAX_GC_LOW_MOF_FACTOR, k.FRAX_GC_LOW_HIP_FACTOR
            if mof_factor is not None and hip_factor is not None:
                mof = None if mof is None else mof * dec(mof_factor)
                hip = None if hip is None else hip * dec(hip_factor)
                adjustments.append(ADJ_GLUCOCORTICOID)

    if frax.with_bmd:
        spine = facts.t_scores.get("lumbar_spine")
        neck = facts.t_scores.get("femoral_neck")
        if spine is not None and neck is not None and spine.value < neck.value:
            offset = (dec(neck.value) - dec(spine.value)).quantize(
                Decimal(1), rounding=ROUND_HALF_UP
            )
            if offset != 0 and mof is not None:
                mof = mof * (1 + dec(k.LESLIE_MOF_PER_T_UNIT) * offset)
                adjustments.append(ADJ_LUMBAR_SPINE_OFFSET)

    if ADJ_GLUCOCORTICOID in adjustments and ADJ_LUMBAR_SPINE_OFFSET in adjustments:
        adjustments.append(ADJ_COMBINED)
    adjusted = FraxAdjusted(
        major_osteoporotic_pct=None if mof is None else float(mof),
        hip_pct=None if hip is None else float(hip),
        adjustments=tuple(adjustments),
    )
    return adjusted, tuple(notes)


@dataclass(frozen=True, slots=True)
class ScoreResult:
    """The `Scores` of the evaluation plus what the later stages need."""

    scores: Scores
    renal: RenalMeasure
    notes: tuple[Reason, ...]


def compute_scores(facts: Facts) -> ScoreResult:
    """Every A2 score for `facts`."""
    weight = facts.record.weight_kg
    index = None if weight is None else osta(weight, facts.age)
    band = None
    if index is not None:
        band = osta_band(index) if facts.female else ost_band_men(index)
    creatinine = facts.lab("creatinine")
    crcl = None
    if creatinine is not None and weight is not None and creatinine.value > 0:
        crcl = cockcroft_gault(
            age=facts.age,
            weight_kg=weight,
            creatinine=creatinine.value,
            unit=creatinine.canonical_unit,
            female=facts.female,
        )
    egfr = facts.lab("egfr")
    frax, notes = adjust_frax(facts)
    scores = Scores(
        osta=index if facts.female else None,
        ost=None if facts.female else index,
        crcl_ml_min=crcl,
        frax_adjusted=frax,
        egfr=None if egfr is None else egfr.value,
        ost_band=band,
    )
    return ScoreResult(scores, renal_measure(facts, crcl), notes)
