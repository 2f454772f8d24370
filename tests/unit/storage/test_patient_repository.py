import dataclasses
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from record_strategies import valid_records

from osteodesk.core.record import Treatment, parse_record, record_to_json
from osteodesk.storage.database import open_database
from osteodesk.storage.errors import DuplicateClinicIdError, PatientNotFoundError
from osteodesk.storage.patients import PatientRepository

AS_OF = date(2026, 11, 25)


def test_contract_example_round_trips(patients, example_record_json):
    record = parse_record(example_record_json, as_of=AS_OF)
    pid = patients.add(record)
    assert patients.get(pid) == record
    assert record_to_json(patients.get_record(pid)) == record_to_json(record)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(record=valid_records())
def test_any_valid_record_comes_back_equal(record):
    database = open_database(None)
    repo = PatientRepository(database)
    pid = repo.add(record)
    assert repo.get(pid) == record
    database.close()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(first=valid_records(), second=valid_records())
def test_update_replaces_every_fact(first, second):
    database = open_database(None)
    repo = PatientRepository(database)
    second = dataclasses.replace(second, id=first.id)
    pid = repo.add(first)
    repo.update(pid, second)
    assert repo.get(pid) == second
    counts = {
        table: database.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        for table in ("labs", "dxa_scans", "treatments", "treatment_doses", "search_terms")
    }
    fresh = open_database(None)
    PatientRepository(fresh).add(second)
    assert counts == {
        table: fresh.execute(f"SELECT count(*) FROM {table}").fetchone()[0] for table in counts
    }
    database.close()
    fresh.close()


def test_update_audits_each_changed_field(patients, make_record):
    pid = patients.add(make_record(id="MRN-1", name="王秀英", weight_kg=48.0))
    patients.update(pid, make_record(id="MRN-1", name="王秀英", weight_kg=47.5, notes="fell"))
    entries = [e for e in patients.audit.for_patient(pid) if e.action == "update"]
    assert {(e.field, e.old_value, e.new_value) for e in entries} == {
        ("weight_kg", 48.0, 47.5),
        ("notes", None, "fell"),
    }


def test_update_without_changes_writes_nothing(patients, make_record):
    record = make_record(id="MRN-1")
    pid = patients.add(record)
    before = patients.audit.count()
    patients.update(pid, record)
    assert patients.audit.count() == before


def test_creation_is_audited_with_the_record(patients, make_record):
    record = make_record(id="MRN-7", name="张伟")
    pid = patients.add(record)
    (entry,) = patients.audit.for_patient(pid)
    assert (entry.entity, entry.action, entry.source) == ("patient", "create", "ui")
    assert entry.new_value == record_to_json(record)


def test_clinic_id_is_unique(patients, make_record):
    patients.add(make_record(id="MRN-1"))
    with pytest.raises(DuplicateClinicIdError):
        patients.add(make_record(id="MRN-1"))
    other = patients.add(make_record(id="MRN-2"))
    with pytest.raises(DuplicateClinicIdError):
        patients.update(other, make_record(id="MRN-1"))
    assert patients.count() == 2


def test_save_matches_on_clinic_id(patients, make_record):
    pid = patients.save(make_record(id="MRN-1", weight_kg=50.0))
    assert patients.save(make_record(id="MRN-1", weight_kg=51.0)) == pid
    assert patients.get(pid).weight_kg == 51.0
    assert patients.save(make_record()) != patients.save(make_record())  # no id: always new


def test_save_many_is_one_transaction(patients, make_record):
    patients.add(make_record(id="MRN-1", weight_kg=50.0))
    ids, added, updated = patients.save_many(
        [make_record(id="MRN-1", weight_kg=52.0), make_record(id="MRN-2"), make_record()]
    )
    assert (added, updated) == (2, 1)
    assert patients.get(ids[0]).weight_kg == 52.0
    with pytest.raises(DuplicateClinicIdError):
        patients.save_many([make_record(id="MRN-3"), make_record(id="MRN-3")])
    assert patients.count() == 3  # nothing of the failed batch stayed


def test_missing_patient(patients):
    with pytest.raises(PatientNotFoundError):
        patients.get(42)
    with pytest.raises(PatientNotFoundError):
        patients.resolve("MRN-404")


def test_resolve_takes_clinic_id_or_internal_number(patients, make_record):
    with_id = patients.add(make_record(id="MRN-9"))
    without = patients.add(make_record())
    assert patients.resolve("MRN-9") == with_id
    assert patients.resolve(str(without)) == without
    assert patients.resolve(without) == without


def test_archive_hides_from_the_list_and_is_audited(patients, make_record):
    keep = patients.add(make_record(name="甲"))
    hide = patients.add(make_record(name="乙"))
    patients.archive(hide)
    assert [s.id for s in patients.list_patients(as_of=AS_OF)] == [keep]
    assert patients.count() == 1
    assert patients.count(include_archived=True) == 2
    assert {s.id for s in patients.list_patients(include_archived=True, as_of=AS_OF)} == {
        keep,
        hide,
    }
    assert patients.is_archived(hide)
    patients.unarchive(hide)
    assert patients.count() == 2
    actions = [(e.action, e.new_value) for e in patients.audit.for_patient(hide)]
    assert actions[1:] == [("archive", True), ("unarchive", False)]


def test_delete_needs_confirmation_and_is_audited(db, patients, make_record):
    record = make_record(
        id="MRN-5",
        labs=[{"date": "2026-01-01", "test": "egfr", "value": 50, "unit": "mL/min/1.73m2"}],
    )
    pid = patients.add(record)
    with pytest.raises(ValueError, match="confirm"):
        patients.delete(pid, confirm=False)
    assert patients.exists(pid)
    patients.delete(pid, confirm=True)
    assert not patients.exists(pid)
    assert db.execute("SELECT count(*) FROM labs").fetchone()[0] == 0
    assert db.execute("SELECT count(*) FROM search_terms").fetchone()[0] == 0
    last = patients.audit.for_patient(pid)[-1]
    assert (last.action, last.old_value) == ("delete", record_to_json(record))


def test_summary_columns_follow_the_record(patients, make_record):
    pid = patients.add(
        make_record(
            id="MRN-1",
            name="王秀英",
            dxa=[
                {"date": "2020-01-01", "lumbar_spine_t": -3.5},
                {"date": "2026-10-02", "lumbar_spine_t": -2.1, "total_hip_t": -2.6},
                {"date": "2026-11-01", "femoral_neck_z": -1.0},
            ],
            treatments=[
                {"drug": "alendronate", "start_date": "2015-01-01", "end_date": "2020-01-01"},
                {"drug": "denosumab", "start_date": "2022-01-10", "end_date": None},
            ],
        )
    )
    summary = patients.summary(pid, as_of=AS_OF)
    assert (summary.lowest_t, summary.lowest_t_date) == (-2.6, date(2026, 10, 2))
    assert summary.current_drug == "denosumab"
    assert (summary.age, summary.name_pinyin, summary.display_id) == (68, "wangxiuying", "MRN-1")
    patients.update(pid, make_record(id="MRN-1", name="王秀英"))
    summary = patients.summary(pid, as_of=AS_OF)
    assert (summary.lowest_t, summary.current_drug) == (None, None)


def test_list_pages_and_orders(patients, make_record):
    names = ["张伟", "李", "王秀英", "Mary Smith", "欧阳娜娜"]
    births = ["1950-01-01", "1960-01-01", "1940-01-01", "1955-01-01", "1945-01-01"]
    for name, birth in zip(names, births, strict=True):
        patients.add(make_record(name=name, birth_date=birth))
    by_name = [s.name for s in patients.list_summaries(0, 10, "name", as_of=AS_OF)]
    assert by_name == ["李", "Mary Smith", "欧阳娜娜", "王秀英", "张伟"]  # by pinyin
    page = [s.name for s in patients.list_summaries(1, 2, "name", as_of=AS_OF)]
    assert page == by_name[1:3]
    by_birth = patients.list_summaries(0, 10, "birth_date", descending=True, as_of=AS_OF)
    assert [s.name for s in by_birth] == ["李", "Mary Smith", "张伟", "欧阳娜娜", "王秀英"]
    with pytest.raises(ValueError, match="order"):
        patients.list_summaries(0, 10, "name; DROP TABLE patients")


def test_treatment_doses_are_kept(patients, make_record):
    doses = ["2024-01-10", "2024-07-09", "2025-01-08"]
    pid = patients.add(
        make_record(
            treatments=[{"drug": "denosumab", "start_date": "2024-01-10", "dose_dates": doses}]
        )
    )
    (treatment,) = patients.get(pid).treatments
    assert treatment == Treatment(
        "denosumab", date(2024, 1, 10), dose_dates=tuple(date.fromisoformat(d) for d in doses)
    )
    assert treatment.latest_dose == date(2025, 1, 8)


def test_iter_records_returns_everyone_in_order(patients, make_record):
    records = [make_record(id=f"MRN-{i}", weight_kg=40.0 + i / 10) for i in range(1203)]
    ids, _, _ = patients.save_many(records)
    patients.archive(ids[5])
    loaded = list(patients.iter_records())
    assert [pid for pid, _ in loaded] == ids
    assert [r for _, r in loaded] == records
    assert len(list(patients.iter_records(include_archived=False))) == 1202
