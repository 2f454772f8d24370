import json
import sqlite3

import pytest

from osteodesk.__main__ import main
from osteodesk.storage.database import open_database
from osteodesk.storage.patients import PatientRepository


@pytest.fixture
def db_path(tmp_path, make_record):
    path = tmp_path / "clinic.sqlite3"
    database = open_database(path)
    repo = PatientRepository(database)
    for i in range(30):
        repo.add(make_record(id=f"MRN-{i}", name="王秀英"))
    database.close()
    return path


def cli(capsys, *args):
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_backup_then_restore(db_path, tmp_path, capsys, make_record):
    copy = tmp_path / "friday.sqlite3"
    code, out, _ = cli(capsys, "backup", "--to", str(copy), "--db", str(db_path))
    assert code == 0
    assert "30 patients" in out
    assert "integrity check ok, row counts equal" in out

    database = open_database(db_path)
    PatientRepository(database).add(make_record(id="MONDAY"))
    database.close()

    code, out, _ = cli(capsys, "check", "--backup", str(copy), "--db", str(db_path))
    assert code == 0
    assert "patients: 31 in the database, 30 in the backup" in out
    assert "only in the database: MONDAY" in out

    code, out, _ = cli(capsys, "restore", str(copy), "--db", str(db_path))
    assert code == 0
    assert "the replaced database was kept as" in out
    kept = [p for p in tmp_path.iterdir() if ".replaced-" in p.name]
    assert len(kept) == 1
    database = open_database(db_path)
    assert PatientRepository(database).find_by_mrn("MONDAY") is None
    assert PatientRepository(database).count() == 30
    database.close()
    database = open_database(kept[0])
    assert PatientRepository(database).find_by_mrn("MONDAY") is not None
    database.close()


def test_restore_refuses_a_bad_file_and_keeps_the_database(db_path, tmp_path, capsys):
    before = db_path.read_bytes()
    bogus = tmp_path / "bogus.sqlite3"
    bogus.write_bytes(b"SQLite format 3\x00" + b"\xff" * 5000)
    code, _, err = cli(capsys, "restore", str(bogus), "--db", str(db_path))
    assert code == 2
    assert "FILE:" in err
    assert db_path.read_bytes() == before
    assert not [p for p in tmp_path.iterdir() if ".replaced-" in p.name]


def test_check_json(db_path, capsys):
    code, out, _ = cli(capsys, "check", "--format", "json", "--db", str(db_path))
    report = json.loads(out)
    assert code == 0
    assert report["ok"] is True
    assert report["database"]["integrity_check"] == ["ok"]
    assert report["database"]["pending_steps"] == []
    assert report["database"]["row_counts"]["patients"] == 30
    assert sorted(p.name for p in db_path.parent.iterdir()) == ["clinic.sqlite3"]


def test_check_finds_damage(db_path, capsys):
    conn = sqlite3.connect(db_path)
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    root = conn.execute(
        "SELECT rootpage FROM sqlite_master WHERE name = 'search_terms_patient'"
    ).fetchone()[0]
    conn.close()
    data = bytearray(db_path.read_bytes())
    offset = (root - 1) * page_size
    data[offset + 8 : offset + 200] = b"\x07" * 192  # scribble over an index page
    db_path.write_bytes(bytes(data))
    code, out, err = cli(capsys, "check", "--db", str(db_path))
    assert code == 1
    assert "integrity check: ok" not in out
    assert "osteodesk restore" in err.lower()


def test_backup_needs_an_existing_database(tmp_path, capsys):
    code, _, err = cli(capsys, "backup", "--to", str(tmp_path / "b"), "--db", str(tmp_path / "x"))
    assert code == 1
    assert "no database" in err


def test_backup_to_a_folder_is_bad_input(db_path, tmp_path, capsys):
    code, _, err = cli(capsys, "backup", "--to", str(tmp_path), "--db", str(db_path))
    assert code == 2
    assert "--to" in err
