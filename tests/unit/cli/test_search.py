import json

import pytest

from osteodesk.__main__ import main
from osteodesk.storage.database import open_database
from osteodesk.storage.patients import PatientRepository


@pytest.fixture
def db_path(tmp_path, make_record):
    path = tmp_path / "db.sqlite3"
    database = open_database(path)
    repo = PatientRepository(database)
    repo.add(make_record(id="MRN-000123", name="王秀英", birth_date="1954-05-12"))
    repo.add(make_record(name="张伟", sex="male", birth_date="1950-02-03", menopausal_status=None))
    repo.add(make_record(id="A-9", name="李", phone="139 0000 1111"))
    gone = repo.add(make_record(id="A-10", name="张伟国"))
    repo.archive(gone)
    database.close()
    return path


def run(db_path, capsys, *args):
    code = main(["search", *args, "--db", str(db_path)])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_json_lists_patient_name_sex_birth_date(db_path, capsys):
    code, out, _ = run(db_path, capsys, "wxy", "--format", "json")
    assert code == 0
    assert json.loads(out) == [
        {"patient": "MRN-000123", "name": "王秀英", "sex": "female", "birth_date": "1954-05-12"}
    ]


def test_patient_without_clinic_id_shows_the_internal_number(db_path, capsys):
    _, out, _ = run(db_path, capsys, "张伟", "--format", "json")
    assert json.loads(out) == [
        {"patient": 2, "name": "张伟", "sex": "male", "birth_date": "1950-02-03"}
    ]


@pytest.mark.parametrize(
    ("query", "first"),
    [("李", "A-9"), ("张伟", "2"), ("王秀英", "MRN-000123"), ("zhang wei", "2"),
     ("wangxiuying", "MRN-000123"), ("0000 1111", "A-9"), ("19540512", "MRN-000123")],
)  # fmt: skip
def test_text_output(db_path, capsys, query, first):
    code, out, _ = run(db_path, capsys, query)
    assert code == 0
    assert out.splitlines()[0].split("\t")[0] == first


def test_archived_only_when_asked(db_path, capsys):
    _, out, _ = run(db_path, capsys, "zwg")
    assert out == ""
    _, out, err = run(db_path, capsys, "zwg", "--archived")
    assert out.strip().split("\t") == ["A-10", "张伟国", "female", "1958-03-14", "archived"]


def test_no_match_says_so_on_stderr(db_path, capsys):
    code, out, err = run(db_path, capsys, "钱")
    assert (code, out) == (0, "")
    assert "no patient matches" in err


@pytest.mark.parametrize("args", [["   "], ["li", "--limit", "0"], ["li", "--limit", "5000"]])
def test_bad_input_exits_2(db_path, capsys, args):
    code, _, err = run(db_path, capsys, *args)
    assert code == 2
    assert "Traceback" not in err
