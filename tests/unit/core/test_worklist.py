"""Due items of the follow-up worklist (issue 7) on fixed dates: every item type, the day before,
the day of and the day after each threshold, done marks moving the next date, snoozes."""

import re
import string
from datetime import date, timedelta

import pytest

from osteodesk.core import messages
from osteodesk.core.decision import evaluate
from osteodesk.core.evaluation import Step
from osteodesk.core.plan import Plan
from osteodesk.core.record import parse_record
from osteodesk.core.worklist import (
    DUE_CODES,
    DueItem,
    DueMark,
    code_label,
    derive_due_items,
    detail_text,
    earliest,
    notice_horizon,
    severity_of,
    status_of,
    what_text,
)

LABS_OK = [
    {"date": "2026-01-05", "test": "egfr", "value": 70, "unit": "mL/min/1.73m2"},
    {"date": "2026-01-05", "test": "calcium", "value": 2.3, "unit": "mmol/L"},
    {"date": "2026-01-05", "test": "vitamin_d_25oh", "value": 32, "unit": "ng/mL"},
]
OSTEOPOROSIS_DXA = [{"date": "2026-01-05", "femoral_neck_t": -2.7, "lumbar_spine_t": -2.6}]
ONE_DAY = timedelta(days=1)


def record(as_of: date, **fields):
    data = {
        "sex": "female",
        "birth_date": "1955-03-14",
        "menopausal_status": "post",
        "weight_kg": 58,
        "labs": LABS_OK,
        "dxa": OSTEOPOROSIS_DXA,
    }
    data.update(fields)
    return parse_record(data, as_of=as_of)


def rx(drug, start, end=None, **extra):
    return {"drug": drug, "start_date": start, "end_date": end, **extra}


def derive(as_of: date, *, plan=None, marks=(), **fields):
    return derive_due_items(record(as_of, **fields), as_of=as_of, plan=plan, marks=marks)


def only(items, code, subject=None) -> DueItem:
    found = [i for i in items if i.code == code and (subject is None or i.subject == subject)]
    assert len(found) == 1, [(i.code, i.subject, i.due_date) for i in items]
    return found[0]


def codes(items):
    return {(i.code, i.subject) for i in items}


def view(item: DueItem, as_of: date, within: int = 0):
    """(listed, status, code) of an item shown on `as_of`."""
    return (item.listed_on(as_of, within), item.status_on(as_of, within), item.code_on(as_of))


# --- status and listing ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("due", "status"),
    [
        (date(2026, 11, 24), "overdue"),
        (date(2026, 11, 25), "due"),
        (date(2026, 12, 25), "due"),  # day N (30) is included
        (date(2026, 12, 26), "upcoming"),
    ],
)
def test_status_within_includes_day_n(due, status):
    assert status_of(due, date(2026, 11, 25), 30) == status


def test_notice_horizon_covers_the_longest_notice_window():
    as_of = date(2026, 2, 28)
    assert notice_horizon(as_of) >= date(2026, 5, 31)  # add_months(May 31, -3) is Feb 28


def test_every_code_has_a_severity():
    assert {severity_of(code) for code in DUE_CODES} <= {"urgent", "warning", "info"}
    assert severity_of("denosumab_dose_late") == "urgent"
    assert severity_of("denosumab_transition_required") == "urgent"
    assert severity_of("dxa_due") == "info"


# --- denosumab -------------------------------------------------------------------------------

DENOSUMAB = {"treatments": [rx("denosumab", "2022-01-10", last_dose_date="2026-03-20")]}


def test_denosumab_dose_dates():
    item = only(derive(date(2026, 4, 1), **DENOSUMAB), "denosumab_dose_due")
    assert item.due_date == date(2026, 9, 20)  # last dose + 6 months
    assert item.notice_from == date(2026, 8, 23)  # 28 days before
    assert item.late_from == date(2026, 10, 21)  # late strictly after 7 months
    assert item.params["last_dose"] == "2026-03-20"
    assert item.source == "treatment"


@pytest.mark.parametrize(
    ("as_of", "expected"),
    [
        (date(2026, 8, 22), (False, "upcoming", "denosumab_dose_due")),  # day before notice
        (date(2026, 8, 23), (True, "upcoming", "denosumab_dose_due")),  # notice: 28 days before
        (date(2026, 8, 24), (True, "upcoming", "denosumab_dose_due")),
        (date(2026, 9, 19), (True, "upcoming", "denosumab_dose_due")),
        (date(2026, 9, 20), (True, "due", "denosumab_dose_due")),  # the due date
        (date(2026, 9, 21), (True, "overdue", "denosumab_dose_due")),
        (date(2026, 10, 20), (True, "overdue", "denosumab_dose_due")),  # 7 months: not late yet
        (date(2026, 10, 21), (True, "overdue", "denosumab_dose_late")),  # after 7 months
        (date(2026, 10, 22), (True, "overdue", "denosumab_dose_late")),
    ],
)
def test_denosumab_dose_thresholds(as_of, expected):
    item = only(derive(date(2026, 4, 1), **DENOSUMAB), "denosumab_dose_due")
    assert view(item, as_of) == expected


@pytest.mark.parametrize(
    "as_of",
    [
        date(2026, 8, 22),
        date(2026, 8, 23),
        date(2026, 9, 20),
        date(2026, 10, 20),
        date(2026, 10, 21),
    ],
)
def test_denosumab_item_agrees_with_the_decision_alerts(as_of):
    """The stored item and the evaluation on the same day name the same alert (one rule)."""
    stored = only(derive(date(2026, 4, 1), **DENOSUMAB), "denosumab_dose_due")
    alerts = {a.code for a in evaluate(record(as_of, **DENOSUMAB), as_of=as_of).alerts}
    dose_alerts = alerts & {"denosumab_dose_due", "denosumab_dose_late"}
    if stored.listed_on(as_of, 0):
        assert dose_alerts == {stored.code_on(as_of)}
    else:
        assert dose_alerts == set()


def test_denosumab_item_does_not_depend_on_the_refresh_day():
    early = only(derive(date(2026, 4, 1), **DENOSUMAB), "denosumab_dose_due")
    late = only(derive(date(2026, 11, 1), **DENOSUMAB), "denosumab_dose_due")
    assert early == late


def test_denosumab_severity_becomes_urgent_when_late():
    item = only(derive(date(2026, 4, 1), **DENOSUMAB), "denosumab_dose_due")
    assert item.severity_on(date(2026, 10, 20)) == "warning"
    assert item.severity_on(date(2026, 10, 21)) == "urgent"


def test_denosumab_last_dose_unknown_is_due_now():
    as_of = date(2026, 11, 25)
    items = derive(as_of, treatments=[rx("denosumab", "2022-01-10")])
    item = only(items, "denosumab_last_dose_unknown")
    assert item.due_date == as_of
    assert "denosumab_dose_due" not in {i.code for i in items}


STOPPING = {
    "treatments": [
        rx("denosumab", "2022-01-10", "2026-12-01", last_dose_date="2026-06-01", planned_stop=True)
    ]
}


def test_planned_denosumab_exit_is_zoledronic_acid_six_months_after_the_last_dose():
    item = only(derive(date(2026, 7, 1), **STOPPING), "denosumab_transition_required")
    assert item.due_date == date(2026, 12, 1)
    assert item.subject == "zoledronic_acid"
    assert item.severity_on(date(2026, 7, 1)) == "urgent"
    assert "denosumab_dose_due" not in {i.code for i in derive(date(2026, 7, 1), **STOPPING)}


@pytest.mark.parametrize(
    ("as_of", "expected"),
    [
        (date(2026, 11, 2), (False, "upcoming")),
        (date(2026, 11, 3), (True, "upcoming")),  # 28 days before
        (date(2026, 11, 30), (True, "upcoming")),
        (date(2026, 12, 1), (True, "due")),
        (date(2026, 12, 2), (True, "overdue")),
    ],
)
def test_denosumab_transition_thresholds(as_of, expected):
    item = only(derive(date(2026, 7, 1), **STOPPING), "denosumab_transition_required")
    assert view(item, as_of)[:2] == expected


def test_stopped_denosumab_transition_from_ended_course():
    items = derive(
        date(2026, 11, 25),
        treatments=[rx("denosumab", "2022-01-10", "2026-10-01", last_dose_date="2026-04-01")],
    )
    item = only(items, "denosumab_transition_required")
    assert item.due_date == date(2026, 10, 1)
    assert item.status_on(date(2026, 11, 25), 30) == "overdue"


# --- zoledronic acid and romosozumab doses -------------------------------------------------

ZOLEDRONIC = {"treatments": [rx("zoledronic_acid", "2024-12-01", last_dose_date="2025-12-01")]}


@pytest.mark.parametrize(
    ("as_of", "status"),
    [
        (date(2026, 11, 30), "upcoming"),
        (date(2026, 12, 1), "due"),
        (date(2026, 12, 2), "overdue"),
    ],
)
def test_zoledronic_acid_yearly_infusion(as_of, status):
    items = derive(date(2026, 1, 10), **ZOLEDRONIC)
    infusion = only(items, "visit_due", "dose:zoledronic_acid")
    assert infusion.due_date == date(2026, 12, 1)  # last infusion + 12 months
    assert infusion.status_on(as_of, 0) == status
    # renal function before the infusion, dated by the decision module (A7)
    renal = only(items, "lab_due", "renal_function")
    assert renal.due_date == date(2026, 12, 1)
    assert renal.params["reason"] == "renal_before_zoledronic_acid"


ROMO = {
    "treatments": [
        rx("romosozumab", "2026-01-15", last_dose_date="2026-06-15", doses_given=6),
    ]
}


@pytest.mark.parametrize(
    ("as_of", "status"),
    [
        (date(2026, 7, 14), "upcoming"),
        (date(2026, 7, 15), "due"),
        (date(2026, 7, 16), "overdue"),
    ],
)
def test_romosozumab_monthly_dose(as_of, status):
    dose = only(derive(date(2026, 6, 20), **ROMO), "visit_due", "dose:romosozumab")
    assert dose.due_date == date(2026, 7, 15)  # last dose + 1 month
    assert dose.params["number"] == 7
    assert dose.status_on(as_of, 0) == status


def test_no_romosozumab_dose_after_the_twelfth():
    items = derive(
        date(2026, 12, 20),
        treatments=[rx("romosozumab", "2025-12-20", last_dose_date="2026-11-20", doses_given=12)],
    )
    assert ("visit_due", "dose:romosozumab") not in codes(items)
    assert only(items, "anabolic_course_complete").params["drug"] == "romosozumab"


def test_romosozumab_course_end_by_doses():
    items = derive(
        date(2026, 10, 20),
        treatments=[rx("romosozumab", "2026-01-15", last_dose_date="2026-10-15", doses_given=10)],
    )
    ending = only(items, "anabolic_course_ending")
    assert ending.due_date == date(2026, 12, 15)  # two doses left, monthly
    assert ending.notice_from == date(2026, 9, 15)  # from 9 doses / months: 3 months before
    assert only(items, "visit_due", "dose:romosozumab").params["number"] == 11


# --- anabolic courses ------------------------------------------------------------------------

TERIPARATIDE = {"treatments": [rx("teriparatide", "2025-01-10")]}


@pytest.mark.parametrize(
    ("as_of", "expected"),
    [
        (date(2026, 10, 9), (False, "upcoming", "anabolic_course_ending")),
        (date(2026, 10, 10), (True, "upcoming", "anabolic_course_ending")),  # 3 months before
        (date(2027, 1, 9), (True, "upcoming", "anabolic_course_ending")),
        (date(2027, 1, 10), (True, "due", "anabolic_course_complete")),  # 24 months reached
        (date(2027, 1, 11), (True, "overdue", "anabolic_course_complete")),
    ],
)
def test_teriparatide_course_ending_then_complete(as_of, expected):
    item = only(derive(date(2026, 6, 1), **TERIPARATIDE), "anabolic_course_ending")
    assert item.due_date == date(2027, 1, 10)
    assert view(item, as_of) == expected


def test_course_complete_after_the_limit_needs_a_hand_over():
    items = derive(date(2027, 2, 1), **TERIPARATIDE)
    item = only(items, "anabolic_course_complete")
    assert item.due_date == date(2027, 1, 10)
    assert item.status_on(date(2027, 2, 1), 30) == "overdue"
    assert "anabolic_course_ending" not in {i.code for i in items}


def test_hand_over_done_by_starting_an_antiresorptive():
    items = derive(
        date(2027, 2, 1),
        treatments=[
            rx("teriparatide", "2025-01-10", "2027-01-10"),
            rx("denosumab", "2027-01-12", last_dose_date="2027-01-12"),
        ],
    )
    assert "anabolic_course_complete" not in {i.code for i in items}
    assert only(items, "denosumab_dose_due").due_date == date(2027, 7, 12)


def test_abaloparatide_counts_with_teriparatide():
    items = derive(
        date(2026, 5, 1),
        treatments=[
            rx("teriparatide", "2024-01-10", "2025-01-10"),
            rx("abaloparatide", "2025-06-01"),
        ],
    )
    item = only(items, "anabolic_course_ending")
    assert item.due_date == date(2026, 6, 1)  # 12 + 12 months of PTH analogues
    assert item.subject == "abaloparatide"


# --- bisphosphonate review and holiday -------------------------------------------------------

ALENDRONATE = {"treatments": [rx("alendronate", "2021-06-01")]}


@pytest.mark.parametrize(
    ("as_of", "status"),
    [
        (date(2026, 5, 31), "upcoming"),
        (date(2026, 6, 1), "due"),
        (date(2026, 6, 2), "overdue"),
    ],
)
def test_bisphosphonate_review_point(as_of, status):
    before = only(derive(date(2026, 1, 5), **ALENDRONATE), "bisphosphonate_review_due")
    after = only(derive(date(2026, 6, 10), **ALENDRONATE), "bisphosphonate_review_due")
    assert before == after  # the same item whether computed before or after the point
    assert before.due_date == date(2026, 6, 1)  # 5 years of an oral bisphosphonate
    assert before.params["years"] == 5
    assert before.status_on(as_of, 0) == status


def test_review_done_moves_to_the_next_review_two_years_on():
    as_of = date(2026, 6, 10)
    mark = DueMark(
        "done", "bisphosphonate_review_due", "alendronate", date(2026, 6, 1), date(2026, 6, 8)
    )
    item = only(derive(as_of, marks=[mark], **ALENDRONATE), "bisphosphonate_review_due")
    assert item.due_date == date(2028, 6, 1)
    assert item.params["years"] == 7


HOLIDAY = {"treatments": [rx("alendronate", "2016-01-01", "2022-03-01")]}


@pytest.mark.parametrize(
    ("as_of", "status"),
    [
        (date(2024, 2, 29), "upcoming"),
        (date(2024, 3, 1), "due"),
        (date(2024, 3, 2), "overdue"),
    ],
)
def test_drug_holiday_reassessment(as_of, status):
    items = derive(
        date(2023, 1, 5),
        labs=[],
        dxa=[{"date": "2022-02-01", "femoral_neck_t": -2.0}],
        **HOLIDAY,
    )
    visit = only(items, "visit_due", "risk_reassessment")
    assert visit.due_date == date(2024, 3, 1)  # end of the bisphosphonate + 24 months
    assert visit.status_on(as_of, 0) == status
    assert only(items, "dxa_due").due_date == date(2024, 3, 1)


# --- DXA ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("as_of", "status"),
    [
        (date(2028, 1, 4), "upcoming"),
        (date(2028, 1, 5), "due"),
        (date(2028, 1, 6), "overdue"),
    ],
)
def test_dxa_24_months_after_the_latest_on_treatment(as_of, status):
    items = derive(date(2026, 2, 1), treatments=[rx("alendronate", "2024-01-01")])
    dxa = only(items, "dxa_due")
    assert dxa.due_date == date(2028, 1, 5)
    assert dxa.params["reason"] == "dxa_interval"
    assert dxa.status_on(as_of, 0) == status


def test_dxa_12_months_on_glucocorticoids():
    items = derive(
        date(2026, 2, 1),
        treatments=[rx("alendronate", "2024-01-01")],
        glucocorticoid={"dose_mg_per_day": 7.5, "start_date": "2025-06-01"},
    )
    assert only(items, "dxa_due").due_date == date(2027, 1, 5)


def test_dxa_done_moves_the_next_date():
    as_of = date(2028, 1, 20)
    first = only(derive(as_of, treatments=[rx("alendronate", "2024-01-01")]), "dxa_due")
    mark = DueMark("done", "dxa_due", "dxa", first.due_date, date(2028, 1, 15))
    after = derive(as_of, marks=[mark], treatments=[rx("alendronate", "2024-01-01")])
    dxa = only(after, "dxa_due")
    assert dxa.due_date == date(2030, 1, 15)  # done + 24 months
    assert dxa.source == "follow_up"
    # A later refresh keeps it (the record still has no newer scan)
    again = derive(date(2028, 6, 1), marks=[mark], treatments=[rx("alendronate", "2024-01-01")])
    assert only(again, "dxa_due").due_date == date(2030, 1, 15)


def test_untreated_overdue_dxa_is_due_on_the_refresh_day_and_done_stops_it_moving():
    fields = {"dxa": [{"date": "2022-01-05", "femoral_neck_t": -1.8}], "labs": LABS_OK}
    as_of = date(2026, 11, 25)
    dxa = only(derive(as_of, **fields), "dxa_due")
    assert (dxa.due_date, dxa.params["reason"]) == (as_of, "dxa_untreated")
    mark = DueMark("done", "dxa_due", "dxa", as_of, as_of)
    later = only(derive(date(2026, 12, 20), marks=[mark], **fields), "dxa_due")
    assert later.due_date == date(2028, 11, 25)


def test_proposed_treatment_dxa_is_not_listed():
    """A DXA dated from a start that has not happened would move at every save."""
    items = derive(date(2026, 11, 25))  # treatment-naive with osteoporosis: options proposed
    assert "dxa_due" not in {i.code for i in items}
    assert all(i.source != "monitoring" or i.code != "lab_due" for i in items)


# --- labs ----------------------------------------------------------------------------------

CKD_DENOSUMAB = {
    "labs": [
        {"date": "2026-10-20", "test": "egfr", "value": 25, "unit": "mL/min/1.73m2"},
        {"date": "2026-10-20", "test": "calcium", "value": 2.3, "unit": "mmol/L"},
        {"date": "2026-10-20", "test": "vitamin_d_25oh", "value": 32, "unit": "ng/mL"},
    ],
    "treatments": [rx("denosumab", "2024-05-01", last_dose_date="2026-11-01")],
}


@pytest.mark.parametrize(
    ("as_of", "due"),
    [
        (date(2026, 11, 2), date(2026, 11, 8)),
        (date(2026, 11, 8), date(2026, 11, 8)),  # one week after the dose
        (date(2026, 11, 9), date(2026, 11, 15)),
        (date(2026, 11, 30), date(2026, 12, 29)),  # then monthly
    ],
)
def test_calcium_after_denosumab_in_severe_ckd(as_of, due):
    calcium = only(derive(as_of, **CKD_DENOSUMAB), "lab_due", "serum_calcium")
    assert calcium.due_date == due
    assert calcium.params["reason"] == "calcium_ckd_after_denosumab"


def test_calcium_check_done_moves_to_the_next_check():
    as_of = date(2026, 11, 9)
    first = only(derive(as_of, **CKD_DENOSUMAB), "lab_due", "serum_calcium")
    mark = DueMark("done", "lab_due", "serum_calcium", first.due_date, date(2026, 11, 14))
    after = only(derive(as_of, marks=[mark], **CKD_DENOSUMAB), "lab_due", "serum_calcium")
    assert (first.due_date, after.due_date) == (date(2026, 11, 15), date(2026, 11, 22))


LOW_VITAMIN_D = [
    {"date": "2026-10-01", "test": "egfr", "value": 70, "unit": "mL/min/1.73m2"},
    {"date": "2026-10-01", "test": "calcium", "value": 2.3, "unit": "mmol/L"},
    {"date": "2026-10-01", "test": "vitamin_d_25oh", "value": 14, "unit": "ng/mL"},
]


@pytest.mark.parametrize("refreshed", [date(2026, 10, 2), date(2026, 11, 25)])
def test_vitamin_d_three_months_after_repletion_from_the_low_result(refreshed):
    item = only(derive(refreshed, labs=LOW_VITAMIN_D), "lab_due", "vitamin_d_25oh")
    assert item.due_date == date(2027, 1, 1)  # anchored to the result, not the refresh day
    for as_of, status in (
        (date(2026, 12, 31), "upcoming"),
        (date(2027, 1, 1), "due"),
        (date(2027, 1, 2), "overdue"),
    ):
        assert item.status_on(as_of, 0) == status


def test_vitamin_d_done_closes_the_item():
    as_of = date(2026, 11, 25)
    mark = DueMark("done", "lab_due", "vitamin_d_25oh", date(2027, 1, 1), date(2026, 12, 28))
    items = derive(as_of, marks=[mark], labs=LOW_VITAMIN_D)
    assert ("lab_due", "vitamin_d_25oh") not in codes(items)


@pytest.mark.parametrize(("drug", "marker"), [("alendronate", "ctx"), ("teriparatide", "p1np")])
def test_bone_turnover_marker_three_months_after_starting(drug, marker):
    items = derive(date(2026, 10, 20), treatments=[rx(drug, "2026-10-01")])
    item = only(items, "lab_due", marker)
    assert item.due_date == date(2027, 1, 1)
    for as_of, status in (
        (date(2026, 12, 31), "upcoming"),
        (date(2027, 1, 1), "due"),
        (date(2027, 1, 2), "overdue"),
    ):
        assert item.status_on(as_of, 0) == status


# --- the active plan -----------------------------------------------------------------------


def plan(*steps, start=date(2026, 12, 1)):
    return Plan(
        patient_id=1,
        steps=tuple(steps),
        start_date=start,
        framework="cn2022",
        rules_version="2026.1",
    )


def test_plan_start_not_yet_begun_is_a_visit():
    items = derive(date(2026, 11, 25), plan=plan(Step("alendronate")))
    visit = only(items, "visit_due", "start:alendronate")
    assert visit.due_date == date(2026, 12, 1)
    assert visit.source == "plan"
    for as_of, status in (
        (date(2026, 11, 30), "upcoming"),
        (date(2026, 12, 1), "due"),
        (date(2026, 12, 2), "overdue"),
    ):
        assert visit.status_on(as_of, 0) == status


def test_plan_start_once_begun_is_gone():
    items = derive(
        date(2026, 12, 5),
        plan=plan(Step("alendronate")),
        treatments=[rx("alendronate", "2026-12-03")],
    )
    assert ("visit_due", "start:alendronate") not in codes(items)


def test_planned_zoledronic_start_brings_its_renal_check():
    items = derive(date(2026, 11, 25), plan=plan(Step("zoledronic_acid")))
    assert only(items, "visit_due", "start:zoledronic_acid").due_date == date(2026, 12, 1)
    assert only(items, "lab_due", "renal_function").due_date == date(2026, 12, 1)


def test_plan_names_the_drug_after_the_denosumab_exit():
    items = derive(date(2026, 7, 1), plan=plan(Step("zoledronic_acid")), **STOPPING)
    transition = only(items, "denosumab_transition_required")
    assert transition.params["next_drug"] == "zoledronic_acid"
    assert only(items, "lab_due", "renal_function").due_date == date(2026, 12, 1)
    assert ("visit_due", "start:zoledronic_acid") not in codes(items)


def test_plan_names_the_antiresorptive_after_the_anabolic_course():
    steps = (Step("teriparatide", months=24), Step("denosumab"))
    items = derive(date(2026, 11, 25), plan=plan(*steps, start=date(2025, 1, 10)), **TERIPARATIDE)
    assert only(items, "anabolic_course_ending").params["next_drug"] == "denosumab"


def test_inactive_plan_is_ignored():
    superseded = Plan(
        patient_id=1,
        steps=(Step("alendronate"),),
        start_date=date(2026, 12, 1),
        framework="cn2022",
        rules_version="2026.1",
        status="superseded",
    )
    assert ("visit_due", "start:alendronate") not in codes(
        derive(date(2026, 11, 25), plan=superseded)
    )


# --- snoozes ---------------------------------------------------------------------------------


def test_snooze_hides_until_its_date():
    first = only(derive(date(2026, 4, 1), **DENOSUMAB), "denosumab_dose_due")
    snooze = DueMark(
        "snooze", first.code, first.subject, first.due_date, date(2026, 9, 30), "in hospital"
    )
    item = only(derive(date(2026, 9, 25), marks=[snooze], **DENOSUMAB), "denosumab_dose_due")
    assert (item.snoozed_until, item.snooze_reason) == (date(2026, 9, 30), "in hospital")
    assert item.snoozed_on(date(2026, 9, 29))
    assert not item.snoozed_on(date(2026, 9, 30))  # shows again on its date
    assert earliest([item], date(2026, 9, 29)) is None
    assert earliest([item], date(2026, 9, 30)) == item


def test_snooze_of_another_due_date_does_not_apply():
    snooze = DueMark(
        "snooze", "denosumab_dose_due", "denosumab", date(2026, 3, 20), date(2026, 9, 30), "x"
    )
    item = only(derive(date(2026, 9, 25), marks=[snooze], **DENOSUMAB), "denosumab_dose_due")
    assert item.snoozed_until is None


def test_items_are_sorted_by_due_date_and_unique():
    items = derive(date(2026, 1, 10), **ZOLEDRONIC)
    assert [i.due_date for i in items] == sorted(i.due_date for i in items)
    keys = [(i.code, i.subject, i.due_date) for i in items]
    assert len(keys) == len(set(keys))


def test_one_day_changes_nothing_for_treatment_items():
    """Stored items stay right between refreshes: the next day derives the same dates."""
    for fields in (DENOSUMAB, ZOLEDRONIC, TERIPARATIDE, ALENDRONATE):
        day = date(2026, 6, 5)
        first = {(i.code, i.subject, i.due_date) for i in derive(day, **fields)}
        second = {(i.code, i.subject, i.due_date) for i in derive(day + ONE_DAY, **fields)}
        treatment = {k for k in first if k[0] != "dxa_due" and k[0] != "lab_due"}
        assert treatment <= second


# --- words -----------------------------------------------------------------------------------


def _placeholders(template):
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("key", sorted(k for k in messages.CATALOGUE if k.startswith("worklist.")))
def test_worklist_sentences_in_both_languages(key):
    zh, en = messages.CATALOGUE[key]
    assert zh.strip()
    assert en.strip()
    assert re.search(r"[\u4e00-\u9fff]", zh), key
    assert _placeholders(zh) == _placeholders(en), key


@pytest.mark.parametrize("code", DUE_CODES)
def test_every_code_has_a_name(code):
    for lang in ("en", "zh_CN"):
        assert code_label(code, lang) != f"worklist.code.{code}"


@pytest.mark.parametrize(
    ("fields", "code", "subject", "en", "zh"),
    [
        (DENOSUMAB, "denosumab_dose_due", None, "Denosumab injection due 2026-09-20", "地舒单抗"),
        (
            STOPPING,
            "denosumab_transition_required",
            None,
            "zoledronic acid on 2026-12-01",
            "唑来膦酸",
        ),
        (ZOLEDRONIC, "visit_due", "dose:zoledronic_acid", "Yearly zoledronic acid", "唑来膦酸"),
        (ZOLEDRONIC, "lab_due", "renal_function", "Creatinine clearance before", "肾功能"),
        (TERIPARATIDE, "anabolic_course_ending", None, "teriparatide course ends on", "特立帕肽"),
        (ALENDRONATE, "bisphosphonate_review_due", None, "About 5 years of alendronate", "阿仑"),
        (ROMO, "visit_due", "dose:romosozumab", "Monthly romosozumab dose due 2026-07-15", "罗莫"),
    ],
)
def test_details_say_what_and_when(fields, code, subject, en, zh):
    item = only(derive(date(2026, 6, 20), **fields), code, subject)
    english = detail_text(item.code, item.subject, item.due_date, item.params, "en")
    chinese = detail_text(item.code, item.subject, item.due_date, item.params, "zh_CN")
    assert en in english
    assert zh in chinese
    assert "{" not in english + chinese  # every placeholder filled


def test_what_text_of_each_kind():
    dose = only(derive(date(2026, 6, 20), **ROMO), "visit_due", "dose:romosozumab")
    assert what_text(dose.code, dose.subject, dose.params, "en") == "Romosozumab dose 7"
    assert what_text(dose.code, dose.subject, dose.params, "zh_CN") == "罗莫佐单抗第 7 次给药"
    lab = only(derive(date(2026, 11, 20), labs=LOW_VITAMIN_D), "lab_due")
    assert what_text(lab.code, lab.subject, lab.params, "en") == "Lab: serum 25(OH)D"
    late = only(derive(date(2026, 4, 1), **DENOSUMAB), "denosumab_dose_due")
    shown = late.code_on(date(2026, 11, 1))
    assert what_text(shown, late.subject, late.params, "en") == "Denosumab injection (late)"
    assert "give it now" in detail_text(shown, late.subject, late.due_date, late.params, "en")


def test_detail_names_the_snooze_and_the_next_drug():
    items = derive(date(2026, 7, 1), plan=plan(Step("zoledronic_acid")), **STOPPING)
    item = only(items, "denosumab_transition_required")
    text = detail_text(
        item.code,
        item.subject,
        item.due_date,
        item.params,
        "en",
        snoozed_until=date(2026, 12, 5),
        snooze_reason="patient abroad",
    )
    assert "Next in the plan: zoledronic acid." in text
    assert "Snoozed until 2026-12-05: patient abroad" in text
