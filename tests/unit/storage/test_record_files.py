import json
from datetime import date
from pathlib import Path

import pytest

from osteodesk.storage import record_files
from osteodesk.storage.record_files import (
    CSV_COLUMNS,
    RecordFileError,
    read_record_file,
    validate_records,
)

AS_OF = date(2026, 11, 25)


@pytest.mark.skipif(not record_files.SCHEMA_FILE.is_file(), reason="no generated JSON Schema")
def test_fast_and_python_schema_checks_agree(example_record_json):
    schema = json.loads(record_files.SCHEMA_FILE.read_text(encoding="utf-8"))
    fast = record_files._schema_validator()
    slow = record_files._python_schema_validator(schema)
    assert fast is not None
    assert fast(example_record_json) == slow(example_record_json) == []
    bad = dict(example_record_json, weight_kg=900, sex="x")
    bad["labs"] = [{"date": "2026-01-01", "test": "egfr", "value": 52, "unit": "mg/dL"}]
    assert (
        {path for path, _ in fast(bad)}
        == {path for path, _ in slow(bad)}
        == {
            "weight_kg",
            "sex",
            "labs.0.unit",
        }
    )


def test_every_record_is_checked(tmp_path):
    path = tmp_path / "x.json"
    path.write_text(
        json.dumps([{"sex": "female", "birth_date": "1950-01-01"}, {"sex": "?"}, {"id": 5}]),
        encoding="utf-8",
    )
    records, bad = validate_records(read_record_file(path), as_of=AS_OF)
    assert len(records) == 1
    assert [b.position for b in bad] == ["record 2", "record 3"]
    assert all(b.problems for b in bad)


def test_format_is_detected_from_content(tmp_path):
    path = tmp_path / "records.txt"
    path.write_text(",".join(CSV_COLUMNS[:4]) + "\nA,王,female,1950-01-01\n", encoding="utf-8")
    (raw,) = read_record_file(path)
    assert raw.data == {"id": "A", "name": "王", "sex": "female", "birth_date": "1950-01-01"}


def test_non_utf8_file_is_reported(tmp_path):
    path = tmp_path / "gbk.csv"
    path.write_bytes("id,name\nA,王秀英\n".encode("gbk"))
    with pytest.raises(RecordFileError, match="not UTF-8"):
        read_record_file(path)


def test_folder_is_reported(tmp_path):
    with pytest.raises(RecordFileError, match="folder"):
        read_record_file(Path(tmp_path))
