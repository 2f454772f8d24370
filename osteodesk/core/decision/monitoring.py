"""A7 monitoring dates and the on-treatment response checks (bone turnover markers, BMD).

Dates: a proposed option is dated as if started at `as_of`; a running drug from its start date.
Only the rank-1 option is scheduled: it is the plan the clinician sees first, and a different
choice is re-evaluated when it is saved.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Final

from osteodesk.core import codes
from osteodesk.core import constants as k
from osteodesk.core.decision.dates import (
    MONTHS_PER_YEAR,
    Interval,
    add_days,
    add_months,
    date_exposure_reaches,
)
from osteodesk.core.decision.facts import Facts, bmd_changes, dec
from osteodesk.core.decision.gates import Gates
from osteodesk.core.decision.options import Decision
from osteodesk.core.decision.reasons import alert, note
from osteodesk.core.decision.risk import RiskResult
from osteodesk.core.decision.settings import RuleSettings
from osteodesk.core.decision.state import (
    DENOSUMAB_DOSE_ALERTS,
    DenosumabSchedule,
    TreatmentStatus,
    class_intervals,
)
from osteodesk.core.evaluation import Alert, MonitoringItem, Reason, Step
from osteodesk.core.record import LabResult, Treatment

# A7: "before starting any antiresorptive or romosozumab" (SERMs, HRT and calcitonin included).
_DENTAL_EXAM_BEFORE: Final = frozenset((*codes.ANTIRESORPTIVES, "romosozumab"))
_BTM_RESPONSE: Final = {"ctx": k.CTX_RESPONSE_FALL_PCT, "p1np": k.P1NP_RESPONSE_FALL_PCT}
_PERCENT: Final = Decimal(100)


@dataclass(frozen=True, slots=True)
class _Scheduled:
    step: Step
    start: date
    record: Treatment | None  # the running record when the step continues it


def _schedule(facts: Facts, status: TreatmentStatus, decision: Decision) -> list[_Scheduled]:
    """The rank-1 option's steps with their start dates (A7 dating rule)."""
    if not decision.options:
        return []
    out: list[_Scheduled] = []
    start = facts.as_of
    for index, step in enumerate(decision.options[0].steps):
        record = None
        if index == 0:
            running = [t for t in status.ongoing if t.drug == step.drug]
            if running:
                record = running[-1]
                start = record.start_date
        out.append(_Scheduled(step, start, record))
        if step.months is None:
            break
        base = facts.as_of if record is not None else start
        start = add_months(base, step.months)
    return out


class _Plan:
    def __init__(self) -> None:
        self.items: list[MonitoringItem] = []

    def add(self, item: str, due: date, why: str, **params: str | int | float) -> None:
        if any(m.item == item and m.due_date == due for m in self.items):
            return
        self.items.append(MonitoringItem(item, due, reason=why, params=params))

    def result(self) -> tuple[MonitoringItem, ...]:
        return tuple(
            sorted(self.items, key=lambda m: (m.due_date, codes.MONITORING_ITEMS.index(m.item)))
        )


def _labs(facts: Facts, test: str) -> list[LabResult]:
    return sorted((lab for lab in facts.record.labs if lab.test == test), key=lambda lab: lab.date)


def _dxa(
    plan: _Plan,
    facts: Facts,
    status: TreatmentStatus,
    risk: RiskResult,
    decision: Decision,
    steps: list[_Scheduled],
) -> None:
    on_gc = facts.gc_current is not None
    interval = k.DXA_INTERVAL_GC_MONTHS if on_gc else k.DXA_INTERVAL_MONTHS
    why_interval = "dxa_interval_glucocorticoid" if on_gc else "dxa_interval"
    latest = max((s.date for s in facts.record.dxa), default=None)
    if steps and steps[0].record is None:
        plan.add("dxa", add_months(facts.as_of, k.DXA_AFTER_START_MONTHS), "dxa_after_start")
        return
    if steps:
        record = steps[0].record
        assert record is not None
        # A scan on the start day is the baseline, not the 12-month follow-up (A7).
        since = [s.date for s in facts.record.dxa if s.date > record.start_date]
        if not since:
            plan.add(
                "dxa", add_months(record.start_date, k.DXA_AFTER_START_MONTHS), "dxa_after_start"
            )
        else:
            plan.add("dxa", add_months(max(since), interval), why_interval)
        return
    bp = status.bisphosphonate
    if decision.holiday_recommended:
        plan.add("dxa", add_months(facts.as_of, k.HOLIDAY_REASSESS_MONTHS), "dxa_holiday")
        return
    if status.state == "bisphosphonate_holiday" and bp is not None and bp.ended is not None:
        plan.add("dxa", add_months(bp.ended, k.HOLIDAY_REASSESS_MONTHS), "dxa_holiday")
        return
    if risk.category != "low" or on_gc:
        due = facts.as_of if latest is None else max(add_months(latest, interval), facts.as_of)
        plan.add("dxa", due, "dxa_untreated")


def _btm(plan: _Plan, facts: Facts, steps: list[_Scheduled]) -> None:
    """P1NP for an anabolic, CTX for an oral bisphosphonate: at the start and 3 months on (A7).

    Every scheduled step counts, each from its own start (ambiguity 44): an oral
    bisphosphonate after a teriparatide course gets its CTX pair when it starts.
    """
    for scheduled in steps:
        drug = scheduled.step.drug
        marker = (
            "p1np"
            if drug in codes.ANABOLICS
            else "ctx"
            if drug in codes.ORAL_BISPHOSPHONATES
            else None
        )
        if marker is None:
            continue
        three = add_months(scheduled.start, k.BTM_RECHECK_MONTHS)
        if scheduled.record is None:
            plan.add(marker, scheduled.start, "btm_baseline")
            plan.add(marker, three, "btm_three_months")
            continue
        window_end = add_days(three, k.BTM_WINDOW_DAYS)
        window_start = add_days(three, -k.BTM_WINDOW_DAYS)
        done = any(window_start <= lab.date <= window_end for lab in _labs(facts, marker))
        if facts.as_of <= window_end and not done:
            plan.add(marker, three, "btm_three_months")


def _calcium(
    plan: _Plan, facts: Facts, status: TreatmentStatus, gates: Gates, steps: list[_Scheduled]
) -> None:
    if gates.hypocalcemia:
        plan.add(
            "serum_calcium",
            add_months(facts.as_of, k.CALCIUM_AFTER_HYPOCALCEMIA_MONTHS),
            "calcium_after_hypocalcemia",
        )
    if not any(s.step.drug == "denosumab" for s in steps):
        _calcium_for_pending_dose(plan, facts, status, gates)
    for scheduled in steps:
        drug = scheduled.step.drug
        if drug in codes.PTH_ANALOGUES and scheduled.record is None:
            plan.add("serum_calcium", scheduled.start, "calcium_baseline_pth")
        if drug != "denosumab":
            continue
        schedule = status.denosumab
        if scheduled.record is not None and schedule is not None and schedule.last_dose is not None:
            _calcium_around_next_dose(plan, facts, schedule, gates)
        else:
            plan.add(
                "serum_calcium",
                max(add_days(scheduled.start, -k.CALCIUM_BEFORE_DENOSUMAB_DAYS), facts.as_of),
                "calcium_before_denosumab",
            )
            if gates.severe_ckd:
                plan.add(
                    "serum_calcium",
                    add_days(scheduled.start, k.DAYS_PER_WEEK),
                    "calcium_ckd_after_denosumab",
                )


def _calcium_for_pending_dose(
    plan: _Plan, facts: Facts, status: TreatmentStatus, gates: Gates
) -> None:
    """The next denosumab dose still asked for without an option (A4: a patient on denosumab
    keeps the dose alert under the hypocalcaemia gate): its checks are due all the same (A7)."""
    schedule = status.denosumab
    asked = any(a.code in DENOSUMAB_DOSE_ALERTS for a in status.alerts)
    if status.state != "on_denosumab" or not asked or schedule is None:
        return
    if schedule.last_dose is not None:
        _calcium_around_next_dose(plan, facts, schedule, gates)


def _calcium_around_next_dose(
    plan: _Plan, facts: Facts, schedule: DenosumabSchedule, gates: Gates
) -> None:
    """Calcium 14 days before the next dose; in severe CKD, the next check after the last (A7)."""
    assert schedule.last_dose is not None
    next_due = schedule.next_due or facts.as_of
    plan.add(
        "serum_calcium",
        max(add_days(next_due, -k.CALCIUM_BEFORE_DENOSUMAB_DAYS), facts.as_of),
        "calcium_before_denosumab",
    )
    if gates.severe_ckd:
        plan.add(
            "serum_calcium",
            _ckd_check(schedule.last_dose, facts.as_of),
            "calcium_ckd_after_denosumab",
        )


def _ckd_check(last_dose: date, as_of: date) -> date:
    """The next calcium check after a dose in severe CKD: weekly for 4 weeks, then monthly."""
    weekly = [
        add_days(last_dose, k.DAYS_PER_WEEK * n) for n in range(1, k.CKD_CALCIUM_WEEKLY_CHECKS + 1)
    ]
    monthly = [add_months(weekly[-1], m) for m in range(1, k.DENOSUMAB_INTERVAL_MONTHS)]
    for day in (*weekly, *monthly):
        if day >= as_of:
            return day
    return as_of


def _vitamin_d_renal_dental_cv(
    plan: _Plan, facts: Facts, status: TreatmentStatus, gates: Gates, steps: list[_Scheduled]
) -> None:
    if gates.vitamin_d_low:
        plan.add(
            "vitamin_d_25oh",
            add_months(facts.as_of, k.VITAMIN_D_RECHECK_MONTHS),
            "vitamin_d_after_repletion",
        )
    if not gates.renal_known:
        plan.add("renal_function", facts.as_of, "renal_unknown")
    for scheduled in steps:
        drug = scheduled.step.drug
        new = scheduled.record is None
        if new and drug in ("zoledronic_acid", "denosumab"):
            plan.add("vitamin_d_25oh", scheduled.start, "vitamin_d_before_start")
        if drug == "zoledronic_acid":
            if new:
                plan.add("renal_function", scheduled.start, "renal_before_zoledronic_acid")
            else:
                assert scheduled.record is not None
                last_infusion = scheduled.record.latest_dose or scheduled.record.start_date
                plan.add(
                    "renal_function",
                    add_months(last_infusion, k.ZOLEDRONIC_ACID_INTERVAL_MONTHS),
                    "renal_before_zoledronic_acid",
                )
        if drug in codes.ORAL_BISPHOSPHONATES and scheduled is steps[0]:
            renal_labs = [
                lab.date for lab in facts.record.labs if lab.test in ("creatinine", "egfr")
            ]
            due = (
                facts.as_of
                if not renal_labs
                else add_months(max(renal_labs), k.RENAL_ORAL_BP_MONTHS)
            )
            plan.add("renal_function", due, "renal_yearly_oral_bisphosphonate")
        if new and drug in _DENTAL_EXAM_BEFORE:
            plan.add("dental_exam", scheduled.start, "dental_before_start")
        if drug == "romosozumab":
            if new:
                plan.add("cv_review", scheduled.start, "cv_before_romosozumab")
            else:
                assert scheduled.record is not None
                last = scheduled.record.latest_dose
                due = (
                    facts.as_of if last is None else add_months(last, k.ROMOSOZUMAB_INTERVAL_MONTHS)
                )
                plan.add("cv_review", due, "cv_before_romosozumab")


def _reassessment(
    plan: _Plan, facts: Facts, status: TreatmentStatus, decision: Decision, steps: list[_Scheduled]
) -> None:
    if decision.no_drug_gate:
        plan.add(
            "risk_reassessment",
            add_months(facts.as_of, k.RISK_REASSESS_NO_DRUG_MONTHS),
            "reassess_after_no_drug_gate",
        )
    if decision.holiday_recommended:
        plan.add(
            "risk_reassessment",
            add_months(facts.as_of, k.HOLIDAY_REASSESS_MONTHS),
            "reassess_holiday",
        )
    bp = status.bisphosphonate
    if (
        status.state == "bisphosphonate_holiday"
        and not steps
        and bp is not None
        and bp.ended is not None
    ):
        plan.add(
            "risk_reassessment", add_months(bp.ended, k.HOLIDAY_REASSESS_MONTHS), "reassess_holiday"
        )
    continuing_bp = (
        steps and steps[0].record is not None and steps[0].step.drug in codes.BISPHOSPHONATES
    )
    if continuing_bp and bp is not None and bp.next_review_date is not None:
        plan.add("risk_reassessment", bp.next_review_date, "reassess_at_review_point")
    for scheduled in steps:
        if scheduled.record is None and scheduled.step.drug in codes.BISPHOSPHONATES:
            review = _new_bisphosphonate_review(facts, scheduled)
            if review is not None:
                plan.add("risk_reassessment", review, "reassess_at_review_point")


def _new_bisphosphonate_review(facts: Facts, scheduled: _Scheduled) -> date | None:
    """The review point of a proposed bisphosphonate (A5/A7), earlier class time included.

    None when earlier bisphosphonate time already reached it (the restart is itself reviewed).
    """
    years = (
        k.BP_REVIEW_IV_YEARS if scheduled.step.drug == "zoledronic_acid" else k.BP_REVIEW_ORAL_YEARS
    )
    intervals = [*class_intervals(facts, "bisphosphonate"), Interval(scheduled.start, None)]
    review = date_exposure_reaches(intervals, years * MONTHS_PER_YEAR)
    if review is None or review <= scheduled.start:
        return None
    return review


def _btm_response(facts: Facts, status: TreatmentStatus) -> Alert | None:
    """On an oral bisphosphonate: CTX fall > 56 % or P1NP fall > 38 % at 3 months (A7)."""
    running = [t for t in status.ongoing if t.drug in codes.ORAL_BISPHOSPHONATES]
    if not running:
        return None
    start = running[-1].start_date
    three = add_months(start, k.BTM_RECHECK_MONTHS)
    pairs: list[tuple[str, float, float, Decimal]] = []
    for marker, threshold in _BTM_RESPONSE.items():
        labs = _labs(facts, marker)
        baseline = [
            lab for lab in labs if add_days(start, -k.BTM_BASELINE_MAX_DAYS) <= lab.date <= start
        ]
        follow = [lab for lab in labs if abs((lab.date - three).days) <= k.BTM_WINDOW_DAYS]
        if not baseline or not follow or baseline[-1].value <= 0:
            continue
        first = baseline[-1].value
        later = min(follow, key=lambda lab: (abs((lab.date - three).days), lab.date)).value
        fall = (dec(first) - dec(later)) / dec(first) * _PERCENT
        pairs.append((marker, first, later, fall))
        if fall > dec(threshold):
            return None
    if not pairs:
        return None
    marker, first, later, fall = pairs[0]
    return alert(
        "btm_no_response", marker=marker, baseline=first, value=later, fall_pct=float(fall)
    )


def _bmd_response(
    facts: Facts, status: TreatmentStatus, settings: RuleSettings
) -> tuple[list[Alert], list[Reason]]:
    current = status.current
    if current is None or current not in status.ongoing:
        return [], []
    lsc = {site: settings.lsc(site) for site in codes.DXA_SITES}
    alerts: list[Alert] = []
    notes: list[Reason] = []
    for change in bmd_changes(facts, lsc, current.start_date):
        if change.exceeds_lsc:
            if not alerts:
                alerts.append(
                    alert(
                        "bmd_loss_on_treatment",
                        site=change.site,
                        loss=change.loss,
                        lsc=change.lsc,
                        earlier=change.earlier.isoformat(),
                        later=change.later.isoformat(),
                    )
                )
        elif not change.device_known and dec(change.loss) > dec(change.lsc):
            notes.append(note("bmd_device_unknown", site=change.site, loss=change.loss))
    return alerts, notes


def plan_monitoring(
    facts: Facts,
    *,
    status: TreatmentStatus,
    gates: Gates,
    risk: RiskResult,
    decision: Decision,
    settings: RuleSettings,
) -> tuple[tuple[MonitoringItem, ...], tuple[Alert, ...], tuple[Reason, ...]]:
    """Monitoring items (A7), response alerts and notes for one evaluation."""
    steps = _schedule(facts, status, decision)
    plan = _Plan()
    _dxa(plan, facts, status, risk, decision, steps)
    lowest = facts.lowest_t
    if lowest is not None and lowest.value <= k.OSTEOPOROSIS_T_SCORE:
        plan.add("vfa", facts.as_of, "vfa_low_t_score")
    elif facts.gc_current is not None:
        plan.add("vfa", facts.as_of, "vfa_glucocorticoid")
    _btm(plan, facts, steps)
    _calcium(plan, facts, status, gates, steps)
    _vitamin_d_renal_dental_cv(plan, facts, status, gates, steps)
    _reassessment(plan, facts, status, decision, steps)
    alerts: list[Alert] = []
    btm = _btm_response(facts, status)
    if btm is not None:
        alerts.append(btm)
    bmd_alerts, notes = _bmd_response(facts, status, settings)
    alerts.extend(bmd_alerts)
    return plan.result(), tuple(alerts), tuple(notes)
