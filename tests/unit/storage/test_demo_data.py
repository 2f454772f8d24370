from collections import Counter
from datetime import date, timedelta

from osteodesk.core import codes
from osteodesk.core.record import parse_record, record_to_json
from osteodesk.storage.demo import fill, generate
from osteodesk.storage.names import has_cjk
from osteodesk.storage.patients import PatientRepository

AS_OF = date(2026, 11, 25)


def test_same_seed_same_patients():
    assert list(generate(50, seed=3, as_of=AS_OF)) == list(generate(50, seed=3, as_of=AS_OF))
    assert list(generate(50, seed=3, as_of=AS_OF)) != list(generate(50, seed=4, as_of=AS_OF))


def test_every_record_is_valid():
    for record in generate(1500, seed=1, as_of=AS_OF):
        assert parse_record(record_to_json(record), as_of=AS_OF) == record


def test_the_mix_covers_the_clinic():
    records = list(generate(3000, seed=2, as_of=AS_OF))
    ages = [(AS_OF - r.birth_date).days / 365.25 for r in records]
    assert min(ages) >= 45
    assert max(ages) < 96
    lengths = Counter(len(r.name) for r in records if r.name and has_cjk(r.name))
    assert {1, 2, 3, 4} <= set(lengths)
    assert any(r.name and not has_cjk(r.name) for r in records)
    assert {r.sex for r in records} == {"female", "male"}
    drugs = {t.drug for r in records for t in r.treatments}
    assert drugs == set(codes.OSTEOPOROSIS_DRUGS)
    assert {b.drug for r in records for b in r.biologics} <= set(codes.RHEUMATOLOGY_DRUGS)
    assert any(r.biologics for r in records)
    assert any(r.glucocorticoid for r in records)
    assert any(r.glucocorticoid_past for r in records)
    assert any(len(r.dxa) >= 4 for r in records)
    assert {lab.test for r in records for lab in r.labs} == set(codes.LAB_UNITS)
    assert any(r.fractures for r in records)
    assert sum(1 for r in records if not r.treatments) > 300  # treatment-naive


def test_denosumab_schedules_on_time_due_late_and_stopped():
    states = Counter()
    for record in generate(3000, seed=5, as_of=AS_OF):
        for t in record.treatments:
            if t.drug != "denosumab" or t.latest_dose is None:
                continue
            since = (AS_OF - t.latest_dose).days
            if t.end_date is not None or t.planned_stop:
                states["stopped"] += 1
            elif since < 150:
                states["on_time"] += 1
            elif since <= 213:
                states["due"] += 1
            else:
                states["late"] += 1
    assert min(states[s] for s in ("on_time", "due", "late", "stopped")) > 10


def test_bisphosphonate_durations_and_holidays():
    oral = set(codes.ORAL_BISPHOSPHONATES)
    short = long = holiday = 0
    for record in generate(3000, seed=6, as_of=AS_OF):
        for t in record.treatments:
            if t.drug not in oral:
                continue
            if t.end_date is None:
                years = (AS_OF - t.start_date) / timedelta(days=365.25)
                short += years < 5
                long += years > 5
            elif (t.end_date - t.start_date).days > 5 * 365:
                holiday += 1
    assert min(short, long, holiday) > 20


def test_fill_adds_with_one_audit_entry(db):
    assert fill(db, 300, seed=9, as_of=AS_OF) == 300
    repo = PatientRepository(db)
    assert repo.count() == 300
    (entry,) = repo.audit.recent()
    assert entry.action == "bulk_create"
    assert entry.new_value["count"] == 300
    assert fill(db, 10, seed=9, as_of=AS_OF) == 10  # a second fill does not clash on ids
    assert repo.count() == 310
