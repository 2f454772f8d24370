import sqlite3

import pytest

from osteodesk.storage.audit import AuditLog


def test_entries_cannot_be_changed_or_deleted(db, patients, make_record):
    pid = patients.add(make_record(id="MRN-1"))
    assert patients.audit.count() == 1
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        db.execute("UPDATE audit_log SET new_value = 'forged'")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        db.execute("DELETE FROM audit_log")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        db.execute("DELETE FROM audit_log WHERE patient_id = ?", [pid])
    assert patients.audit.count() == 1


def test_entries_outlive_the_patient(patients, make_record):
    pid = patients.add(make_record(id="MRN-1"))
    patients.delete(pid, confirm=True)
    assert [e.action for e in patients.audit.for_patient(pid)] == ["create", "delete"]


def test_values_keep_their_type(db, clock):
    log = AuditLog(db, source="cli", now=clock)
    log.append(
        entity="patient",
        action="update",
        patient_id=1,
        field="weight_kg",
        old_value=48.0,
        new_value="48",
    )
    (entry,) = log.recent()
    assert (entry.old_value, entry.new_value, entry.source) == (48.0, "48", "cli")
    assert entry.at.tzinfo is not None


def test_audit_write_rolls_back_with_its_change(db, patients, make_record):
    def save_then_crash():
        with db.atomic():
            patients.add(make_record(id="MRN-1"))
            raise RuntimeError("the window crashed mid-save")

    with pytest.raises(RuntimeError):
        save_then_crash()
    assert patients.count() == 0
    assert patients.audit.count() == 0
