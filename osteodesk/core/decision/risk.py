"""A1 diagnosis and fracture-risk category: the governing framework, with ACR-GIOP on top.

The governing framework (cn2022 by default, or aace2020) uses its own comparison operators. ACR
GIOP 2022 applies in addition while a glucocorticoid course of >= 2.5 mg/day is running; the final
category is then the higher of the two, and both sets of reasons are kept.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Final

from osteodesk.core import codes
from osteodesk.core import constants as k
from osteodesk.core.decision.dates import add_days, at_least_months_after, in_last_months
from osteodesk.core.decision.facts import Facts, SiteValue, bmd_changes
from osteodesk.core.decision.reasons import alert, reason
from osteodesk.core.decision.settings import RuleSettings
from osteodesk.core.decision.state import TreatmentStatus
from osteodesk.core.evaluation import Alert, Diagnosis, FraxAdjusted, Reason, Risk
from osteodesk.core.record import Fracture, GlucocorticoidCourse

ACR_FRAMEWORK: Final = "acr_giop2022"
_ORDER: Final = codes.RISK_CATEGORIES  # low < moderate < high < very_high
_HIP_VERTEBRA: Final = ("hip", "vertebra")
_HUMERUS_PELVIS_WRIST: Final = ("humerus", "pelvis", "wrist")
_HIP_SITES: Final = ("femoral_neck", "total_hip")


def higher(a: str, b: str) -> str:
    """The higher of two risk categories."""
    return a if _ORDER.index(a) >= _ORDER.index(b) else b


def _fracture_params(fracture: Fracture) -> dict[str, str]:
    return {"site": fracture.site, "date": fracture.date.isoformat()}


def _assumed(fractures: list[Fracture] | tuple[Fracture, ...]) -> list[Reason]:
    """A0: a fracture without `fragility` counts as one, and the reasons say so."""
    return [
        reason("fracture_fragility_assumed", **_fracture_params(f))
        for f in fractures
        if f.fragility is None
    ]


def _t_reason(code: str, value: SiteValue) -> Reason:
    return reason(code, site=value.site, value=value.value, date=value.date.isoformat())


# --- diagnosis -----------------------------------------------------------------------------


def diagnose(facts: Facts) -> tuple[Diagnosis, tuple[Alert, ...]]:
    """The A1 diagnosis of `facts`, and the secondary-cause alert for a low Z-score."""
    reasons: list[Reason] = []
    if facts.menopause_inferred:
        reasons.append(reason("menopause_assumed_from_age", age=facts.age))
    if not facts.who_applies:
        return _diagnose_young(facts, reasons)

    lowest = facts.lowest_t
    fractures = facts.fragility_fractures
    hip_vertebral = [f for f in fractures if f.site in _HIP_VERTEBRA]
    other_major = [f for f in fractures if f.site in _HUMERUS_PELVIS_WRIST]
    t_osteoporosis = lowest is not None and lowest.value <= k.OSTEOPOROSIS_T_SCORE
    prior = None
    if not t_osteoporosis:
        prior = _earlier_osteoporotic_t(facts)
    osteopenia = lowest is not None and k.OSTEOPOROSIS_T_SCORE < lowest.value < k.NORMAL_T_SCORE

    if t_osteoporosis or prior is not None:
        if lowest is not None and t_osteoporosis:
            reasons.append(_t_reason("t_score_le_-2.5", lowest))
        elif prior is not None:
            reasons.append(_t_reason("prior_t_score_le_-2.5", prior))
        if fractures:
            reasons.append(
                reason("t_score_and_fragility_fracture", **_fracture_params(fractures[-1]))
            )
            reasons.extend(_assumed(fractures))
            return Diagnosis("severe_osteoporosis", tuple(reasons)), ()
        return Diagnosis("osteoporosis", tuple(reasons)), ()
    if hip_vertebral:
        reasons.append(
            reason("hip_or_vertebral_fragility_fracture", **_fracture_params(hip_vertebral[-1]))
        )
        reasons.extend(_assumed(hip_vertebral))
        return Diagnosis("osteoporosis", tuple(reasons)), ()
    if other_major and osteopenia and lowest is not None:
        reasons.append(
            reason("fragility_fracture_with_osteopenia", **_fracture_params(other_major[-1]))
        )
        reasons.append(_t_reason("osteopenia_t_score", lowest))
        reasons.extend(_assumed(other_major))
        return Diagnosis("osteoporosis", tuple(reasons)), ()
    if osteopenia and lowest is not None:
        reasons.append(_t_reason("osteopenia_t_score", lowest))
        return Diagnosis("osteopenia", tuple(reasons)), ()
    if lowest is not None:
        reasons.append(_t_reason("normal_t_scores", lowest))
        return Diagnosis("normal", tuple(reasons)), ()
    reasons.append(reason("no_usable_dxa"))
    return Diagnosis("not_assessable", tuple(reasons)), ()


def _earlier_osteoporotic_t(facts: Facts) -> SiteValue | None:
    """An earlier T <= -2.5 that still stands after a later improvement (AACE 2020)."""
    found: SiteValue | None = None
    for scan in facts.record.dxa:
        for site, value in scan.t.items():
            if value <= k.OSTEOPOROSIS_T_SCORE and (found is None or scan.date > found.date):
                found = SiteValue(site, value, scan.date)
    return found


def _diagnose_young(facts: Facts, reasons: list[Reason]) -> tuple[Diagnosis, tuple[Alert, ...]]:
    """Premenopausal women and men < 50: Z-scores only (ISCD 2005)."""
    reasons.append(reason("t_scores_not_used", age=facts.age))
    lowest = facts.lowest_z
    if lowest is None:
        reasons.append(reason("no_z_score"))
        return Diagnosis("not_assessable", tuple(reasons)), ()
    if lowest.value <= k.LOW_FOR_AGE_Z_SCORE:
        reasons.append(_t_reason("z_score_low_for_age", lowest))
        return Diagnosis("low_for_age", tuple(reasons)), (
            alert("secondary_cause_workup", basis="z_score"),
        )
    reasons.append(_t_reason("z_score_within_range", lowest))
    return Diagnosis("normal", tuple(reasons)), ()


# --- glucocorticoids -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Glucocorticoids:
    """The glucocorticoid facts A1 uses."""

    acr_applies: bool
    high_dose: bool
    course: GlucocorticoidCourse | None


def _days_taken(course: GlucocorticoidCourse, start: date, end: date) -> int:
    first = max(course.start_date, start)
    last = end if course.end_date is None else min(course.end_date, end)
    return max((last - first).days, 0)


def glucocorticoids(facts: Facts) -> Glucocorticoids:
    """ACR-GIOP applicability and high-dose status at as_of (A1)."""
    course = facts.gc_current
    applies = course is not None and course.dose_mg_per_day >= k.GC_ACR_MIN_DOSE_MG
    window_start = add_days(facts.as_of, -k.GC_CUMULATIVE_WINDOW_DAYS)
    cumulative = 0.0
    long_high = False
    for item in facts.record.glucocorticoid_courses:
        if item.end_date is not None and item.end_date < window_start:
            continue
        cumulative += item.dose_mg_per_day * _days_taken(item, window_start, facts.as_of)
        if item.dose_mg_per_day >= k.GC_HIGH_DOSE_MG and (
            _days_taken(item, item.start_date, facts.as_of) > k.GC_HIGH_DOSE_DAYS
        ):
            long_high = True
    high = long_high or cumulative >= k.GC_HIGH_CUMULATIVE_MG
    return Glucocorticoids(applies, high, course)


def _on_glucocorticoids(facts: Facts, day: date) -> bool:
    return any(
        c.start_date <= day and (c.end_date is None or c.end_date >= day)
        for c in facts.record.glucocorticoid_courses
    )


# --- very-high triggers --------------------------------------------------------------------


def fracture_triggers(facts: Facts, status: TreatmentStatus, window_months: int) -> list[Reason]:
    """The fracture-based very-high triggers: window, >= 2, on treatment, on glucocorticoids."""
    out: list[Reason] = []
    fractures = facts.fragility_fractures
    recent = [f for f in fractures if in_last_months(f.date, facts.as_of, window_months)]
    if recent:
        out.append(
            reason(
                "recent_fragility_fracture", months=window_months, **_fracture_params(recent[-1])
            )
        )
        out.extend(_assumed(recent))
    if status.fractures_on_treatment:
        event = status.fractures_on_treatment[-1]
        out.append(
            reason(
                "fracture_on_treatment",
                drug=event.treatment.drug,
                **_fracture_params(event.fracture),
            )
        )
    if len(fractures) >= k.MULTIPLE_FRACTURES_COUNT:
        out.append(reason("multiple_fragility_fractures", count=len(fractures)))
        out.extend(r for r in _assumed(fractures) if r not in out)
    on_gc = [f for f in fractures if _on_glucocorticoids(facts, f.date)]
    if on_gc:
        out.append(reason("fracture_on_glucocorticoids", **_fracture_params(on_gc[-1])))
    return out


def very_high_triggers(
    facts: Facts,
    status: TreatmentStatus,
    frax: FraxAdjusted | None,
    framework: str,
    settings: RuleSettings,
) -> list[Reason]:
    """Every very-high trigger of the governing framework, whether or not the patient is high."""
    window = (
        k.AACE2020_RECENT_FRACTURE_MONTHS
        if framework == "aace2020"
        else k.CN2022_RECENT_FRACTURE_MONTHS
    )
    out = fracture_triggers(facts, status, window)
    for site in codes.DXA_SITES:
        value = facts.t_scores.get(site)
        if value is None:
            continue
        if framework == "aace2020":
            hit = value.value < k.AACE2020_VERY_HIGH_T_SCORE
            source, op, limit = "AACE 2020", "<", k.AACE2020_VERY_HIGH_T_SCORE
        else:
            hit = value.value <= settings.cn2022_very_high_t_score
            source, op, limit = "seed; CN 2022 [U]", "<=", settings.cn2022_very_high_t_score
        if hit:
            out.append(
                reason(
                    "t_score_very_low",
                    source=source,
                    site=site,
                    value=value.value,
                    operator=op,
                    limit=limit,
                )
            )
            break
    record = facts.record
    if "high_fall_risk" in record.conditions:
        out.append(reason("high_fall_risk", basis="condition"))
    elif (
        record.falls_past_year is not None
        and record.falls_past_year >= settings.falls_high_risk_proxy
    ):
        out.append(
            reason(
                "high_fall_risk",
                source="OsteoDesk proxy [U]; AACE 2020",
                basis="falls",
                falls=record.falls_past_year,
            )
        )
    if frax is not None:
        mof, hip = frax.major_osteoporotic_pct, frax.hip_pct
        if (mof is not None and mof > k.VERY_HIGH_FRAX_MOF_PCT) or (
            hip is not None and hip > k.VERY_HIGH_FRAX_HIP_PCT
        ):
            out.append(reason("frax_very_high", mof=_show(mof), hip=_show(hip)))
    return out


def _show(value: float | None) -> str:
    return "" if value is None else f"{value:g}"


# --- categories ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class RiskResult:
    """The A1 outcome plus what later stages need."""

    diagnosis: Diagnosis
    risk: Risk
    framework_category: str
    triggers: tuple[Reason, ...]
    glucocorticoids: Glucocorticoids
    acr_category: str | None
    alerts: tuple[Alert, ...]

    @property
    def category(self) -> str:
        return self.risk.category

    @property
    def acr_applies(self) -> bool:
        return self.glucocorticoids.acr_applies


def _framework_category(
    facts: Facts,
    diagnosis: Diagnosis,
    triggers: list[Reason],
    frax: FraxAdjusted | None,
    osta: float | None,
) -> tuple[str, list[Reason]]:
    reasons: list[Reason] = []
    cat = diagnosis.category
    frax_high = frax is not None and (
        (
            frax.major_osteoporotic_pct is not None
            and frax.major_osteoporotic_pct >= k.HIGH_FRAX_MOF_PCT
        )
        or (frax.hip_pct is not None and frax.hip_pct >= k.HIGH_FRAX_HIP_PCT)
    )
    high = False
    if cat in ("osteoporosis", "severe_osteoporosis"):
        reasons.append(reason("osteoporosis_diagnosis", diagnosis=cat))
        high = True
    elif cat == "osteopenia" and frax_high and frax is not None:
        reasons.append(
            reason(
                "osteopenia_frax_high",
                mof=_show(frax.major_osteoporotic_pct),
                hip=_show(frax.hip_pct),
            )
        )
        high = True
    if high:
        if triggers:
            return "very_high", reasons + triggers
        return "high", reasons
    if cat == "osteopenia":
        if frax is None:
            reasons.append(reason("osteopenia_no_frax"))
        else:
            reasons.append(
                reason(
                    "osteopenia_frax_below_threshold",
                    mof=_show(frax.major_osteoporotic_pct),
                    hip=_show(frax.hip_pct),
                )
            )
        category = "moderate"
    elif cat == "not_assessable" and facts.female and osta is not None and osta <= k.OSTA_LOW_ABOVE:
        reasons.append(reason("osta_no_dxa", osta=osta))
        category = "moderate"
    else:
        reasons.append(reason("no_risk_criteria"))
        category = "low"
    if triggers:
        reasons.extend(triggers)
        reasons.append(reason("trigger_without_high_risk"))
    return category, reasons


def _young_category(
    facts: Facts, status: TreatmentStatus, framework: str
) -> tuple[str, list[Reason]]:
    """Premenopausal women and men < 50: fracture-based rules only (A1)."""
    window = (
        k.AACE2020_RECENT_FRACTURE_MONTHS
        if framework == "aace2020"
        else k.CN2022_RECENT_FRACTURE_MONTHS
    )
    hip_vertebral = [f for f in facts.fragility_fractures if f.site in _HIP_VERTEBRA]
    if not hip_vertebral:
        return "low", [reason("young_no_qualifying_fracture")]
    reasons = [reason("young_hip_or_vertebral_fracture", **_fracture_params(hip_vertebral[-1]))]
    reasons.extend(_assumed(hip_vertebral))
    triggers = fracture_triggers(facts, status, window)
    if triggers:
        return "very_high", reasons + triggers + [reason("young_fracture_trigger")]
    return "high", reasons


def acr_category(
    facts: Facts, frax: FraxAdjusted | None, gc: Glucocorticoids, settings: RuleSettings
) -> tuple[str, list[Reason]]:
    """The ACR 2022 GIOP category (Part B §2.1), adults >= 40 and < 40."""
    if facts.age < k.ACR_ADULT_AGE:
        return _acr_young(facts, gc, settings)
    lowest = facts.lowest_t
    mof = None if frax is None else frax.major_osteoporotic_pct
    hip = None if frax is None else frax.hip_pct
    t = None if lowest is None else lowest.value

    very_high: list[Reason] = []
    if facts.fragility_fractures:
        very_high.append(
            reason("acr_prior_fracture", **_fracture_params(facts.fragility_fractures[-1]))
        )
        very_high.extend(_assumed(facts.fragility_fractures))
    if lowest is not None and lowest.value <= k.ACR_VERY_HIGH_T_SCORE:
        very_high.append(_t_reason("acr_t_score_very_low", lowest))
    if (mof is not None and mof >= k.ACR_VERY_HIGH_FRAX_MOF_PCT) or (
        hip is not None and hip >= k.ACR_VERY_HIGH_FRAX_HIP_PCT
    ):
        very_high.append(reason("acr_frax_very_high", mof=_show(mof), hip=_show(hip)))
    if gc.high_dose:
        very_high.append(reason("acr_high_dose_glucocorticoid"))
    if very_high:
        return "very_high", very_high

    high: list[Reason] = []
    if lowest is not None and lowest.value <= k.ACR_HIGH_T_SCORE:
        high.append(_t_reason("acr_t_score_high", lowest))
    if (mof is not None and mof >= k.ACR_HIGH_FRAX_MOF_PCT) or (
        hip is not None and hip >= k.ACR_HIGH_FRAX_HIP_PCT
    ):
        high.append(reason("acr_frax_high", mof=_show(mof), hip=_show(hip)))
    if high:
        return "high", high

    moderate: list[Reason] = []
    if (mof is not None and mof >= k.ACR_MODERATE_FRAX_MOF_PCT) or (
        hip is not None and hip > k.ACR_MODERATE_FRAX_HIP_PCT
    ):
        moderate.append(reason("acr_frax_moderate", mof=_show(mof), hip=_show(hip)))
    if hip is not None and hip == k.ACR_MODERATE_FRAX_HIP_PCT:
        moderate.append(reason("acr_hip_exactly_one_flagged", hip=_show(hip)))
    if lowest is not None and t is not None:
        if k.ACR_MODERATE_T_SCORE_LOWER <= t <= k.ACR_MODERATE_T_SCORE_UPPER:
            moderate.append(_t_reason("acr_t_score_moderate", lowest))
        elif k.ACR_HIGH_T_SCORE < t < k.ACR_MODERATE_T_SCORE_LOWER:
            moderate.append(_t_reason("acr_t_score_gap_flagged", lowest))
    if moderate:
        return "moderate", moderate

    low = [reason("acr_low")]
    if frax is None:
        low.append(reason("acr_frax_missing"))
    if lowest is None:
        low.append(reason("acr_dxa_missing"))
    return "low", low


def _acr_young(
    facts: Facts, gc: Glucocorticoids, settings: RuleSettings
) -> tuple[str, list[Reason]]:
    very_high: list[Reason] = []
    if facts.fragility_fractures:
        very_high.append(
            reason("acr_prior_fracture", **_fracture_params(facts.fragility_fractures[-1]))
        )
        very_high.extend(_assumed(facts.fragility_fractures))
    if gc.high_dose:
        very_high.append(reason("acr_high_dose_glucocorticoid"))
    if very_high:
        return "very_high", very_high
    lowest = facts.lowest_t
    if lowest is not None and lowest.value <= k.ACR_HIGH_T_SCORE:
        return "high", [_t_reason("acr_young_t_score", lowest)]
    course = gc.course
    if (
        course is not None
        and course.dose_mg_per_day >= k.ACR_YOUNG_MODERATE_GC_MG
        and at_least_months_after(course.start_date, facts.as_of, k.ACR_YOUNG_MODERATE_GC_MONTHS)
    ):
        z = facts.lowest_z
        low_z = z is not None and z.value < k.ACR_YOUNG_MODERATE_Z_SCORE
        lsc = {site: settings.lsc(site) for site in codes.DXA_SITES}
        loss = any(c.exceeds_lsc for c in bmd_changes(facts, lsc, None))
        if low_z or loss:
            return "moderate", [
                reason("acr_young_moderate", basis="z_score" if low_z else "bmd_loss")
            ]
    return "low", [reason("acr_young_low")]


def assess_risk(
    facts: Facts,
    *,
    diagnosis: Diagnosis,
    status: TreatmentStatus,
    frax: FraxAdjusted | None,
    osta: float | None,
    framework: str,
    settings: RuleSettings,
) -> RiskResult:
    """The final A1 risk category with both frameworks' reasons and the A1 alerts."""
    alerts: list[Alert] = []
    gc = glucocorticoids(facts)
    if facts.who_applies:
        triggers = very_high_triggers(facts, status, frax, framework, settings)
        category, reasons = _framework_category(facts, diagnosis, triggers, frax, osta)
    else:
        window = (
            k.AACE2020_RECENT_FRACTURE_MONTHS
            if framework == "aace2020"
            else k.CN2022_RECENT_FRACTURE_MONTHS
        )
        triggers = fracture_triggers(facts, status, window)
        category, reasons = _young_category(facts, status, framework)
        if facts.fragility_fractures:
            alerts.append(alert("secondary_cause_workup", basis="fracture"))
    by_framework = {framework: category}
    acr_cat: str | None = None
    final = category
    if gc.acr_applies and gc.course is not None:
        alerts.append(alert("glucocorticoid_osteoporosis", dose=gc.course.dose_mg_per_day))
        acr_cat, acr_reasons = acr_category(facts, frax, gc, settings)
        by_framework[ACR_FRAMEWORK] = acr_cat
        final = higher(category, acr_cat)
        reasons = reasons + acr_reasons
        if final != category:
            reasons.append(reason("category_from_acr_giop", acr=acr_cat, governing=category))
    if gc.high_dose:
        alerts.append(alert("high_dose_glucocorticoid"))
    record = facts.record
    if (
        record.falls_past_year or 0
    ) >= k.FALLS_ASSESSMENT_MIN or "high_fall_risk" in record.conditions:
        alerts.append(alert("falls_assessment", falls=record.falls_past_year or 0))
    if (
        facts.female
        and facts.who_applies
        and osta is not None
        and osta <= k.OSTA_LOW_ABOVE
        and not facts.t_scores
    ):
        alerts.append(alert("screening_only_refer_dxa", osta=osta))
    return RiskResult(
        diagnosis=diagnosis,
        risk=Risk(final, tuple(_unique(reasons)), by_framework),
        framework_category=category,
        triggers=tuple(triggers),
        glucocorticoids=gc,
        acr_category=acr_cat,
        alerts=tuple(alerts),
    )


def _unique(reasons: list[Reason]) -> list[Reason]:
    seen: list[Reason] = []
    for r in reasons:
        if r not in seen:
            seen.append(r)
    return seen
