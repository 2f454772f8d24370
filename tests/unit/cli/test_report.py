"""`osteodesk report`: a real database in, a real PDF out, the contract's exit codes."""

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from osteodesk.__main__ import main
from osteodesk.core import messages
from osteodesk.core.evaluation import Step
from osteodesk.core.plan import Plan
from osteodesk.core.record import parse_record
from osteodesk.reports import fonts
from osteodesk.storage.clinic import (
    ClinicSettings,
    ClinicSettingsError,
    load_clinic_settings,
    save_clinic_settings,
)
from osteodesk.storage.database import open_database
from osteodesk.storage.patients import PatientRepository
from osteodesk.storage.plans import PlanRepository

AS_OF = "2026-11-25"


def pdf_text(path: Path) -> str:
    data = path.read_bytes()
    assert data.startswith(b"%PDF-")
    return "".join(
        "".join((page.extract_text() or "").split()) for page in PdfReader(io.BytesIO(data)).pages
    )


@pytest.fixture
def database(tmp_path) -> tuple[Path, int]:
    """A database with one patient (王秀英, MRN-000123) and an active denosumab plan."""
    path = tmp_path / "osteodesk.sqlite3"
    db = open_database(path)
    record = parse_record(
        {
            "id": "MRN-000123",
            "name": "王秀英",
            "sex": "female",
            "birth_date": "1954-05-12",
            "menopausal_status": "post",
            "treatments": [
                {"drug": "denosumab", "start_date": "2022-01-10", "last_dose_date": "2026-05-20"}
            ],
        },
        as_of=date(2026, 11, 25),
    )
    patient_id = PatientRepository(db).add(record)
    PlanRepository(db).add(
        Plan(
            patient_id=patient_id,
            steps=(Step("denosumab"),),
            start_date=date(2026, 11, 25),
            framework="cn2022",
            rules_version="2026.1",
        )
    )
    db.close()
    return path, patient_id


def run_report(db: Path, *args: str) -> int:
    return main(["report", "--db", str(db), "--as-of", AS_OF, *args])


@pytest.mark.parametrize("kind", ["care-plan", "handout"])
@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_writes_a_pdf_with_the_patient_s_name(database, tmp_path, capsys, kind, lang):
    db, _ = database
    out = tmp_path / f"{kind}-{lang}.pdf"
    code = run_report(
        db, "--patient", "MRN-000123", "--kind", kind, "--lang", lang, "--out", str(out)
    )
    assert code == 0
    assert capsys.readouterr().out.strip() == str(out)
    text = pdf_text(out)
    assert "王秀英" in text
    title = "report.care_plan.title" if kind == "care-plan" else "handout.title"
    assert "".join(messages.text(title, lang).split()) in text
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_the_handout_uses_the_plan_dates(database, tmp_path):
    db, _ = database
    out = tmp_path / "handout.pdf"
    assert (
        run_report(
            db, "--patient", "MRN-000123", "--kind", "handout", "--lang", "en", "--out", str(out)
        )
        == 0
    )
    text = pdf_text(out)
    # Last denosumab dose 2026-05-20: due 2026-11-20, five days before --as-of, so "as soon
    # as possible" (table and card); later dates count from the day it is given.
    assert "Assoonaspossible(wasdue20November2026)" in text
    assert "".join(messages.text("handout.event.then.denosumab", "en").split()) in text
    assert "20May2027" not in text
    assert "".join(messages.text("handout.card.title", "en").split()) in text
    assert "".join(messages.text("handout.card.asap", "en").split()) in text


def test_the_internal_number_finds_the_patient(database, tmp_path):
    db, patient_id = database
    out = tmp_path / "plan.pdf"
    assert (
        run_report(db, "--patient", str(patient_id), "--kind", "care-plan", "--out", str(out)) == 0
    )
    assert "MRN-000123" in pdf_text(out)


def test_an_unknown_patient_exits_2_naming_the_argument(database, tmp_path, capsys):
    db, _ = database
    out = tmp_path / "x.pdf"
    assert run_report(db, "--patient", "MRN-999", "--kind", "handout", "--out", str(out)) == 2
    err = capsys.readouterr().err
    assert "--patient" in err
    assert "MRN-999" in err
    assert "Traceback" not in err
    assert not out.exists()


def test_a_missing_database_is_an_unknown_patient_and_is_not_created(tmp_path, capsys):
    db = tmp_path / "none.sqlite3"
    assert (
        run_report(db, "--patient", "1", "--kind", "handout", "--out", str(tmp_path / "x.pdf")) == 2
    )
    assert "--patient" in capsys.readouterr().err
    assert not db.exists()


def test_a_bad_date_exits_2_naming_as_of(database, tmp_path, capsys):
    db, _ = database
    code = main(
        [
            "report",
            "--db",
            str(db),
            "--patient",
            "MRN-000123",
            "--kind",
            "handout",
            "--as-of",
            "2026-13-01",
            "--out",
            str(tmp_path / "x.pdf"),
        ]
    )
    assert code == 2
    assert "--as-of" in capsys.readouterr().err


def test_an_output_folder_that_does_not_exist_exits_2_naming_out(database, tmp_path, capsys):
    db, _ = database
    out = tmp_path / "missing" / "x.pdf"
    assert run_report(db, "--patient", "MRN-000123", "--kind", "handout", "--out", str(out)) == 2
    assert "--out" in capsys.readouterr().err


def test_an_unknown_kind_is_a_usage_error(database, tmp_path, capsys):
    db, _ = database
    with pytest.raises(SystemExit) as caught:
        run_report(
            db, "--patient", "MRN-000123", "--kind", "letter", "--out", str(tmp_path / "x.pdf")
        )
    assert caught.value.code == 2
    assert "--kind" in capsys.readouterr().err


def test_no_font_exits_1_with_the_clear_message(database, tmp_path, capsys, monkeypatch):
    db, _ = database
    monkeypatch.setattr(fonts, "font_candidates", lambda: [])
    monkeypatch.setattr(fonts, "_registered", None)
    out = tmp_path / "x.pdf"
    assert run_report(db, "--patient", "MRN-000123", "--kind", "care-plan", "--out", str(out)) == 1
    assert "no TrueType CJK font found" in capsys.readouterr().err
    assert not out.exists()


def test_an_existing_file_is_replaced_only_by_a_complete_pdf(database, tmp_path, monkeypatch):
    db, _ = database
    out = tmp_path / "plan.pdf"
    out.write_bytes(b"old")
    monkeypatch.setattr(fonts, "font_candidates", lambda: [])
    monkeypatch.setattr(fonts, "_registered", None)
    assert run_report(db, "--patient", "MRN-000123", "--kind", "care-plan", "--out", str(out)) == 1
    assert out.read_bytes() == b"old"
    monkeypatch.undo()
    assert run_report(db, "--patient", "MRN-000123", "--kind", "care-plan", "--out", str(out)) == 0
    assert out.read_bytes().startswith(b"%PDF-")


def test_the_clinic_letterhead_comes_from_clinic_json(database, tmp_path):
    from osteodesk.storage.paths import data_dir

    db, _ = database
    save_clinic_settings(ClinicSettings(name="Riverside <Bone> & Joint", phone="555-0100"))
    assert (data_dir() / "clinic.json").exists()
    out = tmp_path / "handout.pdf"
    assert (
        run_report(
            db, "--patient", "MRN-000123", "--kind", "handout", "--lang", "en", "--out", str(out)
        )
        == 0
    )
    text = pdf_text(out)
    assert "Riverside<Bone>&Joint" in text
    assert "555-0100" in text


def test_a_broken_clinic_json_exits_1_naming_the_file(database, tmp_path, capsys):
    from osteodesk.storage.paths import data_dir

    db, _ = database
    (data_dir() / "clinic.json").write_text('{"name": 5}', encoding="utf-8")
    out = tmp_path / "x.pdf"
    assert run_report(db, "--patient", "MRN-000123", "--kind", "handout", "--out", str(out)) == 1
    err = capsys.readouterr().err
    assert "clinic.json" in err
    assert "name" in err


def test_clinic_settings_round_trip_and_resolve_the_logo(tmp_path):
    path = tmp_path / "clinic.json"
    assert load_clinic_settings(path) == ClinicSettings()
    settings = ClinicSettings(
        name="仁和医院",
        department="骨质疏松门诊",
        phone="1",
        address="a",
        logo_path=tmp_path / "logo.png",
    )
    save_clinic_settings(settings, path)
    assert json.loads(path.read_text(encoding="utf-8"))["logo"] == "logo.png"
    assert load_clinic_settings(path) == settings


@pytest.mark.parametrize(
    ("content", "field"),
    [("[]", "object"), ('{"colour": "red"}', "colour"), ("{", "JSON"), ('{"phone": 1}', "phone")],
)
def test_clinic_settings_errors_name_the_problem(tmp_path, content, field):
    path = tmp_path / "clinic.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ClinicSettingsError, match=field):
        load_clinic_settings(path)
