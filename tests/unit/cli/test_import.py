import json
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from osteodesk.__main__ import main
from osteodesk.core.record import record_to_json
from osteodesk.storage.database import open_database
from osteodesk.storage.demo import generate
from osteodesk.storage.patients import PatientRepository

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "storage"))
from record_strategies import AS_OF, valid_records  # noqa: E402

AS_OF_ARG = ["--as-of", AS_OF.isoformat()]


def write_json(path: Path, data) -> Path:
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def good(i: int, **extra) -> dict:
    data = {"id": f"MRN-{i:04d}", "name": "王秀英", "sex": "female", "birth_date": "1954-05-12"}
    data.update(extra)
    return data


def patient_count(db_path: Path) -> int:
    conn = sqlite3.connect(db_path)
    try:
        return conn.execute("SELECT count(*) FROM patients").fetchone()[0]
    finally:
        conn.close()


def test_import_adds_then_updates(tmp_path, capsys, example_record_json):
    db = tmp_path / "db.sqlite3"
    source = write_json(tmp_path / "p.json", [example_record_json, good(1), good(2)])
    assert main(["import", str(source), "--db", str(db), *AS_OF_ARG]) == 0
    assert "added 3, updated 0" in capsys.readouterr().out
    changed = dict(example_record_json, weight_kg=47.0)
    write_json(source, changed)  # one object, not a list
    assert main(["import", str(source), "--db", str(db), *AS_OF_ARG]) == 0
    assert "added 0, updated 1" in capsys.readouterr().out
    database = open_database(db)
    repo = PatientRepository(database)
    pid = repo.find_by_mrn("MRN-000123")
    assert repo.get(pid).weight_kg == 47.0
    entry = repo.audit.for_patient(pid)[-1]
    assert (entry.source, entry.field, entry.old_value, entry.new_value) == (
        "import",
        "weight_kg",
        48.0,
        47.0,
    )
    database.close()


def test_one_bad_record_among_many_imports_nothing(tmp_path, capsys):
    db = tmp_path / "db.sqlite3"
    first = write_json(tmp_path / "first.json", [good(i) for i in range(3)])
    assert main(["import", str(first), "--db", str(db), *AS_OF_ARG]) == 0
    capsys.readouterr()
    before = db.read_bytes()

    records = [good(i, weight_kg=50.0) for i in range(60)]
    records[4] = good(4, weight_kg=900)  # out of range
    records[16] = good(16, sex="unknown", dxa=[{"date": "2031-01-01", "total_hip_t": -2.0}])
    records[39] = {"name": "无编号", "birth_date": "1950-13-01"}  # no id, no sex, bad date
    source = write_json(tmp_path / "many.json", records)
    assert main(["import", str(source), "--db", str(db), *AS_OF_ARG]) == 2
    err = capsys.readouterr().err
    assert "3 of 60 records" in err
    assert "nothing was imported" in err
    assert "record 5 (id MRN-0004): weight_kg: must be between 20 and 300 kg (got 900)" in err
    assert "record 17 (id MRN-0016): sex: must be one of female, male" in err
    assert "record 17 (id MRN-0016): dxa[0].date: must not be after 2026-11-25" in err
    assert "record 40: sex:" in err
    assert "record 40: birth_date: must be a date YYYY-MM-DD (got '1950-13-01')" in err
    assert db.read_bytes() == before
    assert patient_count(db) == 3


def test_bad_file_never_creates_the_database(tmp_path, capsys):
    db = tmp_path / "new.sqlite3"
    source = write_json(tmp_path / "bad.json", [good(1, sex="x")])
    assert main(["import", str(source), "--db", str(db), *AS_OF_ARG]) == 2
    assert not db.exists()


def test_an_id_used_twice_in_the_file_is_an_error(tmp_path, capsys):
    source = write_json(tmp_path / "dup.json", [good(1), good(2), good(1)])
    assert main(["import", str(source), "--db", str(tmp_path / "d.sqlite3"), *AS_OF_ARG]) == 2
    assert "record 3 (id MRN-0001): id: used again (first at record 1)" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('[{"sex": "female",', "not valid JSON"),
        ("[]", "holds no records"),
        ("nom,sexe\nA,F\n", "unknown CSV column(s) 'nom', 'sexe'"),
        ("", "empty CSV file"),
    ],
)
def test_unreadable_files_exit_2(tmp_path, capsys, content, message):
    source = tmp_path / ("f.json" if content.startswith("[") else "f.csv")
    source.write_text(content, encoding="utf-8")
    assert main(["import", str(source), "--db", str(tmp_path / "d.sqlite3")]) == 2
    err = capsys.readouterr().err
    assert message in err
    assert "Traceback" not in err


def test_missing_file_exits_2(tmp_path, capsys):
    assert main(["import", str(tmp_path / "nope.json"), "--db", str(tmp_path / "d")]) == 2
    assert "FILE:" in capsys.readouterr().err


def test_bad_as_of_exits_2(tmp_path, capsys):
    source = write_json(tmp_path / "p.json", [good(1)])
    assert main(["import", str(source), "--as-of", "25.11.2026"]) == 2
    assert "--as-of" in capsys.readouterr().err


def test_csv_problems_name_row_and_column(tmp_path, capsys):
    source = tmp_path / "p.csv"
    source.write_text(
        "id,name,sex,birth_date,weight_kg,labs\n"
        "A-1,王秀英,female,1954-05-12,48.5,\n"
        'A-2,张伟,male,1950-01-01,heavy,"[{""date"": ""2026-01-01""}"\n'
        "A-3,李,female,1960-01-01,,\n",
        encoding="utf-8",
    )
    assert main(["import", str(source), "--db", str(tmp_path / "d.sqlite3"), *AS_OF_ARG]) == 2
    err = capsys.readouterr().err
    assert "row 2 (id A-2): labs: must be JSON" in err
    assert "row 2 (id A-2): weight_kg: must be a number (got 'heavy')" in err
    assert "row 1" not in err
    assert "row 3" not in err


def test_csv_with_excel_bom_imports(tmp_path, capsys):
    source = tmp_path / "p.csv"
    source.write_bytes(
        "id,name,sex,birth_date,conditions\nA-1,王秀英,female,1954-05-12,dialysis; sle\n".encode(
            "utf-8-sig"
        )
    )
    db = tmp_path / "d.sqlite3"
    assert main(["import", str(source), "--db", str(db), *AS_OF_ARG]) == 0
    database = open_database(db)
    record = PatientRepository(database).get(1)
    assert (record.name, record.conditions) == ("王秀英", frozenset({"dialysis", "sle"}))
    database.close()


@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(records=st.lists(valid_records(), min_size=1, max_size=4))
def test_import_then_export_gives_the_same_records(tmp_path_factory, records):
    folder = tmp_path_factory.mktemp("rt")
    # Clinic ids must be unique within one file.
    seen: set[str] = set()
    unique = []
    for r in records:
        if r.id is None or r.id not in seen:
            unique.append(r)
            seen.add(r.id or "")
    data = [record_to_json(r) for r in unique]
    source = write_json(folder / "in.json", data)
    db = folder / "db.sqlite3"
    assert main(["import", str(source), "--db", str(db), *AS_OF_ARG]) == 0
    out_json = folder / "out.json"
    assert main(["export", "--db", str(db), "--out", str(out_json)]) == 0
    assert json.loads(out_json.read_text(encoding="utf-8")) == data

    out_csv = folder / "out.csv"
    assert main(["export", "--db", str(db), "--format", "csv", "--out", str(out_csv)]) == 0
    db2 = folder / "db2.sqlite3"
    assert main(["import", str(out_csv), "--db", str(db2), *AS_OF_ARG]) == 0
    again = folder / "again.json"
    assert main(["export", "--db", str(db2), "--out", str(again)]) == 0
    assert json.loads(again.read_text(encoding="utf-8")) == [
        {k: v for k, v in item.items() if v != ""}
        for item in data  # CSV: empty text = absent
    ]


@pytest.mark.slow
def test_killed_import_leaves_all_or_nothing(tmp_path):
    """SIGKILL an import at several points: the database is intact and holds all or none."""
    as_of = date(2026, 11, 25)
    records = [record_to_json(r) for r in generate(1500, seed=11, as_of=as_of)]
    for item in records:
        item.pop("labs", None)  # cheap to validate, so more of the run is spent writing
    source = write_json(tmp_path / "big.json", records)
    invalid = write_json(tmp_path / "invalid.json", [*records, good(1, sex="?")])
    expected_new = len(records)
    full_dxa = sum(len(r.get("dxa", [])) for r in records)

    def fresh_db(name: str) -> Path:
        path = tmp_path / name
        database = open_database(path)
        PatientRepository(database).save_many(list(generate(3, seed=99, as_of=as_of)))
        database.execute("UPDATE patients SET mrn = 'OTHER-' || id")
        database.close()
        return path

    command = [sys.executable, "-m", "osteodesk", "import", "--as-of", as_of.isoformat()]

    def timed(file: Path, db: Path) -> float:
        started = time.perf_counter()
        subprocess.run([*command, str(file), "--db", str(db)], capture_output=True, check=False)
        return time.perf_counter() - started

    # Validation alone (the file with one bad record at the end is refused after reading it
    # all), then the whole import: kills aimed between the two land while it writes.
    validating = timed(invalid, fresh_db("validate.sqlite3"))
    whole_db = fresh_db("whole.sqlite3")
    whole = timed(source, whole_db)
    assert patient_count(whole_db) == 3 + expected_new
    window = max(whole - validating, 0.05)
    delays = [validating * 0.5] + [validating + window * f for f in (0.1, 0.3, 0.5, 0.7, 0.9)]
    retries = [validating + window * f for f in (0.2, 0.4, 0.6, 0.8, 0.05, 0.95)]

    mid_write = 0  # kills that landed while the import's transaction was open
    attempt = 0
    while delays or (retries and not mid_write):
        delay = delays.pop(0) if delays else retries.pop(0)
        attempt += 1
        db = fresh_db(f"kill{attempt}.sqlite3")
        proc = subprocess.Popen(
            [*command, str(source), "--db", str(db)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        wal = db.with_name(db.name + "-wal")
        uncommitted = wal.exists() and wal.stat().st_size > 0
        conn = sqlite3.connect(db)
        try:
            assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
            assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
            imported = conn.execute(
                "SELECT count(*) FROM patients WHERE mrn IS NULL OR mrn NOT LIKE 'OTHER-%'"
            ).fetchone()[0]
            others = conn.execute(
                "SELECT count(*) FROM patients WHERE mrn LIKE 'OTHER-%'"
            ).fetchone()[0]
            dxa = conn.execute("SELECT count(*) FROM dxa_scans").fetchone()[0]
        finally:
            conn.close()
        assert others == 3
        assert imported in (0, expected_new), (delay, imported)
        assert dxa - (full_dxa if imported else 0) == _dxa_of_fresh(as_of)
        mid_write += imported == 0 and uncommitted
    assert mid_write, "no kill landed while the import was writing"


def _dxa_of_fresh(as_of: date) -> int:
    return sum(len(r.dxa) for r in generate(3, seed=99, as_of=as_of))
