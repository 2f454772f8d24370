"""What falls due for one patient and when: the items of the follow-up worklist (issue 7).

A due item is a dated action (a dose, a hand-over, a review, a DXA, a lab test, a visit) with the
code of contract section 4: the alert codes of section 2 plus ``dxa_due``, ``lab_due`` and
``visit_due``. Items are derived from the record, its evaluation, the active plan and the marks
the clinic made (done, snoozed), and do not depend on the day they are looked at: the status
(overdue, due, upcoming) and the code a late item takes are worked out from `as_of` when the
list is shown, so stored items stay right until the record, a dose or the plan changes.

Every date comes from the decision module where it already computes it (one place for each
rule): the A5 schedule of `decision.state` (denosumab next dose and transition, anabolic course
limits, bisphosphonate review points) and the A7 monitoring items of the evaluation. Added here:
the next zoledronic acid infusion and romosozumab dose (their A7 intervals), the active plan's
next step, and the next DXA after one marked done. Monitoring items that the evaluation dates
from a hypothetical start at `as_of` (an option not yet chosen) are left out: they would move
every time the record is saved. 25(OH)D after repletion is anchored to the low result (the
evaluation dates it from `as_of`, which would push it back at every save).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Final

from osteodesk.core import codes, messages
from osteodesk.core import constants as k
from osteodesk.core.decision import evaluate
from osteodesk.core.decision.dates import MONTHS_PER_YEAR, add_days, add_months
from osteodesk.core.decision.facts import gather
from osteodesk.core.decision.render import localise
from osteodesk.core.decision.settings import RuleSettings
from osteodesk.core.decision.state import TreatmentStatus, assess_treatment, drug_class
from osteodesk.core.evaluation import Evaluation, MonitoringItem, ParamValue
from osteodesk.core.plan import Plan
from osteodesk.core.record import PatientRecord, Treatment

# Codes of contract section 4: the alert codes an item can carry, then the worklist's own.
ALERT_DUE_CODES: Final = (
    "denosumab_dose_late",
    "denosumab_dose_due",
    "denosumab_last_dose_unknown",
    "denosumab_transition_required",
    "anabolic_course_complete",
    "anabolic_course_ending",
    "bisphosphonate_review_due",
)
DUE_CODES: Final = (*ALERT_DUE_CODES, "dxa_due", "lab_due", "visit_due")
STATUSES: Final = ("overdue", "due", "upcoming")
# The fields of one worklist line in `osteodesk due --format json` (contract section 4) and CSV.
LINE_FIELDS: Final = ("patient", "name", "code", "due_date", "status", "detail")
MARK_KINDS: Final = ("done", "snooze")

# Where an item comes from (shown, and kept with the stored row).
SOURCE_TREATMENT: Final = "treatment"  # A5 schedule of the record's drugs (decision.state)
SOURCE_MONITORING: Final = "monitoring"  # A7 items of the evaluation
SOURCE_PLAN: Final = "plan"  # the active plan's next step
SOURCE_FOLLOW_UP: Final = "follow_up"  # the next one after an item marked done

# Severity of the items that are not alerts (alerts keep constants.ALERT_SEVERITY): a dose or
# a safety lab is a warning like the dose alerts; a DXA is information.
_OWN_SEVERITY: Final[dict[str, str]] = {
    "dxa_due": "info",
    "lab_due": "warning",
    "visit_due": "warning",
}

# Lab tests the worklist follows (issue 7), with the A7 reasons that date them.
LAB_REASONS: Final[dict[str, str]] = {
    "calcium_ckd_after_denosumab": "serum_calcium",
    "vitamin_d_after_repletion": "vitamin_d_25oh",
    "renal_before_zoledronic_acid": "renal_function",
    "btm_three_months": "",  # ctx or p1np: the monitoring item names it
}
# Items whose next occurrence is the evaluation's next date after the one marked done.
_SERIES_REASONS: Final = frozenset({"calcium_ckd_after_denosumab"})
# Injected drugs whose dose the worklist records when a dose item is marked done.
DOSE_DRUGS: Final = ("denosumab", "zoledronic_acid", "romosozumab")

SUBJECT_DOSE: Final = "dose:"
SUBJECT_START: Final = "start:"
SUBJECT_REASSESS: Final = "risk_reassessment"
SUBJECT_DXA: Final = "dxa"

# A notice window opens at most this long before the due date (anabolic course ending, A5),
# plus a few days for the end-of-month clamp of calendar months (A0).
_LONGEST_NOTICE_MONTHS: Final = max(
    k.ANABOLIC_ENDING_WARNING_MONTHS, k.ROMOSOZUMAB_MAX_MONTHS - k.ROMOSOZUMAB_ENDING_FROM
)
_MONTH_END_SLACK_DAYS: Final = 3


@dataclass(frozen=True, slots=True)
class DueItem:
    """One dated action for one patient.

    `code` is the contract code until `late_from`; from that day on the item carries
    `late_code` (a denosumab dose becomes ``denosumab_dose_late``, an anabolic course that ends
    becomes ``anabolic_course_complete``). `notice_from` is the first day the rules ask for the
    action to be prepared (denosumab: 28 days before; a course end: 3 months before); items
    without a notice window have it equal to `due_date`. `subject` tells items with the same
    code apart (the lab test, the drug, ``dose:denosumab``, ``start:zoledronic_acid``).
    """

    code: str
    subject: str
    due_date: date
    notice_from: date
    source: str
    params: Mapping[str, ParamValue] = field(default_factory=dict)
    late_from: date | None = None
    late_code: str | None = None
    snoozed_until: date | None = None
    snooze_reason: str | None = None

    @property
    def key(self) -> tuple[str, str]:
        """What identifies the item across refreshes (with its due date, what marks answer)."""
        return (self.code, self.subject)

    def is_late(self, as_of: date) -> bool:
        """Whether the late code applies on `as_of`."""
        return self.late_from is not None and as_of >= self.late_from

    def code_on(self, as_of: date) -> str:
        """The contract code on `as_of`."""
        if self.late_code is not None and self.is_late(as_of):
            return self.late_code
        return self.code

    def severity_on(self, as_of: date) -> str:
        """``urgent``, ``warning`` or ``info`` on `as_of`."""
        return severity_of(self.code_on(as_of))

    def status_on(self, as_of: date, within_days: int) -> str:
        """``overdue``, ``due`` (within `within_days`, day N included) or ``upcoming``."""
        return status_of(self.due_date, as_of, within_days)

    def listed_on(self, as_of: date, within_days: int) -> bool:
        """Due within `within_days` (or earlier), or its notice window has begun."""
        return self.due_date <= add_days(as_of, within_days) or self.notice_from <= as_of

    def snoozed_on(self, as_of: date) -> bool:
        """Hidden by a snooze on `as_of` (it shows again on the snooze date)."""
        return self.snoozed_until is not None and as_of < self.snoozed_until


@dataclass(frozen=True, slots=True)
class DueMark:
    """What the clinic did about an item: ``done`` on `mark_date`, or ``snooze`` until it.

    A mark answers the item with the same code, subject and due date. A snooze needs a reason
    (`note`); a done mark may carry a note.
    """

    kind: str
    code: str
    subject: str
    due_date: date
    mark_date: date
    note: str | None = None

    @property
    def key(self) -> tuple[str, str]:
        return (self.code, self.subject)


def severity_of(code: str) -> str:
    """The severity of a due code: the alert's own, or the worklist's for dxa/lab/visit."""
    return _OWN_SEVERITY.get(code) or k.ALERT_SEVERITY.get(code, "warning")


def status_of(due_date: date, as_of: date, within_days: int) -> str:
    """Overdue before `as_of`; due up to and including `as_of` + `within_days`; else upcoming."""
    if due_date < as_of:
        return "overdue"
    if due_date <= add_days(as_of, within_days):
        return "due"
    return "upcoming"


def notice_horizon(as_of: date) -> date:
    """No item with a due date after this day can be in its notice window on `as_of`."""
    return add_days(add_months(as_of, _LONGEST_NOTICE_MONTHS), _MONTH_END_SLACK_DAYS)


def derive_due_items(
    record: PatientRecord,
    *,
    as_of: date,
    plan: Plan | None = None,
    marks: Sequence[DueMark] = (),
    evaluation: Evaluation | None = None,
    settings: RuleSettings | None = None,
) -> tuple[DueItem, ...]:
    """Every open due item of one patient, earliest first.

    Args:
        record: the patient's saved record.
        as_of: the day of the evaluation the monitoring dates come from (the refresh day).
        plan: the patient's active plan, if any (its next step becomes an item).
        marks: done and snooze marks of this patient (done items are left out; snoozes are
            copied onto their item).
        evaluation: the evaluation of `record` on `as_of`; computed when not given (under
            the plan's framework, else the default).
        settings: clinician overrides of the [U] defaults.

    Returns:
        The items, by due date.
    """
    settings = settings or RuleSettings()
    if evaluation is None:
        framework = plan.framework if plan is not None else codes.DEFAULT_FRAMEWORK
        if framework not in codes.FRAMEWORKS:
            framework = codes.DEFAULT_FRAMEWORK
        evaluation = evaluate(record, as_of=as_of, framework=framework, settings=settings)
    status = assess_treatment(gather(record, as_of), settings)
    done = [m for m in marks if m.kind == "done"]
    items: list[DueItem] = []
    items.extend(_denosumab(status, as_of))
    items.extend(_zoledronic_acid(status))
    items.extend(_romosozumab(status))
    items.extend(_anabolic(status, as_of))
    items.extend(_bisphosphonate_review(status, done))
    items.extend(_monitoring(record, evaluation, status))
    if plan is not None and plan.status == "active":
        items = _plan_step(items, plan, record)
    items = _after_done(items, done, record, evaluation, as_of, settings)
    items = _with_snoozes(items, [m for m in marks if m.kind == "snooze"])
    return tuple(sorted(_unique(items), key=lambda i: (i.due_date, DUE_CODES.index(i.code))))


# --- A5 treatment schedule ---------------------------------------------------------------


def _item(
    code: str,
    subject: str,
    due: date,
    source: str,
    *,
    notice_from: date | None = None,
    late_from: date | None = None,
    late_code: str | None = None,
    **params: ParamValue,
) -> DueItem:
    return DueItem(
        code=code,
        subject=subject,
        due_date=due,
        notice_from=min(notice_from or due, due),
        source=source,
        params=params,
        late_from=late_from,
        late_code=late_code,
    )


def _denosumab(status: TreatmentStatus, as_of: date) -> list[DueItem]:
    """Next dose (due 28 days before, late after 7 months) or the transition (A5)."""
    schedule = status.denosumab
    if schedule is None:
        return []
    if status.state == "on_denosumab":
        if schedule.last_dose is None or schedule.next_due is None:
            return [_item("denosumab_last_dose_unknown", "denosumab", as_of, SOURCE_TREATMENT)]
        late_after = add_months(schedule.last_dose, k.DENOSUMAB_LATE_MONTHS)
        return [
            _item(
                "denosumab_dose_due",
                "denosumab",
                schedule.next_due,
                SOURCE_TREATMENT,
                notice_from=add_days(schedule.next_due, -k.DENOSUMAB_DUE_NOTICE_DAYS),
                late_from=add_days(late_after, 1),  # late strictly after 7 months
                late_code="denosumab_dose_late",
                last_dose=schedule.last_dose.isoformat(),
                next_due=schedule.next_due.isoformat(),
                late_after=late_after.isoformat(),
            )
        ]
    if status.state == "denosumab_stopped":
        when = schedule.transition_date or as_of
        last = "" if schedule.last_dose is None else schedule.last_dose.isoformat()
        return [
            _item(
                "denosumab_transition_required",
                "zoledronic_acid",
                when,
                SOURCE_TREATMENT,
                # The transition infusion replaces the next dose: the same notice (A5).
                notice_from=add_days(when, -k.DENOSUMAB_DUE_NOTICE_DAYS),
                date=when.isoformat(),
                last_dose=last,
            )
        ]
    return []


def _running(status: TreatmentStatus, drug: str) -> Treatment | None:
    running = [t for t in status.ongoing if t.drug == drug]
    return running[-1] if running else None


def _zoledronic_acid(status: TreatmentStatus) -> list[DueItem]:
    """The yearly infusion of a running zoledronic acid course (A7 interval)."""
    record = _running(status, "zoledronic_acid")
    if record is None or status.state != "on_bisphosphonate":
        return []
    last = record.latest_dose or record.start_date
    due = add_months(last, k.ZOLEDRONIC_ACID_INTERVAL_MONTHS)
    return [
        _item(
            "visit_due",
            SUBJECT_DOSE + "zoledronic_acid",
            due,
            SOURCE_TREATMENT,
            drug="zoledronic_acid",
            last_dose=last.isoformat(),
        )
    ]


def _romosozumab(status: TreatmentStatus) -> list[DueItem]:
    """The next monthly romosozumab dose while the course lasts (A7 interval, A5 limit)."""
    record = _running(status, "romosozumab")
    course = status.romosozumab
    if record is None or status.state != "on_anabolic" or course.reached:
        return []
    last = record.latest_dose or record.start_date
    due = add_months(last, k.ROMOSOZUMAB_INTERVAL_MONTHS)
    if course.doses is not None:
        if course.doses >= k.ROMOSOZUMAB_MAX_DOSES:
            return []
        number = course.doses + 1
    else:
        if course.limit_date is not None and due >= course.limit_date:
            return []
        number = 0  # unknown
    return [
        _item(
            "visit_due",
            SUBJECT_DOSE + "romosozumab",
            due,
            SOURCE_TREATMENT,
            drug="romosozumab",
            last_dose=last.isoformat(),
            number=number,
        )
    ]


def _anabolic(status: TreatmentStatus, as_of: date) -> list[DueItem]:
    """Course ending (notice 3 months before the limit) then complete: hand-over (A5)."""
    current = status.current
    if current is None or status.state not in ("on_anabolic", "post_anabolic"):
        return []
    klass = drug_class(current.drug)
    course = status.anabolic(klass)
    if status.state == "on_anabolic":
        if course.limit_date is None:
            return []
        end = course.limit_date
        notice_months = (
            k.ANABOLIC_ENDING_WARNING_MONTHS
            if klass == "pth"
            else k.ROMOSOZUMAB_MAX_MONTHS - k.ROMOSOZUMAB_ENDING_FROM
        )
        return [
            _item(
                "anabolic_course_ending",
                current.drug,
                end,
                SOURCE_TREATMENT,
                notice_from=add_months(end, -notice_months),
                late_from=end,
                late_code="anabolic_course_complete",
                drug=current.drug,
                date=end.isoformat(),
            )
        ]
    ended = [d for d in (current.end_date, course.limit_date) if d is not None]
    end = min(ended) if ended else as_of
    return [
        _item(
            "anabolic_course_complete",
            current.drug,
            end,
            SOURCE_TREATMENT,
            drug=current.drug,
            date=end.isoformat(),
        )
    ]


def _bisphosphonate_review(status: TreatmentStatus, done: Sequence[DueMark]) -> list[DueItem]:
    """The review point reached (or the next one) while a bisphosphonate runs (A5)."""
    bp = status.bisphosphonate
    if bp is None or status.state != "on_bisphosphonate" or status.current is None:
        return []
    drug = status.current.drug
    for when in (bp.last_review_date, bp.next_review_date):
        if when is None:
            continue
        if any(m.key == ("bisphosphonate_review_due", drug) and m.due_date >= when for m in done):
            continue
        years = _review_years(status, when)
        return [
            _item(
                "bisphosphonate_review_due",
                drug,
                when,
                SOURCE_TREATMENT,
                drug=drug,
                date=when.isoformat(),
                years=years,
            )
        ]
    return []


def _review_years(status: TreatmentStatus, when: date) -> int:
    """Whole years of bisphosphonate at a review point: 5, 7, 9 ... (oral) or 3, 5 ... (IV)."""
    bp = status.bisphosphonate
    assert bp is not None
    first = bp.review_months // MONTHS_PER_YEAR
    if not bp.review_reached:
        return first
    repeat = k.BP_REVIEW_REPEAT_YEARS
    reached = int((bp.months - bp.review_months) // (repeat * MONTHS_PER_YEAR))
    if bp.last_review_date is not None and when > bp.last_review_date:
        reached += 1
    return first + reached * repeat


# --- A7 monitoring -----------------------------------------------------------------------


def _monitoring(
    record: PatientRecord, evaluation: Evaluation, status: TreatmentStatus
) -> list[DueItem]:
    out: list[DueItem] = []
    for item in evaluation.monitoring:
        if item.item == "dxa":
            found = _dxa(item, evaluation, status)
        elif item.item == "risk_reassessment":
            found = _holiday_reassessment(item, evaluation)
        else:
            found = _lab(item, record, status)
        if found is not None:
            out.append(found)
    return out


def _anchored_on_running(status: TreatmentStatus, due: date, months: int) -> bool:
    """Whether `due` is `months` after the start of a running course (not a proposed one)."""
    return any(add_months(t.start_date, months) == due for t in status.ongoing)


def _dxa(item: MonitoringItem, evaluation: Evaluation, status: TreatmentStatus) -> DueItem | None:
    reason = item.reason or ""
    if reason == "dxa_after_start" and not _anchored_on_running(
        status, item.due_date, k.DXA_AFTER_START_MONTHS
    ):
        return None  # dated from a hypothetical start today
    if reason == "dxa_holiday" and evaluation.treatment_state != "bisphosphonate_holiday":
        return None  # a holiday only recommended: the review item covers it
    return _item(
        "dxa_due", SUBJECT_DXA, item.due_date, SOURCE_MONITORING, test="dxa", reason=reason
    )


def _holiday_reassessment(item: MonitoringItem, evaluation: Evaluation) -> DueItem | None:
    """The drug-holiday reassessment (24 months after the bisphosphonate stopped)."""
    if item.reason != "reassess_holiday" or evaluation.treatment_state != "bisphosphonate_holiday":
        return None
    return _item(
        "visit_due",
        SUBJECT_REASSESS,
        item.due_date,
        SOURCE_MONITORING,
        test="risk_reassessment",
        reason="reassess_holiday",
    )


def _lab(item: MonitoringItem, record: PatientRecord, status: TreatmentStatus) -> DueItem | None:
    reason = item.reason or ""
    if reason not in LAB_REASONS:
        return None
    due = item.due_date
    if reason == "calcium_ckd_after_denosumab" and status.state != "on_denosumab":
        return None  # dated from a proposed first dose
    if reason == "btm_three_months" and not _anchored_on_running(status, due, k.BTM_RECHECK_MONTHS):
        return None
    if reason == "renal_before_zoledronic_acid" and _running(status, "zoledronic_acid") is None:
        return None  # a proposed infusion; the transition and plan items add their own
    if reason == "vitamin_d_after_repletion":
        results = [lab.date for lab in record.labs if lab.test == "vitamin_d_25oh"]
        if results:
            due = add_months(max(results), k.VITAMIN_D_RECHECK_MONTHS)
    return _item("lab_due", item.item, due, SOURCE_MONITORING, test=item.item, reason=reason)


def _renal_before_infusion(due: date, source: str) -> DueItem:
    """Renal function before a zoledronic acid infusion (A7), on the infusion's date."""
    return _item(
        "lab_due",
        "renal_function",
        due,
        source,
        test="renal_function",
        reason="renal_before_zoledronic_acid",
    )


# --- the active plan ---------------------------------------------------------------------


def _plan_step(items: list[DueItem], plan: Plan, record: PatientRecord) -> list[DueItem]:
    """The plan's first step not yet begun: a hand-over target, or a planned start."""
    start = plan.start_date
    for step in plan.steps:
        planned = step.start_date or start
        begun = any(
            t.drug == step.drug and (t.end_date is None or t.end_date >= planned)
            for t in record.treatments
        )
        if not begun:
            return _next_step(items, step.drug, planned)
        if step.months is None:
            break
        start = add_months(planned, step.months)
    return items


def _next_step(items: list[DueItem], drug: str, planned: date) -> list[DueItem]:
    out = list(items)
    for index, item in enumerate(out):
        hand_over = (
            item.code in ("anabolic_course_ending", "anabolic_course_complete")
            and drug in codes.ANTIRESORPTIVES
        )
        transition = item.code == "denosumab_transition_required" and drug == "zoledronic_acid"
        if hand_over or transition:
            out[index] = replace(item, params={**item.params, "next_drug": drug})
            if transition:
                out.append(_renal_before_infusion(item.due_date, SOURCE_PLAN))
            return out
    out.append(
        _item(
            "visit_due",
            SUBJECT_START + drug,
            planned,
            SOURCE_PLAN,
            drug=drug,
            date=planned.isoformat(),
        )
    )
    if drug == "zoledronic_acid":
        out.append(_renal_before_infusion(planned, SOURCE_PLAN))
    return out


# --- marks -------------------------------------------------------------------------------


def _answered(item: DueItem, done: Sequence[DueMark]) -> DueMark | None:
    """The latest done mark for this item (same code and subject, due on or after it)."""
    found = [m for m in done if m.key == item.key and m.due_date >= item.due_date]
    return max(found, key=lambda m: (m.mark_date, m.due_date)) if found else None


def _after_done(
    items: list[DueItem],
    done: Sequence[DueMark],
    record: PatientRecord,
    evaluation: Evaluation,
    as_of: date,
    settings: RuleSettings,
) -> list[DueItem]:
    """Leave out items marked done; a DXA or a series lab gets its next date."""
    dxa_done = _dxa_done_since_last_scan(done, record)
    out: list[DueItem] = []
    for item in items:
        if item.code == "dxa_due" and dxa_done is not None:
            continue  # the scan marked done restarts the DXA schedule (below)
        mark = _answered(item, done)
        if mark is None:
            out.append(item)
            continue
        following = _following(item, mark, record, evaluation, settings)
        if following is not None and _answered(following, done) is None:
            out.append(following)
    if dxa_done is not None:
        out.append(_dxa_follow_up(dxa_done.mark_date, record, as_of))
    return out


def _dxa_done_since_last_scan(done: Sequence[DueMark], record: PatientRecord) -> DueMark | None:
    """The latest DXA marked done, when no scan on or after it has been recorded."""
    marks = [m for m in done if m.key == ("dxa_due", SUBJECT_DXA)]
    if not marks:
        return None
    latest = max(marks, key=lambda m: (m.mark_date, m.due_date))
    recorded = max((scan.date for scan in record.dxa), default=None)
    return None if recorded is not None and recorded >= latest.mark_date else latest


def _following(
    item: DueItem,
    mark: DueMark,
    record: PatientRecord,
    evaluation: Evaluation,
    settings: RuleSettings,
) -> DueItem | None:
    """A series lab's next check after the one marked done (the evaluation's own rule)."""
    reason = item.params.get("reason")
    if reason not in _SERIES_REASONS:
        return None
    # Asked the day after the later of the check and its mark: the first check from then on.
    after = add_days(max(mark.mark_date, mark.due_date), 1)
    later = evaluate(record, as_of=after, framework=evaluation.framework, settings=settings)
    for next_item in later.monitoring:
        if next_item.reason == reason and next_item.due_date > item.due_date:
            return replace(item, due_date=next_item.due_date, notice_from=next_item.due_date)
    return None


def _dxa_follow_up(done_on: date, record: PatientRecord, as_of: date) -> DueItem:
    """The next DXA after one marked done: its A7 interval (12 months on glucocorticoids)."""
    on_gc = gather(record, as_of).gc_current is not None
    months = k.DXA_INTERVAL_GC_MONTHS if on_gc else k.DXA_INTERVAL_MONTHS
    return _item(
        "dxa_due",
        SUBJECT_DXA,
        add_months(done_on, months),
        SOURCE_FOLLOW_UP,
        test="dxa",
        reason="dxa_interval_glucocorticoid" if on_gc else "dxa_interval",
        done=done_on.isoformat(),
    )


def _with_snoozes(items: list[DueItem], snoozes: Sequence[DueMark]) -> list[DueItem]:
    out: list[DueItem] = []
    for item in items:
        matching = [m for m in snoozes if m.key == item.key and m.due_date == item.due_date]
        if matching:
            latest = matching[-1]
            item = replace(item, snoozed_until=latest.mark_date, snooze_reason=latest.note)
        out.append(item)
    return out


def _unique(items: Iterable[DueItem]) -> list[DueItem]:
    """One item per code, subject and due date (the first found)."""
    seen: set[tuple[str, str, date]] = set()
    out: list[DueItem] = []
    for item in items:
        marker = (item.code, item.subject, item.due_date)
        if marker not in seen:
            seen.add(marker)
            out.append(item)
    return out


def earliest(items: Iterable[DueItem], as_of: date) -> DueItem | None:
    """The earliest item not snoozed on `as_of` (the patient list's "next due")."""
    open_items = [i for i in items if not i.snoozed_on(as_of)]
    return min(open_items, key=lambda i: (i.due_date, DUE_CODES.index(i.code)), default=None)


# --- words (message catalogue: osteodesk/core/messages/worklist.py) -------------------------


def code_label(code: str, lang: str) -> str:
    """The name of an item type (a contract code), e.g. for the type filter."""
    return messages.text(f"worklist.code.{code}", lang)


def _words(params: Mapping[str, ParamValue], lang: str) -> dict[str, str]:
    words = localise(params, lang)
    for key in ("next_drug",):
        value = params.get(key)
        if isinstance(value, str) and value:
            words[key] = messages.text(f"drug.{value}", lang)
    test = params.get("test")
    if isinstance(test, str) and messages.has(f"monitoring.{test}"):
        words["test"] = messages.text(f"monitoring.{test}", lang)
    return words


def what_text(code: str, subject: str, params: Mapping[str, ParamValue], lang: str) -> str:
    """What is due, in a few words (`code` as shown on the day: a late dose has its late code)."""
    words = _words(params, lang)
    if code == "visit_due":
        if subject.startswith(SUBJECT_DOSE):
            number = params.get("number")
            key = "dose_number" if isinstance(number, int) and number > 0 else "dose"
        elif subject.startswith(SUBJECT_START):
            key = "start"
        else:
            key = "risk_reassessment"
    else:
        key = code
    phrase = messages.text(f"worklist.what.{key}", lang, words)
    return phrase[:1].upper() + phrase[1:]  # a drug name may open the phrase


def detail_text(
    code: str,
    subject: str,
    due_date: date,
    params: Mapping[str, ParamValue],
    lang: str,
    *,
    snoozed_until: date | None = None,
    snooze_reason: str | None = None,
) -> str:
    """The sentence that says what is due and why (the JSON ``detail``, the tooltip)."""
    words = _words(params, lang)
    words.setdefault("date", due_date.isoformat())
    sentences: list[str] = []
    if code in ALERT_DUE_CODES:
        sentences.append(messages.text(f"worklist.detail.{code}", lang, words))
    elif code == "visit_due" and subject == SUBJECT_DOSE + "zoledronic_acid":
        sentences.append(messages.text("worklist.detail.zoledronic_acid_infusion", lang, words))
    elif code == "visit_due" and subject == SUBJECT_DOSE + "romosozumab":
        sentences.append(messages.text("worklist.detail.romosozumab_dose", lang, words))
    elif code == "visit_due" and subject.startswith(SUBJECT_START):
        sentences.append(messages.text("worklist.detail.start", lang, words))
    else:
        what = what_text(code, subject, params, lang)
        sentences.append(
            messages.text("worklist.detail.due_on", lang, {"what": what, "date": words["date"]})
        )
        reason = params.get("reason")
        if isinstance(reason, str) and messages.has(f"reason.{reason}"):
            sentences.append(messages.text(f"reason.{reason}", lang))
    if params.get("next_drug"):
        sentences.append(messages.text("worklist.detail.next_drug", lang, words))
    if params.get("done"):
        sentences.append(messages.text("worklist.detail.done_on", lang, words))
    if snoozed_until is not None:
        sentences.append(
            messages.text(
                "worklist.detail.snoozed",
                lang,
                {"until": snoozed_until.isoformat(), "reason": snooze_reason or ""},
            )
        )
    return ("" if lang == "zh_CN" else " ").join(sentences)


def csv_text(lines: Iterable[Mapping[str, object]]) -> str:
    """Worklist lines (contract section 4 objects) as CSV: a header row, then one per line."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=LINE_FIELDS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(lines)
    return buffer.getvalue()
