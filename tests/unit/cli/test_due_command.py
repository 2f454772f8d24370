"""`osteodesk due`: the worklist as JSON (contract section 4), CSV and text; exit codes."""

import csv
import io
import json
from datetime import UTC, date, datetime

import pytest

from osteodesk.__main__ import main
from osteodesk.core.record import parse_record
from osteodesk.storage.database import open_database
from osteodesk.storage.due import DueRepository
from osteodesk.storage.patients import PatientRepository

TODAY = date(2026, 11, 25)
LABS_OK = [
    {"date": "2026-01-05", "test": "egfr", "value": 70, "unit": "mL/min/1.73m2"},
    {"date": "2026-01-05", "test": "calcium", "value": 2.3, "unit": "mmol/L"},
    {"date": "2026-01-05", "test": "vitamin_d_25oh", "value": 32, "unit": "ng/mL"},
]


def clock():
    return datetime(2026, 11, 25, 12, 0, tzinfo=UTC)


def record(mrn, name, treatments, **fields):
    data = {
        "id": mrn,
        "name": name,
        "sex": "female",
        "birth_date": "1955-03-14",
        "menopausal_status": "post",
        "weight_kg": 58,
        "labs": LABS_OK,
        "dxa": [{"date": "2026-01-05", "femoral_neck_t": -2.7}],
        "treatments": treatments,
    }
    data.update(fields)
    return parse_record(data, as_of=TODAY)


@pytest.fixture
def db_path(tmp_path):
    """Three patients: a late denosumab dose, a dose due 2026-12-01, a yearly infusion."""
    path = tmp_path / "due.sqlite3"
    database = open_database(path)
    repo = PatientRepository(database, now=clock)
    late = [{"drug": "denosumab", "start_date": "2022-01-10", "last_dose_date": "2026-04-01"}]
    soon = [{"drug": "denosumab", "start_date": "2022-01-10", "last_dose_date": "2026-06-01"}]
    infusion = [{"drug": "zoledronic_acid", "start_date": "2025-12-10"}]
    repo.add(record("MRN-000123", "王秀英", late))
    repo.add(record(None, "Mary Smith", soon))
    repo.add(record("MRN-3", "李", infusion))
    database.close()
    return path


def exit_code(argv):
    """main()'s exit code; usage errors found by argparse exit through SystemExit."""
    try:
        return main(argv)
    except SystemExit as exc:
        return exc.code


def run(db_path, capsys, *args):
    code = main(["due", "--db", str(db_path), *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_json_per_contract_most_urgent_first(db_path, capsys):
    code, out, err = run(db_path, capsys, "--as-of", "2026-11-25", "--format", "json")
    assert code == 0
    items = json.loads(out)
    assert all(
        list(item) == ["patient", "name", "code", "due_date", "status", "detail"] for item in items
    )
    first = items[0]
    assert first == {
        "patient": "MRN-000123",
        "name": "王秀英",
        "code": "denosumab_dose_late",
        "due_date": "2026-10-01",
        "status": "overdue",
        "detail": first["detail"],
    }
    assert "last dose 2026-04-01" in first["detail"]
    mary = next(i for i in items if i["name"] == "Mary Smith")
    assert mary["patient"] == 2  # no clinic id: the internal number
    assert (mary["code"], mary["due_date"], mary["status"]) == (
        "denosumab_dose_due",
        "2026-12-01",
        "due",
    )
    statuses = [i["status"] for i in items]
    assert statuses == sorted(statuses, key=["overdue", "due", "upcoming"].index)
    assert "items as of 2026-11-25 within 30 days" in err


@pytest.mark.parametrize(
    ("within", "listed"),
    [("14", False), ("15", True), ("16", True)],  # the infusion is due 2026-12-10: day 15
)
def test_within_includes_day_n(db_path, capsys, within, listed):
    code, out, _ = run(
        db_path, capsys, "--as-of", "2026-11-25", "--within", within, "--format", "json",
        "--code", "visit_due",
    )  # fmt: skip
    assert code == 0
    found = [(i["patient"], i["due_date"], i["status"]) for i in json.loads(out)]
    assert found == ([("MRN-3", "2026-12-10", "due")] if listed else [])


@pytest.mark.parametrize(
    ("as_of", "code", "status"),
    [
        ("2026-11-30", "denosumab_dose_due", "upcoming"),  # in its notice, not within 0 days
        ("2026-12-01", "denosumab_dose_due", "due"),
        ("2026-12-02", "denosumab_dose_due", "overdue"),
        ("2027-01-01", "denosumab_dose_due", "overdue"),
        ("2027-01-02", "denosumab_dose_late", "overdue"),
    ],
)
def test_the_day_shown_decides_status_and_code(db_path, capsys, as_of, code, status):
    _, out, _ = run(db_path, capsys, "--as-of", as_of, "--within", "0", "--format", "json")
    mary = [i for i in json.loads(out) if i["name"] == "Mary Smith"]
    assert [(i["code"], i["status"]) for i in mary] == [(code, status)]


def test_code_filter_uses_the_code_of_the_day(db_path, capsys):
    _, out, _ = run(
        db_path, capsys, "--as-of", "2026-11-25", "--format", "json",
        "--code", "denosumab_dose_late", "--code", "denosumab_dose_due",
    )  # fmt: skip
    assert [i["code"] for i in json.loads(out)] == ["denosumab_dose_late", "denosumab_dose_due"]


def test_csv_has_the_json_columns(db_path, capsys):
    code, out, _ = run(db_path, capsys, "--as-of", "2026-11-25", "--format", "csv")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert list(rows[0]) == ["patient", "name", "code", "due_date", "status", "detail"]
    assert (rows[0]["patient"], rows[0]["code"]) == ("MRN-000123", "denosumab_dose_late")
    _, as_json, _ = run(db_path, capsys, "--as-of", "2026-11-25", "--format", "json")
    assert len(rows) == len(json.loads(as_json))


def test_text_lines(db_path, capsys):
    code, out, _ = run(db_path, capsys, "--as-of", "2026-11-25", "--lang", "zh_CN")
    assert code == 0
    first = out.splitlines()[0].split("\t")
    assert first[0].strip() == "overdue"
    assert first[1:4] == ["2026-10-01", "MRN-000123", "王秀英"]
    assert first[4] == "地舒单抗注射（逾期）"
    assert "反跳" in first[5]


def test_snoozed_items_are_hidden_unless_asked(db_path, capsys):
    database = open_database(db_path)
    due = DueRepository(database, now=clock)
    (late,) = due.worklist(TODAY, 0, codes=["denosumab_dose_late"])
    due.snooze(late, date(2026, 12, 1), "admitted to hospital")
    database.close()
    _, out, _ = run(db_path, capsys, "--as-of", "2026-11-25", "--format", "json")
    assert "denosumab_dose_late" not in {i["code"] for i in json.loads(out)}
    _, out, _ = run(
        db_path, capsys, "--as-of", "2026-11-25", "--format", "json", "--include-snoozed"
    )
    late_items = [i for i in json.loads(out) if i["code"] == "denosumab_dose_late"]
    assert "Snoozed until 2026-12-01: admitted to hospital" in late_items[0]["detail"]


def test_patient_filter_and_calendar(db_path, capsys):
    _, out, _ = run(db_path, capsys, "--format", "json", "--patient", "MRN-3", "--within", "400")
    assert {i["patient"] for i in json.loads(out)} == {"MRN-3"}
    code, ics, _ = run(db_path, capsys, "--format", "ics", "--patient", "MRN-3")
    assert code == 0
    assert ics.startswith("BEGIN:VCALENDAR\r\n")
    assert "DTSTART;VALUE=DATE:20261210" in ics


@pytest.mark.parametrize(
    ("args", "names"),
    [
        (["--as-of", "2026-13-01"], "--as-of"),
        (["--as-of", "yesterday"], "--as-of"),
        (["--within", "-1"], "--within"),
        (["--within", "soon"], "--within"),
        (["--code", "nonsense"], "--code"),
        (["--format", "xml"], "--format"),
        (["--format", "ics"], "--patient"),
        (["--patient", "NOBODY"], "--patient"),
    ],
)
def test_bad_input_exits_2_naming_the_argument(db_path, capsys, args, names):
    assert exit_code(["due", "--db", str(db_path), *args]) == 2
    err = capsys.readouterr().err
    assert names in err
    assert "Traceback" not in err


def test_missing_database_exits_1(tmp_path, capsys):
    code = main(["due", "--db", str(tmp_path / "none.sqlite3")])
    assert code == 1
    assert "no database" in capsys.readouterr().err
