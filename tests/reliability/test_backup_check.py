"""`osteodesk check --backup FILE` compares the content of every record, not just counts."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date

from osteodesk.__main__ import main
from osteodesk.storage.backup import backup_database, trial_restore
from osteodesk.storage.database import open_database
from osteodesk.storage.demo import generate
from osteodesk.storage.patients import PatientRepository

AS_OF = date(2026, 11, 25)


def test_a_changed_value_with_equal_counts_is_found(tmp_path, capsys):
    path = tmp_path / "clinic.sqlite3"
    db = open_database(path)
    repo = PatientRepository(db)
    ids = [
        repo.add(replace(record, id=f"MRN-{i:02d}"))
        for i, record in enumerate(generate(12, seed=2, as_of=AS_OF))
    ]
    backup = tmp_path / "monday.sqlite3"
    backup_database(db, backup)
    # Same rows in every table, one lab value different: counts alone would call them equal.
    db.execute("UPDATE labs SET value = value + 1 WHERE id = (SELECT min(id) FROM labs)")
    changed = db.execute(
        "SELECT p.mrn FROM labs l JOIN patients p ON p.id = l.patient_id"
        " WHERE l.id = (SELECT min(id) FROM labs)"
    ).fetchone()[0]
    db.close()

    assert main(["check", "--db", str(path), "--backup", str(backup)]) == 0
    out = capsys.readouterr().out
    assert f"1 of 12 patients have another record in the backup: {changed}" in out
    assert "same number of rows but other content in: labs" in out
    assert main(["check", "--db", str(path), "--backup", str(backup), "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["comparison"]["changed_since_backup"] == [changed]
    assert report["comparison"]["count_differences"] == {}
    assert report["comparison"]["same"] is False

    trial = trial_restore(backup, path)
    assert trial.patients == len(ids)
    assert trial.comparison.changed == [changed]


def test_an_identical_backup_is_reported_as_identical(tmp_path, capsys):
    path = tmp_path / "clinic.sqlite3"
    db = open_database(path)
    for i, record in enumerate(generate(5, seed=3, as_of=AS_OF)):
        PatientRepository(db).add(replace(record, id=f"MRN-{i}"))
    backup_database(db, tmp_path / "copy.sqlite3")
    db.close()
    assert main(["check", "--db", str(path), "--backup", str(tmp_path / "copy.sqlite3")]) == 0
    assert "the records of all 5 patients are identical" in capsys.readouterr().out
