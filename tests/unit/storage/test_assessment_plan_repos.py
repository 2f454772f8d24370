import sqlite3
from datetime import date

import pytest

from osteodesk.core.evaluation import Step
from osteodesk.core.plan import Assessment, Plan
from osteodesk.core.record import record_to_json
from osteodesk.storage.assessments import AssessmentNotFoundError, AssessmentRepository
from osteodesk.storage.errors import PatientNotFoundError
from osteodesk.storage.plans import PlanNotFoundError, PlanRepository

AS_OF = date(2026, 11, 25)
EVALUATION = {"schema": "osteodesk.evaluation/1", "rules_version": "2026.1", "options": []}


@pytest.fixture
def patient(patients, make_record):
    record = make_record(id="MRN-1", name="王秀英")
    return patients.add(record), record


@pytest.fixture
def assessments(db, clock):
    return AssessmentRepository(db, now=clock)


@pytest.fixture
def plans(db, clock):
    return PlanRepository(db, now=clock)


def _assessment(pid, record, **changes):
    fields = dict(
        patient_id=pid,
        as_of=AS_OF,
        framework="cn2022",
        rules_version="2026.1",
        record_json=record_to_json(record),
        evaluation_json=EVALUATION,
    )
    fields.update(changes)
    return Assessment(**fields)


def test_assessment_keeps_input_and_result(assessments, patient):
    pid, record = patient
    saved = assessments.add(_assessment(pid, record))
    assert saved.id is not None
    assert saved.created_at is not None
    again = assessments.get(saved.id)
    assert again == saved
    assert again.record_json == record_to_json(record)
    assert again.evaluation_json == EVALUATION


def test_latest_assessment_is_first(assessments, patient):
    pid, record = patient
    first = assessments.add(_assessment(pid, record))
    second = assessments.add(_assessment(pid, record, framework="aace2020"))
    assert [a.id for a in assessments.for_patient(pid)] == [second.id, first.id]
    assert assessments.latest(pid) == second


def test_assessment_for_unknown_patient(assessments, patient):
    _, record = patient
    with pytest.raises(PatientNotFoundError):
        assessments.add(_assessment(999, record))
    with pytest.raises(AssessmentNotFoundError):
        assessments.get(999)


def test_assessment_is_audited(assessments, patients, patient):
    pid, record = patient
    saved = assessments.add(_assessment(pid, record))
    entry = patients.audit.for_patient(pid)[-1]
    assert (entry.entity, entry.entity_id, entry.action) == ("assessment", saved.id, "create")


def _plan(pid, **changes):
    fields = dict(
        patient_id=pid,
        steps=(Step("romosozumab", 12), Step("denosumab", None, date(2027, 12, 1))),
        start_date=date(2026, 12, 1),
        framework="cn2022",
        rules_version="2026.1",
    )
    fields.update(changes)
    return Plan(**fields)


def test_plan_round_trip_and_supersede(plans, assessments, patient):
    pid, record = patient
    assessment = assessments.add(_assessment(pid, record))
    first = plans.add(_plan(pid, assessment_id=assessment.id))
    assert plans.get(first.id) == first
    assert first.steps == _plan(pid).steps
    second = plans.add(
        _plan(pid, chosen_rank=2, override_reason="patient prefers fewer injections")
    )
    assert plans.active(pid) == second
    assert plans.get(first.id).status == "superseded"
    assert plans.set_status(second.id, "completed").status == "completed"
    assert plans.active(pid) is None


def test_override_reason_required_when_not_the_top_option(db, plans, patient):
    pid, _ = patient
    with pytest.raises(ValueError, match="override_reason"):
        plans.add(_plan(pid, chosen_rank=2))
    with pytest.raises(ValueError, match="override_reason"):
        plans.add(_plan(pid, chosen_rank=None, override_reason="  "))
    with pytest.raises(sqlite3.IntegrityError):  # the table enforces it too
        db.execute(
            "INSERT INTO plans (patient_id, steps_json, start_date, framework, rules_version,"
            " chosen_rank, status, created_at, updated_at)"
            " VALUES (?, '[]', '2026-12-01', 'cn2022', '2026.1', 3, 'active', 't', 't')",
            [pid],
        )


def test_plan_validation(plans, patient):
    pid, _ = patient
    with pytest.raises(ValueError, match="step"):
        plans.add(_plan(pid, steps=()))
    with pytest.raises(ValueError, match="status"):
        plans.add(_plan(pid, status="paused"))
    with pytest.raises(PatientNotFoundError):
        plans.add(_plan(999))
    with pytest.raises(PlanNotFoundError):
        plans.get(999)
    saved = plans.add(_plan(pid))
    with pytest.raises(ValueError, match="status"):
        plans.set_status(saved.id, "paused")


def test_plan_changes_are_audited(plans, patients, patient):
    pid, _ = patient
    saved = plans.add(_plan(pid))
    plans.set_status(saved.id, "cancelled")
    entries = [e for e in patients.audit.for_patient(pid) if e.entity == "plan"]
    assert [(e.action, e.old_value, e.new_value) for e in entries][1] == (
        "status",
        "active",
        "cancelled",
    )
    assert entries[0].new_value["steps"][0] == {"drug": "romosozumab", "months": 12}


def test_deleting_the_patient_removes_assessments_and_plans(
    db, patients, plans, assessments, patient
):
    pid, record = patient
    assessments.add(_assessment(pid, record))
    plans.add(_plan(pid))
    patients.delete(pid, confirm=True)
    assert db.execute("SELECT count(*) FROM assessments").fetchone()[0] == 0
    assert db.execute("SELECT count(*) FROM plans").fetchone()[0] == 0
