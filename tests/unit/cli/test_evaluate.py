"""`osteodesk evaluate`: exit codes, one in one out, list in list out, text in both languages."""

import io
import json
import subprocess
import sys

import pytest

from osteodesk.__main__ import main

AS_OF = "2026-11-25"
WOMAN = {
    "id": "MRN-1",
    "name": "王秀英",
    "sex": "female",
    "birth_date": "1954-05-12",
    "menopausal_status": "post",
    "weight_kg": 48.0,
    "dxa": [{"date": "2026-10-02", "lumbar_spine_t": -3.1, "femoral_neck_t": -2.6}],
}
MAN = {
    "id": "MRN-2",
    "sex": "male",
    "birth_date": "1956-01-01",
    "dxa": [{"date": "2026-10-02", "femoral_neck_t": -2.6}],
}


def write(tmp_path, data, name="records.json"):
    path = tmp_path / name
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return str(path)


def call(capsys, *args):
    code = main(["evaluate", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_one_record_gives_one_evaluation(tmp_path, capsys):
    code, out, err = call(capsys, write(tmp_path, WOMAN), "--as-of", AS_OF)
    assert code == 0, err
    result = json.loads(out)
    assert result["schema"] == "osteodesk.evaluation/1"
    assert result["as_of"] == AS_OF
    assert result["framework"] == "cn2022"
    assert result["risk"]["category"] == "very_high"


def test_a_list_gives_a_list_in_the_same_order(tmp_path, capsys):
    code, out, _ = call(
        capsys, write(tmp_path, [WOMAN, MAN]), "--as-of", AS_OF, "--framework", "aace2020"
    )
    assert code == 0
    result = json.loads(out)
    assert [r["framework"] for r in result] == ["aace2020", "aace2020"]
    assert result[0]["risk"]["category"] == "very_high"  # -3.1 < -3.0
    assert result[1]["scores"]["ost"] is None  # no weight
    assert json.loads(call(capsys, write(tmp_path, []), "--as-of", AS_OF)[1]) == []


def test_the_contract_example_evaluates(capsys):
    from pathlib import Path

    path = Path(__file__).resolve().parents[2] / "data" / "contract_example.json"
    code, out, _ = call(capsys, str(path), "--as-of", AS_OF)
    assert code == 0
    assert json.loads(out)["treatment_state"] == "on_denosumab"


def test_stdin_is_read_with_a_dash(monkeypatch, capsys):
    stream = io.TextIOWrapper(io.BytesIO(json.dumps(WOMAN, ensure_ascii=False).encode("utf-8")))
    monkeypatch.setattr(sys, "stdin", stream)
    code, out, _ = call(capsys, "-", "--as-of", AS_OF)
    assert code == 0
    assert json.loads(out)["diagnosis"]["category"] == "osteoporosis"


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("en", ["Diagnosis: osteoporosis", "Options:", "romosozumab"]),
        ("zh_CN", ["诊断: 骨质疏松症", "罗莫佐单抗", "治疗选择"]),
    ],
)
def test_text_format_in_both_languages(tmp_path, capsys, lang, words):
    code, out, _ = call(
        capsys, write(tmp_path, [WOMAN, MAN]), "--as-of", AS_OF, "--format", "text", "--lang", lang
    )
    assert code == 0
    for word in words:
        assert word in out
    assert "MRN-1" in out
    assert "MRN-2" in out
    assert "{" not in out


def test_a_bad_value_names_the_record_field_value_and_range(tmp_path, capsys):
    bad = dict(MAN, dxa=[{"date": "2026-10-02", "femoral_neck_t": -9.1}])
    code, out, err = call(capsys, write(tmp_path, [WOMAN, bad]), "--as-of", AS_OF)
    assert code == 2
    assert out == ""
    assert "record 2" in err
    assert "dxa[0].femoral_neck_t" in err
    assert "-9.1" in err
    assert "-7 and 5" in err
    assert "Traceback" not in err


def test_every_bad_record_is_reported(tmp_path, capsys):
    records = [
        dict(WOMAN, sex="other"),
        dict(MAN, birth_date="2030-01-01"),
        dict(MAN, labs=[{"date": "2026-01-01", "test": "calcium", "value": 2.2, "unit": "g/L"}]),
    ]
    code, _, err = call(capsys, write(tmp_path, records), "--as-of", AS_OF)
    assert code == 2
    assert "record 1 (id MRN-1): sex: must be one of female, male" in err
    assert "record 2 (id MRN-2): birth_date: must not be after 2026-11-25" in err
    assert "record 3 (id MRN-2): labs[0].unit: must be one of mmol/L, mg/dL" in err


def test_a_date_after_as_of_is_an_error(tmp_path, capsys):
    code, _, err = call(capsys, write(tmp_path, WOMAN), "--as-of", "2026-01-01")
    assert code == 2
    assert "dxa[0].date" in err


def test_bad_json_reports_line_and_column(tmp_path, capsys):
    path = tmp_path / "broken.json"
    path.write_text('{\n  "sex": "female",\n  "birth_date": 1950-01-01\n}', encoding="utf-8")
    code, out, err = call(capsys, str(path))
    assert code == 2
    assert out == ""
    assert "line 3" in err
    assert "column" in err


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["missing.json"], "no such file"),
        (["--as-of", "25/11/2026"], "--as-of"),
    ],
)
def test_usage_errors_exit_2(tmp_path, capsys, args, words):
    if args[0] != "missing.json":
        args = [write(tmp_path, WOMAN), *args]
    else:
        args = [str(tmp_path / "missing.json")]
    code, _, err = call(capsys, *args)
    assert code == 2
    assert words in err


def test_an_unknown_framework_is_a_usage_error(tmp_path, capsys):
    with pytest.raises(SystemExit) as info:
        main(["evaluate", write(tmp_path, WOMAN), "--framework", "nogg"])
    assert info.value.code == 2
    assert "cn2022" in capsys.readouterr().err


def test_the_installed_command_never_prints_a_traceback(tmp_path):
    path = write(tmp_path, [WOMAN, {"sex": "female"}])
    result = subprocess.run(
        [sys.executable, "-m", "osteodesk", "evaluate", path, "--as-of", AS_OF],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert result.returncode == 2
    assert "record 2" in result.stderr
    assert "birth_date: is required" in result.stderr
    assert "Traceback" not in result.stderr
    # no --as-of: today, from the clock (only the command line may read it)
    old_scan = dict(WOMAN, dxa=[{"date": "2020-10-02", "lumbar_spine_t": -3.1}])
    ok = subprocess.run(
        [
            sys.executable,
            "-m",
            "osteodesk",
            "evaluate",
            write(tmp_path, old_scan, "one.json"),
            "--format",
            "text",
        ],
        capture_output=True,
        check=False,
    )
    assert ok.returncode == 0
    assert "罗莫佐单抗".encode() in ok.stdout  # default language zh_CN, UTF-8 whatever the console


def test_a_record_that_is_not_an_object_is_named(tmp_path, capsys):
    code, _, err = call(capsys, write(tmp_path, [WOMAN, "abc"]), "--as-of", AS_OF)
    assert code == 2
    assert "record 2: (record): must be object" in err


def test_missing_and_unknown_fields_are_named(tmp_path, capsys):
    bad = {"birth_date": "1950-01-01", "wieght_kg": 50, "events": [{"type": "stroke"}]}
    code, _, err = call(capsys, write(tmp_path, bad), "--as-of", AS_OF)
    assert code == 2
    assert "record 1: sex: is required" in err
    assert "record 1: wieght_kg: unknown field" in err
    assert "record 1: events[0].date: is required" in err
