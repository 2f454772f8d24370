"""Dates on the printouts: calendar months, the regimen timeline and the next doses."""

from __future__ import annotations

from datetime import date

from report_samples import sample_record

from osteodesk.core.evaluation import Step
from osteodesk.reports.schedule import (
    add_months,
    denosumab_card_dates,
    planned_doses,
    regimen_timeline,
)


def test_add_months_clamps_to_the_end_of_the_month():
    assert add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert add_months(date(2027, 8, 31), 6) == date(2028, 2, 29)
    assert add_months(date(2026, 11, 25), 12) == date(2027, 11, 25)
    assert add_months(date(2026, 3, 15), -3) == date(2025, 12, 15)


def test_timeline_hands_over_when_the_course_ends():
    rows = regimen_timeline((Step("romosozumab", 12), Step("denosumab")), date(2026, 12, 1))
    assert [(r.number, r.drug, r.start, r.end, r.next_drug) for r in rows] == [
        (1, "romosozumab", date(2026, 12, 1), date(2027, 12, 1), "denosumab"),
        (2, "denosumab", date(2027, 12, 1), None, None),
    ]


def test_timeline_keeps_a_step_s_own_start_date():
    steps = (Step("teriparatide", 24), Step("zoledronic_acid", start_date=date(2029, 1, 15)))
    rows = regimen_timeline(steps, date(2026, 12, 1))
    assert rows[0].end == date(2028, 12, 1)
    assert rows[1].start == date(2029, 1, 15)


def test_an_ongoing_denosumab_course_continues_from_its_last_dose():
    record = sample_record()  # last dose 2026-05-20
    rows = regimen_timeline((Step("denosumab"),), date(2026, 11, 25))
    doses = planned_doses(record, rows, horizon_end=date(2028, 1, 1))
    assert [d.when for d in doses] == [date(2026, 11, 20), date(2027, 5, 20), date(2027, 11, 20)]
    assert denosumab_card_dates(record, rows) == [
        date(2026, 11, 20),
        date(2027, 5, 20),
        date(2027, 11, 20),
        date(2028, 5, 20),
    ]


def test_denosumab_after_romosozumab_starts_at_the_hand_over():
    record = sample_record()  # on denosumab now, but the plan starts over with romosozumab
    rows = regimen_timeline((Step("romosozumab", 12), Step("denosumab")), date(2026, 12, 1))
    doses = planned_doses(record, rows, horizon_end=date(2028, 6, 1))
    romosozumab = [d for d in doses if d.drug == "romosozumab"]
    assert len(romosozumab) == 12
    assert romosozumab[0].when == date(2026, 12, 1)
    assert romosozumab[-1].when == date(2027, 11, 1)
    assert [d.number for d in romosozumab] == list(range(1, 13))
    denosumab = [d.when for d in doses if d.drug == "denosumab"]
    assert denosumab == [date(2027, 12, 1), date(2028, 6, 1)]
    assert denosumab_card_dates(record, rows)[0] == date(2027, 12, 1)


def test_oral_drugs_have_no_dose_list_and_no_card():
    record = sample_record(treatments=[])
    rows = regimen_timeline((Step("alendronate"),), date(2026, 12, 1))
    assert planned_doses(record, rows, horizon_end=date(2030, 1, 1)) == []
    assert denosumab_card_dates(record, rows) == []


def test_yearly_infusions_stop_at_the_horizon():
    record = sample_record(treatments=[])
    rows = regimen_timeline((Step("zoledronic_acid"),), date(2026, 12, 1))
    doses = planned_doses(record, rows, horizon_end=date(2028, 12, 1))
    assert [d.when for d in doses] == [date(2026, 12, 1), date(2027, 12, 1), date(2028, 12, 1)]
