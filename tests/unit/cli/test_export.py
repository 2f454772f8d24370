import csv
import io
import json
from datetime import date

import pytest

from osteodesk.__main__ import main
from osteodesk.core.record import parse_record, record_to_json
from osteodesk.storage.database import open_database
from osteodesk.storage.patients import PatientRepository
from osteodesk.storage.record_files import CSV_COLUMNS

AS_OF = date(2026, 11, 25)


@pytest.fixture
def db_path(tmp_path, example_record_json, make_record):
    path = tmp_path / "db.sqlite3"
    database = open_database(path)
    repo = PatientRepository(database)
    repo.add(parse_record(example_record_json, as_of=AS_OF))
    repo.add(make_record(name="Mary Smith", notes='line one\nline "two", with comma'))
    archived = repo.add(make_record(id="OLD-1", name="李"))
    repo.archive(archived)
    database.close()
    return path


def test_json_to_stdout_is_the_record_format(db_path, capsys, example_record_json):
    assert main(["export", "--db", str(db_path)]) == 0
    exported = json.loads(capsys.readouterr().out)
    assert len(exported) == 3  # archived patients are exported too
    assert exported[0] == record_to_json(parse_record(example_record_json, as_of=AS_OF))
    assert [item.get("id") for item in exported] == ["MRN-000123", None, "OLD-1"]


def test_csv_has_the_documented_columns(db_path, capsys):
    assert main(["export", "--db", str(db_path), "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out, newline="")))
    assert list(rows[0]) == list(CSV_COLUMNS)
    assert rows[0]["conditions"] == "esophageal_disorder;rheumatoid_arthritis"
    assert json.loads(rows[0]["dxa"])[0]["lumbar_spine_t"] == -3.1
    assert rows[0]["weight_kg"] == "48.0"
    assert rows[1]["notes"] == 'line one\nline "two", with comma'


def test_out_file_is_written_whole(db_path, tmp_path, capsys):
    target = tmp_path / "export.csv"
    target.write_text("old content")
    assert main(["export", "--db", str(db_path), "--format", "csv", "--out", str(target)]) == 0
    assert target.read_bytes().startswith("\ufeffid,name,".encode())  # BOM: Excel reads UTF-8
    assert "exported 3 patients" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["db.sqlite3", "export.csv"]


def test_out_into_a_missing_folder_fails(db_path, tmp_path, capsys):
    assert main(["export", "--db", str(db_path), "--out", str(tmp_path / "no" / "x.json")]) == 1
    assert "does not exist" in capsys.readouterr().err


def test_missing_database_is_not_created(tmp_path, capsys):
    missing = tmp_path / "missing.sqlite3"
    assert main(["export", "--db", str(missing)]) == 1
    assert "no database" in capsys.readouterr().err
    assert not missing.exists()


def test_empty_database_exports_an_empty_list(tmp_path, capsys):
    path = tmp_path / "empty.sqlite3"
    open_database(path).close()
    assert main(["export", "--db", str(path)]) == 0
    assert json.loads(capsys.readouterr().out) == []


def test_database_from_environment(db_path, monkeypatch, capsys):
    monkeypatch.setenv("OSTEODESK_DB", str(db_path))
    assert main(["export"]) == 0
    assert len(json.loads(capsys.readouterr().out)) == 3
