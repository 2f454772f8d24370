"""A5 treatment state: which drug the patient is on or came off, and what that implies.

Detects the state of the A5 table, the cumulative course limits (teriparatide + abaloparatide
together; romosozumab doses or months), the bisphosphonate review point and holiday, the denosumab
dose schedule and transition date, and every fracture on treatment with its drug window.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Final

from osteodesk.core import codes
from osteodesk.core import constants as k
from osteodesk.core.decision.dates import (
    MONTHS_PER_YEAR,
    Interval,
    add_days,
    add_months,
    date_exposure_reaches,
    exposure_months,
)
from osteodesk.core.decision.facts import Facts
from osteodesk.core.decision.reasons import alert
from osteodesk.core.decision.settings import RuleSettings
from osteodesk.core.evaluation import Alert
from osteodesk.core.record import Fracture, Treatment

# Drug class of each osteoporosis drug id; teriparatide and abaloparatide share one limit.
DRUG_CLASS: Final[dict[str, str]] = {
    **{d: "bisphosphonate" for d in codes.BISPHOSPHONATES},
    "denosumab": "denosumab",
    **{d: "pth" for d in codes.PTH_ANALOGUES},
    "romosozumab": "romosozumab",
    **{d: "serm" for d in codes.SERMS},
    "hrt": "hrt",
    "calcitonin": "calcitonin",
}
ANABOLIC_CLASSES: Final = ("pth", "romosozumab")

# How long after the last dose an injected drug still counts as active (A5 fracture on treatment).
_ACTIVE_AFTER_LAST_DOSE: Final[dict[str, int]] = {
    "denosumab": k.DENOSUMAB_ACTIVE_MONTHS,
    "zoledronic_acid": k.ZOLEDRONIC_ACID_ACTIVE_MONTHS,
    "romosozumab": k.ROMOSOZUMAB_ACTIVE_MONTHS,
}


def drug_class(drug: str) -> str:
    """The A5 class of an osteoporosis drug id."""
    return DRUG_CLASS[drug]


def is_ongoing(treatment: Treatment, as_of: date) -> bool:
    """A record without an end date, or a planned stop that lies ahead."""
    return treatment.end_date is None or treatment.end_date > as_of


def _interval(treatment: Treatment, as_of: date) -> Interval:
    return Interval(
        treatment.start_date, None if is_ongoing(treatment, as_of) else treatment.end_date
    )


@dataclass(frozen=True, slots=True)
class FractureOnTreatment:
    """A fragility fracture after a drug's start while it was active (A5)."""

    fracture: Fracture
    treatment: Treatment
    months_on_drug: float  # cumulative time on the drug's class at the fracture date

    @property
    def change_class(self) -> bool:
        """At least 12 months on the drug: change class rather than continue."""
        return self.months_on_drug >= k.FRACTURE_ON_TREATMENT_CHANGE_MONTHS


@dataclass(frozen=True, slots=True)
class AnabolicCourse:
    """Cumulative use of one anabolic class and its limit."""

    klass: str
    months: float
    limit_months: int
    doses: int | None = None
    limit_doses: int | None = None
    limit_date: date | None = None  # when the limit is (or was) reached, if known

    @property
    def reached(self) -> bool:
        if self.months >= self.limit_months:
            return True
        return (
            self.doses is not None
            and self.limit_doses is not None
            and (self.doses >= self.limit_doses)
        )

    @property
    def remaining_months(self) -> int:
        """Whole months left: the limit less the whole calendar months used (A0).

        Doses count one a month; a partly used month is still offered, so a course one day
        short of its limit shows one month to finish, and `check_regimen` agrees.
        """
        left = self.limit_months - math.floor(self.months)
        if self.doses is not None and self.limit_doses is not None:
            left = min(left, self.limit_doses - self.doses)
        return max(left, 0)


@dataclass(frozen=True, slots=True)
class BisphosphonateCourse:
    """Cumulative bisphosphonate time with its review points (A5)."""

    months: float
    intravenous: bool  # the latest bisphosphonate is zoledronic acid
    review_months: int
    max_months: int
    review_date: date | None
    last_review_date: date | None  # the latest review point reached (repeats every 2 years)
    next_review_date: date | None  # the next review point while continued
    ended: date | None  # end of the latest bisphosphonate when none is running

    @property
    def review_reached(self) -> bool:
        return self.months >= self.review_months

    @property
    def max_reached(self) -> bool:
        return self.months >= self.max_months


# The alerts that ask for the next denosumab dose (due, or late).
DENOSUMAB_DOSE_ALERTS: Final = ("denosumab_dose_due", "denosumab_dose_late")


@dataclass(frozen=True, slots=True)
class DenosumabSchedule:
    """The latest denosumab record with its dose dates (A5)."""

    treatment: Treatment
    last_dose: date | None
    next_due: date | None
    late: bool
    due_soon: bool
    transition_date: date | None  # zoledronic acid at last dose + 6 months, when stopping
    handover: Treatment | None = None  # a bisphosphonate started after the last dose


@dataclass(frozen=True, slots=True)
class TreatmentStatus:
    """The A5 treatment state and the facts behind it."""

    state: str
    current: Treatment | None
    ongoing: tuple[Treatment, ...]
    pth: AnabolicCourse
    romosozumab: AnabolicCourse
    bisphosphonate: BisphosphonateCourse | None
    denosumab: DenosumabSchedule | None
    fractures_on_treatment: tuple[FractureOnTreatment, ...]
    decisive_fracture: FractureOnTreatment | None
    long_recent_bisphosphonate: bool  # >= 24 months, ongoing or ended <= 24 months ago
    recent_denosumab: bool  # on denosumab or off it for <= 12 months
    alerts: tuple[Alert, ...] = field(default=())

    @property
    def current_class(self) -> str | None:
        return None if self.current is None else drug_class(self.current.drug)

    def anabolic(self, klass: str) -> AnabolicCourse:
        return self.pth if klass == "pth" else self.romosozumab

    def on(self, drug: str) -> bool:
        """Whether `drug` is among the running records."""
        return any(t.drug == drug for t in self.ongoing)


def _records(facts: Facts, klass: str) -> list[Treatment]:
    return [t for t in facts.record.treatments if DRUG_CLASS[t.drug] == klass]


def class_intervals(facts: Facts, klass: str) -> list[Interval]:
    """The time on a drug class as intervals (running ones open)."""
    return [_interval(t, facts.as_of) for t in _records(facts, klass)]


def _pth_course(facts: Facts, settings: RuleSettings) -> AnabolicCourse:
    records = sorted(_records(facts, "pth"), key=lambda t: t.start_date)
    intervals = [_interval(t, facts.as_of) for t in records]
    limit = settings.pth_limit_months(tuple(t.product for t in records if t.product))
    months = exposure_months(intervals, facts.as_of)
    return AnabolicCourse("pth", months, limit, limit_date=date_exposure_reaches(intervals, limit))


def _romosozumab_course(facts: Facts) -> AnabolicCourse:
    records = _records(facts, "romosozumab")
    intervals = [_interval(t, facts.as_of) for t in records]
    months = exposure_months(intervals, facts.as_of)
    counts = [t.dose_count for t in records if t.dose_count is not None]
    doses = sum(counts) if counts else None
    limit_date = date_exposure_reaches(intervals, k.ROMOSOZUMAB_MAX_MONTHS)
    last = max((d for t in records if (d := t.latest_dose) is not None), default=None)
    if (
        doses is not None
        and last is not None
        and (any(is_ongoing(t, facts.as_of) for t in records) or doses >= k.ROMOSOZUMAB_MAX_DOSES)
    ):
        by_doses = add_months(last, max(k.ROMOSOZUMAB_MAX_DOSES - doses, 0))
        limit_date = by_doses if limit_date is None else min(limit_date, by_doses)
    return AnabolicCourse(
        "romosozumab",
        months,
        k.ROMOSOZUMAB_MAX_MONTHS,
        doses=doses,
        limit_doses=k.ROMOSOZUMAB_MAX_DOSES,
        limit_date=limit_date,
    )


def _bisphosphonate_course(facts: Facts) -> BisphosphonateCourse | None:
    records = sorted(_records(facts, "bisphosphonate"), key=lambda t: t.start_date)
    if not records:
        return None
    intervals = [_interval(t, facts.as_of) for t in records]
    latest = max(records, key=lambda t: (t.end_date or facts.as_of, t.start_date))
    intravenous = latest.drug == "zoledronic_acid"
    review_years = k.BP_REVIEW_IV_YEARS if intravenous else k.BP_REVIEW_ORAL_YEARS
    max_years = k.BP_MAX_IV_YEARS if intravenous else k.BP_MAX_ORAL_YEARS
    review = review_years * MONTHS_PER_YEAR
    repeat = k.BP_REVIEW_REPEAT_YEARS * MONTHS_PER_YEAR
    months = exposure_months(intervals, facts.as_of)
    running = any(is_ongoing(t, facts.as_of) for t in records)
    ended = None if running else max(t.end_date for t in records if t.end_date is not None)
    last_review = next_review = None
    if months >= review:
        reached = math.floor((months - review) / repeat)
        last_review = date_exposure_reaches(intervals, review + reached * repeat)
        next_review = date_exposure_reaches(intervals, review + (reached + 1) * repeat)
    else:
        next_review = date_exposure_reaches(intervals, review)
    return BisphosphonateCourse(
        months=months,
        intravenous=intravenous,
        review_months=review,
        max_months=max_years * MONTHS_PER_YEAR,
        review_date=date_exposure_reaches(intervals, review),
        last_review_date=last_review,
        next_review_date=next_review,
        ended=ended,
    )


def _denosumab_schedule(facts: Facts) -> DenosumabSchedule | None:
    records = _records(facts, "denosumab")
    if not records:
        return None
    latest = max(records, key=lambda t: t.start_date)
    last = latest.latest_dose
    next_due = late_after = None
    late = due_soon = False
    transition = None
    if last is not None:
        next_due = add_months(last, k.DENOSUMAB_INTERVAL_MONTHS)
        late_after = add_months(last, k.DENOSUMAB_LATE_MONTHS)
        late = facts.as_of > late_after
        due_soon = not late and facts.as_of >= add_days(next_due, -k.DENOSUMAB_DUE_NOTICE_DAYS)
        transition = add_months(last, k.DENOSUMAB_TRANSITION_MONTHS)
    stopped_on = last or latest.end_date
    handover = None
    if stopped_on is not None and not is_ongoing(latest, facts.as_of):
        after = [
            t
            for t in facts.record.treatments
            if DRUG_CLASS[t.drug] == "bisphosphonate" and t.start_date >= stopped_on
        ]
        handover = min(after, key=lambda t: t.start_date) if after else None
    return DenosumabSchedule(latest, last, next_due, late, due_soon, transition, handover)


def _active_until(treatment: Treatment, as_of: date) -> date:
    """The last day a drug still counts as active for a fracture (A5)."""
    window = _ACTIVE_AFTER_LAST_DOSE.get(treatment.drug)
    if window is None:
        return as_of if is_ongoing(treatment, as_of) else min(treatment.end_date or as_of, as_of)
    base = treatment.latest_dose
    if base is None:
        if is_ongoing(treatment, as_of):
            return as_of
        base = treatment.end_date or as_of
    return add_months(base, window)


def fractures_on_treatment(facts: Facts) -> tuple[FractureOnTreatment, ...]:
    """Every fragility fracture after a drug's start while the drug was active, oldest first."""
    found: list[FractureOnTreatment] = []
    for fracture in facts.fragility_fractures:
        for treatment in facts.record.treatments:
            if not treatment.start_date < fracture.date <= _active_until(treatment, facts.as_of):
                continue
            klass = DRUG_CLASS[treatment.drug]
            months = exposure_months(class_intervals(facts, klass), fracture.date)
            found.append(FractureOnTreatment(fracture, treatment, months))
    return tuple(found)


def _decisive(facts: Facts, events: tuple[FractureOnTreatment, ...]) -> FractureOnTreatment | None:
    """The latest fracture on treatment not yet answered by a change to another drug class."""
    for event in reversed(events):
        klass = DRUG_CLASS[event.treatment.drug]
        changed = any(
            DRUG_CLASS[t.drug] != klass and t.start_date >= event.fracture.date
            for t in facts.record.treatments
        )
        if not changed:
            return event
    return None


# The order in which running drugs decide the state (A3 step 4 order).
_RUNNING_PRIORITY: Final = ("denosumab", "pth", "romosozumab", "bisphosphonate", "serm", "hrt")


def _state(
    facts: Facts,
    ongoing: tuple[Treatment, ...],
    pth: AnabolicCourse,
    romo: AnabolicCourse,
    bp: BisphosphonateCourse | None,
    denosumab: DenosumabSchedule | None,
) -> tuple[str, Treatment | None]:
    treatments = facts.record.treatments
    if not treatments:
        return "naive", None
    if ongoing:
        by_class = {DRUG_CLASS[t.drug]: t for t in sorted(ongoing, key=lambda t: t.start_date)}
        for klass in _RUNNING_PRIORITY:
            current = by_class.get(klass)
            if current is None:
                continue
            if klass == "denosumab":
                stopping = current.planned_stop or current.end_date is not None
                return ("denosumab_stopped" if stopping else "on_denosumab"), current
            if klass in ANABOLIC_CLASSES:
                course = pth if klass == "pth" else romo
                return ("post_anabolic" if course.reached else "on_anabolic"), current
            if klass == "bisphosphonate":
                return "on_bisphosphonate", current
            return ("on_serm" if klass == "serm" else "on_hrt"), current
        return "other", ongoing[-1]
    latest = max(treatments, key=lambda t: (t.end_date or facts.as_of, t.start_date))
    klass = DRUG_CLASS[latest.drug]
    if klass == "denosumab":
        return "denosumab_stopped", latest
    if (
        klass == "bisphosphonate"
        and denosumab is not None
        and denosumab.handover is not None
        and latest.start_date >= denosumab.handover.start_date
        and not (bp is not None and bp.review_reached)
    ):
        # The hand-over after denosumab was given and has ended before its review point: the
        # denosumab stop still governs (A5: "then alendronate or risedronate; never no option").
        return "denosumab_stopped", denosumab.treatment
    if klass in ANABOLIC_CLASSES:
        return "post_anabolic", latest
    if klass == "bisphosphonate" and bp is not None and bp.review_reached:
        return "bisphosphonate_holiday", latest
    return "other", latest


def _long_recent_bisphosphonate(facts: Facts, bp: BisphosphonateCourse | None) -> bool:
    if bp is None or bp.months < k.PRIOR_BISPHOSPHONATE_MONTHS:
        return False
    return bp.ended is None or bp.ended >= add_months(
        facts.as_of, -k.PRIOR_BISPHOSPHONATE_RECENT_MONTHS
    )


def _recent_denosumab(facts: Facts) -> bool:
    for t in _records(facts, "denosumab"):
        if is_ongoing(t, facts.as_of):
            return True
        if t.end_date is not None and facts.as_of <= add_months(
            t.end_date, k.DENOSUMAB_PTH_SWITCH_MONTHS
        ):
            return True
    return False


def assess_treatment(facts: Facts, settings: RuleSettings) -> TreatmentStatus:
    """The A5 state of `facts` with its course limits, schedules and state alerts."""
    ongoing = tuple(
        sorted(
            (t for t in facts.record.treatments if is_ongoing(t, facts.as_of)),
            key=lambda t: t.start_date,
        )
    )
    pth = _pth_course(facts, settings)
    romo = _romosozumab_course(facts)
    bp = _bisphosphonate_course(facts)
    denosumab = _denosumab_schedule(facts)
    events = fractures_on_treatment(facts)
    state, current = _state(facts, ongoing, pth, romo, bp, denosumab)
    status = TreatmentStatus(
        state=state,
        current=current,
        ongoing=ongoing,
        pth=pth,
        romosozumab=romo,
        bisphosphonate=bp,
        denosumab=denosumab,
        fractures_on_treatment=events,
        decisive_fracture=_decisive(facts, events),
        long_recent_bisphosphonate=_long_recent_bisphosphonate(facts, bp),
        recent_denosumab=_recent_denosumab(facts),
    )
    return replace(status, alerts=_state_alerts(facts, status))


def _state_alerts(facts: Facts, status: TreatmentStatus) -> tuple[Alert, ...]:
    out: list[Alert] = []
    event = status.decisive_fracture or (
        status.fractures_on_treatment[-1] if status.fractures_on_treatment else None
    )
    if event is not None:
        out.append(
            alert(
                "fracture_on_treatment",
                drug=event.treatment.drug,
                site=event.fracture.site,
                date=event.fracture.date.isoformat(),
                months=math.floor(event.months_on_drug),
            )
        )
    schedule = status.denosumab
    if status.state == "on_denosumab" and schedule is not None:
        if schedule.last_dose is None:
            out.append(alert("denosumab_last_dose_unknown", due_date=facts.as_of))
        elif schedule.late and schedule.next_due is not None:
            out.append(
                alert(
                    "denosumab_dose_late",
                    due_date=schedule.next_due,
                    last_dose=schedule.last_dose.isoformat(),
                    next_due=schedule.next_due.isoformat(),
                )
            )
        elif schedule.due_soon and schedule.next_due is not None:
            out.append(
                alert(
                    "denosumab_dose_due",
                    due_date=schedule.next_due,
                    last_dose=schedule.last_dose.isoformat(),
                    next_due=schedule.next_due.isoformat(),
                )
            )
    if status.state == "denosumab_stopped" and schedule is not None and schedule.handover is None:
        when = schedule.transition_date or facts.as_of
        out.append(
            alert(
                "denosumab_transition_required",
                due_date=when,
                date=when.isoformat(),
                last_dose="" if schedule.last_dose is None else schedule.last_dose.isoformat(),
            )
        )
    if status.state == "on_anabolic" and status.current is not None:
        course = status.anabolic(DRUG_CLASS[status.current.drug])
        ending = False
        if course.klass == "pth":
            ending = course.months >= course.limit_months - k.ANABOLIC_ENDING_WARNING_MONTHS
        else:
            ending = course.months >= k.ROMOSOZUMAB_ENDING_FROM or (
                course.doses is not None and course.doses >= k.ROMOSOZUMAB_ENDING_FROM
            )
        if ending:
            out.append(
                alert(
                    "anabolic_course_ending",
                    due_date=course.limit_date,
                    drug=status.current.drug,
                    date="" if course.limit_date is None else course.limit_date.isoformat(),
                    remaining=course.remaining_months,
                )
            )
    if status.state == "post_anabolic" and status.current is not None:
        out.append(alert("anabolic_course_complete", drug=status.current.drug))
    bp = status.bisphosphonate
    if status.state == "on_bisphosphonate" and bp is not None and bp.review_reached:
        out.append(
            alert(
                "bisphosphonate_review_due",
                due_date=bp.last_review_date,
                years=math.floor(bp.months / MONTHS_PER_YEAR),
                drug="" if status.current is None else status.current.drug,
            )
        )
    return tuple(out)
