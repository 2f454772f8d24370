"""Every change of clinical data leaves an audit entry, and no entry can be changed.

The changes are made the way the window makes them (through `PatientSession`, which the tabs
call) on a real database file, one part of the record at a time: each save must add an entry
naming that field with the old and the new value.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import replace
from datetime import date

import pytest

from osteodesk.core.plan import Plan
from osteodesk.core.record import parse_record, record_to_json
from osteodesk.storage.database import open_database
from osteodesk.ui.session import PatientSession

AS_OF = date(2026, 11, 25)
BASE = {
    "id": "MRN-AUDIT-1",
    "name": "李桂兰",
    "sex": "female",
    "birth_date": "1950-06-01",
    "menopausal_status": "post",
    "weight_kg": 55,
    "height_cm": 156,
    "dxa": [{"date": "2026-01-10", "lumbar_spine_t": -2.7, "femoral_neck_t": -2.1}],
}
# Each step changes one part of the record; the audit entry must name that field.
CHANGES = [
    ("conditions", {"conditions": ["rheumatoid_arthritis"]}),
    ("dxa", {"dxa": [*BASE["dxa"], {"date": "2026-10-02", "lumbar_spine_t": -2.9}]}),
    (
        "labs",
        {"labs": [{"date": "2026-10-02", "test": "egfr", "value": 48, "unit": "mL/min/1.73m2"}]},
    ),
    (
        "treatments",
        {"treatments": [{"drug": "denosumab", "start_date": "2026-04-01", "end_date": None}]},
    ),
    (
        "treatments",  # a dose given: the doses live inside the treatment
        {
            "treatments": [
                {
                    "drug": "denosumab",
                    "start_date": "2026-04-01",
                    "end_date": None,
                    "dose_dates": ["2026-04-01", "2026-10-01"],
                }
            ]
        },
    ),
    ("fractures", {"fractures": [{"site": "wrist", "date": "2025-12-01", "fragility": True}]}),
    ("weight_kg", {"weight_kg": 53.5}),
    ("notes", {"notes": "seen with her daughter"}),
]


@pytest.fixture
def session(tmp_path):
    db = open_database(tmp_path / "audit.sqlite3")
    yield PatientSession(db, today=lambda: AS_OF), db
    db.close()


def entries(db, patient_id: int) -> list[tuple[str, str, str | None]]:
    return [
        tuple(row)
        for row in db.execute(
            "SELECT entity, action, field FROM audit_log WHERE patient_id = ? ORDER BY id",
            [patient_id],
        )
    ]


def test_every_change_of_clinical_data_is_audited(session):
    s, db = session
    data = dict(BASE)
    patient_id = s.save_record(parse_record(data, as_of=AS_OF))
    assert entries(db, patient_id) == [("patient", "create", None)]
    seen = 1
    for field, change in CHANGES:
        data.update(change)
        s.save_record(parse_record(data, as_of=AS_OF))
        new = entries(db, patient_id)[seen:]
        assert ("patient", "update", field) in new, (field, new)
        old_text, new_text = db.execute(
            "SELECT old_value, new_value FROM audit_log WHERE patient_id = ? AND field = ?"
            " ORDER BY id DESC LIMIT 1",
            [patient_id, field],
        ).fetchone()
        assert json.loads(new_text) == record_to_json(s.patients.get(patient_id))[field]
        assert old_text != new_text
        seen = len(entries(db, patient_id))

    s.open_patient(patient_id)
    option = s.evaluation.options[0]
    plan = s.save_plan(
        Plan(
            patient_id=patient_id,
            steps=option.steps,
            start_date=AS_OF,
            framework=s.evaluation.framework,
            rules_version=s.evaluation.rules_version,
            chosen_rank=option.rank,
            override_reason=None if option.rank == 1 else "patient preference",
        )
    )
    s.plans.set_status(plan.id, "completed")
    s.archive_patient(patient_id)
    s.unarchive_patient(patient_id)
    s.delete_patient(patient_id)

    after = entries(db, patient_id)[seen:]
    # (Other parts, e.g. follow-up items, may add entries of their own in between.)
    assert [e[:2] for e in after if e[0] in ("assessment", "plan", "patient")] == [
        ("assessment", "create"),
        ("plan", "create"),
        ("plan", "status"),
        ("patient", "archive"),
        ("patient", "unarchive"),
        ("patient", "delete"),
    ]
    # The deleted record is kept in its delete entry.
    kept = db.execute(
        "SELECT old_value FROM audit_log WHERE patient_id = ? AND action = 'delete'", [patient_id]
    ).fetchone()[0]
    assert "MRN-AUDIT-1" in kept
    assert "2026-10-01" in kept  # with its doses


def test_the_audit_log_is_append_only_on_a_file(session):
    s, db = session
    patient_id = s.save_record(parse_record(BASE, as_of=AS_OF))
    s.save_record(replace(s.record, weight_kg=50.0))
    count = db.execute("SELECT count(*) FROM audit_log").fetchone()[0]
    for statement in (
        "UPDATE audit_log SET new_value = 'forged'",
        "DELETE FROM audit_log",
        f"DELETE FROM audit_log WHERE patient_id = {patient_id}",
    ):
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            db.execute(statement)
    assert db.execute("SELECT count(*) FROM audit_log").fetchone()[0] == count
    assert record_to_json(s.patients.get(patient_id))["weight_kg"] == 50.0
