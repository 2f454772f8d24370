"""A3 step 4 and A6: the ranked options. The first applicable branch decides them.

Branches, in order: (1) a gate that leaves no drug; (2) fracture on treatment; (3) denosumab
stopped or planned to stop; (4) anabolic limit reached or course ended; (5) on denosumab; (6) on
an anabolic mid-course; (7) bisphosphonate review point; (8) on a bisphosphonate, SERM or HRT
before its review point; (9) bisphosphonate holiday; (10) treatment-naive (A6 by category).
No option ever contains an avoided drug, and every anabolic step is followed by an antiresorptive.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Final

from osteodesk.core import codes
from osteodesk.core import constants as k
from osteodesk.core.decision.dates import add_months
from osteodesk.core.decision.facts import Facts, bmd_changes
from osteodesk.core.decision.gates import Gates
from osteodesk.core.decision.reasons import alert, note, reason
from osteodesk.core.decision.risk import RiskResult
from osteodesk.core.decision.settings import RuleSettings
from osteodesk.core.decision.state import (
    ANABOLIC_CLASSES,
    DRUG_CLASS,
    FractureOnTreatment,
    TreatmentStatus,
)
from osteodesk.core.evaluation import Alert, Option, Reason, Step

# A5 post_anabolic order (the A6 high order of antiresorptives).
POST_ANABOLIC_ORDER: Final = ("alendronate", "risedronate", "zoledronic_acid", "denosumab")
# A6 very high: the antiresorptive that follows an anabolic.
VERY_HIGH_FOLLOW_ON: Final = ("denosumab", "zoledronic_acid", "alendronate")
ORAL_FIRST_LINE: Final = ("alendronate", "risedronate")
_ONLY_FOR_YOUNG_ADULTS: Final = frozenset(
    (*codes.BISPHOSPHONATES, *codes.PTH_ANALOGUES, "denosumab")
)
_NON_CALCITONIN: Final = tuple(d for d in codes.OSTEOPOROSIS_DRUGS if d != "calcitonin")


@dataclass(frozen=True, slots=True)
class Candidate:
    """An option before ranking."""

    steps: tuple[Step, ...]
    reasons: tuple[Reason, ...]

    @property
    def drugs(self) -> tuple[str, ...]:
        return tuple(s.drug for s in self.steps)


@dataclass(frozen=True, slots=True)
class Decision:
    """The options and what the monitoring stage needs to know about how they were reached."""

    options: tuple[Option, ...]
    alerts: tuple[Alert, ...]
    notes: tuple[Reason, ...]
    branch: str
    holiday_recommended: bool = False
    no_drug_gate: bool = False


class _Context:
    """Shared inputs of the branches, with the small helpers every branch uses."""

    def __init__(
        self,
        facts: Facts,
        gates: Gates,
        status: TreatmentStatus,
        risk: RiskResult,
        settings: RuleSettings,
    ) -> None:
        self.facts = facts
        self.gates = gates
        self.status = status
        self.risk = risk
        self.settings = settings
        self.avoided = gates.avoided
        self.notes: list[Reason] = []

    def ok(self, drug: str) -> bool:
        return drug not in self.avoided

    def romosozumab_ok(self) -> bool:
        """Romosozumab only for postmenopausal women without a gate (A6)."""
        return self.ok("romosozumab") and self.facts.postmenopausal

    def anabolic_months(self, drug: str) -> int:
        klass = DRUG_CLASS[drug]
        return self.status.anabolic(klass).remaining_months

    def single(
        self, drug: str, reasons: Sequence[Reason], start: date | None = None
    ) -> Candidate | None:
        if not self.ok(drug):
            return None
        months = k.CALCITONIN_STEP_MONTHS if drug == "calcitonin" else None
        return Candidate((Step(drug, months, start),), tuple(reasons))

    def follow_on(self, preferred: Sequence[str]) -> str | None:
        """The antiresorptive after an anabolic: the list's own order, then the A5 order."""
        for drug in (*preferred, *POST_ANABOLIC_ORDER):
            if self.ok(drug):
                return drug
        if self.ok("raloxifene") and self.facts.female:
            return "raloxifene"
        return None

    def anabolic(
        self,
        drug: str,
        preferred: Sequence[str],
        reasons: Sequence[Reason],
        start: date | None = None,
    ) -> Candidate | None:
        """An anabolic course followed by an antiresorptive, or None if either is unavailable."""
        if not self.ok(drug):
            return None
        if drug == "romosozumab" and not self.facts.postmenopausal:
            return None
        months = self.anabolic_months(drug)
        after = self.follow_on(preferred)
        if months <= 0 or after is None:
            return None
        return Candidate((Step(drug, months, start), Step(after)), tuple(reasons))


def _present(candidates: Iterable[Candidate | None]) -> list[Candidate]:
    return [c for c in candidates if c is not None]


# --- A6 lists ------------------------------------------------------------------------------


def _very_high_list(ctx: _Context) -> list[Candidate]:
    first = [reason("very_high_risk_anabolic_first")]
    alternative = [reason("very_high_risk_antiresorptive")]
    return _present(
        (
            ctx.anabolic("romosozumab", VERY_HIGH_FOLLOW_ON, first)
            if ctx.romosozumab_ok()
            else None,
            ctx.anabolic("teriparatide", VERY_HIGH_FOLLOW_ON, first),
            ctx.anabolic("abaloparatide", VERY_HIGH_FOLLOW_ON, first),
            ctx.single("zoledronic_acid", alternative),
            ctx.single("denosumab", alternative),
        )
    )


def _hrt_suitable(facts: Facts) -> bool:
    """HRT only with vasomotor symptoms and (age < 60 or < 10 years since menopause)."""
    if not facts.female or "vasomotor_symptoms" not in facts.record.conditions:
        return False
    if facts.age < k.HRT_AGE_LIMIT:
        return True
    year = facts.record.menopause_year
    return year is not None and facts.as_of.year - year < k.HRT_YEARS_SINCE_MENOPAUSE


def _high_list(ctx: _Context) -> list[Candidate]:
    first = [reason("high_risk_first_line")]
    alternative = [reason("high_risk_parenteral_alternative")]
    facts = ctx.facts
    raloxifene = facts.female and "breast_cancer_high_risk" in facts.record.conditions
    return _present(
        (
            ctx.single("alendronate", first),
            ctx.single("risedronate", first),
            ctx.single("zoledronic_acid", alternative),
            ctx.single("denosumab", alternative),
            ctx.single("raloxifene", [reason("raloxifene_breast_cancer_risk")])
            if raloxifene
            else None,
            ctx.single("hrt", [reason("hrt_vasomotor_symptoms")]) if _hrt_suitable(facts) else None,
            ctx.single("ibandronate", [reason("ibandronate_vertebral_only")]),
        )
    )


def _acr_list(ctx: _Context, category: str) -> tuple[list[Candidate], bool]:
    """The ACR 2022 GIOP list for the final category (A6); decides whenever ACR applies."""
    pth = ("teriparatide", "abaloparatide")
    if category == "very_high" or ctx.risk.glucocorticoids.high_dose:
        follow: tuple[str, ...] = (*ORAL_FIRST_LINE, "zoledronic_acid", "denosumab")
        lead = [reason("acr_giop_pth_preferred")]
        groups: list[Candidate | None] = [
            *(ctx.anabolic(d, follow, lead) for d in pth),
            *(ctx.single(d, [reason("acr_giop_oral_bisphosphonate")]) for d in ORAL_FIRST_LINE),
            ctx.single("zoledronic_acid", [reason("acr_giop_iv_bisphosphonate")]),
            ctx.single("denosumab", [reason("acr_giop_denosumab")]),
        ]
    elif category == "high":
        follow = ("denosumab", *ORAL_FIRST_LINE, "zoledronic_acid")
        lead = [reason("acr_giop_pth_or_denosumab_preferred")]
        groups = [
            *(ctx.anabolic(d, follow, lead) for d in pth),
            ctx.single("denosumab", lead),
            *(ctx.single(d, [reason("acr_giop_oral_bisphosphonate")]) for d in ORAL_FIRST_LINE),
            ctx.single("zoledronic_acid", [reason("acr_giop_iv_bisphosphonate")]),
        ]
    elif category == "moderate":
        follow = (*ORAL_FIRST_LINE, "denosumab")
        moderate = [reason("acr_giop_moderate")]
        groups = [
            *(ctx.single(d, moderate) for d in ORAL_FIRST_LINE),
            ctx.single("denosumab", moderate),
            *(ctx.anabolic(d, follow, moderate) for d in pth),
        ]
    else:
        return [], False
    found = _present(groups)
    young = ctx.facts.age < k.ADULT_YOUNG_AGE
    if young:
        found = [c for c in found if set(c.drugs) <= _ONLY_FOR_YOUNG_ADULTS]
        if ctx.facts.female and not ctx.facts.postmenopausal:
            specialist = reason("young_adult_specialist_decision")
            found = [replace(c, reasons=(*c.reasons, specialist)) for c in found]
            ctx.notes.append(note("young_adult_specialist_decision"))
    elif not found:
        last = [reason("acr_giop_last_resort")]
        found = _present(
            (
                ctx.anabolic("romosozumab", (), last) if ctx.romosozumab_ok() else None,
                ctx.single("raloxifene", last) if ctx.facts.female else None,
            )
        )
    return found, True


def a6(ctx: _Context, category: str) -> tuple[list[Candidate], bool]:
    """A6 options for `category`, and whether drug therapy is indicated at all."""
    if ctx.risk.acr_applies:
        return _acr_list(ctx, category)
    if category == "very_high":
        return _very_high_list(ctx), True
    if category == "high":
        return _high_list(ctx), True
    return [], False


# --- branches ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Branch:
    candidates: list[Candidate]
    name: str
    drug_indicated: bool
    holiday_recommended: bool = False


def _with_reasons(candidates: list[Candidate], extra: Sequence[Reason]) -> list[Candidate]:
    return [
        replace(c, reasons=(*c.reasons, *(r for r in extra if r not in c.reasons)))
        for c in candidates
    ]


def _finish_course(ctx: _Context, drug: str, reasons: Sequence[Reason]) -> list[Candidate]:
    """Finish the running anabolic course, then each antiresorptive in the A5 order."""
    months = ctx.anabolic_months(drug)
    after = [d for d in POST_ANABOLIC_ORDER if ctx.ok(d)]
    if not after and ctx.ok("raloxifene") and ctx.facts.female:
        after = ["raloxifene"]
    if not ctx.ok(drug) or months <= 0:
        return [c for d in after if (c := ctx.single(d, [reason("antiresorptive_after_anabolic")]))]
    return [
        Candidate(
            (Step(drug, months), Step(d)), (*reasons, reason("antiresorptive_after_anabolic"))
        )
        for d in after
    ]


def _acr_sequence_applies(ctx: _Context) -> bool:
    """Glucocorticoids stopped after an ACR course and risk is low or moderate (Part B §2.1)."""
    if ctx.facts.gc_current is not None or ctx.risk.category not in ("low", "moderate"):
        return False
    return any(
        c.end_date is not None
        and c.dose_mg_per_day >= k.GC_ACR_MIN_DOSE_MG
        and c.end_date >= add_months(c.start_date, k.GC_ACR_MIN_MONTHS)
        for c in ctx.facts.record.glucocorticoid_courses
    )


def _denosumab_start(ctx: _Context) -> date:
    schedule = ctx.status.denosumab
    if schedule is None or schedule.next_due is None:
        return ctx.facts.as_of
    return max(schedule.next_due, ctx.facts.as_of)


def _transition(ctx: _Context) -> list[Candidate]:
    """Denosumab stopped: zoledronic acid at last dose + 6 months, then alendronate/risedronate."""
    schedule = ctx.status.denosumab
    when = ctx.facts.as_of
    if schedule is not None and schedule.transition_date is not None:
        when = max(schedule.transition_date, ctx.facts.as_of)
    if schedule is not None and schedule.handover is not None:
        # The zoledronic acid (or other bisphosphonate) hand-over was given and has ended:
        # "then alendronate or risedronate", from now.
        when = ctx.facts.as_of
        first = None
    else:
        first = ctx.single(
            "zoledronic_acid", [reason("denosumab_transition_zoledronic_acid")], when
        )
    found = _present(
        (
            first,
            ctx.single("alendronate", [reason("denosumab_transition_oral")], when),
            ctx.single("risedronate", [reason("denosumab_transition_oral")], when),
        )
    )
    if found:
        if _acr_sequence_applies(ctx):
            found = _with_reasons(found, [reason("acr_sequence_after_glucocorticoids")])
        return found
    # Never "no option" after denosumab: any other antiresorptive, or resume denosumab.
    fallback = [reason("denosumab_no_follow_on")]
    return _present(
        (
            ctx.single("ibandronate", fallback, when),
            ctx.single("denosumab", fallback, _denosumab_start(ctx)),
            ctx.single("raloxifene", fallback, when) if ctx.facts.female else None,
            ctx.single("bazedoxifene", fallback, when) if ctx.facts.female else None,
        )
    )


def _post_anabolic(ctx: _Context) -> list[Candidate]:
    order: tuple[str, ...] = POST_ANABOLIC_ORDER
    extra: list[Reason] = [reason("antiresorptive_after_anabolic")]
    if _acr_sequence_applies(ctx):
        order = tuple(d for d in order if d in codes.BISPHOSPHONATES)
        extra.append(reason("acr_sequence_after_glucocorticoids"))
    found = _present(ctx.single(d, extra) for d in order)
    if not found and ctx.facts.female:
        found = _present([ctx.single("raloxifene", [reason("raloxifene_only_if_all_avoided")])])
    return found


def _fracture_branch(ctx: _Context, event: FractureOnTreatment) -> _Branch:
    drug = event.treatment.drug
    klass = DRUG_CLASS[drug]
    months = int(event.months_on_drug)
    if event.change_class:
        why = [reason("fracture_on_treatment_change_class", drug=drug, months=months)]
        if klass == "bisphosphonate":
            found = _present(
                (
                    ctx.anabolic("teriparatide", VERY_HIGH_FOLLOW_ON, why),
                    ctx.anabolic("abaloparatide", VERY_HIGH_FOLLOW_ON, why),
                    ctx.anabolic("romosozumab", VERY_HIGH_FOLLOW_ON, why)
                    if ctx.romosozumab_ok()
                    else None,
                    ctx.single("denosumab", why),
                )
            )
        elif klass == "denosumab":
            start = _denosumab_start(ctx)
            timed = [*why, reason("switch_when_denosumab_due", date=start.isoformat())]
            found = _present(
                (
                    ctx.anabolic("romosozumab", VERY_HIGH_FOLLOW_ON, timed, start)
                    if ctx.romosozumab_ok()
                    else None,
                    ctx.anabolic("teriparatide", VERY_HIGH_FOLLOW_ON, timed, start),
                    ctx.anabolic("abaloparatide", VERY_HIGH_FOLLOW_ON, timed, start),
                )
            )
            if not found:  # ACR table: denosumab -> bisphosphonate
                found = _present(
                    ctx.single(d, timed, start)
                    for d in ("zoledronic_acid", "alendronate", "risedronate")
                )
        elif klass in ANABOLIC_CLASSES:  # ACR table: PTH or romosozumab -> antiresorptive
            found = _present(ctx.single(d, why) for d in POST_ANABOLIC_ORDER)
        else:  # SERM, HRT, calcitonin -> the A6 very-high list
            found = _with_reasons(a6(ctx, "very_high")[0], why)
            found = [c for c in found if drug not in c.drugs]
        return _Branch(found, "fracture_on_treatment", True)
    why = [reason("fracture_on_treatment_check_adherence", drug=drug, months=months)]
    if klass in ANABOLIC_CLASSES and not ctx.status.anabolic(klass).reached:
        found = _finish_course(ctx, drug, why)
    elif klass == "denosumab":
        found = _present([ctx.single(drug, why, _denosumab_start(ctx))])
    else:
        found = _present([ctx.single(drug, why)])
    if not found:
        found = _with_reasons(a6(ctx, ctx.risk.category)[0], why)
    return _Branch(found, "fracture_on_treatment", True)


def _review_exceptions(ctx: _Context) -> list[Reason]:
    """Who does not take a holiday (A5; Part B §4.3)."""
    facts = ctx.facts
    out: list[Reason] = []
    if ctx.risk.triggers:
        out.append(reason("holiday_exception_very_high_trigger", trigger=ctx.risk.triggers[0].code))
    for site in ("femoral_neck", "total_hip"):
        value = facts.t_scores.get(site)
        if value is not None and value.value <= k.BP_CONTINUE_HIP_T_SCORE:
            out.append(reason("holiday_exception_hip_t_score", site=site, value=value.value))
            break
    if ctx.status.fractures_on_treatment:
        out.append(reason("holiday_exception_fracture_on_treatment"))
    course = facts.gc_current
    if course is not None and course.dose_mg_per_day >= k.BP_CONTINUE_GC_MG:
        out.append(reason("holiday_exception_glucocorticoid", dose=course.dose_mg_per_day))
    if facts.age >= k.BP_CONTINUE_AGE:
        out.append(reason("holiday_exception_age", age=facts.age))
    return out


def _bisphosphonate_review(ctx: _Context) -> _Branch:
    current = ctx.status.current
    bp = ctx.status.bisphosphonate
    assert current is not None
    assert bp is not None
    exceptions = _review_exceptions(ctx)
    if not exceptions:
        ctx.notes.append(note("bisphosphonate_holiday", drug=current.drug))
        return _Branch([], "bisphosphonate_review", False, holiday_recommended=True)
    if not bp.max_reached:
        found = _present(
            [ctx.single(current.drug, [reason("continue_bisphosphonate_high_risk"), *exceptions])]
        )
        if found:
            return _Branch(found, "bisphosphonate_review", True)
    found = [
        c
        for c in a6(ctx, ctx.risk.category)[0]
        if not any(d in codes.BISPHOSPHONATES for d in c.drugs)
    ]
    found = _with_reasons(found, [reason("bisphosphonate_max_duration_reached"), *exceptions])
    if not found:
        ctx.notes.append(note("bisphosphonate_holiday", drug=current.drug))
        return _Branch([], "bisphosphonate_review", False, holiday_recommended=True)
    return _Branch(found, "bisphosphonate_review", True)


def _holiday(ctx: _Context) -> _Branch:
    facts = ctx.facts
    bp = ctx.status.bisphosphonate
    end = bp.ended if bp is not None and bp.ended is not None else facts.as_of
    triggers: list[Reason] = []
    new = [f for f in facts.fragility_fractures if f.date > end]
    if new:
        triggers.append(
            reason("restart_new_fracture", site=new[-1].site, date=new[-1].date.isoformat())
        )
    lsc = {site: ctx.settings.lsc(site) for site in codes.DXA_SITES}
    losses = [c for c in bmd_changes(facts, lsc, None) if c.later > end and c.exceeds_lsc]
    if losses:
        triggers.append(reason("restart_bmd_loss", site=losses[0].site, loss=losses[0].loss))
    course = facts.gc_current
    if (
        course is not None
        and course.start_date > end
        and course.dose_mg_per_day >= k.BP_CONTINUE_GC_MG
    ):
        triggers.append(reason("restart_new_glucocorticoid", dose=course.dose_mg_per_day))
    if ctx.risk.triggers:
        triggers.append(reason("restart_very_high_trigger", trigger=ctx.risk.triggers[0].code))
    if facts.age >= k.BP_CONTINUE_AGE:
        triggers.append(reason("restart_age", age=facts.age))
    if triggers:
        found, indicated = a6(ctx, ctx.risk.category)
        if found or indicated:
            return _Branch(
                _with_reasons(found, [reason("holiday_restart"), *triggers]), "holiday", indicated
            )
    ctx.notes.append(
        note(
            "bisphosphonate_holiday",
            drug="" if ctx.status.current is None else ctx.status.current.drug,
        )
    )
    return _Branch([], "holiday", False)


def _serm_or_hrt(ctx: _Context) -> _Branch:
    current = ctx.status.current
    assert current is not None
    if ctx.risk.category in ("high", "very_high"):
        found = [c for c in a6(ctx, ctx.risk.category)[0] if current.drug not in c.drugs]
        found += _present([ctx.single(current.drug, [reason("current_drug_last")])])
        return _Branch(found, "continue", True)
    found = _present([ctx.single(current.drug, [reason("continue_serm_or_hrt_not_high")])])
    if not found:
        found, indicated = a6(ctx, ctx.risk.category)
        return _Branch(found, "continue", indicated)
    return _Branch(found, "continue", True)


def _branch(ctx: _Context) -> _Branch:
    status = ctx.status
    state = status.state
    current = status.current
    if ctx.gates.no_drug:
        return _Branch([], "no_drug_gate", False)
    if status.decisive_fracture is not None:
        return _fracture_branch(ctx, status.decisive_fracture)
    if state == "denosumab_stopped":
        return _Branch(_transition(ctx), "denosumab_stopped", True)
    if state == "post_anabolic":
        return _Branch(_post_anabolic(ctx), "post_anabolic", True)
    if state == "on_denosumab":
        schedule = status.denosumab
        code = (
            "denosumab_give_now" if schedule is not None and schedule.late else "continue_denosumab"
        )
        found = _present([ctx.single("denosumab", [reason(code)], _denosumab_start(ctx))])
        return _Branch(found or _transition(ctx), "on_denosumab", True)
    if state == "on_anabolic" and current is not None:
        return _Branch(
            _finish_course(ctx, current.drug, [reason("finish_anabolic_course")]),
            "on_anabolic",
            True,
        )
    bp = status.bisphosphonate
    if state == "on_bisphosphonate" and current is not None and bp is not None:
        if bp.review_reached:
            return _bisphosphonate_review(ctx)
        found = _present(
            [
                ctx.single(
                    current.drug,
                    [reason("continue_bisphosphonate_before_review", months=int(bp.months))],
                )
            ]
        )
        if found:
            return _Branch(found, "continue", True)
        found, indicated = a6(ctx, ctx.risk.category)
        return _Branch(found, "naive", indicated)
    if state in ("on_serm", "on_hrt"):
        return _serm_or_hrt(ctx)
    if state == "bisphosphonate_holiday":
        return _holiday(ctx)
    found, indicated = a6(ctx, ctx.risk.category)
    if state == "other" and not status.ongoing:
        found = _with_reasons(found, [reason("previous_treatment_ended")])
    return _Branch(found, "naive", indicated)


# --- assembling ----------------------------------------------------------------------------


def _extra_reasons(ctx: _Context, candidate: Candidate) -> Candidate:
    """What the clinician must sort out before the first dose, and what was missing (A0/A4)."""
    drugs = set(candidate.drugs)
    extra: list[Reason] = []
    gates = ctx.gates
    if drugs & {"zoledronic_acid", "denosumab"}:
        if gates.vitamin_d_low:
            extra.append(reason("vitamin_d_replete_first"))
        elif not gates.vitamin_d_known:
            extra.append(reason("missing_vitamin_d"))
    if "denosumab" in drugs and gates.severe_ckd:
        extra.append(reason("denosumab_ckd_specialist"))
    if drugs & {*codes.BISPHOSPHONATES, "denosumab", "romosozumab"} and not gates.calcium_known:
        extra.append(reason("missing_calcium"))
    renal_limited = {
        "alendronate",
        "zoledronic_acid",
        "risedronate",
        "ibandronate",
        "teriparatide",
        "raloxifene",
        "bazedoxifene",
    }
    if drugs & renal_limited and not gates.renal_known:
        extra.append(reason("missing_renal_function"))
    return replace(candidate, reasons=(*candidate.reasons, *extra)) if extra else candidate


def _starts(ctx: _Context, candidate: Candidate) -> set[str]:
    """Drugs the option starts (not a continuation of a running record)."""
    return {d for d in candidate.drugs if not ctx.status.on(d)}


def decide(
    facts: Facts,
    gates: Gates,
    status: TreatmentStatus,
    risk: RiskResult,
    settings: RuleSettings,
) -> Decision:
    """The ranked options of A3 step 4 with the alerts the choice itself raises."""
    ctx = _Context(facts, gates, status, risk, settings)
    branch = _branch(ctx)
    alerts: list[Alert] = []
    candidates: list[Candidate] = []
    for candidate in branch.candidates:
        if any(d in ctx.avoided for d in candidate.drugs):
            continue  # defensive: branches only build from non-avoided drugs
        if any(c.steps == candidate.steps for c in candidates):
            continue
        candidates.append(candidate)
    if not candidates and branch.drug_indicated and not gates.no_drug:
        if all(d in ctx.avoided for d in _NON_CALCITONIN) and ctx.ok("calcitonin"):
            single = ctx.single("calcitonin", [reason("calcitonin_last_resort")])
            if single is not None:
                candidates.append(single)
                alerts.append(alert("calcitonin_last_resort"))
        else:
            alerts.append(alert("no_suitable_option"))
    if gates.no_drug and not gates.hypocalcemia and not gates.pregnancy:
        alerts.append(alert("no_suitable_option"))
    candidates = [_extra_reasons(ctx, c) for c in candidates]
    started = set().union(*(_starts(ctx, c) for c in candidates)) if candidates else set()
    if started & set(codes.PTH_ANALOGUES) and status.recent_denosumab:
        alerts.append(alert("denosumab_to_pth_hip_loss"))
    if started & set(codes.ANABOLICS) and status.long_recent_bisphosphonate:
        alerts.append(
            alert(
                "prior_bisphosphonate_blunts_anabolic",
                months=int(status.bisphosphonate.months) if status.bisphosphonate else 0,
            )
        )
    options = tuple(Option(rank, c.steps, c.reasons) for rank, c in enumerate(candidates, start=1))
    return Decision(
        options=options,
        alerts=tuple(alerts),
        notes=tuple(ctx.notes),
        branch=branch.name,
        holiday_recommended=branch.holiday_recommended,
        no_drug_gate=gates.no_drug,
    )
