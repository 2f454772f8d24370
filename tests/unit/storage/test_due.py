"""Stored due items (issue 7): refreshed by every write, the worklist query, done and snooze."""

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlite_utils import Database

from osteodesk.core.evaluation import Step
from osteodesk.core.plan import Plan
from osteodesk.core.record import parse_record
from osteodesk.storage import due as due_module
from osteodesk.storage.database import applied_steps, open_database
from osteodesk.storage.demo import generate
from osteodesk.storage.due import DueItemNotFoundError, DueRepository, WorklistEntry, record_dose
from osteodesk.storage.migrations import known_steps, migrations
from osteodesk.storage.patients import PatientRepository
from osteodesk.storage.plans import PlanRepository

TODAY = date(2026, 11, 25)
LABS_OK = [
    {"date": "2026-01-05", "test": "egfr", "value": 70, "unit": "mL/min/1.73m2"},
    {"date": "2026-01-05", "test": "calcium", "value": 2.3, "unit": "mmol/L"},
    {"date": "2026-01-05", "test": "vitamin_d_25oh", "value": 32, "unit": "ng/mL"},
]


def clock_on(day: date):
    """A clock at noon UTC of `day` (the same date in every time zone from -11 to +11)."""
    state = {"now": datetime(day.year, day.month, day.day, 12, 0, tzinfo=UTC)}

    def now() -> datetime:
        state["now"] += timedelta(milliseconds=1)
        return state["now"]

    return now


@pytest.fixture
def clock():
    return clock_on(TODAY)


@pytest.fixture
def patients(db, clock):
    return PatientRepository(db, now=clock)


@pytest.fixture
def plans(db, clock):
    return PlanRepository(db, now=clock)


@pytest.fixture
def due(db, patients, clock):
    return DueRepository(db, patients=patients, now=clock)


def rx(drug, start, end=None, **extra):
    return {"drug": drug, "start_date": start, "end_date": end, **extra}


def record(mrn="MRN-1", name="王秀英", **fields):
    data = {
        "id": mrn,
        "name": name,
        "sex": "female",
        "birth_date": "1955-03-14",
        "menopausal_status": "post",
        "weight_kg": 58,
        "labs": LABS_OK,
        "dxa": [{"date": "2026-01-05", "femoral_neck_t": -2.7}],
    }
    data.update(fields)
    return parse_record(data, as_of=TODAY)


DENOSUMAB = [rx("denosumab", "2022-01-10", last_dose_date="2026-06-01")]  # next dose 2026-12-01


def entry(due_repo, patient_id, code, **kwargs) -> WorklistEntry:
    found = [
        e
        for e in due_repo.worklist(kwargs.pop("as_of", TODAY), kwargs.pop("within", 3650))
        if e.patient_id == patient_id and e.base_code == code
    ]
    assert len(found) == 1, found
    return found[0]


def stored(db, patient_id):
    return [
        (row[0], row[1], row[2])
        for row in db.execute(
            "SELECT code, subject, due_date FROM due_items WHERE patient_id = ? ORDER BY due_date",
            [patient_id],
        )
    ]


# --- refreshed by every write ----------------------------------------------------------------


def test_adding_a_patient_stores_its_items(db, patients):
    pid = patients.add(record(treatments=DENOSUMAB))
    assert ("denosumab_dose_due", "denosumab", "2026-12-01") in stored(db, pid)


def test_updating_the_record_moves_the_items(db, patients):
    pid = patients.add(record(treatments=DENOSUMAB))
    later = [rx("denosumab", "2022-01-10", last_dose_date="2026-11-20")]
    patients.update(pid, record(treatments=later))
    rows = stored(db, pid)
    assert ("denosumab_dose_due", "denosumab", "2027-05-20") in rows
    assert ("denosumab_dose_due", "denosumab", "2026-12-01") not in rows


def test_save_and_save_many_refresh(db, patients):
    pid = patients.save(record(treatments=DENOSUMAB))
    ids, added, updated = patients.save_many(
        [
            record(treatments=[rx("zoledronic_acid", "2026-01-10")]),
            record(mrn="MRN-2", treatments=DENOSUMAB),
        ]
    )
    assert (added, updated) == (1, 1)
    assert ids[0] == pid
    assert ("visit_due", "dose:zoledronic_acid", "2027-01-10") in stored(db, pid)
    assert "denosumab_dose_due" not in {row[0] for row in stored(db, pid)}
    assert stored(db, ids[1])  # the new patient has its items too


def test_a_failed_refresh_rolls_the_save_back(db, patients, monkeypatch):
    pid = patients.add(record(treatments=DENOSUMAB))

    def broken(*_args, **_kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(due_module, "derive_due_items", broken)
    changed = record(treatments=[rx("denosumab", "2022-01-10", last_dose_date="2026-11-20")])
    with pytest.raises(RuntimeError):
        patients.update(pid, changed)
    assert patients.get(pid).treatments[0].last_dose_date == date(2026, 6, 1)
    assert ("denosumab_dose_due", "denosumab", "2026-12-01") in stored(db, pid)


def test_plan_changes_refresh(db, patients, plans):
    pid = patients.add(record())
    plan = plans.add(
        Plan(
            patient_id=pid,
            steps=(Step("zoledronic_acid"),),
            start_date=date(2026, 12, 10),
            framework="cn2022",
            rules_version="2026.1",
        )
    )
    rows = stored(db, pid)
    assert ("visit_due", "start:zoledronic_acid", "2026-12-10") in rows
    assert ("lab_due", "renal_function", "2026-12-10") in rows
    assert plan.id is not None
    plans.set_status(plan.id, "cancelled")
    assert ("visit_due", "start:zoledronic_acid", "2026-12-10") not in stored(db, pid)


def test_bulk_insert_fills_items(db, clock):
    repo = PatientRepository(db, now=clock)
    added = repo.add_bulk(generate(300, seed=4, as_of=TODAY), note="t", as_of=TODAY)
    assert added == 300
    with_items = db.execute("SELECT count(DISTINCT patient_id) FROM due_items").fetchone()[0]
    assert with_items > 150
    assert db.execute("SELECT count(*) FROM due_refreshed").fetchone()[0] == 300


def test_bulk_insert_in_a_worker_gives_the_same_rows(clock):
    serial, parallel = open_database(None), open_database(None)
    records = list(generate(1200, seed=6, as_of=TODAY))
    PatientRepository(serial, now=clock).add_bulk(records, note="s", as_of=TODAY)
    PatientRepository(parallel, now=clock).add_bulk(records, note="p", as_of=TODAY, parallel=True)
    sql = "SELECT patient_id, code, subject, due_date, params_json, name FROM due_items"
    assert list(serial.execute(sql)) == list(parallel.execute(sql))
    assert len(list(serial.execute(sql))) > 1000


def test_deleting_a_patient_deletes_its_items_and_archiving_hides_them(db, patients, due):
    kept = patients.add(record(treatments=DENOSUMAB))
    archived = patients.add(record(mrn="MRN-2", treatments=DENOSUMAB))
    gone = patients.add(record(mrn="MRN-3", treatments=DENOSUMAB))
    patients.archive(archived)
    patients.delete(gone, confirm=True)
    assert stored(db, gone) == []
    listed = {e.patient_id for e in due.worklist(TODAY, 30)}
    assert kept in listed
    assert archived not in listed


# --- the worklist query ----------------------------------------------------------------------


def test_worklist_entry_fields(patients, due):
    pid = patients.add(record(treatments=DENOSUMAB))
    item = entry(due, pid, "denosumab_dose_due", within=30)
    assert (item.mrn, item.name, item.display_id) == ("MRN-1", "王秀英", "MRN-1")
    assert item.due_date == date(2026, 12, 1)
    assert item.status == "due"
    assert item.severity == "warning"
    assert item.params["last_dose"] == "2026-06-01"
    assert item.records_dose


@pytest.mark.parametrize(
    ("within", "listed"),
    [(5, False), (6, True), (7, True)],  # 2026-12-01 is 6 days after 2026-11-25
)
def test_within_n_includes_day_n(patients, due, within, listed):
    pid = patients.add(record(treatments=DENOSUMAB, dxa=[]))
    found = due.worklist(TODAY, within, codes=["denosumab_dose_due"])
    # the denosumab notice (28 days) lists it even when it is not within N: as upcoming
    assert [e.patient_id for e in found] == [pid]
    assert found[0].status == ("due" if listed else "upcoming")


@pytest.mark.parametrize(("within", "listed"), [(5, False), (6, True)])
def test_within_n_for_an_item_without_notice(patients, due, within, listed):
    pid = patients.add(record(treatments=[rx("zoledronic_acid", "2025-12-01")], dxa=[]))
    found = [e for e in due.worklist(TODAY, within, codes=["visit_due"]) if e.patient_id == pid]
    assert bool(found) == listed  # infusion on 2026-12-01: day 6 of the window


def test_status_and_late_code_follow_the_day_shown(patients, due):
    pid = patients.add(record(treatments=DENOSUMAB))
    on_day = {
        date(2026, 11, 30): ("due", "denosumab_dose_due", "warning"),
        date(2026, 12, 1): ("due", "denosumab_dose_due", "warning"),
        date(2026, 12, 2): ("overdue", "denosumab_dose_due", "warning"),
        date(2027, 1, 1): ("overdue", "denosumab_dose_due", "warning"),  # 7 months: not late
        date(2027, 1, 2): ("overdue", "denosumab_dose_late", "urgent"),
    }
    for day, expected in on_day.items():
        found = [e for e in due.worklist(day, 1) if e.patient_id == pid]
        dose = [e for e in found if e.base_code == "denosumab_dose_due"]
        assert [(e.status, e.code, e.severity) for e in dose] == [expected], day
    late_only = due.worklist(date(2027, 1, 2), 0, codes=["denosumab_dose_late"])
    assert [e.patient_id for e in late_only] == [pid]
    assert due.worklist(date(2027, 1, 1), 0, codes=["denosumab_dose_late"]) == []


def test_most_urgent_first(patients, due):
    late = patients.add(
        record(mrn="L", treatments=[rx("denosumab", "2022-01-10", last_dose_date="2026-04-01")])
    )
    overdue_dxa = patients.add(
        record(mrn="D", dxa=[{"date": "2022-01-05", "femoral_neck_t": -1.5}])
    )
    soon = patients.add(record(mrn="S", treatments=DENOSUMAB))
    rows = due.worklist(TODAY, 30)
    order = [(e.patient_id, e.code, e.status) for e in rows]
    first_late = order.index((late, "denosumab_dose_late", "overdue"))
    dxa = next(i for i, o in enumerate(order) if o[0] == overdue_dxa and o[1] == "dxa_due")
    dose = order.index((soon, "denosumab_dose_due", "due"))
    # overdue first; then due by severity (a dose is a warning, a DXA information), then date
    assert first_late < dose < dxa
    statuses = [e.status for e in rows]
    assert statuses == sorted(statuses, key=["overdue", "due", "upcoming"].index)


def test_unknown_code_and_negative_within_are_refused(due):
    with pytest.raises(ValueError, match="unknown code"):
        due.worklist(TODAY, 30, codes=["nonsense"])
    with pytest.raises(ValueError, match="within_days"):
        due.worklist(TODAY, -1)


def test_counts_and_overdue_badge(patients, due):
    patients.add(record(treatments=[rx("denosumab", "2022-01-10", last_dose_date="2026-04-01")]))
    patients.add(record(mrn="MRN-2", treatments=DENOSUMAB))
    counts = due.counts(TODAY, 30)
    assert counts["overdue"] >= 1
    assert counts["due"] >= 1
    assert due.overdue_count(TODAY) == counts["overdue"]


def test_patient_filter_and_schedule(patients, due):
    pid = patients.add(record(treatments=[rx("zoledronic_acid", "2025-12-01")]))
    other = patients.add(record(mrn="MRN-2", treatments=DENOSUMAB))
    only_pid = due.worklist(TODAY, 3650, patient_id=pid)
    assert {e.patient_id for e in only_pid} == {pid}
    schedule = due.schedule(pid)
    assert ("visit_due", "dose:zoledronic_acid") in {(i.code, i.subject) for i in schedule}
    assert due.next_due([pid, other], TODAY)[other].code == "denosumab_dose_due"


# --- done and snooze -------------------------------------------------------------------------


def test_denosumab_dose_done_records_the_dose_and_moves_the_next_date(patients, due):
    pid = patients.add(record(treatments=DENOSUMAB))
    item = entry(due, pid, "denosumab_dose_due")
    due.mark_done(item, date(2026, 11, 24), "given in clinic")
    course = patients.get(pid).treatments[0]
    assert course.last_dose_date == date(2026, 11, 24)
    assert date(2026, 11, 24) in course.dose_dates
    assert entry(due, pid, "denosumab_dose_due").due_date == date(2027, 5, 24)
    audit = [e for e in patients.audit.for_patient(pid) if e.entity == "due_item"]
    assert audit[-1].action == "done"
    assert audit[-1].new_value["note"] == "given in clinic"


def test_transition_done_starts_zoledronic_acid_and_ends_denosumab(patients, due):
    stopping = [
        rx("denosumab", "2022-01-10", "2026-12-01", last_dose_date="2026-06-01", planned_stop=True)
    ]
    pid = patients.add(record(treatments=stopping))
    item = entry(due, pid, "denosumab_transition_required")
    assert item.due_date == date(2026, 12, 1)
    due.mark_done(item, date(2026, 11, 25))
    treatments = patients.get(pid).treatments
    assert treatments[0].end_date == date(2026, 11, 25)
    assert (treatments[1].drug, treatments[1].last_dose_date) == ("zoledronic_acid", TODAY)
    codes = {e.base_code for e in due.worklist(TODAY, 3650) if e.patient_id == pid}
    assert "denosumab_transition_required" not in codes
    infusion = entry(due, pid, "visit_due")
    assert (infusion.subject, infusion.due_date) == ("dose:zoledronic_acid", date(2027, 11, 25))


def test_romosozumab_dose_done_counts_the_dose(patients, due):
    course = [rx("romosozumab", "2026-05-20", last_dose_date="2026-10-20", doses_given=6)]
    pid = patients.add(record(treatments=course))
    item = entry(due, pid, "visit_due")
    assert (item.subject, item.due_date, item.params["number"]) == (
        "dose:romosozumab",
        date(2026, 11, 20),
        7,
    )
    due.mark_done(item, date(2026, 11, 21))
    assert patients.get(pid).treatments[0].doses_given == 7
    after = entry(due, pid, "visit_due")
    assert (after.due_date, after.params["number"]) == (date(2026, 12, 21), 8)


def test_test_done_is_a_mark_and_a_dxa_moves_on(db, patients, due):
    pid = patients.add(record(dxa=[{"date": "2022-01-05", "femoral_neck_t": -1.5}]))
    item = entry(due, pid, "dxa_due")
    assert item.due_date == TODAY
    due.mark_done(item, date(2026, 11, 20), "scan booked and done")
    assert patients.get(pid).dxa[0].date == date(2022, 1, 5)  # the record is not changed
    assert entry(due, pid, "dxa_due").due_date == date(2028, 11, 20)
    assert [m.kind for m in due.marks(pid)] == ["done"]


def test_done_in_the_future_is_refused(patients, due):
    pid = patients.add(record(treatments=DENOSUMAB))
    with pytest.raises(ValueError, match="future"):
        due.mark_done(entry(due, pid, "denosumab_dose_due"), TODAY + timedelta(days=1))


def test_done_twice_is_refused(patients, due):
    pid = patients.add(record(dxa=[{"date": "2022-01-05", "femoral_neck_t": -1.5}]))
    item = entry(due, pid, "dxa_due")
    due.mark_done(item, TODAY)
    with pytest.raises(DueItemNotFoundError):
        due.mark_done(item, TODAY)


def test_snooze_needs_a_reason_and_a_later_date(patients, due):
    pid = patients.add(record(treatments=DENOSUMAB))
    item = entry(due, pid, "denosumab_dose_due")
    with pytest.raises(ValueError, match="reason"):
        due.snooze(item, date(2026, 12, 10), "   ")
    with pytest.raises(ValueError, match="after today"):
        due.snooze(item, TODAY, "travelling")
    assert due.marks(pid) == []


def test_snooze_hides_until_its_date_and_survives_a_refresh(patients, due):
    pid = patients.add(record(treatments=DENOSUMAB))
    item = entry(due, pid, "denosumab_dose_due")
    due.snooze(item, date(2026, 12, 10), "in hospital until 12-10")
    listed = {e.base_code for e in due.worklist(TODAY, 30) if e.patient_id == pid}
    assert "denosumab_dose_due" not in listed
    patients.update(pid, replace(patients.get(pid), notes="changed"))  # recomputes the items
    hidden = due.worklist(date(2026, 12, 9), 30, codes=["denosumab_dose_due"])
    assert hidden == []
    shown = due.worklist(date(2026, 12, 10), 30, codes=["denosumab_dose_due"])
    assert [e.patient_id for e in shown] == [pid]
    snoozed = due.worklist(TODAY, 30, codes=["denosumab_dose_due"], include_snoozed=True)
    assert (snoozed[0].snoozed_until, snoozed[0].snooze_reason) == (
        date(2026, 12, 10),
        "in hospital until 12-10",
    )
    assert due.next_due([pid], TODAY).get(pid, None) is None or (
        due.next_due([pid], TODAY)[pid].code != "denosumab_dose_due"
    )
    audit = [e for e in patients.audit.for_patient(pid) if e.entity == "due_item"]
    assert audit[-1].action == "snooze"


def test_snooze_ends_when_the_dose_moves(patients, due):
    pid = patients.add(record(treatments=DENOSUMAB))
    due.snooze(entry(due, pid, "denosumab_dose_due"), date(2027, 3, 1), "away")
    (snoozed,) = due.worklist(TODAY, 30, codes=["denosumab_dose_due"], include_snoozed=True)
    due.mark_done(snoozed, TODAY)
    item = entry(due, pid, "denosumab_dose_due")
    assert (item.due_date, item.snoozed_until) == (date(2027, 5, 25), None)


# --- after an upgrade ------------------------------------------------------------------------


def test_patients_from_before_the_due_tables_are_found_and_computed(tmp_path, clock):
    path = tmp_path / "old.sqlite3"
    old = Database(path)
    old.execute("PRAGMA foreign_keys = ON")
    migrations.apply(old, stop_before="0006_due_items")
    old.execute(
        "INSERT INTO patients (id, mrn, name, sort_key, sex, birth_date, created_at, updated_at)"
        " VALUES (1, 'MRN-1', '王秀英', 'wangxiuying', 'female', '1955-03-14', 't', 't')"
    )
    old.execute(
        "INSERT INTO treatments (id, patient_id, position, drug, start_date, last_dose_date)"
        " VALUES (1, 1, 0, 'denosumab', '2022-01-10', '2026-06-01')"
    )
    old.conn.commit()
    old.close()
    upgraded = open_database(path)
    assert applied_steps(upgraded) == known_steps()
    repo = PatientRepository(upgraded, now=clock)
    due = DueRepository(upgraded, patients=repo, now=clock)
    assert due.stale_patients() == [1]
    assert due.worklist(TODAY, 30) == []
    assert due.refresh_stale() == 1
    assert due.stale_patients() == []
    assert entry(due, 1, "denosumab_dose_due").due_date == date(2026, 12, 1)
    upgraded.close()


def test_rows_of_older_rules_are_stale(db, patients, due):
    pid = patients.add(record())
    assert not due.has_stale()
    db.execute("UPDATE due_refreshed SET rules_version = '2000.1'")
    assert due.stale_patients() == [pid]
    assert due.has_stale()


@pytest.mark.parametrize(
    "change",
    [
        "UPDATE due_refreshed SET rules_version = '2000.1'",  # older rules
        "UPDATE due_refreshed SET rules_version = '9999.9'",  # a newer version ran (downgrade)
        "DELETE FROM due_refreshed",  # from before the worklist
    ],
)
def test_has_stale_agrees_with_the_full_scan(db, patients, due, change):
    patients.add(record())
    second = patients.add(record(mrn="MRN-2"))
    assert (due.has_stale(), due.stale_patients()) == (False, [])
    db.execute(change + " WHERE patient_id = ?", [second])
    assert (due.has_stale(), due.stale_patients()) == (True, [second])
    patients.delete(second, confirm=True)  # its rows go with it
    assert (due.has_stale(), due.stale_patients()) == (False, [])


def test_has_stale_uses_the_rules_version_index(db):
    plans = [
        row[3]
        for row in db.execute(
            "EXPLAIN QUERY PLAN SELECT 1 FROM due_refreshed WHERE rules_version < ?", ["x"]
        )
    ]
    assert any("due_refreshed_rules_version" in step for step in plans), plans


def test_refresh_stale_reports_progress_and_commits_each_batch(clock, monkeypatch, tmp_path):
    path = tmp_path / "clinic.sqlite3"
    db = open_database(path)
    patients = PatientRepository(db, now=clock)
    due = DueRepository(db, patients=patients, now=clock)
    for n in range(5):
        patients.add(record(mrn=f"MRN-{n}"))
    with db.atomic():
        db.execute("DELETE FROM due_refreshed")
        db.execute("DELETE FROM due_items")
    monkeypatch.setattr(due_module, "_BATCH", 2)
    seen: list[tuple[int, int]] = []
    committed: list[int] = []

    def progress(done: int, total: int) -> None:
        seen.append((done, total))
        # Another connection sees each batch as soon as it is reported: it is committed.
        other = Database(path)
        committed.append(other.execute("SELECT COUNT(*) FROM due_refreshed").fetchone()[0])
        other.close()

    assert due.refresh_stale(TODAY, progress=progress) == 5
    assert seen == [(2, 5), (4, 5), (5, 5)]
    assert committed == [2, 4, 5]
    assert due.stale_patients() == []
    assert not due.has_stale()
    db.close()


# --- recording a dose ------------------------------------------------------------------------


def test_record_dose_starts_a_course_when_none_runs():
    base = record(treatments=[rx("alendronate", "2020-01-01", "2025-01-01")])
    changed = record_dose(base, "denosumab", TODAY)
    new = changed.treatments[-1]
    assert (new.drug, new.start_date, new.last_dose_date, new.dose_dates) == (
        "denosumab",
        TODAY,
        TODAY,
        (TODAY,),
    )
    oral = record_dose(base, "risedronate", TODAY).treatments[-1]
    assert (oral.drug, oral.last_dose_date, oral.dose_dates) == ("risedronate", None, ())


def test_unarchiving_brings_the_items_back_and_names_follow_the_record(db, patients, due):
    pid = patients.add(record(treatments=DENOSUMAB))
    patients.archive(pid)
    assert stored(db, pid) == []
    patients.unarchive(pid)
    assert ("denosumab_dose_due", "denosumab", "2026-12-01") in stored(db, pid)
    patients.update(pid, replace(patients.get(pid), name="王秀兰", id="MRN-9"))
    item = entry(due, pid, "denosumab_dose_due")
    assert (item.name, item.mrn) == ("王秀兰", "MRN-9")


def test_lines_read_their_details_when_asked_and_agree_with_a_full_read(patients, due):
    patients.add(record(treatments=DENOSUMAB))
    patients.add(record(mrn="MRN-2", treatments=[rx("zoledronic_acid", "2025-12-01")]))
    lean = due.worklist(TODAY, 30)
    full = due.worklist(TODAY, 30, details=True)
    assert lean == full
    assert [e.line("zh_CN") for e in lean] == [e.line("zh_CN") for e in full]
    assert [(e.source, e.params, e.snoozed_until) for e in lean] == [
        (e.source, e.params, e.snoozed_until) for e in full
    ]


def test_unknown_last_dose_done_records_the_dose_and_dates_the_next(patients, due):
    pid = patients.add(record(treatments=[rx("denosumab", "2022-01-10")]))
    item = entry(due, pid, "denosumab_last_dose_unknown")
    assert item.records_dose
    due.mark_done(item, date(2026, 9, 1))
    assert patients.get(pid).treatments[0].last_dose_date == date(2026, 9, 1)
    assert entry(due, pid, "denosumab_dose_due").due_date == date(2027, 3, 1)
